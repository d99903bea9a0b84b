"""When: the clause's date (the most explicit time expression outside sources and the dateline,
resolved against publication and the discourse date) and the start of a period ("since …")."""

from __future__ import annotations

from datetime import date, timedelta

from rasd.doc import ArticleDoc, Clause, CueMention
from rasd.extract.context import ArticleContext
from rasd.extract.frame import Frame
from rasd.lang import ar
from rasd.text.dates import Resolved, is_year, resolve


class When:
    name = "when"
    reads = ("inherited",)
    fills = ("date", "date_explicit", "date_span", "since", "day_options", "said_on")
    every_clause = True  # later clauses inherit dates from clauses without events

    def fill(self, frame: Frame, clause: Clause, ctx: ArticleContext) -> None:
        doc = clause.doc
        since_cues = clause.cues("since")
        previous = frame.inherited.date if frame.inherited else None
        for te in doc.times_in(clause.start, clause.end):
            if doc.dateline_end > 0 and te.end <= doc.dateline_end:
                continue
            if _names_something(doc, te.start) or _in_an_earlier_relative(clause, frame, te.start) or _avenged(clause, frame, te.start) or \
                    _dates_another_noun(clause, te.start) or _dates_what_came_before(clause, te.start) or \
                    any(c.start == te.start and opens_recent_incident(clause, c) for c in clause.cues("anchor_event")):
                continue  # (غداة opening a recent incident's clause: shift_to_anchor dates it, a day back)
            if (clause.is_excluded(te.start) or (not frame.triggers and clause.cues("statement"))) and not _occurred_on(doc, te.start):
                # (and "وحذرت الأمم المتحدة الليلة الماضية من …": a statement's day, which the next clause
                # does not inherit)
                # "قال في بيان يوم الجمعة إن …": the day of the statement, not of the event; the event
                # happened by then, so an event told with no day of its own is dated to it (frame_date)
                if te.explicit_day and frame.said_on is None:
                    frame.said_on = resolve(te, ctx.pub, previous)
                continue
            if te.explicit_day and frame.said_on is None and _before_saying(clause, te.start, te.end):
                frame.said_on = resolve(te, ctx.pub, previous)  # "ومساء الإثنين، قالت الوكالة إن …": the statement's day
                continue
            # ("قالت الوكالة مساء الاثنين إن مسيرة استهدفت عصر اليوم …": "today" of what was said on Monday)
            # (only a bare "today": "قالت أمس الخميس إن … قتلت أول أمس الأربعاء" counts back from the page, its weekday says)
            said = frame.said_on.date if frame.said_on is not None and te.kind == "relative" and te.offset == 0 \
                and te.weekday is None else None
            r = resolve(te, said or ctx.pub, previous)
            if r is None or (ctx.pub is not None and r.date > ctx.pub):
                continue  # (a day after the page's, "اجتماع مرتقب غدا الخميس", is a plan, not when it happened)
            if clause.after(since_cues, te.start, 1) or _starts_with_since(doc, te.start) \
                    or _since_the_start(clause, since_cues, te.start) or _opens_a_range(doc, te.start):
                frame.since = frame.since or r
                continue
            if frame.since is not None and _closes_a_range(doc, te.start):
                continue  # "بين 29 أبريل والأول من يونيو": the end of a period, not a day of an event
            explicit = te.explicit_day and not _announcement_day(clause, te.start) and not _day_of_the_aftermath(clause, frame, te.end)
            if explicit:  # (not the day a claim or a toll was announced: "أعلنت اليوم الخميس مسؤوليتها عن تفجير أمس")
                frame.day_options.append(((te.start, te.end), r))
            if frame.date is None or (not frame.date_explicit and explicit):
                frame.date, frame.date_span, frame.date_explicit = r, (te.start, te.end), explicit
        if frame.since is None:
            frame.since = _since_a_year(clause, since_cues, ctx)
        if frame.date is None and frame.since is None:
            frame.date = _in_a_past_year(clause, frame, ctx)


def _avenged(clause: Clause, frame: Frame, pos: int) -> bool:
    """"انتقاما لمقتل … يوم 4 مارس", "تلاحق من يقفون وراء هجوم كنيسة يوم الأحد": the day of what is avenged or
    pursued, not of this clause's event."""
    return clause.in_answered(pos)


PLUPERFECT_REACH = 6  # tokens from "التي كانت قد" to the day it gives


