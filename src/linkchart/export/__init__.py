"""Exports of the store, each written for the tool its users open it with.

Every format is written from the store's corpus (`Store.corpus`), cut down to a
`Selection` when one is given. A format's module is imported only when it is used, so
that listing the formats (the CLI's `--help`) costs nothing.
"""

from __future__ import annotations

import importlib
import io
import sys
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from linkchart.export.selection import Selection

__all__ = ["FORMATS", "FOLDER_FORMATS", "Selection", "export"]

FORMATS = {
    "json": "linkchart-corpus/1 JSON, every field (schema: linkchart/schema/"
            "linkchart-corpus-1.json)",
    "gexf": "GEXF 1.3 for Gephi and networkx: entities and events, with time intervals",
    "graphml": "GraphML for yEd, Cytoscape, Gephi and networkx",
    "csv": "CSV tables in a folder or .zip: Gephi's nodes.csv/edges.csv and every table",
    "ftm": "FollowTheMoney JSON lines for Aleph and ftm (needs the ftm extra)",
    "plover": "PLOVER event records, one JSON object a line",
    "acled": "events as an ACLED-shaped CSV",
    "cypher": "a Cypher script that builds the chart in Neo4j",
}
MODULES = {"json": "corpus_json", "csv": "csv_tables"}
FOLDER_FORMATS = {"csv"}
"""Formats written to a folder or a .zip rather than to one stream."""


def __getattr__(name: str):
    if name == "Selection":  # imported on first use: it brings in the store
        from linkchart.export.selection import Selection
        return Selection
    raise AttributeError(name)


def writer(format: str):
    if format not in FORMATS:
        raise ValueError(f"unknown export format {format!r}; "
                         f"expected one of {', '.join(FORMATS)}")
    return importlib.import_module(f"linkchart.export.{MODULES.get(format, format)}")


def export(store, format: str, out: str | Path | IO,
           selection: "Selection | dict | None" = None, *, excel: bool = False
           ) -> dict[str, Any]:
    """Write `format` to `out` (a path, an open text or binary stream, "-" for standard
    output; for csv a folder or a .zip path) and return counts of what was written (a
    format that leaves some facts out says how many).
    `excel` starts CSV files with a byte order mark for Excel."""
    module = writer(format)
    if format in FOLDER_FORMATS and (hasattr(out, "write") or str(out) == "-"):
        raise ValueError(f"{format} export needs a folder or a .zip path, not a stream")
    corpus = store.corpus(detail=True)
    if selection is not None:
        from linkchart.export.selection import Selection, apply

        corpus = apply(corpus, selection if isinstance(selection, Selection)
                       else Selection(**selection))
    if str(out) == "-":
        out = sys.stdout
    if format in FOLDER_FORMATS:
        written = module.write(corpus, Path(out), excel=excel)
    elif hasattr(out, "write"):
        written = _to_stream(module, corpus, out)
    else:
        Path(out).parent.mkdir(parents=True, exist_ok=True)
        with open(out, "wb") as stream:
            written = module.write(corpus, stream)
    counts = {key: len(corpus[key]) for key in
              ("documents", "entities", "relations", "events", "attributions")}
    return counts | (written or {})


def _to_stream(module, corpus: dict[str, Any], out: IO) -> dict[str, int] | None:
    if isinstance(out, io.TextIOBase) or not isinstance(out, (io.RawIOBase, io.BufferedIOBase)):
        binary = getattr(out, "buffer", None)
        if binary is None:
            buffer = io.BytesIO()
            written = module.write(corpus, buffer)
            out.write(buffer.getvalue().decode("utf-8"))
            return written
        out.flush()
        out = binary
    written = module.write(corpus, out)
    out.flush()
    return written
