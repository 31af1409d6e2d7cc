"""Wire copies: one agency story printed by several outlets is found (MinHash), linked to
the first stored, and counted as one independent source; an outlet's own report of the
same event is not a copy. Texts written for these tests."""

from __future__ import annotations

from linkchart.model import DocExtraction, Document, Entity, Relation
from linkchart.server import views
from linkchart.store import minhash
from linkchart.store.copies import COPY_SIMILARITY

TIE = "Marta Olsen, the chair of the Northern Fishers Union,"
STORY = [
    f"{TIE} said on Monday that boats from four villages would stay in port until the "
    "regional council reopened talks on the winter quota.",
    "The union says the quota was cut by a third without warning and that most crews "
    "cannot pay their loans if the cut stands through the spring.",
    "A council spokesman said the figures came from the marine survey published in "
    "October and that the council would study any new evidence the fishers bring.",
    "Several hundred people gathered on the quay at Selvik in the afternoon, where "
    "speakers called for an independent review of the survey and its methods.",
    "The harbour master said that ferries and supply ships were not affected and that "
    "the port would stay open to all other traffic during the protest.",
]
OWN_REPORT = (
    f"Fishing crews kept their boats tied up along the coast this week. {TIE} told our "
    "reporter the protest would go on as long as needed. At Selvik, nets lay folded on "
    "the quay while families handed out soup and leaflets about the quota. Council "
    "members, asked about the dispute, declined to give a date for new talks, and one "
    "of them said the survey had been checked twice by outside scientists before it "
    "was released to the public in the autumn.")


def _copy(edited: bool) -> str:
    paragraphs = STORY[:-1] if edited else STORY
    lead = "SELVIK (Agency) - " if edited else ""
    extra = ["Our correspondent adds that the last strike of this kind, ten years ago, "
             "lasted nine days."] if edited else []
    return lead + "\n\n".join(paragraphs + extra)


def _extraction(doc_id: str, text: str, outlet: str | None) -> DocExtraction:
    start = text.index(TIE)
    end = start + len(TIE)
    return DocExtraction(
        Document(doc_id, text, outlet=outlet, published="2026-01-12"),
        [Entity("e1", "Marta Olsen", "person"),
         Entity("e2", "Northern Fishers Union", "organization")],
        [Relation("leads", "e1", "e2", TIE, start, end)])


def test_an_edited_copy_is_close_and_an_own_report_is_not():
    original = minhash.signature("\n\n".join(STORY))
    assert minhash.similarity(original, minhash.signature(_copy(True))) >= COPY_SIMILARITY
    assert minhash.similarity(original, minhash.signature(OWN_REPORT)) < 0.1
    assert minhash.signature("Too short to judge.") is None


def _tie(store):
    tie, = store.ties()
    relation, = store.relations()
    assert views.tie_edge(tie) == views.lean(views.relation_edge(relation))
    return tie


def test_copies_count_with_their_original(store):
    store.add_extractions([_extraction("agency", "\n\n".join(STORY), "Nordic Wire"),
                           _extraction("daily", _copy(True), "Harbour Daily")])
    store.add_extractions([_extraction("post", _copy(True) + " Updated.", "Coastal Post"),
                           _extraction("herald", OWN_REPORT, "Island Herald")])
    assert [c["id"] for c in store.wire_copies("agency")] == ["daily", "post"]
    assert store.wire_copies("herald") == []
    tie = _tie(store)
    assert (tie["sources"], tie["document_count"]) == (2, 4)
    totals = store.entity_card(tie["source"])["totals"]
    assert (totals["documents"], totals["outlets"]) == (4, 2)


def test_a_copy_of_an_outlet_less_original_counts_as_that_document(store):
    store.add_extractions([_extraction("bulletin", "\n\n".join(STORY), None),
                           _extraction("daily", _copy(True), "Harbour Daily"),
                           _extraction("weekly", _copy(False) + " More.", "Valley Weekly")])
    assert _tie(store)["sources"] == 1


def test_replacing_the_original_makes_its_copies_sources_again(store):
    store.add_extractions([_extraction("agency", "\n\n".join(STORY), "Nordic Wire"),
                           _extraction("daily", _copy(True), "Harbour Daily")])
    assert _tie(store)["sources"] == 1
    store.add_extractions([_extraction("agency", OWN_REPORT, "Nordic Wire")])
    assert store.wire_copies("agency") == []
    assert _tie(store)["sources"] == 2
