"""Rules found by reading real reports, ninth batch (sixteenth session), each on sentences written for this
test: (sentence, what a careful coder expects). Negative rows keep the reading the rule must not break."""

from __future__ import annotations

from datetime import date

import pytest

from rasd.document import from_text
from rasd.pipeline import extract
from test_realnews_rules import events


def records_of(kb, text: str, published: date = date(2024, 5, 2)) -> list[dict]:
    return [r for r in extract(from_text(text, "t.txt", published), kb, warn=False) if r["kind"] == "event"]


def places(evs: list[dict]) -> list[tuple]:
    return [(e["sub_event_type"], e["location"], e["country_code"]) for e in evs]


@pytest.mark.parametrize("body,expected", [
    # the bare word for capital after "in the centre of" is the capital of the country the article is about
    ("بعد خطاب قائد المجلس العسكري في النيجر، تظاهر آلاف النيجريين صباح اليوم في وسط العاصمة دعما للمجلس.",
     [("Peaceful protest", "Niamey", "NE")]),
    ("تظاهر مئات السودانيين اليوم بالعاصمة للمطالبة بحكم مدني في السودان.",
     [("Peaceful protest", "Khartoum", "SD")]),
    # negative: a capital named, or named by its adjective, is that one
    ("تظاهر مئات اليوم في العاصمة الليبية طرابلس للمطالبة بإجراء الانتخابات.",
     [("Peaceful protest", "Tripoli", "LY")]),
    # negative: a convoy coming from the capital is not in it
    ("قتل ثلاثة جنود في مالي اليوم في كمين استهدف قافلة قادمة من العاصمة.",
     [("Armed clash", None, "ML")]),
])
def test_the_bare_capital(kb, body, expected):
    assert places(events(kb, body)) == expected


@pytest.mark.parametrize("text,expected", [
    # an outlet and a bar before the dateline, its line taken for a headline: the dateline's city stands in
    ("موقع الخبر | الجزائر – الجزائر (وكالات)\nاعتقلت الشرطة الجزائرية اليوم الجمعة عشرة أشخاص قبل بدء الاحتجاجات.\n",
     [("Arrests", "Algiers", "DZ")]),
    # negative: a plain headline is no dateline (no city to stand in)
    ("حملة اعتقالات قبل المسيرة\nاعتقلت الشرطة الجزائرية اليوم الجمعة عشرة أشخاص قبل بدء الاحتجاجات.\n",
     [("Arrests", None, "DZ")]),
])
def test_a_dateline_after_an_outlet_bar(kb, text, expected):
    assert places(records_of(kb, text)) == expected


@pytest.mark.parametrize("body,expected", [
    # a curated name of three words or more places itself, though the article names other countries more
    ("أطلقت الأجهزة الأمنية الغاز المسيل للدموع على مئات المتظاهرين الذين ساروا نحو السفارة الإسرائيلية في عمان "
     "الأحد احتجاجا على اقتحام إسرائيل لمستشفيات غزة.",
     [("Protest with intervention", "Israeli Embassy in Amman", "JO")]),
])
def test_a_long_curated_name_places_itself(kb, body, expected):
    assert places(events(kb, body)) == expected


@pytest.mark.parametrize("body,expected", [
    # "the seat of district X" is the town X, and a short distance from it is "near X"
    ("وقع نزاع عشائري مسلح في منطقة ريفية تبعد 20 كيلومترا عن مركز قضاء علي الغربي شمالي محافظة ميسان.",
     [("Armed clash", "‘Alī al Gharbī", "IQ")]),
    # negative: the district itself, without "the seat of"
    ("وقع نزاع عشائري مسلح في قضاء علي الغربي شمالي محافظة ميسان.",
     [("Armed clash", "Ali al-Gharbi", "IQ")]),
])
def test_the_seat_of_a_district(kb, body, expected):
    assert places(events(kb, body)) == expected


