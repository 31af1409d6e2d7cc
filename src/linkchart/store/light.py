"""A store opened only to read, without SQLAlchemy: what `linkchart stats`, `entities`,
`events`, `show`, `judgements list`, `review` (listing), `export` and `analyze` read,
through the stdlib sqlite3 or psycopg and the same `read_*` queries the Store runs, so
that a command run once starts in a fraction of the time (docs/performance.md,
"Start-up").

`LightStore.open` answers None for a store it cannot read as it is: a URL of another
driver, an in-memory or URI SQLite database, or a store not at the newest revision,
which the Store opens (creating or upgrading it) as before.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from linkchart.store import (read_card, read_corpus, read_counted_ties, read_cues,
                             read_entities, read_events, read_judgements, read_material,
                             read_relations, read_stats)
from linkchart.store.dbapi import (HEAD_REVISION, DbapiReader, connect_postgres,
                                   connect_sqlite, current_revision)

POSTGRES_PREFIXES = ("postgresql+psycopg://", "postgresql://", "postgres://")


def _connect(url: str) -> DbapiReader | None:
    if url.startswith("sqlite:///"):
        path = url.removeprefix("sqlite:///")
        if not path or path == ":memory:" or path.startswith("file:") or "?" in path:
            return None
        return connect_sqlite(path)
    for prefix in POSTGRES_PREFIXES:
        if url.startswith(prefix):
            return connect_postgres("postgresql://" + url.removeprefix(prefix))
    return None


class LightStore:
    """The Store's read methods that commands run once need, with the same answers."""

    def __init__(self, reader: DbapiReader):
        self.reader = reader
        self.dialect = reader.dialect

    @classmethod
    def open(cls, url: str) -> LightStore | None:
        reader = _connect(url)
        if reader is None:
            return None
        if current_revision(reader) != HEAD_REVISION:
            reader.close()
            return None
        return cls(reader)

    def close(self) -> None:
        self.reader.close()

    def __enter__(self) -> LightStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _read(self, query, *args):
        """One query of a `read_*` module, in one read transaction."""
        with self.reader.transaction():
            return query(self.reader, *args)

    def stats(self, top: int = 10) -> dict[str, Any]:
        return self._read(read_stats.stats, top)

    def entities(self, type: str | None = None, search: str | None = None, limit: int = 50,
                 offset: int = 0) -> list[dict[str, Any]]:
        return self._read(read_entities.entity_list, type, search, limit, offset)

    def entity(self, entity_id: str) -> dict[str, Any] | None:
        return self._read(read_entities.entities_by_id, [entity_id]).get(entity_id)

    def find_entities(self, name: str, limit: int = 20) -> list[dict[str, Any]]:
        return self._read(read_entities.find_entities, name, limit)

    def entity_card(self, entity_id: str, limit: int | None = None
                    ) -> dict[str, Any] | None:
        return self._read(read_card.entity_card, entity_id, limit)

    def events(self, entity_id: str | None = None, types: Iterable[str] | None = None,
               date_from: str | None = None, date_to: str | None = None
               ) -> list[dict[str, Any]]:
        return self._read(read_events.event_list, entity_id, types, date_from, date_to)

    def corpus(self, detail: bool = False) -> dict[str, Any]:
        """Everything as linkchart-corpus/1 (FORMAT.md)."""
        return self._read(read_corpus.corpus, detail)

    def judgements(self, kind: str | None = None) -> list[dict[str, Any]]:
        return self._read(read_judgements.judgements, kind)

    def review_candidates(self, status: str | None = "open", limit: int = 50,
                          entity: str | None = None) -> list[dict[str, Any]]:
        return self._read(read_judgements.reviews, status, limit, entity)

    def entities_by_id(self, entity_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        return self._read(read_entities.entities_by_id, list(entity_ids))

    def relations(self, entity_ids: Iterable[str] | None = None,
                  types: Iterable[str] | None = None, date_from: str | None = None,
                  date_to: str | None = None, min_sources: int = 1,
                  min_confidence: float | None = None) -> list[dict[str, Any]]:
        return self._read(read_relations.relation_list, entity_ids, types, date_from,
                          date_to, min_sources, None, min_confidence)

    def ties(self, entity_ids: Iterable[str] | None = None,
             types: Iterable[str] | None = None, date_from: str | None = None,
             date_to: str | None = None, min_sources: int = 1,
             min_confidence: float | None = None, among: set[str] | None = None
             ) -> list[dict[str, Any]]:
        return self._read(read_counted_ties.tie_list, entity_ids, types, date_from, date_to,
                          min_sources, among, min_confidence)

    def relations_kept(self, types: Iterable[str] | None, date_from: str | None,
                       date_to: str | None, keep, containing: Iterable[str] = (),
                       denied_only: bool = False) -> list[dict[str, Any]]:
        return self._read(read_relations.relations_kept, types, date_from, date_to, keep,
                          containing, denied_only)

    def pair_quotes(self, pairs: Iterable[tuple[str, str]]
                    ) -> dict[tuple[str, str], dict[str, Any]]:
        return self._read(read_relations.pair_quotes, pairs)

    def document_texts(self, ids: Iterable[str] | None = None, date_from: str | None = None,
                       date_to: str | None = None) -> list[dict[str, Any]]:
        return self._read(read_material.document_texts, ids, date_from, date_to)

    def document_material(self, doc_ids: Iterable[str], event_types: Iterable[str] = (),
                          mentions: bool = True) -> dict[str, dict[str, Any]]:
        return self._read(read_material.document_material, doc_ids, event_types, mentions)

    def cues_of_kinds(self, kinds: Iterable[str], doc_ids: Iterable[str] | None = None
                      ) -> list[dict[str, Any]]:
        return self._read(read_cues.cues_of_kinds, kinds, doc_ids)

    def documents_with_cues(self, kinds: Iterable[str]) -> set[str]:
        return self._read(read_cues.documents_with, kinds)

    def reached_entities(self, kinds: Iterable[str]) -> list[dict[str, Any]]:
        return self._read(read_cues.reached_entities, kinds)

    def cue_documents(self, doc_ids: Iterable[str], date_from: str | None = None,
                      date_to: str | None = None) -> list[dict[str, Any]]:
        return self._read(read_cues.cue_documents, doc_ids, date_from, date_to)

    def documents_without_cues(self) -> int:
        return self._read(read_cues.unscanned_count)
