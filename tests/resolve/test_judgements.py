"""Analysts' judgements outrank machine output and survive every re-ingest."""

import json

import pytest

from linkchart.resolve import Resolver
from linkchart.names.keys import PackIndex
from linkchart.resolve import resolve
from linkchart.store import Store
from linkchart.store.identity import JudgementError
from resolution_corpus import TEXTS, corpus

AUTHOR = "analyst@example.org"


def open_store(path, auto=0.9, partial_context=0.15):
    store = Store.open(str(path), resolver=resolve)
    store.resolver = Resolver(packs=PackIndex(), auto=auto, partial_context=partial_context)
    return store


def ids_of(store, name):
    return sorted({e["id"] for e in store.entities(limit=1000)
                   if e["name"] == name or name in e["aliases"]})


def holder(store, doc, name):
    """The global entity of the local entity called `name` in document `doc`."""
    found = [e["entity"] for e in store.document(doc)["entities"] if e["name"] == name]
    assert len(found) == 1, (doc, name, found)
    return found[0]


def relation_texts(store, kind=None):
    return sorted(e["text"] for r in store.relations(types=[kind] if kind else None)
                  for e in r["evidence"])


def judge_everything(store):
    """The judgements of the story: one of each kind."""
    fcm, clf = holder(store, "d1", "Free Coast Movement"), holder(store, "d2",
                                                                     "Coastal Liberation Front")
    kovar = holder(store, "d1", "Ardan Kovar")
    assert holder(store, "d2", "Ardan Kovar") == kovar           # the machine merged them
    guard = holder(store, "d3", "Harbour Guard")
    nsb = holder(store, "d1", "Northern Shield Brigade")
    valoria = holder(store, "d1", "Valoria")
    store.merge([fcm, clf], author=AUTHOR)
    store.split(kovar, documents=["d2"], author=AUTHOR)
    kovar_fisherman = holder(store, "d2", "Ardan Kovar")
    short = holder(store, "d3", "Kovar")
    store.not_same(short, kovar, author=AUTHOR)
    store.retype(guard, "organization", author=AUTHOR)
    store.rename(nsb, "Northern Shield Brigade (NSB)", author=AUTHOR)
    store.reject_relation(f"supports:{valoria}:{nsb}", author=AUTHOR)
    store.add_fact("opposes", holder(store, "d2", "Coastal Liberation Front"), nsb, "d2",
                   "the Northern Shield Brigade did nothing", author=AUTHOR)
    return {"fcm": fcm, "kovar": kovar, "fisherman": kovar_fisherman, "short": short}


def assert_judgements_hold(store):
    # merge: one actor under both names
    assert holder(store, "d1", "Free Coast Movement") == holder(store, "d2",
                                                                "Coastal Liberation Front")
    # split: the two Ardan Kovars are two people; not-same: "Kovar" is neither
    commander, fisherman = holder(store, "d1", "Ardan Kovar"), holder(store, "d2", "Ardan Kovar")
    assert commander != fisherman
    assert holder(store, "d3", "Kovar") not in (commander,)
    # retype holds although every document calls the Harbour Guard an armed group
    guard = store.entity(holder(store, "d3", "Harbour Guard"))
    assert guard["type"] == "organization"
    # rename: the display name, the old name kept as an alias
    nsb = store.entity(holder(store, "d4", "Northern Shield Brigade"))
    assert nsb["name"] == "Northern Shield Brigade (NSB)"
    assert "Northern Shield Brigade" in nsb["aliases"]
    # reject and add_fact
    assert "Valoria backs the Northern Shield Brigade" not in relation_texts(store)
    assert relation_texts(store, "opposes") == sorted([
        "The Harbour Guard and the Northern Shield Brigade fought",
        "the Northern Shield Brigade did nothing"])
    manual = [r for r in store.relations(types=["opposes"])
              if r["evidence"][0]["document"] == "d2"][0]
    assert {manual["source"], manual["target"]} == {
        holder(store, "d2", "Coastal Liberation Front"), nsb["id"]}
    evidence = manual["evidence"][0]
    assert TEXTS["d2"][evidence["start"]:evidence["end"]] == evidence["text"]


def test_judgements_apply_at_once_and_are_kept_apart(tmp_path):
    with open_store(tmp_path / "a.db") as store:
        store.add_extractions(corpus())
        before = {e["id"] for e in store.entities(limit=1000)}
        made = judge_everything(store)
        assert_judgements_hold(store)
        kinds = [j["kind"] for j in store.judgements()]
        assert kinds == ["merge", "split", "not_same", "retype", "rename", "reject",
                         "add_fact"]
        assert all(j["author"] == AUTHOR and j["created_at"] for j in store.judgements())
        assert all(j["status"] == "applied" for j in store.judgements())
        # the merged-away id is gone; the split made one new entity
        after = {e["id"] for e in store.entities(limit=1000)}
        assert made["fcm"] in after and len(after) == len(before)


