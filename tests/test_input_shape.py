"""Input shape: a page saved without its headline starts with the lede, which must count as body."""

from __future__ import annotations

from datetime import date

import pytest

from rasd.document import from_text
from rasd.pipeline import extract

LINES = [
    ("مقتل ثلاثة جنود بهجوم في ديالى", False),  # a headline
    ("اشتباكات عنيفة في ريف درعا", False),
    ("قتل ثلاثة جنود في هجوم شنه مسلحون على نقطة للجيش في ديالى.", True),  # a full sentence
    ("هل تستمر الهجمات؟", True),
    (" ".join(["كلمة"] * 30), True),  # too long for a headline
]


@pytest.mark.parametrize("first_line,is_body", LINES)
def test_first_line_is_body_when_it_reads_as_a_sentence(first_line, is_body):
    doc = from_text(first_line + "\nوأضاف المصدر أن التحقيقات جارية.", "t.txt")
    assert (doc.title == "") is is_body
    assert (doc.body_start == 0) is is_body


def test_an_article_without_headline_loses_nothing(kb):
    text = ("قتل ثلاثة جنود عراقيين أمس في هجوم شنه مسلحون على نقطة للجيش في بلدة المقدادية بمحافظة ديالى.\n"
            "وقال مصدر أمني إن المهاجمين فروا إلى جهة مجهولة.")
    records = [r for r in extract(from_text(text, "t.txt", date(2024, 5, 2)), kb, warn=False) if r["kind"] == "event"]
    assert len(records) == 1
    assert records[0]["fatalities"] == 3 and records[0]["event_date"] == "2024-05-01"
    assert records[0]["country_code"] == "IQ"


def test_a_headline_still_only_restates(kb):
    text = ("مقتل ثلاثة جنود بهجوم في ديالى\n"
            "قتل ثلاثة جنود عراقيين أمس في هجوم شنه مسلحون على نقطة للجيش في بلدة المقدادية بمحافظة ديالى.")
    records = [r for r in extract(from_text(text, "t.txt", date(2024, 5, 2)), kb, warn=False) if r["kind"] == "event"]
    assert len(records) == 1
