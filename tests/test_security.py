"""The HTTP API under attack (issue: security and robustness, round 2), on SQLite and PostgreSQL:
local paths and other schemes in `url`, wrong types and huge integers, oversized bodies, a full
worker queue, reads during a write, NUL bytes and lone surrogates, security headers, Host names,
one-line errors, and the warning for a public bind without a read token."""

from __future__ import annotations

import json
import threading
import time

import pytest
from fastapi.testclient import TestClient

from rasd.web import workers
from rasd.web.app import MAX_POST_CHARS, create_app

TOKEN = "s3cret-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
ARTICLE = {"title": "قصف", "text": "حلب - 5 مارس 2024 - قتل مدني في قصف مدفعي على مدينة حلب اليوم، بحسب مصادر محلية.",
           "published": "2024-03-05", "source": "test"}


@pytest.fixture
def api(store, monkeypatch):
    """The app with its workers as threads of the test process (the process pool is tested in test_web)."""
    monkeypatch.setenv("RASD_TOKEN", TOKEN)
    monkeypatch.delenv("RASD_READ_TOKEN", raising=False)
    pool = workers.WorkerPool(store.url, workers=1, queue=0, mode="thread")
    with TestClient(create_app(store, pool=pool), base_url="http://localhost") as c:
        yield c


# ------------------------------------------------------------------ item 2: no local paths
@pytest.mark.parametrize("url", ["/etc/passwd", "etc/passwd", "file:///etc/passwd", "ftp://example.org/x",
                                 "../../etc/shadow", "gopher://127.0.0.1/", "http:///etc/passwd", " /etc/hosts",
                                 "C:\\Windows\\win.ini", "//etc/passwd"])
def test_the_api_never_reads_local_paths(api, store, url):
    r = api.post("/api/articles", json={"url": url}, headers=AUTH)
    assert r.status_code == 422, r.text
    assert store.counts()["articles"] == 0


def test_the_api_never_fetches_local_addresses(api, store):
    for url in ("http://127.0.0.1:9/feed.xml", "http://localhost:9/", "http://[::1]:9/", "http://169.254.169.254/latest/"):
        r = api.post("/api/articles", json={"url": url}, headers=AUTH)
        assert r.status_code == 422 and "private or local" in r.json()["detail"], r.text
    assert store.counts()["articles"] == 0


# ------------------------------------------------------------------ item 6: types and ranges
@pytest.mark.parametrize("body", [
    {"text": 5}, {"text": ["قصف"]}, {"text": {"a": 1}}, {"text": True}, {"text": 2**70},
    {"title": 1, "text": "قصف"}, {"text": "قصف", "published": "yesterday"}, {"text": "قصف", "published": 20240101},
    {"url": 2**64}, {"url": ["http://example.org"]}, {"text": "قصف", "source": {"x": 1}}, {}, {"text": None},
])
def test_wrong_json_types_are_422(api, store, body):
    r = api.post("/api/articles", json=body, headers=AUTH)
    assert r.status_code == 422, (body, r.status_code, r.text)
    assert store.counts()["articles"] == 0


@pytest.mark.parametrize("raw", [b"[]", b"5", b"null", b'"text"', b"{", b"[" * 100_000 + b"]" * 100_000,
                                 b'{"text": 1e999}', b'{"text": "x"' + b", " * 10])
def test_bodies_that_are_not_objects_are_422(api, raw):
    assert api.post("/api/articles", content=raw, headers=AUTH).status_code == 422


@pytest.mark.parametrize("path", [
    "/api/incidents?limit=9223372036854775808", "/api/incidents?offset=9223372036854775808",
    "/api/incidents?offset=-1", "/api/incidents?limit=0", "/api/incidents?limit=10001", "/api/incidents?limit=abc",
    "/api/incidents?min_sources=9223372036854775808", "/api/incidents?min_sources=0",
    "/api/incidents/9223372036854775808", "/api/incidents/18446744073709551616", "/api/incidents/-1",
    "/api/incidents/abc", "/api/articles/9223372036854775808", "/api/articles?offset=99999999999999999999",
    "/api/incidents?since=2024-13-01", "/api/incidents?near=nan,0,10", "/api/incidents?near=0,0,inf",
    "/api/incidents?near=91,0,10", "/api/incidents?near=0,181,10", "/api/incidents?near=33,36,100000",
    "/api/incidents?near=33,36,-5", "/api/incidents?near=1,2", "/api/stats?near=0,0,1e9",
    "/api/export/incidents.geojson?near=0,0,5000", "/api/export/acled.csv?min_sources=99999999999",
    "/api/incidents?country=" + "X" * 100,
])
def test_out_of_range_parameters_are_422(api, path):
    assert api.get(path).status_code == 422, path


