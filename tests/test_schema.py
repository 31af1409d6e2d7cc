"""The shipped linkchart/1 JSON Schema accepts the gold annotations and rejects bad shapes."""

import json
from pathlib import Path

import jsonschema
import pytest

from shared_data import shared_path

SCHEMA = json.loads((Path(__file__).resolve().parents[1] / "src" / "linkchart" / "schema"
                     / "linkchart-1.json").read_text())


def test_gold_annotations_validate():
    gold = sorted(shared_path("corpus", "gold").glob("*.json"))
    assert gold
    for path in gold:
        jsonschema.validate(json.loads(path.read_text()), SCHEMA)


@pytest.mark.parametrize("broken", [
    {"entities": [{"id": "e1", "name": "X", "type": "militia"}]},
    {"relations": [{"type": "funds", "source": "e1", "target": "e2", "evidence": "x"}]},
    {"events": [{"id": "v1", "type": "ASSAULT", "evidence": "x", "date": "29/12/2019"}]},
])
def test_schema_rejects_unknown_types_and_dates(broken):
    document = {"format": "linkchart/1", "document": {"id": "1"}, "entities": [],
                "relations": [], "events": [], "attributions": [], **broken}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, SCHEMA)
