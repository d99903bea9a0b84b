"""Shared fixtures: the knowledge base (built once per session) and helpers to run the pipeline on
text written in the tests."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from rasd.document import from_text
from rasd.knowledge.base import load
from rasd.pipeline import extract

SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(scope="session")
def kb():
    return load()


def run(text: str, published: date | None = None, name: str = "t.txt"):
    return extract(from_text(text, name, published), load(), warn=False)


def events(text: str, published: date | None = None):
    return [r for r in run(text, published) if r["kind"] == "event"]


BACKENDS = ["sqlite"] + (["postgresql"] if __import__("os").environ.get("RASD_TEST_PG") else [])


@pytest.fixture(params=BACKENDS)
def db_url(request, tmp_path):
    """A fresh, empty database for each test: a SQLite file, or the PostgreSQL test database
    (RASD_TEST_PG, started by .ci/run) with its schema dropped and recreated."""
    import os

    from sqlalchemy import create_engine, text

    if request.param == "sqlite":
        return str(tmp_path / "rasd.db")
    url = os.environ["RASD_TEST_PG"]
    eng = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    with eng.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    eng.dispose()
    return url


@pytest.fixture
def store(db_url):
    """A Store on the fresh database of `db_url` (each backend), closed after the test."""
    from rasd.store.db import Store

    s = Store(db_url)
    yield s
    s.close()
