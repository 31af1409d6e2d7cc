"""Name matching across documents: transliteration, packs, acronyms, types."""

import pytest

from linkchart.resolve import MemoryLookup, Resolver, resolve
from linkchart.names.keys import PackIndex, Profile, blocking_keys, kind
from linkchart.resolve.matching import compare
from linkchart.names.normalise import initials, is_descriptor, name_tokens, skeleton
from linkchart.model import DocExtraction, Document, Entity

NO_PACKS = PackIndex()


def profile(name, type_="person", aliases=(), pack=None):
    return Profile("x", name, type_, list(aliases), pack)


@pytest.mark.parametrize("a, b, type_", [
    ("Qassem Soleimani", "Qasem Suleimani", "person"),
    ("Qassem Soleimani", "Gen. Qassem Soleimani", "person"),
    ("Abu Mahdi al-Muhandis", "Abu Mahdi al-Mohandes", "person"),
    ("Moqtada al-Sadr", "Muqtada as-Sadr", "person"),
    ("Sergey Lavrov", "Sergei Lavrov", "person"),
    ("Ayman al-Zawahiri", "Ayman al-Zawahri", "person"),
    ("Esmail Qaani", "Ismail Ghaani", "person"),
    ("Joaquín Guzmán", "Joaquin Guzman", "person"),
    ("Haibatullah Akhundzada", "Haibatullah Akhundzadah", "person"),
    ("Kataib Hezbollah", "Kataeb Hezbollah", "armed_group"),
    ("Kataib Hezbollah", "Kata'ib Hizballah", "armed_group"),
    ("Hashd al-Shaabi", "Hashd al-Sha’abi", "armed_group"),
    ("al-Qaeda", "al-Qaida", "armed_group"),
    ("Asaib Ahl al-Haq", "Asa'ib Ahl al Haq", "armed_group"),
])
def test_transliteration_variants_match(a, b, type_):
    match = compare(profile(a, type_), profile(b, type_))
    assert match.score >= 0.9 and not match.partial, match


def test_titles_are_stripped_for_matching_but_kept_for_display():
    assert name_tokens("Maj. Gen. Qassem Soleimani", person=True) == ("qassem", "soleimani")
    assert name_tokens("Grand Ayatollah Ali al-Sistani", person=True) == ("ali", "sistani")
    assert name_tokens("Kataeb Sayyid al-Shuhada") == ("kataeb", "sayyid", "shuhada")
    assert skeleton("Qasem Suleimani", person=True) == skeleton("Qassem Soleimani", person=True)


@pytest.mark.parametrize("a, b", [
    ("Hezbollah", "Kataib Hezbollah"),
    ("al-Qaeda", "al-Qaeda in the Arabian Peninsula"),
    ("Islamic State", "Islamic State in Libya"),
    ("Taliban", "Pakistani Taliban"),
])
def test_a_name_inside_another_is_another_organisation(a, b):
    match = compare(profile(a, "armed_group"), profile(b, "armed_group"))
    assert match.score < 0.65


def test_packs_tell_actors_apart_and_together():
    packs = PackIndex.bundled()
    hezbollah = packs.actor("Hezbollah", "armed_group")
    kh = packs.actor("Kataeb Hezbollah", "armed_group")
    assert kh and hezbollah and kh != hezbollah
    assert packs.actor("KH", "armed_group") == packs.actor("Kata'ib Hizballah", "armed_group") == kh
    assert packs.actor("AQAP", "armed_group") != packs.actor("al-Qaeda", "armed_group")
    same = compare(profile("KH", "armed_group", pack=kh),
                   profile("Kataib Hezbollah", "armed_group", pack=kh))
    assert same.score >= 0.99 and "pack" in same.reasons[0]
    apart = compare(profile("Lebanese Hezbollah", "armed_group", pack=hezbollah),
                    profile("Kataib Hezbollah", "armed_group", aliases=["Hezbollah"], pack=kh))
    assert apart.score == 0


def test_kinds_never_match():
    for a, b in (("person", "armed_group"), ("person", "country"), ("government", "location")):
        assert compare(profile("Badr", a), profile("Badr", b)).score == 0
    assert kind("security_agency") == kind("political_party") == "organisation"
    # organisation subtypes may merge, at a small cost
    assert compare(profile("Badr", "armed_group"), profile("Badr", "political_party")).score > 0.9


def test_a_capital_alias_does_not_pull_the_city_into_the_country():
    city = profile("Baghdad", "location")
    country = profile("Iraq", "country", aliases=["Baghdad"])
    assert compare(city, country).score < 0.65
    assert PackIndex.bundled().actor("Washington", "location") is None


def test_acronyms_need_a_pack_or_context():
    pa = compare(profile("PA", "government"), profile("PA", "government"))
    assert pa.partial and pa.score < 0.9
    expansion = compare(profile("KH", "armed_group"), profile("Kataib Hezbollah", "armed_group"))
    assert expansion.partial and expansion.score < 0.9
    assert initials("al-Qaeda in the Arabian Peninsula") == "aqap"


