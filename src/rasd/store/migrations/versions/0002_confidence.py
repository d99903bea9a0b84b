"""Incidents keep the highest confidence of their records (rasd events --min-confidence).

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
    with op.batch_alter_table("incidents") as batch:
        batch.add_column(sa.Column("confidence", sa.Float(), nullable=True))
        batch.create_index("ix_incidents_confidence", ["confidence"])


def downgrade() -> None:
    with op.batch_alter_table("incidents") as batch:
        batch.drop_index("ix_incidents_confidence")
        batch.drop_column("confidence")
