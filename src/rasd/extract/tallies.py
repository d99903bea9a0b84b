"""Tallies: a number counting attack nouns (92 هجوما، خمس هجمات) over a period or an area is an
aggregate, not an event; "three strikes on Jisr al-Shughur" stays one event at one place. A vague
count (عدة هجمات) marks the clause a summary."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rasd.doc import ArticleDoc, Clause, TriggerMention
from rasd.extract.context import ArticleContext
from rasd.extract.frame import Frame
from rasd.extract.many import (ATTACK_NOUN_CLASSES, a_conflict_named, attack_counts, counted_attacks, in_separate_operations,
                               one_incident, over_many_places)
from rasd.extract.periods import during_a_span, periods as _periods, words_of
from rasd.text.numbers import read_count
from rasd.lang import ar
from rasd.text.dates import is_year

if TYPE_CHECKING:
    from rasd.extract.kind import _Reading

PLURAL_BY_NATURE = {"clash", "protest", "riot"}  # classes whose single event is named by a plural noun
# places an attack count may be spread over and still be a tally ("92 attacks in Iraq and Syria");
# "eight strikes on al-Hazm district" is one event at one place
TALLY_AREAS = {"country", "admin1", "region", "sea", "gulf", "strait"}
COUNT_REACH = 3  # tokens before the attack noun where its count may start


def read_tally(frame: Frame, clause: Clause, ctx: ArticleContext, live: list[TriggerMention], reading: _Reading) -> None:
    """Fill the frame's tally slots from the first counted attack noun; mark vague counts."""
    doc = clause.doc
    first = doc.token_index(clause.start)
    for t in live:
        if t.ref.cls not in ATTACK_NOUN_CLASSES or t.ref.voice != "noun":
            continue
        ti = doc.token_index(t.start)
        for ci in range(ti - 1, max(ti - COUNT_REACH, first) - 1, -1):
            c = read_count(doc.tokens, ci, ctx.kb.lexicon.numbers, ctx.vague)
            if c is None:
                continue
            if ci > 0 and (doc.tokens[ci - 1].text in ar.words("year_word")
                           or (doc.tokens[ci - 1].text in ar.words("since_word") and is_year(doc.tokens[ci].text))):
                break  # "منذ مطلع عام 2021 هجوما", "منذ 2015 هجمات": a year, not a count
            if c.last != ti - 1 and not (c.last == ti - 2 and doc.tokens[ti - 1].text in ar.words("operation_word")):
                break
            if c.vague:
                reading.summary = True
            elif c.value is not None and c.value >= 2 and (frame.since is not None or _periods(clause)
                                                            or (all(l.place.feature in TALLY_AREAS for l in frame.leaves)
                                                                and not _one_day(frame))):
                # "92 attacks in Iraq and Syria since …" is a tally; "three strikes on Jisr
                # al-Shughur" is one event at one place
                frame.tally_count, frame.tally_span = c.value, (doc.tokens[ci].start, t.end)
                frame.tally_at_least = any(
                    0 <= ci - doc.token_index(lb.end) <= 0 or 0 <= doc.token_index(lb.start) - doc.token_index(t.end) <= 0
                    for lb in clause.cues("lower_bound"))
            break
        if frame.tally_count:
            return


def _one_day(frame: Frame) -> bool:
    """"ثلاث غارات على مديرية نهم صباح اليوم": strikes of one day the clause names are that day's event
    (ACLED: one event per place per day), even where the place found is only the province; strikes of a
    day over whole countries ("خمس هجمات في سوريا والعراق في ذلك اليوم") stay a tally."""
    return frame.date_explicit and frame.date is not None and frame.date.precision == 1 and \
        len(frame.leaves) == 1 and frame.leaves[0].place.feature != "country"


