"""`rasd serve`: the HTTP API (FastAPI, OpenAPI at /docs) and the dashboard's static files.

Reads are open unless RASD_READ_TOKEN is set; writes (POST /api/articles) need the bearer token in
RASD_TOKEN, compared in constant time, and are refused outright when no token is configured.

* Bodies are capped in bytes (read as a stream, refused at the cap) and the article text in
  characters; request fields have strict types and integer parameters have ranges (a wrong type or
  an out-of-range number is a 422, never a 500).
* `url` must be an http(s) URL, fetched under rasd.fetch's guards (never a private address); a local
  path is never read.
* Fetching, extraction and the store write run in a worker pool (rasd.web.workers) with a bounded
  queue: reads stay fast during writes, and a full queue answers 503 with Retry-After.
* Lists, counts, statistics and exports are computed by the database (GROUP BY; keyset pages;
  exports streamed), so their memory does not grow with the store.
* Every answer carries security headers and the Host header must be an allowed name
  (rasd.web.security). An unexpected error is a one-line JSON 500; its details go to the debug log.

The dashboard is plain static files with vendored libraries: no CDN, no build.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import os
import sys
from concurrent.futures.process import BrokenProcessPool
from contextlib import asynccontextmanager
from datetime import date
from pathlib import Path
from typing import Any, AsyncIterator
from urllib.parse import urlsplit

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, StreamingResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, Field, StrictStr, ValidationError, field_validator
from sqlalchemy import func, select

from rasd.export import incident_dict, iter_acled_csv, iter_geojson
from rasd.store.db import Store, parse_near
from rasd.store.sanitize import clean_value
from rasd.store.schema import articles
from rasd.web import workers
from rasd.web.security import Hardening, default_hosts, is_loopback, tile_origins_from_env

STATIC = Path(__file__).parent / "static"
MAX_BODY = 4 * 1024 * 1024  # bytes: a 500k-character Arabic article even as \u-escaped JSON
MAX_POST_CHARS = 500_000  # characters of article text in one POST (far above any news article)
MAX_ID = 2**31 - 1  # ids and offsets are 32-bit integers on both backends
MAX_PAGE = 10_000  # incidents in one page (the dashboard asks for up to this many)


def _plain(v: Any) -> Any:
    return v.isoformat() if isinstance(v, date) else v


class ArticleIn(BaseModel):
    """POST /api/articles: `text` (with optional title, published, source, id) or `url`."""

    model_config = ConfigDict(extra="ignore")
    text: StrictStr | None = Field(None, description=f"article body, up to {MAX_POST_CHARS:,} characters")
    title: StrictStr | None = Field(None, max_length=1000)
    url: StrictStr | None = Field(None, max_length=2048, description="an http(s) URL (alone: fetch the page or feed)")
    published: StrictStr | None = Field(None, max_length=40, description="YYYY-MM-DD")
    source: StrictStr | None = Field(None, max_length=255, description="outlet name")
    id: StrictStr | None = Field(None, max_length=1024, description="your id for the article (re-posting replaces)")

    @field_validator("published")
    @classmethod
    def _iso_date(cls, v: str | None) -> str | None:
        if v is not None:
            date.fromisoformat(v[:10])  # ValueError -> 422
        return v


def create_app(store: Store | None = None, allowed_hosts: list[str] | None = None,
               pool: workers.WorkerPool | None = None) -> FastAPI:
    store = store or Store()
    pool = pool or workers.WorkerPool(store.url)
    pool.use_store(store)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        pool.close()

    app = FastAPI(title="rasd", description="Arabic conflict-event data: incidents, sources, evidence.",
                  version="0.1.0", lifespan=lifespan)
    app.state.store = store
    app.state.pool = pool

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

    def filters(since: date | None = None, until: date | None = None,
                country: str | None = Query(None, max_length=8), type: str | None = Query(None, max_length=200),
                actor: str | None = Query(None, max_length=200),
                near: str | None = Query(None, max_length=100, description="LAT,LON,KM (KM up to 500)"),
                min_sources: int | None = Query(None, ge=1, le=MAX_ID),
                min_confidence: float | None = Query(None, ge=0.0, le=1.0)) -> dict[str, Any]:
        f: dict[str, Any] = dict(since=since, until=until, country=country, event_type=type, actor=actor,
                                 min_sources=min_sources, min_confidence=min_confidence)
        if near:
            try:
                f["near"] = parse_near(near)
            except ValueError as exc:
                raise HTTPException(422, str(exc)) from None
        return f

    @app.get("/api/incidents", dependencies=[Depends(read_access)])
    def list_incidents(f: dict = Depends(filters), limit: int = Query(100, ge=1, le=MAX_PAGE),
                       offset: int = Query(0, ge=0, le=MAX_ID)) -> dict[str, Any]:
        rows = store.incidents_page(limit=limit, offset=offset, **f)
        return {"total": store.count_incidents(**f), "limit": limit, "offset": offset,
                "items": [incident_dict(r, r["sources"]) for r in rows]}

    @app.get("/api/incidents/{incident_id}", dependencies=[Depends(read_access)])
    def one_incident(incident_id: int = PathParam(ge=1, le=MAX_ID)) -> dict[str, Any]:
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
    def list_articles(limit: int = Query(50, ge=1, le=1000), offset: int = Query(0, ge=0, le=MAX_ID)) -> dict[str, Any]:
        with store.engine.connect() as conn:
            total = conn.execute(select(func.count()).select_from(articles)).scalar_one()
            rows = conn.execute(select(articles.c.id, articles.c.title, articles.c.outlet, articles.c.url,
                                       articles.c.published, articles.c.n_records, articles.c.source_key)
                                .order_by(articles.c.id.desc()).limit(limit).offset(offset)).mappings().all()
        return {"total": total, "limit": limit, "offset": offset,
                "items": [{k: _plain(v) for k, v in r.items()} for r in rows]}

    @app.get("/api/articles/{article_id}", dependencies=[Depends(read_access)])
    def one_article(article_id: int = PathParam(ge=1, le=MAX_ID)) -> dict[str, Any]:
        with store.engine.connect() as conn:
            r = conn.execute(select(articles).where(articles.c.id == article_id)).mappings().first()
        if r is None:
            raise HTTPException(404, f"no article {article_id}")
        return {k: _plain(v) for k, v in r.items() if k not in ("content_hash",)}

    @app.get("/api/stats", dependencies=[Depends(read_access)])
    def stats(f: dict = Depends(filters)) -> dict[str, Any]:
        return store.stats(**f)

    @app.get("/api/export/acled.csv", dependencies=[Depends(read_access)])
    def export_acled(f: dict = Depends(filters)) -> StreamingResponse:
        return StreamingResponse(iter_acled_csv(store.iter_incidents(**f)), media_type="text/csv; charset=utf-8",
                                 headers={"Content-Disposition": "attachment; filename=rasd-acled.csv"})

    @app.get("/api/export/incidents.geojson", dependencies=[Depends(read_access)])
    def export_geojson(f: dict = Depends(filters)) -> StreamingResponse:
        return StreamingResponse(iter_geojson(store.iter_incidents(**f)), media_type="application/geo+json",
                                 headers={"Content-Disposition": "attachment; filename=rasd-incidents.geojson"})

    @app.post("/api/articles", status_code=201, dependencies=[Depends(write_access)],
              openapi_extra={"requestBody": {"required": True, "content": {
                  "application/json": {"schema": ArticleIn.model_json_schema()}}}},
              responses={413: {"description": "body or text too large"}, 422: {"description": "invalid body"},
                         503: {"description": "workers busy: retry after Retry-After seconds"}})
    async def post_article(request: Request) -> JSONResponse:
        body = await _read_limited(request)
        try:
            payload = json.loads(body)
        except (ValueError, RecursionError):
            raise HTTPException(422, "the body must be a JSON object with `text` or `url`") from None
        if not isinstance(payload, dict):
            raise HTTPException(422, "the body must be a JSON object with `text` or `url`")
        payload = clean_value(payload)  # NUL and lone surrogates (valid JSON escapes) -> U+FFFD
        text = payload.get("text")
        if isinstance(text, str) and len(text) > MAX_POST_CHARS:
            raise HTTPException(413, f"text of {len(text):,} characters, more than {MAX_POST_CHARS:,}")
        try:
            art = ArticleIn.model_validate(payload)
        except ValidationError as exc:
            raise RequestValidationError(exc.errors(include_url=False, include_context=False, include_input=False)) from None
        if art.text is not None:
            job, arg = workers.ingest_text, art.model_dump(exclude_none=True)
        elif art.url is not None:
            _check_http_url(art.url)
            job, arg = workers.ingest_url, art.url.strip()
        else:
            raise HTTPException(422, "the body must have `text` or `url`")
        try:
            fut = pool.submit(job, arg)
        except workers.Busy:
            raise HTTPException(503, "all workers are busy; try again shortly",
                                headers={"Retry-After": str(workers.RETRY_AFTER)}) from None
        except BrokenProcessPool:
            raise HTTPException(503, "the worker stopped; try again", headers={"Retry-After": str(workers.RETRY_AFTER)}) from None
        try:
            result = await asyncio.wrap_future(fut)
        except BrokenProcessPool:
            raise HTTPException(503, "the worker stopped; try again", headers={"Retry-After": str(workers.RETRY_AFTER)}) from None
        if result["status"] != 201:
            headers = {"Retry-After": str(workers.RETRY_AFTER * 6)} if result["status"] == 503 else None
            raise HTTPException(result["status"], result["detail"], headers=headers)
        return JSONResponse(result["body"], status_code=201)

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", headers={"Cache-Control": "no-cache"})

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_middleware(_OneLineErrors)
    hosts = allowed_hosts or _env_hosts() or default_hosts()
    app.add_middleware(Hardening, allowed_hosts=hosts, tile_origins=tile_origins_from_env())
    return app


def _env_hosts() -> list[str]:
    return [h.strip() for h in os.environ.get("RASD_ALLOWED_HOSTS", "").split(",") if h.strip()]


def _check_http_url(url: str) -> None:
    """The API fetches web pages, never local paths or other schemes: anything else is a 422."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        raise HTTPException(422, "`url` must be an http(s) URL") from None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise HTTPException(422, "`url` must be an http(s) URL")


