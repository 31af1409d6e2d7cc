def edge(relations, type, negated=False):
    return next(r for r in relations if r["type"] == type and r["negated"] == negated)


def test_sources_count_outlets_not_documents(loaded):
    supports = [r for r in loaded.relations(types=["supports"]) if r["source"] == "E2"]
    assert len(supports) == 1
    tie = supports[0]
    assert (tie["source"], tie["target"]) == ("E2", "E1")
    assert tie["documents"] == ["d1", "d2", "d3"]
    assert tie["sources"] == 2
    assert [e["outlet"] for e in tie["evidence"]] == ["Meridian Times", "Coastal Post",
                                                      "Meridian Times"]
    assert tie["evidence"][0]["attribution"]["source_text"] == "officials"
    assert (tie["first_date"], tie["last_date"]) == ("2021-03-01", "2021-04-10")


def test_undirected_relations_aggregate_regardless_of_order(loaded):
    opposes = loaded.relations(types=["opposes"])
    assert len(opposes) == 1
    assert (opposes[0]["source"], opposes[0]["target"]) == ("E1", "E3")
    assert opposes[0]["sources"] == 2
    assert not opposes[0]["directed"]


def test_negated_relations_stay_apart(loaded):
    denied = loaded.relations(types=["affiliated_with"])
    assert [r["negated"] for r in denied] == [True]
    assert denied[0]["evidence"][0]["attribution"]["source_kind"] == "named_org"


def test_relation_filters(loaded):
    assert {r["type"] for r in loaded.relations(min_sources=2)} == {"supports", "opposes"}
    assert [r["id"] for r in loaded.relations(date_from="2022-01-01")] == [
        "affiliated_with:E1:E3:not", "allied_with:E3:E8", "opposes:E1:E3"]
    march = loaded.relations(types=["supports"], date_from="2021-03", date_to="2021-03-31")
    assert [r["sources"] for r in march] == [2]
    assert len(march[0]["evidence"]) == 2
    assert {r["type"] for r in loaded.relations(entity_ids=["E7"])} == {"supports", "part_of"}


def test_events_ordered_by_date(loaded):
    events = loaded.events()
    assert [(e["type"], e["date"]) for e in events] == [("ASSAULT", "2021-02-28"),
                                                        ("ACCUSE", "2021-03-04")]
    assault = events[0]
    assert assault["actors"] == ["E1"] and assault["recipients"] == ["E3"]
    assert assault["location"] == "E4" and assault["names"]["E4"] == "Port Selin"
    assert assault["attribution"]["source_text"] == "officials"
    assert [e["type"] for e in loaded.events(entity_id="E4")] == ["ASSAULT", "ACCUSE"]
    assert [e["type"] for e in loaded.events(types=["ACCUSE"])] == ["ACCUSE"]
    assert [e["type"] for e in loaded.events(date_from="2021-03-01")] == ["ACCUSE"]
    assert loaded.events(entity_id="E7") == []


def test_entity_card(loaded):
    card = loaded.entity_card("E1")
    assert card["type"] == "armed_group" and "NSB" in card["aliases"]
    assert [d["id"] for d in card["documents"]] == ["d1", "d2", "d3", "d4"]
    ties = {(r["type"], r["direction"], r["other"]["name"]) for r in card["relations"]}
    assert ("supports", "in", "Valoria") in ties
    assert ("leads", "in", "Ardan Kovar") in ties
    assert ("based_in", "out", "Port Selin") in ties
    assert ("opposes", "undirected", "Free Coast Movement") in ties
    backing = next(r for r in card["relations"] if r["other"]["name"] == "Valoria")
    assert backing["evidence"][0]["text"] == "a militia backed by Valoria"
    assert backing["evidence"][0]["published"] == "2021-03-01"
    assert [e["type"] for e in card["events"]] == ["ASSAULT", "ACCUSE"]
    kovar = loaded.entity_card("E5")
    assert [a["content"] for a in kovar["attributions"]] == ["We will not stop."]
    assert loaded.entity_card("E99") is None


def test_entity_card_lists_at_most_a_limit_and_counts_all(loaded):
    full = loaded.entity_card("E1")
    assert full["totals"] == {"documents": 4, "outlets": 3, "relations": len(full["relations"]),
                              "events": 2, "attributions": 0}  # d4 names no outlet
    one = loaded.entity_card("E1", limit=1)
    assert one["totals"] == full["totals"] and one["limit"] == 1
    assert one["relations"] == full["relations"][:1]
    assert one["relations"][0]["sources"] == max(r["sources"] for r in full["relations"])
    assert [d["id"] for d in one["documents"]] == ["d1"]
    assert [e["type"] for e in one["events"]] == ["ASSAULT"]
    kovar = loaded.entity_card("E5", limit=1)
    assert len(kovar["attributions"]) == 1 and kovar["totals"]["attributions"] == 1


def test_a_limited_card_quotes_each_tie_a_few_times(loaded, monkeypatch):
    from linkchart.store import read_card
    full = loaded.entity_card("E1")
    quoted = max(full["relations"], key=lambda r: len(r["evidence"]))
    assert len(quoted["evidence"]) >= 2 and quoted["evidence_total"] == len(quoted["evidence"])
    monkeypatch.setattr(read_card, "CARD_QUOTES", 1)
    capped = next(r for r in loaded.entity_card("E1", limit=50)["relations"]
                  if r["id"] == quoted["id"])
    assert len(capped["evidence"]) == 1 and capped["evidence_total"] == len(quoted["evidence"])
    assert capped["evidence"][0] == min(quoted["evidence"], key=lambda e: e["published"] or "")
    for tie in loaded.entity_card("E1", limit=50)["relations"]:
        whole = next(r for r in full["relations"] if r["id"] == tie["id"])
        assert tie["anonymous_only"] == all(
            (e["attribution"] or {}).get("source_kind") == "anonymous"
            for e in whole["evidence"])
    assert loaded.entity_card("E1")["relations"] == full["relations"]  # no limit: all