# ------------------------------------------------------------------ item 3: sizes
def test_bodies_are_capped_in_bytes_and_characters(api, store):
    over = {"text": "a" * (MAX_POST_CHARS + 1)}  # under the byte cap, over the character cap
    r = api.post("/api/articles", content=json.dumps(over), headers=AUTH)
    assert r.status_code == 413 and "characters" in r.json()["detail"]
    huge = b'{"text": "' + b"a" * (5 * 1024 * 1024) + b'"}'
    assert api.post("/api/articles", content=huge, headers=AUTH).status_code == 413

    def chunks():  # no Content-Length: refused while streaming
        for _ in range(100):
            yield b"a" * 65536

    assert api.post("/api/articles", content=chunks(), headers=AUTH).status_code == 413
    assert store.counts()["articles"] == 0


# ------------------------------------------------------------------ item 3: the worker pool
def test_a_full_queue_is_503_with_retry_after_and_reads_go_on(api, store, monkeypatch):
    release, started = threading.Event(), threading.Event()
    real = workers.ingest_text

    def slow(db_url, payload):
        started.set()
        release.wait(30)
        return real(db_url, payload)

    monkeypatch.setattr(workers, "ingest_text", slow)
    results = {}
    t = threading.Thread(target=lambda: results.setdefault("first", api.post("/api/articles", json=ARTICLE, headers=AUTH)))
    t.start()
    assert started.wait(30)
    try:
        # the one worker is busy and the queue (size 0) is full: refused at once, with Retry-After
        r = api.post("/api/articles", json=dict(ARTICLE, text=ARTICLE["text"] + " ثانية"), headers=AUTH)
        assert r.status_code == 503 and int(r.headers["retry-after"]) > 0
        # reads are answered while the write is in progress (the event loop is free)
        assert api.get("/api/incidents").status_code == 200
        assert api.get("/api/stats").status_code == 200
        assert "first" not in results
    finally:
        release.set()
        t.join(60)
    assert results["first"].status_code == 201 and results["first"].json()["status"] == "new"
    assert api.post("/api/articles", json=dict(ARTICLE, text=ARTICLE["text"] + " ثالثة"), headers=AUTH).status_code == 201


# ------------------------------------------------------------------ item 6: text cleaned before storing
def test_nul_bytes_and_lone_surrogates_are_cleaned(api, store):
    text = "حلب - 5 مارس 2024 - قتل\u0000 مدني في قصف مدفعي على مدينة حلب \ud800اليوم."
    raw = json.dumps({"text": text, "title": "x\u0000y", "source": "وكالة\udfff", "published": "2024-03-05"})
    r = api.post("/api/articles", content=raw.encode(), headers=AUTH)
    assert r.status_code == 201, r.text
    art = api.get("/api/articles").json()["items"][0]
    full = api.get(f"/api/articles/{art['id']}").json()
    assert "\x00" not in full["text"] and "\ufffd" in full["text"] and "\ufffd" in full["outlet"]
    inc = api.get("/api/incidents").json()["items"]
    assert inc
    for i in inc:  # evidence still slices the stored text
        for rec in api.get(f"/api/incidents/{i['id']}").json()["records"]:
            for ev in rec["record"]["evidence"]:
                assert full["text"][ev["start"]:ev["end"]] == ev["text"]


