"""Property-based tests (hypothesis): normalization offsets, number and date reading, and the whole
extractor never raise and always point into the original text."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rasd.document import from_text
from rasd.knowledge.base import load
from rasd.pipeline import extract
from rasd.text.dates import calendar, resolve
from rasd.text.normalize import normalize
from rasd.text.numbers import read_count
from rasd.text.segment import tokens

ARABIC_WORDS = ["قتل", "أصيب", "غارة", "مسيرة", "صواريخ", "على", "في", "بلدة", "حلب", "بغداد", "الجيش", "الأمريكية",
                "أمس", "الاثنين", "خمسة", "عشر", "ثلاثة", "آلاف", "ما", "لا", "يقل", "عن", "92", "٢٣", "هجوما", "منذ",
                "17", "أكتوبر", "آب/أغسطس", "2023", "هـ", "جمادى", "الآخرة", "1445", "دون", "إصابات", "وتبنت",
                "المقاومة", "الإسلامية", "العراق", "،", ".", "\n", "ـ", "ُ", "ّ", "«", "»", "-", "الحوثي", "اعتقلت"]
text_st = st.lists(st.sampled_from(ARABIC_WORDS) | st.text(max_size=6), max_size=80).map(" ".join)
settings.register_profile("rasd", deadline=None, max_examples=150, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("rasd")


@given(st.text(max_size=400))
def test_normalized_offsets_map_into_the_original(s):
    n = normalize(s)
    assert n.origin is None or len(n.origin) == len(n.text) + 1
    for i in range(0, len(n.text), 7):
        a, b = n.span_to_original(i, min(len(n.text), i + 5))
        assert 0 <= a <= b <= len(s)


@given(text_st)
def test_counts_never_raise_and_stay_positive(s):
    toks = tokens(normalize(s).text)
    kb = load()
    for i in range(len(toks)):
        c = read_count(toks, i, kb.lexicon.numbers, {"عده", "عشرات"})
        if c is not None and c.value is not None:
            assert c.value >= 0 and c.first <= c.last


@given(text_st, st.dates(min_value=date(1950, 1, 1), max_value=date(2040, 12, 31)))
def test_dates_resolve_or_decline(s, pub):
    for te in calendar().find(normalize(s).text):
        r = resolve(te, pub, None)
        if r is not None:
            assert r.precision in (1, 2, 3)


@given(text_st, st.one_of(st.none(), st.dates(min_value=date(1990, 1, 1), max_value=date(2035, 12, 31))))
def test_extractor_never_raises_and_spans_slice_the_text(s, pub):
    text = "عنوان\n\n" + s
    for r in extract(from_text(text, "h", pub), load(), warn=False):
        for span in list(r["evidence"]) + list(r.get("spans", {}).values()):
            assert text[span["start"]:span["end"]] == span["text"]
