"""The tables, as SQLAlchemy Core objects for queries. Migrations create them."""

from __future__ import annotations

from sqlalchemy import (JSON, Boolean, Column, Float, ForeignKey, Index, Integer, LargeBinary,
                        MetaData, String, Table, Text, UniqueConstraint)

metadata = MetaData()

documents = Table(
    "documents", metadata,
    Column("id", String, primary_key=True),
    Column("title", Text),
    Column("outlet", Text),
    Column("published", String(32)),
    Column("url", Text),
    Column("text", Text, nullable=False),
    Column("text_hash", String(64), nullable=False, unique=True),
    Column("pipeline_version", String),
    Column("ingested_at", String(32), nullable=False),
)

document_keys = Table(
    "document_keys", metadata,
    # What counting ties in SQL needs of a document, derived from it when it is written
    # (narrow, so that a count reads no document text):
    Column("document_id", String, ForeignKey("documents.id", ondelete="CASCADE"),
           primary_key=True),
    Column("outlet_key", Text),  # outlets.outlet_key(outlet): independent outlets
    Column("published_iso", String(10)),  # dates.iso(published): date filters, first/last
    # copies.source_key: the independent source a document counts as; a wire copy
    # counts as the document it copies
    Column("source_key", Text),
    sqlite_with_rowid=False,
)

document_copies = Table(
    "document_copies", metadata,
    # Each document's MinHash signature, and the earlier document it is a near copy of
    # (one agency story printed by several outlets), with their estimated similarity.
    Column("document_id", String, ForeignKey("documents.id", ondelete="CASCADE"),
           primary_key=True),
    Column("signature", LargeBinary, nullable=False),
    Column("copy_of", String, ForeignKey("documents.id", ondelete="SET NULL"), index=True),
    Column("similarity", Float),
)

copy_bands = Table(
    "copy_bands", metadata,
    # minhash.bands of each signature: documents sharing a band are candidate copies
    Column("band", String(32), primary_key=True),
    Column("document_id", String, ForeignKey("documents.id", ondelete="CASCADE"),
           primary_key=True, index=True),
)

entities = Table(
    "entities", metadata,
    Column("id", String, primary_key=True),
    Column("num", Integer, nullable=False, unique=True),
    Column("name", Text, nullable=False),
    Column("type", String(32), nullable=False),
    Column("aliases", JSON, nullable=False),
    Column("search_text", Text, nullable=False),
    Column("first_seen", String(32)),
    Column("last_seen", String(32)),
    # how many documents name it (doc_entities), kept where those rows change
    # (entity_rows), and its ties in the tie table (tie_table.count_ties); migration 0010
    Column("documents", Integer, nullable=False, server_default="0"),
    Column("ties", Integer, nullable=False, server_default="0"),
)

entity_keys = Table(
    "entity_keys", metadata,
    Column("key", Text, primary_key=True),
    Column("entity_id", String, ForeignKey("entities.id", ondelete="CASCADE"), primary_key=True),
)

doc_entities = Table(
    "doc_entities", metadata,
    Column("document_id", String, ForeignKey("documents.id", ondelete="CASCADE"),
           primary_key=True),
    Column("local_id", String, primary_key=True),
    Column("name", Text, nullable=False),
    Column("type", String(32), nullable=False),
    Column("aliases", JSON, nullable=False),
    Column("description", Text),
    Column("mentions", JSON, nullable=False),
    Column("entity_id", String, ForeignKey("entities.id")),
)

attributions = Table(
    "attributions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", String, ForeignKey("documents.id", ondelete="CASCADE"),
           nullable=False),
    Column("local_id", String, nullable=False),
    Column("source_local", String),
    Column("source_entity", String, ForeignKey("entities.id")),
    Column("source_text", Text, nullable=False),
    Column("source_kind", String(16), nullable=False),
    Column("cue", Text),
    Column("content", Text, nullable=False),
    Column("direct", Boolean, nullable=False),
    Column("start", Integer),
    Column("end", Integer),
    Column("confidence", Float),
    sqlite_autoincrement=True,
)

relations = Table(
    "relations", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", String, ForeignKey("documents.id", ondelete="CASCADE"),
           nullable=False),
    Column("type", String(32), nullable=False),
    Column("source_local", String, nullable=False),
    Column("target_local", String, nullable=False),
    Column("source_entity", String, ForeignKey("entities.id")),
    Column("target_entity", String, ForeignKey("entities.id")),
    Column("role", Text),
    Column("negated", Boolean, nullable=False),
    Column("hedged", Boolean, nullable=False),
    Column("evidence", Text, nullable=False),
    Column("start", Integer),
    Column("end", Integer),
    Column("attribution_id", Integer, ForeignKey("attributions.id", ondelete="SET NULL")),
    Column("confidence", Float),  # calibrated; NULL on rows stored before calibration
    sqlite_autoincrement=True,
)

events = Table(
    "events", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", String, ForeignKey("documents.id", ondelete="CASCADE"),
           nullable=False),
    Column("local_id", String, nullable=False),
    Column("type", String(16), nullable=False),
    Column("mode", Text),
    Column("date", String(32)),
    Column("date_text", Text),
    Column("location_local", String),
    Column("location_entity", String, ForeignKey("entities.id")),
    Column("fatalities", Integer),
    Column("injured", Integer),
    Column("evidence", Text, nullable=False),
    Column("start", Integer),
    Column("end", Integer),
    Column("attribution_id", Integer, ForeignKey("attributions.id", ondelete="SET NULL")),
    Column("confidence", Float),  # calibrated; NULL on rows stored before calibration
    Column("content", Text),  # what a directive asks for (migration 0005)
    Column("content_start", Integer),
    Column("content_end", Integer),
    # dates.iso of its date, else of its document's: what a card lists it by (0011)
    Column("sort_date", String(10)),
    sqlite_autoincrement=True,
)

