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


# ------------------------------------------------------------------ a store that cannot be written
def _articles(d: Path, n: int) -> Path:
    src = d / "many"
    src.mkdir()
    for i in range(n):
        (src / f"b{i:03d}.txt").write_text(f"خبر {i}\n\nحلب - {1 + i % 27} مارس 2024 - قتل {2 + i % 9} مدنيين في قصف "
                                           f"مدفعي على مدينة حلب اليوم، بحسب مصادر محلية رقم {i}.\n" * 5, encoding="utf-8")
    return src


def _ingest_cli(db: str, src: Path, capsys) -> tuple[int, list[str]]:
    from rasd.cli import main

    rc = main(["ingest", "--db", db, str(src)])
    err = [l for l in capsys.readouterr().err.splitlines() if l.strip()]
    return rc, err


def test_disk_full_stops_the_run_with_one_line_and_a_non_zero_exit(tmp_path, monkeypatch, capsys):
    """SQLite with its page count capped (what a full disk looks like to SQLite: SQLITE_FULL)."""
    import rasd.store.db as db

    path = tmp_path / "full.db"
    from rasd.store.db import Store

    Store(str(path)).close()  # schema in place
    real = db._sqlite_pragmas

    def capped(dbapi_conn, rec):
        real(dbapi_conn, rec)
        cur = dbapi_conn.cursor()
        pages = cur.execute("PRAGMA page_count").fetchone()[0]
        cur.execute(f"PRAGMA max_page_count = {pages + 2}")
        cur.close()

    monkeypatch.setattr(db, "_sqlite_pragmas", capped)
    rc, err = _ingest_cli(str(path), _articles(tmp_path, 60), capsys)
    assert rc != 0
    assert len(err) == 1, err
    assert err[0].startswith("rasd: error: store ") and "full" in err[0] and err[0].endswith("stopped")


def test_read_only_store_stops_the_run(tmp_path, db_url, capsys):
    from rasd.store.db import Store

    Store(db_url).close()  # schema in place
    if db_url.startswith("postgresql"):
        ro = db_url + ("&" if "?" in db_url else "?") + "options=-c%20default_transaction_read_only%3Don"
    else:
        ro = f"sqlite:///file:{db_url}?mode=ro&uri=true"
    rc, err = _ingest_cli(ro, _articles(tmp_path, 30), capsys)
    assert rc != 0
    assert len(err) == 1 and "read-only" in err[0] and err[0].endswith("stopped"), err
    assert "rasd:rasd" not in err[0]  # no password on the terminal


def test_an_unreachable_server_is_one_line(tmp_path, capsys):
    from rasd.cli import main

    import socket

    with socket.socket() as s:  # a port on 127.0.0.1 where nothing listens
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    rc = main(["events", "--db", f"postgresql://u:pw@127.0.0.1:{port}/x"])
    err = [l for l in capsys.readouterr().err.splitlines() if l.strip()]
    assert rc != 0 and len(err) == 1 and err[0].startswith("rasd: error: store: ") and "pw" not in err[0], err


def test_watch_stops_when_the_store_cannot_be_written(tmp_path, capsys):
    from rasd.cli import main
    from rasd.store.db import Store

    db = tmp_path / "w.db"
    Store(str(db)).close()
    feed = tmp_path / "feed.xml"
    feed.write_text("<rss version='2.0'><channel><title>t</title><item><title>قصف</title><description>قصفت المدفعية "
                    "الإسرائيلية بلدة الخيام في جنوب لبنان اليوم.</description><guid>g1</guid></item></channel></rss>",
                    encoding="utf-8")
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"{feed}\n", encoding="utf-8")
    rc = main(["watch", str(feeds), "--every", "0", "--rounds", "3", "--db", f"sqlite:///file:{db}?mode=ro&uri=true"])
    err = [l for l in capsys.readouterr().err.splitlines() if l.strip()]
    assert rc != 0 and len(err) == 1 and "read-only" in err[0], err
