"""Extraction rules on sentences written for these tests (not the dev set): each rule of the
extractor should fire on wording it was not tuned on."""

from datetime import date

from conftest import events, run


def by_location(evs, name):
    return next(e for e in evs if e["location"] and name.lower() in e["location"].lower())


def test_claim_in_the_next_sentence_applies_to_both_attacks():
    text = ("هجمات على قاعدتين\n\nأربيل - 14 مارس 2024 - استهدفت طائرتان مسيرتان، مساء الأربعاء، قاعدة حرير "
            "الجوية، فيما سقطت ثلاثة صواريخ على قاعدة عين الأسد في محافظة الأنبار.\n"
            "وتبنت المقاومة الإسلامية في العراق الهجومين في بيان مقتضب.")
    evs = events(text)
    assert len(evs) == 2
    for e in evs:
        assert e["event_date"] == "2024-03-13"
        assert e["actor1"] == "Islamic Resistance in Iraq" and e["actor1_basis"] == "claimed"
    assert by_location(evs, "Harir")["weapon"] == "drone"
    assert by_location(evs, "Asad")["weapon"] == "rocket"


def test_attribution_by_another_party():
    text = ("تفجير في مأرب\n\nمأرب - 2 يونيو 2023 - انفجرت عبوة ناسفة بدورية للجيش اليمني في مديرية الوادي "
            "صباح اليوم، ما أدى إلى مقتل جنديين وإصابة ثلاثة آخرين.\n"
            "واتهمت وزارة الدفاع اليمنية جماعة الحوثي بالوقوف وراء التفجير.")
    e = events(text)[0]
    assert e["sub_event_type"] == "Remote explosive/landmine/IED" and e["weapon"] == "ied"
    assert e["fatalities"] == 2 and e["injuries"] == 3
    assert "Houthi" in (e["actor1"] or "") and e["actor1_basis"] == "attributed"
    assert e["country_code"] == "YE"


def test_no_casualties_is_zero_and_silence_is_null():
    text = ("قصف على بلدتين\n\nحلب - 10 أيار/مايو 2023 - سقطت قذائف هاون على بلدة نبل أمس، دون أن تسفر عن إصابات. "
            "كما قصفت المدفعية التركية قرية تل رفعت في ريف حلب الشمالي.")
    evs = events(text)
    nubl = by_location(evs, "Nubl")
    assert nubl["fatalities"] == 0 and nubl["injuries"] == 0 and nubl["weapon"] == "mortar"
    tal = by_location(evs, "Rif")
    assert tal["fatalities"] is None and tal["injuries"] is None
    assert "Turkey" in tal["actor1"]


def test_lower_bound_and_number_words():
    text = ("غارات على غزة\n\nغزة - 5 نوفمبر 2023 - قتل ما لا يقل عن خمسة عشر فلسطينيا وأصيب أكثر من عشرين آخرين "
            "في غارة جوية إسرائيلية على مخيم المغازي وسط قطاع غزة الليلة الماضية.")
    e = events(text)[0]
    assert e["fatalities"] == 15 and e["injuries"] == 20
    assert e["event_date"] == "2023-11-04"
    assert e["sub_event_type"] == "Air/drone strike" and "Israel" in e["actor1"]


def test_tally_is_not_an_event():
    text = ("حصيلة\n\nبيروت - 1 ديسمبر 2023 - أحصت مصادر أمنية أكثر من 40 هجوما على مواقع عسكرية في جنوب لبنان "
            "منذ 8 أكتوبر.")
    recs = run(text)
    assert [r for r in recs if r["kind"] == "event"] == []
    t = next(r for r in recs if r["kind"] == "tally")
    assert t["count"] == 40 and t["at_least"] and t["period_start"] == "2023-10-08"
    assert t["country_codes"] == ["LB"]


def test_old_incident_is_background():
    text = ("ذكرى\n\nعمان - 20 فبراير 2024 - وكانت طائرة مسيرة قد استهدفت في 28 يناير موقعا عسكريا قرب الحدود "
            "السورية.")
    recs = run(text)
    assert [r["kind"] for r in recs] == ["background"]
    assert recs[0]["event_date"] == "2024-01-28"


