"""What a directive asks for: the `content` span of REQUEST (and other) events, so the
analyses can compare directives from the store (NULL on older rows).

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("content", sa.Text))
        batch.add_column(sa.Column("content_start", sa.Integer))
        batch.add_column(sa.Column("content_end", sa.Integer))


def downgrade() -> None:
    with op.batch_alter_table("events") as batch:
        for column in ("content_end", "content_start", "content"):
            batch.drop_column(column)
