"""Initial schema: articles, records, incidents.

Revision ID: 0001
Revises:
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("source_key", sa.String(1024), nullable=False, unique=True),
        sa.Column("doc_id", sa.String(32), nullable=False, index=True),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("outlet", sa.String(255)),
        sa.Column("url", sa.String(2048)),
        sa.Column("published", sa.Date, index=True),
        sa.Column("published_source", sa.String(16)),
        sa.Column("language", sa.String(8)),
        sa.Column("input", sa.String(1024)),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("n_records", sa.Integer, nullable=False),
    )
    op.create_table(
        "incidents",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("event_date", sa.Date, nullable=False, index=True),
        sa.Column("time_precision", sa.Integer),
        sa.Column("event_type", sa.String(64), index=True),
        sa.Column("sub_event_type", sa.String(64)),
        sa.Column("actor1", sa.String(255), index=True),
        sa.Column("actor1_basis", sa.String(16)),
        sa.Column("assoc_actor_1", sa.Text),
        sa.Column("actor2", sa.String(255), index=True),
        sa.Column("assoc_actor_2", sa.Text),
        sa.Column("country_code", sa.String(2), index=True),
        sa.Column("country", sa.String(128)),
        sa.Column("admin1", sa.String(128)),
        sa.Column("admin2", sa.String(128)),
        sa.Column("location", sa.String(255)),
        sa.Column("latitude", sa.Float),
        sa.Column("longitude", sa.Float),
        sa.Column("geo_precision", sa.Integer),
        sa.Column("weapon", sa.String(32)),
        sa.Column("fatalities", sa.Integer),
        sa.Column("injuries", sa.Integer),
        sa.Column("n_sources", sa.Integer, nullable=False, index=True),
        sa.Column("n_records", sa.Integer, nullable=False),
        sa.Column("support", sa.JSON),
        sa.Column("notes", sa.Text),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_incidents_block", "incidents", ["country_code", "event_date"])
    op.create_table(
        "records",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("incident_id", sa.Integer, sa.ForeignKey("incidents.id", ondelete="SET NULL"), index=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("event_date", sa.Date, index=True),
        sa.Column("country_code", sa.String(2)),
        sa.Column("event_type", sa.String(64)),
        sa.Column("latitude", sa.Float),
        sa.Column("longitude", sa.Float),
        sa.Column("data", sa.JSON, nullable=False),
    )
    op.create_table(
        "rasd_info",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text),
    )


def downgrade() -> None:
    op.drop_table("records")
    op.drop_table("incidents")
    op.drop_table("articles")
    op.drop_table("rasd_info")
