"""Text structure before the parser, on texts written for the project: headings,
datelines, bylines, captions, link lines, glosses, reference marks and strike roundups
must neither glue sentences together nor become names, and offsets stay exact."""

from linkchart.nlp.structure import read_layout


def sentences(nlp, text):
    return [s.text.strip() for s in nlp(text).sents if s.text.strip()]


def names(nlp, text):
    return {e.text: e.label_ for e in nlp(text).ents}


def referent_types(nlp, text):
    return {r.name: r.type for r in nlp(text)._.referents}


def test_heading_without_full_stop_is_not_glued_to_the_next_sentence(mini_nlp):
    text = ("Talks stall over the war in Moldova\n\n"
            "Martin Hale said the government would send more envoys.")
    found = sentences(mini_nlp, text)
    assert "Talks stall over the war in Moldova" in found
    assert any(s.startswith("Martin Hale said") for s in found)


def test_heading_on_its_own_line_in_a_text_without_blank_lines(mini_nlp):
    text = ("The council met in the capital on Monday and adjourned without a vote on the "
            "budget that the ministers had prepared for the coming year.\n"
            "Divisions deepen\n"
            "Omar Farouk said the council would meet again.")
    found = sentences(mini_nlp, text)
    assert "Divisions deepen" in found


def test_hard_wrapped_lines_stay_one_sentence():
    text = ("The commission met with the Network of Rural Women and the\n"
            "Regional Council of Fishermen to discuss the dispute over the\n"
            "river port, which both groups have claimed since the spring\n"
            "floods destroyed the old quay and the road to Santa Lucia.\n")
    layout = read_layout(text)
    assert text.index("Regional") not in layout.starts
    assert text.index("river") not in layout.starts


def test_dateline_starts_the_sentence_and_its_outlet_is_no_mention(mini_nlp):
    text = "MOSUL (Wirenews) - Kurdish fighters attacked the town, Colonel Aziz Haddad said."
    doc = mini_nlp(text)
    assert any(s.text.startswith("Kurdish fighters") for s in doc.sents)
    assert "Wirenews" not in {e.text for e in doc.ents}
    assert doc._.layout.is_furniture(text.index("Wirenews"), text.index("Wirenews") + 8)


def test_title_case_dateline_with_its_outlet_and_no_dash(mini_nlp):
    text = "Tarsin, Marovia (Wirenews) Rebel fighters attacked the border post on Friday."
    doc = mini_nlp(text)
    assert any(s.text.startswith("Rebel fighters") for s in doc.sents)
    assert doc._.layout.is_furniture(text.index("Wirenews"), text.index("Wirenews") + 8)


def test_bylines_and_credits_are_not_entities(mini_nlp):
    text = ("Priya Calloway and Tomas Brenner\n\n"
            "The Northern Alliance of Farmers accused the Marovian army of burning crops.\n\n"
            "Lena Obuya contributed to this report.\n\n"
            "Image copyright Kestrel Photo Agency Image caption Farmers near the border")
    found = names(mini_nlp, text)
    assert "Priya Calloway" not in found and "Tomas Brenner" not in found
    assert "Lena Obuya" not in found
    assert not any("Kestrel" in name for name in found)


def test_caption_is_its_own_sentence(mini_nlp):
    text = ("Image copyright Reuters Image caption Soldiers guard the bridge\n"
            "The bridge was reopened on Tuesday.")
    found = sentences(mini_nlp, text)
    assert "Soldiers guard the bridge" in found


def test_link_line_is_furniture_and_not_glued(mini_nlp):
    text = ("The militia withdrew from the valley.\n"
            "Read more: Why Dorvania fears its neighbours\n"
            "MAROVA CITY (Wirenews) - The army entered the valley on Friday.")
    doc = mini_nlp(text)
    assert "Dorvania" not in {e.text for e in doc.ents}
    assert any(s.text.startswith("The army entered") for s in doc.sents)


def test_gloss_in_brackets_is_cut_from_the_name(mini_nlp):
    text = "Abboud Qanbar(Arabic: عبود قنبر) commanded the operation in the north."
    found = names(mini_nlp, text)
    assert not any("(" in name or "Arabic" in name for name in found)
    assert "Abboud Qanbar" in found


def test_reference_mark_ends_the_sentence(mini_nlp):
    text = "The brigade was formed in 2014.[3] Its commander was Yusuf Karimi."
    doc = mini_nlp(text)
    assert any(s.text.startswith("Its commander") for s in doc.sents)
    assert not any("[" in e.text for e in doc.ents)


def test_strike_roundup_place_is_not_a_person(mini_nlp):
    text = ("Near Palmyra, one strike destroyed an ISIL tank.\n"
            "Near Ramadi, two strikes struck an ISIL tactical unit.")
    found = referent_types(mini_nlp, text)
    assert not any(name.startswith("Near") for name in found)
    assert found.get("Palmyra") == "location"


def test_unit_name_goes_on_after_the_dash(mini_nlp):
    text = ("The Combined Joint Task Force – Inherent Resolve conducted ten strikes "
            "against the group on Sunday.")
    found = names(mini_nlp, text)
    assert "Combined Joint Task Force – Inherent Resolve" in found
    types = referent_types(mini_nlp, text)
    assert types["Combined Joint Task Force – Inherent Resolve"] == "security_agency"


def test_offsets_are_exact_after_structure(mini_nlp):
    text = ("BAGHDAD (Wirenews) - Abboud Qanbar(Arabic: عبود قنبر) met envoys.[1]\n\n"
            "Doug Harlan\n\nNear Tikrit, one strike hit a convoy.")
    doc = mini_nlp(text)
    assert doc.text == text
    for entity in doc.ents:
        assert text[entity.start_char:entity.end_char] == entity.text


def test_title_case_headline_guess_is_no_name(mini_nlp):
    text = ("Despite Heavy Losses, Marovia Presses Rebels Into Talks\n\n"
            "The rebels met envoys from Marovia on Sunday.")
    found = names(mini_nlp, text)
    assert not any("Presses" in name or "Rebels" in name for name in found)


def test_capitalised_subject_before_a_dash_is_no_dateline():
    text = "NATO – which has troops in the region – said it would not intervene."
    assert read_layout(text).starts == []


def test_bracketed_letter_in_a_quotation_is_no_reference_mark():
    text = 'He said "[t]he talks will go on."'
    assert read_layout(text).furniture == []


def test_list_of_short_lines_is_not_wrapped_text():
    text = "The dead were named as:\nAhmed Darwish\nOmar Haddad\nSami Nouri\nKarim Aziz\n"
    layout = read_layout(text)
    for name in ("Omar Haddad", "Sami Nouri", "Karim Aziz"):
        assert text.index(name) in layout.starts


def test_a_known_place_and_its_outlet_open_a_sentence():
    text = "Washington (Wirenews) Senator Aziz Haddad said on Monday that he would run."
    layout = read_layout(text)
    assert text.index("Senator") in layout.starts
    assert layout.is_furniture(text.index("Wirenews"), text.index("Wirenews") + 8)


def test_a_name_with_a_gloss_in_brackets_is_no_dateline():
    text = "Hezbollah (Party of God) fired rockets at the border post."
    assert read_layout(text).starts == []


def test_a_markdown_links_bracket_is_no_part_of_the_name(mini_nlp):
    text = "In May, [Secretary Aziz Haddad](https://example.org/video) said the talks failed."
    assert "Aziz Haddad" in {e.text for e in mini_nlp(text).ents}
