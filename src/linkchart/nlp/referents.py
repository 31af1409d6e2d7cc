"""In-document aliasing: group entity mentions into referents, one per actor or place.

Rules, in order: the same knowledge-pack actor; the same normalised name; a full name the
packs spell otherwise, joined to the pack's person named by its end; a surname or first
name of a person named in full; a bare head noun ("the Embassy") for the one name ending
with it; an acronym defined in brackets or spelling a name's initials; a capital used as
an actor for its country; a plural demonym used as an actor ("the Iranians believe") for
its country. Each referent's type is the weighted vote of
its mentions.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span

from linkchart.nlp.lexicon import typing_lexicon
from linkchart.nlp.packs import Actor, Knowledge
from linkchart.nlp.typing import CONTEXT, STOCK, STRONG, TypeVote, Typer

PLACE_PREPOSITIONS = {"in", "at", "near", "into", "inside", "outside", "around", "across",
                      "through", "via", "throughout", "within", "north", "south", "east",
                      "west", "outskirts"}
INFORMED = CONTEXT  # a vote from the name, its sentence or a pack
ACRONYM_SKIP = {"of", "and", "the", "for", "in", "al", "el", "-", "&", "on", "de", "la"}
ACRONYM = re.compile(r"^[A-Z][A-Z0-9&\-\.]{1,7}$")


@lru_cache(maxsize=65536)  # asked of each referent's name several times per document
def normalise_name(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[’'`ʿʾ‘]", "", text.casefold())
    text = re.sub(r"[-‐–—_.]", " ", text)
    text = re.sub(r"^(the|al|el)\s+", "", " ".join(text.split()))
    return text


@dataclass
class Referent:
    mentions: list[Span] = field(default_factory=list)
    votes: Counter = field(default_factory=Counter)
    actor: Actor | None = None
    alias_only: set[tuple[int, int]] = field(default_factory=set)
    anaphors: list[Span] = field(default_factory=list)

    informed: Counter = field(default_factory=Counter)

    @property
    def type(self) -> str:
        """Votes from the name, its context or a pack decide; the model's bare labels
        only when nothing else speaks ("Arsal, a town" over a dozen ORG guesses)."""
        return (self.informed or self.votes).most_common(1)[0][0]

    @property
    def name(self) -> str:
        forms = [m.text for m in self.mentions if (m.start, m.end) not in self.alias_only]
        if not forms and self.actor and any(self.actor.name in m.text for m in self.mentions):
            return self.actor.name  # named only by its demonym: "Iran" in "Iranian-backed"
        forms = forms or [m.text for m in self.mentions]
        if self.actor and self.actor.name in forms:
            return self.actor.name
        return max(forms, key=lambda f: (len(f.split()) > 1, len(f), -forms.index(f)))

    @property
    def aliases(self) -> list[str]:
        name, seen = self.name, []
        for mention in self.mentions:
            if mention.text != name and mention.text not in seen:
                seen.append(mention.text)
        return seen

    def add(self, span: Span, vote: TypeVote, alias_only: bool = False) -> None:
        if alias_only:
            self.alias_only.add((span.start, span.end))
        self.mentions.append(span)
        self.votes[vote.type] += vote.weight
        if vote.weight >= INFORMED:
            self.informed[vote.type] += vote.weight


class ReferentBuilder:
    def __init__(self, knowledge: Knowledge, typer: Typer):
        self.knowledge = knowledge
        self.typer = typer

    def build(self, doc: Doc) -> list[Referent]:
        referents: list[Referent] = []
        index: dict[str, Referent] = {}
        defined = _bracket_acronyms(doc)
        for span in doc.ents:
            vote = self.typer.vote(span)
            if vote is None:
                vote = self._demonym_as_actor(span)
                if vote is None:
                    continue
            actor = self._actor(span, vote)
            if actor and actor.type == "country" and span.text != actor.name \
                    and span.text not in actor.aliases:
                vote = TypeVote("country", STRONG)
                referent, alias = self._country(actor, index, referents), True
            else:
                referent, alias = self._find(span, vote, actor, index, referents, defined), False
            referent.add(span, vote, alias_only=alias)
            if actor and referent.actor is None:
                referent.actor = actor
            self._index(referent, span, actor, index)
        return _merge_surnames(_merge_full_names(referents))

    def _actor(self, span: Span, vote: TypeVote) -> Actor | None:
        if span.ent_id_:
            actor = self.knowledge.by_name.get(span.ent_id_.split(":", 1)[-1].casefold())
            if actor:
                return actor
        actor = self.knowledge.actor(span.text)
        if actor:
            return actor
        if span.label_ in ("GPE", "ORG", "LOC") and span.text in self.knowledge.by_capital \
                and _acts(span):  # the model reads 'Abu Dhabi' as an organisation too
            return self.knowledge.by_capital[span.text]
        if span.label_ == "NORP":
            return self.knowledge.by_demonym.get(span.text)
        return None

    def _demonym_as_actor(self, span: Span) -> TypeVote | None:
        actor = self.knowledge.by_demonym.get(span.text)
        if span.label_ != "NORP" or actor is None:
            return None
        if span.text.endswith("s") and span.root.dep_ in ("nsubj", "nsubjpass"):
            return TypeVote("country", STRONG)
        if self._demonym_acts(span):
            return TypeVote("country", STRONG)
        return None

    def _demonym_acts(self, span: Span) -> bool:
        """'the Iranian-backed militias', 'their Iranian patrons': the demonym is the state
        that backs, leads or allies, an actor even where the article never names it."""
        doc, words = span.doc, typing_lexicon()
        if span.end + 1 < len(doc) and doc[span.end].text in ("-", "‐") and \
                doc[span.end + 1].lower_ in words["demonym_relation_modifiers"]:
            return True
        root = span.root
        return root.dep_ == "amod" and root.head.lower_ in words["demonym_patron_nouns"]

    def _country(self, actor: Actor, index, referents) -> Referent:
        key = f"actor:{actor.key}"
        if key not in index:
            referent = Referent(actor=actor)
            referents.append(referent)
            index[key] = referent
        return index[key]

    def _find(self, span, vote, actor, index, referents, defined) -> Referent:
        keys = [f"actor:{actor.key}"] if actor else []
        if span.ent_id_.startswith("state:"):
            keys.append(f"id:{span.ent_id_}")
        keys.append(f"name:{normalise_name(span.text)}")
        if span.text in defined:
            keys.append(f"name:{normalise_name(defined[span.text])}")
        if vote.type != "person" and ACRONYM.match(span.text):
            keys.append(f"initials:{span.text.replace('.', '')}")
        for key in keys:
            if key in index and _compatible(index[key], vote):
                return index[key]
        referent = Referent()
        referents.append(referent)
        return referent

    def _index(self, referent: Referent, span: Span, actor: Actor | None, index) -> None:
        if actor:
            index.setdefault(f"actor:{actor.key}", referent)
        if span.ent_id_.startswith("state:"):
            index.setdefault(f"id:{span.ent_id_}", referent)
        index.setdefault(f"name:{normalise_name(span.text)}", referent)
        initials = _initials(span)
        if initials:
            index.setdefault(f"initials:{initials}", referent)


def _compatible(referent: Referent, vote: TypeVote) -> bool:
    """A person and a place or body of one name stay apart, unless one side is only a
    guess: the model's bare label ('an attack on Qalamoun' read as a person) joins the
    place the text names with a preposition of place."""
    is_person = referent.type == "person"
    return is_person == (vote.type == "person") or vote.weight < STRONG <= max(
        referent.votes.values()) or referent.votes[referent.type] < STRONG <= vote.weight \
        or (vote.weight <= STOCK < max(referent.votes.values()))


def _acts(span: Span) -> bool:
    """A capital names its government unless the sentence uses it as a place ('in
    Tehran and Beirut', 'the Brussels-based group')."""
    root = span.root
    while root.dep_ == "conj" and root.head.i < root.i:
        root = root.head
    if root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPOSITIONS:
        return False
    if span.end < len(span.doc) and span.doc[span.end].text in ("-", "‐"):
        return False
    return not (root.dep_ == "compound" and root.head.ent_type_ in ("", "FAC", "LOC"))


def _initials(span: Span) -> str | None:
    words = [t.text for t in span if t.lower_ not in ACRONYM_SKIP and t.is_alpha]
    if len(words) < 2 or not all(w[0].isupper() for w in words):
        return None
    return "".join(w[0] for w in words)


def _bracket_acronyms(doc: Doc) -> dict[str, str]:
    """'the Popular Mobilisation Forces (PMF)': PMF -> Popular Mobilisation Forces."""
    defined = {}
    layout = doc._.layout
    for span in doc.ents:
        end = span.end
        if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")" \
                and ACRONYM.match(doc[end + 1].text):
            acronym = doc[end + 1]
            if layout is not None and layout.is_furniture(
                    acronym.idx, acronym.idx + len(acronym.text)):
                continue  # 'Washington (CNN)': a dateline's outlet, no acronym
            defined[acronym.text] = span.text
    return defined


def _merge_surnames(referents: list[Referent]) -> list[Referent]:
    """Fold a one-word mention into the one referent it shortens: 'Khamenei' into 'Ali
    Khamenei', 'Muhandis' into 'Abu Mahdi al-Muhandis', 'Hashd' into 'Hashd al-Shaabi'.
    Organisations are shortened by their first word only (Hezbollah is not Kataib
    Hezbollah); a word shared by two referents stays apart."""
    owners: dict[str, list[Referent]] = {}
    for referent in referents:
        parts = normalise_name(referent.name).split()
        if len(parts) > 1 and referent.type not in ("country", "location"):
            keys = {parts[0], parts[-1]} if referent.type == "person" else {parts[0]}
            for key in keys:
                owners.setdefault(key, []).append(referent)
    merged = set()
    people = [(r, normalise_name(r.name).split()) for r in referents if r.type == "person"]
    for referent in referents:
        parts = normalise_name(referent.name).split()
        if referent.actor is not None or referent.type == "country":
            continue
        candidates = owners.get(parts[0], []) if len(parts) == 1 else \
            _ending_with(people, parts) if referent.type == "person" else []
        if len(candidates) == 1 and candidates[0] is not referent:
            _fold(candidates[0], referent)
            merged.add(id(referent))
        elif len(parts) == 1 and len(candidates) > 1 and referent.type != "person" and \
                all(c.type == "person" for c in candidates) and not referent.informed:
            # "Hariri's assassination" beside Rafik and Saad Hariri: one of them, not a
            # town the gazetteer happens to know
            referent.votes = Counter({"person": sum(referent.votes.values())})
    referents = [r for r in referents if id(r) not in merged]
    return _merge_head_nouns(referents)


def _fold(target: Referent, referent: Referent) -> None:
    target.mentions.extend(referent.mentions)
    target.mentions.sort(key=lambda m: m.start)
    target.votes[target.type] += sum(referent.votes.values())
    if target.actor is None:
        target.actor = referent.actor


def _merge_head_nouns(referents: list[Referent]) -> list[Referent]:
    """A name that is only its head noun ('the Embassy', 'the Army', 'the Monitor') is the
    one organisation in the document whose name ends with it ('U.S. Embassy')."""
    heads = _generic_heads()
    enders: dict[str, list[Referent]] = {}
    for referent in referents:
        parts = normalise_name(referent.name).split()
        if len(parts) > 1 and referent.type not in ("person", "country", "location"):
            enders.setdefault(parts[-1], []).append(referent)
    merged = set()
    for referent in referents:
        parts = normalise_name(referent.name).split()
        if len(parts) != 1 or parts[0] not in heads or referent.actor is not None:
            continue
        candidates = enders.get(parts[0], [])
        if len(candidates) == 1:
            _fold(candidates[0], referent)
            merged.add(id(referent))
    return [r for r in referents if id(r) not in merged]


def _merge_full_names(referents: list[Referent]) -> list[Referent]:
    """A full name the packs spell otherwise ('Abdrabbuh Mansour Hadi') is the pack's
    person the article also calls 'Hadi' or 'Mansour Hadi': every name the pack's
    referent has here ends the full name."""
    known = [r for r in referents if r.type == "person" and r.actor is not None]
    merged = set()
    for referent in referents:
        if referent.type != "person" or referent.actor is not None:
            continue
        parts = normalise_name(referent.name).split()
        candidates = [r for r in known if len(parts) > 1 and all(
            0 < len(words := normalise_name(m.text).split()) < len(parts)
            and parts[-len(words):] == words for m in r.mentions)]
        if len(candidates) == 1:
            _fold(candidates[0], referent)
            merged.add(id(referent))
    return [r for r in referents if id(r) not in merged]


@lru_cache(maxsize=1)
def _generic_heads() -> frozenset[str]:
    words = typing_lexicon()
    return frozenset(w for kind, ws in words["head_nouns"].items() if kind != "location"
                     for w in ws if " " not in w) | frozenset(words["bare_head_names"])


def _ending_with(people: list[tuple[Referent, list[str]]], parts: list[str]
                 ) -> list[Referent]:
    """The people whose longer name ends with these words: a hyphenated or two-word
    surname ('Chhoa-Howard' in 'Rachel Chhoa-Howard', 'Ba-Salma')."""
    return [r for r, name in people if len(name) > len(parts) and name[-len(parts):] == parts]
