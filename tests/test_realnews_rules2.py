"""More rules found by reading real reports (bench/realnews, the probes), each on sentences written for
this test: (sentence, what a careful coder expects). Negative rows keep the reading the rule must not break."""

from __future__ import annotations

import pytest

from test_realnews_rules import events


def _one(kb, body: str) -> dict:
    evs = events(kb, body)
    assert len(evs) == 1, [(e["location"], e["event_type"]) for e in evs]
    return evs[0]


@pytest.mark.parametrize("body,country,actor2", [
    # Lebanon's, Syria's and Libya's internal security forces go by the same words: the event's country decides
    ("قتل عنصران من قوى الأمن الداخلي اليوم في هجوم لمسلحين مجهولين على حاجز في مدينة الرقة.", "SY", "Police Forces of Syria"),
    ("هاجم مسلحون اليوم دورية لقوى الأمن الداخلي في مدينة سرت ما أدى إلى مقتل عنصرين.", "LY", "Police Forces of Libya"),
    ("هاجم مسلحون اليوم دورية لقوى الأمن الداخلي في مدينة صيدا ما أدى إلى مقتل عنصرين.", "LB", "Police Forces of Lebanon"),
    # with the nationality it stays Lebanon's wherever the patrol was
    ("هاجم مسلحون اليوم دورية لقوى الأمن الداخلي اللبنانية في مدينة صيدا ما أدى إلى مقتل عنصرين.", "LB", "Police Forces of Lebanon"),
])
def test_internal_security_forces_belong_to_the_event_country(kb, body, country, actor2):
    ev = _one(kb, body)
    assert (ev["country_code"], ev["actor2"]) == (country, actor2)


@pytest.mark.parametrize("body,location,country", [
    # لبنان is Lebanon, not the preposition ل and the Syrian hamlet Banan: Tripoli is Lebanon's
    ("اعتقلت الشرطة اليوم ثلاثة أشخاص في مدينة طرابلس في لبنان.", "Tripoli", "LB"),
    ("اعتقلت الشرطة اليوم ثلاثة أشخاص في مدينة طرابلس شمال لبنان.", "Tripoli", "LB"),
    # Tripoli alone is still Libya's capital
    ("اعتقلت الشرطة اليوم ثلاثة أشخاص في مدينة طرابلس الليبية.", "Tripoli", "LY"),
])
def test_a_whole_word_name_is_no_clitic_and_another_name(kb, body, location, country):
    ev = _one(kb, body)
    assert (ev["location"], ev["country_code"]) == (location, country)


@pytest.mark.parametrize("body,location,country", [
    # a title or a name introducer before a name that is also a town: a person, not Béchar
    ("اندلعت مواجهات اليوم بين قوات الأمن ومجموعات مسلحة موالية للرئيس السابق بشار الأسد في مدينة بانياس.", "Baniyas", "SY"),
    ("اغتال مسلحون اليوم اللواء بشار العلي قرب مدينة حمص.", "Homs", "SY"),
    # the town itself, after its feature word
    ("قتل جنديان جزائريان اليوم في هجوم قرب مدينة بشار جنوب غرب الجزائر.", "Béchar", "DZ"),
])
def test_a_person_named_like_a_town_is_no_place(kb, body, location, country):
    ev = _one(kb, body)
    assert (ev["location"], ev["country_code"]) == (location, country)


@pytest.mark.parametrize("body,expected", [
    # a court tries an attack or passes a death sentence: court news, no event
    ("قضت محكمة جنايات بغداد اليوم بإعدام خمسة أدانتهم بتفجير سيارة مفخخة في مدينة الحلة.", []),
    ("محكمة جنايات ذي قار قضت اليوم بإعدام سبعة أدانتهم بهجمات مسلحة في 3 محافظات.", []),
    ("نظرت المحكمة قضية ثلاثة متهمين عن جريمة الاشتراك في تفجير سيارة مفخخة في مدينة الحلة أدى إلى مقتل 12 مواطنا.", []),
    # a court as the place or the target of a real event, and executions by an armed group
    ("انفجرت سيارة مفخخة اليوم قرب مبنى المحكمة في مدينة الحلة ما أدى إلى مقتل 3 أشخاص.",
     [("Remote explosive/landmine/IED", "Al Hillah", 3)]),
    ("تظاهر العشرات اليوم أمام المحكمة في مدينة البصرة.", [("Peaceful protest", "Basrah", None)]),
    ("قضى خمسة مدنيين اليوم في قصف على مدينة إدلب قرب مبنى المحكمة.", [("Shelling/artillery/missile attack", "Idlib", 5)]),
    ("أعدم مسلحو داعش اليوم خمسة مدنيين في قرية قرب الموصل.", [("Attack", "Mosul", 5)]),
])
def test_court_news_is_no_event(kb, body, expected):
    got = [(e["sub_event_type"], e["location"], e["fatalities"]) for e in events(kb, body)]
    assert got == expected


@pytest.mark.parametrize("body,actor1,actor2,fatalities", [
    # VSO with a time word between the subject and its victims: the army killed them
    ("قتل الجيش الصومالي اليوم 25 عنصرا من حركة الشباب في مدينة جوهر.", "Military Forces of Somalia", "Al-Shabaab", 25),
    # the same verb with the army's men as victims (passive)
    ("قتل جنديان من الجيش الصومالي اليوم في هجوم لحركة الشباب في مدينة جوهر.", "Al-Shabaab", "Military Forces of Somalia", 2),
    # "a security force", indefinite, is the state's
    ("قتلت قوة أمنية اليوم مسلحين اثنين من داعش في قضاء الدبس.", "Police Forces of Iraq", "Islamic State (ISIS)", 2),
    # unnamed gunmen with their victims after them, and with a time word between
    ("قتل مسلحون اليوم 6 مدنيين في بلدة لامو الكينية.", "Unidentified Armed Group", "Civilians", 6),
    # gunmen attacking the army's patrol: the army is whom they attacked, not their group
    ("هاجم مسلحون اليوم دورية للجيش العراقي في مدينة الرمادي.", "Unidentified Armed Group", "Military Forces of Iraq", None),
    # gunmen affiliated with a named group are that group
    ("هاجم مسلحون تابعون لحركة الشباب اليوم حاجزا للشرطة في مدينة بيدوا.", "Al-Shabaab", "Police Forces of Somalia", None),
    ("هاجم مسلحون من تنظيم داعش اليوم دورية للجيش في مدينة الرمادي.", "Islamic State (ISIS)", "Military Forces of Iraq", None),
])
def test_who_killed_whom(kb, body, actor1, actor2, fatalities):
    ev = _one(kb, body)
    assert (ev["actor1"], ev["actor2"], ev["fatalities"]) == (actor1, actor2, fatalities)


@pytest.mark.parametrize("body,fatalities,injuries", [
    # a number word after the victim noun, before the verb (SVO), with a bound between
    ("ذكرت قناة محلية أن شخصا واحدا على الأقل قتل وأصيب 4 آخرون عندما اندلعت اشتباكات اليوم في مدينة مصراتة.", 1, 4),
    ("ذكرت قناة محلية أن شخصا واحدا قتل في اشتباكات اندلعت اليوم في مدينة مصراتة.", 1, None),
    # groups joined by و before a plural verb add up
    ("قال حاكم زابوريجيا إن 3 نساء و4 رجال أصيبوا في قصف روسي على مدينة زابوريجيا مساء السبت.", None, 7),
    ("قال حاكم زابوريجيا إن 4 رجال أصيبوا في قصف روسي على مدينة زابوريجيا مساء السبت.", None, 4),
    # a counted group then a vague one: the count is what is known
    ("قتل 15 شرطيا والعديد من المدنيين في هجوم على مركز للشرطة في مدينة كانو النيجيرية يوم الأحد.", 15, None),
    ("قتل العديد من المدنيين في هجوم على مركز للشرطة في مدينة كانو النيجيرية يوم الأحد.", None, None),
])
def test_tolls_told_before_the_verb_and_in_groups(kb, body, fatalities, injuries):
    ev = _one(kb, body)
    assert (ev["fatalities"], ev["injuries"]) == (fatalities, injuries)


@pytest.mark.parametrize("body,expected", [
    # security forces stopping a march: a protest, not a drone intercepted
    ("اعترضت قوات الأمن اليوم مسيرة المحتجين عند انطلاقها في شارع ديدوش مراد بالجزائر العاصمة.", [("Protests", "Algiers")]),
    ("اعترضت الدفاعات الجوية اليوم طائرة مسيرة فوق مدينة أبها السعودية.", [("Strategic developments", "Abha")]),
    # a verb of renewal before a definite event noun: the event again, today
    ("تجددت الاشتباكات اليوم بين فصيلين مسلحين في مدينة الزاوية الليبية.", [("Battles", "Zawiya")]),
    ("تواصلت الاحتجاجات اليوم لليلة الثالثة في مدينة القصرين التونسية.", [("Protests", "Kasserine")]),
    ("تجددت عمليات الكر والفر بين شبان الحي وقوات الأمن الليلة الماضية في مدينة القصرين التونسية.", [("Riots", "Kasserine")]),
    # the definite noun alone still refers back to the event told before
    ("اندلعت اشتباكات أمس في مدينة الزاوية الليبية. وقالت مصادر إن الاشتباكات أسفرت عن مقتل شخصين.", [("Battles", "Zawiya")]),
])
def test_renewed_fighting_and_a_march_stopped(kb, body, expected):
    assert [(e["event_type"], e["location"]) for e in events(kb, body)] == expected


@pytest.mark.parametrize("body,expected", [
    # protesters shot by the state's forces: force against the protest, not an attack on civilians
    ("قتل متظاهران برصاص قوات الأمن خلال احتجاجات في مدينة الأهواز الإيرانية مساء أمس.",
     ("Protests", "Excessive force against protesters", "Ahvaz")),
    # by gunmen it stays an attack
    ("قتل مسلحون مجهولون متظاهرا في مدينة البصرة اليوم.", ("Violence against civilians", "Attack", "Basrah")),
    # Khuzestan's towns by their Arabic names
    ("تظاهر المئات ليل أمس في مدينة الخفاجية الإيرانية احتجاجا على شح المياه.", ("Protests", "Peaceful protest", "Sūsangerd")),
])
def test_protesters_shot_by_the_state(kb, body, expected):
    ev = _one(kb, body)
    assert (ev["event_type"], ev["sub_event_type"], ev["location"]) == expected


def test_two_protesters_are_two(kb):
    ev = _one(kb, "قتل متظاهران برصاص قوات الأمن خلال احتجاجات في مدينة الأهواز الإيرانية مساء أمس.")
    assert ev["fatalities"] == 2


@pytest.mark.parametrize("body,expected", [
    # "the eastern area of the city": not Saudi Arabia's Eastern Province
    ("سقطت قذائف اليوم على المنطقة الشرقية في مدينة درعا.", [("Dar‘ā", "SY")]),
    ("سقطت قذائف اليوم على المنطقة الشرقية لمدينة درعا.", [("Dar‘ā", "SY")]),
    ("سقط صاروخ اليوم على مدينة الدمام في المنطقة الشرقية بالسعودية.", [("Dammam", "SA")]),
    # "، بعد" + an event word after an event told with its place: the earlier event it answered
    ("وأعلن حزب الله اليوم أنه قصف قاعدة جوية إسرائيلية جنوب حيفا بصواريخ، بعد سلسلة غارات استهدفت مدينة صور.", [("Haifa", "IL")]),
    ("أعلن حزب الله اليوم أنه قصف مستوطنة المطلة بالصواريخ، بعد غارة إسرائيلية على بلدة الخيام.", [("Metula", "IL")]),
    # with no place before the comma, the strike after it is the event
    ("قتل 3 أشخاص، بعد غارة إسرائيلية استهدفت منزلا في بلدة الخيام اليوم.", [("Khiam", "LB")]),
])
def test_parts_of_a_city_and_the_event_answered(kb, body, expected):
    assert [(e["location"], e["country_code"]) for e in events(kb, body)] == expected


