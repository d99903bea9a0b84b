"""The event store: SQLite by default (one file, WAL), PostgreSQL for shared deployments.

Each article is ingested in one transaction: its row, its records, and the incidents its event
records fuse into are written together or not at all, so a crash or a bad input never leaves half an
article behind. Re-ingesting the same article (same source, same content) changes nothing; a changed
article replaces its records and the incidents they touched are recomputed.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Callable, Iterable

from sqlalchemy import and_, create_engine, delete, event, func, insert, or_, select, update
from sqlalchemy.engine import Connection, Engine

from rasd.document import Document
from rasd.store import fusion
from rasd.store.schema import articles, incidents, records


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


class Store:
    def __init__(self, url: str | None = None, migrate: bool = True):
        self.url = normalize_url(url or default_url())
        _load_sides()
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
        content_hash = hashlib.sha256(doc.text.encode("utf-8")).hexdigest()
        with self.engine.begin() as conn:
            existing = conn.execute(select(articles.c.id, articles.c.content_hash).where(articles.c.source_key == source_key)).first()
            if existing is not None and (existing.content_hash == content_hash or doc.meta.get("partial")):
                return IngestResult("seen")
            if existing is None:
                twin = conn.execute(select(articles.c.id).where(articles.c.doc_id == doc.doc_id).limit(1)).first()
                if twin is not None:
                    return IngestResult("seen")  # the same text under another name
        recs = extract(doc)  # outside the transaction: the slow part holds no lock
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
                    event_date=_d(r.get("event_date") or r.get("period_start")), country_code=r.get("country_code"),
                    event_type=r.get("event_type"), latitude=r.get("latitude"), longitude=r.get("longitude"), data=r,
                ))
            for inc in touched:
                self._refresh(conn, inc)
        return IngestResult(status, len(recs), len(touched))

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
        from rasd.extract.notes import event_note

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

    def incident_query(self, since: date | None = None, until: date | None = None, country: str | None = None,
                       event_type: str | None = None, actor: str | None = None,
                       near: tuple[float, float, float] | None = None, min_sources: int | None = None):
        """A SELECT over incidents with the `rasd events` filters (the near filter is a bounding box
        here; `incidents()` finishes it with the exact distance)."""
        q = select(incidents)
        if since:
            q = q.where(incidents.c.event_date >= since)
        if until:
            q = q.where(incidents.c.event_date <= until)
        if country:
            q = q.where(incidents.c.country_code == country.upper())
        if event_type:
            t = f"%{event_type.lower()}%"
            q = q.where(or_(func.lower(incidents.c.event_type).like(t), func.lower(incidents.c.sub_event_type).like(t)))
        if actor:
            a = f"%{actor.lower()}%"
            q = q.where(or_(func.lower(incidents.c.actor1).like(a), func.lower(incidents.c.actor2).like(a),
                            func.lower(incidents.c.assoc_actor_1).like(a), func.lower(incidents.c.assoc_actor_2).like(a)))
        if min_sources:
            q = q.where(incidents.c.n_sources >= min_sources)
        if near:
            lat, lon, km = near
            dlat = km / 111.0
            dlon = km / max(1.0, 111.0 * abs(__import__("math").cos(__import__("math").radians(lat))))
            q = q.where(and_(incidents.c.latitude.between(lat - dlat, lat + dlat),
                             incidents.c.longitude.between(lon - dlon, lon + dlon)))
        return q.order_by(incidents.c.event_date.desc(), incidents.c.id.desc())

    def incidents(self, limit: int | None = None, offset: int = 0, **filters: Any) -> list[dict[str, Any]]:
        q = self.incident_query(**filters)
        near = filters.get("near")
        if limit is not None and not near:
            q = q.limit(limit).offset(offset)
        with self.engine.connect() as conn:
            rows = [dict(r) for r in conn.execute(q).mappings()]
        if near:
            from rasd.knowledge.places import haversine_km

            lat, lon, km = near
            rows = [r for r in rows if r["latitude"] is not None and haversine_km(lat, lon, r["latitude"], r["longitude"]) <= km]
            if limit is not None:
                rows = rows[offset: offset + limit]
        return rows

    def count_incidents(self, **filters: Any) -> int:
        if filters.get("near"):
            return len(self.incidents(**filters))
        q = self.incident_query(**filters).order_by(None).subquery()
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(q)).scalar_one()

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
        ids = list(incident_ids)
        if not ids:
            return {}
        out: dict[int, list[str]] = {}
        with self.engine.connect() as conn:
            for inc, outlet, key in conn.execute(
                select(records.c.incident_id, articles.c.outlet, articles.c.source_key)
                .join(articles, articles.c.id == records.c.article_id).where(records.c.incident_id.in_(ids))
            ):
                name = outlet or key
                if name not in out.setdefault(inc, []):
                    out[inc].append(name)
        return out


def _load_sides() -> None:
    """Tell fusion which actor names are one side (a state's army, air force and police)."""
    if fusion.SIDE:
        return
    from rasd.knowledge.base import load

    kb = load()
    by_name = {a.name: a for a in kb.actors}
    for a in kb.actors:
        top = a
        while top.parent and top.parent in by_name:
            top = by_name[top.parent]
        if top.type in ("state_force", "police", "government") and top.country:
            fusion.SIDE[a.name] = f"state:{top.country}"
    for p in kb.places:
        if p.feature == "country":
            for kind in ("military", "police", "government"):
                fusion.SIDE.setdefault(kb.state_actor(p.country_code, kind), f"state:{p.country_code}")


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.close()


def _d(v: Any) -> date | None:
    if v is None or isinstance(v, date):
        return v
    return date.fromisoformat(str(v)[:10])


def _json(v: Any) -> Any:
    return json.loads(v) if isinstance(v, str) else v
