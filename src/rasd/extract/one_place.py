"""Which places of two drafts are one incident's: two gazetteer entries of one town, a province or city named
in one sentence and a place inside it in another, a province and a town near its point. Reads drafts; fills
nothing (drafts.merge_drafts decides with these)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rasd.knowledge.matcher import split_article
from rasd.knowledge.places import Place
from rasd.knowledge.translit import latin_key
from rasd.resolve import geo
from rasd.resolve.typing import weapon_family
from rasd.text.normalize import norm

if TYPE_CHECKING:
    from rasd.extract.drafts import Draft

SETTLEMENT_FEATURES = {"city", "town", "village"}
TWIN_KM = 3  # two gazetteer entries of one kind of place this close (الزاوية: Zawiya and Az Zāwīyah) are one town


def same_town(a: Place, b: Place) -> bool:
    if a.id == b.id:
        return True
    same_kind = a.feature == b.feature or {a.feature, b.feature} <= SETTLEMENT_FEATURES
    return same_kind and a.country_code == b.country_code and None not in (a.lat, b.lat) \
        and geo.haversine_km(a.lat, a.lon, b.lat, b.lon) < TWIN_KM and _one_name(a, b)


def twin_entries(a: Place, b: Place, km: float) -> bool:
    """Two entries this close are one town named twice (a town and its camp), unless both are places of one kind
    with names of their own (مخيما النصيرات والبريج, 1.4 km apart)."""
    return a.id == b.id or (None not in (a.lat, b.lat) and geo.haversine_km(a.lat, a.lon, b.lat, b.lon) < km
                            and (a.feature != b.feature or _one_name(a, b)))


def _one_name(a: Place, b: Place) -> bool:
    """Twin entries share a name (الزاوية, Az Zāwīyah); two camps 3 km apart (النصيرات، البريج) do not."""
    return bool(_name_keys(a) & _name_keys(b))


def _name_keys(p: Place) -> set[str]:
    return {split_article(norm(n))[0] for n in p.names_ar} | {latin_key(n) for n in p.names_en}


# An event at one of these places is the same incident as events at places inside it on that day:
# a province or district named in the lede, the villages in the body.
CONTAINER_FEATURES = {"admin1", "admin2"}  # (and a region, for a raid campaign's summary)
# A city named in the lede contains the quarter, market or camp the body names.
QUARTER_FEATURES = {"neighbourhood", "district", "market", "landmark", "square", "street",
                    "government_building", "checkpoint", "embassy", "hospital", "prison", "mosque", "school"}
QUARTER_KM = 15  # a quarter of a city lies this close to its centre, in the city's district …
METRO_KM = 8  # … or this close in a neighbouring unit of the same metropolis (المهندسين is Giza's, yet Cairo's)


def contains(outer: Draft, inner: Draft) -> bool:
    if not (outer.specific and inner.specific) or inner.fallback_place:
        return False
    o, i = outer.place.place, inner.place.place
    if outer.cls == "arrest" or inner.cls == "arrest":
        # a raid campaign names each place it struck, with its own count; the region it swept ("a campaign
        # of raids across the West Bank") is its summary
        return o.feature == "region" and outer.frame.sentence != inner.frame.sentence and geo.contains(o, i)
    if o.feature in CONTAINER_FEATURES:
        # one sentence listing a province's countryside and a town names two places
        return outer.frame.sentence != inner.frame.sentence and geo.contains(o, i)
    if o.feature in ("city", "town", "district") and i.feature in QUARTER_FEATURES and None not in (o.lat, i.lat):
        same_unit = o.admin2 == i.admin2 if o.admin2 and i.admin2 else o.admin1 == i.admin1
        km = geo.haversine_km(o.lat, o.lon, i.lat, i.lon)
        return (same_unit and km <= QUARTER_KM) or (o.feature == "city" and km <= METRO_KM)
    return False


# A province named in a lede ("a strike on a road between the South and the Bekaa") and a town told
# in another sentence this close to the province's point are one incident told at two levels, even
# when the town lies in the neighbouring province.
AREA_KM = 60


def borders(outer: Draft, inner: Draft) -> bool:
    if not (outer.specific and inner.specific) or outer.frame.sentence == inner.frame.sentence or inner.fallback_place:
        return False
    o, i = outer.place.place, inner.place.place
    if o.feature != "admin1" or i.feature in CONTAINER_FEATURES or "arrest" in (outer.cls, inner.cls):
        return False
    if (outer.date and outer.date.date) != (inner.date and inner.date.date):
        return False  # a weaker link than containment: the same day said, not merely not contradicted
    return None not in (o.lat, i.lat) and o.country_code == i.country_code and \
        geo.haversine_km(o.lat, o.lon, i.lat, i.lon) <= AREA_KM


def same_toll_nearby(outer: Draft, inner: Draft) -> bool:
    """"4 killed by RSF shelling on a displaced camp in El Fasher" and, in another sentence, "RSF shelling of Abu
    Shouk camp killed 4": the same toll by the same side at a camp or quarter near the city is one incident."""
    if not (outer.specific and inner.specific) or outer.frame.sentence == inner.frame.sentence or not outer.fatalities:
        return False
    o, i = outer.place.place, inner.place.place
    same_side = not outer.agents or not inner.agents or outer.agents[0].name == inner.agents[0].name
    return outer.fatalities == inner.fatalities and same_side and o.feature in ("city", "town") and o.rank < i.rank \
        and None not in (o.lat, i.lat) and geo.haversine_km(o.lat, o.lon, i.lat, i.lon) <= QUARTER_KM


AROUND_KM = 50  # "جنوب بغداد", "قرب الموصل": a city named as a bearing or a neighbourhood reaches this far


def around(outer: Draft, inner: Draft) -> bool:
    """"قتل جنديان وأصيب ثمانية بهجوم استهدف ثكنة جنوب العاصمة بغداد" and, in another sentence, "ثكنة في منطقة اللطيفية
    (30 كم) جنوب بغداد … مقتل اثنين … إصابة ثمانية": a city named only as what the place lies near, with the same toll
    (or the same weapon and no toll of the town's own), is the town the text names near it, in its province (a blast
    heard in another town of it is not)."""
    if not (outer.specific and inner.specific) or outer.frame.sentence == inner.frame.sentence or inner.fallback_place:
        return False
    same_toll = outer.fatalities is not None and outer.fatalities == inner.fatalities and \
        (None in (outer.injuries, inner.injuries) or outer.injuries == inner.injuries)
    # (or the town's sentence gives no toll and tells the same weapon: "هجوم صاروخي قرب أوديسا" and "صاروخ أصاب
    # مبنى في بلدة بيلهورود دنيستروفسكي")
    same_weapon = inner.fatalities is None and inner.injuries is None and outer.weapon is not None and \
        weapon_family(outer.weapon) == weapon_family(inner.weapon)
    if not (same_toll or same_weapon):
        return False
    o, i = outer.place.place, inner.place.place
    return outer.place.near and o.feature == "city" and i.feature in {"town", "village"} | QUARTER_FEATURES \
        and o.country_code == i.country_code and o.admin1 == i.admin1 and None not in (o.lat, i.lat) \
        and geo.haversine_km(o.lat, o.lon, i.lat, i.lon) <= AROUND_KM
