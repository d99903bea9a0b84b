"""The event store (issue 4), on SQLite and on a real PostgreSQL server (RASD_TEST_PG, which .ci/run
starts): ingestion of every source kind, idempotence, changed articles, fusion, queries, exports."""

from __future__ import annotations

import io
import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest


from conftest import SHARED
from rasd.ingest import ingest, watch

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "src" / "rasd" / "samples" / "articles"
FUSION = ROOT / "tests" / "data" / "fusion"

ARTICLE = ("غارة على إدلب\n\nإدلب - 5 مارس 2024 - قُتل ثلاثة مدنيين وأصيب خمسة آخرون في غارة جوية روسية "
           "استهدفت سوقا شعبيا في مدينة إدلب صباح اليوم، بحسب الدفاع المدني.\n")


def run(store, *sources, **kw):
    return ingest(store, [str(s) for s in sources], progress=False, err=io.StringIO(), **kw)


def test_ingesting_twice_changes_nothing(store):
    sources = [SAMPLES] + ([SHARED / "devset" / "articles"] if (SHARED / "devset").exists() else [])
    first = run(store, *sources)
    counts = store.counts()
    assert first.new >= 24 and first.failed == 0 and counts["incidents"] > 20
    second = run(store, *sources)
    assert (second.new, second.updated, second.seen) == (0, 0, first.new)
    assert store.counts() == counts


