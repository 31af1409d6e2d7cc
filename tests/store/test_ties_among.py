"""The ties among a chart's actors (`ties.stored` with `among`, as a neighbourhood reads
them) are those of all their ties with both ends among them, on both backends."""

from __future__ import annotations

from linkchart.store.graph import rank
from linkchart.store.ties import stored


def test_ties_among_the_actors_are_those_with_both_ends_among_them(articles):
    with articles.engine.connect() as conn:
        top = [e["id"] for e in articles.stats(top=12)["top_entities"]]
        compared = 0
        for size in (2, 5, 12):
            among = set(top[:size])
            everything = [t for t in stored(conn, among)
                          if t["source"] in among and t["target"] in among]
            found = stored(conn, among, among=among)
            assert sorted(found, key=rank) == sorted(everything, key=rank)
            narrower = set(top[:1])  # looked up from one actor, among the others
            assert sorted(stored(conn, narrower, among=among), key=rank) == sorted(
                (t for t in everything if narrower & {t["source"], t["target"]}), key=rank)
            compared += len(found)
    assert compared > 0
