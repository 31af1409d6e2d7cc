"""Records (JSON objects, CSV rows) to documents: field names, synonyms, field_map."""

from __future__ import annotations

import json
from typing import Any

from linkchart.model import Document

from .dates import normalise_date
from .document import body, checked, hash_id, location
from .results import IngestOptions, ReadFailure

FIELD_NAMES = {
    "id": ("id",),
    "title": ("title",),
    "outlet": ("outlet", "source", "publisher"),
    "published": ("published", "date", "published_at"),
    "url": ("url",),
    "text": ("text", "content", "body", "content_original"),
}
JSON_TYPES = {dict: "an object", list: "an array", str: "a string", int: "a number",
              float: "a number", bool: "a boolean", type(None): "null"}


def names_for(field: str, options: IngestOptions) -> list[str]:
    """The input's names for our `field`, in the order they are tried."""
    mapped = options.field_map.get(field)
    return list(dict.fromkeys(([mapped] if mapped else []) + list(FIELD_NAMES[field])))


def record_document(record: Any, path: str, where: str | None,
                    options: IngestOptions) -> Document | ReadFailure:
    prefix = f"{where}: " if where else ""
    if not isinstance(record, dict):
        return ReadFailure(path, prefix + f"not a JSON object (found {describe(record)})")
    folded = {key.lower(): key for key in record if isinstance(key, str)}
    found = {field: _lookup(record, folded, names_for(field, options)) for field in FIELD_NAMES}
    problem = _text_problem(record, folded, found["text"], options) or \
        _id_problem(record, found["id"])
    if problem:
        return ReadFailure(path, prefix + problem)
    content = body(record[found["text"]])
    if found["published"] is not None and not isinstance(record[found["published"]], str):
        found["published"] = None  # a number is no date we can read: kept in meta as given
    values = {field: _scalar(record[key]) if key is not None else None
              for field, key in found.items() if field != "text"}
    used = set(found.values())
    document = Document(
        id=values["id"] or hash_id(content),
        text=content,
        title=values["title"],
        outlet=values["outlet"],
        published=normalise_date(values["published"]),
        url=values["url"],
        source_path=location(path, where),
        meta=_meta(record, used),
    )
    return checked(document, path, where, options)


def _text_problem(record: dict, folded: dict[str, str], text_key: str | None,
                  options: IngestOptions) -> str | None:
    names = names_for("text", options)
    if text_key is None:
        present = [key for name in names for key in (name, folded.get(name.lower()))
                   if key is not None and key in record]
        if not present:
            return f"no text field (looked for {', '.join(map(repr, names))})"
        if record[present[0]] is None:
            return f"text field {present[0]!r} is null, not a string"
        return "empty document"
    if not isinstance(record[text_key], str):
        return f"text field {text_key!r} is {describe(record[text_key])}, not a string"
    return None


def _id_problem(record: dict, id_key: str | None) -> str | None:
    if id_key is None or isinstance(record[id_key], (str, int)) and \
            not isinstance(record[id_key], bool):
        return None
    return f"id field {id_key!r} is {describe(record[id_key])}, not a string or a whole number"


def describe(value: Any) -> str:
    return JSON_TYPES.get(type(value), type(value).__name__)


def _lookup(record: dict, folded: dict[str, str], names: list[str]) -> str | None:
    """The first of `names` that `record` has with a value, matched exactly, else ignoring case."""
    for name in names:
        for key in (name, folded.get(name.lower())):
            if key is not None and key in record and _has_value(record[key]):
                return key
    return None


def _meta(record: dict, used: set[str | None]) -> dict[str, str]:
    meta = {}
    for key, value in record.items():
        text = _scalar(value)
        if key is not None and key not in used and text is not None:
            meta[str(key)] = text
    return meta


def _has_value(value: Any) -> bool:
    if isinstance(value, str):
        return bool(value) and not value.isspace()
    return value is not None


def _scalar(value: Any) -> str | None:
    if value is None:
        return None
    text = value.strip() if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text or None
