"""Wire copies: each document's MinHash signature and bands, the document it is a near
copy of, and the independent source it counts as in ties (`document_keys.source_key`:
its outlet key, or the document itself when it names no outlet; for a copy, its
original's). Documents stored before keep their own source and get no signature.

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

OWN_DOCUMENT = "\x1fdocument:"
"""As copies.OWN_DOCUMENT (copied: a migration stays as it was written)."""


def upgrade() -> None:
    with op.batch_alter_table("document_keys") as batch:
        batch.add_column(sa.Column("source_key", sa.Text))
    op.execute(sa.text("UPDATE document_keys SET source_key = "
                       "COALESCE(outlet_key, :own || document_id)").bindparams(own=OWN_DOCUMENT))
    op.create_table(
        "document_copies",
        sa.Column("document_id", sa.String,
                  sa.ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("signature", sa.LargeBinary, nullable=False),
        sa.Column("copy_of", sa.String, sa.ForeignKey("documents.id", ondelete="SET NULL")),
        sa.Column("similarity", sa.Float))
    op.create_index("ix_document_copies_copy_of", "document_copies", ["copy_of"])
    op.create_table(
        "copy_bands",
        sa.Column("band", sa.String(32), primary_key=True),
        sa.Column("document_id", sa.String,
                  sa.ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True))
    op.create_index("ix_copy_bands_document_id", "copy_bands", ["document_id"])


def downgrade() -> None:
    op.drop_table("copy_bands")
    op.drop_table("document_copies")
    with op.batch_alter_table("document_keys") as batch:
        batch.drop_column("source_key")
