"""Each analysis on articles written for the project (other actors and places than the
founding article), through the real pipeline, and the graph analyses on a written chart."""

from __future__ import annotations

import pytest

from linkchart.analyze import KINDS, AnalysisError, Selection, analyze
from written_graph import GO_BETWEEN

EVIDENCE_KEYS = {"document", "text", "start", "end", "source_text", "source_kind"}


def names(finding) -> set[str]:
    return {e["name"] for e in finding["entities"]}


def only(found, **fields):
    kept = [f for f in found if all(f.get(k) == v for k, v in fields.items())]
    assert len(kept) == 1, [f["summary"] for f in found]
    return kept[0]


@pytest.mark.parametrize("kind", [k for k in KINDS if k != "principals"])
def test_every_finding_has_the_common_shape(texts_store, kind):
    found = analyze(texts_store, kind)
    assert found, kind
    for item in found:
        assert item["kind"] == kind and item["summary"]
        assert all({"id", "name", "type"} <= set(e) for e in item["entities"])
        assert item["evidence"], item["summary"]
        for quote in item["evidence"]:
            assert EVIDENCE_KEYS <= set(quote)
            doc = texts_store.document(quote["document"])
            assert doc["text"][quote["start"]:quote["end"]] == quote["text"]


def test_chains_follow_an_adviser_to_the_groups_he_runs(texts_store):
    found = analyze(texts_store, "chains")
    chains = {tuple(p["name"] for p in [f["principal"], *f["intermediaries"], f["agent"]])
              for f in found}
    assert ("Assimi Goita", "Abdoulaye Maiga", "Gao Self-Defence Brigade") in chains
    assert ("Assimi Goita", "Abdoulaye Maiga", "Ansongo Patrol Force") in chains
    chain = next(f for f in found if f["agent"]["name"] == "Ansongo Patrol Force")
    assert [len(link["evidence"]) > 0 for link in chain["links"]] == [True, True]


def test_principals_of_a_group(texts_store):
    brigade = texts_store.find_entities("Gao Self-Defence Brigade")[0]["id"]
    found = analyze(texts_store, "principals", entity=brigade)
    assert [f["principal"]["name"] for f in found] == ["Abdoulaye Maiga", "Assimi Goita"]
    assert found[1]["intermediaries"][0]["name"] == "Abdoulaye Maiga"
    with pytest.raises(AnalysisError):
        analyze(texts_store, "principals")


def test_directives_set_two_meetings_against_each_other(texts_store):
    found = analyze(texts_store, "directives")
    by_channel = {(f["escalate"]["channel"], f["calm"]["channel"]): f for f in found}
    meetings = by_channel[("meeting in Bamako", "meeting in Kidal")]
    assert meetings["escalate"]["issuer"]["name"] == "Abdoulaye Maiga"
    assert "Ag Cherif" in meetings["calm"]["issuer"]["name"]
    assert "restraint" in meetings["calm"]["content"]
    assert "Moussa Ag Intalla" in {a["name"] for a in meetings["escalate"]["addressees"]}


def test_directives_of_a_commander_and_a_governor(texts_store):
    found = analyze(texts_store, "directives")
    harbour = next(f for f in found if f["escalate"]["channel"] is None)
    assert harbour["escalate"]["issuer"]["name"] == "Faisal al-Marri"
    assert "step up attacks" in harbour["escalate"]["content"]
    assert harbour["calm"]["issuer"]["name"].endswith("Salem bin Aziz")
    assert "hold fire" in harbour["calm"]["content"]


def test_fronts_name_the_cover_and_the_group_behind_it(texts_store):
    found = {f["front"]["name"]: f for f in analyze(texts_store, "fronts")}
    assert set(found) == {"Sons of the Dunes", "Lions of the Bay"}
    assert [k["name"] for k in found["Sons of the Dunes"]["known_groups"]] == [
        "Gao Self-Defence Brigade"]
    assert [k["name"] for k in found["Lions of the Bay"]["known_groups"]] == ["Harbour Guard"]
    assert found["Sons of the Dunes"]["claims"]


def test_contradictions_of_three_kinds(texts_store):
    found = analyze(texts_store, "contradictions")
    casualties = [f for f in found if f["about"] == "casualties"]
    assert {tuple(s["source_text"] for s in f["sides"]) for f in casualties} == {
        ("The army", "the United Nations"), ("The provincial police", "Local doctors")}
    official = only(found, about="official_vs_anonymous")
    assert "withdrawn from the harbour" in official["sides"][0]["content"]
    assert official["sides"][1]["source_kind"] == "anonymous"
    denials = {(f["sides"][0]["source_text"], f["sides"][1]["source_text"])
               for f in found if f["about"] == "denial"}
    assert ("Amani Wekesa", "Lakeshore Defence Front") in denials
    tie = only(found, about="tie")
    assert names(tie) == {"Kivu Provincial Council", "Lakeshore Defence Front"}
    assert "Great Lakes Monitor" in tie["sides"][0]["source_text"]


