"""Rules found by reading real reports (bench/realnews heldout16 and heldout17), sixth batch, each on sentences
written for this test: (sentence, what a careful coder expects). Negative rows keep the reading the rule must not
break."""

from __future__ import annotations

from datetime import date

import pytest

from rasd.document import from_text
from rasd.pipeline import extract
from test_realnews_rules import PUB, events


def kinds(recs: list[dict]) -> list[tuple]:
    return [(r["sub_event_type"], r["location"], r["event_date"], r["fatalities"]) for r in recs]


@pytest.mark.parametrize("body,expected", [
    # a "stand" of hundreds, or one in front of a building, is a protest; its arrests are its intervention
    ("فرقت الشرطة أمس وقفة للمئات من أعضاء الأحزاب في مدينة طنطا واعتقلت العشرات منهم.",
     [("Protest with intervention", "Tanta")]),
    ("نظم العشرات أمس وقفة أمام مبنى محافظة أسيوط للمطالبة بالإفراج عن المعتقلين.", [("Peaceful protest", "Asyut")]),
    # a pause for thought is no protest
    ("قال الوزير أمس في أسيوط إن الحكومة تحتاج إلى وقفة مع الذات.", []),
])
def test_a_stand_of_a_crowd_is_a_protest(kb, body, expected):
    assert [(e["sub_event_type"], e["location"]) for e in events(kb, body)] == expected


@pytest.mark.parametrize("body,expected", [
    # a landmark "near" which a city's protest stood, named like a town far away, is in the city
    ("فرقت الشرطة أمس وقفة للمئات بمدينة الإسكندرية، بالقرب من محطة ترام الإبراهيمية.", ["Alexandria"]),
    # a town near a city, close to it, is the town itself
    ("قتل شخصان أمس في قصف مدفعي بمدينة حماة، قرب بلدة الرستن.", ["Ar Rastan"]),
])
def test_a_far_namesake_near_a_city(kb, body, expected):
    assert [e["location"] for e in events(kb, body)] == expected


def test_no_fewer_than_written_as_one_word(kb):
    recs = events(kb, "قتل ما لايقل عن 36 شخصا أمس في هجوم مسلح على قرية في شمال بوركينا فاسو.")
    assert [r["fatalities"] for r in recs] == [36]


def test_an_attack_told_away_from_the_dateline_keeps_its_arson_and_its_toll(kb):
    text = ("حداد في البلاد بعد هجوم إرهابي\nواغادوغو - (وكالات):\n"
            "بدأت بوركينا فاسو، الخميس، فترة حداد تستمر يومين، بعد مقتل ما لا يقل عن 20 شخصا على يد مسلحين.\n"
            "وقالت الحكومة إن مسلحين هاجموا قريتين بشمال البلاد يوم الثلاثاء.\n"
            "كما أضرم المهاجمون النيران في مدرسة وسوق محلي.")
    recs = [r for r in extract(from_text(text, "t.txt", PUB), kb, warn=False) if r["kind"] == "event"]
    # one attack, on Tuesday (not the mourning's Thursday), not at the dateline's capital, not arson
    assert kinds(recs) == [("Attack", None, "2024-04-30", 20)]


def test_the_day_of_what_followed_is_not_the_events(kb):
    # the funeral's day, told before "after" and the killing, is not a second strike on that day
    recs = events(kb, "أعلنت مصادر محلية مقتل ثلاثة شبان في غارة على بلدة عيتا الشعب يوم الثلاثاء.\n"
                      "وشيع الأهالي اليوم الخميس جثامين ثلاثة شبان بعد مقتلهم في غارة على البلدة.")
    assert [(r["event_date"], r["fatalities"]) for r in recs] == [("2024-04-30", 3)]


@pytest.mark.parametrize("body,expected", [
    # a past year told after "after" is the background of the place, not the day of the attack
    ("قتل خمسة جنود في هجوم شنه مسلحون على نقطة عسكرية قرب مخيم للاجئين في منطقة تاهوا بالنيجر، فروا إليه عقب "
     "سيطرة متشددين على شمال مالي عام 2012.", ["2024-05-02"]),
])
def test_a_past_year_after_after_is_no_day_of_the_attack(kb, body, expected):
    assert [e["event_date"] for e in events(kb, body)] == expected