def test_one_event_per_location_for_a_multi_town_raid():
    text = ("مداهمات\n\nجنين - 6 سبتمبر 2023 - اعتقلت القوات الإسرائيلية فجر اليوم ستة فلسطينيين في بلدات "
            "قباطية ويعبد وعرابة جنوب جنين.")
    evs = events(text)
    assert len(evs) == 3
    assert {e["sub_event_type"] for e in evs} == {"Arrests"}
    assert all(e["event_date"] == "2023-09-06" for e in evs)


def test_fully_and_partly_intercepted_attacks():
    full = events("اعتراض\n\nالرياض - 3 مارس 2022 - اعترضت الدفاعات الجوية السعودية صاروخا باليستيا "
                  "أطلق باتجاه جازان مساء أمس.")
    assert full[0]["sub_event_type"] == "Disrupted weapons use" and full[0]["weapon"] == "ballistic_missile"
    partial = events("هجوم\n\nعدن - 3 مارس 2022 - تعرض مطار عدن لهجوم بثلاث طائرات مسيرة، أسقطت الدفاعات "
                     "اثنتين منها، فيما سقطت الثالثة داخل المطار. ")
    assert partial[0]["event_type"] == "Explosions/Remote violence"


def test_statements_and_condemnations_are_not_events():
    text = ("إدانة\n\nالقاهرة - 4 أبريل 2024 - أدانت وزارة الخارجية المصرية الهجوم، وحذرت من اتساع رقعة "
            "الصراع في المنطقة.")
    assert events(text) == []


def test_peaceful_protest_and_dispersed_protest():
    evs = events("احتجاجات\n\nالبصرة - 7 يوليو 2023 - تظاهر مئات الخريجين أمام مبنى المحافظة في البصرة "
                 "للمطالبة بفرص عمل، وانتهت الوقفة بشكل سلمي.")
    assert evs[0]["sub_event_type"] == "Peaceful protest" and evs[0]["fatalities"] == 0
    evs = events("احتجاجات\n\nالخرطوم - 7 يوليو 2022 - فرقت قوات الأمن السودانية بالغاز المسيل للدموع "
                 "مظاهرة في أم درمان اليوم.")
    assert evs[0]["sub_event_type"] == "Protest with intervention"


def test_dual_victims_and_place_inside_a_province():
    evs = events("اغتيال\n\nدرعا - 11 أكتوبر 2023 - قتل شخصان برصاص مسلحين مجهولين في مدينة طفس بريف درعا "
                 "الغربي مساء الثلاثاء.")
    e = evs[0]
    assert e["fatalities"] == 2 and e["location"] and "Tafas" in e["location"]
    assert e["event_date"] == "2023-10-10"
    assert e["actor1"] == "Unidentified Armed Group"


def test_publication_date_option_and_missing_date_warning():
    text = "خبر\n\nاستهدف قصف مدفعي بلدة كفرنبل أمس."
    with_date = events(text, published=date(2022, 5, 10))
    assert with_date[0]["event_date"] == "2022-05-09" and with_date[0]["time_precision"] == 1
    without = events("خبر\n\nاستهدف قصف مدفعي بلدة كفرنبل في ريف إدلب أمس.")
    assert without and all(e["time_precision"] == 3 for e in without)


def test_claim_through_its_own_fighters():
    e = events("بيان\n\nغزة - 10 نوفمبر 2023 - أعلنت كتائب القسام في بيان أن مقاتليها استهدفوا دبابة إسرائيلية "
               "شرق بلدة بيت حانون بقذيفة مضادة للدروع صباح اليوم.")[0]
    assert "Qassam" in e["actor1"] and e["actor1_basis"] == "claimed"


def test_actor_acting_through_a_verbal_noun_and_an_affiliation():
    e = events("رد\n\nبيروت - 4 مارس 2024 - ردّ الجيش الإسرائيلي بقصف مدفعي على بلدة الخيام اليوم.")[0]
    assert "Israel" in e["actor1"] and e["weapon"] == "artillery"
    e = events("خطف\n\nالخرطوم - 4 مارس 2024 - قالت مصادر إن عناصر مسلحة تابعة لقوات الدعم السريع اختطفت "
               "طبيبين في مدينة أم درمان أمس.")[0]
    assert e["sub_event_type"] == "Abduction/forced disappearance" and "Rapid Support" in e["actor1"]


