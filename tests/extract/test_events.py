"""Events through the real pipeline, on sentences written for these tests."""

from __future__ import annotations

import pytest

from linkchart.extract.context import Context
from linkchart.extract.events import extract_events, load_lexicon
from linkchart.model import EVENT_TYPES, Document

PACK = """\
pack: events-test
description: Actors for the event extraction tests.
source: Written for the linkchart test suite.
actors:
  - {name: Iraq, type: country, capital: Baghdad, demonyms: [Iraqi, Iraqis]}
  - {name: Iran, type: country, capital: Tehran, demonyms: [Iranian, Iranians]}
  - {name: United States, type: country, aliases: [US, U.S.], capital: Washington,
     demonyms: [American, Americans]}
  - {name: Israel, type: country, demonyms: [Israeli, Israelis]}
  - {name: Lebanon, type: country, capital: Beirut, demonyms: [Lebanese]}
  - {name: Egypt, type: country, capital: Cairo, demonyms: [Egyptian, Egyptians]}
  - {name: Somalia, type: country, capital: Mogadishu, demonyms: [Somali, Somalis]}
  - {name: Kataib Hezbollah, type: armed_group, country: Iraq}
  - {name: Hezbollah, type: armed_group, country: Lebanon}
  - {name: Hamas, type: armed_group}
  - {name: al-Shabaab, type: armed_group, aliases: [Al-Shabaab]}
"""


@pytest.fixture(scope="module")
def nlp(tmp_path_factory):
    from linkchart.config import Config
    from linkchart.nlp import load_pipeline

    pack = tmp_path_factory.mktemp("packs") / "events-test.yaml"
    pack.write_text(PACK, encoding="utf-8")
    return load_pipeline(Config(packs=[pack], bundled_packs=False))


@pytest.fixture(scope="module")
def events_of(nlp):
    from linkchart.nlp import knowledge_of

    def run(text: str, published: str | None = "2020-01-07"):
        document = Document(id="t", text=text, published=published)
        context = Context.build(nlp(text), document, knowledge_of(nlp))
        events = extract_events(context)
        names = {f"e{i + 1}": r.name for i, r in enumerate(context.referents)}
        for event in events:
            assert event.type in EVENT_TYPES
            # evidence and date words are exact substrings, at their offsets
            assert text[event.start:event.end] == event.evidence
            if event.date_text:
                assert event.date_text in text
        return events, names

    return run


def named(ids, names):
    return {names[i] for i in ids}


def only(events, event_type):
    found = [e for e in events if e.type == event_type]
    assert len(found) == 1, [(e.type, e.evidence) for e in events]
    return found[0]


def test_air_strike_with_date_place_and_toll(events_of):
    text = ("U.S. forces carried out air strikes on Sunday against Kataib Hezbollah in "
            "western Iraq, killing 12 fighters and wounding 20 others.")
    events, names = events_of(text, "2020-01-07")  # a Tuesday
    strike = only(events, "ASSAULT")
    assert strike.mode == "aerial"
    assert named(strike.actors, names) == {"U.S. forces"}
    assert named(strike.recipients, names) == {"Kataib Hezbollah"}
    assert strike.date == "2020-01-05" and strike.date_text == "on Sunday"
    assert names[strike.location] == "Iraq"
    assert (strike.fatalities, strike.injured) == (12, 20)
    assert strike.evidence.startswith("U.S. forces carried out air strikes on Sunday")


def test_passive_drone_strike_agent_acts_and_subject_receives(events_of):
    text = ("Two Hezbollah commanders were killed by an Israeli drone strike in Lebanon on "
            "Friday. Israel declined to comment.")
    events, names = events_of(text, "2020-01-07")
    strike = only(events, "ASSAULT")
    assert strike.mode == "drone"
    assert named(strike.actors, names) == {"Israel"}
    assert named(strike.recipients, names) == {"Hezbollah"}
    assert strike.fatalities == 2
    assert strike.date == "2020-01-03"
    assert names[strike.location] == "Lebanon"


def test_meeting_between_two_named_people(events_of):
    text = "Iraqi Prime Minister Adnan Rashid met Iranian envoy Karim Tavakoli in Baghdad on Monday."
    events, names = events_of(text, "2020-01-07")
    meeting = only(events, "CONSULT")
    assert named(meeting.actors, names) == {"Adnan Rashid"}
    assert named(meeting.recipients, names) == {"Karim Tavakoli"}
    assert names[meeting.location] == "Baghdad"
    assert meeting.date == "2020-01-06" and meeting.date_text == "on Monday"


def test_call_on_is_a_request_to_its_object(events_of):
    text = "On 3 March, Hamas called on Egypt to reopen the border crossing."
    events, names = events_of(text, "2021-03-10")
    request = only(events, "REQUEST")
    assert named(request.actors, names) == {"Hamas"}
    assert named(request.recipients, names) == {"Egypt"}
    assert request.date == "2021-03-03" and request.date_text == "On 3 March"


