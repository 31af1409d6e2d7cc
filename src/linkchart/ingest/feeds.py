"""RSS and Atom feeds: one document per item, from the text the feed carries or, when it
carries only a summary, from the page the item links to."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from dataclasses import replace

from linkchart.model import Document

from .dates import normalise_date
from .deep_html import plain_text
from .document import body, checked, hash_id, location
from .html import read_html
from .results import BadInput, IngestOptions, ReadFailure
from .source import Source

CARRIES_TEXT_WORDS = 120
"""An item whose content has at least this many words is the article; a shorter one is a
summary, and the linked page is read instead."""
ITEMS = ("item", "entry")
FULL_TEXT = ("encoded", "content")
SUMMARY = ("description", "summary")
DATES = ("pubDate", "published", "date", "updated")
IDS = ("guid", "id")


def is_feed(head: bytes) -> bool:
    start = head.lstrip()[:2048].lower()
    return start.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf")) and \
        any(tag in start for tag in (b"<rss", b"<feed", b"<rdf:rdf"))


def read_feed(source: Source, options: IngestOptions) -> Iterator[Document | ReadFailure]:
    try:
        root = ElementTree.fromstring(source.read_all())
    except ElementTree.ParseError as error:
        raise BadInput(f"not well-formed XML ({error})") from None
    if _local(root.tag) not in ("rss", "feed", "RDF"):
        raise BadInput(f"not an RSS or Atom feed (the root element is <{_local(root.tag)}>)")
    outlet = _feed_title(root)
    items = [element for element in root.iter() if _local(element.tag) in ITEMS]
    for number, item in enumerate(items, 1):
        yield from _item(item, f"item {number}", source.name, outlet, options)


def _item(item: ElementTree.Element, where: str, path: str, outlet: str | None,
          options: IngestOptions) -> Iterator[Document | ReadFailure]:
    text = plain_text(_child(item, FULL_TEXT) or _child(item, SUMMARY) or "")
    link = _link(item)
    fields = {"title": _child(item, ("title",)), "outlet": outlet,
              "published": normalise_date(_child(item, DATES)), "url": link}
    if len(text.split()) >= CARRIES_TEXT_WORDS or (text and not (link and options.follow_links)):
        content = body(text)
        document = Document(id=_child(item, IDS) or link or hash_id(content), text=content,
                            source_path=location(path, where), **fields)
        yield checked(document, path, where, options)
    elif link and options.follow_links:
        yield from _linked(link, fields, path, where, options)
    else:
        yield ReadFailure(path, f"{where}: no text and no link")


def _linked(link: str, fields: dict, path: str, where: str,
            options: IngestOptions) -> Iterator[Document | ReadFailure]:
    from .web import fetch

    try:
        page = fetch(link)
        for found in read_html(page.source(), options):
            if isinstance(found, Document):
                given = {k: v for k, v in fields.items() if v and not getattr(found, k)}
                found = replace(found, source_path=link, **given)
            yield found
    except BadInput as error:
        yield ReadFailure(path, f"{where} ({link}): {error.reason}")


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _child(element: ElementTree.Element, names: tuple[str, ...]) -> str | None:
    """The text of the first child named one of `names` (in that order of preference)."""
    by_name = {}
    for child in element:
        by_name.setdefault(_local(child.tag), child)
    for name in names:
        child = by_name.get(name)
        if child is not None and (child.text or "").strip():
            return child.text.strip()
    return None


def _link(item: ElementTree.Element) -> str | None:
    """RSS's <link>text</link>, or Atom's alternate <link href=...>."""
    for child in item:
        if _local(child.tag) != "link":
            continue
        if child.get("href") and child.get("rel", "alternate") == "alternate":
            return child.get("href").strip()
        if (child.text or "").strip():
            return child.text.strip()
    return None


def _feed_title(root: ElementTree.Element) -> str | None:
    channel = next((c for c in root if _local(c.tag) == "channel"), root)
    return _child(channel, ("title",))
