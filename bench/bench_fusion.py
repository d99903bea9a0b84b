"""Fusion benchmark: batch fusion of N synthetic event records (several reports per incident, jittered
dates, places and tolls), to show near-linear growth. Writes bench/results/fusion_N.json.

    .venv/bin/python bench/bench_fusion.py 100000 1000000
"""

from __future__ import annotations

import json
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from rasd.store.fusion import fuse

COUNTRIES = {"SY": (32.5, 37.0, 35.7, 42.0), "IQ": (29.5, 37.0, 38.8, 48.5), "YE": (12.6, 18.5, 42.6, 52.0),
             "LB": (33.1, 34.6, 35.1, 36.6), "PS": (31.2, 32.6, 34.2, 35.6), "SD": (8.7, 22.0, 21.8, 38.6),
             "LY": (19.5, 33.1, 9.4, 25.1), "SO": (-1.6, 11.9, 41.0, 51.4)}
TYPES = [("Explosions/Remote violence", "Air/drone strike"), ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
         ("Battles", "Armed clash"), ("Violence against civilians", "Attack"), ("Protests", "Peaceful protest"),
         ("Strategic developments", "Arrests")]
ACTORS = ["Military Forces of Syria", "Islamic State (ISIS)", "Ansar Allah (Houthis)", "Rapid Support Forces",
          "Military Forces of Israel", "Hezbollah", None]


def synthetic(n: int, seed: int = 1) -> list[dict]:
    rng = random.Random(seed)
    out: list[dict] = []
    days = max(365, n // 400)  # keep ~400 reports a day across the region, like a busy news day
    inc = 0
    while len(out) < n:
        inc += 1
        cc = rng.choice(list(COUNTRIES))
        la0, la1, lo0, lo1 = COUNTRIES[cc]
        lat, lon = rng.uniform(la0, la1), rng.uniform(lo0, lo1)
        d = date(2015, 1, 1) + timedelta(days=rng.randrange(days))
        et, st = rng.choice(TYPES)
        actor = rng.choice(ACTORS)
        toll = rng.choice([None, 0, 1, 2, 3, 5, 8])
        for k in range(rng.choice([1, 1, 2, 3, 4])):
            out.append({"event_date": (d + timedelta(days=rng.choice([0, 0, 0, 1]))).isoformat(), "time_precision": 1,
                        "country_code": cc, "latitude": lat + rng.uniform(-0.02, 0.02), "longitude": lon + rng.uniform(-0.02, 0.02),
                        "geo_precision": 1, "event_type": et, "sub_event_type": st, "actor1": actor if k % 2 == 0 else None,
                        "fatalities": toll, "source": f"s{inc}-{k}", "published": d.isoformat(), "location": f"P{inc}"})
    return out[:n], inc


def main() -> None:
    sizes = [int(x) for x in sys.argv[1:]] or [100_000]
    for n in sizes:
        recs, incidents = synthetic(n)
        t = time.perf_counter()
        clusters = fuse(recs)
        dt = time.perf_counter() - t
        result = {"benchmark": "fusion", "records": n, "true_incidents_generated": incidents,
                  "clusters": len(clusters), "seconds": round(dt, 1), "records_per_s": round(n / dt)}
        print(json.dumps(result))
        (Path(__file__).parent / "results" / f"fusion_{n}.json").write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