class _OneLineErrors:
    """An unexpected exception becomes a one-line JSON answer (500, or 503 when the store is down);
    the traceback, with any SQL and article text, goes to the debug log and not to the terminal."""

    def __init__(self, app: Any):
        self.app = app

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def watch(message: dict) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, watch)
        except Exception as exc:
            from rasd.store.errors import log_debug, one_line, store_failure

            log_debug(f"{scope.get('method')} {scope.get('path')}", exc)
            if started:  # a stream broke midway: nothing more can be said to this client
                return
            fatal = store_failure(exc)
            status = 503 if fatal else 500
            detail = f"the store is unavailable: {fatal}" if fatal else f"internal error ({one_line(exc)[:120]})"
            body = json.dumps({"detail": detail}).encode()
            headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
            if fatal:
                headers.append((b"retry-after", b"30"))
            await send({"type": "http.response.start", "status": status, "headers": headers})
            await send({"type": "http.response.body", "body": body})


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


def serve(db: str | None, host: str, port: int, allowed_hosts: list[str] | None = None) -> None:
    import uvicorn

    hosts = allowed_hosts or _env_hosts() or default_hosts(host)
    if not is_loopback(host):
        if not os.environ.get("RASD_READ_TOKEN"):
            print(f"rasd: warning: serving on {host} without RASD_READ_TOKEN: anyone who can reach this address "
                  "can read every stored article; set RASD_READ_TOKEN to require a token for reads", file=sys.stderr)
        if not (allowed_hosts or _env_hosts()):
            print(f"rasd: note: answering only to Host names {', '.join(hosts)}; "
                  "add the names clients use with --allowed-hosts", file=sys.stderr)
    app = create_app(Store(db), allowed_hosts=hosts)
    uvicorn.run(app, host=host, port=port, log_level="info", server_header=False)
