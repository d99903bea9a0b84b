"""Score rasd on the real-news bench: real Arabic news reports with hand-made ACLED-style gold.

The article texts are not in the repository (see README.md): each row of sources.tsv whose text
exists as <TEXTS>/<id>.txt is extracted with the publication date from sources.tsv and the input name
"texts/<id>.txt" (the gold's `doc`), and scored with the project's own scorer (rasd.evaluate).
Gold of articles whose text is missing is left out, so a partial set still scores fairly.

    .venv/bin/python bench/realnews/score.py [--split dev|heldout|heldout2 … heldout26|all] [--texts DIR] [--verbose] [--pred OUT.jsonl] [--json OUT.json]

Splits (column `split` of sources.tsv): `dev` — the reports the extraction rules are developed on;
`heldout` — reports that nobody tunes on, kept to measure whether the rules generalise; `heldout2` — a
second blind batch (r201–r240) added when `heldout` had been measured after many changes; `all` (default).

Texts folder: --texts, else $RASD_REALNEWS_TEXTS, else bench/realnews/texts/ (git-ignored).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def _texts_dir(arg: str | None) -> Path:
    if arg:
        return Path(arg)
    env = os.environ.get("RASD_REALNEWS_TEXTS")
    if env:
        return Path(env)
    return HERE / "texts"


SPLITS = ("dev", "heldout", *(f"heldout{n}" for n in range(2, 37)), "all")


def load_sources(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def select_split(rows: list[dict[str, str]], split: str) -> list[dict[str, str]]:
    """The rows of one split; a row without a `split` value counts as `dev`."""
    if split == "all":
        return rows
    return [r for r in rows if (r.get("split") or "dev").strip() == split]


def load_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def extract_all(rows: list[dict[str, str]], texts: Path) -> tuple[list[dict[str, Any]], list[str], list[str]]:
    """Records for every row whose text exists; the ids scored; the ids missing."""
    from rasd.document import InputError, decode_bytes, from_text
    from rasd.knowledge.base import load
    from rasd.pipeline import extract

    kb = load()
    preds: list[dict[str, Any]] = []
    have: list[str] = []
    missing: list[str] = []
    for row in rows:
        p = texts / f"{row['id']}.txt"
        if not p.is_file():
            missing.append(row["id"])
            continue
        name = f"texts/{row['id']}.txt"
        published = date.fromisoformat(row["published"]) if row.get("published") else None
        try:
            doc = from_text(decode_bytes(p.read_bytes(), name), name, published)
        except InputError as exc:
            print(f"realnews: skipped {p}: {exc}", file=sys.stderr)
            missing.append(row["id"])
            continue
        preds.extend(extract(doc, kb, warn=False))
        have.append(row["id"])
    return preds, have, missing


def _write_jsonl(path: Path, items: list[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for it in items:
            fh.write(json.dumps(it, ensure_ascii=False) + "\n")


def _evaluate(gold: list[dict[str, Any]], preds: list[dict[str, Any]], tmp: Path, tag: str) -> Any:
    from rasd.evaluate import evaluate

    gp, pp = tmp / f"gold_{tag}.jsonl", tmp / f"pred_{tag}.jsonl"
    _write_jsonl(gp, gold)
    _write_jsonl(pp, preds)
    return evaluate(str(gp), str(pp))


def _as_list(v: Any) -> list[Any]:
    return [] if v is None else v if isinstance(v, list) else [v]


def _pairs(gev: list[dict[str, Any]], pev: list[dict[str, Any]]) -> dict[int, int]:
    """pred index -> gold index, by the matching rule of shared/devset/README.md (for display only: the
    figures always come from rasd.evaluate)."""
    from rasd.knowledge.places import haversine_km

    cands = []
    for gi, g in enumerate(gev):
        for pi, p in enumerate(pev):
            if p.get("country_code") != g.get("country_code") or p.get("event_date") not in _as_list(g.get("event_date")):
                continue
            if p.get("event_type") not in _as_list(g.get("event_type")):
                continue
            if g.get("latitude") is None or g.get("longitude") is None:
                d = 0.0
            elif p.get("latitude") is None or p.get("longitude") is None:
                continue
            else:
                d = haversine_km(g["latitude"], g["longitude"], p["latitude"], p["longitude"])
                if d > (g.get("tol_km") or 0):
                    continue
            cands.append((d, gi, pi))
    cands.sort()
    out: dict[int, int] = {}
    used: set[int] = set()
    for _, gi, pi in cands:
        if gi not in used and pi not in out:
            used.add(gi)
            out[pi] = gi
    return out


def _pred_line(p: dict[str, Any]) -> str:
    ev = " | ".join(e["text"].replace("\n", " ")[:70] for e in p.get("evidence", [])[:1])
    return (f"{p.get('event_date')} tp{p.get('time_precision')} {p.get('event_type')}/{p.get('sub_event_type')} "
            f"at {p.get('location')} ({p.get('country_code')}) a1={p.get('actor1')} a2={p.get('actor2')} "
            f"fat={p.get('fatalities')} inj={p.get('injuries')} w={p.get('weapon')}  «{ev}»")


def per_document(gold: list[dict[str, Any]], preds: list[dict[str, Any]], ids: list[str], tmp: Path) -> None:
    for rid in ids:
        doc = f"texts/{rid}.txt"
        g = [x for x in gold if x["doc"] == doc]
        p = [x for x in preds if x.get("input") == doc]
        rep = _evaluate(g, p, tmp, "doc")
        gev = [x for x in g if x["kind"] == "event"]
        print(f"--- {rid}: gold events={len(gev)} (optional {sum(1 for x in gev if x.get('optional'))}) "
              f"tallies={sum(1 for x in g if x['kind'] == 'tally')} | predicted events="
              f"{sum(1 for x in p if x.get('kind') == 'event')} | tp={rep.tp} fp={rep.fp} fn={rep.fn}")
        pev = [x for x in p if x.get("kind") == "event"]
        pairs = _pairs(gev, pev)
        for pi, x in enumerate(pev):
            if pi in pairs:
                g1 = gev[pairs[pi]]
                tag = "OPT  " if g1.get("optional") else "MATCH"
                where = f"  -> gold {g1.get('location')}"
            elif x.get("time_precision") == 3:
                tag, where = "tp3  ", ""
            else:
                tag, where = "FP   ", ""
            print(f"  {tag} {_pred_line(x)}{where}")
        for x in p:
            if x.get("kind") == "tally":
                print(f"  TALLY count={x.get('count')} at_least={x.get('at_least')} "
                      f"{x.get('period_start')}..{x.get('period_end')} {x.get('country_codes')}")
            elif x.get("kind") == "background":
                print(f"  BACKG {x.get('event_date', '')} {x.get('event_type', '')} "
                      f"«{(x.get('evidence') or [{'text': ''}])[0]['text'][:60]}»")
        for line in rep.misses:
            print(f"  MISS  {line.split(': ', 1)[1]}")
        for line in rep.field_errors:
            print(f"  FIELD {line.split(': ', 1)[1]}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--texts", help="folder holding <id>.txt (default $RASD_REALNEWS_TEXTS, else bench/realnews/texts)")
    ap.add_argument("--sources", default=str(HERE / "sources.tsv"))
    ap.add_argument("--gold", default=str(HERE / "gold.jsonl"))
    ap.add_argument("--split", choices=SPLITS, default="all",
                    help="score only the dev reports, only the held-out reports, or all (default)")
    ap.add_argument("--verbose", "-v", action="store_true", help="per-document matches, false positives and misses")
    ap.add_argument("--pred", metavar="OUT", help="also write the predictions (JSONL)")
    ap.add_argument("--json", metavar="OUT", help="write the figures as JSON")
    ap.add_argument("--min-confidence", type=float, help="score only events whose confidence is at least this")
    args = ap.parse_args(argv)

    texts = _texts_dir(args.texts)
    rows = select_split(load_sources(Path(args.sources)), args.split)
    present = [r for r in rows if (texts / f"{r['id']}.txt").is_file()]
    if not present:
        print(f"realnews [split {args.split}]: no article texts found in {texts} "
              f"(0 of {len(rows)} listed in sources.tsv for this split).")
        print("realnews: fetch them as bench/realnews/README.md explains, or point --texts / RASD_REALNEWS_TEXTS at them.")
        return 0

    t0 = time.perf_counter()
    preds, have, missing = extract_all(rows, texts)
    secs = time.perf_counter() - t0
    if args.min_confidence is not None:
        preds = [p for p in preds if p.get("kind") != "event" or p.get("confidence", 1.0) >= args.min_confidence]
    docs = {f"texts/{i}.txt" for i in have}
    gold = [g for g in load_jsonl(Path(args.gold)) if g["doc"] in docs]

    if args.pred:
        _write_jsonl(Path(args.pred), preds)
    from rasd.evaluate import print_report

    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        if args.verbose:
            per_document(gold, preds, have, tmp)
            print()
        rep = _evaluate(gold, preds, tmp, "all")

    n_gold = sum(1 for g in gold if g["kind"] == "event" and not g.get("optional"))
    n_opt = sum(1 for g in gold if g["kind"] == "event" and g.get("optional"))
    n_pred = sum(1 for p in preds if p.get("kind") == "event")
    n_tp3 = sum(1 for p in preds if p.get("kind") == "event" and p.get("time_precision") == 3)
    print(f"realnews [split {args.split}]: {len(have)} of {len(rows)} articles scored ({len(missing)} texts missing) from {texts}; "
          f"extraction {secs:.1f}s")
    print(f"gold: {n_gold} events (+{n_opt} optional), {rep.tallies_total} tallies; "
          f"predicted: {n_pred} events ({n_tp3} with time_precision 3, never false positives), "
          f"{sum(1 for p in preds if p.get('kind') == 'tally')} tallies, "
          f"{sum(1 for p in preds if p.get('kind') == 'background')} background")
    print_report(rep, verbose=False)
    if args.json:
        out = {"split": args.split, "articles": len(have), "missing": missing, "tp": rep.tp, "fp": rep.fp, "fn": rep.fn,
               "precision": round(rep.precision, 4), "recall": round(rep.recall, 4), "f1": round(rep.f1, 4),
               "field_accuracy": round(rep.field_accuracy, 4),
               "fields": {k: {"right": v[0], "total": v[1]} for k, v in rep.fields.items()},
               "tallies_found": rep.tallies_found, "tallies_total": rep.tallies_total,
               "misses": rep.misses, "extras": rep.extras, "field_errors": rep.field_errors}
        Path(args.json).write_text(json.dumps(out, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
