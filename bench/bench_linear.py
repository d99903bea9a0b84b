"""Extraction time against length: one event sentence repeated 200, 2,000 and 11,000 times (the
last is about 1M characters, the input cap), as separate sentences and as one comma-joined
sentence. Linear extraction keeps the 2,000/200 ratio near 10. Writes bench/results/linear.json.

    .venv/bin/python bench/bench_linear.py
"""

from __future__ import annotations

import json
import time
from datetime import date
from pathlib import Path

SENTENCE = "قتل ثلاثة جنود في هجوم شنه مسلحون على نقطة للجيش في بلدة المقدادية بمحافظة ديالى أمس"


def main() -> None:
    from rasd.document import from_text
    from rasd.knowledge.base import load
    from rasd.pipeline import extract

    kb = load()
    out: dict[str, dict[str, float]] = {}
    for name, sep in (("sentences", ". "), ("one_sentence", "، ")):
        row: dict[str, float] = {}
        for n in (200, 2000, 11000):
            doc = from_text("خبر\n" + (SENTENCE + sep) * n, f"{name}-{n}", date(2024, 5, 2))
            t = time.perf_counter()
            extract(doc, kb, warn=False)
            row[str(n)] = round(time.perf_counter() - t, 3)
            row[f"chars_{n}"] = len(doc.text)
        row["ratio_2000_to_200"] = round(row["2000"] / row["200"], 1)
        out[name] = row
        print(name, row)
    path = Path(__file__).parent / "results" / "linear.json"
    path.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
