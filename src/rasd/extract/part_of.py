"""Which place lies in which, within one clause: "حي الروضة بمدينة تعز" (a quarter of its city, not a namesake
elsewhere), "مديرية الحزم في محافظة الجوف" (the readings of both names that contain each other), a landmark "near"
a city named like a far town. Reads the clause's located places; returns them with the right readings."""

from __future__ import annotations

import re

from rasd.doc import Clause
from rasd.extract.context import ArticleContext
from rasd.extract.frame import Located
from rasd.extract.places import AREA_FEATURES, NAMED_BESIDE
from rasd.knowledge.base import BIG_TOWN
from rasd.knowledge.places import Place
from rasd.lang import ar
from rasd.resolve import geo

QUARTER_KM = 15  # a quarter lies this close to its city
FAR_NAMESAKE_KM = 60  # a place said to be "near" a city of its clause is never this far from it
_BRACKETED = re.compile(r"\([^()]*\)")  # a bracketed word between two names: "البويرة (وسط) ووهران"
PART_OF_GAP = 2  # tokens between "X" and "في Y" for Y to contain X


def part_of(clause: Clause, ctx: ArticleContext, located: list[Located]) -> list[Located]:
    """"حي الروضة بمدينة تعز": a place named just before a city or province lies in it, so among
    its namesakes take the one inside; if none is, the name was not a place we know there."""
    out: list[Located] = []
    cities = [c for c in located if not c.quarter and c.place.feature in ("city", "town", "admin2") and c.place.lat is not None]
    loose: Located | None = None  # a province said to hold a big city it does not hold
    for i, l in enumerate(located):
        if l is loose:
            continue
        if _far_namesake_near(clause, l, cities):
            continue
        if l.quarter and cities and not any(c is l for c in cities) and not any(
                geo.haversine_km(c.place.lat, c.place.lon, l.place.lat, l.place.lon) <= QUARTER_KM
                for c in cities if l.place.lat is not None):
            # "وفي مدينة مأرب … على حي الروضة": the quarter of that city, not a namesake elsewhere
            inside = [p for p in _candidates(clause, ctx, l) if p.lat is not None and any(
                geo.haversine_km(c.place.lat, c.place.lon, p.lat, p.lon) <= QUARTER_KM for c in cities)]
            if inside:
                out.append(Located(inside[0], l.start, l.end, l.near, l.road, True))
            continue
        nxt = located[i + 1] if i + 1 < len(located) else None
        if nxt is not None and _linked_by_preposition(clause, l, nxt) and nxt.place.feature != "country" \
                and l.place.lat is not None and nxt.place.lat is not None \
                and clause.doc.gap(l.end, nxt.start) <= PART_OF_GAP and not geo.contains(nxt.place, l.place):
            pair = _readings_in_each_other(clause, ctx, l, nxt)
            if pair is not None:  # مديرية الحزم في محافظة الجوف: Yemen's al-Jawf, not Saudi Arabia's
                located[i + 1] = Located(pair[1], nxt.start, nxt.end, nxt.near, nxt.road, nxt.quarter)
                out.append(Located(pair[0], l.start, l.end, l.near, l.road, l.quarter))
                continue
            inside = [p for p in _candidates(clause, ctx, l) if geo.contains(nxt.place, p) or (
                p.lat is not None and geo.haversine_km(nxt.place.lat, nxt.place.lon, p.lat, p.lon) <= QUARTER_KM)]
            if inside:
                out.append(Located(inside[0], l.start, l.end, l.near, l.road))
            elif l.place.feature == "city" and ((l.place.population or 0) >= BIG_TOWN or l.place.layer == "curated") \
                    and nxt.place.feature in ("admin1", "admin2", "region") and _named_by_a_bearing(clause, nxt):
                # "مدينة الفاشر المحاصرة في غرب دارفور": a big city is itself; "west of Darfur" was a bearing
                out.append(l)
                loose = located[i + 1]
            continue
        out.append(l)
    return out


def _named_by_a_bearing(clause: Clause, area: Located) -> bool:
    """A province whose name opens with a bearing (غرب دارفور، شمال سيناء): it may be said as a mere bearing."""
    word = clause.doc.tokens[clause.doc.token_index(area.start)].text
    return any(word in ar.words(f"bearing_{b}") for b in ("north", "south", "east", "west"))


def _far_namesake_near(clause: Clause, l: Located, cities: list[Located]) -> bool:
    """"بالإسكندرية، بالقرب من محطة ترام الإبراهيمية": a town told as "near", after a city of the same
    clause but far from it, is a landmark of that city named like a far town, not the far town."""
    return clause.after(clause.cues("near"), l.start, NAMED_BESIDE) and not l.road and l.place.lat is not None and l.place.feature in ("city", "town") and any(
        c.start < l.start and not c.near and c.place.country_code == l.place.country_code
        and geo.haversine_km(c.place.lat, c.place.lon, l.place.lat, l.place.lon) > FAR_NAMESAKE_KM for c in cities)


def _readings_in_each_other(clause: Clause, ctx: ArticleContext, inner: Located, outer: Located) -> tuple[Place, Place] | None:
    """When "X في Y" and the chosen Y does not contain X, another reading of Y may: both names are
    read together (the outer's feature kept)."""
    # "بلدة الأتارب بحلب", "بلدة X في منطقة سومي": a city named like its province may be the province
    # (unless a feature word says city)
    ft = clause.doc.at_token("feature", clause.doc.token_index(outer.start) - 1)
    province_ok = outer.place.feature in ("city", "town") and (
        ft is None or ft.end > outer.start or bool(AREA_FEATURES & set(ctx.kb.features[ft.ref][0])))
    for q in _candidates(clause, ctx, outer):
        if q is outer.place or (q.feature != outer.place.feature and not (province_ok and q.feature == "admin1")):
            continue
        p = next((p for p in _candidates(clause, ctx, inner) if geo.contains(q, p)), None)
        if p is not None:
            return p, q
    return None


def _candidates(clause: Clause, ctx: ArticleContext, l: Located) -> list[Place]:
    m = next((x for x in clause.mentions("place") if x.start == l.start), None)
    return [ctx.kb.places[j] for j in (m.refs if m else [])]


def _linked_by_preposition(clause: Clause, a: Located, b: Located) -> bool:
    """"X في (مدينة) Y" or "X ب(مدينة) Y": B is where A lies, not another item of a list."""
    doc = clause.doc
    clitic = ar.words("locative_clitic")
    if doc.ntext[b.start] in clitic:
        return True
    if doc.ntext[b.start] in ar.words("and_clitic") or _BRACKETED.search(doc.ntext, a.end, b.start):
        return False  # "والبويرة (وسط) ووهران": the next item of a list, past a bracketed bearing
    gap = doc.tokens[doc.token_index(a.end):doc.token_index(b.start)]
    return any(t.text in ar.words("locative_preposition") | ar.words("lies_in_word") or (t.text[:1] in clitic and len(t.text) > 3)
               for t in gap)
