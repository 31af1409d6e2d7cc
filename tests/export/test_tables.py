"""The CSV tables, read with pandas (what scripts and notebooks use) and checked for
what Gephi's spreadsheet import and Excel need."""

import csv
import io
import zipfile

import pytest

from linkchart.export import export
from linkchart.model import UNDIRECTED_RELATIONS

pd = pytest.importorskip("pandas")
FILES = {"nodes.csv", "edges.csv", "documents.csv", "entities.csv", "relations.csv",
         "evidence.csv", "events.csv", "attributions.csv"}


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


def test_pandas_reads_every_table(loaded, tmp_path):
    out = tmp_path / "tables"
    export(loaded, "csv", out)
    corpus = loaded.corpus()
    frames = {p.name: pd.read_csv(p) for p in out.iterdir()}
    assert len(frames["entities.csv"]) == len(corpus["entities"])
    assert frames["events.csv"]["fatalities"].dropna().tolist() == [4]
    assert set(frames["attributions.csv"]["direct"]) <= {True, False}


def test_gephi_nodes_and_edges(loaded, tmp_path):
    out = tmp_path / "tables"
    export(loaded, "csv", out)
    nodes = pd.read_csv(out / "nodes.csv")
    edges = pd.read_csv(out / "edges.csv")
    assert list(nodes.columns[:5]) == ["Id", "Label", "Kind", "Type", "Interval"]
    assert list(edges.columns[:8]) == ["Id", "Source", "Target", "Label", "Type", "Kind",
                                       "Weight", "Interval"]
    assert set(edges["Source"]) | set(edges["Target"]) <= set(nodes["Id"])
    assert set(edges["Type"]) <= {"Directed", "Undirected"}
    relations = edges[edges["event_type"].isna()]
    assert len(relations) == len(loaded.corpus()["relations"])
    for _, edge in relations.iterrows():
        assert (edge["Type"] == "Undirected") == (edge["Kind"] in UNDIRECTED_RELATIONS)
    backing = edges.set_index("Id").loc["supports:E2:E1"]
    assert backing["Kind"] == "supports" and backing["Weight"] == 2.0
    assert backing["Interval"] == "<[2021-03-01, 2021-04-10]>"
    actor = edges[(edges["Source"] == "E1") & (edges["Target"] == "V1")].iloc[0]
    assert actor["Kind"] == "actor" and actor["event_type"] == "ASSAULT"
    assert nodes.set_index("Id").loc["E1", "Label"] == "Northern Shield Brigade"


def test_excel_option_writes_a_byte_order_mark(loaded, tmp_path):
    plain, excel = tmp_path / "plain", tmp_path / "excel"
    export(loaded, "csv", plain)
    export(loaded, "csv", excel, excel=True)
    assert not (plain / "nodes.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    for name in FILES:
        raw = (excel / name).read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")
        assert raw[3:] == (plain / name).read_bytes()
    assert list(pd.read_csv(excel / "nodes.csv", encoding="utf-8-sig").columns)[0] == "Id"


@pytest.mark.parametrize("selection", [{"entity_ids": ["E404"]}])
def test_csv_of_an_empty_selection(loaded, tmp_path, selection):
    out = tmp_path / "empty"
    export(loaded, "csv", out, selection)
    assert (out / "relations.csv").read_text("utf-8").startswith("id,type,source,")
    assert len(rows((out / "relations.csv").read_text("utf-8"))) == 0
