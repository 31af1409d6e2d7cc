"""Publication dates to YYYY-MM-DD."""

from __future__ import annotations

import re
from datetime import date, datetime

from dateutil import parser

UNKNOWN = frozenset({"", "unknown", "n/a", "na", "none", "null", "nil", "-", "?", "undated"})
ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ]|$)")
_DEFAULTS = (datetime(2000, 1, 1), datetime(2001, 2, 2))


def normalise_date(value: object) -> str | None:
    """YYYY-MM-DD when `value` names a whole day; None when absent or "unknown"; else the raw value.

    A value without a day, month or year ("March 2021", "Wednesday") is kept raw,
    never completed with a made-up default.
    """
    if value is None:
        return None
    raw = str(value).strip()
    if raw.lower() in UNKNOWN:
        return None
    match = ISO_DATE.match(raw)
    if match:
        try:
            return date(*map(int, match.groups())).isoformat()
        except ValueError:
            return raw
    try:
        first, second = (parser.parse(raw, default=default) for default in _DEFAULTS)
    except (ValueError, OverflowError):
        return raw
    if first.date() != second.date():
        return raw
    return first.date().isoformat()
