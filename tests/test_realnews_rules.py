"""Rules found by reading real reports (bench/realnews), each on sentences written for this test:
(sentence, what a careful coder expects). Negative rows keep the real event the context surrounds."""

from __future__ import annotations

from datetime import date

import pytest

from rasd.document import from_text
from rasd.pipeline import extract

PUB = date(2024, 5, 2)


def events(kb, body: str, published: date = PUB) -> list[dict]:
    return [r for r in extract(from_text("تقرير\nمتابعة\n" + body, "t.txt", published), kb, warn=False) if r["kind"] == "event"]


def kinds(recs: list[dict]) -> list[tuple]:
    return [(r["sub_event_type"], r["location"], r["country_code"]) for r in recs]


WORD_SENSE = [
    # tear gas is no shelling, and M'Sila is not where it happened
    ("فرقت الشرطة المحتجين بالقنابل المسيلة للدموع أمام مبنى المحافظة في مدينة الزرقاء.",
     [("Protest with intervention", "Az Zarqa", "JO")]),
    # a march in a sentence about protesters, not a drone
    ("انطلقت مسيرة من أمام جامعة اليرموك في مدينة إربد ورفع المشاركون لافتات تندد بغلاء الأسعار.",
     [("Peaceful protest", "Irbid", "JO")]),
    # a drone stays a drone where aircraft words are around
    ("أطلقت طائرة مسيرة صاروخا على سيارة في بلدة الخيام جنوبي لبنان.", [("Air/drone strike", "Khiam", "LB")]),
    # an attacker's nationality does not hide the village the text locates with a feature word
    ("قصفت مسيرة إسرائيلية سيارة في بلدة الخيام.", [("Air/drone strike", "Khiam", "LB")]),
]


@pytest.mark.parametrize("body,expected", WORD_SENSE)
def test_word_sense(kb, body, expected):
    got = kinds(events(kb, body))
    assert [(s, c) for s, _, c in got] == [(s, c) for s, _, c in expected]
    assert all(e[1].lower() in (g[1] or "").lower() or (g[1] or "").lower() in e[1].lower() for g, e in zip(got, expected))


def records(kb, body: str, published: date = PUB) -> list[dict]:
    return extract(from_text("تقرير\nمتابعة\n" + body, "t.txt", published), kb, warn=False)


TALLIES = [
    ("ارتفعت حصيلة القتلى في القطاع منذ بدء الحرب في السابع من أكتوبر إلى 12500 قتيل.", 12500, "2023-10-07"),
    ("قتل أكثر من ألفي مدني في الإقليم منذ كانون الثاني/يناير 2023.", 2000, "2023-01-01"),
    ("استهدف المسلحون منذ تشرين الثاني/نوفمبر 2023 أكثر من 60 سفينة تجارية في البحر الأحمر.", 60, "2023-11-01"),
]


@pytest.mark.parametrize("body,count,since", TALLIES)
def test_running_tolls_are_tallies(kb, body, count, since):
    recs = records(kb, body)
    tallies = [r for r in recs if r["kind"] == "tally"]
    assert [t["count"] for t in tallies] == [count]
    assert tallies[0]["period_start"] == since
    assert not [r for r in recs if r["kind"] == "event"]


SPAN_TALLIES = [
    # a month, a span of years, a count of days in the accusative singular
    ("ووثقت المنظمة مقتل 61 مدنيا في اليمن خلال نيسان الماضي.", [61]),
    ("وتشهد النيجر هجمات منذ خمسة أعوام أوقعت أكثر من 700 قتيل.", [700]),
    ("وقال المرصد إن 48 مدنيا قتلوا خلال 12 يوما في القصف على ريف حلب وجرح 70 آخرون.", [48, 70]),
    # cases counted in a month (في شهر)
    ("سجل المركز 85 حالة اعتقال تعسفي في شهر مارس الماضي.", [85]),
]


@pytest.mark.parametrize("body,counts", SPAN_TALLIES)
def test_counts_over_a_month_or_years_are_tallies(kb, body, counts):
    recs = records(kb, body)
    assert sorted(r["count"] for r in recs if r["kind"] == "tally") == counts
    assert not [r for r in recs if r["kind"] == "event"]


def test_an_event_a_few_months_ago_is_background(kb):
    recs = records(kb, "وكانت البلدة قد تعرضت قبل ثلاثة أشهر لقصف مدفعي أوقع خمسة قتلى.")
    assert [r["kind"] for r in recs] == ["background"]


def test_a_clash_that_lasted_hours_stays_an_event(kb):
    recs = records(kb, "اندلعت اشتباكات عنيفة في بلدة سرمين أمس استمرت ساعتين وأسفرت عن مقتل ستة مسلحين.")
    assert [(r["kind"], r["fatalities"]) for r in recs] == [("event", 6)]


NOT_TALLIES = [
    # the toll of one blast rising is that event's toll, not an aggregate
    "انفجرت سيارة مفخخة في سوق بلدة الدور أمس. وارتفعت حصيلة قتلى التفجير إلى 25 قتيلا.",
    # a day's protest inside a movement going on for months; a resolution number is no count
    "تجمع مئات المحتجين أمس في ساحة الكرامة بمدينة السويداء في إطار الحراك المتواصل منذ آب/أغسطس 2023 مطالبين بتطبيق القرار 2254.",
    # several strikes on one district are one event there
    "شنت الطائرات ثماني غارات على مديرية الحزم في محافظة الجوف أمس.",
]


@pytest.mark.parametrize("body", NOT_TALLIES)
def test_counts_inside_one_event_are_not_tallies(kb, body):
    recs = records(kb, body)
    assert not [r for r in recs if r["kind"] == "tally"]
    assert [r for r in recs if r["kind"] == "event"]


PLACES = [
    # a bearing is no province: الشمالية الشرقية is not Sudan's Northern State nor Egypt's Sharqia
    ("اشتبكت قوات حرس الحدود الأردنية مع مهربين مسلحين على الواجهة الشمالية الشرقية للمملكة اليوم.", {"JO"}, None),
    # a distance names a reference point, not a second place of the event
    ("استهدفت غارة إسرائيلية سيارة في بلدة جدرا على بعد 40 كيلومترا من صيدا اليوم.", {"LB"}, "Sidon"),
    # an outlet named after a place is not where it happened
    ("ونقل راديو فرنسا الدولي أن مسلحين هاجموا قرية في النيجر أمس وقتلوا خمسة قرويين.", {"NE"}, None),
    # a description of the city ("the second largest after the capital X") names a reference point
    ("هجوم روسي بطائرات مسيرة يستهدف مدينة خاركيف، ثاني أكبر مدن أوكرانيا بعد العاصمة كييف، فجر اليوم.", {"UA"}, "Kyiv"),
    # معسكر is a camp, not Algeria's Mascara province
    ("ويبعد معسكر ميناكا الذي تعرض للهجوم أمس 700 كيلومتر شرق تمبكتو في مالي.", {"ML"}, "Mascara"),
    # a town named like an air base is not the base
    ("استهدف قصف مدفعي محيط بلدة النيرب قرب مدينة سرمين في ريف إدلب الشرقي اليوم.", {"SY"}, "Air Base"),
    # "the Israeli north" is not Lebanon's North governorate
    ("استهدف هجوم لحزب الله الشمال الإسرائيلي اليوم، وتواصلت المناوشات على الحدود اللبنانية.", {"IL"}, "Tripoli"),
    # a village named after a river is not the river; its city stays the place
    ("قصفت طائرة مسيرة سيارة في قرية دجلة التابعة لمدينة الموصل اليوم.", {"IQ"}, "Tigris"),
    # a name two countries share is the one whose country the other towns of the sentence are in
    ("قتل مدنيان في قصف مدفعي استهدف مدينتي أريحا وسراقب أمس.", {"SY"}, "Jericho"),
    ("قتل مدنيان في قصف مدفعي استهدف مدينتي سراقب وأريحا أمس.", {"SY"}, "Jericho"),
]


@pytest.mark.parametrize("body,location", [
    # the town of an earlier attack the clause recalls ("two days after a similar attack in X") is not the event's
    ("قتل ثلاثة جنود في هجوم على نقطة عسكرية في بلدة الصنمين بريف درعا، وذلك بعد يومين من هجوم مماثل في بلدة المسيفرة.",
     "Aş Şanamayn"),
    ("بعد يومين من هجوم على بلدة المسيفرة، قتل ثلاثة جنود في هجوم على نقطة عسكرية في بلدة الصنمين.", "Aş Şanamayn"),
])
def test_the_place_of_an_earlier_attack_recalled(kb, body, location):
    assert [e["location"] for e in events(kb, body)] == [location]


def test_a_toll_tied_to_one_of_the_listed_places_is_that_places(kb):
    body = "شن الطيران الحربي غارات على مدن بنش وسرمين وتفتناز في ريف إدلب أمس، ما أدى إلى مقتل 5 مدنيين في بنش."
    assert [(e["location"], e["fatalities"]) for e in events(kb, body)] == [
        ("Binnish", 5), ("Sarmīn", None), ("Taftanāz", None)]


@pytest.mark.parametrize("body,expected", [
    # a patrol, checkpoint or barracks with no owner named: the state's forces, hit (a battle, not an attack on civilians)
    ("هاجم مسلحون دورية في مدينة بعقوبة أمس.", ("Battles", "Unidentified Armed Group", "Military Forces of Iraq")),
    ("هاجم مسلحون حاجزا أمنيا في مدينة بعقوبة أمس.", ("Battles", "Unidentified Armed Group", "Military Forces of Iraq")),
    ("هاجم مسلحون موقعا عسكريا في مدينة تكريت أمس.", ("Battles", "Unidentified Armed Group", "Military Forces of Iraq")),
    ("أعلنت الوزارة أن مسلحين هاجموا قاعدة عسكرية في مدينة تكريت أمس.",
     ("Battles", "Unidentified Armed Group", "Military Forces of Iraq")),
    # negative: a checkpoint as a landmark, or the force's own post, is no party
    ("قتل مدني برصاص قناص قرب حاجز في مدينة بعقوبة أمس.", ("Violence against civilians", "Unidentified Armed Group", "Civilians (Iraq)")),
    ("قتل مدني برصاص قناص عند حاجز في مدينة بعقوبة أمس.", ("Violence against civilians", "Unidentified Armed Group", "Civilians (Iraq)")),
    # (the army that set it up is the one that arrested)
    ("أقام الجيش حاجزا على الطريق بين بعقوبة والخالص أمس واعتقل ثلاثة مطلوبين.",
     ("Strategic developments", "Military Forces of Iraq", None)),
])
def test_an_armed_post_named_without_its_owner(kb, body, expected):
    assert [(e["event_type"], e["actor1"], e["actor2"]) for e in events(kb, body)] == [expected]


@pytest.mark.parametrize("body,cc", [
    # the attackers' nationality says nothing of where they struck: the home group places the article
    ("قصفت طائرات أمريكية مواقع لحركة الشباب في بلدة بولو بوردي.", "SO"),
    # negative: a nationality of the place itself still does
    ("قصف حزب الله مواقع في الشمال الإسرائيلي بالصواريخ أمس.", "IL"),
])
def test_a_home_armed_group_places_an_article_named_by_its_attackers_nationality(kb, body, cc):
    assert [e["country_code"] for e in events(kb, body)] == [cc]


@pytest.mark.parametrize("body,sides", [
    # a clash has two sides: the force that repelled the attack is the other one
    ("تصدت قوات الجيش لهجوم شنته حركة الشباب على قاعدة عسكرية في بلدة بلدوين وسط الصومال فجر اليوم.",
     {"Al-Shabaab", "Military Forces of Somalia"}),
    ("تصدى الجيش لهجوم شنته حركة الشباب على قاعدة عسكرية في بلدة بلدوين وسط الصومال فجر اليوم.",
     {"Al-Shabaab", "Military Forces of Somalia"}),
])
def test_both_sides_of_a_repelled_attack(kb, body, sides):
    assert [{e["actor1"], e["actor2"]} for e in events(kb, body)] == [sides]


@pytest.mark.parametrize("body,expected", [
    # a gathering of protesters counted in the singular (500 متظاهر) or of sit-in strikers is a protest
    ("تجمع نحو 500 متظاهر أمام مبنى المحافظة في مدينة البصرة أمس.", ["Protests"]),
    ("احتشد عشرات المعتصمين أمام مبنى المحافظة في مدينة البصرة أمس.", ["Protests"]),
    # negative: a gathering of fighters is no protest
    ("تجمع عشرات المسلحين قرب مدينة البصرة أمس.", []),
])
def test_gatherings_of_protesters(kb, body, expected):
    assert [e["event_type"] for e in events(kb, body)] == expected


@pytest.mark.parametrize("body,expected", [
    # "أغارت" (raided) is an attack verb; aircraft make it an air strike
    ("أغارت الطائرات الحربية الإسرائيلية على أطراف بلدة كفركلا فجر اليوم.", ("Air/drone strike", "Israeli Air Force", None)),
    # villagers, worshippers and pupils are civilians
    ("أغار مسلحون على قرية في ولاية زمفارا في نيجيريا أمس وقتلوا 12 قرويا.",
     ("Attack", "Unidentified Armed Group", "Civilians (Nigeria)")),
    # resistance fighters are an armed side, even named first before the other side
    ("اندلعت اشتباكات بين مقاومين وقوات الاحتلال في مخيم جنين فجر اليوم.",
     ("Armed clash", "Unidentified Armed Group", "Military Forces of Israel")),
    # youths against soldiers, in either order: a riot
    ("اندلعت مواجهات بين شبان وقوات الاحتلال في بلدة بيتا فجر اليوم.", ("Violent demonstration", None, "Military Forces of Israel")),
    ("اندلعت مواجهات بين قوات الاحتلال وشبان في بلدة بيتا فجر اليوم.", ("Violent demonstration", None, "Military Forces of Israel")),
    # the other side left unnamed: youths still make it a riot
    ("اندلعت مواجهات مع الشبان في بلدة بيتا فجر اليوم.", ("Violent demonstration", None, None)),
    # negative: soldiers against gunmen stay a battle
    ("اندلعت اشتباكات بين الجيش ومسلحين في بلدة بلدوين في الصومال أمس.",
     ("Armed clash", "Military Forces of Somalia", "Unidentified Armed Group")),
])
def test_raids_crowds_and_fighters(kb, body, expected):
    assert [(e["sub_event_type"], e["actor1"], e["actor2"]) for e in events(kb, body)] == [expected]


def test_youths_and_fighters_against_one_raid_are_one_event(kb):
    body = ("اقتحمت قوات الاحتلال مخيم جنين اليوم واندلعت اشتباكات مسلحة بين مقاومين وقوات الاحتلال. واندلعت مواجهات "
            "بين شبان وقوات الاحتلال في مخيم جنين اليوم.")
    assert [e["event_type"] for e in events(kb, body)] == ["Battles"]


@pytest.mark.parametrize("body,expected", [
    # a country that strikes is its military, the perpetrator, and not a place of the event
    ("شنت إسرائيل اليوم غارات على بلدات قانا وصريفا والناقورة.",
     [("Qana", "Military Forces of Israel"), ("Srifa", "Military Forces of Israel"), ("Naqoura", "Military Forces of Israel")]),
    ("قصفت إسرائيل بلدة قانا اليوم.", [("Qana", "Military Forces of Israel")]),
    # "that it struck": the announcer's own act, a claim
    ("أعلن حزب الله اليوم أنه قصف مستوطنة المطلة بالصواريخ.", [("Metula", "Hezbollah")]),
    ("وقال حزب الله، الثلاثاء، إنه استهدف تجمعا لجنود الاحتلال في كريات شمونة.", [("Kiryat Shmona", "Hezbollah")]),
    # a subject before a verb spelled like its verbal noun, after "إن"
    ("قالت إسرائيل إن حزب الله قصف بلدة المطلة اليوم.", [("Metula", "Hezbollah")]),
    # the group another blames ("ألقى المسؤولية على") is the perpetrator, not the target
    ("قتل عشرة مدنيين ليلة الخميس في مدينة بيني في الكونغو الديمقراطية. وألقى الجيش المسؤولية عن الهجوم على جماعة "
     "القوات الديمقراطية المتحالفة.", [("Beni", "Allied Democratic Forces")]),
    # armed groups of the conflict countries outside the Arab world
    ("هاجمت جماعة بوكو حرام قرية في ولاية بورنو بنيجيريا مساء السبت وقتلت 12 قرويا.",
     [("Maiduguri", "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad")]),
    ("هاجمت حركة طالبان نقاط تفتيش للجيش في ولاية غزني الأفغانية فجر الأربعاء.", [("Ghazni", "Taliban")]),
])
def test_who_struck(kb, body, expected):
    assert [(e["location"], e["actor1"]) for e in events(kb, body)] == expected


