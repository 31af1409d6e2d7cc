from sqlalchemy import inspect, text

from linkchart.resolve import resolve
from linkchart.store import Store
from linkchart.store.engine import HEAD_REVISION, MIGRATIONS, alembic_config

TABLES = {"documents", "doc_entities", "entities", "entity_keys", "relations", "events",
          "event_participants", "attributions", "judgements", "alembic_version"}
HEAD = max(p.name.split("_")[0] for p in (MIGRATIONS / "versions").glob("[0-9]*.py"))


def test_open_migrates_once_and_reopens(url):
    with Store.open(url, resolver=resolve) as store:
        names = set(inspect(store.engine).get_table_names())
        assert TABLES <= names
        with store.engine.connect() as conn:
            assert conn.scalar(text("SELECT version_num FROM alembic_version")) == HEAD
    with Store.open(url, resolver=resolve) as again:
        assert again.document_count() == 0


def test_the_head_revision_that_skips_alembic_is_alembics_head():
    """A store at HEAD_REVISION is opened without alembic: it must be the newest."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    assert HEAD_REVISION == HEAD == script.get_current_head()


def test_sqlite_settings(tmp_path):
    with Store.open(str(tmp_path / "chart.db"), resolver=resolve) as store:
        assert store.search.fts
        with store.engine.connect() as conn:
            assert conn.scalar(text("PRAGMA journal_mode")) == "wal"
            assert conn.scalar(text("PRAGMA foreign_keys")) == 1


def test_plain_path_and_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("LINKCHART_DB", str(tmp_path / "env.db"))
    with Store.open(resolver=resolve) as store:
        assert store.dialect == "sqlite"
    assert (tmp_path / "env.db").exists()


def test_like_fallback_without_fts(tmp_path, sample):
    with Store.open(str(tmp_path / "chart.db"), resolver=resolve) as store:
        store.search.fts = False
        store.add_extractions(sample)
        assert [e["id"] for e in store.entities(search="intel")] == ["E7"]
        assert [d["id"] for d in store.search_documents("shelling")] == ["d2"]


def test_upgrading_a_store_fills_each_documents_keys(url, sample):
    """Stores written before 0003 get each document's outlet key and ISO date; going back
    and up again keeps every fact."""
    before = _stored_then_downgraded(url, sample, "0002", "document_keys")
    with Store.open(url, resolver=resolve) as store:
        assert store.ties() == before
        with store.engine.connect() as conn:
            keys = conn.execute(text("SELECT document_id, outlet_key, published_iso "
                                     "FROM document_keys ORDER BY document_id")).all()
    assert [tuple(k) for k in keys] == [("d1", "meridian times", "2021-03-01"),
                                        ("d2", "coastal post", "2021-03-05"),
                                        ("d3", "meridian times", "2021-04-10"),
                                        ("d4", None, "2022-01-15")]


def test_upgrading_to_wire_copies_keeps_every_count(url, sample):
    """Stores written before 0007 get each document's own source (its outlet, or itself):
    ties count as they did; going back and up again changes nothing."""
    before = _stored_then_downgraded(url, sample, "0006", "document_copies")
    with Store.open(url, resolver=resolve) as store:
        assert store.ties() == before
        assert store.relations() and [r["sources"] for r in store.relations()] == \
            [t["sources"] for t in before]


def test_upgrading_to_the_tie_table_fills_it(url, sample):
    """Stores written before 0008 get a tie table equal to a count of their relations,
    and each entity the number of its ties."""
    from test_entity_counts import assert_counts_are_a_recount
    from test_tie_table import assert_table_is_a_recount

    before = _stored_then_downgraded(url, sample, "0007", "ties")
    with Store.open(url) as store:
        assert store.ties() == before
        assert_table_is_a_recount(store)
        assert_counts_are_a_recount(store)


def test_upgrading_to_entity_counts_counts_them(url, sample):
    """Stores written before 0010 get each entity's documents and ties, counted."""
    from test_entity_counts import assert_counts_are_a_recount

    counts = _stored_then_downgraded(url, sample, "0009", count=assert_counts_are_a_recount)
    with Store.open(url) as store:
        assert assert_counts_are_a_recount(store) == counts
        assert max(documents for documents, _ in counts.values()) > 1


def test_upgrading_to_event_pairs_fills_them(url, sample):
    """Stores written before 0012 get an event-pair table equal to their events' pairs."""
    from test_event_pair_table import assert_table_is_a_recount

    before = _stored_then_downgraded(url, sample, "0011", count=assert_table_is_a_recount)
    with Store.open(url) as store:
        assert assert_table_is_a_recount(store) == before and before


def _stored_then_downgraded(url, sample, revision: str, gone_table: str | None = None,
                            count=lambda store: store.ties()):
    """The sample stored, the store taken back to `revision` (where `gone_table` is not
    yet); what `count` read before (the ties, unless told)."""
    with Store.open(url, resolver=resolve) as store:
        store.add_extractions(sample)
        before = count(store)
    _downgraded(url, revision, gone_table)
    return before


def _downgraded(url, revision: str, gone_table: str | None = None) -> None:
    from alembic import command

    with Store.open(url) as store:
        config = alembic_config()
        with store.engine.connect() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, revision)
            conn.commit()
            if gone_table is not None:
                assert gone_table not in inspect(conn).get_table_names()
            if revision < "0010":
                columns = {c["name"] for c in inspect(conn).get_columns("entities")}
                assert not {"documents", "ties"} & columns
