import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import read_tsv, gn_admin1, resolve, fmt, HERE, PLACES

HEADER = ["country_code", "admin1_code", "name_en", "name_ar", "variants_ar", "variants_en", "capital_en", "capital_ar", "lat", "lon", "source",
          "geonames_admin1"]


def main():
    rows = read_tsv(os.path.join(HERE, "admin1_ar.tsv"))
    report, out = [], []
    for r in rows:
        cc = r["country_code"]
        a1 = gn_admin1(r["admin1_code"] or f"{cc}-{r['name_en'].upper()}")
        lat, lon, src = resolve(cc, r.get("coord"), [r["capital_en"]], [r["capital_ar"]], a1, report,
                                f"{cc}/{r['name_en']}", other_cc=("EH",) if cc == "MA" else ())
        # GeoNames admin1 code of this unit (read by rasd.knowledge.base to name the admin1 of GeoNames towns).
        # Left empty where GeoNames has no matching first-level unit (IQ Kurdistan Region overlaps 4 governorates;
        # GeoNames' PS first level is West Bank / Gaza Strip, not the 16 governorates).
        gcode = f"{cc}.{a1}" if a1 and r["admin1_code"] != "IQ-KR" and cc != "PS" else ""
        out.append([r[k] for k in HEADER[:8]] + [fmt(lat), fmt(lon), src, gcode])
    from collections import Counter
    dup = Counter(o[-1] for o in out if o[-1])
    assert all(v == 1 for v in dup.values()), [k for k, v in dup.items() if v > 1]
    with open(os.path.join(HERE, "work", "admin1_report.txt"), "w") as f:
        f.write("\n".join(report) + "\n")
    with open(os.path.join(PLACES, "admin1.tsv"), "w", encoding="utf-8") as f:
        f.write(open(os.path.join(HERE, "admin1_header.txt"), encoding="utf-8").read())
        f.write("\t".join(HEADER) + "\n")
        for r in out:
            f.write("\t".join(str(x) for x in r) + "\n")
    print("admin1 rows", len(out))


if __name__ == "__main__":
    main()
