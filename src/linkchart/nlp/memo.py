"""The English model's attribute ruler and lemmatizer, remembered instead of recomputed.

Both are pure functions of a few token attributes: the ruler's single-token patterns
read a token's lower-case form (only whether it is one the patterns name, or matches
one of their regular expressions), whether it is a space, its tag and dependency; the
lemmatizer reads its form, part of speech and morphology. Running spaCy's matcher and
lemmatizer over every token of every document redoes the same work: these components
ask spaCy once per distinct key and then copy its answer in one array operation.
A key not seen before goes through spaCy's own matcher and rules, one token of it; the
few multi-token patterns ('there is', "let's") match where consecutive tokens satisfy
their positions, which spaCy's matcher also told for each key. The annotation is
exactly spaCy's (tests/nlp/test_memo.py compares them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.errors import Errors
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc

KEY_ATTRS = [LOWER, IS_SPACE, TAG, DEP, POS, MORPH, LEMMA]
RULED_ATTRS = [POS, MORPH, LEMMA, TAG, DEP]  # every attribute the ruler may set
RULED_COLUMNS = [KEY_ATTRS.index(a) for a in RULED_ATTRS]
READ_BY_PATTERNS = {"LOWER", "IS_SPACE", "TAG", "DEP", "POS", "MORPH", "LEMMA"}
SET_BY_PATTERNS = {"POS", "MORPH", "LEMMA", "TAG", "DEP"}


@dataclass(eq=False)
class _Seen:
    """What spaCy's ruler did to a token with this key."""

    rule_ids: tuple[int, ...]
    """The single-token rules that matched it, in the order they apply."""
    probes: frozenset[int]
    """The positions of multi-token patterns it satisfies."""
    after: tuple[int, ...]
    """RULED_ATTRS after those rules."""


@dataclass
class _LowerClasses:
    """What the patterns can tell apart about a lower-case form: the forms they name,
    and which of their regular expressions it matches."""

    named: set[int]
    expressions: list[re.Pattern]
    known: dict[int, object] = field(default_factory=dict)

    def of(self, lower: int, strings) -> object:
        found = self.known.get(lower)
        if found is None:
            if lower in self.named:
                found = lower
            else:
                text = strings[lower]
                found = tuple(bool(e.search(text)) for e in self.expressions)
            self.known[lower] = found
        return found


class MemoAttributeRuler:
    """spaCy's AttributeRuler, answering from memory for keys it has seen. A
    multi-token pattern matches where consecutive tokens satisfy its positions, which
    each token's key tells once spaCy's matcher has checked that key ("probes")."""

    def __init__(self, ruler: AttributeRuler):
        self.ruler = ruler
        self.vocab = ruler.vocab
        self.seen: dict[tuple, _Seen] = {}
        self.probes = Matcher(self.vocab, validate=False)
        self.probe_numbers: dict[int, int] = {}
        self.multi: list[tuple[int, list[int]]] = []  # (rule, probe of each position)
        self.match_ids: dict[int, int] = {}
        self.lowers = self._lower_classes()

    def _lower_classes(self) -> _LowerClasses | None:
        """None when a pattern reads or sets something the key does not hold, or has
        an operator: spaCy decides every document then."""
        named, expressions = set(), []
        for rule_id, rule in enumerate(self.ruler.patterns):
            if not set(rule["attrs"]) <= SET_BY_PATTERNS:
                return None
            self.match_ids[rule_id] = self.vocab.strings.add(str(rule_id))
            for pattern in rule["patterns"]:
                for token in pattern:
                    if not set(token) <= READ_BY_PATTERNS:
                        return None
                    lower = token.get("LOWER")
                    if isinstance(lower, str):
                        named.add(self.vocab.strings.add(lower))
                    elif isinstance(lower, dict):
                        for kind, value in lower.items():
                            if kind in ("IN", "NOT_IN"):
                                named.update(self.vocab.strings.add(v) for v in value)
                            elif kind == "REGEX":
                                expressions.append(re.compile(value))
                            else:
                                return None
                if len(pattern) > 1:
                    self.multi.append((rule_id, [self._probe(t) for t in pattern]))
        return _LowerClasses(named, expressions)

    def _probe(self, token_pattern: dict) -> int:
        number = len(self.probe_numbers)
        self.probe_numbers[self.vocab.strings.add(f"probe {number}")] = number
        self.probes.add(f"probe {number}", [[token_pattern]])
        return number

    def __call__(self, doc: Doc) -> Doc:
        if self.lowers is None or not len(doc):
            return self.ruler(doc)
        values = doc.to_array(KEY_ATTRS)
        keys = self._keys(values)
        unseen = {key: i for i, key in enumerate(keys) if key not in self.seen}
        if unseen:
            self._learn(doc, values, unseen)
        seen = [self.seen[key] for key in keys]
        multi = self._multi_matches(seen)
        targets = {self._target(rule_id, start, end) for rule_id, _, start, end in multi}
        after = [entry.after for entry in seen]
        for i in targets:  # left as they were here; spaCy's rules set them below
            after[i] = tuple(values[i, RULED_COLUMNS].tolist())
        doc.from_array(RULED_ATTRS, numpy.array(after, dtype=numpy.uint64))
        if multi:
            single = [(rule_id, self.match_ids[rule_id], i, i + 1)
                      for i in sorted(targets) for rule_id in seen[i].rule_ids]
            self.ruler.set_annotations(doc, sorted(single + multi))
        return doc

    def _target(self, rule_id: int, start: int, end: int) -> int:
        """The token a match sets: its pattern's index, counted from the end if negative."""
        index = self.ruler.indices[rule_id]
        return start + index if index >= 0 else end + index

    def _keys(self, values: numpy.ndarray) -> list[tuple]:
        strings, lowers, known = self.vocab.strings, self.lowers, self.lowers.known
        keys = []
        for lower, *rest in values.tolist():
            kind = known.get(lower)
            keys.append((lowers.of(lower, strings) if kind is None else kind, *rest))
        return keys

    def _multi_matches(self, seen: list[_Seen]) -> list[tuple[int, int, int, int]]:
        """What spaCy's matcher finds for the multi-token patterns, sorted as the ruler
        sorts its matches."""
        flagged = {i: entry.probes for i, entry in enumerate(seen) if entry.probes}
        found = set()
        for rule_id, positions in self.multi:
            for start, probes in flagged.items():
                if positions[0] in probes and all(
                        positions[p] in flagged.get(start + p, ()) for p in
                        range(1, len(positions))):
                    found.add((rule_id, self.match_ids[rule_id], start,
                               start + len(positions)))
        return sorted(found)

    def _learn(self, doc: Doc, values: numpy.ndarray, unseen: dict[tuple, int]) -> None:
        """spaCy's matcher and single-token rules on one token of each unseen key, in a
        document of their own (a single-token rule reads nothing but its token)."""
        rows = list(unseen.values())
        sample = Doc(self.vocab, words=[doc[i].text for i in rows])
        sample.from_array(RULED_ATTRS, values[rows][:, RULED_COLUMNS])
        probes: list[set[int]] = [set() for _ in rows]
        for probe, start, _ in self.probes(sample, allow_missing=True, as_spans=False):
            probes[start].add(self.probe_numbers[probe])
        single = [m for m in self.ruler.match(sample) if m[3] - m[2] == 1]
        self.ruler.set_annotations(sample, single)
        rule_ids: list[list[int]] = [[] for _ in rows]
        for rule_id, _, start, _ in single:
            rule_ids[start].append(rule_id)
        after = sample.to_array(RULED_ATTRS).tolist()
        for n, key in enumerate(unseen):
            self.seen[key] = _Seen(tuple(rule_ids[n]), frozenset(probes[n]), tuple(after[n]))


