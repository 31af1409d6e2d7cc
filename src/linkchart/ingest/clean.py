"""Text as every store accepts it, the same on SQLite and PostgreSQL.

NUL and the other C0 control characters (tab, newline and carriage return kept), DEL,
and lone UTF-16 surrogates (which JSON `\\ud800` escapes can produce) are no text:
PostgreSQL refuses NUL, neither store can encode a surrogate. They are removed at the
door, before any offset is counted, so evidence offsets hold on either store. A form
feed or vertical tab breaks a line, so it becomes a newline.
"""

from __future__ import annotations

import re

LINE_BREAKS = str.maketrans({"\f": "\n", "\v": "\n"})
NOT_TEXT = re.compile("[\x00-\x08\x0e-\x1f\x7f\ud800-\udfff]")


def clean(value: str) -> str:
    return NOT_TEXT.sub("", value.translate(LINE_BREAKS))


def clean_optional(value: str | None) -> str | None:
    if value is None:
        return None
    return clean(value).strip() or None
