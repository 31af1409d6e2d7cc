"""A small invented corpus for resolution and judgement tests (written for the project).

Fictional actors, so that no knowledge pack decides for the resolver: the Free Coast
Movement and the Coastal Liberation Front are one actor that the machine keeps apart;
two men called Ardan Kovar are different people that the machine merges; "Kovar" alone
is a review candidate for Ardan Kovar.
"""

from __future__ import annotations

from linkchart.model import Attribution, DocExtraction, Document, Entity, Event, Relation

TEXTS = {
    "d1": ("Valoria backs the Northern Shield Brigade, officials said. Ardan Kovar, the "
           "brigade's commander, met the Free Coast Movement in Port Selin."),
    "d2": ("The Coastal Liberation Front attacked Port Selin on Monday, killing four. "
           "Ardan Kovar, a fisherman, said the Northern Shield Brigade did nothing."),
    "d3": ("Kovar spoke in Port Selin. The Coastal Post reported that the Harbour Guard "
           "answers to Valoria."),
    "d4": ("The Harbour Guard and the Northern Shield Brigade fought near Port Selin. "
           "Valoria denied it."),
}
PUBLISHED = {"d1": "2021-03-01", "d2": "2021-04-02", "d3": "2021-05-03", "d4": "2021-06-04"}


def _span(doc: str, text: str) -> tuple[int, int]:
    start = TEXTS[doc].index(text)
    return start, start + len(text)


def _relation(doc, kind, source, target, evidence, **extra) -> Relation:
    return Relation(kind, source, target, evidence, *_span(doc, evidence), **extra)


def corpus(renumber: bool = False) -> list[DocExtraction]:
    """The four documents; `renumber` gives every local id another name, as a
    re-extraction by a newer pipeline may."""
    def lid(n: int) -> str:
        return f"x{10 + n}" if renumber else f"e{n}"

    def doc(doc_id: str) -> Document:
        return Document(id=doc_id, text=TEXTS[doc_id], outlet=f"Outlet {doc_id}",
                        published=PUBLISHED[doc_id])

    d1 = DocExtraction(doc("d1"), entities=[
        Entity(lid(1), "Valoria", "country"),
        Entity(lid(2), "Northern Shield Brigade", "armed_group"),
        Entity(lid(3), "Ardan Kovar", "person"),
        Entity(lid(4), "Free Coast Movement", "armed_group"),
        Entity(lid(5), "Port Selin", "location"),
    ], relations=[
        _relation("d1", "supports", lid(1), lid(2), "Valoria backs the Northern Shield Brigade",
                  attribution="a1"),
        _relation("d1", "leads", lid(3), lid(2), "Ardan Kovar, the brigade's commander"),
    ], attributions=[
        Attribution("a1", None, "officials", "anonymous", "said",
                    "Valoria backs the Northern Shield Brigade", False,
                    *_span("d1", "Valoria backs the Northern Shield Brigade")),
    ])
    d2 = DocExtraction(doc("d2"), entities=[
        Entity(lid(1), "Coastal Liberation Front", "armed_group"),
        Entity(lid(2), "Port Selin", "location"),
        Entity(lid(3), "Ardan Kovar", "person"),
        Entity(lid(4), "Northern Shield Brigade", "armed_group"),
    ], events=[
        Event("v1", "ASSAULT", "The Coastal Liberation Front attacked Port Selin on Monday",
              *_span("d2", "The Coastal Liberation Front attacked Port Selin on Monday"),
              date="2021-03-29", location=lid(2), actors=[lid(1)], fatalities=4),
    ])
    d3 = DocExtraction(doc("d3"), entities=[
        Entity(lid(1), "Kovar", "person"),
        Entity(lid(2), "Port Selin", "location"),
        Entity(lid(3), "Coastal Post", "media"),
        Entity(lid(4), "Harbour Guard", "armed_group"),
        Entity(lid(5), "Valoria", "country"),
    ], relations=[
        _relation("d3", "controls", lid(5), lid(4), "the Harbour Guard answers to Valoria"),
    ])
    d4 = DocExtraction(doc("d4"), entities=[
        Entity(lid(1), "Harbour Guard", "armed_group"),
        Entity(lid(2), "Northern Shield Brigade", "armed_group"),
        Entity(lid(3), "Port Selin", "location"),
        Entity(lid(4), "Valoria", "country"),
    ], relations=[
        _relation("d4", "opposes", lid(1), lid(2),
                  "The Harbour Guard and the Northern Shield Brigade fought"),
    ])
    return [d1, d2, d3, d4]
