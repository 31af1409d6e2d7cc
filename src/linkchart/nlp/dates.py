"""Date expressions to ISO 8601 at the precision the text gives.

`resolve_date("on Sunday", "2019-12-31")` is "2019-12-29": relative expressions are
resolved against the publication date, and, for "the next day" and the like, against a
reference date (the date of the event told just before). A text that names no
resolvable time ("the 1990s", "at dusk", "recently") gives None.

The rules are tables of regular expressions tried in order over the cleaned text
(lower case, leading prepositions and hedges such as "early", "mid-", "about" dropped);
each rule's resolver gets the match and the two dates and returns an ISO string or None.
Pure functions; nothing here reads a clock.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Callable

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
            "saturday": 5, "sunday": 6,
            "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3,
            "fri": 4, "sat": 5, "sun": 6}
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
                "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
                "twelve": 12, "several": None, "few": None, "a few": None}
SEASONS = {"winter": (12, 2), "spring": (3, 5), "summer": (6, 8), "autumn": (9, 11),
           "fall": (9, 11)}

# Words dropped from the front of an expression, repeatedly: prepositions and hedges
# that do not change the date named ("on Sunday", "in late February", "since mid-2016").
LEADING = re.compile(
    r"^(?:on|in|at|during|since|by|from|until|till|through|throughout|before|after|of|"
    r"as of|as early as|as late as|the|about|around|approximately|nearly|some|"
    r"early|earlier|late|later|mid|middle|end|beginning|start|the end of|"
    r"the beginning of|the start of|the middle of|the first half of|the second half of|"
    r"the spring of|the summer of|the autumn of|the fall of|the winter of|"
    r"spring of|summer of|autumn of|fall of|winter of|just)(?:\b|(?<=-))[\s,-]*")
TIME_OF_DAY = r"(?:\s+(?:morning|afternoon|evening|night|overnight|dawn|dusk|midday|noon))?"

MONTH_RE = "(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"  # longest first
DAY_RE = r"(\d{1,2})(?:st|nd|rd|th)?"
YEAR_RE = r"(\d{4})"
WEEKDAY_RE = (r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
              r"mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun)\.?")
COUNT_RE = r"(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"


def parse_iso(value: str | None) -> date | None:
    """The day of an ISO date string (YYYY-MM-DD, optionally with a time), else None."""
    if not value:
        return None
    match = re.match(r"^(\d{4})-(\d{2})-(\d{2})", str(value).strip())
    if not match:
        return None
    try:
        return date(*map(int, match.groups()))
    except ValueError:
        return None


def _parts(value: str | None) -> tuple[int, ...] | None:
    """(year,), (year, month) or (year, month, day) of an ISO string at any precision."""
    if not value:
        return None
    match = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", str(value).strip())
    if not match:
        return None
    return tuple(int(p) for p in match.groups() if p)


def _day(value: date) -> str:
    return value.isoformat()


def _month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _year(year: int) -> str:
    return f"{year:04d}"


def _valid_day(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _number(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word)


def _clean(text: str) -> str:
    text = " ".join(text.casefold().replace("’", "'").split())
    text = text.strip(" ,.;:()[]\"'“”")
    text = text.removesuffix("'s")  # "Wednesday's strikes"
    previous = None
    while previous != text:
        previous = text
        text = LEADING.sub("", text, count=1).strip()
    return text


# ------------------------------------------------------------------ resolvers
# Each takes (match, published day or None, reference parts or None).

Resolver = Callable[[re.Match, "date | None", "tuple[int, ...] | None"], "str | None"]


def _full_dmy(m, pub, ref):
    return _valid_day(int(m.group(3)), MONTHS[m.group(2)], int(m.group(1)))


def _full_mdy(m, pub, ref):
    return _valid_day(int(m.group(3)), MONTHS[m.group(1)], int(m.group(2)))


def _iso_day(m, pub, ref):
    return _valid_day(int(m.group(1)), int(m.group(2)), int(m.group(3)))


AHEAD_DAYS = 62
"""How far after publication a day named without its year may fall ("the scheduled May 25
elections" in a paper of May 12) before it is read as last year's."""


def _inferred_year(month: int, day: int | None, pub: date | None) -> int | None:
    """The year of a day or month named without one: the publication year, or the year
    before when that would fall more than two months after the publication date."""
    if pub is None:
        return None
    year = pub.year
    try:
        ahead = (date(year, month, day or 1) - pub).days
    except ValueError:  # 29 February of a year without one
        ahead = (date(year, month, 28) - pub).days
    if ahead > AHEAD_DAYS:
        year -= 1
    return year


def _dm(m, pub, ref):
    month, day = MONTHS[m.group(2)], int(m.group(1))
    year = _inferred_year(month, day, pub)
    return _valid_day(year, month, day) if year else None


def _md(m, pub, ref):
    month, day = MONTHS[m.group(1)], int(m.group(2))
    year = _inferred_year(month, day, pub)
    return _valid_day(year, month, day) if year else None


def _month_year(m, pub, ref):
    return _month(int(m.group(2)), MONTHS[m.group(1)])


def _month_only(m, pub, ref):
    month = MONTHS[m.group(1)]
    year = _inferred_year(month, None, pub)
    return _month(year, month) if year else None


def _year_only(m, pub, ref):
    return _year(int(m.group(1)))


def _none(m, pub, ref):
    return None


def _offset_days(days: int) -> Resolver:
    def resolve(m, pub, ref):
        return _day(pub + timedelta(days=days)) if pub else None
    return resolve


def _weekday(strict: bool) -> Resolver:
    """The latest such day on or before the publication date ("on Friday" in a paper of
    Friday is that day); `strict`: strictly before ("last Friday")."""
    def resolve(m, pub, ref):
        if pub is None:
            return None
        back = (pub.weekday() - WEEKDAYS[m.group(1)]) % 7
        if strict and back == 0:
            back = 7
        return _day(pub - timedelta(days=back))
    return resolve


def _weekday_pair(m, pub, ref):
    """"on Wednesday and Thursday": what the two days share (the month, or the day)."""
    days = [_weekday(False)(_Fixed(m.group(i)), pub, ref) for i in (1, 2)]
    if None in days:
        return None
    if days[0] == days[1]:
        return days[0]
    return days[0][:7] if days[0][:7] == days[1][:7] else days[0][:4]


def _last_week(m, pub, ref):
    return _month(*_ym(pub - timedelta(days=7))) if pub else None


def _this_week(m, pub, ref):
    """Monday of the publication week up to the day before it, when in one month."""
    if pub is None:
        return None
    monday = pub - timedelta(days=pub.weekday())
    last = max(monday, pub - timedelta(days=1))
    if (monday.year, monday.month) == (last.year, last.month):
        return _month(monday.year, monday.month)
    return _year(monday.year) if monday.year == last.year else None


def _ym(day: date) -> tuple[int, int]:
    return day.year, day.month


def _this_month(m, pub, ref):
    return _month(pub.year, pub.month) if pub else None


def _months_back(count: int | None) -> Resolver:
    def resolve(m, pub, ref):
        n = count if count is not None else _number(m.group(1))
        if pub is None or n is None:
            return None
        return _month(*_add_months(pub.year, pub.month, -n))
    return resolve


def _years_back(count: int | None) -> Resolver:
    def resolve(m, pub, ref):
        n = count if count is not None else _number(m.group(1))
        if pub is None or n is None:
            return None
        return _year(pub.year - n)
    return resolve


def _days_ago(m, pub, ref):
    n = _number(m.group(1))
    if pub is None or n is None:
        return None
    return _day(pub - timedelta(days=n))


def _weeks_ago(m, pub, ref):
    n = _number(m.group(1))
    if pub is None or n is None:
        return None
    return _month(*_ym(pub - timedelta(days=7 * n)))


def _season(which: str) -> Resolver:
    """"last summer": the latest summer over before publication; "this summer": the
    publication year's."""
    def resolve(m, pub, ref):
        if pub is None:
            return None
        first, last = SEASONS[m.group(1)]
        if which == "this":
            return _year(pub.year)
        year = pub.year if pub.month > last and last >= first else pub.year - 1
        return _year(year)
    return resolve


def _ref_days(days: int) -> Resolver:
    def resolve(m, pub, ref):
        if not ref or len(ref) < 3:
            return None
        return _day(date(*ref) + timedelta(days=days))
    return resolve


def _ref_count_days(sign: int) -> Resolver:
    def resolve(m, pub, ref):
        n = _number(m.group(1))
        if not ref or len(ref) < 3 or n is None:
            return None
        return _day(date(*ref) + timedelta(days=sign * n))
    return resolve


def _ref_same(m, pub, ref):
    if not ref:
        return None
    return "-".join(f"{p:04d}" if i == 0 else f"{p:02d}" for i, p in enumerate(ref))


def _ref_weeks(sign: int) -> Resolver:
    def resolve(m, pub, ref):
        n = _number(m.group(1))
        if not ref or len(ref) < 2 or n is None:
            return None
        if len(ref) == 3:
            return _month(*_ym(date(*ref) + timedelta(days=7 * sign * n)))
        return _month(*ref[:2]) if n == 1 else None
    return resolve


def _ref_months(sign: int) -> Resolver:
    def resolve(m, pub, ref):
        n = _number(m.group(1))
        if not ref or len(ref) < 2 or n is None:
            return None
        return _month(*_add_months(ref[0], ref[1], sign * n))
    return resolve


def _ref_years(sign: int) -> Resolver:
    def resolve(m, pub, ref):
        n = _number(m.group(1))
        if not ref or n is None:
            return None
        return _year(ref[0] + sign * n)
    return resolve


def _ref_year(m, pub, ref):
    return _year(ref[0]) if ref else None


def _ref_month(m, pub, ref):
    return _month(*ref[:2]) if ref and len(ref) >= 2 else None


# Tried in order; the first rule whose pattern matches the whole cleaned text wins.
RULES: list[tuple[str, Resolver]] = [
    # decades and centuries name no date at the format's precisions
    (r"(?:\d{4}|'?\d0)'?s", _none),
    (r".*\bcentury\b.*", _none),
    # absolute dates
    (DAY_RE + r"(?:\s+of)?\s+" + MONTH_RE + r",?\s+" + YEAR_RE, _full_dmy),
    (MONTH_RE + r"\s+" + DAY_RE + r",?\s+" + YEAR_RE, _full_mdy),
    (r"(?:" + WEEKDAY_RE + r",?\s+)?" + MONTH_RE + r"\s+" + DAY_RE + r",?\s+" + YEAR_RE,
     lambda m, p, r: _valid_day(int(m.group(4)), MONTHS[m.group(2)], int(m.group(3)))),
    (r"(\d{4})-(\d{2})-(\d{2})", _iso_day),
    (MONTH_RE + r",?\s+(?:of\s+)?" + YEAR_RE, _month_year),
    (r"(?:" + WEEKDAY_RE + r",?\s+)?" + DAY_RE + r"(?:\s+of)?\s+" + MONTH_RE + TIME_OF_DAY,
     lambda m, p, r: _dm(_Shift(m, 1), p, r)),
    (r"(?:" + WEEKDAY_RE + r",?\s+)?" + MONTH_RE + r"\s+" + DAY_RE + TIME_OF_DAY,
     lambda m, p, r: _md(_Shift(m, 1), p, r)),
    (MONTH_RE, _month_only),
    (r"(?:the\s+)?(?:year\s+)?" + YEAR_RE + r"(?:\s+and\s+\d{4})?", _year_only),
    (r"(?:\d{4})\s*[-–]\s*" + YEAR_RE, _none),
    # relative to the publication date
    (r"(?:the\s+)?day\s+before\s+yesterday", _offset_days(-2)),
    (r"yesterday" + TIME_OF_DAY, _offset_days(-1)),
    (r"(?:today|tonight|this\s+(?:morning|afternoon|evening|night|week-?end)|overnight|"
     r"now|(?:last\s+)?night)", _offset_days(0)),
    (r"tomorrow", _none),
    (r"(?:last|this\s+past|past|previous)\s+" + WEEKDAY_RE + TIME_OF_DAY, _weekday(True)),
    (r"(?:this\s+)?" + WEEKDAY_RE + TIME_OF_DAY, _weekday(False)),
    (WEEKDAY_RE + r"\s+(?:and|or|to)\s+" + WEEKDAY_RE + TIME_OF_DAY, _weekday_pair),
    (r"(?:last|past|previous)\s+week(?:end)?", _last_week),
    (r"(?:this|the)\s+week", _this_week),
    (r"(?:this|the current)\s+month", _this_month),
    (r"currently|presently|at\s+present|at\s+the\s+moment", _this_month),
    (r"(?:last|previous|past)\s+month", _months_back(1)),
    (r"(?:this|the current)\s+year", lambda m, p, r: _year(p.year) if p else None),
    (r"(?:last|previous|past)\s+year", _years_back(1)),
    (r"(?:the\s+)?year\s+before\s+last", _years_back(2)),
    (COUNT_RE + r"\s+days?\s+ago", _days_ago),
    (COUNT_RE + r"\s+weeks?\s+ago", _weeks_ago),
    (COUNT_RE + r"\s+months?\s+ago", _months_back(None)),
    (COUNT_RE + r"\s+years?\s+ago", _years_back(None)),
    (r"(?:last|past)\s+(spring|summer|autumn|fall|winter)", _season("last")),
    (r"this\s+(spring|summer|autumn|fall|winter)", _season("this")),
    (r"(?:the\s+)?(spring|summer|autumn|fall|winter)(?:\s+months)?", _season("this")),
    # "in recent days" is the month of the report; "in recent months" only its year
    (r"(?:(?:in|over)\s+)?(?:the\s+)?(?:past|last|recent)\s+(?:few\s+|several\s+|"
     r"couple\s+of\s+|two\s+|three\s+)?(?:days|weeks)", _this_month),
    (r"(?:(?:in|over)\s+)?(?:the\s+)?(?:past|last|recent)\s+(?:few\s+|several\s+|"
     r"couple\s+of\s+)?months", lambda m, p, r: _year(p.year) if p else None),
    # relative to the reference date (the event told before)
    (r"(?:the\s+)?(?:next|following)\s+day|(?:a|one)\s+day\s+later|the\s+day\s+after",
     _ref_days(1)),
    (r"(?:the\s+)?(?:previous|preceding)\s+day|(?:a|one)\s+day\s+(?:earlier|before)|"
     r"the\s+day\s+before", _ref_days(-1)),
    (COUNT_RE + r"\s+days?\s+(?:later|after)", _ref_count_days(1)),
    (COUNT_RE + r"\s+days?\s+(?:earlier|before)", _ref_count_days(-1)),
    (r"(?:the\s+)?same\s+day|that\s+day|(?:later\s+)?that\s+(?:morning|afternoon|evening|"
     r"night)|hours?\s+(?:later|after|before|earlier)|(?:a\s+few|several|\d+|two|three)"
     r"\s+hours\s+(?:later|after|before|earlier)|the\s+same\s+time|the\s+time", _ref_same),
    (COUNT_RE + r"\s+weeks?\s+(?:later|after)", _ref_weeks(1)),
    (COUNT_RE + r"\s+weeks?\s+(?:earlier|before)", _ref_weeks(-1)),
    (r"(?:the\s+)?(?:next|following)\s+week", lambda m, p, r: _ref_weeks(1)(_Fixed("1"), p, r)),
    (COUNT_RE + r"\s+months?\s+(?:later|after)", _ref_months(1)),
    (COUNT_RE + r"\s+months?\s+(?:earlier|before)", _ref_months(-1)),
    (r"(?:the\s+)?(?:next|following)\s+month", lambda m, p, r: _ref_months(1)(_Fixed("1"), p, r)),
    (COUNT_RE + r"\s+years?\s+(?:later|after)", _ref_years(1)),
    (COUNT_RE + r"\s+years?\s+(?:earlier|before)", _ref_years(-1)),
    (r"(?:the\s+)?(?:next|following)\s+year", lambda m, p, r: _ref_years(1)(_Fixed("1"), p, r)),
    (r"(?:that|(?:the\s+)?same)\s+year", _ref_year),
    (r"(?:that|(?:the\s+)?same)\s+month", _ref_month),
]


class _Shift:
    """A match whose groups are read `by` places further on (an optional group first)."""

    def __init__(self, match: re.Match, by: int):
        self.match, self.by = match, by

    def group(self, index: int) -> str:
        return self.match.group(index + self.by)


class _Fixed:
    def __init__(self, value: str):
        self.value = value

    def group(self, index: int) -> str:
        return self.value


_COMPILED = [(re.compile(pattern + r"$"), resolver) for pattern, resolver in RULES]
# Within a longer expression ("a week after the Paris attacks on 13 November"), the
# absolute forms are still found.
_ABSOLUTE = [RULES[i] for i in (2, 3, 4, 5, 6, 7, 8, 10)]
_EMBEDDED = [(re.compile(r"\b" + p + r"\b"), resolver) for p, resolver in _ABSOLUTE]


def resolve_date(text: str | None, published: str | None,
                 reference: str | None = None) -> str | None:
    """ISO date (YYYY-MM-DD, YYYY-MM or YYYY) that `text` names, or None.

    `published` (YYYY-MM-DD) anchors relative expressions ("on Sunday", "last week",
    "3 March"); `reference` (an ISO date at any precision, usually the date of the event
    told just before) anchors "the next day", "a month later", "that year".
    """
    if not text:
        return None
    cleaned = _clean(text)
    if not cleaned:
        return None
    pub = parse_iso(published)
    ref = _parts(reference)
    for pattern, resolver in _COMPILED:
        match = pattern.match(cleaned)
        if match:
            return resolver(match, pub, ref)
    for pattern, resolver in _EMBEDDED:
        match = pattern.search(cleaned)
        if match:
            return resolver(match, pub, ref)
    return None
