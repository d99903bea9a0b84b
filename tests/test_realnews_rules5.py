"""Rules found by reading real reports (bench/realnews heldout15), fifth batch, each on sentences written for this
test: (sentence, what a careful coder expects). Negative rows keep the reading the rule must not break."""

from __future__ import annotations

from datetime import date

import pytest

from rasd.document import from_text
from rasd.pipeline import extract
from test_realnews_rules import PUB, events


@pytest.mark.parametrize("body,expected", [
    # an event word right after "the village of" names the village (as Lebanon's Maaraka, "battle"), even one
    # the gazetteer lacks (here an invented "village of Clash")
    ("أدت الغارة الإسرائيلية على قرية اشتباك في قضاء صور أمس إلى استشهاد أربعة أشخاص.", ["Air/drone strike"]),
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


@pytest.mark.parametrize("body,expected", [
    # what a span of decades saw is a history, no incident
    ("وشهد العراق على مدى عقود حروبا وعنفا طائفيا ومعارك في مدن عدة.", []),
    ("وشهدت مدينة الموصل خلال السنوات الماضية معارك عنيفة.", []),
    # an incident told today beside "for months" still stands
    ("قتل ثلاثة مدنيين أمس في قصف على مدينة الموصل.", ["Mosul"]),
])
def test_what_decades_saw_is_history(kb, body, expected):
    assert [e["location"] for e in events(kb, body)] == expected


@pytest.mark.parametrize("body,expected", [
    # "واحدة" is "one" (of one clan), not "and" + a number: 9 wounded, not 10
    ("قتل 8 أشخاص وأصيب 9 آخرون في نزاع بين أفراد عشيرة واحدة حول أرض زراعية في محافظة واسط أمس.",
     ("Armed clash", 8, 9)),
    # "and three civilians" is a second group of the dead
    ("قتل 8 جنود و3 مدنيين أمس في هجوم في محافظة واسط.", ("Attack", 11, None)),
])
def test_one_is_no_and(kb, body, expected):
    assert [(e["sub_event_type"], e["fatalities"], e["injuries"]) for e in events(kb, body)] == [expected]


@pytest.mark.parametrize("body,expected", [
    # the day told between a "confirmed" and its news dates the statement, past a clause break
    ("هاجمت عصابة مسلحة أمس حي كارفور فوي في مدينة بور أو برنس الهايتية.\n"
     "وأكدت السلطات الهايتية من جهتها الاثنين أن منازل قد أحرقت في الحي.", [("Attack", "2024-05-01")]),
    # a day of its own in the event's words still dates the event
    ("هاجمت عصابة مسلحة أمس حي كارفور فوي في مدينة بور أو برنس الهايتية.\n"
     "وفي يوم الاثنين أحرق مسلحون منازل في مدينة كاب هايتيان.", [("Attack", "2024-05-01"),
                                                             ("Looting/property destruction", "2024-04-29")]),
])
def test_the_day_of_a_confirmation(kb, body, expected):
    assert [(e["sub_event_type"], e["event_date"]) for e in events(kb, body)] == expected


def test_a_toll_since_the_new_year_announced_on_a_day_is_a_tally(kb):
    recs = [r for r in extract(from_text("تقرير\nمتابعة\nوالخميس، أعلنت وزارة الدفاع التركية تحييد 2120 عنصرا منذ مطلع العام الجاري.",
                                         "t.txt", date(2023, 12, 23)), kb, warn=False)]
    assert [(r["kind"], r.get("count")) for r in recs if r["kind"] in ("event", "tally")] == [("tally", 2120)]


@pytest.mark.parametrize("body,expected", [
    # blasts and gunfire heard at the town of an ambush that morning: the ambush, told again
    ("قتل 7 مسلحين اليوم في اشتباك مع الجيش بعد هجومهم على كمين أمني جنوب مدينة العريش.\n"
     "وأفادت مصادر محلية في العريش أن دوي إطلاق رصاص سمع فجر اليوم في المناطق الجنوبية بعاصمة محافظة شمال سيناء.",
     ["Armed clash"]),
    # … but not at another town
    ("قتل 7 مسلحين اليوم في اشتباك مع الجيش بعد هجومهم على كمين أمني جنوب مدينة العريش.\n"
     "وفي مدينة الشيخ زويد، سمع دوي انفجار قوي فجر اليوم.", ["Armed clash", "Remote explosive/landmine/IED"]),
])
def test_violence_with_no_side_joins_the_incident(kb, body, expected):
    assert [e["sub_event_type"] for e in events(kb, body, date(2019, 2, 16))] == expected


def test_the_same_toll_by_the_same_side_at_a_camp_of_the_city(kb):
    body = ("أعلنت لجنة إغاثية مقتل 4 مدنيين بقصف مدفعي شنته قوات الدعم السريع على مخيم نازحين بالفاشر.\n"
            "وأفادت غرفة الطوارئ بمخيم أبو شوك للنازحين بقصف مدفعي لقوات الدعم السريع على المخيم، أدى إلى مقتل 4 وإصابة 3 آخرين.")
    assert [(e["location"], e["fatalities"], e["injuries"]) for e in events(kb, body)] == [("Abu Shouk Camp", 4, 3)]


@pytest.mark.parametrize("body,expected", [
    # a village told only by its distance and bearing from a city: the projected point, geo_precision 2
    ("قتل ثمانية أشخاص أمس في نزاع مسلح في قرية خشان على بعد نحو 65 كيلومترا جنوب مدينة الكوت.",
     ("65 km S of Al-Kut", 2, 31.93)),
    ("قتل 14 جنديا أمس في هجوم على معسكر في بلدة التي تبعد نحو 100 كيلومتر جنوب غربي تمبكتو.",
     ("100 km SW of Timbuktu", 2, 16.14)),
    # a short distance: near the city itself (ACLED "near X")
    ("قتل ثلاثة جنود أمس في هجوم على حاجز في بلدة تقع على بعد 20 كيلومترا شمال مدينة الموصل.", ("Mosul", 2, 36.34)),
])
def test_a_point_told_by_distance_and_bearing(kb, body, expected):
    assert [(e["location"], e["geo_precision"], round(e["latitude"], 2)) for e in events(kb, body)] == [expected]


@pytest.mark.parametrize("body,expected", [
    # Kashmir's and India's armed groups are named actors, not unidentified gunmen
    ("قالت الشرطة إن الهجوم على الحافلة في مدينة سريناغار أمس نفذه مسلحون من جماعة جيش محمد.", "Jaish-e-Mohammed"),
    ("قتل خمسة من عناصر الشرطة الهندية أمس في هجوم شنه متمردون ماويون في ولاية تشاتيسغار.",
     "Communist Party of India (Maoist)"),
])
def test_armed_groups_of_india(kb, body, expected):
    assert [e["actor1"] for e in events(kb, body)] == [expected]


def test_an_event_word_inside_a_known_place_name_is_no_event(kb):
    # the gazetteer knows "بلدة معركة" (Maaraka): the strike on it is an air strike, not a battle, at the village
    body = "أدت الغارة الإسرائيلية على بلدة معركة في قضاء صور أمس إلى استشهاد أربعة أشخاص."
    assert [(e["sub_event_type"], e["location"]) for e in events(kb, body)] == [("Air/drone strike", "Maaraka")]


@pytest.mark.parametrize("body,pub,expected", [
    # "قبضت … على" arrests, with the subject between verb and object
    ("قبضت الشرطة أمس على 12 شخصا يشتبه أنهم مهربون في مدينة سيكاسو بمالي.", date(2025, 3, 12),
     [("Arrests", "Sikasso", "Police Forces of Mali", None)]),
    # "many" wounded is an unknown count, not one
    ("قتل ثلاثة محتجين برصاص قوات الأمن اليوم في مدينة عطبرة خلال احتجاجات على الغلاء، وأصيب كثيرون.", date(2025, 3, 12),
     [("Excessive force against protesters", "Atbara", "Protesters (Sudan)", None)]),
    # Burkina Faso's army auxiliaries are an armed side: an attack on them is a battle
    ("قتل سبعة من متطوعي الدفاع عن الوطن أمس في هجوم شنه مسلحون على موقعهم قرب مدينة كايا في بوركينا فاسو.",
     date(2025, 3, 8), [("Armed clash", "Kaya", "Unidentified Armed Group", None)]),
])
def test_probe_round_14_africa(kb, body, pub, expected):
    assert [(e["sub_event_type"], e["location"], e["actor1"], e["injuries"]) for e in events(kb, body, pub)] == expected


@pytest.mark.parametrize("body,expected", [
    # a victim's home town and the province that locates it are not where the attack was
    ("قتل عنصر من الجيش أمس بهجوم على حاجز قرب مدينة درعا، ويدعى أحمد سليم المنحدر من مدينة جبلة بريف اللاذقية.",
     [("Armed clash", "Dar‘ā")]),
    # the owner of a checkpoint the killing was near is a landmark, not the side hit
    ("اغتال مسلحون مجهولون أمس شابين قرب حاجز للمخابرات الجوية في مدينة درعا.", [("Attack", "Dar‘ā")]),
    # a checkpoint attacked is its owner's forces, hit
    ("هاجم مسلحون مجهولون أمس حاجزا للمخابرات الجوية في مدينة درعا وقتلوا عنصرين.", [("Armed clash", "Dar‘ā")]),
])
def test_probe_round_14_places_and_sides(kb, body, expected):
    assert [(e["sub_event_type"], e["location"]) for e in events(kb, body)] == expected


@pytest.mark.parametrize("body,expected", [
    # the force that fired on protesters is actor2 of the protest (ACLED: the protesters first)
    ("قتل متظاهران اليوم برصاص قوات الأمن خلال احتجاج في مدينة الناصرية.",
     [("Excessive force against protesters", "Protesters (Iraq)", "Police Forces of Iraq")]),
    ("أطلقت قوات الأمن النار على المحتجين في مدينة الناصرية اليوم ما أدى إلى مقتل اثنين منهم.",
     [("Excessive force against protesters", "Protesters (Iraq)", "Police Forces of Iraq")]),
    # a protest banned with arrests is a protest with intervention
    ("منعت السلطات اليوم بمدينة مراكش وقفة احتجاجية للمعطلين، موقفة العشرات.",
     [("Protest with intervention", "Protesters (Morocco)", None)]),
    # barriers brought down by the crowd are no interception
    ("استخدمت الشرطة الغاز المسيل للدموع اليوم لتفريق المتظاهرين الذين أسقطوا الحواجز ودخلوا ساحة الخلاني في بغداد.",
     [("Protest with intervention", "Protesters (Iraq)", "Police Forces of Iraq")]),
    # a factory's tyres make no barricade; burning tyres do
    ("يواصل مئتا عامل من مصنع الإطارات المطاطية اعتصامهم اليوم بمدينة قابس للمطالبة بأجورهم.",
     [("Peaceful protest", "Protesters (Tunisia)", None)]),
    ("أغلق محتجون اليوم الطريق الرئيسي في مدينة قابس بالإطارات المشتعلة.",
     [("Violent demonstration", "Protesters (Tunisia)", None)]),
])
def test_probe_round_14_protests(kb, body, expected):
    assert [(e["sub_event_type"], e["actor1"], e["actor2"]) for e in events(kb, body)] == expected


@pytest.mark.parametrize("body,expected", [
    # a hashtag's words are words: a group's name, not Jerusalem; a province's name, the place
    ("احتشد آلاف المتظاهرين اليوم في ساحة التحرير وسط بغداد، مرددين شعارات ضد قائد #فيلق_القدس.", ["Tahrir Square (Baghdad)"]),
    ("خرج آلاف المتظاهرين اليوم في #ذي_قار للمطالبة بالخدمات.", ["Nasiriyah"]),
    # Arabic presentation forms (text copied from a PDF) are their letters
    ("ﺗﻈﺎﻫﺮ ﻣﺌﺎﺕ ﺍﻟﻄﻼﺏ ﺃﻣﺲ ﻓﻲ ﻣﺪﻳﻨﺔ ﻛﺴﻼ.", ["Kassala"]),
])
def test_hashtags_and_presentation_forms(kb, body, expected):
    assert [e["location"] for e in events(kb, body)] == expected


@pytest.mark.parametrize("body,pub,expected", [
    # a raid whose force the fighters fired back at is an armed clash, the fighters its second side
    ("أصيب شابان برصاص الاحتلال خلال اقتحام مخيم جنين، فيما تصدى المقاومون بالعبوات الناسفة والرصاص للقوة المقتحمة.",
     date(2023, 6, 20), [("Armed clash", "Military Forces of Israel", "Unidentified Armed Group")]),
    ("اقتحمت قوات الاحتلال مخيم الدهيشة فجر الاثنين، واعتقلت شابين، فيما أطلق المقاومون النار على القوة المقتحمة.",
     date(2023, 3, 20), [("Armed clash", "Military Forces of Israel", "Unidentified Armed Group")]),
    # a raid with arrests and no one firing back stays arrests (the youths taken are its civilians)
    ("اقتحمت قوات الاحتلال مخيم الدهيشة فجر الاثنين، واعتقلت شابين بعد محاصرة منزل.", date(2023, 3, 20),
     [("Arrests", "Military Forces of Israel", "Civilians (Palestine)")]),
])
def test_a_raid_fired_back_at(kb, body, pub, expected):
    assert [(e["sub_event_type"], e["actor1"], e["actor2"]) for e in events(kb, body, pub)] == expected


@pytest.mark.parametrize("body,expected", [
    # an earlier attack recalled in a quote, last month, is background: its toll is not added to today's
    ("قتل مسلحون 15 شخصا على الأقل أمس في قرية موتوندا بإقليم لوبيرو في الكونغو الديمقراطية، وقال مسؤول محلي إن هجوما "
     "سابقا في المنطقة الشهر الماضي أسفر عن مقتل 9 وإصابة 14.", [("2024-05-01", 15, None)]),
    # another attack the day before at a quarter the gazetteer lacks: an incident of its own, at the city told
    ("قصفت حركة الشباب اليوم مطار مقديشو بقذائف الهاون. ويأتي هذا الهجوم في أعقاب هجوم آخر شنته الحركة يوم أمس "
     "استهدف حي كارانو، مما أسفر عن إصابة أربعة مدنيين.", [("2024-05-02", None, None), ("2024-05-01", None, 4)]),
    # … but a recalled attack with no day of its own is no new incident
    ("قصفت حركة الشباب اليوم مطار مقديشو بقذائف الهاون. ويأتي هذا الهجوم بعد هجمات متكررة استهدفت حي كارانو.",
     [("2024-05-02", None, None)]),
])
def test_second_incidents_told_beside_the_first(kb, body, expected):
    assert [(e["event_date"], e["fatalities"], e["injuries"]) for e in events(kb, body)] == expected


def test_a_town_found_by_its_skeleton_lies_in_the_province_named_after_it(kb):
    # "قرية جورا في ولاية زامفارا": no namesake in another state 600 km away
    body = "هاجم مسلحون أمس قرية جورا في ولاية زامفارا النيجيرية وخطفوا عشرة أشخاص."
    assert [(e["location"], e["admin1"]) for e in events(kb, body)] == [("Gusau", "Zamfara")]
    assert "Ijero-Ekiti" not in [e["location"] for e in events(kb, "هاجم مسلحون قرية جورا في ولاية زامفارا وخطفوا عشرة أشخاص.")]


def test_a_lede_toll_with_the_attackers_nationality_goes_to_the_town_told_next(kb):
    # the lede names only the attacker's nationality; its toll belongs to the strike the next sentence places
    body = ("قتل شخص وجرح آخر، الأربعاء، بغارة لطائرة مسيرة إسرائيلية على سيارة. وأوضحت الوكالة أن الغارة طالت السيارة "
            "على طريق عام في بلدة كفرا بقضاء بنت جبيل.")
    assert [(e["location"], e["fatalities"], e["injuries"]) for e in events(kb, body, date(2024, 6, 12))] == [("Kafra", 1, 1)]


def test_roads_cut_with_no_subject_named(kb):
    # Lebanese road-block idiom with no protesters named: each town its protest, burning tyres a violent one
    body = "قطع محتجون اليوم طريقا في صيدا. وقطع السير على طريق عام النبطية بالإطارات المشتعلة. وأقفلت طريق عام زحلة."
    assert [(e["sub_event_type"], e["location"]) for e in events(kb, body)] == [
        ("Peaceful protest", "Sidon"), ("Violent demonstration", "Nabatieh"), ("Peaceful protest", "Zahlé")]


@pytest.mark.parametrize("body,expected", [
    # "killed after his wounding": the wound is the death's, not one more hurt
    ("قتل متظاهر اليوم إثر إصابته برصاصة حية من قبل قوات الأمن خلال مسيرة في مدينة كسلا.", (1, None)),
    # one hurt and his wound: one
    ("أصيب جندي اليوم في هجوم على حاجز في مدينة كسلا، ونقل إلى المستشفى بعد إصابته.", (None, 1)),
])
def test_his_wound_restates_the_victim(kb, body, expected):
    assert [(e["fatalities"], e["injuries"]) for e in events(kb, body)] == [expected]


def test_held_in_custody_is_an_arrest(kb):
    body = "وضعت السلطات أمس ثلاثة مشتبه بهم رهن الحراسة النظرية في مدينة فاس بعد مداهمة منزل."
    assert [(e["sub_event_type"], e["location"]) for e in events(kb, body)] == [("Arrests", "Fes")]


@pytest.mark.parametrize("body,expected", [
    # a known village right after a compound name's first word is part of another name: "أم صفا" is not Saffa
    ("هاجم مستوطنون ظهر السبت قرية أم صفا شمال غرب رام الله وأحرقوا منزلين.", False),
    # the village itself, named alone, is
    ("هاجم مستوطنون ظهر السبت قرية صفا غرب رام الله وأحرقوا منزلين.", True),
])
def test_a_place_inside_a_compound_name(kb, body, expected):
    assert ("Şaffā" in [e["location"] for e in events(kb, body, date(2024, 5, 11))]) is expected
