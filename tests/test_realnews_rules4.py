"""Rules found by reading real reports (bench/realnews, the probes), fourth batch, each on sentences written
for this test: (sentence, what a careful coder expects). Negative rows keep the reading the rule must not break."""

from __future__ import annotations

from datetime import date

import pytest

from rasd.document import from_text
from rasd.pipeline import extract
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


@pytest.mark.parametrize("body,expected", [
    # the town of the hospital the wounded were taken to is no place of the attack
    ("قتل جندي اليوم بهجوم لمسلحين على حاجز في بلدة الحراك، ونقل جريح آخر إلى المستشفى الوطني في مدينة درعا.",
     ["Al Ḩirāk"]),
    # a hospital that was hit is the place
    ("قصفت طائرات مستشفى في مدينة درعا اليوم ما أدى إلى مقتل ثلاثة.", ["Dar‘ā"]),
    # capitals that speak are governments, the second of a pair as much as the first
    ("قصفت المدفعية الإيرانية اليوم قرى حدودية في محافظة أربيل، فيما تزعم أنقرة وطهران أنهما تلاحقان مسلحين أكرادا.",
     ["Erbil"]),
    # an everyday word whose first letters read as "in/like" is no place: كمينا (ambush) is not ك + Minna,
    # فبادر (took the initiative) is not ف + ب + Adir
    ("نصب مسلحون كمينا لدورية عسكرية في مديرية أحور اليوم.", ["Ahwar"]),
    ("داهمت قوة أمنية اليوم منزلا في مدينة جرش، فبادر المطلوب بإطلاق النار على القوة.", ["Jarash"]),
    # … while a real place after the clitic stays: "وسوريا", "والميادين"
    ("قصفت طائرات مجهولة اليوم مدينة البوكمال والميادين شرق سوريا.", ["Albu Kamal", "Al-Mayadin"]),
    # "near a headquarters" is no town Muqur; border villages in a province are in it
    ("فجر انتحاري نفسه قرب مقر للشرطة في مدينة بيشاور بإقليم خيبر بختونخوا الحدودي مع أفغانستان اليوم.", ["Peshawar"]),
    ("قصفت المدفعية الإيرانية اليوم قرى حدودية في محافظة أربيل.", ["Erbil"]),
    ("قتل جنديان في هجوم قرب الحدود مع سوريا اليوم في محافظة المفرق الأردنية.", ["Mafraq"]),
    # a famous name is no town: عمران خان is not ‘Amran
    ("قال المتحدث إن أنصار حزب عمران خان رشقوا الشرطة بالحجارة في مدينة لاهور الباكستانية اليوم.", ["Lahore"]),
])
def test_places_that_are_not_the_incidents(kb, body, expected):
    assert [e["location"] for e in events(kb, body)] == expected


@pytest.mark.parametrize("body,expected", [
    # an undated part of a sentence goes to its own sentence's event, not an earlier one of the same day
    ("قتل أربعة جنود اليوم في هجوم لتنظيم القاعدة على حاجز أمني قرب مدينة عتق. وفي محافظة أبين نصب مسلحو "
     "القاعدة كمينا لدورية عسكرية في مديرية أحور، ما أسفر عن مقتل جنديين، فيما اختطف المسلحون جنديا آخر.",
     [("Armed clash", "Al-Qaeda", 4), ("Armed clash", "Al-Qaeda", 2)]),
    # people killed and others abducted: an attack (ACLED), not an abduction
    ("قتل مسلحون 30 مزارعا وخطفوا خمسة آخرين في حقل قرب بلدة دامبوا بولاية بورنو النيجيرية اليوم.",
     [("Attack", "Unidentified Armed Group", 30)]),
    ("خطف مسلحون خمسة مزارعين في حقل قرب بلدة دامبوا بولاية بورنو النيجيرية اليوم.",
     [("Abduction/forced disappearance", "Unidentified Armed Group", None)]),
    # armed men killed, then one arrested: a fight, not arrests
    ("قتلت قوات الأمن أمس ثلاثة إرهابيين واعتقلت رابعا في ولاية بشار الجزائرية.",
     [("Armed clash", "Police Forces of Algeria", 3)]),
    # arrests of people accused of a killing are arrests, and the charge's toll is no toll
    ("اعتقلت الشرطة أمس ثلاثة متهمين بقتل شرطي في مدينة البصرة.", [("Arrests", "Police Forces of Iraq", None)]),
])
def test_which_event_a_sentence_tells(kb, body, expected):
    assert [(e["sub_event_type"], e["actor1"], e["fatalities"]) for e in events(kb, body)] == expected


