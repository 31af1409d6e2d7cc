"""Reading a store through a plain DB-API connection (the stdlib sqlite3, or psycopg),
without SQLAlchemy, which takes a quarter of a second to import.

The reads that a command run once needs (`read_*` modules) are SQL text with :name
parameters, run through a `Reader`: `DbapiReader` here, or `AlchemyReader` over a
SQLAlchemy connection (linkchart.store.alchemy_reader), so that each query exists once.
This module imports nothing heavier than the standard library.
"""

from __future__ import annotations

import json
import math
import re
import sqlite3
from collections import namedtuple
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Any, Protocol

HEAD_REVISION = "0012"
"""The newest migration (tests/store/test_migrations.py checks that it is alembic's head):
a store already at it is opened without importing alembic (a fifth of a second), and read
without SQLAlchemy (linkchart.store.light)."""

MMAP_BYTES = 1 << 30
"""How much of a SQLite store is read through a memory map (address space, not memory)."""

RANDOM_PAGE_COST = 1.1
"""What PostgreSQL's planner counts for reading a page out of order (one read in order
counts 1), where the server keeps its built-in 4, which is for spinning disks: a store
read from memory or SSD costs about the same either way, and at 4 the planner scans all
48,000 entities of a 10,000-article store (6-15 ms) rather than look up a hub's few
hundred neighbours by key. A value the server or database was given is left alone."""

CHUNK = 500
"""How many values one IN list holds."""


class Reader(Protocol):
    """What the `read_*` queries run on."""

    dialect: str  # "sqlite" or "postgresql"
    fts: bool  # SQLite with its FTS5 tables (linkchart.store.search)

    def rows(self, sql: str, params: dict[str, Any] | None = None) -> list: ...

    def scalar(self, sql: str, params: dict[str, Any] | None = None) -> Any: ...


def in_list(name: str, values: list[Any]) -> tuple[str, dict[str, Any]]:
    """An IN list of bound values: ("(:name_0, :name_1)", {"name_0": .., "name_1": ..})."""
    names = [f"{name}_{i}" for i in range(len(values))]
    return "(" + ", ".join(f":{n}" for n in names) + ")", dict(zip(names, values, strict=True))


def decoded(value: Any) -> Any:
    """A JSON column's value: SQLite gives its text, psycopg the value already decoded."""
    return json.loads(value) if isinstance(value, str) else value


def sqlite_setup(connection: sqlite3.Connection) -> None:
    """How every connection to a SQLite store is set up (the engine's too)."""
    connection.isolation_level = None
    cursor = connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA journal_mode=WAL")
    # pages read through a memory map, not copied by a system call each: a hub's
    # chart reads thousands of pages scattered over the file
    cursor.execute(f"PRAGMA mmap_size={MMAP_BYTES}")
    _math_functions(connection, cursor)
    cursor.close()


def _math_functions(connection, cursor) -> None:
    """ln and exp (tie confidence) where SQLite was built without its math functions."""
    try:
        cursor.execute("SELECT ln(1), exp(0)")
    except sqlite3.OperationalError:
        connection.create_function("ln", 1, math.log, deterministic=True)
        connection.create_function("exp", 1, math.exp, deterministic=True)


def postgres_setup(connection) -> None:
    """How every connection to a PostgreSQL store is set up (the engine's too)."""
    autocommit = connection.autocommit
    connection.autocommit = True  # a SET in a transaction rolled back is undone
    with connection.cursor() as cursor:
        cursor.execute("SELECT source FROM pg_settings WHERE name = 'random_page_cost'")
        if cursor.fetchone()[0] == "default":
            cursor.execute(f"SET random_page_cost = {RANDOM_PAGE_COST}")
    connection.autocommit = autocommit


@lru_cache(maxsize=256)
def _row_class(columns: tuple[str, ...]):
    return namedtuple("Row", columns, rename=True)


def _sqlite_row(cursor, values):
    return _row_class(tuple(c[0] for c in cursor.description))._make(values)


_NAME = re.compile(r"(?<![:\w]):(\w+)")


@lru_cache(maxsize=512)
def pyformat(sql: str) -> str:
    """:name parameters as psycopg's %(name)s (and a literal % doubled)."""
    return _NAME.sub(r"%(\1)s", sql.replace("%", "%%"))


class DbapiReader:
    """A `Reader` over a sqlite3 or psycopg connection, in autocommit; `transaction`
    holds one read, as the Store holds each of its reads."""

    def __init__(self, connection, dialect: str, fts: bool = False):
        self.connection = connection
        self.dialect = dialect
        self.fts = fts

    def rows(self, sql: str, params: dict[str, Any] | None = None) -> list:
        if self.dialect == "postgresql":
            sql = pyformat(sql)
        cursor = self.connection.cursor()
        try:
            cursor.execute(sql, params or {})
            return cursor.fetchall()
        finally:
            cursor.close()

    def scalar(self, sql: str, params: dict[str, Any] | None = None) -> Any:
        found = self.rows(sql, params)
        return found[0][0] if found else None

    @contextmanager
    def transaction(self) -> Iterator[None]:
        if self.dialect == "postgresql":
            with self.connection.transaction():
                yield
            return
        self.connection.execute("BEGIN")
        try:
            yield
        finally:
            self.connection.execute("COMMIT")

    def close(self) -> None:
        self.connection.close()


def connect_sqlite(path: str) -> DbapiReader:
    connection = sqlite3.connect(path, check_same_thread=False)
    connection.row_factory = _sqlite_row
    sqlite_setup(connection)
    reader = DbapiReader(connection, "sqlite")
    reader.fts = has_table(reader, "entities_fts")
    return reader


def connect_postgres(conninfo: str) -> DbapiReader:
    import psycopg
    from psycopg.rows import namedtuple_row

    connection = psycopg.connect(conninfo, autocommit=True, row_factory=namedtuple_row)
    postgres_setup(connection)
    return DbapiReader(connection, "postgresql")


def has_table(reader: Reader, name: str) -> bool:
    if reader.dialect == "sqlite":
        sql = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = :name"
    else:
        sql = ("SELECT 1 FROM pg_catalog.pg_tables WHERE tablename = :name "
               "AND schemaname = current_schema()")
    return bool(reader.rows(sql, {"name": name}))


def current_revision(reader: Reader) -> str | None:
    """The store's revision, read without alembic; None for a new store."""
    if not has_table(reader, "alembic_version"):
        return None
    return reader.scalar("SELECT version_num FROM alembic_version")
