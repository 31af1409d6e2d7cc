"""Attribution patterns on short texts written for the project."""

from linkchart.config import Config
from linkchart.model import Document
from linkchart.pipeline import extract_documents


def attributions_of(text: str):
    document = Document(id="t", text=text, published="2024-03-01")
    return next(extract_documents([document], Config())).attributions


def test_an_urged_addressee_belongs_to_the_content():
    found = {a.cue: a for a in attributions_of(
        "The minister urged Iraqi authorities to prevent such attacks, the ministry said.")}
    assert found["urged"].content == "Iraqi authorities to prevent such attacks"


def test_speech_inside_a_quotation_is_not_a_source():
    found = attributions_of("The president spoke on Monday. “We have pushed them back. I will "
                            "tell you I have had very good talks with the minister who wants "
                            "to push them back too,” he said.")
    assert "I" not in {a.source_text for a in found}
    assert {a.source_text for a in found} == {"he"}


def _source_of(found, cue_words: str):
    match = [a for a in found if cue_words in a.content]
    assert len(match) == 1, [(a.source_text, a.content) for a in found]
    return match[0]


def _credited(text: str, content_words: str) -> tuple[str, str | None]:
    """(source kind, source name) of the one statement holding `content_words`."""
    document = Document(id="t", published="2024-03-01", text=text)
    extraction = next(extract_documents([document], Config()))
    names = {e.id: e.name for e in extraction.entities}
    found = _source_of(extraction.attributions, content_words)
    return found.source_kind, names.get(found.source)


def test_he_said_continues_the_subject_of_the_sentence_before_not_the_nearest_name():
    document = Document(id="t", published="2024-03-01", text=(
        "Colonel Samir Aziz spoke to reporters after his meeting with General Omar Khatib. "
        "“We will not retreat from the valley before the winter,” he said."))
    extraction = next(extract_documents([document], Config()))
    names = {e.id: e.name for e in extraction.entities}
    found = _source_of(extraction.attributions, "retreat from the valley")
    assert found.source_kind == "named_person"
    assert names[found.source] == "Samir Aziz"


def test_he_said_after_an_unnamed_descriptor_stays_anonymous():
    document = Document(id="t", published="2024-03-01", text=(
        "A senior commander of the militia met General Omar Khatib on Sunday. "
        "“The road to the port will stay closed for now,” he said."))
    extraction = next(extract_documents([document], Config()))
    found = _source_of(extraction.attributions, "road to the port")
    assert found.source_kind == "anonymous" and found.source is None


def _named_source(text: str, content_words: str):
    document = Document(id="t", published="2024-03-01", text=text)
    extraction = next(extract_documents([document], Config()))
    names = {e.id: e.name for e in extraction.entities}
    found = _source_of(extraction.attributions, content_words)
    return found.source_kind, names.get(found.source)


def test_a_definite_title_is_the_person_introduced_with_it():
    text = ("Ministry spokesman Colonel Rami Saleh announced the curfew on Monday. "
            "“The curfew will last until the roads are cleared,” the ministry spokesman said.")
    assert _named_source(text, "curfew will last") == ("named_person", "Rami Saleh")


def test_an_indefinite_or_differently_qualified_title_names_no_one():
    text = ("Ministry spokesman Colonel Rami Saleh announced the curfew on Monday. "
            "“The curfew is far too strict for the farmers,” a ministry spokesman said.")
    assert _named_source(text, "far too strict") == ("anonymous", None)
    text = ("Farid Nasser, an economic adviser to the council, left the talks early. "
            "“The council has no money left for the roads,” the military adviser said.")
    assert _named_source(text, "no money left") == ("anonymous", None)


def test_a_surname_alone_is_the_person_of_that_surname():
    text = ("Survivor Grace Wanjiku described the attack on the dormitory. "
            "\"They knew everything about the campus,\" Wanjiku told reporters.")
    assert _named_source(text, "knew everything") == ("named_person", "Grace Wanjiku")


def test_we_inside_a_quotation_is_not_a_source_but_the_us_is():
    found = attributions_of("“We expect the fighters will be dug in around the bridge,” said "
                            "ministry spokesman Rami Saleh. The US said the bridge could not be "
                            "repaired before the winter.")
    assert {a.source_text for a in found} == {"ministry spokesman Rami Saleh", "The US"}


