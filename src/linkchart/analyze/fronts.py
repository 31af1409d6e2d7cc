"""Front groups: names the text calls fronts, covers, fake or imaginary, and new names
claiming attacks that sources attribute to known groups."""

from __future__ import annotations

import re
from typing import Any

from linkchart.analyze.findings import finding
from linkchart.extract.cue_words import pattern, setting
from linkchart.analyze.selection import Selection
from linkchart.analyze.text import CueDocument, Sentence, cue_documents, entity, source_of

QUOTED = re.compile(r"[“\"]([^”\"]{3,60})[”\"]")
GROUP_TYPES = {"armed_group", "organization", "political_party"}
KNOWN_TYPES = GROUP_TYPES | {"security_agency", "government", "person", "country"}


def _named_groups(sentence: Sentence, before: int | None = None) -> list[dict[str, Any]]:
    """The groups a sentence names (before an offset): quoted names of two to six words,
    else group mentions."""
    end = sentence.end if before is None else before
    found = []
    for quoted in QUOTED.finditer(sentence.document["text"], sentence.start, end):
        name = quoted.group(1).strip(" ,.")
        if 2 <= len(name.split()) <= 6 and not name[:1].isdigit():
            found.append({"id": None, "name": name, "type": "armed_group",
                          "start": quoted.start(1), "end": quoted.end(1)})
    if found:
        return found
    return [m for m in sentence.mentions_between(sentence.start, end)
            if m["type"] in GROUP_TYPES]


def _served(sentence: Sentence) -> list[dict[str, Any]]:
    """Whom a sentence says the cover serves: a group after "front for", "carried out
    by"..., or the phrase itself ("the known factions") where it names none."""
    found = []
    for match in pattern("fronts", "serves").finditer(sentence.text):
        at = sentence.start + match.end()
        named = [m for m in sentence.mentions_between(at, min(sentence.end, at + 80))
                 if m["type"] in KNOWN_TYPES]
        if named:
            found.append(named[0])
        elif re.search(r"known|established", match.group(0), re.IGNORECASE):
            found.append({"id": None, "name": match.group(0), "type": "armed_group"})
    return found


def fronts_in(document: CueDocument) -> list[dict[str, Any]]:
    """The fronts of one document, from its sentences that call a name a cover and those
    that claim an attack (found at ingest)."""
    said = document.attributions
    claim, cover = pattern("fronts", "claim"), pattern("fronts", "cover")
    window = setting("fronts", "window_sentences")
    claims = document.cue_sentences("front_claim")
    covers = document.cue_sentences("front_cover")
    found: dict[str, dict[str, Any]] = {}
    for said_cover in covers:
        near = [c for c in claims if abs(c.index - said_cover.index) <= window]
        cue = cover.search(said_cover.text)
        fronts = [(g, c) for c in near for g in _named_groups(
            c, c.start + claim.search(c.text).start() if c is said_cover else None)]
        fronts = fronts or [(g, None) for g in _named_groups(
            said_cover, said_cover.start + cue.start())]
        serving = _served(said_cover) + [x for c in near for x in _served(c)]
        served_ids = {k["id"] for k in serving if k.get("id")}
        for group, claimed in fronts:
            if group.get("id") in served_ids:
                continue
            known = [k for k in serving if k.get("name") != group["name"]
                     and (k.get("id") is None or k.get("id") != group.get("id"))]
            if not known and claimed is None:
                continue
            item = found.setdefault(group["name"].casefold(), {
                "front": entity(group), "known": [], "claims": [], "evidence": []})
            for k in known:
                if entity(k) not in item["known"]:
                    item["known"].append(entity(k))
            for s in ([claimed] if claimed else []) + [said_cover]:
                item["evidence"].append(s.evidence(source_of(said, s)))
                if s is claimed:
                    item["claims"].append(s.text)
            item["cue"] = cue.group(0)
    return list(found.values())


def fronts(store, selection: Selection, limit: int = 100) -> list[dict[str, Any]]:
    docs = cue_documents(store, selection, ["front_cover", "front_claim"], ["front_cover"])
    found = []
    for doc in docs:
        for item in fronts_in(doc):
            people = [item["front"], *item["known"]]
            if not selection.involves([p["id"] for p in people]):
                continue
            known = ", ".join(k["name"] for k in item["known"]) or "a group it does not name"
            found.append(finding(
                "fronts", f"\"{item['front']['name']}\" is called a front "
                f"(\"{item['cue']}\") of {known}", people, item["evidence"], front=item["front"],
                known_groups=item["known"], claims=item["claims"], cue=item["cue"],
                document=doc.document["id"]))
    return found[:limit]
