"""API latency on a store holding N synthetic incidents: p50/p95 of an incident query (country +
date range, honest total, 100 rows) and of one incident, through the real HTTP stack (uvicorn on
127.0.0.1, httpx client). Writes bench/results/api_<backend>.json.

    .venv/bin/python bench/bench_api.py sqlite:///tmp/bench.db 1000000
    .venv/bin/python bench/bench_api.py postgresql://rasd:rasd@127.0.0.1:5432/rasd_bench 1000000
"""

from __future__ import annotations

import json
import random
import sys
import threading
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).parent))
from _server import filled_store, free_port  # noqa: E402
from sqlalchemy import func, insert, select

from rasd.store.db import Store
from rasd.store.schema import incidents

COUNTRIES = ["SY", "IQ", "YE", "LB", "PS", "SD", "LY", "SO", "IL", "EG"]


def fill(store: Store, n: int) -> None:
    with store.engine.connect() as conn:
        have = conn.execute(select(func.count()).select_from(incidents)).scalar_one()
    rng = random.Random(3)
    now = datetime.now(timezone.utc)
    batch = []
    for i in range(have, n):
        cc = rng.choice(COUNTRIES)
        batch.append(dict(event_date=date(2015, 1, 1) + timedelta(days=rng.randrange(3650)), time_precision=1,
                          event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
                          actor1="Military Forces of Syria", actor2=None, country_code=cc, country=cc, location=f"P{i}",
                          latitude=33 + rng.random() * 4, longitude=36 + rng.random() * 6, geo_precision=1,
                          fatalities=rng.randrange(5), n_sources=rng.randrange(1, 4), n_records=1, support={},
                          notes="synthetic", updated_at=now))
        if len(batch) == 20_000:
            with store.engine.begin() as conn:
                conn.execute(insert(incidents), batch)
            batch = []
    if batch:
        with store.engine.begin() as conn:
            conn.execute(insert(incidents), batch)


def main() -> None:
    url, n = sys.argv[1], int(sys.argv[2])
    store, fill_s = filled_store(url, n, fill)
    import uvicorn

    from rasd.web.app import create_app

    port = free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(store), host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=srv.run, daemon=True).start()
    while not srv.started:
        time.sleep(0.05)
    rng = random.Random(5)
    lat_q, lat_one = [], []
    with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as c:
        for _ in range(60):
            start = date(2015, 1, 1) + timedelta(days=rng.randrange(3500))
            params = {"country": rng.choice(COUNTRIES), "since": start.isoformat(),
                      "until": (start + timedelta(days=60)).isoformat(), "limit": 100}
            t0 = time.perf_counter()
            r = c.get("/api/incidents", params=params)
            lat_q.append(time.perf_counter() - t0)
            assert r.status_code == 200
            t0 = time.perf_counter()
            r = c.get(f"/api/incidents/{rng.randrange(1, n)}")
            lat_one.append(time.perf_counter() - t0)
    srv.should_exit = True

    def pct(xs: list[float], p: float) -> float:
        return round(sorted(xs)[int(p * (len(xs) - 1))] * 1000, 1)

    res = {"benchmark": "api", "backend": store.dialect, "incidents": n, "fill_s": round(fill_s, 1),
           "query_p50_ms": pct(lat_q, 0.5), "query_p95_ms": pct(lat_q, 0.95),
           "one_incident_p50_ms": pct(lat_one, 0.5), "one_incident_p95_ms": pct(lat_one, 0.95),
           "query": "country + 60-day range, honest total, 100 rows"}
    print(json.dumps(res))
    (Path(__file__).parent / "results" / f"api_{store.dialect}.json").write_text(json.dumps(res, indent=2) + "\n")


if __name__ == "__main__":
    main()
