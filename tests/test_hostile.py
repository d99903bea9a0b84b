"""Hostile inputs (issue 7): each gives records or a clear per-item error; one bad item never stops or
empties a batch; nothing stored before changes. docs/reliability.md lists the outcomes."""

from __future__ import annotations

import io

import pytest

from rasd.document import InputError, from_text, read_text_file
from rasd.ingest import ingest
from rasd.knowledge.base import load
from rasd.pipeline import extract
from rasd.store.db import Store

GOOD = "قصف\n\nحلب - 5 مارس 2024 - قتل مدني في قصف مدفعي على مدينة حلب اليوم.\n"


def hostile_files(d):
    files = {
        "empty.txt": b"",
        "spaces.txt": b"   \n\t \n",
        "invalid_utf8.txt": b"\xd9\x82\xd8\xb5\xd9 \xff\xfe broken",
        "utf16_bom.txt": ("قصف\n\nحلب - 5 مارس 2024 - قصفت المدفعية مدينة حلب اليوم.\n").encode("utf-16"),
        "binary.bin.txt": bytes(range(256)) * 8,
        "script.html": (b"<html><head><title>x</title><script>alert(1)</script></head><body><article><p>"
                        + "حلب - 5 مارس 2024 - قتل مدني في قصف مدفعي على مدينة حلب اليوم، بحسب ناشطين محليين. ".encode() * 3
                        + b"</p><img src=x onerror=alert(1)></article></body></html>"),
        "nested.html": b"<html><body>" + b"<div>" * 100_000 + "نص".encode() + b"</div>" * 100_000 + b"</body></html>",
        "malformed.xml": b"<rss><channel><item><title>x",
        "truncated.rss": b"<?xml version='1.0'?><rss version='2.0'><channel><title>t</title><item><title>a</title><description>",
        "rows.jsonl": b'{"text": "\xd9\x82\xd8\xb5\xd9\x81 \xd8\xb9\xd9\x84\xd9\x89 \xd8\xad\xd9\x84\xd8\xa8"}\n{broken\n[1,2]\n{"title": "no text"}\n',
        "english.txt": b"Markets\n\nStocks rose on Monday in London as investors waited for the central bank.\n",
        "mixed.txt": ("قصف\n\nقالت وكالة Reuters إن طائرات F-16 قصفت مدينة حلب أمس، وفق مصادر AFP.\n").encode(),
        "diacritics.txt": ("خبر\n\nحَلَب - 5 مـارس 2024 - قُتِـلَ مَـدَنِـيٌّ فـي قَـصْـفٍ مِـدْفَـعِـيٍّ عَـلَـى مَـدِيـنَـةِ حَـلَـب الْـيَـوْمَ.\n").encode(),
        "future.txt": ("خبر\n\nحلب - 5 مارس 2031 - قتل مدني في قصف على حلب أمس.\n").encode(),
        "year1900.txt": ("خبر\n\nحلب - 5 مارس 1900 - قتل مدني في قصف على حلب أمس.\n").encode(),
        "good.txt": GOOD.encode(),
    }
    for name, data in files.items():
        (d / name).write_bytes(data)
    return files


def test_every_hostile_input_gives_records_or_a_clear_error(tmp_path):
    hostile_files(tmp_path)
    store = Store(str(tmp_path / "rasd.db"))
    err = io.StringIO()
    s = ingest(store, [str(tmp_path / n) for n in sorted(p.name for p in tmp_path.iterdir() if p.suffix != ".db")],
               progress=False, err=err)
    messages = err.getvalue()
    for name in ("empty.txt", "spaces.txt", "invalid_utf8.txt", "binary.bin.txt", "malformed.xml", "rows.jsonl:2", "rows.jsonl:3", "rows.jsonl:4"):
        assert name in messages, (name, messages)
    assert all(line.startswith("rasd: error: ") for line in messages.splitlines())
    assert s.new >= 8  # utf-16, script page, jsonl row, english, mixed, diacritics, future, 1900, good …
    incs = store.incidents()
    assert any(r["country_code"] == "SY" for r in incs)


def test_a_50mb_text_is_refused_quickly_and_names_the_file(tmp_path):
    big = tmp_path / "huge.txt"
    big.write_text("خبر\n\n" + "قصفت المدفعية مدينة حلب. " * 2_100_000, encoding="utf-8")
    assert big.stat().st_size > 50 * 1024 * 1024 * 0.9
    with pytest.raises(InputError, match="huge.txt"):
        read_text_file(str(big))


def test_the_extractor_survives_odd_texts():
    kb = load()
    for text in ["\n\n" + "ـ" * 500, "x\n\n" + "١٢٣٤٥٦٧٨٩٠ " * 200, "t\n\n" + "في " * 3000, "t\n\n" + "؟!،؛" * 500,
                 "t\n\n\u200f\u200e\u202b" * 50, "t\n\n" + "قتل " * 500 + "خمسة عشر ألف مليون",
                 "t\n\n" + "الجمعة 31 فبراير 2024 أمس 99 جمادى 1445 هـ"]:
        recs = extract(from_text(text, "odd"), kb, warn=False)
        for r in recs:
            for s in r["evidence"]:
                assert text[s["start"]:s["end"]] == s["text"]


def test_a_bad_item_never_changes_what_was_stored(tmp_path):
    store = Store(str(tmp_path / "rasd.db"))
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    ingest(store, [str(good)], progress=False, err=io.StringIO())
    before = store.counts(), [dict(r) for r in store.incidents()]
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02binary\x00data")
    (tmp_path / "rows.jsonl").write_text("{broken\n", encoding="utf-8")
    s = ingest(store, [str(bad), str(tmp_path / "rows.jsonl"), str(good)], progress=False, err=io.StringIO())
    assert s.failed == 2 and s.seen == 1
    assert (store.counts(), [dict(r) for r in store.incidents()]) == before


def test_sql_only_through_parameters(tmp_path):
    store = Store(str(tmp_path / "rasd.db"))
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    ingest(store, [str(good)], progress=False, err=io.StringIO())
    n = store.counts()
    for evil in ["'; DROP TABLE incidents; --", "%' OR 1=1 --", "\" OR \"\"=\""]:
        assert store.incidents(actor=evil) == []
        assert store.incidents(country=evil[:2]) == []
    assert store.counts() == n


def test_serve_binds_to_localhost_by_default():
    from rasd.cli import build_parser

    args = build_parser().parse_args(["serve"])
    assert args.host == "127.0.0.1"
