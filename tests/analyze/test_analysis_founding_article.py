"""Issue 13's test on the founding article alone, through `linkchart analyze --json`:
the conflicting meetings, the fronts, the chain of command and the casualty dispute."""

from __future__ import annotations

import json
import shutil

import pytest
from typer.testing import CliRunner

from linkchart.cli import app
from shared_data import shared_path

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def founding_db(tmp_path_factory):
    article = next(shared_path("corpus", "articles").glob("000_*.txt"))
    folder = tmp_path_factory.mktemp("founding")
    shutil.copy(article, folder / article.name)
    db = str(folder / "founding.db")
    result = CliRunner().invoke(app, ["ingest", str(folder / article.name), "--db", db])
    assert result.exit_code == 0, result.output
    return db


def analyze(db: str, kind: str, *options: str) -> list[dict]:
    result = CliRunner().invoke(app, ["analyze", kind, "--db", db, "--json", *options])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_directives_tehran_meeting_against_beirut_meeting(founding_db):
    found = analyze(founding_db, "directives")
    pair = next(f for f in found if f["escalate"]["channel"] == "meeting in Tehran")
    assert pair["escalate"]["issuer"]["name"] == "Asghar Hejazi"
    assert pair["calm"]["issuer"]["name"] == "Hassan Nasrallah"
    assert pair["calm"]["channel"] == "meeting in Beirut"
    assert "calm" in pair["calm"]["content"]
    assert {"Abu Fadak"} <= {a["name"] for a in pair["escalate"]["addressees"]}
    assert any("commanders familiar" in e["source_text"] for e in pair["evidence"])


def test_fronts_of_the_known_factions(founding_db):
    found = {f["front"]["name"]: f for f in analyze(founding_db, "fronts")}
    for name in ("guardians of blood", "people of the cave"):
        assert "known factions" in found[name]["known_groups"][0]["name"]
        assert any("fake" in e["text"] for e in found[name]["evidence"])


def test_chains_from_khamenei_through_hejazi(founding_db):
    chains = {tuple(p["name"] for p in [f["principal"], *f["intermediaries"], f["agent"]])
              for f in analyze(founding_db, "chains")}
    for group in ("Kataeb Hezbollah", "Asaib Ahl al-Haq"):
        assert ("Ali Khamenei", "Asghar Hejazi", group) in chains
    # Hejazi is "in charge of the Beit Rahbari agency": the agency is his channel
    assert ("Ali Khamenei", "Asghar Hejazi", "Beit Rahbari") in chains


def test_principals_of_kataeb_hezbollah(founding_db):
    found = analyze(founding_db, "principals", "--entity", "Kataeb Hezbollah")
    assert {"Asghar Hejazi", "Ali Khamenei"} <= {f["principal"]["name"] for f in found}


def test_contradiction_on_casualties(founding_db):
    found = analyze(founding_db, "contradictions")
    dispute = next(f for f in found if f["about"] == "casualties")
    assert [s["source_text"] for s in dispute["sides"]] == ["The Iraqi military",
                                                            "the Pentagon"]
    assert "did not cause any casualties" in dispute["sides"][0]["content"]
    assert "contractor had died" in dispute["sides"][1]["content"]


def test_text_output_lists_findings_with_their_quotes(founding_db):
    result = CliRunner().invoke(app, ["analyze", "fronts", "--db", founding_db])
    assert result.exit_code == 0 and "guardians of blood" in result.output
    assert "Middle East Eye" in result.output or "specialist" in result.output
    bad = CliRunner().invoke(app, ["analyze", "nothing", "--db", founding_db])
    assert bad.exit_code == 2
