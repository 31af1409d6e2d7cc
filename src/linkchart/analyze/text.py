"""Documents as sentences with the entities each mentions: what the text analyses read.
The sentences that hold a cue were found at ingest (linkchart.extract.cues); a
`CueDocument` builds only the sentences an analysis asks for."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any

from linkchart.analyze.findings import AnalysisError
from linkchart.extract.cue_words import setting
from linkchart.extract.cues import CLAUSE_BREAK, NAME, sentence_at, sentence_spans

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
    placed = [(m["start"], m["end"], m) for m in mentions]
    return CueDocument(document, sentence_spans(document["text"]), placed).all()


@dataclass
class CueDocument:
    """A stored document with its sentence spans and its mentions in text order
    ((start, end, who): `who` a local entity id of `entities`, or the entity itself);
    sentences are built when asked for."""
    document: dict[str, Any]
    spans: list[tuple[int, int]]
    mentions: list[tuple[int, int, Any]] = field(default_factory=list)
    cues: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    attributions: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    entities: dict[str, dict[str, Any]] | None = None
    _built: dict[int, Sentence] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._starts = [m[0] for m in self.mentions]

    def sentence(self, index: int) -> Sentence:
        if index not in self._built:
            start, end = self.spans[index]
            built = Sentence(self.document, index, start, end, self.document["text"][start:end])
            j = bisect_left(self._starts, start)
            while j < len(self.mentions) and self.mentions[j][1] <= end:
                at, to, who = self.mentions[j]
                who = self.entities[who] if self.entities is not None else who
                built.mentions.append({"start": at, "end": to, **who})
                j += 1
            self._built[index] = built
        return self._built[index]

    def between(self, low: int, high: int) -> list[Sentence]:
        """The sentences low..high-1 (as a slice of all sentences would give them)."""
        return [self.sentence(i) for i in range(len(self.spans))[low:high]]

    def all(self) -> list[Sentence]:
        return self.between(0, len(self.spans))

    def ending_at(self, offset: int | None) -> Sentence | None:
        """The sentence holding an offset or ending just before it."""
        index = sentence_at(self.spans, offset)
        return None if index is None else self.sentence(index)

    def holding(self, offset: int | None) -> Sentence | None:
        """The sentence whose span holds an offset."""
        if offset is None:
            return None
        index = next((i for i, (s, e) in enumerate(self.spans) if s <= offset < e), None)
        return None if index is None else self.sentence(index)

    def cue_sentences(self, kind: str) -> list[Sentence]:
        """The sentences holding a cue of one kind, in text order, once each."""
        indices = dict.fromkeys(c["sentence"] for c in self.cues.get(kind, []))
        return [self.sentence(i) for i in sorted(indices)]


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


def cue_documents(store, selection, kinds: list[str], needing: list[str],
                  event_types: list[str] = (), within: set[str] | None = None
                  ) -> list[CueDocument]:
    """The selection's documents (of `within`) that hold a cue of one of the kinds
    `needing`, each with its cues of `kinds`, its mentions, statements and events of
    `event_types`, by id."""
    missing = store.documents_without_cues()
    if missing:
        raise AnalysisError(
            f"{missing} stored documents have no text cues of the current cue words "
            "(stored before text cues, or the cue words changed): run `linkchart cues` "
            "on this store once")
    wanted = store.documents_with_cues(needing)
    if within is not None:
        wanted &= within
    if selection.documents:
        wanted &= set(selection.documents)
    docs = [d for d in store.cue_documents(wanted, selection.date_from, selection.date_to)
            if selection.keeps_document(d["id"], d["outlet"], d["published"])]
    ids = [d["id"] for d in docs]
    material = store.document_material(ids, event_types, mentions=False)
    cues: dict[str, dict[str, list]] = {}
    for cue in store.cues_of_kinds(kinds, ids):
        cues.setdefault(cue["document_id"], {}).setdefault(cue["kind"], []).append(cue)
    return [CueDocument(doc, doc["sentences"], doc["mentions"], cues.get(doc["id"], {}),
                        material[doc["id"]]["attributions"], material[doc["id"]]["events"],
                        material[doc["id"]]["locals"]) for doc in docs]
