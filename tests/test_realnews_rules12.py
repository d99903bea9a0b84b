"""Rules found by reading real reports, twelfth batch (nineteenth session), each on sentences written for this
test: (sentence, what a careful coder expects). Negative rows keep the reading the rule must not break."""

from __future__ import annotations

from datetime import date

import pytest

from rasd.text.dates import calendar
from rasd.text.normalize import norm, normalize
from test_realnews_rules import events
from test_realnews_rules9 import places


@pytest.mark.parametrize("body,expected", [
    # a town of the adjective's country named right after "the capital" is the capital meant (a temporary one)
    ("قتل خمسة أشخاص في اشتباكات اندلعت اليوم في العاصمة اليمنية المؤقتة “عدن”.", [("Armed clash", "Aden", "YE")]),
    ("قتل خمسة أشخاص في اشتباكات اندلعت اليوم في العاصمة اليمنية المؤقتة عدن.", [("Armed clash", "Aden", "YE")]),
    # negative: the adjective alone names the country's capital
    ("قتل خمسة أشخاص في اشتباكات اندلعت اليوم في العاصمة اليمنية.", [("Armed clash", "Sanaa", "YE")]),
    # negative: the capital named by its own name stays the city (not the province named like it)
    ("أطلقت الشرطة اليوم في العاصمة الموزمبيقية مابوتو الغاز المسيل للدموع لتفريق محتجين.",
     [("Protest with intervention", "Maputo", "MZ")]),
])
def test_a_capital_named_after_its_adjective(kb, body, expected):
    assert places(events(kb, body)) == expected


@pytest.mark.parametrize("body,expected", [
    # the state an embassy belongs to stands elsewhere: the protest is in the town where the embassy is
    ("تظاهر مئات اليوم أمام سفارة تل أبيب في عمّان.", [("Peaceful protest", "Amman", "JO")]),
    ("تظاهر مئات اليوم أمام سفارة إسرائيل في عمّان.", [("Peaceful protest", "Amman", "JO")]),
    # negative: a known embassy is a place of its own
    ("تظاهر مئات اليوم أمام السفارة الأمريكية في بغداد.", [("Peaceful protest", "US Embassy in Baghdad", "IQ")]),
])
def test_the_state_of_an_embassy_is_not_where_it_stands(kb, body, expected):
    assert places(events(kb, body)) == expected


@pytest.mark.parametrize("body,expected", [
    # a strike in front of a hospital named after its town: the town
    ("قتل شخص اليوم بغارة إسرائيلية على سيارة أمام مدخل مستشفى تبنين الحكومي في جنوب لبنان.",
     [("Air/drone strike", "Tebnine", "LB")]),
    # a gate word that starts like a glued preposition (بوابة) is read as written
    ("قتل شخص اليوم بغارة إسرائيلية على سيارة قرب بوابة مستشفى تبنين الحكومي في جنوب لبنان.",
     [("Air/drone strike", "Tebnine", "LB")]),
    # negative: the hospital the wounded were taken to is not where it happened
    ("قتل شخص اليوم بغارة إسرائيلية على سيارة في بلدة عيترون ونقل الجرحى إلى مستشفى تبنين الحكومي.",
     [("Air/drone strike", "Aitaroun", "LB")]),
])
def test_at_a_hospital_named_after_its_town(kb, body, expected):
    assert places(events(kb, body)) == expected


@pytest.mark.parametrize("body,day", [
    # the day a claim was announced is not the day of the bombing it claims
    ("أعلنت حركة الشباب اليوم الخميس مسؤوليتها عن تفجير سيارة مفخخة أمام مطعم في مقديشو مساء أمس الأربعاء "
     "مما أسفر عن مقتل أربعة أشخاص.", date(2019, 9, 18)),
    # negative: a claim with no day of its own is dated by the event's
    ("أعلنت حركة الشباب مسؤوليتها عن تفجير سيارة مفخخة أمام مطعم في مقديشو مساء أمس الأربعاء.", date(2019, 9, 18)),
    # negative: one day only
    ("قتل أربعة أشخاص اليوم الخميس بتفجير سيارة مفخخة أمام مطعم في مقديشو.", date(2019, 9, 19)),
])
def test_the_announcement_day_is_not_the_event_day(kb, body, day):
    assert [e["event_date"] for e in events(kb, body, date(2019, 9, 19))] == [day.isoformat()]


