"""Counting ties in SQL: each document's outlet key and ISO date in a narrow table, and
indexes from which the counts read a relation's ends, type, document and attribution
(and an entity's documents) without reading the rows.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

from linkchart.store.dates import iso
from linkchart.store.outlets import outlet_key

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

TIE = ["negated", "document_id", "attribution_id", "role"]
"""What a tie count reads of a relation, beside its ends and type."""


def upgrade() -> None:
    op.create_table(
        "document_keys",
        sa.Column("document_id", sa.String,
                  sa.ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("outlet_key", sa.Text),
        sa.Column("published_iso", sa.String(10)),
        sqlite_with_rowid=False,
    )
    _fill_document_keys()
    _replace_index("ix_relations_source", "relations",
                   ["source_entity", "type", "target_entity", *TIE])
    _replace_index("ix_relations_target", "relations",
                   ["target_entity", "type", "source_entity", *TIE])
    _replace_index("ix_doc_entities_entity", "doc_entities", ["entity_id", "document_id"])


def downgrade() -> None:
    _replace_index("ix_doc_entities_entity", "doc_entities", ["entity_id"])
    _replace_index("ix_relations_target", "relations", ["target_entity", "type"])
    _replace_index("ix_relations_source", "relations", ["source_entity", "type"])
    op.drop_table("document_keys")


def _replace_index(name: str, table: str, columns: list[str]) -> None:
    op.drop_index(name, table)
    op.create_index(name, table, columns)


def _fill_document_keys() -> None:
    conn = op.get_bind()
    documents = sa.table("documents", sa.column("id"), sa.column("outlet"),
                         sa.column("published"))
    keys = sa.table("document_keys", sa.column("document_id"), sa.column("outlet_key"),
                    sa.column("published_iso"))
    rows = [{"document_id": r.id, "outlet_key": outlet_key(r.outlet),
             "published_iso": iso(r.published)}
            for r in conn.execute(sa.select(documents.c.id, documents.c.outlet,
                                            documents.c.published))]
    if rows:
        conn.execute(sa.insert(keys), rows)
