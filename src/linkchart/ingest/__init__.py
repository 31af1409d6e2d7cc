"""Read articles from files, directories, stdin and URLs into Documents.

    from linkchart.ingest import read, ReadFailure, Duplicate, IngestOptions
    for item in read(["articles/", "news.jsonl.gz", "https://example.org/feed.xml"],
                     IngestOptions(max_chars=500_000)):
        ...  # a Document, a ReadFailure (path, reason) or a Duplicate (path, of_id)

Bad input never raises: each unreadable source or record is yielded as a ReadFailure
and reading goes on with the next one. A URL (http:// or https://) is fetched: the only
network use, only when one is given (or a feed read names the pages of its items).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from linkchart.model import Document

from .formats import reader_for, reader_for_media
from .ids import path_ids
from .results import BadInput, Duplicate, IngestOptions, ReadFailure
from .source import STDIN_NAME, Source, open_path, open_stdin
from .walk import article_files
from .web import Url, fetch, is_url

__all__ = ["read", "ReadFailure", "Duplicate", "IngestOptions"]

STDIN = "-"


def read(sources: str | Path | Iterable[str | Path],
         options: IngestOptions | None = None) -> Iterator[Document | ReadFailure | Duplicate]:
    """Documents from files, directories (walked in sorted order) and `-` (stdin)."""
    options = options or IngestOptions()
    if isinstance(sources, (str, Path)):
        sources = [sources]
    listed = [entry for source in sources for entry in _listed(source, options)]
    ids = path_ids([entry for entry in listed if isinstance(entry, Path)])
    items = (item for entry in listed for item in _read_entry(entry, ids, options))
    yield from _unique(items, options.deduplicate)


def _listed(source: str | Path, options: IngestOptions
            ) -> Iterator[Path | ReadFailure | str | Url]:
    """The files a source names (a folder's walked), STDIN, a URL, or why a folder is
    unreadable."""
    if str(source) == STDIN:
        yield STDIN
        return
    if isinstance(source, str) and is_url(source):
        yield Url(source)
        return
    path = Path(source)
    if _is_dir(path):
        yield from article_files(path, options.recursive)
    else:
        yield path


def _read_entry(entry: Path | ReadFailure | str | Url, ids: dict[Path, str],
                options: IngestOptions) -> Iterator[Document | ReadFailure]:
    if isinstance(entry, ReadFailure):
        yield entry
    elif isinstance(entry, Url):
        yield from _read_url(entry.address, options)
    elif isinstance(entry, Path):
        yield from _read_file(entry, ids[entry], options)
    else:
        yield from _read_stdin(options)


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except (OSError, ValueError):
        return False


def _read_file(path: Path, path_id: str, options: IngestOptions
               ) -> Iterator[Document | ReadFailure]:
    try:
        with open_path(path, path_id) as source:
            yield from _read(source, path.name, options)
    except BadInput as error:
        yield ReadFailure(str(path), error.reason)


def _read_stdin(options: IngestOptions) -> Iterator[Document | ReadFailure]:
    try:
        yield from _read(open_stdin(), None, options)
    except BadInput as error:
        yield ReadFailure(STDIN_NAME, error.reason)


def _read_url(url: str, options: IngestOptions) -> Iterator[Document | ReadFailure]:
    try:
        page = fetch(url)
        source = page.source()
        source.check()
        for item in reader_for_media(page.media_type, source.head)(source, options):
            if isinstance(item, Document) and not item.url:
                item.url = page.url
            yield item
    except BadInput as error:
        yield ReadFailure(url, error.reason)


def _read(source: Source, name: str | None, options: IngestOptions) -> Iterator[Document | ReadFailure]:
    source.check()
    yield from reader_for(name, source.head)(source, options)


def _unique(items: Iterable[Document | ReadFailure], deduplicate: bool
            ) -> Iterator[Document | ReadFailure | Duplicate]:
    """Exact duplicates as Duplicate (when `deduplicate`); a second, different text under
    an id already read is a ReadFailure, never a silent replacement of the first."""
    by_hash: dict[str, str] = {}
    by_id: dict[str, tuple[str, str]] = {}
    for item in items:
        if isinstance(item, Document):
            digest = item.hash
            if deduplicate and digest in by_hash:
                yield Duplicate(item.source_path or item.id, by_hash[digest])
                continue
            earlier = by_id.get(item.id)
            if earlier is not None and earlier[0] != digest:
                yield _collision(item, earlier[1])
                continue
            by_hash.setdefault(digest, item.id)
            by_id[item.id] = (digest, item.source_path or item.id)
        yield item


def _collision(document: Document, earlier: str) -> ReadFailure:
    return ReadFailure(document.source_path or document.id,
                       f"document id {document.id!r} is already the id of {earlier}, a "
                       "different text read before it: not read (give one of them its own "
                       "id, an `Id:` header or an id field, or rename the file)")