def test_he_said_continues_an_unnamed_speaker():
    text = ("“The ministry has lost control of the border,” a senior officer in Basra told "
            "reporters. According to the officer, the militias took the crossings from Omar "
            "Khatib's men. “The smugglers now run the crossings at night,” he said.")
    assert _named_source(text, "smugglers now run") == ("anonymous", None)


def test_only_people_and_organisations_speak_and_a_quoted_name_is_no_content():
    found = attributions_of("An intense media campaign against the council was launched, "
                            "alleging that the mayor had sold the port. Small groups with "
                            "names such as the “sons of the river” claimed the bombings of "
                            "the bridges.")
    assert "An intense media campaign against the council" not in {a.source_text for a in found}
    assert "sons of the river" not in {a.content for a in found}


def test_a_document_speaks_for_its_author():
    text = ("Hezbollah fighters shelled the village of Kfar Shouba on Monday. “The shelling "
            "will stop when the occupation ends,” a statement from Hezbollah said.")
    assert _named_source(text, "shelling will stop") == ("named_org", "Hezbollah")


def test_a_subject_after_despite_is_the_speaker():
    text = ("Despite Russia and Iran saying they are fighting only the militants in Idlib, "
            "the strikes hit two hospitals on Monday.")
    found = _source_of(attributions_of(text), "fighting only the militants")
    assert found.source_text == "Russia and Iran"


def test_the_man_continues_the_named_speaker_unless_a_man_was_told_of():
    text = ("“The blast shook the whole street,” said Karim Haddad, a baker near the market. "
            "The man said the wounded lay in the road for an hour.")
    assert _named_source(text, "wounded lay in the road") == ("named_person", "Karim Haddad")
    text = ("A man ran from the market. “The blast shook the whole street,” said Karim "
            "Haddad, a baker. The man said the wounded lay in the road for an hour.")
    assert _named_source(text, "wounded lay in the road") == ("anonymous", None)


def test_the_issuer_of_a_statement_and_the_group_its_attackers_came_from():
    assert _named_source("ISIS released a statement on Friday claiming responsibility for "
                         "the twin bombings in the capital.", "bombings") == \
        ("named_org", "ISIS")
    assert _named_source("Attackers from the Somali-based militant group al-Shabab told the "
                         "students that this was the beginning of more attacks.",
                         "beginning") == ("named_org", "al-Shabab")


def test_a_title_with_the_name_beside_it_names_the_later_speaker():
    kind, name = _named_source("The Pentagon spokesman, Peter Cook, said the raid was a "
                               "success. The Pentagon spokesman said the strikes would "
                               "continue for weeks.", "continue")
    assert (kind, name) == ("named_person", "Peter Cook")


def test_a_meeting_told_of_is_no_speaker():
    found = attributions_of("Jeffrey Feltman spoke at a meeting of the U.N. Security Council "
                            "telling members that the latest developments were dangerous.")
    assert not any("meeting" in (a.source_text or "") for a in found)


def test_the_secretary_of_state_is_the_one_introduced_with_the_title():
    kind, name = _named_source("Secretary of State John Kerry met Sergey Lavrov on Monday. "
                               "Later, the secretary of state said the talks had been "
                               "useful.", "useful")
    assert (kind, name) == ("named_person", "John Kerry")


def test_an_assault_or_an_incursion_claims_nothing():
    found = attributions_of("The toughest Israeli aerial assault on Syria in decades "
                            "claims an Iranian drone entered Israeli airspace.")
    assert not any("assault" in (a.source_text or "") for a in found)


def test_a_government_named_by_its_leader_speaks_for_the_state():
    kind, name = _named_source("Syria and Russia agreed on a truce. Assad's government said "
                               "all hostilities in Aleppo would be halted.", "Aleppo")
    assert (kind, name) == ("named_org", "Syria")


def test_the_station_is_the_broadcaster_named_before():
    kind, name = _named_source("Lebanon's Al-Manar TV covered the blast. The station reports "
                               "the perpetrators were sending a clear message.", "message")
    assert (kind, name) == ("named_org", "Al-Manar TV")