class MemoLemmatizer:
    """spaCy's rule lemmatizer, answering from memory for (form, part of speech,
    morphology) keys it has seen; spaCy caches the same key inside, per token. Its
    index of known lemmas becomes sets: spaCy only asks whether a form is in it, and
    each new word scanned lists of up to 57,000 forms."""

    def __init__(self, lemmatizer: Lemmatizer):
        self.lemmatizer = lemmatizer
        self.lemmas: dict[tuple[int, int, int], int] = {}
        self.usable = lemmatizer.mode == "rule" and not lemmatizer.overwrite
        if self.usable and lemmatizer.lookups.has_table("lemma_index"):
            index = lemmatizer.lookups.get_table("lemma_index")
            for part_of_speech in list(index.keys()):
                index[part_of_speech] = frozenset(index[part_of_speech])

    def __call__(self, doc: Doc) -> Doc:
        if not self.usable or not len(doc):
            return self.lemmatizer(doc)
        values = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = values[:, 3].copy()
        if not self.lemmatizer._validated:
            self.lemmatizer._validate_tables(Errors.E1004)
        strings = self.lemmatizer.vocab.strings
        for i, (orth, pos, morph, lemma) in enumerate(values.tolist()):
            if lemma:
                continue
            key = (orth, pos, morph)
            found = self.lemmas.get(key)
            if found is None:
                found = self.lemmas[key] = strings.add(self.lemmatizer.lemmatize(doc[i])[0])
            lemmas[i] = found
        doc.from_array([LEMMA], lemmas)
        return doc


@Language.factory("linkchart_attribute_ruler")
def make_memo_attribute_ruler(nlp: Language, name: str):
    return MemoAttributeRuler(nlp.get_pipe("attribute_ruler"))


@Language.factory("linkchart_lemmatizer")
def make_memo_lemmatizer(nlp: Language, name: str):
    return MemoLemmatizer(nlp.get_pipe("lemmatizer"))


def memoise_model_rules(nlp: Language) -> None:
    """Put the remembering components in place of the model's ruler and lemmatizer."""
    for original, memo in (("attribute_ruler", "linkchart_attribute_ruler"),
                           ("lemmatizer", "linkchart_lemmatizer")):
        if original in nlp.pipe_names:
            nlp.add_pipe(memo, after=original)
            nlp.remove_pipe(original)
