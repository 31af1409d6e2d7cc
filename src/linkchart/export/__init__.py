"""Exports of the store: linkchart-corpus/1 JSON, GEXF, GraphML, CSV, FollowTheMoney.

Every format is written from the store's corpus (`Store.corpus`), cut down to a
`Selection` when one is given.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import IO, Any

from linkchart.export import corpus_json, csv_tables, ftm, gexf, graphml
from linkchart.export.selection import Selection, apply

__all__ = ["FORMATS", "Selection", "export"]

FORMATS = {"json": corpus_json, "gexf": gexf, "graphml": graphml, "csv": csv_tables,
           "ftm": ftm}


def export(store, format: str, out: str | Path | IO, selection: Selection | dict | None = None
           ) -> dict[str, Any]:
    """Write `format` to `out` (a path, an open text or binary stream, "-" for standard
    output; for csv a folder or a .zip path) and return counts of what was written."""
    if format not in FORMATS:
        raise ValueError(f"unknown export format {format!r}; "
                         f"expected one of {', '.join(FORMATS)}")
    writer = FORMATS[format]
    corpus = store.corpus(detail=format != "json")
    if selection is not None:
        corpus = apply(corpus, selection if isinstance(selection, Selection)
                       else Selection(**selection))
    if str(out) == "-":
        out = sys.stdout
    if format == "csv":
        if hasattr(out, "write"):
            raise ValueError("csv export needs a folder or a .zip path, not a stream")
        writer.write(corpus, Path(out))
    elif hasattr(out, "write"):
        _to_stream(writer, corpus, out)
    else:
        Path(out).parent.mkdir(parents=True, exist_ok=True)
        with open(out, "wb") as stream:
            writer.write(corpus, stream)
    return {key: len(corpus[key]) for key in
            ("documents", "entities", "relations", "events", "attributions")}


def _to_stream(writer, corpus: dict[str, Any], out: IO) -> None:
    if isinstance(out, io.TextIOBase) or not isinstance(out, (io.RawIOBase, io.BufferedIOBase)):
        binary = getattr(out, "buffer", None)
        if binary is None:
            buffer = io.BytesIO()
            writer.write(corpus, buffer)
            out.write(buffer.getvalue().decode("utf-8"))
            return
        out.flush()
        out = binary
    writer.write(corpus, out)
    out.flush()
