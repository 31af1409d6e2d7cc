"""The event-pair table: one row per event and pair of different actors in it (an actor,
a recipient) with what a chart's event links are counted from, kept by the store in the
transaction that writes events or changes who takes part in them, so that a hub's event
links are read rather than joined together from thousands of events.

The migration creates it empty; `engine.migrate` fills it once the store is at its head
revision (`event_pair_table.rebuild`), as it does the tie table.

Revision ID: 0012
Revises: 0011
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "event_pairs",
        sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("actor", sa.String, primary_key=True),
        sa.Column("recipient", sa.String, primary_key=True),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("document_id", sa.String, nullable=False),
        sa.Column("outlet", sa.Text, nullable=False),
        sa.Column("date", sa.String(32)),
        sa.Column("confidence", sa.Float),
        sa.Column("anonymous", sa.Integer, nullable=False))
    op.create_index("ix_event_pairs_actor", "event_pairs", ["actor"])
    op.create_index("ix_event_pairs_recipient", "event_pairs", ["recipient"])
    op.create_index("ix_event_pairs_document", "event_pairs", ["document_id"])


def downgrade() -> None:
    op.drop_table("event_pairs")
