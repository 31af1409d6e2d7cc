"""Workspaces: analysts' named charts (actors, positions, hidden items, selection, layout,
notes), with their author and times.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "workspaces",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("state", sa.JSON, nullable=False),
        sa.Column("author", sa.Text),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
        sa.Column("updated_by", sa.Text),
        sqlite_autoincrement=True,
    )


def downgrade() -> None:
    op.drop_table("workspaces")
