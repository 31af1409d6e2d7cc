"""`linkchart extract` on the founding article: a valid linkchart/1 document with all
four layers, every string an exact substring of the body."""

import json
from pathlib import Path

import jsonschema
from typer.testing import CliRunner

from linkchart.cli import app
from shared_data import shared_path

SCHEMA = json.loads((Path(__file__).resolve().parents[1] / "src" / "linkchart" / "schema"
                     / "linkchart-1.json").read_text())


def test_extract_prints_a_valid_sourced_document():
    article = next(shared_path("corpus", "articles").glob("000_*.txt"))
    result = CliRunner().invoke(app, ["extract", str(article)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout.splitlines()[0])
    jsonschema.validate(data, SCHEMA)
    body = article.read_text(encoding="utf-8").split("\n\n", 1)[1]
    for layer in ("entities", "relations", "events", "attributions"):
        assert data[layer], f"no {layer}"
    strings = [form for e in data["entities"] for form in (e["name"], *e["aliases"])]
    strings += [r["evidence"] for r in data["relations"]]
    strings += [v["evidence"] for v in data["events"]]
    strings += [v["date_text"] for v in data["events"] if v["date_text"]]
    strings += [a[key] for a in data["attributions"] for key in ("content", "source_text", "cue")]
    missing = [s for s in strings if s not in body]
    assert not missing, missing[:5]
