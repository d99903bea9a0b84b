"""Vendor the dashboard's third-party files from the npm registry into the package (no CDN at run
time): Leaflet, Leaflet.markercluster, and Natural Earth country outlines (world-atlas, 1:50m),
converted from TopoJSON to GeoJSON and cut to the region rasd covers.

    python tools/vendor_web.py        # needs `npm` (registry access) once; the output is committed
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "rasd" / "web" / "static" / "vendor"
PACKAGES = {"leaflet": "1.9.4", "leaflet.markercluster": "1.5.3", "world-atlas": "2.0.2"}
BBOX = (-20.0, -5.0, 66.0, 45.0)  # lon/lat box: North Africa, the Horn, the Middle East, Iran, Turkey


def npm_unpack(name: str, version: str, work: Path) -> Path:
    subprocess.run(["npm", "pack", f"{name}@{version}", "--silent"], cwd=work, check=True, capture_output=True)
    tgz = next(work.glob(f"{name.replace('@', '').replace('/', '-')}-{version}.tgz"))
    dest = work / name
    with tarfile.open(tgz) as t:
        t.extractall(dest, filter="data")
    return dest / "package"


def topo_to_geo(topo: dict, layer: str) -> dict:
    """Decode a quantized TopoJSON layer (arcs are delta-encoded) into GeoJSON features."""
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            pts.append([round(x * sx + tx, 4), round(y * sy + ty, 4)])
        arcs.append(pts)

    def ring(indices: list[int]) -> list[list[float]]:
        out: list[list[float]] = []
        for i in indices:
            pts = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
            out.extend(pts if not out else pts[1:])
        return out

    feats = []
    for g in topo["objects"][layer]["geometries"]:
        if g.get("type") == "Polygon":
            coords = [ring(r) for r in g["arcs"]]
            geom = {"type": "Polygon", "coordinates": coords}
        elif g.get("type") == "MultiPolygon":
            geom = {"type": "MultiPolygon", "coordinates": [[ring(r) for r in poly] for poly in g["arcs"]]}
        else:
            continue
        feats.append({"type": "Feature", "id": g.get("id"), "properties": g.get("properties", {}), "geometry": geom})
    return {"type": "FeatureCollection", "features": feats}


def in_box(feature: dict) -> bool:
    x0, y0, x1, y1 = BBOX
    geom = feature["geometry"]
    polys = [geom["coordinates"]] if geom["type"] == "Polygon" else geom["coordinates"]
    return any(x0 <= x <= x1 and y0 <= y <= y1 for poly in polys for ring in poly for x, y in ring)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as d:
        work = Path(d)
        leaflet = npm_unpack("leaflet", PACKAGES["leaflet"], work)
        (OUT / "leaflet").mkdir(exist_ok=True)
        for f in ("leaflet.js", "leaflet.css"):
            shutil.copy(leaflet / "dist" / f, OUT / "leaflet" / f)
        shutil.copytree(leaflet / "dist" / "images", OUT / "leaflet" / "images", dirs_exist_ok=True)
        shutil.copy(leaflet / "LICENSE", OUT / "leaflet" / "LICENSE")
        mc = npm_unpack("leaflet.markercluster", PACKAGES["leaflet.markercluster"], work)
        (OUT / "markercluster").mkdir(exist_ok=True)
        for f in ("leaflet.markercluster.js", "MarkerCluster.css", "MarkerCluster.Default.css"):
            shutil.copy(mc / "dist" / f, OUT / "markercluster" / f)
        shutil.copy(mc / "MIT-LICENCE.txt", OUT / "markercluster" / "LICENSE")
        wa = npm_unpack("world-atlas", PACKAGES["world-atlas"], work)
        topo = json.loads((wa / "countries-50m.json").read_text())
        geo = topo_to_geo(topo, "countries")
        geo["features"] = [f for f in geo["features"] if in_box(f)]
        (OUT / "ne_countries_50m.geojson").write_text(json.dumps(geo, separators=(",", ":")))
        shutil.copy(wa / "LICENSE", OUT / "NATURAL_EARTH_world-atlas_LICENSE")
    print(f"vendored into {OUT}")


if __name__ == "__main__":
    main()
