"""How the text tells an act: as done, or as a hypothesis, negation or habit (dropped), an
intention or threat ("vowed to retaliate", "would attack if ..."), a demand ("X said Y
must ..."), a refusal ("would not accept") or an allegation ("X claimed that Y attacked");
whether a trigger is an act at all rather than a description; and whether an undated act
is told as done, so that the report dates it.
"""

from __future__ import annotations

from spacy.tokens import Token

from linkchart.extract.events.candidates import Trigger
from linkchart.extract.events.lexicon import Lexicon, lemma_of
from linkchart.extract.events.syntax import (
    SUBJECTS, agents_of, is_participle, is_passive, names_several, subject_of)
from linkchart.extract.lexicons import lexicon

VERBAL_TYPES = {"AGREE", "REQUEST", "ACCUSE", "REJECT", "THREATEN"}
DEICTIC_DETS = {"any", "no", "every"}
UNREAL_MODIFIERS = frozenset(lexicon("events")["unreal_modifiers"])
REAL_GOVERNORS = frozenset(lexicon("events")["real_governors"])
REFUSAL_AUXES = ("will", "would", "wo")  # "cannot disarm" tells inability, no refusal
SPANS_OF_TIME = ("years", "decades", "months", "weeks")
GOVERNED_DEPS = ("xcomp", "ccomp", "advcl", "acl", "relcl", "conj")
CONDITIONS = ("if", "unless")
TERMS_DEPS = ("xcomp", "ccomp", "dobj", "nsubjpass", "auxpass")  # what was agreed

Reading = tuple[str, Token | None]  # the status, and the reporting verb where it matters
DROP: Reading = ("drop", None)
REAL: Reading = ("real", None)


def reality(trigger: Trigger, triggers: dict[int, Trigger], lex: Lexicon) -> Reading:
    """How the text tells the act: "real"; "drop" (a hypothesis, a negation, a habit);
    "intent" or "threat" (a stated intention, the reporting verb given); "request"
    ("X said Y must ..."); "refuse" ("would not accept"); "alleged" ("X claimed that
    Y attacked"), with the reporting verb where there is one."""
    if trigger.kind == "noun" and _unreal_noun(trigger.token, lex):
        return DROP
    verb = trigger.token if trigger.kind == "verb" else trigger.light
    if verb is None:
        return REAL
    return clause_reality(verb, triggers, lex)


def _unreal_noun(noun: Token, lex: Lexicon) -> bool:
    """"a possible attack", "no talks"; not "its long-threatened invasion"."""
    for child in noun.children:
        if child.lower_ in DEICTIC_DETS and child.dep_ in ("det", "neg") or \
                child.lower_ in UNREAL_MODIFIERS and child.dep_ == "amod" and \
                not any(g.dep_ in ("advmod", "npadvmod") for g in child.children):
            return True
        if child.lower_ in lex.negation and child.dep_ in ("neg", "det"):
            return True
    return False


def clause_reality(verb: Token, triggers: dict[int, Trigger], lex: Lexicon) -> Reading:
    children = list(verb.children)
    if _negated(children, lex):
        # "would not meet their demands", "will not accept": a refusal
        refusal = any(c.dep_ == "aux" and c.lower_ in REFUSAL_AUXES for c in children) \
            and not any(c.dep_ in ("auxpass", "aux") and c.lower_ == "have" for c in children)
        return ("refuse", None) if refusal else DROP  # not "would not have been signed"
    if _habit_or_condition(verb, children, lex) or _none_done(children):
        return DROP
    if verb.dep_ in ("acl", "ccomp") and verb.head.pos_ == "NOUN" and \
            lemma_of(verb.head) in lex.hypothetical:
        return DROP  # "his demand that Assad step down", "the plan to withdraw"
    reported = reporting_head(verb, lex)
    if reported is not None and lemma_of(reported) in lex.allegation_verbs and \
            verb.dep_ == "ccomp":
        return "alleged", reported  # "the US claimed that ISIL had attacked Iraq"
    modals = [c.lower_ for c in children if c.dep_ == "aux" and c.lower_ in lex.modal]
    if modals:
        return _modal_reading(modals[0], _conditional(children), reported, lex)
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in children)
    if verb.dep_ in GOVERNED_DEPS and (infinitive or verb.dep_ == "xcomp"):
        reading = _governed_reading(verb, infinitive, triggers, lex)
        if reading is not None:
            return reading
    if verb.dep_ == "conj":
        status = clause_reality(verb.head, triggers, lex)
        if status[0] != "real" and not any(c.dep_ in SUBJECTS for c in children):
            return status
    return REAL


def _negated(children: list[Token], lex: Lexicon) -> bool:
    return any(c.dep_ == "neg" or (c.lower_ in lex.negation and c.dep_ in
                                   ("neg", "advmod", "preconj")) for c in children)


