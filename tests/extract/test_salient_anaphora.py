"""References across sentences on texts written for the project: an anaphor that opens a
sentence continues the previous sentence's subject, not merely the nearest name."""

import pytest

from linkchart.config import Config
from linkchart.model import Document
from linkchart.pipeline import extract_documents


@pytest.fixture(scope="module")
def relations_of():
    config = Config()

    def extract(text: str) -> set[tuple[str, str, str]]:
        document = Document(id="t", text=text, published="2024-03-01")
        extraction = next(extract_documents([document], config))
        names = {e.id: e.name for e in extraction.entities}
        return {(r.type, names[r.source], names[r.target]) for r in extraction.relations}

    return extract


def test_its_wing_belongs_to_the_subject_before_not_the_nearest_country(relations_of):
    found = relations_of("Hamas, which rules the Gaza Strip, is backed by Iran and Qatar. "
                         "Its military wing, the Qassam Brigades, fired rockets at Israel.")
    assert ("part_of", "Qassam Brigades", "Hamas") in found
    assert not any(s == "Qassam Brigades" and t == "Qatar" for _, s, t in found)


def test_the_group_and_it_continue_the_topic_of_an_encyclopedia_entry(relations_of):
    found = relations_of(
        "Kataib Sayyid al-Shuhada is an Iraqi Shia militia. It receives training from "
        "Iran's Quds Force. The group was founded in 2013 by Abu Alaa al-Walai, who has "
        "led it since then. It is allied with Asaib Ahl al-Haq.")
    assert ("leads", "Abu Alaa al-Walai", "Kataib Sayyid al-Shuhada") in found
    assert ("allied_with", "Kataib Sayyid al-Shuhada", "Asaib Ahl al-Haq") in found
    assert not any(s == "Abu Alaa al-Walai" and t == "Quds Force" for _, s, t in found)
    assert not any(t == "Asaib Ahl al-Haq" and s == "Quds Force" for _, s, t in found)
