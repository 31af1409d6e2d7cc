"""The top-level pass: triggers, then per sentence the candidates with their roles,
place, date, evidence and casualties, then merged mentions, then the events kept."""

from __future__ import annotations

from spacy.tokens import Span, Token

from linkchart.extract.context import Context
from linkchart.extract.events.candidates import Candidate, Trigger
from linkchart.extract.events.casualties import link_casualties
from linkchart.extract.events.content import directive_content
from linkchart.extract.events.dates import DateFinder
from linkchart.extract.events.evidence import evidence_of
from linkchart.extract.events.lexicon import load_lexicon, lemma_of
from linkchart.extract.events.light_verbs import resolve_light_verbs
from linkchart.extract.events.merge import date_retold_pairs, merge_mentions
from linkchart.extract.events.places import find_place
from linkchart.extract.events.reality import a_view_only, plausible, reality, told_as_done
from linkchart.extract.events.roles import RoleFinder
from linkchart.extract.events.syntax import Sentences, subject_of
from linkchart.extract.events.triggers import find_triggers
from linkchart.model import Event

# Types a stated intention keeps; any other intended act is a THREATEN or an AGREE.
STATED_TYPES = ("AGREE", "THREATEN", "REQUEST", "REJECT")
# Acts that are nothing without someone who receives them ("Iran has long recognized its
# military weakness" supports no one).
RECIPIENT_TYPES = ("AID", "SUPPORT")
DONE_TAGS = ("VBD", "VBN")  # a verb in the past inside what is asked tells its own act