def _habit_or_condition(verb: Token, children: list[Token], lex: Lexicon) -> bool:
    """A habit ("has complained for years", "often"), a condition ("if", "whether"), or
    the charge rather than the act ("suspected of blowing up a plane")."""
    return _for_spans_of_time(children) or _present(verb, children) or \
        any(c.dep_ == "advmod" and c.lower_ in lex.habitual for c in children) or \
        any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in children) \
        or verb.dep_ == "pcomp" and lemma_of(verb.head.head) in lex.allegation_heads


def _none_done(children: list[Token]) -> bool:
    """'offered no comment', 'made no attempt': an act whose object is none."""
    return any(c.dep_ == "dobj" and any(g.dep_ == "det" and g.lower_ == "no"
                                        for g in c.children) for c in children)


def _present(verb: Token, children: list[Token]) -> bool:
    """"When he wants something from them, he asks them": an act in the simple present
    under "when", or in the clause such a "when" opens, is a habit."""
    if verb.tag_ not in ("VBZ", "VBP"):
        return False
    whens = [verb] + [c for c in children if c.dep_ == "advcl"]
    return any(c.dep_ == "advmod" and c.lower_ in ("when", "whenever")
               for w in whens if w.tag_ in ("VBZ", "VBP") for c in w.children)


def _for_spans_of_time(children: list[Token]) -> bool:
    """"for years", "over decades", but not "for two years"."""
    return any(c.dep_ == "prep" and c.lower_ in ("for", "over") and any(
        g.dep_ == "pobj" and g.lower_ in SPANS_OF_TIME and
        not any(n.dep_ == "nummod" for n in g.children)
        for g in c.children) for c in children)


def _conditional(children: list[Token]) -> bool:
    """An "if" or "unless" clause hangs on the verb."""
    return any(c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in CONDITIONS
                                         for g in c.children)
               for c in children)


def _modal_reading(modal: str, conditional: bool, reported: Token | None,
                   lex: Lexicon) -> Reading:
    if modal in ("must", "should") and reported is not None:
        return "request", reported
    if modal in lex.intent_modal and reported is not None:
        return ("threat" if conditional else "intent"), reported
    if conditional and reported is not None:
        return "threat", reported  # "may halt mediation if ...", he said
    return DROP


def _governed_reading(verb: Token, infinitive: bool, triggers: dict[int, Trigger],
                      lex: Lexicon) -> Reading | None:
    """A clause governed by another verb ("began to withdraw", "plans to attack",
    "vowed to retaliate"): the governor decides; None when it does not."""
    head = verb.head
    lemma = lemma_of(head)
    if verb.dep_ == "conj":
        return clause_reality(head, triggers, lex)
    if lemma in REAL_GOVERNORS:
        return clause_reality(head, triggers, lex)
    if lemma in lex.governor_types or lemma in lex.hypothetical and \
            lemma not in lex.intent:
        return DROP
    if lemma in lex.intent and verb.dep_ == "xcomp" and head.i not in triggers:
        status, _ = clause_reality(head, triggers, lex)
        return ("intent", None) if status in ("real", "intent") else DROP
    if infinitive:
        return DROP  # purposes and plans: "to demand reforms"
    return None


def reporting_head(verb: Token, lex: Lexicon) -> Token | None:
    """The reporting verb a clause is told by: "X said (that) ...", "..., X said"."""
    for child in verb.children:
        if child.dep_ in ("parataxis", "ccomp", "advcl", "conj") and child.i > verb.i and \
                lemma_of(child) in lex.reporting and \
                any(g.dep_ in SUBJECTS for g in child.children):
            return child
    token = verb
    for _ in range(3):
        if token.dep_ not in ("ccomp", "xcomp", "conj") or token.head.i == token.i:
            return None
        token = token.head
        if lemma_of(token) in lex.reporting:
            return token
    return None


# ------------------------------------------------------------------ plausibility

def plausible(trigger: Trigger, lex: Lexicon) -> bool:
    """An act rather than a description ("militias backed by Iran"), and not a quoted
    speaker's own doings."""
    if trigger.kind == "verb" and _describes(trigger, lex):
        return False
    token = trigger.token
    clause = trigger.light if trigger.light is not None else (
        token if trigger.kind == "verb" else None)
    subject = subject_of(clause) if clause is not None else None
    if subject is not None and subject.lower_ in ("i", "me", "you"):
        return False  # a quoted speaker's own doings ("I phoned my daughter")
    return True


def a_view_only(trigger: Trigger, lex: Lexicon) -> bool:
    """'who opposed Hezbollah', 'offered insights', 'Zalzberg also agreed': a stance
    held or shared, which the chart does not record as an act (the sentence classifier
    still types it)."""
    if trigger.kind != "verb":
        return False
    lemma = lemma_of(trigger.token)
    if lex.stance_verbs.get(lemma) == trigger.spec.type:
        # "Boko Haram has offered to exchange the girls": an offer of terms stays
        return not any(c.dep_ == "xcomp" for c in trigger.token.children)
    return lemma in lex.terms_verbs and not any(
        c.dep_ in TERMS_DEPS or (c.dep_ == "prep" and c.lower_ in ("on", "to", "upon"))
        for c in trigger.token.children)


