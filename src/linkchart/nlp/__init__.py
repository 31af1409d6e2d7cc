"""The spaCy pipeline (linkchart.nlp.loader) and what it knows.

load_pipeline, knowledge_of, MODEL and PIPELINE_VERSION are the loader's, imported on
first use, so that the knowledge packs (linkchart.nlp.packs: `linkchart packs list`,
`packs validate`) are read without importing spaCy, which takes about a second."""

from __future__ import annotations

from typing import Any

LOADER_NAMES = ("load_pipeline", "knowledge_of", "MODEL", "PIPELINE_VERSION")


def __getattr__(name: str) -> Any:
    if name in LOADER_NAMES:
        from linkchart.nlp import loader

        return getattr(loader, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
