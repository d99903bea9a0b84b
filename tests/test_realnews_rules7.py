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
    ("قتل خمسة أشخاص في انفجار عبوة ناسفة في مدينة سبها أمس.", ("Explosions/Remote violence", "Unidentified Armed Group", "Civilians (Libya)")),
    # negative: people killed in fighting may be of either side; policemen among them are no civilians
    ("قتل خمسة أشخاص في اشتباكات بين قبيلتين في مدينة سبها أمس.", ("Battles", "Tribal Militia", None)),
    ("قتل 21 شخصا بينهم شرطيان في هجوم على قرية قرب مدينة كيدال أمس.", ("Violence against civilians", "Unidentified Armed Group", None)),
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


def test_after_midnight_last_night_is_the_pages_day(kb):
    # "after midnight last night" and "at dawn today" tell one strike, on the page's day
    body = ("قتل 21 مدنيا في قصف جوي شنه التحالف العربي بعد منتصف الليلة الماضية على محافظة صعدة. "
            "وقال مصدر إن طيران التحالف شن فجر اليوم غارة استهدفت سوقا بمديرية سحار، ما أدى إلى مقتل 21 مدنيا.")
    assert [(e["location"], e["event_date"]) for e in events(kb, body)] == [("Sahar", "2024-05-02")]


@pytest.mark.parametrize("body,expected", [
    # a risen toll told after a placeless remark updates the incident told with a toll, the wounded with it
    ("قتل 21 مدنيا في غارة جوية على سوق في مديرية سحار اليوم. وأكد مدير المنظمة أن القصف استهدف السوق. "
     "ونقلت الوكالة عن أطباء أن عدد القتلى ارتفع إلى 29، إضافة إلى 17 مصابا.", [(29, 17)]),
    # negative: a toll rising since the start of the year is a tally, not this strike's toll
    ("قتل 21 مدنيا في غارة جوية على سوق في مديرية سحار اليوم. وارتفع عدد القتلى منذ بداية العام إلى 300.", [(21, None)]),
])
def test_a_risen_toll_after_a_remark(kb, body, expected):
    assert [(e["fatalities"], e["injuries"]) for e in events(kb, body)] == expected


@pytest.mark.parametrize("body,expected", [
    # aircraft in construct with their owner after the verb, what they hit after them: the owner struck
    ("قصفت طائرات التحالف العربي أمس مواقع في مدينة صعدة.", "Saudi-led Coalition"),
    ("استهدفت مدفعية الجيش السوري أمس مواقع في بلدة سراقب.", "Military Forces of Syria"),
    # negative: a drone of a group that was itself bombed names no striker
    ("قصفت القوات مسيرة الحوثيين أمس في مدينة صعدة.", None),
])
def test_aircraft_of_an_owner_after_the_verb(kb, body, expected):
    assert [e["actor1"] for e in events(kb, body)][:1] == [expected]


@pytest.mark.parametrize("body,expected", [
    # "said that it killed 15 soldiers": an armed speaker claims the killing
    ("قال حزب العمال الكردستاني أمس إنه قتل 15 جنديا تركيا في هجوم في محافظة هكاري.",
     ("Kurdistan Workers' Party", "Military Forces of Turkey")),
    # negative: a ministry that says that 15 were killed claims nothing
    ("قالت وزارة الصحة أمس إنه قتل 15 شخصا في هجوم في محافظة هكاري.", ("Unidentified Armed Group", "Civilians (Turkey)")),
])
def test_an_armed_speaker_says_it_killed(kb, body, expected):
    assert [(e["actor1"], e["actor2"]) for e in events(kb, body)] == [expected]


def test_the_dead_of_a_dispute_that_the_text_calls_clashes(kb):
    body = ("شهدت مدينة الزاوية اليوم خلافات بين التشكيلات المسلحة أسفرت عن سقوط قتلى وجرحى. "
            "وقال مصدر إن الاشتباكات لا تزال مستمرة.")
    assert [(e["event_type"], e["location"]) for e in events(kb, body)] == [("Battles", "Zawiya")]


@pytest.mark.parametrize("body,expected", [
    # a relative clause with no event word after a noun that is no event word dates that noun
    ("قتل خمسة مدنيين أمس في هجوم على بلدة سراقب يهدف إلى عرقلة الانتخابات التي جرت في 25 أبريل.", "2024-05-01"),
    # negative: the attack the relative clause is about takes its day
    ("قتل خمسة مدنيين في الهجوم الذي وقع في 30 أبريل على بلدة سراقب.", "2024-04-30"),
])
def test_a_relative_clause_dates_its_own_noun(kb, body, expected):
    assert [e["event_date"] for e in events(kb, body)] == [expected]


