"""Events as an ACLED-shaped CSV: ACLED's column names and event categories, so that
scripts and dashboards written for ACLED data read linkchart's events too. The category
mapping (data/acled.yaml) is approximate; `notes` keeps the evidence sentence and
`tags` linkchart's own PLOVER type and mode."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any, BinaryIO

from linkchart.export.common import day_start, published
from linkchart.export.places import locate
from linkchart.export.plover import plover_mode
from linkchart.wordlists import load_yaml

RULES = load_yaml(Path(__file__).parent / "data" / "acled.yaml")
COLUMNS = ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type",
           "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2",
           "assoc_actor_2", "inter2", "interaction", "civilian_targeting", "iso", "region",
           "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude",
           "geo_precision", "source", "source_scale", "notes", "fatalities", "tags",
           "timestamp"]
PRECISION = {10: 1, 7: 2, 4: 3}
"""ACLED time_precision: 1 the day is known, 2 the week or month, 3 only the year."""


def categories(event_type: str, mode: str | None) -> list[str]:
    by_mode = RULES["modes"].get(event_type, {})
    if mode in by_mode:
        return by_mode[mode]
    return RULES["events"].get(event_type, RULES["events"]["default"])


def row(v: dict[str, Any], entities: dict[str, dict[str, Any]],
        documents: dict[str, dict[str, Any]], dates: dict[str, str | None]) -> dict[str, Any]:
    evidence = v["evidence"][0]
    doc = documents.get(evidence["document"], {})
    when = v.get("date") or dates.get(evidence["document"]) or ""
    mode = plover_mode(v["type"], v.get("mode"))
    disorder, event_type, sub_event = categories(v["type"], mode)
    sides = [[entities[a] for a in ids if a in entities] for ids in (v["actors"],
                                                                      v["recipients"])]
    place = entities.get(v.get("location")) if v.get("location") else None
    where = locate(place["name"]) if place else {}
    found = {"event_id_cnty": f"{evidence['document']}-{v['id']}",
             "event_date": day_start(when), "year": when[:4] or None,
             "time_precision": PRECISION.get(len(when)), "disorder_type": disorder,
             "event_type": event_type, "sub_event_type": sub_event,
             "location": place["name"] if place else None, "latitude": where.get("lat"),
             "longitude": where.get("lon"), "country": where.get("country"),
             "geo_precision": 1 if "lat" in where else None,
             "source": doc.get("outlet"), "notes": evidence["text"],
             "fatalities": v.get("fatalities") or 0,
             "tags": "; ".join(t for t in (f"plover: {v['type']}", v.get("mode")) if t)}
    for number, side in enumerate(sides, start=1):
        if side:
            found[f"actor{number}"] = side[0]["name"]
            found[f"assoc_actor_{number}"] = "; ".join(e["name"] for e in side[1:]) or None
            found[f"inter{number}"] = RULES["inter"].get(side[0]["type"])
    if found.get("inter1") and found.get("inter2"):
        found["interaction"] = f"{found['inter1']}-{found['inter2']}"
    if event_type == "Violence against civilians" or any(
            e["type"] == "person" for e in sides[1]):
        found["civilian_targeting"] = "Civilian targeting" if v["type"] == "ASSAULT" else None
    return found


def write(corpus: dict[str, Any], stream: BinaryIO) -> None:
    entities = {e["id"]: e for e in corpus["entities"]}
    documents = {d["id"]: d for d in corpus["documents"]}
    dates = published(corpus)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(row(v, entities, documents, dates) for v in corpus["events"])
    stream.write(buffer.getvalue().encode("utf-8"))