def test_brokers_find_the_go_between(camps_store):
    found = analyze(camps_store, "brokers")
    bridge = found[0]
    assert bridge["role"] == "broker" and bridge["entities"][0]["name"] == GO_BETWEEN
    assert bridge["clusters"] == 2
    central = [f for f in found if f["role"] == "central"]
    assert [f["period"] for f in central] == ["2022"]


def test_sourcing_counts_anonymous_and_single_outlet_ties(camps_store):
    found = {f["entities"][0]["name"]: f["profile"] for f in analyze(camps_store, "sourcing")}
    assert found["Amber Legion"] == {"ties": 3, "anonymous_only": 2, "single_outlet": 3,
                                     "denied": 0, "anonymous_share": 0.667,
                                     "single_outlet_share": 1.0}
    assert found["Emerald Front"]["anonymous_only"] == 0


def test_sourcing_of_one_tie(camps_store):
    ids = {e["name"]: e["id"] for e in camps_store.entities(limit=20)}
    a, b = sorted([ids["Amber Legion"], ids["Copper Guard"]], key=lambda i: int(i[1:]))
    found = analyze(camps_store, "sourcing", tie=f"allied_with:{a}:{b}")
    assert found[0]["profile"]["anonymous"] == 1 and found[0]["profile"]["mentions"] == 1


def test_selection_narrows_every_analysis(texts_store, camps_store):
    before = Selection(date_to="2020")
    for kind in ("chains", "directives", "fronts", "contradictions"):
        assert analyze(texts_store, kind, before) == [], kind
    named = analyze(camps_store, "brokers", Selection(sources="named"))
    assert named and all("Copper Guard" not in names(f) for f in named)
    west = analyze(camps_store, "sourcing", Selection(outlets=["west daily"]))
    assert {f["entities"][0]["name"] for f in west} <= {"Emerald Front", "Frost Battalion",
                                                        "Granite Column"}
    harbour = analyze(texts_store, "directives", Selection(date_from="2023", date_to="2023"))
    assert [f["escalate"]["issuer"]["name"] for f in harbour] == ["Faisal al-Marri"]


def test_rescanning_the_articles_gives_the_cues_ingest_wrote(texts_db, tmp_path):
    import shutil

    from linkchart.store import Store

    copy = tmp_path / "rescanned.db"
    shutil.copy(texts_db, copy)
    kinds = ["directive", "meeting", "request", "front_cover", "front_claim", "denial",
             "no_casualties", "anonymous_contrast"]
    with Store.open(str(copy)) as store:
        written = store.cues_of_kinds(kinds)
        assert {c["kind"] for c in written} >= {"directive", "meeting", "front_cover",
                                                "front_claim", "denial", "no_casualties"}
        found = {kind: analyze(store, kind) for kind in ("directives", "fronts",
                                                        "contradictions")}
        store.scan_cues(everything=True)
        assert store.cues_of_kinds(kinds) == written
        assert {kind: analyze(store, kind) for kind in found} == found


def camps_graph(order: int):
    """Five camps of twelve actors, each with a follower of its own, a few ties across
    camps; the ties added in an order of their own."""
    import random

    from linkchart.analyze.brokers import tie_graph

    rnd, ties = random.Random(7), set()
    for camp in range(5):
        members = [f"actor {camp}-{i}" for i in range(12)]
        ties |= {tuple(rnd.sample(members, 2)) for _ in range(30)}
        ties |= {(member, f"follower of {member}") for member in members}
    for _ in range(8):
        a, b = (f"actor {rnd.randrange(5)}-{rnd.randrange(12)}" for _ in range(2))
        ties |= {(a, b)} if a != b else set()
    ties = sorted(ties)
    random.Random(order).shuffle(ties)
    return tie_graph([{"source": a, "target": b, "negated": False, "sources": 1,
                       "source_name": a, "source_type": "armed_group",
                       "target_name": b, "target_type": "armed_group"} for a, b in ties])


def test_brokers_do_not_depend_on_the_order_ties_come_in(camps_store):
    """The 2-core and Louvain keep actors in sets (whose order also changes with each
    process's hash seed): the clusters and brokers must not follow it."""
    from importlib import import_module

    bridges = import_module("linkchart.analyze.brokers").bridges
    found = [bridges(camps_store, Selection(), camps_graph(order), 100) for order in range(4)]
    assert len(found[0]) >= 3 and all(f == found[0] for f in found)


def test_a_chain_link_from_an_actor_to_itself_is_dropped():
    """An actor tied as its own principal (extraction can say 'X controls X') left a link
    that _drop_mutual deleted twice: `linkchart analyze chains` stopped with a KeyError on
    the first 2,000 articles of the bulk corpus."""
    from linkchart.analyze.chains import _drop_mutual

    def link(sources):
        return {"sources": sources}

    links = {"E1": {"E1": link(2), "E2": link(3)}, "E2": {"E1": link(1), "E3": link(1)}}
    _drop_mutual(links)
    assert links == {"E1": {"E2": link(3)}, "E2": {"E3": link(1)}}
