"""/api/stats and the exports on a store of N synthetic incidents, through a real `rasd serve` process
(uvicorn on 127.0.0.1, httpx client): time of /api/stats, and the server's memory growth (peak RSS
above its RSS before the request, from /proc; the peak is reset before each measurement); then the
GeoJSON and ACLED-CSV exports (time, size, memory growth), and `rasd events --format geojson`.
Writes bench/results/stats_<backend>.json.

    .venv/bin/python bench/bench_stats.py sqlite:////tmp/stats.db 300000
    .venv/bin/python bench/bench_stats.py postgresql://rasd:rasd@127.0.0.1:5432/rasd_bench 300000
    PYTHONPATH=/old/checkout/src .venv/bin/python bench/bench_stats.py sqlite:////tmp/old.db 300000 before

A third of the incidents get an article and a record (so the exports join their sources). The
targets (issue "security and robustness, round 2"): /api/stats < 1 s and < 50 MB growth at 300k;
exports complete with > 70k incidents on both backends.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import subprocess
import sys
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).parent))
from _server import filled_store, free_port, wait_ready  # noqa: E402
from sqlalchemy import func, insert, select

from rasd.store.db import Store
from rasd.store.schema import articles, incidents, records

COUNTRIES = ["SY", "IQ", "YE", "LB", "PS", "SD", "LY", "SO", "IL", "EG"]
ACTORS = ["Military Forces of Syria", "Military Forces of Israel", "Houthis", "Islamic State", "Hezbollah", None]


def fill(store: Store, n: int) -> None:
    with store.engine.connect() as conn:
        have = conn.execute(select(func.count()).select_from(incidents)).scalar_one()
        have_art = conn.execute(select(func.count()).select_from(articles)).scalar_one()
    rng = random.Random(3)
    now = datetime.now(timezone.utc)
    for start in range(have, n, 20_000):
        batch = []
        for i in range(start, min(n, start + 20_000)):
            cc = rng.choice(COUNTRIES)
            batch.append(dict(event_date=date(2015, 1, 1) + timedelta(days=rng.randrange(3650)), time_precision=1,
                              event_type=rng.choice(["Explosions/Remote violence", "Battles", "Protests"]),
                              sub_event_type="Air/drone strike", actor1=rng.choice(ACTORS), actor2=rng.choice(ACTORS),
                              country_code=cc, country=cc, location=f"P{i}", latitude=33 + rng.random() * 4,
                              longitude=36 + rng.random() * 6, geo_precision=1, fatalities=rng.randrange(5),
                              n_sources=rng.randrange(1, 4), n_records=1, support={"location": 1}, notes="synthetic",
                              updated_at=now))
        with store.engine.begin() as conn:
            conn.execute(insert(incidents), batch)
    with store.engine.connect() as conn:
        first_id = conn.execute(select(func.min(incidents.c.id))).scalar_one()
    want_art = n // 3
    for start in range(have_art, want_art, 20_000):
        stop = min(want_art, start + 20_000)
        with store.engine.begin() as conn:
            conn.execute(insert(articles), [dict(source_key=f"bench:{i}", doc_id=f"{i:016x}", content_hash="0" * 64,
                                                 title="t", text="نص " * 50, outlet=f"outlet {i % 40}", ingested_at=now,
                                                 status="ok", n_records=1) for i in range(start, stop)])
            ids = dict(conn.execute(select(articles.c.source_key, articles.c.id)
                                    .where(articles.c.source_key.like("bench:%"))
                                    .order_by(articles.c.id.desc()).limit(stop - start)).all())
            conn.execute(insert(records), [dict(article_id=ids[f"bench:{i}"], incident_id=first_id + 3 * i, kind="event",
                                                data={"kind": "event"}) for i in range(start, stop)])


def rss_kb(pid: int, field: str = "VmRSS") -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def reset_peak(pid: int) -> None:
    try:
        Path(f"/proc/{pid}/clear_refs").write_text("5")  # resets VmHWM to the current RSS
    except OSError:
        pass


def measure(c: httpx.Client, pid: int, path: str, params: dict | None = None, stream: bool = False) -> dict:
    try:
        return _measure(c, pid, path, params, stream)
    except (httpx.HTTPError, OSError) as exc:  # the server failed or died: that is the result
        alive = Path(f"/proc/{pid}").exists()
        return {"error": f"{type(exc).__name__}: {exc}", "server_alive": alive}


def _measure(c: httpx.Client, pid: int, path: str, params: dict | None, stream: bool) -> dict:
    before = rss_kb(pid)
    reset_peak(pid)
    t0 = time.perf_counter()
    size = 0
    if stream:
        with c.stream("GET", path, params=params) as r:
            status = r.status_code
            for chunk in r.iter_bytes():
                size += len(chunk)
    else:
        r = c.get(path, params=params)
        status, size = r.status_code, len(r.content)
    dt = time.perf_counter() - t0
    return {"status": status, "seconds": round(dt, 3), "bytes": size,
            "growth_mb": round((rss_kb(pid, "VmHWM") - before) / 1024, 1)}


def main() -> None:
    url, n = sys.argv[1], int(sys.argv[2])
    store, fill_s = filled_store(url, n, fill)
    port = free_port()
    srv = subprocess.Popen([sys.executable, "-m", "rasd.cli", "serve", "--db", url, "--host", "127.0.0.1",
                            "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=os.environ)
    res: dict = {"benchmark": "stats+exports", "backend": store.dialect, "incidents": n, "fill_s": round(fill_s, 1)}
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=600) as c:
            wait_ready(c)
            res["server_rss_mb_at_start"] = round(rss_kb(srv.pid) / 1024, 1)
            runs = [measure(c, srv.pid, "/api/stats") for _ in range(3)]
            ok = [r for r in runs if "seconds" in r]
            res["stats"] = {"status": ok[0]["status"], "median_s": statistics.median(r["seconds"] for r in ok),
                            "max_growth_mb": max(r["growth_mb"] for r in ok)} if ok else runs[0]
            res["stats_one_country"] = measure(c, srv.pid, "/api/stats", {"country": "SY"})
            res["geojson_export"] = measure(c, srv.pid, "/api/export/incidents.geojson", stream=True)
            res["acled_csv_export"] = measure(c, srv.pid, "/api/export/acled.csv", stream=True)
    finally:
        srv.terminate()
        srv.wait(30)
    t0 = time.perf_counter()
    cli = subprocess.run([sys.executable, "-m", "rasd.cli", "events", "--db", url, "--format", "geojson"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    res["cli_events_geojson"] = {"exit": cli.returncode, "seconds": round(time.perf_counter() - t0, 1),
                                 "features": cli.stdout.count(b'"type": "Feature"'),
                                 "error": cli.stderr.decode(errors="replace").strip().splitlines()[-1:] if cli.returncode else []}
    print(json.dumps(res, indent=2))
    label = f"_{sys.argv[3]}" if len(sys.argv) > 3 else ""  # e.g. "before", for a run of older code
    out = Path(__file__).parent / "results" / f"stats_{store.dialect}{label}.json"
    out.write_text(json.dumps(res, indent=2) + "\n")


if __name__ == "__main__":
    main()
