"""What several formats derive from a corpus: names, dates, full calendar dates."""

from __future__ import annotations

import calendar
from typing import Any

from linkchart.store.dates import earliest, iso, latest


def published(corpus: dict[str, Any]) -> dict[str, str | None]:
    return {d["id"]: d["published"] for d in corpus["documents"]}


def names(corpus: dict[str, Any]) -> dict[str, str]:
    return {e["id"]: e["name"] for e in corpus["entities"]}


def evidence_span(relation: dict[str, Any], dates: dict[str, str | None]
                  ) -> tuple[str | None, str | None]:
    seen = [dates.get(e["document"]) for e in relation["evidence"]]
    return earliest(*seen), latest(*seen)


def day_start(date: str | None) -> str | None:
    """The first day of a partial date: 2021 -> 2021-01-01, 2021-03 -> 2021-03-01."""
    date = iso(date)
    if date is None:
        return None
    return date + "-01" * ((10 - len(date)) // 3)


def day_end(date: str | None) -> str | None:
    """The last day of a partial date: 2021 -> 2021-12-31, 2021-02 -> 2021-02-28."""
    date = iso(date)
    if date is None or len(date) == 10:
        return date
    if len(date) == 4:
        return f"{date}-12-31"
    year, month = int(date[:4]), int(date[5:7])
    return f"{date}-{calendar.monthrange(year, month)[1]:02d}"


def edge_key(relation: dict[str, Any]) -> str:
    negated = ":not" if relation["negated"] else ""
    return f"{relation['type']}:{relation['source']}:{relation['target']}{negated}"