def test_descriptors_and_short_forms_link_nothing_across_documents():
    assert is_descriptor("the army") and is_descriptor("Army") and is_descriptor("regime")
    assert not is_descriptor("Iraqi army")
    assert compare(profile("army", "security_agency"),
                   profile("Iraqi army", "security_agency", aliases=["army"])).score == 0
    # one-word aliases inside the name: "Washington" of "Washington Times"
    times = profile("Washington Times", "media", aliases=["Washington"])
    institute = profile("Washington Institute", "organization", aliases=["Washington"])
    assert compare(times, institute).score < 0.65
    hamed = profile("Nura al-Hamed", aliases=["Hamed"])
    hamdi = profile("Mongi Hamdi", aliases=["Hamdi"])
    assert compare(hamed, hamdi).score < 0.65


def test_surnames_are_partial():
    match = compare(profile("Soleimani"), profile("Qassem Soleimani"))
    assert match.partial and 0.7 <= match.score < 0.9
    assert compare(profile("Qassem"), profile("Qassem Soleimani")).score < 0.65


def test_blocking_keys():
    keys = blocking_keys(profile("Qasem Suleimani", aliases=["Gen. Suleimani", "the general"]))
    assert "qasem suleimani" in keys and "x:ksm slmn" in keys and "s:slmn" in keys
    assert not any("general" in k for k in keys if k.startswith(("x:", "s:")))
    org = blocking_keys(profile("Kataib Hezbollah", "armed_group", pack="Kataib Hezbollah"))
    assert "k:kataib hezbollah" in org and "i:kh" in org


def doc(doc_id, *entities):
    return DocExtraction(Document(id=doc_id, text=""), entities=list(entities))


def test_resolver_merges_variants_and_keeps_rivals_apart():
    mapping = resolve([
        doc("a", Entity("e1", "Qassem Soleimani", "person"),
            Entity("e2", "Kataib Hezbollah", "armed_group"),
            Entity("e3", "Hezbollah", "armed_group"),
            Entity("e4", "al-Qaeda", "armed_group")),
        doc("b", Entity("e1", "Qasem Suleimani", "person"),
            Entity("e2", "Kata'ib Hizballah", "armed_group", aliases=["KH"]),
            Entity("e3", "al-Qaeda in the Arabian Peninsula", "armed_group", aliases=["AQAP"]),
            Entity("e4", "Lebanese Hezbollah", "armed_group")),
        doc("c", Entity("e1", "Soleimani", "organization"), Entity("e2", "KH", "armed_group")),
    ])
    assert mapping[("a", "e1")] == mapping[("b", "e1")]
    assert mapping[("a", "e2")] == mapping[("b", "e2")] == mapping[("c", "e2")]
    assert mapping[("a", "e3")] == mapping[("b", "e4")] != mapping[("a", "e2")]
    assert mapping[("a", "e4")] != mapping[("b", "e3")]
    assert mapping[("c", "e1")] not in {mapping[("a", "e1")]}


def test_surname_joins_with_context_else_goes_to_review():
    lookup, resolver = MemoryLookup(), Resolver(packs=NO_PACKS)
    resolver([doc("a", Entity("e1", "Ardan Kovar", "person"), Entity("e2", "Valoria", "country"),
                  Entity("e3", "Port Selin", "location"),
                  Entity("e4", "Northern Shield Brigade", "armed_group"))], lookup)
    mapping = resolver([
        doc("b", Entity("e1", "Kovar", "person"), Entity("e2", "Valoria", "country"),
            Entity("e3", "Port Selin", "location"),
            Entity("e4", "Northern Shield Brigade", "armed_group")),
        doc("c", Entity("e1", "Kovar", "person"), Entity("e2", "Ostrava", "location")),
    ], lookup)
    assert mapping[("b", "e1")] == "E1"
    assert mapping[("c", "e1")] != "E1"
    assert [(r.entity, r.candidate) for r in lookup.reviews] == [(mapping[("c", "e1")], "E1")]
    assert 0.65 <= lookup.reviews[0].score < 0.9


def test_partial_name_joins_its_own_document_when_unambiguous():
    mapping = resolve([
        doc("a", Entity("e1", "Enrique Bernales Ballesteros", "person"),
            Entity("e2", "Bernales", "person")),
        doc("b", Entity("e1", "Mike Riddering", "person"),
            Entity("e2", "Amy Boyle Riddering", "person"), Entity("e3", "Riddering", "person")),
    ])
    assert mapping[("a", "e1")] == mapping[("a", "e2")]
    assert len({mapping[("b", e)] for e in ("e1", "e2", "e3")}) == 3


def test_thresholds_are_parameters():
    strict = Resolver(packs=NO_PACKS, auto=0.99)
    mapping = strict([doc("a", Entity("e1", "Qassem Soleimani", "person")),
                      doc("b", Entity("e1", "Qasem Suleimani", "person"))], MemoryLookup())
    assert mapping[("a", "e1")] != mapping[("b", "e1")]
