import json
from pathlib import Path

import pytest

from linkchart.model import DocExtraction, Document, Entity, Relation
from linkchart.resolve import resolve
from linkchart.store import Store

SAMPLE = Path(__file__).parents[1] / "store" / "data" / "sample.json"
AWKWARD = ("Smith & Sons <Ltd> \"Holdings\" owns the Port Selin docks, "
           "the Northern Shield Brigade said.")


def sample() -> list[DocExtraction]:
    extractions = [DocExtraction.from_json(item["extraction"], item["text"])
                   for item in json.loads(SAMPLE.read_text("utf-8"))]
    awkward = DocExtraction(
        Document(id="d5", text=AWKWARD, outlet="Coastal Post", published="2022-02"),
        entities=[Entity("e1", 'Smith & Sons <Ltd> "Holdings"', "company"),
                  Entity("e2", "Northern Shield Brigade", "armed_group")],
        relations=[Relation("controls", "e2", "e1", AWKWARD[:AWKWARD.index(" owns")], 0,
                            AWKWARD.index(" owns"))])
    return extractions + [awkward]


def open_loaded(url: str) -> Store:
    store = Store.open(url, resolver=resolve)
    store.add_extractions(sample())
    return store


@pytest.fixture
def extractions() -> list[DocExtraction]:
    return sample()


@pytest.fixture
def load():
    return open_loaded


@pytest.fixture
def loaded(tmp_path):
    with open_loaded(str(tmp_path / "chart.db")) as store:
        yield store