def read_running_toll(frame: Frame, clause: Clause, ctx: ArticleContext) -> None:
    """A toll over a period is a tally: "the toll rose to 31,112 since the start of the war",
    "more than four thousand were killed since October 2023", "they targeted more than 100 ships
    since November". Needs a toll word, or a period that began before the reporting week."""
    if _one_day_at_a_town(frame, ctx):
        # "قتل 9 مدنيين جراء قصف على مدينة بابنوسة منذ صباح اليوم": one day's event at one town, no period
        frame.date, frame.since = frame.since, None
        return
    # a clause with a day of its own reports that day's event, even inside a longer movement
    old_since = frame.since is not None and ctx.is_old(frame.since.date) and not frame.date_explicit
    # the toll of one incident ("the toll of the blast rose to 58") updates that event; a toll over
    # a period ("since the start of the war") is an aggregate
    toll = bool(clause.cues("toll"))
    period = frame.since is not None or bool(_periods(clause)) or during_a_span(clause)
    # "1,057 killed in two years", "5 operations this week", "more than 40,000 killed in the conflict"
    in_a_conflict = bool(frame.casualties.items) and a_conflict_named(clause)
    undated = not (frame.date_explicit and not _announced_that_day(frame, clause))
    # (حسب توثيق أصدره المرصد; "نفذ المستوطنون 7 آلاف و154 اعتداء": attacks counted, with no day of their own)
    # ("بلغ مجموع ضحاياها المدنيين 121 قتيلا": a total)
    summed = words_of(clause, "documentation_word") or words_of(clause, "total_word") or counted_attacks(clause, frame)
    aggregate = undated and (((period or in_a_conflict or summed) and not one_incident(frame, clause))
                             or (bool(frame.casualties.items) and over_many_places(clause, ctx)))
    running = toll and (period or _names_a_campaign(clause) or words_of(clause, "total_word"))  # (الحصيلة الإجمالية)
    # "the clashes that broke out yesterday and are still going on killed 56": fighting since that day
    ongoing = bool(clause.cues("still_going")) and bool(frame.casualties.items)
    if not (old_since or running or aggregate or ongoing):
        return
    if ongoing and frame.since is None and frame.date is not None:
        frame.since = frame.date
    candidates = _toll_counts(frame)
    if old_since or aggregate or running or ongoing:
        n, pos = _first_count(clause, ctx)
        if n is not None and pos is not None and all(n != c for _, c, _, _ in candidates):
            # (people counted after a toll of the dead, "مجموع قتلى الجانبين فاق 1300 شخص", are its dead)
            dead = toll and _people_after(clause.doc, pos) and any(
                h.ref.cue == "harm" and h.ref.value == "fatalities" for h in clause.mentions("harm"))
            candidates.append((pos, n, "fatalities" if dead else "attacks", pos))
        candidates += [c for c in attack_counts(clause, frame) if all(c[1] != n for _, n, _, _ in candidates)]
    if not candidates:
        return
    candidates += _parts_among_them(clause, ctx, candidates)
    doc = clause.doc
    bounds = clause.cues("lower_bound")
    # the count the clause leads with fills the frame's tally; the others ("67 killed and 21
    # injured since January") are tallies of their own
    for k, (pos, count, what, end) in enumerate(sorted(candidates)):
        at = doc.token_index(pos)
        span = (doc.tokens[at].start, doc.tokens[at].end) if at < len(doc.tokens) else None
        at_least = _bounded(doc, bounds, pos, end)
        if k == 0:
            frame.tally_count, frame.tally_what, frame.tally_span, frame.tally_at_least = count, what, span, at_least
        else:
            frame.more_tallies.append((count, at_least, what, span))


WIDE_PLACES = ("country", "admin1", "admin2", "region", "sea", "gulf", "strait")


def _one_day_at_a_town(frame: Frame, ctx: ArticleContext) -> bool:
    """Since a part of today or yesterday (منذ صباح اليوم، منذ فجر أمس) at a named town: not an aggregate
    over a period (منذ فجر اليوم في قطاع غزة, over a whole region, still is)."""
    since = frame.since
    return since is not None and since.precision == 1 and ctx.pub is not None and 0 <= (ctx.pub - since.date).days <= 1 \
        and bool(frame.leaves) and all(l.place.feature not in WIDE_PLACES for l in frame.leaves)


POST_BOUND_REACH = 2  # "78 قتيلا على الأقل": count, noun, bound
PRE_BOUND_REACH = 4  # "أكثر من ألفي شخص", "ما لا يقل عن 50"


def _bounded(doc: ArticleDoc, bounds: list, pos: int, end: int | None = None) -> bool:
    """Is the count at pos a lower bound? "أكثر من" qualifies the count after it, "على الأقل" the one before;
    a bound inside the toll's own phrase (pos … end: "مقتل أكثر من 40 شخصا") qualifies its count."""
    post = ar.words("postpositive_bound")
    for lb in bounds:
        if end is not None and pos <= lb.start and lb.end <= end:
            return True
        if doc.ntext[lb.key_start:lb.end] in post or doc.word(lb) in post:
            if pos < lb.start and 0 <= doc.gap(pos, lb.start) <= POST_BOUND_REACH + 1:
                return True
        elif lb.end <= pos and doc.gap(lb.end, pos) <= PRE_BOUND_REACH:
            return True
    return False


