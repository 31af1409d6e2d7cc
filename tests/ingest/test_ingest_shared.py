"""The evaluation corpora in ../shared (beside the repository); skipped when absent."""

import itertools
import re
import tracemalloc
from pathlib import Path

import pytest

from linkchart.ingest import read
from linkchart.model import Document

SHARED = (Path(__file__).resolve().parents[2] / ".." / "shared").resolve()
ARTICLES = SHARED / "corpus" / "articles"
BULK = SHARED / "corpus" / "bulk" / "news-10k.jsonl.gz"
ISO = re.compile(r"\d{4}-\d{2}-\d{2}")

pytestmark = pytest.mark.shared


def test_all_articles_read_with_bodies_and_dates():
    if not ARTICLES.is_dir():
        pytest.skip("../shared not present")
    items = list(read(ARTICLES))
    assert all(isinstance(item, Document) for item in items), [i for i in items
                                                                if not isinstance(i, Document)]
    assert len(items) == len(list(ARTICLES.glob("*.txt"))) == 59
    for doc in items:
        raw = Path(doc.source_path).read_text(encoding="utf-8")
        assert doc.id == Path(doc.source_path).stem
        assert doc.text and doc.text == raw.split("\n\n", 1)[1].rstrip()
        assert doc.title and doc.outlet
        date = re.search(r"^Date: (.*)$", raw, re.MULTILINE).group(1)
        if date == "unknown":
            assert doc.published is None
        else:
            assert ISO.fullmatch(doc.published) and doc.published == date
    assert items[0].id == "000_iraq-iran-intelligence-rivalry-mee"
    assert items[0].published == "2021-03-11"


def test_bulk_first_200_lines_stream():
    if not BULK.is_file():
        pytest.skip("../shared not present")
    tracemalloc.start()
    try:
        items = list(itertools.islice(read(BULK), 200))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 20_000_000
    assert all(isinstance(item, Document) for item in items)
    assert [d.source_path for d in items] == [f"{BULK}:line {n}" for n in range(1, 201)]
    assert len({d.id for d in items}) == 200
    assert all(d.text and d.title and d.outlet and d.url for d in items)
    dated = [d for d in items if d.published is not None]
    assert len(dated) > 150 and all(ISO.fullmatch(d.published) for d in dated)
    assert all("topic" in d.meta for d in items)