@pytest.mark.parametrize("body,expected", [
    # "neutralised", "eliminated", beheaded: killed
    ("حيّد الجيش النيجري 12 إرهابيا في منطقة تيلابيري بالنيجر يوم الجمعة.",
     ("Battles", 12, "Military Forces of Niger", "Unidentified Armed Group")),
    ("تمكنت قوات الأمن من تحييد 3 إرهابيين في مدينة العريش في مصر اليوم.", ("Battles", 3, None, "Unidentified Armed Group")),
    ("اقتحم مسلحون الجمعة قرية في منطقة موسيمبوا دا برايا في موزمبيق وقطعوا رؤوس أربعة مزارعين.",
     ("Violence against civilians", 4, "Unidentified Armed Group", "Farmers and Herders")),
    # a verb spelled like its passive is active when its object follows its subject
    ("قتل مسلحون 12 مدنيا في مدينة تيلابيري في النيجر أمس.",
     ("Violence against civilians", 12, "Unidentified Armed Group", "Civilians (Niger)")),
    ("قتل مسلحون مجهولون شابا في بلدة الحويجة أمس.",
     ("Violence against civilians", 1, "Unidentified Armed Group", "Civilians (Iraq)")),
    ("قتل مسلحون من حركة الشباب 6 مدنيين في بلدة لامو في كينيا يوم الأحد.",
     ("Violence against civilians", 6, "Al-Shabaab", "Civilians")),
    # negative: gunmen killed (no object after them) are the dead
    ("قتل مسلحون وثلاثة جنود في اشتباك في بلدة الحويجة أمس.", ("Battles", 3, None, "Unidentified Armed Group")),
])
def test_killing_in_real_wording(kb, body, expected):
    assert [(e["event_type"], e["fatalities"], e["actor1"], e["actor2"]) for e in events(kb, body)] == [expected]


@pytest.mark.parametrize("body,cc", [
    # the countries across a border (all of a list) are not where it happened
    ("شهدت بوركينا فاسو هجوما جديدا. وقتل 9 أشخاص الأحد في قرية قريبة من الحدود مع توغو وغانا.", "BF"),
    ("قتل 6 جنود ماليين يوم الاثنين في هجوم على موقع عسكري قرب الحدود مع موريتانيا.", "ML"),
    ("قال الجيش النيجري إن 7 جنود قتلوا في كمين يوم الاثنين في منطقة حدودية مع بوركينا فاسو.", "NE"),
])
def test_the_country_across_the_border(kb, body, cc):
    assert [e["country_code"] for e in events(kb, body)] == [cc]


@pytest.mark.parametrize("body,actor2", [
    # security men, counted or partitive, are the police
    ("قتل 9 عناصر أمنيين في هجوم شنه مسلحون على نقطة تفتيش في مدينة الموصل اليوم.", "Police Forces of Iraq"),
    ("قتل رجلا أمن في هجوم على نقطة تفتيش في مدينة الموصل اليوم.", "Police Forces of Iraq"),
    ("قتل 3 من رجال الأمن في هجوم في مدينة الموصل اليوم.", "Police Forces of Iraq"),
])
def test_security_men_are_the_police(kb, body, actor2):
    assert [(e["event_type"], e["actor2"]) for e in events(kb, body)] == [("Battles", actor2)]


@pytest.mark.parametrize("body,locations", [
    # two gazetteer entries of one town, told in two sentences: one event
    ("اندلعت اشتباكات عنيفة اليوم السبت في مدينة الزاوية بين مجموعات مسلحة. ما أسباب اشتباكات الزاوية؟", ["Zawiya"]),
    # bearings of an area are not provinces (المناطق الغربية is not Egypt's Gharbia)
    ("شنت طائرات الاحتلال غارات عنيفة على المناطق الغربية والشرقية لمدينة دير البلح وسط قطاع غزة.", ["Deir al-Balah"]),
    # an adjective in the accusative is not a village (جويا "aerial")
    ("نفذت المقاومة اليوم هجوما جويا بمسيرات على موقع المالكية.", ["Malkia"]),
])
def test_one_town_and_no_word_places(kb, body, locations):
    assert [e["location"] for e in events(kb, body)] == locations


@pytest.mark.parametrize("body,actor1", [
    # group nouns with the article, and a quantity before them, still name the group
    ("هاجم عشرات المستوطنين قرية المغير شرق رام الله اليوم.", "Settlers (Israel)"),
    ("هاجم المستوطنون قرية المغير شرق رام الله اليوم.", "Settlers (Israel)"),
])
def test_group_nouns_with_the_article(kb, body, actor1):
    assert [e["actor1"] for e in events(kb, body)] == [actor1]


@pytest.mark.parametrize("body,expected", [
    # dispersed with batons, broken up (فض), protesters arrested: a protest with intervention by the police
    ("تظاهر نحو 200 شخص في مدينة وهران الجزائرية يوم السبت، وفرقتهم الشرطة بالهراوات.",
     ("Protest with intervention", "Police Forces of Algeria")),
    ("استخدمت الشرطة الهراوات لتفريق نحو 300 متظاهر في وسط مدينة وهران يوم السبت، وأوقفت نحو عشرة أشخاص.",
     ("Protest with intervention", "Police Forces of Algeria")),
    ("تظاهر المئات أمام مبنى المحافظة في الناصرية اليوم، وحاولت الشرطة فض الاحتجاج.",
     ("Protest with intervention", "Police Forces of Iraq")),
    ("اعتقلت الشرطة 5 متظاهرين في مدينة وهران يوم السبت.", ("Protest with intervention", "Police Forces of Algeria")),
    # negative: a protest told alone stays peaceful
    ("تظاهر نحو 200 شخص في مدينة وهران الجزائرية يوم السبت.", ("Peaceful protest", None)),
])
def test_interventions_in_real_wording(kb, body, expected):
    assert [(e["sub_event_type"], e["actor2"]) for e in events(kb, body)] == [expected]


def test_strikes_name_how_an_attack_was_done(kb):
    evs = events(kb, "استهدفت الضربات الأمريكية مبنى مؤسسة المياه في مديرية باجل في الحديدة مساء الثلاثاء.")
    assert [e["sub_event_type"] for e in evs] == ["Air/drone strike"]


@pytest.mark.parametrize("body,expected", [
    # an article that only refers to an event, with its place and toll, reports it
    ("أعلن الجيش الصومالي اليوم مقتل 25 عنصرا من حركة الشباب في إقليم شبيلي الوسطى.", [("SO", 25)]),
    ("ارتفعت حصيلة ضحايا الغارة الأمريكية على مديرية باجل في الحديدة إلى خمسة قتلى وسبعة جرحى.", [("YE", 5)]),
])
def test_an_event_only_referred_to(kb, body, expected):
    assert [(e["country_code"], e["fatalities"]) for e in events(kb, body)] == expected


def test_a_running_toll_alone_reports_no_event(kb):
    body = "ارتفعت حصيلة ضحايا الحرب في قطاع غزة منذ السابع من أكتوبر إلى 34 ألف قتيل."
    assert events(kb, body) == []


@pytest.mark.parametrize("body,locations", [
    # the neighbour named after "المجاورة ل" is a reference point, not where it happened
    ("قتلت قوات الأمن اليوم 3 مسلحين في تبادل لإطلاق النار في محافظة الجيزة المجاورة للقاهرة.", ["Giza"]),
    ("قتلت قوات الأمن 9 مسلحين في مداهمتين إحداهما في محافظة شمال سيناء والأخرى في محافظة الشرقية المتاخمة للقاهرة اليوم.",
     ["Arish", "Zagazig"]),
])
def test_the_neighbour_is_a_reference_point(kb, body, locations):
    assert [e["location"] for e in events(kb, body)] == locations


@pytest.mark.parametrize("body,expected", [
    # control told as a verbal noun with the actor's own pronoun: its owner took it
    ("أعلن الجيش السوداني أمس الأحد عن سيطرته على مواقع استراتيجية في مدينة بحري.",
     ("Government regains territory", "Military Forces of Sudan")),
    ("أعلنت قوات الدعم السريع سيطرتها على مدينة بابنوسة في السودان أمس.",
     ("Non-state actor overtakes territory", "Rapid Support Forces")),
])
def test_control_announced_as_a_verbal_noun(kb, body, expected):
    assert [(e["sub_event_type"], e["actor1"]) for e in events(kb, body)] == [expected]


@pytest.mark.parametrize("body,expected", [
    # an aim (تهدف، يسعى إلى) is no event; the event told before it stays
    ("يسعى الجيش إلى فك الحصار عن مدينة بابنوسة في السودان. وتهدف العملية إلى استعادة السيطرة على مدينة بارا.", []),
    ("شن الجيش هجوما على مدينة بارا في السودان أمس، ويسعى إلى استعادة السيطرة عليها.", ["Bara"]),
    # negative: control taken is an event
    ("سيطر الجيش على مدينة بارا في السودان أمس.", ["Bara"]),
])
def test_an_aim_is_no_event(kb, body, expected):
    assert [e["location"] for e in events(kb, body)] == expected


@pytest.mark.parametrize("body,expected", [
    # riot police at a sit-in make no riot
    ("نظم العشرات وقفة احتجاجية سلمية أمام مبنى المحافظة في مدينة البصرة اليوم بحضور قوات مكافحة الشغب.", "Peaceful protest"),
    # negative: protesters stoning the riot police riot
    ("ورشق مئات المتظاهرين قوات مكافحة الشغب بالحجارة في مدينة البصرة اليوم.", "Violent demonstration"),
])
def test_riot_police_are_no_riot(kb, body, expected):
    assert [e["sub_event_type"] for e in events(kb, body)] == [expected]


def test_what_a_protest_is_against_is_not_its_place(kb):
    evs = events(kb, "تظاهر مئات في العاصمة المغربية الرباط يوم السبت تنديدا بالحرب على غزة وحصار المسجد الأقصى.")
    assert [e["location"] for e in evs] == ["Rabat"]


@pytest.mark.parametrize("body,expected", [
    # protesters who attack are rioters, even when someone dies
    ("قال المدعي العام إن متظاهرين هاجموا حافلة في حي ديمبي بالعاصمة التشادية نجامينا يوم الثلاثاء، ما أدى إلى مقتل امرأة.",
     "Riots"),
    # negative: a protester shot dead by the police is force against protesters
    ("قتل متظاهر برصاص الشرطة خلال احتجاجات في مدينة البصرة اليوم.", "Protests"),
])
def test_protesters_who_attack(kb, body, expected):
    assert [e["event_type"] for e in events(kb, body)] == [expected]


def test_a_shared_name_alone_keeps_its_best_known_place(kb):
    evs = events(kb, "اقتحمت قوات الاحتلال مدينة أريحا فجر اليوم واعتقلت ثلاثة شبان.")
    assert [e["country_code"] for e in evs] == ["PS"]


@pytest.mark.parametrize("body,countries,not_place", PLACES)
def test_places_that_are_not_the_event_place(kb, body, countries, not_place):
    evs = events(kb, body)
    assert evs and {e["country_code"] for e in evs} <= countries, [(e["location"], e["country_code"]) for e in evs]
    if not_place:
        assert all(not_place.lower() not in (e["location"] or "").lower() for e in evs)


DATES = [
    # last year is background, not today's event
    ("والعام الماضي قتل 26 مدنيا في هجوم مماثل على القرية نفسها.", "background"),
    # a date inside a name is not the event's day: the march is today's
    ("خرج أنصار حركة 6 أبريل اليوم في مسيرة احتجاجية وسط القاهرة.", "2024-05-02"),
]


@pytest.mark.parametrize("body,expected", [
    # a day within this week or the last one: one event, precision 2 (not a tally over the week)
    ("انفجرت عبوة ناسفة بدورية للجيش قرب مدينة تكريت مطلع هذا الأسبوع ما أدى إلى مقتل 4 جنود.", ("2024-04-29", 2)),
    ("اغتال مسلحون 3 من وجهاء العشائر في مدينة الفلوجة في وقت سابق من الأسبوع الجاري.", ("2024-04-29", 2)),
    ("قصفت طائرة مسيرة سيارة في مدينة مأرب نهاية الأسبوع الماضي ما أدى إلى مقتل 3 أشخاص.", ("2024-04-27", 2)),
    # the week as a period sums its events: a tally
    ("قتل 25 مدنيا في هجمات متفرقة في محافظة ديالى هذا الأسبوع.", "tally"),
    ("قتل 25 مدنيا في هجمات متفرقة في محافظة ديالى خلال الأسبوع الماضي.", "tally"),
])
def test_a_day_within_a_week_is_not_the_week(kb, body, expected):
    recs = records(kb, body)
    if expected == "tally":
        assert [r["kind"] for r in recs] == ["tally"]
    else:
        assert [(r["event_date"], r["time_precision"]) for r in recs if r["kind"] == "event"] == [expected]


def test_the_next_day_follows_the_day_told_before_it(kb):
    body = ("قتل جنديان في هجوم على حاجز في مدينة درعا مساء الجمعة، وفي اليوم التالي قتل مدني برصاص قناص "
            "في بلدة طفس.")
    assert [r["event_date"] for r in events(kb, body)] == ["2024-04-26", "2024-04-27"]


@pytest.mark.parametrize("body,expected", DATES)
def test_dates_of_names_and_last_year(kb, body, expected):
    recs = records(kb, body)
    if expected == "background":
        assert not [r for r in recs if r["kind"] == "event"]
    else:
        assert [r["event_date"] for r in recs if r["kind"] == "event"] == [expected]


def test_a_full_date_inside_the_lede_is_the_events_not_a_dateline(kb):
    # no dash or bracket sets the date off: it is the event's day, and the sentence still counts
    text = "تقرير\nخرج آلاف المتظاهرين يوم الجمعة 12 تموز 2024 في مسيرة سلمية وسط العاصمة الأردنية عمان.\n"
    recs = [r for r in extract(from_text(text, "t.txt", date(2024, 7, 13)), kb, warn=False) if r["kind"] == "event"]
    assert [(r["event_date"], r["country_code"]) for r in recs] == [("2024-07-12", "JO")]
    # a real dateline still gives the publication date
    text = "تقرير\nعمان - 12 تموز 2024 - تظاهر المئات أمس أمام السفارة في منطقة الرابية.\n"
    recs = [r for r in extract(from_text(text, "t.txt"), kb, warn=False) if r["kind"] == "event"]
    assert [r["event_date"] for r in recs] == ["2024-07-11"]


HARM = [
    ("سقط قتيلين في اشتباك مسلح بين عشيرتين في قضاء الزبير أمس.", 2, None),  # a dual names two
    ("هاجم مسلحون منزل مختار القرية في بلدة الحويجة أمس ما أدى إلى مقتلهما.", 2, None),
    ("سقط 20 قتيلا وجريحا في انفجار عبوة ناسفة في سوق مدينة الرمادي أمس.", None, None),  # killed and wounded together
    ("قتل 7 آلاف و154 شخصا في قصف مدفعي على المدينة خلال يوم واحد أمس في حلب.", 7154, None),
    # two verbs or masdars of both kinds joined by و share one number: neither toll alone
    ("أسفر القصف المدفعي على بلدة كفرنبل أمس عن مقتل وإصابة 14 مدنيا.", None, None),
    ("قتل وجرح 9 أشخاص بانفجار سيارة مفخخة في سوق مدينة الرمادي أمس.", None, None),
    ("أدى انفجار عبوة ناسفة في سوق مدينة الرمادي أمس إلى مقتل 3 وإصابة 6 آخرين.", 3, 6),
    ("أدى انفجار عبوة ناسفة في سوق مدينة الرمادي أمس إلى مقتل شخص وإصابة اثنين.", 1, 2),
    # negative: the killed named before their (plural) verb; the number after the second verb is its own
    ("قال المتحدث إن 12 شخصا بينهم إمام المسجد قتلوا وأصيب 15 آخرون في انفجار بمسجد في مدينة الرمادي أمس.", 12, 15),
    ("قتل 21 شخصا على الأقل بينهم شرطيان وأصيب آخرون في هجوم على حافلة في مدينة الرمادي أمس.", 21, None),
    # a number after the noun restates its own count; kin words each count one
    ("قتل اليوم شخص واحد في انفجار عبوة ناسفة في سوق مدينة الرمادي.", 1, None),
    ("استشهدت امرأة وابنتها اليوم بقصف إسرائيلي استهدف منزلا في دير البلح.", 2, None),
    ("قتل رجل وزوجته وطفلاهما في غارة على بلدة بنش في إدلب اليوم.", 4, None),
    # a force's adjective is no victim; a vague count after the second verb is its own
    ("قتلت قوة أمنية اليوم مسلحين اثنين في قضاء الدبس في كركوك.", 2, None),
    ("قتل رجل وأصيب العديد في غارة على بلدة بنش في إدلب اليوم.", 1, None),
    # the event named between the verb and its count
    ("اندلعت اليوم اشتباكات بين فصيلين في مدينة درعا. وقتل في الاشتباكات 21 شخصاً.", 21, None),
    ("اندلعت اليوم اشتباكات بين فصيلين في مدينة درعا قتل إثرها 21 شخصاً.", 21, None),
    # an attempt on a life kills no one; the serious cases among the wounded are not more wounded
    ("استهدفت مسيرة سيارة في بلدة الخيام في لبنان اليوم في محاولة اغتيال، ونجا السائق.", None, None),
    ("قالت وزارة الصحة إن الحصيلة الأولية للغارة على بلدة النبطية في لبنان اليوم 4 قتلى و20 جريحاً بينهم 3 إصابات خطيرة.",
     4, 20),
    # the deaths that opened a period (منذ مقتل) are another event's; a time after منذ keeps the toll
    ("تظاهر آلاف في وسط نيروبي في كينيا يوم الثلاثاء، في أكبر احتجاجات منذ مقتل 19 متظاهرا الأسبوع الماضي.", None, None),
    ("قتل 5 أشخاص منذ الصباح في قصف على مدينة حلب اليوم.", 5, None),
]


