"""Confidence: a record with an explicit day, its own place, a named perpetrator and a verb scores
higher than one the text only hints at; extract, the store, `rasd events` and the API filter on it."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

from rasd.document import from_text
from rasd.ingest import ingest
from rasd.pipeline import extract
from rasd.store.db import Store

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "src" / "rasd" / "samples" / "articles"


def event(kb, body: str) -> dict:
    recs = extract(from_text("تقرير\nمتابعة\n" + body, "t.txt", date(2024, 5, 2)), kb, warn=False)
    return next(r for r in recs if r["kind"] == "event")


def test_explicit_cues_raise_confidence(kb):
    sure = event(kb, "قصفت القوات التركية أمس بلدة عامودا في ريف الحسكة وقتلت مدنيين اثنين.")
    vague = event(kb, "وقع هجوم في ريف حلب.")
    assert 0.0 <= vague["confidence"] < sure["confidence"] <= 1.0
    assert sure["confidence"] >= 0.8


def test_store_and_cli_filter_on_confidence(tmp_path):
    db = tmp_path / "rasd.db"
    store = Store(str(db))
    ingest(store, [str(SAMPLES)], progress=False, err=io.StringIO())
    everything = store.incidents()
    strong = store.incidents(min_confidence=0.8)
    assert 0 < len(strong) < len(everything)
    assert all(r["confidence"] >= 0.8 for r in strong)
    out = subprocess.run([sys.executable, "-m", "rasd.cli", "events", "--db", str(db), "--min-confidence", "0.8",
                          "--format", "jsonl"], capture_output=True, text=True, check=True).stdout
    assert len(out.splitlines()) == len(strong)
    bad = subprocess.run([sys.executable, "-m", "rasd.cli", "events", "--db", str(db), "--min-confidence", "2"],
                         capture_output=True, text=True)
    assert bad.returncode != 0 and "0 to 1" in bad.stderr


def test_extract_filters_weak_events():
    path = str(SAMPLES / "s01.txt")
    all_recs = subprocess.run([sys.executable, "-m", "rasd.cli", "extract", path], capture_output=True, text=True,
                              check=True).stdout.splitlines()
    strong = subprocess.run([sys.executable, "-m", "rasd.cli", "extract", "--min-confidence", "0.9", path],
                            capture_output=True, text=True, check=True).stdout.splitlines()
    assert len(strong) <= len(all_recs)
    assert all(json.loads(r).get("confidence", 1) >= 0.9 for r in strong if json.loads(r)["kind"] == "event")