def test_a_district_does_not_swallow_a_town_the_gazetteer_puts_elsewhere(kb):
    # the Chouf's seat lies 22 km from Beirut's southern suburbs, which the gazetteer puts in Baabda
    evs = events(kb, "شنت إسرائيل أمس سلسلة غارات استهدفت الضاحية الجنوبية لبيروت. وقتل 12 شخصا في غارة إسرائيلية "
                     "استهدفت بلدة بعقلين الواقعة في منطقة الشوف، وفق وزارة الصحة.")
    assert sorted((e["location"], e["fatalities"]) for e in evs) == [
        ("Beiteddine", 12), ("Dahiyeh (Beirut southern suburbs)", None)]


@pytest.mark.parametrize("published,body,dates", [
    # a statement's day is not inherited by the next clause's event
    ("2024-02-07", "قصفت طائرات الاحتلال اليوم مدينة دير البلح. وحذرت الأمم المتحدة الليلة الماضية من اجتياح رفح. "
                   "وفي حي الشجاعية شرق مدينة غزة، استشهد رجل في قصف استهدف المنطقة.", ["2024-02-07", "2024-02-07"]),
    # an event told with that day keeps it
    ("2024-02-07", "قصفت طائرات الاحتلال الليلة الماضية مدينة دير البلح.", ["2024-02-06"]),
    # the day the toll rose is not the day of the attack the next sentence dates
    ("2024-05-12", "ارتفعت، السبت، حصيلة قتلى الهجوم الذي استهدف سوقا في بلدة دامبوا بولاية بورنو النيجيرية إلى 22 قتيلا. "
                   "وكان مسلحون قد هاجموا السوق الخميس.", ["2024-05-09"]),
])
def test_days_of_statements_and_of_toll_updates(kb, published, body, dates):
    from datetime import date
    assert [e["event_date"] for e in events(kb, body, date.fromisoformat(published))] == dates


@pytest.mark.parametrize("body,expected", [
    # "، و" + a verb with its own day after a comma: another incident
    ("قصفت القوات الروسية مدينة خاركيف الأوكرانية يوم الاثنين، وقصفت يوم الأربعاء مدينة سومي.",
     [("2024-05-06", "Kharkiv"), ("2024-05-08", "Sumy")]),
    # the same day restated in one incident stays one event
    ("قصفت القوات الروسية مدينة خاركيف الأوكرانية يوم الاثنين، وأصابت مبنى سكنيا.", [("2024-05-06", "Kharkiv")]),
])
def test_a_second_verb_with_its_own_day(kb, body, expected):
    from datetime import date
    assert [(e["event_date"], e["location"]) for e in events(kb, body, date(2024, 5, 9))] == expected


@pytest.mark.parametrize("body,actor1,fatalities", [
    # "an armed group" is an unidentified armed group, and its victims are counted after it
    ("قتلت مجموعة مسلحة، الأحد، 9 أشخاص في قرية شرقي بوركينا فاسو.", "Unidentified Armed Group", 9),
    ("هاجمت جماعة مسلحة اليوم قرية قرب مدينة بيدوا الصومالية.", "Unidentified Armed Group", None),
    # unless it is said whose it is
    ("هاجمت جماعة مسلحة تابعة لحركة الشباب اليوم قرية قرب مدينة بيدوا الصومالية.", "Al-Shabaab", None),
])
def test_an_armed_group_unnamed(kb, body, actor1, fatalities):
    ev = _one(kb, body)
    assert (ev["actor1"], ev["fatalities"]) == (actor1, fatalities)


@pytest.mark.parametrize("body,location", [
    # a big city whose name with the article is a verb without it (الخرج / خرج "went out")
    ("سقط صاروخ على حي سكني في مدينة الخرج السعودية اليوم ما أسفر عن مقتل شخصين.", "Al Kharj"),
    # the verb stays a verb
    ("خرج المئات في مظاهرة اليوم في مدينة الرياض.", "Riyadh"),
])
def test_a_city_named_like_a_verb_with_its_article(kb, body, location):
    assert [e["location"] for e in events(kb, body)] == [location]


@pytest.mark.parametrize("body,expected", [
    # marching words are protests: سار، خرج في مسيرة، موكب (Sudan)
    ("سار آلاف الجزائريين أمس الجمعة في سطيف وعنابة للمطالبة برحيل النظام.", [("Protests", "Sétif"), ("Protests", "Annaba")]),
    ("خرج آلاف الجزائريين اليوم في مسيرة وسط مدينة وهران.", [("Protests", "Oran")]),
    ("شارك الآلاف أمس في موكب بمدينة كسلا للمطالبة بالحكم المدني.", [("Protests", "Kassala")]),
    # a minister's motorcade attacked, and a drone shot down, are no protests
    ("تعرض موكب وزير الداخلية لهجوم مسلح اليوم في مدينة عدن.", [("Violence against civilians", "Aden")]),
    ("أسقطت الدفاعات الجوية مسيرة أطلقها الحوثيون باتجاه مدينة جازان.", [("Strategic developments", "Jizan")]),
])
def test_marches_and_processions(kb, body, expected):
    assert [(e["event_type"], e["location"]) for e in events(kb, body)] == expected


@pytest.mark.parametrize("body,expected", [
    # the dispersal told in the next sentence is the protest's intervention
    ("تظاهر الآلاف أمس الأحد في مدينة عطبرة. واستخدمت قوات الأمن الغاز المسيل للدموع والقنابل الصوتية لتفريق الحشود.",
     [("Protest with intervention", "Atbara")]),
    ("قامت قوات الأمن بتفريق اعتصام للمعلمين أمام مبنى المحافظة في مدينة الناصرية اليوم.",
     [("Protest with intervention", "Nasiriyah")]),
    # a protest that ended peacefully stays peaceful
    ("تظاهر الآلاف أمس الأحد في مدينة عطبرة. وانتهت المظاهرة بشكل سلمي.", [("Peaceful protest", "Atbara")]),
])
def test_a_dispersal_told_apart_is_the_protest_s_intervention(kb, body, expected):
    from datetime import date
    assert [(e["sub_event_type"], e["location"]) for e in events(kb, body, date(2023, 3, 27))] == expected


@pytest.mark.parametrize("body,location,actor1", [
    # bare "the occupation" is Israel's forces in Gaza, the West Bank and Lebanon
    ("قصف الاحتلال اليوم منزلا في بلدة بني سهيلا ما أدى إلى استشهاد ثلاثة مواطنين.", "Bani Suheila", "Military Forces of Israel"),
    ("استشهد شاب برصاص الاحتلال في بلدة بيتا اليوم.", "Beita", "Military Forces of Israel"),
    # elsewhere it names nobody
    ("تظاهر المئات في مدينة الموصل اليوم للمطالبة بإنهاء الاحتلال.", "Mosul", "Protesters (Iraq)"),
    # everyday words that are also places: "for the first time" (Laval); Siirt named as a province stays Siirt
    ("قصف حزب الله لأول مرة مستوطنة المطلة اليوم.", "Metula", "Hezbollah"),
    # a frequent word is no clitic and a place (كبيرا "big" is not ك + Beira)
    ("تظاهر الآلاف أمس في مدينة كسلا ورفعوا علما كبيرا.", "Kassala", "Protesters (Sudan)"),
    ("قتل جنديان تركيان في هجوم في ولاية سيرت جنوب شرق تركيا اليوم.", "Siirt", None),
])
def test_the_occupation_and_words_that_are_places(kb, body, location, actor1):
    from datetime import date
    evs = events(kb, body, date(2024, 11, 13))
    assert [(e["location"], e["actor1"]) for e in evs] == [(location, actor1)]


@pytest.mark.parametrize("body,expected", [
    # protests that spread to another town: a protest there too
    ("تظاهر المئات اليوم في مدينة الحديدة تنديدا بانهيار العملة. وتوسعت الاحتجاجات لتشمل مديرية بيت الفقيه.",
     ["Al Ḩudaydah", "Bayt al Faqih"]),
    ("اندلعت اشتباكات أمس في مدينة شهبا. وامتدت الاشتباكات اليوم إلى بلدة عريقة في ريف السويداء.", ["Shahba", "‘Arīqah"]),
])
def test_events_that_spread(kb, body, expected):
    from datetime import date
    assert [e["location"] for e in events(kb, body, date(2024, 11, 13))] == expected


@pytest.mark.parametrize("body,fatalities,injuries", [
    # an officer and four soldiers (with their nationality) killed: five
    ("أكد مصدران أمنيان أن ضابطا وأربعة جنود عراقيين قتلوا وأصيب خمسة آخرون مساء الإثنين في هجوم لداعش على موقع "
     "للجيش قرب قضاء طوزخورماتو.", 5, 5),
    ("أكد مصدران أمنيان أن ضابطا وثلاثة جنود قتلوا وأصيب ستة آخرون مساء الإثنين في هجوم لداعش على موقع للجيش قرب "
     "قضاء طوزخورماتو.", 4, 6),
])
def test_victim_groups_before_the_verb(kb, body, fatalities, injuries):
    ev = _one(kb, body)
    assert (ev["fatalities"], ev["injuries"]) == (fatalities, injuries)


@pytest.mark.parametrize("body,expected", [
    # "according to X" between the toll and the event ends where the event word starts
    ("قتل 9 جنود بحسب الجيش في هجوم على قاعدة عسكرية قرب مدينة غاو في مالي اليوم.", [("Gao", 9)]),
    ("قتل 14 شخصا بحسب مصادر طبية في الاحتجاجات التي اندلعت اليوم في نجامينا عاصمة تشاد.", [("N'Djamena", 14)]),
    # the source's own words stay the source's
    ("قتل 9 جنود في هجوم على قاعدة عسكرية قرب مدينة غاو في مالي اليوم بحسب وكالة الأنباء الرسمية في باماكو.", [("Gao", 9)]),
])
def test_a_source_in_the_middle(kb, body, expected):
    assert [(e["location"], e["fatalities"]) for e in events(kb, body)] == expected


@pytest.mark.parametrize("body,expected", [
    # "bring down the government" is a demand, not a shoot-down
    ("المحتجون في مدينة مومباسا الكينية يطالبون بإسقاط حكومة الرئيس.", [("Protests", "Peaceful protest")]),
    ("أعلن الجيش إسقاط طائرة مسيرة فوق مدينة مومباسا الكينية اليوم.", [("Strategic developments", "Disrupted weapons use")]),
])
def test_a_demand_to_bring_down_a_government(kb, body, expected):
    assert [(e["event_type"], e["sub_event_type"]) for e in events(kb, body)] == expected


@pytest.mark.parametrize("body,expected", [
    # "met his death by the bullets of gunmen": a shooting, with the subject inside the idiom
    ("لقي إمام مسجد مصرعه مساء أمس برصاص مسلحين في مدينة بيني شرقي الكونغو الديمقراطية.",
     [("Attack", "Beni", 1, "Unidentified Armed Group")]),
    ("استشهد شاب برصاص الاحتلال في بلدة بيتا اليوم.", [("Attack", "Beita", 1, "Military Forces of Israel")]),
    # bullets fired at a protest stay the protest's (ACLED: the protesters are a protest event's actor1)
    ("أطلقت الشرطة الرصاص الحي على المتظاهرين في مدينة البصرة اليوم.", [("Excessive force against protesters", "Basrah", None, "Protesters (Iraq)")]),
])
def test_killed_by_the_bullets_of(kb, body, expected):
    assert [(e["sub_event_type"], e["location"], e["fatalities"], e["actor1"]) for e in events(kb, body)] == expected


def test_a_death_idiom_that_names_its_dead_is_no_combined_toll(kb):
    ev = _one(kb, "قال مسؤولون إن شخصين لقيا مصرعهما وأصيب 15 آخرون في هجوم روسي على مدينة أوديسا الأوكرانية الليلة الماضية.")
    assert (ev["fatalities"], ev["injuries"]) == (2, 15)


@pytest.mark.parametrize("body,expected", [
    # a dateline after a short line ("متابعة", a byline) is still the dateline: its city is not the place
    ("أبوجا 5 يناير 2026 (وال) - قتل 30 شخصا في هجوم مسلح على قرية في ولاية النيجر وسط نيجيريا يوم السبت.",
     [("2026-01-03", "Minna", 30)]),
])
def test_a_dateline_after_a_short_line(kb, body, expected):
    from datetime import date
    assert [(e["event_date"], e["location"], e["fatalities"]) for e in events(kb, body, date(2026, 1, 5))] == expected


