"""Issue 18 through a whole ingest run into SQLite and PostgreSQL: one document's failure
is that document's alone, and the summary always adds up."""

import json

import pytest

from linkchart.ingest import IngestOptions
from linkchart.jobs import ingest

from ingest_support import fail_extraction_of, store_of, write

SENTENCES = ["The {n} council of Port Selin approved a budget on Monday.",
             "Officials in Port Selin said {n} ferries resumed service.",
             "The mayor of Port Selin met {n} traders to discuss the harbour."]


def article(number: int) -> str:
    return SENTENCES[number % 3].format(n=f"district {number}")


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request, tmp_path):
    with store_of(request.param, tmp_path) as opened:
        yield opened


def adds_up(summary) -> bool:
    return summary.read == summary.stored + summary.duplicates + summary.failed


def test_nul_in_a_record_is_removed_and_every_record_stored(store, tmp_path, mini_config):
    records = [{"id": f"r{n}", "title": f"Report {n}", "text": article(n)} for n in range(20)]
    records[17]["text"] = "The port\u0000 of Port Selin\u0000 reopened on Friday."
    records[17]["title"] = "Nul\u0000 title"
    path = write(tmp_path, "nul.jsonl", "".join(json.dumps(r) + "\n" for r in records))
    summary = ingest([str(path)], store, config=mini_config)
    assert (summary.read, summary.stored, summary.failed) == (20, 20, 0), summary.failures
    stored = store.document("r17")
    assert stored["text"] == "The port of Port Selin reopened on Friday."
    assert stored["title"] == "Nul title"
    assert ingest([str(path)], store, config=mini_config).stored == 0


def test_same_name_in_two_folders_stores_both(store, tmp_path, mini_config):
    write(tmp_path / "a", "report.txt", article(1))
    write(tmp_path / "b", "report.txt", article(2))
    summary = ingest([str(tmp_path / "a"), str(tmp_path / "b")], store, config=mini_config)
    assert (summary.read, summary.stored, summary.duplicates, summary.failed) == (2, 2, 0, 0)
    assert store.document("a/report")["text"] == article(1)
    assert store.document("b/report")["text"] == article(2)
    again = ingest([str(tmp_path / "a"), str(tmp_path / "b")], store, config=mini_config)
    assert (again.stored, again.duplicates, again.replaced) == (0, 2, [])


def test_a_real_collision_keeps_the_first_and_reports_the_second(store, tmp_path,
                                                                 mini_config):
    write(tmp_path, "1.txt", "Id: harbour\n\n" + article(1))
    second = write(tmp_path, "2.txt", "Id: harbour\n\n" + article(2))
    summary = ingest([str(tmp_path)], store, config=mini_config)
    assert (summary.read, summary.stored, summary.duplicates, summary.failed) == (2, 1, 0, 1)
    assert summary.failures[0].path == str(second)
    assert store.document("harbour")["text"] == article(1)
    later = ingest([str(second)], store, config=mini_config)
    assert (later.stored, later.replaced) == (1, ["harbour"])


def test_a_document_over_a_million_characters_is_extracted_with_its_batch(store, tmp_path,
                                                                           mini_config):
    from dataclasses import replace

    word = "Harbourmaster" * 76 + " "
    write(tmp_path, "1-small.txt", article(1))
    write(tmp_path, "2-big.txt", (word * (1_000_100 // len(word) + 1))[:1_000_100])
    write(tmp_path, "3-small.txt", article(3))
    config = replace(mini_config, max_chars=1_200_000)
    summary = ingest([str(tmp_path)], store, IngestOptions(max_chars=1_200_000), config)
    assert (summary.read, summary.stored, summary.failed) == (3, 3, 0), summary.failures


class FailingFor:
    """A real store that fails, as a database would, on one document's write."""

    def __init__(self, store, doc_id: str):
        self.store, self.doc_id = store, doc_id

    def has_hash(self, digest):
        return self.store.has_hash(digest)

    def add_extractions(self, batch):
        if any(x.document.id == self.doc_id for x in batch):
            raise RuntimeError(f"cannot write {self.doc_id}")
        return self.store.add_extractions(batch)


def test_a_document_that_cannot_be_stored_fails_alone(store, tmp_path, mini_config):
    for n in range(5):
        write(tmp_path, f"d{n}.txt", article(n))
    summary = ingest([str(tmp_path)], FailingFor(store, "d2"), config=mini_config)
    assert (summary.read, summary.stored, summary.failed) == (5, 4, 1)
    assert summary.failures[0].reason == "could not be stored: RuntimeError: cannot write d2"
    assert store.document("d2") is None and store.document("d3") is not None


def test_a_document_whose_extraction_fails_fails_alone(store, tmp_path, mini_config,
                                                       monkeypatch):
    fail_extraction_of(monkeypatch, "d1")
    for n in range(3):
        write(tmp_path, f"d{n}.txt", article(n))
    write(tmp_path, "empty.txt", "")
    summary = ingest([str(tmp_path)], store, config=mini_config)
    assert (summary.read, summary.stored, summary.failed) == (4, 2, 2)
    assert adds_up(summary)
    assert [f.reason for f in summary.failures] == [
        "empty file", "extraction failed: ValueError: odd text"]
