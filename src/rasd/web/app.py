"""`rasd serve`: the HTTP API (FastAPI, OpenAPI at /docs) and the dashboard's static files.

Reads are open unless RASD_READ_TOKEN is set; writes (POST /api/articles) need the bearer token in
RASD_TOKEN, compared in constant time, and are refused outright when no token is configured. Bodies
are size-limited. The dashboard is plain static files with vendored libraries: no CDN, no build.
"""

from __future__ import annotations

import hmac
import io
import os
from datetime import date
from pathlib import Path
from typing import Any, Iterator

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.responses import FileResponse, JSONResponse, StreamingResponse
from fastapi.staticfiles import StaticFiles
from sqlalchemy import func, select

from rasd.export import ACLED_COLUMNS, acled_row, geojson, incident_dict
from rasd.store.db import Store
from rasd.store.schema import articles

STATIC = Path(__file__).parent / "static"
MAX_BODY = 2 * 1024 * 1024  # 2 MB: far above any news article


def _plain(v: Any) -> Any:
    return v.isoformat() if isinstance(v, date) else v


def create_app(store: Store | None = None) -> FastAPI:
    store = store or Store()
    app = FastAPI(title="rasd", description="Arabic conflict-event data: incidents, sources, evidence.",
                  version="0.1.0")
    app.state.store = store

    def read_access(request: Request) -> None:
        token = os.environ.get("RASD_READ_TOKEN")
        if token and not _token_ok(request, token):
            raise HTTPException(401, "a bearer token is required to read", headers={"WWW-Authenticate": "Bearer"})

    def write_access(request: Request) -> None:
        token = os.environ.get("RASD_TOKEN")
        if not token:
            raise HTTPException(401, "writes are disabled: set RASD_TOKEN on the server", headers={"WWW-Authenticate": "Bearer"})
        if not _token_ok(request, token):
            raise HTTPException(401, "missing or wrong bearer token", headers={"WWW-Authenticate": "Bearer"})

    def filters(since: date | None = None, until: date | None = None, country: str | None = None,
                type: str | None = None, actor: str | None = None,
                near: str | None = Query(None, description="LAT,LON,KM"), min_sources: int | None = None) -> dict[str, Any]:
        f: dict[str, Any] = dict(since=since, until=until, country=country, event_type=type, actor=actor,
                                 min_sources=min_sources)
        if near:
            try:
                lat, lon, km = (float(x) for x in near.split(","))
            except ValueError:
                raise HTTPException(422, "near must be LAT,LON,KM") from None
            f["near"] = (lat, lon, km)
        return f

    @app.get("/api/incidents", dependencies=[Depends(read_access)])
    def list_incidents(f: dict = Depends(filters), limit: int = Query(100, ge=1, le=10000),
                       offset: int = Query(0, ge=0)) -> dict[str, Any]:
        rows = store.incidents(limit=limit, offset=offset, **f)
        sources = store.sources_of(r["id"] for r in rows)
        return {"total": store.count_incidents(**f), "limit": limit, "offset": offset,
                "items": [incident_dict(r, sources.get(r["id"], [])) for r in rows]}

    @app.get("/api/incidents/{incident_id}", dependencies=[Depends(read_access)])
    def one_incident(incident_id: int) -> dict[str, Any]:
        d = store.incident_detail(incident_id)
        if d is None:
            raise HTTPException(404, f"no incident {incident_id}")
        out = incident_dict(d)
        out["records"] = [{
            "id": r["id"], "record": r["data"],
            "article": {"id": r["article_id"], "title": r["title"], "url": r["url"], "outlet": r["outlet"],
                        "published": _plain(r["published"]), "source": r["source_key"]},
        } for r in d["records"]]
        out["sources"] = sorted({r["outlet"] or r["source_key"] for r in d["records"]})
        return out

    @app.get("/api/articles", dependencies=[Depends(read_access)])
    def list_articles(limit: int = Query(50, ge=1, le=1000), offset: int = Query(0, ge=0)) -> dict[str, Any]:
        with store.engine.connect() as conn:
            total = conn.execute(select(func.count()).select_from(articles)).scalar_one()
            rows = conn.execute(select(articles.c.id, articles.c.title, articles.c.outlet, articles.c.url,
                                       articles.c.published, articles.c.n_records, articles.c.source_key)
                                .order_by(articles.c.id.desc()).limit(limit).offset(offset)).mappings().all()
        return {"total": total, "limit": limit, "offset": offset,
                "items": [{k: _plain(v) for k, v in r.items()} for r in rows]}

    @app.get("/api/articles/{article_id}", dependencies=[Depends(read_access)])
    def one_article(article_id: int) -> dict[str, Any]:
        with store.engine.connect() as conn:
            r = conn.execute(select(articles).where(articles.c.id == article_id)).mappings().first()
        if r is None:
            raise HTTPException(404, f"no article {article_id}")
        return {k: _plain(v) for k, v in r.items() if k not in ("content_hash",)}

    @app.get("/api/stats", dependencies=[Depends(read_access)])
    def stats(f: dict = Depends(filters)) -> dict[str, Any]:
        rows = store.incidents(**f)
        by_day: dict[str, int] = {}
        by_type: dict[str, int] = {}
        by_country: dict[str, int] = {}
        by_actor: dict[str, int] = {}
        for r in rows:
            d = r["event_date"].isoformat()
            by_day[d] = by_day.get(d, 0) + 1
            by_type[r["event_type"]] = by_type.get(r["event_type"], 0) + 1
            by_country[r["country_code"] or ""] = by_country.get(r["country_code"] or "", 0) + 1
            for a in (r["actor1"], r["actor2"]):
                if a:
                    by_actor[a] = by_actor.get(a, 0) + 1
        top = sorted(by_actor.items(), key=lambda kv: -kv[1])[:30]
        return {"total": len(rows), "by_day": sorted(by_day.items()), "by_type": by_type, "by_country": by_country,
                "by_actor": dict(top), "fatalities": sum(r["fatalities"] or 0 for r in rows)}

    @app.get("/api/export/acled.csv", dependencies=[Depends(read_access)])
    def export_acled(f: dict = Depends(filters)) -> StreamingResponse:
        import csv

        def rows() -> Iterator[str]:
            buf = io.StringIO()
            w = csv.DictWriter(buf, fieldnames=ACLED_COLUMNS)
            w.writeheader()
            offset, page = 0, 1000
            while True:
                chunk = store.incidents(limit=page, offset=offset, **f)
                if not chunk:
                    break
                sources = store.sources_of(r["id"] for r in chunk)
                for r in chunk:
                    w.writerow(acled_row(r, sources.get(r["id"], [])))
                yield buf.getvalue()
                buf.seek(0)
                buf.truncate()
                offset += page
            if buf.getvalue():
                yield buf.getvalue()

        return StreamingResponse(rows(), media_type="text/csv; charset=utf-8",
                                 headers={"Content-Disposition": "attachment; filename=rasd-acled.csv"})

    @app.get("/api/export/incidents.geojson", dependencies=[Depends(read_access)])
    def export_geojson(f: dict = Depends(filters)) -> JSONResponse:
        rows = store.incidents(**f)
        return JSONResponse(geojson(rows, store.sources_of(r["id"] for r in rows)),
                            headers={"Content-Disposition": "attachment; filename=rasd-incidents.geojson"})

    @app.post("/api/articles", status_code=201, dependencies=[Depends(write_access)])
    async def post_article(request: Request) -> dict[str, Any]:
        body = await _read_limited(request)
        try:
            import json

            payload = json.loads(body)
        except ValueError:
            raise HTTPException(422, "the body must be a JSON object with `text` or `url`") from None
        if not isinstance(payload, dict):
            raise HTTPException(422, "the body must be a JSON object with `text` or `url`")
        return _ingest_payload(store, payload)

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", headers={"Cache-Control": "no-cache"})

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app


