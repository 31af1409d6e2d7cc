"""CSV with a header row, one document a row."""

from __future__ import annotations

import csv
from collections.abc import Iterator

from linkchart.model import Document

from .records import names_for, record_document
from .results import BadInput, IngestOptions, ReadFailure
from .source import Source

FIELD_SIZE_LIMIT = 2**31 - 1


def read_csv(source: Source, options: IngestOptions) -> Iterator[Document | ReadFailure]:
    csv.field_size_limit(FIELD_SIZE_LIMIT)
    rows = csv.DictReader(_decoded_lines(source))
    try:
        columns = rows.fieldnames
    except csv.Error as error:
        raise BadInput(f"line 1: invalid CSV: {error}") from None
    if not columns:
        raise BadInput("no header row")
    text_names = names_for("text", options)
    folded = {column.lower() for column in columns}
    if not any(name.lower() in folded for name in text_names):
        raise BadInput(f"no text column (looked for {', '.join(map(repr, text_names))}; "
                       f"the columns are {', '.join(map(repr, columns))})")
    count = 0
    while True:
        start = rows.line_num + 1
        try:
            row = next(rows)
        except StopIteration:
            break
        except csv.Error as error:
            yield ReadFailure(source.name, f"line {rows.line_num}: invalid CSV: {error}")
            continue
        count += 1
        if None in row:
            yield ReadFailure(source.name, f"line {start}: {len(columns) + len(row[None])} "
                              f"values but the header row names {len(columns)} columns "
                              "(a comma in a value that is not quoted?)")
            continue
        yield record_document(row, source.name, f"line {start}", options)
    if not count:
        yield ReadFailure(source.name, "no rows after the header row")


def _decoded_lines(source: Source) -> Iterator[str]:
    offset = 0
    for number, line in enumerate(source.lines(), 1):
        try:
            yield source.decode(line, offset)
        except BadInput as error:
            raise BadInput(f"line {number}: {error.reason}") from None
        offset += len(line)