def _occurred_on(doc: ArticleDoc, pos: int) -> bool:
    """"أكد المصدر حصيلة الهجوم الذي وقع أمس السبت": the day a relative clause says the event occurred on is its day,
    though it stands in what a source said."""
    ti = doc.token_index(pos)
    return ti >= 2 and doc.tokens[ti - 2].text in ar.words("relative_pronoun") and doc.tokens[ti - 1].text in ar.words("occur_verb")


def _in_an_earlier_relative(clause: Clause, frame: Frame, pos: int) -> bool:
    """"تجددت الاشتباكات في مديرية عسيلان … وأوقفت الاشتباكات التي كانت قد اندلعت مساء الجمعة": a relative clause
    in the pluperfect (التي كانت قد) after the clause's event word tells an earlier event, and one telling when a war
    began (في العدوان الذي بدأ فجر الثلاثاء) dates the war; neither day is the clause's event's."""
    toks, ti = clause.doc.tokens, clause.doc.token_index(pos)
    for k in range(max(clause.doc.token_index(clause.start), ti - PLUPERFECT_REACH), ti - 1):
        if toks[k].text in ar.words("relative_pronoun") and (toks[k + 1].text in ar.words("start_verb") or (
                toks[k + 1].text in ar.words("past_copula") and toks[k + 2].text in ar.words("perfect_particle"))):
            return any(t.start < toks[k].start for t in frame.triggers)
    return False


def _in_a_past_year(clause: Clause, frame: Frame, ctx: ArticleContext) -> Resolved | None:
    """"ووقع هجوم عام 2015 عندما …": an event told only by a year before publication's is an old one (not a
    year told after the event word and "after": "استهدفوا نقطة … عقب سيطرة متشددين على المنطقة عام 2012")."""
    doc = clause.doc
    first = doc.token_index(frame.triggers[0].start) if frame.triggers else len(doc.tokens)
    for ti in range(doc.token_index(clause.start), len(doc.tokens) - 1):
        if doc.tokens[ti].start >= clause.end:
            break
        word, nxt = doc.tokens[ti].text, doc.tokens[ti + 1].text
        if word in ar.words("year_word") and is_year(nxt) and ctx.pub is not None and int(nxt) < ctx.pub.year \
                and not clause.is_excluded(doc.tokens[ti].start) \
                and not any(doc.tokens[k].text in ar.words("after_word") for k in range(first + 1, ti)):
            return Resolved(date(int(nxt), 1, 1), 3)
    return None


QUOTE_MARKS = set("«\"“:")  # a quotation opens between a speaking verb and a day of the words quoted
ANNOUNCE_REACH = 10  # tokens from أعلن الجيش … to the day set off after it


def _announcement_day(clause: Clause, pos: int) -> bool:
    """"أعلن الجيش، اليوم الاثنين، مقتل 20 …": a day between an announcing verb and the news it brings
    dates the announcement; the event may be older (a later "وقع الهجوم يوم السبت" says when). So does a
    day after "the toll rose" (ارتفعت، السبت، حصيلة …)."""
    doc = clause.doc
    ti = doc.token_index(pos)
    # (the verb may stand before a clause break: "وأكدت السلطات من جهتها الاثنين أن منازل أحرقت")
    ends = [c.end for c in doc.cues(doc.sentences[clause.sentence].start, pos, "claim_verb", "speech", "toll_rise")]
    # (and an accusation: "اتهمت المنظمة الاثنين قوات الأمن بإعدام 31 معتقلا … في 9 نيسان")
    ends += [t.end for t in doc.tokens[doc.token_index(clause.start):ti] if ar.without_proclitics(t.text, "and_clitic") in ar.words("accuse_verb")]
    for end in ends:
        ci = doc.token_index(end)
        if 0 <= ti - ci <= ANNOUNCE_REACH and not any(ci <= doc.token_index(t.start) < ti for t in clause.mentions("trigger")) \
                and not _quoted_between(doc, end, pos):
            return True  # (not a day inside the words quoted: قال المتحدث «فقدنا أمس خمسة من جنودنا»)
    return False


SAYING_REACH = 1  # tokens from a day to the verb of saying it dates ("مساء الإثنين، قالت الوكالة")