@pytest.mark.parametrize("body,fatalities,injuries", HARM)
def test_harm_in_real_wording(kb, body, fatalities, injuries):
    evs = events(kb, body)
    assert evs and (evs[0]["fatalities"], evs[0]["injuries"]) == (fatalities, injuries)


NOT_EVENTS = [
    # a plan is not an event
    "ومن المقرر أن تنطلق تظاهرات حاشدة في العاصمة عمان يوم الجمعة المقبل.",
    # a capital speaking for its government is no place of an event
    "واتهمت أنقرة في بيان مسلحي حزب العمال الكردستاني بالتخطيط لهجمات جديدة.",
    # nearing a recapture is not a recapture
    "وجاء ذلك مع اقتراب القوات العراقية من استعادة مدينة تلعفر شمالي البلاد.",
    "والقوات على وشك السيطرة على مدينة تلعفر.",
]


@pytest.mark.parametrize("body", NOT_EVENTS)
def test_plans_and_speaking_capitals_are_no_events(kb, body):
    assert events(kb, body) == []


def test_beating_a_journalist_is_an_attack(kb):
    evs = events(kb, "تعرض مراسل قناة محلية للضرب على أيدي عناصر أمن في مدينة البصرة أمس.")
    assert [e["event_type"] for e in evs if e["event_type"] != "Protests"] == ["Violence against civilians"]


def test_documented_tolls_over_a_month_are_tallies(kb):
    recs = records(kb, "ووثقت الشبكة مقتل 154 مدنيا في سوريا منذ بداية شهر آذار الماضي.")
    assert [r["count"] for r in recs if r["kind"] == "tally"] == [154]
    assert not [r for r in recs if r["kind"] == "event"]


def test_ticker_and_read_also_lines_are_not_the_article(kb):
    text = ("تقرير\nعاجل: الجيش يعلن استهداف مواقع للمسلحين في مدينة درعا\n"
            "انفجرت عبوة ناسفة بدورية للشرطة في بلدة الطارمية شمال بغداد أمس وأصيب شرطيان.\n"
            "اقرأ أيضا: غارات على ريف إدلب توقع قتلى\n")
    recs = [r for r in extract(from_text(text, "t.txt", PUB), kb, warn=False) if r["kind"] == "event"]
    assert [(r["country_code"], r["injuries"]) for r in recs] == [("IQ", 2)]


def test_met_their_death_counts_the_dead(kb):
    evs = events(kb, "لقي ما لا يقل عن سبعة عمال حتفهم في انفجار لغم أرضي قرب بلدة الشدادي أمس.")
    assert [e["fatalities"] for e in evs] == [7]
    # لقي without the idiom is no death
    evs = events(kb, "لقي المحتجون ترحيبا من سكان مدينة السويداء خلال وقفتهم أمس.")
    assert all(e["fatalities"] in (None, 0) for e in evs)


def test_counts_over_an_aggregate_period_are_tallies(kb):
    recs = records(kb, "وقتل 1057 مدنيا في هجمات المستوطنين خلال عامين في الضفة الغربية.")
    assert [r["count"] for r in recs if r["kind"] == "tally"] == [1057]
    assert not [r for r in recs if r["kind"] == "event"]


def test_riot_wording(kb):
    evs = events(kb, "شهدت بلدة عنجرة أحداث شغب أمس وأحرق محتجون إطارات وأغلقوا الطريق الرئيسي.")
    assert evs and evs[0]["event_type"] == "Riots"


def test_towns_of_conflict_countries_outside_the_arab_world(kb):
    evs = events(kb, "قتل أربعة جنود في هجوم على معسكر للجيش في مدينة تمبكتو شمالي مالي أمس.")
    assert [(e["location"], e["country_code"]) for e in evs] == [("Timbuktu", "ML")]


@pytest.mark.parametrize("body,admin1,cc", [
    ("قتل ثلاثة شرطيين في هجوم مسلح على نقطة تفتيش في إقليم خيبر باختونخوا شمال غرب باكستان أمس.", "Khyber Pakhtunkhwa", "PK"),
    ("قتل مسلحون سبعة قرويين في ولاية بورنو شمال شرقي نيجيريا أمس.", "Borno", "NG"),
])
def test_provinces_of_conflict_countries_place_the_event(kb, body, admin1, cc):
    evs = events(kb, body)
    assert [(e["admin1"], e["country_code"], e["geo_precision"]) for e in evs] == [(admin1, cc, 3)]


def test_a_city_in_the_press_spelling(kb):
    evs = events(kb, "قتل مدنيان في قصف صاروخي روسي على مدينة خاركيف شرقي أوكرانيا أمس.")
    assert [(e["location"], e["country_code"], e["geo_precision"]) for e in evs] == [("Kharkiv", "UA", 1)]


def test_a_province_of_a_conflict_country_needs_its_country(kb):
    """A bare province name of Nigeria (بورنو) in an article that never names Nigeria is no place."""
    evs = events(kb, "قصفت طائرة مسيرة سيارة في بورنو أمس.")
    assert evs and all(e["location"] != "Borno" for e in evs)


def test_killed_and_injured_over_a_period_are_two_tallies(kb):
    recs = records(kb, "وأسفرت الألغام منذ بداية العام عن مقتل 67 شخصا وإصابة 21 آخرين في ولايات الجنوب.")
    assert sorted(r["count"] for r in recs if r["kind"] == "tally") == [21, 67]


def test_a_headline_tally_the_body_does_not_give(kb):
    text = "مقتل أكثر من 2000 مدني منذ بداية العام في الإقليم\nوتواصل الجماعات المسلحة هجماتها على القرى النائية.\n"
    recs = extract(from_text(text, "t.txt", PUB), kb, warn=False)
    assert [r["count"] for r in recs if r["kind"] == "tally"] == [2000]


MOTIVES = [
    # the arrest is the reason of the protest, not an event of its own
    ("أغلق محتجون الطرق الرئيسة في مدينة الناصرية أمس احتجاجا على اعتقال ناشطين.", ["Protests"]),
    ("تظاهر المئات في ساحة الحبوبي بمدينة الناصرية أمس للمطالبة بالإفراج عن المعتقلين.", ["Protests"]),
    # negative: an arrest reported as such stays an arrest
    ("اعتقلت قوات الأمن ثلاثة ناشطين في مدينة الناصرية أمس.", ["Strategic developments"]),
    # an answered attack (ردا على، بالرد على) is neither an event nor a place of this one
    ("وتعهدت الحكومة بالرد على ضربة استهدفت مجمعا دبلوماسيا في دمشق.", []),
]


RESPONSES = [
    ("قصف الجيش السوري مواقع المسلحين في بلدة سرمين بريف إدلب أمس ردا على هجوم استهدف حاجزا في مدينة أريحا.", ["Sarm"]),
    # fronted, up to its comma: the event's own place after it still counts
    ("ردا على هجوم استهدف حاجزا في مدينة أريحا، قصف الجيش السوري مواقع المسلحين في بلدة سرمين بريف إدلب أمس.", ["Sarm"]),
]


@pytest.mark.parametrize("body,places", RESPONSES)
def test_the_place_of_an_answered_attack_is_not_the_events(kb, body, places):
    evs = events(kb, body)
    assert len(evs) == len(places) and all(p in (e["location"] or "") for p, e in zip(places, evs)), \
        [e["location"] for e in evs]


@pytest.mark.parametrize("body,types", MOTIVES)
def test_motives_are_not_events(kb, body, types):
    assert [e["event_type"] for e in events(kb, body)] == types


TYPES_AND_ACTORS = [
    # youths against police is a riot, not a battle
    ("اندلعت مواجهات بين شبان وقوات الشرطة في حي التضامن بمدينة طرابلس أمس.", "Violent demonstration", None, None),
    # a clan feud with gunfire is an armed clash
    ("قتل شخصان في نزاع عشائري استخدمت فيه الأسلحة النارية في قضاء الزبير بالبصرة أمس.", "Armed clash", None, None),
    # "at the hands of members of X": X did it
    ("قتل مدني على يد عناصر من قوات الدعم السريع في مدينة الجنينة أمس.", "Attack", "Rapid Support Forces", None),
    # militias named by their patron
    ("هاجمت ميليشيات إيران قاعدة التنف أمس بطائرات مسيرة.", "Air/drone strike", "Iran-backed Militias", None),
    # gunfire (النيران) on fishermen is shooting, not shelling
    ("أطلقت القوات الإسرائيلية النيران على صيادين قبالة ساحل خان يونس أمس.", "Attack", "Military Forces of Israel", None),
    # security forces firing on demonstrators: excessive force against protesters, not an attack on civilians
    # (ACLED: the protesters are a protest event's actor1, the force its actor2)
    ("أطلقت القوات الأمنية الرصاص الحي على المتظاهرين في مدينة زنجان الإيرانية أمس.", "Excessive force against protesters",
     "Protesters (Iran)", None),
    ("أطلقت الشرطة الرصاص الحي على المتظاهرين في مدينة زنجان الإيرانية أمس.", "Excessive force against protesters", None, None),
    # negative: unknown gunmen firing on protesters is an attack
    ("أطلق مسلحون مجهولون النار على المتظاهرين في مدينة زنجان الإيرانية أمس.", "Attack", "Unidentified Armed Group", None),
    # tear gas fired to disperse protesters is a protest with intervention, not shelling
    ("أطلقت الشرطة المصرية الغاز المسيل للدموع في القاهرة اليوم لتفريق المحتجين.", "Protest with intervention", None, None),
    ("أطلقت قوات الأمن قنابل الغاز على المتظاهرين في مدينة الجيزة اليوم فقتلت ثلاثة منهم.", "Excessive force against protesters",
     None, None),
    # "the people want the fall of the regime" is a chant, not an aircraft shot down
    ("وخرج محتجون في أحد شوارع بولاق الدكرور بمحافظة الجيزة اليوم، وهتفوا الشعب يريد إسقاط النظام.", "Peaceful protest", None, None),
    # negative: a drone shot down stays an interception
    ("أعلن الجيش إسقاط طائرة مسيرة فوق مدينة الجيزة اليوم.", "Disrupted weapons use", None, None),
    # negative: shells fired stay shelling
    ("أطلق الجيش قذائف مدفعية على بلدة سرمين في ريف إدلب اليوم.", "Shelling/artillery/missile attack", None, None),
    # nouns and adjectives in the indefinite accusative (تفجيرًا انتحاريًا، قصفًا مدفعيًا)
    ("نفذ مسلح تفجيرا انتحاريا في سوق مدينة بعقوبة أمس.", "Suicide bomb", None, None),
    ("شنت قوات النظام قصفا مدفعيا وصاروخيا على بلدة سرمين أمس.", "Shelling/artillery/missile attack", None, None),
]


@pytest.mark.parametrize("body,sub,actor1,_", TYPES_AND_ACTORS)
def test_types_and_actors_in_real_wording(kb, body, sub, actor1, _):
    evs = events(kb, body)
    assert [e["sub_event_type"] for e in evs] == [sub]
    if actor1:
        assert evs[0]["actor1"] == actor1


@pytest.mark.parametrize("body,expected", [
    # the army announcing its own dead, or dead another side killed, did not kill them
    ("أعلن الجيش مقتل جنديين في هجوم شنه مسلحون في محيط مدينة سامراء أمس.",
     ("Battles", "Unidentified Armed Group", "Military Forces of Iraq")),
    ("أعلن الجيش مقتل ثلاثة جنود في انفجار عبوة ناسفة قرب مدينة سامراء أمس.",
     ("Explosions/Remote violence", "Unidentified Armed Group", "Military Forces of Iraq")),
    # negative: the army announcing militants killed did kill them; unnamed terrorists are an unidentified group
    ("أعلن الجيش العراقي مقتل 5 مسلحين في عملية أمنية في محيط مدينة سامراء أمس.",
     ("Battles", "Military Forces of Iraq", "Unidentified Armed Group")),
    ("أعلن الجيش مقتل 7 إرهابيين في محيط مدينة سامراء أمس.",
     ("Battles", "Military Forces of Iraq", "Unidentified Armed Group")),
])
def test_who_killed_whom_when_the_army_announces_deaths(kb, body, expected):
    assert [(e["event_type"], e["actor1"], e["actor2"]) for e in events(kb, body)] == [expected]


def test_unidentified_gunmen_may_be_the_group_another_sentence_names(kb):
    body = ("قتل 4 من عناصر الشرطة بهجوم شنه مسلحون في محافظة ديالى أمس. وقال مسؤول أمني إن عناصر من تنظيم داعش "
            "هاجموا مركزا للشرطة في بلدة جلولاء أمس بالأسلحة الرشاشة.")
    evs = events(kb, body)
    assert [(e["fatalities"], e["actor1"], e["actor2"]) for e in evs] == [(4, "Islamic State (ISIS)", "Police Forces of Iraq")]


@pytest.mark.parametrize("body,actor1,actor2", [
    # members of a group before the verb they did are its attackers
    ("قال مسؤول إن عناصر من تنظيم داعش هاجموا قرية قرب مدينة الموصل أمس.", "Islamic State (ISIS)", None),
    # negative: members of a group after a casualty verb are its dead
    ("قتل ثلاثة من عناصر تنظيم داعش بغارة جوية للجيش العراقي قرب مدينة الموصل أمس.", "Military Forces of Iraq",
     "Islamic State (ISIS)"),
])
def test_members_of_a_group_and_their_verb(kb, body, actor1, actor2):
    assert [(e["actor1"], e["actor2"]) for e in events(kb, body)] == [(actor1, actor2)]


def test_the_first_of_two_shelling_adjectives_names_the_weapon(kb):
    evs = events(kb, "شنت قوات النظام قصفا مدفعيا وصاروخيا على بلدة سرمين أمس.")
    assert [e["weapon"] for e in evs] == ["artillery"]


def test_words_broken_to_dodge_filters(kb):
    evs = events(kb, "قتل مقـ.ـاتلان في هجوم على قضاء طوزخورماتو أمس.")
    assert [e["fatalities"] for e in evs] == [2]
    assert evs[0]["spans"]["casualties"]["text"].startswith("قتل مقـ.ـاتلان")


def test_aid_volunteers_are_counted(kb):
    evs = events(kb, "قتل متطوعان في الهلال الأحمر في قصف على مدينة الفاشر أمس.")
    assert [e["fatalities"] for e in evs] == [2]


def test_clashes_are_told_in_the_plural(kb):
    evs = events(kb, "وأفيد بمقتل 15 مسلحا في اشتباكات عنيفة أمس في ريف درعا الغربي.")
    assert [(e["sub_event_type"], e["fatalities"]) for e in evs] == [("Armed clash", 15)]


def test_the_day_nearest_the_trigger(kb):
    # the calm is today's, the clashes Monday's (PUB is a Thursday)
    evs = events(kb, "عاد الهدوء صباح اليوم إلى أحياء مدينة طرابلس بعد اشتباكات عنيفة اندلعت مساء الإثنين في منطقة عين زارة.")
    assert [e["event_date"] for e in evs] == ["2024-04-29"]


def test_the_attack_outranks_the_arrests_that_followed(kb):
    evs = events(kb, "قتل 12 شخصا في هجوم انتحاري بسيارة مفخخة في منطقة الكرادة ببغداد أمس واعتقلت الشرطة خمسة مشتبه بهم.")
    assert evs and evs[0]["event_type"] == "Explosions/Remote violence"


STATEMENTS = [
    # a day before the event word is the statement's day: the condemned attack is reported, known to that week
    # (test_a_dated_condemnation_reports_the_attack checks its time_precision 2)
    ("واستنكر رئيس الوزراء في بيان أمس التفجير الذي استهدف سوقا في مدينة كركوك.", 1),
    # a day after it is the event's own: "condemned the bombing that hit the market yesterday"
    ("واستنكر رئيس الوزراء التفجير الذي استهدف أمس سوقا في مدينة كركوك وأوقع خمسة قتلى.", 1),
]


@pytest.mark.parametrize("body,n", STATEMENTS)
def test_condemnations(kb, body, n):
    assert len(events(kb, body)) == n


