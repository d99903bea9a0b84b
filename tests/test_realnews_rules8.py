"""Rules found by reading real reports, eighth batch (fifteenth session), each on sentences written for this
test: (sentence, what a careful coder expects). Negative rows keep the reading the rule must not break."""

from __future__ import annotations

import pytest

from test_realnews_rules import events


def where_when(evs: list[dict]) -> list[tuple]:
    return [(e["event_date"], e["location"], e["fatalities"]) for e in evs]


@pytest.mark.parametrize("body,expected", [
    # the event told after an anchor cue is the clause's own: its day is the anchor's, its place and toll are
    # those told after the cue, whatever words of passing time and of "about" the paper puts in
    ("قتل مسلحان في غارة بطائرة مسيرة استهدفت سيارة في بلدة كفرا جنوب لبنان اليوم. ويأتي هذا الاستهداف بعد مضي "
     "نحو 24 ساعة على غارة مماثلة أسفرت عن مقتل قيادي في مدينة صور.",
     [("2024-05-02", "Kafra", 2), ("2024-05-01", "Tyre", 1)]),
    ("قتل مسلحان في غارة بطائرة مسيرة استهدفت سيارة في بلدة كفرا جنوب لبنان اليوم. ويأتي هذا الاستهداف بعد مرور "
     "يومين على غارة مماثلة أسفرت عن مقتل قيادي في مدينة صور.",
     [("2024-05-02", "Kafra", 2), ("2024-04-30", "Tyre", 1)]),
    ("قتل مسلحان في غارة بطائرة مسيرة استهدفت سيارة في بلدة كفرا جنوب لبنان اليوم. وجاءت الغارة غداة غارة "
     "أسفرت عن مقتل قيادي في مدينة صور.",
     [("2024-05-02", "Kafra", 2), ("2024-05-01", "Tyre", 1)]),
    # negative: what the anchor names is no event, so the clause adds none
    ("قتل مسلحان في غارة بطائرة مسيرة استهدفت سيارة في بلدة كفرا جنوب لبنان اليوم. وجاءت الغارة بعد مضي نحو "
     "24 ساعة على زيارة وزير الدفاع إلى مدينة صور.",
     [("2024-05-02", "Kafra", 2)]),
    # negative: an earlier event a week back is background, whatever its words
    ("قتل مسلحان في غارة بطائرة مسيرة استهدفت سيارة في بلدة كفرا جنوب لبنان اليوم. ويأتي هذا الاستهداف بعد مرور "
     "أسبوعين على غارة أسفرت عن مقتل قيادي في مدينة صور.",
     [("2024-05-02", "Kafra", 2)]),
])
def test_the_event_after_an_anchor(kb, body, expected):
    assert where_when(events(kb, body)) == expected


@pytest.mark.parametrize("body,expected", [
    # a bare "the army" after the army named with its country in the clause is that army again
    ("أعلن المتحدث باسم الجيش الإسرائيلي أن الجيش نفذ غارة أمس في بلدة كفرا جنوب لبنان أدت إلى مقتل قيادي في حزب الله.",
     "Military Forces of Israel"),
    # negative: a bare "the army" alone is the army of the event's country
    ("أعلنت وزارة الدفاع أن الجيش نفذ غارة أمس في بلدة كفرا جنوب لبنان أدت إلى مقتل قيادي في حزب الله.",
     "Military Forces of Lebanon"),
])
def test_a_bare_force_word_after_its_full_name(kb, body, expected):
    assert [e["actor1"] for e in events(kb, body)] == [expected]


@pytest.mark.parametrize("body,expected", [
    # where vehicles were heading is not where they were hit
    ("استهدفت عصابة مسلحة أمس سيارات تجارية قرب بلدة بصرى الشام كانت متجهة إلى السويداء.", ["Busra al-Sham"]),
    # negative: the heading place stands when the clause names no other
    ("هاجم مسلحون أمس حافلة ركاب في مدينة السويداء.", ["As-Suwayda"]),
])
def test_where_vehicles_were_heading(kb, body, expected):
    assert [e["location"] for e in events(kb, body)] == expected