@pytest.mark.parametrize("body,expected", [
    # burning tyres and barricades make a violent demonstration (ACLED)
    ("قطع محتجون اليوم طريقا رئيسيا وسط مدينة الكوت بالإطارات المحترقة احتجاجا على انقطاع الكهرباء.", "Violent demonstration"),
    ("أشعل المتظاهرون الإطارات في مدينة الكوت اليوم احتجاجا على انقطاع الكهرباء.", "Violent demonstration"),
    ("تظاهر المئات اليوم في مدينة الكوت احتجاجا على انقطاع الكهرباء.", "Peaceful protest"),
    # a bomb with no aircraft is an explosive, an air-dropped one a strike
    ("استهدفت قنبلة سيارة للشرطة صباح اليوم في مدينة كابل الأفغانية، ما تسبب بإصابة ثلاثة عناصر.",
     "Remote explosive/landmine/IED"),
    ("قصفت روسيا مدينة خاركيف الأوكرانية اليوم بقنبلة جوية موجهة، ما أدى إلى مقتل ثلاثة مدنيين.", "Air/drone strike"),
])
def test_sub_event_types_of_real_wording(kb, body, expected):
    assert [e["sub_event_type"] for e in events(kb, body)] == [expected]


@pytest.mark.parametrize("body,expected", [
    # a man and his guard (driver) are two victims
    ("قتل انتحاري قائد شرطة المدينة وحارسه الشخصي في مدينة كويتا الباكستانية اليوم.", (2, "Police Forces of Pakistan")),
    ("قتل مسلحون القاضي وسائقه في مدينة كويتا الباكستانية اليوم.", (2, "Civilians (Pakistan)")),
    # police officers and police conscripts are the police, not the army
    ("أصيب ضابط و6 جنود من قوات الشرطة اليوم إثر انفجار عبوة ناسفة بمدرعتهم في مدينة العريش.", (None, "Police Forces of Egypt")),
    ("قتل مسلحون ضابط شرطة في مدينة البصرة أمس.", (1, "Police Forces of Iraq")),
    ("قتل مسلحون ضابطا في الجيش في مدينة البصرة أمس.", (1, "Military Forces of Iraq")),
])
def test_victims_by_role(kb, body, expected):
    assert [(e["fatalities"], e["actor2"]) for e in events(kb, body)] == [expected]


def test_a_day_after_the_agency_is_the_reports(kb):
    evs = events(kb, "تعرضت دورية للشرطة لإطلاق نار في مدينة زاهدان الإيرانية مساء الخميس. وقال نائب قائد الشرطة إن الهجوم "
                     "أدى إلى إصابة ضابط شرطة، وفقا لوكالة مهر اليوم الجمعة.", date.fromisoformat("2025-10-03"))
    assert [(e["event_date"], e["injuries"]) for e in evs] == [("2025-10-02", 1)]