def test_hypotheses_and_negations_are_not_events(events_of):
    text = ("Hezbollah could attack Israel next week. Hamas did not withdraw its fighters from "
            "the border on Monday. Israel may launch air strikes against Lebanon.")
    events, _ = events_of(text, "2020-01-07")
    assert [e for e in events if e.type in ("ASSAULT", "RETREAT")] == []


def test_a_stated_intent_to_strike_is_a_threat(events_of):
    text = "Iran said on Tuesday that it would attack the United States."
    events, names = events_of(text, "2020-01-08")
    threat = only(events, "THREATEN")
    assert named(threat.actors, names) == {"Iran"}
    assert "United States" in named(threat.recipients, names)
    assert not [e for e in events if e.type == "ASSAULT"]


def test_left_dead_and_wounded_with_noun_trigger_actor(events_of):
    text = ("An al-Shabaab car bomb left 35 people dead and 51 wounded in Mogadishu on "
            "Saturday.")
    events, names = events_of(text, "2020-01-07")
    bombing = only(events, "ASSAULT")
    assert bombing.mode == "explosives"
    assert named(bombing.actors, names) == {"al-Shabaab"}
    assert (bombing.fatalities, bombing.injured) == (35, 51)
    assert names[bombing.location] == "Mogadishu"
    assert bombing.date == "2020-01-04"


def test_number_words_and_a_later_toll_sentence(events_of):
    text = ("Hamas fighters attacked an Israeli army post near the border on Monday. "
            "Three soldiers were killed and eleven were wounded.")
    events, names = events_of(text, "2020-01-07")
    attack = only(events, "ASSAULT")
    assert named(attack.actors, names) == {"Hamas"}
    assert (attack.fatalities, attack.injured) == (3, 11)
    assert attack.date == "2020-01-06"


def test_mentions_of_one_attack_merge_and_keep_the_first_evidence(events_of):
    text = ("Hamas attacked an Israeli army post on Monday. The attack by Hamas was the "
            "third this month, and Israel blamed Iran for it on Tuesday.")
    events, names = events_of(text, "2020-01-08")
    attack = only(events, "ASSAULT")
    assert attack.evidence.startswith("Hamas attacked an Israeli army post on Monday")
    assert attack.date == "2020-01-06"
    blame = only(events, "ACCUSE")
    assert named(blame.actors, names) == {"Israel"}
    assert named(blame.recipients, names) == {"Iran"}
    assert blame.date == "2020-01-07"


def test_two_different_acts_with_no_targets_stay_two_events(events_of):
    text = ("Hezbollah fought a month-long war with Israel in 2006. Egyptian forces and "
            "their Hezbollah allies later stormed the town of Qaryatayn.")
    events, names = events_of(text, "2020-01-08")
    assaults = sorted((e for e in events if e.type == "ASSAULT"), key=lambda e: e.start)
    assert len(assaults) == 2
    assert assaults[0].date == "2006"
    assert "Egypt" not in named(assaults[0].actors, names)


def test_a_habit_told_with_when_is_no_event(events_of):
    events, _ = events_of("When the commander wants something from Hamas, he asks its "
                          "leaders directly.", "2020-01-08")
    assert "REQUEST" not in {e.type for e in events}


def test_backing_is_a_tie_and_allegiance_an_event(events_of):
    events, names = events_of("Iran backs Kataib Hezbollah in Iraq. In June, Kataib "
                              "Hezbollah pledged allegiance to Hamas.", "2020-01-08")
    support = only(events, "SUPPORT")
    assert named(support.actors, names) == {"Kataib Hezbollah"}
    assert named(support.recipients, names) == {"Hamas"}


def test_the_same_charge_by_two_accusers_is_two_accusations(events_of):
    text = ("Egypt blamed Hamas for the attack on Monday. On Tuesday, Israel also blamed "
            "Hamas for it.")
    events, names = events_of(text, "2020-01-08")
    accusations = [e for e in events if e.type == "ACCUSE"]
    assert sorted(sorted(named(e.actors, names)) for e in accusations) == [["Egypt"],
                                                                         ["Israel"]]


def test_demonstrating_something_is_no_protest(events_of):
    events, _ = events_of("Thousands demonstrated against Israel in Cairo on Friday. Reports "
                          "by a UN panel demonstrated support for Hamas from Iran.",
                          "2020-01-08")
    assert [e.type for e in events].count("PROTEST") == 1


def test_a_demand_that_someone_step_down_is_no_retreat(events_of):
    events, _ = events_of("Egypt repeated its demand that Hamas withdraw from the border "
                          "on Monday.", "2020-01-08")
    assert "RETREAT" not in {e.type for e in events}


def test_a_date_the_act_lasts_until_does_not_date_it(events_of):
    events, _ = events_of("On Saturday, Hamas declared a unilateral ceasefire until the "
                          "elections on 1 November.", "2020-10-10")
    assert {e.date for e in events} == {"2020-10-10"}


def test_the_title_of_a_country_is_the_person_named_with_it(events_of):
    events, names = events_of("The president of Egypt resigned on Thursday. The envoy Omar "
                              "Said had met President Karim Haddad in Cairo on Monday.",
                              "2020-01-08")
    retreat = only(events, "RETREAT")
    assert named(retreat.actors, names) == {"Karim Haddad"}


