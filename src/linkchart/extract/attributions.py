"""Who said what: reporting cues, their sources (named or as written) and content."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.attrs import LOWER
from spacy.parts_of_speech import AUX, VERB
from spacy.tokens import Span, Token

from linkchart.extract.context import OFFICE_TITLES, Context, seated_in
from linkchart.extract.lexicons import lexicon
from linkchart.model import Attribution

QUOTE = re.compile(r"“([^“”]{3,}?)”|\"([^\"\n]{3,}?)\"")
EDGE = " \n\t,;:.—–-“”\"'‘’"
SUBJECTS = ("nsubj", "nsubjpass")
PLURAL_TAGS = ("NNS", "NNPS")
TITLE_SPAN = 6  # tokens from a title word to the name it introduces
MIN_CONTENT_WORDS = 3
VERBAL = (VERB, AUX)  # token.pos values: read on every token, cheaper than pos_
SPEAKER_WINDOW = 120  # tokens: how far back a "he said" may continue a named speaker
FUTURE_AUXES = frozenset(lexicon("attributions")["future_auxes"])
CONTINUATION_GAP = 120  # characters from the end of a quote to the next that continues it
# '," Kandil said Friday. "': the quote closes, its speaker is told in the same sentence,
# and the next sentence of the paragraph opens with another quote
CONTINUED = re.compile(r"^[^\n]*[.!?]\s+[“\"]$")


@dataclass(frozen=True)
class Quote:
    start: int
    end: int


@dataclass
class Cue:
    token: Token
    text: str
    source: Token | None


class AttributionExtractor:
    def __init__(self, context: Context):
        self.context = context
        self.words = lexicon("attributions")
        self.verbs = set(self.words["verbs"])
        self.complement_only = set(self.words["complement_only"])
        self.quoted_speakers = set(self.words["quoted_speakers"])
        self.quotes = [Quote(m.start(1 if m.group(1) else 2), m.end(1 if m.group(1) else 2))
                       for m in QUOTE.finditer(context.text)]
        self._lowers = None  # the document's lower-case forms, as an array, when needed

    def run(self) -> list[Attribution]:
        found: list[Attribution] = []
        seen: set[tuple[int, int]] = set()
        self.last_speaker: tuple[int, int] | None = None  # (referent, sentence start)
        self.last_organisation: tuple[int, int] | None = None  # the same for "it said"
        for sent in self.context.sentences:
            for cue in self._cues(sent):
                attribution = self._attribution(cue, sent, f"a{len(found) + 1}")
                if attribution and (attribution.start, attribution.end) not in seen:
                    seen.add((attribution.start, attribution.end))
                    found.append(attribution)
        return self._with_continued_quotes(found)

    def _with_continued_quotes(self, found: list[Attribution]) -> list[Attribution]:
        """'"Q1," Kandil said Friday. "Q2."': a quotation opening the next sentence of
        the paragraph, which no one else is said to speak, goes on with the same speaker."""
        taken = [(a.start, a.end) for a in found]
        result = []
        for attribution in found:
            result.append(attribution)
            after = self._quote_continuing(attribution, taken) if attribution.direct else None
            if after is not None:
                start, end = _trim(self.context.text, after.start, after.end)
                taken.append((start, end))
                result.append(replace(
                    attribution, content=self.context.text[start:end], start=start, end=end,
                    rule=attribution.rule.replace("quote:", "continued:", 1)))
        for number, attribution in enumerate(result):
            attribution.id = f"a{number + 1}"
        return result

    def _quote_continuing(self, attribution: Attribution, taken) -> Quote | None:
        following = next((q for q in self.quotes if q.start > attribution.end + 1), None)
        if following is None or any(s < following.end and following.start < e
                                    for s, e in taken):
            return None
        between = self.context.text[attribution.end:following.start]
        if len(between) > CONTINUATION_GAP or not CONTINUED.match(between) or \
                attribution.cue not in between:
            return None
        return following

    def _cues(self, sent: Span) -> list[Cue]:
        cues = []
        for token in sent:
            if token.pos in VERBAL and (token.lemma_.lower() in self.verbs
                                                  or self._phrasal(token)):
                if _quoted_as_saying(token) is not None:
                    continue  # the "saying" it governs carries the statement
                if token.dep_ == "pcomp" and token.head.lower_ == "by" and \
                        _subject(token) is None:
                    continue  # "by making clear that ...": whose words, the clause says not
                if token.head.lower_ in self.words["remark_heads"] and _subject(token) is None:
                    continue  # "It's worth noting that ...": the writer's own remark
                if _not_yet_said(token):
                    continue  # "Syria would respond", "Israel will respond": nothing said yet
                if self._declined(token):
                    continue  # "declined to confirm or deny": nothing said
                source = _quoted_speaker(token)
                if source is None and _bare_conjunct(token) and \
                        token.doc[token.i - 1].lower_ not in ("and", "but", "or"):
                    source = _phrase_before(token, sent)  # "..., a spokesman said today"
                cues.append(Cue(token, token.text, source if source is not None else
                                _subject(token) or _phrase_before(token, sent)))
            elif token.lower_ == "according" and token.i + 1 < len(token.doc) \
                    and token.nbor().lower_ == "to":
                objects = [c for c in token.nbor().children if c.dep_ == "pobj"]
                cues.append(Cue(token, token.doc[token.i:token.i + 2].text,
                                objects[0] if objects else None))
        return cues

    def _declined(self, verb: Token) -> bool:
        head = verb.head if verb.dep_ == "conj" else verb
        return head.dep_ == "xcomp" and \
            head.head.lemma_.lower() in self.words["declining_verbs"]

    def _phrasal(self, verb: Token) -> bool:
        """'points out', 'sums up': a reporting verb with its particle."""
        return any(f"{verb.lemma_.lower()} {c.lower_}" in self.words["phrasal_verbs"]
                   for c in verb.children if c.dep_ in ("prt", "dobj", "acomp")
                   and c.i == verb.i + 1)

    def _attribution(self, cue: Cue, sent: Span, ident: str) -> Attribution | None:
        if cue.source is None or (cue.source.lower_ in self.quoted_speakers
                                  and cue.source.pos_ == "PRON"):  # not "the US"
            return None
        if _head_word(cue.source) in self.words["non_speakers"] and \
                cue.source.i not in self.context.token_referent:
            return None  # "an intense media campaign ... alleging": no one speaks
        if _nobody(cue.source):
            return None  # "No group claimed responsibility": no one spoke
        source_start, source_end = _source_bounds(cue.source)
        content = self._content(cue, sent, source_start, source_end)
        if content is None:
            return None
        (start, end), direct = content
        text = self.context.text[start:end]
        if len(text.split()) < MIN_CONTENT_WORDS or self._intention(cue, text):
            return None
        source_index, kind = self._source(cue.source)
        if kind == "named_person" or (kind == "anonymous" and cue.source.tag_ == "NN"
                                      and cue.source.lower_ in self.words["anonymous_heads"]):
            # "a political leader told ... he said": an unnamed speaker continues too
            self.last_speaker = (source_index, sent.start)
        elif kind == "named_org":
            self.last_organisation = (source_index, sent.start)
        source_text, _, _ = self.context.evidence(source_start, source_end)
        return Attribution(
            id=ident, source=self.context.entity_id(source_index) if source_index is not None
            else None, source_text=source_text, source_kind=kind, cue=cue.text,
            content=text, direct=direct, start=start, end=end,
            rule=f"{_form(cue, direct)}:{kind}")

    def _intention(self, cue: Cue, text: str) -> bool:
        """'hoped to topple Assad', 'is expected to deliver a warning': an aim told in
        an infinitive is no statement reported."""
        return text.startswith("to ") and \
            cue.token.lemma_.lower() in self.words["intention_verbs"]

    def _content(self, cue: Cue, sent: Span, source_start: int,
                 source_end: int) -> tuple[tuple[int, int], bool] | None:
        complement = sorted((c for c in cue.token.children if c.dep_ in ("ccomp", "xcomp")),
                            key=lambda c: (c.i < cue.token.i, c.i))
        quote = self._quote_for(cue.token, sent)
        if quote and _within(quote, sent.doc[source_start:source_end]):
            quote = None  # 'groups with names such as the "guardians of blood" claimed'

        if quote and not (complement and _inside_clause(quote, complement[0])):
            return _trim(self.context.text, quote.start, quote.end), True
        if cue.token.lower_ == "according":
            around = self._around_according(cue.token, sent)
            return (around, False) if around else None
        claimed = self._claimed(cue.token)
        if claimed:
            return claimed, False
        if complement:
            tokens = list(complement[0].subtree)
            if cue.token.i in {t.i for t in tokens}:
                return None
            if tokens[0].i < cue.token.i:
                stop = sent.doc[min(source_start, cue.token.i)]
                return _trim(self.context.text, tokens[0].idx, stop.idx), False
            start = _addressee_start(cue.token, complement[0]) or tokens[0]
            return _trim(self.context.text, start.idx, _end(tokens[-1])), False
        said = self._object_said(cue.token)
        if said:
            return said, False
        if cue.token.lemma_.lower() in self.complement_only:
            return None
        if (cue.token.dep_ == "parataxis" or _as_clause(cue.token)) and \
                cue.token.head.i > cue.token.i:  # "As Haaretz points out, the talks ..."
            after = self._after_interjection(cue.token)
            return (after, False) if after else None
        said = self._said_after_colon(cue.token, sent)
        if said:
            return said, False
        if (cue.token.dep_ in ("ccomp", "parataxis", "advcl") or _bare_conjunct(cue.token)) \
                and cue.token.head.i < cue.token.i \
                and not (cue.token.dep_ == "advcl" and cue.token.tag_ == "VBG") \
                and not (cue.token.dep_ == "ccomp" and
                         cue.token.head.lemma_.lower() in self.verbs):
            # "..., officials said" comments on the clause before; "..., fearing a wider
            # war" does not report it, nor does "X said Syria would respond" report "X said"
            clause_start = min(min(t.i for t in cue.token.subtree), source_start)
            if clause_start > sent.start:
                return _trim(self.context.text, sent.start_char,
                             sent.doc[clause_start - 1].idx + len(sent.doc[clause_start - 1])), False
        return None

    def _said_after_colon(self, cue: Token, sent: Span) -> tuple[int, int] | None:
        """'The Associated Press laid out the parties' demands:' and the statement in the
        next sentence: its first sentence is the content."""
        if sent.text.rstrip()[-1:] != ":" or cue.i != sent.root.i:
            return None
        number = self.context.sentence_number(cue)
        if number + 1 >= len(self.context.sentences):
            return None
        following = self.context.sentences[number + 1]
        return _trim(self.context.text, following.start_char, following.end_char)

    def _after_interjection(self, cue: Token) -> tuple[int, int] | None:
        """'The attack, Salgado said, came as ...': what follows the interjected cue."""
        host = list(cue.head.subtree)
        after = max(t.i for t in cue.subtree) + 1
        if after > host[-1].i:
            return None
        return _trim(self.context.text, cue.doc[after].idx, _end(host[-1]))

    def _object_said(self, cue: Token) -> tuple[int, int] | None:
        """'Iran denies involvement in the attacks', 'accused Russia of arming the
        rebels', 'called for unity', 'warned of a disaster': what is denied, charged or
        asked for, told as a noun phrase."""
        lemma = cue.lemma_.lower()
        preps = self.words["object_statements"].get(lemma)
        if preps is None or any(c.dep_ == "auxpass" for c in cue.children):
            return None  # "the gunmen were accused of torturing": they did not speak
        if any(q.start <= cue.idx < q.end for q in self.quotes):
            return None  # '"... one of the lines denies its connection ...," he said'
        heads = [c for c in cue.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")]
        heads += [c for c in cue.children if c.dep_ == "prep" and c.lower_ in preps
                  and c.i > cue.i]
        if not heads:
            return None
        tokens = [t for h in heads for t in h.subtree]
        first = min(tokens, key=lambda t: t.i)
        if heads[0].dep_ == "prep" and len(heads) == 1:
            first = next((t for t in heads[0].subtree if t.i > heads[0].i), None)
            if first is None:
                return None
        return _trim(self.context.text, first.idx, _end(max(tokens, key=lambda t: t.i)))

    def _claimed(self, cue: Token) -> tuple[int, int] | None:
        """'claimed responsibility for the killing': the claim is what follows."""
        objects = [c for c in cue.children if c.dep_ == "dobj"
                   and c.lower_ in self.words["claim_objects"]]
        for obj in objects:
            for prep in (c for c in [*obj.children, *cue.children] if c.dep_ == "prep"
                         and c.lower_ in ("for", "of")):
                tokens = list(prep.subtree)
                return _trim(self.context.text, tokens[0].idx, _end(tokens[-1]))
        return None

    def _quote_for(self, cue: Token, sent: Span) -> Quote | None:
        before = [q for q in self.quotes if sent.start_char <= q.end <= cue.idx]
        after = [q for q in self.quotes if cue.idx < q.start < sent.end_char]
        if before:
            return before[-1]
        return after[0] if after else None

    def _around_according(self, cue: Token, sent: Span) -> tuple[int, int] | None:
        phrase = list(cue.subtree)
        first, last = phrase[0].i, phrase[-1].i
        text = self.context.text
        if first <= sent.start + 1 and last + 1 < sent.end:
            return _trim(text, sent.doc[last + 1].idx, sent.end_char)
        if first > sent.start:
            return _trim(text, sent.start_char, sent.doc[first].idx)
        return None

    def _source(self, token: Token) -> tuple[int | None, str]:
        named = self._apposed_person(token)
        if named is not None:
            return named, "named_person"
        titled = self._titled_person(token)
        if titled is None and token.lower_ in OFFICE_TITLES and token.is_title and \
                token.i not in self.context.token_referent:
            titled = self._person_titled_by(token)  # "Minister for the Middle East X said"
        if titled is not None:
            return titled, "named_person"
        author = self._author_of(token)
        if author is not None:
            return author, self._kind(author)
        described = self._described_speaker(token)
        if described is not None:
            return described, "named_person"
        group = self._members_of(token)
        if group is not None:
            return group, "named_org"
        organisation = self._organisation_by_head(token)
        if organisation is not None:
            return organisation, "named_org"
        if token.lower_ in self.words["anonymous_heads"] and token.i not in \
                self.context.token_referent:
            return None, "anonymous"
        if token.lower_ in self.words["personal_pronouns"]:
            found = self._pronoun_speaker(token)
            if found is not None:
                return found
        if token.lower_ in self.words["organisation_pronouns"]:
            if token.dep_ in ("nsubjpass", "expl"):
                return None, "anonymous"  # "It was also reported that ...": no one named
            organisation = self._organisation_speaking(token)
            if organisation is not None:
                return organisation, "named_org"
        index = self.context.title_holder(token)  # "the president says": President X
        if index is None:
            index = self.context.referent(token)
        if index is None and token.lower_ in self.words["spokes_nouns"]:
            owners = [c for c in token.children if c.dep_ == "poss"]
            index = self.context.referent(owners[0]) if owners else None
            if index is None and owners:
                index = self.context.only_one_before(owners[0])
        if index is None and token.lower_ in self.words["government_nouns"]:
            index = self._state_of_leader(token)
            if index is None and seated_in(token):
                return None, "anonymous"  # "the government in Tripoli": not the last state
        if index is None:
            index = self.context.only_one_before(token)
        if index is None:
            index = self._named_in_compound(token)
        if index is None:
            index = self._person_by_surname(token)
        if index is None:
            return None, "anonymous"
        return index, self._kind(index)

    def _state_of_leader(self, noun: Token) -> int | None:
        """"Assad's government said": the state its leader runs (the annotation guide
        takes a government named by its leader as the country), when the document names
        that state; else the leader."""
        owners = [i for c in noun.children if c.dep_ == "poss"
                  for i in self.context.referents_of(c)]
        if not owners:
            return None
        state = self.context.home_state(owners[0])
        return state if state is not None else owners[0]

    def _kind(self, index: int) -> str:
        return "named_person" if self.context.type_of(index) == "person" else "named_org"

    def _author_of(self, token: Token) -> int | None:
        """'a statement from the joint task force', 'an ALCADEV statement', 'the
        group's tweet': the document speaks for its author."""
        if token.lemma_.lower() not in self.words["document_nouns"]:
            return None
        for child in token.children:
            if child.dep_ in ("poss", "compound", "nmod") and child.i < token.i:
                found = self.context.referents_of(child)
            elif child.dep_ == "prep" and child.lower_ in ("from", "by", "of"):
                found = [i for obj in child.children if obj.dep_ == "pobj"
                         for i in self.context.referents_of(obj)]
            else:
                continue
            found = [i for i in found if self.context.type_of(i) != "location"]
            if found:
                return found[0]
        return self._publisher_of(token)

    def _publisher_of(self, document: Token) -> int | None:
        """'ISIS released a statement claiming ...': whoever issued the document."""
        verb = document.head
        if document.dep_ != "dobj" or verb.lemma_.lower() not in self.words["publishing_verbs"]:
            return None
        authors = [i for c in verb.children if c.dep_ == "nsubj"
                   for i in self.context.referents_of(c)
                   if self.context.type_of(i) != "location"]
        return authors[0] if authors else None

    def _members_of(self, token: Token) -> int | None:
        """'Attackers from the terror group al-Shabab told ...': the group speaks."""
        if token.lower_ not in self.words["group_people"]:
            return None
        groups = [i for p in token.children if p.dep_ == "prep" and p.lower_ in ("from", "of")
                  for o in p.children if o.dep_ == "pobj" for i in self.context.referents_of(o)
                  if self.context.type_of(i) not in ("person", "location", "country")]
        return groups[0] if groups else None

    def _apposed_person(self, token: Token) -> int | None:
        """'The spokesperson of Failaq al-Rahman, Wael Olwan, told ...': the name."""
        if token.i in self.context.token_referent:
            return None
        for child in token.subtree:
            if child.dep_ == "appos" and child.i in self.context.token_referent:
                index = self.context.token_referent[child.i]
                if self.context.type_of(index) == "person":
                    return index
        return None

    def _recent(self, token: Token) -> bool:
        """The last speaker spoke close enough before for 'he said' to continue them."""
        return self.context.sentence(token).start - self.last_speaker[1] <= SPEAKER_WINDOW

    def _pronoun_speaker(self, token: Token) -> tuple[int | None, str] | None:
        """Whom 'he said' continues: the person the sentence is about ('Bradbury set up
        a firm which, he says, ...'), else the subject of the sentence before ('Kerry
        said ... But he said ...'), else the last speaker; never merely the nearest name,
        which is often someone the speaker talks about. A previous subject that is an
        unnamed descriptor ('a political leader') keeps the pronoun anonymous."""
        sent = self.context.sentence(token)
        for sentence in (sent, self._sentence_before(sent)):
            if sentence is None:
                continue
            subject = _main_subject(sentence)
            if subject is None and sentence.start != sent.start:
                named = self._only_person_in(sentence)  # the parse lost its subject
                if named is not None and self.context.sex_fits(token, named):
                    return named, "named_person"
            if subject is None or subject.i == token.i or subject.pos_ == "PRON":
                continue
            person = self._person_in(subject)
            if person is not None and self.context.sex_fits(token, person):
                return person, "named_person"
            if subject.lower_ in self.words["anonymous_heads"] and \
                    subject.tag_ not in PLURAL_TAGS:
                return None, "anonymous"
        if self.last_speaker is None or not self._recent(token):
            return None
        index = self.last_speaker[0]
        if index is not None and not self.context.sex_fits(token, index):
            return None
        return (index, "named_person") if index is not None else (None, "anonymous")

    def _organisation_speaking(self, token: Token) -> int | None:
        """The named organisation that spoke just before, which 'it said' continues."""
        if self.last_organisation is None:
            return None
        index, start = self.last_organisation
        return index if self.context.sentence(token).start - start <= SPEAKER_WINDOW else None

    def _only_person_in(self, sentence: Span) -> int | None:
        """'At Garissa University, Maureen Manyego, 21, hid in a wardrobe. She said ...',
        read with no subject: the one person the sentence names."""
        people = {self.context.token_referent[t.i] for t in sentence
                  if t.i in self.context.token_referent and
                  self.context.type_of(self.context.token_referent[t.i]) == "person"
                  and not any(q.start <= t.idx < q.end for q in self.quotes)}
        return people.pop() if len(people) == 1 else None

    def _sentence_before(self, sent: Span) -> Span | None:
        number = self.context._sentence_of[sent.start]
        return self.context.sentences[number - 1] if number > 0 else None

    def _person_in(self, subject: Token) -> int | None:
        """The first person named in a subject phrase ('forces under Mr. Haftar')."""
        for child in subject.subtree:
            index = self.context.token_referent.get(child.i)
            if index is not None and self.context.type_of(index) == "person":
                return index
        return None

    def _titled_person(self, token: Token) -> int | None:
        """'the Pentagon spokesman said' after 'Pentagon spokesman John Kirby': the one
        person the article introduced with that title. An indefinite descriptor ('a
        Pentagon spokesman') names no one."""
        common = token.pos_ == "NOUN" or token.is_lower  # 'secretary' tagged a name
        if not common or token.i in self.context.token_referent or not any(
                c.dep_ == "det" and c.lower_ == "the" or c.dep_ == "poss"
                for c in token.children):
            return None
        same = self._tokens_of(token)
        earlier = [t for t in same if t.i < token.i]
        if earlier:
            title = earlier[-1]  # "the official" is the official told of last
            return self._person_titled_by(title) if self._fits(token, title) else None
        # "Israel's national police commissioner says ...", and below "National Police
        # Commissioner Yochanan Danino told ...": the one person titled so later
        later = {self._person_titled_by(t) for t in same
                 if t.i > token.i and self._fits(token, t)} - {None}
        return later.pop() if len(later) == 1 else None

    def _tokens_of(self, word: Token) -> list[Token]:
        """The tokens of the document with this word's lower-case form, in order; for a
        spokesman's title, every title of one ('the Pentagon spokesman' after 'Pentagon
        press secretary Peter Cook')."""
        if self._lowers is None:
            self._lowers = self.context.doc.to_array(LOWER)
        doc = self.context.doc
        titles = self.words["spokes_titles"]
        if word.lower_ not in titles:
            return [doc[int(i)] for i in (self._lowers == word.lex.lower).nonzero()[0]]
        heads = {doc.vocab.strings[t.split()[-1]] for t in titles}
        found = [doc[int(i)] for i in (self._lowers[:, None] == list(heads)).any(1).nonzero()[0]]
        return [t for t in found if t.lower_ in titles or
                t.i > 0 and f"{doc[t.i - 1].lower_} {t.lower_}" in titles]

    def _fits(self, description: Token, title: Token) -> bool:
        """'the political counselor' is not 'an administrative counselor' told of
        elsewhere: the description's modifiers are around the title."""
        around = {t.lower_ for t in self.context.doc[max(0, title.i - TITLE_SPAN):
                                                     title.i + TITLE_SPAN]}
        modifiers = {c.lower_ for c in description.children
                     if c.dep_ in ("amod", "compound") and c.i < description.i}
        return modifiers <= around

    def _person_titled_by(self, title: Token) -> int | None:
        """The person a title word introduces: 'spokesman Rear Adm. John Kirby', 'John
        Kirby, the Pentagon spokesman'."""
        doc, referents = self.context.doc, self.context.token_referent
        for i in range(title.i + 1, min(len(doc), title.i + 1 + TITLE_SPAN)):
            if i in referents and self.context.type_of(referents[i]) == "person":
                return referents[i]
            if doc[i].pos_ != "PROPN" and not _title_goes_on(doc, i):
                break
        if title.dep_ == "appos" and title.head.i in referents and \
                self.context.type_of(referents[title.head.i]) == "person":
            return referents[title.head.i]
        for child in title.children:  # "The Pentagon spokesman, Peter Cook, said"
            if child.dep_ == "appos" and child.i in referents and \
                    self.context.type_of(referents[child.i]) == "person":
                return referents[child.i]
        return None

    def _described_speaker(self, token: Token) -> int | None:
        """'"...," said Wajdi Abdul-Khaliq, a foreman. The man said ...': a plain
        definite description of a person, told of no one before, is the named speaker
        of the sentence just before."""
        if token.lower_ not in self.words["plain_people"] or self.last_speaker is None \
                or self.last_speaker[0] is None:
            return None
        if [c.lower_ for c in token.children] != ["the"]:
            return None
        if any(t.lower_ == token.lower_ for t in self.context.doc[:token.i]):
            return None  # "a man ... the man": the unnamed one told of before
        sent = self.context.sentence(token)
        before = self._sentence_before(sent)
        speaker_start = self.last_speaker[1]
        if speaker_start in (sent.start, before.start if before is not None else -1):
            return self.last_speaker[0]
        return None

    def _person_by_surname(self, token: Token) -> int | None:
        """'Titus said' after 'Survivor Helen Titus': the one person of that surname."""
        if token.pos_ != "PROPN":
            return None
        found = {i for i, referent in enumerate(self.context.referents)
                 if referent.type == "person" and len(referent.name.split()) > 1
                 and referent.name.split()[-1] == token.text}
        return found.pop() if len(found) == 1 else None

    def _organisation_by_head(self, token: Token) -> int | None:
        """'the military said' after 'The U.S. military said': the one organisation
        named before whose name ends in that noun."""
        if token.pos_ != "NOUN" or [c.lower_ for c in token.children] != ["the"]:
            return None
        found = {i for i, referent in enumerate(self.context.referents)
                 if referent.type not in ("person", "location", "country")
                 and any(m.end <= token.i and len(m) > 1 and m[-1].lower_ == token.lower_
                         for m in referent.mentions)}
        return found.pop() if len(found) == 1 else None

    def _named_in_compound(self, token: Token) -> int | None:
        """'the Tripoli branch of the Islamic State': the body the part belongs to; else
        a body or person named beside the noun (a place never speaks)."""
        if token.lower_ in self.words["part_heads"]:
            owners = [i for p in token.children if p.dep_ == "prep" and p.lower_ == "of"
                      for o in p.children if o.dep_ == "pobj"
                      for i in self.context.referents_of(o)
                      if self.context.type_of(i) not in ("location", "person")]
            if owners:
                return owners[0]
        for child in token.children:
            if child.dep_ in ("compound", "appos") and child.i in self.context.token_referent:
                index = self.context.token_referent[child.i]
                if token.lower_ not in self.words["anonymous_heads"] and \
                        self.context.type_of(index) != "location":
                    return index
        return None


def extract_attributions(context: Context) -> list[Attribution]:
    return AttributionExtractor(context).run()


def _title_goes_on(doc, i: int) -> bool:
    """'Secretary of State X', 'Minister for the Middle East X' go on to the person; 'a
    source close to Araji' is no title."""
    if doc[i].lower_ == "the":
        return doc[i - 1].lower_ in ("of", "for") and i + 1 < len(doc) and \
            doc[i + 1].pos_ == "PROPN"
    return doc[i].lower_ in ("of", "for") and i + 1 < len(doc) and \
        (doc[i + 1].pos_ == "PROPN" or doc[i + 1].lower_ == "the")


def _as_clause(cue: Token) -> bool:
    return cue.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as"
                                        for c in cue.children)


def _not_yet_said(cue: Token) -> bool:
    """A reporting verb in the future or a possibility, with nothing it says."""
    return any(c.dep_ == "aux" and c.lower_ in FUTURE_AUXES for c in cue.children) and \
        not any(c.dep_ in ("ccomp", "dobj") for c in cue.children)


def _nobody(source: Token) -> bool:
    return source.lower_ in ("nobody", "none") or any(
        c.dep_ == "det" and c.lower_ == "no" for c in source.children)


def _form(cue: Cue, direct: bool) -> str:
    """How the statement is reported: the rule family of an attribution."""
    if direct:
        return "quote"
    return "according" if cue.token.lower_ == "according" else "reported"


def _subject(verb: Token) -> Token | None:
    if any(c.dep_ == "nsubjpass" for c in verb.children):
        agents = [o for a in verb.children if a.dep_ == "agent" for o in a.children
                  if o.dep_ == "pobj"]
        return agents[0] if agents else None
    if verb.dep_ == "acl" and verb.head.pos_ == "NOUN" and \
            not any(c.dep_ in SUBJECTS for c in verb.children):
        return verb.head  # "a statement claiming ...", "a video saying ..."
    if verb.dep_ == "xcomp" and not any(c.dep_ in SUBJECTS for c in verb.children):
        controller = [c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i]
        if controller:
            return controller[0]  # "prompting Tehran to accuse Washington of deceit"
    for candidate in (verb, verb.head if verb.dep_ in ("conj", "xcomp", "advcl") else None):
        if candidate is None:
            continue
        subjects = [c for c in candidate.children if c.dep_ in SUBJECTS]
        if subjects:
            return _antecedent_of_relative(subjects[0])
    return None


def _antecedent_of_relative(subject: Token) -> Token:
    """'Rep. X, who said ...', 'officials who accuse ...': the speaker the relative
    pronoun stands for."""
    if subject.lower_ in ("who", "that") and subject.head.dep_ == "relcl" and \
            subject.head.head.pos_ in ("NOUN", "PROPN"):
        return subject.head.head
    return subject


def _head_word(noun: Token) -> str:
    """The noun's lemma, with the words a hyphen joins to it: 'cease-fire', 'campaign'."""
    doc, start = noun.doc, noun.i
    while start >= 2 and doc[start - 1].text in ("-", "‐") and noun.i - start < 4:
        start -= 2
    return (doc[start:noun.i].text + noun.lemma_).lower()


def _quoted_as_saying(verb: Token) -> Token | None:
    """'X was quoted by media as saying ...': the "saying" under a passive "quoted"."""
    if not any(c.dep_ == "nsubjpass" for c in verb.children):
        return None
    return next((g for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"
                 for g in c.children if g.dep_ == "pcomp" and g.tag_ == "VBG"), None)


def _quoted_speaker(verb: Token) -> Token | None:
    """The one quoted: the subject of the passive "quoted" a "saying" hangs on."""
    prep = verb.head
    saying = _quoted_as_saying(prep.head) if verb.dep_ == "pcomp" and prep.lower_ == "as" \
        else None
    if saying is None or saying.i != verb.i:
        return None
    return next(c for c in prep.head.children if c.dep_ == "nsubjpass")


def _main_subject(sent: Span) -> Token | None:
    subjects = [c for c in sent.root.children if c.dep_ in SUBJECTS]
    return subjects[0] if subjects else None


def _phrase_before(verb: Token, sent: Span) -> Token | None:
    """A subject the parser attached elsewhere: '..., a specialist in Iranian affairs said.'
    The phrase between the last comma and the cue; its root is the token it hangs from."""
    start = verb.i
    while start > sent.start and verb.doc[start - 1].text not in (",", "”", "\"", ";") \
            and "\n" not in verb.doc[start - 1].text:
        start -= 1
    while start < verb.i and verb.doc[start].pos_ in ("ADP", "SCONJ", "CCONJ"):
        start += 1  # "Despite Russia and the regime saying ...": Russia and the regime
    phrase = verb.doc[start:verb.i]
    if not 0 < len(phrase) <= 12 or not any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in phrase):
        return None
    return phrase.root


