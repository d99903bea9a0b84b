"""A point told by its distance and bearing from a known place ("في قرية على بعد نحو 65 كيلومترا جنوب مدينة الكوت"):
when the clause names no place of its own that rasd knows (the village is in no gazetteer), the incident is coded at
the projected point, with geo_precision 2 — closer to the truth than the reference city or its province. Reads the
clause's distance and direction cues; writes nothing (where.py places the Located it returns)."""

from __future__ import annotations

import math
from dataclasses import replace

from rasd.doc import Clause
from rasd.extract.frame import Located
from rasd.knowledge.places import Place
from rasd.lang import ar

MIN_KM, MAX_KM = 30, 300  # nearer, the reference place stands for the point (ACLED "near X"); farther, too vague
EARTH_KM = 6371.0
WORDS_BEFORE = 4  # words between the kilometres and the place: bearings (جنوب غربي), a feature word (مدينة)
# grammar set -> (north, east) component of the bearing
BEARING_SETS = {"bearing_north": (1, 0), "bearing_south": (-1, 0), "bearing_east": (0, 1), "bearing_west": (0, -1)}
COMPASS = {(1, 0): "N", (-1, 0): "S", (0, 1): "E", (0, -1): "W", (1, 1): "NE", (1, -1): "NW", (-1, 1): "SE", (-1, -1): "SW"}


def projected(clause: Clause, place: Place, start: int, end: int) -> Located | None:
    """The point N km in a bearing from `place` (mentioned at start..end), when the words right before it say so
    ("على بعد 65 كيلومترا جنوب مدينة", "تبعد نحو 100 كيلومتر جنوب غربي")."""
    doc = clause.doc
    mi = doc.token_index(start)
    north = east = 0
    for k in range(mi - 1, max(doc.token_index(clause.start), mi - 1 - WORDS_BEFORE) - 1, -1):
        w = doc.tokens[k].text
        if w in ar.words("kilometre_word") and k > 0 and doc.tokens[k - 1].text.isdigit():
            km = int(doc.tokens[k - 1].text)
            if not MIN_KM < km <= MAX_KM or (north, east) == (0, 0) or place.lat is None or place.lon is None:
                return None
            return Located(_point(place, km, north, east), doc.tokens[k - 1].start, end, True)
        sets = [v for name, v in BEARING_SETS.items() if any(w.startswith(b) or w[1:].startswith(b) for b in ar.words(name))]
        if not sets and doc.at_token("feature", k) is None and w not in ar.words("partitive") | ar.words("capital_word"):
            return None  # (only bearings, a feature word, "the capital" and "من" between the distance and the place)
        for n, e in sets:
            north, east = north or n, east or e
    return None


def _point(place: Place, km: int, north: int, east: int) -> Place:
    angle = math.atan2(east, north)
    dlat = km * math.cos(angle) / EARTH_KM
    dlon = km * math.sin(angle) / (EARTH_KM * math.cos(math.radians(place.lat or 0.0)))
    return replace(place, id=f"{place.id}@{km}{COMPASS[(north, east)]}",
                   name_en=f"{km} km {COMPASS[(north, east)]} of {place.name_en}", feature="village",
                   lat=round((place.lat or 0.0) + math.degrees(dlat), 4), lon=round((place.lon or 0.0) + math.degrees(dlon), 4),
                   layer="projected", population=0)
