"""Two camps of fictional actors that one go-between ties together, written without the
NLP pipeline so that the graph analyses have a known shape."""

from __future__ import annotations

from linkchart.model import Attribution, DocExtraction, Document, Entity, Relation

CAMPS = {
    "east": ["Amber Legion", "Copper Guard", "Dune Riders"],
    "west": ["Emerald Front", "Frost Battalion", "Granite Column"],
}
GO_BETWEEN = "Harlan Voss"


def _doc(n: int, a: str, b: str, kind: str, outlet: str, anonymous: bool) -> DocExtraction:
    text = f"{a} is allied with {b}, {'officials said' if anonymous else 'the ministry said'}."
    doc = Document(f"camp{n}", text, f"{a} and {b}", outlet, f"2022-0{1 + n % 9}-15")
    who = "officials" if anonymous else "the ministry"
    said = Attribution("a1", None if anonymous else "e3", who,
                       "anonymous" if anonymous else "named_org", "said",
                       text[:text.index(",")], False, 0, text.index(","))
    entities = [Entity("e1", a, "person" if a == GO_BETWEEN else "armed_group", [],
                       mentions=[(0, len(a))]),
                Entity("e2", b, "armed_group", [],
                       mentions=[(text.index(b), text.index(b) + len(b))])]
    if not anonymous:
        start = text.index("the ministry")
        entities.append(Entity("e3", "Ministry of Defence", "government", [],
                               mentions=[(start, start + len("the ministry"))]))
    relation = Relation(kind, "e1", "e2", text[:text.index(",")], 0, text.index(","),
                        attribution="a1")
    return DocExtraction(doc, entities, [relation], [], [said])


def two_camps() -> list[DocExtraction]:
    """Each camp allied within itself; the go-between allied with one group of each. The
    east camp's ties rest on anonymous officials, the west camp's on the ministry."""
    found, n = [], 0
    for camp, members in CAMPS.items():
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                n += 1
                found.append(_doc(n, a, b, "allied_with", f"{camp.title()} Daily",
                                  anonymous=camp == "east"))
    for member in (CAMPS["east"][0], CAMPS["west"][0]):
        n += 1
        found.append(_doc(n, GO_BETWEEN, member, "allied_with", "Neutral Review", False))
    return found