@pytest.mark.parametrize("body,expected", [
    # whose headquarters were attacked is the target, and the fight a battle
    ("هاجم مقاتلو العشائر اليوم مقار قسد في بلدة أبو حمام شرقي دير الزور.",
     ("Battles", "Arab Tribal Forces (Syria)", "Syrian Democratic Forces")),
    ("هاجم مسلحون اليوم مقرا لقسد في بلدة أبو حمام شرقي دير الزور.",
     ("Battles", "Unidentified Armed Group", "Syrian Democratic Forces")),
    # "affiliated with" still names the gunmen's group
    ("هاجم مسلحون تابعون لقسد اليوم حاجزا للجيش في بلدة أبو حمام شرقي دير الزور.",
     ("Battles", "Syrian Democratic Forces", "Military Forces of Syria")),
])
def test_the_owner_of_what_was_attacked(kb, body, expected):
    ev = _one(kb, body)
    assert (ev["event_type"], ev["actor1"], ev["actor2"]) == expected


@pytest.mark.parametrize("body,expected", [
    # the attacked side answered: fire exchanged, an armed clash
    ("شن مقاتلو العشائر اليوم هجوما بالأسلحة الرشاشة والقذائف الصاروخية على مقار قسد في بلدة الشحيل، لترد الأخيرة "
     "بقصف بقذائف الهاون.", "Armed clash"),
    # one-sided shelling stays shelling
    ("قصفت قوات النظام اليوم بلدة الشحيل بقذائف الهاون.", "Shelling/artillery/missile attack"),
])
def test_an_answered_attack_is_a_clash(kb, body, expected):
    ev = _one(kb, body)
    assert ev["sub_event_type"] == expected


def test_the_24_hours_are_no_toll(kb):
    from test_realnews_rules import records
    recs = records(kb, "وأشارت المصادر إلى ارتكاب قوات الاحتلال 9 مجازر في قطاع غزة، راح ضحيتها 85 شهيدا، و140 إصابة، "
                       "خلال الـ24 ساعة الماضية.")
    assert 24 not in [r.get("count") for r in recs if r["kind"] == "tally"]
    assert 85 in [r.get("count") for r in recs if r["kind"] == "tally"]


def test_one_incident_placed_by_its_country_alone_told_twice(kb):
    from datetime import date
    evs = events(kb, "أعلن مصدر أمني في بوركينا فاسو اليوم الأحد مقتل 15 مدنيا الليلة الماضية في هجوم على قرية تاكاسو "
                     "شمال البلاد. وقال المصدر إن مسلحين مجهولين هاجموا قرية تاكاسو ليل السبت إلى الأحد وقتلوا 15 مدنيا.",
                 date(2020, 2, 2))
    assert [(e["country_code"], e["fatalities"], e["actor1"]) for e in evs] == [("BF", 15, "Unidentified Armed Group")]


def test_two_incidents_placed_by_their_country_on_two_days_stay_two(kb):
    from datetime import date
    evs = events(kb, "قتل مسلحون 15 مدنيا يوم السبت في هجوم على قرية شمال بوركينا فاسو. "
                     "وكان مسلحون قد قتلوا 9 جنود يوم الخميس في هجوم على موقع عسكري شرق بوركينا فاسو.", date(2020, 2, 2))
    assert sorted(e["event_date"] for e in evs) == ["2020-01-30", "2020-02-01"]


@pytest.mark.parametrize("body,n", [
    # a possibility held out, a threat brandished: nothing happened
    ("لوح وزير الدفاع اليوم بإمكانية قيام الجيش بهجوم واسع على مدينة إدلب.", 0),
    ("حذر مسؤولون اليوم من احتمال هجوم واسع على مدينة إدلب.", 0),
    # the attack that did happen is kept
    ("شن الجيش اليوم هجوما واسعا على مدينة إدلب.", 1),
])
def test_a_possibility_is_no_event(kb, body, n):
    assert len(events(kb, body)) == n


@pytest.mark.parametrize("body,day", [
    # the headline gives no day; the body's statement says when: the event is dated by the text, not the page
    ("قصف مسلحون منشأة نفطية في مدينة نجران بصاروخ.\nوقالت قناة محلية، أمس الخميس، إن المسلحين أطلقوا صاروخا على "
     "المنشأة في نجران.", "2018-03-22"),
    # a day counted from another event (قبل يوم واحد من الموعد) is no day at all: the page's day stays
    ("نفذت طائرة مسيرة إسرائيلية غارة على سيارة في مدينة صيدا.\nوقعت الغارة قبل يوم واحد من الموعد النهائي لانسحاب "
     "القوات، واستمرت الغارات على مواقع في لبنان.", "2018-03-23"),
    # "two days ago" still counts from the page's day
    ("قتل ثلاثة مدنيين في غارة على بلدة الخيام قبل يومين.", "2018-03-21"),
])
def test_the_day_the_text_gives(kb, body, day):
    from datetime import date
    evs = events(kb, body, date(2018, 3, 23))
    assert [e["event_date"] for e in evs] == [day]


@pytest.mark.parametrize("body,locations", [
    # an outlet's name, a dash, then the dateline's city: the reporter's city, not the event's
    ("بوابة اوكرانيا-كييف-23 يونيو2023- قال مسؤولون إن ثلاثة أشخاص على الأقل قتلوا في هجمات روسية بجنوب أوكرانيا "
     "اليوم.\nوقال حاكم المنطقة إن مدنيا قتل عندما تعرضت قرية مالا توكماتشكا لهجوم بالمدفعية.", ["Mala Tokmachka"]),
    # the city told in the sentence itself is still the event's
    ("بوابة اوكرانيا-كييف-23 يونيو2023- قتل ثلاثة أشخاص اليوم في قصف روسي على مدينة خاركيف.", ["Kharkiv"]),
])
def test_an_outlet_before_the_dateline(kb, body, locations):
    from datetime import date
    assert [e["location"] for e in events(kb, body, date(2023, 6, 23))] == locations


@pytest.mark.parametrize("body,n", [
    # restoring stability, security or calm regains no territory
    ("وأوضح المسؤول أن تركيز الدولة الآن منصب بالكامل على استعادة الاستقرار في مدينة حلب.", 0),
    ("تعمل القوات على استعادة الأمن في مدينة حمص.", 0),
    # regaining a town does
    ("أعلن الجيش اليوم استعادة السيطرة على بلدة الشحيل.", 1),
])
def test_restoring_calm_is_no_regained_territory(kb, body, n):
    assert len(events(kb, body)) == n


@pytest.mark.parametrize("body,location", [
    # a province named alone is coded at its seat (GeoNames' PPLA), not at its biggest town
    ("قتل عشرة مدنيين اليوم في هجوم لمسلحين على قرية في إقليم أمهرة في إثيوبيا.", "Bahir Dar"),
])
def test_a_province_alone_is_coded_at_its_seat(kb, body, location):
    from rasd.resolve.geo import haversine_km
    ev = _one(kb, body)
    assert ev["location"] == location and haversine_km(ev["latitude"], ev["longitude"], 11.594, 37.390) < 10  # Bahir Dar


@pytest.mark.parametrize("body,actor1,fatalities", [
    # a verb's longer subject before its victims: drones of an army, a drone owned by it, fighters of a group
    ("قتلت مسيرات الجيش المالي ستة رعاة في مدينة تمبكتو اليوم.", None, 6),
    ("قتلت طائرة مسيرة تابعة للجيش ستة رعاة في مدينة تمبكتو بمالي اليوم.", None, 6),
    ("قتل عناصر من حركة الشباب 7 جنود في مدينة جوهر اليوم.", "Al-Shabaab", 7),
    ("قتل مسلحو بوكوحرام 9 قرويين في ولاية بورنو بنيجيريا اليوم.",
     "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad", 9),
    ("قتل متمردو القوات الديموقراطية المتحالفة 7 مزارعين قرب مدينة بيني بالكونغو الديموقراطية اليوم.",
     "Allied Democratic Forces", 7),
    # the victims' own group after the verb stays the victims
    ("قتل عناصر من الجيش في هجوم لمسلحين على حاجز قرب مدينة جوهر اليوم.", "Unidentified Armed Group", None),
])
def test_the_subject_before_the_victims(kb, body, actor1, fatalities):
    ev = _one(kb, body)
    assert (ev["fatalities"], ev["actor1"] if actor1 else None) == (fatalities, actor1)


@pytest.mark.parametrize("body,fatalities,injuries", [
    # "سقوط" before a dual or a plural of the dead or the wounded: the word after it says who and how many
    ("اندلعت اليوم اشتباكات في مخيم عين الحلوة أدت إلى سقوط قتيلين.", 2, None),
    ("أفادت قناة محلية اليوم بسقوط جريحين في غارات أميركية على مدينة الحديدة.", None, 2),
    ("أدت الغارة إلى سقوط 5 قتلى في مدينة الموصل اليوم.", 5, None),
    # a verb in the plural has its victims before it: "بجروح" after it is no single victim
    ("قتل خمسة فلسطينيين اليوم بغارة إسرائيلية على خيمة في مدينة دير البلح. وقال المستشفى إن 27 آخرين أصيبوا بجروح.",
     5, 27),
    # a verb in the singular still names one titled victim after it
    ("اغتيل نائب رئيس البلدية اليوم في مدينة الموصل.", 1, None),
])
def test_who_the_casualty_words_count(kb, body, fatalities, injuries):
    ev = _one(kb, body)
    assert (ev["fatalities"], ev["injuries"]) == (fatalities, injuries)


@pytest.mark.parametrize("body,location,fatalities", [
    # "X داخل Y": the quarter inside the camp, not a namesake abroad
    ("قتل عنصر من حركة فتح مساء أمس برصاص مسلحين في حي المنشية داخل مخيم عين الحلوة.", "Ain al-Hilweh Camp", 1),
    # a doubled space and a stray stop before a comma do not break the sentence
    ("أدى نزاع  عشائري مسلح اندلع مساء الأربعاء في قضاء القرنة شمالي البصرة.، الى مقتل ثلاثة أشخاص.", "Qurna", 3),
])
def test_typing_slips_and_inside(kb, body, location, fatalities):
    ev = _one(kb, body)
    assert (ev["location"], ev["fatalities"]) == (location, fatalities)


@pytest.mark.parametrize("body,records", [
    # since this morning (or last night's dawn) at one town: that day's event, not a tally
    ("قتل 9 مدنيين جراء قصف مدفعي على مدينة بابنوسة منذ صباح اليوم.", [("event", "2024-05-20", 9)]),
    ("قتل 11 شخصا في قصف مدفعي على مدينة كادقلي منذ فجر أمس.", [("event", "2024-05-19", 11)]),
    # since dawn over a whole region, or since the start of the month: a tally
    ("استشهد 50 مواطنا منذ فجر اليوم في غارات على مناطق متفرقة من قطاع غزة.", [("tally", None, 50)]),
    ("قتل أكثر من 300 شخص في مدينة الفاشر منذ بداية الشهر.", [("tally", None, 300)]),
])
def test_since_this_morning_at_a_town(kb, body, records):
    from datetime import date
    from test_realnews_rules import records as all_records
    got = [(r["kind"], r.get("event_date") if r["kind"] == "event" else None,
            r.get("fatalities") if r["kind"] == "event" else r.get("count"))
           for r in all_records(kb, body, date(2024, 5, 20)) if r["kind"] in ("event", "tally")]
    assert got == records


