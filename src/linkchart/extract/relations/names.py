"""Relations carried by a name's own modifiers: "Iran's Ministry of Intelligence",
"Carlos Conde of Human Rights Watch", "the Turkish military", "factions in Eastern Ghouta"."""

from __future__ import annotations

from spacy.tokens import Token

from linkchart.extract.relations.constants import (
    ACTORS, ORGANISATION_TYPES, ORGS_AND_STATES, PLACES)
from linkchart.extract.lexicons import lexicon
from linkchart.extract.relations.family import RuleFamily
from linkchart.nlp.lexicon import typing_lexicon


SEATED_TYPES = {"international_org", "religious_body", "armed_group", "organization"}
WINGS = frozenset(w for ws in typing_lexicon()["wings"].values() for w in ws)
# Nouns that say what a name is ("Russia's VKontakte social network", "its elite Quds
# Force unit", "the White House's National Security Council spokesperson"): the type head
# nouns, the descriptions anaphora reads, the collective nouns, the relational nouns and
# the titles. "his ISIS coverage" has none.
DESCRIPTOR_NOUNS = frozenset(
    {w for ws in typing_lexicon()["head_nouns"].values() for w in ws}
    | set(lexicon("anaphora")["descriptions"]) | set(lexicon("anaphora")["collective_nouns"])
    | {str(w).split()[-1] for table in ("nouns", "roles")
       for ws in lexicon("relations")[table].values() for w in ws})