def test_the_side_a_pro_prefix_takes_does_not_act(events_of):
    events, names = events_of("Pro-Iran gunmen attacked a checkpoint near Baghdad on Monday.",
                              "2020-01-08")
    assert not any("Iran" in named(e.actors, names) for e in events)


def test_offering_no_comment_is_no_act(events_of):
    events, _ = events_of("Iraq offered no comment on the deal on Monday.", "2020-01-08")
    assert "AGREE" not in {e.type for e in events}


def test_the_next_day_follows_the_previous_event(events_of):
    text = ("Iraqi officials and a U.S. delegation held talks in Baghdad on 3 March. "
            "Iraq and the United States met again the next day in Tehran.")
    events, names = events_of(text, "2021-03-10")
    talks = sorted((e for e in events if e.type == "CONSULT"), key=lambda e: e.start)
    assert [t.date for t in talks] == ["2021-03-03", "2021-03-04"]
    assert talks[1].date_text == "the next day"


def test_a_report_without_date_words_keeps_no_date(events_of):
    # never the publication month as a guess
    text = "Hezbollah condemned the Israeli raid. Israel did not comment."
    events, names = events_of(text, "2020-01-07")
    condemnation = only(events, "ACCUSE")
    assert named(condemnation.actors, names) == {"Hezbollah"}
    assert named(condemnation.recipients, names) == {"Israel"}
    assert condemnation.date is None and condemnation.date_text is None


def test_years_and_months_alone_keep_their_precision(events_of):
    text = ("Hezbollah attacked Israel in 2014. Israel attacked Hezbollah in June 2016. "
            "Hezbollah attacked Israel on Monday.")
    events, names = events_of(text, "2020-01-08")
    dates = sorted(e.date for e in events if e.type == "ASSAULT")
    assert dates == ["2014", "2016-06", "2020-01-06"]


def test_an_event_needs_a_participant(events_of):
    events, _ = events_of("A bomb exploded in a crowded market in Mogadishu on Friday.")
    assert events == []


def test_sanctions_and_troop_deployments_follow_their_objects(events_of):
    text = ("The United States imposed sanctions on Iran on Friday. Iran sent troops to the "
            "border with Iraq on Saturday.")
    events, names = events_of(text, "2020-01-07")
    sanction = only(events, "SANCTION")
    assert named(sanction.actors, names) == {"United States"}
    assert named(sanction.recipients, names) == {"Iran"}
    troops = only(events, "MOBILIZE")
    assert named(troops.actors, names) == {"Iran"}


def test_lexicon_types_are_plover_types():
    lexicon = load_lexicon()
    assert {spec.type for spec in lexicon.verbs.values()} <= set(EVENT_TYPES)
    assert {spec.type for spec in lexicon.nouns.values()} <= set(EVENT_TYPES)
    assert lexicon.nouns["air strike"].mode == "aerial"
    assert lexicon.nouns["drone strike"].mode == "drone"


@pytest.mark.parametrize("text, mode, actor", [
    # taking a place without fighting is COERCE seize; a siege COERCE restrict
    ("Hamas took control of the border crossing on Monday.", "seize", "Hamas"),
    ("Hezbollah fighters surrounded the town of Qusayr on Monday.", "restrict", "Hezbollah"),
    ("Hamas laid siege to the border post on Monday.", "restrict", "Hamas"),
])
def test_seizures_and_sieges_are_coerce(events_of, text, mode, actor):
    events, names = events_of(text, "2020-01-08")
    coercion = only(events, "COERCE")
    assert coercion.mode == mode
    assert named(coercion.actors, names) == {actor}


def test_taking_a_place_told_with_fighting_is_an_assault(events_of):
    events, names = events_of("Hamas seized the border crossing on Monday after heavy "
                              "clashes with the guards.", "2020-01-08")
    assert "COERCE" not in {e.type for e in events}
    assert named(only(events, "ASSAULT").actors, names) == {"Hamas"}


def test_seizing_a_person_is_an_abduction(events_of):
    events, names = events_of("Gunmen from al-Shabaab seized the governor Ahmed Warsame "
                              "in Mogadishu on Monday.", "2020-01-08")
    abduction = only(events, "ASSAULT")
    assert abduction.mode == "abduct"
    assert "Ahmed Warsame" in named(abduction.recipients, names)


def test_the_possessive_of_a_killing_is_its_victim(events_of):
    events, names = events_of("Hezbollah vowed revenge after Mahmoud Haidar's assassination "
                              "in Beirut on Monday.", "2020-01-08")
    killing = only(events, "ASSAULT")
    assert named(killing.recipients, names) == {"Mahmoud Haidar"}
    assert "Mahmoud Haidar" not in named(killing.actors, names)


def test_a_leader_killed_in_a_strike_is_its_victim(events_of):
    events, names = events_of("Mahmoud Haidar, the Hezbollah commander killed in a US drone "
                              "strike in Beirut on Monday, was buried.", "2020-01-08")
    strike = only(events, "ASSAULT")
    assert named(strike.actors, names) == {"US"}
    assert "Mahmoud Haidar" in named(strike.recipients, names)


