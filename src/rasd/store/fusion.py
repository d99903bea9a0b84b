"""Fusion: event records that describe the same real-world event become one incident.

Pure functions over plain dicts, shared by the store (incremental, one article at a time) and the
Spark job (batch). Two records may fuse when they are in the same country, on the same or an
adjacent day (wider when a date is only known to the week or month), at the same place or within a
few kilometres, of compatible types, and with compatible perpetrators. Blocking by (country, day)
keeps it near-linear: a record is only compared with incidents of its country within the date
window, never with the whole store.

Fused fields are chosen by how many sources support them; the fatality count follows ACLED: the
lowest credible figure among the latest reports (a later report that raises the toll is an update,
not a disagreement; reports of the same day that disagree give the lowest figure).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Iterable

from rasd.knowledge.places import haversine_km
from rasd.resolve.actors import UNIDENTIFIED

ER, BATTLES = "Explosions/Remote violence", "Battles"
NEAR_KM = 25.0  # two precise points this close can be one incident
AREA_KM = 60.0  # when one side only knows the district or province
FIELDS = ("event_date", "event_type", "sub_event_type", "location", "actor1", "actor2", "weapon",
          "fatalities", "injuries")


def date_window(rec: dict[str, Any]) -> int:
    """How many days apart two reports of one event may date it."""
    return {1: 1, 2: 4, 3: 15}.get(int(rec.get("time_precision") or 3), 15)


def _date(v: Any) -> date:
    return v if isinstance(v, date) else date.fromisoformat(str(v))


def _actor_key(name: str | None) -> str:
    return (name or "").lower()


SIDE: dict[str, str] = {}  # actor name -> side key, filled by load_sides() from the actor base


def load_sides() -> None:
    """Tell fusion which actor names are one side (a state's army, air force and police). Every
    caller of fuse()/match_score() — the store and the Spark job alike — loads the same table."""
    if SIDE:
        return
    from rasd.knowledge.base import load

    kb = load()
    by_name = {a.name: a for a in kb.actors}
    for a in kb.actors:
        top = a
        while top.parent and top.parent in by_name:
            top = by_name[top.parent]
        if top.type in ("state_force", "police", "government") and top.country:
            SIDE[a.name] = f"state:{top.country}"
    for p in kb.places:
        if p.feature == "country":
            for kind in ("military", "police", "government"):
                SIDE.setdefault(kb.state_actor(p.country_code, kind), f"state:{p.country_code}")


def side_of(name: str) -> str:
    """'Military Forces of Israel' and 'Israeli Air Force' are one side: the state's forces."""
    return SIDE.get(name) or _actor_key(name)


def actors_compatible(a: str | None, b: str | None) -> bool:
    """Names of one side; an unidentified armed group (what one outlet could not name) goes with any other."""
    if not a or not b or UNIDENTIFIED in (a, b):
        return True
    ka, kb = _actor_key(a), _actor_key(b)
    return ka == kb or ka in kb or kb in ka or side_of(a) == side_of(b)


VIOLENT = {ER, BATTLES, "Violence against civilians"}


def types_compatible(a: dict[str, Any], b: dict[str, Any], distance_km: float, days: int = 0) -> bool:
    ta, tb = a.get("event_type"), b.get("event_type")
    if ta == tb:
        return True
    # outlets code one incident differently (a raid as clashes, shelling or an attack on civilians;
    # a partly foiled attack as disrupted): at the same place on the same day they are one incident
    if ta in VIOLENT and tb in VIOLENT:
        return distance_km <= 10 and days <= 1
    sd = a if ta == "Strategic developments" else b if tb == "Strategic developments" else None
    other = b if sd is a else a
    if sd is not None and other.get("event_type") in VIOLENT and sd.get("sub_event_type") != "Arrests":
        return distance_km <= 5 and days == 0
    return False


def match_score(inc: dict[str, Any], rec: dict[str, Any]) -> float | None:
    """Lower is better; None when the record cannot belong to the incident."""
    if inc.get("country_code") != rec.get("country_code"):
        return None
    dd = abs((_date(inc["event_date"]) - _date(rec["event_date"])).days)
    if dd > max(date_window(inc), date_window(rec)):
        return None
    la, lo, lb, lob = inc.get("latitude"), inc.get("longitude"), rec.get("latitude"), rec.get("longitude")
    if la is None or lb is None:
        distance = AREA_KM * 0.8  # one side only knows the country: possible, but a weak match
        limit = AREA_KM
    else:
        distance = haversine_km(la, lo, lb, lob)
        coarse = max(int(inc.get("geo_precision") or 1), int(rec.get("geo_precision") or 1)) >= 3
        limit = AREA_KM if coarse else NEAR_KM
    if distance > limit:
        return None
    if not types_compatible(inc, rec, distance, dd):
        return None
    if not actors_compatible(inc.get("actor1"), rec.get("actor1")):
        return None
    score = distance + 8.0 * dd
    if inc.get("sub_event_type") != rec.get("sub_event_type"):
        score += 5.0
    if inc.get("actor2") and rec.get("actor2") and not actors_compatible(inc["actor2"], rec["actor2"]):
        score += 10.0
    return score


CELL_DEG = 0.5  # ~55 km: a record only meets incidents of its own and the neighbouring cells


def cell(lat: float | None, lon: float | None) -> tuple[int, int] | None:
    if lat is None or lon is None:
        return None
    return int(lat // CELL_DEG), int(lon // CELL_DEG)


def block_keys(rec: dict[str, Any]) -> list[tuple[str, date, tuple[int, int] | None]]:
    """The (country, day, cell) blocks an incident for this record may sit in: the days of its date
    window, its grid cell and the eight around it, plus the country-only block."""
    d = _date(rec["event_date"])
    w = date_window(rec)
    c = cell(rec.get("latitude"), rec.get("longitude"))
    cc = rec.get("country_code") or ""
    cells: list[tuple[int, int] | None] = [None]
    if c is not None:
        cells += [(c[0] + i, c[1] + j) for i in (-1, 0, 1) for j in (-1, 0, 1)]
    return [(cc, d + timedelta(days=k), x) for k in range(-w, w + 1) for x in cells]


@dataclass
class Cluster:
    members: list[dict[str, Any]] = field(default_factory=list)
    fields: dict[str, Any] = field(default_factory=dict)

    def add(self, rec: dict[str, Any]) -> None:
        self.members.append(rec)
        self.fields = fuse_fields(self.members)


def fuse(records: Iterable[dict[str, Any]]) -> list[Cluster]:
    """Batch fusion of event records (dicts with the CONTRACT fields plus `source` and
    `published`): each record joins the best compatible incident of its block, or starts one."""
    load_sides()
    index: dict[tuple[str, date, tuple[int, int] | None], list[Cluster]] = defaultdict(list)
    by_day: dict[tuple[str, date], list[Cluster]] = defaultdict(list)  # for records without a point
    clusters: list[Cluster] = []
    ordered = sorted(records, key=lambda r: (str(r["event_date"]), int(r.get("geo_precision") or 3)))

    def home(c: Cluster) -> tuple[tuple[str, date, tuple[int, int] | None], tuple[str, date]]:
        f = c.fields
        key = (f.get("country_code") or "", _date(f["event_date"]))
        return (key[0], key[1], cell(f.get("latitude"), f.get("longitude"))), key

    for rec in ordered:
        best, best_score = None, None
        seen: set[int] = set()
        if rec.get("latitude") is None:
            d = _date(rec["event_date"])
            w = date_window(rec)
            pools = [by_day.get((rec.get("country_code") or "", d + timedelta(days=k)), ()) for k in range(-w, w + 1)]
        else:
            pools = [index.get(key, ()) for key in block_keys(rec)]
        for pool in pools:
            for c in pool:
                if id(c) in seen:
                    continue
                seen.add(id(c))
                s = match_score(c.fields, rec)
                if s is not None and (best_score is None or s < best_score):
                    best, best_score = c, s
        if best is None:
            best = Cluster()
            clusters.append(best)
            best.add(rec)
        else:
            old_cell, old_day = home(best)
            index[old_cell].remove(best)
            by_day[old_day].remove(best)
            best.add(rec)
        new_cell, new_day = home(best)
        index[new_cell].append(best)
        by_day[new_day].append(best)
    return clusters


def _mode(values: list[Any], prefer: Any = None) -> tuple[Any, int]:
    vals = [v for v in values if v not in (None, "")]
    if not vals:
        return None, 0
    counts = Counter(vals).most_common()
    top = counts[0][1]
    tied = [v for v, n in counts if n == top]
    if prefer is not None:
        tied.sort(key=prefer)
    return tied[0], top


def fuse_fields(members: list[dict[str, Any]]) -> dict[str, Any]:
    """The incident's fields from its records, with how many sources support each."""
    sources = {m.get("source") or id(m) for m in members}
    out: dict[str, Any] = {"n_sources": len(sources), "n_records": len(members)}
    support: dict[str, int] = {}
    precise = [m for m in members if int(m.get("time_precision") or 3) == min(int(x.get("time_precision") or 3) for x in members)]
    out["event_date"], support["event_date"] = _mode([str(m["event_date"]) for m in precise], prefer=lambda v: v)
    out["time_precision"] = min(int(m.get("time_precision") or 3) for m in members)
    out["event_type"], support["event_type"] = _mode([m.get("event_type") for m in members])
    same_type = [m for m in members if m.get("event_type") == out["event_type"]]
    out["sub_event_type"], support["sub_event_type"] = _mode([m.get("sub_event_type") for m in same_type])
    best_geo = min(int(m.get("geo_precision") or 3) for m in members)
    located = [m for m in members if m.get("latitude") is not None and int(m.get("geo_precision") or 3) == best_geo] \
        or [m for m in members if m.get("latitude") is not None]
    if located:
        loc, n = _mode([(m.get("location"), m.get("admin1"), m.get("admin2"), m["latitude"], m["longitude"],
                         int(m.get("geo_precision") or 3)) for m in located])
        out["location"], out["admin1"], out["admin2"], out["latitude"], out["longitude"], out["geo_precision"] = loc
        support["location"] = sum(1 for m in members if m.get("location") == loc[0])
    else:
        out.update(location=None, admin1=None, admin2=None, latitude=None, longitude=None, geo_precision=3)
        support["location"] = 0
    out["country_code"] = members[0].get("country_code")
    out["country"] = members[0].get("country")
    # perpetrator: a claim beats a report beats an attribution; then the most sources
    rank = {"claimed": 0, "reported": 1, "attributed": 2}
    with_actor = [m for m in members if m.get("actor1")]
    # (an outlet that names the group outranks one that could not)
    with_actor = [m for m in with_actor if m["actor1"] != UNIDENTIFIED] or with_actor
    if with_actor:
        best_basis = min(rank.get(m.get("actor1_basis") or "reported", 1) for m in with_actor)
        pool = [m for m in with_actor if rank.get(m.get("actor1_basis") or "reported", 1) == best_basis]
        out["actor1"], _ = _mode([m["actor1"] for m in pool])
        out["actor1_basis"] = next(m.get("actor1_basis") for m in pool if m["actor1"] == out["actor1"])
        support["actor1"] = sum(1 for m in members if actors_compatible(m.get("actor1"), out["actor1"]) and m.get("actor1"))
    else:
        out["actor1"], out["actor1_basis"], support["actor1"] = None, None, 0
    out["actor2"], support["actor2"] = _mode([m.get("actor2") for m in members])
    out["assoc_actor_1"] = sorted({a for m in members for a in (m.get("assoc_actor_1") or []) if a != out["actor1"]})
    out["assoc_actor_2"] = sorted({a for m in members for a in (m.get("assoc_actor_2") or []) if a != out["actor2"]})
    out["weapon"], support["weapon"] = _mode([m.get("weapon") for m in members])
    for f in ("fatalities", "injuries"):
        out[f], support[f] = _toll(members, f)
    scores = [float(m["confidence"]) for m in members if m.get("confidence") is not None]
    out["confidence"] = max(scores) if scores else None
    out["support"] = support
    return out


def _toll(members: list[dict[str, Any]], f: str) -> tuple[int | None, int]:
    known = [m for m in members if m.get(f) is not None]
    if not known:
        return None, 0
    latest = max(str(m.get("published") or "") for m in known)
    latest_reports = [m for m in known if str(m.get("published") or "") == latest]
    value = min(int(m[f]) for m in latest_reports)
    return value, sum(1 for m in known if int(m[f]) == value)
