"""One incident or many: a toll told of one strike (قتل 15 شخصا في غارة جوية) is that event's; told of events counted
(154 اعتداء), of many causes (جراء قصف … وانفجار ألغام), of many villages, of a conflict, or summed up over
operations told one by one (في عمليتين متفرقتين), it adds up many incidents. Read by the tallies component."""

from __future__ import annotations

from rasd.doc import Clause
from rasd.extract.context import ArticleContext
from rasd.extract.frame import Frame
from rasd.extract.periods import SPAN_REACH, during_a_span
from rasd.lang import ar
from rasd.text.numbers import read_count

ATTACK_NOUN_CLASSES = {"attack", "airstrike", "strike", "explosion", "shelling", "launch"}
COUNT_TOKENS = 4  # tokens a count may take before its noun (7 آلاف و154)
SINGULAR_AFTER = 10  # counts above ten take their noun in the singular (154 اعتداء)
MANY_CAUSES = 3  # event nouns of one toll (قصف …، وقصف …، وانفجار …) that make it the sum of many incidents


def one_incident(frame: Frame, clause: Clause) -> bool:
    """"قتل 15 شخصا في غارة جوية هذا الأسبوع على قرية": the dead of one strike, told with a vague week, not a
    period's toll — an event noun in the singular, and none in the plural."""
    nouns = [t for t in frame.triggers if t.ref.voice == "noun"]
    if any(t.definite for t in nouns) or during_a_span(clause):
        return False  # "قتلوا خلال 11 يوما في القصف": the shelling of a period
    heads = [clause.doc.word(t).split(" ")[0] for t in nouns if t.ref.cls in ATTACK_NOUN_CLASSES]
    # (a toll "جراء قصف … وقصف … وانفجار ألغام": one toll of many causes is no one incident)
    return 0 < len(heads) < MANY_CAUSES and not counted_attacks(clause, frame) and \
        not any(ar.several_noun(w) for w in heads) and not a_conflict_named(clause)


def counted_attacks(clause: Clause, frame: Frame) -> bool:
    """"154 اعتداء": an event noun after a count above ten, which Arabic puts in the singular: many events."""
    return bool(attack_counts(clause, frame))


def attack_counts(clause: Clause, frame: Frame) -> list[tuple[int, int, str, int]]:
    """The counts of events before their noun ("في 12 هجوما"), as tally candidates (position, count, what, end)."""
    doc, out = clause.doc, []
    for t in frame.triggers:
        k = doc.token_index(t.start) - 1
        if t.ref.voice != "noun" or t.ref.cls not in ATTACK_NOUN_CLASSES or k < 1 or doc.in_time(k) \
                or doc.tokens[k - 1].text in ar.words("year_word") or ar.several_noun(doc.word(t).split(" ")[0]):
            continue  # (not a year: "منذ مطلع عام 2021 هجوما", "منذ 2015 هجمات": a plural after it is no counted noun)
        # (the whole count that ends before the noun: "7 آلاف و154 اعتداء" is 7154)
        counts = [c for i in range(max(0, k - COUNT_TOKENS), k + 1)
                  if (c := read_count(doc.tokens, i, ar.number_words(), set())) is not None and c.last == k]
        if counts and counts[0].value is not None and counts[0].value > SINGULAR_AFTER:
            first = doc.tokens[counts[0].first]
            out.append((first.start, counts[0].value, "attacks", doc.tokens[k].end))
    return out


SETTLEMENT_WORDS = {"village", "town", "city", "admin1", "admin2"}
MANY_PLACES = 3  # "في 3 قرى": incidents at three places or more, told with one toll, are no one incident


def over_many_places(clause: Clause, ctx: ArticleContext) -> bool:
    """"خلفت 300 قتيل باستهداف 30 قرية", "في عشرات القرى": a toll over many villages or towns adds up many incidents."""
    doc = clause.doc
    for ft in clause.mentions("feature"):
        k = doc.token_index(ft.start)
        if k < 1 or not SETTLEMENT_WORDS & set(ctx.kb.features[ft.ref][0]):
            continue
        if (doc.tokens[k - 1].text.isdigit() and int(doc.tokens[k - 1].text) >= MANY_PLACES) or doc.tokens[k - 1].text in ctx.vague:
            return True
    return False


def a_conflict_named(clause: Clause) -> bool:
    """A conflict noun (النزاع، الصراع) in the clause, not one that refers back to the incident the article told
    under that noun ("وقع نزاع عشائري مسلح … أسفر النزاع عن مقتل ستة": the clash, not a conflict of years)."""
    doc = clause.doc
    words = ar.words("conflict_noun")
    told = {doc.word(t).split(" ")[0] for t in doc.by_layer.get("trigger", [])
            if t.end <= clause.start and t.ref.cls not in ("war", "protest")}
    units = ar.time_unit_words()
    afters = [doc.token_index(c.end) for c in clause.cues("after")]

    def dates_only(k: int) -> bool:  # "بعد أكثر من 27 شهرا من الحرب": how long the war has lasted, a date
        return any(0 < k - a <= SPAN_REACH + 2 and any(doc.tokens[i].text in units for i in range(a, k)) for a in afters)
    first = doc.token_index(clause.start)
    return any(t.text in words and t.text.removeprefix(ar.ARTICLE) not in told and t.text not in told and not dates_only(first + k)
               for k, t in enumerate(doc.tokens[first:doc.token_index(clause.end)]))


def in_separate_operations(clause: Clause) -> bool:
    """"القضاء على إرهابي واعتقال آخر في عمليتين متفرقتين": the clause sums up operations told one by one after it."""
    toks = clause.doc.tokens
    first, last = clause.doc.token_index(clause.start), clause.doc.token_index(clause.end)
    return any(toks[k].text in ar.words("operation_word") and ar.several_noun(toks[k].text)
               and toks[k + 1].text in ar.words("separate_word") for k in range(first, min(last, len(toks) - 1)))

