"""ISO 8601 dates at any precision (2021, 2021-03, 2021-03-03), compared as intervals."""

from __future__ import annotations

import re

ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?")


def iso(value: str | None) -> str | None:
    """The date part of an ISO value ("2021-03-03T10:00Z" -> "2021-03-03"), else None."""
    match = ISO.match(value or "")
    return match.group(0) if match else None


def in_range(date: str | None, date_from: str | None, date_to: str | None) -> bool:
    """Whether the period `date` names overlaps [date_from, date_to]; undated is outside
    any bounded range."""
    if not date_from and not date_to:
        return True
    date = iso(date)
    if date is None:
        return False
    if date_from and date < date_from[:len(date)]:
        return False
    return not (date_to and date[:len(date_to)] > date_to)


def year_bounds(date_from: str | None, date_to: str | None) -> tuple[str | None, str | None]:
    """Loose string bounds for SQL (by year); `in_range` then decides exactly."""
    low = date_from[:4] if date_from else None
    high = str(int(date_to[:4]) + 1) if date_to else None
    return low, high


def year_bounds_sql(column: str, date_from: str | None, date_to: str | None
                    ) -> tuple[list[str], dict[str, str]]:
    """`year_bounds` as SQL text on `column`: conditions bound as :low and :high."""
    low, high = year_bounds(date_from, date_to)
    where, params = [], {}
    if low:
        where.append(f"{column} >= :low")
        params["low"] = low
    if high:
        where.append(f"{column} < :high")
        params["high"] = high
    return where, params


def earliest(*dates: str | None) -> str | None:
    found = [d for d in map(iso, dates) if d]
    return min(found) if found else None


def latest(*dates: str | None) -> str | None:
    found = [d for d in map(iso, dates) if d]
    return max(found) if found else None