def test_attacks_on_different_targets_are_different_occurrences(events_of):
    text = ("Israel attacked Hezbollah positions in Lebanon in 2006. Israel also attacked "
            "Hamas in Gaza.")
    events, names = events_of(text, "2020-01-08")
    attacks = [e for e in events if e.type == "ASSAULT"]
    assert len(attacks) == 2, [(e.evidence, e.recipients) for e in attacks]


@pytest.mark.parametrize("text, spurious", [
    ("Iran asked: “Can Iraq stop the attacks on the convoys?”", "REQUEST"),
    ("Egypt questioned the plan, asking whether Hamas would disarm.", "REQUEST"),
    ("Hezbollah declined to comment on the raid.", "REJECT"),
    ("Israeli sources agreed that Iran had supplied the rockets.", "AGREE"),
])
def test_questions_comments_and_concurring_sources_are_no_events(events_of, text, spurious):
    events, _ = events_of(text, "2020-01-08")
    assert spurious not in {e.type for e in events}, [(e.type, e.evidence) for e in events]


def test_asking_someone_to_act_is_a_request(events_of):
    events, names = events_of("Iraq asked Iran to stop the attacks on Monday.", "2020-01-08")
    request = only(events, "REQUEST")
    assert named(request.actors, names) == {"Iraq"}
    assert named(request.recipients, names) == {"Iran"}


@pytest.mark.parametrize("text, issuer, content", [
    ("Iran urged Iraqi commanders to escalate the attacks on Monday.", "Iran",
     "to escalate the attacks on Monday"),
    ("Hezbollah recommended calm and no escalation against Israel.", "Hezbollah",
     "calm and no escalation against Israel"),
    ("Iraq called for an investigation into the strike on Monday.", "Iraq",
     "an investigation into the strike"),
])
def test_a_directive_keeps_what_it_asks_for(events_of, text, issuer, content):
    events, names = events_of(text, "2020-01-08")
    request = only(events, "REQUEST")
    assert named(request.actors, names) == {issuer}
    assert request.content == content
    assert text[request.content_start:request.content_end] == content


def test_directive_content_survives_the_json_form(events_of):
    from linkchart.model import DocExtraction

    text = "Iran ordered Hezbollah to withdraw its fighters from Syria."
    events, _ = events_of(text, "2020-01-08")
    extraction = DocExtraction(document=Document(id="t", text=text), events=events)
    again = DocExtraction.from_json(extraction.to_json(), text)
    assert [e.content for e in again.events] == ["to withdraw its fighters from Syria"]
    assert again.events[0].content_start == text.index("to withdraw")


def test_meetings_called_and_dated_by_their_retelling(events_of):
    text = ("Hezbollah called Hamas commanders to an urgent meeting in Beirut. At the same "
            "time, Iran invited Iraqi commanders to another meeting in Tehran. Both meetings "
            "were held on 28 February.")
    events, names = events_of(text, "2021-03-11")
    meetings = sorted((e for e in events if e.type == "CONSULT"), key=lambda e: e.start)
    assert [named(m.actors, names) for m in meetings] == [{"Hezbollah"}, {"Iran"}]
    assert "Hamas" in named(meetings[0].recipients, names)
    assert [m.date for m in meetings] == ["2021-02-28", "2021-02-28"]


def test_an_attack_on_a_named_place_is_kept_though_it_names_no_one(events_of):
    text = ("A rocket attack on Monday targeting the Balad air base in Salahuddin province "
            "caused no casualties.")
    events, names = events_of(text, "2020-01-08")
    attack = only(events, "ASSAULT")
    assert names[attack.location] == "Balad"
    assert attack.date == "2020-01-06" and not attack.actors and not attack.recipients


def test_a_later_killing_of_others_is_not_folded_into_the_assault_before(events_of):
    text = ("In March 2019 Hezbollah attacked Israel near the border. Weeks later, on 3 April "
            "2019, Mahmoud Haidar and Ali Saleh were killed by a US drone strike.")
    events, names = events_of(text, "2020-01-08")
    first = next(e for e in events if e.type == "ASSAULT" and e.date == "2019-03")
    assert named(first.recipients, names) == {"Israel"}
    assert any({"Mahmoud Haidar", "Ali Saleh"} <= named(e.recipients, names)
               for e in events if e.type == "ASSAULT" and e.date == "2019-04-03")


def test_a_retelling_with_the_day_makes_the_date_finer(events_of):
    text = ("Mahmoud Haidar was killed in a January 2020 US drone strike in Beirut. The "
            "Americans killed him on 3 January 2020.")
    events, names = events_of(text, "2020-03-08")
    strike = only(events, "ASSAULT")
    assert strike.date == "2020-01-03"


