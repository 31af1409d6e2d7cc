"""The store's repository API: the only way into the database."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import func, inspect, select

from linkchart.config import database_url
from linkchart.model import DocExtraction
from linkchart.store import (card, event_links, hand_made, identity, judgements,
                             judging, neighbourhood, queries, read_corpus, read_cues,
                             read_entities, read_events, read_judgements, read_material,
                             read_relations, read_stats, text_cues, workspaces, writer)
from linkchart.store.alchemy_reader import AlchemyReader
from linkchart.store.copies import copies_of
from linkchart.store.engine import WRITE, make_engine, migrate
from linkchart.store.schema import documents
from linkchart.store.search import Search
from linkchart.store.ties import tie_list
from linkchart.store.writer import AddResult


class NoResolver(RuntimeError):
    """Extractions written to a store opened without a resolver."""


class Store:
    """The repository API. `resolver` maps a batch's local entities onto global ones when
    extractions are written (`linkchart.resolve.resolve`); the caller passes it in, so a
    store opened only to read, judge or export needs none."""

    def __init__(self, engine, resolver: writer.Resolver | None = None):
        self.engine = engine
        self.resolver = resolver
        self.dialect = engine.dialect.name
        fts = self.dialect == "sqlite" and inspect(engine).has_table("entities_fts")
        self.search = Search(self.dialect, fts)

    @classmethod
    def open(cls, url: str | None = None, resolver: writer.Resolver | None = None) -> Store:
        """Open (and create or upgrade) the store at a URL or SQLite path."""
        engine = make_engine(database_url(url))
        migrate(engine)
        return cls(engine, resolver)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _read(self):
        return self.engine.connect()

    def _reader(self, conn) -> AlchemyReader:
        """The connection as the `read_*` queries take it (linkchart.store.dbapi)."""
        return AlchemyReader(conn, self.search.fts)

    def _write(self):
        return self.engine.connect().execution_options(**WRITE)

    def add_extractions(self, extractions: list[DocExtraction]) -> AddResult:
        """Store a batch in one transaction: all of it, or nothing on error."""
        if self.resolver is None:
            raise NoResolver("this store was opened without a resolver: pass "
                             "resolver=linkchart.resolve.resolve to write extractions")
        with self._write() as conn, conn.begin():
            return writer.add_extractions(conn, list(extractions), self.search, self.resolver)

    def has_hash(self, text_hash: str) -> bool:
        with self._read() as conn:
            return conn.scalar(select(documents.c.id)
                               .where(documents.c.text_hash == text_hash)) is not None

    def document_count(self) -> int:
        with self._read() as conn:
            return conn.scalar(select(func.count()).select_from(documents))

    def documents(self, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
        with self._read() as conn:
            return queries.documents_page(conn, limit, offset)

    def document(self, doc_id: str) -> dict[str, Any] | None:
        """A document with its text and its local items, offsets included."""
        with self._read() as conn:
            return queries.document(conn, doc_id)

    def document_headers(self, doc_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """id -> title, outlet, published and url of each document (no text)."""
        with self._read() as conn:
            return queries.document_headers(conn, doc_ids)

    def wire_copies(self, doc_id: str) -> list[dict[str, Any]]:
        """The documents stored as near copies of `doc_id` (which count as its source)."""
        with self._read() as conn:
            return copies_of(conn, doc_id)

    def search_documents(self, query: str, limit: int = 20) -> list[dict[str, Any]]:
        with self._read() as conn:
            return queries.search_documents(conn, self.search, query, limit)

    def entities(self, type: str | None = None, search: str | None = None, limit: int = 50,
                 offset: int = 0) -> list[dict[str, Any]]:
        with self._read() as conn:
            return read_entities.entity_list(self._reader(conn), type, search, limit, offset)

    def entity(self, entity_id: str) -> dict[str, Any] | None:
        with self._read() as conn:
            return read_entities.entities_by_id(self._reader(conn), [entity_id]).get(entity_id)

    def entities_by_id(self, entity_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        with self._read() as conn:
            return read_entities.entities_by_id(self._reader(conn), list(entity_ids))

    def entity_types(self, entity_ids: Iterable[str]) -> dict[str, str]:
        """The type of each entity of `entity_ids` (those that are)."""
        with self._read() as conn:
            return queries.entity_types(conn, entity_ids)

    def find_entities(self, name: str, limit: int = 20) -> list[dict[str, Any]]:
        """Exact matches of the normalised name or an alias first, then full-text ones."""
        with self._read() as conn:
            return read_entities.find_entities(self._reader(conn), name, limit)

    def entity_card(self, entity_id: str, limit: int | None = None) -> dict[str, Any] | None:
        """Its documents, ties with evidence, events and statements: each list at most
        `limit` long (the best-sourced ties first), with `totals` beside them."""
        with self._read() as conn:
            return card.entity_card(conn, entity_id, limit)

    def smallest_full_card(self) -> str | None:
        """An entity whose card runs every statement a card runs, over a few rows."""
        with self._read() as conn:
            return card.smallest_full_card(conn)

    def relations(self, entity_ids: Iterable[str] | None = None,
                  types: Iterable[str] | None = None, date_from: str | None = None,
                  date_to: str | None = None, min_sources: int = 1,
                  min_confidence: float | None = None) -> list[dict[str, Any]]:
        """Relations aggregated per (type, source, target, negated), with evidence."""
        with self._read() as conn:
            return read_relations.relation_list(self._reader(conn), entity_ids, types,
                                                date_from, date_to, min_sources,
                                                min_confidence=min_confidence)

    def events(self, entity_id: str | None = None, types: Iterable[str] | None = None,
               date_from: str | None = None, date_to: str | None = None) -> list[dict[str, Any]]:
        with self._read() as conn:
            return read_events.event_list(self._reader(conn), entity_id, types, date_from,
                                          date_to)

    def event_links(self, entity_id: str, types: Iterable[str] | None = None,
                    date_from: str | None = None, date_to: str | None = None
                    ) -> list[dict[str, Any]]:
        """The events `entity_id` took part in as actor or recipient, without their text:
        id, type, document, date, published, outlet, confidence, attribution
        ({"source_kind"} or None), actors, recipients."""
        with self._read() as conn:
            return event_links.event_links(conn, entity_id, types, date_from, date_to)

    def event_link_counts(self, expand: list[str], types: Iterable[str] | None = None,
                          hidden: Iterable[str] = ()) -> list[dict[str, Any]]:
        """The event links of the expanded actors counted per link and outlet in SQL
        (`event_links.event_link_counts`)."""
        with self._read() as conn:
            return event_links.event_link_counts(conn, expand, types, hidden)

    def ties(self, entity_ids: Iterable[str] | None = None,
             types: Iterable[str] | None = None, date_from: str | None = None,
             date_to: str | None = None, min_sources: int = 1,
             min_confidence: float | None = None, among: set[str] | None = None
             ) -> list[dict[str, Any]]:
        """The same ties as `relations`, counted in SQL and without their evidence: each
        with evidence_count, document_count and anonymous_only instead; with `among`
        (holding `entity_ids`), only the ties between entities of `among`."""
        with self._read() as conn:
            return tie_list(conn, entity_ids, types, date_from, date_to, min_sources,
                            among=among, min_confidence=min_confidence)

    def neighbourhood(self, entity_id: str, depth: int = 1,
                      entity_types: Iterable[str] | None = None,
                      relation_types: Iterable[str] | None = None,
                      date_from: str | None = None, date_to: str | None = None,
                      min_sources: int = 1, limit: int | None = None,
                      evidence: bool = True, min_confidence: float | None = None
                      ) -> dict[str, list[dict[str, Any]]]:
        """Without `evidence`, its edges are lean ties (see `ties`)."""
        with self._read() as conn:
            return neighbourhood.neighbourhood(conn, entity_id, depth, entity_types,
                                               relation_types, date_from, date_to,
                                               min_sources, limit, evidence, min_confidence)

    def stats(self, top: int = 10) -> dict[str, Any]:
        """Counts by type: `relations` and `ties` count ties (one per type, ends and
        negation, as the chart, the cards and the exports do), `statements` relation rows
        (one per article that makes it); the `top` entities with the most ties."""
        with self._read() as conn:
            return read_stats.stats(self._reader(conn), top)

    def corpus(self, detail: bool = False) -> dict[str, Any]:
        """Everything as linkchart-corpus/1 (FORMAT.md)."""
        with self._read() as conn:
            return read_corpus.corpus(self._reader(conn), detail)

    def add_judgement(self, kind: str, payload: dict[str, Any],
                      author: str | None = None) -> int:
        with self._write() as conn, conn.begin():
            return judgements.add(conn, kind, payload, author)

    def judgements(self, kind: str | None = None) -> list[dict[str, Any]]:
        with self._read() as conn:
            return read_judgements.judgements(self._reader(conn), kind)

    # -- resolution review and analysts' judgements (linkchart.store.judging) ----------
    # Each records a judgement with its author and time, and applies it at once; the
    # store re-applies it on every later write that concerns it.

    def _judge(self, action, *args, author: str | None = None) -> dict[str, Any]:
        with self._write() as conn, conn.begin():
            return action(conn, *args, author, self.search)

    def merge(self, ids: list[str], author: str | None = None) -> dict[str, Any]:
        return self._judge(judging.merge, list(ids), author=author)

    def not_same(self, a: str, b: str, author: str | None = None) -> dict[str, Any]:
        return self._judge(judging.not_same, a, b, author=author)

    def split(self, entity_id: str, names: list[str] | None = None,
              documents: list[str] | None = None, undo: int | None = None,
              author: str | None = None) -> dict[str, Any]:
        return self._judge(judging.split, entity_id, names, documents, undo, author=author)

    def retype(self, entity_id: str, entity_type: str,
               author: str | None = None) -> dict[str, Any]:
        return self._judge(judging.retype, entity_id, entity_type, author=author)

    def rename(self, entity_id: str, name: str, author: str | None = None) -> dict[str, Any]:
        return self._judge(judging.rename, entity_id, name, author=author)

    def reject_relation(self, edge: str, document: str | None = None,
                        author: str | None = None) -> dict[str, Any]:
        with self._write() as conn, conn.begin():
            facts = judging.relation_facts(conn, edge, document)
            return judging.reject(conn, facts, author, self.search, edge)

    def reject_event(self, event_id: str, author: str | None = None) -> dict[str, Any]:
        with self._write() as conn, conn.begin():
            return judging.reject(conn, judging.event_facts(conn, event_id), author,
                                  self.search, event_id)

    def reject_attribution(self, document: str, local_id: str,
                           author: str | None = None) -> dict[str, Any]:
        with self._write() as conn, conn.begin():
            return judging.reject(conn, judging.attribution_facts(conn, document, local_id),
                                  author, self.search, f"{document}:{local_id}")

    def add_fact(self, relation_type: str, source: str, target: str, document: str,
                 evidence: str, role: str | None = None, negated: bool = False,
                 author: str | None = None) -> dict[str, Any]:
        return self._judge(judging.add_fact, relation_type, source, target, document,
                           evidence, role, negated, author=author)

    def add_actor(self, name: str, entity_type: str, aliases: list[str] | None = None,
                  author: str | None = None) -> dict[str, Any]:
        """An actor added by hand, kept as a judgement (linkchart.store.hand_made)."""
        return self._judge(judging.add_actor, name, entity_type, aliases, author=author)

    def hand_made(self) -> dict[str, dict[str, Any]]:
        """Actors added by hand now: id -> author, created_at, judgement."""
        with self._read() as conn:
            return hand_made.hand_made(conn)

    def hand_made_links(self) -> dict[str, dict[str, Any]]:
        """Ties holding a relation added by hand now: tie id -> author, created_at,
        judgement, quotes ((document, text) pairs)."""
        with self._read() as conn:
            return hand_made.hand_made_links(conn)

    def note(self, on: str, target: str | int, text: str,
             author: str | None = None) -> dict[str, Any]:
        """A note on an entity, a link, an event link or a workspace (judging.note)."""
        return self._judge(judging.note, on, target, text, author=author)

    def notes(self) -> list[dict[str, Any]]:
        with self._read() as conn:
            return judging.notes(conn)

    def review_candidates(self, status: str | None = "open", limit: int = 50,
                          entity: str | None = None) -> list[dict[str, Any]]:
        with self._read() as conn:
            return read_judgements.reviews(self._reader(conn), status, limit, entity)

    def decide(self, review_id: int, decision: str,
               author: str | None = None) -> dict[str, Any] | None:
        """Settle a review candidate: "merge", "not_same", or "skip" (no judgement)."""
        with self._write() as conn, conn.begin():
            pair = identity.review_pair(conn, review_id)
            if pair is None:
                raise identity.JudgementError(f"no review candidate {review_id}")
            if decision == "skip":
                identity.close_review(conn, review_id, "skipped", author)
                return None
            if decision == "merge":
                found = judging.merge(conn, list(pair), author, self.search)
            elif decision in ("not_same", "not-same"):
                found = judging.not_same(conn, *pair, author, self.search)
            else:
                raise identity.JudgementError(f"unknown decision {decision!r}: merge, "
                                              "not_same or skip")
            identity.close_review(conn, review_id, "merged" if decision == "merge"
                                  else "not_same", author)
            return found

    def export_judgements(self) -> dict[str, Any]:
        with self._read() as conn:
            return judging.export(conn)

    def import_judgements(self, data: dict[str, Any]) -> dict[str, Any]:
        with self._write() as conn, conn.begin():
            return judging.import_(conn, data, self.search)

    def withdraw_judgement(self, judgement_id: int) -> None:
        with self._write() as conn, conn.begin():
            if judgements.get(conn, judgement_id) is None:
                raise identity.JudgementError(f"no judgement {judgement_id}")
            judgements.set_state(conn, judgement_id, "withdrawn")

    def apply_judgements(self) -> dict[str, int]:
        with self._write() as conn, conn.begin():
            return judging.apply_all(conn, self.search)

    def entity_mentions(self, entity_id: str) -> list[dict[str, Any]]:
        """The local entities a global entity holds: document, local id, name, aliases."""
        with self._read() as conn:
            return queries.entity_locals(conn, entity_id)


    # -- what the analyses read (read_relations, read_material, read_cues) ---------------

    def relations_kept(self, types: Iterable[str] | None, date_from: str | None,
                       date_to: str | None, keep, containing: Iterable[str] = (),
                       denied_only: bool = False) -> list[dict[str, Any]]:
        """Ties (as `relations`) counted over the evidence that `keep` accepts (and that
        holds one of the words of `containing`; only ties denied somewhere with
        `denied_only`)."""
        with self._read() as conn:
            return read_relations.relations_kept(self._reader(conn), types, date_from,
                                                 date_to, keep, containing, denied_only)

    def pair_quotes(self, pairs: Iterable[tuple[str, str]]
                    ) -> dict[tuple[str, str], dict[str, Any]]:
        """The first quote of a tie between each pair of entities."""
        with self._read() as conn:
            return read_relations.pair_quotes(self._reader(conn), pairs)

    def document_texts(self, ids: Iterable[str] | None = None, date_from: str | None = None,
                       date_to: str | None = None) -> list[dict[str, Any]]:
        """Documents (of `ids`, or all) in a period, with their text."""
        with self._read() as conn:
            return read_material.document_texts(self._reader(conn), ids, date_from, date_to)

    def document_material(self, doc_ids: Iterable[str], event_types: Iterable[str] = (),
                          mentions: bool = True) -> dict[str, dict[str, Any]]:
        """Per document: its entity mentions (or, with `mentions` false, its local
        entities by id: `locals`), its attributions and its events of some types, each in
        text order."""
        with self._read() as conn:
            return read_material.document_material(self._reader(conn), doc_ids, event_types,
                                                   mentions)

    # -- text cues found at ingest (linkchart.store.text_cues, read_cues) ----------------

    def cues_of_kinds(self, kinds: Iterable[str], doc_ids: Iterable[str] | None = None
                      ) -> list[dict[str, Any]]:
        with self._read() as conn:
            return read_cues.cues_of_kinds(self._reader(conn), kinds, doc_ids)

    def documents_with_cues(self, kinds: Iterable[str]) -> set[str]:
        with self._read() as conn:
            return read_cues.documents_with(self._reader(conn), kinds)

    def reached_entities(self, kinds: Iterable[str]) -> list[dict[str, Any]]:
        """Cues of some kinds with the entity ids each may be addressed to."""
        with self._read() as conn:
            return read_cues.reached_entities(self._reader(conn), kinds)

    def cue_documents(self, doc_ids: Iterable[str], date_from: str | None = None,
                      date_to: str | None = None) -> list[dict[str, Any]]:
        """Documents with their text and the sentence spans their cues refer to."""
        with self._read() as conn:
            return read_cues.cue_documents(self._reader(conn), doc_ids, date_from, date_to)

    def documents_without_cues(self) -> int:
        """How many documents have no text cues of the current cue words."""
        with self._read() as conn:
            return read_cues.unscanned_count(self._reader(conn))

    def scan_cues(self, everything: bool = False, batch: int = 200,
                  progress=None) -> tuple[int, int]:
        """Find the text cues of the documents without current ones (all documents with
        `everything`), one transaction per batch; (documents, cues)."""
        scanned = found = 0
        with self._read() as conn:
            todo = (list(conn.scalars(select(documents.c.id).order_by(documents.c.id)))
                    if everything else read_cues.unscanned(self._reader(conn)))
        for i in range(0, len(todo), batch):
            with self._write() as conn, conn.begin():
                found += text_cues.rescan(conn, todo[i:i + batch])
            scanned += len(todo[i:i + batch])
            if progress:
                progress(scanned, len(todo))
        return scanned, found

    # -- workspaces: analysts' named charts (linkchart.store.workspaces) ---------------

    def workspaces(self) -> list[dict[str, Any]]:
        with self._read() as conn:
            return workspaces.listing(conn)

    def workspace(self, workspace_id: int) -> dict[str, Any] | None:
        with self._read() as conn:
            return workspaces.get(conn, workspace_id)

    def save_workspace(self, name: str, state: dict[str, Any],
                       author: str | None = None) -> dict[str, Any]:
        with self._write() as conn, conn.begin():
            return workspaces.create(conn, name, state, author)

    def change_workspace(self, workspace_id: int, author: str | None = None,
                         name: str | None = None,
                         state: dict[str, Any] | None = None) -> dict[str, Any]:
        with self._write() as conn, conn.begin():
            return workspaces.change(conn, workspace_id, author, name, state)

    def duplicate_workspace(self, workspace_id: int, name: str | None = None,
                            author: str | None = None) -> dict[str, Any]:
        with self._write() as conn, conn.begin():
            return workspaces.duplicate(conn, workspace_id, name, author)

    def delete_workspace(self, workspace_id: int) -> None:
        with self._write() as conn, conn.begin():
            workspaces.remove(conn, workspace_id)

    def import_workspace(self, data: dict[str, Any], author: str | None = None
                         ) -> dict[str, Any]:
        with self._write() as conn, conn.begin():
            return workspaces.import_(conn, data, author)