def test_a_misspelt_second_bearing_before_the_capital(kb):
    recs = events(kb, "قتل 12 جنديا أمس في هجوم على موقع عسكري في منطقة تاهوا شمال شري العاصمة نيامي.")
    assert [r["location"] for r in recs] == ["Tahoua"]


@pytest.mark.parametrize("body,expected", [
    # "in the area they do …": a definite feature word names no town, and a verb is no town
    ("يشار إلى أن مسلحي الجماعة في المنطقة يقومون باختطاف أشخاص بشكل متكرر للمطالبة بفدية في الكونغو.", []),
    # a present verb of doing right before the event noun is a habit
    ("وأكد السكان أن المسلحين يقومون باختطاف المسافرين على طريق كادونا أبوجا بشكل متكرر.", []),
    # an abduction told in the past stands
    ("اختطف مسلحون أمس عشرة مسافرين على الطريق قرب مدينة كادونا في نيجيريا.", ["Abduction/forced disappearance"]),
])
def test_a_habit_of_abducting(kb, body, expected):
    assert [e["sub_event_type"] for e in events(kb, body)] == expected


@pytest.mark.parametrize("body,expected", [
    # "the violence" (definite by its second word) of past days is no new incident
    ("دفعت أعمال العنف يوم الثلاثاء نحو ألف شخص إلى الفرار من أحياء في بورت أو برنس.", []),
    ("وأدت أعمال العنف أمس إلى فرار نحو ألف شخص من حي في العاصمة بورت أو برنس.", []),
    # the latest violence is this report's incident
    ("قتل خمسة أشخاص أمس في أحدث أعمال العنف في ولاية مانيبور الهندية.", [5]),
])
def test_violence_told_as_known(kb, body, expected):
    assert [e["fatalities"] for e in events(kb, body)] == expected


def test_an_arrest_warrant_is_no_arrest(kb):
    assert events(kb, "صدرت أمس مذكرة توقيف بحق رئيس الوزراء السابق في إسلام آباد.") == []


@pytest.mark.parametrize("text,expected", [
    # the targeting told later "on Wednesday" (a definite reference) is the day of the drones downed
    ("أسقطت الدفاعات الجوية ست مسيرات فوق مدينة كوستي.\nوجاءت عملية الاستهداف بالمسيرات على كوستي، أمس الأربعاء، "
     "بعد ساعات من زيارة قائد الجيش.", ["2024-05-01"]),
    # the day of the raids the clashes go back to is not the clashes' day
    ("تعيش مدينة تطاوين مواجهات عنيفة بين الشباب والأمن.\nوتعود أسباب هذه المواجهات إلى المداهمات التي جرت أمس "
     "الأربعاء.", ["2024-05-02"]),
])
def test_a_reference_gives_its_event_its_day(kb, text, expected):
    recs = [r for r in extract(from_text("تقرير\n" + text, "t.txt", PUB), kb, warn=False) if r["kind"] == "event"]
    assert [r["event_date"] for r in recs] == expected


@pytest.mark.parametrize("body,expected", [
    # the pace of attacks over months is a trend, not an incident at the provinces it names
    ("وارتفعت في الآونة الأخيرة وتيرة هجمات مسلحين يعتقد أنهم من التنظيم في محافظات كركوك وصلاح الدين وديالى.", []),
    # an attack told today in one of them stands
    ("قتل جنديان أمس في هجوم شنه مسلحون على موقع للجيش في محافظة ديالى.", ["Armed clash"]),
])
def test_the_pace_of_attacks_is_a_trend(kb, body, expected):
    assert [e["sub_event_type"] for e in events(kb, body)] == expected


def test_an_attack_two_weeks_before_is_background(kb):
    recs = events(kb, "قتل جنديان أمس في هجوم على حاجز في مدينة رفح.\n"
                      "ويأتي الهجوم بعد أقل من أسبوعين على مقتل خمسة شرطيين في هجوم على دورية في مدينة العريش.")
    assert [r["location"] for r in recs] == ["Rafaḩ"]


def test_an_earlier_toll_of_the_same_attack_is_no_other_attack(kb):
    recs = events(kb, "قتل 12 جنديا أمس في هجوم على حاجز أمني في شمال سيناء.\n"
                      "وكان مسؤول أمني قد أفاد في وقت سابق بأن مسلحين استهدفوا حاجزا للجيش في منطقة بئر العبد، مشيرا إلى "
                      "سقوط تسعة قتلى.")
    assert [(r["location"], r["fatalities"]) for r in recs] == [("Bir al-Abd", 12)]


