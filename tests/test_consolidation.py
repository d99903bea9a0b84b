"""One incident, one event: drafts of one article told at a coarser and a finer place merge; list
items of one sentence, different tolls, weapons or perpetrators stay apart. Sentences written here."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from importlib import resources
from itertools import combinations

import pytest

from rasd.document import from_text, read_text_file
from rasd.pipeline import extract

PUB = date(2024, 5, 2)
VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians"}


def events(kb, body: str) -> list[dict]:
    recs = extract(from_text("تقرير\nمتابعة\n" + body, "t.txt", PUB), kb, warn=False)
    return [r for r in recs if r["kind"] == "event"]


CASES = [
    # a lede at province level, the village in the next sentence: one event, at the village
    ("شهدت قرى ريف إدلب الجنوبي قصفا مدفعيا مكثفا صباح اليوم. واستهدف القصف بلدة سرمين وأسفر عن مقتل مدنيين اثنين.",
     1, ["Sarm"]),
    # the city in the lede, the market in the body
    ("انفجرت سيارة مفخخة في بغداد صباح اليوم. ووقع الانفجار في سوق جميلة شرقي العاصمة وأسفر عن مقتل سبعة أشخاص.",
     1, ["Jamila"]),
    # "more than 50 killed" in the district, then 58 killed at the market inside it: one bombing
    ("قتل أكثر من 50 شخصا في انفجار شاحنة مفخخة في مدينة الصدر ببغداد صباح اليوم. واستهدفت الشاحنة سوق جميلة "
     "وأسفر الانفجار عن مقتل 58 شخصا.", 1, ["Jamila"]),
    # two tolls: two incidents
    ("قتل ثلاثة مدنيين في قصف مدفعي على ريف إدلب صباح اليوم. وقتل خمسة آخرون في قصف على بلدة سرمين.", 2, []),
    # a strike told at a neighbouring province in the lede, at the town in the body: one event
    ("شنت طائرة حربية غارة على سيارة عند طريق يصل محافظة النبطية بمحافظة البقاع ظهر اليوم. "
     "ووقعت الغارة قرب بلدة شبعا وأدت إلى مقتل شخصين.", 1, ["Sheb"]),
    # a province far from the town named in the body stays its own event
    ("شنت طائرة حربية غارة على محافظة عكار ظهر اليوم. ووقعت غارة أخرى قرب بلدة شبعا.", 2, []),
    # two villages of one province in one sentence: two events
    ("استهدف قصف مدفعي بلدتي سرمين وأريحا في ريف إدلب صباح اليوم.", 2, []),
]


@pytest.mark.parametrize("body,n,places", CASES)
def test_consolidation(kb, body, n, places):
    evs = events(kb, body)
    assert len(evs) == n, [(e["location"], e["fatalities"]) for e in evs]
    for p in places:
        assert any(p.lower() in (e["location"] or "").lower() for e in evs), [e["location"] for e in evs]


def compatible(a: dict, b: dict) -> bool:
    return a["event_type"] == b["event_type"] or {a["event_type"], b["event_type"]} <= VIOLENT


def test_samples_say_each_incident_once(kb):
    """No two events of one article at the same place and day, nor a province-level event and an
    event inside that province on the same day with compatible types."""
    root = resources.files("rasd") / "samples" / "articles"
    bad = []
    for path in sorted(str(p) for p in root.iterdir() if str(p).endswith(".txt")):
        evs = [r for r in extract(read_text_file(path), kb, warn=False) if r["kind"] == "event"]
        by_day = defaultdict(list)
        for e in evs:
            by_day[e["event_date"]].append(e)
        for day, group in by_day.items():
            for a, b in combinations(group, 2):
                same_place = a["location"] and (a["location"], a["admin1"]) == (b["location"], b["admin1"])
                province = any(x["geo_precision"] == 3 and x["admin2"] is None and x["admin1"]
                               and x["admin1"] == y["admin1"] and y["geo_precision"] < 3 for x, y in ((a, b), (b, a)))
                if (same_place or province) and compatible(a, b):
                    bad.append((path.rsplit("/", 1)[-1], day, a["location"], b["location"]))
    assert bad == []


def test_a_neighbouring_province_on_another_day_stays_apart(kb):
    """The province-town link is weaker than containment: the day must be the same, said or not."""
    evs = events(kb, "شنت طائرة حربية غارة على سيارة قرب بلدة شبعا. وكانت غارة قد استهدفت محافظة البقاع يوم الأحد الماضي.")
    assert sorted((e["location"], e["event_date"]) for e in evs) == [("Shebaa", "2024-05-02"), ("Zahle", "2024-04-28")], \
        [(e["location"], e["event_date"]) for e in evs]


def test_a_clause_placed_by_the_dateline_joins_the_event_placed_by_the_text(kb):
    """"عمّان - …" then "a drone attack on a base near the border … another clause with no place": the
    dateline city stands in only when the article places nothing itself."""
    recs = extract(from_text("هجوم على قاعدة\nعمّان - 29 يناير 2024 - قُتل ثلاثة جنود في هجوم بطائرة مسيّرة استهدف قاعدة عسكرية "
                             "في محافظة المفرق أمس. كما أصيب 34 جنديا بجروح في هجوم بطائرة مسيرة أمس.", "t.txt", date(2024, 1, 29)),
                   kb, warn=False)
    assert [e["location"] for e in recs if e["kind"] == "event"] == ["Mafraq"], [(e["location"]) for e in recs if e["kind"] == "event"]


def test_the_headline_above_a_dateline_is_not_the_dateline(kb):
    """The dateline's city is the first place on the dateline's own line, not a place in the headline."""
    recs = extract(from_text("مقتل مدنيين في العراق\nالموصل - 30 مايو 2018 - قتل مدنيان في انفجار عبوة ناسفة صباح اليوم.", "t.txt",
                             date(2018, 5, 30)), kb, warn=False)
    assert [r["location"] for r in recs if r["kind"] == "event"] == ["Mosul"]
