"""The `linkchart` command behaves like a command-line tool: fast help, a version, one-line
errors and non-zero exits for mistakes, stores that must exist, JSON on every listing,
and output that survives a pipe."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from linkchart import __version__
from linkchart.cli import app
from linkchart.cli.common import ENVIRONMENT, count_documents
from linkchart.cli.lazy import LAZY_COMMANDS, load
from linkchart.model import DocExtraction

SAMPLE = Path(__file__).parent / "store" / "data" / "sample.json"
SRC = str(Path(__file__).resolve().parents[1] / "src")


def run(*args, env=None):
    return CliRunner().invoke(app, [str(a) for a in args], env=env)


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    from linkchart.resolve import resolve
    from linkchart.store import Store

    path = tmp_path_factory.mktemp("cli") / "chart.db"
    with Store.open(str(path), resolver=resolve) as store:
        store.add_extractions([DocExtraction.from_json(item["extraction"], item["text"])
                               for item in json.loads(SAMPLE.read_text("utf-8"))])
    return path


def python(*args, **kwargs):
    env = os.environ | {"PYTHONPATH": SRC + os.pathsep + os.environ.get("PYTHONPATH", "")}
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, env=env,
                          timeout=120, **kwargs)


def test_help_imports_no_heavy_library():
    probe = ("import sys; sys.argv = ['linkchart', '--help']\n"
             "from linkchart.cli import main\n"
             "try:\n    main()\nexcept SystemExit:\n    pass\n"
             "heavy = [m for m in ('spacy', 'sqlalchemy', 'fastapi', 'uvicorn', 'rapidfuzz')"
             " if m in sys.modules]\n"
             "print('HEAVY', heavy)")
    result = python("-c", probe)
    assert "HEAVY []" in result.stdout, result.stdout + result.stderr
    assert "Commands:" in result.stdout and "serve" in result.stdout


def test_analyze_brokers_imports_no_networkx(store_path):
    """The brokers' graph, betweenness and clusters are the project's own (plain dicts
    and numpy): networkx is a quarter of a second to import."""
    probe = ("import sys\n"
             f"sys.argv = ['linkchart', 'analyze', 'brokers', '--db', {str(store_path)!r},"
             " '--json']\n"
             "from linkchart.cli import main\n"
             "try:\n    main()\nexcept SystemExit:\n    pass\n"
             "print('NETWORKX', 'networkx' in sys.modules)")
    result = python("-c", probe)
    assert result.stdout.lstrip().startswith("[") and '"brokers"' in result.stdout, \
        result.stdout + result.stderr
    assert "NETWORKX False" in result.stdout, result.stdout + result.stderr


def test_version_and_python_dash_m():
    assert run("--version").stdout.strip() == f"linkchart {__version__}"
    result = python("-m", "linkchart", "--version")
    assert result.returncode == 0 and result.stdout.strip() == f"linkchart {__version__}"


def test_lazy_commands_show_their_own_help_line():
    for name, (_, line) in LAZY_COMMANDS.items():
        command = load(name)
        assert command is not None, name
        assert (command.help or "").strip().splitlines()[0].strip() == line, name


def test_lazy_command_runs(store_path):
    result = run("judgements", "list", "--db", store_path)
    assert result.exit_code == 0, result.output


def test_help_declares_the_environment():
    text = run("--help").stdout
    assert all(name in text for name in ENVIRONMENT)
    assert "LINKCHART_DB" in run("entities", "--help").stdout
    assert "LINKCHART_MODEL" in run("ingest", "--help").stdout


@pytest.mark.parametrize("args", [
    ["export", "--format", "pdf"],
    ["entities", "--type", "warlord"],
    ["events", "--type", "FIGHT"],
    ["entities", "--limit", "0"],
])
def test_bad_choices_exit_2_without_traceback(store_path, args):
    result = run(*args, "--db", store_path)
    assert result.exit_code == 2
    assert "Traceback" not in result.output and "Error" in result.output


def test_csv_to_standard_output_is_one_line_error(store_path):
    result = run("export", "--format", "csv", "--db", store_path)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:") and "--out" in lines[0]


@pytest.mark.parametrize("command", [["entities"], ["show", "Valoria"], ["stats"], ["events"],
                                     ["export", "--format", "json"], ["review"],
                                     ["judgements", "list"], ["analyze", "chains"],
                                     ["serve"]])
def test_read_commands_refuse_a_store_that_does_not_exist(tmp_path, command):
    missing = tmp_path / "mistyped.db"
    result = run(*command, "--db", missing)
    assert result.exit_code == 2
    assert "no store at" in result.stderr and not missing.exists()


@pytest.mark.parametrize("command", [["entities"], ["stats"], ["events"], ["review"],
                                     ["export", "--format", "json"]])
def test_read_commands_refuse_a_file_that_is_no_store(tmp_path, command):
    notes = tmp_path / "notes.db"
    notes.write_text("meeting notes, not a database\n", encoding="utf-8")
    result = run(*command, "--db", notes)
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and f"{notes}: not a linkchart store" in lines[0]
    assert notes.read_text(encoding="utf-8") == "meeting notes, not a database\n"


def test_the_store_from_the_environment(store_path):
    result = run("stats", "--json", env={"LINKCHART_DB": str(store_path)})
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["documents"] == 4


def test_json_on_every_listing(store_path):
    entities = json.loads(run("entities", "--json", "--db", store_path).stdout)
    assert entities[0]["name"] == "Northern Shield Brigade"
    card = json.loads(run("show", "NSB", "--json", "--db", store_path).stdout)
    assert card["name"] == "Northern Shield Brigade" and card["relations"]
    stats = json.loads(run("stats", "--json", "--db", store_path).stdout)
    assert stats["events"] == {"ACCUSE": 1, "ASSAULT": 1}
    exported = json.loads(run("export", "--db", store_path).stdout)
    assert stats["ties"] == len(exported["relations"]) == sum(stats["relations"].values()) \
        < sum(stats["statements"].values())
    events = json.loads(run("events", "--json", "--type", "ASSAULT", "--db", store_path).stdout)
    assert [e["type"] for e in events] == ["ASSAULT"] and events[0]["fatalities"] == 4
    packs = json.loads(run("packs", "list", "--json").stdout)
    assert any(p["pack"] == "countries" and p["types"]["country"] > 100 for p in packs)


def test_piped_listings_are_tab_separated_and_never_cut(store_path):
    result = run("entities", "--db", store_path)
    lines = result.stdout.splitlines()
    assert lines[0].split("\t") == ["id", "name", "type", "documents",
                                     "relation statements", "aliases"]
    brigade = next(line.split("\t") for line in lines if line.startswith("E1\t"))
    assert brigade[1] == "Northern Shield Brigade"
    assert brigade[5] == "Brigade; Northern-Shield Brigade; NSB"
    events = run("events", "--db", store_path).stdout.splitlines()
    assert any("killing four fighters" in line for line in events)
    stats = run("stats", "--db", store_path).stdout
    assert "relation statements\tsupports\t4" in stats


def test_show_a_missing_entity(store_path):
    result = run("show", "Nobody At All", "--db", store_path)
    assert result.exit_code == 1 and "no entity named" in result.stderr


def test_export_writes_the_chosen_format(store_path, tmp_path):
    out = tmp_path / "chart.cypher"
    result = run("export", "-f", "cypher", "--out", out, "--db", store_path)
    assert result.exit_code == 0, result.output
    assert out.read_text("utf-8").startswith("MERGE (n:Entity")
    assert "wrote" in result.stderr
    tables = tmp_path / "tables"
    assert run("export", "-f", "csv", "--excel", "--out", tables, "--db",
               store_path).exit_code == 0
    assert (tables / "nodes.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_counting_documents_for_the_progress_bar(tmp_path):
    (tmp_path / "a.txt").write_text("Title: One\n\nA short article.", "utf-8")
    (tmp_path / "b.html").write_text("<html><body><p>Two</p></body></html>", "utf-8")
    (tmp_path / "many.jsonl").write_text('{"text": "x"}\n\n{"text": "y"}\n{"text": "z"}\n',
                                         "utf-8")
    assert count_documents([str(tmp_path)]) == 5
    assert count_documents([str(tmp_path / "a.txt"), str(tmp_path / "many.jsonl")]) == 4
    assert count_documents(["-"]) is None
    (tmp_path / "table.csv").write_text("text\nx\n", "utf-8")
    assert count_documents([str(tmp_path)]) is None
    assert count_documents([str(tmp_path / "absent.txt")]) is None


def test_unknown_model_is_one_line(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Title: One\n\nThe Harbour Guard attacked the port.", "utf-8")
    result = run("ingest", article, "--db", tmp_path / "x.db", "--model", "en_no_such_model")
    assert result.exit_code == 2 and "en_no_such_model" in result.stderr
    assert not (tmp_path / "x.db").exists()


def test_ingest_summary_with_next_steps(tmp_path):
    pytest.importorskip("spacy")
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "one.txt").write_text(
        "Title: Port clashes\nOutlet: Test Wire\nPublished: 2024-05-02\n\n"
        "The Northern Shield Brigade attacked the Free Coast Movement in Port Selin on "
        "Monday, killing three fighters, officials said.", "utf-8")
    (folder / "two.txt").write_text(
        "Title: Backing\nOutlet: Other Wire\nPublished: 2024-05-03\n\n"
        "Valoria supports the Northern Shield Brigade, a diplomat said.", "utf-8")
    db = tmp_path / "chart.db"
    result = run("ingest", folder, "--db", db)
    assert result.exit_code == 0, result.output
    assert "documents read\t2" in result.stdout and "stored\t2" in result.stdout
    assert f"linkchart stats --db {db}" in result.stdout
    again = run("ingest", folder, "--db", db, "--json")
    summary = json.loads(again.stdout)
    assert summary["duplicates"] == 2 and summary["documents in the store"] == 2


def test_model_from_the_environment(tmp_path, monkeypatch):
    from linkchart.config import DEFAULT_MODEL, Config

    monkeypatch.delenv("LINKCHART_MODEL", raising=False)
    assert Config.from_env().model == DEFAULT_MODEL
    monkeypatch.setenv("LINKCHART_MODEL", "en_other_pipeline")
    assert Config.from_env().model == "en_other_pipeline"
    article = tmp_path / "a.txt"
    article.write_text("Title: One\n\nThe Harbour Guard attacked the port.", "utf-8")
    result = run("extract", article, env={"LINKCHART_MODEL": "en_other_pipeline"})
    assert result.exit_code == 2 and "en_other_pipeline" in result.stderr
