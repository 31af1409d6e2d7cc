"""Conflicting directives: two principals (or two channels of one) instructing the same,
allied or co-sponsored agents in opposite directions (escalate versus calm) within a
window of days, read from the sentences that report the instructions."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from linkchart.analyze.findings import finding
from linkchart.analyze.selection import Selection
from linkchart.analyze.text import (CueDocument, Sentence, actor_before, clause_start,
                                    cue_documents, entity, source_of)
from linkchart.extract.cue_words import pattern, setting
from linkchart.extract.cues import (REQUEST_TYPES, direction_of, meeting_place, request_span,
                                    words_ahead)
from linkchart.model import ACTOR_TYPES
from linkchart.store.dates import iso

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


def _convener(meetings: list[Sentence], place: str, before: int):
    """Who called the meeting held in `place` (the nearest actor before the convening
    verb), whom they called, and the sentence that says so (`meetings`: the sentences
    that name a meeting's place)."""
    convene = pattern("directives", "convene")
    for sentence in reversed([m for m in meetings if m.index <= before]):
        if meeting_place(sentence.text) != place:
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


def _channel_of(meetings: list[Sentence], issuer: dict[str, Any], before: int):
    """The meeting the issuer called in the sentences just before (its channel)."""
    for sentence in reversed([m for m in meetings
                              if before - SENTENCES_APART <= m.index <= before]):
        place = meeting_place(sentence.text)
        if place:
            convened = _convener(meetings, place, sentence.index)
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


def _issuer_and_channel(meetings: list[Sentence], sentence: Sentence, at: int,
                        said: list[dict[str, Any]]):
    """Who gives the instruction at `at`, through which meeting, to whom, and the sentence
    that says who called the meeting; None without an issuer (or for a bare country)."""
    document = sentence.document
    place = meeting_place(document["text"][clause_start(sentence, at):at])
    issuer = actor_before(sentence, at, ACTOR_TYPES)
    convened = _convener(meetings, place, sentence.index) if place else None
    if convened:
        issuer = convened[0]
    elif issuer is not None and not place:
        called = _channel_of(meetings, issuer, sentence.index)
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


def directives_in(document: CueDocument) -> list[Directive]:
    """Every reported instruction of a document with a direction, its issuer and channel,
    from the directive verbs and meetings found at ingest."""
    found: list[Directive] = []
    said = document.attributions
    text = document.document["text"]
    meetings = document.cue_sentences("meeting")
    for verb in document.cues.get("directive", []):
        sentence = document.sentence(verb["sentence"])
        start, words = words_ahead(text, verb["cue_end"], sentence.end)
        direction = direction_of(words)
        if direction is None:
            continue
        given = _issuer_and_channel(meetings, sentence, verb["cue_start"], said)
        if given is None:
            continue
        issuer, channel, addressees, evidence = given
        addressees = addressees or [m for m in sentence.mentions_between(
            start, start + len(words)) if m["type"] in ACTOR_TYPES
            and re.search(r"\bto\b", words)]
        evidence.append(sentence.evidence(source_of(said, sentence)))
        near = document.between(max(0, sentence.index - 3), sentence.index)
        found.append(Directive(sentence, start, start + len(words.rstrip(" ,.")),
                               text[verb["cue_start"]:verb["cue_end"]], direction, issuer,
                               channel, [a for a in addressees if _key(a) != _key(issuer)],
                               evidence, _date(sentence, document.events, near[::-1])))
    _settle_opposites(found)
    found = [d for d in found if d.direction in ("calm", "escalate")]
    return found + _event_directives(document, found)


def _event_directives(document: CueDocument, known: list[Directive]) -> list[Directive]:
    """Directives from the REQUEST and CONSULT events whose `content` has a direction, with
    the events' own actors as issuers and recipients as addressees (those the sentences
    gave already are not repeated)."""
    seen = {(d.sentence.index, _key(d.issuer), d.direction) for d in known}
    found = []
    text = document.document["text"]
    for event in document.events:
        span = request_span(event, text)
        sentence = document.holding(event.get("start"))
        if span is None or sentence is None:
            continue
        direction = direction_of(text[span[0]:span[1]])
        issuer = next((m for m in sentence.mentions if m["id"] in event["actors"]), None)
        if direction not in ("calm", "escalate") or issuer is None \
                or (sentence.index, _key(issuer), direction) in seen:
            continue
        addressees = [m for m in sentence.mentions if m["id"] in event["recipients"]]
        found.append(Directive(sentence, span[0], span[1], event["type"].lower(), direction,
                               issuer, None, addressees,
                               [sentence.evidence(source_of(document.attributions, sentence))],
                               event.get("date") or document.document["published"]))
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


def _calm_index(calm: list[Directive]) -> dict[tuple[str, str], list[int]]:
    """Positions of the calm directives by document and by addressee."""
    index: dict[tuple[str, str], list[int]] = {}
    for i, d in enumerate(calm):
        index.setdefault(("document", d.sentence.document["id"]), []).append(i)
        for addressee in d.addressees:
            if addressee["id"] is not None:
                index.setdefault(("addressee", addressee["id"]), []).append(i)
    return index


def _candidates(hot: Directive, calm: list[Directive], index) -> list[Directive]:
    """The calm directives that may be related to an escalating one (`_related` decides):
    those of its document and those sharing an addressee, in their order."""
    found = set(index.get(("document", hot.sentence.document["id"]), ()))
    for addressee in hot.addressees:
        if addressee["id"] is not None:
            found.update(index.get(("addressee", addressee["id"]), ()))
    return [calm[i] for i in sorted(found)]


def _may_conflict(store) -> set[str]:
    """The documents whose instructions may take part in a conflict: those instructing in
    both directions, and those whose instructions may reach an entity that another
    document's instructions in the other direction may reach (from the cues' `reaches`,
    a superset of the addressees: documents outside this set cannot pair)."""
    directions: dict[str, set[str]] = {}
    reach: dict[tuple[str, str], set[str]] = {}
    met: dict[str, set[str]] = {}
    for cue in store.reached_entities(["directive", "request", "meeting"]):
        doc = cue["document_id"]
        if cue["kind"] == "meeting":
            met.setdefault(doc, set()).update(cue["reaches"])
            continue
        for side in (("escalate", "calm") if cue["detail"] == "opposite" else (cue["detail"],)):
            directions.setdefault(doc, set()).add(side)
            reach.setdefault((doc, side), set()).update(cue["reaches"])
    reached_by: dict[tuple[str, str], set[str]] = {}
    for (doc, side), ids in reach.items():
        for entity_id in ids | met.get(doc, set()):
            reached_by.setdefault((side, entity_id), set()).add(doc)
    kept = {doc for doc, sides in directions.items() if len(sides) == 2}
    for (side, entity_id), docs in reached_by.items():
        others = reached_by.get(("calm" if side == "escalate" else "escalate", entity_id), set())
        kept |= {doc for doc in docs if others - {doc}}
    return kept


def directives(store, selection: Selection, limit: int = 100) -> list[dict[str, Any]]:
    window = setting("directives", "window_days")
    docs = cue_documents(store, selection, ["directive", "meeting"], ["directive", "request"],
                         list(REQUEST_TYPES), within=_may_conflict(store))
    said = [x for d in docs for x in directives_in(d)
            if all(selection.keeps_source(e["source_kind"] if e["source_kind"] != "outlet"
                                          else None) for e in x.evidence)]
    calm = [d for d in said if d.direction == "calm"]
    index = _calm_index(calm)
    found, seen = [], set()
    for hot in (d for d in said if d.direction == "escalate"):
        for cool in _candidates(hot, calm, index):
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