def _parts_among_them(clause: Clause, ctx: ArticleContext, candidates: list[tuple[int, int, str, int]]) -> list[tuple[int, int, str, int]]:
    """"مقتل 93 ألف شخص، بينهم 6500 طفل": the part of a period's toll counted after "among them" is a tally of its
    own (of the same kind as the toll before it)."""
    doc, out = clause.doc, []
    for k in range(doc.token_index(clause.start), min(doc.token_index(clause.end), len(doc.tokens)) - 1):
        if not ar.has_word("among_them", doc.tokens[k].text, "and_clitic"):
            continue
        c = read_count(doc.tokens, k + 1, ctx.kb.lexicon.numbers, ctx.vague)
        before = [x for x in candidates if x[0] < doc.tokens[k].start]
        if c is not None and c.value is not None and c.value >= 2 and before and \
                all(c.value != x[1] for x in candidates + out):
            pos = doc.tokens[k + 1].start
            out.append((pos, c.value, max(before)[2], pos))
    return out


def _people_after(doc: ArticleDoc, pos: int) -> bool:
    """Is the count at pos followed by a word for people (شخص، مدنيا)?"""
    k = doc.token_index(pos) + 1
    return k < len(doc.tokens) and doc.at_token("person", k) is not None


def _toll_counts(frame: Frame) -> list[tuple[int, int, str, int]]:
    """(position, count, what, end of the first phrase) of the killed and the injured a clause counts, where two or more."""
    out = []
    for kind, what in (("killed", "fatalities"), ("injured", "injuries")):
        items = [span for k, n, span in frame.casualties.items if k == kind]
        total = sum(n for k, n, _ in frame.casualties.items if k == kind)
        if total >= 2:
            out.append((items[0][0], total, what, items[0][1]))
    return out


def _names_a_campaign(clause: Clause) -> bool:
    """الاحتجاجات، الحرب، المعارك …: a toll of these counts many incidents."""
    return words_of(clause, "campaign_noun")


def _announced_that_day(frame: Frame, clause: Clause) -> bool:
    """"والخميس، أعلنت الوزارة تحييد 2120 عنصرا منذ مطلع العام": the day dates the announcement (said before its
    verb and the event words), not an event."""
    if frame.date_span is None or not frame.triggers:
        return False
    first = min(t.start for t in frame.triggers)
    doc = clause.doc
    # (and "حسب توثيق أصدره المرصد، الثلاثاء، فقد قتل …": the day the count was published)
    return any(frame.date_span[1] <= c.start < first for c in clause.cues("speech", "claim_verb")) or any(
        t.text in ar.words("documentation_word") and t.end <= frame.date_span[0]
        for t in doc.tokens[doc.token_index(clause.start):doc.token_index(frame.date_span[0])])


def _first_count(clause: Clause, ctx: ArticleContext) -> tuple[int | None, int | None]:
    """The first count of two or more in the clause that counts something: it follows "more than"
    or comes before a person, casualty or event noun (not a date, a year or a resolution number)."""
    doc = clause.doc
    bounds = clause.cues("lower_bound")
    for ti in range(doc.token_index(clause.start), doc.token_index(clause.end)):
        if doc.in_time(ti) or (ti > 0 and doc.tokens[ti - 1].text in ar.words("year_word")) or \
                (ti > 0 and doc.tokens[ti - 1].text in ar.words("since_word") and is_year(doc.tokens[ti].text)):
            continue
        c = read_count(doc.tokens, ti, ctx.kb.lexicon.numbers, ctx.vague)
        if c is None or c.value is None or c.value < 2:
            continue
        inside = c.last + 1 < len(doc.tokens) and doc.tokens[c.last + 1].start < clause.end  # (not the next sentence's)
        counted = inside and (any(doc.at_token(layer, c.last + 1) for layer in ("person", "casualty", "trigger"))
                              or doc.tokens[c.last + 1].text in ar.words("operation_word") | ar.words("counted_target"))
        if not counted and is_year(doc.tokens[ti].text):
            continue  # "منذ بدء الغزو في فبراير (شباط) 2022": a year is never a count
        if inside and doc.tokens[c.last + 1].text in ar.time_unit_words():
            continue  # "دامت أكثر من عشرة أشهر": a length of time, not a count
        # "ارتفعت حصيلة قتلى المواجهات … إلى 6": the count a toll rose to
        risen = ti > 0 and doc.tokens[ti - 1].text in ar.words("toll_to") and bool(clause.cues("toll"))
        if counted or risen or clause.after(bounds, doc.tokens[ti].start, 0):
            return c.value, doc.tokens[ti].start
    return None, None