def test_a_relative_clause_in_the_present_describes_and_no_one_acts_on_itself(events_of):
    events, names = events_of("Hamas fighters, who oppose Israel, met Hezbollah commanders "
                              "in Beirut on Monday.", "2020-01-08")
    assert "REJECT" not in {e.type for e in events}
    meeting = only(events, "CONSULT")
    assert not set(meeting.actors) & set(meeting.recipients)


def test_a_deadly_attack_is_kept_by_its_place_and_toll_though_it_names_no_one(events_of):
    events, names = events_of("Twelve people were killed in a bombing in Mogadishu on "
                              "Friday.", "2020-01-08")
    attack = only(events, "ASSAULT")
    assert names[attack.location] == "Mogadishu" and attack.fatalities == 12


def test_a_sentence_naming_one_day_dates_its_undated_event(events_of):
    text = ("Israel said Hamas commander Ahmed Nasser died on Wednesday in an Israeli "
            "airstrike on his car in Gaza.")
    events, _ = events_of(text, "2012-11-16")
    strike = next(e for e in events if "airstrike" in e.evidence)
    assert strike.date == "2012-11-14" and strike.date_text


def test_both_sides_of_a_hyphen_pair_take_part(events_of):
    events, names = events_of("The Hamas-Hezbollah talks collapsed in Beirut on Monday.")
    consult = [e for e in events if e.type == "CONSULT"]
    assert len(consult) == 1
    assert {names[a] for a in consult[0].actors} == {"Hamas", "Hezbollah"}


def test_a_place_opening_the_sentence_places_the_strike_and_never_acts(events_of):
    events, names = events_of("Near Palmyra, one strike destroyed a Hezbollah unit on Sunday.")
    strike = [e for e in events if e.type == "ASSAULT"]
    assert len(strike) == 1
    assert "Palmyra" not in {names[a] for a in strike[0].actors + strike[0].recipients}
    assert names[strike[0].location] == "Palmyra"


def test_an_indefinite_noun_tells_a_new_attack_not_the_one_before(events_of):
    events, names = events_of(
        "Hamas fighters have attacked the Erez crossing on Monday. In December, Hamas claimed "
        "responsibility for a car bomb attack there that killed at least 17 people.",
        "2020-01-08")
    attacks = [e for e in events if e.type == "ASSAULT"]
    assert len(attacks) == 2
    december = next(e for e in attacks if e.date == "2019-12")
    assert december.fatalities == 17  # the attack carried out, not the bomb naming it
    assert next(e for e in attacks if e is not december).fatalities is None


def test_he_continues_the_subject_of_the_reported_clause(events_of):
    events, names = events_of(
        "Ahmed Nasser worked in Yahya Sinwar's rocket unit before joining Hezbollah, the "
        "Israeli army said. He was killed on 3 January near Beirut.", "2020-01-08")
    killing = only(events, "ASSAULT")
    assert [names[r] for r in killing.recipients] == ["Ahmed Nasser"]


def test_denying_an_accusation_is_a_rejection_and_denying_involvement_is_not(events_of):
    events, names = events_of("Israel accused Hezbollah of the attack, a claim Hezbollah "
                              "denied. Iran has repeatedly denied the accusations. Egypt "
                              "denied any involvement.", "2020-01-08")
    rejecting = {names[a] for e in events if e.type == "REJECT" for a in e.actors}
    assert rejecting == {"Hezbollah", "Iran"}


def test_a_protest_called_for_is_what_is_asked_not_an_event(events_of):
    events, names = events_of("Kataib Hezbollah called for an open-ended protest outside "
                              "the embassy on Monday.", "2020-01-08")
    assert [e.type for e in events] == ["REQUEST"]
    assert "protest outside the embassy" in only(events, "REQUEST").content


def test_a_month_is_no_march_and_sanctions_aimed_at_a_state_are_no_attack(events_of):
    events, names = events_of("The Gaza conflict escalated in March 2019. The United States, "
                              "which targeted Iran with sanctions in May, blamed Hamas.",
                              "2020-01-08")
    assert "PROTEST" not in {e.type for e in events}
    sanction = only(events, "SANCTION")
    assert [names[r] for r in sanction.recipients] == ["Iran"]
    assert "ASSAULT" not in {e.type for e in events}


def test_a_war_toll_is_not_the_toll_of_the_attack_told_before(events_of):
    events, names = events_of("Israel began an air campaign against Hamas in March 2019. "
                              "The UN says the conflict has claimed the lives of at least "
                              "7,290 civilians.", "2020-01-08")
    assert only(events, "ASSAULT").fatalities is None


def test_naming_an_attack_is_no_attack_by_the_one_who_names_it(events_of):
    events, names = events_of("Hamas fighters attacked the Erez crossing on Monday. Israeli "
                              "minister Yoav Gallant called the assault \"state-sponsored "
                              "terror\" on Tuesday.", "2020-01-08")
    assert all("Yoav Gallant" not in {names[a] for a in e.actors} for e in events)


def test_a_pronoun_before_its_main_clause_points_ahead_to_its_subject(events_of):
    events, names = events_of("Hamas fired rockets at Tel Aviv on Sunday. A day after it "
                              "launched an airstrike on the port, Israel closed the crossing.",
                              "2020-01-08")
    strike = next(e for e in events if "airstrike" in e.evidence)
    assert [names[a] for a in strike.actors] == ["Israel"]


