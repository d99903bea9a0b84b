"""Storage and ingestion on a bad day (issue: security and robustness, round 2), on SQLite and on
PostgreSQL: statistics and exports computed by the database, more incidents than either backend's
parameter limit, implausible tolls, NUL bytes, oversized JSONL lines, long names, one-line errors."""

from __future__ import annotations

import io
import json
import random
from datetime import date, datetime, timedelta, timezone

import pytest
from sqlalchemy import event, insert

from rasd.ingest import ingest
from rasd.store.db import Store
from rasd.store.schema import articles, incidents, records

GOOD = "قصف\n\nحلب - 5 مارس 2024 - قتل مدني وأصيب اثنان في قصف مدفعي على مدينة حلب اليوم، بحسب مصادر محلية.\n"


def run(store, *sources, **kw):
    err = io.StringIO()
    s = ingest(store, [str(x) for x in sources], progress=False, err=err, **kw)
    return s, err.getvalue()


def fill(store: Store, n: int, with_sources: int = 2000) -> None:
    """n synthetic incidents; the first `with_sources` get an article and a record each."""
    rng = random.Random(7)
    now = datetime.now(timezone.utc)
    rows = [dict(event_date=date(2020, 1, 1) + timedelta(days=rng.randrange(1500)), time_precision=1,
                 event_type=rng.choice(["Battles", "Explosions/Remote violence", "Protests"]), sub_event_type="x",
                 actor1=rng.choice(["A", "B", None]), actor2=rng.choice(["C", None]), country_code=rng.choice(["SY", "IQ", "YE"]),
                 country="c", location=f"P{i}", latitude=30 + rng.random() * 6, longitude=36 + rng.random() * 6,
                 geo_precision=1, fatalities=rng.randrange(4), n_sources=1, n_records=1, support={}, notes="n",
                 updated_at=now) for i in range(n)]
    with store.engine.begin() as conn:
        for i in range(0, n, 10_000):
            conn.execute(insert(incidents), rows[i:i + 10_000])
        if not with_sources:
            return
        conn.execute(insert(articles), [dict(source_key=f"k{i}", doc_id=f"d{i}", content_hash="h", text="t",
                                             outlet=f"outlet {i % 7}", ingested_at=now, status="ok", n_records=1)
                                        for i in range(with_sources)])
        conn.execute(insert(records), [dict(article_id=i + 1, incident_id=i + 1, kind="event", data={})
                                       for i in range(with_sources)])


# ------------------------------------------------------------------ item 5: SQL aggregation and streaming
def test_stats_by_group_by_match_the_rows(store):
    fill(store, 3000, with_sources=100)
    for f in ({}, {"country": "SY"}, {"near": (33.0, 39.0, 150.0)}, {"since": date(2021, 1, 1), "event_type": "battles"}):
        rows = store.incidents(**f)
        s = store.stats(**f)
        assert s["total"] == len(rows) == store.count_incidents(**f)
        assert s["fatalities"] == sum(r["fatalities"] or 0 for r in rows)
        days: dict[str, int] = {}
        for r in rows:
            days[r["event_date"].isoformat()] = days.get(r["event_date"].isoformat(), 0) + 1
        assert s["by_day"] == sorted(days.items())
        assert sum(s["by_type"].values()) == len(rows) and sum(s["by_country"].values()) == len(rows)
        actors: dict[str, int] = {}
        for r in rows:
            for a in (r["actor1"], r["actor2"]):
                if a:
                    actors[a] = actors.get(a, 0) + 1
        assert s["by_actor"] == actors


def test_near_is_computed_by_the_database(store):
    from rasd.knowledge.places import haversine_km

    fill(store, 3000, with_sources=0)
    everything = store.incidents()
    for lat, lon, km in ((33.0, 39.0, 100.0), (31.5, 36.5, 30.0), (35.9, 41.9, 0.0), (0.0, 0.0, 500.0)):
        want = [r["id"] for r in everything if haversine_km(lat, lon, r["latitude"], r["longitude"]) <= km]
        assert want or km in (0.0, 500.0)
        got = [r["id"] for r in store.incidents(near=(lat, lon, km))]
        assert got == want
        assert store.count_incidents(near=(lat, lon, km)) == len(want)
        page = store.incidents(near=(lat, lon, km), limit=5, offset=3)
        assert [r["id"] for r in page] == want[3:8]
    with pytest.raises(ValueError):
        store.incidents(near=(33.0, 39.0, 5000.0))


