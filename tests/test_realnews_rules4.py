"""Rules found by reading real reports (bench/realnews, the probes), fourth batch, each on sentences written
for this test: (sentence, what a careful coder expects). Negative rows keep the reading the rule must not break."""

from __future__ import annotations

import pytest

from test_realnews_rules import events


@pytest.mark.parametrize("body,expected", [
    # the victims counted through "of" before their verb: "10 of his soldiers were killed"
    ("قال الجيش إن 10 من جنوده قتلوا في هجوم على نقطة تفتيش في مدينة بيشاور أمس.", 10),
    ("قال الجيش إن عشرة من الجنود على الأقل قتلوا في هجوم على نقطة تفتيش في مدينة بيشاور أمس.", 10),
    # the count before the verb, no "of": unchanged
    ("قال الجيش إن 10 جنود قتلوا في هجوم على نقطة تفتيش في مدينة بيشاور أمس.", 10),
])
def test_victims_counted_through_of_before_their_verb(kb, body, expected):
    assert [e["fatalities"] for e in events(kb, body)] == [expected]


@pytest.mark.parametrize("body,expected", [
    # protesters arrested at their protest: the protest, with intervention (ACLED), protesters first
    ("اعتقلت الشرطة عشرات المتظاهرين في مدينة الكوت أمس.", [("Protest with intervention", "Protesters (Iraq)")]),
    # activists arrested are an arrest, not a protest
    ("اعتقلت الشرطة أمس ثلاثة ناشطين في مدينة الكوت.", [("Arrests", "Police Forces of Iraq")]),
])
def test_protesters_arrested_are_the_protest(kb, body, expected):
    assert [(e["sub_event_type"], e["actor1"]) for e in events(kb, body)] == expected


@pytest.mark.parametrize("body,expected", [
    # "attacked" in a speech or an interview is words, not an attack
    ("ألقى الوزير خطابا في مدينة البصرة أمس هاجم فيه بشدة خصومه السياسيين.", []),
    ("وفي مقابلة تلفزيونية أمس من مدينة البصرة، هاجم رئيس الوزراء المعارضة.", []),
    # an attack reported in a statement is still an attack
    ("وقال المحافظ في تصريحات إن مسلحين هاجموا حاجزا للشرطة في مدينة البصرة أمس وقتلوا شرطيين.", ["Basrah"]),
    ("هاجم مسلحون حاجزا للشرطة في مدينة البصرة أمس وقتلوا شرطيين.", ["Basrah"]),
])
def test_attacked_in_a_speech_is_words(kb, body, expected):
    assert [e["location"] for e in events(kb, body)] == expected