def test_blaming_a_killing_on_someone_accuses_them_not_the_victim(events_of):
    events, names = events_of("Ahmed Nasser was killed in Beirut in 2012. Many here blamed "
                              "his killing on Israel.", "2020-01-08")
    accusation = only(events, "ACCUSE")
    assert [names[r] for r in accusation.recipients] == ["Israel"]


def test_taking_over_an_office_is_no_seizure(events_of):
    events, names = events_of("In 2009 Ismail Haniyeh took over the premiership. Hamas took "
                              "over Gaza in 2007.", "2020-01-08")
    seizures = [e for e in events if e.type == "COERCE"]
    assert [names[a] for e in seizures for a in e.actors] == ["Hamas"]


def test_inability_and_counterfactuals_are_no_refusals(events_of):
    events, names = events_of("Hamas said it cannot disarm its own fighters. Without Qatar, "
                              "the truce would not have been signed by Hamas. Israel said it "
                              "would not accept the truce.", "2020-01-08")
    assert [names[a] for e in events if e.type == "REJECT" for a in e.actors] == ["Israel"]


def test_it_in_a_reported_clause_is_the_reporter_but_not_inside_a_quotation(events_of):
    events, names = events_of("Hamas fired rockets at Sderot on Sunday. Egypt says it "
                              "launched airstrikes against Hamas on Monday.", "2020-01-08")
    strike = next(e for e in events if "airstrikes" in e.evidence)
    assert [names[a] for a in strike.actors] == ["Egypt"]
    events, names = events_of("Yahya Sinwar met Hezbollah in Beirut on Sunday. \"He attacked "
                              "the crossing on Monday,\" Ahmed Nasser said.", "2020-01-08")
    attack = next(e for e in events if "attacked" in e.evidence)
    assert "Ahmed Nasser" not in {names[a] for a in attack.actors}


def test_a_description_with_a_peoples_adjective_skips_actors_not_of_that_people(events_of):
    events, names = events_of("Hamas warned of a long war. The Lebanese force that fought "
                              "Hamas in Sidon has condemned Egypt's decision.", "2020-01-08")
    condemning = only(events, "ACCUSE")
    assert [names[r] for r in condemning.recipients] == ["Egypt"]
    assert "Hamas" not in {names[a] for a in condemning.actors}


def test_it_opening_a_sentence_continues_a_country_subject(events_of):
    events, names = events_of("Egypt has launched two offensives against Hamas since 2016. "
                              "It condemned Israel's attack on the crossing on Monday.",
                              "2020-01-08")
    condemning = only(events, "ACCUSE")
    assert [names[a] for a in condemning.actors] == ["Egypt"]


def test_the_side_one_fights_on_is_no_participant(events_of):
    events, names = events_of("Hezbollah has been fighting on the side of Hamas in Gaza since "
                              "2013.", "2020-01-08")
    fighting = only(events, "ASSAULT")
    assert "Hamas" not in {names[a] for a in fighting.actors + fighting.recipients}


def test_support_needs_someone_who_receives_it(events_of):
    events, names = events_of("Iran has long recognized its military weakness. Egypt pledged "
                              "to provide \"necessary support\" to help Lebanon resolve the "
                              "crisis on Monday.", "2020-01-08")
    support = only(events, "SUPPORT")
    assert [names[a] for a in support.actors] == ["Egypt"]
    assert [names[r] for r in support.recipients] == ["Lebanon"]


def test_an_act_told_as_going_on_now_is_dated_to_the_month_of_the_report(events_of):
    events, names = events_of("Hamas fighters are stepping up attacks on Israel. Hamas "
                              "attacked Sderot in 2012.", "2020-03-06")
    dates = sorted(e.date for e in events if e.type == "ASSAULT")
    assert dates == ["2012", "2020-03"]
    ongoing = next(e for e in events if e.date == "2020-03")
    assert ongoing.date_text is None


def test_whom_one_fights_is_fought_but_a_clash_has_two_sides(events_of):
    events, names = events_of("Egypt has been fighting Hamas in Rafah since 2014. Hezbollah "
                              "clashed with Hamas in Sidon on Monday.", "2020-01-08")
    fighting = next(e for e in events if "fighting" in e.evidence)
    assert [names[a] for a in fighting.actors] == ["Egypt"]
    assert [names[r] for r in fighting.recipients] == ["Hamas"]
    clash = next(e for e in events if "clashed" in e.evidence)
    assert {names[a] for a in clash.actors} == {"Hezbollah", "Hamas"}


def test_it_in_a_relative_clause_on_the_object_is_the_main_subject(events_of):
    events, names = events_of("Hamas attacked the crossing on Sunday. Egypt has occupied a "
                              "part of the Sinai coast that it annexed in 2015.", "2020-01-08")
    annexing = next(e for e in events if e.date == "2015")
    assert [names[a] for a in annexing.actors] == ["Egypt"]


