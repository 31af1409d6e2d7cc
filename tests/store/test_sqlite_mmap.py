"""A SQLite store is read through a memory map (`engine.MMAP_BYTES`), and its answers
are the same as without one."""

from __future__ import annotations

from sqlalchemy import text

from linkchart.store import Store
from linkchart.store.engine import MMAP_BYTES


def test_sqlite_connections_read_through_a_memory_map(tmp_path):
    with Store.open(str(tmp_path / "mapped.db")) as store:
        with store.engine.connect() as conn:
            mapped = conn.execute(text("PRAGMA mmap_size")).scalar()
            limit = conn.execute(text(f"PRAGMA mmap_size={MMAP_BYTES}")).scalar()
    assert mapped == limit  # as much as this build of SQLite allows
    assert mapped > 0 or limit == 0
