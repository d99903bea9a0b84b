import pytest

from rasd.knowledge.base import load
from rasd.text.normalize import norm, normalize
from rasd.text.numbers import read_count
from rasd.text.segment import tokens



def first_count(text: str):
    toks = tokens(normalize(text).text)
    kb = load()
    vague = {norm(c.form) for c in kb.lexicon.cues if c.cue == "vague"}
    c = read_count(toks, 0, kb.lexicon.numbers, vague)
    return None if c is None else (c.value, c.last - c.first + 1, c.vague)


@pytest.mark.parametrize("text,value", [
    ("92 هجوما", 92), ("٣٤ جريحا", 34), ("2,500 جندي", 2500), ("ثلاثة جنود", 3), ("خمس هجمات", 5),
    ("خمسة عشر قتيلا", 15), ("خمس عشرة امرأة", 15), ("أحد عشر", 11), ("اثنا عشر", 12),
    ("عشرون مدنيا", 20), ("ثلاثة وعشرون", 23), ("مئة وخمسون", 150), ("ثلاث مئة", 300),
    ("ثلاثمائة", 300), ("ثلاثة آلاف", 3000), ("ألفان", 2000), ("اثنان من مرافقيه", 2), ("واثنان", 2),
    ("وأربعة مقاتلين", 4), ("أحد العناصر", 1), ("7 آلاف", 7000),
    # a point before exactly three digits groups thousands; before a scale word it is a decimal point
    ("2.030 جريحا", 2030), ("5.000 مدني", 5000), ("12.500 نازح", 12500), ("1.5 مليون", 1_500_000),
    ("1.250 مليون", 1_250_000), ("2.5 ألف", 2500), ("3.5 كيلومتر", 3),
])
def test_counts(text, value):
    got = first_count(text)
    assert got is not None and got[0] == value


def test_separate_numbers_are_not_added():
    # "five killed and ten wounded" is two counts, not fifteen
    assert first_count("خمسة وجرح عشرة")[0] == 5
    assert first_count("خمسة وستة")[0] == 5


@pytest.mark.parametrize("text", ["عدة صواريخ", "عشرات الجرحى", "مئات المتظاهرين", "بضعة أيام"])
def test_vague_quantities_are_not_numbers(text):
    value, _, vague = first_count(text)
    assert value is None and vague