def test_a_date_naming_a_thing_does_not_date_the_sentence(events_of):
    events, names = events_of("Egypt warned that attempts to disrupt Lebanon's May 25 "
                              "elections would be met with sanctions.", "2014-05-12")
    warning = only(events, "THREATEN")
    assert warning.date is None


def test_a_source_cited_with_according_to_is_no_antecedent(events_of):
    events, names = events_of("Hamas was founded in 1987. Its leader was one of the most "
                              "notorious men, according to the Gaza Research Institute. The "
                              "group also killed more than 600 Israeli soldiers.", "2020-01-08")
    killing = next(e for e in events if "600" in e.evidence)
    assert [names[a] for a in killing.actors] == ["Hamas"]


def test_a_demonym_on_rebels_names_no_state(events_of):
    events, names = events_of("Iraq closed the border. Rocket attacks by Iraqi rebels killed "
                              "five people in Beirut on Monday.", "2020-01-08")
    assert "Iraq" not in {names[a] for e in events for a in e.actors}


def test_attack_by_no_one_named_is_placed_in_a_town_the_model_left_unnamed(events_of):
    # The small model tags no place in "In Donetsk, ..."; the gazetteer knows the town.
    text = "In Donetsk, 11 people were killed by shelling during the night."
    events, names = events_of(text, "2014-08-28")
    shelling = only(events, "ASSAULT")
    assert names[shelling.location] == "Donetsk"
    assert shelling.fatalities == 11
    assert shelling.date == "2014-08-28"


def test_a_stance_or_a_shared_view_is_no_event_but_an_offer_of_terms_is(events_of):
    events, names = events_of(
        "Hamas, which opposed Hezbollah, offered insights into the talks. Lebanon agreed "
        "with Egypt. Hezbollah has offered to exchange the prisoners.")
    assert not [e for e in events if e.type == "REJECT"]
    offers = [e for e in events if e.type == "AGREE"]
    assert [named(e.actors, names) for e in offers] == [{"Hezbollah"}]


def test_signing_an_agreement_is_agreeing_and_a_party_named_with_not_takes_no_part(events_of):
    events, names = events_of(
        "Iran and Hamas, but not Egypt, signed an agreement in Doha on Saturday.")
    agreement = only(events, "AGREE")
    assert named(agreement.actors, names) == {"Iran", "Hamas"}
    assert agreement.date == "2020-01-04"


def test_a_spokesman_claims_for_his_group(events_of):
    events, names = events_of(
        "Hamas spokesman Sami Zuhri claimed responsibility for the attack on the border "
        "post on Sunday.")
    attack = only(events, "ASSAULT")
    assert named(attack.actors, names) == {"Hamas"}


def test_the_attack_is_not_merged_with_daily_attacks(events_of):
    events, names = events_of(
        "Hamas claimed responsibility for the attack on the border post. Hamas and Israel "
        "have carried out daily attacks against each other.")
    attacks = [e for e in events if e.type == "ASSAULT"]
    assert len(attacks) == 2, [(e.evidence, named(e.actors, names)) for e in attacks]
    assert named(attacks[0].actors, names) == {"Hamas"}


def test_coordinated_demonyms_each_name_a_party(events_of):
    events, names = events_of("Israel attacked Iraqi and Iranian bases near Baghdad on "
                              "Sunday. Iraq and Iran have long shared the bases.")
    strike = only(events, "ASSAULT")
    assert named(strike.recipients, names) == {"Iraq", "Iran"}


def test_taking_a_village_from_a_group_seizes_it_from_them(events_of):
    events, names = events_of(
        "Hezbollah fighters took the village of Qusayr from al-Shabaab on Sunday. "
        "It took Hamas two days to decide.")
    seizure = only(events, "COERCE")
    assert seizure.mode == "seize"
    assert named(seizure.actors, names) == {"Hezbollah"}
    assert named(seizure.recipients, names) == {"al-Shabaab"}
    assert seizure.date == "2020-01-05"


def test_demands_owned_by_others_are_not_the_reporters(events_of):
    events, names = events_of("The Associated Press laid out Hamas's demands on Monday. "
                              "Hezbollah laid out its demands on Tuesday.")
    requests = [e for e in events if e.type == "REQUEST"]
    assert all("Associated Press" not in named(e.actors, names) for e in requests)
    assert any(named(e.actors, names) == {"Hezbollah"} for e in requests)


def test_a_sanction_on_what_goes_to_a_country_befalls_that_country(events_of):
    events, names = events_of("The United States halted a shipment of missiles to Israel "
                              "on Friday.")
    halt = only(events, "SANCTION")
    assert named(halt.recipients, names) == {"Israel"}


def test_a_killing_by_no_one_named_is_kept_through_its_place_and_toll(events_of):
    events, names = events_of("Gunmen killed three police officers in Mogadishu on Monday, "
                              "officials said.", "2020-01-07")
    killing = only(events, "ASSAULT")
    assert names[killing.location] == "Mogadishu"
    assert killing.fatalities == 3 and killing.date == "2020-01-06"


