"""`packs list` reads each pack's name and actor types from the YAML events, and what it
shows (or the error it stops with) is what loading the pack whole gives."""

from collections import Counter
from pathlib import Path

import pytest

from linkchart.cli import packs as listing
from linkchart.nlp.packs import load_pack, pack_files

MINI = Path(__file__).parent / "fixtures" / "packs" / "mini.yaml"


def loaded_summary(path: Path) -> dict:
    pack = load_pack(path)
    return {"pack": pack.name, "actors": len(pack.actors),
            "types": dict(Counter(a.type for a in pack.actors)), "file": str(path)}


def outcome(read, path: Path):
    try:
        return read(path)
    except Exception as error:  # the same error, with the same words, either way
        return type(error).__name__, str(error)


def test_the_bundled_packs_are_listed_without_loading_them(monkeypatch):
    files = pack_files([MINI])
    expected = [loaded_summary(path) for path in files]
    monkeypatch.setattr(listing, "load_pack", None)  # a file read whole would fail here
    assert listing.pack_summaries([MINI]) == expected
    assert [list(s["types"]) for s in listing.pack_summaries([])] == \
        [list(s["types"]) for s in expected[:-1]]  # types in the order they first come


PACKS = {
    "plain": "pack: p\nactors:\n  - name: A\n    type: country\n    aliases: [a, b]\n"
             "  - {name: B, type: person, aliases: x}\n  - name: C\n    type: country\n",
    "no name": "actors:\n  - name: A\n    type: person\n",
    "empty name": "pack: ''\nactors:\n  - name: A\n    type: person\n",
    "null name": "pack: ~\nactors: [{name: A, type: person}]\n",
    "numeric name": "pack: 1.5\nactors: [{name: A, type: person}]\n",
    "boolean name": "pack: true\nactors: [{name: A, type: person}]\n",
    "json": '{"pack": "j", "actors": [{"name": "A", "type": "media"}]}',
    "anchor": "pack: p\nactors:\n  - &a {name: A, type: person}\n  - *a\n",
    "tag": "pack: p\nactors:\n  - name: !!null A\n    type: person\n",
    "tag on a list": "pack: p\nactors: []\nsource: !!str [a]\n",
    "numeric actor name": "pack: p\nactors:\n  - name: 1917\n    type: person\n",
    "empty actor name": "pack: p\nactors:\n  - name: ''\n    type: person\n",
    "no actor name": "pack: p\nactors:\n  - type: person\n",
    "unknown type": "pack: p\nactors:\n  - name: A\n    type: wizard\n",
    "unknown key": "pack: p\nactors:\n  - name: A\n    type: person\n    colour: red\n",
    "repeated key": "pack: p\nactors:\n  - name: A\n    type: person\n    type: media\n",
    "repeated actors": "pack: p\nactors: []\nactors: [{name: A, type: person}]\n",
    "boolean aliases": "pack: p\nactors:\n  - name: A\n    type: person\n    aliases: yes\n",
    "true aliases": "pack: p\nactors:\n  - name: A\n    type: person\n    aliases: true\n",
    "number aliases": "pack: p\nactors:\n  - name: A\n    type: person\n    aliases: 7\n",
    "merge key": "pack: p\nactors:\n  - name: A\n    type: person\n    <<: {role: x}\n",
    "bad date": "pack: p\nactors:\n  - name: A\n    type: person\n    role: 2020-13-45\n",
    "complex key": "pack: p\nactors:\n  - name: A\n    type: person\n    role: {[1]: 2}\n",
    "no actors": "pack: p\n",
    "actors not a list": "pack: p\nactors: {name: A}\n",
    "actor not a mapping": "pack: p\nactors: [A]\n",
    "a list": "- name: A\n  type: person\n",
    "empty": "",
    "two documents": "pack: p\nactors: []\n---\npack: q\nactors: []\n",
    "bad yaml": "pack: p\nactors: [\n",
    "not utf-8": b"pack: caf\xe9\nactors: []\n",
}


READ_FROM_EVENTS = {"plain", "no name", "empty name", "null name", "json", "repeated key",
                    "repeated actors"}
"""The others are loaded whole: their reading would not be sure without the loader."""


@pytest.mark.parametrize("name", PACKS)
def test_a_pack_is_listed_as_loading_it_whole_shows_it(tmp_path, monkeypatch, name):
    path = tmp_path / f"{name.replace(' ', '_')}.yaml"
    text = PACKS[name]
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    expected = outcome(loaded_summary, path)
    if name in READ_FROM_EVENTS:
        monkeypatch.setattr(listing, "load_pack", None)
    assert outcome(lambda p: listing.pack_summaries([p])[-1], path) == expected


def test_a_missing_pack_fails_as_loading_it_does(tmp_path):
    path = tmp_path / "gone.yaml"
    assert outcome(lambda p: listing.pack_summaries([p]), path) == \
        outcome(loaded_summary, path)
