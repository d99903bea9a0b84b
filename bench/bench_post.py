"""Reads during a write: GET /api/incidents latency while a POST /api/articles of a long article
(500,000 characters by default) is being fetched/extracted/stored, through a real `rasd serve`
process on 127.0.0.1 (httpx clients). Reports p50/p95/max of the GETs before and during the POST,
and how long the POST took. Writes bench/results/post_<backend>.json.

    .venv/bin/python bench/bench_post.py sqlite:////tmp/post.db [CHARS] [label]

Target (issue "security and robustness, round 2"): p95 < 100 ms during the POST. Bounded: at most
2,000 GETs and 300 s of polling; the server is stopped at the end.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).parent))
from _server import free_port, wait_ready  # noqa: E402

from rasd.store.db import Store

TOWNS = ["حلب", "إدلب", "حمص", "درعا", "الرقة", "دير الزور", "الحسكة", "حماة", "اللاذقية", "طرطوس"]


def article(chars: int) -> str:
    parts, n, i = [], 0, 0
    while n < chars:
        town = TOWNS[i % len(TOWNS)]
        s = (f"قتل {2 + i % 9} مدنيين وأصيب {i % 7} آخرون في قصف مدفعي استهدف مدينة {town} صباح اليوم، "
             f"بحسب مصادر محلية. ")
        parts.append(s)
        n += len(s)
        i += 1
    body = "".join(parts)[:chars - 40]
    return body


def pct(xs: list[float], p: float) -> float | None:
    if not xs:
        return None
    return round(sorted(xs)[int(p * (len(xs) - 1))] * 1000, 1)


def main() -> None:
    url = sys.argv[1]
    chars = int(sys.argv[2]) if len(sys.argv) > 2 else 500_000
    label = f"_{sys.argv[3]}" if len(sys.argv) > 3 else ""
    store = Store(url)
    sys.path.insert(0, str(Path(__file__).parent))
    from bench_stats import fill

    fill(store, 20_000)  # something for the GETs to read
    port = free_port()
    env = dict(os.environ, RASD_TOKEN="bench-token")
    srv = subprocess.Popen([sys.executable, "-m", "rasd.cli", "serve", "--db", url, "--port", str(port)],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    base = f"http://127.0.0.1:{port}"
    res: dict = {"benchmark": "reads during a write", "backend": store.dialect, "article_chars": chars}
    try:
        with httpx.Client(base_url=base, timeout=300) as c:
            wait_ready(c)
            # a short POST first, so that the worker is started and warm (as in a running server)
            c.post("/api/articles", json={"text": "حلب - 5 مارس 2024 - قصف على حلب اليوم.", "published": "2024-03-05"},
                   headers={"Authorization": "Bearer bench-token"})
            params = {"country": "SY", "limit": 100}
            idle = []
            for _ in range(50):
                t0 = time.perf_counter()
                c.get("/api/incidents", params=params)
                idle.append(time.perf_counter() - t0)
            body = json.dumps({"title": "خبر طويل", "text": article(chars), "published": "2024-03-05"},
                              ensure_ascii=False).encode()
            post: dict = {}

            def do_post() -> None:
                t0 = time.perf_counter()
                try:
                    with httpx.Client(base_url=base, timeout=1800) as pc:
                        r = pc.post("/api/articles", content=body, headers={"Authorization": "Bearer bench-token",
                                                                              "Content-Type": "application/json"})
                    post["status"], post["answer"] = r.status_code, r.text[:200]
                except Exception as exc:  # noqa: BLE001 (reported, the benchmark goes on)
                    post["status"], post["answer"] = "error", repr(exc)[:200]
                post["seconds"] = round(time.perf_counter() - t0, 1)

            th = threading.Thread(target=do_post, daemon=True)
            th.start()
            time.sleep(0.3)  # the body is on its way
            during, deadline = [], time.monotonic() + 300
            while th.is_alive() and len(during) < 2000 and time.monotonic() < deadline:
                t0 = time.perf_counter()
                try:
                    c.get("/api/incidents", params=params)
                except httpx.TransportError:
                    pass
                during.append(time.perf_counter() - t0)
                time.sleep(0.02)
            th.join(1800)
            res.update({"idle_get_p50_ms": pct(idle, 0.5), "idle_get_p95_ms": pct(idle, 0.95),
                        "gets_during_post": len(during), "during_get_p50_ms": pct(during, 0.5),
                        "during_get_p95_ms": pct(during, 0.95), "during_get_max_ms": pct(during, 1.0),
                        "post": post})
    finally:
        srv.terminate()
        try:
            srv.wait(30)
        except subprocess.TimeoutExpired:
            srv.kill()
    print(json.dumps(res, indent=2, ensure_ascii=False))
    (Path(__file__).parent / "results" / f"post_{store.dialect}{label}.json").write_text(
        json.dumps(res, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