def _token_ok(request: Request, token: str) -> bool:
    auth = request.headers.get("authorization", "")
    if not auth.lower().startswith("bearer "):
        return False
    return hmac.compare_digest(auth[7:].strip().encode(), token.encode())


async def _read_limited(request: Request) -> bytes:
    length = request.headers.get("content-length")
    if length and length.isdigit() and int(length) > MAX_BODY:
        raise HTTPException(413, f"body larger than {MAX_BODY // 1024} KB")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY:
            raise HTTPException(413, f"body larger than {MAX_BODY // 1024} KB")
        chunks.append(chunk)
    return b"".join(chunks)


def _ingest_payload(store: Store, payload: dict[str, Any]) -> dict[str, Any]:
    from rasd.ingest import ingest
    from rasd.knowledge.base import load
    from rasd.pipeline import extract
    from rasd.sources import ItemError, row_item

    if payload.get("text"):
        item = row_item(payload, "POST /api/articles", None, default_key="post:" + __import__("hashlib").sha256(payload["text"].encode()).hexdigest()[:24])
        if isinstance(item, ItemError):
            raise HTTPException(422, item.message)
        kb = load()
        res = store.ingest(item.doc, item.key, lambda d: extract(d, kb, warn=False))
        return {"status": res.status, "records": res.records, "incidents": res.incidents}
    url = payload.get("url")
    if isinstance(url, str) and url:
        errors = io.StringIO()
        s = ingest(store, [url], progress=False, err=errors)
        if s.failed and not (s.new or s.updated or s.seen):
            raise HTTPException(422, errors.getvalue().strip().replace("rasd: error: ", ""))
        return {"status": "new" if s.new else ("updated" if s.updated else "seen"), "records": s.records}
    raise HTTPException(422, "the body must have `text` or `url`")


def serve(db: str | None, host: str, port: int) -> None:
    import uvicorn

    app = create_app(Store(db))
    uvicorn.run(app, host=host, port=port, log_level="info")