def test_glued_place_names(kb):
    evs = events(kb, "قصفت مدفعية الاحتلال مناطق شرق خانيونس أمس.")
    assert [(e["location"], e["country_code"]) for e in evs] == [("Khan Yunis", "PS")]


def test_jerusalem_follows_the_article(kb):
    ps = events(kb, "اعتقلت قوات الاحتلال شابا في مدينة القدس أمس خلال حملة اعتقالات في الضفة الغربية.")
    assert [e["country_code"] for e in ps] == ["PS"]


def test_material_damage_only_means_nobody_hurt(kb):
    evs = events(kb, "سقطت قذيفة على منزل في بلدة عيتا الشعب أمس واقتصرت الأضرار على الماديات.")
    assert [(e["fatalities"], e["injuries"]) for e in evs] == [(0, 0)]


MORE_TALLIES = [
    ("أحصت الأمم المتحدة 1300 قتيل في أعمال العنف خلال الأشهر الستة الماضية.", [1300]),
    ("ارتفع عدد قتلى الاحتجاجات إلى 78 شخصا على الأقل، بحسب منظمة حقوقية.", [78]),
    ("قالت منظمة حقوقية إن ما لا يقل عن 116 شخصا قتلوا منذ اندلاع الاحتجاجات.", [116]),
    ("قتل 80 مدنيا على الأقل خلال ثلاثة أيام من القصف على المدينة.", [80]),
    ("ونفذت القوات المسلحة خلال هذا الأسبوع 8 عمليات ضد السفن في البحر الأحمر.", [8]),
]


@pytest.mark.parametrize("body,counts", MORE_TALLIES)
def test_more_ways_of_counting_over_a_period(kb, body, counts):
    recs = records(kb, body)
    assert [r["count"] for r in recs if r["kind"] == "tally"] == counts
    assert not [r for r in recs if r["kind"] == "event"]


def test_a_two_word_headline_names_no_country(kb):
    # "خبر" is also the name of a Saudi city: a one-word headline is a label, not a place
    recs = extract(from_text("خبر\nقصفت مسيرة إسرائيلية سيارة في بلدة الخيام أمس.\n", "t.txt", PUB), kb, warn=False)
    assert [(r["location"], r["country_code"]) for r in recs if r["kind"] == "event"] == [("Khiam", "LB")]


def test_protesters_gathering_is_a_protest(kb):
    evs = events(kb, "وتجمع مئات المتظاهرين أمام مبنى مجلس محافظة كركوك أمس مطالبين بتحسين الخدمات.")
    assert [e["event_type"] for e in evs] == ["Protests"]
    # without protesters, تجمع is only a gathering
    assert events(kb, "وتجمع مئات المصلين في المسجد الكبير بمدينة كركوك أمس لأداء صلاة الجمعة.") == []


def test_an_undated_sentence_keeps_its_event_without_a_place(kb):
    recs = extract(from_text("وتجمع مئات المتظاهرين أمام مقر البرلمان مطالبين باستقالة الحكومة.", "t.txt"), kb, warn=False)
    assert [(r["event_type"], r["time_precision"]) for r in recs if r["kind"] == "event"] == [("Protests", 3)]


def test_shelling_since_a_recent_night_is_an_event_that_day(kb):
    evs = events(kb, "تتعرض بلدة سرمين لقصف مدفعي متواصل منذ ليل الجمعة.")
    assert [(e["event_date"], e["location"]) for e in evs] == [("2024-04-26", "Sarmīn")]


def test_the_day_after_another_event(kb):
    evs = events(kb, "قصفت المدفعية بلدة سرمين غداة الهجوم على ريف حلب.")
    # one event, at Sarmin, never dated after publication; the anchor event's place is not this one's
    assert [(e["location"], e["event_date"] <= "2024-05-02") for e in evs] == [("Sarmīn", True)]


def test_outlets_named_after_places(kb):
    evs = events(kb, "ونقلت صحيفة الرياض عن مصادر أن مسلحين هاجموا نقطة تفتيش في بلدة الحويجة أمس.")
    assert [(e["location"], e["country_code"]) for e in evs] == [("Hawija", "IQ")]


@pytest.mark.parametrize("published,kind", [(date(2024, 4, 13), "background"), (date(2024, 4, 4), "event")])
def test_early_this_month(kb, published, kind):
    """مطلع الشهر الجاري: the first days of the publication's month, background once a week has passed."""
    recs = records(kb, "وقصفت طائرة حربية مبنى في حي المزة بدمشق مطلع الشهر الجاري.", published)
    assert [r["kind"] for r in recs] == [kind]
    assert recs[0]["event_date"] == "2024-04-01"


def test_amma_starts_a_clause_of_its_own(kb):
    """أما في X فـ…: the contrast opens a new clause; the riot of the first town does not type the second."""
    evs = events(kb, "وفي مدينة أراك في إيران، هاجم المتظاهرون سيارة للشرطة أمس، أما في مدينة بندر عباس في جنوب إيران "
                     "فقد علت أصوات المتظاهرين بهتافات ضد الحكومة.")
    assert sorted((e["location"], e["event_type"]) for e in evs) == [("Arāk", "Riots"), ("Bandar Abbas", "Protests")]


@pytest.mark.parametrize("body,location,cc", [
    ("قتل أربعة جنود في اشتباك مع مسلحين في منطقة شمال وزيرستان القبلية بباكستان أمس.", "North Waziristan", "PK"),
    ("قتل عسكريان تونسيان في انفجار لغم بجبل الشعانبي أمس.", "Mount Chaambi", "TN"),
    ("قتل ستة مسلحين في اشتباك مع الجيش اللبناني في بلدة القلمون شمال لبنان أمس.", "Qalamoun (Lebanon)", "LB"),
])
def test_conflict_areas_named_in_the_press(kb, body, location, cc):
    assert [(e["location"], e["country_code"]) for e in events(kb, body)] == [(location, cc)]


def test_this_attack_after_background_is_the_old_one(kb):
    """An analysis piece: an old incident, then "this attack highlights the danger in the regions of X and
    Y": no new event in X or Y."""
    recs = records(kb, "في 3 أبريل الماضي، قتل ثلاثة جنود في انفجار عبوة ناسفة قرب مدينة تمبكتو في مالي. "
                       "يسلط هذا الهجوم الضوء على استمرار خطر العبوات الناسفة في منطقتي موبتي وسيغو.")
    assert [r["kind"] for r in recs] == ["background"]


def test_also_hit_after_a_background_aside_is_new(kb):
    """Negative: once a new event is told, "the shelling also hit X" after a background aside is new."""
    evs = events(kb, "قصفت قوات النظام بلدة سرمين في ريف إدلب اليوم. وكانت البلدة قد تعرضت لقصف مماثل في 3 أبريل الماضي. "
                     "كما طال القصف أطراف مدينة أريحا.")
    assert sorted(e["location"] for e in evs) == ["Arīḩā", "Sarmīn"]


def test_a_square_is_not_medan(kb):
    """ميدان "square" is also Medan (Indonesia): as a feature word it names no country."""
    evs = events(kb, "تظاهر المئات في ميدان مصطفى محمود اليوم احتجاجا على الغلاء.")
    assert evs and all(e["country_code"] != "ID" for e in evs)


def test_a_country_that_struck_is_not_where(kb):
    """"إسرائيل قصفت": Israel acted; the strike told by a Gaza source is Palestinian, one event with its town."""
    evs = events(kb, "إسرائيل قصفت مستودعا تأوي عائلة بثلاثة صواريخ.\nقالت وكالة الدفاع المدني في غزة إن غارة جوية "
                     "إسرائيلية فجر اليوم أسفرت عن مقتل 15 شخصا. وأصابت الغارة مستودعا في بلدة الزوايدة وسط قطاع غزة.")
    assert [(e["country_code"], e["location"]) for e in evs] == [("PS", "Al-Zawaida")], [(e["country_code"], e["location"]) for e in evs]


def test_a_bearing_in_the_country_is_not_the_dateline_city(kb):
    """"in an operation in the country's northwest": somewhere, but not the capital the dateline names."""
    recs = extract(from_text("تقرير\nالجزائر 30 مايو 2018 / قتلت قوات الجيش مسلحا في عملية نفذتها شمال غرب البلاد.",
                             "t.txt", date(2018, 5, 30)), kb, warn=False)
    assert all(r["location"] != "Algiers" for r in recs if r["kind"] == "event")


def test_the_dateline_city_stands_in_when_nothing_else_is_said(kb):
    """Negative: with no place nor bearing in the clause, the dateline city is the place (near)."""
    recs = extract(from_text("تقرير\nالموصل - 30 مايو 2018 - قتل مدنيان في انفجار عبوة ناسفة صباح اليوم.",
                             "t.txt", date(2018, 5, 30)), kb, warn=False)
    assert [r["location"] for r in recs if r["kind"] == "event"] == ["Mosul"]


def test_a_number_of_protesters_storming_is_a_riot(kb):
    """"اقتحم عدد من المحتجين مقر الولاية": the protesters are the subject, storming a building is a riot."""
    evs = events(kb, "اقتحم عدد من المحتجين اليوم مقر ولاية تونس.")
    assert [(e["event_type"], e["actor1"]) for e in evs] == [("Riots", "Protesters (Tunisia)")]


def test_a_headline_printed_twice_adds_no_event(kb):
    """Navigation first, then the headline twice, then the story: the repeated line is a headline."""
    recs = extract(from_text("أخبار\nاقتحام مقر ولاية تونس\nاقتحام مقر ولاية تونس\nاقتحم عدد من المحتجين اليوم مقر ولاية تونس.",
                             "t.txt", PUB), kb, warn=False)
    assert [r["event_type"] for r in recs if r["kind"] == "event"] == ["Riots"]


def test_a_hijri_dateline_restated_in_gregorian(kb):
    """"نيامي 11 شعبان 1441 هـ الموافق 04 إبريل 2020 م واس": a dateline without a dash; Niamey is the
    outlet's place, the fighting is in Tillaberi."""
    recs = extract(from_text("تقرير\nنيامي 11 شعبان 1441 هـ الموافق 04 إبريل 2020 م واس أعلنت وزارة دفاع النيجر اليوم مقتل "
                             "63 مسلحا خلال معارك بين الجيش ومسلحين في منطقة تيلابيري.", "t.txt", None), kb, warn=False)
    evs = [r for r in recs if r["kind"] == "event"]
    assert [(e["location"], e["event_date"]) for e in evs] == [("Tillabéri", "2020-04-04")]


def test_a_dateline_without_a_date(kb):
    """"بغداد (شفق نيوز)- …": the reporter's city and outlet head the body; the blast in Mosul is not
    also a blast in Baghdad."""
    recs = extract(from_text("انفجار\nبغداد (شفق نيوز)- قتل مدنيان في انفجار عبوة ناسفة صباح اليوم في مدينة الموصل.", "t.txt",
                             date(2025, 12, 21)), kb, warn=False)
    assert [r["location"] for r in recs if r["kind"] == "event"] == ["Mosul"]


def test_an_undated_dateline_city_still_stands_in(kb):
    """Negative: with nothing else named, the undated dateline's city is where it happened (near)."""
    recs = extract(from_text("مقتل مدنيين\nالموصل - قتل مدنيان في انفجار عبوة ناسفة صباح اليوم.", "t.txt", date(2018, 5, 30)),
                   kb, warn=False)
    assert [r["location"] for r in recs if r["kind"] == "event"] == ["Mosul"]


def test_a_date_range_is_a_period(kb):
    """"بين 29 أبريل الماضي والأول من يونيو أصيب 10 …": a count over a period, not an event on 1 June."""
    recs = records(kb, "وبين 29 أبريل الماضي والأول من مايو الحالي أصيب 10 من عناصر الحرس في انفجار ألغام زرعتها "
                       "المجموعة في جبل الشعانبي.")
    assert not [r for r in recs if r["kind"] == "event"]
    assert [r["count"] for r in recs if r["kind"] == "tally"] == [10]


def test_bin_inside_a_name_opens_no_range(kb):
    """Negative: ذي بين (a Yemeni district) followed by a time is no range."""
    evs = events(kb, "أصيب عشرة أشخاص جراء انفجار عبوة ناسفة بسيارة في مديرية ذي بين بمحافظة عمران صباح اليوم.")
    assert len(evs) == 1


def test_an_article_that_only_condemns_reports_the_attack(kb):
    """"أدانت الوزارة الاعتداء الذي استهدف …": the condemned attack, told in a relative clause, is the event."""
    evs = events(kb, "استنكرت الحكومة الاعتداء الذي طال مطار أتاتورك في إسطنبول وأوقع عشرات الضحايا. "
                     "وأكدت الوزارة وقوفها إلى جانب تركيا.")
    assert [e["country_code"] for e in evs] == ["TR"]


def test_a_condemnation_of_terrorism_in_general_is_no_event(kb):
    """Negative: no attack told in the condemnation, no event."""
    assert not events(kb, "أدانت وزارة الخارجية الإرهاب بجميع أشكاله ودعت إلى التعاون لمكافحته في المنطقة.")


def test_a_page_date_stamp_is_a_dateline(kb):
    """" date 2025-08-17 قتل …": the page's stamp heads the line; the shelling was on Saturday."""
    recs = extract(from_text(" date 2025-08-17 قتل 17 شخصا في قصف مدفعي على مدينة الفاشر، وقالت لجان المقاومة إن القصف "
                             "وقع السبت واستهدف أحياء سكنية في الفاشر.", "t.txt", None), kb, warn=False)
    assert [(e["location"], e["event_date"]) for e in recs if e["kind"] == "event"] == [("El Fasher", "2025-08-16")]


@pytest.mark.parametrize("published,kind,day", [(date(2024, 5, 2), "background", "2024-04-10"), (date(2024, 4, 12), "event", "2024-04-10")])
def test_the_first_day_of_eid(kb, published, kind, day):
    """أول أيام عيد الفطر is 1 Shawwal of the year around publication (10 April 2024)."""
    recs = records(kb, "وقصفت الميليشيات صباح أول أيام عيد الفطر المبارك حي المسراخ في مدينة تعز بصاروخ.", published)
    assert [(r["kind"], r["event_date"]) for r in recs] == [(kind, day)]


FALLEN_AND_VICTIMS = [
    # "two dead fell": a toll, not a projectile's impact; the semicolon before the cause keeps one sentence
    ("سقط قتيلان وأربعة جرحى في قرية العوامية بمحافظة قنا جنوبي مصر اليوم؛ إثر شجار بين عائلتين.",
     ("Armed clash", "EG", 2, 4, None)),
    ("قتل جنديان وسقوط عدة جرحى في هجوم على ثكنة في مدينة كيدال شمال مالي اليوم.",
     ("Armed clash", "ML", 2, None, "Military Forces of Mali")),
    # a counted wounded noun after "fall" is an injury count
    ("سقطت قذيفة هاون على منزل في بلدة دوما اليوم ما أدى إلى سقوط ثلاثة جرحى.",
     ("Shelling/artillery/missile attack", "SY", None, 3, None)),
    # negative: a shell that fell stays shelling
    ("سقطت قذيفة صاروخية على سوق في مدينة تعز اليوم دون إصابات.", ("Shelling/artillery/missile attack", "YE", 0, 0, None)),
    # unnamed policemen killed are the state's police, and make it a battle
    ("قتل ثلاثة شرطيين في هجوم مسلح على حاجز في مدينة العريش اليوم.", ("Armed clash", "EG", 3, None, "Police Forces of Egypt")),
    # negative: unnamed civilians stay civilians
    ("قتل ثلاثة مدنيين في هجوم مسلح على حافلة في مدينة العريش اليوم.", ("Attack", "EG", 3, None, "Civilians")),
]


@pytest.mark.parametrize("body,expected", FALLEN_AND_VICTIMS)
def test_fallen_tolls_and_generic_victims(kb, body, expected):
    evs = events(kb, body)
    assert len(evs) == 1
    e = evs[0]
    assert (e["sub_event_type"], e["country_code"], e["fatalities"], e["injuries"]) == expected[:4]
    assert (e["actor2"] or "").startswith(expected[4] or "") and bool(e["actor2"]) == bool(expected[4])


def test_a_verbal_quarrel_is_no_event(kb):
    assert events(kb, "اندلعت مشاجرة كلامية بين نائبين داخل البرلمان في بغداد اليوم.") == []
    assert kinds(events(kb, "قتل شخص وأصيب ثلاثة في مشاجرة بين عائلتين في قرية العوامية بمحافظة قنا اليوم.")) == \
        [("Armed clash", "Qena", "EG")]