class EventExtractor:
    def __init__(self, context: Context, candidates: bool = False):
        self.context = context
        self.candidates = candidates
        """Keep every classified trigger, also hypothetical or unanchored ones: what the
        sentence benchmarks score (the event classifier), never the chart."""
        self.doc = context.doc
        self.lex = load_lexicon()
        self.published = context.document.published
        self.triggers: dict[int, Trigger] = {}
        self.sentences = Sentences(self.doc)
        self.roles = RoleFinder(context, self.lex)
        self.dates = DateFinder(self.doc, self.published, context.text)

    def run(self) -> list[Event]:
        self.triggers = find_triggers(self.doc, self.sentences, self.lex)
        nominal = {i for i, t in self.triggers.items() if t.kind == "noun"}
        resolve_light_verbs(self.triggers, self.lex)
        self.dates.attach(self.triggers, nominal)
        candidates: list[Candidate] = []
        for number, sent in enumerate(self.sentences.spans):
            found = self._candidates_in(sent, number)
            candidates.extend(link_casualties(found, sent, candidates, self.lex))
        if self.candidates:  # the main clause's event first: what a sentence is about
            events = sorted(candidates, key=lambda c: len(list(c.trigger.token.ancestors)))
        else:
            date_retold_pairs(candidates, self.lex.retelling_words)
            events = merge_mentions(candidates)
        return self._finish(events)

    def _candidates_in(self, sent: Span, number: int) -> list[Candidate]:
        found = []
        for i in range(sent.start, sent.end):
            trigger = self.triggers.get(i)
            if trigger is None:
                continue
            candidate = self._candidate(trigger, number)
            if candidate is not None:
                found.append(candidate)
        return _without_what_is_asked(found)

    # -------------------------------------------------------------- candidates

    def _candidate(self, trigger: Trigger, sentence: int) -> Candidate | None:
        status, speaker = reality(trigger, self.triggers, self.lex)
        if status == "drop" and self.candidates:
            status = "real"
        if status == "drop" or not plausible(trigger, self.lex) or \
                (not self.candidates and a_view_only(trigger, self.lex)):
            return None
        if status == "alleged":
            return self._accusation(trigger, speaker, sentence)
        typed = self._type_as_told(trigger, status)
        if typed is None:
            return None
        candidate = Candidate(trigger, *typed, sentence=sentence)
        self.roles.assign(trigger, candidate)
        if status in ("intent", "threat") and not candidate.actors and speaker is not None:
            # "Iran said it would attack": the speaker stands behind the intent
            candidate.actors = [a for a in self._speaker(speaker)
                                if a not in candidate.recipients]
        if status == "request":
            # "the minister said Libya must hand over ...": the speaker asks Libya
            candidate.type, candidate.mode = "REQUEST", None
            candidate.recipients = candidate.actors
            candidate.actors = self._speaker(speaker)
        find_place(trigger, candidate, self.context, self.lex)
        if candidate.type == "REQUEST":
            candidate.content = directive_content(trigger, self.context)
        self.dates.date(trigger, candidate)
        candidate.evidence = evidence_of(trigger, self.sentences, self.context)
        candidate.casualty_only = trigger.kind == "verb" and \
            lemma_of(trigger.token) in self.lex.casualty_words
        return candidate

    def _type_as_told(self, trigger: Trigger, status: str) -> tuple[str, str | None] | None:
        """(type, mode): an intended hostile act is a THREATEN, another an AGREE; a
        threat a THREATEN; a refusal a REJECT, or None where the act is not refusable."""
        event_type, mode = trigger.spec.type, trigger.spec.mode
        if status == "intent" and event_type not in STATED_TYPES:
            return ("THREATEN" if event_type in self.lex.hostile else "AGREE"), None
        if status == "threat":
            return "THREATEN", None
        if status == "refuse":
            return ("REJECT", None) if event_type in self.lex.refusable else None
        if mode == "seize" and self._seizes_a_person(trigger):
            return "ASSAULT", "abduct"
        if mode == "seize" and self._fighting_told(trigger):
            return "ASSAULT", None
        if not self.candidates and trigger.kind == "verb":
            event_type = self.lex.chart_retypes.get(lemma_of(trigger.token), {}).get(
                event_type, event_type)
        return event_type, mode

    def _seizes_a_person(self, trigger: Trigger) -> bool:
        """'gunmen seized the prime minister': an abduction, not a taking of a place."""
        objects = [c for c in trigger.token.children if c.dep_ == "dobj"]
        return any(self.context.type_of(i) == "person"
                   for o in objects for i in self.context.referents_of(o))

    def _fighting_told(self, trigger: Trigger) -> bool:
        """A taking of a place told with fighting ("stormed", "after heavy clashes")."""
        sent = self.sentences.of(trigger.token.i)
        return any(lemma_of(t) in self.lex.fighting_words or t.lower_ in self.lex.fighting_words
                   for t in sent if t.i != trigger.token.i)

    def _accusation(self, trigger: Trigger, speaker: Token | None,
                    sentence: int) -> Candidate | None:
        """"the US claimed that ISIL had attacked Iraq": the speaker ACCUSEs the
        alleged actor of a hostile act."""
        if trigger.spec.type not in self.lex.hostile:
            return None
        candidate = Candidate(trigger, "ACCUSE", None, sentence=sentence)
        self.roles.assign(trigger, candidate)  # the parties are replaced; a place stays
        candidate.actors = self._speaker(speaker)
        candidate.recipients = [a for a in self._alleged_actors(trigger)
                                if a not in candidate.actors]
        if not candidate.recipients:
            return None
        self.dates.date(trigger, candidate)
        candidate.evidence = evidence_of(trigger, self.sentences, self.context)
        return candidate

    def _alleged_actors(self, trigger: Trigger) -> list[int]:
        """Who the allegation says acted: the actors of the act as typed."""
        probe = Candidate(trigger, trigger.spec.type, None)
        self.roles.assign(trigger, probe)
        return probe.actors

    def _speaker(self, speaker: Token | None) -> list[int]:
        """The referents of the reporting verb's subject."""
        return self.roles.phrase(subject_of(speaker)) if speaker is not None else []

    # ------------------------------------------------------------------ events

    def _keep(self, candidate: Candidate) -> bool:
        """An event needs a participant and a date, place or count, or to be told as
        done ("condemned", "has withdrawn"). An event the text does not date keeps no
        date: the publication month would be a guess, often years off."""
        if self.candidates:
            return True
        self._places_out_of_roles(candidate)
        if candidate.placed_only:
            return True
        candidate.recipients = [r for r in candidate.recipients if r not in candidate.actors]
        if not candidate.participants:
            return False
        if candidate.type in RECIPIENT_TYPES and not candidate.recipients:
            return False  # aid to no one named: "aided by drones overhead"
        if candidate.anchored:
            return True
        return told_as_done(candidate.trigger, candidate.type)

    def _places_out_of_roles(self, candidate: Candidate) -> None:
        """A place never acts or suffers: 'Near Palmyra, one strike destroyed a unit'
        places the strike, it does not make Palmyra the attacker."""
        places = [i for i in (*candidate.actors, *candidate.recipients)
                  if self.context.type_of(i) == "location"]
        if not places:
            return
        candidate.actors = [i for i in candidate.actors if i not in places]
        candidate.recipients = [i for i in candidate.recipients if i not in places]
        if candidate.location is None:
            candidate.location = places[0]

    def _finish(self, candidates: list[Candidate]) -> list[Event]:
        events = []
        for candidate in candidates:
            if not self._keep(candidate):
                continue
            if not candidate.evidence[0]:
                continue
            events.append(self._event(candidate, f"v{len(events) + 1}"))
        return events

    def _event(self, candidate: Candidate, event_id: str) -> Event:
        text, start, end = candidate.evidence
        ids = self.context.entity_id
        content_start, content_end = candidate.content or (None, None)
        return Event(
            id=event_id, type=candidate.type, evidence=text, start=start,
            end=end, mode=candidate.mode, date=candidate.date,
            date_text=candidate.date_text,
            location=ids(candidate.location) if candidate.location is not None else None,
            actors=[ids(a) for a in candidate.actors],
            recipients=[ids(r) for r in candidate.recipients],
            fatalities=candidate.fatalities, injured=candidate.injured,
            content=self.context.text[content_start:content_end]
            if candidate.content else None,
            content_start=content_start, content_end=content_end,
            rule=f"{candidate.trigger.kind}:{candidate.type}")


def _without_what_is_asked(found: list[Candidate]) -> list[Candidate]:
    """"Kataib Hezbollah called for a protest outside the embassy": the protest asked
    for is the request's content, not an event of its own (but "an end to a blockade
    imposed in 2007" tells a blockade that was)."""
    requests = [c for c in found if c.type == "REQUEST" and c.content]
    return [c for c in found if not any(_asked_by(c, request) for request in requests
                                        if request is not c)]


def _asked_by(candidate: Candidate, request: Candidate) -> bool:
    start, end = request.content
    told_apart = candidate.trigger.token.tag_ in DONE_TAGS or \
        candidate.date_text is not None and candidate.date_text != request.date_text
    return start <= candidate.trigger.token.idx < end and not told_apart


def extract_events(context: Context, candidates: bool = False) -> list[Event]:
    return EventExtractor(context, candidates).run()