@pytest.mark.parametrize("spelling", ["مسئوليتها", "مسؤوليتها"])
def test_the_egyptian_hamza_spelling_claims_too(kb, spelling):
    # "مسئولية" (hamza on a ya seat before waw) is the same word as "مسؤولية"
    body = f"أعلنت حركة الشباب اليوم مسؤوليتها عن تفجير سيارة مفخخة في مقديشو أسفر عن مقتل أربعة أشخاص."
    evs = events(kb, body.replace("مسؤوليتها", spelling))
    assert [e["actor1"] for e in evs] == ["Al-Shabaab"]


def test_hamza_seat_keeps_offsets():
    text = "أعلن مسئول في الشرطة"
    n = normalize(text)
    assert n.text.split()[1] == norm("مسؤول") and len(n.text) == len(text)


@pytest.mark.parametrize("text,year", [
    ("جوبا في 5 ابريل 2025م : أعلنت السلطات", 2025),  # the era letter glued to the year
    ("في 20 يناير 2017 م قتل", 2017),
    ("في شهر مارس 2020م", 2020),
])
def test_a_year_with_its_era_letter(text, year):
    t = normalize(text).text
    assert [te.year for te in calendar().find(t)] == [year]


def test_a_web_address_does_not_end_a_sentence(kb):
    # "sudanjem.net" is one word of a dateline, not the end of a sentence before the news
    from rasd.document import from_text
    from rasd.doc import analyse
    doc = analyse(from_text("جوبا - وكالات - example.net - قتل ثلاثة أشخاص اليوم في جوبا.", "t.txt", date(2025, 4, 5)), kb)
    assert len(doc.sentences) == 1


@pytest.mark.parametrize("body,actor1,actor2", [
    # members "described as" terrorists or gunmen, of no group named, are an unidentified armed group
    ("استشهد ستة مجندين خلال هجوم عناصر إرهابية على كمين أمني في العريش أمس.",
     "Unidentified Armed Group", "Military Forces of Egypt"),
    ("هاجمت عناصر مسلحة حاجزا للشرطة في العريش أمس.", "Unidentified Armed Group", "Police Forces of Egypt"),
    # a side that only lost men is the clash's second actor; the men it fought "with" are the first
    ("قتل ثلاثة عناصر من ميليشيا الحشد الشعبي في اشتباكات مع عناصر من تنظيم داعش في منطقة الطارمية أمس.",
     "Islamic State (ISIS)", "Popular Mobilization Forces"),
    ("قتل ثلاثة من عناصر الحشد الشعبي في اشتباكات مع داعش في منطقة الطارمية أمس.",
     "Islamic State (ISIS)", "Popular Mobilization Forces"),
    # … unless the sentence says the group attacked ("إثر هجوم شنته الجماعة")
    ("قتل عشرون عنصرا من جماعة الحوثي أمس في معارك مع قوات الجيش اليمني في صرواح إثر هجوم شنته الجماعة على مواقع الجيش.",
     "Ansar Allah (Houthis)", "Military Forces of Yemen"),
    # negative: two sides named with no loss: the first named is actor1
    ("اندلعت اشتباكات بين الحشد الشعبي وتنظيم داعش في منطقة الطارمية أمس.",
     "Popular Mobilization Forces", "Islamic State (ISIS)"),
])
def test_who_fought_whom(kb, body, actor1, actor2):
    evs = events(kb, body, date(2021, 8, 21))
    assert [(e["actor1"], e["actor2"]) for e in evs] == [(actor1, actor2)]


def test_a_police_rank_counts_one_dead(kb):
    evs = events(kb, "استشهد ضابط وأمين شرطة و6 مجندين خلال هجوم مسلحين على كمين أمني في العريش أمس.")
    assert [e["fatalities"] for e in evs] == [8]


