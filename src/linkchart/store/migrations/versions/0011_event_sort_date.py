"""Each event's sort date (`events.sort_date`): the ISO date it is listed under, its own
date else its document's publication date (`dates.iso`), written with the event (an
event and its document never change; a replaced document brings new events), so that a
hub's card finds its first events by a stored key rather than by joining and parsing
thousands of dates.

Revision ID: 0011
Revises: 0010
"""

import sqlalchemy as sa
from alembic import op

from linkchart.store.dates import iso

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("events", sa.Column("sort_date", sa.String(10)))
    conn = op.get_bind()
    events = sa.table("events", sa.column("id"), sa.column("document_id"),
                      sa.column("date"), sa.column("sort_date"))
    documents = sa.table("documents", sa.column("id"), sa.column("published"))
    dated = [{"event": r.id, "sort_date": iso(r.date or r.published)} for r in conn.execute(
        sa.select(events.c.id, events.c.date, documents.c.published)
        .join(documents, documents.c.id == events.c.document_id))]
    dated = [row for row in dated if row["sort_date"]]
    if dated:
        conn.execute(sa.update(events).where(events.c.id == sa.bindparam("event"))
                     .values(sort_date=sa.bindparam("sort_date")), dated)


def downgrade() -> None:
    op.drop_column("events", "sort_date")