@pytest.mark.parametrize("body,expected", [
    # the parent named after a group describes it: the group did it, claimed it, and the victims follow
    ("قتل مسلحون من حركة الشباب المتصلة بتنظيم القاعدة خمسة جنود في هجوم قرب مدينة جوهر الصومالية اليوم.",
     [("Al-Shabaab", "Military Forces of Somalia", 5)]),
    ("وكانت حركة الشباب المرتبطة بتنظيم القاعدة أعلنت مسؤوليتها عن تفجير في مدينة مقديشو اليوم.", [("Al-Shabaab", None, None)]),
    # … but the group alone, as a victim, stays itself
    ("قتل خمسة من عناصر تنظيم القاعدة في غارة أمريكية قرب مدينة جوهر الصومالية اليوم.",
     [("Military Forces of the United States", "Al-Qaeda", 5)]),
    # SVO after "that": a verb spelled like a passive with its object after it is active
    ("قالت منظمة حقوقية إن الجيش الموزمبيقي قتل 9 صيادين قرب مدينة بيمبا يوم الاثنين.",
     [("Military Forces of Mozambique", "Fishermen", 9)]),
    # soldiers killed with civilians in an attack by gunmen: the fight is with the state's forces
    ("أعلن الجيش مقتل ثلاثة جنود وأربعة مدنيين في هجوم لمسلحين على بلدة جيبو في بوركينا فاسو اليوم.",
     [("Unidentified Armed Group", "Military Forces of Burkina Faso", 7)]),
])
def test_actors_past_descriptions_and_word_order(kb, body, expected):
    assert [(e["actor1"], e["actor2"], e["fatalities"]) for e in events(kb, body, date.fromisoformat("2024-03-09"))] == expected


@pytest.mark.parametrize("body,expected", [
    # a bare city name that is its province's, with a district of that province after it, names the province
    ("وفي كركوك أصيب جنديان اليوم بانفجار عبوة ناسفة في قضاء الدبس.", ["Dibis"]),
    ("وفي إدلب قتل ثلاثة مدنيين اليوم بقصف على بلدة سرمين.", ["Sarmīn"]),
    # … but a city listed beside a town stays a place of its own
    ("قصفت الطائرات مدينة إدلب وبلدة سرمين اليوم.", ["Idlib", "Sarmīn"]),
    # the settlers of a settlement attack elsewhere
    ("هاجم مستوطنو يتسهار اليوم منازل المواطنين في بلدة عوريف جنوب نابلس.", ["‘Ūrīf"]),
])
def test_where_a_named_place_only_locates_another(kb, body, expected):
    assert [e["location"] for e in events(kb, body)] == expected


@pytest.mark.parametrize("body,expected", [
    # "one of them" killed, "the other" wounded
    ("هاجم مجهولون اليوم عنصرين من الشرطة في مدينة طفس، مما أدى إلى مقتل أحدهما وإصابة الآخر.", (1, 1)),
    ("وأدت الضربة على بلدة كفرا اليوم إلى مقتل شخصين أحدهما مدني.", (2, None)),
])
def test_one_of_them(kb, body, expected):
    assert [(e["fatalities"], e["injuries"]) for e in events(kb, body)] == [expected]


@pytest.mark.parametrize("body,expected", [
    # a feminine verb opening its clause, with no subject named, goes on with the forces told before
    ("اقتحمت قوات الاحتلال بلدة عزون اليوم، فيما اعتقلت فتى من بلدة جيوس.",
     [("Military Forces of Israel", "‘Azzūn"), ("Military Forces of Israel", "Jayyūs")]),
    ("هاجم مستوطنو يتسهار اليوم منازل المواطنين في بلدة عوريف.", [("Settlers (Israel)", "‘Ūrīf")]),
])
def test_doers_carried_to_the_next_clause(kb, body, expected):
    assert [(e["actor1"], e["location"]) for e in events(kb, body)] == expected


def test_a_wordlike_city_without_a_preposition_names_no_country(kb):
    # "رمز الخبر" (the news item's code) in a page header is no vote for Saudi Arabia's Khobar
    evs = events(kb, "رمز الخبر: 36612\nقالت مصادر أمنية امس إن أربعة من قوات الأمن قتلوا في هجوم بالرصاص قرب نقطة تفتيش "
                     "بمنطقة القسيمة في محافظة شمال سيناء.")
    assert [e["country_code"] for e in evs] == ["EG"]


