"""Third-party benchmarks, each an adapter: parse the files, turn each record into a
Document, run extraction, score. Run with `linkchart evaluate --benchmark NAME [PATH]`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from linkchart.evaluate.paths import shared_path


def _adapters() -> dict[str, Any]:
    from linkchart.evaluate.benchmarks import crossner, petr2, plover
    return {"plover-gsr": plover, "petr2-gsr": petr2, "crossner-politics": crossner}


BENCHMARKS = ("plover-gsr", "petr2-gsr", "crossner-politics")


def adapter(name: str):
    """The adapter module for `name`; each has DEFAULT_PATH, load(path), run(path, ...)."""
    adapters = _adapters()
    if name not in adapters:
        raise KeyError(f"unknown benchmark {name!r}; known: {', '.join(BENCHMARKS)}")
    return adapters[name]


def default_path(name: str) -> Path:
    return shared_path("benchmarks", *adapter(name).DEFAULT_PATH)


ExtractFn = Callable[[list], list]
"""A function from Documents to DocExtractions in the same order (the pipeline, or a stub)."""