VICTIMS_BEFORE_THE_VERB = [
    # subject-first tolls: the number and noun come before the passive verb
    ("قالت الشرطة إن خمسة مدنيين قتلوا في انفجار عبوة في سوق مدينة بعقوبة اليوم.", (5, None, "Civilians")),
    ("أفادت مصادر بأن 12 جنديا قتلوا وأصيب 7 آخرون في هجوم على ثكنة في مدينة كيدال اليوم.", (12, 7, "Military Forces of Mali")),
    ("قال مسؤول إن جنديين أصيبا في انفجار لغم في مدينة كيدال اليوم.", (None, 2, "Military Forces of Mali")),
    # negative: "among them two policemen" is part of the 21, not victims of the next verb
    ("قتل 21 شخصا على الأقل بينهم شرطيان وأصيب آخرون في هجوم على قرية قرب مدينة كيدال اليوم.", (21, None, None)),
]


@pytest.mark.parametrize("body,expected", VICTIMS_BEFORE_THE_VERB)
def test_victims_named_before_the_verb(kb, body, expected):
    e = events(kb, body)[0]
    assert (e["fatalities"], e["injuries"]) == expected[:2]
    assert (e["actor2"] or "").startswith(expected[2] or "") and bool(e["actor2"]) == bool(expected[2])


def test_an_earlier_incident_recalled_lends_no_toll_place_or_claim(kb):
    body = ("قتل ستة أشخاص أمس في انفجار عبوة استهدف حافلة في مدينة بعقوبة، وذلك بعد أسبوع من تفجير دام خلف "
            "40 قتيلا في سوق بمدينة الخالص تبناه تنظيم داعش.")
    evs = events(kb, body)
    assert [(e["location"], e["fatalities"], e["actor1"]) for e in evs] == [("Baqubah", 6, "Unidentified Armed Group")]
    # with a day of its own the earlier incident is an event told
    body = "وتأتي الاشتباكات بعد أيام من اعتقال قائد فصيل مسلح في مدينة الخالص يوم الثلاثاء الماضي."
    assert [e["sub_event_type"] for e in events(kb, body)] == ["Arrests"]


WORDS_THAT_ARE_NAMES = [
    # "may open the door to a clash": a modal future, and "the door" is no town
    ("هذا التصعيد قد يفتح الباب أمام اشتباك عسكري مباشر بين الطرفين.", []),
    # negative: Al-Bab with a feature word stays a place
    ("قتل ثلاثة مدنيين في قصف على مدينة الباب بريف حلب.", [("Shelling/artillery/missile attack", "Al Bāb", "SY")]),
    # "قد" before a past verb is no modal: the event stands
    ("وقد قتل ثلاثة مدنيين في قصف على مدينة حمص.", [("Shelling/artillery/missile attack", "Homs", "SY")]),
    # an outlet named after a city and "today" is the city, today, where nothing says outlet
    ("قتل ثلاثة مدنيين في قصف على مدينة حلب اليوم.", [("Shelling/artillery/missile attack", "Aleppo", "SY")]),
    # negative: after "according to" it is the outlet, not the place
    ("قتل ثلاثة مدنيين في قصف على مدينة حمص، بحسب حلب اليوم.", [("Shelling/artillery/missile attack", "Homs", "SY")]),
]


@pytest.mark.parametrize("body,expected", WORDS_THAT_ARE_NAMES)
def test_words_that_are_names(kb, body, expected):
    assert kinds(events(kb, body)) == expected


def test_a_town_in_a_city_named_like_its_province(kb):
    # "بلدة الأتارب بحلب": Aleppo is the province here, the town is the place
    assert kinds(events(kb, "قتل ثلاثة مدنيين في قصف على بلدة الأتارب بحلب.")) == \
        [("Shelling/artillery/missile attack", "Al-Atarib", "SY")]


def test_a_yearless_agency_dateline_is_no_event_place(kb):
    text = ("مقتل مدنيين في هجوم\n\nنيامي في 30 يناير /العمانية/ قتل 12 مدنيا في هجوم شنه مسلحون على قرية "
            "في منطقة تيلابيري غرب النيجر.")
    evs = [r for r in extract(from_text(text, "t.txt", date(2024, 1, 30)), kb, warn=False) if r["kind"] == "event"]
    assert [(e["location"], e["event_date"]) for e in evs] == [("Tillabéri", "2024-01-30")]


def test_a_border_incident_is_one_event_on_the_acting_side(kb):
    body = ("اشتبك الجيش الأردني فجر اليوم مع مهربين مسلحين حاولوا اجتياز الحدود الشمالية الشرقية للمملكة مع سوريا، "
            "في محاولة جديدة تستهدف أمن الأردن.")
    assert [(e["sub_event_type"], e["country_code"]) for e in events(kb, body)] == [("Armed clash", "JO")]
    # (a smuggling attempt foiled with no weapon and no fight is no event: test_realnews_rules10)
    # negative: strikes in two countries are two events
    body = "شنت طائرات حربية غارات على مواقع في سوريا والعراق اليوم."
    assert sorted(e["country_code"] for e in events(kb, body)) in (["IQ", "SY"], [])


LATIN_ONLY_TOWNS = [
    # a town GeoNames knows only in Latin letters, after a feature word, in a country the article names
    ("قتل جنود في كمين قرب بلدية حمام ريغة بولاية عين الدفلى الجزائرية.", "Hammam Righa"),
    ("شهدت منطقة داشتي أرشي في ولاية قندوز الأفغانية اشتباكات عنيفة بين الجيش وطالبان.", "Dasht-e Archī"),
    ("قتل مدني في قصف روسي على بلدة سيريدينا-بودا في منطقة سومي الأوكرانية.", "Seredyna-Buda"),
    # negative: only part of a two-word name matches a town elsewhere: not that town
    ("قتل ثلاثة مدنيين في هجوم على قرية بريمة رشيد قرب النهود بولاية غرب كردفان السودانية.", None),
]


@pytest.mark.parametrize("body,town", LATIN_ONLY_TOWNS)
def test_towns_known_only_in_latin_letters(kb, body, town):
    evs = events(kb, body)
    assert evs
    locs = [e["location"] for e in evs]
    if town:
        assert town in locs
    else:
        assert not any(loc and "Bur" in loc for loc in locs)


def test_where_a_missile_was_fired_from_is_not_where_it_fell(kb):
    body = "أطلق الحوثيون صاروخا باليستيا من محافظة صعدة باتجاه مدينة جازان السعودية اليوم دون إصابات."
    assert [(e["location"], e["country_code"]) for e in events(kb, body)] == [("Jizan", "SA")]
    body = "أعلن التحالف أن الحوثيين أطلقوا صاروخا باليستيا من محافظة صعدة فجر اليوم."
    assert all(e["location"] != "Sa'dah" and "Sad" not in (e["location"] or "") for e in events(kb, body))
    # negative: shots fired "from" a car are no origin place; the town stays
    body = "أطلق مسلحون النار من سيارة مسرعة على حاجز للشرطة في مدينة بعقوبة اليوم."
    assert [e["location"] for e in events(kb, body)] == ["Baqubah"]


EVENT_COUNTS = [
    # an intercepted missile and the strike on its target are one event
    ("أعلنت السعودية اعتراض صاروخ باليستي فوق مدينة جازان فجر اليوم. "
     "وقال المتحدث إن الصاروخ كان متجها نحو مدينة جازان وسقطت شظاياه على أحياء سكنية دون إصابات.", 1),
    # negative: a missile intercepted over one city and a drone strike on another stay two
    ("أعلنت السعودية اعتراض صاروخ باليستي فوق مدينة جازان فجر اليوم. "
     "وفي سياق منفصل، استهدفت طائرة مسيرة مطار أبها الدولي ظهر اليوم.", 2),
    # in an article that places its event, a province named by a reference adds no event
    ("قصف الجيش التركي مواقع للمسلحين في بلدة يوكسيكوفا اليوم. وأفادت وكالة الأناضول أن الجيش قتل المسلحين "
     "خلال عمليات جوية بولاية هكاري.", 1),
]


@pytest.mark.parametrize("body,n", EVENT_COUNTS)
def test_how_many_incidents_an_article_tells(kb, body, n):
    assert len(events(kb, body)) == n


def test_the_announcement_day_yields_to_the_day_the_attack_happened(kb):
    body = ("أعلن الجيش الكونغولي، اليوم الاثنين، مقتل 20 شخصا على الأقل في هجوم شنته جماعة مسلحة شرق البلاد. "
            "وقال متحدث عسكري إن الهجوم وقع فجر السبت الماضي واستهدف مدينة بوتمبو في جمهورية الكونغو الديمقراطية.")
    evs = events(kb, body, date(2026, 2, 9))
    assert [(e["event_date"], e["location"], e["fatalities"]) for e in evs] == [("2026-02-07", "Butembo", 20)]
    # negative: with no other day told, the announced day stands for a placed event
    body = "أعلن الجيش الكونغولي، اليوم الاثنين، مقتل 20 شخصا في هجوم على مدينة بوتمبو شرق البلاد."
    assert [e["event_date"] for e in events(kb, body, date(2026, 2, 9))] == ["2026-02-09"]


def test_a_big_town_of_a_conflict_country_named_in_the_article(kb):
    body = ("قتل عشرة أشخاص في غارة جوية على مدينة في إقليم تيغراي الإثيوبي اليوم. "
            "وكانت غارة جوية قد استهدفت ميكيلي أمس وأصابت مباني سكنية.")
    assert "Mek'ele" in [e["location"] for e in events(kb, body)]


WHERE_TOLD = [
    # several bombings counted vaguely, with no day, are a series: no event
    ("وقال التنظيم مؤخرا إنه نفذ عدة تفجيرات في مدينة جلال آباد شرقي أفغانستان.", []),
    # negative: with a day of their own the bombings are told as an event
    ("نفذ التنظيم عدة تفجيرات في مدينة جلال آباد شرقي أفغانستان صباح اليوم.", ["Jalālābād"]),
    # a foreign province's final -a in either spelling
    ("قتل 38 شخصا على يد مسلحين في قرية نائية بولاية زامفارا شمال غربي نيجيريا اليوم.", ["Gusau"]),  # at its seat
    ("قتل 38 شخصا على يد مسلحين في قرية نائية بولاية زامفارة شمال غربي نيجيريا اليوم.", ["Gusau"]),
    # "according to X citing local sources, the militants fought … in Mocímboa da Praia": the town is the news
    ("وبحسب موقع إخباري نقلا عن مصادر محلية فإن مسلحي داعش خاضوا قتالا عنيفا مع القوات الموزمبيقية خلال هجوم "
     "على مدينة موسيمبوا دا برايا اليوم، ما أسفر عن مقتل أربعة أشخاص.", ["Mocímboa da Praia"]),
    # "لاب" (a lab) is no clitic plus the two-letter Ibb
    ("قتل 13 مدنيا في قصف على مدينة الفاشر اليوم بحسب مختبر الأبحاث الإنسانية (ريسيرتش لاب) في جامعة ييل.",
     ["El Fasher"]),
    # the hospital the wounded were taken to, named after a town, is not where they were shot
    ("وأعلنت وزارة الصحة اليوم وصول 5 إصابات برصاص الاحتلال لمستشفى جنين الحكومي، كما أصيب مسعف بشظية بعد إطلاق "
     "قناصة الاحتلال النار صوبه في مخيم جنين.", ["Jenin Camp"]),
    # negative: a strike on a named hospital is at that hospital
    ("قصفت طائرات الاحتلال مستشفى الشفاء في مدينة غزة اليوم.", ["Al-Shifa Hospital"]),
    # "Port Sudan" written as one word
    ("فرقت قوات الأمن مظاهرة في بورسودان اليوم بالغاز المسيل للدموع.", ["Port Sudan"]),
    # "an air aggression" is an air strike, and the word "aerial" in it is not the village Jwaya
    ("نفذ طيران الاحتلال عدوانا جويا على بلدة عيتا الشعب جنوبي لبنان اليوم.", ["Ayta ash-Shab"]),
]


@pytest.mark.parametrize("body,locations", WHERE_TOLD)
def test_where_the_events_are_told(kb, body, locations):
    assert [e["location"] for e in events(kb, body)] == locations


def test_a_persons_name_after_called_is_no_place(kb):
    body = ("قالت مصادر صحفية في عدن إن مسلحين مجهولين اغتالوا شابا وسط الشيخ عثمان مساء اليوم، وحسب المصادر فإن "
            "المسلحين أطلقوا النار على شاب يدعى بشار.")
    assert {e["country_code"] for e in events(kb, body)} == {"YE"}


def test_the_toll_of_fighting_still_going_on_is_a_tally(kb):
    body = ("وتسببت الاشتباكات بين الجيش وقوات الدعم السريع، التي اندلعت أمس السبت ولا تزال متواصلة، في مقتل 56 شخصا "
            "وإصابة حوالي 600 آخرين في السودان.")
    recs = records(kb, body, date(2023, 4, 16))
    assert [r["count"] for r in recs if r["kind"] == "tally"] == [56, 600]
    assert [r for r in recs if r["kind"] == "event"] == []
    # negative: a clash today with its toll, nothing said of it going on, is an event
    body = "اندلعت اشتباكات بين الجيش وقوات الدعم السريع في مدينة الأبيض اليوم أسفرت عن مقتل 5 أشخاص."
    assert [r["kind"] for r in records(kb, body)] == ["event"]


def test_an_expression_of_regret_for_killings_is_a_statement(kb):
    body = ("طالب مجلس الأمن الدولي، اليوم الأحد، أطراف النزاع في السودان بوقف فوري لإطلاق النار. معربا عن قلقه "
            "إزاء الاشتباكات العسكرية بين الجيش السوداني وقوات الدعم السريع، وأسفه لمقتل وإصابة أشخاص بينهم مدنيون.")
    assert events(kb, body) == []


def test_at_least_after_a_count_bounds_that_count_only(kb):
    body = "وارتفعت حصيلة ضحايا الاحتجاجات منذ 28 ديسمبر إلى 78 قتيلا على الأقل و116 جريحا."
    tallies = [(r["count"], r["at_least"]) for r in records(kb, body, date(2026, 1, 12)) if r["kind"] == "tally"]
    assert tallies == [(78, True), (116, False)]


def test_a_running_toll_does_not_swallow_the_dated_attack_before_it(kb):
    body = ("هجوم نظم صباح أمس الأربعاء بدأ بتفجير انتحاريين أحزمتهم الناسفة في مدينة السويداء، وارتفعت حصيلة القتلى "
            "تدريجيا خلال ساعات النهار حتى وصلت إلى 246 قتيلا.")
    recs = records(kb, body, date(2018, 7, 26))
    assert [r["count"] for r in recs if r["kind"] == "tally"] == [246]
    assert [(r["sub_event_type"], r["event_date"]) for r in recs if r["kind"] == "event"] == [("Suicide bomb", "2018-07-25")]
    # negative: a toll over weeks with no dated attack of its own stays only a tally
    body = "وارتفعت حصيلة القتلى في المحافظة منذ بداية الشهر الماضي إلى 246 قتيلا."
    assert [r["kind"] for r in records(kb, body, date(2018, 7, 26))] == ["tally"]


TYPES_TOLD = [
    # residents clashing with a named police force: a riot
    ("شهدت مدينة قفصة مظاهرات واشتباكات بين الشرطة التونسية والمواطنين اليوم استخدمت خلالها قوات الأمن الغاز المسيل للدموع.",
     ["Riots/Violent demonstration"]),
    # negative: the army against gunmen stays a battle
    ("اندلعت اشتباكات بين الجيش التونسي ومسلحين في جبل الشعانبي اليوم.", ["Battles/Armed clash"]),
    # the charge (بتهمة إثارة الشغب) is no riot; the arrest with its pronoun (اعتقالها) is the event
    ("أعلنت وزارة الداخلية اعتقالها خمسة أشخاص في مدينة البصرة بتهمة التحريض على الفوضى وإثارة الشغب.",
     ["Strategic developments/Arrests"]),
    # the event right after منذ opened a period: no new event
    ("لم تهدأ الأزمة السياسية في لبنان منذ اغتيال رئيس الحكومة الأسبق في بيروت.", []),
    # a withdrawal at the end of an arrest raid hands over no territory
    ("اعتقلت قوات الاحتلال شابين من مخيم جنين، ثم انسحبت من المخيم اليوم.", ["Strategic developments/Arrests"]),
    # a present verb opening the clause over plural strikes tells a habit: no event at Kyiv
    ("يتسبب القصف الروسي بسقوط قتلى وجرحى يوميا في مناطق سكنية في أوكرانيا. وترد كييف بشن ضربات على أهداف في "
     "المناطق المحتلة وداخل الأراضي الروسية.", []),
    # negative: a strike told in the past tense today stands
    ("شنت طائرات إسرائيلية غارة على بلدة الخيام جنوبي لبنان اليوم.", ["Explosions/Remote violence/Air/drone strike"]),
    # "this strike comes one day after the army announced a raid on X": the raid is no event of today, but one of
    # its own, of the day before (ACLED codes an incident told within the week)
    ("استهدفت طائرة مسيرة سيارة في بلدة بيت ليف اليوم. ويأتي هذا الاستهداف بعد يوم واحد من إعلان الجيش أنه نفذ "
     "غارة في منطقة الزهراني.", ["Explosions/Remote violence/Air/drone strike"] * 2),
    # "the terrorist attack … killed a policeman"; then "condemned the bombing": the later word names the means
    ("دانت الحكومة الهجوم الإرهابي الذي وقع اليوم قرب السفارة الأميركية في تونس العاصمة، مما أسفر عن مقتل شرطي "
     "ومهاجمين اثنين. وأعربت الوزارة عن استنكارها الشديد للتفجير.",
     ["Explosions/Remote violence/Remote explosive/landmine/IED"]),
    # negative: the assassination told as news stands
    ("اغتال مسلحون مسؤولا محليا في بيروت اليوم.", ["Violence against civilians/Attack"]),
]


