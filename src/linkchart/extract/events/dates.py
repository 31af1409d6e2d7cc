"""When an event took place: the DATE expressions attached to the trigger's clause,
resolved by `linkchart.nlp.dates` against the publication date and the date of the event
told just before ("the next day")."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from linkchart.extract.events.candidates import Candidate, Trigger
from linkchart.extract.events.syntax import governing_verb
from linkchart.nlp.dates import MONTHS, TIME_OF_DAY, resolve_date

DATE_LABELS = ("DATE", "TIME")
MONTH_WORDS = frozenset(MONTHS)
PROBE_DATE = "2000-06-15"  # a stand-in publication date: does a text name a date at all?
MAX_WALK = 12
# Prepositions kept with the date words they introduce ("on Sunday", "in June 2014").
DATE_PREPS = ("on", "in", "since", "during", "at", "by", "until", "from", "through",
              "throughout", "over", "before", "after")

_MONTH = (r"(?:January|February|March|April|June|July|August|September|October|November|"
          r"December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.|"
          r"May(?=[ ,]+\d))")
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_COUNT = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a few)"
# Date words the tagger may miss; group "d" is the expression.
DATE_PATTERNS = [re.compile(p) for p in (
    r"\b(?P<d>(?:(?:[Ee]arly|[Mm]id|[Ll]ate)[- ])?(?:\d{1,2} )?" + _MONTH +
    r"(?: \d{1,2}(?:st|nd|rd|th)?)?(?:,? \d{4})?)\b",
    r"\b(?P<d>(?:[Ll]ast |[Tt]his |[Ee]arlier |[Ll]ate )?" + _WEEKDAY +
    r"(?: (?:morning|afternoon|evening|night))?)\b",
    r"\b(?P<d>[Yy]esterday|[Tt]oday|[Tt]onight|[Tt]his (?:morning|afternoon|evening))\b",
    r"\b(?P<d>(?:(?:[Ee]arlier|[Ll]ater|[Ll]ate|[Ee]arly) )?(?:[Ll]ast|[Tt]his|[Pp]revious|"
    r"[Pp]ast) (?:week|month|year|spring|summer|autumn|fall|winter))\b",
    r"\b(?P<d>(?:the )?(?:next|following|same|previous) (?:day|week|month|year)|" + _COUNT +
    r" (?:days?|weeks?|months?|years?|hours?) (?:ago|later|earlier))\b",
    r"\b(?:[Ii]n|[Ss]ince|[Dd]uring|[Bb]y|[Uu]ntil|[Oo]f|[Ff]rom) (?P<d>(?:(?:early|mid|late)"
    r"[- ]?)?(?:the (?:spring|summer|autumn|fall|winter) of )?(?:19|20)\d\d)\b",
    r"\b(?P<d>(?:early|mid|late)-(?:19|20)\d\d)\b",
)]


class DateFinder:
    """Dates events in document order: each resolved date becomes the reference for
    relative dates told after it."""

    def __init__(self, doc: Doc, published: str | None, text: str | None = None):
        self.doc = doc
        self.text = text  # doc.text, where the caller has it: spaCy builds it anew
        self.published = published
        self.last_date: str | None = None
        self.spans: list[Span] = []
        self.anchors: dict[int, list[Span]] = {}
        self.anchor_of: dict[int, Token] = {}  # a date's start -> the word it modifies

    def attach(self, triggers: dict, nominal: set[int]) -> None:
        """Each DATE expression to the trigger or verb it modifies."""
        self.spans = date_mentions(self.doc, self.text)
        for ent in self.spans:
            anchor = _anchor_of(ent, triggers, nominal)
            if anchor is not None:
                self.anchors.setdefault(anchor.i, []).append(ent)
                self.anchor_of[ent.start] = anchor

    def date(self, trigger: Trigger, candidate: Candidate) -> None:
        """Date the candidate from its clause: the trigger and the verb that carries it
        out, then the verbs its clause continues, reports or hangs on."""
        heads = _own_heads(trigger)
        clause = trigger.light if trigger.light is not None else (
            trigger.token if trigger.kind == "verb" else None)
        if clause is not None and self._date_up_the_clause(clause, heads, candidate):
            return
        for head in heads:
            for ent in self.anchors.get(head.i, []):
                # "declared a cease-fire until elections on Nov. 1", "to vote on a 2014
                # budget": not when it happened
                if not _a_deadline(ent) and not _names_another(ent, head) and \
                        self._use_date(ent, candidate):
                    return
        self._date_from_sentence(trigger.token, candidate)
        if candidate.date is None and self.published and _ongoing(trigger):
            # "Taliban fighters are stepping up attacks": told as going on now, in the
            # month of the report (the words that date it are the tense: no date_text)
            candidate.date = self.published[:7]

    def _date_from_sentence(self, token: Token, candidate: Candidate) -> None:
        """A sentence that names one date dates the event its syntax left undated ("the
        group claimed responsibility for the attack on Friday", the date hung elsewhere)."""
        sentence = token.sent
        found = [ent for ent in self.spans if sentence.start <= ent.start and
                 ent.end <= sentence.end and not _names_a_thing(ent)
                 and not self._describes_another(ent, token)]
        if len(found) == 1 and not _a_deadline(found[0]) \
                and len(resolve_date(found[0].text, PROBE_DATE, PROBE_DATE) or "") == \
                len(PROBE_DATE):
            self._use_date(found[0], candidate)  # a day: "on Friday", "yesterday", "3 March"

    def _describes_another(self, ent: Span, trigger: Token) -> bool:
        """'the holiday, which ended Thursday': a date in a clause on another noun."""
        anchor = self.anchor_of.get(ent.start)
        return anchor is not None and anchor.dep_ in ("relcl", "acl") and \
            anchor.head.i != trigger.i and \
            not anchor.left_edge.i <= trigger.i <= anchor.right_edge.i

    def _date_up_the_clause(self, token: Token, heads: list[Token],
                            candidate: Candidate) -> bool:
        """Add the governing verbs to `heads`; True when a relative clause on a date
        ("since last year when Trump pulled out") dated the candidate."""
        for _ in range(4):
            if token.dep_ in ("conj", "xcomp", "ccomp", "advcl") and token.head.i != token.i:
                token = token.head
                heads.append(token)
            elif token.dep_ == "relcl" and self._spans_over(token.head.i):
                # "since last year when Trump pulled out": the year it hangs on
                return any(self._use_date(ent, candidate)
                           for ent in self._spans_over(token.head.i))
            elif token.dep_ == "relcl" and governing_verb(token.head) is not None:
                # "HTS attacked Ahrar al-Sham, which withdrew": the main clause's date
                token = governing_verb(token.head)
                heads.append(token)
            else:
                break
        return False

    def _spans_over(self, index: int) -> list[Span]:
        return [ent for ent in self.spans if ent.start <= index < ent.end]

    def _use_date(self, ent: Span, candidate: Candidate) -> bool:
        text = ent.text
        if resolve_date(text, PROBE_DATE, PROBE_DATE) is None:
            return False
        candidate.date = resolve_date(text, self.published, self.last_date)
        candidate.date_text = date_text(ent)
        if candidate.date:
            self.last_date = candidate.date
        return True


def _names_a_thing(ent: Span) -> bool:
    """'Ukraine's May 25 elections': the date of the elections, not of the sentence
    ('Friday evening' is a time)."""
    root = ent.root
    return root.dep_ in ("compound", "nmod", "amod") and root.head.pos_ == "NOUN" and \
        not re.fullmatch(TIME_OF_DAY, " " + root.head.lower_)


def _names_another(ent: Span, head: Token) -> bool:
    """'a 2014 budget' dates the budget, not the head the date is found under."""
    return _names_a_thing(ent) and ent.root.head.i != head.i


def _ongoing(trigger: Trigger) -> bool:
    """A verb in the present progressive: "are stepping up", "is launching talks"."""
    verb = trigger.light if trigger.light is not None else trigger.token
    return verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.lower_ in ("is", "are", "am")
                                      for c in verb.children)