def _before_saying(clause: Clause, start: int, pos: int) -> bool:
    """"وفي وقت سابق من مساء الإثنين، قالت وكالة الإعلام إن مسيرة استهدفت عصر اليوم …": a day right before a verb of
    saying, with no event word before it in the clause, dates the statement (its "today" is that day), not the event
    (but "دارت مواجهات الجمعة، قال الحوثيون …" dates the clashes)."""
    doc = clause.doc
    if doc.in_range("trigger", clause.start, start):
        return False
    k = doc.token_index(pos)
    return any(0 <= doc.token_index(c.start) - k <= SAYING_REACH and not doc.in_range("trigger", pos, c.start)
               for c in clause.cues("speech", "claim_verb") if c.start >= pos)


def _quoted_between(doc: ArticleDoc, start: int, end: int) -> bool:
    a, b = doc.original(start, end)  # (the normalized text has no quotation marks: read the original)
    return bool(QUOTE_MARKS & set(doc.source.text[a:b]))


AFTER_REACH = 8  # tokens from a day to the "بعد" that opens the event it followed


def _day_of_the_aftermath(clause: Clause, frame: Frame, pos: int) -> bool:
    """"بدأت بوركينا فاسو، الأربعاء، فترة حداد … بعد مقتل 36 شخصا": a day told before "after" (بعد، عقب، إثر)
    and the clause's first event word dates what followed the event, not the event."""
    doc = clause.doc
    if not frame.triggers or frame.triggers[0].start < pos:
        return False
    ti, first = doc.token_index(pos), doc.token_index(frame.triggers[0].start)
    return 0 < first - ti <= AFTER_REACH and any(doc.tokens[k].text in ar.words("after_word") for k in range(ti, first))


RELATIVE_DATE_REACH = 4  # tokens from "الذي" to the date its clause gives ("الذي وقع في 5 سبتمبر")


def _dates_another_noun(clause: Clause, pos: int) -> bool:
    """"يهدف إلى المساومة على بدء العام الدراسي الذي وقع في 5 سبتمبر": a relative clause with no event word, after
    a noun that is no event word, dates that noun (the start of the school year), not the clause's event."""
    doc = clause.doc
    ti, first = doc.token_index(pos), doc.token_index(clause.start)
    for k in range(ti - 1, max(first, ti - RELATIVE_DATE_REACH) - 1, -1):
        if doc.tokens[k].text in ar.words("relative_pronoun"):
            lead = doc.tokens[max(first, k - 3)].start
            return k > first and not doc.in_range("trigger", lead, pos)
    return False


AFTER_NOUN_REACH = 4  # tokens from "after" and its noun to a date that is the noun's


def _dates_what_came_before(clause: Clause, pos: int) -> bool:
    """"ويأتي هذا الهجوم عقب ادعاء روسيا أمس أنها …": after an event word, "after" and a noun that is no event word
    (a claim, a decision, a visit) date that noun, not the event (but "بعد ظهر أمس" is a time of day)."""
    doc = clause.doc
    ti = doc.token_index(pos)
    return any(0 < ti - doc.token_index(c.end) <= AFTER_NOUN_REACH and not doc.in_range("trigger", c.end, pos)
               for c in after_a_plain_noun(clause))


def after_a_plain_noun(clause: Clause) -> list[CueMention]:
    """The "after" cues (بعد، عقب) of a clause that told its event before them and go on with a noun of something
    said or held on a day of its own (ادعاء، إعلان، اجتماع، زيارة): what follows is that noun's (its day, its place:
    "عقب اجتماع عقد أمس في أنقرة"); not "عقب صلاة الجمعة", the protest's own hour."""
    doc = clause.doc
    return [c for c in clause.cues("after", "sequel")
            if (ci := doc.token_index(c.end)) < len(doc.tokens) and doc.at_token("trigger", ci) is None
            and doc.tokens[ci].text in ar.words("noun_of_its_own_day") and doc.in_range("trigger", clause.start, c.start)]


SINCE_REACH = 8  # tokens from منذ بدء … to the date of that start


def _since_the_start(clause: Clause, since_cues: list, pos: int) -> bool:
    """"منذ بدء العدوان في السابع من أكتوبر": the date is when the period began."""
    doc = clause.doc
    ti = doc.token_index(pos)
    for c in since_cues:
        ci = doc.token_index(c.end)
        if 0 < ti - ci <= SINCE_REACH and ci < len(doc.tokens) and doc.tokens[ci].text in ar.words("since_start"):
            return True
    return False


