"""Rules found by reading real reports, seventh batch (fourteenth session), each on sentences written for this
test: (sentence, what a careful coder expects). Negative rows keep the reading the rule must not break."""

from __future__ import annotations

import pytest

from test_realnews_rules import events, records


def tallies(recs: list[dict]) -> list[tuple]:
    return [(r["count"], r["at_least"], r["period_start"]) for r in recs if r["kind"] == "tally"]


@pytest.mark.parametrize("body,expected", [
    # a bound inside the toll's own phrase ("مقتل أكثر من 40") makes the tally a lower bound
    ("وثق المرصد مقتل أكثر من 40 شخصا في هجمات متفرقة في إدلب منذ مطلع الشهر الجاري.", [(40, True, "2024-05-01")]),
    ("قتل 40 شخصا على الأقل في هجمات متفرقة في إدلب منذ مطلع الشهر.", [(40, True, "2024-05-01")]),
    # the start of this year, written out, opens the period
    ("قتل 40 شخصا في هجمات متفرقة في إدلب منذ مطلع العام الجاري.", [(40, False, "2024-01-01")]),
    ("قتل 40 شخصا في هجمات متفرقة في إدلب منذ بداية العام.", [(40, False, "2024-01-01")]),
    # an exact figure stays exact
    ("قتل 40 شخصا في هجمات متفرقة في إدلب منذ مطلع أبريل.", [(40, False, "2024-04-01")]),
])
def test_a_tallys_bound_and_the_start_of_its_period(kb, body, expected):
    assert tallies(records(kb, body)) == expected


@pytest.mark.parametrize("body,expected", [
    # the people an abduction or an arrest takes, named by a common noun after the verb and its subject, are civilians
    ("اختطف مسلحون مجهولون مدرسا في بلدة الصنمين بريف درعا يوم الثلاثاء.", "Civilians (Syria)"),
    ("اعتقلت قوات الأمن أمس ثلاثة ناشطين في مدينة صفاقس.", "Civilians (Tunisia)"),
    # negative: wanted men are suspects, not civilians; soldiers taken are not civilians either
    ("اعتقلت قوات الأمن أمس ثلاثة مطلوبين في مدينة صفاقس.", None),
    ("اختطف مسلحون جنديين في بلدة الصنمين بريف درعا يوم الثلاثاء.", None),
])
def test_the_people_taken_are_the_second_actor(kb, body, expected):
    assert [e["actor2"] for e in events(kb, body)] == [expected]
