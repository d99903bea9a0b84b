"""Choosing the place a name refers to, and the places an event happened at.

A name often has several candidates (بغداد the city and the governorate; عمان Amman and Oman). The
choice prefers the feature the preceding word names (قاعدة → base, محافظة → governorate), places in
the countries and provinces the sentence and the article name, trusted layers, then population.
Of the places named in a clause, those that merely contain another one (Iraq, Anbar, Beirut around
the southern suburbs) are context, not separate events.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache

from rasd.datafiles import data_path, read_tsv, split_list

from rasd.knowledge.base import CONFLICT_COUNTRIES, KnowledgeBase
from rasd.knowledge.places import LAYER_TRUST, Place, haversine_km

__all__ = ["Context", "choose", "contains", "own_admin1", "precision_of", "haversine_km"]

# How far a containing area reaches when the file does not say which admin unit a place is in.
CONTAIN_RADIUS_KM = {"country": 10_000, "admin1": 30, "admin2": 25, "region": 120, "sea": 400,
                     "gulf": 400, "strait": 150, "city": 25, "district": 8, "town": 8, "mountain": 60}


@dataclass(slots=True)
class Context:
    """Countries and admin1 units named around a mention, weighted by closeness."""

    sentence_countries: set[str]
    article_countries: dict[str, int]
    sentence_admin1: set[tuple[str, str]]
    dateline_country: str | None = None
    sentence_nisba: set[str] = field(default_factory=set)  # الجيش اليمني: a country named by an adjective
    article_admin1: set[tuple[str, str]] = field(default_factory=set)  # provinces named anywhere in the article
    # the countries of the clause's other places that only one country has a place of that name for
    # ("مدينتي سراقب وأريحا": Syria's Ariha, not Jericho)
    sentence_place_countries: set[str] = field(default_factory=set)
    sentence_admin1_names: dict[tuple[str, str], int] = field(default_factory=dict)

    def names_admin1(self, key: tuple[str, str], own: set[tuple[str, str]]) -> bool:
        """Does the clause name this province, other than by the very name being resolved (طرابلس names
        Libya's Tripoli province too, which must not vouch for Libya's Tripoli over Lebanon's)?"""
        return key in self.sentence_admin1 and (key not in own or self.sentence_admin1_names.get(key, 1) > 1)


def own_admin1(kb: KnowledgeBase, candidates: list[int]) -> set[tuple[str, str]]:
    """The provinces a name itself can be."""
    return {(kb.places[i].country_code, kb.places[i].name_en) for i in candidates if kb.places[i].feature == "admin1"}


CITY_FEATURES = ("city", "town")
# a city this big of a conflict country outside the Arab world (whose provinces the Arabic press names less often than its
# cities) is what its bare name means, even beside a namesake province: "في مابوتو"
NAMESAKE_CITY = 100_000


def choose(kb: KnowledgeBase, candidates: list[int], features: list[str] | None, ctx: Context) -> Place:
    best, best_score = None, -math.inf
    own = own_admin1(kb, candidates)
    for i in candidates:
        p = kb.places[i]
        s = LAYER_TRUST.get(p.layer, 1) * 1.0
        if features:
            if p.feature in features:
                s += 6
            elif p.feature in ("admin1", "admin2", "country") and not any(f.startswith("admin") for f in features):
                s -= 2
        if p.country_code in ctx.sentence_countries:
            s += 5
        elif p.country_code in ctx.sentence_place_countries:
            s += 3
        s += min(4, ctx.article_countries.get(p.country_code, 0) * 1.5)
        if p.country_code == ctx.dateline_country:
            s += 1
        key = (p.country_code, p.admin1 or "")
        if ctx.names_admin1(key, own):
            s += 3
        elif (p.country_code, p.admin1 or "") in ctx.article_admin1:
            s += 2  # "المنصورة في ريف الرقة" in the headline: the body's المنصورة is Raqqa's, not Egypt's
        if p.population:
            s += min(3.0, math.log10(max(p.population, 1)) / 2)
        if not features and p.country_code in CONFLICT_COUNTRIES and p.feature in CITY_FEATURES and \
                p.population >= NAMESAKE_CITY and \
                any(kb.places[j].feature == "admin1" for j in candidates) and \
                all(kb.places[j].country_code == p.country_code for j in candidates):
            s += 3  # "في مابوتو" with no word for a province: the big city, not the province named after it
        if p.feature == "country":
            s += 1.5
        if s > best_score:
            best, best_score = p, s
    assert best is not None
    return best


def contains(outer: Place, inner: Place) -> bool:
    """Does `outer` (an area or a coarser place) contain `inner`?"""
    if outer is inner or outer.id == inner.id:
        return False
    members = admin1_groups().get((outer.country_code, outer.name_en))
    if members and outer.feature in ("admin1", "region") and inner.country_code == outer.country_code and inner.admin1:
        return any(_same_name(inner.admin1, m) for m in members)  # Kurdistan Region holds Sulaymaniyah's towns
    if outer.feature == "admin1" and inner.feature == "region" and inner.admin1 and outer.country_code == inner.country_code:
        # a region the file places in a province (المطيبيجة in Salah al-Din): of the province's rank, but inside it
        return _same_name(inner.admin1, outer.name_en)
    if outer.rank >= inner.rank:
        return False
    if outer.feature in ("sea", "gulf", "strait"):
        if outer.lat is None or inner.lat is None:
            return False
        return haversine_km(outer.lat, outer.lon, inner.lat, inner.lon) <= CONTAIN_RADIUS_KM["sea"]
    if outer.country_code != inner.country_code:
        return False
    if outer.feature == "country":
        return True
    # the file says which unit a place is in: its word outranks distance (Dahiyeh is in Baabda, 22 km from
    # the Chouf's seat, not in the Chouf)
    if outer.feature == "admin1" and inner.admin1:
        return _same_name(inner.admin1, outer.name_en)
    if outer.feature == "admin2" and inner.admin2:
        return _same_name(inner.admin2, outer.name_en)
    if outer.lat is None or inner.lat is None:
        return False
    radius = CONTAIN_RADIUS_KM.get(outer.feature, 15)
    return haversine_km(outer.lat, outer.lon, inner.lat, inner.lon) <= radius


@lru_cache(maxsize=1)
def admin1_groups() -> dict[tuple[str, str], list[str]]:
    """(country, group) -> its member units (places/admin1_groups.tsv)."""
    return {(r["country_code"], r["group"]): split_list(r["members"]) for r in read_tsv(data_path("places/admin1_groups.tsv"))}


def _same_name(a: str, b: str) -> bool:
    na, nb = _simple(a), _simple(b)
    return na == nb or na in nb or nb in na


def _simple(s: str) -> str:
    s = s.lower()
    for w in ("governorate", "province", "district", "muhafazat", "al-", "al ", "as-", "ad-", "ash-", "-", " ", "'", "ʿ", "’"):
        s = s.replace(w, "")
    return s


def precision_of(place: Place, near: bool) -> int:
    """ACLED geo_precision: 1 the place itself, 2 near it / part of it, 3 only a province or region."""
    if place.feature in ("admin1", "region", "country", "sea", "gulf", "strait", "mountain", "river"):
        return 3
    if place.feature == "admin2":
        return 2 if not near else 3
    return 2 if near else 1
