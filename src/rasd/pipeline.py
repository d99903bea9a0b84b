"""The whole extraction: Document -> records (CONTRACT.md). A pure function of the document and the
read-only knowledge base, so the CLI, the server and a Spark task run the same code."""

from __future__ import annotations

import sys
from typing import Any

from rasd.document import Document
from rasd.extract.mentions import Analysis, analyze
from rasd.extract.notes import event_note, tally_note
from rasd.extract.records import Assembler, Draft
from rasd.knowledge.base import KnowledgeBase, load
from rasd.resolve import geo
from rasd.resolve.actors import ActorRef


def extract(doc: Document, kb: KnowledgeBase | None = None, warn: bool = True) -> list[dict[str, Any]]:
    kb = kb or load()
    an = analyze(doc, kb)
    if doc.published is None and warn:
        print(f"rasd: warning: {doc.input}: no publication date found (use --published); "
              "dates are unresolved and records carry time_precision 3", file=sys.stderr)
    asm = Assembler(an, kb)
    asm.run()
    records: list[dict[str, Any]] = []
    ordered: list[tuple[int, dict[str, Any]]] = []
    for d in asm.drafts:
        ordered.append((d.evidence[0][0], event_record(an, kb, d)))
    for t in asm.tallies:
        ordered.append((t["evidence"][0][0], tally_record(an, kb, t)))
    for b in asm.background:
        ordered.append((b["evidence"][0][0], background_record(an, kb, b)))
    ordered.sort(key=lambda x: x[0])
    for _, r in ordered:
        records.append(r)
    return records


def _span(an: Analysis, s: tuple[int, int] | None) -> dict[str, Any] | None:
    if s is None:
        return None
    a, b = an.original(*s)
    return {"start": a, "end": b, "text": an.doc.text[a:b]}


def _base(an: Analysis, kind: str, evidence: list[tuple[int, int]]) -> dict[str, Any]:
    ev = [x for x in (_span(an, e) for e in sorted(evidence)) if x]
    return {"input": an.doc.input, "doc_id": an.doc.doc_id, "kind": kind, "evidence": ev}


def _actor(an: Analysis, kb: KnowledgeBase, ref: ActorRef | None, country: str | None) -> tuple[str | None, str | None]:
    if ref is None:
        return None, None
    name = ref.resolved(kb, country)
    if not name:
        return None, None
    a, b = an.original(ref.start, ref.end)
    return name, an.doc.text[a:b]


def event_record(an: Analysis, kb: KnowledgeBase, d: Draft) -> dict[str, Any]:
    r = _base(an, "event", d.evidence)
    event_type, sub = d.type()
    pub = an.doc.published
    if d.date is None or pub is None:
        r["event_date"] = d.date.date.isoformat() if d.date else (pub.isoformat() if pub else None)
        r["time_precision"] = 3
    else:
        r["event_date"] = d.date.date.isoformat()
        r["time_precision"] = d.date.precision
    r["event_type"], r["sub_event_type"] = event_type, sub
    country = d.country
    actor1 = next((x for x in d.agents if x.resolved(kb, country)), None)
    a1, a1_ar = _actor(an, kb, actor1, country)
    targets = [t for t in d.targets if t.resolved(kb, country) and t.resolved(kb, country) != a1]
    a2, a2_ar = _actor(an, kb, targets[0] if targets else None, country)
    r["actor1"], r["actor1_ar"] = a1, a1_ar
    r["actor1_basis"] = (d.basis or "reported") if a1 else None
    r["assoc_actor_1"] = _unique([x.resolved(kb, country) for x in d.agents if x is not actor1 and x.resolved(kb, country) not in (a1, None)])
    r["actor2"], r["actor2_ar"] = a2, a2_ar
    r["assoc_actor_2"] = _unique([t.resolved(kb, country) for t in targets[1:] if t.resolved(kb, country) not in (a2, None)])
    place = d.place.place if d.place else None
    r["country_code"] = country
    r["country"] = kb.country_name(country) if country else None
    if place is not None and place.feature != "country":
        r["admin1"] = place.admin1
        r["admin2"] = place.admin2
        r["location"] = place.capital if place.feature in ("admin1", "admin2") and place.capital else place.name_en
        r["latitude"], r["longitude"] = place.lat, place.lon
        r["geo_precision"] = geo.precision_of(place, d.place.near)
    else:
        r["admin1"] = r["admin2"] = r["location"] = None
        r["latitude"] = r["longitude"] = None
        r["geo_precision"] = 3
    r["weapon"] = d.weapon
    fatalities = d.fatalities
    if sub == "Peaceful protest" and fatalities is None and d.peaceful:
        fatalities = 0  # "ended peacefully": ACLED's peaceful protests have no fatalities
    r["fatalities"], r["injuries"] = fatalities, d.injuries
    r["notes"] = event_note(r)
    r["spans"] = {k: v for k, v in {
        "trigger": _span(an, d.trigger_span),
        "location": _span(an, (d.place.start, d.place.end)) if d.place else None,
        "event_date": _span(an, d.date_span),
        "actor1": _span(an, (actor1.start, actor1.end)) if actor1 and a1 else None,
        "actor2": _span(an, (targets[0].start, targets[0].end)) if targets else None,
        "actor1_basis": _span(an, d.claim_span),
        "weapon": _span(an, d.weapon_span),
        "casualties": _span(an, d.casualty_spans[0]) if d.casualty_spans else None,
    }.items() if v}
    return r


def tally_record(an: Analysis, kb: KnowledgeBase, t: dict[str, Any]) -> dict[str, Any]:
    r = _base(an, "tally", t["evidence"])
    r["count"] = t["count"]
    r["at_least"] = t["at_least"]
    r["period_start"] = t["period_start"].isoformat() if t["period_start"] else None
    r["period_end"] = t["period_end"].isoformat() if t["period_end"] else None
    r["country_codes"] = t["country_codes"]
    r["description"] = tally_note(r, [kb.country_name(c) for c in t["country_codes"]])
    r["spans"] = {"count": _span(an, t["span"])} if t["span"] else {}
    return r


def background_record(an: Analysis, kb: KnowledgeBase, b: dict[str, Any]) -> dict[str, Any]:
    f = b["frame"]
    r = _base(an, "background", b["evidence"])
    when = b["date"]
    r["event_date"] = when.date.isoformat() if when else None
    r["time_precision"] = when.precision if when else 3
    place = f.leaves[0].place if f.leaves else None
    r["country_code"] = place.country_code if place else (f.countries[0] if f.countries else None)
    r["location"] = place.name_en if place and place.feature != "country" else None
    what = "war" if f.war and f.cls is None else (f.cls or "war")
    r["description"] = f"Background: {what} mentioned as having happened on {r['event_date']}, more than a week before publication."
    return r


def _unique(xs: list[str | None]) -> list[str]:
    out: list[str] = []
    for x in xs:
        if x and x not in out:
            out.append(x)
    return out