def test_his_office_speaks_for_the_one_person_named_so_far():
    text = ("Prime Minister Karim Haddad on Monday condemned the air strikes on the border. "
            "The strikes were carried out on Sunday against the Kataib Hezbollah militia, "
            "officials said. At least 20 fighters were killed and 40 wounded in the strikes "
            "near the town of Qaim, and many more were missing. “The prime minister described "
            "the attack as an unacceptable assault,” his office said.")
    assert _named_source(text, "unacceptable assault") == ("named_person", "Karim Haddad")


def test_his_forces_claim_for_him():
    text = ("General Khalil Mansour launched an offensive in the east in May. His forces "
            "claimed credit for an attack on the parliament building.")
    assert _named_source(text, "attack on the parliament") == ("named_person", "Khalil Mansour")


def test_the_militants_far_from_the_name_are_the_one_group_named():
    text = ("Gunmen from the Somali group al-Shabaab stormed the college at dawn. "
            + "Students hid in the dormitories for hours while soldiers surrounded the "
              "buildings and the police sealed the roads around the town. " * 3
            + "“We are here to kill and die,” the militants said, according to a student.")
    assert _named_source(text, "kill and die")[1] == "al-Shabaab"


def test_an_aim_in_an_infinitive_is_no_statement():
    found = attributions_of("The rebels hoped to topple the government before winter. The "
                            "ministry vowed to speed up deliveries of grain, its spokesman said.")
    assert not any(a.content.startswith("to ") for a in found)
    assert [a.source_text for a in found] == ["its spokesman"]


def test_no_one_claiming_is_no_source():
    found = attributions_of("No group claimed responsibility for the attack on the market, "
                            "which killed nine people on Sunday.")
    assert found == []


def test_a_statement_told_as_a_noun_phrase():
    found = {a.cue: a for a in attributions_of(
        "Ukraine and its allies accused Russia of arming the rebels in the east. Aid "
        "agencies warned of a humanitarian disaster in the city.")}
    assert found["accused"].content == "Russia of arming the rebels in the east"
    assert found["warned"].content == "a humanitarian disaster in the city"


def test_the_accused_and_a_denial_inside_a_quotation_do_not_speak():
    found = attributions_of(
        "The gunmen were accused of torturing hostages before killing them. “One of the "
        "groups denies its connection to the attack every time,” the analyst said.")
    assert [a.source_text for a in found] == ["the analyst"]


def test_a_title_named_once_speaks_for_its_holder():
    text = ("Omar Said, an adviser, spoke in July. The border will stay closed, the Egyptian "
            "president says. President Karim Haddad had met the envoy in Cairo. A Pentagon "
            "spokesman said the talks went well.")
    extraction = next(extract_documents([Document(id="t", text=text,
                                                  published="2024-03-01")], Config()))
    names = {e.id: e.name for e in extraction.entities}
    assert names.get(_source_of(extraction.attributions, "border will stay").source) \
        == "Karim Haddad"
    assert _source_of(extraction.attributions, "talks went well").source is None


def test_whom_a_verb_prompts_to_speak_is_the_speaker():
    found = attributions_of("The strike prompted Iran to accuse the United States of deceit "
                            "on Sunday.")
    assert [a.source_text for a in found] == ["Iran"]


def test_as_an_outlet_points_out_and_a_statement_after_a_colon():
    found = {a.cue: a for a in attributions_of(
        "But, as the Daily Wire points out, the talks brought about one quiet feat. The "
        "Evening Courier laid out the parties' demands:\n\nThe rebels want an end to the "
        "blockade. The army wants the tunnels closed.")}
    assert found["points"].content == "the talks brought about one quiet feat"
    assert found["laid"].content == "The rebels want an end to the blockade"


def test_the_head_noun_of_an_organisation_named_before_is_that_organisation():
    text = ("The Nigerian military said on Friday that the camp had been cleared. "
            "“The operation will continue until the border is safe,” the military said.")
    assert _named_source(text, "operation will continue") == \
        ("named_org", "Nigerian military")
    text = ("The Nigerian military said on Friday that the camp had been cleared. "
            "“The border is not safe,” the officials said.")
    assert _named_source(text, "border is not safe") == ("anonymous", None)