def test_an_attack_fought_back_is_a_clash(kb):
    recs = events(kb, "هاجم مسلحون أمس حاجزا للجيش في منطقة بئر العبد بقذائف الهاون، ما أدى إلى مقتل 12 جنديا.\n"
                      "وأوضح الجيش أن اشتباكا وقع بين جنوده والمسلحين أسفر عن مقتل 15 مسلحا.")
    assert [(r["event_type"], r["location"]) for r in recs] == [("Battles", "Bir al-Abed")]


@pytest.mark.parametrize("body,expected", [
    # what a march is against, and the pictures it carries, are not where it marched
    ("خرجت مسيرة حاشدة أمس في مدينة وجدة للتظاهر ضد القصف الإسرائيلي على مدينة خان يونس.", ["Oujda"]),
    ("رفع المشاركون في مسيرة بمدينة مكناس أمس صور المسجد الأقصى وأعلام فلسطين.", ["Meknes"]),
])
def test_what_a_march_is_against_and_carries(kb, body, expected):
    assert [e["location"] for e in events(kb, body)] == expected


@pytest.mark.parametrize("body,expected", [
    # a campaign going on, told with a present verb after a fronted phrase, is not the report's incident
    ("لليوم الخامس، يواصل الجيش شن غارات على مدينة رفح.", []),
    # a strike told in the past after the same fronted phrase is
    ("لليوم الخامس، شن الجيش أمس غارات على مدينة رفح.", ["Air/drone strike"]),
])
def test_a_campaign_going_on_after_a_fronted_phrase(kb, body, expected):
    assert [e["sub_event_type"] for e in events(kb, body)] == expected


@pytest.mark.parametrize("body,expected", [
    # a known town's name ending the name of a village the gazetteer lacks is part of that name (here "Mau",
    # a town of India, ends an invented Burmese village's name), also when the name is told again without the
    # village word
    ("قتل 30 شخصا أمس في غارة جوية شنها جيش ميانمار على قرية تاونغ زي ماو في ولاية راخين.\n"
     "وقال شهود إن الغارة في تاونغ زي ماو دمرت عشرات المنازل.", [(None, "MM")]),
    # the town named right after the village word is the town
    ("قتل 30 شخصا أمس في غارة جوية على بلدة ماو في ولاية أوتار براديش الهندية.", [("Mau", "IN")]),
])
def test_a_known_word_ending_an_unknown_village_name(kb, body, expected):
    assert [(e["location"], e["country_code"]) for e in events(kb, body)] == expected


@pytest.mark.parametrize("body,expected", [
    # the day of a meeting where the president spoke of an ambush is not the ambush's day
    ("قتل عشرة جنود أمس الأربعاء في كمين نصبه متمردون في شمال كولومبيا.\n"
     "وأعرب الرئيس الكولومبي خلال اجتماع أمني اليوم في محافظة أراوكا حيث وقع الكمين عن تعازيه.", ["2024-05-01"]),
    # a long subject between the announcing verb and its day
    ("أعلنت السلطات المحلية في ولاية الوحدة بجنوب السودان، يوم الثلاثاء، مقتل 30 شخصا في اشتباكات قبلية.\n"
     "واندلعت الاشتباكات يوم الأحد الماضي في مقاطعة لير.", ["2024-04-28"]),
    # a day inside the words quoted is the event's
    ("وقال المتحدث باسم الجيش الأمريكي: «فقدنا أمس الأربعاء خمسة من جنودنا في انفجار عبوة ناسفة في العراق».",
     ["2024-05-01"]),
])
def test_the_day_of_who_speaks(kb, body, expected):
    assert [e["event_date"] for e in events(kb, body)] == expected


def test_the_toll_of_a_campaign_over_provinces_is_a_tally(kb):
    recs = [r for r in extract(from_text(
        "تقرير\nقتل مدنيان اليوم في قصف مدفعي على بلدة سراقب.\nيذكر أن الحملة العسكرية على المنطقة أسفرت عن مقتل أكثر من "
        "400 مدني في حلب وإدلب وحماة.", "t.txt", PUB), kb, warn=False)]
    assert [(r["kind"], r.get("location"), r.get("fatalities"), r.get("count")) for r in recs] == [
        ("event", "Saraqib", 2, None), ("tally", None, None, 400)]


