"""Where the third-party corpora and benchmarks live: `../shared` beside the repository.

They are never copied into the project (their licences and publishers forbid it or ask
for attribution); everything that reads them skips with a clear message when absent.
"""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[3]


class DataMissing(FileNotFoundError):
    """Evaluation data that is not there: the message says what and where."""


def shared_dir() -> Path:
    """`$LINKCHART_SHARED`, else `shared/` beside the repository, else `../shared`."""
    env = os.environ.get("LINKCHART_SHARED")
    if env:
        return Path(env).expanduser()
    beside = REPO_ROOT.parent / "shared"
    if beside.is_dir():
        return beside
    return Path.cwd().parent / "shared"


def shared_path(*parts: str) -> Path:
    return shared_dir().joinpath(*parts)


def require(path: Path, what: str) -> Path:
    """`path` if it exists, else DataMissing naming it and how to provide it."""
    if not path.exists():
        raise DataMissing(
            f"{what} not found at {path}: it is read from the shared evaluation data "
            f"(../shared beside the repository, or $LINKCHART_SHARED) and never shipped "
            f"with linkchart; skipping.")
    return path
