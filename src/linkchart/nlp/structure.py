"""The layout of an article body before the parser reads it.

Headings, datelines, captions, bylines, credits, link lines, glosses and reference marks
are found in the raw body text (patterns in data/structure.yaml), so that they cannot
glue two sentences together or become names. The text is never changed: the layout is
a list of character offsets where a sentence must start and of character ranges that
are page furniture, and the component `linkchart_structure` (placed before the parser)
sets `is_sent_start` on the tokens there and keeps the layout on `doc._.layout`.
"""

from __future__ import annotations

import re
import statistics
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from linkchart.nlp.gazetteer import is_place
from linkchart.nlp.lexicon import NLP_DATA
from linkchart.nlp.tokenizer import text_of
from linkchart.wordlists import load_yaml

HEADING_SHARE = 0.5  # a line under half the article's median line length is short
LONGEST_FURNITURE_LINE = 300  # characters; a longer line is a paragraph
WRAPPED_SHARE = 0.3  # this share of lines running on into the next: the text is wrapped
WRAPPED_LINES = 3  # and at least this many
WRAP_WIDTH = 40  # characters: a hard-wrapped text's lines are at least this long
SENTENCE_FINAL = set(".!?")
HEADLINE_WORDS, HEADLINE_CAPITALS = 20, 0.8  # a headline: this long at most, so capitalised

if not Doc.has_extension("layout"):
    Doc.set_extension("layout", default=None)


@dataclass
class Layout:
    starts: list[int] = field(default_factory=list)  # sorted character offsets
    furniture: list[tuple[int, int]] = field(default_factory=list)  # sorted, disjoint
    headlines: list[tuple[int, int]] = field(default_factory=list)  # Title Case lines

    def in_headline(self, start: int, end: int) -> bool:
        return any(begin <= start and end <= finish for begin, finish in self.headlines)

    def is_furniture(self, start: int, end: int) -> bool:
        """Whether the range [start, end) overlaps page furniture."""
        index = bisect_right(self.furniture, (start, float("inf"))) - 1
        for begin, finish in self.furniture[max(index, 0):]:
            if begin >= end:
                return False
            if finish > start:
                return True
        return False

    def starts_within(self, start: int, end: int) -> list[int]:
        """Forced sentence starts strictly inside the range [start, end)."""
        first = bisect_right(self.starts, start)
        return [s for s in self.starts[first:] if s < end] if first < len(self.starts) \
            else []


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    text: str

    @property
    def blank(self) -> bool:
        return not self.text.strip()


@lru_cache(maxsize=1)
def _patterns() -> dict:
    data = load_yaml(NLP_DATA / "structure.yaml")
    flags = re.MULTILINE
    return {
        "furniture_lines": [re.compile(p, flags) for p in data["furniture_lines"]],
        "name_only_line": re.compile(data["name_only_line"]),
        "furniture_spans": [re.compile(p, flags) for p in data["furniture_spans"]],
        "inline_furniture": [re.compile(p, flags) for p in data["inline_furniture"]],
        "datelines": [re.compile(p) for p in data["datelines"]],
        "sentence_ends": re.compile(data["sentence_ends"]),
    }


def read_layout(text: str) -> Layout:
    patterns = _patterns()
    lines = _lines(text)
    starts: set[int] = set()
    furniture: list[tuple[int, int]] = []
    headlines = [(line.start, line.end) for line in lines if _headline(line, patterns)]
    short = HEADING_SHARE * _median_length(lines) if _wrapped_text(lines, patterns) \
        else float("inf")
    for number, line in enumerate(lines):
        if line.blank:
            continue
        starts.add(_first_char(line))
        previous = lines[number - 1] if number else None
        if _furniture_line(lines, number, patterns):
            furniture.append((line.start, line.end))
        elif _wrapped(previous, furniture, short, patterns):
            starts.discard(_first_char(line))
        starts.update(_dateline(line, patterns, furniture))
    for pattern in patterns["furniture_spans"]:
        for match in pattern.finditer(text):
            furniture.append(match.span())
            starts.update((match.start(), _next_char(text, match.end())))
    for pattern in patterns["inline_furniture"]:
        for match in pattern.finditer(text):
            furniture.append(match.span())
            if _ends_a_sentence(text, match.start()):
                starts.add(_next_char(text, match.end()))
    return Layout(sorted(s for s in starts if 0 < s < len(text)), _union(furniture),
                  headlines)