def test_judgements_survive_reingesting_documents(tmp_path):
    with open_store(tmp_path / "a.db") as store:
        store.add_extractions(corpus())
        judge_everything(store)
        changed = corpus(renumber=True)
        for x in changed:                      # new text under the same ids: replaced
            x.document.text = x.document.text + " "
            x.document.text = x.document.text.replace("  ", " ") + "\u200b"
        result = store.add_extractions(changed)
        assert sorted(result.replaced) == ["d1", "d2", "d3", "d4"]
        assert_judgements_hold(store)


def test_judgements_survive_a_full_rebuild(tmp_path):
    path = tmp_path / "a.db"
    with open_store(path) as store:
        store.add_extractions(corpus())
        judge_everything(store)
        exported = store.export_judgements()
    shared = tmp_path / "judgements.json"
    shared.write_text(json.dumps(exported), encoding="utf-8")
    path.unlink()
    for suffix in ("-wal", "-shm"):
        (tmp_path / f"a.db{suffix}").unlink(missing_ok=True)
    # a newer pipeline: new local ids, and a resolver that now finds "Kovar" matching
    with open_store(path, auto=0.7, partial_context=0) as store:
        for x in corpus(renumber=True):
            store.add_extractions([x])
        assert holder(store, "d3", "Kovar") == holder(store, "d1", "Ardan Kovar")
        result = store.import_judgements(json.loads(shared.read_text("utf-8")))
        assert result["added"] == 7 and result["statuses"] == {"applied": 7}
        assert_judgements_hold(store)
        # a later ingest that finds them matching again does not undo the not-same
        store.add_extractions([corpus(renumber=True)[2]])   # duplicate: nothing changes
        assert_judgements_hold(store)
        # importing the same file twice adds nothing
        assert store.import_judgements(exported)["added"] == 0


def test_judgements_imported_before_ingest_wait_for_their_documents(tmp_path):
    with open_store(tmp_path / "a.db") as store:
        store.add_extractions(corpus())
        judge_everything(store)
        exported = store.export_judgements()
    with open_store(tmp_path / "b.db", auto=0.7, partial_context=0) as store:
        statuses = store.import_judgements(exported)["statuses"]
        assert statuses.get("pending") == 7
        store.add_extractions(corpus(renumber=True))
        assert_judgements_hold(store)
        assert {j["status"] for j in store.judgements()} == {"applied"}


def test_later_judgement_wins(tmp_path):
    with open_store(tmp_path / "a.db") as store:
        store.add_extractions(corpus())
        fcm, clf = holder(store, "d1", "Free Coast Movement"), holder(store, "d2",
                                                                         "Coastal Liberation Front")
        store.not_same(fcm, clf, author=AUTHOR)
        merged = store.merge([fcm, clf], author=AUTHOR)
        assert [j["status"] for j in store.judgements()] == ["superseded", "applied"]
        undo = store.split(merged["targets"][0], undo=merged["id"], author=AUTHOR)
        assert undo["status"] == "applied"
        assert holder(store, "d1", "Free Coast Movement") != holder(
            store, "d2", "Coastal Liberation Front")
        store.add_extractions(corpus(renumber=True)[:2])  # duplicates: no change
        assert holder(store, "d1", "Free Coast Movement") != holder(
            store, "d2", "Coastal Liberation Front")


def test_review_queue_and_decisions(tmp_path):
    with open_store(tmp_path / "a.db") as store:
        store.add_extractions(corpus())
        queue = store.review_candidates()
        pair = {(r["entity"]["name"], r["candidate"]["name"]) for r in queue}
        assert ("Kovar", "Ardan Kovar") in pair
        row = next(r for r in queue if r["entity"]["name"] == "Kovar")
        assert 0.65 <= row["score"] < 0.9 and row["document"] == "d3" and row["reasons"]
        store.decide(row["id"], "not_same", author=AUTHOR)
        assert store.review_candidates() == [r for r in queue if r["id"] != row["id"]]
        assert store.review_candidates(status="not_same")[0]["decided_by"] == AUTHOR
        with pytest.raises(JudgementError):
            store.decide(9999, "merge")


def test_bad_judgements_are_refused(tmp_path):
    with open_store(tmp_path / "a.db") as store:
        store.add_extractions(corpus())
        nsb = holder(store, "d1", "Northern Shield Brigade")
        with pytest.raises(JudgementError):
            store.merge([nsb])
        with pytest.raises(JudgementError):
            store.retype(nsb, "militia")
        with pytest.raises(JudgementError):
            store.add_fact("supports", nsb, nsb, "d1", "not in the text")
        with pytest.raises(JudgementError):
            store.split(nsb, names=["Nothing Like It"])
        with pytest.raises(JudgementError):
            store.reject_relation("supports:E1:E999")
        assert store.judgements() == []
