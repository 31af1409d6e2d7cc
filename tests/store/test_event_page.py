"""A card's first events, found in SQL in date order (`queries.event_page`), are the first
of all the entity's events ordered in Python, whatever the dates look like (a year, a
month, 2019-9-15, a time of day, none), on both backends."""

from __future__ import annotations

from alembic import command
from sqlalchemy import select

from linkchart.store import Store, dates
from linkchart.store.engine import alembic_config
from linkchart.store.queries import event_page
from linkchart.store.schema import documents, events


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


def test_each_event_is_listed_by_the_iso_date_of_itself_or_its_document(articles):
    """The stored sort date is `dates.iso` of the event's date, else of its document's,
    written with the event, or filled in by migration 0011 for events stored before."""
    def sort_dates(store) -> dict[int, str | None]:
        with store.engine.connect() as conn:
            return {row.id: row.sort_date for row in conn.execute(
                select(events.c.id, events.c.sort_date))}

    written = sort_dates(articles)
    with articles.engine.connect() as conn:
        expected = {row.id: dates.iso(row.date or row.published) for row in conn.execute(
            select(events.c.id, events.c.date, documents.c.published)
            .join(documents, documents.c.id == events.c.document_id))}
        pages = {e: event_page(conn, e, 3) for e in busiest(articles)}
    assert written == expected and None in written.values() and len(set(written)) > 20
    config = alembic_config()
    with articles.engine.connect() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0010")
        conn.commit()
    with Store.open(articles.engine.url.render_as_string(hide_password=False)) as again:
        assert sort_dates(again) == expected
        with again.engine.connect() as conn:
            assert {e: event_page(conn, e, 3) for e in pages} == pages


def busiest(store, top=4) -> list[str]:
    return [e["id"] for e in store.stats(top=top)["top_entities"]]