@pytest.mark.parametrize("body,expected", [
    # "launched an operation" with nothing fired is no attack
    ("أطلق الانفصاليون يوم الاثنين حملة لمدينة أشباح في بلدة مويوكا.", []),
    # negative: fire, shells or gas after the verb stay what they were
    ("أطلق مسلحون النار على حاجز للشرطة في مدينة العريش أمس.", ["Armed clash"]),
    ("أطلقت الشرطة أمس وابلا من قنابل الغاز والرصاص المطاطي في مدينة لاهور لمنع المتظاهرين من اختراق الحواجز.",
     ["Protest with intervention"]),
])
def test_a_launch_with_nothing_fired(kb, body, expected):
    assert [e["sub_event_type"] for e in events(kb, body)] == expected


@pytest.mark.parametrize("body,expected", [
    # the Philippines and Haiti: their provinces, towns and armed groups
    ("قتل ثلاثة مسلحين من جماعة أبو سياف في اشتباك مع الجيش الفلبيني أمس في بلدة باتيكول جنوب الفلبين.",
     ("PH", "Patikul", "Abu Sayyaf Group")),
    ("قتل ثلاثة مسلحين من جماعة أبو سياف في اشتباك مع الجيش الفلبيني أمس في إقليم سولو.", ("PH", "Sulu", "Abu Sayyaf Group")),
    ("هاجمت عصابة مسلحة أمس حي كارفور فوي في مدينة بور أو برنس الهايتية.", ("HT", "Port-au-Prince", "Criminal Gangs")),
])
def test_philippine_and_haitian_places_and_groups(kb, body, expected):
    # (the group is one side: the first when it attacked, the second when it only lost men in a clash)
    assert [(e["country_code"], e["location"], expected[2] if expected[2] in (e["actor1"], e["actor2"]) else e["actor1"])
            for e in events(kb, body)] == [expected]


def test_the_day_of_those_pursued_is_not_the_clashs(kb):
    # "while the troops pursued those behind Sunday's church attack": Sunday dates the church attack, not the clash
    body = ("اندلع اشتباك مع مسلحي جماعة أبو سياف اليوم في بلدة باتيكول جنوب الفلبين، "
            "بينما كانت القوات تلاحق من يقفون وراء هجوم كنيسة يوم الأحد.")
    assert [(e["location"], e["event_date"]) for e in events(kb, body)] == [("Patikul", "2024-05-02")]


def test_where_people_fled_from_is_no_event_place(kb):
    # the quarter people fled from because of the violence is no incident of its own
    assert events(kb, "وأدت أعمال العنف أمس إلى فرار نحو ألف شخص من حي في العاصمة بورت أو برنس.") == []


def test_armed_men_killed_then_others_arrested_is_a_fight(kb):
    # "13 terrorists were killed and others arrested in security operations": a fight, not arrests; the
    # Guards whose statement says so are its speaker, not its target; one toll of three towns is none of theirs
    body = ("قتلت قوات الأمن الإيرانية 13 مسلحا في حملة بجنوب شرق البلاد، كما ذكرت وكالة الأنباء الرسمية الخميس. "
            "وأوردت الوكالة عن بيان للحرس الثوري الإيراني: حتى الآن قتل 13 إرهابيا وألقي القبض على آخرين في عمليات "
            "في مدن إيرانشهر وخاش وسراوان بمحافظة سيستان وبلوشستان.")
    got = [(e["event_type"], e["location"], e["actor2"], e["fatalities"]) for e in events(kb, body)]
    assert [g[:2] for g in got] == [("Battles", "Iranshahr"), ("Battles", "Khāsh"), ("Battles", "Sarāvān")]
    assert all(g[2] != "Islamic Revolutionary Guard Corps" and g[3] is None for g in got)


def test_a_toll_said_of_one_listed_place_stays_its(kb):
    # negative: the toll a later part ties to one of the places is that place's
    body = "شنت طائرات حربية أمس غارات على بلدتي بنش وتفتناز، ما أدى إلى مقتل 5 مدنيين في بنش."
    assert [(e["location"], e["fatalities"]) for e in events(kb, body)] == [("Binnish", 5), ("Taftanāz", None)]


@pytest.mark.parametrize("body,expected", [
    # "مسقط رأس" is a birthplace, not Muscat
    ("نصب مسلحون كمينا لقافلة الشرطة أمس في بلدة أجويليلا بولاية ميتشواكان، مسقط رأس زعيم العصابة.", ["MX"]),
    # negative: Muscat itself
    ("تظاهر المئات أمس في مسقط احتجاجا على البطالة.", ["OM"]),
])
def test_a_birthplace_idiom_is_no_capital(kb, body, expected):
    assert [e["country_code"] for e in events(kb, body)] == expected


