"""A pack given to one run reaches resolution through the entities' `actor`."""

from linkchart.config import Config
from linkchart.model import DocExtraction, Document
from linkchart.pipeline import extract_documents
from linkchart.resolve import resolve

PACK = """\
pack: fictional
description: An armed group invented for this test.
source: Written for the linkchart test suite.
actors:
  - {name: Northern Lantern Brigade, type: armed_group, aliases: [Liwa al-Fanar]}
"""


def test_aliases_from_a_run_pack_resolve_to_one_actor(tmp_path):
    pack = tmp_path / "fictional.yaml"
    pack.write_text(PACK)
    documents = [
        Document(id="a", text="The Northern Lantern Brigade attacked a convoy near Mosul.",
                 published="2024-05-01"),
        Document(id="b", text="Liwa al-Fanar denied attacking the convoy, a spokesman said.",
                 published="2024-05-02")]
    extractions = list(extract_documents(documents, Config(packs=[pack])))
    group = [_entity(x, "armed_group") for x in extractions]
    assert [e.actor for e in group] == ["Northern Lantern Brigade"] * 2
    assert group[0].name != group[1].name
    mapping = resolve(extractions)
    assert mapping[("a", group[0].id)] == mapping[("b", group[1].id)]


def test_actor_round_trips_through_linkchart_json(tmp_path):
    pack = tmp_path / "fictional.yaml"
    pack.write_text(PACK)
    document = Document(id="a", text="The Northern Lantern Brigade attacked a convoy.")
    extraction = next(extract_documents([document], Config(packs=[pack])))
    again = DocExtraction.from_json(extraction.to_json(), document.text)
    assert _entity(again, "armed_group").actor == "Northern Lantern Brigade"


def _entity(extraction, kind):
    return next(e for e in extraction.entities if e.type == kind)
