"""The files of a directory that we read, in a stable order."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from .formats import extension
from .results import ReadFailure


def article_files(directory: Path, recursive: bool) -> Iterator[Path | ReadFailure]:
    """Files with an extension we read, sorted by path; hidden files and folders skipped."""
    problems: list[OSError] = []
    found: list[Path] = []
    for folder, subfolders, names in os.walk(directory, onerror=problems.append):
        subfolders[:] = [name for name in subfolders if not name.startswith(".")] if recursive else []
        found.extend(Path(folder, name) for name in names
                     if not name.startswith(".") and extension(name))
    for problem in problems:
        yield ReadFailure(str(problem.filename or directory),
                          f"cannot read directory: {problem.strerror or problem}")
    yield from sorted(found, key=lambda path: path.relative_to(directory).parts)
