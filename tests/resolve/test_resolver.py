from linkchart.model import DocExtraction, Document, Entity
from linkchart.resolve import MemoryLookup, compatible, resolve


def doc(doc_id, *entities):
    return DocExtraction(Document(id=doc_id, text=""), entities=list(entities))


def test_same_key_and_type_is_one_entity():
    mapping = resolve([
        doc("a", Entity("e1", "Kataib Hezbollah", "armed_group"), Entity("e2", "Iran", "country")),
        doc("b", Entity("e1", "Kata'ib Hezbollah", "armed_group"), Entity("e2", "Iraq", "country")),
    ])
    assert mapping == {("a", "e1"): "E1", ("a", "e2"): "E2", ("b", "e1"): "E1",
                       ("b", "e2"): "E3"}


def test_aliases_link_documents():
    mapping = resolve([
        doc("a", Entity("e1", "Kataib Hezbollah", "armed_group", aliases=["KH"])),
        doc("b", Entity("e1", "KH", "armed_group")),
        doc("c", Entity("e1", "Hezbollah Brigades", "armed_group", aliases=["KH"])),
    ])
    assert set(mapping.values()) == {"E1"}


def test_type_compatibility():
    assert compatible("armed_group", "organization")
    assert compatible("security_agency", "government")
    assert not compatible("person", "organization")
    assert not compatible("country", "location")
    mapping = resolve([
        doc("a", Entity("e1", "Badr", "armed_group")),
        doc("b", Entity("e1", "Badr", "political_party"), Entity("e2", "Badr", "person")),
        doc("c", Entity("e1", "Georgia", "country"), Entity("e2", "Georgia", "location")),
    ])
    assert mapping[("b", "e1")] == mapping[("a", "e1")] == "E1"
    assert mapping[("b", "e2")] == "E2"
    assert mapping[("c", "e1")] != mapping[("c", "e2")]


def test_identical_type_preferred_over_compatible():
    lookup = MemoryLookup(start=8)
    lookup.learn("badr", ("E7", "organization"))
    lookup.learn("badr", ("E3", "political_party"))
    mapping = resolve([doc("a", Entity("e1", "Badr", "political_party"))], lookup)
    assert mapping == {("a", "e1"): "E3"}


def test_lookup_remembers_between_calls_and_ids_only_grow():
    lookup = MemoryLookup()
    first = resolve([doc("a", Entity("e1", "Quds Force", "security_agency"))], lookup)
    second = resolve([doc("b", Entity("e1", "the Quds Force", "security_agency"),
                          Entity("e2", "Tehran", "location"))], lookup)
    assert first[("a", "e1")] == second[("b", "e1")] == "E1"
    assert second[("b", "e2")] == "E2"
    assert lookup.new_id() == "E3"


def test_empty_names_never_match():
    mapping = resolve([doc("a", Entity("e1", "...", "organization")),
                       doc("b", Entity("e1", "...", "organization"))])
    assert mapping[("a", "e1")] != mapping[("b", "e1")]


def test_resolve_against_a_store_lookup(tmp_path):
    from linkchart.store import Store
    from linkchart.store.lookup import StoreLookup

    with Store.open(str(tmp_path / "chart.db"), resolver=resolve) as store:
        store.add_extractions([DocExtraction(
            Document(id="a", text="Badr and the Quds Force."),
            entities=[Entity("e1", "Badr", "armed_group"),
                      Entity("e2", "Quds Force", "security_agency")])])
        with store.engine.connect() as conn:
            mapping = resolve([doc("b", Entity("e1", "the Quds Force", "security_agency"),
                                   Entity("e2", "Kataib Hezbollah", "armed_group"))],
                              StoreLookup(conn))
    assert mapping == {("b", "e1"): "E2", ("b", "e2"): "E3"}
