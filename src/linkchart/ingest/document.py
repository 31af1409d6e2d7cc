"""What every format does to a document: the body's form, the fallback id, the checks."""

from __future__ import annotations

from dataclasses import replace

from linkchart.model import Document, text_hash

from .clean import clean, clean_optional
from .results import IngestOptions, ReadFailure

MAX_PUBLISHED = 32
"""The longest publication date a store column holds: a longer value, no date we could
read (those are YYYY-MM-DD), stays in the metadata as `published`."""


def body(text: str) -> str:
    """The body as downstream offsets see it: no control characters (see clean), \\r\\n as
    \\n, trailing whitespace removed."""
    return clean(text.replace("\r\n", "\n")).rstrip()


def hash_id(text: str) -> str:
    return "sha-" + text_hash(text)[:12]


def checked(document: Document, path: str, where: str | None,
            options: IngestOptions) -> Document | ReadFailure:
    prefix = f"{where}: " if where else ""
    if not document.text.strip():
        return ReadFailure(path, prefix + "empty document")
    size = len(document.text)
    if size > options.max_chars:
        return ReadFailure(path, prefix + f"document has {size:,} characters, over the limit "
                                          f"of {options.max_chars:,} (--max-chars)")
    return _cleaned_fields(document)


def location(path: str, where: str | None) -> str:
    return f"{path}:{where}" if where else path


def _cleaned_fields(document: Document) -> Document:
    """Header fields and metadata cleaned like the body; an id left empty is the text's."""
    meta = {}
    for key, value in document.meta.items():
        name = clean_optional(key)
        if name:
            meta[name] = clean(value).strip()
    published = clean_optional(document.published)
    if published and len(published) > MAX_PUBLISHED:
        meta.setdefault("published", published)
        published = None
    return replace(document, id=clean_optional(document.id) or hash_id(document.text),
                   title=clean_optional(document.title), outlet=clean_optional(document.outlet),
                   published=published, url=clean_optional(document.url), meta=meta)
