"""spaCy components: the pack entity ruler's patterns, mention clean-up and referents."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from linkchart.nlp.gazetteer import is_place, place_names
from linkchart.nlp.lexicon import typing_lexicon
from linkchart.wordlists import words
from linkchart.nlp.packs import Knowledge, load_packs
from linkchart.nlp.referents import ReferentBuilder
from linkchart.nlp.tokenizer import text_of
from linkchart.nlp.typing import PLACE_PREPOSITIONS, Typer

LEADING_DROP = {"the", "a", "an", "’s", "'s", "-", "–", "—", "“", "”", "\"", "'", "‘", "’",
                "[", "]"}
TRAILING_DROP = {"’s", "'s", "’", "'", "-", "–", "—", ",", ".", "“", "”", "\"", ")", "(",
                 "of", "and", "at", "in", "for", "the", "&", "[", "]"}
PATTERN_TAILS = {"-", "–", "—", "'", "’"}
NOT_A_NAME = re.compile(r"[/\d@#]|\n\s*\n|^[a-z]|^[A-Z]{6,}$|^[A-Z]+/")

BOILERPLATE = words(typing_lexicon()["boilerplate"])
NOT_NAME_WORDS = words(typing_lexicon()["not_entities"])  # 'Shia' in 'Shia Houthi rebels'
LEADING_PREPOSITIONS = words(typing_lexicon()["leading_prepositions"])
DASH_CONTINUED_HEADS = words(typing_lexicon()["dash_continued_heads"])
DASHES = {"-", "–", "—"}
SIDE_PREFIXES = words(typing_lexicon()["side_prefixes"])
PORTFOLIO_HEADS = words(typing_lexicon()["portfolio_heads"])
OFFICE_WORDS = words(typing_lexicon()["office_words"])
SHARED_HEAD_WORDS = words(typing_lexicon()["shared_head_words"])
DESCRIPTIVE_STATE_WORDS = words(typing_lexicon()["descriptive_state_words"])
OPEN_QUOTES, CLOSE_QUOTES = {"“", "\"", "‘"}, {"”", "\"", "’"}
QUOTED_NAME_WORDS = 5
NAME_INTRODUCERS = tuple(words(typing_lexicon()["name_introducers"]))
ARMED_GROUP_WORDS = words(typing_lexicon()["head_nouns"]["armed_group"]) | {"armed", "groups",
                                                                            "group"}
COMMON_WORD_TAGS = {"NN", "NNS", "JJ", "JJR", "JJS", "RB", "VB", "VBD", "VBG", "VBN", "VBP",
                    "VBZ"}
TRAILING_DESCRIPTORS = [d.split() for d in words(typing_lexicon()["trailing_descriptors"])]
PACK_SPANS = "pack"
HEAD_NOUNS = frozenset(w for ws in typing_lexicon()["head_nouns"].values() for w in words(ws))
NAME_JOINERS = {"of", "and", "for", "the", "de", "la", "del", "al", "-", "&", "on", "in"}
LONGER_NAME_LABELS = {"ORG", "PERSON", "FAC", "GPE", "LOC", "NORP"}
NAME_LABELS = LONGER_NAME_LABELS | {"PRODUCT", "EVENT", "WORK_OF_ART", "LAW"}

if not Doc.has_extension("referents"):
    Doc.set_extension("referents", default=None)


def knowledge_for(packs: list[str], bundled: bool) -> Knowledge:
    return Knowledge(load_packs([Path(p) for p in packs], bundled))


def pack_patterns(knowledge: Knowledge) -> list[dict]:
    patterns = []
    for actor in (a for p in knowledge.packs for a in p.actors):
        label, key = actor.type, actor.key
        country = knowledge.governed_country(actor)
        if country is not None:  # 'the Iraqi government' names Iraq
            label, key = "country", f"state:{country.name}"
        for form in actor.surface_forms():
            for variant in {form, form[0].upper() + form[1:], _small_joiners(form)}:
                patterns.append({"label": label, "pattern": variant, "id": key})
    return patterns


def _small_joiners(name: str) -> str:
    """'Global Coalition against Daesh' for the pack's 'Global Coalition Against Daesh':
    the small words inside a name are written either way."""
    words = name.split(" ")
    return " ".join([words[0]] + [w.lower() if w.lower() in NAME_JOINER_WORDS else w
                                  for w in words[1:]])


NAME_JOINER_WORDS = frozenset({"of", "for", "the", "and", "against", "to", "in", "on", "at"})


def morphology_patterns() -> list[dict]:
    """Names such as 'Kataib Sayyid al-Shuhada' or 'Liwa Abu al-Fadl al-Abbas'."""
    lexicon = typing_lexicon()
    starts = [w for w in words(lexicon["armed_group_name_starts"]) if " " not in w]
    stop = sorted(words(lexicon["person_titles"]) | {"and", "or", "in", "on", "of"})
    name_part = {"TEXT": {"REGEX": r"^([A-Z][\w'’]*|al|el|ad|as|ash|at|an|ar|az|ahl|wal|wa|"
                                   r"bin|ibn|-|’|')$"},
                 "LOWER": {"NOT_IN": stop}, "OP": "*"}
    # The last word is capitalised: 'Kataib Hezbollah as a terrorist group' ends before 'as'.
    last_part = {"TEXT": {"REGEX": r"^[A-Z][\w'’]*$"}, "LOWER": {"NOT_IN": stop}}
    starts = starts + [s.capitalize() for s in starts]
    return [{"label": "armed_group",
             "pattern": [{"TEXT": {"IN": starts}}, name_part, last_part]}]


def wing_patterns() -> list[dict]:
    """'Hamas' military wing', 'the Hamas military wing': the owner's name, then the wing."""
    owner = {"POS": "PROPN", "OP": "+"}
    possessive = {"ORTH": {"IN": ["'s", "’s", "'", "’"]}, "OP": "?"}
    return [{"label": kind, "id": "wing",
             "pattern": [owner, possessive, *({"LOWER": word} for word in wing.split())]}
            for kind, wings in typing_lexicon()["wings"].items() for wing in wings]


def state_body_patterns(knowledge: Knowledge) -> list[dict]:
    """'US forces', 'the Saudi-led coalition' as entities; 'the Iraqi government' and
    'the Damascus regime' as the country itself (the annotation guide's convention: a
    government named by its country is an alias of the country)."""
    lexicon = typing_lexicon()
    patterns = []
    for actor in (a for p in knowledge.packs for a in p.actors if a.type == "country"):
        forms = [f for f in actor.surface_forms() if f]
        names = sorted({*actor.demonyms, *forms})
        names = [n for n in names if not n.endswith("s") or n in forms]
        for noun in lexicon["state_governments"]:
            for name in names + ([actor.capital] if actor.capital else []):
                patterns.append({"label": "country", "id": f"state:{actor.name}",
                                 "pattern": f"{name} {noun}"})
        for kind, nouns in lexicon["state_bodies"].items():
            for noun in nouns:
                for name in names:
                    patterns.append({"label": kind, "id": f"state:{actor.name}:{kind}",
                                     "pattern": f"{name} {noun}"})
        for noun in lexicon["led_coalitions"]:
            for name in names:
                patterns.append({"label": "international_org", "pattern": f"{name}-led {noun}",
                                 "id": f"state:{actor.name}:coalition"})
    for noun in ("forces", "troops", "soldiers", "security forces"):
        patterns.append({"label": "security_agency", "pattern": f"government {noun}",
                         "id": "state:government:security_agency"})
    return patterns


@Language.factory("linkchart_mentions")
def make_mention_cleanup(nlp: Language, name: str):
    titles = words(typing_lexicon()["person_titles"])

    def clean(doc: Doc) -> Doc:
        return clean_mentions(doc, titles)

    return clean


def clean_mentions(doc: Doc, titles: frozenset[str]) -> Doc:
    """Trim the model's names, then lay the knowledge packs' matches over them."""
    matches = list(doc.spans[PACK_SPANS]) if PACK_SPANS in doc.spans else []
    # "pro-Iran forces" side with Iran; they are none of its bodies
    matches = [m for m in matches if not (m[-1].is_lower and _side_prefixed(doc, m.start))
               and not _modifies_a_noun(m)]
    places = {(s.start, s.end): s for s in matches if s.label_ in ("country", "location")}
    pack = [_untitled(s, titles) for s in _split_place_owners(doc, filter_spans(matches),
                                                               places)]
    names = _surnames_continued(doc, _dash_continued(doc, _trimmed_names(doc, titles, places)),
                                titles, places)
    names = [_person_after_place(doc, n, places, titles) for n in names]
    names = [n for n in names if not _an_office(doc, n.start, n.end, n.label_)]
    names = filter_spans(names + _quoted_group_names(doc))
    names = sorted(names + _missed_places(doc, names), key=lambda span: span.start)
    spans = _names_around_places(doc, _with_pack_matches(names, pack, titles), titles)
    doc.ents = _within_layout(doc, [_without_descriptor(s) for s in spans])
    return doc


NAME_GOES_ON = frozenset({"of", "for", "'s", "’s"})


def _modifies_a_noun(match: Span) -> bool:
    """'Syrian state media': a state named only to describe the noun after it."""
    last = match[-1]
    return match.label_ == "country" and last.is_lower and \
        last.lower_ in DESCRIPTIVE_STATE_WORDS and last.dep_ in ("compound", "amod") and \
        last.head.i > last.i


def _missed_places(doc: Doc, names: list[Span]) -> list[Span]:
    """'In Donetsk, 11 people were killed': a capitalised word after a preposition of
    place that the model left unnamed is a place when the gazetteer knows it."""
    taken = {i for span in names for i in range(span.start, span.end)}
    found = []
    for token in doc:
        if token.i in taken or token.pos_ != "PROPN" or not token.is_title or \
                token.dep_ != "pobj" or token.head.lower_ not in PLACE_PREPOSITIONS or \
                token.nbor(1).lower_ in NAME_GOES_ON:  # "at the Center for Middle East Policy"
            continue
        start = token.i
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title \
                and doc[start - 1].head.i == token.i and start - 1 not in taken:
            start -= 1
        if is_place(doc[start:token.i + 1].text):
            found.append(Span(doc, start, token.i + 1, label="GPE"))
    return found


def _without_descriptor(span: Span) -> Span:
    """'the Reuters news agency': the name is 'Reuters'."""
    words = [t.text for t in span]
    for descriptor in TRAILING_DESCRIPTORS:
        size = len(descriptor)
        if len(words) > size and [w.lower() for w in words[-size:]] == descriptor \
                and span[-size].is_lower:
            return Span(span.doc, span.start, span.end - size, label=span.label_,
                        span_id=span.id)
    return span


def _within_layout(doc: Doc, spans: list[Span]) -> list[Span]:
    """No mention in page furniture (bylines, credits, glosses), none across a forced
    sentence start: such a name keeps its longer side."""
    layout = doc._.layout
    if layout is None:
        return spans
    kept = []
    for span in spans:
        if layout.is_furniture(span.start_char, span.end_char) or \
                _headline_guess(span, layout):
            continue
        for offset in layout.starts_within(span.start_char, span.end_char):
            cut = doc.char_span(offset, offset + 1, alignment_mode="expand")[0].i
            before, after = (span.start, cut), (cut, span.end)
            start, end = max(before, after, key=lambda r: r[1] - r[0])
            span = Span(doc, start, end, label=span.label_, span_id=span.id)
        while len(span) > 1 and span[-1].is_space:
            span = span[:-1]
        if not span[0].is_space:
            kept.append(span)
    return kept


def _quoted_group_names(doc: Doc) -> list[Span]:
    """'armed groups bearing names such as the “guardians of blood” and the “people of
    the cave”': a short quoted phrase that a name introducer presents, after a word for
    armed groups, names an armed group even in lower case."""
    found: list[Span] = []
    for token in doc:
        if token.text not in OPEN_QUOTES:
            continue
        close = next((t.i for t in doc[token.i + 1:token.i + QUOTED_NAME_WORDS + 2]
                      if t.text in CLOSE_QUOTES), None)
        if close is None or close == token.i + 1 or any(
                t.pos_ in ("VERB", "AUX") or t.is_sent_start for t in doc[token.i:close]):
            continue
        window = doc[max(0, token.i - 12):token.i]
        lead = " ".join(t.lower_ for t in window if t.lower_ not in ("the", "a"))
        listed = bool(found) and token.i - found[-1].end <= 4 and lead.endswith(("and",
                                                                                  "or"))
        if listed or (lead.endswith(NAME_INTRODUCERS) and
                      any(t.lower_ in ARMED_GROUP_WORDS for t in window)):
            found.append(Span(doc, token.i + 1, close, label="armed_group"))
    return found


def _headline_guess(span: Span, layout) -> bool:
    """A name only the model found, in a Title Case headline, that the body never
    repeats ('U.S. Pushes Taliban'): a guess from capitals alone."""
    return span.label_ in NAME_LABELS and len(span) > 1 and \
        layout.in_headline(span.start_char, span.end_char) and \
        text_of(span.doc).count(span.text) == 1


def _dash_continued(doc: Doc, spans: list[Span]) -> list[Span]:
    """'Combined Joint Task Force – Inherent Resolve': a unit's name that goes on after
    a dash with capitalised words, up to the end of the phrase."""
    extended = []
    for span in spans:
        end = span.end
        if span.label_ == "ORG" and span[-1].lower_ in DASH_CONTINUED_HEADS and \
                end + 1 < len(doc) and doc[end].text in DASHES:
            tail = end + 1
            while tail < len(doc) and doc[tail].is_title and not doc[tail].ent_type_ \
                    .startswith(("GPE", "country")) and tail - end <= 4:
                tail += 1
            if tail > end + 1 and (tail == len(doc) or not doc[tail].is_title):
                end = tail
        extended.append(span if end == span.end else
                        Span(doc, span.start, end, label=span.label_, span_id=span.id))
    return filter_spans(extended)


def _surnames_continued(doc: Doc, spans: list[Span], titles: frozenset[str],
                        places: dict) -> list[Span]:
    """'Nazlin Umar Fazaldin Rajput', read by the model as 'Nazlin Umar': a person's
    name goes on through the capitalised names after it, up to the end of the phrase."""
    taken = {i for span in spans for i in range(span.start, span.end)}
    taken |= {i for start, end in places for i in range(start, end)}
    extended = []
    for span in spans:
        end = span.end
        while span.label_ in ("PERSON", "person") and end < len(doc) and end not in taken \
                and doc[end].tag_ == "NNP" and doc[end].is_title and end - span.end < 2 \
                and doc[end].lower_ not in titles and not doc[end].ent_type_:
            end += 1
        if end < len(doc) and doc[end].tag_ == "NNP" and end > span.end:
            end = span.end  # a longer run of names is another phrase
        extended.append(span if end == span.end else
                        Span(doc, span.start, end, label=span.label_, span_id=span.id))
    return extended


def _person_after_place(doc: Doc, name: Span, places: dict, titles: frozenset[str]) -> Span:
    """'Minister for the Middle East Tobias Ellwood', read by the model as one name: a
    title's place, then the person holding it, whom another mention names, or the title
    with a place the packs or the gazetteer know."""
    if name.label_ not in ("ORG", "PERSON") or not _titled(doc, name.start, titles):
        return name
    for split in range(name.start + 1, name.end - 1):
        rest = doc[split:name.end]
        if not all(t.is_title for t in rest):
            continue
        place = doc[name.start:split]
        if _named_person(doc, rest) or (name.start, split) in places or is_place(place.text):
            return Span(doc, split, name.end, label="PERSON")
    return name


def _titled(doc: Doc, start: int, titles: frozenset[str]) -> bool:
    """'Minister for the' before a name."""
    i = start - 1
    while i >= 0 and doc[i].lower_ in ("the", "for", "of"):
        i -= 1
    return 0 <= i < start - 1 and doc[i].lower_ in titles


def _named_person(doc: Doc, words: Span) -> bool:
    return any(e.label_ == "PERSON" and e.text.endswith(words.text) and e.start != words.start
               for e in doc.ents)


def _split_place_owners(doc: Doc, spans: list[Span], places: dict) -> list[Span]:
    """A pack alias such as "Russia's General Staff" names two actors: the country is
    its own mention, so the relation between them is read like any possessive."""
    found = []
    for span in map(_without_trailing_dashes, spans):
        owner = _place_owner(doc, span.start, span.end, places) \
            if span.label_ not in ("country", "location") else None
        owner = owner or _person_owner(doc, span)
        if owner is None:
            found.append(span)
            continue
        found.append(places.get((owner.start, owner.end), owner))
        if doc[owner.end + 1].is_title or owner.label_ != "PERSON":
            found.append(Span(doc, owner.end + 1, span.end, label=span.label_,
                              span_id=span.id))
    return found


def _person_owner(doc: Doc, span: Span) -> Span | None:
    """'Netanyahu’s office', 'Bashar al-Assad’s government': a pack alias opened by a
    person the model finds; the person is the mention ('office' is no name)."""
    owned = next((t.i for t in span[1:-1] if t.lower_ in ("'s", "’s")), None)
    if owned is None:
        return None
    person = any(e.label_ == "PERSON" and e.start < owned and span.start < e.end
                 and e.end <= owned + 1 for e in doc.ents)  # not "Luhansk People's Republic"
    return Span(doc, span.start, owned, label="PERSON") if person else None


def _without_trailing_dashes(span: Span) -> Span:
    """'Jaish al-Islam -': a name pattern that ran into a dash."""
    doc, end = span.doc, span.end
    while end > span.start + 1 and doc[end - 1].text in PATTERN_TAILS:
        end -= 1
    return span if end == span.end else Span(doc, span.start, end, label=span.label_,
                                              span_id=span.id)


def _with_pack_matches(names: list[Span], pack: list[Span],
                       titles: frozenset[str]) -> list[Span]:
    """A pack match wins over the model's overlapping names, unless the model's name is a
    longer name around it: 'Liberal Party of Canada' holds Canada, 'Progressive
    Conservative Party' holds Conservative Party. `names` come from filter_spans."""
    dropped: set[tuple[int, int]] = set()
    chosen = []
    starts, ends = [n.start for n in names], [n.end for n in names]  # sorted, no overlaps
    for match in pack:
        overlapping = names[bisect_right(ends, match.start):bisect_left(starts, match.end)]
        if any(_longer_name(n, match, titles) and not _glued(n, match, pack)
               for n in overlapping):
            continue
        chosen.append(match)
        dropped.update((n.start, n.end) for n in overlapping)
    kept = [n for n in names if (n.start, n.end) not in dropped]
    return filter_spans(chosen + kept)


