"""Calibrated confidence on relations, events and attributions (NULL on older rows), and
in the relation indexes that ties are counted from, so the counts still read no rows.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

TABLES = ("relations", "events", "attributions")
TIE = ["negated", "document_id", "attribution_id", "role"]
"""What a tie count read of a relation before this revision (0003)."""


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("confidence", sa.Float))
    _replace_index("ix_relations_source", "relations",
                   ["source_entity", "type", "target_entity", *TIE, "confidence"])
    _replace_index("ix_relations_target", "relations",
                   ["target_entity", "type", "source_entity", *TIE, "confidence"])


def downgrade() -> None:
    _replace_index("ix_relations_target", "relations",
                   ["target_entity", "type", "source_entity", *TIE])
    _replace_index("ix_relations_source", "relations",
                   ["source_entity", "type", "target_entity", *TIE])
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("confidence")


def _replace_index(name: str, table: str, columns: list[str]) -> None:
    op.drop_index(name, table)
    op.create_index(name, table, columns)
