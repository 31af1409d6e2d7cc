"""Sourcing profiles: for an actor or a tie, how much rests on anonymous sources only, on
one outlet, on denied claims."""

from __future__ import annotations

from typing import Any

from linkchart.analyze.findings import finding, relation_evidence
from linkchart.extract.cue_words import setting
from linkchart.analyze.selection import Selection
from linkchart.analyze.ties import selected_ties

QUOTES = 3


def _profile(ties: list[dict[str, Any]]) -> dict[str, Any]:
    asserted = [t for t in ties if not t["negated"]]
    total = len(asserted) or 1
    anonymous = [t for t in asserted if t["anonymous_only"]]
    single = [t for t in asserted if t["sources"] < 2]
    return {"ties": len(asserted), "anonymous_only": len(anonymous),
            "single_outlet": len(single), "denied": len(ties) - len(asserted),
            "anonymous_share": round(len(anonymous) / total, 3),
            "single_outlet_share": round(len(single) / total, 3),
            "weakest": sorted(anonymous, key=lambda t: t["id"])[:QUOTES]
            or sorted(single, key=lambda t: t["id"])[:QUOTES]}


def _evidence(selection: Selection, quotes: dict[tuple[str, str], dict[str, Any]],
              weakest: list[dict]) -> list[dict]:
    """The first quote of each of an actor's weakest ties, of `quotes`
    (`Store.pair_quotes`: read for every profile at once)."""
    pairs = [(t["source"], t["target"]) for t in weakest]
    return relation_evidence({"evidence": [quotes[p] for p in pairs if p in quotes
                                           and selection.keeps_evidence(quotes[p])]})


def _summary(name: str, p: dict[str, Any]) -> str:
    return (f"{name}: {p['anonymous_only']} of {p['ties']} ties rest on anonymous sources "
            f"only ({p['anonymous_share']:.0%}), {p['single_outlet']} on one outlet "
            f"({p['single_outlet_share']:.0%}), {p['denied']} denied")


def sourcing(store, selection: Selection, limit: int = 100,
             tie: str | None = None) -> list[dict[str, Any]]:
    """A profile per actor (of `selection.entity_ids`, else every actor with enough ties,
    the most weakly sourced first); with `tie`, the profile of that one tie."""
    ties = selected_ties(store, selection)
    if tie:
        return _tie_profile(store, selection, tie)
    by_actor: dict[str, list[dict[str, Any]]] = {}
    names: dict[str, dict[str, Any]] = {}
    for t in ties:
        for end in ("source", "target"):
            by_actor.setdefault(t[end], []).append(t)
            names[t[end]] = {"id": t[end], "name": t[f"{end}_name"], "type": t[f"{end}_type"]}
    wanted = selection.entity_ids
    least = 1 if wanted else setting("sourcing", "min_facts")
    profiles = [(a, _profile(ts)) for a, ts in by_actor.items()
                if (wanted is None or a in wanted) and len(ts) >= least]
    profiles.sort(key=lambda x: (-(x[1]["anonymous_share"] + x[1]["single_outlet_share"]),
                                 -x[1]["ties"], x[0]))
    chosen = [(actor, p, p.pop("weakest")) for actor, p in profiles[:limit]]
    quotes = store.pair_quotes([(t["source"], t["target"]) for _, _, weakest in chosen
                                for t in weakest])
    found = []
    for actor, p, weakest in chosen:
        found.append(finding(
            "sourcing", _summary(names[actor]["name"], p),
            [names[actor], *[names[t["target"] if t["source"] == actor else t["source"]]
                             for t in weakest]],
            _evidence(selection, quotes, weakest), profile=p,
            weakest_ties=[t["id"] for t in weakest]))
    return found


def _tie_profile(store, selection: Selection, tie_id: str) -> list[dict[str, Any]]:
    parts = tie_id.split(":")
    if len(parts) not in (3, 4):
        return []
    for tie in store.relations([parts[1]], [parts[0]], selection.date_from,
                               selection.date_to):
        if tie["id"] != tie_id:
            continue
        evidence = [e for e in relation_evidence(tie)
                    if selection.keeps_document(e["document"], e["outlet"], e["published"])]
        kinds = [e["source_kind"] for e in evidence]
        outlets = sorted({e["outlet"] or e["document"] for e in evidence})
        p = {"mentions": len(evidence), "outlets": outlets,
             "anonymous": kinds.count("anonymous"),
             "anonymous_share": round(kinds.count("anonymous") / (len(kinds) or 1), 3)}
        denied = [t for t in store.relations([parts[1]], [parts[0]]) if t["id"] ==
                  f"{parts[0]}:{parts[1]}:{parts[2]}:not"] if len(parts) == 3 else []
        p["denied"] = sum(len(t["evidence"]) for t in denied)
        return [finding(
            "sourcing", f"{tie['source_name']} {tie['type'].replace('_', ' ')} "
            f"{tie['target_name']}: {p['mentions']} mention(s) in {len(outlets)} outlet(s), "
            f"{p['anonymous']} from anonymous sources, {p['denied']} denial(s)",
            [{"id": tie["source"], "name": tie["source_name"], "type": tie["source_type"]},
             {"id": tie["target"], "name": tie["target_name"], "type": tie["target_type"]}],
            evidence, profile=p, tie=tie_id)]
    return []