def _glued(name: Span, match: Span, pack: list[Span]) -> bool:
    """"with President Putin Iran's efforts": the model's one name is a known person and
    a known place side by side."""
    kinds = {match.label_ == "person"}
    for other in pack:
        if other is not match and name.start <= other.start and other.end <= name.end:
            kinds.add(other.label_ == "person")
            if other.label_ in ("country", "location", "person") and len(kinds) == 2 and \
                    match.label_ in ("country", "location", "person"):
                return True
    return False


def _longer_name(name: Span, match: Span, titles: frozenset[str]) -> bool:
    if name.label_ not in LONGER_NAME_LABELS or not (
            name.start <= match.start and match.end <= name.end) or len(name) == len(match):
        return False
    extra = [t for t in name if not match.start <= t.i < match.end]
    if name.start > 0 and name.doc[name.start - 1].text == ":" and name.start < match.start:
        return False  # "one goal in mind: Kill Ahmed Abdi Godane": capitalised after a colon
    return all((t.is_title or t.is_upper or t.lower_ in NAME_JOINERS)
               and t.lower_ not in titles | NOT_NAME_WORDS for t in extra)


def _trimmed_names(doc: Doc, titles: frozenset[str], places) -> list[Span]:
    """Trim 'the', titles before a person's name, possessives and stray punctuation."""
    spans = []
    for span in doc.ents:
        if span.label_ not in NAME_LABELS:  # dates, numbers: kept as the model found them
            spans.append(span)
            continue
        start, end = span.start, span.end
        if any(_side_prefixed(doc, start + skip) for skip in (0, 2, 3)):
            continue  # "Anti-Assad forces", "the pro-Kurdish HDP": a side, no name
        while start < end and (doc[start].lower_ in LEADING_DROP or (
                doc[start].lower_ in LEADING_PREPOSITIONS and span.label_ != "ORG")):
            start += 1  # "the", and "Near" in "Near Palmyra, one strike..."
        owner = _place_owner(doc, start, end, places)
        if owner is not None:  # "Russia's General Staff": Russia, and the General Staff
            spans.append(owner)
            start = owner.end + 1
        label = span.label_
        if label in ("PERSON", "person"):
            start = _after_titles(doc, start, end, titles)
        elif label == "ORG" and _titled_person(doc, start, end, titles):
            start, label = _after_titles(doc, start, end, titles), "PERSON"
        opened = [t.i for t in doc[start:end] if t.text == "("]
        if opened and not any(t.text == ")" for t in doc[opened[0]:end]):
            end = opened[0]
        while end > start and doc[end - 1].lower_ in TRAILING_DROP:
            end -= 1
        while label == "ORG" and end - start > 1 and doc[end - 1].lower_.rstrip(".") in titles:
            end -= 1  # "Army Col. Steve Warren": the rank opens the person's name
        if label == "PERSON":
            split = next((t.i for t in doc[start:end] if t.lower_ in ("of", "at")), None)
            if split is not None and split + 1 < end and doc[split + 1].is_title:
                spans.append(Span(doc, split + 1, end, label="ORG"))
                end = split
        end = _before_owned_place(doc, start, end)
        for start, end in _coordinated_names(doc, start, end):
            if end > start and _looks_like_a_name(doc[start:end], titles) and \
                    not _common_word_opening(doc, start, end) and \
                    not _before_a_title(doc, start, end, titles) and \
                    not _portfolio_in_title(doc, start, end, titles):
                spans.append(Span(doc, start, end, label=label))
    return filter_spans(spans)