@pytest.mark.parametrize("body,expected", [
    # a province spelled otherwise than the gazetteer, then "in central <country>": the province
    ("قتل 23 شخصا اليوم في غارة جوية استهدفت ديرا في منطقة ساجاينج بوسط ميانمار.", [("Air/drone strike", "Sagaing", "MM")]),
    ("قتل 23 شخصا اليوم في غارة جوية استهدفت ديرا في منطقة ساجاينج في ميانمار.", [("Air/drone strike", "Sagaing", "MM")]),
])
def test_where_in_the_country_is_no_part_of_a_name(kb, body, expected):
    assert places(events(kb, body)) == expected


def test_a_far_city_named_twice_does_not_vouch_for_itself(kb):
    # "بون" (a village of Myanmar, also Bonn) said twice gives Germany no vote: one event, in Myanmar
    body = ("نفذ جيش ميانمار اليوم هجوما بطائرة على قرية بون في منطقة ساجاينج بوسط ميانمار أودى بحياة 24 شخصا.\n"
            "وتخضع معظم البلاد، بما في ذلك قرية بون، لسيطرة قوات المعارضة.")
    assert {e["country_code"] for e in events(kb, body)} == {"MM"}


def test_what_someone_said_next_is_its_own_clause(kb):
    # sentences run together with commas: ", وأوضح …" opens what was said next, not the strike's clause
    from rasd.document import from_text
    from rasd.doc import analyse
    doc = analyse(from_text("قتل 23 شخصا في غارة جوية على دير في ميانمار، وأوضح أحد السكان أن الهجوم وقع ليلا.",
                            "t.txt", date(2025, 7, 11)), kb)
    assert len(doc.clauses()) == 2
    # negative: before any event word, a verb of saying after a comma opens nothing
    doc = analyse(from_text("في تطور جديد، وأوضح المصدر أن غارة جوية قتلت 23 شخصا في ميانمار.", "t.txt", date(2025, 7, 11)), kb)
    assert len(doc.clauses()) == 1


@pytest.mark.parametrize("body,count", [
    # "since" an event (منذ أن …، منذ تقلد …) makes the toll after it a period's tally
    ("وقالت الرابطة إن 864 شخصا على الأقل قتلوا منذ أن سيطر الجيش على السلطة.", 864),
    ("أعلنت منظمة حقوقية عن مقتل ما لا يقل عن 16 شخصا خلال الاحتجاجات في تشاد منذ تقلد المجلس العسكري السلطة.", 16),
    # the overall toll is a sum of incidents
    ("وأكدت اللجنة ارتفاع الحصيلة الإجمالية للقتلى جراء حملة السلطات الأمنية ضد المحتجين إلى 60 شخصا.", 60),
    ("وقال المرصد إن مجموع قتلى الجانبين المتقاتلين فاق 1300 شخص.", 1300),
    # a stretch of time "from … to …"
    ("وأضاف المكتب أنه سجل مقتل 8490 شخصا في الفترة من بداية الغزو إلى التاسع من أبريل.", 8490),
])
def test_tolls_over_a_period_or_overall(kb, body, count):
    from rasd.document import from_text
    from rasd.pipeline import extract
    recs = extract(from_text("تقرير\nمتابعة\n" + body, "t.txt", date(2023, 7, 20)), kb, warn=False)
    assert [r["count"] for r in recs if r["kind"] == "tally"] == [count]
    assert [r for r in recs if r["kind"] == "event"] == []


@pytest.mark.parametrize("body", [
    # negative: one strike since this morning at one town stays an event
    "قتل 5 أشخاص في غارة على بلدة في ريف إدلب منذ أن بدأ الهجوم صباح اليوم.",
    # negative: the toll of one blast is that event's
    "قتل 12 شخصا بانفجار سيارة مفخخة في بلدة الباب اليوم وارتفعت حصيلة قتلى الانفجار إلى 12 شخصا.",
])
def test_one_incident_is_no_tally(kb, body):
    assert len(events(kb, body, date(2023, 7, 20))) == 1