def test_ambush_is_a_battle_and_storming_protesters_riot():
    e = events("كمين\n\nالأنبار - 2 فبراير 2024 - قتل أربعة جنود عراقيين في كمين نصبه مسلحون لدورية عسكرية "
               "قرب مدينة الرطبة مساء أمس، واستخدم المهاجمون القذائف الصاروخية.")[0]
    assert e["event_type"] == "Battles" and e["fatalities"] == 4
    e = events("احتجاج\n\nالبصرة - 9 أغسطس 2023 - اقتحم محتجون غاضبون مبنى مجلس محافظة ذي قار في الناصرية "
               "وأضرموا النار في مدخله اليوم.")[0]
    assert (e["event_type"], e["sub_event_type"]) == ("Riots", "Violent demonstration")


def test_weekday_inside_a_place_name_is_not_a_date():
    evs = events("طرابلس\n\nطرابلس - 3 سبتمبر 2023 - اندلعت اشتباكات بين مجموعتين مسلحتين في منطقة سوق الجمعة "
                 "مساء أمس، ما أدى إلى مقتل شخصين.")
    assert evs and evs[0]["event_date"] == "2023-09-02" and evs[0]["fatalities"] == 2


def test_tally_of_operations_and_a_quarter_of_the_clause_city():
    recs = run("بيان\n\nمأرب - 5 فبراير 2022 - أعلن التحالف أنه نفذ 31 عملية استهداف في محافظتي مأرب والجوف خلال "
               "الساعات الماضية. وفي مدينة تعز، أصيب ثلاثة مدنيين أمس جراء سقوط قذيفة على حي الروضة.")
    assert any(r["kind"] == "tally" and r["count"] == 31 for r in recs)
    taiz = [r for r in recs if r["kind"] == "event" and r["country_code"] == "YE"]
    assert taiz and all(abs(r["latitude"] - 13.58) < 0.2 for r in taiz if r["latitude"])


def test_each_place_of_a_clause_keeps_its_own_toll():
    evs = events("قصف\n\nالقامشلي - 14 يناير 2024 - أصيب ثلاثة حراس بجروح في قصف محطة المالكية، ولم تسجل إصابات "
                 "في بلدة عامودا، بحسب مصادر محلية.")
    by = {e["location"]: e for e in evs}
    mal = next(e for k, e in by.items() if "Malik" in (k or ""))
    amu = next(e for k, e in by.items() if "Amud" in (k or ""))
    assert mal["injuries"] == 3 and amu["injuries"] == 0


def test_more_casualty_verbs():
    e = events("معارك\n\nطرابلس - 3 سبتمبر 2023 - قال مسعفون إن الاشتباكات في مدينة الزاوية أودت بحياة أربعة أشخاص "
               "وأصابت 12 آخرين مساء أمس.")[0]
    assert (e["fatalities"], e["injuries"]) == (4, 12)


def test_destinations_and_solidarity_are_not_event_places():
    evs = events("اعتقال\n\nطرابلس - 3 سبتمبر 2023 - اعتقلت قوة أمنية قياديا في مطار معيتيقة الدولي أثناء استعداده "
                 "للسفر إلى مدينة مصراتة مساء أمس.")
    assert [e["location"] for e in evs] and all("Misr" not in (e["location"] or "") for e in evs)
    evs = events("مظاهرة\n\nعمان - 13 أكتوبر 2023 - تظاهر مئات الأردنيين في مدينة الزرقاء اليوم تضامنا مع قطاع غزة.")
    assert evs and all(e["country_code"] == "JO" for e in evs)