@pytest.mark.parametrize("body,expected", [
    # scattered clashes in named towns are clashes at each town; a province named like its city is a list item
    ("اندلعت يوم الخميس مواجهات متفرقة في القصرين وفريانة التونسية.", ["Kasserine", "Feriana"]),
    # a wave of protests over months stays a summary
    ("تشهد العاصمة العراقية بغداد موجة مظاهرات غاضبة للشهر الثاني على التوالي احتجاجا على الفساد.", []),
])
def test_scattered_clashes_at_named_towns(kb, body, expected):
    assert [e["location"] for e in events(kb, body, date.fromisoformat("2024-05-10"))] == expected


@pytest.mark.parametrize("body,expected", [
    # the accuser named by a title is no participant; the accused is the attacker
    ("انفجرت عبوة ناسفة أمس في بلدة واجير الكينية، ما أدى إلى مقتل جندي، وحمّل قائد الشرطة حركة الشباب المسؤولية.",
     ("Al-Shabaab", "Military Forces of Kenya", 1)),
    # a group's name written with a dash
    ("تعرضت مدينة كادقلي أمس لقصف مدفعي نفذته الحركة الشعبية لتحرير السودان – شمال، ما أدى إلى مقتل أربعة أشخاص.",
     ("SPLM-N (al-Hilu)", "Civilians (Sudan)", 4)),
    # the town's adjective is no attacker: "هجوم في كويتا الباكستانية"
    ("قتل 5 أشخاص في هجوم في مدينة كويتا الباكستانية أمس.", ("Unidentified Armed Group", "Civilians (Pakistan)", 5)),
    # "16 between killed and wounded": neither toll alone
    ("هاجم الحوثيون أمس مواقع الجيش في صرواح غرب مأرب، وأسفر الهجوم عن سقوط 16 بين قتيل وجريح من الطرفين.",
     ("Ansar Allah (Houthis)", "Military Forces of Yemen", None)),
])
def test_actors_and_tolls_of_probe_round_11(kb, body, expected):
    assert [(e["actor1"], e["actor2"], e["fatalities"]) for e in events(kb, body)] == [expected]


@pytest.mark.parametrize("body,pub,expected", [
    # "from the northern and eastern sides": الشرقية is a bearing, not Egypt's Sharqia
    ("قتل خمسة مدنيين في قصف مدفعي على مدينة الدلنج اليوم. وتحاصر القوات المدينة من الجهتين الشمالية والشرقية.",
     "2025-12-17", [("Dilling", "2025-12-17")]),
    # the weekend before publication (week precision)
    ("هاجم مسلحون خلال عطلة نهاية الأسبوع نقطة تفتيش للجيش في بلدة ديكوا بولاية بورنو النيجيرية وقتلوا جنديين.",
     "2024-03-05", [("Dikwa", "2024-03-02")]),
    # "this month": some day of the publication's month, known to the month only (precision 3)
    ("وقُتل 9 أشخاص هذا الشهر في تفجير انتحاري في تجمع انتخابي في مدينة كويتا الباكستانية.", "2024-03-20",
     [("Quetta", "2024-03-20", 3)]),
])
def test_bearings_and_vague_days(kb, body, pub, expected):
    evs = events(kb, body, date.fromisoformat(pub))
    assert [(e["location"], e["event_date"]) + ((e["time_precision"],) if len(expected[0]) == 3 else ()) for e in evs] == expected


