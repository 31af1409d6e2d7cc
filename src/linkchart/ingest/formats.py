"""Which reader reads a file: by extension, else by its first bytes."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from linkchart.model import Document

from .csvfile import read_csv
from .feeds import is_feed, read_feed
from .html import read_html
from .jsonfile import read_json, read_jsonl
from .results import IngestOptions, ReadFailure
from .source import Source
from .text import read_text
from .warc import read_warc

Reader = Callable[[Source, IngestOptions], Iterator[Document | ReadFailure]]

READERS: dict[str, Reader] = {
    ".txt": read_text, ".html": read_html, ".htm": read_html,
    ".json": read_json, ".json.gz": read_json, ".jsonl": read_jsonl, ".jsonl.gz": read_jsonl,
    ".csv": read_csv, ".rss": read_feed, ".atom": read_feed,
    ".warc": read_warc, ".warc.gz": read_warc,
}
"""A `.xml` file is no reader's: a folder walk passes it over, and one named on the
command line is sniffed (a feed, else text)."""
MEDIA_TYPES: dict[str, Reader] = {
    "text/html": read_html, "application/xhtml+xml": read_html,
    "application/rss+xml": read_feed, "application/atom+xml": read_feed,
    "application/rdf+xml": read_feed, "application/xml": read_feed, "text/xml": read_feed,
    "application/warc": read_warc,
}
EXTENSIONS = tuple(sorted(READERS, key=len, reverse=True))


def extension(name: str) -> str | None:
    """The extension of `name` that we read, if any."""
    lowered = name.lower()
    return next((ext for ext in EXTENSIONS if lowered.endswith(ext)), None)


def reader_for(name: str | None, head: bytes) -> Reader:
    ext = extension(name) if name else None
    return READERS[ext] if ext else sniff(head)


def reader_for_media(media_type: str, head: bytes) -> Reader:
    """The reader of a fetched resource: by the media type the server gave, else sniffed."""
    return MEDIA_TYPES.get(media_type.lower()) or sniff(head)


def sniff(head: bytes) -> Reader:
    """JSON Lines when the text starts with `{`, JSON with `[` or a lone `{` line, HTML with
    a doctype or <html>, an RSS or Atom feed, a WARC file, else text with an optional
    header block."""
    start = head.lstrip()
    if start.startswith(b"WARC/"):
        return read_warc
    if is_feed(start):
        return read_feed
    if start.startswith(b"["):
        return read_json
    if start.startswith(b"{"):
        return read_json if start.split(b"\n", 1)[0].strip() == b"{" else read_jsonl
    if start[:15].lower().startswith((b"<!doctype html", b"<html")):
        return read_html
    return read_text


def stem(name: str) -> str:
    """The file name without the extension we read it by (or its last suffix)."""
    ext = extension(name)
    if ext:
        return name[: -len(ext)]
    trimmed = name[:-3] if name.lower().endswith(".gz") else name
    head, dot, _ = trimmed.rpartition(".")
    return head if dot and head else trimmed