def _describes(trigger: Trigger, lex: Lexicon) -> bool:
    """A verb trigger that describes rather than tells an act."""
    token = trigger.token
    event_type = trigger.spec.type
    # "militias backed by Iran", "a hotel hosting diplomats": descriptions
    if token.dep_ in ("acl", "amod") and token.tag_ == "VBN" and \
            event_type not in ("ASSAULT", "COERCE"):
        return True
    if token.dep_ in ("acl", "amod") and token.tag_ == "VBG" and \
            event_type not in VERBAL_TYPES | {"PROTEST"}:
        return True  # "refugees fleeing the war"
    if lemma_of(token) == "warn" and not _warns_of_act(token, lex):
        return True
    if is_participle(token) and event_type != "ASSAULT":
        return True  # "backed by pro-Turkey rebels", "Asked about the attack, ..."
    if event_type in VERBAL_TYPES and is_passive(token) and not agents_of(token):
        return True  # "It has been blamed": whose act is not said
    if token.dep_ == "relcl" and token.tag_ in ("VBP", "VBZ") and not any(
            c.dep_ in ("aux", "auxpass") for c in token.children):
        return True  # "factions who oppose al-Assad": what they are, not an act told
    if _asks_a_question(token, lex) or _declines_to_comment(token, lex):
        return True
    if event_type == "AGREE" and _informants_concur(token, lex):
        return True
    if lemma_of(token) == "meet" and not any(
            c.dep_ in ("dobj", "prep") and c.i > token.i for c in token.children) and \
            not names_several(subject_of(token)):
        return True  # "His threat was met positively"
    return False


def _asks_a_question(verb: Token, lex: Lexicon) -> bool:
    """"Trump asked: 'can you clean up ISIS?'", "asking whether ...": a question, not
    a request, which asks someone to act ("asked Turkey to ...") or for something."""
    if lemma_of(verb) not in lex.question_verbs:
        return False
    for child in verb.children:
        if child.dep_ == "xcomp" or (child.dep_ == "prep" and child.lower_ == "for"):
            return False
        if child.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that"
                                         for m in child.children):
            return False
    return True


def _declines_to_comment(verb: Token, lex: Lexicon) -> bool:
    """"Mr. Bukhaiti declined to comment", "declined": no act is refused."""
    if lemma_of(verb) not in lex.decline_verbs:
        return False
    complements = [c for c in verb.children if c.dep_ in ("xcomp", "dobj")]
    return not complements or all(lemma_of(c) in lex.comment_verbs for c in complements)


def _informants_concur(verb: Token, lex: Lexicon) -> bool:
    """"Israeli sources ... agreed" that something is so: they concur, they sign nothing."""
    subject = subject_of(verb)
    return subject is not None and subject.lower_ in lex.informant_nouns


def _warns_of_act(verb: Token, lex: Lexicon) -> bool:
    """"warned that police will no longer tolerate rallies", "warned X to leave":
    a threat; "warned of problems ahead": a statement."""
    for child in verb.children:
        if child.dep_ == "xcomp":
            return True
        if child.dep_ == "ccomp" and any(
                g.dep_ == "aux" and g.lower_ in lex.intent_modal for g in child.children):
            return True
    return False


# ------------------------------------------------------------------------- tense

def told_as_done(trigger: Trigger, event_type: str | None = None) -> bool:
    """Told as done (past, perfect or in progress; for statements, also the present:
    "Syria says it is willing"): dated by the report itself."""
    verb = trigger.light if trigger.light is not None else trigger.token
    if event_type in VERBAL_TYPES and _said_in_present(verb):
        return True
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX"):
            if _past_or_progressive(verb):
                return True
            if verb.dep_ not in ("xcomp", "ccomp", "conj", "advcl"):
                return False
        verb = verb.head
        if verb.head.i == verb.i and verb.pos_ not in ("VERB", "AUX"):
            return False
    return False


def _said_in_present(verb: Token) -> bool:
    """A present-tense verb on the way up from the trigger ("says", "are ready")."""
    token = verb
    for _ in range(4):
        if token.pos_ in ("VERB", "AUX") and token.tag_ in ("VBZ", "VBP"):
            return True
        if token.head.i == token.i:
            break
        token = token.head
    return False


def _past_or_progressive(verb: Token) -> bool:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ == "VBD":
        return True
    if verb.tag_ == "VBN" and any(a.lower_ in ("has", "have", "was", "were") for a in auxes):
        return True
    if verb.tag_ == "VBG" and any(a.lower_ in ("is", "are", "has", "have") for a in auxes):
        return True
    return False