event_participants = Table(
    "event_participants", metadata,
    Column("event_id", Integer, ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("role", String(16), primary_key=True),
    Column("local_id", String, primary_key=True),
    Column("entity_id", String, ForeignKey("entities.id")),
)

event_pairs = Table(
    "event_pairs", metadata,
    # One row per event and pair of different actors in it (an actor, a recipient), with
    # what a chart's event links are counted from. Derived from the events, their
    # participants, documents and attributions in the transaction that changes them
    # (store.event_pair_table; migration 0012), so that a hub's links are read, not
    # joined together from thousands of events.
    Column("event_id", Integer, ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("actor", String, primary_key=True),
    Column("recipient", String, primary_key=True),
    Column("type", String(16), nullable=False),
    Column("document_id", String, nullable=False),
    # the independent outlet it counts for: document_keys.outlet_key, else the document
    Column("outlet", Text, nullable=False),
    Column("date", String(32)),  # the event's date, else its document's publication date
    Column("confidence", Float),  # capped at graph.CONFIDENCE_CAP
    Column("anonymous", Integer, nullable=False),  # 1: credited to an anonymous source
)
Index("ix_event_pairs_actor", event_pairs.c.actor)
Index("ix_event_pairs_recipient", event_pairs.c.recipient)
Index("ix_event_pairs_document", event_pairs.c.document_id)

judgements = Table(
    "judgements", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(16), nullable=False),
    Column("payload", JSON, nullable=False),
    Column("author", Text),
    Column("created_at", String(32), nullable=False),
    Column("status", String(16)),
    Column("targets", JSON),
    Column("applied_at", String(32)),
    sqlite_autoincrement=True,
)

review_candidates = Table(
    "review_candidates", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("entity_id", String, ForeignKey("entities.id", ondelete="CASCADE"), nullable=False),
    Column("candidate_id", String, ForeignKey("entities.id", ondelete="CASCADE"),
           nullable=False),
    Column("score", Float, nullable=False),
    Column("reasons", JSON, nullable=False),
    Column("document_id", String),
    Column("local_id", String),
    Column("status", String(16), nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("decided_at", String(32)),
    Column("decided_by", Text),
    UniqueConstraint("entity_id", "candidate_id", name="uq_review_pair"),
    sqlite_autoincrement=True,
)

workspaces = Table(
    "workspaces", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", Text, nullable=False),
    Column("state", JSON, nullable=False),  # linkchart.store.workspaces.STATE_KEYS
    Column("author", Text),
    Column("created_at", String(32), nullable=False),
    Column("updated_at", String(32), nullable=False),
    Column("updated_by", Text),
    sqlite_autoincrement=True,
)

ties = Table(
    "ties", metadata,
    # One row per tie as the chart and the exports count them: relation rows of one type
    # between the same ends (an undirected type's lower-numbered end first), negated or
    # not. Derived from `relations` in the transaction that changes them (store.tie_table),
    # so that a hub's ties are read, not counted.
    Column("source", String, primary_key=True),
    Column("target", String, primary_key=True),
    Column("type", String(32), primary_key=True),
    Column("negated", Boolean, primary_key=True),
    Column("sources", Integer, nullable=False),  # independent sources (document_keys.source_key)
    Column("mentions", Integer, nullable=False),  # relation rows
    Column("documents", Integer, nullable=False),
    Column("anonymous", Integer, nullable=False),  # rows credited to an anonymous source
    Column("first_date", String(10)),
    Column("last_date", String(10)),
    Column("roles", Text),  # distinct non-empty roles, joined by ties.ROLE_SEPARATOR
    Column("confidence", Float),  # noisy-OR over independent sources (ties._corroborated)
    Column("max_confidence", Float),
    # ids of its oldest relation rows (tie_table.QUOTES_KEPT, comma-separated): a card's
    # quotes, read without ranking every row of a tie that thousands of articles make
    Column("quotes", Text),
    sqlite_with_rowid=False,
)

cue_documents = Table(
    "cue_documents", metadata,
    # Each document scanned for text cues (linkchart.extract.cues), with the version of the
    # cue words that scanned it and, where it has cues, its sentence spans [[start, end]]
    # and its entity mentions in text order [[start, end, local_id]] (one read per document)
    Column("document_id", String, ForeignKey("documents.id", ondelete="CASCADE"),
           primary_key=True),
    Column("version", String(32), nullable=False),
    Column("sentences", JSON),
    Column("mentions", JSON),
)

text_cues = Table(
    "text_cues", metadata,
    # One cue of a document: its kind, the index of its sentence in cue_documents.sentences,
    # where the cue word lies, what it says (a direction, a meeting's place) and, for
    # directives, meetings and requests, the local entities it may be addressed to
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", String, ForeignKey("documents.id", ondelete="CASCADE"),
           nullable=False, index=True),
    Column("kind", String(24), nullable=False),
    Column("sentence", Integer, nullable=False),
    Column("cue_start", Integer),
    Column("cue_end", Integer),
    Column("detail", Text),
    Column("reaches", JSON),
    sqlite_autoincrement=True,
)
Index("ix_text_cues_kind_document", text_cues.c.kind, text_cues.c.document_id)
