"""A card's first events, found in SQL in date order (`queries.event_page`), are the first
of all the entity's events ordered in Python, whatever the dates look like (a year, a
month, 2019-9-15, a time of day, none), on both backends."""

from __future__ import annotations

from sqlalchemy import literal, select

from linkchart.store import dates
from linkchart.store.queries import event_page


def test_the_first_events_are_the_oldest_of_all(articles):
    compared = 0
    with articles.engine.connect() as conn:
        actors = {a for v in articles.events() for a in [*v["actors"], *v["recipients"]]}
        assert len(actors) > 10
        for entity_id in sorted(actors):
            everything, total = event_page(conn, entity_id, None)
            for limit in (1, 3, 200):
                assert event_page(conn, entity_id, limit) == (everything[:limit], total)
            compared += total
    assert compared > 50


def test_iso_in_sql_is_iso(store):
    values = ["2019", "2019-09", "2019-9-15", "2020-01-05T10:00:00Z", "2020-01-05", "",
              "May 2020", "20201", "2020-", "2020-01-0", "1999-12-31 extra"]
    with store.engine.connect() as conn:
        for value in values:
            found = conn.scalar(select(dates.iso_sql(literal(value), conn.dialect.name)))
            assert found == dates.iso(value), value
