"""HTML pages: the main text and metadata through trafilatura."""

from __future__ import annotations

from collections.abc import Iterator

from linkchart.model import Document

from .dates import normalise_date
from .deep_html import deep_text
from .document import body, checked, hash_id
from .results import BadInput, IngestOptions, ReadFailure
from .source import Source

META_FIELDS = ("author", "description", "hostname", "language")


def read_html(source: Source, options: IngestOptions) -> Iterator[Document | ReadFailure]:
    import trafilatura

    markup = source.decode(source.read_all())
    try:
        text = trafilatura.extract(markup, output_format="txt", include_comments=False,
                                   favor_recall=True)
        info = trafilatura.extract_metadata(markup) if text and text.strip() else None
    except Exception as error:  # a parser failing on odd markup is bad input, not a crash
        raise BadInput(f"HTML could not be parsed ({type(error).__name__}: {error})") from None
    if not text or not text.strip():
        text = deep_text(markup)
    if not text or not text.strip():
        raise BadInput("no article text found in the HTML")
    content = body(text)
    document = Document(
        id=source.stem or hash_id(content),
        text=content,
        title=_value(info, "title"),
        outlet=_value(info, "sitename"),
        published=normalise_date(_value(info, "date")),
        url=_value(info, "url"),
        source_path=source.name,
        meta={name: value for name in META_FIELDS if (value := _value(info, name))},
    )
    yield checked(document, source.name, None, options)


def _value(info: object, name: str) -> str | None:
    value = getattr(info, name, None)
    return (value.strip() or None) if isinstance(value, str) else None