@pytest.mark.parametrize("body,fatalities,injuries,tallies", [
    # a toll that rose after more bodies were found is the incident's toll, updated
    ("قتل 6 جنود في هجوم على حاجز للجيش في مدينة الشيخ زويد أمس. وعثرت قوات الأمن اليوم على جثتي جنديين آخرين "
     "قرب الحاجز، ليرتفع عدد القتلى إلى 8.", 8, None, []),
    ("قتل 6 جنود في هجوم على حاجز للجيش في مدينة الشيخ زويد أمس. وارتفعت حصيلة الجرحى إلى 12.", 6, 12, []),
    # the toll of a series of clashes or of a period stays a tally
    ("قتل 6 جنود في هجوم على حاجز للجيش في مدينة الشيخ زويد أمس. وارتفع عدد القتلى منذ بداية العام إلى 300.",
     6, None, [300]),
])
def test_a_risen_toll_updates_the_incident(kb, body, fatalities, injuries, tallies):
    from datetime import date
    from test_realnews_rules import records as all_records
    recs = all_records(kb, body, date(2019, 4, 12))
    evs = [r for r in recs if r["kind"] == "event"]
    assert [(e["fatalities"], e["injuries"]) for e in evs] == [(fatalities, injuries)]
    assert [r["count"] for r in recs if r["kind"] == "tally"] == tallies


@pytest.mark.parametrize("body,event_type,actor2", [
    # "a number of X's men" after a casualty verb: X's men are the victims (government forces: a battle)
    ("قتل ثلاثة من القوات الحكومية فجر اليوم بهجوم شنه مسلحون على تجمع لهم في قضاء المقدادية.",
     "Battles", "Military Forces of Iraq"),
    ("قتل ثلاثة من منتسبي الجيش فجر اليوم بهجوم شنه مسلحون على تجمع لهم في قضاء المقدادية.",
     "Battles", "Military Forces of Iraq"),
    # the force that escorts the attackers is on their side, not their target
    ("هاجم مستوطنون بحماية قوات الاحتلال اليوم منازل المواطنين في بلدة سنجل.", "Violence against civilians", None),
])
def test_whose_men_were_hit(kb, body, event_type, actor2):
    ev = _one(kb, body)
    assert (ev["event_type"], ev["actor2"]) == (event_type, actor2)


@pytest.mark.parametrize("body,kinds", [
    # "يوم الأحد الموافق 12 مارس لعام 2017": the restated day and "لعام" before the year date the event as old
    ("في صبيحة يوم الأحد الموافق 12 مارس لعام 2017، فجر انتحاري حزامه الناسف داخل سوق في مدينة مايدوغوري بنيجيريا.",
     [("background", "2017-03-12")]),
    ("فجر انتحاري حزامه الناسف داخل سوق في مدينة مايدوغوري بنيجيريا يوم الخميس الموافق 11 مارس.",
     [("event", "2021-03-11")]),
])
def test_a_restated_day(kb, body, kinds):
    from datetime import date
    from test_realnews_rules import records as all_records
    recs = all_records(kb, body, date(2021, 3, 12))
    assert [(r["kind"], r.get("event_date") or r.get("date")) for r in recs if r["kind"] in ("event", "background")] == kinds


@pytest.mark.parametrize("body,expected", [
    # arrests "during vigils and gatherings": a protest the police broke up, on the night told
    ("أعلنت مديرية الأمن العام اليوم الأحد توقيف عدد من الأشخاص الليلة الماضية خلال وقفات وتجمعات في الزرقاء.",
     ("Protests", "Protest with intervention", "2024-03-30")),
    # arrests alone stay arrests
    ("اعتقلت الشرطة الليلة الماضية عشرة أشخاص في مدينة الزرقاء.", ("Strategic developments", "Arrests", "2024-03-30")),
])
def test_arrests_during_vigils(kb, body, expected):
    from datetime import date
    ev = [e for e in events(kb, body, date(2024, 3, 31))]
    assert [(e["event_type"], e["sub_event_type"], e["event_date"]) for e in ev] == [expected]


@pytest.mark.parametrize("body,locations", [
    # a village said to lie in a city is coded at the village, the city is only where it lies
    ("اختطف مسلحون اليوم خمسة عمال أجانب في منطقة الحرشة بمدينة الزاوية.", ["Al Ḩurshah"]),
    ("قصفت طائرات حربية اليوم منزلا في حي الشجاعية بمدينة غزة.", ["Shujaiya"]),
    # two items of a list joined by "and" stay two places, even when one city is near the other town
    ("قصفت طائرات الاحتلال اليوم عدة مواقع في مدينة غزة وبلدة بيت لاهيا.", ["Beit Lahia", "Gaza City"]),
    ("قصفت طائرات الاحتلال اليوم عدة مواقع في مدينة غزة وبيت لاهيا.", ["Beit Lahia", "Gaza City"]),
    # where the bus was going from and to is not where it was stopped
    ("هاجم مسلحون مساء أمس حافلة ركاب كانت في طريقها من حمص إلى حماة قرب بلدة الرستن وخطفوا ركابها.", ["Ar Rastan"]),
    ("انفجرت عبوة ناسفة اليوم بحافلة قادمة من مدينة البصرة باتجاه مدينة الناصرية قرب بلدة سوق الشيوخ.",
     ["Sūq ash Shuyūkh"]),
    # a rocket fired towards a town falls there: the end of its path is the event's place
    ("أعلن الجيش الإسرائيلي أن ثلاثة صواريخ أطلقت اليوم من جنوب لبنان باتجاه بلدة المطلة.", ["Metula"]),
    # the government accused of something (اتهم … موسكو بـ) is no place of the event
    ("قتل شخصان اليوم في قصف روسي على مدينة خاركيف. واتهم الرئيس الأوكراني موسكو بالسعي إلى تدمير المدينة، لكن "
     "المئات قتلوا وأصيبوا في الهجمات.", ["Kharkiv"]),
    # a town after the accusing verb that is the event's place stays
    ("اتهمت الشرطة مسلحين مجهولين بتفجير عبوة ناسفة اليوم في مدينة الموصل.", ["Mosul"]),
    # إلدوريت is normalized to الدوريت: its "ال" is the name's El-, not the article
    ("خرجت اليوم مظاهرات في مدينة إلدوريت في كينيا.", ["Eldoret"]),
    ("وردت أنباء اليوم عن مظاهرات في مدن مومباسا، وكيسومو وإلدوريت في كينيا.", ["Eldoret", "Kisumu", "Mombasa"]),
    # the towns a road runs between are not where it was cut
    ("قطع محتجون مساء اليوم المسلك الشرقي لأوتوستراد جبيل الموصل من بيروت إلى طرابلس بالإطارات المشتعلة.", ["Byblos"]),
    ("قطع محتجون اليوم الطريق الدولي من حمص إلى حماة عند بلدة الرستن.", ["Ar Rastan"]),
    # a road "from" one town alone still places the event there
    ("انفجرت عبوة ناسفة اليوم على الطريق من بلدة الرستن.", ["Ar Rastan"]),
    # a web outlet named after a city ("القدس" دوت كوم) in the dateline is no place of the event
    ("بنغازي- \"القدس\" دوت كوم- أ ف ب - اندلعت اشتباكات بين مجموعتين مسلحتين في مدينة بنغازي مساء الجمعة.",
     ["Benghazi"]),
    # "الشاب بشار": a young man's name, not the Algerian town Béchar
    ("اختطف مجهولون أمس شابا في مدينة نوى بريف درعا، كما وجد الأهالي أمس جثة الشاب بشار العلي مقتولا بالرصاص.",
     ["Nawa"]),
    # a young man killed in a town is still placed there
    ("قتل شاب برصاص قوات الاحتلال اليوم في مدينة جنين.", ["Jenin"]),
    # where the bus was coming from (كانت آتية من) is not where it was attacked
    ("قتل ستة ركاب أمس في هجوم لمسلحين على حافلة كانت آتية من مدينة الحلة قرب بلدة المسيب.", ["Al-Musayab"]),
    # a lede on "the countrysides of" a province is the incidents the body places in its towns
    ("قتل طفل وأصيب ستة مدنيين ليل أمس في قصف مدفعي على أرياف إدلب وحلب. وأصيب ثلاثة مدنيين في قصف على مدينة أريحا "
     "ليل أمس. كما قصفت القوات ليل أمس بلدة سرمين دون وقوع إصابات.", ["Arīḩā", "Sarmīn"]),
    # incidents of a kind in a town (حوادث اغتيال) are a series, unless a day is said
    ("وتعرض ضباط وناشطون لحوادث اغتيال مماثلة في مدينة بنغازي أسفرت عن مقتل أكثر من 70 شخصا.", []),
    ("شهدت مدينة بنغازي أمس حوادث إطلاق نار أسفرت عن مقتل شخصين.", ["Benghazi"]),
    # where the firing side is stationed is not where its shells fell (the countryside the village lies in is)
    ("قصفت قوات النظام المتمركزة في مدينة سراقب أمس قرية الفطيرة بريف إدلب الجنوبي، ما أدى إلى مقتل امرأة.", ["Idlib"]),
    ("قصفت قوات النظام أمس مدينة سراقب بريف إدلب، ما أدى إلى مقتل امرأة.", ["Saraqib"]),
    # a town named right after a village to say where it lies (قرب، في منطقة، شمال) is no place of its own
    ("قصفت قوات النظام اليوم بلدة كفرنبل قرب معرة النعمان، ما أدى إلى إصابة امرأة.", ["Kafr Nabl"]),
    ("قصفت قوات النظام اليوم بلدة كفرنبل شمال معرة النعمان.", ["Kafr Nabl"]),
    # two towns of a list stay two
    ("قصفت قوات النظام اليوم بلدة كفرنبل ومدينة معرة النعمان.", ["Kafr Nabl", "Maarat al-Numan"]),
])
def test_which_named_places_are_the_event_places(kb, body, locations):
    assert sorted(e["location"] for e in events(kb, body)) == locations


def _records(kb, text: str, published=None) -> list[dict]:
    """Every record of an article (events, tallies, background), published on 2024-03-31 unless told."""
    from datetime import date

    from rasd.document import from_text
    from rasd.pipeline import extract
    return list(extract(from_text(text, "t.txt", published or date(2024, 3, 31)), kb, warn=False))


def _article(kb, text: str, published=None) -> list[dict]:
    return [r for r in _records(kb, text, published) if r["kind"] == "event"]


@pytest.mark.parametrize("text,expected", [
    # the headline printed again below the page's date line restates the story: no event of its own
    ("300 قتيل و15 ألف مصاب في احتجاجات بغداد\nنشر بتاريخ: 2024/03/31\n300 قتيل و15 ألف مصاب في احتجاجات بغداد\n"
     "أعلنت المفوضية اليوم ارتفاع حصيلة ضحايا الاحتجاجات منذ اندلاعها إلى 300 قتيل.", []),
    # a headline above a body that tells the incident only as sounds heard is that incident
    ("قصف كثيف على مدينة الرستن\nسمع دوي انفجارات قوية في المدينة مساء اليوم وسادت الفوضى في شوارعها.",
     [("Shelling/artillery/missile attack", "Ar Rastan")]),
    # a body that tells an incident of its own keeps the headline out
    ("قصف كثيف على مدينة الرستن\nقتل ثلاثة مدنيين اليوم في قصف مدفعي على بلدة تلبيسة.",
     [("Shelling/artillery/missile attack", "Tallbīsah")]),
    # an outlet's date line above the headline: the headline is the next line, and restates the body's strike
    ("مأرب اليوم – متابعات – السبت 29 نوفمبر 2025\nمسيرة أمريكية تستهدف مشتبهين بالقاعدة شرق مأرب\n"
     "نفذت طائرة مسيرة اليوم غارة جوية استهدفت دراجة نارية في منطقة الحصون بمديرية الوادي شرق محافظة مأرب.",
     [("Air/drone strike", "Al Ḩuşūn")]),
])
def test_what_a_headline_adds(kb, text, expected):
    assert [(e["sub_event_type"], e["location"]) for e in _article(kb, text)] == expected