def test_members_of_a_group_are_its_victims_and_an_ambushed_side_is_the_target():
    e = events("غارة\n\nدهوك - 24 يوليو 2023 - قُتل ثلاثة من عناصر حزب العمال الكردستاني بغارة نفذتها طائرة مسيرة تركية "
               "قرب بلدة العمادية أمس.")[0]
    assert "Kurdistan Workers" in (e["actor2"] or "") and "Turk" in (e["actor1"] or "")
    e = events("كمين\n\nحمص - 11 أغسطس 2023 - قتل ستة جنود من قوات النظام السوري في كمين نصبه مسلحون قرب مدينة "
               "تدمر أمس.")[0]
    assert e["event_type"] == "Battles" and e["actor1"] == "Unidentified Armed Group" and "Syria" in (e["actor2"] or "")


def test_sides_of_a_clash_named_by_affiliation_and_no_capital_as_a_bearing():
    evs = events("اشتباكات\n\nالزاوية - 3 يوليو 2024 - اندلعت اشتباكات مساء أمس بين مسلحين تابعين لجهاز دعم الاستقرار "
                 "وآخرين من كتيبة الإسناد الأولى في مدينة الزاوية غربي العاصمة الليبية طرابلس.")
    assert len(evs) == 1 and "Zaw" in evs[0]["location"]
    assert evs[0]["actor1"] and "Stability" in evs[0]["actor1"]


def test_counts_over_a_period_are_tallies_and_years_are_not_counts():
    recs = run("بيان\n\nعدن - 5 فبراير 2022 - أعلن التحالف أنه نفذ 14 غارة على مواقع في مدينتي مأرب والبيضاء خلال "
               "الساعات الـ24 الماضية. وتشهد المحافظة منذ مطلع عام 2021 هجوما واسعا للحوثيين.")
    tallies = [r["count"] for r in recs if r["kind"] == "tally"]
    assert tallies == [14]


def test_villages_named_like_common_words_need_support():
    # الحراك "the movement" is also a town in Daraa; حربية "military" a town in Turkey
    evs = events("احتجاج\n\nالسويداء - 5 مارس 2024 - تظاهر مئات المحتجين في مدينة السويداء أمس في إطار الحراك السلمي.")
    assert [e["location"] for e in evs] and all("Suwayda" in e["location"] for e in evs)
    evs = events("غارات\n\nالقامشلي - 14 يناير 2024 - شنت طائرات حربية تركية غارات على بلدة عامودا مساء أمس.")
    assert evs and all(e["country_code"] == "SY" for e in evs)


def test_sea_attack_takes_the_coast_country_and_damage_is_not_injury():
    evs = events("هجوم على سفينة\n\nصنعاء - 6 فبراير 2024 - أعلنت جماعة الحوثي استهداف سفينة تجارية في البحر الأحمر "
                 "بصاروخين باليستيين، فيما قالت هيئة بحرية إن السفينة أصيبت بأضرار طفيفة غرب الحديدة.")
    assert len(evs) == 1
    e = evs[0]
    assert e["location"] == "Red Sea" and e["country_code"] == "YE" and e["actor1_basis"] == "claimed"
    assert e["weapon"] == "ballistic_missile" and e["injuries"] is None


def test_civilian_victims_are_actor2():
    e = events("غارة\n\nغزة - 18 ديسمبر 2023 - استشهد 12 فلسطينيا في غارة إسرائيلية على منزل في مخيم النصيرات فجر اليوم.")[0]
    assert e["actor2"] == "Civilians (Palestine)" and e["fatalities"] == 12


def test_dispersing_force_is_actor2_and_announced_arrests_have_their_actor():
    e = events("احتجاج\n\nتونس - 5 ديسمبر 2023 - فرقت الشرطة التونسية بالغاز المسيل للدموع مئات المحتجين أمام مقر "
               "البرلمان في العاصمة تونس اليوم.")[0]
    assert e["sub_event_type"] == "Protest with intervention"
    assert e["actor1"].startswith("Protesters") and "Tunisia" in (e["actor2"] or "")
    e = events("اعتقال\n\nبغداد - 5 ديسمبر 2023 - أعلنت وزارة الداخلية العراقية القبض على خلية إرهابية مكونة من خمسة "
               "عناصر في محافظة كركوك أمس.")[0]
    assert e["sub_event_type"] == "Arrests" and e["actor1"] and e["event_date"] == "2023-12-04"
