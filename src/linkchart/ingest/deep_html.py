"""The text of HTML nested deeper than lxml (and so trafilatura) reads.

libxml2 stops at 256 levels of nesting and drops whatever lies deeper, so a page wrapped
in thousands of <div>s reads as empty. Python's own parser keeps no tree, so depth costs
it nothing: it gives the text of such a page, paragraphs on lines of their own.
"""

from __future__ import annotations

from html.parser import HTMLParser

LXML_DEPTH = 255
SKIPPED = frozenset({"script", "style", "head", "title", "noscript", "template", "svg"})
BLOCKS = frozenset({"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr",
                    "section", "article", "blockquote", "pre", "header", "footer"})
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                  "meta", "source", "track", "wbr"})


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = self.deepest = self.skipping = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in BLOCKS:
            self.parts.append("\n")
        if tag in VOID:
            return
        self.depth += 1
        self.deepest = max(self.deepest, self.depth)
        if tag in SKIPPED:
            self.skipping += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        self.depth = max(0, self.depth - 1)
        if tag in SKIPPED and self.skipping:
            self.skipping -= 1
        if tag in BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def deep_text(markup: str) -> str | None:
    """The page's text when it is nested deeper than lxml reads; else None."""
    collector = _collected(markup)
    return _paragraphs(collector) if collector.deepest > LXML_DEPTH else None


def plain_text(markup: str) -> str:
    """The text of an HTML fragment (a feed item's content), paragraphs on lines of their
    own; text without markup comes back with its whitespace tidied."""
    return _paragraphs(_collected(markup))


def _collected(markup: str) -> _TextCollector:
    collector = _TextCollector()
    collector.feed(markup)
    collector.close()
    return collector


def _paragraphs(collector: _TextCollector) -> str:
    lines = (" ".join(line.split()) for line in "".join(collector.parts).split("\n"))
    return "\n\n".join(line for line in lines if line)