def test_exports_beyond_every_parameter_limit_stream_in_pages(store, capsys):
    """66,000 incidents: more than SQLite's 32,766 and PostgreSQL's 65,535 bind parameters, so any
    IN-list of all ids would fail. No statement may carry more than a handful of parameters."""
    from fastapi.testclient import TestClient

    from rasd.cli import main
    from rasd.web.app import create_app
    from rasd.web.workers import WorkerPool

    n = 66_000
    fill(store, n, with_sources=3000)
    most = [0]

    def count_params(conn, cursor, statement, params, context, executemany):
        if not executemany:
            most[0] = max(most[0], len(params) if hasattr(params, "__len__") else 0)

    event.listen(store.engine, "before_cursor_execute", count_params)
    app = TestClient(create_app(store, pool=WorkerPool(store.url, mode="thread")), base_url="http://localhost")
    gj = app.get("/api/export/incidents.geojson")
    assert gj.status_code == 200
    feats = gj.json()["features"]
    assert len(feats) == n and len({f["id"] for f in feats}) == n
    assert sum(1 for f in feats if f["properties"]["sources"]) == 3000
    csv_lines = app.get("/api/export/acled.csv", params={"country": "SY"}).text.strip().splitlines()
    assert len(csv_lines) == store.count_incidents(country="SY") + 1
    event.remove(store.engine, "before_cursor_execute", count_params)
    assert most[0] <= 20, most[0]
    assert main(["events", "--db", store.url, "--format", "jsonl"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == n
    assert main(["events", "--db", store.url, "--format", "geojson", "--limit", "1234"]) == 0
    assert len(json.loads(capsys.readouterr().out)["features"]) == 1234


def test_the_api_list_and_stats_use_the_database(store):
    from fastapi.testclient import TestClient

    from rasd.web.app import create_app
    from rasd.web.workers import WorkerPool

    fill(store, 2500, with_sources=2500)
    c = TestClient(create_app(store, pool=WorkerPool(store.url, mode="thread")), base_url="http://localhost")
    r = c.get("/api/incidents", params={"limit": 10000}).json()
    assert r["total"] == 2500 and len(r["items"]) == 2500 and all(i["sources"] for i in r["items"])
    near = c.get("/api/incidents", params={"near": "33,39,120", "limit": 7, "offset": 2}).json()
    assert near["total"] == store.count_incidents(near=(33.0, 39.0, 120.0)) and len(near["items"]) == 7
    assert c.get("/api/stats").json()["total"] == 2500


# ------------------------------------------------------------------ item 6: values at the store boundary
def _extracted(text=GOOD, published=date(2024, 3, 5)):
    from rasd.document import from_text
    from rasd.knowledge.base import load
    from rasd.pipeline import extract

    return extract(from_text(text, "t.txt", published), load(), warn=False)


def test_an_implausible_toll_is_stored_as_unknown_with_a_warning(store, tmp_path):
    from rasd.document import from_text

    recs = _extracted()
    assert any(r["kind"] == "event" for r in recs)
    bad = [dict(r, fatalities=3_000_000_000, injuries=-4) if r["kind"] == "event" else r for r in recs]
    doc = from_text(GOOD, "t.txt", date(2024, 3, 5))
    res = store.ingest(doc, "toll", lambda d: bad)
    assert res.status == "new" and len(res.warnings) >= 2 and "implausible fatalities" in res.warnings[0]
    inc = store.incidents()
    assert inc and all(r["fatalities"] is None and r["injuries"] is None for r in inc)
    detail = store.incident_detail(inc[0]["id"])
    assert detail["records"][0]["data"]["fatalities"] is None
    ok = [dict(r, fatalities=100_000) if r["kind"] == "event" else r for r in recs]
    res = store.ingest(from_text(GOOD + " ", "u.txt", date(2024, 3, 5)), "toll-ok", lambda d: ok)
    assert not res.warnings


def test_ingest_prints_the_toll_warning_and_goes_on(store, tmp_path, monkeypatch):
    import rasd.pipeline

    real = rasd.pipeline.extract

    def inflated(doc, kb=None, warn=True):
        return [dict(r, fatalities=3_000_000_000) if r["kind"] == "event" else r for r in real(doc, kb, warn=warn)]

    monkeypatch.setattr(rasd.pipeline, "extract", inflated)
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    s, err = run(store, tmp_path / "a.txt")
    assert s.new == 1 and s.failed == 0
    assert "rasd: warning:" in err and "implausible fatalities 3000000000" in err


def test_nul_bytes_and_surrogates_in_jsonl_and_files(store, tmp_path):
    rows = tmp_path / "rows.jsonl"
    rows.write_text("\n".join([
        json.dumps({"text": "حلب - 5 مارس 2024 - قتل مدني\u0000 في قصف على حلب اليوم.", "title": "a\u0000",
                    "source": "x\u0000", "url": "https://example.org/\u0000"}),
        json.dumps({"text": "إدلب - 5 مارس 2024 - قصف \ud800 على مدينة إدلب اليوم.", "id": "sur\udc00"}),
    ]) + "\n", encoding="utf-8")
    txt = tmp_path / "nul.txt"
    txt.write_bytes(("خبر\n\n" + "حلب - 5 مارس 2024 - قصف على حلب. " * 200).encode() + b"\x00 tail\n")
    s, err = run(store, rows, txt)
    assert s.new == 3 and s.failed == 0, err
    with store.engine.connect() as conn:
        texts = [t for (t,) in conn.execute(articles.select().with_only_columns(articles.c.text))]
    assert all("\x00" not in t for t in texts) and any("\ufffd" in t for t in texts)


def test_an_oversized_jsonl_line_is_skipped_and_the_rest_is_read(store, tmp_path):
    from rasd.sources import MAX_JSONL_LINE

    f = tmp_path / "big.jsonl"
    with f.open("w", encoding="utf-8") as fh:
        fh.write(json.dumps({"text": "حلب - 5 مارس 2024 - قتل مدني في قصف على حلب اليوم.", "id": "1"}) + "\n")
        fh.write('{"text": "' + "ا" * (15 * 1024 * 1024) + '"}\n')  # a 30 MB line
        fh.write(json.dumps({"text": "قصف" * 600_000, "id": "long"}, ensure_ascii=False) + "\n")  # fits the line cap, too long an article
        fh.write(json.dumps({"text": "إدلب - 5 مارس 2024 - قصف على مدينة إدلب اليوم.", "id": "2"}) + "\n")
    assert f.stat().st_size > 30_000_000 > MAX_JSONL_LINE
    s, err = run(store, f)
    assert s.new == 2 and s.failed == 2, err
    lines = err.splitlines()
    assert f"{f}:2: line of" in lines[0] and "skipped" in lines[0]
    assert f"{f}:3:" in lines[1] and "characters" in lines[1]


def test_long_names_fit_their_columns(store, tmp_path):
    rows = tmp_path / "r.jsonl"
    rows.write_text(json.dumps({"text": "حلب - 5 مارس 2024 - قصف على حلب اليوم.", "id": "k" * 5000,
                                "source": "و" * 1000, "url": "https://example.org/" + "p" * 5000}) + "\n", encoding="utf-8")
    s, err = run(store, rows)
    assert s.new == 1, err
    s, err = run(store, rows)
    assert s.seen == 1, err  # the shortened key still identifies the article


def test_item_errors_are_one_line_without_sql_or_text(store, tmp_path, monkeypatch):
    import rasd.store.errors as errors

    log = tmp_path / "debug.log"
    monkeypatch.setenv("RASD_DEBUG_LOG", str(log))
    monkeypatch.setattr(errors, "_logger", None)
    real = Store._incident_row

    def broken(f):
        row = real(f)
        row["notes"] = "SECRET-ARTICLE-TEXT\n" * 50
        row["event_date"] = "not a date"
        return row

    monkeypatch.setattr(Store, "_incident_row", staticmethod(broken))
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.txt").write_text(GOOD.replace("حلب", "إدلب"), encoding="utf-8")
    s, err = run(store, tmp_path / "a.txt", tmp_path / "b.txt")
    assert s.failed == 2 and s.new == 0
    lines = err.splitlines()
    assert len(lines) == 2 and all(l.startswith("rasd: error: ") for l in lines)
    assert "SECRET" not in err and "INSERT" not in err and "SELECT" not in err
    errors._logger.handlers[0].flush()
    assert "INSERT INTO incidents" in log.read_text(encoding="utf-8")
    monkeypatch.setattr(errors, "_logger", None)
