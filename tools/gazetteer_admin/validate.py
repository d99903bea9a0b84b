"""Validate the three gazetteer TSVs (run after build_*.py)."""
import csv, os, re, sys
import pycountry
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import PLACES
import gn

# rough bounding boxes (lat_min, lat_max, lon_min, lon_max)
BBOX = {"DZ": (18, 38, -9, 12.5), "BH": (25.5, 26.5, 50.2, 50.9), "KM": (-12.6, -11.2, 43, 44.7), "DJ": (10.8, 12.9, 41.7, 43.5),
        "EG": (21.5, 31.8, 24.5, 37), "IQ": (29, 37.5, 38.7, 48.7), "JO": (29, 33.5, 34.8, 39.4), "KW": (28.5, 30.2, 46.5, 48.5),
        "LB": (33, 34.8, 35, 36.7), "LY": (19.5, 33.3, 9, 25.3), "MR": (14.6, 27.4, -17.2, -4.7), "MA": (20.7, 36, -17.2, -0.9),
        "OM": (16.5, 26.5, 51.8, 60), "PS": (31.2, 32.6, 34.2, 35.6), "QA": (24.4, 26.3, 50.7, 51.7), "SA": (16, 32.3, 34.4, 55.8),
        "SO": (-1.8, 12, 40.9, 51.5), "SD": (8.6, 22.3, 21.8, 38.7), "SY": (32.3, 37.4, 35.6, 42.4), "TN": (30.2, 37.6, 7.5, 11.7),
        "AE": (22.6, 26.1, 51.5, 56.5), "YE": (12, 19, 42.5, 54.6), "IL": (29.4, 33.4, 34.2, 35.9), "IR": (25, 39.8, 44, 63.4),
        "TR": (35.8, 42.2, 25.6, 44.9)}
AR = re.compile("[\u0600-\u06ff]")
NON_ARABIC_LETTERS = re.compile("[یکەێۆپچگژڤۀہےھ]")
DIACRITICS = re.compile("[\u064b-\u0652\u0670]")


