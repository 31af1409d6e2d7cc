"""File names for document ids: never a path, never two ids on one name."""

from __future__ import annotations

import re
from hashlib import sha256

UNSAFE = re.compile(r"[^\w.-]+")
MAX_STEM = 100


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