@pytest.mark.parametrize("body,expected", [
    # the conflict noun refers back to the clash just told: its toll is the clash's, not a tally
    ("وقع نزاع عشائري مسلح في قضاء علي الغربي أمس. وأسفر النزاع عن مقتل ستة أشخاص وإصابة سبعة آخرين.",
     [(6, 7)]),
    # negative: a conflict of years keeps its toll as a tally, not the day's event
    ("قتل جندي في هجوم على حاجز في قضاء علي الغربي أمس. وأسفر النزاع عن مقتل أكثر من 300 ألف شخص.",
     [(1, None)]),
])
def test_a_conflict_noun_that_refers_back(kb, body, expected):
    assert [(e["fatalities"], e["injuries"]) for e in events(kb, body)] == expected


@pytest.mark.parametrize("body,expected", [
    # "on one hand … on the other": the second side of one clash, not a clause of its own; and the force that
    # fired on the villagers defending their homes is no victim of the settlers' attack
    ("هاجم مستوطنون قرية قصرة جنوب نابلس اليوم وأحرقوا مركبة. وأدى ذلك لاندلاع مواجهات بين المستوطنين والجيش "
     "الإسرائيلي من جهة، وأهالي القرية من جهة أخرى. وأطلق الجيش الإسرائيلي الرصاص المطاطي تجاه الأهالي.",
     "Settlers (Israel)"),
])
def test_two_sides_of_one_clash(kb, body, expected):
    evs = events(kb, body)
    assert [e["actor1"] for e in evs] == [expected]
    assert evs[0]["actor2"] != "Military Forces of Israel"


@pytest.mark.parametrize("body,expected", [
    # a bearing adjective closed by a comma ends its place; the village after it is the next item of the list
    ("قصفت قوات النظام صباح اليوم قرى بريف إدلب الجنوبي، وقرية الزيارة في سهل الغاب بريف حماة.",
     ["Az Ziyārah"]),
    # negative: "X north of Y" keeps Y as a reference point only
    ("قصفت قوات النظام صباح اليوم قرية الزيارة شمال غرب مدينة حماة.",
     ["Az Ziyārah"]),
])
def test_a_bearing_closed_by_a_comma(kb, body, expected):
    assert [e["location"] for e in events(kb, body) if e["location"] != "Idlib"] == expected


@pytest.mark.parametrize("body,expected", [
    # "among them four children and a woman": the woman is one of the seven, not an eighth
    ("قصفت قوات النظام قرية في ريف إدلب أمس، ما أدى لمقتل 7 مدنيين بينهم 4 أطفال وامرأة، وإصابة 7 آخرين بينهم طفلتان وامرأة.",
     (7, 7)),
    # negative: "and a woman" right after the counted group is one more
    ("قصفت قوات النظام قرية في ريف إدلب أمس، ما أدى لمقتل 7 رجال وامرأة.",
     (8, None)),
])
def test_a_list_after_among_them(kb, body, expected):
    assert [(e["fatalities"], e["injuries"]) for e in events(kb, body)] == [expected]


@pytest.mark.parametrize("body,expected", [
    # the occupation's artillery is Israel's, whatever nationality its target carries
    ("قصفت مدفعية الاحتلال منازل الفلسطينيين شمال مخيم النصيرات وسط قطاع غزة اليوم.", "Military Forces of Israel"),
    # negative: a force with its own adjective is that country's
    ("قصفت المدفعية التركية قرية تل الورد في ريف الحسكة اليوم.", "Military Forces of Turkey"),
])
def test_the_occupations_artillery(kb, body, expected):
    assert [e["actor1"] for e in events(kb, body)] == [expected]


@pytest.mark.parametrize("body,expected", [
    # a big city said to lie in a province named by a bearing it is not in: the city ("west of Darfur" was loose)
    ("هاجمت قوات الدعم السريع يوم الثلاثاء قرية قرب مدينة الفاشر المحاصرة في غرب دارفور وقتلت 14 مدنيا.",
     ["El Fasher"]),
    # negative: a quarter named before its city is that city's
    ("قتل مدنيان في قصف على حي الروضة بمدينة تعز يوم الثلاثاء.", ["Taiz"]),
])
def test_a_big_city_in_a_loosely_named_province(kb, body, expected):
    assert [e["location"] for e in events(kb, body)] == expected


