"""Casualties to the assault they report: a sentence's counts go to its assault;
"killed"/"wounded" mentions fold into it ("a strike killed X", "killed in a drone strike",
"..., killing 3"); "the strikes" and "25 fighters were killed" with no one named refer
back to the assault told just before."""

from __future__ import annotations

from spacy.tokens import Span

from linkchart.extract.events.candidates import Candidate
from linkchart.extract.events.counts import count_casualties
from linkchart.extract.events.lexicon import Lexicon, lemma_of
from linkchart.extract.events.merge import absorb

DEFINITE_DETS = ("the", "this", "that", "these", "those")
LOOK_BACK_SENTENCES = 2


def link_casualties(found: list[Candidate], sent: Span, earlier: list[Candidate],
                    lex: Lexicon) -> list[Candidate]:
    """The sentence's candidates less those folded into an assault; that assault takes
    the sentence's counts."""
    killed, wounded = count_casualties(sent, lex)
    found = _agents_folded(found)
    host = _sentence_assault(found)
    toll = host is None and _war_toll(sent, lex)
    target = host or (None if toll else _assault_told_before(found, earlier))
    if target is None and not toll:
        # "Gunmen killed three police officers in Kandahar": a killing placed, by no one named
        host = target = next((c for c in found if c.type == "ASSAULT" and c.casualty_only
                              and c.location is not None), None)
    kept = _fold_into(target, host, found)
    if target is not None and (host is not None or not any(c.type == "ASSAULT" and
                                                            c.participants for c in kept)):
        if killed and target.fatalities is None:
            target.fatalities = killed
        if wounded and target.injured is None:
            target.injured = wounded
    return kept


def _agents_folded(found: list[Candidate]) -> list[Candidate]:
    """'A suicide bomber attacked a mosque': the bomber is who attacked, one assault."""
    kept = []
    for candidate in found:
        token = candidate.trigger.token
        verb = next((c for c in found if c is not candidate and c.type == "ASSAULT"
                     and c.trigger.kind == "verb" and not c.casualty_only
                     and token.head.i == c.trigger.token.i
                     and token.dep_ == "nsubj"), None)
        if candidate.type == "ASSAULT" and candidate.trigger.kind == "noun" and \
                verb is not None:
            absorb(verb, candidate)
            continue
        kept.append(candidate)
    return kept


def _war_toll(sent: Span, lex: Lexicon) -> bool:
    """'the conflict has claimed the lives of 7,290 civilians': a whole war's toll."""
    return any(t.dep_ == "nsubj" and lemma_of(t) in lex.aggregate_nouns and any(
        lemma_of(w) in lex.casualty_words for w in t.head.subtree) for t in sent)


def _sentence_assault(found: list[Candidate]) -> Candidate | None:
    """The sentence's own assault: one that is not a bare casualty mention nor an
    anaphor, or else a casualty mention that names who killed."""
    assaults = [c for c in found if c.type == "ASSAULT"]
    hosts = [c for c in assaults if not c.casualty_only and not _anaphoric(c)] or \
        [c for c in assaults if c.casualty_only and c.actors]
    # "a suicide car bomb attack that killed 17": the attack someone carried out, not
    # the bomb that modifies it
    hosts.sort(key=lambda c: not c.participants)
    return hosts[0] if hosts else None


def _assault_told_before(found: list[Candidate], earlier: list[Candidate]) -> Candidate | None:
    """The main assault of the latest of the last two sentences that told one."""
    told = []
    number = _sentence_number(found, earlier)
    for c in reversed(earlier):
        if c.sentence < number - LOOK_BACK_SENTENCES:
            break
        if c.type == "ASSAULT" and c.participants:
            told.insert(0, c)
    return next((c for c in told if c.sentence == told[-1].sentence), None) \
        if told else None


def _fold_into(target: Candidate | None, host: Candidate | None,
               found: list[Candidate]) -> list[Candidate]:
    """Fold casualty mentions and anaphoric assaults into the target; the rest stay."""
    kept = []
    for candidate in found:
        foldable = candidate.type == "ASSAULT" and candidate is not host and (
            candidate.casualty_only and (host is not None or not candidate.actors)
            or _anaphoric(candidate))
        if foldable and target is not None and (host is not None
                                                or _may_retell(candidate, target)):
            absorb(target, candidate)
            continue
        kept.append(candidate)
    return kept


def _may_retell(mention: Candidate, told: Candidate) -> bool:
    """A later sentence's killing retells the assault told before unless it names other
    victims ("IS was wiped out ... until 3 January, when he and Muhandis were killed")."""
    return not mention.recipients or bool(set(mention.recipients) & set(told.recipients))


def _anaphoric(candidate: Candidate) -> bool:
    """"the strikes", "the attack": a definite noun trigger naming no one."""
    token = candidate.trigger.token
    return candidate.trigger.kind == "noun" and not candidate.participants and any(
        c.dep_ == "det" and c.lower_ in DEFINITE_DETS for c in token.children)


def _sentence_number(found: list[Candidate], earlier: list[Candidate]) -> int:
    if found:
        return found[0].sentence
    return earlier[-1].sentence + 1 if earlier else 0
