"""Issue 18 at the command line: `extract --out` writes only inside DIR (case 2);
`entities --limit` out of range is a usage error and `show` takes an id (case 7)."""

import json

import pytest
from typer.testing import CliRunner

from linkchart import cli

from ingest_support import fail_extraction_of, write

runner = CliRunner()


@pytest.fixture
def mini(monkeypatch, mini_config):
    monkeypatch.setattr(cli, "_config", lambda packs=None, max_chars=None, model=None: mini_config)


def test_extract_out_writes_only_inside_the_folder(tmp_path, mini):
    inputs, out = tmp_path / "in", tmp_path / "deep" / "er" / "out"
    write(inputs, "hdr.txt", "Id: ../../../escape-hdr\nTitle: T\n\nThe mayor of Port Selin resigned.")
    records = [{"id": "../../escape-rel", "text": "Ferries left Port Selin on Monday."},
               {"id": str(tmp_path / "absolute"), "text": "Traders met in Port Selin."},
               {"id": "plain", "text": "The council of Port Selin met."}]
    write(inputs, "rel.jsonl", "".join(json.dumps(r) + "\n" for r in records))
    result = runner.invoke(cli.app, ["extract", str(inputs), "--out", str(out)])
    assert result.exit_code == 0, result.output
    written = sorted(p for p in tmp_path.rglob("*.json"))
    assert len(written) == 4 and all(p.parent == out for p in written)
    assert (out / "plain.json").exists()
    ids = {json.loads(p.read_text("utf-8"))["document"]["id"] for p in written}
    assert ids == {"../../../escape-hdr", "../../escape-rel", str(tmp_path / "absolute"), "plain"}


@pytest.fixture
def store_path(tmp_path, mini_config):
    from linkchart.jobs import ingest
    from linkchart.resolve import resolve
    from linkchart.store import Store

    write(tmp_path / "in", "a.txt", "The Harbour Guard attacked the Coast Front near Port Selin.")
    path = tmp_path / "cli.db"
    with Store.open(str(path), resolver=resolve) as store:
        ingest([str(tmp_path / "in")], store, config=mini_config)
    return str(path)


@pytest.mark.parametrize("limit", ["99999999999999999999", "-1", "0"])
def test_entities_limit_out_of_range_is_a_usage_error(store_path, limit):
    result = runner.invoke(cli.app, ["entities", "--db", store_path, "--limit", limit])
    assert result.exit_code == 2
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output


def test_show_takes_an_entity_id(store_path):
    from linkchart.resolve import resolve
    from linkchart.store import Store

    with Store.open(store_path, resolver=resolve) as store:
        entity = store.entities(limit=1)[0]
    result = runner.invoke(cli.app, ["show", entity["id"], "--db", store_path])
    assert result.exit_code == 0, result.output
    assert entity["name"] in result.output


def test_ingest_names_a_replaced_document(tmp_path, mini):
    store = str(tmp_path / "r.db")
    write(tmp_path / "a", "report.txt", "The mayor of Port Selin resigned.")
    write(tmp_path / "b", "report.txt", "Ferries left Port Selin on Monday.")
    assert runner.invoke(cli.app, ["ingest", str(tmp_path / "a"), "--db", store]).exit_code == 0
    result = runner.invoke(cli.app, ["ingest", str(tmp_path / "b" / "report.txt"), "--db", store])
    assert result.exit_code == 0
    assert "replaced: report" in result.output


def test_extract_reports_a_document_whose_extraction_fails(tmp_path, mini, monkeypatch):
    fail_extraction_of(monkeypatch, "bad")
    write(tmp_path, "bad.txt", "The mayor of Port Selin resigned.")
    write(tmp_path, "good.txt", "Ferries left Port Selin on Monday.")
    result = runner.invoke(cli.app, ["extract", str(tmp_path)])
    assert result.exit_code == 1
    assert "bad.txt: extraction failed: ValueError: odd text" in " ".join(result.output.split())
    assert '"id": "good"' in result.output
