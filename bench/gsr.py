"""Score rasd's event detection on the real wire sentences of shared/gsr_dev (see its README.md).

Each CSV row is one sentence, read as an article body with no headline (`rasd.document.from_text` on a
text without a newline gives an empty title and a body starting at 0). Assault rows are published on
the date in their id (`AAW_ARB_YYYYMMDD`); protest rows have no date. A row is detected when rasd
returns an event record of the file's types:

- assault_gsr.csv: Battles, Explosions/Remote violence, Violence against civilians
- protest_gsr.csv: Protests, Riots

`ambiguous` rows are skipped; `yes` rows are positives, `easy no` and `difficult no` negatives.

    .venv/bin/python bench/gsr.py [--dir /work/shared/gsr_dev] [--json OUT] [--errors N]

The last four lines printed are a compact summary.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

DEFAULT_DIR = "/work/shared/gsr_dev"

FILES = {
    "assault": ("assault_gsr.csv", {"Battles", "Explosions/Remote violence", "Violence against civilians"}),
    "protest": ("protest_gsr.csv", {"Protests", "Riots"}),
}
POSITIVE = {"yes"}
NEGATIVE = {"easy no", "difficult no"}
_ID_DATE = re.compile(r"AAW_ARB_(\d{4})(\d{2})(\d{2})")


def published_of(row_id: str) -> date | None:
    m = _ID_DATE.search(row_id)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _short(row_id: str) -> str:
    return row_id if len(row_id) <= 40 else f"{row_id[:10]}…{row_id[-12:]}"


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def score_file(path: Path, types: set[str], kb: Any) -> dict[str, Any]:
    from rasd.document import from_text
    from rasd.pipeline import extract

    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    counts = {"tp": 0, "fp": 0, "fn": 0, "tn": 0}
    by_label: dict[str, list[int]] = {}  # label -> [detected, total]
    fns: list[tuple[str, str]] = []
    fps: list[tuple[str, str, str]] = []
    n = 0
    t0 = time.perf_counter()
    for row in rows:
        label = row["label"].strip()
        if label not in POSITIVE and label not in NEGATIVE:
            continue
        n += 1
        # one sentence = one body without headline: keep it on one line so no title is split off
        text = " ".join(row["text"].split())
        if not text:
            continue
        doc = from_text(text, row["id"], published_of(row["id"]))
        recs = extract(doc, kb, warn=False)
        hits = [r for r in recs if r.get("kind") == "event" and r.get("event_type") in types]
        detected = bool(hits)
        bl = by_label.setdefault(label, [0, 0])
        bl[1] += 1
        bl[0] += detected
        if label in POSITIVE:
            if detected:
                counts["tp"] += 1
            else:
                counts["fn"] += 1
                fns.append((row["id"], text))
        else:
            if detected:
                counts["fp"] += 1
                fps.append((row["id"], text, ", ".join(sorted({f"{h['event_type']}/{h['sub_event_type']}" for h in hits}))))
            else:
                counts["tn"] += 1
    secs = time.perf_counter() - t0
    p = _ratio(counts["tp"], counts["tp"] + counts["fp"])
    r = _ratio(counts["tp"], counts["tp"] + counts["fn"])
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "file": path.name, "n": n, **counts, "precision": round(p, 4), "recall": round(r, 4), "f1": round(f1, 4),
        "recall_yes": round(_ratio(*by_label.get("yes", [0, 0])), 4),
        "fpr_easy_no": round(_ratio(*by_label.get("easy no", [0, 0])), 4),
        "fpr_difficult_no": round(_ratio(*by_label.get("difficult no", [0, 0])), 4),
        "by_label": {k: {"detected": v[0], "total": v[1]} for k, v in sorted(by_label.items())},
        "seconds": round(secs, 2),
        "_fns": fns, "_fps": fps,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dir", default=DEFAULT_DIR, help=f"gsr_dev folder (default {DEFAULT_DIR})")
    ap.add_argument("--json", metavar="OUT", help="write the figures as JSON")
    ap.add_argument("--errors", type=int, default=0, metavar="N", help="print N false negatives and N false positives per file")
    ap.add_argument("--only", choices=sorted(FILES), help="score one file only")
    args = ap.parse_args(argv)

    t0 = time.perf_counter()
    from rasd.knowledge.base import load

    kb = load()
    kb_secs = time.perf_counter() - t0
    results: dict[str, dict[str, Any]] = {}
    for key, (fname, types) in FILES.items():
        if args.only and key != args.only:
            continue
        path = Path(args.dir) / fname
        if not path.is_file():
            print(f"gsr: {path}: not found", file=sys.stderr)
            return 2
        results[key] = score_file(path, types, kb)
    total = time.perf_counter() - t0

    for key, res in results.items():
        print(f"== {key} ({res['file']}): n={res['n']} rows scored in {res['seconds']:.1f}s")
        print(f"   TP={res['tp']} FP={res['fp']} FN={res['fn']} TN={res['tn']}")
        print(f"   precision={res['precision']:.3f} recall={res['recall']:.3f} F1={res['f1']:.3f}")
        bl = res["by_label"]
        for label in ("yes", "easy no", "difficult no"):
            d = bl.get(label, {"detected": 0, "total": 0})
            what = "recall" if label == "yes" else "false-positive rate"
            print(f"   {label:<13} {what:<20} {_ratio(d['detected'], d['total']):.3f} ({d['detected']}/{d['total']})")
        if args.errors:
            print(f"   -- false negatives (first {args.errors} of {len(res['_fns'])})")
            for rid, text in res["_fns"][: args.errors]:
                print(f"   FN {_short(rid)}: {text[:150]}")
            print(f"   -- false positives (first {args.errors} of {len(res['_fps'])})")
            for rid, text, what in res["_fps"][: args.errors]:
                print(f"   FP {_short(rid)} [{what}]: {text[:150]}")
        print()

    if args.json:
        out = {k: {kk: vv for kk, vv in v.items() if not kk.startswith("_")} for k, v in results.items()}
        out["_meta"] = {"kb_load_seconds": round(kb_secs, 2), "total_seconds": round(total, 2)}
        Path(args.json).write_text(json.dumps(out, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

    # compact summary: exactly the last 4 lines
    print("-- gsr summary --")
    for key in ("assault", "protest"):
        res = results.get(key)
        if res is None:
            print(f"{key}: not scored")
            continue
        print(f"{key}: P={res['precision']:.3f} R={res['recall']:.3f} F1={res['f1']:.3f} "
              f"(tp={res['tp']} fp={res['fp']} fn={res['fn']} tn={res['tn']}) "
              f"fpr easy={res['fpr_easy_no']:.3f} difficult={res['fpr_difficult_no']:.3f}")
    print(f"rows={sum(r['n'] for r in results.values())} time={total:.1f}s (kb load {kb_secs:.1f}s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