@pytest.mark.parametrize("text,actors", [
    # the claimant stands before the attack it claims; the side after the attack word is the target
    ("حركة الشباب تتبنى هجوما على قاعدة عسكرية أمريكية في مدينة كيسمايو\nأعلنت الحركة في بيان مسؤوليتها عن الهجوم.",
     ("Al-Shabaab", "Military Forces of the United States")),
    ("تبنت حركة الشباب أمس هجوما على قاعدة عسكرية في مدينة كيسمايو.", ("Al-Shabaab", "Military Forces of Somalia")),
    # "a force of X" attacked: X is the attacker; a force of X hit by a bomb is the target
    ("هاجمت قوة من الدعم السريع صباح أمس قرية في ولاية شمال كردفان ما أدى إلى مقتل 12 مدنيا.",
     ("Rapid Support Forces", "Civilians (Sudan)")),
    ("استهدفت عبوة ناسفة صباح أمس قوة من الجيش في منطقة الطارمية ما أدى إلى مقتل جنديين.",
     ("Unidentified Armed Group", "Military Forces of Iraq")),
    # a headline read the other way round does not make the attacker its own target
    ("الدعم السريع يُهاجم قرى بولاية شمال كردفان\nهاجمت قوة من الدعم السريع صباح أمس قرى في ولاية شمال كردفان ما "
     "تسبب في مقتل 12 شخصا.", ("Rapid Support Forces", "Civilians (Sudan)")),
])
def test_who_attacked_whom_in_claims_and_units(kb, text, actors):
    (ev,) = _article(kb, text)
    assert (ev["actor1"], ev["actor2"]) == actors


@pytest.mark.parametrize("body,fields", [
    # the dual pronoun of the death idiom restates the dual subject: two, not four
    ("لقي شخصان مصرعهما أمس في اشتباك مسلح بمدينة أوباري.", ("Ubari", 2, None)),
    ("لقي مصرعه أمس في اشتباك مسلح بمدينة أوباري.", ("Ubari", 1, None)),
    ("لقي شاب حتفه أمس في اشتباك مسلح بمدينة أوباري.", ("Ubari", 1, None)),
    # "the fall of one dead", "lost his life": one
    ("أغار الطيران الحربي أمس على بلدة عيترون ما أدى إلى سقوط قتيل.", ("Aitaroun", 1, None)),
    # a second victim group whose digits follow "و" glued to them
    ("قتل 5 جنود و3 مدنيين أمس في قصف على مدينة الرقة.", ("Ar Raqqah", 8, None)),
    # but another day's group is not this one's
    ("استهدف هجوم أمس قرية قرب مدينة النهود ما أسفر عن مقتل ثلاثة مدنيين في اليوم الأول و27 في اليوم الثاني.",
     ("En Nahud", 3, None)),
    # "15 ألف مصاب": fifteen thousand, not the thousand alone
    ("قتل 30 شخصا و15 ألف مصاب أمس في احتجاجات بغداد.", ("Baghdad", 30, 15000)),
])
def test_how_many_the_idioms_count(kb, body, fields):
    ev = _one(kb, body)
    assert (ev["location"], ev["fatalities"], ev["injuries"]) == fields


@pytest.mark.parametrize("body,expected", [
    # "كمينا" is an ambush, not "like Minna": it says nothing of Nigeria and leaves Mosul the place
    ("نصب مسلحون كمينا لدورية للجيش قرب مدينة الموصل أمس ما أسفر عن مقتل جنديين.",
     ("Mosul", "IQ", "Military Forces of Iraq")),
    # riot police are the police of the event's country
    ("أطلقت قوات مكافحة الشغب الغاز المسيل للدموع أمس لتفريق محتجين في أم درمان.",
     ("Omdurman", "SD", "Police Forces of Sudan")),
    # a big city of a conflict country in wire copy that never names its country, or struck by another country
    ("قتل 5 أشخاص أمس في انفجار سيارة مفخخة في سوق بمدينة بيشاور.", ("Peshawar", "PK", "Civilians (Pakistan)")),
    ("شنت روسيا هجوما بطائرات مسيرة على خاركيف الليلة الماضية ما أسفر عن مقتل 6 أشخاص.", ("Kharkiv", "UA", "Civilians (Ukraine)")),
    # a conflict country's capital, struck, though its name is frequent in the press
    ("شنت روسيا هجوما بطائرات مسيرة على كييف الليلة الماضية ما أسفر عن مقتل 6 أشخاص.", ("Kyiv", "UA", "Civilians (Ukraine)")),
])
def test_places_and_forces_named_by_a_word(kb, body, expected):
    ev = _one(kb, body)
    assert (ev["location"], ev["country_code"], ev["actor2"]) == expected


@pytest.mark.parametrize("body,dates", [
    # "tomorrow Thursday" is a plan: the strike is dated by the page, not to last Thursday
    ("استهدفت مسيرة إسرائيلية اليوم سيارة في بلدة الخيام ما أدى إلى مقتل شخصين، قبل يوم من اجتماع مرتقب غدا الخميس.",
     ["2024-05-02"]),
    # a fronted phrase with an expected meeting, closed by a comma, does not make the strike a plan
    ("عشية اجتماع مرتقب في القاهرة، قتل شخصان بغارة من مسيرة إسرائيلية على سيارة في بلدة الخيام جنوبي لبنان.",
     ["2024-05-02"]),
    # a call to protest tomorrow, and a planned protest, are no events
    ("دعت النقابات إلى مظاهرة غدا في ساحة الشهداء ببيروت.", []),
    ("من المقرر أن تنطلق مظاهرة غدا في ساحة الشهداء ببيروت.", []),
    # a condition stays a condition across its comma
    ("في حال تعرض الجنود لهجوم في بلدة الخيام، سيرد الجيش بقوة.", []),
])
def test_plans_and_tomorrows(kb, body, dates):
    assert [e["event_date"] for e in events(kb, body)] == dates


@pytest.mark.parametrize("body,actors,fatalities", [
    # a group's adjective after the weapon is who fired it
    ("سقط صاروخ حوثي أمس على حي سكني في مدينة مأرب.", ("Ansar Allah (Houthis)", None), None),
    # a titled, named person after the subject is the victim: the gunmen killed him
    ("قتل مسلحون مجهولون أمس الشيخ سالم ناصر إمام مسجد الرحمن بالرصاص في مدينة عدن.",
     ("Unidentified Armed Group", None), 1),
    ("قتل مسلحون مجهولون أمس الشاب أحمد سالم بالرصاص في مدينة عدن.", ("Unidentified Armed Group", "Civilians (Yemen)"), 1),
])
def test_adjectives_and_titles(kb, body, actors, fatalities):
    ev = _one(kb, body)
    assert ((ev["actor1"], ev["actor2"]), ev["fatalities"]) == (actors, fatalities)


@pytest.mark.parametrize("body,expected", [
    # Somali usage: al-Shabaab's fighters without the word حركة
    ("اشتبك الجيش الصومالي مع مقاتلي الشباب أمس في بلدة بلدوين.",
     ("Armed clash", "Military Forces of Somalia", "Al-Shabaab", None)),
    # two blasts (a dual) are explosions; intra-communal fighting (قتال، اقتتال) is a clash
    ("قتل 12 شخصا أمس في انفجارين قرب فندق في مقديشو.", ("Remote explosive/landmine/IED", "Unidentified Armed Group", "Civilians (Somalia)", None)),
    ("اندلع قتال بين عشيرتين أمس في بلدة بلدوين وسط الصومال أسفر عن مقتل 9 أشخاص.", ("Armed clash", "Tribal Militia", None, None)),
    # "no reports of anyone hurt" is no one hurt
    ("تظاهر أنصار حزب معارض أمس في مدينة لاهور الباكستانية ورشقوا الشرطة بالحجارة فردت بالغاز المسيل للدموع، ولم ترد "
     "أنباء عن إصابة أحد.", ("Violent demonstration", "Protesters (Pakistan)", None, 0)),
    # a negator before another verb's clause does not deny the killing
    ("لم يكد يمر يوم حتى قتل ثلاثة جنود أمس في هجوم في مدينة مأرب.", ("Armed clash", None, "Military Forces of Yemen", None)),
])
def test_words_of_wire_copy(kb, body, expected):
    ev = _one(kb, body)
    assert (ev["sub_event_type"], ev["actor1"], ev["actor2"], ev["injuries"]) == expected


def test_an_attack_four_days_after_two_blasts_stays_an_attack(kb):
    ev = _one(kb, "قتل مسلحون عشرة أشخاص ليلة أمس في هجوم على حي بمدينة بيني في الكونغو الديمقراطية. وجاء الهجوم بعد "
                  "أربعة أيام فحسب من وقوع انفجارين بالمدينة. وكان مسؤولون قد حملوا جماعات إرهابية مسؤولية الانفجارين.")
    assert (ev["sub_event_type"], ev["location"]) == ("Attack", "Beni")


@pytest.mark.parametrize("body,expected", [
    # "a cautious calm" after the clashes is no warning: the clashes and their toll are the news
    ("يسود العاصمة الليبية طرابلس هدوء حذر بعد ساعات من الاشتباكات في مناطق بوسط المدينة، أدت إلى مقتل 23 شخصا.",
     [("Armed clash", "Tripoli")]),
    # a warning stays a statement
    ("حذر وزير الداخلية اليوم من اشتباكات جديدة في العاصمة طرابلس.", []),
    # a protest told only as dispersed, with its day, in a city of millions named beside a cause abroad
    ("فرقت الشرطة بالرباط مساء أمس الوقفة الاحتجاجية التي دعت لها جمعية دعم فلسطين أمام مبنى البرلمان.",
     [("Protest with intervention", "Rabat")]),
])
def test_calm_and_dispersed_protests(kb, body, expected):
    assert [(e["sub_event_type"], e["location"]) for e in events(kb, body)] == expected


@pytest.mark.parametrize("body,expected", [
    # an anniversary recalls the shelling, it does not report it
    ("أحيا أهالي بلدة قانا اليوم الذكرى الـ28 لقصف البلدة.", []),
    # a strike on the anniversary day is news
    ("قتل ثلاثة أشخاص اليوم في قصف على بلدة قانا في الذكرى الـ28 للمجزرة.", [("Shelling/artillery/missile attack", "Qana")]),
])
def test_anniversaries(kb, body, expected):
    assert [(e["sub_event_type"], e["location"]) for e in events(kb, body)] == expected


@pytest.mark.parametrize("body,actors", [
    # an armed announcer that says it killed a counted enemy claims the act
    ("أعلن الجيش النيجيري أنه قتل 19 من عناصر بوكو حرام في غارة جوية أمس قرب مدينة باما شمال شرق نيجيريا.",
     ("Military Forces of Nigeria", "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad")),
    # a ministry that counts the dead claims nothing
    ("أعلنت وزارة الصحة أنه قتل 19 شخصا في غارة جوية أمس على مدينة باما شمال شرق نيجيريا.", (None, "Civilians (Nigeria)")),
    # who says it shot the drones down claims the interception, not the strike
    ("شنت القوات الروسية هجوما بطائرات مسيرة وصواريخ على كييف الليلة الماضية ما أسفر عن مقتل 6 أشخاص. وأعلن سلاح الجو "
     "الأوكراني أنه أسقط 40 طائرة مسيرة من أصل 52.", ("Military Forces of Russia", "Civilians (Ukraine)")),
])
def test_who_claims_what(kb, body, actors):
    ev = _one(kb, body)
    assert (ev["actor1"], ev["actor2"]) == actors


@pytest.mark.parametrize("body,kinds", [
    # the dead of one strike told with a vague "this week": one event, not a period's toll
    ("قتل 15 شخصا في غارة جوية هذا الأسبوع على قرية قرب مدينة لاشيو في ميانمار.", ["event"]),
    # strikes in the plural, a shelling over a span of days, operations counted: a period's toll
    ("قتل 15 شخصا في غارات جوية هذا الأسبوع على قرى قرب مدينة لاشيو في ميانمار.", ["tally"]),
    ("وقتل 56 مدنيا خلال 11 يوما الماضية في القصف على ريفي إدلب وحماة.", ["tally"]),
])
def test_one_strike_this_week(kb, body, kinds):
    from test_realnews_rules import records
    assert [r["kind"] for r in records(kb, body) if r["kind"] in ("event", "tally")] == kinds


