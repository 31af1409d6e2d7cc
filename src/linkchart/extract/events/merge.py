"""Mentions of one occurrence within a document: same type, a shared participant,
compatible dates, no different place or toll. A later mention adds what it knows to the
first, whose evidence stays."""

from __future__ import annotations

from linkchart.extract.events.candidates import Candidate, add_new

DEFINITE = frozenset({"the", "this", "that", "these", "those"})
INDEFINITE = frozenset({"a", "an", "another"})
FILLED_IF_MISSING = ("location", "fatalities", "injured", "mode", "content")


def date_retold_pairs(candidates: list[Candidate], retelling_words: set[str]) -> None:
    """"Both meetings were held on 28 February": a dated plural retelling dates the
    undated events of its type told in the two sentences before it."""
    for index, retelling in enumerate(candidates):
        token = retelling.trigger.token
        if not retelling.date or token.tag_ != "NNS" or not any(
                c.lower_ in retelling_words for c in token.children):
            continue
        for earlier in candidates[:index]:
            if earlier.type == retelling.type and earlier.date is None and \
                    0 < retelling.sentence - earlier.sentence <= 2:
                earlier.date, earlier.date_text = retelling.date, retelling.date_text


def merge_mentions(candidates: list[Candidate]) -> list[Candidate]:
    """One event per occurrence: a later mention of the same type, with a shared
    participant, compatible dates and no different place or toll, adds what it knows
    to the first mention (whose evidence stays)."""
    merged: list[Candidate] = []
    by_type: dict[str, list[Candidate]] = {}
    first_told: dict[int, set[int]] = {}  # a host's own participants, before any merge
    for candidate in candidates:
        if candidate.placed_only:
            host = next((m for m in merged if _same_place_and_day(m, candidate)), None)
            if host is None:
                merged.append(candidate)
            else:
                _add_mention(host, candidate)
            continue
        if not candidate.participants:
            continue
        same_type = by_type.setdefault(candidate.type, [])
        # a mention joins an occurrence through whom its first mention named, so that
        # merged mentions do not chain unrelated acts together
        host = next((m for m in same_type if same_occurrence(m, candidate)
                     and first_told[id(m)] & candidate.participants), None)
        if host is None:
            merged.append(candidate)
            same_type.append(candidate)
            first_told[id(candidate)] = set(candidate.participants)
        else:
            _add_mention(host, candidate)
    return merged


def _same_place_and_day(host: Candidate, placed: Candidate) -> bool:
    """'ISIS car bomb in Baghdad' then 'two car bombs exploded in Baghdad Thursday,
    killing five': an act told with no one named retells the one of its kind, means,
    place and day."""
    return host.type == placed.type and host.mode is not None and \
        host.mode == placed.mode and host.location == placed.location and \
        host.date is not None and host.date == placed.date and \
        not (host.fatalities and placed.fatalities and host.fatalities != placed.fatalities)


def _add_mention(host: Candidate, other: Candidate) -> None:
    add_new(host.actors, [a for a in other.actors if a not in host.recipients])
    add_new(host.recipients, [r for r in other.recipients if r not in host.actors])
    if other.date and (host.date is None or _finer(other.date, host.date)):
        # "a January 2020 strike" retold "on 3 January 2020": the day
        host.date, host.date_text = other.date, other.date_text
    for name in FILLED_IF_MISSING:
        if getattr(host, name) is None:
            setattr(host, name, getattr(other, name))


def absorb(host: Candidate, other: Candidate) -> None:
    """Fold a mention into the event it reports on."""
    add_new(host.recipients, [r for r in other.recipients if r not in host.actors])
    if not host.actors:
        add_new(host.actors, [a for a in other.actors if a not in host.recipients])
    if host.location is None:
        host.location = other.location
    if not host.date_text and other.date_text:
        host.date, host.date_text = other.date, other.date_text
    if host.fatalities is None:
        host.fatalities = other.fatalities
    if host.injured is None:
        host.injured = other.injured
    if host.mode is None:
        host.mode = other.mode


def same_occurrence(a: Candidate, b: Candidate) -> bool:
    """Two mentions of one occurrence: same type, a shared participant, no two different
    sets of actors, the same targets as far as told, compatible dates, and no different
    place or toll."""
    if a.type != b.type or not (a.participants & b.participants) or _introduced(b):
        return False
    if _many(a) != _many(b):
        return False  # "the attack" is not "daily attacks"
    if a.actors and b.actors and not set(a.actors) & set(b.actors):
        return False  # "Pompeo blamed Iran ... Perry blamed Iran": two accusations
    if not _same_targets(a, b):
        return False
    if a.location is not None and b.location is not None and a.location != b.location:
        return False
    for x, y in ((a.fatalities, b.fatalities), (a.injured, b.injured)):
        if x and y and x != y:
            return False
    return dates_compatible(a.date, b.date)


def _same_targets(a: Candidate, b: Candidate) -> bool:
    """Both name recipients: they share one. Only one does: the other retells the act in
    the same word ("Hamas attacked X ... the attack by Hamas"), where "the US invasion"
    and "the Americans killed him" are two acts."""
    if a.recipients and b.recipients:
        return bool(set(a.recipients) & set(b.recipients))
    same_word = a.trigger.token.lemma_.lower() == b.trigger.token.lemma_.lower()
    if a.recipients or b.recipients:
        return same_word
    return same_word or _retelling(a) or _retelling(b)


def _retelling(candidate: Candidate) -> bool:
    """A noun with a definite determiner ("the attack", "the talks") retells an act told
    before; two different verbs with no targets ("fought a war", "captured the town") are
    two acts."""
    token = candidate.trigger.token
    return token.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ == "poss" or c.lower_ in DEFINITE for c in token.children)


def _introduced(candidate: Candidate) -> bool:
    """A noun with an indefinite article tells a new occurrence ("ISIS attacked Kirkuk
    ... In December, ISIS claimed a suicide car bomb attack there")."""
    token = candidate.trigger.token
    return token.pos_ == "NOUN" and any(
        c.dep_ == "det" and c.lower_ in INDEFINITE for c in token.children)


def _many(candidate: Candidate) -> bool:
    """A bare plural noun ("carried out daily attacks") tells many acts."""
    token = candidate.trigger.token
    return token.tag_ in ("NNS", "NNPS") and not any(c.dep_ in ("det", "poss")
                                                      for c in token.children)


def _finer(date: str, than: str) -> bool:
    return len(date) > len(than) and date.startswith(than)


def dates_compatible(a: str | None, b: str | None) -> bool:
    """Equal as far as the shorter goes: "2020-01" and "2020-01-05" agree."""
    if not a or not b:
        return True
    n = min(len(a), len(b))
    return a[:n] == b[:n]