def test_the_part_among_them_is_a_tally_too(kb):
    # "93 thousand killed, among them 6,500 children, since the conflict began": two tallies
    from rasd.document import from_text
    from rasd.pipeline import extract
    body = "كانت الأمم المتحدة قد أعلنت مقتل 93 ألف شخص، بينهم 6500 طفل على الأقل، منذ بداية النزاع في سوريا."
    recs = extract(from_text("تقرير\nمتابعة\n" + body, "t.txt", date(2013, 7, 20)), kb, warn=False)
    assert sorted((r["count"], r["what"]) for r in recs if r["kind"] == "tally") == [(6500, "fatalities"), (93000, "fatalities")]
    # negative: the children among one strike's dead are no tally
    assert [r for r in extract(from_text("تقرير\nمتابعة\nقتل 12 شخصا بينهم ثلاثة أطفال في غارة على بلدة سراقب اليوم.",
                                         "t.txt", date(2023, 7, 20)), kb, warn=False) if r["kind"] == "tally"] == []


@pytest.mark.parametrize("body,expected", [
    # RPGs fired beside machine guns in an assault on a checkpoint: a gunfight, an armed clash
    ("هاجم مسلحون حاجزا للجيش في جبل الشعانبي مساء أمس واستخدم المسلحون قذائف آر بي جي وأسلحة رشاشة وقتل 14 جنديا.",
     [("Battles", "Armed clash", "small_arms")]),
    # negative: artillery shells beside machine guns stay a shelling
    ("قصفت القوات بلدة الخيام بقذائف المدفعية والأسلحة الرشاشة اليوم.",
     [("Explosions/Remote violence", "Shelling/artillery/missile attack", "artillery")]),
    # negative: an RPG alone on a vehicle stays a missile attack
    ("استهدف مسلحون آلية للجيش بقذيفة آر بي جي قرب العريش اليوم.",
     [("Explosions/Remote violence", "Shelling/artillery/missile attack", "rocket")]),
])
def test_rpgs_and_machine_guns_are_a_gunfight(kb, body, expected):
    assert [(e["event_type"], e["sub_event_type"], e["weapon"]) for e in events(kb, body, date(2014, 7, 17))] == expected


@pytest.mark.parametrize("body,day", [
    # a day right before a verb of saying dates the statement: its "today" is that day
    ("ومساء الإثنين، قالت الوكالة إن مسيرة إسرائيلية استهدفت عصر اليوم دراجة نارية في بنت جبيل.", "2025-07-28"),
    # negative: a day after the event word dates the event, though a verb of saying follows
    ("ودارت مواجهات عنيفة في منطقة نهم الجمعة، قال الحوثيون إنهم تصدوا خلالها لهجوم.", "2025-07-25"),
])
def test_the_day_before_a_verb_of_saying(kb, body, day):
    assert [e["event_date"] for e in events(kb, body, date(2025, 7, 29))] == [day]


def test_a_plural_subject_before_its_verb_and_object(kb):
    # "إن مسلحين قتلوا جنديين": the verb spelled like a passive has its object after it: the gunmen killed
    evs = events(kb, "قال الجيش إن مسلحين قتلوا جنديين في العريش أمس.", date(2025, 7, 29))
    assert [(e["actor1"], e["actor2"], e["fatalities"]) for e in evs] == [("Unidentified Armed Group", "Military Forces of Egypt", 2)]


@pytest.mark.parametrize("body,expected", [
    # "to break up the clashes" between armed groups is no dispersal of a crowd
    ("اندلعت اشتباكات اليوم في طرابلس بين جهاز الردع واللواء 444، وكلف رئيس الحكومة وزير الداخلية بالتدخل لفض الاشتباكات.",
     ["Armed clash"]),
    # negative: breaking up a sit-in is
    ("تدخلت الشرطة اليوم لفض الاعتصام أمام مبنى المحافظة في البصرة.", ["Protest with intervention"]),
])
def test_breaking_up_a_fight_is_no_dispersal(kb, body, expected):
    assert [e["sub_event_type"] for e in events(kb, body, date(2023, 8, 16))] == expected


