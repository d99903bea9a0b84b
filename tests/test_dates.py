from datetime import date, timedelta

import pytest

from rasd.text.dates import calendar, find_dateline, resolve
from rasd.text.normalize import normalize


def one(text: str, pub: date | None, previous: date | None = None):
    exprs = calendar().find(normalize(text).text)
    assert exprs, f"no time expression in {text!r}"
    return resolve(exprs[0], pub, previous)


@pytest.mark.parametrize("line,expected", [
    ("بوابة اوكرانيا – كييف في 12 ديسمبر 2023- استهدفت", date(2023, 12, 12)),
    ("بغداد - الجمعة 23 جمادى الآخرة 1445 هـ - قتل", date(2024, 1, 5)),
    ("دير الزور – 31 آب/أغسطس 2023 – قتل", date(2023, 8, 31)),
    ("٢١ يناير ٢٠٢٤ - أعلنت", date(2024, 1, 21)),
    ("الجزائر - 3 جويلية 2022 -", date(2022, 7, 3)),
    ("الرباط – 12 دجنبر 2021 –", date(2021, 12, 12)),
    ("حلب - 9 تشرين الثاني/نوفمبر 2019", date(2019, 11, 9)),
    ("طرابلس - 1 رمضان 1444 هـ", date(2023, 3, 23)),
    ("القاهرة في 05/06/2020 -", date(2020, 6, 5)),
])
def test_datelines(line, expected):
    found = find_dateline(normalize(line).text, 0)
    assert found is not None and found[0] == expected


def test_dateline_after_blank_line():
    text = "عنوان\n\nصنعاء - 4 فبراير 2024 - قصفت"
    nz = normalize(text)
    assert find_dateline(nz.text, text.index("\n") + 1)[0] == date(2024, 2, 4)


PUB = date(2024, 1, 20)  # a Saturday


@pytest.mark.parametrize("text,expected", [
    ("يوم الاثنين", date(2024, 1, 15)), ("السبت", date(2024, 1, 20)), ("الخميس الماضي", date(2024, 1, 18)),
    ("السبت الماضي", date(2024, 1, 13)), ("أمس", date(2024, 1, 19)), ("أول أمس", date(2024, 1, 18)),
    ("أمس الأول", date(2024, 1, 18)), ("الليلة الماضية", date(2024, 1, 19)), ("اليوم", PUB),
    ("صباح اليوم", PUB), ("فجر الجمعة", date(2024, 1, 19)), ("مساء أمس الجمعة", date(2024, 1, 19)),
    ("في السابع من أكتوبر الماضي", date(2023, 10, 7)), ("في 17 أكتوبر", date(2023, 10, 17)),
    ("في 3 كانون الثاني", date(2024, 1, 3)), ("يوم 28 ديسمبر", date(2023, 12, 28)),
    ("في وقت مبكر من يوم الأربعاء", date(2024, 1, 17)),
    # "today Friday" on a page dated Saturday: the weekday the text names wins; when they agree, today
    ("مساء اليوم الجمعة", date(2024, 1, 19)), ("اليوم السبت", PUB), ("أمس الخميس", date(2024, 1, 18)),
])
def test_relative_days(text, expected):
    r = one(text, PUB)
    assert r is not None and r.date == expected and r.precision == 1


def test_anaphora_uses_the_date_last_mentioned():
    assert one("في اليوم نفسه", PUB, date(2024, 1, 17)).date == date(2024, 1, 17)
    assert one("في ذلك اليوم", PUB, date(2024, 1, 12)).date == date(2024, 1, 12)
    assert one("في اليوم التالي", PUB, date(2024, 1, 12)).date == date(2024, 1, 13)


@pytest.mark.parametrize("text,n", [
    ("مساء الجمعة، وفي اليوم التالي", 2),  # the next day is another day: two expressions
    ("الخميس، وفي صباح اليوم التالي", 2),
    ("أمس الجمعة", 1),  # one day named twice
    ("الجمعة، في اليوم نفسه", 1),
])
def test_the_next_day_is_never_merged_with_the_day_before_it(text, n):
    assert len(calendar().find(normalize(text).text)) == n


def test_vague_periods_get_coarse_precision():
    assert one("الأسبوع الماضي", PUB).precision == 2
    r = one("منذ نوفمبر الماضي", PUB)
    assert r.date == date(2023, 11, 1) and r.precision == 3


def test_weekday_rule_holds_across_the_whole_news_range():
    """For every publication day 1990-2035, each weekday resolves to the most recent such day on or
    before publication, and 'الماضي' to the one strictly before."""
    names = ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]
    exprs = [calendar().find(normalize(n).text)[0] for n in names]
    past = [calendar().find(normalize(n + " الماضي").text)[0] for n in names]
    d = date(1990, 1, 1)
    while d < date(2035, 12, 31):
        for wd in range(7):
            got = resolve(exprs[wd], d, None).date
            assert got.weekday() == wd and 0 <= (d - got).days <= 6
            got_past = resolve(past[wd], d, None).date
            assert got_past.weekday() == wd and 1 <= (d - got_past).days <= 7
        d += timedelta(days=13)


def test_year_is_inferred_backwards_from_publication():
    assert one("في 25 ديسمبر", date(2024, 1, 3)).date == date(2023, 12, 25)
    assert one("في 2 يناير", date(2024, 1, 3)).date == date(2024, 1, 2)


def test_hijri_without_year():
    r = one("في 10 محرم", date(2024, 7, 20))
    assert r.date == date(2024, 7, 16)


def test_bare_month_word_is_not_a_date():
    assert calendar().find(normalize("مارس الضغط على الحكومة").text) == []


@pytest.mark.parametrize("text,expected,precision", [
    ("قبل يومين", date(2024, 1, 18), 1), ("قبل ثلاثة أيام", date(2024, 1, 17), 1), ("قبل 4 أيام", date(2024, 1, 16), 1),
    ("قبل ساعات", PUB, 1), ("قبل أسبوع", date(2024, 1, 13), 2),
])
def test_days_ago(text, expected, precision):
    r = one(text, PUB)
    assert r.date == expected and r.precision == precision


def test_a_few_days_ago_is_too_vague():
    assert calendar().find(normalize("قبل أيام").text) == []