@pytest.mark.parametrize("body,expected", [
    # "after 27 months of war" says how long the war has lasted: the toll is the attack's, not the war's
    ("قالت جمعية حقوقية اليوم الاثنين إن قوات الدعم السريع قتلت ما لا يقل عن 14 مدنيا قرب مدينة الفاشر، وذلك بعد "
     "أكثر من 27 شهرا من الحرب بين هذه القوات والجيش.", [14]),
    # negative: a toll "in the war" is the war's
    ("قالت الأمم المتحدة اليوم الاثنين إن الحرب بين الجيش وقوات الدعم السريع أسفرت عن مقتل أكثر من 20 ألف شخص.", []),
])
def test_how_long_a_war_has_lasted_is_no_period(kb, body, expected):
    assert [e["fatalities"] for e in events(kb, body)] == expected


@pytest.mark.parametrize("body,expected", [
    # the suburbs named first and a quarter inside them a few kilometres off: the quarter, not two places
    ("شن الطيران الإسرائيلي اليوم غارتين على الضاحية الجنوبية مستهدفا مبنيين إلى جوار بعضهما في منطقة الحدث.",
     ["Hadath"]),
])
def test_a_quarter_inside_the_suburbs_named_first(kb, body, expected):
    assert [e["location"] for e in events(kb, body)] == expected


def tally_counts(kb, text: str) -> list[int]:
    return sorted(r["count"] for r in extract(from_text(text, "t.txt", date(2024, 5, 2)), kb, warn=False)
                  if r["kind"] == "tally")


@pytest.mark.parametrize("text,expected", [
    # a toll "in seven months" (and "during the past seven months", the unit with its article) is over a span
    ("150 قتيلا و400 مصاب حصيلة هجمات بالعاصمة في سبعة أشهر\nذكر تقرير اليوم أن 150 شخصا قتلوا وأصيب 400 آخرون في "
     "12 هجوما بالعاصمة الأفغانية كابول خلال الأشهر السبعة الماضية.\n", [12, 150, 400]),
    # the targets a campaign struck since a month long past
    ("الحوثيون: استهدفنا 119 سفينة\nقال زعيم الحوثيين اليوم إن قواته استهدفت 119 سفينة منذ بدء عملياتها في نوفمبر الماضي.\n",
     [119]),
    # negative: "in 30 January" is a date, not a span; the dead of one attack are the event's
    ("هجوم في النيجر\nنيامي في 30 يناير /وكالة/ قتل 22 مدنيا في هجوم شنه مسلحون على قرية في منطقة تيلابيري.\n", []),
])
def test_tolls_over_a_span(kb, text, expected):
    assert tally_counts(kb, text) == expected


@pytest.mark.parametrize("body,expected", [
    # "also a series of strikes on the town of Rafah … besides the shelling of Deir al-Balah, Nuseirat and Jabalia": the
    # day's strikes at each town of the list (a town holding a camp of the same list does not swallow it)
    ("قصف طيران الاحتلال اليوم مدينة خان يونس. كما شن طيران الاحتلال سلسلة غارات على مدينة رفح، فضلا عن قصف أحياء "
     "سكنية في دير البلح والنصيرات وجباليا.",
     ["Khan Yunis", "Rafah", "Deir al-Balah", "Nuseirat Camp", "Jabalia"]),
    # negative: a series over a span is a summary
    ("قصف طيران الاحتلال اليوم مدينة خان يونس. كما شن طيران الاحتلال خلال الأشهر الماضية سلسلة غارات على مدينة رفح.",
     ["Khan Yunis"]),
])
def test_also_a_series_on_named_towns(kb, body, expected):
    assert [e["location"] for e in events(kb, body)] == expected