def test_a_bomber_who_attacked_is_one_assault_with_its_toll(events_of):
    events, names = events_of("A suicide bomber attacked a mosque in Mogadishu, killing 15 "
                              "people.")
    attack = only(events, "ASSAULT")
    assert names[attack.location] == "Mogadishu"
    assert attack.fatalities == 15 and attack.mode == "suicide"


def test_a_capture_of_a_town_is_a_seizure_placed_in_it(events_of):
    events, names = events_of("Hezbollah captured the town of Qusayr from Hamas in June 2013.")
    seizure = only(events, "COERCE")
    assert seizure.mode == "seize"
    assert names[seizure.location] == "Qusayr"
    assert named(seizure.recipients, names) == {"Hamas"}


def test_a_capture_told_with_fighting_is_an_assault(events_of):
    events, _ = events_of("Hezbollah captured the town of Qusayr after days of heavy clashes "
                          "with Hamas.")
    assert "ASSAULT" in {e.type for e in events}
    assert "COERCE" not in {e.type for e in events}


def test_the_place_of_a_killing_told_after_its_victim(events_of):
    events, names = events_of("The assassination of Qassem Soleimani in Baghdad on 3 January "
                              "2020 shocked Iran.")
    killing = only(events, "ASSAULT")
    assert names[killing.location] == "Baghdad"


def test_its_after_a_possessive_conjunct_is_that_owner(events_of):
    events, names = events_of("Egypt criticized Israel's raids in Lebanon and its annexation "
                              "of Beirut.")
    seizure = only(events, "COERCE")
    assert named(seizure.actors, names) == {"Israel"}


def test_releasing_advertisements_is_no_act(events_of):
    events, _ = events_of("Hamas on Monday released a series of new radio advertisements.")
    assert not events


def test_releasing_a_photo_is_no_act_but_releasing_a_person_is(events_of):
    events, _ = events_of("Hamas's mugshot of the spy was released by Egypt.")
    assert "RETREAT" not in {e.type for e in events}
    events, names = events_of("Hezbollah released Ahmed Rashid on Friday.")
    release = only(events, "RETREAT")
    assert named(release.actors, names) == {"Hezbollah"}


def test_a_year_naming_a_thing_or_a_date_in_a_clause_on_another_noun_dates_nothing(events_of):
    events, _ = events_of("In a bid yesterday to end the crisis, Hezbollah called on Hamas to "
                          "vote immediately on a 2014 budget.", "2014-05-20")
    request = only(events, "REQUEST")
    assert request.date == "2014-05-19"
    events, _ = events_of("Sources close to Hezbollah, which is expected to play a major role "
                          "in an attack on Hamas, say it will begin after the holiday, which "
                          "ended Thursday.", "2013-10-18")
    assert all(e.date != "2013-10-17" for e in events if e.type == "ASSAULT")


def test_releasing_a_person_named_by_office_is_a_release(events_of):
    events, names = events_of("Israel on Wednesday released the mayor of Beirut, a member of "
                              "Hezbollah jailed a year ago.")
    release = only(events, "RETREAT")
    assert named(release.actors, names) == {"Israel"}


def test_fighting_against_someone_makes_them_the_target(events_of):
    events, names = events_of("Hezbollah fought against Hamas in Sidon on Monday.")
    fight = only(events, "ASSAULT")
    assert named(fight.actors, names) == {"Hezbollah"}
    assert named(fight.recipients, names) == {"Hamas"}


def test_the_owner_of_a_criticism_acts_and_its_of_phrase_receives(events_of):
    events, names = events_of("Hezbollah's condemnation of Israel came within the hour.")
    condemnation = only(events, "ACCUSE")
    assert named(condemnation.actors, names) == {"Hezbollah"}
    assert named(condemnation.recipients, names) == {"Israel"}


def test_calls_for_someone_to_act_are_a_demand(events_of):
    events, _ = events_of("Egypt joined calls for Hamas to release the hostages.")
    assert "REQUEST" in {e.type for e in events}
    assert "CONSULT" not in {e.type for e in events}


def test_what_is_discussed_is_no_participant(events_of):
    events, names = events_of("Egypt discussed Lebanon with Iran on Monday.")
    talks = only(events, "CONSULT")
    assert "Lebanon" not in named(talks.recipients, names)
    assert "Iran" in named(talks.recipients, names) | named(talks.actors, names)


def test_a_bomb_that_exploded_somewhere_is_placed_there(events_of):
    events, names = events_of("A car bomb exploded in Beirut on Friday, killing six people.",
                              "2013-12-27")
    bombing = only(events, "ASSAULT")
    assert names[bombing.location] == "Beirut" and bombing.fatalities == 6
    assert bombing.date == "2013-12-27"


def test_an_unclaimed_bombing_retells_the_one_of_its_place_and_day(events_of):
    events, names = events_of(
        "Hamas car bomb in Beirut kills six on Thursday. Six people were killed when two "
        "car bombs exploded in Beirut on Thursday, police said.", "2014-10-17")
    bombing = only(events, "ASSAULT")
    assert named(bombing.actors, names) == {"Hamas"} and bombing.fatalities == 6
