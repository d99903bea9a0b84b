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