def _bare_conjunct(cue: Token) -> bool:
    """'X have retaken Hit, a spokesman for the task force said today': the parser makes the
    cue a conjunct of the clause it reports, with no subject or object of its own."""
    return cue.dep_ == "conj" and not any(
        c.dep_ in (*SUBJECTS, "dobj", "ccomp", "xcomp") for c in cue.children)


def _addressee_start(cue: Token, complement: Token) -> Token | None:
    """'He urged Iraqi authorities to prevent such attacks': the content starts with
    whom the speaker urges, not with the infinitive."""
    if complement.dep_ != "xcomp":
        return None
    objects = [c for c in cue.children if c.dep_ == "dobj" and cue.i < c.i < complement.i]
    return min(objects[0].subtree, key=lambda t: t.i) if objects else None


def _source_bounds(root: Token) -> tuple[int, int]:
    """The subject phrase, without relative clauses or appositions after a comma."""
    tokens = [root]
    for child in root.children:
        if child.dep_ in ("relcl", "acl", "appos", "punct") and child.i > root.i:
            continue
        tokens.extend(child.subtree)
    indices = sorted(t.i for t in tokens)
    return indices[0], indices[-1] + 1


def _within(quote: Quote, phrase: Span) -> bool:
    return phrase.start_char <= quote.start and quote.end <= phrase.end_char


def _inside_clause(quote: Quote, clause: Token) -> bool:
    """A partial quotation within a paraphrase: "... control of the militias in “95% of
    cases”" is indirect speech with a quoted phrase, not a quotation."""
    tokens = list(clause.subtree)
    start, end = tokens[0].idx, _end(tokens[-1])
    return start < quote.start - 1 and quote.end <= end + 1


def _end(token: Token) -> int:
    return token.idx + len(token)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in EDGE:
        start += 1
    while end > start and text[end - 1] in EDGE:
        end -= 1
    if text[start:start + 5].lower() == "that ":
        start += 5
    return start, end