@pytest.mark.parametrize("body,expected", [
    # the day named for the announcement stands; an operation "begun on Saturday" is another day's
    ("أعلن الدفاع المدني السعودي، مساء أمس الاثنين، عن إصابة خمسة مدنيين إثر سقوط مقذوف أطلقه الحوثيون على قرية "
     "في منطقة جازان. ونفذ الحوثيون عملية هجومية ضد المملكة بدأت مساء السبت.",
     "2021-03-01"),
])
def test_the_announcement_day_and_another_day(kb, body, expected):
    evs = events(kb, body, date(2021, 3, 2))
    assert [e["event_date"] for e in evs if e["location"] == "Jizan"] == [expected]


@pytest.mark.parametrize("body,expected", [
    # the dead of the protests told at their towns after the protests: the protests' dead, not attacks
    ("قتل 5 أشخاص اليوم الثلاثاء في تظاهرات في نجامينا ضد المجلس العسكري وفرقت الشرطة المتظاهرين. وقالت منظمة حقوقية إن "
     "تسعة قتلى سقطوا بينهم سبعة في نجامينا واثنان في موندو.",
     {"Protests"}),
])
def test_the_dead_of_protests_told_at_a_new_town(kb, body, expected):
    assert {e["event_type"] for e in events(kb, body, date(2021, 4, 27))} == expected


@pytest.mark.parametrize("body,expected", [
    # what the fighting happened despite is no part of it, nor its place
    ("تجددت المعارك اليوم بين حركة إم 23 والجيش الكونغولي في إقليم شمال كيفو، رغم توقيع اتفاق لوقف إطلاق النار في الدوحة.",
     ["CD"]),
])
def test_what_it_happened_despite_is_no_place(kb, body, expected):
    assert [e["country_code"] for e in events(kb, body)] == expected


@pytest.mark.parametrize("body,expected", [
    # a common word after a plural feature word, without its place name's article (الجديدة), is an adjective
    ("سيطر الحوثيون يوم الجمعة على بلدات جديدة في محافظة مأرب اليمنية بعد قتال عنيف مع الجيش اليمني.", ["Marib"]),
    # negative: a name after a plural feature word is a place all the same
    ("قصفت قوات النظام اليوم قرى الزيارة والقرقور في سهل الغاب بريف حماة.", ["Az Ziyārah"]),
])
def test_an_adjective_after_a_plural_feature_word(kb, body, expected):
    assert [e["location"] for e in events(kb, body)] == expected




@pytest.mark.parametrize("body,expected", [
    # "190 km north-west of the capital N'Djamena": the point, "the capital" between the bearing and the name
    ("قال الجيش إن الهجوم وقع اليوم في جزيرة تبعد 190 كلم شمال غرب العاصمة نجامينا وقتل فيه 24 جنديا تشاديا.",
     ["190 km NW of N'Djamena"]),
])
def test_a_far_point_from_the_capital(kb, body, expected):
    assert [e["location"] for e in events(kb, body)] == expected


@pytest.mark.parametrize("text,expected", [
    # a date stamp, blank lines and a widget line, then the reporter's city: the dateline, never the event's place
    ("الشباب تهاجم قاعدة للجيش\n\nآخر تحديث: 23/09/2019\n\n[widget id=\"1\"]\n\nمقديشو- هاجمت حركة الشباب أمس الأحد قاعدة "
     "للجيش الصومالي في منطقة قريبة من مدينة مركا مركز إقليم شبيلي السفلى المجاور للعاصمة مقديشو.\n",
     ["Marka"]),
])
def test_a_dateline_below_stamps_and_blank_lines(kb, text, expected):
    assert [e["location"] for e in records_of(kb, text, date(2019, 9, 23))] == expected