@pytest.mark.parametrize("body,expected", [
    # an armed dispute between two clans is a battle of clan militias
    ("قتل شخصان اليوم في نزاع مسلح بين عشيرتين في مدينة الشحيل بريف دير الزور.", ("Armed clash", "Tribal Militia", "Al-Shuhayl")),
    # a valley named like a province is no province
    ("قتل ثلاثة جنود اليوم في هجوم في وادي عومران قرب مديرية المحفد بأبين.", ("Armed clash", None, "Al Mahfid")),
])
def test_clans_and_valleys(kb, body, expected):
    assert [(e["sub_event_type"], e["actor1"], e["location"]) for e in events(kb, body)] == [expected]


@pytest.mark.parametrize("body,pub,expected", [
    # the victim's home town is no place of the shooting; the protesters' town is theirs
    ("استشهد شاب اليوم برصاص قوات الاحتلال في مخيم بلاطة، وهو من سكان بلدة عصيرة الشمالية، ونقل إلى مستشفى في نابلس.",
     "2024-03-12", [("Balata Camp", 1)]),
    ("خرج المئات من أهالي بلدة عصيرة الشمالية في مسيرة اليوم.", "2024-03-12", [("‘Aşīrah ash Shamālīyah", None)]),
    # a headline's strikes on a city and the body's drone strike on its quarter are one incident
    ("5 شهداء في غارات على رفح\\nاستهدفت مسيرة فجر اليوم خيمة في حي تل السلطان فقتل خمسة وأصيب اثنان.", "2024-03-17",
     [("Tal al-Sultan", 5)]),
    # the suspected group of the gunmen stands between them and their victims
    ("قتل مسلحون ملثمون يعتقد أنهم من تنظيم داعش اليوم عنصرين من قوات سوريا الديمقراطية في بلدة الشحيل.", "2024-03-12",
     [("Al-Shuhayl", 2)]),
    # what is avenged keeps its day and its dead: the gang's killing is today's, 15 dead
    ("قتلت عصابة 15 شخصا في بلدة كاباريه الهايتية اليوم انتقاما لمقتل أحد قادتها في اشتباك مع الشرطة يوم 4 مارس.",
     "2025-03-09", [(None, 15)]),
])
def test_probe_round_12(kb, body, pub, expected):
    assert [(e["location"], e["fatalities"]) for e in events(kb, body.replace("\\n", "\n"), date.fromisoformat(pub))] == expected


def test_the_sides_of_what_is_answered_are_not_this_events(kb):
    evs = events(kb, "ردا على قصف إسرائيلي يوم الأحد، أطلق حزب الله اليوم صواريخ على بلدة المطلة.", date.fromisoformat("2025-03-09"))
    assert [(e["actor1"], e["event_date"]) for e in evs] == [("Hezbollah", "2025-03-09")]


def test_heavy_fire_by_settlers_is_no_shelling(kb):
    evs = events(kb, "هاجم مستوطنون مساء اليوم قرية المغير شرق رام الله، وأحرقوا منزلا وسط إطلاق كثيف للنار باتجاه الأهالي.")
    assert [(e["sub_event_type"], e["weapon"]) for e in evs] == [("Attack", "small_arms")]


@pytest.mark.parametrize("body,expected", [
    # a strike between two towns is one incident, near the first (ACLED: one location)
    ("قتل 30 شخصاً أمس عندما استهدفت مسيّرة شاحنة بين مدينتي النهود والخوي السودانيتين.", [("En Nahud", 2, 30)]),
    ("قتل 30 شخصاً أمس عندما استهدفت مسيّرة شاحنة في الطريق ما بين النهود والخوي في السودان.", [("En Nahud", 2, 30)]),
])
def test_between_two_towns_is_one_place(kb, body, expected):
    assert [(e["location"], e["geo_precision"], e["fatalities"]) for e in events(kb, body)] == expected


