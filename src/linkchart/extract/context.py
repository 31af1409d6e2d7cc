"""What every extractor needs from an annotated Doc: which tokens name which entity.

Entity ids (e1, e2, ...) follow the order of the document's referents. A token maps to
a referent when it lies in one of its mentions, when it is a pronoun or a definite
description ("the group", "the militia") that points back to one unambiguously, or when
it is a demonym or capital that the knowledge packs tie to a country.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from linkchart.extract.enumeration import counted_members
from linkchart.extract.lexicons import lexicon
from linkchart.model import Document, ORGANISATION_TYPES
from linkchart.nlp.packs import Knowledge
from linkchart.nlp.referents import Referent
from linkchart.nlp.tokenizer import text_of

RELATIVE_PRONOUNS = {"which", "who", "that", "whom", "whose"}
DASHES = frozenset({"-", "‐", "–"})
PLURAL_SUBJECT_PRONOUNS = frozenset(lexicon("anaphora")["plural_subject_pronouns"])
HYPHENATED_TIES = frozenset(lexicon("relations")["hyphenated"])
COLLECTIVE_NOUNS = frozenset(lexicon("anaphora")["collective_nouns"])
NAMED_DESCRIPTIONS = frozenset(lexicon("anaphora")["named_descriptions"])
SIDE_PREFIXES = frozenset(lexicon("relations")["prefixes"])  # "pro-", "anti-"
SUBJECT_DEPS = ("nsubj", "nsubjpass")
DOMINANCE = 1.5  # how much more often the article's country is named than the next
PERSON_PRONOUNS = frozenset(word for word, types in lexicon("anaphora")["pronouns"].items()
                            if types == ["person"])
OFFICE_TITLES = frozenset(lexicon("anaphora")["office_titles"])
ANAPHORS = frozenset(lexicon("anaphora")["pronouns"]) | \
    frozenset(lexicon("anaphora")["descriptions"])
MAX_CHAIN = 12  # sentences an anaphoric subject is followed back through
ANAPHOR_WINDOW = 60  # tokens; a pronoun further than this from its antecedent is left alone


@dataclass
class Context:
    doc: Doc
    document: Document
    knowledge: Knowledge
    referents: list[Referent]
    token_referent: dict[int, int] = field(default_factory=dict)
    used: set[int] = field(default_factory=set)
    _dominant: list[int | None] = field(default_factory=list)
    text: str = ""
    sentences: list[Span] = field(default_factory=list)
    _sentence_of: list[int] = field(default_factory=list)
    _resolved: dict[int, int | None] = field(default_factory=dict)
    _titled: dict[str, set[int]] = field(default_factory=dict)
    _chain_depth: int = 0
    _types: list[str] = field(default_factory=list)

    @classmethod
    def build(cls, doc: Doc, document: Document, knowledge: Knowledge) -> "Context":
        context = cls(doc, document, knowledge, list(doc._.referents or []))
        context.text = text_of(doc)
        context.sentences = list(doc.sents)
        # A referent's type is a vote counted on each access; the referents are final here.
        context._types = [referent.type for referent in context.referents]
        for number, sentence in enumerate(context.sentences):
            context._sentence_of.extend([number] * len(sentence))
        for index, referent in enumerate(context.referents):
            for mention in referent.mentions:
                for token in mention:
                    context.token_referent[token.i] = index
        return context

    def sentence_number(self, token: Token) -> int:
        return self._sentence_of[token.i]

    def sentence(self, token: Token) -> Span:
        """token.sent, in constant time: spaCy's scans the document on every call."""
        return self.sentences[self._sentence_of[token.i]]

    def entity_id(self, index: int) -> str:
        self.used.add(index)
        return f"e{index + 1}"

    def type_of(self, index: int) -> str:
        return self._types[index]

    def referent(self, token: Token, anaphora: bool = True) -> int | None:
        """The referent a token names, directly or through a pronoun or description."""
        if token.i in self.token_referent:
            return self.token_referent[token.i]
        if not anaphora:
            return None
        if token.i not in self._resolved:  # rules ask about the same token many times
            if self._demonym(token):
                self._resolved[token.i] = self._country_of_demonym(token)
            else:
                self._resolved[token.i] = self._antecedent(token)
        return self._resolved[token.i]

    def referents_of(self, token: Token, anaphora: bool = True,
                     coordinated: bool = True) -> list[int]:
        """The referents a phrase headed by `token` names, through coordination and
        'including'/'such as' lists, and compounds ("the Kataib Hezbollah militia")."""
        if anaphora and token.lower_ in PLURAL_SUBJECT_PRONOUNS:
            group = self._reporting_group(token)
            if group:
                return group
        found: list[int] = []
        for head in self._conjuncts(token) if coordinated else [token]:
            index = self._phrase_referent(head, anaphora)
            if index is not None and index not in found:
                found.append(index)
            if index is None and anaphora:  # "the last three" of an enumeration
                found += [i for i in counted_members(head, self) if i not in found]
            for member in self._listed_members(head):
                if member not in found:
                    found.append(member)
        return found

    def modifier_referents(self, token: Token, deps: tuple[str, ...]) -> list[int]:
        """The referents of the token's modifiers before it with one of `deps`:
        "its Russian and Iranian backers" -> Russia, Iran."""
        return [i for c in token.children if c.dep_ in deps and c.i < token.i
                for i in self.referents_of(c)]

    def _phrase_referent(self, head: Token, anaphora: bool) -> int | None:
        """A name next to the word wins over reading the word as an anaphor: "the
        research organisation International Crisis Group" is the group named."""
        if head.i in self.token_referent or (anaphora and self._demonym(head)):
            return self.referent(head, anaphora)
        index = None if self._titles_a_name(head) else self._named_modifier(head)
        if index is None and head.dep_ in ("appos", "compound"):
            index = self.referent(head.head, anaphora=False)
        if index is None and anaphora:
            index = self.referent(head)
        if index is None and head.lower_ in RELATIVE_PRONOUNS and \
                head.head.dep_ in ("relcl", "acl"):
            index = self._relative_antecedent(head.head.head)
        if index is None and head.lower_ == "whose" and head.head.head.dep_ == "relcl":
            index = self._relative_antecedent(head.head.head.head)  # "X, whose forces ..."
        return index

    def _titles_a_name(self, head: Token) -> bool:
        """'House Speaker John Boehner': the capitalised title of the person named after
        it, not its compound ('House')."""
        after = self.token_referent.get(head.i + 1)
        return head.pos_ == "PROPN" and head.is_title and after is not None and \
            self.type_of(after) == "person"

    def _relative_antecedent(self, noun: Token) -> int | None:
        """What 'who' stands for: the noun the clause hangs on, or the name that noun is
        in apposition to ('Ian Bradbury, a Canadian soldier who is training ...') or
        that the noun describes ('X is a militia that ...')."""
        index = self.referent(noun, anaphora=False)
        if index is None and noun.dep_ == "appos":
            index = self.referent(noun.head, anaphora=False)
        if index is None and noun.dep_ == "attr":  # "X is a militia that is part of Y"
            subject = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
            index = self.referent(subject) if subject is not None else None
        return index if index is not None else self.referent(noun)

    def _conjuncts(self, token: Token) -> list[Token]:
        """The token and its coordinated names; the parser often hangs the second name
        of a list as an apposition ('A, B and C')."""
        found = [token, *token.conjuncts]
        for item in list(found):
            for child in item.children:
                if child.dep_ == "appos" and child.pos_ == "PROPN":
                    found.extend([child, *child.conjuncts])
        # "the U.S. and the Taliban - but not the Afghan government - signed"
        return [t for t in dict.fromkeys(found) if not negated(t)]

    def _named_modifier(self, token: Token) -> int | None:
        for child in token.children:
            if child.dep_ in ("compound", "appos", "nmod") and child.i in self.token_referent \
                    and not self._paired_names(child):
                return self.token_referent[child.i]
        return None

    def _paired_names(self, name: Token) -> bool:
        """'the US-Taliban deal': two sides joined by a hyphen name neither the deal."""
        doc, named = self.doc, self.token_referent
        return any(0 <= name.i + 2 * step < len(doc) and doc[name.i + step].text in DASHES
                   and named.get(name.i + 2 * step, named[name.i]) != named[name.i]
                   for step in (-1, 1))

    def _listed_members(self, token: Token) -> list[int]:
        """'factions, including X and Y'; 'an alliance of A, B and C'."""
        members = []
        collective = token.lower_ in COLLECTIVE_NOUNS
        for prep in token.children:
            if prep.dep_ == "prep" and (prep.lower_ in ("including", "like", "such")
                                        or (collective and prep.lower_ == "of")):
                objects = [c for c in prep.subtree if c.dep_ == "pobj"][:1]
                for obj in objects:
                    for item in self._conjuncts(obj):
                        index = self.referent(item, anaphora=False)
                        if index is not None:
                            members.append(index)
        return members

    def _demonym(self, token: Token) -> bool:
        return token.ent_type_ == "NORP" or token.text in self.knowledge.by_demonym

    def _country_of_demonym(self, token: Token) -> int | None:
        actor = self.knowledge.by_demonym.get(token.text)
        return self.country_referent(actor) if actor else None

    def dominant_country(self) -> int | None:
        """The country the document names most, counting demonyms ('Kenyan'), when it
        is named clearly more often than any other."""
        if not self._dominant:
            self._dominant.append(self._count_countries())
        return self._dominant[0]

    def _count_countries(self) -> int | None:
        """Countries are counted by their names and their people's adjectives, also
        those the article names only by adjective ("British troops"): such a one can
        tie with a named one, but is no referent to return."""
        counts: dict[int | str, int] = {}
        for token in self.doc:
            key: int | str | None = self.token_referent.get(token.i)
            if key is not None and self.type_of(key) != "country":
                key = None  # "British troops": the troops' adjective still counts Britain
            if key is None and token.text in self.knowledge.by_demonym:
                actor = self.knowledge.by_demonym[token.text]
                key = self._country_of_demonym(token)
                if key is None and actor.type == "country":
                    key = actor.name
            if isinstance(key, str) or key is not None and self.type_of(key) == "country":
                counts[key] = counts.get(key, 0) + 1
        ranked = sorted(counts.values(), reverse=True)
        if len(ranked) > 1 and ranked[0] < DOMINANCE * ranked[1]:
            return None  # an article about two states: a minister's is not guessed
        top = max(counts, key=counts.get) if counts else None
        return top if isinstance(top, int) else None

    def country_referent(self, actor) -> int | None:
        """The document's referent for a pack country, if the document names it."""
        for index, referent in enumerate(self.referents):
            if referent.actor is actor or (self.type_of(index) == "country"
                                           and referent.name == actor.name):
                return index
        return None

    def home_state(self, index: int) -> int | None:
        """The document's referent for the state the packs give a person, if named."""
        actor = self.referents[index].actor if self.type_of(index) == "person" else None
        country = self.knowledge.country(actor.country) if actor and actor.country else None
        return self.country_referent(country) if country else None

    def _antecedent(self, token: Token) -> int | None:
        word = token.lower_
        words = lexicon("anaphora")
        pronouns, nouns = words["pronouns"], words["descriptions"]
        coordinated = self._first_conjunct(token)
        if word in words["coordinated_possessives"] and coordinated is not None:
            return coordinated  # "Syrian government forces and their Hezbollah allies"
        if _dummy_it(token):
            return None  # "it is in the interest of the US to target al-Qaeda"
        clause_only = word not in pronouns and word in words["clause_subject_pronouns"]
        if word in pronouns:
            wanted = set(pronouns[word])
        elif clause_only:
            wanted = set(words["clause_subject_pronouns"][word])
        elif _unrecognised_name(token):
            return None  # "the Global Coalition against Daesh" names a body of its own
        elif word in NAMED_DESCRIPTIONS and self._definite(token):
            named = self._named_by_word(token)  # else only a body of states ("NATO")
            return named if named is not None else self._nearest_before(
                token, {"international_org"})
        elif word in nouns and self._definite(token):
            wanted = set(nouns[word])
            if _tied_by_hyphen(token) and wanted & {"country", "government"}:
                return None  # "the Saudi-backed government" is another state's
            if "country" in wanted and seated_in(token):
                return self.government_seated_in(token)
        elif token.pos_ == "NOUN" and self._definite(token):
            return self._named_by_word(token)
        else:
            return None
        continued = wanted
        if word in words["clause_subject_pronouns"]:
            continued = set(words["clause_subject_pronouns"][word])
            main = self._reporting_subject(token, continued)
            if main is None:
                main = self._cataphoric_subject(token, continued)
            if main is None:
                main = self._relative_clause_subject(token, continued)
            if main is not None:
                return main
        if clause_only or self._unnamed_subject_before(token):
            return None
        fits = self._compatible_with(token)
        salient = self._continued_subject(token, continued)
        if salient is not None and fits(salient):
            return salient
        return self._nearest_before(token, wanted, fits)

    def government_seated_in(self, noun: Token) -> int | None:
        """'the government in Tripoli': the state whose capital that is, where the
        document names it; never the last state named."""
        for place in (o for c in noun.children if c.dep_ == "prep" and c.lower_ == "in"
                      for o in c.children if o.dep_ == "pobj"):
            actor = self.knowledge.by_capital.get(place.text)
            if actor is not None:
                return self.country_referent(actor)
        return None

    def _unnamed_subject_before(self, pronoun: Token) -> bool:
        """'A leader of the rebels admitted that Russians fight alongside his troops':
        a person introduced without a name earlier in the sentence is whom 'he' means."""
        gendered = lexicon("anaphora")["gendered_pronouns"]
        if not any(pronoun.lower_ in forms for forms in gendered.values()):
            return False
        return any(t.dep_ in ("nsubj", "nsubjpass") and t.pos_ == "NOUN"
                   and t.i not in self.token_referent
                   and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in t.children)
                   for t in pronoun.doc[pronoun.sent.start:pronoun.i])

    def _compatible_with(self, anaphor: Token) -> Callable[[int], bool]:
        """What an antecedent of this anaphor must fit: its people's adjective and its
        sex."""
        demonyms = self._demonyms_on(anaphor)
        return lambda index: self._fits_demonyms(demonyms, index) and \
            self.sex_fits(anaphor, index)

    def sex_fits(self, pronoun: Token, index: int) -> bool:
        """'she' is no one the article titles 'Mr.', 'he' no one it titles 'Ms.'."""
        words = lexicon("anaphora")
        wanted = next((sex for sex, forms in words["gendered_pronouns"].items()
                       if pronoun.lower_ in forms), None)
        if wanted is None or self.type_of(index) != "person":
            return True
        titled = {sex for m in self.referents[index].mentions if m.start > 0
                  for sex, titles in words["gendered_titles"].items()
                  if self.doc[m.start - 1].lower_ in titles or m[0].lower_ in titles}
        return not titled or wanted in titled

    def _demonyms_on(self, description: Token) -> list[Token]:
        """A description's people's adjectives ('the Kurdish force'), creeds left out."""
        creeds = lexicon("anaphora")["creed_words"]
        return [c for c in description.children if c.dep_ == "amod" and self._demonym(c)
                and c.lower_ not in creeds and not side_prefixed(c)]

    def _fits_demonyms(self, demonyms: list[Token], index: int) -> bool:
        """'the Kurdish force' is no antecedent named without 'Kurdish' nor of a country
        with that demonym ('Islamic State' told just before)."""
        if not demonyms:
            return True
        referent = self.referents[index]
        texts = " ".join(m.text.lower() for m in referent.mentions)
        home = referent.actor.country if referent.actor is not None else None
        return all(d.lower_ in texts or home is not None and
                   self.knowledge.by_demonym.get(d.text) is not None and
                   self.knowledge.by_demonym[d.text].name == home for d in demonyms)

    def _reporting_subject(self, token: Token, wanted: set[str]) -> int | None:
        """'Israel said it would not accept the truce': the subject of the clause a
        reporting verb tells is that verb's subject."""
        subject = self._reporter(token)
        if subject is None:
            return None
        found = self.referents_of(subject, anaphora=False, coordinated=False)
        return found[0] if len(found) == 1 and self.type_of(found[0]) in wanted \
            else None

    def _reporting_group(self, pronoun: Token) -> list[int]:
        """'Russia and Syria say they are fighting al-Qaeda': every name of a coordinated
        reporting subject."""
        subject = self._reporter(pronoun)
        if subject is None or not subject.conjuncts:
            return []
        found = self.referents_of(subject, anaphora=False)
        return found if len(found) > 1 else []

    @staticmethod
    def _reporter(token: Token) -> Token | None:
        """The subject of the reporting verb whose told clause the token is the subject
        of, when that subject is no pronoun."""
        clause = token.head
        if token.dep_ not in SUBJECT_DEPS or clause.dep_ != "ccomp" or \
                clause.head.i > token.i or \
                clause.head.lemma_.lower() not in _reporting_verbs():
            # '"He dominates the group," Cruickshank said': a quotation's he is another
            return None
        subject = next((c for c in clause.head.children if c.dep_ in SUBJECT_DEPS), None)
        return None if subject is None or subject.pos_ == "PRON" else subject

    def _relative_clause_subject(self, token: Token, wanted: set[str]) -> int | None:
        """'Israel occupied part of the Golan Heights, which it annexed': the subject of a
        relative clause on what the main clause acts on is the main clause's subject."""
        clause = token.head
        if token.dep_ not in SUBJECT_DEPS or clause.dep_ != "relcl":
            return None
        noun = clause.head
        while noun.dep_ in ("pobj", "prep") and noun.head.i != noun.i:
            noun = noun.head
        verb = noun.head if noun.dep_ == "dobj" else noun if clause.head.dep_ == "pobj" \
            and noun.pos_ in ("VERB", "AUX") else None  # "deployed to Syria, where they"
        named = self.token_referent.get(clause.head.i)
        if verb is None or named is not None and self.type_of(named) in wanted:
            return None  # "the militia, which it founded": the clause may mean the militia
        subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is None or subject.pos_ == "PRON" or subject.i > token.i:
            return None
        found = self.referents_of(subject, anaphora=False, coordinated=False) or [
            i for c in subject.children if c.dep_ == "poss"  # "Its fighters"
            for i in self.referents_of(c, coordinated=False)]
        return found[0] if len(found) == 1 and self.type_of(found[0]) in wanted \
            else None

    def _cataphoric_subject(self, token: Token, wanted: set[str]) -> int | None:
        """'A day after it launched an airstrike ..., Israel sought to play it down': the
        subject of a clause told before its main clause is that clause's subject."""
        clause = token.head
        if token.dep_ not in SUBJECT_DEPS or clause.dep_ not in ("advcl", "pcomp"):
            return None
        main = clause.head if clause.dep_ == "advcl" else clause.head.head
        while main.dep_ == "prep" or main.pos_ not in ("VERB", "AUX"):
            if main.head.i == main.i:
                return None
            main = main.head
        subject = next((c for c in main.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is None or subject.i < clause.i or subject.pos_ == "PRON":
            return None
        found = self.referents_of(subject, anaphora=False, coordinated=False)
        return found[0] if found and self.type_of(found[0]) in wanted else None

    def _continued_subject(self, token: Token, wanted: set[str]) -> int | None:
        """'Hamas, which rules Gaza, is backed by Iran and Qatar. Its military wing ...':
        an anaphor in the subject of a sentence that names nothing compatible before it
        continues the subject of the sentence before, not the nearest name."""
        subject = token.head if token.dep_ == "poss" else token
        sent = self.sentence(token)
        opening = token.i == sent.start or subject.dep_ == "ROOT"  # when the parse fails
        if token.dep_ == "dobj":
            return self._subject_as_object(token, wanted)
        if not opening and (subject.dep_ not in SUBJECT_DEPS or subject.head.dep_ != "ROOT"):
            return None
        if any(self.type_of(self.token_referent[i]) in wanted
               for i in range(sent.start, token.i) if i in self.token_referent):
            return None
        return self._subject_before(sent, wanted)

    def _subject_as_object(self, pronoun: Token, wanted: set[str]) -> int | None:
        """'The group fought US troops. Washington designated it a terrorist group': an
        object pronoun whose clause names another subject is the subject of the sentence
        before, sooner than the nearest name."""
        verb = pronoun.head
        while verb.dep_ in ("advcl", "xcomp", "conj") and not any(
                c.dep_ == "nsubj" for c in verb.children):
            verb = verb.head  # "Washington designated it ..., accusing it of attacks"
        own = [i for c in verb.children if c.dep_ == "nsubj"
               for i in self.referents_of(c, anaphora=False)]
        return self._subject_before(self.sentence(pronoun), wanted, set(own)) if own else None

    def _subject_before(self, sent: Span, wanted: set[str],
                        excluded: frozenset[int] | set[int] = frozenset()) -> int | None:
        """The subject of the sentence before `sent`, when it is of a wanted type."""
        number = self._sentence_of[sent.start]
        if number == 0:
            return None
        for previous in self._subjects_of(self.sentences[number - 1].root):
            found = self._chained(
                lambda: self.referents_of(previous, coordinated=False),
                lambda: self.referents_of(previous, anaphora=False, coordinated=False))
            if found and self.type_of(found[0]) in wanted and found[0] not in excluded:
                return found[0]
        return None

    @staticmethod
    def _subjects_of(root: Token) -> list[Token]:
        """The subject of a sentence, then of the clause it reports ("X worked for Y, the
        command said. He was killed ...": he is X)."""
        clauses = [root, *(c for c in root.children if c.dep_ == "ccomp")]
        return [c for clause in clauses for c in clause.children if c.dep_ in SUBJECT_DEPS][:2]

    def _chained(self, follow, otherwise):
        """Follow an anaphor back to the one before it, a few steps only: a long interview
        ("He said ... He added ...") must not recurse through every sentence."""
        if self._chain_depth >= MAX_CHAIN:
            return otherwise()
        self._chain_depth += 1
        try:
            return follow()
        finally:
            self._chain_depth -= 1

    def _first_conjunct(self, possessive: Token) -> int | None:
        """The named phrase a possessive's noun is coordinated with ("X and its Y")."""
        noun = possessive.head
        if possessive.dep_ != "poss" or noun.dep_ != "conj" or noun.head.i >= noun.i:
            return None
        first = noun.head
        found = self.token_referent.get(first.i, self._named_modifier(first))
        if found is None:  # "Russia's aggression in Ukraine and its annexation of Crimea"
            found = next((self.token_referent[c.i] for c in first.children
                          if c.dep_ == "poss" and c.i in self.token_referent), None)
        return found

    @staticmethod
    def _definite(token: Token) -> bool:
        return any(c.lower_ == "the" and c.dep_ == "det" for c in token.children)

    def _named_by_word(self, token: Token) -> int | None:
        """'the foundation' after 'Foundation for Aid to Novorossiya': the one earlier
        organisation whose name holds that word."""
        word = token.lower_
        found = {self.token_referent[i] for i in range(max(0, token.i - 4 * ANAPHOR_WINDOW),
                                                       token.i)
                 if i in self.token_referent and self.doc[i].lower_ == word}
        found = {i for i in found if self.type_of(i) in ORGANISATION_TYPES}
        return found.pop() if len(found) == 1 else None

    def _nearest_before(self, token: Token, wanted: set[str],
                        fits: Callable[[int], bool] = lambda index: True) -> int | None:
        """The nearest compatible name before the token, or the nearest subject anaphor
        already resolved ('The group was founded by X, who led it': the group)."""
        # not the description's own modifiers: "the Saudi-backed government" is not Saudi
        for i in range(token.left_edge.i - 1, max(-1, token.i - ANAPHOR_WINDOW), -1):
            index = self.token_referent.get(i)
            if index is None and self.doc[i].dep_ in SUBJECT_DEPS and \
                    self.doc[i].lower_ in ANAPHORS:
                index = self._chained(lambda: self.referent(self.doc[i]), lambda: None)
            if index is not None and self.type_of(index) in wanted and fits(index) \
                    and not _cited(self.doc[i]):
                return index
        return None

    def title_holder(self, title: Token) -> int | None:
        """'The president of Yemen has resigned', 'Russian president says', after
        'President Hadi': the one person the article names with that title word."""
        children = list(title.children)
        if title.lower_ not in OFFICE_TITLES or title.i in self.token_referent or any(
                c.lower_ in ("a", "an") for c in children) or not any(
                c.dep_ in ("det", "poss") or c.dep_ == "prep" and c.lower_ == "of" or
                c.dep_ == "amod" and self._demonym(c) for c in children):
            return None  # "a Pentagon spokesman" names no one
        holders = self._titled_people().get(title.lower_, set())
        return next(iter(holders)) if len(holders) == 1 else None

    def _titled_people(self) -> dict[str, set[int]]:
        """Each office title word, with the people named right after it."""
        if not self._titled:
            for token in self.doc:
                following = self.token_referent.get(token.i + 1)
                if token.lower_ in OFFICE_TITLES and following is not None and \
                        self.type_of(following) == "person":
                    self._titled.setdefault(token.lower_, set()).add(following)
            self._titled.setdefault("", set())  # computed, even when empty
        return self._titled

    def only_one_before(self, token: Token) -> int | None:
        """'the militants said', far from 'al-Shabaab': a definite description names
        the one actor of its kind the article has named so far."""
        words = lexicon("anaphora")
        if token.lower_ in PERSON_PRONOUNS:
            wanted = {"person"}  # "his office said", no name near: the one person so far
        elif token.lower_ in words["descriptions"] and self._definite(token):
            wanted = set(words["descriptions"][token.lower_])
        else:
            return None
        fits = self._compatible_with(token)
        found = {self.token_referent[i] for i in range(token.i) if i in self.token_referent
                 and self.type_of(self.token_referent[i]) in wanted}
        return found.pop() if len(found) == 1 and fits(next(iter(found))) else None

    def evidence(self, start_token: int, end_token: int) -> tuple[str, int, int]:
        """Text and character offsets of tokens [start_token, end_token), trimmed."""
        span = self.doc[start_token:end_token]
        text = span.text
        start = span.start_char
        stripped = text.lstrip(" ,;:—–-")
        start += len(text) - len(stripped)
        text = stripped.rstrip(" ,;:—–-")
        return text, start, start + len(text)

    def covering(self, tokens: list[Token]) -> tuple[str, int, int]:
        return self.evidence(min(t.i for t in tokens), max(t.i for t in tokens) + 1)

    def sentence_evidence(self, sent: Span) -> tuple[str, int, int]:
        return self.evidence(sent.start, sent.end)


def _unrecognised_name(token: Token) -> bool:
    """A capitalised noun with a capitalised modifier the model did not read as a name
    ('the Global Coalition', 'Coalition military forces' is not): no anaphor."""
    return token.pos_ == "PROPN" and token.is_title and any(
        c.dep_ in ("compound", "amod") and c.i < token.i and c.is_title and c.pos_ == "PROPN"
        for c in token.children)


def seated_in(noun: Token) -> bool:
    """'the government in Tripoli': a noun placed by 'in'."""
    return any(c.dep_ == "prep" and c.lower_ == "in" for c in noun.children)


def _dummy_it(token: Token) -> bool:
    """'It is in the interest of the US to target X', 'it is clear that ...': an "it"
    standing for the clause after it, not for anyone."""
    head = token.head
    return token.lower_ == "it" and token.dep_ == "nsubj" and head.lemma_ == "be" and any(
        c.dep_ in ("ccomp", "xcomp", "advcl") and c.i > token.i for c in head.children)


def _cited(token: Token) -> bool:
    """'according to the South Asia Terrorism Portal': a source cited, not an actor the
    next 'the group' can mean."""
    head = token.head
    while head.dep_ in ("compound", "pobj") and head.lower_ != "to" and head.head.i != head.i:
        head = head.head
    return head.lower_ == "to" and head.head.lower_ == "according"


@lru_cache(maxsize=1)
def _reporting_verbs() -> frozenset[str]:
    return frozenset(lexicon("attributions")["verbs"])


def _tied_by_hyphen(noun: Token) -> bool:
    """'the Saudi-backed government', 'the Iran-allied authorities'."""
    doc = noun.doc
    return any(c.i < noun.i and c.lower_ in HYPHENATED_TIES and c.i >= 2 and
               doc[c.i - 1].text in DASHES for c in noun.children)


def side_prefixed(token: Token) -> bool:
    """'pro-Russian insurgents' side with Russia; they need not be Russian, nor Russia."""
    doc = token.doc
    return token.i > 1 and doc[token.i - 1].text in ("-", "‐") and \
        doc[token.i - 2].lower_ in SIDE_PREFIXES


def negated(phrase: Token) -> bool:
    """'not the Afghan government' names no one who took part."""
    edge = phrase.left_edge
    return edge.lower_ == "not" or (edge.i > 0 and phrase.doc[edge.i - 1].lower_ == "not")
