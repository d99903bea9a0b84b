"""Rules found by reading real reports, eleventh batch (eighteenth session), each on sentences written for this
test: (sentence, what a careful coder expects). Negative rows keep the reading the rule must not break."""

from __future__ import annotations

from datetime import date

import pytest

from rasd.document import from_text
from rasd.pipeline import extract
from rasd.text.dates import calendar
from rasd.text.normalize import normalize
from test_realnews_rules import events
from test_realnews_rules9 import places


@pytest.mark.parametrize("body,expected", [
    # an Arab province has one Arabic name: a village whose letters skeleton like its Latin variant (بابلان, BLN,
    # like Babylon) is not the province (the bearing from the district's town places the event)
    ("قتل جندي اليوم بانفجار عبوة ناسفة على دورية راجلة في منطقة بابلان شمال قضاء المقدادية بمحافظة ديالى.",
     [("Remote explosive/landmine/IED", "Muqdadiya", "IQ")]),
    # negative: the provinces of the countries the press spells many ways are still sought by skeleton
    ("قتل جندي اليوم بانفجار عبوة ناسفة في منطقة سانماتينجا في بوركينا فاسو.",
     [("Remote explosive/landmine/IED", "Sanmatenga", "BF")]),
])
def test_arab_provinces_are_not_sought_by_skeleton(kb, body, expected):
    assert places(events(kb, body)) == expected


@pytest.mark.parametrize("body,expected", [
    # clashes "between" two quarters: the two sides of one fight, one event (at the first, near it)
    ("تجددت الاشتباكات اليوم بين جبل محسن وباب التبانة في طرابلس وسقط فيها قتيل.",
     [("Armed clash", "Jabal Mohsen", "LB")]),
    # negative: strikes on two towns are two events
    ("شنت الطائرات الحربية اليوم غارات على كفرنبل وسراقب في ريف إدلب.",
     [("Air/drone strike", "Kafr Nabl", "SY"), ("Air/drone strike", "Saraqib", "SY")]),
    # negative: "between" two clans is about the sides, the town is the place
    ("اندلعت اشتباكات اليوم بين عشيرتين في مدينة البصرة أسفرت عن مقتل شخصين.",
     [("Armed clash", "Basrah", "IQ")]),
])
def test_two_places_after_between_are_one_incident(kb, body, expected):
    assert places(events(kb, body)) == expected


def test_a_month_written_in_both_calendars_is_a_month():
    # "آب/أغسطس" is August (Levantine and Egyptian names): never the Yemeni province Ibb
    text = normalize("قتل 804 عراقيين خلال الشهر الماضي آب/أغسطس").text
    months = [t for t in calendar().find(text) if t.kind == "month"]
    assert [t.month for t in months] == [8]


@pytest.mark.parametrize("body,expected", [
    ("أعلنت الأمم المتحدة اليوم أن 804 عراقيين قتلوا خلال الشهر الماضي آب/أغسطس جراء أعمال العنف.", []),
    # negative: the province itself
    ("قتل ثلاثة مدنيين اليوم في قصف على مدينة إب.", [("Shelling/artillery/missile attack", "Ibb", "YE")]),
])
def test_no_event_at_a_month_read_as_a_place(kb, body, expected):
    assert places(events(kb, body, date(2013, 9, 1))) == expected


@pytest.mark.parametrize("body,expected", [
    # a movement's supporters arrested in a raid are its members, not a crowd: arrests, not a riot
    ("اقتحمت قوات الاحتلال مدينة الخليل فجر اليوم واعتقلت 20 فلسطينيا من أنصار وكوادر حركة حماس.",
     [("Arrests", "Hebron", "PS")]),
    ("اقتحمت قوات الاحتلال مدينة الخليل فجر اليوم واعتقلت 20 فلسطينيا من أنصار حركة حماس.",
     [("Arrests", "Hebron", "PS")]),
    # negative: protesters arrested are a protest broken up
    ("اعتقلت الشرطة اليوم عشرات المتظاهرين في وسط مدينة الخليل.", [("Protest with intervention", "Hebron", "PS")]),
])
def test_supporters_of_a_movement_are_no_crowd(kb, body, expected):
    assert places(events(kb, body)) == expected


