"""Exports of the store: linkchart-corpus/1 JSON, GEXF, GraphML, CSV, FollowTheMoney.

Every format is written from the store's corpus (`Store.corpus`), cut down to a
`Selection` when one is given.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from linkchart.export import corpus_json, csv_tables, ftm, gexf, graphml
from linkchart.export.selection import Selection, apply

__all__ = ["FORMATS", "Selection", "export"]

FORMATS = {"json": corpus_json, "gexf": gexf, "graphml": graphml, "csv": csv_tables,
           "ftm": ftm}


def export(store, format: str, out: str | Path, selection: Selection | dict | None = None
           ) -> dict[str, Any]:
    """Write `format` to `out` (a file, "-" for standard output; for csv a folder or a
    .zip file) and return counts of what was written."""
    if format not in FORMATS:
        raise ValueError(f"unknown export format {format!r}; "
                         f"expected one of {', '.join(FORMATS)}")
    writer = FORMATS[format]
    corpus = store.corpus(detail=format != "json")
    if selection is not None:
        corpus = apply(corpus, selection if isinstance(selection, Selection)
                       else Selection(**selection))
    if format == "csv":
        writer.write(corpus, Path(out))
    elif str(out) == "-":
        writer.write(corpus, sys.stdout.buffer)
        sys.stdout.buffer.flush()
    else:
        Path(out).parent.mkdir(parents=True, exist_ok=True)
        with open(out, "wb") as stream:
            writer.write(corpus, stream)
    return {key: len(corpus[key]) for key in
            ("documents", "entities", "relations", "events", "attributions")}
