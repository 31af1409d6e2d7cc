"""Plain text: an optional block of `Key: value` header lines, a blank line, the body."""

from __future__ import annotations

import re
from collections.abc import Iterator

from linkchart.model import Document

from .dates import normalise_date
from .document import body, checked, hash_id
from .results import IngestOptions, ReadFailure
from .source import Source

HEADER_LINE = re.compile(r"([A-Za-z][A-Za-z0-9 _()./'-]{0,63}):(?:[ \t]+(.*))?")
KNOWN_KEYS = {"title": "title", "outlet": "outlet", "date": "published",
              "published": "published", "url": "url", "id": "id"}


def read_text(source: Source, options: IngestOptions) -> Iterator[Document | ReadFailure]:
    text = source.decode(source.read_all()).replace("\r\n", "\n")
    headers, start = split_header(text)
    fields = {KNOWN_KEYS[key.lower()]: value for key, value in headers if key.lower() in KNOWN_KEYS}
    content = body(text[start:])
    document = Document(
        id=fields.get("id") or source.stem or hash_id(content),
        text=content,
        title=fields.get("title") or None,
        outlet=fields.get("outlet") or None,
        published=normalise_date(fields.get("published")),
        url=fields.get("url") or None,
        source_path=source.name,
        meta={key: value for key, value in headers if key.lower() not in KNOWN_KEYS},
    )
    yield checked(document, source.name, None, options)


def split_header(text: str) -> tuple[list[tuple[str, str]], int]:
    """The header lines and where the body starts; ([], 0) when the text has no header block.

    A header block is a run of `Key: value` lines, at least one of them a known key
    (Title, Outlet, Date, Published, URL, Id), ended by a blank line or the end of the text.
    """
    headers: list[tuple[str, str]] = []
    position = 0
    while position < len(text):
        end = text.find("\n", position)
        end = len(text) if end < 0 else end
        line = text[position:end].rstrip()
        position = end + 1
        if not line:
            break
        match = HEADER_LINE.fullmatch(line)
        if not match:
            return [], 0
        headers.append((match.group(1).strip(), (match.group(2) or "").strip()))
    if not any(key.lower() in KNOWN_KEYS for key, _ in headers):
        return [], 0
    return headers, min(position, len(text))