def test_same_text_under_another_name_is_seen(store, tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(ARTICLE, encoding="utf-8")
    b.write_text(ARTICLE, encoding="utf-8")
    assert run(store, a).new == 1
    assert run(store, b).seen == 1
    assert store.counts()["articles"] == 1


def test_changed_article_is_re_extracted(store, tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    run(store, f)
    inc = store.incidents()[0]
    assert inc["fatalities"] == 3
    f.write_text(ARTICLE.replace("ثلاثة مدنيين", "سبعة مدنيين"), encoding="utf-8")
    s = run(store, f)
    assert s.updated == 1
    rows = store.incidents()
    assert len(rows) == 1 and rows[0]["fatalities"] == 7
    assert store.counts()["articles"] == 1


def test_fusion_of_one_incident_from_several_outlets(store, tmp_path):
    texts = {
        "a.txt": ARTICLE,
        "b.txt": ("مقتل ثلاثة بغارة روسية في إدلب\n\nإدلب - 6 مارس 2024 - استهدفت طائرات حربية روسية أمس "
                  "سوقا في مدينة إدلب ما أدى إلى مقتل ثلاثة مدنيين.\n"),
        "c.txt": ("ارتفاع حصيلة غارة إدلب\n\nإدلب - 7 مارس 2024 - ارتفعت حصيلة الغارة الجوية التي استهدفت "
                  "سوق مدينة إدلب يوم الثلاثاء إلى ستة قتلى، بحسب مصادر طبية.\n"),
        "d.txt": ("قصف على حلب\n\nحلب - 5 مارس 2024 - قتل مدني في قصف مدفعي على مدينة حلب اليوم.\n"),
    }
    for name, t in texts.items():
        (tmp_path / name).write_text(t, encoding="utf-8")
    run(store, tmp_path)
    rows = {r["location"]: r for r in store.incidents()}
    idlib = next(r for loc, r in rows.items() if "Idlib" in (loc or ""))
    assert idlib["n_sources"] >= 2
    assert idlib["event_date"].isoformat() == "2024-03-05"
    assert any("Aleppo" in (loc or "") for loc in rows)  # another city, another incident
    detail = store.incident_detail(idlib["id"])
    assert len({r["source_key"] for r in detail["records"]}) == idlib["n_sources"]
    assert idlib["support"]["location"] >= 2


@pytest.mark.skipif(not (FUSION / "truth.jsonl").exists(), reason="fusion corpus missing")
def test_shared_incident_corpus_fuses_with_high_precision_and_recall(store):
    from rasd.store.fusion_eval import pairwise

    run(store, FUSION / "articles")
    score = pairwise(store, FUSION / "truth.jsonl")
    assert score["precision"] >= 0.95, score
    assert score["recall"] >= 0.95, score


def test_html_jsonl_and_bad_rows(store, tmp_path):
    html = tmp_path / "page.html"
    html.write_text(
        "<html><head><title>انفجار في الرقة</title><meta property='og:site_name' content='وكالة الاختبار'>"
        "<meta property='article:published_time' content='2023-08-31T10:00:00Z'></head><body><nav>القائمة</nav>"
        "<article><h1>انفجار في الرقة</h1><p>أصيب مدنيان بجروح جراء انفجار عبوة ناسفة في سيارة وسط مدينة الرقة "
        "صباح اليوم، بحسب مصادر محلية. وقالت المصادر إن العبوة زرعها مجهولون قرب دوار النعيم.</p>"
        "<p>ولم تتبن أي جهة مسؤولية التفجير حتى الآن.</p></article><script>alert(1)</script></body></html>",
        encoding="utf-8")
    rows = tmp_path / "rows.jsonl"
    rows.write_text("\n".join([
        json.dumps({"text": "قصفت المدفعية التركية قرية تل رفعت أمس.", "title": "قصف", "published": "2023-05-10",
                    "url": "https://example.org/a", "source": "موقع أ"}, ensure_ascii=False),
        "{broken json",
        json.dumps({"title": "no text"}),
    ]) + "\n", encoding="utf-8")
    s = run(store, html, rows, tmp_path / "missing.txt")
    assert s.new == 2 and s.failed == 3
    assert any("rows.jsonl:2" in e for e in s.errors) and any("missing.txt" in e for e in s.errors)
    incs = store.incidents()
    raqqa = next(r for r in incs if "Raqq" in (r["location"] or ""))
    assert raqqa["event_date"].isoformat() == "2023-08-31" and raqqa["injuries"] == 2
    assert store.sources_of([raqqa["id"]])[raqqa["id"]] == ["وكالة الاختبار"]
    tal = next(r for r in incs if r["event_date"].isoformat() == "2023-05-09")
    assert tal["country_code"] == "SY"


class _Pages(BaseHTTPRequestHandler):
    pages: dict[str, bytes] = {}

    def do_GET(self):  # noqa: N802
        body = self.pages.get(self.path)
        if body is None:
            self.send_response(404)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8" if self.path.endswith(".html") else "application/rss+xml")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *a):
        pass


@pytest.fixture
def http_server():
    srv = HTTPServer(("127.0.0.1", 0), _Pages)
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{srv.server_port}", _Pages.pages
    srv.shutdown()


def test_feed_with_summary_only_entries_reads_the_page(store, tmp_path, http_server):
    base, pages = http_server
    pages["/news/1.html"] = (
        "<html><head><title>هجوم في دير الزور</title></head><body><article><p>دير الزور - 3 يونيو 2024 - قتل "
        "جنديان من الجيش السوري وأصيب ثلاثة آخرون في هجوم شنه مسلحون من تنظيم داعش على حاجز عسكري قرب مدينة "
        "الميادين فجر اليوم، بحسب المرصد السوري لحقوق الإنسان. وقال المرصد إن المهاجمين فروا بعد الهجوم.</p>"
        "</article></body></html>").encode()
    feed = (f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>وكالة الخبر</title>"
            f"<item><title>هجوم في دير الزور</title><link>{base}/news/1.html</link><description>مقتل جنديين"
            f"</description><pubDate>Mon, 03 Jun 2024 09:00:00 GMT</pubDate><guid>n1</guid></item>"
            f"<item><title>مظاهرة</title><link>{base}/news/missing.html</link><description>تظاهر مئات "
            f"المحتجين في مدينة السويداء اليوم للمطالبة بالإفراج عن المعتقلين، وانتهت الوقفة بشكل سلمي."
            f"</description><pubDate>Mon, 03 Jun 2024 10:00:00 GMT</pubDate><guid>n2</guid></item>"
            f"</channel></rss>")
    (tmp_path / "feed.xml").write_text(feed, encoding="utf-8")
    s = run(store, tmp_path / "feed.xml", allow_private=True)
    assert s.new == 2 and s.failed == 0
    incs = store.incidents()
    mayadin = next(r for r in incs if r["country_code"] == "SY" and r["event_type"] == "Battles")
    assert mayadin["fatalities"] == 2 and "Mayadin" in mayadin["location"]
    assert any(r["event_type"] == "Protests" for r in incs)
    # without permission, local addresses are refused (and the entry falls back to its summary)
    store2_summary = run(store, tmp_path / "feed.xml")
    assert store2_summary.seen == 2


def test_feed_urls_refuse_private_addresses_and_other_schemes(store):
    s = run(store, "http://127.0.0.1:9/feed.xml", "file:///etc/passwd", "ftp://example.org/x")
    assert s.failed == 3 and s.new == 0
    assert any("private or local" in e for e in s.errors)
    assert sum("only http and https" in e for e in s.errors) == 2


def test_watch_survives_broken_feeds(store, tmp_path):
    good = tmp_path / "good.xml"
    good.write_text("<rss version='2.0'><channel><title>t</title><item><title>قصف</title><description>قصفت المدفعية "
                    "الإسرائيلية بلدة الخيام في جنوب لبنان اليوم.</description><pubDate>Tue, 02 Jan 2024 08:00:00 GMT"
                    "</pubDate><guid>g1</guid></item></channel></rss>", encoding="utf-8")
    bad = tmp_path / "bad.xml"
    bad.write_text("<rss><channel><item>", encoding="utf-8")
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"# my feeds\n{tmp_path / 'nope.xml'}\n{bad}\n{good}\n", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    assert watch(store, str(feeds), every=0, rounds=2, out=out, err=err) == 0
    assert store.counts()["articles"] == 1
    assert "nope.xml" in err.getvalue()


def test_queries_and_exports(store):
    import pandas as pd

    from rasd.export import ACLED_COLUMNS, geojson, write_incidents

    run(store, SAMPLES)
    all_rows = store.incidents()
    assert store.count_incidents() == len(all_rows) > 10
    yemen = store.incidents(country="YE")
    assert yemen and all(r["country_code"] == "YE" for r in yemen)
    assert all(r["event_date"].isoformat() >= "2024-01-01" for r in store.incidents(since=__import__("datetime").date(2024, 1, 1)))
    near = store.incidents(near=(33.51, 36.29, 120.0))  # Damascus, 120 km
    assert near and all(r["country_code"] in ("SY", "LB", "JO", "IL") for r in near)
    battles = store.incidents(event_type="battles")
    assert battles and all("Battles" in r["event_type"] for r in battles)
    houthis = store.incidents(actor="houthi")
    assert houthis and all("Houthi" in f"{r['actor1']} {r['actor2']} {r['assoc_actor_1']} {r['assoc_actor_2']}" for r in houthis)
    assert store.incidents(min_sources=2) == [r for r in all_rows if r["n_sources"] >= 2]
    buf = io.StringIO()
    write_incidents(all_rows, store.sources_of(r["id"] for r in all_rows), "acled-csv", buf)
    df = pd.read_csv(io.StringIO(buf.getvalue()))
    assert list(df.columns) == ACLED_COLUMNS and len(ACLED_COLUMNS) == 31
    assert len(df) == len(all_rows) and df["fatalities"].dtype.kind in "iu"
    gj = geojson(all_rows, {})
    assert gj["type"] == "FeatureCollection" and len(gj["features"]) == len(all_rows)
    pt = next(f for f in gj["features"] if f["geometry"])
    lon, lat = pt["geometry"]["coordinates"]
    assert -180 <= lon <= 180 and -90 <= lat <= 90
