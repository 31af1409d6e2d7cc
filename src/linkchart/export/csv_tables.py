"""CSV tables in a folder or a .zip: documents, entities, relations, evidence, events,
attributions."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path
from typing import Any

from linkchart.export.common import edge_key, evidence_span, names, published

LIST = "; "


def tables(corpus: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    name = names(corpus)
    dates = published(corpus)
    relations, evidence = [], []
    for r in corpus["relations"]:
        first, last = evidence_span(r, dates)
        relations.append({
            "id": edge_key(r), "type": r["type"], "source": r["source"],
            "source_name": name.get(r["source"]), "target": r["target"],
            "target_name": name.get(r["target"]), "negated": r["negated"],
            "sources": r["sources"], "roles": LIST.join(r.get("roles", [])),
            "documents": LIST.join(sorted({e["document"] for e in r["evidence"]})),
            "first_date": first, "last_date": last})
        evidence += [{"relation": edge_key(r), "document": e["document"], "text": e["text"],
                      "start": e["start"], "end": e["end"], "attribution": e["attribution"]}
                     for e in r["evidence"]]
    return {
        "documents": corpus["documents"],
        "entities": [e | {"aliases": LIST.join(e["aliases"]),
                          "documents": LIST.join(e["documents"])} for e in corpus["entities"]],
        "relations": relations,
        "evidence": evidence,
        "events": [{
            "id": v["id"], "type": v["type"], "mode": v.get("mode"), "date": v["date"],
            "location": v["location"], "location_name": name.get(v["location"]),
            "actors": LIST.join(v["actors"]),
            "actor_names": LIST.join(name.get(a, a) for a in v["actors"]),
            "recipients": LIST.join(v["recipients"]),
            "recipient_names": LIST.join(name.get(a, a) for a in v["recipients"]),
            "fatalities": v["fatalities"], "injured": v.get("injured"),
            "document": v["evidence"][0]["document"], "evidence": v["evidence"][0]["text"],
            "start": v["evidence"][0]["start"], "end": v["evidence"][0]["end"]}
            for v in corpus["events"]],
        "attributions": [a | {"source_name": name.get(a["source"])}
                         for a in corpus["attributions"]],
    }


def _csv(rows: list[dict[str, Any]], columns: list[str]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    writer.writerows({k: str(v).lower() if isinstance(v, bool) else v for k, v in row.items()}
                     for row in rows)
    return buffer.getvalue()


COLUMNS = {
    "documents": ["id", "title", "outlet", "published", "url"],
    "entities": ["id", "name", "type", "aliases", "documents", "first_seen", "last_seen"],
    "relations": ["id", "type", "source", "source_name", "target", "target_name", "negated",
                  "sources", "roles", "documents", "first_date", "last_date"],
    "evidence": ["relation", "document", "text", "start", "end", "attribution"],
    "events": ["id", "type", "mode", "date", "location", "location_name", "actors",
               "actor_names", "recipients", "recipient_names", "fatalities", "injured",
               "document", "evidence", "start", "end"],
    "attributions": ["document", "id", "source", "source_name", "source_text", "source_kind",
                     "cue", "content", "direct"],
}


def write(corpus: dict[str, Any], out: Path) -> None:
    files = {f"{key}.csv": _csv(rows, COLUMNS[key]) for key, rows in tables(corpus).items()}
    if out.suffix.lower() == ".zip":
        out.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, content in files.items():
                archive.writestr(name, content)
        return
    out.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        (out / name).write_text(content, encoding="utf-8", newline="")
