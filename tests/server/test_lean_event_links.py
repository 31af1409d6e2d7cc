"""A chart's event links counted from the lean event rows are the links counted from the
events in full (ids, sources, confidence, dates, counts), on the real sample articles."""

from collections import Counter

import pytest

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


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def samples_on(request, sample_url):
    """The sample store, or a copy of it in a new PostgreSQL database."""
    if request.param == "sqlite":
        return sample_url
    from copy_store import copy
    from postgres_databases import postgres_available, temporary_database

    if not postgres_available():
        pytest.skip("PostgreSQL is not reachable")
    database = temporary_database()
    url = database.__enter__()
    request.addfinalizer(lambda: database.__exit__(None, None, None))
    copy(sample_url, url)
    return url


def test_counted_event_links_with_several_actors_expanded_and_one_hidden(samples_on):
    """Without a period the links are counted in SQL (`Store.event_link_counts`): the
    same links as read event by event, also when an event names two expanded actors
    (it counts for the first) and when an actor is hidden, on both backends."""
    from linkchart.store import Store

    with Store.open(samples_on) as store:
        busiest = [a for a, _ in Counter(
            a for v in store.events() for a in [*v["actors"], *v["recipients"]]
        ).most_common(7)]
        chosen = filters(relation_filters(min_confidence=0))
        for expand, hide in ((busiest[:3], []), (busiest[1:5], [busiest[5]]),
                             (busiest[4::-1], [busiest[6]])):
            lean = _event_links(views.graph(store, expand, expand, chosen, hide))
            full = _event_links(views.graph(store, expand, expand, chosen, hide,
                                            evidence=True))
            assert lean and lean.keys() == full.keys()
            assert all(edge == views.lean(full[key]) for key, edge in lean.items())
