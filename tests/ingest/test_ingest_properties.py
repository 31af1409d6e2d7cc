"""Property-based tests of the readers (hypothesis): arbitrary bytes in every format, and
arbitrary JSON records stored on SQLite and PostgreSQL. Reading never raises; whatever
is read holds only text both stores accept, and both store it as read."""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

import pytest

pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings, strategies as st  # noqa: E402

from linkchart.ingest import Duplicate, IngestOptions, ReadFailure, read  # noqa: E402
from linkchart.model import DocExtraction, Document  # noqa: E402

from ingest_support import store_of  # noqa: E402

UNSTORABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
EXTENSIONS = [".txt", ".json", ".jsonl", ".csv", ".html"]
SETTINGS = settings(max_examples=40, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow])

any_char = st.characters(exclude_categories=())
any_text = st.text(any_char, max_size=40) | st.sampled_from(
    ["", " ", "\u0000", "a\u0000b", "\ud800", "Port\u001bSelin", "\r\n", "2020-13-45"])
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | any_text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(any_text, inner, max_size=3),
    max_leaves=8)
records = st.dictionaries(
    st.sampled_from(["id", "title", "outlet", "published", "date", "url", "text", "content",
                     "Text", "note"]) | any_text, json_values | any_text, max_size=7)


def read_bytes(data: bytes, extension: str) -> list:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "input" + extension)
        path.write_bytes(data)
        return list(read(path, IngestOptions(max_chars=5_000)))


def assert_storable(document: Document) -> None:
    assert document.text.strip() and len(document.text) <= 5_000
    fields = [document.id, document.text, document.title, document.outlet,
              document.published, document.url, *document.meta, *document.meta.values()]
    for value in fields:
        if value is not None:
            assert isinstance(value, str) and not UNSTORABLE.search(value), value
            value.encode("utf-8")


@pytest.mark.parametrize("extension", EXTENSIONS)
@SETTINGS
@given(data=st.binary(max_size=600) | any_text.map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_any_bytes_are_read_or_refused_never_raised(extension, data):
    for item in read_bytes(data, extension):
        assert isinstance(item, (Document, ReadFailure, Duplicate))
        if isinstance(item, Document):
            assert_storable(item)
        elif isinstance(item, ReadFailure):
            assert item.reason


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres",
                                                               marks=pytest.mark.postgres)])
def store(request, tmp_path_factory):
    with store_of(request.param, tmp_path_factory.mktemp("props")) as opened:
        yield opened


@SETTINGS
@given(batch=st.lists(records, min_size=1, max_size=4))
def test_any_json_records_are_stored_as_read(store, batch):
    data = "".join(json.dumps(record) + "\n" for record in batch).encode("utf-8")
    documents = [i for i in read_bytes(data, ".jsonl") if isinstance(i, Document)]
    for document in documents:
        assert_storable(document)
    result = store.add_extractions([DocExtraction(d) for d in documents])
    for doc_id in result.stored:
        stored = store.document(doc_id)
        document = next(d for d in reversed(documents) if d.id == doc_id)
        assert (stored["text"], stored["title"], stored["url"]) == (
            document.text, document.title, document.url)