def plural_event_noun(clause: Clause, main: TriggerMention) -> bool:
    """غارات، or a plural of 'operation' before a masdar (عمليات اغتيال، حالات اختطاف)."""
    doc = clause.doc
    ti = doc.token_index(main.start)
    before = doc.tokens[ti - 1].text if ti > 0 else ""
    return ar.plural_noun(doc.word(main)) or (before in ar.words("operation_word") and ar.plural_noun(before))


def vague_and_plural(frame: Frame, clause: Clause, live: list[TriggerMention], reading: _Reading) -> None:
    """A vague quantity on the trigger (عدة ضربات، هجمات متكررة) makes it a summary; crowds of protesters are
    always counted vaguely (مئات المحتجين) and stay one event, but a wave of them (موجة مظاهرات) is many. An
    indefinite plural (هجمات، غارات) without a place of its own is a summary of many events."""
    doc = clause.doc
    assert frame.main is not None
    for v in [c for c in clause.cues("vague") if frame.cls not in ("protest", "riot") or doc.word(c) in ar.words("series_word")]:
        vi, vj = doc.token_index(v.start), doc.token_index(v.end)
        postpositive = doc.word(v) in ar.words("postpositive_vague")
        separate = doc.word(v) in ar.words("separate_word")
        for t in live:
            ti, tj = doc.token_index(t.start), doc.token_index(t.end)
            if (not postpositive and ti == vj) or (postpositive and vi == tj):
                reading.summary = reading.counted_vaguely = True
                reading.separate = reading.separate or separate
    if in_separate_operations(clause):
        reading.summary = reading.counted_vaguely = reading.separate = True
    towns = any(l.place.feature not in ("country", "admin1", "region") for l in frame.leaves)
    if reading.separate and frame.cls in PLURAL_BY_NATURE and towns:
        reading.summary = reading.counted_vaguely = reading.separate = False  # "مواجهات متفرقة في القصرين وتالة": at each town
    if reading.counted_vaguely and towns and doc.tokens[doc.token_index(clause.start)].text in ar.words("additive_connector") \
            and not during_a_span(clause):
        # "كما شن الطيران سلسلة غارات على مدينة رفح": the news goes on with the day's strikes on a named town
        reading.summary = reading.counted_vaguely = reading.separate = False
    main = frame.main
    if any(doc.token_index(c.end) <= doc.token_index(t.start) or 0 <= doc.token_index(c.start) - doc.token_index(t.end) <= 1
           and plural_event_noun(clause, t) for c in clause.cues("trend") for t in live):
        reading.summary = reading.counted_vaguely = True  # "تشهد تصاعدا في العمليات …": a trend of many events
    if frame.cls in PLURAL_BY_NATURE:
        return  # اشتباكات، مظاهرات، مواجهات: one clash or one protest is told in the plural
    if main.ref.voice == "noun" and plural_event_noun(clause, main) and not main.definite:
        reading.summary = reading.summary or not any(l.place.feature != "country" for l in frame.leaves)
        if during_a_span(clause):  # "تشهد المكلا منذ أكثر من عامين عمليات اغتيال": a series over a span, even at a town
            reading.summary = reading.counted_vaguely = True


def tally(doc: ArticleDoc, f: Frame) -> dict[str, Any]:
    """The tally record a TALLY frame makes: its count, period (since … to the page's day) and evidence."""
    on = f.date if f.date and f.date_explicit else None
    pub = doc.published
    return {
        "count": f.tally_count, "at_least": f.tally_at_least, "what": f.tally_what,
        "period_start": (f.since.date if f.since else (on.date if on else None)),
        "period_end": (on.date if on and not f.since else (pub if f.since else None)),
        "country_codes": list(f.countries),
        "evidence": [(doc.sentences[f.sentence].start, doc.sentences[f.sentence].end)], "span": f.tally_span, "frame": f,
    }
