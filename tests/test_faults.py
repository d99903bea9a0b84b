"""Fault tests: `rasd ingest` killed with SIGKILL mid-run, on SQLite and on PostgreSQL, then run again:
no duplicate article, no half-written article, every article ingested exactly once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import func, select

from rasd.store.schema import articles, records

ROOT = Path(__file__).resolve().parents[1]


def corpus(d: Path, n: int) -> Path:
    src = d / "news"
    src.mkdir()
    towns = ["حلب", "إدلب", "حمص", "درعا", "الرقة", "دير الزور", "الحسكة", "حماة", "اللاذقية", "طرطوس"]
    for i in range(n):
        town = towns[i % len(towns)]
        body = (f"خبر {i}\n\n{town} - {1 + i % 27} مارس 2024 - قتل {2 + i % 9} مدنيين وأصيب {i % 7} آخرون في قصف "
                f"مدفعي استهدف مدينة {town} صباح اليوم، بحسب مصادر محلية. " * 3)
        (src / f"a{i:04d}.txt").write_text(body, encoding="utf-8")
    return src


def _count(url: str):
    from rasd.store.db import Store

    s = Store(url)
    with s.engine.connect() as conn:
        n_art = conn.execute(select(func.count()).select_from(articles)).scalar_one()
        dup = conn.execute(select(articles.c.source_key).group_by(articles.c.source_key).having(func.count() > 1)).all()
        empty = conn.execute(select(func.count()).select_from(articles).where(
            ~select(records.c.id).where(records.c.article_id == articles.c.id).exists())).scalar_one()
        declared = conn.execute(select(func.sum(articles.c.n_records))).scalar_one() or 0
        stored = conn.execute(select(func.count()).select_from(records)).scalar_one()
    s.close()
    return n_art, dup, empty, declared, stored


def test_sigkill_mid_ingest_then_rerun(tmp_path, db_url):
    n = 120
    src = corpus(tmp_path, n)
    cmd = [sys.executable, "-m", "rasd.cli", "ingest", "--db", db_url, str(src)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while time.time() < deadline:  # wait until some articles are in, then kill hard
        time.sleep(0.3)
        try:
            if _count(db_url)[0] >= 10:
                break
        except Exception:
            continue
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    n_art, dup, empty, declared, stored = _count(db_url)
    assert 0 < n_art < n, "the kill should land mid-run"
    assert not dup and empty == 0 and declared == stored  # nothing half-written
    subprocess.run(cmd, check=True, capture_output=True)
    n_art, dup, empty, declared, stored = _count(db_url)
    assert n_art == n and not dup and empty == 0 and declared == stored
