"""Periods a clause names (spans of days, weeks or years, "since" a day or an event, "this week", a history of
decades) and the grammar words it holds: what makes a toll a tally rather than one incident's. Reads one clause;
writes nothing (tallies.py, live_words.py and retype.py ask)."""

from __future__ import annotations

from rasd.doc import Clause
from rasd.lang import ar


def words_of(clause: Clause, grammar_set: str) -> bool:
    doc = clause.doc
    words = ar.words(grammar_set)
    return any(t.text in words for t in doc.tokens[doc.token_index(clause.start):doc.token_index(clause.end)])


SPAN_REACH = 4  # tokens from خلال / دامت to the unit: "دامت أكثر من عشرة أشهر"


def periods(clause: Clause) -> list:
    """Period cues ("هذا الأسبوع") that are not a day within the week: "مطلع هذا الأسبوع", "في وقت
    سابق من الأسبوع الجاري" date one event (precision 2), they do not sum a period."""
    doc = clause.doc
    points = [t for t in doc.times_in(clause.start, clause.end) if t.kind == "week"
              and any(w in ar.words("week_point") for w in doc.ntext[t.start:t.end].split())]
    return [c for c in clause.cues("period") if not any(t.start <= c.start and c.end <= t.end for t in points)]


def during_a_span(clause: Clause) -> bool:
    """"خلال ثلاثة أيام", "على مدى أسبوعين", "خلال تموز الماضي", "منذ خمسة أعوام": a span of days,
    weeks, months or years, or a month."""
    during = clause.cues("during", "since")
    doc = clause.doc
    units = ar.time_unit_words()
    if _in_so_many(clause):
        return True
    if not during:
        return False
    for c in during:
        ci = doc.token_index(c.end)
        if any(t.text in units or t.text in ar.words("definite_span_unit") for t in doc.tokens[ci:ci + SPAN_REACH]):
            return True  # (خلال الأشهر السبعة الماضية: a plural unit with its article; "خلال الأسبوع" is this week)
        if doc.ntext[c.start:c.end] in ar.words("since_word") and ci < len(doc.tokens) and \
                doc.tokens[ci].text in ar.words("since_start") | ar.words("since_event"):
            return True  # "منذ أن سيطر الجيش على السلطة", "منذ بدء الاحتجاجات": since an event, a period
    return False


def _in_so_many(clause: Clause) -> bool:
    """"262 قتيلا … حصيلة هجمات في سبعة أشهر", "قتل 40 في يومين": "in" a count of days, months or years (not "في
    30 يناير", a date)."""
    doc = clause.doc
    units = frozenset(f for f, _ in ar.calendar_words().get("ago_unit", []))
    toks = doc.tokens[doc.token_index(clause.start):doc.token_index(clause.end)]
    numbers = ar.number_words()
    return any(t.text in ar.words("span_in") and (n.text.isdigit() or n.text in numbers) and u.text in units
               for t, n, u in zip(toks, toks[1:], toks[2:]))


def history_start(clause: Clause) -> int:
    """Where "على مدى عقود", "خلال السنوات الماضية" opens a span of years or months (else the clause's end): the event
    words after it tell what that span saw (شهد العراق على مدى عقود حروبا ومعارك), a history, no incident."""
    doc = clause.doc
    for c in clause.cues("period"):
        ci = doc.token_index(c.end)
        words = doc.ntext[c.start:c.end].split() + [t.text for t in doc.tokens[ci:ci + 1]]
        if any(w in ar.words("long_span") for w in words):
            return c.end
    return clause.end
