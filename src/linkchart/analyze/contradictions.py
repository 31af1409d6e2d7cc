"""Sources that disagree about one fact: casualties of one incident, a tie asserted by
one source and denied by another, an official line against an anonymous source."""

from __future__ import annotations

from typing import Any

from linkchart.analyze.findings import finding, relation_evidence
from linkchart.extract.cue_words import pattern, setting
from linkchart.analyze.selection import Selection
from linkchart.analyze.text import (CueDocument, Sentence, actor_before, cue_documents, entity,
                                    sentences, source_of)
from linkchart.extract.cues import is_pronoun
from linkchart.model import ACTOR_TYPES

NAMED = {"named_person", "named_org"}


def _side(said: dict[str, Any], sentence: Sentence, names: dict[str, dict[str, Any]]):
    speaker = names.get(said.get("source") or "") or {
        "id": None, "name": said["source_text"], "type": None}
    return {"source": speaker, "source_text": said["source_text"],
            "source_kind": said["source_kind"], "content": said["content"],
            "evidence": sentence.evidence(said)}


def _statements(document: CueDocument) -> list[tuple[dict[str, Any], Sentence]]:
    """Each reported statement with the sentence it ends in."""
    found = []
    for said in document.attributions:
        sentence = document.ending_at(said.get("end") or said.get("start"))
        if sentence is not None:
            found.append((said, sentence))
    return found


def casualty_disputes(statements, names) -> list[dict[str, Any]]:
    """One source says an incident caused no casualties, another near it that people
    died or were hurt."""
    none, some = pattern("contradictions", "no_casualties"), pattern("contradictions",
                                                                    "casualties")
    window = setting("contradictions", "window_sentences")
    found = []
    for said, sentence in statements:
        if not none.search(said["content"]):
            continue
        for other, where in statements:
            if (other is said or abs(where.index - sentence.index) > window
                    or other["source_text"].casefold() == said["source_text"].casefold()
                    or none.search(other["content"]) or not some.search(other["content"])):
                continue
            a, b = _side(said, sentence, names), _side(other, where, names)
            found.append(finding(
                "contradictions", f"{a['source_text']} says \"{said['content']}\", but "
                f"{b['source_text']} says \"{other['content']}\"",
                [a["source"], b["source"], *sentence.mentions, *where.mentions],
                [a["evidence"], b["evidence"]], about="casualties", sides=[a, b]))
    return found


def official_against_anonymous(statements, document: CueDocument, names
                               ) -> list[dict[str, Any]]:
    """An anonymous source says the official line is not the whole truth ("in fact")."""
    contrast, official = pattern("contradictions", "contrast"), pattern("contradictions",
                                                                       "official")
    bodies = pattern("contradictions", "official_bodies")
    window = setting("contradictions", "window_sentences")
    found = []
    for said, sentence in statements:
        if (said["source_kind"] != "anonymous" or not contrast.search(said["content"])
                or bodies.search(said["source_text"]) or is_pronoun(said["source_text"])):
            continue
        before = [(o, w) for o, w in statements if o["source_kind"] in NAMED
                  and 0 < sentence.index - w.index <= window]
        if before:
            other, where = before[-1]
            line = _side(other, where, names)
        else:
            lines = [s for s in document.between(max(0, sentence.index - window),
                                                 sentence.index) if official.search(s.text)]
            if not lines:
                continue
            where = lines[-1]
            line = {"source": {"id": None, "name": "official statement", "type": None},
                    "source_text": "official statement", "source_kind": "named_org",
                    "content": where.text, "evidence": where.evidence()}
        them = _side(said, sentence, names)
        found.append(finding(
            "contradictions", f"{them['source_text']} (anonymous) contradicts the official "
            f"line \"{line['content'][:120]}\": \"{said['content'][:160]}\"",
            [line["source"], *where.mentions, *sentence.mentions],
            [line["evidence"], them["evidence"]], about="official_vs_anonymous",
            sides=[line, them]))
    return found


def _accuser(sentence: Sentence, before: int, said: list[dict], denier: dict,
             weak: bool = False):
    """Who makes the accusation in a sentence (up to an offset): the actor before an
    accusing word (with `weak`, a word of assertion too), else the source the sentence is
    credited to; None when that is the denier."""
    accuses = pattern("contradictions", "accuses")
    text = sentence.document["text"][sentence.start:before]
    cues = [*accuses.finditer(text)]
    if weak:
        cues += pattern("contradictions", "asserts").finditer(text)
    for cue in sorted(cues, key=lambda c: c.start()):
        if not cue.group(0)[0].islower():
            continue
        who = actor_before(sentence, sentence.start + cue.start(), ACTOR_TYPES, unknown=False)
        if who and who.get("id") != denier.get("id") and who["name"] != denier["name"]:
            credited = source_of(said, sentence)
            if credited and (credited.get("source") == denier.get("id")
                             or credited["source_text"] == denier["name"]):
                credited = None
            return who, sentence.evidence(credited, sentence.start, before)
    credited = source_of(said, sentence)
    if credited and accuses.search(text) and credited.get("source") != denier.get("id") \
            and credited["source_text"].casefold() != denier["name"].casefold():
        who = {"id": credited.get("source"), "name": credited["source_text"], "type": None}
        return who, sentence.evidence(credited, sentence.start, before)
    return None


