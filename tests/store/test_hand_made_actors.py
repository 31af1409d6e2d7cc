"""Actors added by hand: kept as judgements, marked as hand-made, and kept through a
re-ingest of every document and a full rebuild (on SQLite and PostgreSQL)."""

import copy

import pytest

from linkchart.resolve import resolve
from linkchart.store import Store
from linkchart.store.identity import JudgementError


def _named(store, name):
    return [e for e in store.entities(limit=200) if e["name"] == name]


def test_an_actor_added_by_hand_is_marked_and_searchable(loaded):
    made = loaded.add_actor("Harbour Watch", "organization", ["HW", " HW ", ""], "ana")
    assert made["kind"] == "add_actor" and made["status"] == "applied"
    entity_id = made["targets"][0]
    found = loaded.entity(entity_id)
    assert (found["name"], found["type"], found["aliases"]) == \
        ("Harbour Watch", "organization", ["HW"])
    assert loaded.hand_made()[entity_id]["author"] == "ana"
    assert [e["id"] for e in loaded.find_entities("HW")] == [entity_id]
    machine = next(e["id"] for e in loaded.entities(limit=100) if e["name"] == "Valoria")
    assert machine not in loaded.hand_made()


def test_a_name_already_known_or_a_bad_type_is_refused(loaded):
    with pytest.raises(JudgementError, match="already in the store"):
        loaded.add_actor("Valoria", "country")
    with pytest.raises(JudgementError, match="unknown type"):
        loaded.add_actor("Harbour Watch", "club")
    with pytest.raises(JudgementError, match="needs a name"):
        loaded.add_actor("   ", "person")
    assert loaded.hand_made() == {}


def test_it_survives_reingesting_every_document(loaded, sample):
    entity_id = loaded.add_actor("Harbour Watch", "organization", author="ana")["targets"][0]
    loaded.rename(entity_id, "Harbour Watch Group")
    changed = copy.deepcopy(sample)
    for x in changed:                         # new text under the same ids: replaced
        x.document.text = x.document.text + " Updated."
    assert loaded.add_extractions(changed).replaced
    assert loaded.entity(entity_id)["name"] == "Harbour Watch Group"
    assert list(loaded.hand_made()) == [entity_id]
    assert _named(loaded, "Harbour Watch") == []      # not made a second time


def test_it_survives_a_full_rebuild(tmp_path, sample):
    path = tmp_path / "a.db"
    with Store.open(str(path), resolver=resolve) as store:
        store.add_extractions(sample)
        store.add_actor("Harbour Watch", "organization", ["HW"], "ana")
        exported = store.export_judgements()
    for suffix in ("", "-wal", "-shm"):
        (tmp_path / f"a.db{suffix}").unlink(missing_ok=True)
    with Store.open(str(path), resolver=resolve) as store:
        store.add_extractions(list(reversed(sample)))
        assert _named(store, "Harbour Watch") == []
        store.import_judgements(exported)
        [again] = _named(store, "Harbour Watch")
        assert again["aliases"] == ["HW"]
        assert store.hand_made()[again["id"]]["author"] == "ana"


def test_the_store_exports_mark_it(loaded, tmp_path):
    import json
    import xml.etree.ElementTree as ET
    from importlib.resources import files

    from linkchart.export import export

    jsonschema = pytest.importorskip("jsonschema")
    entity_id = loaded.add_actor("Harbour Watch", "organization", author="ana")["targets"][0]
    export(loaded, "json", tmp_path / "all.json")
    corpus = json.loads((tmp_path / "all.json").read_text("utf-8"))
    jsonschema.validate(corpus, json.loads(files("linkchart.schema").joinpath(
        "linkchart-corpus-1.json").read_text("utf-8")))
    assert [e["id"] for e in corpus["entities"] if e.get("hand_made")] == [entity_id]
    export(loaded, "gexf", tmp_path / "all.gexf")
    marked = [n.get("id") for n in ET.parse(tmp_path / "all.gexf").iter("{http://gexf.net/1.3}node")
              if any(v.get("for") == "hand_made" and v.get("value") == "true"
                     for v in n.iter("{http://gexf.net/1.3}attvalue"))]
    assert marked == [entity_id]
