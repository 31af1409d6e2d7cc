"""Links added by hand (`add_fact` judgements): marked as hand-made in the store's
corpus, its graph exports and FollowTheMoney, and still marked after a re-ingest of every
document (on SQLite and PostgreSQL)."""

import copy

import pytest

from linkchart.export.network import network


def _passage(store, doc_id):
    return store.document(doc_id)["text"][:40]


def _add(store):
    quote = _passage(store, "d2")
    store.add_fact("supports", "E2", "E3", "d2", quote, author="ana")
    return quote


def test_a_link_added_by_hand_is_listed_with_its_author_and_quote(loaded):
    assert loaded.hand_made_links() == {}
    quote = _add(loaded)
    made = loaded.hand_made_links()
    assert list(made) == ["supports:E2:E3"]
    assert made["supports:E2:E3"]["author"] == "ana"
    assert made["supports:E2:E3"]["quotes"] == [("d2", quote)]


def test_the_corpus_marks_the_link_and_its_quote_and_nothing_else(loaded):
    quote = _add(loaded)
    relations = loaded.corpus()["relations"]
    marked = [r for r in relations if r.get("hand_made")]
    assert [(r["type"], r["source"], r["target"]) for r in marked] == [("supports", "E2", "E3")]
    assert [e["text"] for e in marked[0]["evidence"] if e.get("hand_made")] == [quote]
    nodes, edges = network(loaded.corpus())
    flagged = [e.id for e in edges if e.data.get("hand_made")]
    assert len(flagged) == 1 and flagged[0].startswith("supports")


def test_followthemoney_says_what_was_added_by_hand(loaded):
    pytest.importorskip("followthemoney")
    from linkchart.export.ftm import HAND_MADE, proxies

    _add(loaded)
    loaded.add_actor("Harbour Watch", "organization", author="ana")
    made = proxies(loaded.corpus())
    found = [p for p in made if HAND_MADE in p.get("status", quiet=True)]
    assert len(found) == 1 and found[0].schema.name in ("UnknownLink", "Membership",
                                                         "Directorship", "Ownership")
    noted = [p.first("name") for p in made if HAND_MADE in p.get("notes", quiet=True)]
    assert noted == ["Harbour Watch"]


def test_it_stays_marked_after_reingesting_every_document(loaded, sample):
    _add(loaded)
    changed = copy.deepcopy(sample)
    for x in changed:
        x.document.text = x.document.text + " Updated."
    assert loaded.add_extractions(changed).replaced
    assert list(loaded.hand_made_links()) == ["supports:E2:E3"]
    assert [e for e in loaded.corpus()["relations"] if e.get("hand_made")][0]["source"] == "E2"
