import copy

import pytest

from linkchart.model import DocExtraction, Document, Entity, Relation
from linkchart.resolve import resolve
from linkchart.store import Store, writer


def counts(store):
    stats = store.stats()
    return (stats["documents"], stats["entities"], stats["relations"], stats["events"],
            stats["attributions"])


def test_round_trip(loaded, sample):
    assert loaded.document_count() == 4
    doc = loaded.document("d1")
    original = sample[0]
    assert doc["text"] == original.document.text
    assert doc["outlet"] == "Meridian Times" and doc["title"].startswith("Militia")
    assert [e["name"] for e in doc["entities"]] == [e.name for e in original.entities]
    assert all(e["entity"] for e in doc["entities"])
    for item in doc["relations"] + doc["events"]:
        assert doc["text"][item["start"]:item["end"]] == item["evidence"]
    quote = next(a for a in doc["attributions"] if a["direct"])
    assert doc["text"][quote["start"]:quote["end"]] == "We will not stop."
    assert quote["source"] == "e5" and quote["source_entity"]
    supports = next(r for r in doc["relations"] if r["type"] == "supports")
    assert supports["attribution"] == "a1" and (supports["source"], supports["target"]) == (
        "e2", "e1")
    event = doc["events"][0]
    assert event["fatalities"] == 4 and event["mode"] == "firearms"
    assert event["location_local"] == "e4" and event["attribution"] == "a1"
    assert loaded.document("missing") is None


def test_resolution_across_documents(loaded):
    brigade = loaded.find_entities("Northern Shield Brigade")[0]
    assert brigade["id"] == "E1" and brigade["documents"] == 4
    assert brigade["aliases"] == ["Brigade", "Northern-Shield Brigade", "NSB"]
    assert brigade["first_seen"] == "2021-02-28" and brigade["last_seen"] == "2022-01-15"
    assert loaded.entity("E2")["name"] == "Valoria"
    assert {e["id"] for e in loaded.entities(limit=100)} == {f"E{n}" for n in range(1, 9)}


def test_duplicate_reingest_changes_nothing(loaded, sample):
    before = (counts(loaded), loaded.corpus(), loaded.documents(limit=10))
    result = loaded.add_extractions(load_again(sample))
    assert result.stored == [] and result.duplicates == [(x.document.id, x.document.id)
                                                         for x in sample]
    assert (counts(loaded), loaded.corpus(), loaded.documents(limit=10)) == before
    assert loaded.has_hash(sample[0].document.hash)


def load_again(sample):
    again = copy.deepcopy(sample)
    for x in again:
        x.document.text = "  " + x.document.text.replace(" ", "  ") + "\n"
    return again


def test_duplicates_within_a_batch(store, sample):
    copy_of_first = copy.deepcopy(sample[0])
    copy_of_first.document.id = "d1-copy"
    result = store.add_extractions([sample[0], copy_of_first])
    assert result.stored == ["d1"] and result.duplicates == [("d1-copy", "d1")]


def test_new_text_under_a_stored_id_replaces_it(loaded):
    text = "Ardan Kovar resigned as head of the Northern Shield Brigade."
    newer = DocExtraction(
        Document(id="d1", text=text, outlet="Meridian Times", published="2023-05-01"),
        entities=[Entity("e1", "Ardan Kovar", "person"),
                  Entity("e2", "Northern Shield Brigade", "armed_group")])
    result = loaded.add_extractions([newer])
    assert result.stored == ["d1"] and result.replaced == ["d1"]
    assert loaded.document("d1")["text"] == text
    assert loaded.document_count() == 4
    assert loaded.entity("E1")["first_seen"] == "2021-03-04"
    assert "Brigade" not in loaded.entity("E1")["aliases"]
    assert loaded.entity("E5")["first_seen"] == "2023-05-01"
    assert not [r for r in loaded.relations(types=["leads"])]


def test_ids_are_stable_across_batches(store, sample):
    store.add_extractions(sample[:2])
    first = {e["name"]: e["id"] for e in store.entities(limit=100)}
    store.add_extractions(sample[2:])
    after = {e["name"]: e["id"] for e in store.entities(limit=100)}
    assert all(after[name] == eid for name, eid in first.items())
    assert after["Valorian Intelligence Service"] == "E7"


def test_failure_mid_batch_rolls_back_and_rerun_completes(store, sample, monkeypatch):
    store.add_extractions(sample[:1])
    before = (counts(store), store.corpus())
    real = writer._insert_document
    calls = []

    def crash_on_second(conn, extraction, *args):
        calls.append(extraction.document.id)
        if len(calls) == 2:
            raise KeyboardInterrupt("killed half-way")
        return real(conn, extraction, *args)

    monkeypatch.setattr(writer, "_insert_document", crash_on_second)
    with pytest.raises(KeyboardInterrupt):
        store.add_extractions(sample)
    assert calls == ["d2", "d3"]
    assert (counts(store), store.corpus()) == before
    assert not store.has_hash(sample[1].document.hash)
    monkeypatch.setattr(writer, "_insert_document", real)
    result = store.add_extractions(sample)
    assert result.stored == ["d2", "d3", "d4"] and result.duplicates == [("d1", "d1")]
    assert store.document_count() == 4
    assert {e["id"] for e in store.entities(limit=100)} == {f"E{n}" for n in range(1, 9)}


def test_bad_references_do_not_break_a_batch(store):
    text = "Group A backs Group B."
    odd = DocExtraction(Document(id="x", text=text),
                        entities=[Entity("e1", "Group A", "armed_group"),
                                  Entity("e1", "Group A", "armed_group")],
                        relations=[Relation("supports", "e1", "e9", "Group A backs Group B",
                                            0, 21, attribution="a7")])
    assert store.add_extractions([odd]).stored == ["x"]
    assert store.document("x")["relations"][0]["target_entity"] is None
    assert store.relations() == []


def test_judgements_are_kept_apart(loaded, sample, url):
    first = loaded.add_judgement("merge", {"entities": ["E1", "E3"]}, author="analyst")
    loaded.add_judgement("reject", {"relation": "supports:E2:E1"})
    loaded.add_extractions(sample)
    with Store.open(url, resolver=resolve) as reopened:
        kept = reopened.judgements()
        assert [j["id"] for j in kept] == [first, first + 1]
        assert kept[0]["payload"] == {"entities": ["E1", "E3"]}
        assert kept[0]["author"] == "analyst"
        assert [j["kind"] for j in reopened.judgements(kind="reject")] == ["reject"]
    with pytest.raises(ValueError):
        loaded.add_judgement("guess", {})