@pytest.mark.parametrize("body,expected", [
    # a fire that broke out from the shelling is no weapon of another incident; the woman "and" the child are two
    ("استشهدت امرأة و طفل اليوم جراء قصف قوات النظام على ريف حلب الغربي. وأفاد مراسلنا باستشهاد امرأة و طفل جراء قصف "
     "قوات النظام بقذائف الهاون مدينة الأتارب بريف حلب الغربي. يذكر أن حريقا اندلع في الأراضي الزراعية بريف حلب الغربي "
     "جراء استهداف قوات النظام للمنطقة.",
     [("Al-Atarib", 2, "mortar")]),
    # "a man was killed and others wounded": the others are uncounted, not the man again
    ("استشهد رجل وأصيب آخرون بجروح اليوم جراء قصف قوات النظام على مدينة الأتارب.", [("Al-Atarib", 1, None)]),
])
def test_fires_that_broke_out_and_uncounted_others(kb, body, expected):
    assert [(e["location"], e["fatalities"], e["weapon"]) for e in events(kb, body)] == expected
    assert all(e["injuries"] is None for e in events(kb, body))


@pytest.mark.parametrize("body,expected", [
    # the agency's name is no place ("للهجرة" is not Al Hijrah); the year before the toll noun is no count; the
    # organisation named "according to its statement" did nothing; a missile strike told loosely and then as two
    # ballistic missiles is one strike
    ("أعلنت المنظمة الدولية للهجرة، الخميس 9 ديسمبر 2021، إصابة سيدة و4 أطفال، في قصف صاروخي استهدف مخيما للنازحين "
     "بمحافظة مأرب. ووفق بيان للمنظمة التابعة للأمم المتحدة، استهدف هجوم صاروخي المخيم. غير أن السلطات اتهمت جماعة "
     "الحوثي باستهداف المخيم بصاروخين باليستيين.",
     [(5, "Ansar Allah (Houthis)")]),
])
def test_an_agency_statement_on_a_missile_strike(kb, body, expected):
    evs = events(kb, body, date(2021, 12, 9))
    assert [(e["injuries"], e["actor1"]) for e in evs] == expected
    assert all(e["location"] != "Al Hijrah" for e in evs)


@pytest.mark.parametrize("body,expected", [
    # one bearing told from two towns ("south of Sheikh Zuweid and Rafah") names one area: one event, at the first
    ("قتل ثمانية عسكريين اليوم في هجوم جنوب الشيخ زويد ورفح بشمال سيناء.", ["Sheikh Zuweid"]),
    # negative: a bracketed bearing describes the town before it; the towns after are a list
    ("خرجت اليوم مسيرات في عنابة (شرق) وتيزي وزو والبويرة.", ["Annaba", "Tizi Ouzou", "Bouïra"]),
])
def test_one_bearing_from_two_towns(kb, body, expected):
    assert [e["location"] for e in events(kb, body)] == expected


@pytest.mark.parametrize("body,expected", [
    # protesters the police tear-gassed in "clashes", with no stones or fire of their own: a protest broken up
    ("اندلعت اليوم اشتباكات بين قوات الأمن والمحتجين في مدينة بهبهان، حيث أطلقت قوات الأمن الغاز المسيل للدموع.",
     ("Protests", "Protest with intervention")),
    # negative: youths who burned tyres in the clashes rioted
    ("اندلعت اليوم اشتباكات بين قوات الأمن والمحتجين في مدينة بهبهان، وأحرق المحتجون الإطارات وأطلقت الشرطة الغاز المسيل للدموع.",
     ("Riots", "Violent demonstration")),
])
def test_clashes_of_protesters_with_the_police(kb, body, expected):
    assert [(e["event_type"], e["sub_event_type"]) for e in events(kb, body)] == [expected]


def test_arrests_after_a_protest_that_day(kb):
    body = "اعتقلت قوات الأمن في النيجر اليوم 90 ناشطا معارضا، بعد تظاهرة محظورة نظمتها المعارضة في العاصمة نيامي."
    assert [(e["event_type"], e["location"]) for e in events(kb, body)] == [("Protests", "Niamey")]


