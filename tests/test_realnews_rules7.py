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


def test_an_area_recalled_on_another_day_keeps_the_towns_day(kb):
    # the towns take the article's day; an area told after them on a day of its own is an earlier incident
    body = ("شن الطيران الحربي اليوم عدة غارات على قرى ريف إدلب. وقتل مدني في قصف جوي على مدينة جسر الشغور. "
            "وتعرضت مدينة سراقب لقصف جوي. يذكر أن تسعة مدنيين سقطوا يوم أمس ضحية القصف الجوي في ريف إدلب الشمالي.")
    got = sorted((e["location"], e["event_date"], e["fatalities"]) for e in events(kb, body))
    assert got == [("Idlib", "2024-05-01", 9), ("Jisr al-Shughur", "2024-05-02", 1), ("Saraqib", "2024-05-02", None)]


@pytest.mark.parametrize("body,expected", [
    # people who "fell victim" are the dead, counted before the verb (past a vague group and an "among them")
    ("تسعة مدنيين سقطوا يوم أمس ضحية القصف على بلدة سراقب.", (9, "Civilians")),
    ("تسعة مدنيين وأعداد من الجرحى، بينهم نساء وأطفال، سقطوا أمس ضحية القصف على بلدة سراقب.", (9, "Civilians")),
    # negative: a shell that fell is no victim
    ("سقطت قذيفة أمس على بلدة سراقب وأصيب ثلاثة مدنيين.", (None, "Civilians")),
])
def test_those_who_fell_victim(kb, body, expected):
    assert [(e["fatalities"], e["actor2"]) for e in events(kb, body)] == [expected]


@pytest.mark.parametrize("body,expected", [
    # people killed by gunmen, armed by nothing in the text, are civilians; the suspected robbers are the gunmen
    ("قتل 20 شخصا على يد مسلحين أمس، يشتبه في أنهم لصوص، في قرية بولاية زامفارا.",
     ("Violence against civilians", "Unidentified Armed Group", "Civilians (Nigeria)")),
    ("قتل خمسة أشخاص في انفجار عبوة ناسفة في مدينة سبها أمس.", ("Explosions/Remote violence", None, "Civilians (Libya)")),
    # negative: people killed in fighting may be of either side; policemen among them are no civilians
    ("قتل خمسة أشخاص في اشتباكات بين قبيلتين في مدينة سبها أمس.", ("Battles", "Tribal Militia", None)),
    ("قتل 21 شخصا بينهم شرطيان في هجوم على قرية قرب مدينة كيدال أمس.", ("Violence against civilians", None, None)),
])
def test_people_killed_by_an_attack_are_civilians(kb, body, expected):
    assert [(e["event_type"], e["actor1"], e["actor2"]) for e in events(kb, body)] == [expected]


@pytest.mark.parametrize("body,expected", [
    # people arrested, named only by a common noun and by no arresting force, beside a riot of that day: its crowd
    ("اقتحم محتجون غاضبون أمس مبنى محافظة البصرة وأضرموا النار في بوابته. وأعلنت الشرطة إصابة ثلاثة من عناصرها "
     "واعتقال 17 شخصا.", ["Violent demonstration"]),
    # negative: the same arrests made by a force the text names, in another sentence, stay arrests
    ("تظاهر المئات أمس في مدينة البصرة. وفي مدينة البصرة، اعتقلت قوات الأمن أمس 17 شخصا من منازلهم.",
     ["Arrests", "Peaceful protest"]),
])
def test_people_arrested_beside_a_riot(kb, body, expected):
    assert sorted(e["sub_event_type"] for e in events(kb, body)) == expected
