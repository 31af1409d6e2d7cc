"""Documents as sentences with the entities each mentions: what the text analyses read."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from linkchart.analyze.lexicon import setting

CLAUSE_BREAK = re.compile(r"[;:]|,\s+(?:while|whereas|but|and then)\b|\b(?:while|whereas|but)\b"
                          r"|,\s+(?=[a-z]+\s+(?:told|said|say|says)\b)", re.IGNORECASE)
NAME = (r"(?:[A-Z][\w’'-]+)(?:\s+(?:(?:" + "|".join(setting("directives", "name_particles"))
        + r")\s+)?[A-Z][\w’'-]+){0,3}")
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])|\n+")


@dataclass
class Sentence:
    document: dict[str, Any]
    index: int
    start: int
    end: int
    text: str
    mentions: list[dict[str, Any]] = field(default_factory=list)

    def mentions_between(self, start: int, end: int) -> list[dict[str, Any]]:
        """Entities mentioned between two offsets of the document."""
        return [m for m in self.mentions if m["start"] >= start and m["end"] <= end]

    def evidence(self, source: dict[str, Any] | None = None, start: int | None = None,
                 end: int | None = None) -> dict[str, Any]:
        """This sentence (or a part of it) as a finding's evidence, credited to a
        reported source (an attribution) or to the outlet."""
        start = self.start if start is None else start
        end = self.end if end is None else end
        return {"document": self.document["id"], "text": self.document["text"][start:end],
                "start": start, "end": end,
                "source_text": (source or {}).get("source_text") or self.document["outlet"],
                "source_kind": (source or {}).get("source_kind") or "outlet",
                "outlet": self.document["outlet"], "published": self.document["published"]}


def sentences(document: dict[str, Any], mentions: list[dict[str, Any]]) -> list[Sentence]:
    """The sentences of a document's text, each with the mentions inside it."""
    text = document["text"]
    found: list[Sentence] = []
    start = 0
    for match in [*SENTENCE_END.finditer(text), None]:
        end = match.start() if match else len(text)
        stripped = text[start:end].strip()
        if stripped:
            lead = start + text[start:end].index(stripped)
            found.append(Sentence(document, len(found), lead, lead + len(stripped), stripped))
        start = match.end() if match else len(text)
    i = 0
    for sentence in found:
        while i < len(mentions) and mentions[i]["start"] < sentence.start:
            i += 1
        j = i
        while j < len(mentions) and mentions[j]["end"] <= sentence.end:
            sentence.mentions.append(mentions[j])
            j += 1
    return found


def source_of(attributions: list[dict[str, Any]], sentence: Sentence) -> dict[str, Any] | None:
    """The reported statement (attribution) whose content or cue lies in a sentence."""
    for found in attributions:
        if found.get("start") is None:
            continue
        if found["start"] < sentence.end and (found.get("end") or found["start"]) > sentence.start:
            return found
    for found in attributions:
        content = (found.get("content") or "")[:60]
        if content and content in sentence.text:
            return found
    return None


def clause_start(sentence: Sentence, offset: int) -> int:
    """Where the clause holding an offset of the sentence begins."""
    head = sentence.document["text"][sentence.start:offset]
    breaks = [m.end() for m in CLAUSE_BREAK.finditer(head)]
    return sentence.start + (breaks[-1] if breaks else 0)


def actor_before(sentence: Sentence, at: int, types: set[str], unknown: bool = True
                 ) -> dict[str, Any] | None:
    """Who does what the verb at `at` says: the first actor of the clause when only an
    apposition stands between it and the verb ("X, the commander of Y, ordered"), else the
    nearest actor before the verb, else (with `unknown`) a capitalised name right before
    it that the store does not hold."""
    start = clause_start(sentence, at)
    text = sentence.document["text"]
    heads = [m for m in sentence.mentions_between(start, at) if m["type"] in types]
    for m in heads:
        if re.fullmatch(r",[^,]*,\s*", text[m["end"]:at]):
            return m
    if heads or not unknown:
        return heads[-1] if heads else None
    named = re.search(rf"({NAME})\s*$", text[start:at])
    if named and named.group(1).split()[0].lower() not in (
            "the", "a", "an", "while", "at", *setting("directives", "not_names")):
        return {"id": None, "name": named.group(1), "type": None,
                "start": start + named.start(1), "end": start + named.end(1)}
    return None


def entity(mention: dict[str, Any]) -> dict[str, Any]:
    return {"id": mention["id"], "name": mention["name"], "type": mention["type"]}


def selected_documents(store, selection, containing: list[str],
                       matching: list[re.Pattern[str]] = (),
                       with_each: list[list[str]] = (), near: int | None = None
                       ) -> list[dict[str, Any]]:
    """The selection's documents that hold a cue word: from the full-text index, one of
    each group of `with_each` (`near`: two groups that many words apart at most; else, cut
    in SQL, one of `containing`); then, with
    `matching`, only those whose text matches one of those patterns."""
    return [d for d in store.document_texts(selection.documents, selection.date_from,
                                            selection.date_to, containing=containing,
                                            with_each=with_each or [containing],
                                            near=near)
            if selection.keeps_document(d["id"], d["outlet"], d["published"])
            and (not matching or any(p.search(d["text"]) for p in matching))]
