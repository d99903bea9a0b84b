"""Extraction benchmark: articles/s on one core over generated articles, peak memory, knowledge-base
load time and CLI start-up. Writes bench/results/extract.json.

    .venv/bin/python bench/bench_extract.py [N_ARTICLES]
"""

from __future__ import annotations

import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from generate import generate, sample_variants  # noqa: E402


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    t0 = time.perf_counter()
    from rasd.knowledge.base import load

    kb = load()
    kb_load = time.perf_counter() - t0
    from rasd.document import from_text
    from rasd.pipeline import extract

    corpus = generate(n)
    chars = sum(len(t) for _, t in corpus)
    extract(from_text(corpus[0][1], "warmup"), kb, warn=False)
    runs = []
    for _ in range(3):  # this VM is noisy: three passes, the median is reported
        records = 0
        t1 = time.perf_counter()
        cpu1 = time.process_time()
        for name, text in corpus:
            records += len(extract(from_text(text, name), kb, warn=False))
        runs.append((time.process_time() - cpu1, time.perf_counter() - t1))
    cpu, wall = sorted(runs)[1]
    variants = sample_variants(n)
    vchars = sum(len(t) for _, t in variants)
    vruns = []
    for _ in range(3):
        c0 = time.process_time()
        for name, text in variants:
            extract(from_text(text, name), kb, warn=False)
        vruns.append(time.process_time() - c0)
    vcpu = sorted(vruns)[1]
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    with tempfile.TemporaryDirectory() as d:
        f = Path(d) / "one.txt"
        f.write_text(corpus[0][1], encoding="utf-8")
        rasd = str(Path(sys.executable).parent / "rasd")
        starts = []
        for _ in range(5):
            s = time.perf_counter()
            subprocess.run([rasd, "extract", str(f)], capture_output=True, check=True)
            starts.append(time.perf_counter() - s)
        helps = []
        for _ in range(5):
            s = time.perf_counter()
            subprocess.run([rasd, "--help"], capture_output=True, check=True)
            helps.append(time.perf_counter() - s)

    result = {
        "benchmark": "extract",
        "articles": n,
        "mean_chars_per_article": round(chars / n),
        "records": records,
        "wall_s": round(wall, 3),
        "cpu_s": round(cpu, 3),
        "articles_per_s_one_core": round(n / cpu, 1),
        "articles_per_s_three_passes": [round(n / c, 1) for c, _ in runs],
        "sample_variants": {"articles": n, "mean_chars_per_article": round(vchars / n),
                            "articles_per_s_one_core": round(n / vcpu, 1)},
        "kb_load_s_in_process": round(kb_load, 3),
        "peak_rss_mb": round(peak_mb, 1),
        "cli_extract_one_article_s_median": round(sorted(starts)[2], 3),
        "cli_help_s_median": round(sorted(helps)[2], 3),
        "places": len(kb.places),
        "actors": len(kb.actors),
        "matcher_keys": len(kb.matcher),
        "machine": f"{platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}",
    }
    out = Path(__file__).parent / "results" / "extract.json"
    out.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