@pytest.mark.parametrize("body,expected", [
    # an attack foiled with attackers killed was fought
    ("أحبطت قوات الجيش أمس هجوما لمسلحين على نقطة عسكرية جنوب مدينة رفح وقتلت ثمانية مهاجمين.", ["Armed clash"]),
    # a plot foiled with nobody killed is no battle
    ("أحبطت قوات الأمن أمس هجوما بسيارة مفخخة كان يستهدف نقطة عسكرية في مدينة رفح.", ["Disrupted weapons use"]),
])
def test_a_foiled_attack_with_dead_attackers(kb, body, expected):
    assert [e["sub_event_type"] for e in events(kb, body)] == expected


@pytest.mark.parametrize("body,expected", [
    # protesters arrested for an earlier protest: arrests, not a protest today
    ("اعتقلت الشرطة أمس 15 متظاهرا في مدينة شيراز على خلفية مشاركتهم في احتجاجات الشهر الماضي.", ["Arrests"]),
    # protesters arrested at the protest: its intervention
    ("اعتقلت الشرطة أمس عشرات المتظاهرين في مدينة شيراز.", ["Protest with intervention"]),
    # a peaceful stand denouncing arrests was not itself broken up
    ("نظم مئات المحتجين أمس وقفة سلمية في مدينة الحسيمة للتنديد بالاعتقالات.", ["Peaceful protest"]),
    # workers on strike protest
    ("أضرب أمس نحو ألفي عامل في مصنع للغزل بمدينة المحلة الكبرى للمطالبة بصرف رواتبهم.", ["Peaceful protest"]),
])
def test_protests_arrests_and_strikes(kb, body, expected):
    assert [e["sub_event_type"] for e in events(kb, body)] == expected


def test_where_the_fighting_was_heard_is_not_where_it_was(kb):
    recs = events(kb, "اندلعت أمس اشتباكات بين مجموعتين مسلحتين في مدينة الزاوية أسفرت عن مقتل شخصين، وسمع دوي "
                      "الانفجارات حتى مدينتي صبراتة وصرمان.")
    assert [(r["location"], r["fatalities"]) for r in recs] == [("Zawiya", 2)]


def test_each_town_keeps_its_own_toll_after_a_lead_total(kb):
    recs = events(kb, "قتل خمسة مدنيين أمس في قصف مدفعي على ريف إدلب الجنوبي، إذ قتل مدنيان في بلدة سراقب وقتل ثلاثة "
                      "في بلدة معرة النعمان.")
    assert [r["fatalities"] for r in recs] == [2, 3]


def test_a_village_of_the_province_named_after_it_is_found_by_its_skeleton(kb):
    # GeoNames knows Chibok only in Latin letters and without a population: the province named after it finds it
    recs = events(kb, 'خطف مسلحون أمس عشرات الطالبات من مدرسة في بلدة "شيبوك" بولاية بورنو شمال شرق نيجيريا.')
    assert [(r["location"], r["country_code"]) for r in recs] == [("Chibok", "NG")]


@pytest.mark.parametrize("body,expected", [
    # a sit-in marking the anniversary of an arson remembers the arson: a peaceful protest
    ("نظم العشرات أمس اعتصاما أمام البرلمان في الرباط بمناسبة الذكرى السنوية لجريمة إحراق المسجد الأقصى.",
     ["Peaceful protest"]),
    # protesters who set fire riot
    ("أحرق محتجون أمس إطارات وحاويات أمام البرلمان في الرباط.", ["Violent demonstration"]),
])
def test_what_a_protest_remembers(kb, body, expected):
    assert [e["sub_event_type"] for e in events(kb, body)] == expected


def test_also_announced_is_another_piece_of_news(kb):
    # drones shot down, "and it also announced" attacks that hit two sites: the hits are strikes, and the side that
    # shot the drones down is not their author
    recs = events(kb, "أعلن التحالف أمس اعتراض وتدمير أربع طائرات مسيرة أطلقت باتجاه المملكة، كما أعلن عن تعرض محطة "
                      "تحلية المياه بمنطقة الشقيق ومحطة كهرباء في جدة لهجمات.")
    assert sorted((r["sub_event_type"], r["location"], r["actor1"]) for r in recs) == [
        ("Air/drone strike", "Ash-Shaqīq", None), ("Air/drone strike", "Jeddah", None)]


