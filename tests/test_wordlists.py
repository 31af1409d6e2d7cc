"""The one YAML loader (linkchart.wordlists) keeps words as words."""

from linkchart.wordlists import load_yaml, read_yaml, words


def test_yaml_1_1_booleans_stay_words_in_a_word_list():
    data = read_yaml("preps: [on, off, yes, no, y, n]\nflag: true\nother: False\n")
    assert data == {"preps": ["on", "off", "yes", "no", "y", "n"], "flag": True, "other": False}


def test_a_file_is_read_once(tmp_path):
    path = tmp_path / "cues.yaml"
    path.write_text("cues: [attack]\n", encoding="utf-8")
    first = load_yaml(path)
    path.write_text("cues: [truce]\n", encoding="utf-8")
    assert load_yaml(path) is first


def test_words_are_lower_case_strings():
    assert words(["On", 1914, "Front"]) == {"on", "1914", "front"}
