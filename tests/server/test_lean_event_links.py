"""A chart's event links counted from the lean event rows are the links counted from the
events in full (ids, sources, confidence, dates, counts), on the real sample articles."""

from collections import Counter

from linkchart.server import views
from linkchart.server.params import filters, relation_filters


def _event_links(graph):
    return {e["id"]: e for e in graph["edges"] if e["kind"] == "event"}


def test_lean_event_links_are_the_full_ones(sample_url):
    from linkchart.store import Store

    compared = 0
    with Store.open(sample_url) as store:
        busiest = Counter(a for v in store.events() for a in [*v["actors"], *v["recipients"]])
        for actor, _ in busiest.most_common(6):
            for period in ((None, None), ("2019", "2020-06")):
                chosen = filters(relation_filters(date_from=period[0], date_to=period[1],
                                                  min_confidence=0))
                lean = _event_links(views.graph(store, [actor], [actor], chosen))
                full = _event_links(views.graph(store, [actor], [actor], chosen,
                                                evidence=True))
                assert lean.keys() == full.keys()
                for key, edge in lean.items():
                    assert edge == views.lean(full[key])
                compared += len(lean)
    assert compared >= 10
