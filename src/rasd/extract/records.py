"""From drafts, tallies and background to the records of CONTRACT.md: fields in ACLED's names,
English notes, and every field's span in the original text."""

from __future__ import annotations

from typing import Any

from rasd.doc import ArticleDoc
from rasd.extract.confidence import confidence
from rasd.extract.drafts import Draft
from rasd.knowledge.base import KnowledgeBase
from rasd.notes import event_note, tally_note
from rasd.resolve import geo
from rasd.resolve.actors import UNIDENTIFIED, ActorRef, protesters_side


def span(doc: ArticleDoc, s: tuple[int, int] | None) -> dict[str, Any] | None:
    """A normalized span as {start, end, text} in the original text."""
    if s is None:
        return None
    a, b = doc.original(*s)
    return {"start": a, "end": b, "text": doc.source.text[a:b]}


def _base(doc: ArticleDoc, kind: str, evidence: list[tuple[int, int]]) -> dict[str, Any]:
    ev = [x for x in (span(doc, e) for e in sorted(evidence)) if x]
    return {"input": doc.source.input, "doc_id": doc.doc_id, "kind": kind, "evidence": ev}


def _actor(doc: ArticleDoc, kb: KnowledgeBase, ref: ActorRef | None, country: str | None) -> tuple[str | None, str | None]:
    name = ref.resolved(kb, country) if ref is not None else None
    if ref is None or not name:
        return None, None
    a, b = doc.original(ref.start, ref.end)
    return name, doc.source.text[a:b]


def event_record(doc: ArticleDoc, kb: KnowledgeBase, d: Draft) -> dict[str, Any]:
    r = _base(doc, "event", d.evidence)
    event_type, sub = d.type()
    pub = doc.published
    r["event_date"] = d.date.date.isoformat() if d.date else (pub.isoformat() if pub else None)
    r["time_precision"] = d.date.precision if d.date is not None and pub is not None else 3
    r["event_type"], r["sub_event_type"] = event_type, sub
    country = d.country
    agents, sides = _sides(d, event_type)
    # a named perpetrator told anywhere in the article beats "gunmen" told elsewhere
    actor1 = next((x for x in sorted(agents, key=lambda x: x.kind == "unknown") if x.resolved(kb, country)), None)
    a1 = actor1.resolved(kb, country) if actor1 else None
    targets = [t for t in sides if t.resolved(kb, country) and t.resolved(kb, country) != a1]
    _actors(doc, kb, r, d, country, agents, actor1, targets)
    if r["actor1"] is None and _perpetrator_unknown(event_type, sub) and r["actor2"] != UNIDENTIFIED:
        r["actor1"] = UNIDENTIFIED  # ACLED codes an attack nobody is named for to an unidentified armed group
    _place(kb, r, d, country)
    r["weapon"] = d.weapon
    fatalities = d.fatalities
    if sub == "Peaceful protest" and fatalities is None and d.peaceful:
        fatalities = 0  # "ended peacefully": ACLED's peaceful protests have no fatalities
    r["fatalities"], r["injuries"] = fatalities, d.injuries
    r["notes"] = event_note(r)
    r["confidence"] = confidence(d, r)
    r["spans"] = {k: v for k, v in {
        "trigger": span(doc, d.trigger_span),
        "location": span(doc, (d.place.start, d.place.end)) if d.place else None,
        "event_date": span(doc, d.date_span),
        "actor1": span(doc, (actor1.start, actor1.end)) if actor1 and r["actor1"] else None,
        "actor2": span(doc, (targets[0].start, targets[0].end)) if targets else None,
        "actor1_basis": span(doc, d.claim_span),
        "weapon": span(doc, d.weapon_span),
        "casualties": span(doc, d.casualty_spans[0]) if d.casualty_spans else None,
    }.items() if v}
    return r


# what ACLED codes to an "Unidentified Armed Group" when the report names nobody who did it (an air strike or
# shelling of unknown origin is not: those need an army; a clash has two sides the text names)
UNKNOWN_PERPETRATOR_SUBTYPES = {"Remote explosive/landmine/IED", "Suicide bomb", "Grenade"}