def _since_a_year(clause: Clause, since_cues: list, ctx: ArticleContext) -> Resolved | None:
    """"أسفرت منذ 2015 عن نحو 750 قتيلا", "منذ عام 2011": a period that began with a year, before this one."""
    doc = clause.doc
    for c in since_cues:
        ti = doc.token_index(c.end)
        if ti < len(doc.tokens) and doc.tokens[ti].text in ar.words("year_word"):
            ti += 1
        word = doc.tokens[ti].text if ti < len(doc.tokens) else ""
        if is_year(word) and (ctx.pub is None or int(word) < ctx.pub.year):
            return Resolved(date(int(word), 1, 1), 3)
    return None


def _opens_a_range(doc: ArticleDoc, pos: int) -> bool:
    """"بين 29 أبريل …": a date right after بين opens a period."""
    ti = doc.token_index(pos)
    if ti > 0 and doc.tokens[ti - 1].text.isdigit():
        ti -= 1  # "بين 29 أبريل الماضي": the day number read apart from its month
    # (not the بين of a name: "ذي بين صباح اليوم")
    word = doc.tokens[ti - 1].text if ti > 0 else ""
    opens = word in ar.words("range_open") or (word[:1] in ar.words("and_clitic") and word[1:] in ar.words("range_open"))
    return opens and doc.at_token("place", ti - 1) is None


def _closes_a_range(doc: ArticleDoc, pos: int) -> bool:
    """"… والأول من يونيو", "… وحتى 3 مايو": the second date of a range."""
    ti = doc.token_index(pos)
    word = doc.tokens[ti].text if ti < len(doc.tokens) else ""
    prev = doc.tokens[ti - 1].text if ti > 0 else ""
    return word[:1] in ar.words("and_clitic") or prev in ar.words("range_close")


def _names_something(doc, pos: int) -> bool:
    """"حركة 6 أبريل", "ثورة 25 يناير": a date right after such a word is part of a name."""
    ti = doc.token_index(pos)
    return ti > 0 and doc.tokens[ti - 1].text in ar.words("date_name_head")


def _starts_with_since(doc: ArticleDoc, pos: int) -> bool:
    """"منذ أمس", and "منذ مطلع الشهر الجاري" where the longer period cue hides منذ from the since cues."""
    word = doc.ntext[pos:pos + 8].split(" ", 1)
    ti = doc.token_index(pos)
    return (len(word) == 2 and word[0] in ar.words("since_word")) or (ti > 0 and doc.tokens[ti - 1].text in ar.words("since_word"))


def next_discourse(frame: Frame, current: Resolved | None, ctx: ArticleContext) -> Resolved | None:
    """Dates that later clauses inherit: explicit days within the reporting week."""
    if frame.date is not None and frame.date_explicit and frame.date.precision == 1 and not frame.is_title:
        if not ctx.is_old(frame.date.date):
            return frame.date
    return current


WEEK_BACK = 7  # days an anchor cue sends an event back that make its day a day of its own


def shift_to_anchor(frame: Frame, clause: Clause, page_day: date | None = None) -> int:
    """"ويأتي ذلك بعد يوم من مقتل 20 شخصا في مزار شريف": an event told after "a day after" happened a day (or
    two) before the clause's day, not on it (an event told before the cue keeps its day); in a report that names
    no day, a day or more before the page's (its week). The days it went back (0: it did not)."""
    day = frame.date or frame.inherited or (Resolved(page_day, 2) if page_day else None)
    if frame.date_explicit or day is None or frame.main is None:
        return 0
    doc = clause.doc
    for c in clause.cues("anchor_event", "sequel"):
        if (days := doc.days_back(c)) and c.end <= frame.main.start:
            frame.date = Resolved(day.date - timedelta(days=days), day.precision)
            # (a week or more back is surely another day than the clause's; so is a day back with a toll of its own:
            # "ويأتي اعتراض الصاروخ غداة مقتل ثلاثة مدنيين في المدينة نفسها")
            frame.date_explicit = days >= WEEK_BACK or (day.precision == 1 and bool(frame.casualties.items))
            return days
    return 0


def opens_recent_incident(clause: Clause, c: CueMention) -> bool:
    """A clause cut at "، بعد يومين من هجوم في X" (doc._earlier_event_cuts) tells that recent incident: its
    place and toll are the clause's own, not an answered event's."""
    return c.start <= clause.start + 1 and clause.doc.after_comma(c.start) and clause.doc.days_back(c) > 0
