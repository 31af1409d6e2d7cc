"""Engines: SQLite (WAL, foreign keys, explicit transactions) or PostgreSQL by URL."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url

from linkchart.store import dbapi, event_pair_table, tie_table
from linkchart.store.alchemy_reader import AlchemyReader
from linkchart.store.dbapi import (  # noqa: F401 (MMAP_BYTES, RANDOM_PAGE_COST: tests)
    HEAD_REVISION, MMAP_BYTES, RANDOM_PAGE_COST, postgres_setup, sqlite_setup,
)

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
WRITE = {"linkchart_write": True}
"""Execution options for a writing connection (SQLite takes its write lock at BEGIN)."""


def make_engine(url: str) -> Engine:
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        database = make_url(url).database
        if database and database != ":memory:" and not database.startswith("file:"):
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        _sqlite_setup(engine)
    elif engine.dialect.name == "postgresql":
        _postgres_setup(engine)
    return engine


def _postgres_setup(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record):
        postgres_setup(dbapi_connection)


def _sqlite_setup(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record):
        sqlite_setup(dbapi_connection)

    @event.listens_for(engine, "begin")
    def _begin(connection):
        write = connection.get_execution_options().get("linkchart_write")
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


TIE_TABLE_REVISION = "0008"
"""The revision that creates the tie table, which `migrate` fills at the head revision."""
EVENT_PAIRS_REVISION = "0012"
"""The revision that creates the event-pair table, which `migrate` fills likewise."""


def current_revision(connection: Connection) -> str | None:
    """The store's revision, read without alembic; None for a new store."""
    return dbapi.current_revision(AlchemyReader(connection))


def migrate(engine: Engine, revision: str = "head") -> None:
    if revision == "head":
        with engine.connect() as connection:
            if current_revision(connection) == HEAD_REVISION:
                return
    from alembic import command
    from alembic.runtime.migration import MigrationContext

    config = alembic_config()
    with engine.connect().execution_options(**WRITE) as connection:
        before = MigrationContext.configure(connection).get_current_revision()
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
        if revision == "head" and (before or "") < TIE_TABLE_REVISION:
            tie_table.rebuild(connection)
        if revision == "head" and (before or "") < EVENT_PAIRS_REVISION:
            event_pair_table.rebuild(connection)
        connection.commit()