# ------------------------------------------------------------------ item 7: headers and hosts
def test_security_headers_on_every_answer(api):
    for path in ("/", "/api/incidents", "/api/stats", "/static/app.js", "/api/incidents/999999", "/nope"):
        h = api.get(path).headers
        csp = h["content-security-policy"]
        assert "default-src 'self'" in csp and "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
        assert h["x-content-type-options"] == "nosniff" and h["x-frame-options"] == "DENY"
        assert h["referrer-policy"] == "no-referrer"
    assert api.post("/api/articles", json={}, headers={"Authorization": "Bearer wrong"}).headers["x-frame-options"] == "DENY"


def test_only_allowed_host_names_are_answered(store, monkeypatch):
    monkeypatch.delenv("RASD_ALLOWED_HOSTS", raising=False)
    app = create_app(store, pool=workers.WorkerPool(store.url, mode="thread"))
    for base in ("http://localhost", "http://127.0.0.1:8000", "http://[::1]:8000"):
        assert TestClient(app, base_url=base).get("/api/stats").status_code == 200, base
    for evil in ("http://evil.example", "http://localhost.evil.example", "http://attacker.test:8000"):
        r = TestClient(app, base_url=evil).get("/api/stats")
        assert r.status_code == 400 and r.headers["x-frame-options"] == "DENY", evil
    custom = create_app(store, allowed_hosts=["rasd.example.org", "*.news.example"],
                        pool=workers.WorkerPool(store.url, mode="thread"))
    assert TestClient(custom, base_url="http://rasd.example.org").get("/api/stats").status_code == 200
    assert TestClient(custom, base_url="http://a.news.example").get("/api/stats").status_code == 200
    assert TestClient(custom, base_url="http://news.example").get("/api/stats").status_code == 400
    assert TestClient(custom, base_url="http://localhost").get("/api/stats").status_code == 400


def test_public_bind_without_read_token_warns(tmp_path, monkeypatch, capsys):
    import uvicorn

    from rasd.web.app import serve

    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: None)
    monkeypatch.delenv("RASD_READ_TOKEN", raising=False)
    monkeypatch.delenv("RASD_ALLOWED_HOSTS", raising=False)
    db = str(tmp_path / "w.db")
    serve(db, "127.0.0.1", 8000)
    assert "warning" not in capsys.readouterr().err
    serve(db, "0.0.0.0", 8000)
    err = capsys.readouterr().err
    assert "rasd: warning: serving on 0.0.0.0 without RASD_READ_TOKEN" in err and "--allowed-hosts" in err
    monkeypatch.setenv("RASD_READ_TOKEN", "r")
    serve(db, "0.0.0.0", 8000, allowed_hosts=["rasd.example.org"])
    assert "warning" not in capsys.readouterr().err


# ------------------------------------------------------------------ item 6: one-line errors
def test_an_unexpected_error_is_one_line_and_the_details_go_to_the_debug_log(api, store, monkeypatch, tmp_path):
    import rasd.store.errors as errors
    from sqlalchemy.exc import OperationalError

    log = tmp_path / "debug.log"
    monkeypatch.setenv("RASD_DEBUG_LOG", str(log))
    monkeypatch.setattr(errors, "_logger", None)

    def boom(**f):
        raise OperationalError("SELECT text FROM articles WHERE\n  secret = ?", {"text": "نص المقال السري"},
                               Exception("no such column: secret\nLINE 2: …"))

    monkeypatch.setattr(store, "stats", boom)
    r = api.get("/api/stats")
    assert r.status_code == 500
    detail = r.json()["detail"]
    assert "\n" not in detail and "SELECT" not in detail and "السري" not in detail
    assert "no such column" in detail
    errors._logger.handlers[0].flush()
    assert "السري" in log.read_text(encoding="utf-8") and "SELECT text FROM articles" in log.read_text(encoding="utf-8")
    monkeypatch.setattr(errors, "_logger", None)


# ------------------------------------------------------------------ held in round 1, kept under test
def test_static_files_refuse_path_traversal(api):
    for path in ("/static/../../../../etc/passwd", "/static/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
                 "/static/..%2f..%2f..%2fetc%2fpasswd", "/static/vendor/../../../../etc/passwd"):
        r = api.get(path)
        assert r.status_code in (400, 404) and "root:" not in r.text, path


