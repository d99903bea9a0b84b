"""The event store: SQLite by default (one file, WAL), PostgreSQL for shared deployments.

Each article is ingested in one transaction: its row, its records, and the incidents its event
records fuse into are written together or not at all, so a crash or a bad input never leaves half an
article behind. Re-ingesting the same article (same source, same content) changes nothing; a changed
article replaces its records and the incidents they touched are recomputed.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from sqlalchemy import and_, create_engine, delete, event, func, insert, literal, or_, select, update
from sqlalchemy.engine import Connection, Engine

from rasd.document import Document
from rasd.store import fusion
from rasd.store.sanitize import check_record, clean_text, fit, fit_key
from rasd.store.schema import articles, incidents, records

MAX_NEAR_KM = 500.0  # a `near` radius larger than this is a region: use --country
PAGE = 1000  # incidents per page when streaming (keyset pagination: never OFFSET, never IN-lists of ids)


def default_url() -> str:
    url = os.environ.get("RASD_DB")
    if url:
        return url
    home = Path(os.environ.get("RASD_HOME") or os.path.expanduser("~/.local/share/rasd"))
    home.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{home / 'rasd.db'}"


def normalize_url(url: str) -> str:
    """Accept plain paths and postgres:// URLs as well as SQLAlchemy URLs."""
    if "://" not in url:
        return f"sqlite:///{Path(url).expanduser().resolve()}"
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://"):]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    return url


@dataclass
class IngestResult:
    status: str  # new | seen | updated | failed
    records: int = 0
    incidents: int = 0
    error: str | None = None
    warnings: list[str] = field(default_factory=list)  # values set aside at the store boundary


def check_near(near: tuple[float, float, float]) -> tuple[float, float, float]:
    """A `near` filter that makes sense: finite numbers, a real point, a radius up to MAX_NEAR_KM."""
    try:
        lat, lon, km = (float(x) for x in near)
    except (TypeError, ValueError):
        raise ValueError("near must be LAT,LON,KM") from None
    if not all(math.isfinite(x) for x in (lat, lon, km)):
        raise ValueError("near must be three finite numbers")
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError("near: latitude must be within ±90 and longitude within ±180")
    if not 0 <= km <= MAX_NEAR_KM:
        raise ValueError(f"near: the radius must be from 0 to {MAX_NEAR_KM:g} km")
    return lat, lon, km


def parse_near(s: str) -> tuple[float, float, float]:
    parts = s.split(",")
    if len(parts) != 3:
        raise ValueError("near must be LAT,LON,KM")
    return check_near(tuple(parts))  # type: ignore[arg-type]