@pytest.mark.parametrize("body,expected", [
    # "others" killed at another place in the same sentence: the same kind of incident, by the same side
    ("قتل ثلاثة متظاهرين في مدينة مونيوا البورمية برصاص الشرطة اليوم، فيما قتل اثنان آخران في مدينة باغو.",
     [("Excessive force against protesters", "Monywa", 3), ("Excessive force against protesters", "Bago", 2)]),
    ("قتل ثلاثة أشخاص بغارة جوية روسية على بلدة سرمين اليوم، فيما أصيب خمسة آخرون في بلدة بنش.",
     [("Air/drone strike", "Sarmīn", 3), ("Air/drone strike", "Binnish", None)]),
])
def test_others_at_another_place(kb, body, expected):
    assert [(e["sub_event_type"], e["location"], e["fatalities"]) for e in events(kb, body)] == expected


def test_a_cartel_is_the_attacker(kb):
    evs = events(kb, "قتل مسلحو كارتل سينالوا 12 عنصرا من الحرس الوطني في مدينة كولياكان المكسيكية اليوم.")
    assert [(e["actor1"], e["fatalities"]) for e in evs] == [("Sinaloa Cartel", 12)]


@pytest.mark.parametrize("body,pub,expected", [
    # "no battles were recorded since the truce" is no battle
    ("وقعت اشتباكات عنيفة أمس بين متمردي حركة إم23 وميليشيات في بلدة غوما الكونغولية. ومنذ بدء تنفيذ الهدنة المبرمة "
     "في 23 نوفمبر لم تسجل معارك بين الحركة والقوات الكونغولية.", "2025-11-26", [("2025-11-25", "Goma")]),
    # "in a separate incident": its toll never goes to the incident told before
    ("قتل جنديان ماليان في اشتباك مع مسلحين قرب مدينة دوينتزا أمس، وفي حادث منفصل انفجرت عبوة ناسفة في سوق بلدة "
     "مجهولة ما أدى إلى إصابة سبعة مدنيين.", "2025-03-10", [("2025-03-09", "Douentza")]),
    # a protester killed by security forces' fire is force against the protest, not an attack on civilians
    ("لقي متظاهر مصرعه اليوم إثر إطلاق نار من قبل قوات الأمن على الاحتجاجات في مدينة السويداء.", "2024-03-10",
     [("2024-03-10", "As-Suwayda")]),
])
def test_denied_battles_separate_incidents_and_protest_fire(kb, body, pub, expected):
    evs = events(kb, body, date.fromisoformat(pub))
    assert [(e["event_date"], e["location"]) for e in evs] == expected
    if "متظاهر" in body:
        assert evs[0]["sub_event_type"] == "Excessive force against protesters"
    if "حادث منفصل" in body:
        assert evs[0]["injuries"] is None


@pytest.mark.parametrize("body,expected", [
    # a year after "since" is never a count; "a number of soldiers" is no single victim
    ("قتل مسلحون أربعة رعاة قرب بلدة دجيبو في بوركينا فاسو أمس. وتشهد البلاد منذ 2015 هجمات متكررة.", ([4], [])),
    ("قتل عدد من الجنود في مديرية مودية بأبين أمس.", ([None], [])),
])
def test_years_and_vague_numbers(kb, body, expected):
    recs = [r for r in extract(from_text("تقرير\nمتابعة\n" + body, "t.txt", date(2024, 5, 10)), kb, warn=False)]
    assert ([r["fatalities"] for r in recs if r["kind"] == "event"], [r["count"] for r in recs if r["kind"] == "tally"]) == expected


@pytest.mark.parametrize("body,expected", [
    # "claimed the lives of 14" with the strike between the verb and its toll
    ("أودت غارة جوية على سوق في مدينة سيتوي في ميانمار أمس بحياة 14 شخصا.", [14]),
    # "escaped with his life" counts no one
    ("نجا المسؤول بحياته من هجوم على موكبه في مدينة سيتوي في ميانمار أمس.", [None]),
])
def test_the_lives_it_claimed(kb, body, expected):
    assert [e["fatalities"] for e in events(kb, body)] == expected
