"""Copy a store into another (run by hand; not a test), e.g. a SQLite file into a new
PostgreSQL database, to time the same chart on both backends:

    .venv/bin/python tests/server/copy_store.py /tmp/first2k.db \
        postgresql://postgres@127.0.0.1:5432/first2k

The target is opened with `Store.open` (so it has the schema at the head revision) and
must be empty; every table is copied row by row in the order of its foreign keys, then
PostgreSQL's id sequences are moved past the copied ids.
"""

from __future__ import annotations

import argparse
import time

from sqlalchemy import func, insert, select, text

from linkchart.config import database_url
from linkchart.store import Store
from linkchart.store.schema import metadata

BATCH = 5000


def copy(source_url: str, target_url: str) -> dict[str, int]:
    copied: dict[str, int] = {}
    with Store.open(source_url) as source, Store.open(target_url) as target:
        with source.engine.connect() as reading, target.engine.begin() as writing:
            for table in metadata.sorted_tables:
                if writing.scalar(select(func.count()).select_from(table)):
                    raise SystemExit(f"the target's {table.name} is not empty")
                rows = reading.execute(select(table)).mappings()
                copied[table.name] = 0
                while batch := rows.fetchmany(BATCH):
                    writing.execute(insert(table), [dict(r) for r in batch])
                    copied[table.name] += len(batch)
            if writing.dialect.name == "postgresql":
                _move_sequences(writing)
    return copied


def _move_sequences(conn) -> None:
    for table in metadata.sorted_tables:
        column = table.c.get("id")
        if column is not None and column.autoincrement is True:
            conn.execute(text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                f"COALESCE((SELECT MAX(id) FROM {table.name}), 0) + 1, false)"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source")
    parser.add_argument("target")
    args = parser.parse_args()
    started = time.time()
    copied = copy(database_url(args.source), database_url(args.target))
    print(f"{sum(copied.values())} rows in {time.time() - started:.0f} s: {copied}")


if __name__ == "__main__":
    main()