@pytest.mark.parametrize("body,expected", [
    # an outlet named after a country in the byline (نافذة اليمن) is no place of the event
    ("- نافذة اليمن _ وكالات / قالت مصادر محلية إن قوات الدعم السريع قتلت أمس 7 أشخاص في قرية بشرق ولاية الجزيرة.",
     ("SD", "Violence against civilians", "Rapid Support Forces", "Civilians (Sudan)")),
    # an official by his post (مدير التعليم) after the gunmen is their victim
    ("قتل مسلحون مجهولون أمس مدير التعليم في مدينة كويتا الباكستانية.",
     ("PK", "Violence against civilians", "Unidentified Armed Group", None)),
    # a party's supporters fighting the police are rioters, not an armed side
    ("اشتبكت الشرطة أمس في مدينة لاهور الباكستانية مع أنصار حزب معارض رشقوها بالحجارة.",
     ("PK", "Riots", "Protesters (Pakistan)", "Police Forces of Pakistan")),
    # أنصار الله stays the Houthis
    ("سيطر أنصار الله أمس على مدينة الحزم في محافظة الجوف.",
     ("YE", "Battles", "Ansar Allah (Houthis)", None)),
])
def test_bylines_posts_and_supporters(kb, body, expected):
    ev = _one(kb, body)
    assert (ev["country_code"], ev["event_type"], ev["actor1"], ev["actor2"]) == expected


@pytest.mark.parametrize("body,locations", [
    # what the crowd chants or salutes names its cause, not another protest
    ("نفذ مئات الأردنيين عصر الأحد وقفة احتجاجية قرب مبنى السفارة الإسرائيلية في العاصمة عمان. وردد المشاركون في "
     "الوقفة الاحتجاجية شعارات مؤيدة للمقاومة الفلسطينية، وتحيي صمود أهل القدس رجالا ونساء.", ["Amman"]),
    ("تظاهر المئات اليوم في مدينة إربد تضامنا مع أهالي مدينة غزة.", ["Irbid"]),
    # a strike on a city named after a chant stays an event there
    ("قصفت طائرات حربية اليوم مدينة غزة ما أدى إلى مقتل ثلاثة أشخاص.", ["Gaza City"]),
])
def test_a_protests_cause_is_no_place(kb, body, locations):
    assert sorted(e["location"] for e in events(kb, body)) == locations


@pytest.mark.parametrize("body,expected", [
    # the Red Crescent branch that reports the fighting is neither a side nor, by its branch's town, a place
    ("أعلن الهلال الأحمر فرع الزاوية اليوم حالة الطوارئ بين متطوعيه جراء اندلاع اشتباكات في منطقة الحرشة غرب المدينة.",
     [("Al Ḩurshah", None)]),
    # two armed sides stay the clash's two actors
    ("اندلعت اشتباكات اليوم بين الجيش ومسلحين في مدينة الزاوية.", [("Zawiya", "Military Forces of Libya")]),
])
def test_responders_are_no_side(kb, body, expected):
    assert [(e["location"], e["actor1"]) for e in events(kb, body)] == expected


@pytest.mark.parametrize("body,location", [
    # a town GeoNames knows only in Latin letters, named right after "على/في/قرب" with no feature word
    ("أصيب ثلاثة أشخاص اليوم في قصف أوكراني على شيبيكينو في مقاطعة بيلغورود.", "Shebekino"),
    # a namesake in the province the article names is the one meant (not the Ukrainian city of the attackers)
    ("قتل مدني اليوم في قصف أوكراني على بلدة تشيرنيانكا في مقاطعة بيلغورود.", "Chernyanka"),
    ("أصيب شخصان اليوم في هجوم بطائرة مسيرة أوكرانية على بلدة زنامينكا في مقاطعة أوريول الروسية.", "Znamenka"),
    # an everyday word after "في" is no town, though some hamlet shares its skeleton
    ("اعتقلت الشرطة اليوم ثلاثة أشخاص في الاستهدافات الأخيرة في أوكرانيا.", None),
    # the attackers' nationality names no country to look the town up in
    ("قتل مدني اليوم في قصف روسي على زناميانكا.", None),
])
def test_a_latin_only_town_after_a_locative(kb, body, location):
    assert _one(kb, body)["location"] == location


@pytest.mark.parametrize("body,location", [
    # a Persian town named without its country in its sentence: its province, named in the lede, vouches for it
    ("قتل شرطيان اليوم في هجوم على مركز للشرطة في محافظة سيستان بلوشستان الإيرانية. وأفاد مسؤول بأن "
     "المهاجمين حاولوا اقتحام مركز شرطة خاش قبل أن تتصدى لهم القوات.", "Khāsh"),
    # "قبل أن" is a time: what "وصفها" said ends at its comma, the town after it is the attack's
    ("قتل شرطيان اليوم في هجوم على مركز للشرطة في محافظة كرمانشاه الإيرانية. وأفاد مسؤول بأن المهاجمين من جماعة "
     "وصفها بالإرهابية، الذين هاجموا مركز شرطة جوانرود، فروا قبل أن تصل التعزيزات.", "Javānrūd"),
    # a province of another country vouches for nothing
    ("قتل شرطيان اليوم في هجوم على مركز للشرطة في تركيا. وقال مسؤول إن المهاجمين استهدفوا مركز شرطة خاش.", None),
])
def test_a_remote_town_vouched_for_by_its_province(kb, body, location):
    assert _one(kb, body)["location"] == location


def test_one_toll_of_two_places_is_neither_places_toll(kb):
    evs = events(kb, "هاجم مسلحون مساء أمس موقعين للجيش في خاش وسراوان في محافظة سيستان بلوشستان الإيرانية. "
                     "وأضاف المسؤول أنه تم القضاء على 8 من العناصر المهاجمة في مدينتي خاش وسراوان.")
    assert sorted((e["location"], e["fatalities"]) for e in evs) == [("Khāsh", None), ("Sarāvān", None)]
    # … but the one place it names gets it
    ev = _one(kb, "هاجم مسلحون اليوم موقعا للجيش في بلدة خاش في إيران. وأعلن الجيش مقتل 7 من المهاجمين في خاش.")
    assert ev["fatalities"] == 7


@pytest.mark.parametrize("body,expected", [
    # the attacked army that announces the attackers killed does not become the attacker
    ("هاجم مسلحون اليوم موقعا للجيش في بلدة خاش في إيران. وأعلن الجيش مقتل 7 من المهاجمين.",
     ("Battles", "Unidentified Armed Group", "Military Forces of Iran")),
    # a group that claims an attack on the army is its attacker
    ("قتل جنديان اليوم في هجوم على موقع للجيش في بلدة خاش في إيران. وأعلن جيش العدل مسؤوليته عن الهجوم.",
     ("Battles", "Jaish al-Adl", "Military Forces of Iran")),
])
def test_the_attacked_side_claims_its_defence_not_the_attack(kb, body, expected):
    ev = _one(kb, body)
    assert (ev["event_type"], ev["actor1"], ev["actor2"]) == expected


def test_one_riot_told_with_two_means(kb):
    # a crowd that set fire to a building and threw petrol bombs at it: one riot, at the most specific place
    ev = _one(kb, "اقتحم محتجون اليوم مبنى المحافظة في محافظة ذي قار وأضرموا النار فيه. "
                  "واشتبك المحتجون مع قوات الأمن في مدينة الناصرية وألقوا قنابل حارقة على المبنى.")
    assert (ev["event_type"], ev["location"]) == ("Riots", "Nasiriyah")


@pytest.mark.parametrize("text,expected", [
    # a lede that opens with the headline's words and runs on repeats the headline: the village it names
    # is where the strike fell, not the city the headline named
    ("قصف أوكراني على كورسك يقتل 3 مدنيين\nقصف أوكراني على كورسك يقتل 3 مدنيين بعدما أعلنت السلطات المحلية "
     "اليوم مقتل ثلاثة مدنيين وإصابة خمسة آخرين جراء قصف أوكراني على بلدة ريلسك في المنطقة.\n",
     [("Ryl’sk", 3)]),
    # a body that does not repeat the headline keeps its own reading
    ("قصف أوكراني على كورسك يقتل 3 مدنيين\nأعلن حاكم منطقة كورسك اليوم مقتل ثلاثة مدنيين جراء قصف أوكراني على مدينة "
     "كورسك.\n", [("Kursk", 3)]),
])
def test_headline_repeated_at_the_start_of_the_lede(kb, text, expected):
    assert [(e["location"], e["fatalities"]) for e in _article(kb, text)] == expected


@pytest.mark.parametrize("body,expected", [
    # the men of a group named in the construct (مسلحو جماعة X) or after "من" before their verb (SVO) are X
    ("هاجم مسلحو جماعة نصرة الإسلام والمسلمين أمس قاعدة للجيش المالي في مدينة تمبكتو وقتلوا 20 جنديا.",
     ("Battles", "JNIM", "Military Forces of Mali")),
    ("قال مسؤولون إن عناصر من بوكو حرام قتلوا 40 قرويا أمس في ولاية بورنو النيجيرية.",
     ("Violence against civilians", "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad", "Civilians (Nigeria)")),
    # members of a force told as killed and wounded stay the victims
    ("استشهد ضابط ومجند من القوات المسلحة المصرية وأصيب 3 آخرون اليوم في انفجار عبوة ناسفة في مدينة العريش.",
     ("Explosions/Remote violence", "Unidentified Armed Group", "Military Forces of Egypt")),
])
def test_a_groups_men_before_or_after_their_verb(kb, body, expected):
    ev = _one(kb, body)
    assert (ev["event_type"], ev["actor1"], ev["actor2"]) == expected


@pytest.mark.parametrize("body,fatalities", [
    # the deaths a crowd denounces are another incident's, though its word is also a protest word
    ("فرقت الشرطة بالغاز المسيل للدموع أمس مئات المحتجين في مدينة الأبيض الذين خرجوا تنديدا بمقتل خمسة متظاهرين "
     "في مدينة الفاشر.", None),
    # the protest's own dead stay its toll
    ("قتل متظاهران أمس برصاص الشرطة خلال احتجاجات في مدينة الأبيض.", 2),
])
def test_the_deaths_a_crowd_denounces_are_not_its_toll(kb, body, fatalities):
    assert _one(kb, body)["fatalities"] == fatalities


@pytest.mark.parametrize("body,location", [
    # a definite word after a definite feature word is its adjective (the tribal area), not a village
    ("قتل 5 جنود في هجوم على نقطة تفتيش في المنطقة القبلية الباكستانية اليوم.", None),
    # after an indefinite feature word the same word names the village
    ("قتل 5 جنود في هجوم على نقطة تفتيش في منطقة القبلية في باكستان اليوم.", "Qabula"),
    # a name the gazetteer holds with its feature word stays that place
    ("انفجرت عبوة ناسفة في المنطقة الخضراء ببغداد اليوم.", "Green Zone"),
])
def test_an_adjective_of_a_definite_area_is_no_village(kb, body, location):
    assert _one(kb, body)["location"] == location


@pytest.mark.parametrize("body,locations", [
    # the names after "the two young men" are people, the second one too (وبشار is no Béchar)
    ("قتل مسلحون مجهولون مساء أمس الشابين محمد الحريري وبشار المحاميد بإطلاق النار عليهما في بلدة المسيفرة "
     "بريف درعا الشرقي.", ["Al Musayfirah"]),
    # a place a person word only opens (كفر الشيخ، جبل الشيخ) stays a place, and so do the towns listed after it
    ("خرجت مظاهرات اليوم في مدن كفر الشيخ والسويس ودمياط.", ["Damietta", "Kafr ash Shaykh", "Suez"]),
    # a name stops at a place with "in" glued to it
    ("اغتال مسلحون مجهولون اليوم علي الكاظمي، عميد كلية العلوم والآداب بجامعة بغداد.", ["University of Baghdad (Jadiriya)"]),
])
def test_names_after_a_word_for_people_are_no_places(kb, body, locations):
    assert sorted(e["location"] for e in events(kb, body)) == locations


@pytest.mark.parametrize("body,expected", [
    # a killing told again at the same town with a day of its own, within the week, is another incident
    ("قتل مسلحون مجهولون اليوم مسؤولا حكوميا في مدينة بيشاور الباكستانية. وقتل مسلحون مجهولون وزير الزراعة في الإقليم "
     "في بيشاور في 28 أبريل الجاري.", ["2024-04-28", "2024-05-02"]),
    # the same town and no day of its own: the same incident
    ("قتل مسلحون مجهولون اليوم مسؤولا حكوميا في مدينة بيشاور الباكستانية. وقتل المسلحون المسؤول أمام منزله في بيشاور.",
     ["2024-05-02"]),
])
def test_a_killing_at_the_same_town_on_another_day(kb, body, expected):
    assert sorted(e["event_date"] for e in events(kb, body)) == expected


