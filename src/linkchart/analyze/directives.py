"""Conflicting directives: two principals (or two channels of one) instructing the same,
allied or co-sponsored agents in opposite directions (escalate versus calm) within a
window of days, read from the sentences that report the instructions."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any

from linkchart.analyze.findings import finding
from linkchart.analyze.lexicon import pattern, plain_words, setting
from linkchart.analyze.selection import Selection
from linkchart.analyze.text import (CLAUSE_BREAK, NAME, Sentence, actor_before, clause_start,
                                    entity, selected_documents, sentences, source_of)
from linkchart.model import ACTOR_TYPES
from linkchart.store.dates import iso

WORDS_AHEAD = 14
SENTENCES_APART = 6


@dataclass
class Directive:
    sentence: Sentence
    start: int
    end: int
    verb: str
    direction: str
    issuer: dict[str, Any] | None
    channel: str | None = None
    addressees: list[dict[str, Any]] = field(default_factory=list)
    evidence: list[dict[str, Any]] = field(default_factory=list)
    date: str | None = None

    @property
    def content(self) -> str:
        return self.sentence.document["text"][self.start:self.end]


def _ahead(sentence: Sentence, offset: int) -> tuple[int, str]:
    """The words after a verb, up to the clause's end or WORDS_AHEAD words."""
    rest = sentence.document["text"][offset:sentence.end]
    cut = CLAUSE_BREAK.search(rest)
    rest = rest[:cut.start()] if cut else rest
    words = re.match(r"\s*(?:\S+\s*){0,%d}" % WORDS_AHEAD, rest).group(0)
    lead = len(words) - len(words.lstrip())
    return offset + lead, re.split(r"[,.]", words.strip())[0]


def _direction(words: str) -> str | None:
    found = []
    for name in ("calm", "escalate", "opposite"):
        match = pattern("directives", name).search(words)
        if match:
            found.append((match.start(), name))
    return min(found)[1] if found else None


def _meeting_place(text: str) -> str | None:
    """"the Tehran meeting", "a meeting in Geneva": where a meeting was held."""
    meeting = pattern("directives", "meeting").pattern
    for shape in (rf"\b({NAME})\s+{meeting}", rf"{meeting}\s+(?:held\s+)?(?:in|at)\s+({NAME})"):
        match = re.search(shape, text)
        if match:
            return match.group(1)
    return None


def _convener(sentences_: list[Sentence], place: str, before: int):
    """Who called the meeting held in `place` (the nearest actor before the convening
    verb), whom they called, and the sentence that says so."""
    convene = pattern("directives", "convene")
    for sentence in reversed(sentences_[:before + 1]):
        if _meeting_place(sentence.text) != place:
            continue
        verb = convene.search(sentence.text)
        if not verb:
            continue
        at = sentence.start + verb.start()
        heads = [m for m in sentence.mentions_between(clause_start(sentence, at), at)
                 if m["type"] in ACTOR_TYPES - {"country"}]
        if heads:
            called = [m for m in sentence.mentions_between(at, sentence.end)
                      if m["type"] in ACTOR_TYPES - {"country"}]
            return heads[-1], called, sentence
    return None


def _channel_of(sentences_: list[Sentence], issuer: dict[str, Any], before: int):
    """The meeting the issuer called in the sentences just before (its channel)."""
    for sentence in reversed(sentences_[max(0, before - SENTENCES_APART):before + 1]):
        place = _meeting_place(sentence.text)
        if place:
            convened = _convener(sentences_, place, sentence.index)
            if convened and convened[0]["id"] == issuer["id"]:
                return place, convened
    return None


def _date(sentence: Sentence, events: list[dict[str, Any]], near: list[Sentence]) -> str:
    """The date of an event reported in or just before the sentence, else publication."""
    for around in [sentence, *near]:
        for event in events:
            if event.get("date") and event.get("start") is not None \
                    and around.start <= event["start"] < around.end:
                return event["date"]
    return sentence.document["published"]