def rows(name):
    with open(os.path.join(PLACES, name), encoding="utf-8") as f:
        lines = [l for l in f if not l.startswith("#")]
    r = list(csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    return r[0], r[1:]


def check_ar(errs, where, field, val, name_ar=None):
    items = [v for v in val.split("|")] if val else []
    for v in items:
        if not v.strip() or v != v.strip():
            errs.append(f"{where}: empty/padded item in {field}: {val!r}")
        if re.search("[A-Za-z]", v):
            errs.append(f"{where}: Latin in {field}: {v}")
        if v and not AR.search(v):
            errs.append(f"{where}: non-Arabic {field}: {v}")
        if NON_ARABIC_LETTERS.search(v):
            errs.append(f"{where}: Persian/Kurdish/Urdu letter in {field}: {v}")
        if DIACRITICS.search(v):
            errs.append(f"{where}: diacritics in {field}: {v}")
    if name_ar is not None:
        seen = {gn.arnorm(name_ar)}
        for v in items:
            n = gn.arnorm(v)
            if n in seen:
                errs.append(f"{where}: variant {v!r} equals name/another variant after normalisation")
            seen.add(n)


def check_ll(errs, where, cc, lat, lon, src):
    if not src:
        errs.append(f"{where}: empty source")
    if lat == "" and lon == "":
        if not src.startswith("no coordinates"):
            errs.append(f"{where}: no coordinates and source does not say so")
        return
    lat, lon = float(lat), float(lon)
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        errs.append(f"{where}: coordinate out of range")
    if cc in BBOX:
        a, b, c, d = BBOX[cc]
        if cc == "MA":
            a = 20.7  # Moroccan regions include Western Sahara
        if not (a <= lat <= b and c <= lon <= d):
            errs.append(f"{where}: {lat},{lon} outside rough box of {cc}")


def main():
    errs, stats = [], {}
    codes = {c.alpha_2 for c in pycountry.countries} | {"XK"}
    h, rs = rows("countries.tsv")
    stats["countries"] = len(rs)
    seen = set()
    for r in rs:
        if len(r) != len(h):
            errs.append(f"countries: bad column count {r}")
            continue
        d = dict(zip(h, r))
        w = f"countries/{d['code']}"
        if d["code"] not in codes:
            errs.append(f"{w}: unknown code")
        if d["code"] in seen or ("c", d["name_en"]) in seen:
            errs.append(f"{w}: duplicate")
        seen |= {d["code"], ("c", d["name_en"])}
        check_ar(errs, w, "name_ar", d["name_ar"])
        check_ar(errs, w, "variants_ar", d["variants_ar"], d["name_ar"])
        check_ar(errs, w, "nisba_ar", d["nisba_ar"], "")
        check_ar(errs, w, "capital_ar", d["capital_ar"])
        check_ll(errs, w, d["code"], d["lat"], d["lon"], d["source"])
    stats["countries_with_nisba"] = sum(1 for r in rs if r[h.index("nisba_ar")])
    missing = codes - {r[0] for r in rs}
    if missing:
        errs.append(f"countries missing: {sorted(missing)}")

    h1, rs1 = rows("admin1.tsv")
    a1 = {}
    iso2 = {s.code for s in pycountry.subdivisions}
    for r in rs1:
        if len(r) != len(h1):
            errs.append(f"admin1: bad column count {r}")
            continue
        d = dict(zip(h1, r))
        w = f"admin1/{d['country_code']}/{d['name_en']}"
        if d["admin1_code"] and d["admin1_code"] not in iso2:
            errs.append(f"{w}: admin1_code {d['admin1_code']} not ISO 3166-2")
        k = (d["country_code"], d["name_en"])
        if k in a1:
            errs.append(f"{w}: duplicate (country, name_en)")
        a1[k] = d
        check_ar(errs, w, "name_ar", d["name_ar"])
        check_ar(errs, w, "variants_ar", d["variants_ar"], d["name_ar"])
        check_ar(errs, w, "capital_ar", d["capital_ar"])
        check_ll(errs, w, d["country_code"], d["lat"], d["lon"], d["source"])
        stats.setdefault("admin1", {}).setdefault(d["country_code"], 0)
        stats["admin1"][d["country_code"]] += 1

    h2, rs2 = rows("admin2.tsv")
    seen2 = set()
    for r in rs2:
        if len(r) != len(h2):
            errs.append(f"admin2: bad column count {r}")
            continue
        d = dict(zip(h2, r))
        w = f"admin2/{d['country_code']}/{d['admin1_en']}/{d['name_en']}"
        if (d["country_code"], d["admin1_en"]) not in a1:
            errs.append(f"{w}: admin1_en not in admin1.tsv")
        k = (d["country_code"], d["admin1_en"], d["name_en"])
        if (d["country_code"], d["name_en"]) in {(a, c) for a, _, c in seen2}:
            errs.append(f"{w}: duplicate (country, admin1, name_en)")
        seen2.add(k)
        check_ar(errs, w, "name_ar", d["name_ar"])
        check_ar(errs, w, "variants_ar", d["variants_ar"], d["name_ar"])
        check_ar(errs, w, "seat_ar", d["seat_ar"])
        check_ll(errs, w, d["country_code"], d["lat"], d["lon"], d["source"])
        stats.setdefault("admin2", {}).setdefault(d["country_code"], [0, 0])
        stats["admin2"][d["country_code"]][0] += 1
        if d["lat"] == "":
            stats["admin2"][d["country_code"]][1] += 1
    dup_en = {}
    for (cc, a, n) in seen2:
        dup_en.setdefault((cc, n), []).append(a)
    stats["admin2_same_name_en_in_two_admin1"] = {f"{cc}/{n}": v for (cc, n), v in dup_en.items() if len(v) > 1}
    for e in errs:
        print("ERROR", e)
    print(stats)
    return 1 if errs else 0


if __name__ == "__main__":
    sys.exit(main())