@pytest.mark.parametrize("body,expected", [
    # an anniversary's event goes on in a relative clause after its comma: still the remembered event
    ("أحيا أهالي بلدة قانا اليوم الذكرى الثلاثين لقصف إسرائيلي على البلدة عام 1994، والذي أدى إلى مقتل عشرات المدنيين.", []),
    # a new event after the reason's comma is the protest's own
    ("تظاهر المئات اليوم في مدينة صيدا احتجاجا على مقتل شاب، وفرقتهم الشرطة بالقوة.",
     [("Protests", "Sidon")]),
])
def test_a_reason_told_on_in_a_relative_clause(kb, body, expected):
    assert [(e["event_type"], e["location"]) for e in events(kb, body)] == expected


@pytest.mark.parametrize("body,fatalities", [
    # a count between the idiom's verb and its singular pronoun is the toll (لقي 12 مدنيا مصرعه), brackets or not
    ("لقي 14 مدنيا مصرعه في قصف مدفعي على مدينة كادقلي اليوم.", 14),
    ("لقي (9) أشخاص مصرعه في قصف مدفعي على مدينة كادقلي اليوم.", 9),
    # one victim named by the singular idiom alone stays one
    ("لقي شاب مصرعه في قصف مدفعي على مدينة كادقلي اليوم.", 1),
])
def test_the_count_before_a_singular_death_idiom(kb, body, fatalities):
    assert _one(kb, body)["fatalities"] == fatalities


@pytest.mark.parametrize("body,expected", [
    # an aircraft in construct with its owner, before the strikes it launched: the owner struck
    ("شنت مقاتلات التحالف العربي اليوم غارتين على مواقع للحوثيين في مديرية صرواح بمأرب.",
     ("Saudi-led Coalition", "Ansar Allah (Houthis)")),
    # a force that announces its own men killed was hit, it did not strike
    ("أعلن الجيش المالي مقتل خمسة من جنوده في كمين قرب مدينة تمبكتو.", (None, "Military Forces of Mali")),
    # … unlike one that announces the enemies it killed
    ("أعلن الجيش المالي مقتل خمسة من المسلحين في اشتباك قرب مدينة تمبكتو.", ("Military Forces of Mali", None)),
])
def test_weapon_owners_and_announcers_of_their_own_dead(kb, body, expected):
    ev = _one(kb, body)
    assert (ev["actor1"], ev["actor2"]) == expected


@pytest.mark.parametrize("body,locations", [
    # where a victim was coming back from is no place of the event
    ("خطف مسلحون مجهولون سائق حافلة قرب مدينة إزرع أمس أثناء عودته من دمشق.", ["Izra‘"]),
    # a city described as a capital is that city, not the country's capital
    ("قتل مسلحون مجهولون ضابطا في الشرطة بمدينة عدن العاصمة اليمنية المؤقتة اليوم.", ["Aden"]),
    # a capital named only by its country's adjective is that capital
    ("انفجرت سيارة مفخخة اليوم في العاصمة الصومالية ما أدى إلى مقتل شخصين.", ["Mogadishu"]),
])
def test_places_of_returns_and_capitals(kb, body, locations):
    assert [e["location"] for e in events(kb, body)] == locations


def test_a_trend_of_attacks_is_no_event(kb):
    evs = events(kb, "قتل مسلحون جنديا اليوم في مدينة جوهر. ولا تزال العاصمة الصومالية تشهد تصاعدا في الهجمات التي "
                     "تتبناها حركة الشباب، من تفجيرات انتحارية إلى اغتيالات فردية.")
    assert [e["location"] for e in evs] == ["Jawhar"]


@pytest.mark.parametrize("body,sub_event_type", [
    # what the subject underwent (تعرض … للخطف) names the event, not the attack it was abducted in
    ("تعرض أربعة من عمال الإغاثة للخطف إثر مهاجمة سيارتهم من قبل مسلحين قرب مدينة أوباري اليوم.",
     "Abduction/forced disappearance"),
    ("تعرضت بلدة كفرشوبا لقصف مدفعي إسرائيلي اليوم.", "Shelling/artillery/missile attack"),
    # "تعرض" alone is an attack
    ("تعرض حاجز للجيش لهجوم مسلح قرب مدينة درنة اليوم.", "Armed clash"),
])
def test_what_was_undergone_names_the_event(kb, body, sub_event_type):
    assert _one(kb, body)["sub_event_type"] == sub_event_type


@pytest.mark.parametrize("body,expected", [
    # a raid and the fighters who confronted it, told in the next sentence: one armed clash
    ("اقتحمت قوة من جيش الاحتلال فجر اليوم أطراف بلدة قباطية. وتصدى مسلحون للقوة المقتحمة وأطلقوا النار تجاهها.",
     ("Battles", "Military Forces of Israel", "Unidentified Armed Group")),
    # a raid no one fought stays a raid
    ("اقتحمت قوة من جيش الاحتلال فجر اليوم أطراف بلدة قباطية وداهمت عدة منازل.",
     ("Strategic developments", "Military Forces of Israel", None)),
])
def test_a_raid_fought_by_gunmen_is_a_clash(kb, body, expected):
    ev = _one(kb, body)
    assert (ev["event_type"], ev["actor1"], ev["actor2"]) == expected


@pytest.mark.parametrize("body,fatalities", [
    # "اغتال" kills the one it names
    ("اغتال مسلحون مجهولون اليوم موظفا في بلدية مدينة الضالع.", 1),
    ("اغتال مسلحون اليوم ثلاثة عناصر من الشرطة في مدينة درعا.", 3),
    # an attempt told by its verb kills no one by itself …
    ("حاول مسلحون اليوم اغتيال ضابط في مدينة درعا.", None),
    # … and an attempt to infiltrate does not cancel the toll of the clash it set off
    ("اندلعت اشتباكات اليوم قرب مدينة منبج إثر محاولة تسلل، وأسفرت عن مقتل ثلاثة من المسلحين.", 3),
])
def test_assassinations_and_attempts(kb, body, fatalities):
    assert _one(kb, body)["fatalities"] == fatalities


@pytest.mark.parametrize("body,expected", [
    # the dead of each side of one clash add up, in one sentence …
    ("قتل 4 من مسلحي الحوثي فيما قتل جنديان في مواجهات بمديرية صرواح اليوم.",
     (6, "Ansar Allah (Houthis)", "Military Forces of Yemen")),
    # … or told in the next one
    ("اندلعت مواجهات بين الجيش والحوثيين في مديرية صرواح اليوم أسفرت عن مقتل خمسة من الحوثيين. وقتل جنديان في المواجهات.",
     (7, "Military Forces of Yemen", "Ansar Allah (Houthis)")),
    # the same side's dead told twice are not added
    ("اندلعت مواجهات بين الجيش والحوثيين في مديرية صرواح اليوم أسفرت عن مقتل خمسة من الحوثيين. وقتل خمسة من مسلحي الحوثي في المواجهات.",
     (5, "Military Forces of Yemen", "Ansar Allah (Houthis)")),
    ("قتل جنديان في مواجهات مع الحوثيين في مديرية صرواح اليوم. وقال مصدر عسكري إن جنديين قتلا في المواجهات.",
     (2, "Ansar Allah (Houthis)", "Military Forces of Yemen")),
])
def test_the_dead_of_both_sides_of_a_clash(kb, body, expected):
    ev = _one(kb, body)
    assert (ev["fatalities"], ev["actor1"], ev["actor2"]) == expected


def test_a_toll_opening_a_sentence_is_not_the_previous_event(kb):
    evs = events(kb, "قتل ثلاثة مدنيين في قصف على مدينة تعز اليوم. وقتل 4 من مسلحي الحوثي فيما قتل جنديان في مواجهات "
                     "بمديرية صرواح اليوم.")
    assert sorted((e["fatalities"], e["event_type"]) for e in evs) == [(3, "Explosions/Remote violence"), (6, "Battles")]


@pytest.mark.parametrize("body,expected", [
    # strikes counted on one day the clause names are that day's event at the district, not a tally
    ("شن طيران التحالف ثلاث غارات على مديرية نهم صباح اليوم.", ("event", "Air/drone strike")),
    # counted over a period they stay a tally
    ("شن طيران التحالف ثلاث غارات على مديرية نهم منذ مطلع الشهر.", ("tally", None)),
])
def test_strikes_of_one_named_day_are_an_event(kb, body, expected):
    recs = [r for r in _records(kb, "تقرير\nمتابعة\n" + body) if r["kind"] in ("event", "tally")]
    assert [(r["kind"], r.get("sub_event_type")) for r in recs][:1] == [expected]


@pytest.mark.parametrize("body,expected", [
    # an event noun as the predicate of 'was' says what something was: no event
    ("أحيا سكان مدينة الفلوجة اليوم ذكرى المعركة، وقال رئيس البلدية إن ما حدث كان هجوما على المدينة كلها.", []),
    # a told event in the pluperfect (كانت … قد) is still an event
    ("وكانت غارة جوية قد استهدفت بلدة عيترون اليوم.", ["Air/drone strike"]),
])
def test_an_event_noun_after_was_is_a_predicate(kb, body, expected):
    assert [e["sub_event_type"] for e in events(kb, body)] == expected


@pytest.mark.parametrize("body,expected", [
    # a series of killings at a town over a span of years is a summary beside today's killing
    ("اغتال مسلحون اليوم موظفا في مدينة الشحر. وتشهد المكلا منذ أكثر من عامين عمليات اغتيال تستهدف الضباط.",
     [("Attack", 1)]),
    # one killing of today at the town stays an event
    ("وتشهد المكلا اليوم عملية اغتيال جديدة طالت موظفا في البلدية.", [("Attack", 1)]),
])
def test_plural_operations_over_a_span_are_a_summary(kb, body, expected):
    assert [(e["sub_event_type"], e["fatalities"]) for e in events(kb, body)] == expected


@pytest.mark.parametrize("body,expected", [
    # gunmen who storm a town and execute people: an attack on civilians with its dead
    ("اقتحم مسلحو حركة الشباب بلدة بلدوين فجر اليوم وأعدموا أربعة مدنيين.", ("Attack", 4)),
    # an officer and a conscript: two dead, each a singular noun
    ("قتل ضابط ومجند اليوم في انفجار عبوة ناسفة استهدفت مدرعة للجيش في مدينة العريش.", ("Remote explosive/landmine/IED", 2)),
])
def test_executions_and_singular_victims(kb, body, expected):
    ev = _one(kb, body)
    assert (ev["sub_event_type"], ev["fatalities"]) == expected


@pytest.mark.parametrize("body,expected", [
    # tear-gas canisters are no roadside bomb
    ("أصيب متظاهر بعبوات الغاز المسيل للدموع أمام مبنى البرلمان في مدينة الخرطوم اليوم.", None),
    # a roadside bomb still is one
    ("انفجرت عبوة ناسفة اليوم على طريق في مدينة الخرطوم.", "ied"),
])
def test_tear_gas_canisters_are_no_ied(kb, body, expected):
    assert [e["weapon"] for e in events(kb, body)][:1] == [expected]


@pytest.mark.parametrize("body,expected", [
    # "the fall of Mosul", with a definite verbal noun before a verb: analysis, nobody killed, nothing hit
    ("ويرى محللون أن عمليات الاغتيال تزايدت بعد سقوط الموصل واستهدفت قادة العشائر.", []),
    # a shell falling on a town is an event
    ("أصيب طفلان جراء سقوط قذيفة على حي في مدينة الموصل اليوم.", [("Shelling/artillery/missile attack", None)]),
    # the assassination of one man named by his title is one dead
    ("اغتيال نائب رئيس البلدية اليوم برصاص مسلحين في مدينة الموصل.", [("Attack", 1)]),
])
def test_the_fall_of_a_city_and_a_trend(kb, body, expected):
    assert [(e["sub_event_type"], e["fatalities"]) for e in events(kb, body)] == expected


