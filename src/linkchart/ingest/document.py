"""What every format does to a document: the body's form, the fallback id, the checks."""

from __future__ import annotations

from linkchart.model import Document, text_hash

from .results import IngestOptions, ReadFailure


def body(text: str) -> str:
    """The body as downstream offsets see it: \\r\\n as \\n, trailing whitespace removed."""
    return text.replace("\r\n", "\n").rstrip()


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
    return document


def location(path: str, where: str | None) -> str:
    return f"{path}:{where}" if where else path