class NameRules(RuleFamily):
    name = "names"
    description = "a name's own modifiers: owners, state bodies, seats, places"
    mention_rules = ("modifiers", "located", "state_body", "seat_in_name", "wing_of")

    # -- modifiers of a name: "Iran's Ministry of Intelligence", "France's TF1",
    #    "Carlos Conde of Human Rights Watch", "U.S. Africa Command"
    def modifiers(self, index: int, mention) -> None:
        root = mention.root
        inside = set(range(mention.start, mention.end))
        owners = [c for c in root.children if c.i not in inside and (
            c.dep_ == "poss" or (c.dep_ in ("compound", "nmod") and c.i < mention.start)
            or (c.dep_ == "amod" and c.i < mention.start and c.text in
                self.context.knowledge.by_demonym
                and self.context.type_of(index) != "person"))]
        owners += [t for t in mention if t.dep_ == "compound" and t.i == mention.start
                   and self.context.referent(t, anaphora=False) not in (None, index)]
        owners += [c for d in self._descriptors(root, inside)
                   if self.words.nouns.get(d.lower_) in (None, "part_of")  # an ally is no part
                   and d.lower_ not in self.words.beat_roles  # "CNN's White House reporter"
                   for c in d.children if c.dep_ == "poss" and c.i < d.i]
        conjunct = min((c.i for c in root.children if c.dep_ == "conj" and c.i > root.i),
                       default=None)
        for prep in (c for c in root.children if c.dep_ == "prep" and c.lower_ in ("of", "at")
                     and (conjunct is None or c.i < conjunct)):  # "the CIA and Office of
            owners += [o for o in prep.children if o.dep_ == "pobj"]  # the DNI": the Office's
        if self.context.type_of(index) == "person":  # "Anthony Cordesman with the CSIS"
            owners += [o for p in root.children if p.dep_ == "prep" and p.lower_ == "with"
                       for o in p.children if o.dep_ == "pobj" and
                       self.context.referent(o) is not None and
                       self.context.type_of(self.context.referent(o)) in ORGANISATION_TYPES]
        for owner in owners:
            if _paired_by_hyphen(owner, mention):
                continue  # "U.S.-Taliban talks": two sides, neither owns the other
            if owner.i < mention.start and any(t.text == "," for t in
                                               owner.doc[owner.i:mention.start]):
                continue  # "against the Houthis, Yemeni Vice-President X": no compound
            if owner.i > 0 and owner.doc[owner.i - 1].lower_ in ("for", "to") and \
                    owner.dep_ == "compound":
                continue  # "special representative for Iran Brian Hook": sent to, not of
            other = self.context.referent(owner)
            if other is None or other == index or any(c.dep_ == "conj" and c.i in inside
                                                      for c in owner.children):
                continue  # "U.N. and French forces": two forces, not a French unit of the UN
            kind = self._ownership(self.context.type_of(index), self.context.type_of(other))
            if kind in ("leads", "has_member"):  # "Abdul Mahdi's government", "Erdogan's party"
                self.add("leads" if kind == "leads" else "member_of", other, index,
                          [owner, root], root)
            elif kind:
                self.add(kind, index, other, [owner, root], root)

    @staticmethod
    def _descriptors(root: Token, inside: set[int]) -> list[Token]:
        """The common noun a name is given with: "Lebanon's Shi'ite group Hezbollah",
        "Russia's VKontakte social network"."""
        found = [c for c in root.children if c.pos_ == "NOUN" and c.i not in inside
                 and c.dep_ in ("compound", "appos", "nmod")]
        if root.dep_ in ("compound", "nmod", "appos") and root.head.pos_ == "NOUN" and \
                root.head.i not in inside and root.head.lemma_.lower() in DESCRIPTOR_NOUNS:
            found.append(root.head)  # not "his ISIS coverage": coverage is no kind of body
        return found

    @staticmethod
    def _ownership(owned: str, owner: str) -> str | None:
        if owner == "person":
            if owned == "government":
                return "leads"
            return "has_member" if owned in ("political_party", "armed_group") else None
        if owned == "person":
            return "member_of" if owner in ORGS_AND_STATES else None
        if owned in ("security_agency", "government") and owner in ORGS_AND_STATES:
            return "part_of"
        if owned in ORGANISATION_TYPES and owner in ORGANISATION_TYPES:
            return "part_of"  # "Hamas' military wing", "the U.N. Security Council"
        if owner in PLACES and owned in ORGANISATION_TYPES:
            return "based_in"
        return None

    # -- "the Turkish military", "Kenya's police", "U.S. Africa Command": a state force
    #    named by its country is part of it
    #    and "the Saudi-led coalition" is controlled by it
    def state_body(self, index: int, mention) -> None:
        kind = self.context.type_of(index)
        if kind not in ("security_agency", "government", "international_org"):
            return  # "U.S. Central Command", "the U.S. State Department", "the Saudi-led coalition"
        if kind == "government" and mention[-1].lower_ in self.words.government_nouns:
            return  # "the Syrian Interim Government": a rival government is not part of the state
        knowledge = self.context.knowledge
        doc = mention.doc
        # the state opens the name: "the National Iranian American Council" is no body
        # of Iran
        opening = [t for t in mention if t.lower_ != "the"][:1]
        for token in opening:
            led = token.i + 2 < mention.end and doc[token.i + 1].text in ("-", "‐") and \
                doc[token.i + 2].lower_ == "led"
            if kind == "international_org" and not led:
                continue
            actor = knowledge.by_demonym.get(token.text) or knowledge.country(token.text)
            country = self.context.country_referent(actor) if actor else None
            if country is not None and country != index:
                relation = ("controls", country, index) if led else ("part_of", index, country)
                self.add(*relation, [token], token, span=(mention.start, mention.end))
                return

    # -- a seat in the name: "the National Muslim Council of Kenya", "the African Union
    #    Mission in Somalia", when the place is also named on its own
    def seat_in_name(self, index: int, mention) -> None:
        if self.context.type_of(index) not in SEATED_TYPES:
            return
        joints = [t for t in mention if t.lower_ in ("of", "in") and t.i > mention.start]
        if not joints:
            return
        tail = mention.doc[joints[-1].i + 1:mention.end]
        words = [t.text for t in tail if t.lower_ != "the"]
        place = self._place_named(" ".join(words), index)
        if place is not None:
            self.add("based_in", index, place, [joints[-1]], joints[-1],
                      span=(mention.start, mention.end))

    def _place_named(self, name: str, besides: int) -> int | None:
        return self._named(name, besides, PLACES)

    # -- a wing named by its owner: "Hamas' military wing" is part of Hamas
    def wing_of(self, index: int, mention) -> None:
        words = [t.lower_ for t in mention]
        if len(words) < 3 or " ".join(words[-2:]) not in WINGS:
            return
        owner = [t.text for t in mention[:-2] if t.lower_ not in ("the", "'s", "’s", "'", "’")]
        found = self._named(" ".join(owner), index, ORGANISATION_TYPES)
        if found is not None:
            self.add("part_of", index, found, [mention[-1]], mention[-1],
                      span=(mention.start, mention.end))

    def _named(self, name: str, besides: int, types) -> int | None:
        for number, referent in enumerate(self.context.referents):
            if number != besides and referent.type in types and \
                    any(m.text == name for m in referent.mentions):
                return number
        return None

    # -- places: "armed factions in Eastern Ghouta", "Abu Omar, a fighter in Arsal"
    def located(self, index: int, mention) -> None:
        kind = self.context.type_of(index)
        if kind not in ACTORS - {"country"}:
            return
        # "Kerry in Vienna" is a visit; "Omar al-Attrash from Arsal" is where he is from
        words = ("from",) if kind == "person" else ("in", "from")
        inside = set(range(mention.start, mention.end))
        heads = [mention.root] + [c for t in mention for c in t.children
                                  if c.dep_ == "appos" and c.i not in inside]
        for head in heads:
            for prep in _preps_below(head, words, depth=3):
                for obj in (o for o in prep.children if o.dep_ == "pobj"):
                    place = self.context.referent(obj, anaphora=False)
                    if place is not None and self.context.type_of(place) in PLACES:
                        self.add("based_in", index, place, [prep, obj], prep)


def _paired_by_hyphen(owner: Token, mention) -> bool:
    doc = mention.doc
    return owner.i + 1 < len(doc) and doc[owner.i + 1].text in ("-", "‐", "–") and \
        owner.i + 2 == mention.start


def _preps_below(token: Token, words: tuple[str, ...], depth: int) -> list[Token]:
    """Prepositions hanging from a noun phrase, without crossing into a clause."""
    found, frontier = [], [token]
    for _ in range(depth):
        nxt = []
        for node in frontier:
            for child in node.children:
                if child.pos_ in ("VERB", "AUX") or child.dep_ in ("relcl", "acl", "conj"):
                    continue
                if child.dep_ == "prep" and child.lower_ in words:
                    found.append(child)
                nxt.append(child)
        frontier = nxt
    return found