@pytest.mark.parametrize("body,expected", [
    # protesters who pull back after being dispersed hand over no territory
    ("فرقت الشرطة المتظاهرين بالغاز المسيل للدموع في ساحة التحرير ببغداد اليوم، فانسحبوا إلى الشوارع المجاورة.",
     ["Protest with intervention"]),
    # an armed group that withdraws from a town does
    ("انسحبت قوات الدعم السريع اليوم من مدينة الدندر بعد أسابيع من السيطرة عليها.", ["Non-violent transfer of territory"]),
])
def test_a_crowd_withdrawing_is_no_territory(kb, body, expected):
    assert [e["sub_event_type"] for e in events(kb, body)] == expected


@pytest.mark.parametrize("body,expected", [
    # a drone "belonging to" a force is that force's strike, and the day between it and the victims is skipped
    ("قتلت طائرة مسيرة تابعة لقوات الدعم السريع، يوم أمس، 9 مدنيين داخل سوق في مدينة الأبيض.",
     ("Rapid Support Forces", 9)),
    ("قتلت طائرة مسيرة تابعة لقوات الدعم السريع 9 مدنيين داخل سوق في مدينة الأبيض أمس.", ("Rapid Support Forces", 9)),
    # the subject of the first verb does the coordinated second one
    ("دخلت قوات الدعم السريع مدينة الحصاحيصا صباح اليوم وقتلت ثلاثة رجال.", ("Rapid Support Forces", 3)),
])
def test_the_owner_of_a_weapon_and_the_first_verbs_subject_act(kb, body, expected):
    ev = _one(kb, body)
    assert (ev["actor1"], ev["fatalities"]) == expected


def test_a_running_total_after_the_days_toll(kb):
    body = ("اندلعت اشتباكات عنيفة مساء اليوم في مخيم عين الحلوة بين مسلحين من حركة فتح ومجموعات إسلامية. وأسفرت "
            "الاشتباكات عن سقوط 4 قتلى و7 جرحى، ما يرفع العدد الإجمالي منذ اندلاعها يوم السبت الماضي إلى 11 قتيلا و50 جريحا.")
    recs = _records(kb, "تقرير\nمتابعة\n" + body)
    ev = [r for r in recs if r["kind"] == "event"]
    assert [(e["fatalities"], e["injuries"]) for e in ev] == [(4, 7)]
    assert sorted(r["count"] for r in recs if r["kind"] == "tally") == [11, 50]


def test_a_day_that_ends_a_sentence_and_one_that_opens_the_next_are_two_days(kb):
    from datetime import date
    evs = events(kb, "أصيب طفل بقذيفة سقطت على حي في مدينة تعز اليوم الأحد. والسبت قتلت امرأة بقصف على مديرية مقبنة.",
                 date(2021, 12, 12))
    assert sorted((e["event_date"], e["time_precision"]) for e in evs) == [("2021-12-11", 1), ("2021-12-12", 1)]


@pytest.mark.parametrize("body,expected", [
    # "said that its fighters shelled": a claim, like "said that it shelled"
    ("وقال حزب الله إن مقاتليه قصفوا اليوم تجمعا للجنود في محيط موقع المطلة.", ["Hezbollah"]),
    # a plural verb with no subject goes on with the doers of the event before it
    ("وقال حزب الله إن مقاتليه قصفوا اليوم تجمعا للجنود في محيط موقع المطلة. كما قصفوا تجمعا آخر في محيط ثكنة برانيت.",
     ["Hezbollah", "Hezbollah"]),
    # (a singular verb with its own subject keeps it)
    ("قال حزب الله إن مقاتليه قصفوا اليوم موقع المطلة. وقصفت المدفعية الإسرائيلية بلدة الخيام.",
     ["Hezbollah", "Military Forces of Israel"]),
])
def test_own_fighters_claim_and_plural_verbs_go_on(kb, body, expected):
    assert [e["actor1"] for e in events(kb, body)] == expected



@pytest.mark.parametrize("body,location", [
    # a place the gazetteer names with its article, written without it after a feature word
    ("انفجرت عبوة ناسفة اليوم على دورية للجيش العراقي في منطقة مطيبيجة بمحافظة صلاح الدين.", "Mutaibija"),
    # with its article, as ever
    ("انفجرت عبوة ناسفة اليوم على دورية للجيش العراقي في منطقة المطيبيجة بمحافظة صلاح الدين.", "Mutaibija"),
])
def test_a_name_written_without_its_article(kb, body, location):
    assert _one(kb, body)["location"] == location


@pytest.mark.parametrize("body,expected", [
    # "weeks ago" with no number: at least three weeks, an old event told as background
    ("هاجم مسلحو حركة الشباب اليوم قاعدة للجيش في بلدة جوهر. وقبل أسابيع هاجم مسلحو الحركة قاعدة للجيش في بلدة أفجوي.",
     [("Battles", "Jawhar")]),
    # "a week ago" is still this week's news
    ("هاجم مسلحو حركة الشباب قبل أسبوع قاعدة للجيش في بلدة أفجوي.", [("Battles", "Afgooye")]),
])
def test_weeks_ago_is_background_and_a_base_is_attacked(kb, body, expected):
    assert [(e["event_type"], e["location"]) for e in events(kb, body)] == expected


@pytest.mark.parametrize("body,expected", [
    # "passed away" (قضوا نحبهم) counts the dead
    ("قال متحدث عسكري اليوم إن 9 جنود قضوا نحبهم عندما هاجم مسلحون قاعدة عسكرية في مدينة دوري في بوركينا فاسو.",
     ("Battles", "Unidentified Armed Group", 9)),
    # the nationality of the shells names who fired them
    ("قتل رجل عندما سقطت قذائف روسية على بلدة في مقاطعة سومي اليوم.",
     ("Explosions/Remote violence", "Military Forces of Russia", 1)),
    # gunmen "suspected of belonging to" a group: that group did it
    ("قالت الشرطة إن مسلحين يشتبه في انتمائهم لجماعة بوكو حرام قتلوا 7 أشخاص اليوم في مدينة مايدوغوري.",
     ("Violence against civilians", "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad", 7)),
    # a denied killing adds no one
    ("قتل الجيش 40 مسلحا في اشتباكات اليوم في مدينة بحر دار، لكن متحدثا باسم المسلحين قال إن الجيش لم يقتل حتى 10.",
     ("Battles", "Military Forces of Ethiopia", 40)),
    # Colombia's ELN and Nigeria's bandits are known actors
    ("قتل أربعة جنود اليوم في هجوم شنه جيش التحرير الوطني على دورية في مدينة كوكوتا.",
     ("Battles", "ELN: National Liberation Army", 4)),
    ("هاجم قطاع الطرق اليوم قرية قرب مدينة كاتسينا وقتلوا خمسة أشخاص.", ("Violence against civilians", "Criminal Gangs", 5)),
])
def test_more_ways_to_name_killers_and_the_dead(kb, body, expected):
    ev = _one(kb, body)
    assert (ev["event_type"], ev["actor1"], ev["fatalities"]) == expected


@pytest.mark.parametrize("body,expected", [
    # a police statement of a blast, then the group that claimed it: the claimant did it
    ("أعلنت الشرطة الصومالية عن انفجار سيارة مفخخة في مقديشو اليوم أدى إلى مقتل 6 أشخاص، وأعلنت حركة الشباب مسؤوليتها عن الهجوم.",
     ("Al-Shabaab", 6)),
    # one more dead told with "also" adds to the event before (the gunmen who lost men are the second side: the
    # forces they exchanged fire "with" are actor1, as ACLED codes an encounter)
    ("قتل ثلاثة مسلحين اليوم في تبادل لإطلاق النار مع قوات الأمن في مدينة سريناغار. وقال متحدث باسم الجيش إن جنديا قتل أيضا.",
     ("Police Forces of India", 4)),
])
def test_the_claimant_after_a_report_and_also_killed(kb, body, expected):
    ev = _one(kb, body)
    assert (ev["actor1"], ev["fatalities"]) == expected


@pytest.mark.parametrize("body,expected", [
    # "raids" by the police that arrest people are no air strikes
    ("شنت الشرطة الهندية اليوم غارات على منازل في مدينة سريناغار واعتقلت 9 شبان.", "Arrests"),
    # strikes by the air force stay air strikes
    ("شن الطيران الحربي اليوم غارات على بلدة سرمين في ريف إدلب.", "Air/drone strike"),
])
def test_police_raids_are_no_air_strikes(kb, body, expected):
    assert _one(kb, body)["sub_event_type"] == expected


@pytest.mark.parametrize("body,expected", [
    # the strike named again with the day it happened in a relative clause: one event, on that day
    ("أسفرت غارة جوية شنها الجيش، اليوم الأحد، على مدرسة في مدينة سيتوي عن مقتل 7 أشخاص. وأشارت التقارير إلى أن 9 آخرين "
     "أصيبوا في الغارة التي وقعت ليلة أمس السبت.", [("2024-03-30", 7, 9)]),
    # a toll of another day told without naming the event again is another incident
    ("أسفرت غارة جوية شنها الجيش، اليوم الأحد، على مدرسة في مدينة سيتوي عن مقتل 7 أشخاص. وأصيب 9 آخرون أمس السبت في قصف.",
     [("2024-03-30", None, 9), ("2024-03-31", 7, None)]),
])
def test_the_day_of_the_event_named_again(kb, body, expected):
    from datetime import date
    evs = events(kb, body, date(2024, 3, 31))
    assert sorted((e["event_date"], e["fatalities"], e["injuries"]) for e in evs) == expected


@pytest.mark.parametrize("body,expected", [
    # "a Ukrainian shelling" in the accusative is spelled like Ukraine: who fired, not where
    ("قال مسؤول روسي إن قصفا أوكرانيا أصاب ثلاثة أشخاص اليوم في مدينة بيلغورود.", ("RU", "Military Forces of Ukraine")),
    # Ukraine named as where the strike fell stays the place
    ("قتل شخصان في قصف روسي على مدينة خاركيف في أوكرانيا اليوم.", ("UA", "Military Forces of Russia")),
])
def test_an_accusative_nisba_spelled_like_a_country(kb, body, expected):
    ev = _one(kb, body)
    assert (ev["country_code"], ev["actor1"]) == expected


@pytest.mark.parametrize("body,fatalities", [
    # the dead of the event the clause is dated against (غداة …) are that event's, not this one's (that recent
    # incident, a day before at a place of its own, is an event too: test_recent_incidents_told_beside_the_news)
    ("قتل جنديان اليوم في انفجار عبوة في مدينة الرمادي، غداة هجوم أسفر عن مقتل خمسة أشخاص في مدينة الفلوجة.", [2, 5]),
    # the anchor in front of the clause leaves its toll alone
    ("غداة الهجوم على الفلوجة، قتل ثلاثة جنود اليوم في انفجار عبوة في مدينة الرمادي.", [3]),
])
def test_the_toll_of_the_anchoring_event_is_not_this_ones(kb, body, fatalities):
    assert [e["fatalities"] for e in events(kb, body)] == fatalities


def test_an_event_told_after_a_day_after_is_a_day_earlier(kb):
    from datetime import date
    evs = events(kb, "قتل 4 أشخاص اليوم في انفجار بمسجد في مدينة قندوز. ويأتي ذلك بعد يوم من مقتل 11 شخصا في انفجار بمسجد "
                     "في مدينة مزار شريف.", date(2024, 5, 2))
    assert sorted((e["event_date"], e["fatalities"]) for e in evs) == [("2024-05-01", 11), ("2024-05-02", 4)]


@pytest.mark.parametrize("body,expected", [
    # a member of parliament shot by gunmen: one dead, an attack on a civilian official, not a battle
    ("قتل مسلحون نائبا في البرلمان الصومالي اليوم في مقديشو عندما أطلقوا النار على سيارته.",
     ("Violence against civilians", "Unidentified Armed Group", 1)),
])
def test_a_member_of_parliament_killed(kb, body, expected):
    ev = _one(kb, body)
    assert (ev["event_type"], ev["actor1"], ev["fatalities"]) == expected
