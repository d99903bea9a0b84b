"""Dev-set score thresholds (issue 2): event F1 and field accuracy, by the rules in shared/devset."""

import json

import pytest

from conftest import SHARED
from rasd.document import read_text_file
from rasd.evaluate import evaluate
from rasd.pipeline import extract

GOLD = SHARED / "devset" / "gold.jsonl"
pytestmark = pytest.mark.skipif(not GOLD.exists(), reason="shared/devset not present")


def predict(kb, tmp_path, monkeypatch):
    monkeypatch.chdir(SHARED)
    paths = sorted(str(p.relative_to(SHARED)) for p in (SHARED / "seed").glob("*.txt"))
    paths += sorted(str(p.relative_to(SHARED)) for p in (SHARED / "devset" / "articles").glob("*.txt"))
    out = tmp_path / "pred.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        for p in paths:
            for r in extract(read_text_file(p), kb):
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    return out


def test_devset_thresholds(kb, tmp_path, monkeypatch):
    pred = predict(kb, tmp_path, monkeypatch)
    rep = evaluate(str(GOLD), str(pred))
    assert rep.f1 >= 0.85, rep.misses + rep.extras
    assert rep.field_accuracy >= 0.85, rep.field_errors
    assert rep.tallies_found == rep.tallies_total