def test_a_weapon_someone_only_tried_to_use(kb):
    # "tried to throw a grenade, but they shot him": no grenade attack; the police shooting is what happened
    evs = events(kb, "حاول شاب إلقاء قنبلة يدوية على عناصر الشرطة في مومباسا اليوم، إلا أنهم أطلقوا النار عليه وقتلوه.",
                 date(2014, 11, 17))
    assert [e["weapon"] for e in evs] == ["small_arms"]
    # negative: a grenade thrown
    evs = events(kb, "ألقى مجهول قنبلة يدوية على دورية للشرطة في مومباسا اليوم وأصيب ثلاثة من عناصرها.", date(2014, 11, 17))
    assert [(e["sub_event_type"], e["weapon"]) for e in evs] == [("Grenade", "grenade")]


def test_the_one_a_death_idiom_names_did_nothing(kb):
    # "لقي رجل مصرعه واعتقل 200": the man died; the police raid made the arrests
    evs = events(kb, "لقي رجل كيني مصرعه واعتقل 200 آخرون اليوم في حملة مداهمات شنتها الشرطة في مومباسا.", date(2014, 11, 17))
    assert [e["actor1"] for e in evs] == ["Police Forces of Kenya"]


def test_the_victims_after_members_of_a_kind_of_group(kb):
    # "قتل عناصر من جماعة X ما لا يقل عن 25 مدنيا": the group's men, then the dead they killed
    evs = events(kb, "قتل عناصر من جماعة القوات الديموقراطية المتحالفة ما لا يقل عن 25 مدنيا في مدينة بيني أمس.", date(2021, 1, 1))
    assert [(e["actor1"], e["fatalities"]) for e in evs] == [("Allied Democratic Forces", 25)]


@pytest.mark.parametrize("body,expected", [
    # "، كما حدث في مدينة A وB": "as happened in" names where the acts just told were done; the acts of riots are riots
    ("وشملت أعمال الشغب اقتحام محلات تجارية وإضرام النار في سيارات، كما حدث في مدينة سلا وتارودانت ليلة الأربعاء.",
     [("Violent demonstration", "Salé", "MA"), ("Violent demonstration", "Taroudant", "MA")]),
    # negative: "، كما اعتقلت" what the force also did stays at the event's place
    ("فرقت الشرطة مسيرة في مدينة سلا ليلة الأربعاء، كما نصبت حواجز على مداخل تارودانت.",
     [("Protest with intervention", "Salé", "MA")]),
    # negative: the police storming homes after riots is no riot
    ("اقتحمت الشرطة منازل في مدينة سلا ليلة الأربعاء بعد أعمال الشغب التي شهدتها المدينة.", [("Other", "Salé", "MA")]),
])
def test_as_happened_in_and_the_acts_of_riots(kb, body, expected):
    assert places(events(kb, body, date(2025, 10, 2))) == expected


@pytest.mark.parametrize("body,expected", [
    # a name a relative clause places at a distance from a known town is a town (ندوب is also "scars"): its namesake
    # nearest that town
    ("قتل شخصان على هامش تظاهرات الأحد في ندوب التي تبعد أربعين كيلومترا عن باميندا في الكاميرون.",
     [("Excessive force against protesters", "Ndop", "CM")]),
    # negative: without the distance clause the everyday word is no town
    ("قتل شخصان على هامش تظاهرات الأحد في ندوب في الكاميرون.", [("Excessive force against protesters", None, "CM")]),
])
def test_a_town_placed_at_a_distance_from_another(kb, body, expected):
    assert places(events(kb, body, date(2017, 10, 2))) == expected


@pytest.mark.parametrize("body,expected", [
    # "to carry out attacks" names a purpose: the arrest is the event
    ("قال جهاز الأمن اليوم إنه احتجز في أوديسا رجلا أثناء محاولته تجنيد شخص لتنفيذ هجمات.", ["Arrests"]),
    ("اعتقلت الشرطة اليوم شخصا في أوديسا كان يخطط لتنفيذ هجمات.", ["Arrests"]),
    # negative: an attack carried out
    ("نفذ مسلحون اليوم هجوما على قرية في ريف إدلب.", ["Attack"]),
])
def test_a_purpose_is_no_event(kb, body, expected):
    assert [e["sub_event_type"] for e in events(kb, body, date(2022, 1, 10))] == expected


