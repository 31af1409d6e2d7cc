import pytest

from linkchart.names.normalise import name_key, name_keys


@pytest.mark.parametrize("name, key", [
    ("Kataib Hezbollah", "kataib hezbollah"),
    ("Kata'ib Hezbollah", "kataib hezbollah"),
    ("Kata\u2019ib  Hezbollah", "kataib hezbollah"),
    ("Kataib-Hezbollah", "kataib hezbollah"),
    ("the Kataib Hezbollah", "kataib hezbollah"),
    ("al-Qaeda", "qaeda"),
    ("Al Qaeda", "qaeda"),
    ("The al-Nusra Front", "nusra front"),
    ("U.S.", "us"),
    ("Asa\u02bcib Ahl al-Haq", "asaib ahl al haq"),
    ("Ren\u00e9e Lef\u00e8vre", "renee lefevre"),
    ("SAKARYA", "sakarya"),
    ("The", "the"),
    ("AL", "al"),
    ("", ""),
])
def test_name_key(name, key):
    assert name_key(name) == key


def test_name_keys_are_distinct_and_ordered():
    assert name_keys(["Kataib Hezbollah", "Kata'ib Hezbollah", "KH", "", "..."]) == [
        "kataib hezbollah", "kh"]