def test_court_charges_listed_with_in_addition_to(kb):
    # convicted "of targeting the church …, in addition to bombings in Alexandria and Tanta": charges, no events
    body = ("قضت محكمة مصرية اليوم بإعدام 17 شخصا. وقال مسؤول قضائي إن عددا من المتهمين أدينوا باستهداف الكنيسة البطرسية "
            "في القاهرة، والذي أسفر عن مقتل 29 شخصا، بالإضافة لتفجيرات في الإسكندرية وطنطا.")
    assert [e["location"] for e in events(kb, body, date(2018, 10, 11))] == []


@pytest.mark.parametrize("body,expected", [
    # villages named like a province ("قرى كاتانغا") are unknown villages, placed at the territory the text names;
    # rebels of a country are no forces of its state
    ("هاجم مسلحون ليل الخميس قرى كاتانغا وماينديلو في منطقة لوبيرو بشمال كيفو، وقتل 15 شخصا بينهم متمردون أوغنديون سابقون.",
     [("Lubero", None)]),
])
def test_villages_named_like_a_province(kb, body, expected):
    evs = events(kb, body, date(2026, 1, 3))
    assert [(e["location"], e["actor2"] if e["actor2"] == "Military Forces of Uganda" else None) for e in evs] == expected


@pytest.mark.parametrize("body,expected", [
    # a police helicopter downed by a drone, its crew killed: an attack on the aircraft, not air defences at work
    ("أعلن الرئيس الكولومبي اليوم مقتل ثمانية من ضباط الشرطة إثر إسقاط مروحية تابعة للشرطة بطائرة مسيرة مفخخة في "
     "مقاطعة أنتيوكيا.", ("Explosions/Remote violence", "Air/drone strike")),
    # negative: drones shot down with nobody killed are intercepted
    ("أعلن الجيش اليمني اليوم إسقاط ثلاث طائرات مسيرة أطلقها الحوثيون على محافظة مأرب.",
     ("Strategic developments", "Disrupted weapons use")),
])
def test_a_downed_helicopter_with_its_crew_killed(kb, body, expected):
    assert [(e["event_type"], e["sub_event_type"]) for e in events(kb, body, date(2025, 8, 22))] == [expected]


@pytest.mark.parametrize("body,expected", [
    # the town a relative clause says "saw" an attack is where it happened, though a job "in" it came first
    ("الضابط يعمل في الجيزة التي شهدت هجوما على حافلة سياحية أمام فندق.", ["Giza"]),
    # negative: where someone works, with nothing it saw, is no event's place
    ("قتل الضابط الذي يعمل في الجيزة اليوم في هجوم على حافلة في مدينة الأقصر.", ["Luxor"]),
])
def test_the_town_that_saw_an_attack(kb, body, expected):
    assert [e["location"] for e in events(kb, body, date(2016, 1, 9))] == expected


@pytest.mark.parametrize("text,expected", [
    # a page that wrapped its sentence after a preposition: one sentence, its day and its place together
    ("هجوم على حاجز\nقال الجيش السبت إن مسلحين هاجموا حاجزا عسكريا وقتلوا جنديين في\nمدينة العريش بشمال سيناء.\n",
     [("2016-01-09", "El Arish")]),
    # negative: a line that ends on a full word stays a line of its own (a headline above the body)
    ("مقتل ضابط شرطة في الجيزة\nقتل ضابط شرطة، السبت، في هجوم بالرصاص بمحافظة الجيزة.\n", [("2016-01-09", "Giza")]),
])
def test_a_line_wrapped_after_a_preposition(kb, text, expected):
    assert [(e["event_date"], e["location"]) for e in records_of(kb, text, date(2016, 1, 10))] == expected


