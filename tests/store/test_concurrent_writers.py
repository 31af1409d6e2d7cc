"""Several `linkchart ingest` processes writing one PostgreSQL store at once, with
overlapping inputs, while the API answers: nothing is lost, no document is stored twice,
and every document keeps the facts one process alone gives it. Articles written for this
test."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from linkchart.jobs import ingest
from linkchart.resolve import resolve
from linkchart.store import Store
from postgres_databases import empty_database

pytestmark = pytest.mark.postgres

FIRST = ["Anneli", "Tomas", "Greta", "Oskar", "Ida", "Pavel", "Lotte", "Henrik"]
LAST = ["Borg", "Vidal", "Lunde", "Myhre"]
GROUPS = ["Harbour Workers Union", "Coastal Freight Company", "Northern Rail Authority",
          "Selvik Port Council"]
CITIES = ["Selvik", "Norby", "Vastrand"]
WRITERS = 3
ARTICLES = 48


def _article(n: int) -> str:
    """Two articles a person: a person new to the store in articles 2k and 2k+1."""
    k = n // 2
    person, group = f"{FIRST[k % 8]} {LAST[k // 8]}", GROUPS[n % 4]
    city, rival = CITIES[n % 3], GROUPS[(n + 1) % 4]
    return (f"Title: Report {n}\nOutlet: Courier {n % 5}\nDate: 2026-02-{n % 28 + 1:02d}\n\n"
            f"{person}, the head of the {group}, met officials of the {rival} in {city} "
            f"on Tuesday to discuss contract number {n}. {person} said the {group} would "
            f"sign an agreement with the {rival} before the end of the month. Police in "
            f"{city} arrested {n % 4 + 2} protesters outside the meeting.\n")


def _inputs(root: Path) -> list[list[Path]]:
    """Writer i reads every article but those numbered i modulo WRITERS, in one order: so
    each article is read by two writers at about the same moment, and each new person
    is met by two writers at once."""
    files = []
    for n in range(ARTICLES):
        path = root / f"article-{n:02d}.txt"
        path.write_text(_article(n), encoding="utf-8")
        files.append(path)
    return [[f for n, f in enumerate(files) if n % WRITERS != i] for i in range(WRITERS)]


def _per_document(store: Store) -> dict[str, tuple]:
    """Each document's facts as a count: entities, relations, events."""
    found = {}
    for header in store.documents(limit=ARTICLES + 1):
        document = store.document(header["id"])
        found[header["id"]] = tuple(len(document.get(k) or ()) for k in
                                    ("entities", "relations", "events"))
    return found


def _poll_api(url: str, stop: threading.Event, answers: list) -> None:
    from fastapi.testclient import TestClient

    from linkchart.server.api import create_app

    with TestClient(create_app(url)) as client:
        while not stop.is_set():
            response = client.get("/api/overview")
            answers.append((response.status_code, response.json()))


def test_concurrent_ingests_lose_nothing_and_store_nothing_twice(postgres_url, tmp_path):
    empty_database(postgres_url)
    Store.open(postgres_url, resolver=resolve).close()  # migrated once, before the writers start
    shares = _inputs(tmp_path)
    environment = os.environ | {"LINKCHART_BATCH_SIZE": "2",
                                "PYTHONPATH": os.pathsep.join(sys.path)}
    stop, answers = threading.Event(), []
    poller = threading.Thread(target=_poll_api, args=(postgres_url, stop, answers))
    poller.start()
    try:
        writers = [subprocess.Popen(
            [sys.executable, "-m", "linkchart", "ingest", "--db", postgres_url, "--json",
             *map(str, share)], env=environment, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, text=True) for share in shares]
        results = [writer.communicate(timeout=400) for writer in writers]
    finally:
        stop.set()
        poller.join()
    summaries = [json.loads(out) for out, _ in results]
    assert [w.returncode for w in writers] == [0] * WRITERS, [err for _, err in results]
    assert sum(s["stored"] for s in summaries) == ARTICLES
    assert sum(s["duplicates"] for s in summaries) == ARTICLES  # each read twice
    assert all(s["failed"] == 0 for s in summaries)
    assert answers and all(status == 200 for status, _ in answers)
    seen = [overview["stats"]["documents"] for _, overview in answers]
    assert seen == sorted(seen) and seen[-1] <= ARTICLES  # whole batches, never undone

    with Store.open(str(tmp_path / "alone.db"), resolver=resolve) as alone:
        ingest([str(p) for p in sorted(tmp_path.glob("*.txt"))], alone)
        expected = _per_document(alone), _names(alone)
    with Store.open(postgres_url, resolver=resolve) as shared:
        assert shared.document_count() == ARTICLES
        assert (_per_document(shared), _names(shared)) == expected


def _names(store: Store) -> list[str]:
    """The store's entities: one each, however the writers raced to create them."""
    return sorted(e["name"] for e in store.entities(limit=500))