@pytest.mark.parametrize("body,types", TYPES_TOLD)
def test_what_kind_of_event_is_told(kb, body, types):
    assert [f'{e["event_type"]}/{e["sub_event_type"]}' for e in events(kb, body)] == types


def test_a_bare_toll_with_a_day_completes_the_placed_event(kb):
    body = ("أفادت وزارة الدفاع بمقتل إرهابي خطير في كمين لوحدة من الجيش جنوب ولاية سيدي بلعباس غربي الجزائر. "
            "وقالت الوزارة في بيان لها أمس الخميس إن وحدة الجيش قتلت أول أمس الأربعاء الإرهابي.")
    evs = events(kb, body, date(2017, 7, 21))
    assert [(e["event_date"], e["location"]) for e in evs] == [("2017-07-19", "Sidi Bel Abbes")]


@pytest.mark.parametrize("body,actor1,actor2", [
    # the force that dispersed a protest is actor2; the protesters, unnamed, are actor1
    ("استخدمت قوات الأمن قنابل الغاز المسيل للدموع لتفريق مظاهرة في مدينة بورسودان اليوم.", "Protesters (Sudan)",
     "Police Forces of Sudan"),
    ("نظم مئات المواطنين وقفة احتجاجية أمام مبنى المحافظة في مدينة إربد اليوم للمطالبة بفرص عمل.", "Protesters (Jordan)", None),
])
def test_protesters_are_the_first_actor_of_a_protest(kb, body, actor1, actor2):
    e = events(kb, body)[0]
    assert (e["actor1"], e["actor2"]) == (actor1, actor2)


SEVERAL_INCIDENTS_AND_DAYS = [
    # "…, and last Tuesday six were killed in X": after a comma, "and" glued to a day opens another incident
    ("انفجرت عبوة ناسفة في كابول اليوم. وسقط خمسة قتلى في انفجار دراجة مفخخة قرب مطار قندوز، ويوم الثلاثاء الماضي "
     "قتل ستة أشخاص في ولاية ننغرهار.",
     [("2024-05-02", "Kabul", None), ("2024-05-02", "Kunduz", 5), ("2024-04-30", "Nangarhar", 6)]),
    # a placeless toll on another day beside several incidents is not the day (nor the toll) of all of them
    ("انفجرت عبوة ناسفة في كابول اليوم. وانفجرت دراجة مفخخة قرب مطار قندوز. وفي ولاية ننغرهار، سقط خمسة في "
     "انفجار استهدف تجمعا لعسكريين، ويوم الثلاثاء الماضي قتل ستة.",
     [("2024-05-02", "Kabul", None), ("2024-05-02", "Kunduz", None), ("2024-05-02", "Nangarhar", None)]),
    # negative: a day said in the event's own clause, with no comma and "and" before it, stays its day
    ("قتل ستة أشخاص في انفجار في مدينة قندوز يوم الثلاثاء الماضي.", [("2024-04-30", "Kunduz", 6)]),
    ("قتل ستة أشخاص في انفجار في مدينة قندوز، يوم الثلاثاء الماضي.", [("2024-04-30", "Kunduz", 6)]),
]


@pytest.mark.parametrize("body,expected", SEVERAL_INCIDENTS_AND_DAYS)
def test_several_incidents_keep_their_own_days(kb, body, expected):
    got = [(e["event_date"], e["admin1"], e["fatalities"]) for e in events(kb, body)]
    assert got == expected


@pytest.mark.parametrize("body", [
    "قتل خمسة عسكريين في انفجار استهدف تجمعا لهم في ولاية ننغرهار شرقي أفغانستان اليوم.",
    "قتل خمسة عسكريين في انفجار استهدف تجمعا لهم في ولاية ننجرهار شرقي أفغانستان اليوم.",
    "قتل خمسة عسكريين في انفجار استهدف تجمعا لهم في ولاية ننكرهار شرقي أفغانستان اليوم.",
])
def test_the_persian_gaf_in_its_arabic_spellings(kb, body):
    assert [e["admin1"] for e in events(kb, body)] == ["Nangarhar"]


def test_the_gaf_variants_are_for_provinces_not_town_names_met_by_personal_names(kb):
    # Quetta (كويتا) must not turn the Malian president Goita (غويتا) into a place
    body = "هاجم مسلح رئيس مالي المؤقت أسيمي غويتا بسكين في الجامع الكبير في باماكو اليوم."
    assert {e["country_code"] for e in events(kb, body)} == {"ML"}


def test_a_province_known_only_by_name_is_placed_at_its_seat(kb):
    e = events(kb, "قتل خمسة عسكريين في انفجار في ولاية ننغرهار شرقي أفغانستان اليوم.")[0]
    assert (e["admin1"], e["location"], e["geo_precision"]) == ("Nangarhar", "Jalālābād", 3)


@pytest.mark.parametrize("body,cc", [
    # a name with namesakes in several countries does not vote for the country of its biggest one when
    # the article names another of its countries (the province of the Syrian Mansoura)
    ("قصف طيران التحالف منزلا في مدينة المنصورة بريف الرقة اليوم. وقتلت امرأة وأطفالها في القصف على مدينة المنصورة.",
     {"SY"}),
    # negative: with nothing else named, the big city stands
    ("فرقت الشرطة مظاهرة في مدينة المنصورة اليوم.", {"EG"}),
    # negative: an Egyptian article keeps its Mansoura
    ("تظاهر مئات الطلاب في القاهرة اليوم، ونظم آخرون مسيرة في مدينة المنصورة.", {"EG"}),
])
def test_a_namesake_in_a_province_the_article_names(kb, body, cc):
    assert {e["country_code"] for e in events(kb, body)} == cc


def test_a_bare_word_a_gazetteer_lists_for_an_article_name_is_no_place(kb):
    # GeoNames lists al-Khobar also as خبر ("news"), a page's label before the headline
    recs = extract(from_text("خبر الشرطة تفرق المتظاهرين في ميدان التحرير\nالقاهرة - فرقت الشرطة اليوم مظاهرة لطلاب "
                             "في ميدان التحرير بالغاز المسيل للدموع.", "t.txt", PUB), kb, warn=False)
    assert [(r["location"], r["country_code"]) for r in recs if r["kind"] == "event"] == [("Tahrir Square (Cairo)", "EG")]
    # negative: the city with its article stays a place
    assert [e["location"] for e in events(kb, "قتل شخص في إطلاق نار في مدينة الخبر السعودية اليوم.")] == ["Khobar"]


REFERRED_BACK = [
    # "the coastal city": the latest city the article named
    ("أعلن الرئيس الأوكراني ارتفاع عدد القتلى في أوديسا إلى 10. وقصفت مسيرة روسية مبنى سكنيا في المدينة الساحلية "
     "صباح السبت.", [("Odesa", "2024-04-27")]),
    # negative: "the village" after a city named as a bearing's reference point is another place
    ("قتل 3 فلسطينيين في هجوم مستوطنين شرق رام الله اليوم. وقال الهلال الأحمر إن المستوطنين هاجموا القرية وأحرقوا "
     "منازل.", [("Ramallah", "2024-05-02")]),
    # negative: "the town" where an old attack was told goes on telling that attack
    ("في 22 يناير 2024 هاجم مسلحون بلدة سيبا في بوركينا فاسو. وبعد محاولة فاشلة للاستيلاء على البلدة زرع "
     "المهاجمون عبوات ناسفة.", []),
    # a source ends where the news starts: a verb or an opening quote after it
    ("وحسب وسائل إعلام محلية قصفت مسيرة روسية مبنى في مدينة خاركيف الأوكرانية اليوم.", [("Kharkiv", "2024-05-02")]),
    ("وحسب وسائل إعلام محلية “قصفت مسيرة روسية مبنى في مدينة خاركيف الأوكرانية اليوم”.", [("Kharkiv", "2024-05-02")]),
    # a protest whose crowd later burned tyres in the same city that day is one event
    ("تظاهر مئات الشبان في مدينة تطاوين اليوم للمطالبة بالتشغيل. وقام عدد من المحتجين بإغلاق الطرقات وإحراق "
     "العجلات وسط المدينة.", [("Tataouine", "2024-05-02")]),
    # "two days only after …" recalls another incident: its toll is not today's
    ("اقتحم مستوطنون قرية كفر مالك اليوم وأحرقوا منازل. ويأتي هذا الاعتداء بعد يومين فقط من مقتل طفل برصاص قوات "
     "الاحتلال في القرية.", [("Kafr Mālik", "2024-05-02")]),
]


@pytest.mark.parametrize("body,expected", REFERRED_BACK)
def test_places_referred_back_and_sources_that_end(kb, body, expected):
    evs = events(kb, body)
    assert [(e["location"], e["event_date"]) for e in evs] == expected
    assert all(e["fatalities"] is None for e in evs if e["location"] == "Kafr Mālik")


def test_a_ministry_announcing_the_dead_is_not_who_killed_them(kb):
    body = ("هاجم مستوطنون قرية كفر مالك اليوم. وأعلنت وزارة الصحة استشهاد 3 فلسطينيين وإصابة 7 آخرين جراء عدوان "
            "المستوطنين على القرية.")
    assert [(e["actor1"], e["fatalities"]) for e in events(kb, body)] == [("Settlers (Israel)", 3)]
    # negative: an armed force announcing its own arrests did them
    body = "أعلنت الشرطة القبض على خمسة أشخاص في مدينة الزرقاء اليوم."
    assert [e["actor1"] for e in events(kb, body)] == ["Police Forces of Jordan"]


@pytest.mark.parametrize("body,expected", [
    # أطلق … النار with the day and the force between: shooting at protesters, not a rocket launch
    ("أطلقت قوات الأمن الإيرانية، اليوم (الخميس)، النار على حشد من المتظاهرين في مدينة جوانرود غرب إيران، مما أدى "
     "إلى مقتل شخص.", ("Protests/Excessive force against protesters", "Javānrūd")),
    # negative: a rocket launched stays a launch
    ("أطلقت حركة الجهاد الإسلامي اليوم صاروخا على مدينة سديروت.", ("Explosions/Remote violence/Shelling/artillery/missile attack", "Sderot")),
    # the DR Congo in the spelling with waw (الديموقراطية), not the Republic of the Congo
    ("سمع دوي قصف بالمدفعية الثقيلة وسط غوما في شرق جمهورية الكونغو الديموقراطية اليوم.",
     ("Explosions/Remote violence/Shelling/artillery/missile attack", "Goma")),
])
def test_shooting_and_spellings_of_real_reports(kb, body, expected):
    e = events(kb, body)[0]
    assert (f'{e["event_type"]}/{e["sub_event_type"]}', e["location"]) == expected


@pytest.mark.parametrize("body,expected", [
    # a city whose Latin-only GeoNames name has a two-consonant skeleton, and whose Arabic is an everyday word
    ("قال الجيش الكونغولي إن عشرة أشخاص قتلوا ليلة الخميس في مدينة بيني بشرق جمهورية الكونغو الديمقراطية.",
     [("Violence against civilians/Attack", "Beni")]),
    # "confronted them" in a sentence about protesters is the police meeting the crowd, not an interception
    ("وتجمع المحتجون في شارع الأربعين بأم درمان، لكن سرعان ما تصدت لهم قوات الأمن مستخدمة الغاز المسيل للدموع.",
     [("Protests/Protest with intervention", "Omdurman")]),
    # negative: air defences that confronted a drone intercepted it
    ("تصدت الدفاعات الجوية لطائرة مسيرة فوق مدينة أم درمان اليوم.", [("Strategic developments/Disrupted weapons use", "Omdurman")]),
    # the capital's city, which GeoNames spells without the article its province has (خرطوم / الخرطوم)
    ("فرقت الشرطة مظاهرة في العاصمة الخرطوم اليوم بالغاز المسيل للدموع.", [("Protests/Protest with intervention", "Khartoum")]),
])
def test_more_places_and_senses_of_real_reports(kb, body, expected):
    got = [(f'{e["event_type"]}/{e["sub_event_type"]}', e["location"]) for e in events(kb, body)]
    assert got == expected
    if expected[0][1] == "Khartoum":
        assert events(kb, body)[0]["geo_precision"] == 1  # the city, not the state


@pytest.mark.parametrize("body,expected", [
    # "since the morning": today's clash going on, between youths and security men: a riot
    ("تعيش مدينة تطاوين منذ الصباح مواجهات عنيفة بين عدد من الشباب والعناصر الأمنية التي استعملت الغاز المسيل "
     "للدموع بكثافة.", [("Riots/Violent demonstration", "Tataouine")]),
    # negative: "since the outbreak of the clashes" opens a period: no event
    ("تشهد المدينة توترا منذ اندلاع المواجهات في مدينة تطاوين.", []),
    # a capital whose name a village elsewhere shares with an everyday word, frequent only as the name
    ("شهد حي في العاصمة الرباط مساء الأربعاء مواجهات بين عناصر الأمن وعدد من الشبان والقاصرين.",
     [("Riots/Violent demonstration", "Rabat")]),
    # negative: "the door" (الباب) is no city without support
    ("فهل يجوز تبرير القتل والاغتيال السياسي وإعادة فتح الباب أمام هذا النوع من الإجرام؟", []),
])
def test_since_this_morning_riots_and_capitals(kb, body, expected):
    assert [(f'{e["event_type"]}/{e["sub_event_type"]}', e["location"]) for e in events(kb, body)] == expected


@pytest.mark.parametrize("body,expected", [
    # a province of a conflict country in another spelling (ج for غ, a long vowel more), found by skeleton
    ("قتل 36 مدنيا الاثنين في هجوم على سوق في مقاطعة سانماتينجا شمال بوركينا فاسو.", ("Sanmatenga", "2024-04-29")),
    # "described on Tuesday as a terrorist attack": the day the government spoke, not the day of the attack
    ("لقي 36 مدنيا مصرعهم في بوركينا فاسو الاثنين فيما وصفته الحكومة الثلاثاء بأنه هجوم إرهابي على سوق في "
     "مقاطعة سانماتنغا.", ("Sanmatenga", "2024-04-29")),
])
def test_province_spellings_and_the_day_a_government_described_it(kb, body, expected):
    e = events(kb, body)[0]
    assert (e["admin1"], e["event_date"]) == expected


def test_an_event_with_no_place_of_its_own_is_placed_where_the_article_says(kb):
    # the article names a province in a clause of its own and no other place: the event goes there, as near
    body = "قتل 36 مدنيا في هجوم مسلح على سوق في بوركينا فاسو الاثنين. وتشهد ولاية سانماتنغا شمال البلاد هجمات متكررة."
    assert [(e["admin1"], e["geo_precision"]) for e in events(kb, body)] == [("Sanmatenga", 3)]


@pytest.mark.parametrize("text,location", [
    # "city، country (agency) –": the reporter's city is no event place
    ("هجوم في إيران\nطهران ، إيران (أ ف ب) – هاجمت جماعة مسلحة مركزا للشرطة في مدينة زاهدان بمحافظة سيستان "
     "وبلوشستان الإيرانية وقتلت شرطيا.", ["Zahedan"]),
    # a date stamp on its own line, then "city outlet:" opening the lede
    ("اعتصام في الخليل\n08/05/2022\nرام الله وطن للأنباء: طالب العشرات من الأهالي والمعلمين الحكومة خلال اعتصام "
     "أمام مكتب التربية في مدينة الخليل بإنصاف المعلمين.", ["Hebron"]),
])
def test_datelines_with_a_country_or_an_outlet(kb, text, location):
    recs = extract(from_text(text, "t.txt", date(2022, 5, 8)), kb, warn=False)
    assert [r["location"] for r in recs if r["kind"] == "event"] == location


def test_demands_are_a_protests_own_voice(kb):
    body = "طالب العشرات من المعلمين الحكومة خلال اعتصام أمام مديرية التربية في مدينة الخليل اليوم بإنصافهم."
    assert [e["sub_event_type"] for e in events(kb, body)] == ["Peaceful protest"]
    # negative: a minister who denounced a protest made no protest of his own
    body = "ندد وزير الداخلية بالمظاهرة التي نظمها طلاب في مدينة الخليل أمس."
    assert [e["sub_event_type"] for e in events(kb, body)] in ([], ["Peaceful protest"])


