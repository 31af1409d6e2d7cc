"""The first schema: documents, local and global entities, facts, judgements, search.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _id(name: str) -> sa.Column:
    return sa.Column(name, sa.Integer, primary_key=True, autoincrement=True)


def _document_id() -> sa.Column:
    return sa.Column("document_id", sa.String,
                     sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False)


def _entity(name: str) -> sa.Column:
    return sa.Column(name, sa.String, sa.ForeignKey("entities.id"))


def _span() -> list[sa.Column]:
    return [sa.Column("start", sa.Integer), sa.Column("end", sa.Integer)]


def _attribution_id() -> sa.Column:
    return sa.Column("attribution_id", sa.Integer,
                     sa.ForeignKey("attributions.id", ondelete="SET NULL"))


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.String, primary_key=True),
        sa.Column("title", sa.Text), sa.Column("outlet", sa.Text),
        sa.Column("published", sa.String(32)), sa.Column("url", sa.Text),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("text_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("pipeline_version", sa.String),
        sa.Column("ingested_at", sa.String(32), nullable=False),
    )
    op.create_index("ix_documents_published", "documents", ["published"])
    op.create_table(
        "entities",
        sa.Column("id", sa.String, primary_key=True),
        sa.Column("num", sa.Integer, nullable=False, unique=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("type", sa.String(32), nullable=False),
        sa.Column("aliases", sa.JSON, nullable=False),
        sa.Column("search_text", sa.Text, nullable=False),
        sa.Column("first_seen", sa.String(32)), sa.Column("last_seen", sa.String(32)),
    )
    op.create_index("ix_entities_type", "entities", ["type"])
    op.create_table(
        "entity_keys",
        sa.Column("key", sa.Text, primary_key=True),
        sa.Column("entity_id", sa.String, sa.ForeignKey("entities.id", ondelete="CASCADE"),
                  primary_key=True),
    )
    op.create_index("ix_entity_keys_entity", "entity_keys", ["entity_id"])
    op.create_table(
        "doc_entities",
        sa.Column("document_id", sa.String, sa.ForeignKey("documents.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("local_id", sa.String, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("type", sa.String(32), nullable=False),
        sa.Column("aliases", sa.JSON, nullable=False),
        sa.Column("description", sa.Text),
        sa.Column("mentions", sa.JSON, nullable=False),
        _entity("entity_id"),
    )
    op.create_index("ix_doc_entities_entity", "doc_entities", ["entity_id"])
    op.create_table(
        "attributions", _id("id"), _document_id(),
        sa.Column("local_id", sa.String, nullable=False),
        sa.Column("source_local", sa.String), _entity("source_entity"),
        sa.Column("source_text", sa.Text, nullable=False),
        sa.Column("source_kind", sa.String(16), nullable=False),
        sa.Column("cue", sa.Text), sa.Column("content", sa.Text, nullable=False),
        sa.Column("direct", sa.Boolean, nullable=False), *_span(),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_attributions_document", "attributions", ["document_id"])
    op.create_index("ix_attributions_source", "attributions", ["source_entity"])
    op.create_table(
        "relations", _id("id"), _document_id(),
        sa.Column("type", sa.String(32), nullable=False),
        sa.Column("source_local", sa.String, nullable=False),
        sa.Column("target_local", sa.String, nullable=False),
        _entity("source_entity"), _entity("target_entity"),
        sa.Column("role", sa.Text),
        sa.Column("negated", sa.Boolean, nullable=False),
        sa.Column("hedged", sa.Boolean, nullable=False),
        sa.Column("evidence", sa.Text, nullable=False), *_span(), _attribution_id(),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_relations_document", "relations", ["document_id"])
    op.create_index("ix_relations_source", "relations", ["source_entity", "type"])
    op.create_index("ix_relations_target", "relations", ["target_entity", "type"])
    op.create_index("ix_relations_type", "relations", ["type"])
    op.create_table(
        "events", _id("id"), _document_id(),
        sa.Column("local_id", sa.String, nullable=False),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("mode", sa.Text), sa.Column("date", sa.String(32)),
        sa.Column("date_text", sa.Text),
        sa.Column("location_local", sa.String), _entity("location_entity"),
        sa.Column("fatalities", sa.Integer), sa.Column("injured", sa.Integer),
        sa.Column("evidence", sa.Text, nullable=False), *_span(), _attribution_id(),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_events_document", "events", ["document_id"])
    op.create_index("ix_events_date", "events", ["date"])
    op.create_index("ix_events_type", "events", ["type"])
    op.create_index("ix_events_location", "events", ["location_entity"])
    op.create_table(
        "event_participants",
        sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("role", sa.String(16), primary_key=True),
        sa.Column("local_id", sa.String, primary_key=True),
        _entity("entity_id"),
    )
    op.create_index("ix_event_participants_entity", "event_participants", ["entity_id"])
    op.create_table(
        "judgements", _id("id"),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("payload", sa.JSON, nullable=False),
        sa.Column("author", sa.Text),
        sa.Column("created_at", sa.String(32), nullable=False),
        sqlite_autoincrement=True,
    )
    _create_search()


def _create_search() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        op.execute("CREATE INDEX ix_entities_search ON entities "
                   "USING gin (to_tsvector('simple', search_text))")
        op.execute("CREATE INDEX ix_documents_search ON documents "
                   "USING gin (to_tsvector('simple', coalesce(title, '') || ' ' || text))")
    elif dialect == "sqlite":
        try:
            op.execute("CREATE VIRTUAL TABLE entities_fts USING fts5("
                       "entity_id UNINDEXED, names, tokenize='unicode61 remove_diacritics 2')")
            op.execute("CREATE VIRTUAL TABLE documents_fts USING fts5("
                       "document_id UNINDEXED, title, body, "
                       "tokenize='unicode61 remove_diacritics 2')")
        except sa.exc.OperationalError:
            pass


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS documents_fts")
        op.execute("DROP TABLE IF EXISTS entities_fts")
    for table in ("judgements", "event_participants", "events", "relations", "attributions",
                  "doc_entities", "entity_keys", "entities", "documents"):
        op.drop_table(table)
