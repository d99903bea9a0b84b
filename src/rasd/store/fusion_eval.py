"""Pairwise fusion precision/recall of a store against a truth file (tests/data/fusion/truth.jsonl):
two articles are "together" when their main event records sit in the same incident."""

from __future__ import annotations

import json
from itertools import combinations
from pathlib import Path
from typing import Any

from sqlalchemy import select

from rasd.store.db import Store
from rasd.store.schema import articles, records


def article_incidents(store: Store) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    with store.engine.connect() as conn:
        for key, inc, data in conn.execute(
            select(articles.c.source_key, records.c.incident_id, records.c.data)
            .join(records, records.c.article_id == articles.c.id).where(records.c.kind == "event")
            .order_by(records.c.id)
        ):
            d = json.loads(data) if isinstance(data, str) else data
            out.setdefault(Path(key).name, []).append({"incident": inc, **d})
    return out


def main_incident(recs: list[dict[str, Any]], truth: dict[str, Any]) -> int | None:
    """The incident of the article's record that best matches its truth row (date, country, type)."""
    best, best_score = None, -1
    for r in recs:
        score = (r.get("event_date") == truth["event_date"]) * 2 + (r.get("country_code") == truth["country_code"]) \
            + (r.get("event_type") == truth["event_type"])
        if score > best_score:
            best, best_score = r["incident"], score
    return best


def pairwise(store: Store, truth_path: Path) -> dict[str, float]:
    truth = [json.loads(l) for l in truth_path.read_text(encoding="utf-8").splitlines() if l.strip()]
    recs = article_incidents(store)
    pred = {t["file"]: main_incident(recs.get(t["file"], []), t) for t in truth}
    tp = fp = fn = 0
    for a, b in combinations(truth, 2):
        same_true = a["incident"] == b["incident"]
        pa, pb = pred[a["file"]], pred[b["file"]]
        same_pred = pa is not None and pa == pb
        tp += same_true and same_pred
        fp += same_pred and not same_true
        fn += same_true and not same_pred
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, "pairs_true": tp + fn,
            "pairs_predicted": tp + fp, "articles_without_event": sum(1 for v in pred.values() if v is None)}