@pytest.mark.parametrize("body,expected", [
    # singular victims joined by "and" before the verb are each counted
    ("قالت الوزارة إن ضابط شرطة ومجندا قتلا السبت في هجوم بالرصاص بمحافظة الجيزة.", [2]),
    # negative: one victim before the verb is one
    ("قالت الوزارة إن جنديا قتل السبت في هجوم بالرصاص بمحافظة الجيزة.", [1]),
])
def test_victims_joined_by_and_before_the_verb(kb, body, expected):
    assert [e["fatalities"] for e in events(kb, body, date(2016, 1, 10))] == expected


def test_what_a_town_saw_on_a_day_of_its_own(kb):
    # "الجيزة التي شهدت الخميس هجوما": the attack of Thursday at Giza is an event of its own, beside Saturday's
    body = ("قتل ضابط شرطة السبت في هجوم بالرصاص بمحافظة الجيزة. وكان الضابط يرأس قسم المرور بالجيزة التي شهدت، الخميس، "
            "هجوما على حافلة سياحية أمام فندق.")
    assert sorted((e["event_date"], e["location"]) for e in events(kb, body, date(2016, 1, 10))) == [
        ("2016-01-07", "Giza"), ("2016-01-09", "Giza")]


@pytest.mark.parametrize("body,expected", [
    # the youths the guards fired on, in a sentence about protesters killed, are the protest's crowd
    ("قتل 4 متظاهرين مساء السبت، فيما جرح عدد آخر عندما أطلقت قوات الحرس الثوري الأعيرة النارية صوب الشباب في إقليم دورود بمحافظة لرستان.",
     "Protests"),
    # negative: youths fired on with no protest told are civilians attacked
    ("جرح عدد من الأشخاص مساء السبت عندما أطلقت قوات الحرس الثوري الأعيرة النارية صوب الشباب في إقليم دورود بمحافظة لرستان.",
     "Violence against civilians"),
])
def test_youths_in_a_protest_sentence(kb, body, expected):
    assert {e["event_type"] for e in events(kb, body, date(2017, 12, 31)) if e["location"]} == {expected}


def test_the_doer_after_qiyam(kb):
    # "قيام قوات الأمن بإطلاق النار": the forces after the verbal noun "carrying out" fired on the crowd
    body = "وثق مقطع فيديو قيام قوات الأمن الإيرانية بإطلاق النار تجاه المحتجين في منطقة السوق بمدينة شيراز التابعة لمحافظة فارس اليوم."
    assert [e["event_type"] for e in events(kb, body, date(2026, 1, 7))] == ["Protests"]


@pytest.mark.parametrize("body,expected", [
    # people arrested "during the protests" the capital saw, or while the police broke up a sit-in: the protest's
    # intervention, not arrests of their own
    ("أفرجت السلطات اليوم عن شبان جرى توقيفهم مساء السبت خلال الاحتجاجات التي شهدتها العاصمة الرباط.",
     ("Protests", "Protest with intervention")),
    # negative: arrests in a raid are arrests
    ("أوقفت السلطات مساء السبت عشرة أشخاص في مداهمة لمنزل في العاصمة الرباط.", ("Strategic developments", "Arrests")),
])
def test_arrests_during_protests(kb, body, expected):
    assert [(e["event_type"], e["sub_event_type"]) for e in events(kb, body, date(2025, 9, 28))] == [expected]


@pytest.mark.parametrize("body,expected", [
    # a dispute "within one clan" is a clan clash; the police official who announced it is its speaker, no side
    ("أعلن مسؤول في الشرطة، اليوم، عن سقوط 8 قتلى و9 جرحى، بعد نزاع ضمن عشيرة واحدة بسبب أرض زراعية في محافظة واسط.",
     [("Battles", None)]),
    ("قتل 8 أشخاص وجرح 9 آخرون اليوم في نزاع ضمن عشيرة واحدة بسبب أرض زراعية في محافظة واسط.", [("Battles", None)]),
])
def test_a_dispute_within_one_clan(kb, body, expected):
    evs = events(kb, body, date(2025, 11, 15))
    assert [(e["event_type"], e["actor2"]) for e in evs] == expected