class Store:
    def __init__(self, url: str | None = None, migrate: bool = True):
        self.url = normalize_url(url or default_url())
        fusion.load_sides()
        self.engine: Engine = create_engine(self.url, future=True)
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        if migrate:
            self.migrate()

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def migrate(self) -> None:
        from alembic import command
        from alembic.config import Config

        cfg = Config()
        cfg.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
        with self.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")

    def close(self) -> None:
        self.engine.dispose()

    # ------------------------------------------------------------------ ingest
    def ingest(self, doc: Document, source_key: str, extract: Callable[[Document], list[dict[str, Any]]]) -> IngestResult:
        _fit_document(doc)
        source_key = fit_key(source_key)
        content_hash = hashlib.sha256(doc.text.encode("utf-8")).hexdigest()
        with self.engine.begin() as conn:
            existing = conn.execute(select(articles.c.id, articles.c.content_hash).where(articles.c.source_key == source_key)).first()
            if existing is not None and (existing.content_hash == content_hash or doc.meta.get("partial")):
                return IngestResult("seen")
            if existing is None:
                twin = conn.execute(select(articles.c.id).where(articles.c.doc_id == doc.doc_id).limit(1)).first()
                if twin is not None:
                    return IngestResult("seen")  # the same text under another name
        recs, warnings = [], []
        for r in extract(doc):  # outside the transaction: the slow part holds no lock
            r, w = check_record(r)
            recs.append(r)
            warnings.extend(w)
        with self.engine.begin() as conn:
            touched: set[int] = set()
            existing = conn.execute(select(articles.c.id).where(articles.c.source_key == source_key)).first()
            row = dict(
                source_key=source_key, doc_id=doc.doc_id, content_hash=content_hash, title=doc.title, text=doc.text,
                outlet=doc.outlet, url=doc.url, published=doc.published, published_source=doc.published_source,
                language=doc.language, input=doc.input, ingested_at=datetime.now(timezone.utc), status="ok",
                n_records=len(recs),
            )
            if existing is not None:
                article_id = existing.id
                old = conn.execute(select(records.c.incident_id).where(records.c.article_id == article_id)).scalars()
                touched |= {i for i in old if i is not None}
                conn.execute(delete(records).where(records.c.article_id == article_id))
                conn.execute(update(articles).where(articles.c.id == article_id).values(**row))
                status = "updated"
            else:
                article_id = conn.execute(insert(articles).values(**row)).inserted_primary_key[0]
                status = "new"
            for r in recs:
                incident_id = None
                if r["kind"] == "event" and r.get("event_date") and r.get("country_code"):
                    member = dict(r, source=source_key, published=doc.published.isoformat() if doc.published else None)
                    incident_id = self._fuse(conn, member)
                    touched.add(incident_id)
                conn.execute(insert(records).values(
                    article_id=article_id, incident_id=incident_id, kind=r["kind"],
                    event_date=_d(r.get("event_date") or r.get("period_start")), country_code=fit(r.get("country_code"), 2),
                    event_type=fit(r.get("event_type"), 64), latitude=r.get("latitude"), longitude=r.get("longitude"), data=r,
                ))
            for inc in touched:
                self._refresh(conn, inc)
        return IngestResult(status, len(recs), len(touched), warnings=warnings)

    def _fuse(self, conn: Connection, rec: dict[str, Any]) -> int:
        """Attach the record to the best compatible incident of its block, or open a new one."""
        d = _d(rec["event_date"])
        w = fusion.date_window(rec) + 15  # incidents of coarse precision reach further
        cond = [incidents.c.country_code == rec["country_code"],
                incidents.c.event_date >= d - timedelta(days=w), incidents.c.event_date <= d + timedelta(days=w)]
        if rec.get("latitude") is not None:  # a box of ~1° around the point, plus placeless incidents
            lat, lon = rec["latitude"], rec["longitude"]
            cond.append(or_(incidents.c.latitude.is_(None), and_(
                incidents.c.latitude.between(lat - 1.0, lat + 1.0), incidents.c.longitude.between(lon - 1.2, lon + 1.2))))
        rows = conn.execute(select(incidents).where(and_(*cond)).order_by(incidents.c.id)).mappings().all()
        best, best_score = None, None
        for inc in rows:
            s = fusion.match_score(dict(inc), rec)
            if s is not None and (best_score is None or s < best_score):
                best, best_score = inc["id"], s
        if best is not None:
            return best
        fields = fusion.fuse_fields([rec])
        return conn.execute(insert(incidents).values(**self._incident_row(fields))).inserted_primary_key[0]

    def _members(self, conn: Connection, incident_id: int) -> list[dict[str, Any]]:
        rows = conn.execute(
            select(records.c.data, articles.c.source_key, articles.c.published, articles.c.outlet)
            .join(articles, articles.c.id == records.c.article_id)
            .where(records.c.incident_id == incident_id)
        ).all()
        out = []
        for data, key, published, outlet in rows:
            m = dict(_json(data))
            m["source"], m["published"], m["outlet"] = key, published.isoformat() if published else None, outlet
            out.append(m)
        return out

    def _refresh(self, conn: Connection, incident_id: int) -> None:
        members = self._members(conn, incident_id)
        if not members:
            conn.execute(delete(incidents).where(incidents.c.id == incident_id))
            return
        fields = fusion.fuse_fields(members)
        conn.execute(update(incidents).where(incidents.c.id == incident_id).values(**self._incident_row(fields)))

    @staticmethod
    def _incident_row(f: dict[str, Any]) -> dict[str, Any]:
        from rasd.notes import event_note

        note_fields = dict(f)
        notes = event_note(note_fields) + f" Reported by {f['n_sources']} source{'s' if f['n_sources'] != 1 else ''}."
        return dict(
            event_date=_d(f["event_date"]), time_precision=f.get("time_precision"), event_type=f.get("event_type"),
            sub_event_type=f.get("sub_event_type"), actor1=f.get("actor1"), actor1_basis=f.get("actor1_basis"),
            assoc_actor_1="; ".join(f.get("assoc_actor_1") or []) or None, actor2=f.get("actor2"),
            assoc_actor_2="; ".join(f.get("assoc_actor_2") or []) or None, country_code=f.get("country_code"),
            country=f.get("country"), admin1=f.get("admin1"), admin2=f.get("admin2"), location=f.get("location"),
            latitude=f.get("latitude"), longitude=f.get("longitude"), geo_precision=f.get("geo_precision"),
            weapon=f.get("weapon"), fatalities=f.get("fatalities"), injuries=f.get("injuries"),
            n_sources=f["n_sources"], n_records=f["n_records"], support=f.get("support"), notes=notes,
            confidence=f.get("confidence"),
            updated_at=datetime.now(timezone.utc),
        )

    # ------------------------------------------------------------------ queries
    def counts(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            return {
                "articles": conn.execute(select(func.count()).select_from(articles)).scalar_one(),
                "records": conn.execute(select(func.count()).select_from(records)).scalar_one(),
                "incidents": conn.execute(select(func.count()).select_from(incidents)).scalar_one(),
            }

    def _conditions(self, since: date | None = None, until: date | None = None, country: str | None = None,
                    event_type: str | None = None, actor: str | None = None,
                    near: tuple[float, float, float] | None = None, min_sources: int | None = None,
                    min_confidence: float | None = None) -> list[Any]:
        """The `rasd events` filters as SQL conditions (the near filter too: a bounding box the indexes
        can use, then the exact great-circle distance, computed by the database)."""
        c: list[Any] = []
        if since:
            c.append(incidents.c.event_date >= since)
        if until:
            c.append(incidents.c.event_date <= until)
        if country:
            c.append(incidents.c.country_code == country.upper())
        if event_type:
            t = f"%{event_type.lower()}%"
            c.append(or_(func.lower(incidents.c.event_type).like(t), func.lower(incidents.c.sub_event_type).like(t)))
        if actor:
            a = f"%{actor.lower()}%"
            c.append(or_(func.lower(incidents.c.actor1).like(a), func.lower(incidents.c.actor2).like(a),
                         func.lower(incidents.c.assoc_actor_1).like(a), func.lower(incidents.c.assoc_actor_2).like(a)))
        if min_sources:
            c.append(incidents.c.n_sources >= min_sources)
        if min_confidence is not None:
            c.append(incidents.c.confidence >= min_confidence)
        if near:
            lat, lon, km = check_near(near)
            dlat = km / 111.0
            dlon = km / max(1.0, 111.0 * abs(math.cos(math.radians(lat))))
            c.append(incidents.c.latitude.between(lat - dlat, lat + dlat))
            c.append(incidents.c.longitude.between(lon - dlon, lon + dlon))
            c.append(self._km_from(lat, lon) <= km)
        return c

    def _km_from(self, lat: float, lon: float) -> Any:
        """Great-circle distance in km from a point to each incident, as an SQL expression."""
        if self.dialect == "sqlite":
            return func.rasd_km(lat, lon, incidents.c.latitude, incidents.c.longitude)
        p1, p2 = func.radians(literal(lat)), func.radians(incidents.c.latitude)
        a = (func.power(func.sin((p2 - p1) / 2.0), 2)
             + func.cos(p1) * func.cos(p2) * func.power(func.sin(func.radians(incidents.c.longitude - lon) / 2.0), 2))
        return 6371.0 * 2.0 * func.asin(func.least(1.0, func.sqrt(a)))

    def incident_query(self, **filters: Any):
        """A SELECT over incidents with the `rasd events` filters, newest first."""
        return (select(incidents).where(*self._conditions(**filters))
                .order_by(incidents.c.event_date.desc(), incidents.c.id.desc()))

    def incidents(self, limit: int | None = None, offset: int = 0, **filters: Any) -> list[dict[str, Any]]:
        """One page of incidents (for the whole set, use iter_incidents: it streams)."""
        q = self.incident_query(**filters)
        if limit is not None:
            q = q.limit(limit).offset(offset)
        elif offset:
            q = q.offset(offset)
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(q).mappings()]

    def incidents_page(self, limit: int, offset: int = 0, **filters: Any) -> list[dict[str, Any]]:
        """A page of incidents, each with its `sources` (fetched by a join on the same page, no id list)."""
        q = self.incident_query(**filters).limit(limit).offset(offset)
        with self.engine.connect() as conn:
            rows = [dict(r) for r in conn.execute(q).mappings()]
            sources = self._sources_in(conn, q) if rows else {}
        for r in rows:
            r["sources"] = sources.get(r["id"], [])
        return rows

    def iter_incidents(self, limit: int | None = None, with_sources: bool = True, page: int = PAGE,
                       **filters: Any) -> Iterator[dict[str, Any]]:
        """Every matching incident, newest first, in keyset pages (WHERE (date, id) < last seen): memory
        and time per page stay flat however many incidents match, on SQLite and PostgreSQL alike.
        Each row carries its `sources` when with_sources is set."""
        conds = self._conditions(**filters)
        last: tuple[date, int] | None = None
        n = 0
        while limit is None or n < limit:
            size = page if limit is None else min(page, limit - n)
            q = select(incidents).where(*conds)
            if last is not None:  # (date, id) < last; the plain `date <= last date` lets both planners use the index
                q = q.where(incidents.c.event_date <= last[0],
                            or_(incidents.c.event_date < last[0],
                                and_(incidents.c.event_date == last[0], incidents.c.id < last[1])))
            q = q.order_by(incidents.c.event_date.desc(), incidents.c.id.desc()).limit(size)
            with self.engine.connect() as conn:
                rows = [dict(r) for r in conn.execute(q).mappings()]
                sources = self._sources_in(conn, q) if rows and with_sources else {}
            for r in rows:
                if with_sources:
                    r["sources"] = sources.get(r["id"], [])
                yield r
            n += len(rows)
            if len(rows) < size:
                return
            last = (rows[-1]["event_date"], rows[-1]["id"])

    @staticmethod
    def _sources_in(conn: Connection, page_query: Any) -> dict[int, list[str]]:
        """Outlets (or source keys) of the incidents a page query selects: a join against the page's
        own subquery, so no list of ids is ever sent (no parameter limits on either backend)."""
        ids = page_query.with_only_columns(incidents.c.id).subquery()
        q = (select(records.c.incident_id, articles.c.outlet, articles.c.source_key)
             .join(articles, articles.c.id == records.c.article_id)
             .where(records.c.incident_id.in_(select(ids.c.id)))
             .order_by(records.c.incident_id, records.c.id))
        out: dict[int, list[str]] = {}
        for inc, outlet, key in conn.execute(q):
            name = outlet or key
            names = out.setdefault(inc, [])
            if name not in names:
                names.append(name)
        return out

    def count_incidents(self, **filters: Any) -> int:
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(incidents).where(*self._conditions(**filters))).scalar_one()

    def stats(self, top_actors: int = 30, **filters: Any) -> dict[str, Any]:
        """Counts for the dashboard, aggregated by the database (GROUP BY): nothing is loaded row by row."""
        conds = self._conditions(**filters)

        def grouped(conn: Connection, col: Any) -> list[tuple[Any, int]]:
            return [tuple(r) for r in conn.execute(
                select(col, func.count()).select_from(incidents).where(*conds).group_by(col).order_by(col))]

        with self.engine.connect() as conn:
            total, killed = conn.execute(select(func.count(), func.coalesce(func.sum(incidents.c.fatalities), 0))
                                         .select_from(incidents).where(*conds)).one()
            by_day = [(_d(d).isoformat(), n) for d, n in grouped(conn, incidents.c.event_date)]
            by_type = {t: n for t, n in grouped(conn, incidents.c.event_type)}
            by_country = {(c or ""): n for c, n in grouped(conn, incidents.c.country_code)}
            a1 = select(incidents.c.actor1.label("actor")).where(*conds, incidents.c.actor1.is_not(None))
            a2 = select(incidents.c.actor2.label("actor")).where(*conds, incidents.c.actor2.is_not(None))
            both = a1.union_all(a2).subquery()
            n = func.count().label("n")
            top = conn.execute(select(both.c.actor, n).group_by(both.c.actor)
                               .order_by(n.desc(), both.c.actor).limit(top_actors)).all()
        return {"total": total, "by_day": by_day, "by_type": by_type, "by_country": by_country,
                "by_actor": {a: c for a, c in top}, "fatalities": int(killed or 0)}

    def incident_detail(self, incident_id: int) -> dict[str, Any] | None:
        with self.engine.connect() as conn:
            inc = conn.execute(select(incidents).where(incidents.c.id == incident_id)).mappings().first()
            if inc is None:
                return None
            rows = conn.execute(
                select(records.c.id, records.c.data, articles.c.id.label("article_id"), articles.c.title,
                       articles.c.url, articles.c.outlet, articles.c.published, articles.c.source_key)
                .join(articles, articles.c.id == records.c.article_id)
                .where(records.c.incident_id == incident_id).order_by(articles.c.published, records.c.id)
            ).mappings().all()
        out = dict(inc)
        out["records"] = [dict(r, data=_json(r["data"])) for r in rows]
        return out

    def sources_of(self, incident_ids: Iterable[int]) -> dict[int, list[str]]:
        """Outlets of the given incidents (kept for callers holding a list of ids; sent in chunks well
        under both backends' parameter limits). Streaming paths use iter_incidents instead."""
        ids = list(dict.fromkeys(incident_ids))
        out: dict[int, list[str]] = {}
        with self.engine.connect() as conn:
            for i in range(0, len(ids), 500):
                for inc, outlet, key in conn.execute(
                    select(records.c.incident_id, articles.c.outlet, articles.c.source_key)
                    .join(articles, articles.c.id == records.c.article_id)
                    .where(records.c.incident_id.in_(ids[i:i + 500])).order_by(records.c.incident_id, records.c.id)
                ):
                    name = outlet or key
                    if name not in out.setdefault(inc, []):
                        out[inc].append(name)
        return out


def _fit_document(doc: Document) -> None:
    """The article as the store keeps it: no NUL or lone surrogates (replaced one for one, so offsets
    hold), and short fields that fit their columns."""
    doc.text = clean_text(doc.text)
    doc.title = clean_text(doc.title or "")
    doc.outlet = fit(doc.outlet, 255)
    url = clean_text(doc.url) if isinstance(doc.url, str) else None
    doc.url = url if url and len(url) <= 2048 else None
    doc.input = fit(doc.input, 1024) or ""


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.close()
    dbapi_conn.create_function("rasd_km", 4, _km, deterministic=True)


def _km(lat1: float | None, lon1: float | None, lat2: float | None, lon2: float | None) -> float | None:
    """The same formula as rasd.knowledge.places.haversine_km, registered as SQLite's rasd_km()."""
    if lat1 is None or lon1 is None or lat2 is None or lon2 is None:
        return None
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def _d(v: Any) -> date | None:
    if v is None or isinstance(v, date):
        return v
    return date.fromisoformat(str(v)[:10])


def _json(v: Any) -> Any:
    return json.loads(v) if isinstance(v, str) else v