def test_it_continues_the_organisation_that_spoke_last_not_the_nearest_name():
    text = ("The Pentagon said the militia had attacked bases that host coalition forces "
            "fighting the Islamic State group. In response, it added, American jets struck "
            "five depots of the militia.")
    assert _named_source(text, "American jets struck") == ("named_org", "Pentagon")


def test_it_was_reported_names_no_source():
    text = ("The Pentagon said the talks had ended. It was also reported that the Taliban "
            "had rejected the offer of a meeting in Doha.")
    assert _named_source(text, "rejected the offer") == ("anonymous", None)


def test_quoted_as_saying_credits_the_one_quoted_not_the_media():
    text = ("Supreme Leader Ayatollah Ali Khamenei was quoted by state media as saying that "
            "\"if the Islamic Republic decides to confront any country, it will do it directly.\"")
    found = attributions_of(text)
    assert [a.source_text for a in found] == ["Supreme Leader Ayatollah Ali Khamenei"]


def test_a_participle_of_feeling_does_not_report_its_main_clause():
    found = attributions_of("The White House has not responded with military action, "
                            "apparently fearing a wider war in the Gulf.")
    assert found == []


def test_a_statement_reported_inside_another_does_not_report_its_reporter():
    text = ("The newspaper Al-Watan said the government had informed the rebels through "
            "channels in Doha that the raids were not aimed at them. Officials confirmed a "
            "report that the convoy had been stopped.")
    found = attributions_of(text)
    assert not any("Al-Watan said" in a.content for a in found)
    assert {a.cue: a.content for a in found}["confirmed"] == \
        "a report that the convoy had been stopped"


def test_by_making_clear_names_no_source():
    text = ("Yossi Cohen told Israeli radio on Monday that the minister aimed to avoid \"an "
            "increase in tension with Syria by making clear that if there is activity, it is "
            "only against Hezbollah.\"")
    assert all(a.cue != "making" for a in attributions_of(text))


def test_she_said_goes_to_a_woman_and_a_sentence_without_subject_to_its_one_person():
    text = ("Mr. Omar Haddad, the governor, spoke on Monday. Ms. Leila Nasser met him later. "
            "She said the road was closed. He said it would reopen.")
    assert _named_source(text, "road was closed") == ("named_person", "Leila Nasser")
    assert _named_source(text, "would reopen") == ("named_person", "Omar Haddad")
    text = ("Governor Omar Haddad said gunmen stormed the camp. At Garissa University, Maureen "
            "Manyego, 21, hid in a wardrobe during the attacks. She said the terrorists "
            "lectured their victims.")
    assert _named_source(text, "lectured their victims") == ("named_person", "Maureen Manyego")


def test_a_truce_a_resolution_and_the_writers_own_remark_are_no_sources():
    found = attributions_of("It's worth noting that previous cease-fire deals have fallen "
                            "apart quickly. The cease-fire announced Friday fits in with a "
                            "seven-point peace plan. The current resolution says the truce "
                            "will not apply to the militants.")
    assert found == []


def test_a_quotation_opening_the_next_sentence_continues_its_speaker():
    found = attributions_of(
        "“The valley will not fall this winter,” Colonel Samir Aziz said on Monday. “We have "
        "dug in along the river and the bridges are mined.”\n"
        "“The road is closed,” Aziz said. “Supplies come by air,” a militia commander added.")
    by_content = {a.content: a for a in found}
    continued = by_content["We have dug in along the river and the bridges are mined"]
    assert continued.source_text == "Colonel Samir Aziz" and continued.direct
    assert continued.rule.startswith("continued:")
    # a quotation told with its own speaker keeps that speaker
    assert by_content["Supplies come by air"].source_text == "a militia commander"
    assert len(found) == 4


def test_a_reporting_verb_in_the_future_reports_nothing_yet():
    found = attributions_of(
        "Mekdad told reporters the strikes were “a declaration of war” and that Syria would "
        "respond. “We dealt with this before,” he said. Israel will respond on the other side.")
    assert {a.cue for a in found} == {"told", "said"}


