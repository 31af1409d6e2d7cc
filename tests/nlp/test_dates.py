"""resolve_date: date words to ISO 8601 at the precision they give."""

import pytest

from linkchart.nlp.dates import resolve_date

# (text, publication date, expected)
CASES = [
    # weekdays: the latest such day on or before publication ("on Friday" in Friday's
    # paper is that day); "last Friday" is strictly before
    ("on Sunday", "2019-12-31", "2019-12-29"),
    ("Sunday", "2019-12-29", "2019-12-29"),
    ("on Friday", "2015-04-03", "2015-04-03"),
    ("Thursday", "2015-04-03", "2015-04-02"),
    ("Earlier Friday", "2015-04-03", "2015-04-03"),
    ("Last Friday", "2014-05-20", "2014-05-16"),
    ("last Friday", "2015-04-03", "2015-03-27"),
    ("Sunday night", "2019-12-31", "2019-12-29"),
    ("on Tuesday morning", "2020-06-11", "2020-06-09"),
    # two days: what they share
    ("on Wednesday and Thursday", "2014-10-16", "2014-10"),
    ("Friday or Saturday", "2014-10-04", "2014-10"),
    ("Tuesday and Thursday", "2014-10-02", "2014"),
    ("currently", "2015-04-15", "2015-04"),
    # a day or month without its year: this year's up to two months ahead, else last year's
    ("May 25", "2014-05-12", "2014-05-25"),
    ("December 20", "2015-01-05", "2014-12-20"),
    ("in September", "2014-05-12", "2013-09"),
    # days around publication
    ("yesterday", "2014-05-20", "2014-05-19"),
    ("during the night", "2014-08-28", "2014-08-28"),
    ("today", "1988-10-24", "1988-10-24"),
    ("this morning", "2014-08-14", "2014-08-14"),
    ("two days ago", "2020-01-10", "2020-01-08"),
    # weeks, months, years relative to publication
    ("last week", "2018-12-28", "2018-12"),
    ("last week", "2014-09-02", "2014-08"),
    ("Earlier this week", "2018-03-01", "2018-02"),
    ("earlier this month", "2019-12-31", "2019-12"),
    ("this month", "2020-05-02", "2020-05"),
    ("last month", "2014-08-07", "2014-07"),
    ("last month", "2021-01-15", "2020-12"),
    ("three weeks ago", "2020-03-10", "2020-02"),
    ("last year", "2019-12-31", "2018"),
    ("late last year", "2015-04-03", "2014"),
    ("earlier this year", "2018-12-28", "2018"),
    ("in recent days", "2014-09-02", "2014-09"),
    ("over the last two weeks", "2014-09-02", "2014-09"),
    ("in recent months", "2014-09-02", "2014"),
    ("Wednesday's", "2015-10-01", "2015-09-30"),
    ("this night", "2015-10-01", "2015-10-01"),
    ("the summer months", "2013-10-18", "2013"),
    # day and month without a year: the publication year, or the one before when
    # that would fall after publication
    ("3 March", "2021-03-11", "2021-03-03"),
    ("on 28 February", "2021-03-11", "2021-02-28"),
    ("26 February", "2021-03-11", "2021-02-26"),
    ("March 3", "2021-03-11", "2021-03-03"),
    ("Dec. 29", "2020-01-05", "2019-12-29"),
    ("Dec. 14", "2018-12-28", "2018-12-14"),
    ("On Aug. 2", "2013-10-18", "2013-08-02"),
    ("on Oct. 11", "2013-10-18", "2013-10-11"),
    ("the 5th of May", "2020-06-01", "2020-05-05"),
    # a month alone
    ("in June", "2013-10-18", "2013-06"),
    ("in December", "2018-03-01", "2017-12"),
    ("In late February", "2018-03-01", "2018-02"),
    ("In mid-January", "2018-03-01", "2018-01"),
    # with a year: no publication date needed
    ("in June 2014", None, "2014-06"),
    ("In mid-January 2017", None, "2017-01"),
    ("March 2012", None, "2012-03"),
    ("2003", None, "2003"),
    ("in 2003", None, "2003"),
    ("In late 2017", None, "2017"),
    ("since mid-2016", None, "2016"),
    ("in the spring of 2015", None, "2015"),
    ("3 January 2020", None, "2020-01-03"),
    ("January 3, 2020", None, "2020-01-03"),
    ("Saturday, January 4, 2020", None, "2020-01-04"),
    ("2020-01-03", None, "2020-01-03"),
    ("the night of 13 November", "2015-11-20", "2015-11-13"),
    # nothing to resolve
    ("the 1990s", "2020-01-01", None),
    ("the 80s", "2020-01-01", None),
    ("at dusk", "2000-01-01", None),
    ("recently", "2018-02-15", None),
    ("the next day", "2021-03-11", None),
    ("a week after", "2015-11-20", None),
    ("for three years", "2015-11-20", None),
    ("", "2020-01-01", None),
    ("on Sunday", None, None),
    ("in June", None, None),
    ("31 February", "2020-03-10", None),
]


@pytest.mark.parametrize(("text", "published", "expected"), CASES)
def test_resolve_date(text, published, expected):
    assert resolve_date(text, published) == expected


# (text, publication, reference: the date of the event told before, expected)
REFERENCE_CASES = [
    ("the next day", "2021-03-11", "2021-02-28", "2021-03-01"),
    ("the following day", "2020-01-10", "2019-12-31", "2020-01-01"),
    ("a day later", "2020-01-10", "2020-01-05", "2020-01-06"),
    ("the previous day", "2020-01-10", "2020-01-05", "2020-01-04"),
    ("the same day", "2020-01-10", "2020-01-05", "2020-01-05"),
    ("hours later", "2020-01-10", "2020-01-05", "2020-01-05"),
    ("two days later", "2020-01-10", "2020-01-05", "2020-01-07"),
    ("a week later", "2018-03-01", "2018-01-15", "2018-01"),
    ("A month later", "2018-03-01", "2018-01", "2018-02"),
    ("a year later", None, "2013", "2014"),
    ("that year", None, "2013", "2013"),
    ("the same month", None, "2013-05-02", "2013-05"),
    # a reference at month precision gives no day
    ("the next day", "2021-03-11", "2021-02", None),
    # absolute and publication-relative words ignore the reference
    ("on 8 March", "2021-03-11", "2020-01-01", "2021-03-08"),
    ("yesterday", "2014-05-20", "2013-01-01", "2014-05-19"),
]


@pytest.mark.parametrize(("text", "published", "reference", "expected"), REFERENCE_CASES)
def test_resolve_date_against_a_reference(text, published, reference, expected):
    assert resolve_date(text, published, reference) == expected


def test_published_with_a_time_is_read_as_its_day():
    assert resolve_date("yesterday", "2020-01-10T08:30:00Z") == "2020-01-09"


def test_unreadable_publication_dates_resolve_nothing_relative():
    assert resolve_date("yesterday", "unknown") is None
    assert resolve_date("in 2003", "unknown") == "2003"
