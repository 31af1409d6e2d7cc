"""What an analyst made in the browser outlives the articles' extraction: a note on an
actor, a note on a link, and a link added by hand are still shown after every article is
ingested again with new text, and after a full rebuild of the store with the judgements
imported (headless Chromium over copies of the sample store)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from live import live_server
from sample_pages import (  # noqa: F401 (fixtures)
    add_link_by_hand, chromium, open_chart, origin, page, skip_without_browser, store_path)

pytestmark = pytest.mark.browser

skip_without_browser()

CY = "window.linkchart.cy"
ACTOR_NOTE = "Check who pays for this"
LINK_NOTE = "Two outlets only: ask the desk"


@pytest.fixture(scope="module")
def edited_samples(tmp_path_factory):
    """The bundled samples (and the markup-laden article) with a line added to every
    text: the same document ids, new bodies, so the next ingest replaces each one."""
    from linkchart.cli.demo import SAMPLES

    xss_article = Path(__file__).parent / "data" / "xss-article.txt"  # as conftest.py

    folder = tmp_path_factory.mktemp("edited")
    for path in [*sorted(SAMPLES.glob("*.txt")), xss_article]:
        shutil.copy(path, folder / path.name)
        with open(folder / path.name, "a", encoding="utf-8") as text:
            text.write("\n\nThis article was updated.\n")
    return folder


def _tie(store_path):
    from linkchart.store import Store

    with Store.open(store_path) as store:
        tie = store.ties()[0]
        doc = store.documents(limit=1)[0]["id"]
        passage = store.document(doc)["text"].split(".")[0].strip()
    return tie, doc, passage


def _note(page, text):
    page.fill("#panel .notes-section textarea", text)
    page.click("#panel .add-note")
    page.locator("#panel .notes li", has_text=text).wait_for()


def _shows_everything(page, actor, link, made):
    open_chart(page, f"entity={actor}&expand={actor}&min_confidence=0")
    page.locator("#panel .notes li", has_text=ACTOR_NOTE).wait_for()
    page.evaluate(f"() => {CY}.getElementById('{link}').emit('tap')")
    page.locator("#panel .notes li", has_text=LINK_NOTE).wait_for()
    page.wait_for_function(f"() => {CY}.getElementById('{made}').data('hand_made') === true")


def test_notes_and_a_hand_made_link_survive_a_reingest_and_a_rebuild(
        page, chromium, store_path, edited_samples, tmp_path):
    from linkchart.config import Config
    from linkchart.jobs import ingest
    from linkchart.resolve import resolve
    from linkchart.store import Store

    tie, doc, passage = _tie(store_path)
    actor, other, link = tie["source"], tie["target"], tie["id"]
    page.goto(page.origin + "/")
    page.evaluate("localStorage.setItem('linkchart.reviewer', 'ana')")
    open_chart(page, f"entity={actor}&expand={actor}&min_confidence=0")
    page.locator(".panel-head .id", has_text=actor).wait_for()
    _note(page, ACTOR_NOTE)
    page.evaluate(f"() => {CY}.getElementById('{link}').emit('tap')")
    page.locator("#panel .edge-title").wait_for()
    _note(page, LINK_NOTE)
    made = add_link_by_hand(page, other, "controls", actor, doc, passage)

    with Store.open(store_path, resolver=resolve) as store:   # every article again, new text
        summary = ingest([str(edited_samples)], store, config=Config.from_env())
        assert len(summary.replaced) >= 15, summary
        exported = store.export_judgements()
    # a new page: the old renderer sat through the ingest, and under load Chromium has
    # been seen to crash it ("Target crashed") when it is used again
    again = chromium.new_page(viewport={"width": 1440, "height": 900})
    again.set_default_timeout(60_000)
    again.origin = page.origin
    try:
        _shows_everything(again, actor, link, made)
    finally:
        again.close()

    rebuilt = str(tmp_path / "rebuilt.db")                     # a new store from the texts
    with Store.open(rebuilt, resolver=resolve) as store:
        ingest([str(edited_samples)], store, config=Config.from_env())
        store.import_judgements(exported)
    from linkchart.server.api import create_app

    with live_server(create_app(rebuilt)) as other_origin:
        fresh = chromium.new_page(viewport={"width": 1440, "height": 900})
        fresh.set_default_timeout(60_000)
        fresh.origin = other_origin
        try:
            _shows_everything(fresh, actor, link, made)
        finally:
            fresh.close()
