"""Spark local throughput: `rasd batch extract` on N generated articles with 1 and 2 cores.
Writes bench/results/spark.json.   .venv/bin/python bench/bench_spark.py 4000"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from generate import generate  # noqa: E402


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 4000
    results = {"benchmark": "spark_extract", "articles": n, "runs": []}
    with tempfile.TemporaryDirectory() as d:
        src = Path(d) / "articles.jsonl"
        with src.open("w", encoding="utf-8") as fh:
            for name, text in generate(n):
                title, body = text.split("\n", 1)
                fh.write(json.dumps({"id": name, "title": title, "text": body}, ensure_ascii=False) + "\n")
        from rasd.batch.spark_job import extract_job, session

        for cores in (1, 2):
            spark = session(f"local[{cores}]")
            spark.stop()
            t = time.perf_counter()
            counts = extract_job(str(src), str(Path(d) / f"out{cores}"), f"local[{cores}]")
            dt = time.perf_counter() - t
            session().stop()
            results["runs"].append({"cores": cores, "seconds": round(dt, 1), "articles_per_s": round(n / dt, 1), **counts})
            print(json.dumps(results["runs"][-1]))
    (Path(__file__).parent / "results" / "spark.json").write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
