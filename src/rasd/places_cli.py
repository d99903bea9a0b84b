"""`rasd places search|import`: look names up in the gazetteer; add official GeoNames dumps.

The importer reads the GeoNames formats as published (allCountries.txt / XX.txt with 19 tab-separated
columns, and alternateNamesV2.txt with 10), keeps populated places, admin areas and the spots
conflict news names (airports, bases, camps, prisons …), takes Arabic names from alternateNamesV2
(language "ar") and from Arabic-script alternate names, and stores them in the user layer
(`$RASD_HOME/places.tsv`), keyed by geonameid so that importing twice changes nothing.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path
from typing import Iterable, Iterator

from rasd.knowledge.places import arabic_names

USER_COLUMNS = ["geonameid", "name_en", "name_ar", "names_ar", "names_en", "feature", "country_code",
                "admin1", "lat", "lon", "population", "source"]

# GeoNames feature class.code -> rasd feature
FEATURE_CODES = {
    "S.AIRP": "airport", "S.AIRF": "airport", "S.AIRB": "airbase", "S.MILB": "military_base",
    "S.INSM": "military_base", "S.CMP": "camp", "S.CMPRF": "camp", "S.PRN": "prison", "S.PSTB": "border_crossing",
    "S.BDG": "bridge", "S.DAM": "dam", "S.OILF": "oil_field", "S.GASF": "gas_field", "S.OILR": "refinery",
    "S.PRT": "port", "S.PT": "port", "L.PRT": "port", "L.OILF": "oil_field", "L.GASF": "gas_field",
    "P.PPLX": "neighbourhood", "T.MT": "mountain", "T.MTS": "mountain", "H.STRT": "strait", "H.GULF": "gulf",
    "H.SEA": "sea", "H.STM": "river",
}
KEEP_CLASSES = {"P", "A", "S", "L", "T", "H"}


class ImportError_(Exception):
    pass


def run(args: argparse.Namespace) -> int:
    from rasd.knowledge.base import load

    if args.places_command == "search":
        kb = load()
        found = kb.search_places(args.name, args.country)[: args.limit]
        if args.format == "json":
            print(json.dumps([p.as_dict() for p in found], ensure_ascii=False, indent=2))
        else:
            from rich.console import Console
            from rich.table import Table

            t = Table(title=f"places named {args.name!r}" + (f" in {args.country}" if args.country else ""))
            for col in ("name", "Arabic", "type", "admin1", "country", "lat", "lon", "population", "id"):
                t.add_column(col)
            for p in found:
                t.add_row(p.name_en, p.name_ar, p.feature, p.admin1 or "", p.country_code,
                          f"{p.lat:.4f}" if p.lat is not None else "", f"{p.lon:.4f}" if p.lon is not None else "",
                          str(p.population or ""), p.id)
            Console().print(t)
        if not found:
            print(f"rasd: no place named {args.name!r}" + (f" in {args.country}" if args.country else ""), file=sys.stderr)
        return 0 if found else 1
    try:
        added, total = import_dumps([Path(f) for f in args.files], args.min_population)
    except ImportError_ as exc:
        print(f"rasd: error: {exc}", file=sys.stderr)
        return 1
    load(rebuild=True)
    print(f"imported {added} new places ({total} in the user layer); knowledge base rebuilt")
    return 0


def _rows(path: Path, width: int) -> Iterator[list[str]]:
    try:
        fh = path.open(encoding="utf-8", newline="")
    except OSError as exc:
        raise ImportError_(f"{path}: cannot read ({exc.strerror})") from None
    with fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.rstrip("\n").split("\t")
            if len(cells) != width:
                raise ImportError_(f"{path}:{lineno}: {len(cells)} columns, a GeoNames file of this kind has {width}")
            yield cells


def _feature(fclass: str, fcode: str, population: int) -> str | None:
    key = f"{fclass}.{fcode}"
    if key in FEATURE_CODES:
        return FEATURE_CODES[key]
    if fclass == "P":
        return "city" if population >= 100_000 or fcode in ("PPLC", "PPLA") else ("town" if population >= 1000 else "village")
    if fclass == "A":
        return "region"
    return None


def import_dumps(files: Iterable[Path], min_population: int = 0) -> tuple[int, int]:
    """Import GeoNames main dumps and alternate-name files into the user layer."""
    from rasd.knowledge.base import user_places_path

    files = list(files)
    alt_files = [f for f in files if "alternatename" in f.name.lower()]
    main_files = [f for f in files if f not in alt_files]
    if not main_files:
        raise ImportError_("no GeoNames main file given (allCountries.txt or XX.txt)")
    places: dict[str, dict[str, str]] = {}
    for f in main_files:
        for c in _rows(f, 19):
            gid, name, _ascii, alts, lat, lon, fclass, fcode, cc = c[:9]
            admin1, pop = c[10], int(c[14] or 0)
            if fclass not in KEEP_CLASSES:
                continue
            feature = _feature(fclass, fcode, pop)
            if feature is None or (fclass == "P" and pop < min_population):
                continue
            ar = arabic_names(alts.split(",")) if alts else []
            places[gid] = {"geonameid": gid, "name_en": name, "name_ar": ar[0] if ar else "", "names_ar": "|".join(ar),
                           "names_en": name, "feature": feature, "country_code": cc, "admin1": admin1,
                           "lat": lat, "lon": lon, "population": str(pop), "source": f"GeoNames dump {f.name} geonameid {gid}"}
    for f in alt_files:
        for c in _rows(f, 10):
            gid, lang, name, historic = c[1], c[2], c[3], c[7]
            p = places.get(gid)
            if p is None or historic == "1":
                continue
            if lang == "ar" and arabic_names([name]):
                names = [n for n in p["names_ar"].split("|") if n]
                if name not in names:
                    names.insert(0, name) if c[4] == "1" else names.append(name)
                p["names_ar"] = "|".join(names)
                p["name_ar"] = names[0]
            elif lang in ("en", "") and name not in p["names_en"].split("|"):
                p["names_en"] += "|" + name
    kept = {g: p for g, p in places.items() if p["names_ar"]}
    target = user_places_path()
    existing: dict[str, dict[str, str]] = {}
    if target.exists():
        with target.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
                existing[row["geonameid"]] = row
    added = sum(1 for g in kept if g not in existing)
    existing.update(kept)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=USER_COLUMNS, delimiter="\t", quoting=csv.QUOTE_NONE, escapechar=None,
                           lineterminator="\n")
        w.writeheader()
        for row in existing.values():
            w.writerow({k: row.get(k, "").replace("\t", " ") for k in USER_COLUMNS})
    tmp.replace(target)
    return added, len(existing)
