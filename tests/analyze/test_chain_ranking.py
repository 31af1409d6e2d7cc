"""Chains are ranked before they are quoted: only the chains reported are read and built,
and they are the first of the full ranking."""

from __future__ import annotations

from linkchart.analyze import Selection, analyze


def _tie(kind: str, source: str, target: str, sources: int) -> dict:
    return {"type": kind, "source": source, "target": target, "negated": False,
            "sources": sources, "source_name": f"Actor {source}", "source_type": "person",
            "target_name": f"Actor {target}", "target_type": "armed_group"}


class CommandStore:
    """What `chains` reads of a store: command ties, and the first quote of a pair."""

    def __init__(self, ties: list[dict]):
        self._ties = ties
        self.quoted: list[tuple[str, str]] = []

    def ties(self, entity_ids, types, date_from, date_to, min_sources):
        return [t for t in self._ties if t["type"] in types]

    def relations_kept(self, *args, **kwargs):
        return []

    def pair_quotes(self, pairs):
        pairs = list(pairs)
        self.quoted += pairs
        return {(a, b): {"document": f"D-{a}-{b}", "text": f"{a} runs {b}", "start": 0,
                         "end": 5, "outlet": "Desk", "published": "2024-01-02",
                         "attribution": None} for a, b in pairs}


def _store() -> CommandStore:
    # three chains of two links: E1 -> E2 -> E3 (weakest link 1 outlet),
    # E4 -> E5 -> E6 (3), E7 -> E8 -> E9 (2)
    return CommandStore([
        _tie("controls", "E1", "E2", 4), _tie("controls", "E2", "E3", 1),
        _tie("leads", "E4", "E5", 3), _tie("supports", "E5", "E6", 5),
        _tie("controls", "E7", "E8", 2), _tie("controls", "E8", "E9", 2)])


def test_only_the_reported_chains_are_quoted():
    store = _store()
    found = analyze(store, "chains", Selection(), limit=1)
    assert [f["principal"]["id"] for f in found] == ["E4"]
    assert store.quoted == [("E4", "E5"), ("E5", "E6")]
    assert [len(link["evidence"]) for link in found[0]["links"]] == [1, 1]


def test_a_short_list_is_the_head_of_the_full_one():
    full = analyze(_store(), "chains", Selection(), limit=100)
    assert [f["principal"]["id"] for f in full] == ["E4", "E7", "E1"]
    for limit in (1, 2, 3):
        assert analyze(_store(), "chains", Selection(), limit=limit) == full[:limit]


def test_texts_store_head_of_the_ranking(texts_store):
    full = analyze(texts_store, "chains", Selection(), limit=1000)
    assert full
    assert analyze(texts_store, "chains", Selection(), limit=1) == full[:1]
