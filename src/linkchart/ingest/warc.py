"""Web archives (WARC, as crawlers write them): one document per archived HTML page.

Records that hold no page (requests, metadata, images, scripts, redirects) are passed
over; a page that cannot be read is reported on its own, and reading goes on."""

from __future__ import annotations

import io
from collections.abc import Iterator

from linkchart.model import Document

from .html import read_html
from .results import BadInput, IngestOptions, ReadFailure
from .source import Source

PAGE_TYPES = ("text/html", "application/xhtml+xml")
RECORDS = ("response", "resource")


def read_warc(source: Source, options: IngestOptions) -> Iterator[Document | ReadFailure]:
    if not source.head.startswith(b"WARC/"):
        raise BadInput("not a WARC file (it does not begin with a WARC/ version line)")
    try:
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed
    except ImportError:
        raise BadInput("reading WARC files needs warcio: pip install 'linkchart[web]'") from None
    try:
        for record in ArchiveIterator(source.stream()):
            if record.rec_type in RECORDS:
                yield from _page(record, source.name, options)
    except ArchiveLoadFailed as error:
        raise BadInput(f"not a readable WARC file ({error})") from None


def _page(record, path: str, options: IngestOptions) -> Iterator[Document | ReadFailure]:
    uri = record.rec_headers.get_header("WARC-Target-URI") or "record"
    status = record.http_headers.get_statuscode() if record.http_headers else "200"
    if not _is_page(record) or status.startswith("3"):
        return
    if not status.startswith("2"):
        yield ReadFailure(path, f"{uri}: HTTP {status}")
        return
    page = Source(f"{path}:{uri}", io.BytesIO(record.content_stream().read()), uri)
    try:
        page.check()
        for found in read_html(page, options):
            if isinstance(found, Document) and not found.url:
                found.url = uri
            yield found
    except BadInput as error:
        yield ReadFailure(path, f"{uri}: {error.reason}")


def _is_page(record) -> bool:
    headers = record.http_headers or record.rec_headers
    media_type = (headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    return media_type in PAGE_TYPES
