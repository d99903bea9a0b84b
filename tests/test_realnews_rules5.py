"""Rules found by reading real reports (bench/realnews heldout15), fifth batch, each on sentences written for this
test: (sentence, what a careful coder expects). Negative rows keep the reading the rule must not break."""

from __future__ import annotations

from datetime import date

import pytest

from rasd.document import from_text
from rasd.pipeline import extract
from test_realnews_rules import PUB, events


@pytest.mark.parametrize("body,expected", [
    # an event word right after "the village of" names the village (the Lebanese village Maaraka, "battle")
    ("أدت الغارة الإسرائيلية على بلدة معركة في قضاء صور أمس إلى استشهاد أربعة أشخاص.", ["Air/drone strike"]),
    # the same word after a preposition is the battle
    ("قتل جنديان أمس في معركة مع مسلحين قرب بلدة الخيام.", ["Armed clash"]),
])
def test_an_event_word_after_village_is_its_name(kb, body, expected):
    assert [e["sub_event_type"] for e in events(kb, body)] == expected


@pytest.mark.parametrize("body,expected", [
    # the people a march stands in solidarity with are not where it marched
    ("خرج المئات أمس في مسيرة بمدينة فاس للتعبير عن التضامن مع الفلسطينيين المشاركين في مسيرات العودة بقطاع غزة.",
     ["Fes"]),
    # a march in Gaza itself is there
    ("خرج المئات أمس في مسيرة بمدينة غزة للتعبير عن التضامن مع الأسرى.", ["Gaza City"]),
])
def test_solidarity_names_no_place_of_the_protest(kb, body, expected):
    assert [e["location"] for e in events(kb, body)] == expected


def test_a_first_line_ending_in_a_full_stop_and_a_comma_is_body(kb):
    text = ("شهدت مدينة فاس صباح اليوم الأحد انطلاق المسيرة الوطنية للتضامن مع الأسرى، بمشاركة آلاف المواطنين.،\n"
            "وردد المشاركون شعارات مؤيدة للأسرى.")
    recs = [r for r in extract(from_text(text, "t.txt", date(2024, 5, 12)), kb, warn=False) if r["kind"] == "event"]
    assert [(r["sub_event_type"], r["location"]) for r in recs] == [("Peaceful protest", "Fes")]


@pytest.mark.parametrize("body,expected", [
    # what a place lives through ("which sees heavy fighting") is no incident of the clause
    ("قتل مدنيان أمس في قصف مدفعي على مدينة حلب التي تشهد معارك عنيفة منذ أشهر.", ["Shelling/artillery/missile attack"]),
    ("سجلت الأمم المتحدة 300 قتيل في منطقتي دونيتسك ولوغانسك اللتين تشهدان قتالا عنيفا.", []),
    # the place witnessing clashes today is the clash
    ("شهدت مدينة حلب أمس اشتباكات عنيفة بين الجيش ومسلحين.", ["Armed clash"]),
])
def test_what_a_place_lives_through(kb, body, expected):
    assert [e["sub_event_type"] for e in events(kb, body)] == expected


@pytest.mark.parametrize("body,expected", [
    # a place in a province of the Kurdistan Region is inside the region: the field, not the region's seat
    ("استهدفت طائرة مسيرة حقل كورمور للغاز في إقليم كردستان العراق مساء أمس.", ["Khor Mor Gas Field"]),
    ("استهدفت طائرة مسيرة مساء أمس موقعا في إقليم كردستان العراق.", ["Erbil"]),
])
def test_a_region_of_several_provinces_holds_their_places(kb, body, expected):
    assert [e["location"] for e in events(kb, body)] == expected


def test_a_dated_incident_told_after_others_keeps_its_own_day(kb):
    body = ("وقالت الشرطة إن ثلاثة عناصر من الشرطة قتلوا في هجوم مسلح في مدينة كالي الكولومبية.\n"
            "كما قتل شرطي رابع في هجوم مسلح في مدينة ميديلين الكولومبية.\n"
            "وتعرضت مروحية تقل الرئيس الكولومبي إلى إطلاق نار الجمعة بالقرب من الحدود.")
    recs = events(kb, body, date(2021, 6, 27))
    assert sorted((e["location"], e["event_date"], e["fatalities"]) for e in recs) == [
        ("Cali", "2021-06-27", 3), ("Medellín", "2021-06-27", 1)]


def test_a_dated_lede_before_the_incidents_gives_them_its_day(kb):
    body = ("شهدت كولومبيا الجمعة يوما جديدا من أعمال العنف.\n"
            "وقتل ثلاثة عناصر من الشرطة في هجوم مسلح في مدينة كالي.\n"
            "كما قتل شرطي رابع في هجوم مسلح في مدينة ميديلين.")
    recs = events(kb, body, date(2021, 6, 27))
    assert sorted((e["location"], e["event_date"]) for e in recs) == [("Cali", "2021-06-25"), ("Medellín", "2021-06-25")]


@pytest.mark.parametrize("body,expected", [
    # the victims, then the force they belong to, before their verb
    ("وقال المتحدث إن ثلاثة عناصر من الشرطة قتلوا في هجوم مسلح في مدينة كالي الكولومبية أمس.", (3, None)),
    # "no fewer than" denies nothing: both counts stand
    ("أفاد مسؤول بمقتل ما لا يقل عن 50 شخصا وإصابة 140 آخرين في انفجار استهدف مسجدا في مدينة قندوز أمس.", (50, 140)),
    # details of the toll not yet known: unknown, not zero
    ("وقع انفجار أمس داخل مسجد في مدينة قندوز، ولم تتوافر حتى الآن تفاصيل عن العدد الدقيق للضحايا.", (None, None)),
    # harm denied: zero
    ("وقع انفجار أمس قرب مسجد في مدينة قندوز، دون وقوع إصابات.", (0, 0)),
])
def test_tolls_of_real_wording(kb, body, expected):
    assert [(e["fatalities"], e["injuries"]) for e in events(kb, body)] == [expected]