def _headline(line: Line, patterns: dict) -> bool:
    """'Despite Bloody Week In Afghanistan, U.S. Pushes Taliban Peace Talks Forward': a
    line in Title Case with no sentence end, where the model's names are unreliable."""
    words = [w for w in line.text.split() if w[:1].isalpha()]
    if not words or len(words) > HEADLINE_WORDS or patterns["sentence_ends"].search(
            line.text):
        return False
    return sum(w[0].isupper() for w in words) >= HEADLINE_CAPITALS * len(words) and \
        len(words) >= 4


def _lines(text: str) -> list[Line]:
    lines, offset = [], 0
    for piece in text.split("\n"):
        lines.append(Line(offset, offset + len(piece), piece))
        offset += len(piece) + 1
    return lines


def _median_length(lines: list[Line]) -> float:
    lengths = [len(line.text.strip()) for line in lines if not line.blank]
    return statistics.median(lengths) if lengths else 0.0


def _wrapped_text(lines: list[Line], patterns: dict) -> bool:
    """Whether the body is hard-wrapped: many lines run on into the next one."""
    written = [n for n, line in enumerate(lines) if not line.blank]
    running = [n for n in written if n + 1 < len(lines) and not lines[n + 1].blank
               and not patterns["sentence_ends"].search(lines[n].text)]
    return len(running) >= max(WRAPPED_SHARE * len(written), WRAPPED_LINES) and \
        _median_length(lines) >= WRAP_WIDTH  # not a list of short lines


def _first_char(line: Line) -> int:
    return line.start + len(line.text) - len(line.text.lstrip())


def _ends_a_sentence(text: str, offset: int) -> bool:
    """Whether the text before `offset` ends with a full stop ('formed in 2014.[3]')."""
    while offset > 0 and text[offset - 1].isspace():
        offset -= 1
    return offset > 0 and text[offset - 1] in SENTENCE_FINAL


def _next_char(text: str, offset: int) -> int:
    while offset < len(text) and text[offset].isspace():
        offset += 1
    return offset


def _wrapped(previous: Line | None, furniture: list, short: float, patterns: dict) -> bool:
    """A line that goes on with the sentence of a long line before it."""
    return previous is not None and not previous.blank and \
        not patterns["sentence_ends"].search(previous.text) and \
        len(previous.text.strip()) >= short and \
        (previous.start, previous.end) not in furniture


def _furniture_line(lines: list[Line], number: int, patterns: dict) -> bool:
    text = lines[number].text.strip()
    if len(text) > LONGEST_FURNITURE_LINE:
        return False
    if any(p.search(text) for p in patterns["furniture_lines"]):
        return True
    alone = all(not 0 <= n < len(lines) or lines[n].blank for n in (number - 1, number + 1))
    return alone and bool(patterns["name_only_line"].match(text))


def _dateline(line: Line, patterns: dict, furniture: list) -> list[int]:
    """'BAGHDAD (Reuters) - Iraqi forces...': the sentence starts at 'Iraqi'; the outlet
    in brackets is furniture."""
    for pattern in patterns["datelines"]:
        match = pattern.match(line.text)
        if match is None or match.end() >= len(line.text.rstrip()):
            continue
        place = match.groupdict().get("place")
        if not match.group("outlet") and not (place and is_place(place.title())):
            continue  # 'NATO – which...' is no dateline; 'KABUL —' is
        known = match.groupdict().get("known_place")
        if known is not None and not is_place(known):
            continue
        if match.group("outlet"):
            begin, finish = match.span("outlet")
            furniture.append((line.start + begin, line.start + finish))
        return [line.start + match.end()]
    return []


def _union(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(r for r in ranges if r[1] > r[0]):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


@Language.component("linkchart_structure")
def mark_structure(doc: Doc) -> Doc:
    layout = read_layout(text_of(doc))
    doc._.layout = layout
    forced = {t.i for t in map(lambda o: _token_at(doc, o), layout.starts)
              if t is not None and t.i > 0 and not t.is_space}
    if not forced:
        return doc
    # One array write: setting Token.is_sent_start scans the whole document each time.
    starts = doc.to_array([SENT_START]).astype(numpy.int64)
    for index in forced:
        starts[index] = 1
        if index + 1 < len(doc) and index + 1 not in forced:
            starts[index + 1] = -1  # else the parser may cut right after it
    doc.from_array([SENT_START], starts.astype(numpy.uint64))
    return doc


def _token_at(doc: Doc, offset: int):
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None