def _issuer_and_channel(all_sentences: list[Sentence], sentence: Sentence, at: int,
                        said: list[dict[str, Any]]):
    """Who gives the instruction at `at`, through which meeting, to whom, and the sentence
    that says who called the meeting; None without an issuer (or for a bare country)."""
    document = sentence.document
    place = _meeting_place(document["text"][clause_start(sentence, at):at])
    issuer = actor_before(sentence, at, ACTOR_TYPES)
    convened = _convener(all_sentences, place, sentence.index) if place else None
    if convened:
        issuer = convened[0]
    elif issuer is not None and not place:
        called = _channel_of(all_sentences, issuer, sentence.index)
        if called:
            place, convened = called
        elif issuer["type"] == "country":
            return None
    if issuer is None:
        return None
    channel = f"meeting in {place}" if place else None
    if convened is None:
        return issuer, channel, [], []
    _, addressees, where = convened
    return issuer, channel, addressees, [where.evidence(source_of(said, where))]


def directives_in(document: dict[str, Any], material: dict[str, Any]) -> list[Directive]:
    """Every reported instruction of a document with a direction, its issuer and channel."""
    found: list[Directive] = []
    said = material["attributions"]
    all_sentences = sentences(document, material["mentions"])
    verbs = pattern("directives", "verbs")
    for sentence in all_sentences:
        for verb in verbs.finditer(sentence.text):
            at = sentence.start + verb.start()
            start, words = _ahead(sentence, sentence.start + verb.end())
            direction = _direction(words)
            if direction is None:
                continue
            given = _issuer_and_channel(all_sentences, sentence, at, said)
            if given is None:
                continue
            issuer, channel, addressees, evidence = given
            addressees = addressees or [m for m in sentence.mentions_between(
                start, start + len(words)) if m["type"] in ACTOR_TYPES
                and re.search(r"\bto\b", words)]
            evidence.append(sentence.evidence(source_of(said, sentence)))
            near = all_sentences[max(0, sentence.index - 3):sentence.index]
            found.append(Directive(sentence, start, start + len(words.rstrip(" ,.")),
                                   verb.group(0), direction, issuer, channel,
                                   [a for a in addressees if _key(a) != _key(issuer)],
                                   evidence, _date(sentence, material["events"], near[::-1])))
    _settle_opposites(found)
    found = [d for d in found if d.direction in ("calm", "escalate")]
    return found + _event_directives(document, material, all_sentences, found)


def _content(event: dict[str, Any], document: dict[str, Any]) -> tuple[int, int] | None:
    """Where what a REQUEST or CONSULT event asked for lies in the text, when extraction
    gives it (`content`: a string, or a span with start and end)."""
    content = event.get("content")
    if isinstance(content, dict) and content.get("start") is not None:
        return content["start"], content["end"]
    if isinstance(content, str) and content:
        at = document["text"].find(content, max(0, (event.get("start") or 0) - 400))
        return (at, at + len(content)) if at >= 0 else None
    return None


def _event_directives(document, material, all_sentences: list[Sentence],
                      known: list[Directive]) -> list[Directive]:
    """Directives from the REQUEST and CONSULT events whose `content` has a direction, with
    the events' own actors as issuers and recipients as addressees (those the sentences
    gave already are not repeated)."""
    seen = {(d.sentence.index, _key(d.issuer), d.direction) for d in known}
    found = []
    for event in material["events"]:
        span = _content(event, document)
        sentence = next((s for s in all_sentences
                         if event.get("start") is not None and s.start <= event["start"] < s.end),
                        None)
        if span is None or sentence is None:
            continue
        direction = _direction(document["text"][span[0]:span[1]])
        issuer = next((m for m in sentence.mentions if m["id"] in event["actors"]), None)
        if direction not in ("calm", "escalate") or issuer is None \
                or (sentence.index, _key(issuer), direction) in seen:
            continue
        addressees = [m for m in sentence.mentions if m["id"] in event["recipients"]]
        found.append(Directive(sentence, span[0], span[1], event["type"].lower(), direction,
                               issuer, None, addressees,
                               [sentence.evidence(source_of(material["attributions"], sentence))],
                               event.get("date") or document["published"]))
    return found


