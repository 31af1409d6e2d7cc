import pytest

from linkchart.ingest.dates import normalise_date


@pytest.mark.parametrize("value, expected", [
    ("2021-03-11", "2021-03-11"),
    ("March 11, 2021", "2021-03-11"),
    ("11 March 2021", "2021-03-11"),
    ("2021-03-11T10:00:00Z", "2021-03-11"),
    ("2021-03-11T23:30:00-05:00", "2021-03-11"),
    ("Thu, 11 Mar 2021 10:00:00 GMT", "2021-03-11"),
    (" 2021-03-11 ", "2021-03-11"),
    (None, None),
    ("", None),
    ("unknown", None),
    ("N/A", None),
    ("March 2021", "March 2021"),
    ("2021", "2021"),
    ("Wednesday", "Wednesday"),
    ("2021-02-30", "2021-02-30"),
    ("not a date at all", "not a date at all"),
])
def test_normalise_date(value, expected):
    assert normalise_date(value) == expected