@pytest.mark.parametrize("body,expected", [
    # Benghazi's districts of the 2014–17 battles (curated layer): the district, not the city
    ("قتل 22 شخصا اليوم في تفجير سيارة مفخخة في منطقة القوارشة غربي مدينة بنغازي.",
     [("Remote explosive/landmine/IED", "Qawarsha", "LY")]),
    ("قتل مدني اليوم برصاص قناص في منطقة الصابري وسط بنغازي.", [("Attack", "Al-Sabri", "LY")]),
])
def test_benghazi_districts(kb, body, expected):
    assert places(events(kb, body)) == expected


ARTICLE = ("مقتل شخصين في اشتباك مسلح بمدينة إب\n"
           "قتل شخصان اليوم الخميس في اشتباك مسلح بمدينة إب وسط اليمن.\n"
           "اقرأ أيضاً:\n")


@pytest.mark.parametrize("after,expected", [
    # a bare "read also:" line shows another story's headline and lede on the lines after it: not this article's
    ("مقتل جندي في كمين استهدف دورية عسكرية بمحافظة أبين\n"
     "قتل جندي وأصيب آخر اليوم في كمين مسلح استهدف دورية عسكرية في مدينة زنجبار.\n", ["Ibb"]),
    # negative: a line that goes on with the article after the link ("وأضاف …", "في سياق متصل، …") is the article
    ("مقتل جندي في كمين بمحافظة أبين\n"
     "في سياق متصل، قتل مدني اليوم برصاص مسلحين في مدينة ذمار.\n", ["Ibb", "Dhamar"]),
])
def test_the_links_after_read_also_are_other_news(kb, after, expected):
    evs = [r for r in extract(from_text(ARTICLE + after, "t.txt", date(2025, 4, 10)), kb, warn=False) if r["kind"] == "event"]
    assert [e["location"] for e in evs] == expected


def test_breaking_label_keeps_its_news(kb):
    # "عاجل" alone on its line labels the news of the next line, which stays
    text = "عاجل\n\nقتل ثلاثة مدنيين اليوم الخميس في قصف على مدينة إب.\n"
    evs = [r for r in extract(from_text(text, "t.txt", date(2025, 4, 10)), kb, warn=False) if r["kind"] == "event"]
    assert [e["location"] for e in evs] == ["Ibb"]


@pytest.mark.parametrize("body,killed", [
    # "سقط فيها قتيل": one dead, told by the singular noun after "in it"
    ("اندلعت اشتباكات اليوم في مدينة طرابلس سقط فيها قتيل وعشرة جرحى.", 1),
    # negative: the plural says no number
    ("اندلعت اشتباكات اليوم في مدينة طرابلس سقط فيها قتلى وجرحى.", None),
])
def test_one_dead_told_by_the_singular_noun(kb, body, killed):
    assert [e["fatalities"] for e in events(kb, body)] == [killed]


@pytest.mark.parametrize("footer", ["المصدر: وكالة للأنباء", "المصدر: موقع الخبر"])
def test_a_source_footer_is_no_place(kb, footer):
    # "المصدر:" ("the source") is an everyday word, not the village of that name: the article keeps its place
    text = ("مقتل شخصين في اشتباك مسلح بمدينة تعز\n"
            "قتل شخصان اليوم الخميس في اشتباك مسلح بمدينة تعز وسط اليمن.\n" + footer + "\n")
    evs = [r for r in extract(from_text(text, "t.txt", date(2025, 4, 10)), kb, warn=False) if r["kind"] == "event"]
    assert [e["location"] for e in evs] == ["Taiz"]
