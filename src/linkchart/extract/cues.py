"""Text cues, found once when a document is stored: the sentences that report an
instruction or a meeting, call a name a front or claim an attack, deny an accusation, or
hold a statement that no one died or that sets an official line straight. The analyses
(linkchart.analyze) read only these sentences, by index, instead of scanning every text.

A pure function of the document's text and of what extraction found in it (its
statements and its REQUEST/CONSULT events, in the shape the store keeps them), so the
rows written at ingest and those re-derived later from a stored document are the same.
The cue words are data: data/text_cues.yaml."""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from linkchart.extract.cue_words import CUES, pattern, setting

CODE_VERSION = "2"
WORDS_AHEAD = 14
REQUEST_TYPES = ("REQUEST", "CONSULT")

SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])|\n+")
CLAUSE_BREAK = re.compile(r"[;:]|,\s+(?:while|whereas|but|and then)\b|\b(?:while|whereas|but)\b"
                          r"|,\s+(?=[a-z]+\s+(?:told|said|say|says)\b)", re.IGNORECASE)
NAME = (r"(?:[A-Z][\w’'-]+)(?:\s+(?:(?:" + "|".join(setting("directives", "name_particles"))
        + r")\s+)?[A-Z][\w’'-]+){0,3}")


@dataclass
class Cue:
    kind: str
    sentence: int
    cue_start: int | None = None
    cue_end: int | None = None
    detail: str | None = None
    reaches: list[str] | None = None
    """Directives, meetings and requests: the local entities they may be addressed to (a
    superset of the addressees the analysis finds), so that conflicting directives are
    looked for only among documents that may share an addressee."""


@dataclass
class TextCues:
    """A document's sentence spans (where it has any cue) and its cues."""
    sentences: list[tuple[int, int]] = field(default_factory=list)
    cues: list[Cue] = field(default_factory=list)


@cache
def version() -> str:
    """Changes with this module's logic and with the cue words: stored cues of another
    version are stale."""
    digest = hashlib.sha1(CUES.read_bytes()).hexdigest()[:10]
    return f"{CODE_VERSION}:{digest}"


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """The sentences of a text as (start, end), stripped of surrounding blanks."""
    found: list[tuple[int, int]] = []
    start = 0
    for match in [*SENTENCE_END.finditer(text), None]:
        end = match.start() if match else len(text)
        stripped = text[start:end].strip()
        if stripped:
            lead = start + text[start:end].index(stripped)
            found.append((lead, lead + len(stripped)))
        start = match.end() if match else len(text)
    return found


def sentence_at(spans: list[tuple[int, int]], offset: int | None) -> int | None:
    """The index of the sentence holding an offset (or ending just before it)."""
    if offset is None:
        return None
    i = bisect_right(spans, (offset, float("inf"))) - 1
    return i if i >= 0 and offset < spans[i][1] + 1 else None


def words_ahead(text: str, offset: int, sentence_end: int) -> tuple[int, str]:
    """The words after a verb, up to the clause's end or WORDS_AHEAD words: where they
    start, and the words up to the first comma or full stop."""
    rest = text[offset:sentence_end]
    cut = CLAUSE_BREAK.search(rest)
    rest = rest[:cut.start()] if cut else rest
    words = re.match(r"\s*(?:\S+\s*){0,%d}" % WORDS_AHEAD, rest).group(0)
    lead = len(words) - len(words.lstrip())
    return offset + lead, re.split(r"[,.]", words.strip())[0]


def direction_of(words: str) -> str | None:
    """calm, escalate or opposite: the earliest direction word of an instruction."""
    found = []
    for name in ("calm", "escalate", "opposite"):
        match = pattern("directives", name).search(words)
        if match:
            found.append((match.start(), name))
    return min(found)[1] if found else None


def meeting_place(text: str) -> str | None:
    """"the Tehran meeting", "a meeting in Geneva": where a meeting was held."""
    meeting = pattern("directives", "meeting").pattern
    for shape in (rf"\b({NAME})\s+{meeting}", rf"{meeting}\s+(?:held\s+)?(?:in|at)\s+({NAME})"):
        match = re.search(shape, text)
        if match:
            return match.group(1)
    return None


def request_span(event: dict[str, Any], text: str) -> tuple[int, int] | None:
    """Where what a REQUEST or CONSULT event asked for lies in the text (`content`: a
    string, or a span with start and end)."""
    content = event.get("content")
    if isinstance(content, dict) and content.get("start") is not None:
        return content["start"], content["end"]
    if isinstance(content, str) and content:
        at = text.find(content, max(0, (event.get("start") or 0) - 400))
        return (at, at + len(content)) if at >= 0 else None
    return None


def is_pronoun(source_text: str) -> bool:
    """A speaker given only as "he", "they", "we": whose side it is, the text does not say."""
    return source_text.strip().casefold() in setting("directives", "not_names")


