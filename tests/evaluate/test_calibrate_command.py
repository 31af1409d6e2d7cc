"""`linkchart evaluate --calibrate` end to end on two articles written for the project:
extract, cross-validate, write the table, report the figures."""

import json

from typer.testing import CliRunner

from linkchart.cli import app
from linkchart.extract.confidence import load_table
from linkchart.model import DEFAULT_CONFIDENCE

ARTICLES = {
    "001": ("General Omar Kessel, the commander of the Northern Shield Brigade, met "
            "officials in Strelsau on Monday. \"We will hold the river line,\" Kessel said."),
    "002": ("Anna Berg, the leader of the Hill Party, said on Tuesday that the party backs "
            "the Northern Shield Brigade. The brigade attacked a police post in Zenda."),
}
GOLD = {
    "001": {"entities": [{"id": "e1", "name": "Omar Kessel", "type": "person"},
                         {"id": "e2", "name": "Northern Shield Brigade", "type": "armed_group"}],
            "relations": [{"type": "leads", "source": "e1", "target": "e2",
                           "evidence": "General Omar Kessel, the commander of the Northern "
                                       "Shield Brigade"}],
            "events": [], "attributions": [
                {"id": "a1", "source": "e1", "source_text": "Kessel",
                 "source_kind": "named_person", "cue": "said",
                 "content": "We will hold the river line", "direct": True}]},
    "002": {"entities": [{"id": "e1", "name": "Anna Berg", "type": "person"},
                         {"id": "e2", "name": "Hill Party", "type": "political_party"},
                         {"id": "e3", "name": "Northern Shield Brigade", "type": "armed_group"}],
            "relations": [{"type": "leads", "source": "e1", "target": "e2",
                           "evidence": "Anna Berg, the leader of the Hill Party"}],
            "events": [], "attributions": []},
}


def test_calibrate_writes_a_table_and_reports_cross_validated_figures(tmp_path):
    gold_dir, articles = tmp_path / "gold", tmp_path / "articles"
    gold_dir.mkdir()
    articles.mkdir()
    for doc_id, text in ARTICLES.items():
        (articles / f"{doc_id}_test.txt").write_text(
            f"Title: Test {doc_id}\nOutlet: Linkchart Test Wire\nDate: 2024-03-0{doc_id[-1]}"
            f"\n\n{text}\n", encoding="utf-8")
        (gold_dir / f"{doc_id}.json").write_text(json.dumps(
            {"format": "linkchart/1", "document": {"id": doc_id}, **GOLD[doc_id]}))
    table = tmp_path / "calibration.yaml"
    result = CliRunner().invoke(app, ["evaluate", str(gold_dir), "--calibrate", "--json",
                                      "--calibration-out", str(table)])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output[result.output.index("{"):])
    figures = report["cross_validated"]
    assert figures["threshold"] == DEFAULT_CONFIDENCE
    assert figures["relations"]["items"] >= 2
    assert 0 <= figures["relations"]["ece"] <= 1
    assert "role" in report["rules"]["relations"]
    fitted = load_table(table)
    assert fitted["fitted"]["articles"] == 2
    assert fitted["relations"]["support"]["role"][1] >= 2
