"""`linkchart extract` on the founding article: a valid linkchart/1 document with all
four layers, every string an exact substring of the body."""

import json
from pathlib import Path

import jsonschema
import pytest
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


# ---------------------------------------------------------------- the article's facts
# Issue 12: who did what to whom, when, and who says so, on the founding article.

@pytest.fixture(scope="module")
def founding():
    from linkchart.config import Config
    from linkchart.evaluate.runner import read_article
    from linkchart.pipeline import extract_documents

    article = next(shared_path("corpus", "articles").glob("000_*.txt"))
    extraction = next(extract_documents([read_article(article)], Config()))
    names = {e.id: e.name for e in extraction.entities}
    return extraction, names


def _events(extraction, names, event_type):
    return [(e, {names[a] for a in e.actors}, {names[r] for r in e.recipients})
            for e in extraction.events if e.type == event_type]


def test_the_3_january_killings_befell_soleimani_and_muhandis(founding):
    extraction, names = founding
    assaults = _events(extraction, names, "ASSAULT")
    killing = [(e, actors, recipients) for e, actors, recipients in assaults
               if {"Qassem Soleimani", "Abu Mahdi al-Muhandis"} <= recipients]
    assert len(killing) == 1, [(e.evidence, r) for e, _, r in assaults]
    event, actors, _ = killing[0]
    assert actors == {"United States"} and event.date == "2020-01-03"
    assert not any("Qassem Soleimani" in actors for _, actors, _ in assaults)
    invasion = [r for e, _, r in assaults if e.date == "2003"]
    assert invasion and not invasion[0] & {"Qassem Soleimani", "Abu Mahdi al-Muhandis"}


def test_both_28_february_meetings_and_what_each_urged(founding):
    extraction, names = founding
    meetings = {frozenset(actors): (e, recipients)
                for e, actors, recipients in _events(extraction, names, "CONSULT")
                if e.date == "2021-02-28"}
    assert set(meetings) == {frozenset({"Asghar Hejazi"}), frozenset({"Hassan Nasrallah"})}
    tehran, invited = meetings[frozenset({"Asghar Hejazi"})]
    assert "Abu Fadak" in invited and names[tehran.location] in ("Tehran", "Iran")
    beirut, _ = meetings[frozenset({"Hassan Nasrallah"})]
    assert names[beirut.location] == "Beirut"
    urged = {frozenset(actors): e.content
             for e, actors, _ in _events(extraction, names, "REQUEST")}
    assert urged[frozenset({"Hassan Nasrallah"})].startswith("calm and no escalation")
    assert urged[frozenset({"Iran"})] == "the opposite"


def test_the_3_march_missile_attack_on_ain_al_assad(founding):
    extraction, names = founding
    attacks = [e for e, _, _ in _events(extraction, names, "ASSAULT") if e.date == "2021-03-03"]
    assert [(names[e.location], e.mode) for e in attacks] == [("Ain al-Assad", "missile")]


def test_the_sources_of_the_quotes(founding):
    extraction, _ = founding
    leader = next(a for a in extraction.attributions
                  if a.content.startswith("The supreme leader is trying to regain"))
    assert leader.source_kind == "anonymous" and leader.source is None
    specialist = [a for a in extraction.attributions if "specialist" in a.source_text]
    assert len(specialist) >= 4 and all(a.source_kind == "anonymous" for a in specialist)
    assert not any("campaign" in a.source_text for a in extraction.attributions)
    assert "guardians of blood" not in {a.content for a in extraction.attributions}


def test_the_last_three_services_answer_to_khamenei(founding):
    extraction, names = founding
    controlled = {names[r.target] for r in extraction.relations
                  if r.type == "controls" and names[r.source] == "Ali Khamenei"}
    assert {"Beit Rahbari", "Revolutionary Guards Corps"} <= controlled
    assert "Ministry of Intelligence and National Security" not in controlled