def find_cues(text: str, statements: list[dict[str, Any]], requests: list[dict[str, Any]],
              mentions: list[tuple[int, int, str]] = ()) -> TextCues:
    """The cues of one document. `statements`: its attributions ({content, start, end,
    source_kind, source_text}); `requests`: its events ({type, start, content});
    `mentions`: its entity mentions (start, end, local id)."""
    spans = sentence_spans(text)
    cues: list[Cue] = []
    for index, (start, end) in enumerate(spans):
        cues += _sentence_cues(text, spans, index, start, end)
    cues += _statement_cues(spans, statements)
    cues += _request_cues(text, spans, requests)
    cues.sort(key=lambda c: (c.sentence, c.cue_start or -1, c.kind))
    for cue in cues:
        _reaches(cue, text, spans[cue.sentence], mentions)
    return TextCues(spans if cues else [], cues)


def _reaches(cue: Cue, text: str, sentence: tuple[int, int],
             mentions: list[tuple[int, int, str]]) -> None:
    """Whom a directive ("urged X to ...") or a meeting (those called to it) may be
    addressed to (a request's are its event's recipients)."""
    start, end = sentence
    if cue.kind == "directive":
        ahead, words = words_ahead(text, cue.cue_end, end)
        low, high = (ahead, ahead + len(words)) if re.search(r"\bto\b", words) else (0, 0)
    elif cue.kind == "meeting":
        convene = pattern("directives", "convene").search(text[start:end])
        low, high = (start + convene.start(), end) if convene else (0, 0)
    else:
        return
    cue.reaches = sorted({local for at, to, local in mentions if at >= low and to <= high})


def _sentence_cues(text: str, spans, index: int, start: int, end: int) -> list[Cue]:
    sentence = text[start:end]
    found = [Cue("directive", index, start + verb.start(), start + verb.end(), direction)
             for verb, direction in _directive_verbs(text, start, end)]
    place = meeting_place(sentence)
    if place:
        found.append(Cue("meeting", index, detail=place))
    for kind, name in (("front_cover", "cover"), ("front_claim", "claim")):
        match = pattern("fronts", name).search(sentence)
        if match:
            found.append(Cue(kind, index, start + match.start(), start + match.end()))
    denial = pattern("contradictions", "denies").search(sentence)
    if denial and _accusation_possible(text, spans, index, start + denial.start()):
        found.append(Cue("denial", index, start + denial.start(), start + denial.end()))
    return found


def _directive_verbs(text: str, start: int, end: int):
    """Each directive verb of a sentence followed by a direction, with the direction;
    not those the sentence says were not given ("if ordered to", "has not ordered")."""
    not_given = pattern("directives", "not_given")
    for verb in pattern("directives", "verbs").finditer(text[start:end]):
        before = re.search(r"(?:\S+\s+){0,3}$", text[start:start + verb.start()]).group(0)
        if not_given.search(re.sub(r"n[’']t\b", " n't", before)):
            continue
        _, words = words_ahead(text, start + verb.end(), end)
        direction = direction_of(words)
        if direction is not None:
            yield verb, direction


def _accusation_possible(text: str, spans, index: int, at: int) -> bool:
    """Whether a denial at `at` can answer an accusation: an accusing or asserting word
    before it in its sentence, or an accusing word in the sentences before (back to the
    previous denial, three at most)."""
    accuses, denies = pattern("contradictions", "accuses"), pattern("contradictions", "denies")
    head = text[spans[index][0]:at]
    if accuses.search(head) or pattern("contradictions", "asserts").search(head):
        return True
    window = setting("contradictions", "window_sentences")
    for start, end in reversed(spans[max(0, index - window):index]):
        if denies.search(text[start:end]):
            return False
        if accuses.search(text[start:end]):
            return True
    return False


def _statement_cues(spans, statements: list[dict[str, Any]]) -> list[Cue]:
    """Statements that no one was hurt, and anonymous statements that set an official
    line straight, at the sentence each ends in."""
    none, contrast = pattern("contradictions", "no_casualties"), pattern("contradictions",
                                                                        "contrast")
    bodies = pattern("contradictions", "official_bodies")
    found = []
    for said in statements:
        index = sentence_at(spans, said.get("end") or said.get("start"))
        content, source = said.get("content") or "", said.get("source_text") or ""
        if index is None:
            continue
        if none.search(content):
            found.append(Cue("no_casualties", index))
        if said.get("source_kind") == "anonymous" and contrast.search(content) \
                and not bodies.search(source) and not is_pronoun(source):
            found.append(Cue("anonymous_contrast", index))
    return found


def _request_cues(text: str, spans, requests: list[dict[str, Any]]) -> list[Cue]:
    """REQUEST and CONSULT events that ask for calm or escalation."""
    found = []
    for event in requests:
        if event.get("type") not in REQUEST_TYPES or event.get("start") is None:
            continue
        span = request_span(event, text)
        index = next((i for i, (s, e) in enumerate(spans) if s <= event["start"] < e), None)
        if span is None or index is None:
            continue
        direction = direction_of(text[span[0]:span[1]])
        if direction in ("calm", "escalate"):
            found.append(Cue("request", index, span[0], span[1], direction,
                             sorted(set(event.get("recipients") or []))))
    return found