def _perpetrator_unknown(event_type: str, sub: str) -> bool:
    return event_type == "Violence against civilians" or sub in UNKNOWN_PERPETRATOR_SUBTYPES


def _sides(d: Draft, event_type: str) -> tuple[list[ActorRef], list[ActorRef]]:
    """The draft's (agents, targets), the protesters first in a protest event (ACLED), whoever fired on them second."""
    crowd = next((t for t in d.targets if protesters_side(t)), None)
    if event_type == "Protests" and crowd is not None and not any(protesters_side(a) for a in d.agents):
        return [crowd], d.agents + [t for t in d.targets if t is not crowd]
    return d.agents, d.targets


def _actors(doc: ArticleDoc, kb: KnowledgeBase, r: dict[str, Any], d: Draft, country: str | None,
            agents: list[ActorRef], actor1: ActorRef | None, targets: list[ActorRef]) -> None:
    a1, a1_ar = _actor(doc, kb, actor1, country)
    a2, a2_ar = _actor(doc, kb, targets[0] if targets else None, country)
    r["actor1"], r["actor1_ar"] = a1, a1_ar
    r["actor1_basis"] = (d.basis or "reported") if a1 else None
    r["assoc_actor_1"] = _unique([x.resolved(kb, country) for x in agents
                                  if x is not actor1 and x.resolved(kb, country) not in (a1, None)])
    r["actor2"], r["actor2_ar"] = a2, a2_ar
    r["assoc_actor_2"] = _unique([t.resolved(kb, country) for t in targets[1:] if t.resolved(kb, country) not in (a2, None)])


def _place(kb: KnowledgeBase, r: dict[str, Any], d: Draft, country: str | None) -> None:
    place = d.place.place if d.place else None
    r["country_code"] = country
    r["country"] = kb.country_name(country) if country else None
    if place is not None and place.feature != "country":
        r["admin1"], r["admin2"] = place.admin1, place.admin2
        r["location"] = place.capital if place.feature in ("admin1", "admin2") and place.capital else place.name_en
        r["latitude"], r["longitude"] = place.lat, place.lon
        r["geo_precision"] = geo.precision_of(place, d.place.near)
    else:
        r["admin1"] = r["admin2"] = r["location"] = None
        r["latitude"] = r["longitude"] = None
        r["geo_precision"] = 3


def tally_record(doc: ArticleDoc, kb: KnowledgeBase, t: dict[str, Any]) -> dict[str, Any]:
    r = _base(doc, "tally", t["evidence"])
    r["count"] = t["count"]
    r["at_least"] = t["at_least"]
    r["what"] = t["what"]
    r["period_start"] = t["period_start"].isoformat() if t["period_start"] else None
    r["period_end"] = t["period_end"].isoformat() if t["period_end"] else None
    r["country_codes"] = t["country_codes"]
    r["description"] = tally_note(r, [kb.country_name(c) for c in t["country_codes"]])
    r["spans"] = {"count": span(doc, t["span"])} if t["span"] else {}
    return r


def background_record(doc: ArticleDoc, kb: KnowledgeBase, b: dict[str, Any]) -> dict[str, Any]:
    f = b["frame"]
    r = _base(doc, "background", b["evidence"])
    when = b["date"]
    r["event_date"] = when.date.isoformat() if when else None
    r["time_precision"] = when.precision if when else 3
    place = f.leaves[0].place if f.leaves else None
    r["country_code"] = place.country_code if place else (f.countries[0] if f.countries else None)
    r["location"] = place.name_en if place and place.feature != "country" else None
    what = f.cls or "war"
    r["description"] = f"Background: {what} mentioned as having happened on {r['event_date']}, more than a week before publication."
    return r


def _unique(xs: list[str | None]) -> list[str]:
    return [x for x in dict.fromkeys(xs) if x]
