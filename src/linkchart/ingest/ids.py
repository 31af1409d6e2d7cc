"""File names for document ids: never a path, never two ids on one name."""

from __future__ import annotations

import os
import re
from collections import defaultdict
from hashlib import sha256
from pathlib import Path

from .formats import stem as file_name_stem

UNSAFE = re.compile(r"[^\w.-]+")
MAX_STEM = 100


def path_ids(paths: list[Path]) -> dict[Path, str]:
    """The id each file of a run gets: its name without the extension, or, when another
    file of the run has that name too, the name behind as many of its folders as it takes
    to tell them apart (`a/report`, `b/report`)."""
    by_stem: dict[str, set[Path]] = defaultdict(set)
    for path in paths:
        by_stem[file_name_stem(path.name)].add(path)
    ids: dict[Path, str] = {}
    for name, group in by_stem.items():
        ids.update(_told_apart(name, group))
    return ids


def _told_apart(name: str, paths: set[Path]) -> dict[Path, str]:
    folders = {path: Path(os.path.abspath(path)).parent.parts for path in paths}
    distinct = set(folders.values())
    if len(distinct) == 1:  # one file, perhaps named twice
        return {path: name for path in paths}
    return {path: "/".join([*_shortest_unique_tail(parts, distinct), name])
            for path, parts in folders.items()}


def _shortest_unique_tail(parts: tuple[str, ...], others: set[tuple[str, ...]]
                          ) -> tuple[str, ...]:
    for depth in range(1, len(parts)):
        tail = parts[-depth:]
        if all(other == parts or other[-depth:] != tail for other in others):
            return tail
    return parts[1:]  # the whole path, without the root


def file_stem(doc_id: str) -> str:
    """`doc_id` itself when it is a plain, short name; else a sanitised form of it with a
    digest of the whole id, so that ids differing only in what was replaced stay apart."""
    stem = UNSAFE.sub("_", doc_id).strip("._-")[:MAX_STEM]
    if stem and stem == doc_id:
        return stem
    return f"{stem or 'document'}-{_digest(doc_id)}"


class FileNames:
    """Unique file names in one folder for the ids of a run (case-insensitively, for the
    file systems that fold case)."""

    def __init__(self, suffix: str):
        self.suffix = suffix
        self._used: set[str] = set()

    def name_for(self, doc_id: str) -> str:
        stem = file_stem(doc_id)
        if stem.casefold() in self._used:
            stem = f"{stem}-{_digest(doc_id)}"
        self._used.add(stem.casefold())
        return stem + self.suffix


def _digest(doc_id: str) -> str:
    return sha256(doc_id.encode("utf-8", "surrogatepass")).hexdigest()[:10]
