"""The tie table: one row per tie as the chart and the exports count them (type, ends,
negation) with its counts, kept by the store in the transaction that writes relation
rows, so that a hub's ties are read rather than counted.

The migration creates it empty; `engine.migrate` fills it once the store is at its head
revision (`tie_table.rebuild`), because the counting reads the relation rows as the head
revision has them.

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "ties",
        sa.Column("source", sa.String, primary_key=True),
        sa.Column("target", sa.String, primary_key=True),
        sa.Column("type", sa.String(32), primary_key=True),
        sa.Column("negated", sa.Boolean, primary_key=True),
        sa.Column("sources", sa.Integer, nullable=False),
        sa.Column("mentions", sa.Integer, nullable=False),
        sa.Column("documents", sa.Integer, nullable=False),
        sa.Column("anonymous", sa.Integer, nullable=False),
        sa.Column("first_date", sa.String(10)),
        sa.Column("last_date", sa.String(10)),
        sa.Column("roles", sa.Text),
        sa.Column("confidence", sa.Float),
        sa.Column("max_confidence", sa.Float),
        sa.Column("quotes", sa.Text),
        sqlite_with_rowid=False,
    )
    # an actor's ties, best-sourced first, from either end
    op.create_index("ix_ties_source_weight", "ties", ["source", "sources"])
    op.create_index("ix_ties_target_weight", "ties", ["target", "sources"])


def downgrade() -> None:
    op.drop_table("ties")
