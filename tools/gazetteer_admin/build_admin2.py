import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import read_tsv, gn_admin1, resolve, fmt, HERE, PLACES

HEADER = ["country_code", "admin1_en", "name_en", "name_ar", "variants_ar", "variants_en", "seat_en", "seat_ar", "lat", "lon", "source"]
INPUTS = ["admin2_ar.tsv", "admin2_ye.tsv", "admin2_sd.tsv"]


def main():
    a1 = {}
    for r in read_tsv(os.path.join(HERE, "admin1_ar.tsv")):
        a1[(r["country_code"], r["name_en"])] = gn_admin1(r["admin1_code"] or f"{r['country_code']}-{r['name_en'].upper()}")
    report, out = [], []
    for fn in INPUTS:
        path = os.path.join(HERE, fn)
        if not os.path.exists(path):
            continue
        for r in read_tsv(path):
            cc = r["country_code"]
            key = (cc, r["admin1_en"])
            if key not in a1:
                raise SystemExit(f"unknown admin1 {key} in {fn}: {r}")
            coord = r.get("coord", "")
            note = ""
            if coord.startswith("note:"):
                note, coord = coord[5:].strip(), ""
            names_en = [r["seat_en"]] + ([] if r["seat_en"] != r["name_en"] else [v for v in r["variants_en"].split("|") if v])
            names_ar = [r["seat_ar"]] + ([] if r["seat_ar"] != r["name_ar"] else [v for v in r["variants_ar"].split("|") if v])
            lat, lon, src = resolve(cc, coord, names_en, names_ar, a1[key], report, f"{cc}/{r['admin1_en']}/{r['name_en']}")
            if note and src:
                src += f" ({note})"
            out.append([r[k] for k in HEADER[:8]] + [fmt(lat), fmt(lon), src])
    # keep (country_code, name_en) unique: a name used in two admin1 units gets " (admin1_en)" appended, and the
    # plain name moves to variants_en
    from collections import Counter
    cnt = Counter((o[0], o[2]) for o in out)
    for o in out:
        if cnt[(o[0], o[2])] > 1:
            o[5] = "|".join([o[2]] + [v for v in o[5].split("|") if v])
            o[2] = f"{o[2]} ({o[1]})"
    with open(os.path.join(HERE, "work", "admin2_report.txt"), "w") as f:
        f.write("\n".join(report) + "\n")
    with open(os.path.join(PLACES, "admin2.tsv"), "w", encoding="utf-8") as f:
        f.write(open(os.path.join(HERE, "admin2_header.txt"), encoding="utf-8").read())
        f.write("\t".join(HEADER) + "\n")
        for r in out:
            f.write("\t".join(str(x) for x in r) + "\n")
    print("admin2 rows", len(out))


if __name__ == "__main__":
    main()
