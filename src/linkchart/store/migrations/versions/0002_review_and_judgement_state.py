"""Resolution review queue, and the state of each judgement's last application.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "review_candidates",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("entity_id", sa.String, sa.ForeignKey("entities.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("candidate_id", sa.String,
                  sa.ForeignKey("entities.id", ondelete="CASCADE"), nullable=False),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("reasons", sa.JSON, nullable=False),
        sa.Column("document_id", sa.String),
        sa.Column("local_id", sa.String),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("decided_at", sa.String(32)),
        sa.Column("decided_by", sa.Text),
        sa.UniqueConstraint("entity_id", "candidate_id", name="uq_review_pair"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_review_status", "review_candidates", ["status", "score"])
    op.create_index("ix_review_candidate", "review_candidates", ["candidate_id"])
    with op.batch_alter_table("judgements") as batch:
        batch.add_column(sa.Column("status", sa.String(16)))
        batch.add_column(sa.Column("targets", sa.JSON))
        batch.add_column(sa.Column("applied_at", sa.String(32)))


def downgrade() -> None:
    with op.batch_alter_table("judgements") as batch:
        batch.drop_column("applied_at")
        batch.drop_column("targets")
        batch.drop_column("status")
    op.drop_index("ix_review_candidate", "review_candidates")
    op.drop_index("ix_review_status", "review_candidates")
    op.drop_table("review_candidates")
