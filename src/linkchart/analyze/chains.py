"""Chains of control, command and support (principal -> intermediary -> agent), and the
principals of one actor, from the stored relations and their evidence."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from linkchart.analyze.findings import finding, relation_evidence
from linkchart.extract.cue_words import pattern, plain_words, setting
from linkchart.analyze.selection import Selection
from linkchart.analyze.ties import needs_evidence

MAX_DEPTH = 4
MAX_PATHS_PER_START = 20


def _command_ties(store, selection: Selection, types: list[str]) -> list[dict[str, Any]]:
    """The ties a command graph is made of: counted in SQL without their evidence where
    the selection allows it (their quotes are read for the chains reported), except the
    `affiliated_with` ties whose evidence names a subordinate role, read in full."""
    if needs_evidence(selection):
        return store.relations_kept(types, selection.date_from, selection.date_to,
                                    selection.keeps_evidence)
    directional = [t for t in types if t != "affiliated_with"]
    found = store.ties(None, directional, selection.date_from, selection.date_to,
                       selection.min_sources) if directional else []
    if "affiliated_with" in types:
        found += store.relations_kept(["affiliated_with"], selection.date_from,
                                      selection.date_to, selection.keeps_evidence,
                                      containing=plain_words("chains", "subordinate_roles"))
    return found


def command_links(store, selection: Selection) -> dict[str, dict[str, dict[str, Any]]]:
    """principal id -> agent id -> {relations, evidence, sources}: who commands, steers or
    backs whom, as the stored ties say (directions from extract/data/text_cues.yaml)."""
    directions = setting("chains", "command")
    kinds = set(setting("chains", "principal_types"))
    types = [*directions, "affiliated_with"]
    if selection.relation_types:
        types = [t for t in types if t in selection.relation_types]
    links: dict[str, dict[str, dict[str, Any]]] = {}
    for tie in _command_ties(store, selection, types):
        if tie["negated"] or tie["sources"] < selection.min_sources:
            continue
        if tie["source_type"] not in kinds or tie["target_type"] not in kinds:
            continue
        if not (selection.keeps_type(tie["source_type"])
                and selection.keeps_type(tie["target_type"])):
            continue
        ends = _direction(tie, directions)
        if ends is None:
            continue
        principal, agent = ends
        link = links.setdefault(principal[0], {}).setdefault(agent[0], {
            "principal": _entity(*principal), "agent": _entity(*agent), "relations": [],
            "evidence": [], "sources": 0})
        link["relations"].append(tie["type"])
        link["evidence"].extend(relation_evidence(tie) if "evidence" in tie else [])
        link["sources"] = max(link["sources"], tie["sources"])
    _drop_mutual(links)
    return links


def _quote_links(store, links, paths: list[list[str]]) -> None:
    """Read the first quote of each link of the paths that was counted without its
    evidence (one look-up for all of them)."""
    bare = [(a, b) for path in paths for a, b in zip(path, path[1:])
            if not links[a][b]["evidence"]]
    if bare:
        for (a, b), quote in store.pair_quotes(dict.fromkeys(bare)).items():
            links[a][b]["evidence"] = relation_evidence({"evidence": [quote]})


def _drop_mutual(links) -> None:
    """Where the ties say both A over B and B over A, keep the better-sourced direction,
    or neither when they are equally sourced (so A over A goes)."""
    for a, b in [(a, b) for a in links for b in links[a] if a in links.get(b, {})]:
        if a not in links.get(b, {}) or b not in links.get(a, {}):
            continue
        ab, ba = links[a][b]["sources"], links[b][a]["sources"]
        if ab <= ba:
            del links[a][b]
        if ba <= ab and a != b:
            del links[b][a]


def _entity(entity_id: str, name: str, entity_type: str) -> dict[str, Any]:
    return {"id": entity_id, "name": name, "type": entity_type}


def _direction(tie: dict[str, Any], directions: dict[str, str]):
    source = (tie["source"], tie["source_name"], tie["source_type"])
    target = (tie["target"], tie["target_name"], tie["target_type"])
    if tie["type"] in directions:
        return (source, target) if directions[tie["type"]] == "source" else (target, source)
    for e in tie["evidence"]:
        if _possesses(e["text"], tie["source_name"]):
            return source, target
        if _possesses(e["text"], tie["target_name"]):
            return target, source
    return None


POSSESSIVE = re.compile(r"([\w-]+)['’]s?(?:\s+[\w-]+){0,3}?\s*$")
OF_WHOM = re.compile(r"^\s+(?:of|to)\s+((?:[\w-]+\s+){0,3}[\w-]+)")


def _possesses(text: str, name: str) -> bool:
    """Whether the text calls someone `name`'s adviser, aide, deputy... ("Y's adviser",
    "the adviser of Y")."""
    last = name.split()[-1].casefold()
    for role in pattern("chains", "subordinate_roles").finditer(text):
        before = POSSESSIVE.search(text[max(0, role.start() - 60):role.start()])
        after = OF_WHOM.match(text[role.end():role.end() + 60])
        if before and before.group(1).casefold() == last:
            return True
        if after and last in after.group(1).casefold().split():
            return True
    return False


def _paths(links, start: str, path: list[str]) -> Iterator[list[str]]:
    """The longest paths down from `start` (each ends where no new agent follows)."""
    extended = False
    if len(path) <= MAX_DEPTH:
        for agent in sorted(links.get(start, {})):
            if agent not in path:
                extended = True
                yield from _paths(links, agent, [*path, agent])
    if not extended:
        yield path


def _trimmed(links, path: list[str]) -> list[str]:
    """The path without the members (spokesmen, aides) it ends on."""
    trailing = set(setting("chains", "trailing_member_links"))
    while len(path) > 1:
        link = links[path[-2]][path[-1]]
        if link["agent"]["type"] != "person" or not set(link["relations"]) <= trailing:
            break
        path = path[:-1]
    return path


def _steps(links, path: list[str]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    steps = [links[a][b] for a, b in zip(path, path[1:])]
    return steps, [steps[0]["principal"], *[s["agent"] for s in steps]]


def _summary(steps: list[dict[str, Any]], people: list[dict[str, Any]]) -> str:
    names = " -> ".join(p["name"] for p in people)
    return (f"{names}: {len(steps)} links of command or support, the weakest "
            f"resting on {min(s['sources'] for s in steps)} outlet(s)")


def _rank(links, path: list[str]) -> tuple[int, int, str]:
    """A chain's place: its weakest link best sourced first, then the longest, then by
    summary (what a chain's finding says: no quote needed)."""
    steps, people = _steps(links, path)
    return -min(s["sources"] for s in steps), -len(steps), _summary(steps, people)


def chain_finding(links, path: list[str]) -> dict[str, Any]:
    steps, people = _steps(links, path)
    return finding(
        "chains", _summary(steps, people), people,
        [e for s in steps for e in s["evidence"]],
        principal=people[0], agent=people[-1], intermediaries=people[1:-1],
        links=[{"principal": s["principal"], "agent": s["agent"],
                "relations": sorted(set(s["relations"])), "sources": s["sources"],
                "evidence": finding("", "", [], s["evidence"])["evidence"]} for s in steps])


def chains(store, selection: Selection, limit: int = 100) -> list[dict[str, Any]]:
    """Chains of two links or more, from every principal no one in the chain commands.
    They are ranked before any is quoted: only the `limit` reported are read and built."""
    links = command_links(store, selection)
    commanded = {agent for agents in links.values() for agent in agents}
    starts = [p for p in links if p not in commanded] or list(links)
    found, seen = [], set()
    for start in sorted(starts):
        for n, path in enumerate(_paths(links, start, [start])):
            if n >= MAX_PATHS_PER_START:
                break
            path = _trimmed(links, path)
            if len(path) >= 3 and tuple(path) not in seen and selection.involves(path):
                seen.add(tuple(path))
                found.append(path)
    found.sort(key=lambda path: _rank(links, path))
    _quote_links(store, links, found[:limit])
    return [chain_finding(links, path) for path in found[:limit]]


def principals(store, selection: Selection, entity_id: str,
               limit: int = 100) -> list[dict[str, Any]]:
    """Everyone who commands, steers or backs an actor, directly or through others: one
    finding per principal, with the chain down to the actor."""
    links = command_links(store, selection)
    above: dict[str, list[str]] = {}
    for principal, agents in links.items():
        for agent in agents:
            above.setdefault(agent, []).append(principal)
    found, seen = [], {entity_id}
    frontier = [[entity_id]]
    while frontier and len(found) < limit:
        path = frontier.pop(0)
        for principal in sorted(above.get(path[0], [])):
            if principal in seen or len(path) > MAX_DEPTH:
                continue
            seen.add(principal)
            chain = [principal, *path]
            _quote_links(store, links, [chain])
            item = chain_finding(links, chain)
            item["kind"] = "principals"
            item["summary"] = (f"{item['principal']['name']} commands or backs "
                               f"{item['agent']['name']}" + (
                                   " through " + ", ".join(p["name"] for p in
                                                           item["intermediaries"])
                                   if item["intermediaries"] else ""))
            found.append(item)
            frontier.append(chain)
    return found
