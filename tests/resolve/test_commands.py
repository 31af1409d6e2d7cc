"""The analyst commands, through typer's CliRunner."""

import json

from typer.testing import CliRunner

from linkchart.cli import app
from linkchart.resolve import resolve
from linkchart.store import Store
from resolution_corpus import corpus

runner = CliRunner()


def run(*args, ok=True):
    result = runner.invoke(app, [str(a) for a in args], env={"LINKCHART_AUTHOR": "tester"})
    if ok:
        assert result.exit_code == 0, result.output
    return result


def holder(db, doc, name):
    with Store.open(str(db), resolver=resolve) as store:
        return next(e["entity"] for e in store.document(doc)["entities"] if e["name"] == name)


def test_review_merge_split_and_share(tmp_path):
    db = tmp_path / "chart.db"
    with Store.open(str(db), resolver=resolve) as store:
        store.add_extractions(corpus())
    listed = run("review", "--db", db)
    assert "Kovar" in listed.output and "Ardan Kovar" in listed.output
    queue = json.loads(run("review", "--db", db, "--json").output)
    run("review", queue[0]["id"], "not-same", "--db", db)
    assert json.loads(run("review", "--db", db, "--json").output) == queue[1:]

    run("merge", "Free Coast Movement", "Coastal Liberation Front", "--db", db)
    assert holder(db, "d1", "Free Coast Movement") == holder(db, "d2", "Coastal Liberation Front")
    kovar = holder(db, "d1", "Ardan Kovar")
    run("split", kovar, "--document", "d2", "--db", db)
    assert holder(db, "d1", "Ardan Kovar") != holder(db, "d2", "Ardan Kovar")
    guard = holder(db, "d3", "Harbour Guard")
    run("retype", guard, "organization", "--db", db)
    run("rename", "Northern Shield Brigade", "NSB (Northern Shield)", "--db", db)
    nsb = holder(db, "d1", "Northern Shield Brigade")
    valoria = holder(db, "d1", "Valoria")
    run("reject", "relation", f"supports:{valoria}:{nsb}", "--db", db)
    run("add-fact", "opposes", guard, nsb, "--document", "d4", "--evidence",
        "The Harbour Guard and the Northern Shield Brigade fought", "--db", db)
    bad = run("retype", guard, "militia", "--db", db, ok=False)
    assert bad.exit_code == 1 and "unknown type" in bad.output
    missing = run("merge", "E1", "E999", "--db", db, ok=False)
    assert missing.exit_code == 1

    listing = run("judgements", "list", "--db", db).output
    for kind in ("not_same", "merge", "split", "retype", "rename", "reject", "add_fact"):
        assert kind in listing
    out = tmp_path / "judgements.json"
    run("judgements", "export", "--out", out, "--db", db)
    exported = json.loads(out.read_text("utf-8"))
    assert exported["format"] == "linkchart-judgements/1" and len(exported["judgements"]) == 7
    assert {j["author"] for j in exported["judgements"]} == {"tester"}

    rebuilt = tmp_path / "rebuilt.db"
    with Store.open(str(rebuilt), resolver=resolve) as store:
        store.add_extractions(corpus(renumber=True))
    imported = run("judgements", "import", out, "--db", rebuilt)
    assert "7 judgements added" in imported.output and "7 applied" in imported.output
    with Store.open(str(rebuilt), resolver=resolve) as store:
        assert store.entity(holder(rebuilt, "d3", "Harbour Guard"))["type"] == "organization"
        assert store.entity(holder(rebuilt, "d1", "Northern Shield Brigade"))["name"] == (
            "NSB (Northern Shield)")
    assert holder(rebuilt, "d1", "Ardan Kovar") != holder(rebuilt, "d2", "Ardan Kovar")
    run("judgements", "withdraw", "1", "--db", rebuilt)
    assert "withdrawn" in run("judgements", "list", "--db", rebuilt).output
    assert run("judgements", "apply", "--db", rebuilt).output.strip()
