"""The server compiles a card's statements before it answers."""

from __future__ import annotations

from sqlalchemy import TextClause, event
from sqlalchemy.engine.interfaces import CacheStats

from live import test_client


def test_a_hubs_first_card_compiles_no_statement(chart_url):
    from linkchart.server.api import create_app

    app = create_app(chart_url)
    store = app.state.store
    with test_client(app) as client:  # the context runs the app's start
        hub = client.get("/api/overview").json()["most_connected"][0]["id"]
        compiled = []
        listen = (store.engine, "after_cursor_execute")

        def note(conn, cursor, statement, params, context, many):
            # SQLite's likelihood() takes a constant, a share of the entity's own
            # (read_card.entity_documents): that statement is one an entity. A statement
            # written as SQL text (the store's read_* modules) is not built, only its
            # bind names read: its first run costs what a cached one does (0.34 against
            # 0.27 ms with five ids, 6.4 against 6.6 ms with 500), so its IN list may
            # have any length
            if getattr(context, "cache_hit", None) is CacheStats.CACHE_MISS \
                    and "likelihood(" not in statement \
                    and not isinstance(context.compiled.statement, TextClause):
                compiled.append(statement)

        event.listen(*listen, note)
        try:
            card = client.get(f"/api/entities/{hub}").json()
        finally:
            event.remove(*listen, note)
    assert card["relations"] and card["events"]
    assert compiled == []


def test_a_server_over_an_empty_store_starts(tmp_path):
    from linkchart.server.api import create_app

    with test_client(create_app(str(tmp_path / "empty.db"))) as client:
        assert client.get("/api/health").json()["status"] == "ok"