def _settle_opposites(found: list[Directive]) -> None:
    """"urged the opposite": the reverse of the nearest directive before or beside it."""
    for i, d in enumerate(found):
        if d.direction != "opposite":
            continue
        others = [o for o in found[:i][::-1] + found[i + 1:] if o.direction in ("calm",
                  "escalate") and abs(o.sentence.index - d.sentence.index) <= 1]
        if others:
            d.direction = "escalate" if others[0].direction == "calm" else "calm"


@cache
def _verb_then_direction() -> re.Pattern[str]:
    """A directive verb followed closely by a direction word: the documents worth reading."""
    verbs, ahead = pattern("directives", "verbs").pattern, r"\W+(?:\S+\s+){0,%d}?" % WORDS_AHEAD
    return re.compile(verbs + ahead + r"(?:" + "|".join(
        pattern("directives", name).pattern for name in ("calm", "escalate", "opposite")) + ")",
        re.IGNORECASE)


def _days_apart(a: str | None, b: str | None) -> int | None:
    a, b = iso(a), iso(b)
    if not a or not b:
        return None
    a, b = (a + "-01-01")[:10] if len(a) == 4 else (a + "-01")[:10], \
        (b + "-01-01")[:10] if len(b) == 4 else (b + "-01")[:10]
    return abs((date.fromisoformat(a) - date.fromisoformat(b)).days)


def _key(issuer: dict[str, Any]) -> str:
    return issuer["id"] or issuer["name"].casefold()


def _related(a: Directive, b: Directive, window: int) -> bool:
    if _key(a.issuer) == _key(b.issuer) and a.channel == b.channel:
        return False
    days = _days_apart(a.date, b.date)
    if days is not None and days > window:
        return False
    if a.sentence.document["id"] == b.sentence.document["id"]:
        return abs(a.sentence.index - b.sentence.index) <= SENTENCES_APART
    shared = {x["id"] for x in a.addressees} & {x["id"] for x in b.addressees}
    return bool(shared - {None})


def _side(d: Directive) -> dict[str, Any]:
    return {"issuer": entity(d.issuer), "channel": d.channel, "direction": d.direction,
            "verb": d.verb, "content": d.content, "date": iso(d.date),
            "addressees": [entity(a) for a in d.addressees],
            "sources": sorted({e["source_text"] for e in d.evidence if e["source_text"]}),
            "document": d.sentence.document["id"]}


def _label(d: Directive) -> str:
    channel = f" ({d.channel})" if d.channel else ""
    return f"{d.issuer['name']}{channel} {d.verb} \"{d.content}\" ({d.direction})"


def directives(store, selection: Selection, limit: int = 100) -> list[dict[str, Any]]:
    window = setting("directives", "window_days")
    calm = setting("directives", "prefilter")
    docs = selected_documents(store, selection, calm, [_verb_then_direction()],
                              with_each=[plain_words("directives", "verbs"), calm],
                              near=WORDS_AHEAD)
    material = store.document_material([d["id"] for d in docs], ["REQUEST", "CONSULT"])
    said = [x for d in docs for x in directives_in(d, material[d["id"]])
            if all(selection.keeps_source(e["source_kind"] if e["source_kind"] != "outlet"
                                          else None) for e in x.evidence)]
    calm = [d for d in said if d.direction == "calm"]
    found, seen = [], set()
    for hot in (d for d in said if d.direction == "escalate"):
        for cool in calm:
            key = (_key(hot.issuer), hot.channel, _key(cool.issuer), cool.channel)
            if key in seen or not _related(hot, cool, window):
                continue
            if not selection.involves([hot.issuer["id"], cool.issuer["id"],
                                       *[a["id"] for a in hot.addressees + cool.addressees]]):
                continue
            seen.add(key)
            found.append(finding(
                "directives", f"{_label(hot)}, while {_label(cool)}",
                [hot.issuer, cool.issuer, *hot.addressees, *cool.addressees],
                [*hot.evidence, *cool.evidence],
                escalate=_side(hot), calm=_side(cool)))
    return found[:limit]

