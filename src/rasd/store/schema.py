"""The store's tables (SQLAlchemy Core), the same on SQLite and PostgreSQL.

articles  one row per article as published (text, outlet, url, published date, content hash)
records   the extractor's records (CONTRACT.md), each linked to its article and, for events, to
          the incident it was fused into; the full record is kept as JSON with its evidence
incidents one row per real-world event: fused fields, how many sources support each, source count
"""

from __future__ import annotations

from sqlalchemy import (
    JSON, Column, Date, DateTime, Float, ForeignKey, Index, Integer, MetaData, String, Table, Text,
)

metadata = MetaData()

articles = Table(
    "articles", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source_key", String(1024), nullable=False, unique=True),  # path, URL or JSONL id
    Column("doc_id", String(32), nullable=False, index=True),  # hash of the normalized text
    Column("content_hash", String(64), nullable=False),  # hash of the text as published
    Column("title", Text),
    Column("text", Text, nullable=False),
    Column("outlet", String(255)),
    Column("url", String(2048)),
    Column("published", Date, index=True),
    Column("published_source", String(16)),
    Column("language", String(8)),
    Column("input", String(1024)),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Column("status", String(16), nullable=False, default="ok"),
    Column("n_records", Integer, nullable=False, default=0),
)

incidents = Table(
    "incidents", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_date", Date, nullable=False, index=True),
    Column("time_precision", Integer),
    Column("event_type", String(64), index=True),
    Column("sub_event_type", String(64)),
    Column("actor1", String(255), index=True),
    Column("actor1_basis", String(16)),
    Column("assoc_actor_1", Text),
    Column("actor2", String(255), index=True),
    Column("assoc_actor_2", Text),
    Column("country_code", String(2), index=True),
    Column("country", String(128)),
    Column("admin1", String(128)),
    Column("admin2", String(128)),
    Column("location", String(255)),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("geo_precision", Integer),
    Column("weapon", String(32)),
    Column("fatalities", Integer),
    Column("injuries", Integer),
    Column("n_sources", Integer, nullable=False, default=1, index=True),
    Column("confidence", Float, index=True),  # the highest confidence of its records (0-1)
    Column("n_records", Integer, nullable=False, default=1),
    Column("support", JSON),  # field -> number of sources that give the chosen value
    Column("notes", Text),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)
Index("ix_incidents_block", incidents.c.country_code, incidents.c.event_date)

records = Table(
    "records", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("incident_id", Integer, ForeignKey("incidents.id", ondelete="SET NULL"), index=True),
    Column("kind", String(16), nullable=False),
    Column("event_date", Date, index=True),
    Column("country_code", String(2)),
    Column("event_type", String(64)),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("data", JSON, nullable=False),
)

schema_info = Table(
    "rasd_info", metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text),
)

__all__ = ["metadata", "articles", "incidents", "records", "schema_info"]