@pytest.mark.parametrize("body,expected", [
    # "the Kidal attack" (an event noun made definite by a town's name) is the attack already told
    ("قتل ثلاثة أشخاص أمس في هجوم صاروخي على مدينة كيدال.\nوتبنت جماعة مسلحة هجوم كيدال في بيان.", ["Kidal"]),
    # an attack "on" a town is a new one
    ("قتل ثلاثة أشخاص أمس في هجوم على مدينة كيدال.", ["Kidal"]),
])
def test_an_attack_named_after_its_town_is_known(kb, body, expected):
    assert [e["location"] for e in events(kb, body)] == expected


@pytest.mark.parametrize("body,expected", [
    # "violent demonstrations" riot
    ("اندلعت أمس مظاهرات عنيفة في مدينة لاهور أصيب فيها 30 شخصا.", [("Violent demonstration", None)]),
    # a group's nationality is the group's, not an army of that country
    ("هاجم مسلحون من بوكو حرام النيجيرية أمس موقعا للجيش التشادي في منطقة بحيرة تشاد وقتلوا ثلاثة جنود.",
     [("Armed clash", "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad")]),
])
def test_violent_demonstrations_and_a_groups_nationality(kb, body, expected):
    assert [(e["sub_event_type"], e["actor1"]) for e in events(kb, body)] == expected


@pytest.mark.parametrize("body,expected", [
    # militias "belonging to" a leader named like a town (Salem) are no place; the clash is in its city
    ("اندلعت أمس اشتباكات عنيفة في مدينة الزاوية بين ميليشيات تابعة لسالم الغول ومحمد الكاسح أسفرت عن مقتل أربعة أشخاص.",
     [("Zawiya", "LY", None)]),
    # an attack "which it claimed" (تبنته) is the claimant's
    ("قتل ستة جنود أمس في هجوم تبنته جبهة تحرير بلوشستان على نقطة تفتيش في مدينة تربت.",
     [("Turbat", "PK", "Balochistan Liberation Front")]),
])
def test_a_leaders_name_and_a_claim_in_a_relative(kb, body, expected):
    assert [(e["location"], e["country_code"], e["actor1"]) for e in events(kb, body)] == expected


def test_a_known_attack_named_after_its_city_is_no_new_event_there(kb):
    # the report is about a rocket attack on Kidal; "the Bamako attack" the group also claimed is an earlier one
    recs = events(kb, "قتل شخص وأصيب ثمانية أمس في قصف صاروخي على مدينة كيدال.\nوكانت الجماعة قد تبنت هجوم باماكو، كما "
                      "أعلنت تبنيها لسلسلة هجمات شهدتها البلاد.")
    assert [r["location"] for r in recs] == ["Kidal"]


def test_a_dated_incident_after_a_placeless_one_keeps_the_datelines_city(kb):
    # (and the arson told after it, with no day of its own, is that attack's: one event, not an arson at the capital)
    text = ("تقرير\nجوبا - أعلنت السلطات في شمال البلاد مقتل 20 شخصا في اشتباكات قبلية.\n"
            "وهاجم مسلحون يوم الثلاثاء قرية في المنطقة.\nكما أحرق المهاجمون منازل.")
    recs = [r for r in extract(from_text(text, "t.txt", PUB), kb, warn=False) if r["kind"] == "event"]
    assert [(r["location"], r["event_date"], r["sub_event_type"]) for r in recs] == [("Juba", "2024-04-30", "Armed clash")]


def test_a_list_of_towns_goes_on_past_a_name_no_gazetteer_knows(kb):
    recs = events(kb, "تظاهر المئات أمس في مدن الجديدة والعروي وتارجيست للمطالبة بالإفراج عن المعتقلين.")
    assert [r["location"] for r in recs] == ["El Jadida", "Targuist"]


@pytest.mark.parametrize("body,expected", [
    # a council suspending work "in protest at" a storming is no demonstration
    ("اقتحم مسلحون أمس منزل رئيس بلدية مصراتة، وعلق المجلس البلدي العمل احتجاجا على الحادثة.", ["Other"]),
    # protesters blocking a road in protest demonstrate
    ("أغلق محتجون أمس الطريق الرئيسي في مدينة صيدا احتجاجا على اعتقال شاب.", ["Peaceful protest"]),
])
def test_in_protest_beside_a_storming(kb, body, expected):
    assert [e["sub_event_type"] for e in events(kb, body)] == expected