def _side_prefixed(doc: Doc, start: int) -> bool:
    """A name opened by 'pro-' or 'anti-'."""
    return 1 < start < len(doc) and doc[start - 1].text in DASHES | {"‐"} and \
        doc[start - 2].lower_ in SIDE_PREFIXES


def _coordinated_names(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """'Nusra and Daesh', 'Shining Path and Tupac Amaru Revolutionary Movement': two
    names the model read as one. A name whose own words hold 'of', 'for' or 'the'
    ('Organization for Security and Cooperation in Europe') stays whole, as does one
    whose words share a head ('Justice and Development Party')."""
    words = [t.lower_ for t in doc[start:end]]
    if "and" not in words or NAME_OWN_WORDS & set(words):
        return [(start, end)]
    middle = start + words.index("and")
    if middle == start or middle + 1 >= end or not doc[middle + 1].is_title or \
            doc[middle - 1].lower_ in SHARED_HEAD_WORDS:
        return [(start, end)]
    return [(start, middle), (middle + 1, end)]


NAME_OWN_WORDS = frozenset({"of", "for", "the", "in", "to", "on", "al", "el"})


def _after_titles(doc: Doc, start: int, end: int, titles: frozenset[str]) -> int:
    while end - start > 1 and (doc[start].lower_.rstrip(".") in titles | {"grand"} or (
            doc[start].text == "-" and start > 0 and doc[start - 1].lower_ in titles)):
        start += 1  # "Major-General Asif Ghafoor"
    return start


def _titled_person(doc: Doc, start: int, end: int, titles: frozenset[str]) -> bool:
    """'Major-General Asif Ghafoor', 'Sec Pompeo' read as organisations: a title, then
    one to three capitalised words that end in no organisation's or place's noun."""
    if doc[start].lower_.rstrip(".") not in titles:
        return False
    name = doc[_after_titles(doc, start, end, titles):end]
    return 1 <= len(name) <= 3 and name.start > start and all(t.is_title for t in name) \
        and name[-1].lower_ not in HEAD_NOUNS


def _untitled(span: Span, titles: frozenset[str]) -> Span:
    """'Grand Ayatollah Ali al-Sistani' as a pack alias: the person is 'Ali al-Sistani'."""
    if span.label_ != "person":
        return span
    start = _after_titles(span.doc, span.start, span.end, titles)
    return span if start == span.start else Span(span.doc, start, span.end,
                                                 label=span.label_, span_id=span.id)


def _before_owned_place(doc: Doc, start: int, end: int) -> int:
    """'the Turkish Medical Association’s Ankara branch': the name ends before the
    possessive when a place follows it."""
    followed = end < len(doc) and doc[end].is_lower
    for i in range(start + 1, end - 1):
        if followed and doc[i].lower_ in ("'s", "’s") and is_place(doc[i + 1:end].text):
            return i
    return end


def _before_a_title(doc: Doc, start: int, end: int, titles: frozenset[str]) -> bool:
    """'Caretaker Prime Minister Najib Mikati': one word before a capitalised title
    qualifies the title; it names nobody."""
    return end - start == 1 and end < len(doc) and doc[end].is_title and \
        doc[end].lower_.rstrip(".") in titles | {"prime"}


def _portfolio_in_title(doc: Doc, start: int, end: int, titles: frozenset[str]) -> bool:
    """'Internal Affairs Minister X', 'Secretary of State for African Affairs X': the
    portfolio belongs to the title."""
    if doc[end - 1].lower_ not in PORTFOLIO_HEADS:
        return False
    after = end < len(doc) and doc[end].lower_.rstrip(".") in titles
    opener = doc[start - 1] if start > 0 else None
    before = opener is not None and opener.lower_ in ("of", "for") and \
        opener.head.lower_.rstrip(".") in titles
    return after or before


def _an_office(doc: Doc, start: int, end: int, label: str) -> bool:
    """'Minister of Transportation', 'Armed Forces' in 'Minister of State for the Armed
    Forces': a government office or its portfolio, no body (a place stays a place)."""
    if label.lower() in ("gpe", "loc", "fac", "person", "location", "country"):
        return False
    if end - start > 2 and doc[start].lower_ in OFFICE_WORDS and \
            doc[start + 1].lower_ in ("of", "for"):
        return True
    opener = doc[start - 1] if start > 0 else None
    if opener is not None and opener.lower_ == "the" and start > 1:
        opener = doc[start - 2]
    return opener is not None and opener.lower_ == "for" and \
        opener.head.lower_ in OFFICE_WORDS and _ends_with_a_body_noun(doc[start:end])


def _ends_with_a_body_noun(name: Span) -> bool:
    """'the Armed Forces', 'the Navy' (but not 'the Middle East Tobias Ellwood')."""
    return name[-1].lower_ in HEAD_NOUNS or name[-2:].text.lower() in HEAD_NOUNS


def _common_word_opening(doc: Doc, start: int, end: int) -> bool:
    """'Caretaker Prime Minister...', 'Army units responded': a lone capitalised word
    that opens a sentence and that the tagger reads as a common word."""
    return end - start == 1 and doc[start].is_sent_start and \
        doc[start].tag_ in COMMON_WORD_TAGS


def _place_owner(doc: Doc, start: int, end: int, places) -> Span | None:
    """The place a name opens with as a possessive: 'Russia' in "Russia's General Staff"
    (but "People's" in "Donetsk People's Republic" is no place)."""
    for i in range(start + 1, end - 1):
        if doc[i].lower_ in ("'s", "’s"):
            owner = doc[start:i]
            if (start, i) in places or is_place(owner.text):
                return Span(doc, start, i, label="GPE")
            return None
    return None


def _looks_like_a_name(span: Span, titles: frozenset[str]) -> bool:
    """Not a dateline, a byline, web furniture ('Replay More Videos') or a bare title."""
    if NOT_A_NAME.search(span.text):
        return False
    lowered = {t.lower_ for t in span}
    if lowered & BOILERPLATE:
        return False
    return not lowered <= titles | {"rear", "vice", "lt", "lt.", "adm", "adm."}


def _names_around_places(doc: Doc, spans: list[Span], titles: frozenset[str]) -> list[Span]:
    """'Marie Madeleine Togo', 'Chad Booc': a country or place name that continues a
    person's name, or is followed by a capitalised surname (not a title: 'U.S.
    Secretary'), is part of that name; a possessive place opens a phrase of its own
    ('with President Putin Iran's efforts')."""
    merged: list[Span] = []
    for span in spans:
        previous = merged[-1] if merged else None
        owned = span.end < len(doc) and doc[span.end].lower_ in ("'s", "’s")
        if previous is not None and previous.label_ == "PERSON" and span.start == previous.end \
                and span.label_ in ("country", "location", "GPE") and not owned:
            merged[-1] = Span(doc, previous.start, span.end, label="PERSON")
            continue
        following = doc[span.end] if span.end < len(doc) else None
        if span.label_ == "country" and following is not None and following.pos_ == "PROPN" \
                and following.is_title and following.ent_type_ in ("", "PERSON") and \
                following.lower_.rstrip(".") not in titles and \
                (span.end + 1 >= len(doc) or not doc[span.end + 1].is_title):
            merged.append(Span(doc, span.start, span.end + 1, label="PERSON"))
            continue
        merged.append(span)
    return filter_spans(merged)


@Language.factory("linkchart_referents", default_config={"packs": [], "bundled": True})
def make_referents(nlp: Language, name: str, packs: list[str], bundled: bool):
    knowledge = knowledge_for(packs, bundled)
    builder = ReferentBuilder(knowledge, Typer(knowledge))
    place_names()  # the gazetteer loads with the pipeline, not inside the first document

    def referents(doc: Doc) -> Doc:
        doc._.referents = builder.build(doc)
        return doc

    referents.knowledge = knowledge
    return referents