def _sources(text: str) -> dict[str, str | None]:
    document = Document(id="t", text=text, published="2024-03-01")
    extraction = next(extract_documents([document], Config()))
    names = {e.id: e.name for e in extraction.entities}
    return {a.content: names.get(a.source) for a in extraction.attributions}


def test_a_described_speaker_is_no_lone_actor_of_another_people():
    found = _sources("Fighters of Islamic State fled the town. The Kurdish force that led "
                     "the war against them claimed the retreat would not last.")
    assert found["the retreat would not last"] is None


def test_pro_russian_insurgents_need_not_be_named_russian():
    found = _sources("The Donetsk People's Republic held a vote. The pro-Russian insurgents "
                     "said the status of the regions would be discussed later.")
    assert found["the status of the regions would be discussed later"] == \
        "Donetsk People's Republic"


def test_declining_to_confirm_or_deny_says_nothing():
    found = attributions_of("The Taliban has declined to confirm or deny responsibility for "
                            "any of the attacks. The Taliban said they would reduce violence.")
    assert [a.cue for a in found] == ["said"]


def test_a_title_for_a_region_names_the_person_after_it():
    assert _credited(
        "Minister for the Middle East Tobias Ellwood said the UK would keep supporting the "
        "Iraqi Security Forces. Tobias Ellwood visited Baghdad on Sunday.",
        "keep supporting") == ("named_person", "Tobias Ellwood")


def test_a_possessive_title_named_further_down_is_that_person():
    assert _credited(
        "Israel's national police commissioner says the attack was planned in Hebron. "
        "National Police Commissioner Yochanan Danino told reporters that the men acted "
        "alone.", "planned in Hebron") == ("named_person", "Yochanan Danino")


def test_a_newspaper_named_with_the_is_no_person():
    assert _credited("The Hill writes that Congress is divided over the strikes.",
                     "Congress is divided") == ("named_org", "Hill")


def test_a_tally_or_statement_speaks_for_its_owner():
    assert _credited("Hezbollah fired rockets at the border post. According to Al Jazeera's "
                     "tally, that makes 122 strikes on the city.",
                     "122 strikes") == ("named_org", "Al Jazeera")


def test_the_spokesman_is_the_press_secretary_named_before():
    assert _credited("“We expect a hard fight,” said Pentagon press secretary Peter Cook. The "
                     "Pentagon spokesman said the offensive was an opportunity.",
                     "an opportunity") == ("named_person", "Peter Cook")


def test_a_relative_pronoun_speaks_for_its_antecedent():
    assert _credited("Sen. Joe Manchin, who said the bill was dead, left early.",
                     "bill was dead") == ("named_person", "Joe Manchin")


def test_a_branch_speaks_for_its_group_and_a_place_never_speaks():
    assert _credited(
        "A car bomb exploded outside a hotel in Tripoli on Tuesday. In a statement, the "
        "Tripoli branch of the Islamic State jihadist group claimed the attack was revenge "
        "for the death of its commander.", "was revenge") == ("named_org", "Islamic State")


def test_state_media_are_not_the_state():
    kind, name = _credited("Syria denied the report. Syrian state media claimed the rebels "
                           "were fighting al-Qaeda in Idlib.", "fighting al-Qaeda")
    assert name != "Syria"


def test_a_government_placed_in_a_capital_is_not_the_last_state_named():
    kind, name = _credited("Iraq sent aid to the wounded. The government in Tripoli said the "
                           "attack was an assassination attempt.", "assassination attempt")
    assert name != "Iraq"
    assert _credited("Libya is divided. The government in Tripoli said the attack was an "
                     "assassination attempt.", "assassination attempt")[1] == "Libya"


def test_a_cue_parsed_as_a_bare_conjunct_reports_the_clause_before_it():
    document = Document(id="t", published="2024-03-01", text=(
        "Iraqi forces liberate Hit with coalition air support\n\n"
        "BAGHDAD — Iraqi security forces, supported by coalition airstrikes, have retaken "
        "the town of Hit from Daesh, a spokesman for Combined Joint Task Force-Operation "
        "Inherent Resolve said today.\n"))
    extraction = next(extract_documents([document], Config()))
    found = _source_of(extraction.attributions, "retaken the town")
    assert found.source_kind == "anonymous" and "spokesman" in found.source_text
    assert "spokesman" not in found.content
