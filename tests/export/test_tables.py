import csv
import io
import zipfile

import pytest

from linkchart.export import export

FILES = {"documents.csv", "entities.csv", "relations.csv", "evidence.csv", "events.csv",
         "attributions.csv"}


def rows(text):
    return list(csv.DictReader(io.StringIO(text)))


def check(tables, corpus):
    assert len(tables["entities.csv"]) == len(corpus["entities"])
    assert len(tables["relations.csv"]) == len(corpus["relations"])
    assert len(tables["evidence.csv"]) == sum(len(r["evidence"]) for r in corpus["relations"])
    assert len(tables["events.csv"]) == len(corpus["events"])
    assert len(tables["attributions.csv"]) == len(corpus["attributions"])
    brigade = tables["entities.csv"][0]
    assert brigade["aliases"] == "Brigade; Northern-Shield Brigade; NSB"
    backing = next(r for r in tables["relations.csv"] if r["id"] == "supports:E2:E1")
    assert (backing["source_name"], backing["target_name"]) == ("Valoria",
                                                                "Northern Shield Brigade")
    assert backing["sources"] == "2" and backing["negated"] == "false"
    assert backing["documents"] == "d1; d2; d3"
    assault = tables["events.csv"][0]
    assert assault["actor_names"] == "Northern Shield Brigade"
    assert assault["location_name"] == "Port Selin" and assault["fatalities"] == "4"
    quote = next(a for a in tables["attributions.csv"] if a["direct"] == "true")
    assert quote["source_name"] == "Ardan Kovar" and quote["content"] == "We will not stop."
    assert any(e["name"] == 'Smith & Sons <Ltd> "Holdings"' for e in tables["entities.csv"])


def test_csv_folder(loaded, tmp_path):
    out = tmp_path / "tables"
    export(loaded, "csv", out)
    assert {p.name for p in out.iterdir()} == FILES
    check({p.name: rows(p.read_text("utf-8")) for p in out.iterdir()}, loaded.corpus())


def test_csv_zip(loaded, tmp_path):
    out = tmp_path / "tables.zip"
    export(loaded, "csv", out)
    with zipfile.ZipFile(out) as archive:
        assert set(archive.namelist()) == FILES
        tables = {name: rows(archive.read(name).decode("utf-8")) for name in FILES}
    check(tables, loaded.corpus())


@pytest.mark.parametrize("selection", [{"entity_ids": ["E404"]}])
def test_csv_of_an_empty_selection(loaded, tmp_path, selection):
    out = tmp_path / "empty"
    export(loaded, "csv", out, selection)
    assert (out / "relations.csv").read_text("utf-8").startswith("id,type,source,")
    assert len(rows((out / "relations.csv").read_text("utf-8"))) == 0
