"""Offsets are sacred: every evidence span and field span slices the original text exactly."""

from pathlib import Path

import pytest

from conftest import SHARED
from rasd.document import read_text_file
from rasd.pipeline import extract

SAMPLES = Path(__file__).resolve().parents[1] / "src" / "rasd" / "samples" / "articles"
FILES = sorted(SHARED.glob("seed/*.txt")) + sorted(SHARED.glob("devset/articles/*.txt")) + sorted(SAMPLES.glob("*.txt"))


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_spans_slice_the_original(kb, path):
    doc = read_text_file(str(path))
    for r in extract(doc, kb, warn=False):
        spans = list(r["evidence"]) + list(r.get("spans", {}).values())
        assert r["evidence"], r
        for s in spans:
            assert doc.text[s["start"]:s["end"]] == s["text"]
            assert s["text"].strip() == s["text"] and s["text"]


def test_offsets_survive_diacritics_and_tatweel(kb):
    from rasd.document import from_text

    text = ("خبر\n\nبغـداد - 3 مـارس 2024 - قُتِلَ جُنْدِيّانِ عِراقيّان في هُجومٍ بِعُبْوةٍ ناسِفةٍ "
            "على دَوْريّةٍ في قَضاءِ الطّارميّة أمسِ.")
    recs = extract(from_text(text, "t"), kb)
    ev = [r for r in recs if r["kind"] == "event"]
    assert ev and ev[0]["fatalities"] == 2 and ev[0]["event_date"] == "2024-03-02"
    for r in recs:
        for s in list(r["evidence"]) + list(r.get("spans", {}).values()):
            assert text[s["start"]:s["end"]] == s["text"]