def denials(document: CueDocument) -> list[dict[str, Any]]:
    """An actor denies what another asserts in the same sentence ("A accused B of X, a
    claim B denied") or just before it: read from the denials found at ingest."""
    denies = pattern("contradictions", "denies")
    window = setting("contradictions", "window_sentences")
    said = document.attributions
    found = []
    for sentence in document.cue_sentences("denial"):
        cue = denies.search(sentence.text)
        at = sentence.start + cue.start()
        denier = actor_before(sentence, at, ACTOR_TYPES)
        if denier is None or denier.get("id") is None:
            continue
        accusation = _accuser(sentence, denier.get("start", at), said, denier, weak=True)
        for earlier in reversed(document.between(max(0, sentence.index - window),
                                                 sentence.index)):
            if accusation or denies.search(earlier.text):
                break
            accusation = _accuser(earlier, earlier.end, said, denier)
        if accusation is None:
            continue
        accuser, quote = accusation
        denial = sentence.evidence({"source_text": denier["name"],
                                    "source_kind": "named_org" if denier["type"] != "person"
                                    else "named_person"})
        found.append(finding(
            "contradictions", f"{denier['name']} denies what {accuser['name']} asserts: "
            f"\"{quote['text'][:160]}\"", [entity(denier), entity(accuser),
                                           *sentence.mentions], [quote, denial],
            about="denial", sides=[
                {"source": entity(accuser), "source_text": accuser["name"],
                 "content": quote["text"], "evidence": quote},
                {"source": entity(denier), "source_text": denier["name"],
                 "content": sentence.text, "evidence": denial}]))
    return found


def _person(tie: dict[str, Any], end: str) -> dict[str, Any]:
    return {"id": tie[end], "name": tie[f"{end}_name"], "type": tie[f"{end}_type"]}


def _tie_dispute(tie, asserted: list[dict], denied: list[dict]) -> dict[str, Any]:
    people = [_person(tie, "source"), _person(tie, "target")]
    return finding(
        "contradictions", f"{people[0]['name']} {tie['type'].replace('_', ' ')} "
        f"{people[1]['name']}: asserted by {asserted[0]['source_text']}, denied by "
        f"{denied[0]['source_text']}", people, [*asserted, *denied], about="tie",
        sides=[{"source_text": side[0]["source_text"], "source_kind": side[0]["source_kind"],
                "evidence": side[0]} for side in (asserted, denied)])


def _asserted_nearby(tie, denied: list[dict], material, docs) -> list[dict[str, Any]]:
    """Sentences of the denial's documents that name both ends without denying, credited
    to another source: the assertion that the denial answers."""
    denial = pattern("contradictions", "denial")
    deniers = {d["source_text"].casefold() for d in denied if d["source_text"]}
    found = []
    for doc_id in sorted({d["document"] for d in denied}):
        if doc_id not in docs:
            continue
        said = material[doc_id]["attributions"]
        for sentence in sentences(docs[doc_id], material[doc_id]["mentions"]):
            ids = {m["id"] for m in sentence.mentions}
            if tie["source"] not in ids or tie["target"] not in ids \
                    or denial.search(sentence.text):
                continue
            quote = sentence.evidence(source_of(said, sentence))
            if (quote["source_text"] or "").casefold() not in deniers:
                found.append(quote)
    return found


def _said_in_denial(tie: dict[str, Any], denial) -> bool:
    """Whether a negated tie was reported as a denial ("X denied ..."), not merely negated
    by the grammar of its sentence."""
    return any(denial.search(e["text"]) or denial.search(
        (e.get("attribution") or {}).get("cue") or "") for e in tie["evidence"])


def denied_ties(store, selection: Selection) -> list[dict[str, Any]]:
    """A tie one source asserts and another denies: the same tie stored both ways, or a
    denial answering an assertion a few sentences away in its own article."""
    ties: dict[tuple, dict[bool, dict[str, Any]]] = {}
    for tie in store.relations_kept(selection.relation_types or None, selection.date_from,
                                    selection.date_to, selection.keeps_evidence,
                                    denied_only=True):
        ties.setdefault((tie["type"], tie["source"], tie["target"]), {})[tie["negated"]] = tie
    denial = pattern("contradictions", "denies")
    disputed = [sides for sides in ties.values() if True in sides
                and _said_in_denial(sides[True], denial)
                and selection.involves([sides[True]["source"], sides[True]["target"]])]
    wanted = {e["document"] for sides in disputed if False not in sides
              for e in sides[True]["evidence"]}
    docs = {d["id"]: d for d in store.document_texts(wanted)} if wanted else {}
    material = store.document_material(wanted) if wanted else {}
    found = []
    for sides in disputed:
        denied = sides[True]
        refused = relation_evidence(denied)
        asserted = relation_evidence(sides[False]) if False in sides else \
            _asserted_nearby(denied, refused, material, docs)
        if asserted:
            found.append(_tie_dispute(denied, asserted, refused))
    return found


def contradictions(store, selection: Selection, limit: int = 100) -> list[dict[str, Any]]:
    said_cues = ["no_casualties", "anonymous_contrast"]
    docs = cue_documents(store, selection, ["denial", *said_cues], ["denial", *said_cues])
    speakers = {a["source"] for d in docs for a in d.attributions if a["source"]}
    names = {i: entity(e) for i, e in store.entities_by_id(speakers).items()}
    found = []
    for doc in docs:
        if any(kind in doc.cues for kind in said_cues):
            statements = [(s, w) for s, w in _statements(doc)
                          if selection.keeps_confidence(s.get("confidence"))]
            found += casualty_disputes(statements, names)
            found += official_against_anonymous(statements, doc, names)
        found += denials(doc)
    found = [f for f in found if selection.involves([e["id"] for e in f["entities"]])]
    found += denied_ties(store, selection)
    return found[:limit]
