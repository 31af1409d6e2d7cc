"""The REST API against a real SQLite store."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest


def test_health_types_and_openapi(api):
    assert api.get("/api/health").json()["status"] == "ok"
    types = api.get("/api/types").json()
    assert "armed_group" in types["entity_types"] and "ASSAULT" in types["event_types"]
    paths = api.get("/openapi.json").json()["paths"]
    for path in ("/api/entities", "/api/entities/{entity_id}",
                 "/api/entities/{entity_id}/neighbourhood", "/api/graph", "/api/events",
                 "/api/documents", "/api/documents/{doc_id}", "/api/judgements", "/api/export"):
        assert path in paths


def test_docs_page_is_served_from_the_package(api):
    page = api.get("/docs")
    assert page.status_code == 200
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in page.text
    assert "http://" not in page.text and "https://" not in page.text
    assert api.get("/static/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200


def test_overview(api, ids):
    found = api.get("/api/overview", params={"top": 3}).json()
    assert found["stats"]["documents"] == 5
    assert found["most_connected"][0]["id"] == ids["Free Coast Movement"]
    # its ties as its card and the exports count them: two of them with the Brigade
    assert found["most_connected"][0]["degree"] == 5
    assert [e["name"] for e in found["most_reported"]][:2] == ["Free Coast Movement",
                                                              "Northern Shield Brigade"]


def test_search_by_name_alias_prefix_and_type(api, ids):
    assert api.get("/api/entities", params={"q": "NSB"}).json()[0]["id"] == \
        ids["Northern Shield Brigade"]
    assert api.get("/api/entities", params={"q": "Valoria"}).json()[0]["type"] == "country"
    assert ids["Free Coast Movement"] in [e["id"] for e in
                                          api.get("/api/entities", params={"q": "Free"}).json()]
    typed = api.get("/api/entities", params={"q": "Valoria", "type": "person"}).json()
    assert typed == []
    people = api.get("/api/entities", params={"type": "person"}).json()
    assert [e["name"] for e in people] == ["Mira Dace"]
    assert api.get("/api/entities", params={"type": "wizard"}).status_code == 422


def test_entity_card_has_evidence_sources_and_corroboration(api, ids):
    card = api.get(f"/api/entities/{ids['Northern Shield Brigade']}").json()
    assert card["aliases"] == ["NSB"]
    assert card["corroboration"]["documents"] == 3
    assert card["corroboration"]["outlets"] == 2
    support = next(r for r in card["relations"] if r["type"] == "supports")
    assert support["direction"] == "in" and support["other"]["name"] == "Valoria"
    assert support["sources"] == 2 and support["weak"] is False
    outlets = {e["outlet"] for e in support["evidence"]}
    assert outlets == {"Meridian Times", "Coastal Post"}
    anonymous = next(e for e in support["evidence"] if e["attribution"])
    assert anonymous["attribution"]["source_text"] == "officials"
    assert anonymous["attribution"]["source_kind"] == "anonymous"
    assert [e["type"] for e in card["events"]] == ["ASSAULT"]
    assert api.get("/api/entities/E999").status_code == 404


def test_entity_card_limit_keeps_the_totals(api, ids):
    url = f"/api/entities/{ids['Free Coast Movement']}"
    full = api.get(url).json()
    assert full["limit"] == 200 and len(full["relations"]) == full["totals"]["relations"] > 1
    one = api.get(url, params={"limit": 1}).json()
    assert [len(one[k]) for k in ("relations", "documents", "events")] == [1, 1, 1]
    assert one["totals"] == full["totals"] and one["corroboration"] == full["corroboration"]
    assert one["relations"] == full["relations"][:1]
    assert api.get(url, params={"limit": 0}).status_code == 422


def test_neighbourhood_depth_and_filters(api, ids):
    valoria = ids["Valoria"]
    url = f"/api/entities/{valoria}/neighbourhood"
    near = api.get(url).json()
    assert {n["name"] for n in near["nodes"]} == {"Valoria", "Northern Shield Brigade",
                                                   "Free Coast Movement"}
    far = api.get(url, params={"depth": 2}).json()
    assert {"Harbour Workers' Union", "Mira Dace"} <= {n["name"] for n in far["nodes"]}
    strong = api.get(url, params={"min_sources": 2}).json()
    nsb = ids["Northern Shield Brigade"]
    assert [e["id"] for e in strong["edges"]] == [f"supports:{valoria}:{nsb}"]
    late = api.get(url, params={"date_from": "2022", "evidence": "true"}).json()
    assert [e["documents"] for e in late["edges"]] == [["d5"]]
    typed = api.get(url, params={"depth": 2, "entity_type": ["country", "armed_group"]}).json()
    assert {n["type"] for n in typed["nodes"]} == {"country", "armed_group"}
    ties = api.get(url, params={"depth": 2, "relation_type": "opposes"}).json()
    assert ties["edges"] == []
    assert api.get(url, params={"relation_type": "hates"}).status_code == 422
    assert api.get(url, params={"date_from": "March 2021"}).status_code == 422
    assert api.get(url, params={"depth": 9}).status_code == 422
    assert api.get("/api/entities/E999/neighbourhood").status_code == 404


def test_edges_say_how_well_sourced_they_are(api, ids):
    fcm = ids["Free Coast Movement"]
    found = api.get("/api/graph", params={"entity": fcm, "expand": fcm}).json()
    edges = {e["id"]: e for e in found["edges"]}
    union = edges[f"supports:{ids['Harbour Workers' + chr(39) + ' Union']}:{fcm}"]
    assert union["anonymous_only"] is True and union["weak"] is True
    assert "evidence" not in union and union["evidence_count"] == 1
    denied = edges[f"affiliated_with:{ids['Northern Shield Brigade']}:{fcm}:not"]
    assert denied["negated"] is True and denied["directed"] is False
    named_id = f"opposes:{ids['Northern Shield Brigade']}:{fcm}"
    assert edges[named_id]["anonymous_only"] is False
    inline = api.get("/api/graph", params={"expand": fcm, "evidence": "true"}).json()
    named = next(e for e in inline["edges"] if e["id"] == named_id)
    assert named["evidence"][0]["attribution"]["source_text"] == "Mira Dace"


def test_an_edge_with_its_evidence(api, ids):
    nsb, valoria, fcm = ids["Northern Shield Brigade"], ids["Valoria"], ids["Free Coast Movement"]
    support = api.get(f"/api/edges/supports:{valoria}:{nsb}").json()
    assert support["sources"] == 2 and support["documents"] == ["d1", "d2"]
    assert {e["outlet"] for e in support["evidence"]} == {"Meridian Times", "Coastal Post"}
    early = api.get(f"/api/edges/supports:{valoria}:{nsb}", params={"date_to": "2021-03-02"})
    assert [e["document"] for e in early.json()["evidence"]] == ["d1"]
    attack = api.get(f"/api/edges/event:ASSAULT:{nsb}:{fcm}").json()
    assert attack["kind"] == "event" and attack["evidence"][0]["fatalities"] == 4
    assert attack["evidence"][0]["location_name"] == "Port Selin"
    assert attack["source_type"] == "armed_group"
    for missing in (f"supports:{nsb}:{valoria}", f"event:AID:{nsb}:{fcm}", "nonsense"):
        assert api.get(f"/api/edges/{missing}").status_code == 404


def test_neighbourhood_limit_keeps_the_best_sourced(api, ids):
    nsb, valoria = ids["Northern Shield Brigade"], ids["Valoria"]
    found = api.get(f"/api/entities/{nsb}/neighbourhood", params={"limit": 1}).json()
    assert found["truncated"] is True and found["neighbours"] == 2
    assert [n["id"] for n in found["nodes"]] == [nsb, valoria]
    graph = api.get("/api/graph", params={"expand": nsb, "limit": 1, "events": "false"}).json()
    assert graph["truncated"] == {nsb: {"neighbours": 2, "shown": 1}}
    assert {n["id"] for n in graph["nodes"]} == {nsb, valoria}


def test_graph_joins_expansions_and_draws_events(api, ids):
    nsb, valoria, fcm = ids["Northern Shield Brigade"], ids["Valoria"], ids["Free Coast Movement"]
    found = api.get("/api/graph", params={"entity": [nsb], "expand": [nsb]}).json()
    nodes = {n["id"]: n for n in found["nodes"]}
    assert nodes[nsb]["expanded"] and nodes[nsb]["asked"] and not nodes[valoria]["expanded"]
    edges = {e["id"]: e for e in found["edges"]}
    # the link between two neighbours is drawn too
    assert f"supports:{valoria}:{fcm}" in edges
    attack = edges[f"event:ASSAULT:{nsb}:{fcm}"]
    assert attack["kind"] == "event" and attack["sources"] == 1
    assert attack["anonymous_only"] is True and attack["first_date"] == "2021-02-28"
    plain = api.get("/api/graph", params={"entity": nsb, "expand": nsb, "events": "false"}).json()
    assert not [e for e in plain["edges"] if e["kind"] == "event"]
    hidden = api.get("/api/graph", params={"expand": nsb, "hide": valoria}).json()
    assert valoria not in {n["id"] for n in hidden["nodes"]}
    apart = api.get("/api/graph", params={"entity": [valoria, ids["Mira Dace"]]}).json()
    assert apart["edges"] == []
    pair = api.get("/api/graph", params={"entity": [valoria, nsb]}).json()
    assert [e["id"] for e in pair["edges"]] == [f"supports:{valoria}:{nsb}"]
    assert api.get("/api/graph").json() == {"nodes": [], "edges": [], "truncated": {}}


def test_events_timeline(api, ids):
    everything = api.get("/api/events").json()
    assert everything["total"] == 1
    event = everything["events"][0]
    assert event["type"] == "ASSAULT" and event["date"] == "2021-02-28"
    assert event["names"][event["actors"][0]] == "Northern Shield Brigade"
    assert event["attribution"]["source_kind"] == "anonymous"
    assert api.get("/api/events", params={"entity": ids["Mira Dace"]}).json()["total"] == 0
    assert api.get("/api/events", params={"event_type": "AID"}).json()["total"] == 0
    assert api.get("/api/events", params={"date_to": "2020"}).json()["total"] == 0
    assert api.get("/api/events", params={"event_type": "PARTY"}).status_code == 422


def test_documents_and_their_located_items(api):
    listed = api.get("/api/documents").json()
    assert [d["id"] for d in listed][0] == "d5"
    assert [d["id"] for d in api.get("/api/documents", params={"q": "Harbour"}).json()]
    doc = api.get("/api/documents/d1").json()
    text = doc["text"]
    for item in doc["relations"] + doc["events"]:
        assert text[item["start"]:item["end"]] == item["evidence"]
    for said in doc["attributions"]:
        assert text[said["start"]:said["end"]] == said["content"]
    for entity in doc["entities"]:
        for start, end in entity["mentions"]:
            assert text[start:end] == entity["name"]
    assert doc["events"][0]["names"][doc["events"][0]["actors"][0]] == "Northern Shield Brigade"
    assert api.get("/api/documents/nope").status_code == 404


def test_markup_in_articles_comes_back_as_data(api):
    doc = api.get("/api/documents/d5")
    assert doc.headers["content-type"].startswith("application/json")
    assert "<script>alert(1)</script>" in doc.json()["text"]


def test_security_headers(api):
    for path in ("/", "/api/health", "/static/js/app.js"):
        headers = api.get(path).headers
        assert "default-src 'self'" in headers["content-security-policy"]
        assert "script-src 'self'" in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "DENY"


def test_judgements_are_made_and_applied(fresh_api):
    ids = {e["name"]: e["id"] for e in fresh_api.get("/api/entities", params={"limit": 50}).json()}
    nsb, fcm, valoria = ids["Northern Shield Brigade"], ids["Free Coast Movement"], ids["Valoria"]

    def judge(kind, payload, status=201):
        made = fresh_api.post("/api/judgements", json={"kind": kind, "payload": payload,
                                                        "author": "tester"})
        assert made.status_code == status, made.text
        return made.json()

    retyped = judge("retype", {"entity": ids["Mira Dace"], "type": "political_party"})
    assert retyped["judgements"][0]["status"] == "applied"
    assert fresh_api.get(f"/api/entities/{ids['Mira Dace']}").json()["type"] == "political_party"

    rejected = judge("reject", {"relation": f"supports:{valoria}:{fcm}"})
    assert rejected["judgements"][0]["kind"] == "reject"
    assert fresh_api.get(f"/api/edges/supports:{valoria}:{fcm}").status_code == 404

    event = fresh_api.get("/api/events").json()["events"][0]["id"]
    judge("reject", {"events": [event]})
    assert fresh_api.get("/api/events").json()["total"] == 0

    judge("merge", {"entities": [nsb, fcm]})
    assert fresh_api.get(f"/api/entities/{fcm}").status_code == 404
    merged = fresh_api.get(f"/api/entities/{nsb}").json()
    assert merged["corroboration"]["documents"] == 5

    listed = fresh_api.get("/api/judgements").json()
    assert [j["kind"] for j in listed] == ["retype", "reject", "reject", "merge"]
    assert {j["author"] for j in listed} == {"tester"}
    assert fresh_api.delete(f"/api/judgements/{listed[0]['id']}").status_code == 204
    assert fresh_api.get("/api/judgements").json()[0]["status"] == "withdrawn"
    assert fresh_api.delete("/api/judgements/999").status_code == 404

    for kind, payload in (("guess", {}), ("merge", {"entities": [nsb]}),
                          ("merge", {"entities": [nsb, "E999"]}),
                          ("retype", {"entity": nsb, "type": "wizard"}),
                          ("reject", {}), ("reject", {"relation": "supports:E1:E999"}),
                          ("not_same", {"entities": [nsb, valoria, "E6"]}),
                          ("add_fact", {"type": "supports", "source": valoria, "target": nsb,
                                        "document": "d2", "evidence": "not in the text"})):
        judge(kind, payload, status=422)
    assert len(fresh_api.get("/api/judgements").json()) == 4


def test_review_queue(fresh_api):
    assert isinstance(fresh_api.get("/api/review").json(), list)
    assert isinstance(fresh_api.get("/api/review", params={"status": "all"}).json(), list)
    assert fresh_api.get("/api/review", params={"status": "bogus"}).status_code == 422
    refused = fresh_api.post("/api/review/999", json={"decision": "merge"})
    assert refused.status_code == 422
    assert fresh_api.post("/api/review/1", json={"decision": "maybe"}).status_code == 422


def test_writes_refuse_other_origins_and_form_posts(fresh_api, ids):
    body = {"kind": "retype", "payload": {"entity": ids["Valoria"], "type": "country"}}
    foreign = fresh_api.post("/api/judgements", json=body,
                             headers={"Origin": "http://evil.example"})
    assert foreign.status_code == 403
    form = fresh_api.post("/api/judgements", content=json.dumps(body),
                          headers={"Content-Type": "text/plain"})
    assert form.status_code == 422
    own = fresh_api.post("/api/judgements", json=body, headers={"Origin": "http://testserver"})
    assert own.status_code == 201


@pytest.mark.parametrize("format", ["gexf", "json"])
def test_export_of_the_store_or_a_selection(api, format):
    whole = api.get("/api/export", params={"format": format})
    assert whole.status_code == 200
    assert f"linkchart.{format}" in whole.headers["content-disposition"]
    part = api.get("/api/export", params={"format": format, "min_sources": 2})
    if format == "json":
        assert part.json()["format"] == "linkchart-corpus/1"
        assert len(part.json()["relations"]) < len(whole.json()["relations"])
        assert all(r["sources"] >= 2 for r in part.json()["relations"])
    else:
        edge = ".//{http://gexf.net/1.3}edge"
        assert len(ET.fromstring(part.content).findall(edge)) < len(
            ET.fromstring(whole.content).findall(edge))
    assert api.get("/api/export", params={"format": "pdf"}).status_code == 422
    assert api.get("/api/export", params={"format": "graphml"}).status_code == 422


def _exported_ids(format: str, content: bytes) -> tuple[list[str], list[str]]:
    if format == "json":
        view = json.loads(content)
        return sorted(n["id"] for n in view["nodes"]), sorted(e["id"] for e in view["edges"])
    if format == "csv":
        import csv
        import io
        import zipfile

        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            rows = {name: list(csv.DictReader(io.StringIO(archive.read(f"{name}.csv").decode())))
                    for name in ("nodes", "edges")}
        return sorted(r["Id"] for r in rows["nodes"]), sorted(r["Id"] for r in rows["edges"])
    ns = "{http://gexf.net/1.3}" if format == "gexf" else "{http://graphml.graphdrawing.org/xmlns}"
    root = ET.fromstring(content)
    edges = sorted({e.get("id").removesuffix(":reverse") for e in root.iter(f"{ns}edge")})
    return sorted(n.get("id") for n in root.iter(f"{ns}node")), edges


@pytest.mark.parametrize("format", ["gexf", "graphml", "csv", "json"])
def test_export_of_a_chart_is_exactly_its_actors_and_links(api, ids, format):
    nsb = ids["Northern Shield Brigade"]
    chart = {"entity": nsb, "expand": nsb, "hide": ids["Valoria"], "min_confidence": 0}
    shown = api.get("/api/graph", params=chart).json()
    part = api.get("/api/export", params=chart | {"format": format, "title": "NSB"})
    assert part.status_code == 200
    nodes, edges = _exported_ids(format, part.content)
    assert nodes == sorted(n["id"] for n in shown["nodes"]) and ids["Valoria"] not in nodes
    assert edges == sorted(e["id"] for e in shown["edges"])
    if format == "json":
        view = part.json()
        assert view["format"] == "linkchart-view/1" and view["title"] == "NSB"
        assert all(e["evidence"] for e in view["edges"])
        assert {o["outlet"] for o in view["outlets"]} == {
            q["outlet"] for e in view["edges"] for q in e["evidence"]}


def test_the_page_loads_nothing_from_elsewhere(api):
    page = api.get("/").text
    assert "http://" not in page and "https://" not in page
    assert 'src="/static/vendor/cytoscape.min.js"' in page
    vendor = api.get("/static/vendor/cytoscape.min.js")
    assert vendor.status_code == 200 and "cytoscape" in vendor.text[:2000].lower()
    assert "Cytoscape Consortium" in api.get("/static/vendor/cytoscape-LICENSE.txt").text
