"""Each entity's counts, kept in its row: the documents that name it (`documents`) and
its ties (`ties`, a tie with itself once), kept by the store wherever it writes what
names an entity (a batch, a replaced document, a merge, a split) and wherever the tie
table changes, so that a chart's nodes, cards and the entity lists read them rather
than count a hub's thousands of documents and ties each time.

Revision ID: 0010
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for column in ("documents", "ties"):
        op.add_column("entities", sa.Column(column, sa.Integer, nullable=False,
                                            server_default="0"))
    op.execute("UPDATE entities SET documents = (SELECT count(DISTINCT document_id) "
               "FROM doc_entities WHERE doc_entities.entity_id = entities.id)")
    # as ties.tie_count_sql counts them (a store before 0008 gets them when its tie table
    # is filled: tie_table.rebuild)
    op.execute("UPDATE entities SET ties = "
               "(SELECT count(*) FROM ties WHERE ties.source = entities.id) + "
               "(SELECT count(*) FROM ties WHERE ties.target = entities.id "
               "AND ties.source != entities.id)")


def downgrade() -> None:
    for column in ("ties", "documents"):
        op.drop_column("entities", column)