@pytest.mark.parametrize("body,expected", [
    # a habit told in the present with a frequency word opens no place of its own
    ("أصيب 11 مدنيا أمس في هجوم بطائرة مسيرة على مدينة بيلغورود. وتستهدف القوات الأوكرانية بشكل شبه يومي مناطق "
     "بريانسك وكورسك بالطائرات المسيرة.", ["Belgorod"]),
    # negative: a news flash in the present ("gunmen attack a post") is the event
    ("وأضاف التلفزيون في تقرير: مسلحون مجهولون يهاجمون نقطة تابعة لوزارة الدفاع في مدينة الميادين شرقي دير الزور.",
     ["Al-Mayadin"]),
])
def test_a_habit_in_the_present(kb, body, expected):
    assert [e["location"] for e in events(kb, body)] == expected


def test_a_strike_between_two_villages_told_again(kb):
    # the stretch between two villages a reference names is where the strike hit (at the first), not a road
    body = ("قتل ثلاثة أشخاص في ضربة إسرائيلية استهدفت سيارة في جنوب لبنان أمس. "
            "وقالت الوكالة إن الضربة أصابت السيارة بين قريتي عيناثا وعيترون قرب الحدود.")
    assert [(e["country_code"], e["location"]) for e in events(kb, body)] == [("LB", "Aynata")]


@pytest.mark.parametrize("body,expected", [
    # a car or a house a strike hit is no wounded person
    ("قتل ثلاثة أشخاص في غارة أصابت سيارة في قرية عيناثا أمس.", [(3, None)]),
    # a shell that hit a house is a shelling, wounded or not
    ("أصابت قذيفة منزلا في قرية عيناثا أمس.", [(None, None)]),
    # negative: a wounded civilian stays one
    ("أصيب مدني أمس في قصف على قرية عيناثا.", [(None, 1)]),
])
def test_what_a_strike_hit(kb, body, expected):
    assert [(e["fatalities"], e["injuries"]) for e in events(kb, body)] == expected


@pytest.mark.parametrize("body,expected", [
    # dismantling a cell is an arrest operation; dismantling a bomb stays a defusal
    ("تمكنت الأجهزة الأمنية أمس من تفكيك خلية إرهابية في مدينة طنجة تتكون من أربعة عناصر.", ["Arrests"]),
    ("تمكن خبراء المتفجرات أمس من تفكيك عبوة ناسفة في مدينة طنجة.", ["Disrupted weapons use"]),
])
def test_dismantling_a_cell(kb, body, expected):
    assert [e["sub_event_type"] for e in events(kb, body)] == expected


def test_the_day_before_with_a_toll_of_its_own_in_the_same_city(kb):
    # "the interception comes the day after three civilians were killed in the same city": two events, two days
    body = ("اعترضت الدفاعات الجوية السعودية مساء اليوم صاروخا باليستيا في سماء مدينة جازان. "
            "ويأتي اعتراض الدفاعات السعودية للصاروخ، غداة مقتل ثلاثة مدنيين في المدينة نفسها بصاروخ باليستي أطلقه الحوثيون. "
            "وسقط صاروخ آخر في منطقة صحراوية.")
    got = sorted((e["sub_event_type"], e["location"], e["event_date"], e["fatalities"], e["actor1"]) for e in events(kb, body))
    assert got[0][:4] == ("Disrupted weapons use", "Jizan", "2024-05-02", None)
    assert got[0][4] != "Military Forces of Western Sahara"  # (منطقة صحراوية is a desert, not Sahrawi)
    assert got[1][:4] == ("Shelling/artillery/missile attack", "Jizan", "2024-05-01", 3)


@pytest.mark.parametrize("body,expected", [
    # the place where a source sits is not where the incident happened
    ("قتل 15 جنديا أمس في هجوم وسط مالي. وأشار مصدر عسكري في موبتي إلى أن المهاجمين فقدوا عددا من العناصر خلال الاشتباكات.",
     [("ML", None)]),
    # negative: a place after في with an event word between the source and it stays the event's
    ("قال مصدر أمني إن هجوما وقع أمس في مدينة موبتي أسفر عن مقتل 15 جنديا.", [("ML", "Mopti")]),
])
def test_where_the_source_sits(kb, body, expected):
    assert [(e["country_code"], e["location"]) for e in events(kb, body)] == expected