def test_neighbourhood(loaded):
    one = loaded.neighbourhood("E7")
    assert [(n["id"], n["depth"]) for n in one["nodes"]] == [("E7", 0), ("E1", 1), ("E2", 1)]
    assert {e["id"] for e in one["edges"]} == {"supports:E7:E1", "part_of:E7:E2",
                                               "supports:E2:E1"}
    two = loaded.neighbourhood("E7", depth=2)
    assert {n["id"] for n in two["nodes"]} == {"E1", "E2", "E3", "E4", "E5", "E7"}
    assert all(e["source"] in {n["id"] for n in two["nodes"]} for e in two["edges"])
    armed = loaded.neighbourhood("E1", entity_types=["armed_group"])
    assert {n["id"] for n in armed["nodes"]} == {"E1", "E3"}
    strong = loaded.neighbourhood("E1", min_sources=2)
    assert {e["type"] for e in strong["edges"]} == {"supports", "opposes"}
    assert loaded.neighbourhood("E1", relation_types=["leads"])["nodes"][1]["name"] == (
        "Ardan Kovar")
    assert loaded.neighbourhood("E404") == {"nodes": [], "edges": []}


def test_entities_listing_and_search(loaded):
    listed = loaded.entities()
    assert listed[0]["id"] == "E1" and listed[0]["documents"] == 4
    # its ties (nine relation statements make them), as its card counts them
    assert listed[0]["relations"] == 6 == loaded.entity_card("E1")["totals"]["relations"]
    assert [e["name"] for e in loaded.entities(type="security_agency")] == [
        "Valorian Intelligence Service"]
    assert [e["id"] for e in loaded.entities(search="intel")] == ["E7"]
    assert [e["id"] for e in loaded.entities(search="harbour workers")] == ["E8"]
    assert [e["id"] for e in loaded.entities(search="workers union")] == ["E8"]
    assert loaded.entities(search="   ") == []
    assert len(loaded.entities(limit=3)) == 3
    assert [e["id"] for e in loaded.entities(limit=2, offset=7)] == ["E8"]


def test_find_entities_exact_first(loaded):
    assert [e["id"] for e in loaded.find_entities("the NSB")] == ["E1"]
    assert loaded.find_entities("Northern Shield")[0]["id"] == "E1"
    found = [e["id"] for e in loaded.find_entities("Valoria")]
    assert found[0] == "E2" and "E7" in found
    assert loaded.find_entities("Harbour Workers Union")[0]["id"] == "E8"


def test_document_search(loaded):
    found = loaded.search_documents("shelling")
    assert [d["id"] for d in found] == ["d2"]
    assert "shelling" in found[0]["snippet"]
    assert {d["id"] for d in loaded.search_documents("Port Selin")} == {"d1", "d2", "d3"}
    assert loaded.search_documents("nothing-like-this") == []


def test_documents_paged(loaded):
    assert [d["id"] for d in loaded.documents()] == ["d4", "d3", "d2", "d1"]
    assert [d["id"] for d in loaded.documents(limit=2, offset=1)] == ["d3", "d2"]


def test_stats(loaded):
    stats = loaded.stats()
    assert stats["documents"] == 4 and stats["attributions"] == 3
    assert stats["entities"] == {"armed_group": 2, "country": 1, "location": 1, "media": 1,
                                 "organization": 1, "person": 1, "security_agency": 1}
    # two supports ties, made by four statements
    assert stats["relations"]["supports"] == 2 and stats["statements"]["supports"] == 4
    assert stats["ties"] == sum(stats["relations"].values()) == len(loaded.ties())
    assert stats["events"] == {"ACCUSE": 1, "ASSAULT": 1}
    assert stats["top_entities"][0]["id"] == "E1"
    # its six ties, with five other entities
    assert stats["top_entities"][0]["degree"] == 6


def test_a_limited_card_sends_each_ties_oldest_quotes(loaded, monkeypatch):
    from linkchart.store import read_card
    full = loaded.entity_card("E1")
    quoted = next(r for r in full["relations"] if len(r["evidence"]) >= 3)
    monkeypatch.setattr(read_card, "CARD_QUOTES", 2)
    capped = next(r for r in loaded.entity_card("E1", limit=50)["relations"]
                  if r["id"] == quoted["id"])
    oldest = sorted(quoted["evidence"], key=lambda e: (e["published"] or "", e["document"]))
    assert capped["evidence"] == oldest[:2]
    assert capped["evidence_total"] == len(quoted["evidence"])


def test_the_smallest_full_card_is_the_least_tied_entity_with_events(loaded):
    chosen = loaded.smallest_full_card()
    found = loaded.entity_card(chosen)
    assert found["relations"] and found["events"]
    with_events = {i for e in loaded.events() for i in [*e["actors"], *e["recipients"]]}
    assert found["totals"]["relations"] == min(
        e["relations"] for e in loaded.entities(limit=100)
        if e["id"] in with_events and e["relations"] > 0)


def test_an_empty_store_has_no_smallest_full_card(store):
    assert store.smallest_full_card() is None