def test_feeds_with_external_entities_or_entity_bombs_expand_nothing(store, tmp_path):
    from rasd.sources import Item, iter_source

    xxe = ("<?xml version='1.0'?><!DOCTYPE rss [<!ENTITY xxe SYSTEM 'file:///etc/passwd'>]>"
           "<rss version='2.0'><channel><title>t</title><item><title>a &xxe;</title><description>قصف على حلب &xxe;"
           "</description><guid>1</guid></item></channel></rss>")
    lol = "<!ENTITY lol0 'lol'>" + "".join(f"<!ENTITY lol{i} '{('&lol' + str(i - 1) + ';') * 10}'>" for i in range(1, 10))
    bomb = (f"<?xml version='1.0'?><!DOCTYPE rss [{lol}]><rss version='2.0'><channel><title>t</title><item>"
            "<title>a</title><description>قصف على حلب &lol9;</description><guid>2</guid></item></channel></rss>")
    (tmp_path / "xxe.xml").write_text(xxe, encoding="utf-8")
    (tmp_path / "bomb.xml").write_text(bomb, encoding="utf-8")
    for name in ("xxe.xml", "bomb.xml"):
        items = [i for i in iter_source(str(tmp_path / name)) if isinstance(i, Item)]
        assert all("root:" not in i.doc.text and i.doc.text.count("lol") < 1000 for i in items)
    assert [i for i in iter_source(str(tmp_path / "xxe.xml")) if isinstance(i, Item)]  # the entry itself is read
    page = ("<!DOCTYPE html [<!ENTITY xxe SYSTEM 'file:///etc/passwd'>]><html><body><article><p>"
            + "حلب - 5 مارس 2024 - قتل مدني في قصف مدفعي على مدينة حلب اليوم، بحسب مصادر محلية. " * 3
            + "&xxe;</p></article></body></html>")
    (tmp_path / "xxe.html").write_text(page, encoding="utf-8")
    for item in iter_source(str(tmp_path / "xxe.html")):
        assert not isinstance(item, Item) or "root:" not in item.doc.text


def test_the_token_comparison_is_constant_time():
    import inspect

    from rasd.web import app as web_app

    assert "hmac.compare_digest" in inspect.getsource(web_app._token_ok)


def _exit_worker(db_url):
    import os

    os._exit(3)  # a worker killed mid-job (out of memory, SIGKILL…)


def _answer(db_url):
    return {"status": 201, "body": db_url}


def test_a_killed_worker_process_is_replaced(tmp_path):
    from concurrent.futures.process import BrokenProcessPool

    pool = workers.WorkerPool(f"sqlite:///{tmp_path / 'p.db'}", workers=1, queue=0, mode="process")
    try:
        with pytest.raises(BrokenProcessPool):
            pool.submit(_exit_worker).result(120)
        for _ in range(100):  # the done-callback frees the slot
            if pool.pending == 0:
                break
            time.sleep(0.05)
        assert pool.submit(_answer).result(120)["status"] == 201
    finally:
        pool.close()


def test_workers_leave_when_the_server_dies(tmp_path):
    """A server killed without stopping its pool (SIGKILL, crash): its worker processes exit by
    themselves instead of living on with their database connections."""
    import os
    import subprocess
    import sys

    (tmp_path / "jobs.py").write_text("import os\n\ndef pid(db_url):\n    return os.getpid()\n", encoding="utf-8")
    script = (f"import os, sys\nsys.path.insert(0, {str(tmp_path)!r})\nimport jobs\n"
              "from rasd.web.workers import WorkerPool\n"
              f"pool = WorkerPool('sqlite:///{tmp_path / 'p.db'}', workers=1, queue=0, mode='process')\n"
              "print(pool.submit(jobs.pid).result(120), flush=True)\nos._exit(0)\n")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=180)
    pid = int(out.stdout.strip())
    for _ in range(100):  # bounded: up to ~10 s
        if not os.path.exists(f"/proc/{pid}"):
            break
        time.sleep(0.1)
    assert not os.path.exists(f"/proc/{pid}"), "the worker outlived the server"