def _a_deadline(ent: Span) -> bool:
    """'a cease-fire until elections on Nov. 1', 'until March': when something lasts
    to, not when it happened."""
    for ancestor in list(ent.root.ancestors)[:3]:
        if ancestor.dep_ == "prep" and ancestor.lower_ in ("until", "till"):
            return True
    return False


def _own_heads(trigger: Trigger) -> list[Token]:
    """The trigger, the verb carrying it out, and a verb trigger's open complements."""
    heads = [trigger.token]
    if trigger.light is not None:
        heads.append(trigger.light)
    if trigger.kind == "verb":
        heads.extend(c for c in trigger.token.children if c.dep_ == "xcomp")
    return heads


def _anchor_of(ent: Span, triggers: dict, nominal: set[int]) -> Token | None:
    """The first trigger, noun trigger or verb above a date expression."""
    token = ent.root
    for _ in range(MAX_WALK):
        if token.head.i == token.i:
            break
        token = token.head
        if ent.start <= token.i < ent.end:
            continue
        if token.i in triggers or token.i in nominal or \
                token.pos_ in ("VERB", "AUX") and token.dep_ not in ("aux", "auxpass"):
            return token
    return None


def date_mentions(doc: Doc, text: str | None = None) -> list[Span]:
    """The tagger's DATE and TIME entities, and date words it missed ("mid-January").
    `text` is doc.text, if the caller has it already."""
    found = [_date_span(ent) for ent in doc.ents if ent.label_ in DATE_LABELS]
    taken = {i for span in found for i in range(span.start, span.end)}
    if text is None:
        text = doc.text  # built anew on each access: once here
    for pattern in DATE_PATTERNS:
        for match in pattern.finditer(text):
            span = doc.char_span(match.start("d"), match.end("d"), alignment_mode="expand")
            if span is None or any(i in taken for i in range(span.start, span.end)):
                continue
            if any(t.ent_type_ and t.ent_type_ not in DATE_LABELS for t in span):
                continue
            found.append(span)
            taken.update(range(span.start, span.end))
    return _coordinated(sorted(found, key=lambda span: span.start))