def test_a_charge_does_not_hide_where_the_arrest_was(kb):
    body = "وفي محافظة ديالى، اعتقلت قوات الأمن العراقية أربعة مطلوبين بتهم إرهابية في ناحية العظيم أمس."
    assert [e["location"] for e in events(kb, body)] == ["Al-Adhaim"]


@pytest.mark.parametrize("body,expected", [
    # a question and a "would" (من شأن … أن) report nothing
    ("فهل يجوز تبرير الاغتيال السياسي في مدينة طرابلس اليوم؟", []),
    ("وقال الخبير إن من شأن هجوم أميركي على مدينة بندر عباس أن يشعل المنطقة.", []),
    # a court's verdict on an old attack is no attack today
    ("حكمت محكمة جنايات القاهرة اليوم على 21 شخصا بالإعدام لإدانتهم بالهجوم على قسم للشرطة في مدينة حلوان.", []),
    # announcing that attacks will go on is no attack
    ("أعلن زعيم الحوثيين اليوم عن مواصلة جماعته استهداف السفن في البحر الأحمر بالطائرات المسيرة.", []),
    # fighters confronting a raid (تصدى without a missile or a drone) are a clash, not air defences
    ("اقتحمت قوات الاحتلال مخيم جنين فجر اليوم وتصدى لها مقاومون بالرصاص.", [("Battles/Armed clash", "Jenin Camp")]),
    # negative: air defences confronting a drone intercepted it
    ("تصدت الدفاعات الجوية لطائرة مسيرة فوق مدينة أم درمان اليوم.", [("Strategic developments/Disrupted weapons use", "Omdurman")]),
    # bodies seized are no one abducted
    ("وأشارت مصادر إلى أن قوات الاحتلال احتجزت جثماني الشهيدين من مخيم جنين اليوم.", []),
    # a province in another spelling of its Arabic name (تونغلي for تونجلي, Tunceli), not a village by skeleton
    # (four gunmen killed: armed victims make it a clash)
    ("ذكرت وكالة دوغان أن 4 مسلحين قتلوا في إقليم تونغلي شرقي تركيا اليوم.", [("Battles/Armed clash", "Tunceli")]),
])
def test_verdicts_promises_confrontations_and_bodies(kb, body, expected):
    assert [(f'{e["event_type"]}/{e["sub_event_type"]}', e["location"]) for e in events(kb, body)] == expected


@pytest.mark.parametrize("body,expected", [
    # احتجزت "detained" is no احتج* "protested": the longer prefix key wins
    ("احتجزت الشرطة الأردنية خمسة أشخاص في مدينة الزرقاء اليوم.", [("Strategic developments/Arrests", "Zarqa")]),
    # an ambush on fighters heading "to intercept civilian vehicles": the ambush, no interception
    ("نفذت قوة من الجيش الصومالي مساء أمس كمينا لعناصر من حركة الشباب قرب مدينة بلدوين أثناء توجههم لاعتراض "
     "مركبات مدنية، ما أدى إلى مقتل أربعة منهم.", [("Battles/Armed clash", "Beledweyne")]),
    # negative: a missile intercepted
    ("اعترضت الدفاعات الجوية السعودية صاروخا باليستيا فوق مدينة جازان اليوم.",
     [("Strategic developments/Disrupted weapons use", "Jizan")]),
])
def test_detained_and_intercepted_in_their_senses(kb, body, expected):
    assert [(f'{e["event_type"]}/{e["sub_event_type"]}', e["location"]) for e in events(kb, body)] == expected


def test_the_crime_a_man_was_convicted_of_is_no_event(kb):
    body = ("أصيب عشرات المشاركين في الوقفة الاحتجاجية أمام البرلمان في الرباط ليلة الجمعة ضد قرار العفو عن إسباني مدان "
            "باغتصاب أطفال، إثر تدخل رجال الأمن لتفريق المظاهرة بالقوة.")
    assert [e["sub_event_type"] for e in events(kb, body)] == ["Protest with intervention"]


def test_an_article_that_places_its_incidents_keeps_no_placeless_event(kb):
    body = "قتل 5 في غارة على مدينة الفاشر اليوم. وفي حادث آخر قتل 3 أمس في السودان."
    assert [e["location"] for e in events(kb, body)] == ["El Fasher"]
    # negative: a report that places nothing keeps its event (a wire sentence, a country-level brief)
    assert [e["country_code"] for e in events(kb, "قتل 3 أشخاص أمس في هجوم مسلح في السودان.")] == ["SD"]


def test_a_killing_by_the_army_before_its_running_count_is_an_event(kb):
    text = ("الجيش يعلن القضاء على ستة إرهابيين خلال يومين\nنشر\nدقيقة قراءة\nCredit: AFP\n\n"
            "دبي، الإمارات العربية المتحدة (CNN)— أعلن الجيش الجزائري القضاء على إرهابي اليوم السبت في ولاية عين "
            "الدفلى، ممّا يرفع عدد الإرهابيين الذين أعلن الجيش عن مصرعهم خلال اليومين الماضيين إلى ستة.")
    recs = extract(from_text(text, "t.txt", date(2017, 5, 13)), kb, warn=False)
    assert [(r["admin1"], r["event_date"]) for r in recs if r["kind"] == "event"] == [("Ain Defla", "2017-05-13")]
    assert [r["count"] for r in recs if r["kind"] == "tally"] == [6]


def test_a_reference_naming_the_province_places_the_raid_told_without_a_place(kb):
    body = ("أعلن الجيش التركي اليوم تصفية 8 مسلحين من حزب العمال الكردستاني خلال عملية قصف جوي. وأفادت وكالة الأناضول "
            "أن الجيش التركي قتل المسلحين خلال عمليات جوية بولاية هكاري جنوبي شرقي تركيا.")
    evs = events(kb, body)
    assert [(e["admin1"], e["event_type"]) for e in evs] == [("Hakkari", "Explosions/Remote violence")]
    # (the negative, an article that places its event, is in EVENT_COUNTS)


def test_a_place_named_only_in_a_quiet_clause_places_the_incident(kb):
    body = ("قتل تسعة مدنيين في هجوم بسيارتين مفخختين على ثكنة للجيش في شمال غرب باكستان اليوم. وقال مسؤول في الشرطة "
            "إن انتحاريين قادا سيارتين محملتين بالمتفجرات إلى بوابة ثكنة بانو في ولاية خيبر بختونخوا.")
    assert [(e["location"], e["geo_precision"]) for e in events(kb, body)] == [("Bannu", 2)]


def test_another_attack_is_not_the_one_told_before(kb):
    body = ("قتل 13 جنديا في كمين نصبه مسلحون قرب مدينة فادا نغورما شرق بوركينا فاسو. ويأتي هذا الهجوم بعد هجوم آخر "
            "وقع يوم الاثنين الماضي في شمال البلاد قتل فيه عشرة جنود.")
    assert [(e["event_date"], e["fatalities"]) for e in events(kb, body)] == [("2024-05-02", 13)]


def test_a_raid_campaign_across_a_region_is_told_by_its_towns(kb):
    body = ("شنت قوات الاحتلال الإسرائيلي فجر اليوم حملة اعتقالات واسعة في الضفة الغربية. ففي محافظة بيت لحم اعتقلت "
            "قوات الاحتلال أربعة مواطنين من بلدة بيت فجار. وفي جنين اعتقلت قوات الاحتلال صحفيا.")
    assert sorted(e["location"] for e in events(kb, body)) == ["Bayt Fajjār", "Jenin"]


TALLIES_TOLD = [
    # the count a toll "rose to", of protests over days
    ("وارتفعت حصيلة قتلى المواجهات بين المتظاهرين وقوات الأمن في البصرة إلى 6 فيما وصل عدد الجرحى إلى أكثر من 50.",
     [6]),
    # "since 2015" (a year alone) opens a period
    ("وتتعرض بوركينا فاسو لهجمات إرهابية أسفرت منذ 2015 عن نحو 750 قتيلا.", [750]),
    ("قتل أكثر من 300 ألف شخص في سوريا منذ عام 2011.", [300000]),
    # "in the past two weeks", with only the idiom of death (لقي مصرعه) for an event word
    ("لقي 144 شخصا مصرعهم في نيجيريا خلال أحداث العنف التي اندلعت في الأسبوعين الماضيين في وسط البلاد.", [144]),
    # killed "in the conflict", with no day: the conflict's toll
    ("وقتل أكثر من 40 ألف شخص معظمهم أكراد في الصراع.", [40000]),
    # a war "that lasted more than ten months": the toll is its tally, and the ten months no count
    ("لقد خلفت الحرب التي دامت أكثر من عشرة أشهر مساحات شاسعة من غزة في حالة خراب، مع مقتل ما لا يقل عن 40,005 "
     "فلسطينيين.", [40005]),
]


@pytest.mark.parametrize("body,counts", TALLIES_TOLD)
def test_tallies_as_real_reports_tell_them(kb, body, counts):
    recs = records(kb, body, date(2024, 5, 2))
    assert [r["count"] for r in recs if r["kind"] == "tally"][:len(counts)] == counts
    assert not [r for r in recs if r["kind"] == "event"]


def test_a_toll_rising_to_a_count_of_one_blast_still_updates_the_blast(kb):
    # negative: "the toll of the blast rose to 58" is no tally (one incident, no period, no campaign)
    body = "انفجرت سيارة مفخخة في سوق بمدينة الصدر اليوم. وارتفعت حصيلة ضحايا التفجير إلى 58 قتيلا."
    recs = records(kb, body)
    assert not [r for r in recs if r["kind"] == "tally"]
    assert [e["fatalities"] for e in recs if e["kind"] == "event"] == [58]


def test_a_year_is_never_a_tally_nor_is_a_count_of_the_next_sentence(kb):
    body = ("وتستهدف روسيا الأراضي الأوكرانية بشكل يومي بهجمات بطائرات مسيرة أو صواريخ منذ بدء الغزو في فبراير (شباط) 2022.\n"
            "وقتل سبعة أشخاص بعد أن قصفت روسيا مباني سكنية في أنحاء العاصمة كييف الجمعة.")
    recs = records(kb, body, date(2025, 11, 17))
    assert not [r for r in recs if r["kind"] == "tally"]
    # and the datelines with a slash: the reporter's city is no event place
    text = "تقرير\nكييف/ أوكرانيا بالعربية/أعلنت السلطات المحلية اليوم مقتل ثلاثة أشخاص بقصف روسي على مدينة خاركيف."
    recs = extract(from_text(text, "t.txt", date(2025, 11, 17)), kb, warn=False)
    assert [r["location"] for r in recs if r["kind"] == "event"] == ["Kharkiv"]


def test_an_airstrip_is_no_aircraft(kb):
    body = "هاجم مسلحون من حركة الشباب مهبط الطائرات في مدينة لامو الكينية اليوم واستمر القتال لساعات."
    assert [e["weapon"] for e in events(kb, body)] != ["airstrike"]


@pytest.mark.parametrize("town", ["جيبو", "دجيبو"])
def test_the_french_dj_of_a_sahel_town_in_both_spellings(kb, town):
    body = f"قتل عشرة جنود في هجوم على مدينة {town} في شمال بوركينا فاسو اليوم."
    assert [e["location"] for e in events(kb, body)] == ["Djibo"]


@pytest.mark.parametrize("body,expected", [
    # the death a protest is about (احتجاجية على مقتل شاب) is neither its toll nor its victims
    ("شهدت مدينة القطيف مسيرة احتجاجية على مقتل شاب برصاص الأمن السعودي اليوم.",
     ("Peaceful protest", None, None)),
    # negative: a killing told as news keeps its toll
    ("قتل شاب برصاص الأمن السعودي في مدينة القطيف اليوم.", ("Attack", 1, "Civilians (Saudi Arabia)")),
])
def test_the_reason_of_a_protest_is_not_its_toll(kb, body, expected):
    e = events(kb, body)[0]
    assert (e["sub_event_type"], e["fatalities"], e["actor2"]) == expected


def test_the_maghrebi_g_is_read_as_qaf(kb):
    # ڨ (the Maghrebi g) in الڨصرين is the qaf of القصرين
    body = "نفذ عدد من شباب مدينة الڨصرين المعطلين عن العمل اليوم وقفة احتجاجية أمام مقر الولاية."
    assert [e["location"] for e in events(kb, body)] == ["Kasserine"]


def test_a_dated_strike_in_a_war_stays_an_event(kb):
    body = "قتل 5 مدنيين في قصف على مدينة الفاشر أمس في الحرب الدائرة بين الجيش والدعم السريع."
    recs = records(kb, body)
    assert [(r["kind"], r.get("fatalities")) for r in recs] == [("event", 5)]


@pytest.mark.parametrize("body,expected", [
    # the day of the statement dates an event told with no day of its own (published Thursday 2 May)
    ("قالت الشرطة يوم الجمعة إن مسلحين خطفوا 20 تلميذا من مدرسة في مدينة كانو بنيجيريا.", "2024-04-26"),
    ("وقالت الشرطة، في بيان مساء الجمعة، إن مسلحين خطفوا 20 تلميذا من مدرسة في مدينة كانو بنيجيريا.", "2024-04-26"),
    # negative: the event's own day wins over the day it was announced
    ("قالت الشرطة أمس إن مسلحين خطفوا 20 تلميذا من مدرسة في مدينة كانو بنيجيريا يوم الثلاثاء.", "2024-04-30"),
])
def test_the_statement_day_dates_an_event_without_its_own(kb, body, expected):
    assert [e["event_date"] for e in events(kb, body)] == [expected]


def test_niger_state_is_no_country(kb):
    body = "خطف مسلحون عشرات التلاميذ من مدرسة داخلية في ولاية النيجر وسط نيجيريا اليوم."
    assert [(e["country_code"], e["admin1"]) for e in events(kb, body)] == [("NG", "Niger")]


@pytest.mark.parametrize("body,actor1,actor2", [
    # unnamed gunmen are an Unidentified Armed Group (ACLED), also as the genitive of an abduction noun
    # (the pupils they took are the civilians of the abduction)
    ("خطف مسلحون 20 تلميذا من مدرسة في مدينة كانو بنيجيريا اليوم.", "Unidentified Armed Group", "Civilians (Nigeria)"),
    ("تسبب اختطاف مسلحين 20 تلميذا من مدرسة في مدينة كانو بنيجيريا اليوم في إغلاق المدارس.", "Unidentified Armed Group",
     "Civilians (Nigeria)"),
    # the ambush a relative clause says they laid (كمين نصبه مسلحون): the gunmen attacked, the soldiers were hit
    ("قتل أحد عشر جنديا من قوات النظام السوري أمس في كمين نصبه مسلحون لحافلة عسكرية قرب مدينة السخنة.",
     "Unidentified Armed Group", "Syrian Arab Army"),
    # negative: gunmen of a named group are that group's
    ("هاجم مسلحون من حركة الشباب قاعدة عسكرية في مدينة كيسمايو اليوم.", "Al-Shabaab", "Military Forces of Somalia"),
    # negative: "the gunmen" told again are those the article named before
    ("هاجمت حركة الشباب قاعدة عسكرية في مدينة كيسمايو اليوم. وقال مصدر إن المسلحين هاجموا القاعدة من ثلاث جهات.",
     "Al-Shabaab", "Military Forces of Somalia"),
])
def test_unnamed_gunmen(kb, body, actor1, actor2):
    e = events(kb, body)[0]
    assert (e["actor1"], e["actor2"]) == (actor1, actor2)


@pytest.mark.parametrize("body,expected", [
    # an article that told marches means marches by a bare "مسيرات في …" later on
    ("وانطلقت في مدن عدة الجمعة مسيرات جديدة للحراك الاحتجاجي. وأظهرت صور بثها ناشطون مسيرات في بجاية وقسنطينة ووهران.",
     [("Peaceful protest", "Béjaïa"), ("Peaceful protest", "Constantine"), ("Peaceful protest", "Oran")]),
    # negative: a drone with an aircraft word stays a drone in the same article
    ("خرجت مسيرات احتجاجية في مدينة صعدة اليوم. وفي مأرب قصفت طائرة مسيرة سيارة في مدينة مأرب.",
     [("Peaceful protest", "Sa'dah"), ("Air/drone strike", "Ma'rib")]),
])
def test_marches_told_once_are_marches_across_the_article(kb, body, expected):
    assert [(e["sub_event_type"], e["location"]) for e in events(kb, body)] == expected


@pytest.mark.parametrize("body,expected", [
    # a car's number plate and the hospital the wounded were rushed to are not where it happened
    ("استهدف مسلحون مجهولون سيارة تحمل لوحة اللاذقية قرب بلدة خربة غزالة أمس، وجرى إسعاف المصابين إلى مشفى درعا.",
     ["Khirbat Ghazālah"]),
    # negative: a hospital that was itself hit stays the place
    ("قصفت طائرات حربية مستشفى في مدينة درعا أمس.", ["Dar‘ā"]),
])
def test_a_number_plate_and_a_hospital_taken_to_place_nothing(kb, body, expected):
    assert [e["location"] for e in events(kb, body)] == expected


