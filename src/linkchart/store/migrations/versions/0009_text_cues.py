"""Text cues found at ingest (linkchart.extract.cues): which documents were scanned, with
which version of the cue words, their sentence spans and mentions, and each cue's
sentence. Stores
written before hold no rows: `linkchart cues` scans their documents.

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "cue_documents",
        sa.Column("document_id", sa.String,
                  sa.ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("version", sa.String(32), nullable=False),
        sa.Column("sentences", sa.JSON),
        sa.Column("mentions", sa.JSON))
    op.create_table(
        "text_cues",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("document_id", sa.String,
                  sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("kind", sa.String(24), nullable=False),
        sa.Column("sentence", sa.Integer, nullable=False),
        sa.Column("cue_start", sa.Integer),
        sa.Column("cue_end", sa.Integer),
        sa.Column("detail", sa.Text),
        sa.Column("reaches", sa.JSON),
        sqlite_autoincrement=True)
    op.create_index("ix_text_cues_document_id", "text_cues", ["document_id"])
    op.create_index("ix_text_cues_kind_document", "text_cues", ["kind", "document_id"])


def downgrade() -> None:
    op.drop_table("text_cues")
    op.drop_table("cue_documents")