def _coordinated(spans: list[Span]) -> list[Span]:
    """"on Wednesday and Thursday": one expression of two days, where it resolves."""
    merged: list[Span] = []
    for span in spans:
        last = merged[-1] if merged else None
        if last is not None and span.start == last.end + 1 and \
                span.doc[last.end].lower_ in ("and", "or", "to"):
            pair = span.doc[last.start:span.end]
            if resolve_date(pair.text, PROBE_DATE, PROBE_DATE) is not None:
                merged[-1] = pair
                continue
        merged.append(span)
    return merged


def _date_span(ent: Span) -> Span:
    """"26 February" when the tagger left the day out of the DATE entity."""
    doc = ent.doc
    if ent.start > 0 and doc[ent.start - 1].like_num and doc[ent.start - 1].text.isdigit() \
            and 1 <= int(doc[ent.start - 1].text) <= 31 and \
            ent[0].lower_.rstrip(".") in MONTH_WORDS:
        return doc[ent.start - 1:ent.end]
    return ent


def date_text(ent: Span) -> str:
    """The date words as written, with the preposition that introduces them ("on
    Sunday", "in June 2014")."""
    doc = ent.doc
    start = ent.start
    root = ent.root
    if start > 0 and doc[start - 1].dep_ == "prep" and root.head.i == start - 1 and \
            doc[start - 1].lower_ in DATE_PREPS:
        start -= 1
    return doc[start:ent.end].text