def test_a_related_articles_list_is_other_news(kb):
    # the headlines under "مقالات ذات صلة" (with bylines and blank lines between) are other pages' news
    body = ("قتل خمسة أشخاص في انفجار استهدف مسجدا في مدينة قندوز اليوم.\n\nمقالات ذات صلة\n\n"
            "مقتل ثلاثة في هجوم على حاجز في القاهرة\n\nadmin\n\nاعتقال عشرة في الإسكندرية\n\nadmin\n")
    assert places(events(kb, body, date(2022, 4, 22))) == [("Remote explosive/landmine/IED", "Kunduz", "AF")]


def test_a_country_glued_to_in_is_no_actor(kb):
    # "وقع انفجار بأفغانستان": in the country, not the country acting
    evs = events(kb, "وقع انفجارا بأفغانستان اليوم واستهدف مصلين في مسجد بمدينة قندوز.", date(2022, 4, 22))
    assert [e["actor1"] for e in evs] == ["Unidentified Armed Group"]


@pytest.mark.parametrize("body,killed", [
    # kin nouns counted by their own form: the dual is two, "أشقاء" with its number
    ("قتل شقيقان اليوم في قصف على بلدة سراقب.", 2),
    ("أعلن الدفاع المدني اليوم مقتل شقيقين في قصف على بلدة سراقب.", 2),
    ("قتل ثلاثة أشقاء اليوم في قصف على بلدة سراقب.", 3),
    # negative: "his brother" is one
    ("قتل رجل وشقيقه اليوم في قصف على بلدة سراقب.", 2),
])
def test_kin_nouns_count_the_dead(kb, body, killed):
    assert [e["fatalities"] for e in events(kb, body, date(2025, 11, 26))] == [killed]


@pytest.mark.parametrize("body,weapon", [
    # explosive belts worn by attackers who were shot are no suicide bombing: the grenade one threw is the weapon
    ("هاجم مسلحون يرتدون أحزمة ناسفة مبنى القضاء في زاهدان اليوم وألقى أحدهم قنبلة يدوية داخل المبنى فقتل 6 أشخاص.",
     "grenade"),
    # negative: a bomber who set his belt off
    ("فجر انتحاري يرتدي حزاما ناسفا نفسه في سوق بمدينة كويتا اليوم فقتل 5 أشخاص.", "suicide_bomb"),
])
def test_a_belt_worn_is_not_set_off(kb, body, weapon):
    assert [e["weapon"] for e in events(kb, body, date(2025, 7, 26))] == [weapon]


def test_attackers_are_counted_as_armed_men(kb):
    # "وقتل اثنان من المهاجمين": the attackers killed are armed men of the fight
    evs = events(kb, "هاجم مسلحون حاجزا للشرطة في العريش اليوم وقتل اثنان من المهاجمين.", date(2025, 7, 26))
    assert [(e["event_type"], e["fatalities"]) for e in evs] == [("Battles", 2)]


@pytest.mark.parametrize("tail,actor1", [
    # a claim made as a habit ("وطالما أعلن X مسؤوليته عن تلك الهجمات") claims no one attack
    ("وطالما أعلن تنظيم داعش مسؤوليته عن تلك الهجمات التي تستهدف المدنيين.", "Unidentified Armed Group"),
    ("وعادة ما يعلن تنظيم داعش مسؤوليته عن مثل هذه الهجمات.", "Unidentified Armed Group"),
    # negative: the claim of this attack
    ("وأعلن تنظيم داعش مسؤوليته عن الهجوم.", "Islamic State (ISIS)"),
])
def test_a_habitual_claim_is_no_claim(kb, tail, actor1):
    evs = events(kb, "قتل 10 مصلين اليوم في انفجار استهدف مسجدا في مدينة قندوز.\n" + tail, date(2022, 4, 22))
    assert [e["actor1"] for e in evs] == [actor1]
