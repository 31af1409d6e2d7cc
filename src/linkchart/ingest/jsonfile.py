"""JSON (one object or a list of objects) and JSON Lines, read line by line."""

from __future__ import annotations

import json
from collections.abc import Iterator

from linkchart.model import Document

from .records import describe, record_document
from .results import BadInput, IngestOptions, ReadFailure
from .source import Source


def read_jsonl(source: Source, options: IngestOptions) -> Iterator[Document | ReadFailure]:
    offset = 0
    for number, line in enumerate(source.lines(), 1):
        start, offset = offset, offset + len(line)
        if not line.strip():
            continue
        where = f"line {number}"
        try:
            record = json.loads(source.decode(line, start))
        except BadInput as error:
            yield ReadFailure(source.name, f"{where}: {error.reason}")
            continue
        except json.JSONDecodeError as error:
            yield ReadFailure(source.name, f"{where}: invalid JSON: {_message(error)} at column {error.colno}")
            continue
        yield record_document(record, source.name, where, options)


def read_json(source: Source, options: IngestOptions) -> Iterator[Document | ReadFailure]:
    try:
        data = json.loads(source.decode(source.read_all()))
    except json.JSONDecodeError as error:
        raise BadInput(f"invalid JSON: {_message(error)} at line {error.lineno} column {error.colno}") from None
    if isinstance(data, dict):
        yield record_document(data, source.name, None, options)
    elif isinstance(data, list):
        for number, item in enumerate(data, 1):
            yield record_document(item, source.name, f"item {number}", options)
    else:
        raise BadInput(f"the JSON is {describe(data)}, not an object or a list of objects")


def _message(error: json.JSONDecodeError) -> str:
    """json's message without a trailing "at" ("Invalid control character at")."""
    return error.msg.removesuffix(" at")
