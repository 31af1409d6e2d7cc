"""Engines: SQLite (WAL, foreign keys, explicit transactions) or PostgreSQL by URL."""

from __future__ import annotations

import math
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url

from linkchart.store import event_pair_table, tie_table

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
WRITE = {"linkchart_write": True}
"""Execution options for a writing connection (SQLite takes its write lock at BEGIN)."""


MMAP_BYTES = 1 << 30
"""How much of a SQLite store is read through a memory map (address space, not memory)."""


RANDOM_PAGE_COST = 1.1
"""What PostgreSQL's planner counts for reading a page out of order (one read in order
counts 1), where the server keeps its built-in 4, which is for spinning disks: a store
read from memory or SSD costs about the same either way, and at 4 the planner scans all
48,000 entities of a 10,000-article store (6-15 ms) rather than look up a hub's few
hundred neighbours by key. A value the server or database was given is left alone."""


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
        autocommit = dbapi_connection.autocommit
        dbapi_connection.autocommit = True  # a SET in a transaction rolled back is undone
        with dbapi_connection.cursor() as cursor:
            cursor.execute("SELECT source FROM pg_settings WHERE name = 'random_page_cost'")
            if cursor.fetchone()[0] == "default":
                cursor.execute(f"SET random_page_cost = {RANDOM_PAGE_COST}")
        dbapi_connection.autocommit = autocommit


def _sqlite_setup(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.execute("PRAGMA journal_mode=WAL")
        # pages read through a memory map, not copied by a system call each: a hub's
        # chart reads thousands of pages scattered over the file
        cursor.execute(f"PRAGMA mmap_size={MMAP_BYTES}")
        _math_functions(dbapi_connection, cursor)
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection):
        write = connection.get_execution_options().get("linkchart_write")
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def _math_functions(dbapi_connection, cursor) -> None:
    """ln and exp (tie confidence) where SQLite was built without its math functions."""
    try:
        cursor.execute("SELECT ln(1), exp(0)")
    except sqlite3.OperationalError:
        dbapi_connection.create_function("ln", 1, math.log, deterministic=True)
        dbapi_connection.create_function("exp", 1, math.exp, deterministic=True)


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


TIE_TABLE_REVISION = "0008"
"""The revision that creates the tie table, which `migrate` fills at the head revision."""
EVENT_PAIRS_REVISION = "0012"
"""The revision that creates the event-pair table, which `migrate` fills likewise."""


HEAD_REVISION = "0012"
"""The newest migration (tests/store/test_migrations.py checks that it is alembic's head):
a store already at it is opened without importing alembic (a fifth of a second)."""


def current_revision(connection: Connection) -> str | None:
    """The store's revision, read without alembic; None for a new store."""
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.scalar(text("SELECT version_num FROM alembic_version"))


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