@pytest.mark.parametrize("body,kinds_expected", [
    # an attack told only by a year before publication's is background, not today's news
    ("ووقع هجوم عام 2015 عندما اقتحم أربعة مسلحين حرم جامعة في مدينة الموصل.", ["background"]),
    # a court's sentence (عاقبت محكمة) over an attempted killing is no attack
    ("عاقبت محكمة مصرية، الأحد، 11 متهما بالإعدام، لإدانتهم بتكوين جماعة، والشروع في قتل ضابطين في مدينة الجيزة.", []),
    # negative: a dated attack in a sentence that recalls an old year stays an event
    ("قتل أربعة جنود في هجوم على مدينة الموصل اليوم، وهي المدينة التي شهدت عام 2015 معارك طويلة.", ["event"]),
])
def test_a_past_year_and_a_sentence_are_no_new_event(kb, body, kinds_expected):
    assert [r["kind"] for r in records(kb, body, date(2019, 6, 19))] == kinds_expected


def test_police_scuffles_in_a_protest_are_the_protest(kb):
    body = ("أطلقت الشرطة الغاز المسيل للدموع لتفريق المتظاهرين في مدينة بنغازي اليوم. واندلعت اشتباكات في عدة مواقع "
            "عندما تحركت الشرطة لإخلاء المحتجين.")
    # (one event: the demonstration that turned into clashes with the police, a violent demonstration)
    assert [e["event_type"] for e in events(kb, body)] == ["Riots"]
    # negative: a clash with an armed group the same day is a battle of its own
    body2 = body + " واندلعت اشتباكات بين الجيش الليبي ومسلحين من تنظيم داعش في بنغازي."
    assert [e["event_type"] for e in events(kb, body2)] == ["Riots", "Battles"]


def test_one_strike_told_by_the_air_force_and_by_its_army_and_a_period_s_places(kb):
    # the headline's "Israeli drone" (the air force) and the body's drone of the occupation army are one
    # perpetrator at two levels; the towns a reference names after "for weeks" (منذ أسابيع) are the period's
    text = ("مسيرة إسرائيلية تستهدف دراجة نارية جنوب لبنان\n"
            "استهدفت طائرة مسيرة تابعة لجيش الاحتلال الإسرائيلي دراجة نارية في بلدة تقع ضمن قضاء صور جنوبي لبنان أمس، "
            "ما أدى إلى مقتل شخصين.\n"
            "وجاء الهجوم في ظل توتر، حيث تشهد المنطقة منذ أسابيع تحليقا للطائرات المسيرة الإسرائيلية فوق مناطق صور والنبطية.")
    got = [r for r in extract(from_text(text, "t.txt", PUB), kb, warn=False) if r["kind"] == "event"]
    assert [(e["location"], e["fatalities"]) for e in got] == [("Tyre", 2)]
    # negative: a drone strike the same day in another district is an incident of its own
    got = [r for r in extract(from_text(text + "\nوقصفت طائرة مسيرة إسرائيلية أيضا بلدة في قضاء بنت جبيل أمس.", "t.txt", PUB), kb, warn=False)
           if r["kind"] == "event"]
    assert len(got) == 2


@pytest.mark.parametrize("body,expected", [
    # conflicts Arabic media cover beyond the Arab world and the Sahel: Russia, Colombia (provinces, towns)
    ("قتل مدنيان في غارة أوكرانية على مدينة بيلغورود الروسية أمس.", [("Belgorod", "RU")]),
    ("قتل 5 جنود في هجوم لمتمردين على مقاطعة آراوكا في كولومبيا أمس.", [("Arauca", "CO")]),
    # negative: a first name (فلاديمير بوتين) is no Russian province, "كانتا" ("they were") is not "like Inta"
    ("أطلق مسلح النار باتجاه الجنرال فلاديمير أليكسيف في العاصمة الروسية موسكو أمس.", [("Moscow", "RU")]),
    ("أسقطت الدفاعات الروسية طائرتين مسيرتين كانتا تحلقان باتجاه مدينة بيلغورود أمس.", [("Belgorod", "RU")]),
])
def test_russia_and_latin_america_and_words_that_are_no_towns(kb, body, expected):
    assert [(e["location"], e["country_code"]) for e in events(kb, body)] == expected


def test_the_egyptian_g_and_provinces_named_like_words(kb):
    # the Latin G written ج (بيلجورود) as well as غ (بيلغورود)
    body = "قتل مدنيان في غارة أوكرانية على مدينة بيلجورود الروسية أمس."
    assert [e["location"] for e in events(kb, body)] == ["Belgorod"]
    # negative: "بشأن" (about) is no Shan State, so a Lebanese village the gazetteer lacks is not sought in Myanmar
    body = ("استهدفت مسيرة إسرائيلية دراجة نارية في بلدة القليلة جنوب لبنان أمس. ولم يصدر تعليق رسمي بشأن طبيعة "
            "المستهدف.")
    assert [e["country_code"] for e in events(kb, body)] == ["LB"]


@pytest.mark.parametrize("body,expected", [
    # the fallen named before the verb (تسعة قتلى سقطوا) are a toll, not a shell's impact
    ("وقالت جمعية حقوقية إن تسعة قتلى سقطوا في مدينة موندو خلال تفريق الشرطة للمتظاهرين في تشاد أمس.",
     ("Protests", 9)),
    # negative: a shell that fell is still a shell
    ("سقطت قذيفتان على بلدة نصيب في ريف درعا أمس.", ("Explosions/Remote violence", None)),
    # a raid in which a policeman was killed is a clash, not a mere raid
    ("قتل أحد عناصر الأمن الأردني وأصيب 16 آخرون خلال مداهمة أمنية مساء أمس في مدينة السلط.", ("Battles", 1)),
    # negative: a raid that hurt nobody stays a raid
    ("داهمت قوات الاحتلال منزلا في مدينة نابلس فجر اليوم.", ("Strategic developments", None)),
])
def test_the_fallen_and_a_deadly_raid(kb, body, expected):
    assert [(e["event_type"], e["fatalities"]) for e in events(kb, body)] == [expected]


@pytest.mark.parametrize("body,expected", [
    # a short distance from a town names the place (ACLED: near the town, geo_precision 2), not the province
    ("قتل ثلاثة جنود أتراك في هجوم على مركز للشرطة على بعد 20 كيلومترا من بلدة شمدينلي في إقليم هكاري بتركيا أمس.",
     ("Şemdinli", 2)),
    # negative: 190 km from the capital says nothing about where (the province stays)
    ("قتل ثلاثة جنود أتراك في هجوم على مركز للشرطة على بعد 190 كيلومترا من بلدة شمدينلي في إقليم هكاري بتركيا أمس.",
     ("Hakkari", 3)),
    # press spellings GeoNames lacks: إيذج (Izeh), صامطة (Samitah)
    ("أطلق مسلحون النار على مدنيين في سوق مدينة إيذج بمحافظة خوزستان في إيران أمس.", ("Īz̄eh", 1)),
    ("قتل مدنيان جراء سقوط مقذوف أطلقه الحوثيون على محافظة صامطة بمنطقة جازان أمس.", ("Şāmitah", 1)),
])
def test_a_town_a_short_distance_away_and_press_spellings(kb, body, expected):
    assert [(e["location"], e["geo_precision"]) for e in events(kb, body)] == [expected]


@pytest.mark.parametrize("body", [
    "خرجت مظاهرات في مدينة السويس اليوم. كما اعتقلت قوات الأمن العديد من المتظاهرين في السويس.",
    "اعتقلت قوات الأمن العديد من المتظاهرين في مدينة السويس اليوم. وكانت مظاهرات قد خرجت في السويس اليوم.",
])
def test_protesters_arrested_at_a_protest_are_its_intervention(kb, body):
    assert [(e["sub_event_type"], e["actor1"], e["actor2"]) for e in events(kb, body)] == \
        [("Protest with intervention", "Protesters (Egypt)", "Police Forces of Egypt")]


def test_arrests_of_others_at_a_protest_s_place_stay_arrests(kb):
    # negative: a raid arresting wanted men the day of a protest in the town is an arrest event of its own
    body = "خرجت مظاهرات في مدينة السويس اليوم. واعتقلت قوات الأمن ثلاثة مطلوبين في السويس."
    assert sorted(e["sub_event_type"] for e in events(kb, body)) == ["Arrests", "Peaceful protest"]


@pytest.mark.parametrize("body,expected", [
    # a gathering told in one clause and its stones and fire in the next: one protest that turned violent
    ("تجمع عدد من المحتجين أمام سراي مدينة صيدا في لبنان، وقاموا برشقها بالحجارة وأضرموا النار في مدخلها.",
     [("Riots", "Violent demonstration")]),
    # negative: a gathering that stayed calm stays a peaceful protest
    ("تجمع عدد من المحتجين أمام سراي مدينة صيدا في لبنان ورفعوا لافتات تطالب بالكهرباء.", [("Protests", "Peaceful protest")]),
    # "the fall of at least 8 dead" is a toll, not an impact
    ("أعلن مسؤول في الشرطة عن سقوط ما لا يقل عن 8 قتلى و9 جرحى في نزاع عشائري بمحافظة واسط.", [("Battles", "Armed clash")]),
])
def test_a_protest_turned_violent_and_the_fallen_after_a_floor(kb, body, expected):
    assert [(e["event_type"], e["sub_event_type"]) for e in events(kb, body)] == expected


@pytest.mark.parametrize("body,expected", [
    # confrontations of soldiers with unarmed youths are a riot, not a battle
    ("أصيب فتى بجروح خطيرة بالرصاص الحي خلال مواجهات مع قوات الاحتلال في مخيم عقبة جبر بأريحا مساء الجمعة.",
     [("Riots", "Violent demonstration")]),
    # negative: clashes with an armed group stay a battle
    ("تجددت الاشتباكات بين الجيش اللبناني ومسلحي فتح الإسلام في مخيم نهر البارد مساء الجمعة.", [("Battles", "Armed clash")]),
    # a court upholding sentences and the charges the prosecution brought report no attack
    ("وذكرت صحيفة أن المحكمة العليا للطعون العسكرية أيدت أحكام الإعدام بحق 17 متهما في قضية تفجير كنيسة في طنطا.", []),
    ("ونسبت النيابة العسكرية للمتهمين تهم الانضمام لتنظيم داعش وتفجير كنيسة في طنطا ما أسفر عن مقتل 29 شخصا.", []),
])
def test_youths_confronting_soldiers_and_court_news(kb, body, expected):
    assert [(e["event_type"], e["sub_event_type"]) for e in events(kb, body)] == expected


@pytest.mark.parametrize("body,expected", [
    # the genitive of an attack noun is its author (هجوم مسلحين، هجوم لتنظيم داعش)
    ("قتل 4 مدنيين في هجوم مسلحين على مدينة موتشيمبوا دا برايا في شمال موزمبيق أمس.",
     ("Mocímboa da Praia", "Unidentified Armed Group", "Civilians")),
    # the press's names of Congo's Kivu provinces (شمال كيفو) place a village the gazetteer lacks at the province
    ("أطلق متمردون 120 قذيفة هاون على بلدة مويسو في مقاطعة شمال كيفو بالكونغو الديمقراطية أمس.",
     ("Goma", "Unidentified Armed Group", None)),  # (rebels, متمردون, are an armed subject)
    # negative: the victims after a killing noun stay victims
    ("أدان الجيش مقتل مسلحين اثنين في قصف على بلدة في ريف الرقة أمس.", ("Ar-Raqqa", None, "Unidentified Armed Group")),
])
def test_an_attack_s_author_and_congo_s_provinces(kb, body, expected):
    e = events(kb, body)[0]
    assert (e["location"], e["actor1"], e["actor2"]) == expected


@pytest.mark.parametrize("body,expected", [
    # a list of towns after a plural feature word, a known one first and then names the press spells its own way
    ("وردت أنباء عن مظاهرات في مدن مومباسا، وكيسومو في كينيا اليوم.", ["Mombasa", "Kisumu"]),
    # negative: an everyday word after the list is no town
    ("وردت أنباء عن مظاهرات في مدن مومباسا، وأخرى في كينيا اليوم.", ["Mombasa"]),
])
def test_a_list_of_towns_after_a_plural_feature_word(kb, body, expected):
    assert [e["location"] for e in events(kb, body)] == expected


@pytest.mark.parametrize("body,expected", [
    # "they opened fire" (أطلقوا النار) is shooting, not a launched projectile
    ("أطلق مسلحون النار على سيارة في مدينة درعا أمس فقتلوا سائقها.", ("Violence against civilians", "Attack")),
    # negative: a launched rocket stays a shelling
    ("أطلق مسلحون صاروخا على مدينة درعا أمس.", ("Explosions/Remote violence", "Shelling/artillery/missile attack")),
])
def test_opening_fire_is_shooting(kb, body, expected):
    assert [(e["event_type"], e["sub_event_type"]) for e in events(kb, body)] == [expected]


def test_where_a_convoy_was_coming_back_from_places_nothing(kb):
    body = "اختطف مسلحون سبعة من العاملين في الأمم المتحدة كانوا عائدين من مدينة صبراتة أمس."
    assert [e["location"] for e in events(kb, body)] == [None]
    # negative: the town they were seized in stays
    body = "اختطف مسلحون في مدينة الزاوية سبعة من العاملين في الأمم المتحدة كانوا عائدين من مدينة صبراتة أمس."
    assert [e["location"] for e in events(kb, body)] == ["Zawiya"]


def test_a_bulleted_list_of_links_is_page_noise(kb):
    text = ("انفجار في الناصرية\n"
            "أعلنت خلية الإعلام الأمني إصابة اثنين جراء انفجار عبوة ناسفة في ساحة الحبوبي بمدينة الناصرية اليوم.\n"
            "- محتجون يضرمون النار في مكتب البرلمان بمدينة البصرة\n"
            "- مليارات الدولارات تخلص العراق من نفوذ جيرانه\n"
            "وقتل جندي بانفجار عبوة ناسفة في مدينة تكريت اليوم.")
    got = [r["location"] for r in extract(from_text(text, "t.txt", PUB), kb, warn=False) if r["kind"] == "event"]
    assert sorted(got) == ["Nasiriyah", "Tikrīt"]
    # negative: one bullet that is a full sentence of the article stays
    text2 = text.replace("- مليارات الدولارات تخلص العراق من نفوذ جيرانه\n", "")
    text2 = text2.replace("- محتجون يضرمون النار في مكتب البرلمان بمدينة البصرة\n", "- وأضرم محتجون النار في مكتب البرلمان بمدينة البصرة اليوم.\n")
    got2 = [r["location"] for r in extract(from_text(text2, "t.txt", PUB), kb, warn=False) if r["kind"] == "event"]
    assert "Basrah" in got2


@pytest.mark.parametrize("body,expected", [
    # weapons a group says it seized are spoils, not what it attacked with
    ("هاجمت جماعة نصرة الإسلام والمسلمين نقطة عسكرية في ولاية كلبيلوغو في بوركينا فاسو أمس وقتلت 10 جنود، "
     "واستولت على قاذفة آر بي جي وبنادق.", ("Battles", None)),
    # negative: an RPG fired at the post is the attack's weapon
    ("أطلق مسلحون قذيفة آر بي جي على نقطة عسكرية في ولاية كلبيلوغو في بوركينا فاسو أمس.", ("Explosions/Remote violence", "rocket")),
])
def test_seized_weapons_are_spoils(kb, body, expected):
    e = events(kb, body)[0]
    assert (e["event_type"], e["weapon"]) == expected


@pytest.mark.parametrize("body,expected", [
    # "أطلق عليها اسم" gives a name: nothing was launched
    ("خرجت مظاهرة في مدينة الحسيمة اليوم. وتمت الدعوة لهذه التظاهرة منذ فترة، وأطلق عليها منظموها اسم مسيرة الغضب.",
     ["Protests"]),
    # negative: a rocket launched stays a launch
    ("أطلق مسلحون صاروخا على مدينة الحسيمة اليوم.", ["Explosions/Remote violence"]),
])
def test_giving_a_name_launches_nothing(kb, body, expected):
    assert [e["event_type"] for e in events(kb, body)] == expected


def test_a_country_s_own_armed_group_says_where_the_article_is(kb):
    # no country named, but the Rapid Support Forces fight in Sudan: العمارة is no Iraqi city here
    body = "قالت لجنة مقاومة محلية إن قوات الدعم السريع هاجمت قرية العمارة في ولاية الجزيرة اليوم وقتلت 15 مدنيا."
    assert {e["country_code"] for e in events(kb, body)} == {"SD"}
    # negative: an Iraqi story naming Amarah stays Iraqi
    body = "قتل مسلحون مجهولون شابا في مدينة العمارة جنوب العراق اليوم."
    assert [e["country_code"] for e in events(kb, body)] == ["IQ"]
