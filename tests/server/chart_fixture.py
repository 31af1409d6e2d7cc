"""A small chart written for the server tests (fictional actors), built without the NLP
pipeline so that its ids, dates and sources are known exactly."""

from __future__ import annotations

from linkchart.model import Attribution, DocExtraction, Document, Entity, Event, Relation


def _at(text: str, phrase: str) -> tuple[str, int, int]:
    start = text.index(phrase)
    return phrase, start, start + len(phrase)


def _entity(text: str, local: str, name: str, type: str, aliases=()) -> Entity:
    mentions = []
    for form in (name, *aliases):
        start = text.find(form)
        while start >= 0:
            mentions.append((start, start + len(form)))
            start = text.find(form, start + len(form))
    return Entity(local, name, type, list(aliases), mentions=sorted(mentions))


def _relation(text: str, type: str, source: str, target: str, phrase: str, **extra) -> Relation:
    evidence, start, end = _at(text, phrase)
    return Relation(type, source, target, evidence, start, end, **extra)


def _said(text: str, local: str, source, source_text: str, kind: str, cue: str,
          content: str, direct: bool = False) -> Attribution:
    said, start, end = _at(text, content)
    return Attribution(local, source, source_text, kind, cue, said, direct, start, end)


def chart() -> list[DocExtraction]:
    found = []

    text = ("The Northern Shield Brigade, a militia backed by Valoria, attacked positions of the "
            "Free Coast Movement near Port Selin on Sunday, killing four fighters, officials said.")
    doc = Document("d1", text, "Militia attacks rivals near Port Selin", "Meridian Times",
                   "2021-03-01", "https://example.org/meridian/1")
    said = _said(text, "a1", None, "officials", "anonymous", "said",
                 text[:text.index(", officials said")])
    event_text, start, end = _at(text, "attacked positions of the Free Coast Movement near "
                                       "Port Selin on Sunday, killing four fighters")
    found.append(DocExtraction(doc, [
        _entity(text, "e1", "Northern Shield Brigade", "armed_group"),
        _entity(text, "e2", "Valoria", "country"),
        _entity(text, "e3", "Free Coast Movement", "armed_group"),
        _entity(text, "e4", "Port Selin", "location")],
        [_relation(text, "supports", "e2", "e1", "a militia backed by Valoria", attribution="a1")],
        [Event("v1", "ASSAULT", event_text, start, end, mode="firearms", date="2021-02-28",
               date_text="on Sunday", location="e4", actors=["e1"], recipients=["e3"],
               fatalities=4, attribution="a1")],
        [said]))

    text = ("Valoria continues to arm the Northern Shield Brigade (NSB), the Coastal Post has "
            "learned.")
    doc = Document("d2", text, "Valoria arms the NSB", "Coastal Post", "2021-03-05")
    found.append(DocExtraction(doc, [
        _entity(text, "e1", "Valoria", "country"),
        _entity(text, "e2", "Northern Shield Brigade", "armed_group", ["NSB"])],
        [_relation(text, "supports", "e1", "e2", "Valoria continues to arm the Northern Shield "
                                                  "Brigade")]))

    text = ("Sources close to the movement said the Harbour Workers' Union funds the Free Coast "
            "Movement.")
    doc = Document("d3", text, "Who pays the movement", "Harbour Gazette", "2022-06-10")
    found.append(DocExtraction(doc, [
        _entity(text, "e1", "Harbour Workers' Union", "organization"),
        _entity(text, "e2", "Free Coast Movement", "armed_group")],
        [_relation(text, "supports", "e1", "e2", "the Harbour Workers' Union funds the Free "
                                                  "Coast Movement", attribution="a1")],
        attributions=[_said(text, "a1", None, "Sources close to the movement", "anonymous",
                            "said", "the Harbour Workers' Union funds the Free Coast Movement")]))

    text = ('The Free Coast Movement denied any link to the Northern Shield Brigade. Its leader '
            'Mira Dace said: "We fight the brigade."')
    doc = Document("d4", text, "Movement denies link", "Meridian Times", "2022-07-01")
    found.append(DocExtraction(doc, [
        _entity(text, "e1", "Free Coast Movement", "armed_group"),
        _entity(text, "e2", "Northern Shield Brigade", "armed_group"),
        _entity(text, "e3", "Mira Dace", "person")],
        [_relation(text, "affiliated_with", "e1", "e2", "The Free Coast Movement denied any "
                   "link to the Northern Shield Brigade", negated=True),
         _relation(text, "leads", "e3", "e1", "Its leader Mira Dace"),
         _relation(text, "opposes", "e1", "e2", "We fight the brigade", attribution="a1")],
        attributions=[_said(text, "a1", "e3", "Mira Dace", "named_person", "said",
                            "We fight the brigade", direct=True)]))

    text = ("The <b>bold</b> claim: <script>alert(1)</script> Valoria backs the Free Coast "
            "Movement, the Harbour Gazette reported.")
    doc = Document("d5", text, "A <script>alert('t')</script> headline", "Harbour Gazette",
                   "2023-01-02")
    found.append(DocExtraction(doc, [
        _entity(text, "e1", "Valoria", "country"),
        _entity(text, "e2", "Free Coast Movement", "armed_group")],
        [_relation(text, "supports", "e1", "e2", "Valoria backs the Free Coast Movement")]))
    return found
