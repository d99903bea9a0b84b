"""Time expressions: found in the normalized text, resolved against the publication date.

Covers Gregorian dates with Egyptian, Levantine/Iraqi and Maghrebi month names (also doubled, as in
آب/أغسطس), ordinal days (السابع من أكتوبر), Hijri dates (via hijridate), numeric dates, weekdays
(the most recent such day on or before publication; with الماضي strictly before), اليوم/أمس/أول أمس,
day parts (فجر، صباح، مساء …), "that same day", "the next day", and vague weeks and months.

dateparser is not used to *find* dates: its search_dates is slow on whole articles and reads troop
counts as years (DESIGN.md); the patterns are rasd.lang.ar.DATE_PATTERNS filled with lexicon/calendar.tsv words.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

import bisect

import ahocorasick
import regex
from hijridate import Gregorian, Hijri

from rasd.lang import ar
from rasd.text.spans import longest_non_overlapping

_HAS_WORD = regex.compile(r"[\p{L}\p{N}]")
_WORD_START = regex.compile(r"(?<![\p{L}\p{N}])[\p{L}\p{N}]")
_NUMBER = regex.compile(r"(?<![\p{N}/.-])\d")
B = r"(?<![\p{L}\p{N}])"  # word start
E = r"(?![\p{L}\p{N}])"  # word end
_DATE_CLITICS = "".join(sorted(ar.words("date_clitic")))


@dataclass(slots=True)
class TimeExpr:
    start: int
    end: int
    kind: str  # absolute | hijri | weekday | relative | anaphora | next_day | month | week | month_rel | month_now | year_start
    day: int | None = None
    month: int | None = None
    year: int | None = None
    weekday: int | None = None
    offset: int = 0
    past: bool = False

    @property
    def explicit_day(self) -> bool:
        return self.kind in ("absolute", "hijri", "weekday", "relative", "anaphora", "next_day", "month_day")


@dataclass(slots=True)
class Resolved:
    date: date
    precision: int  # ACLED time_precision: 1 day, 2 week, 3 month or vaguer


YEAR_MIN, YEAR_MAX = 1900, 2100  # four digits in this range read as a year, never as a count


def is_year(word: str) -> bool:
    """"2015" in "منذ 2015", "2022" in "فبراير (شباط) 2022": a year."""
    return word.isdigit() and len(word) == 4 and YEAR_MIN <= int(word) <= YEAR_MAX


class Calendar:
    """The date finder: calendar words (lexicon/calendar.tsv) filled into the language's date
    patterns (rasd.lang.ar.DATE_PATTERNS); the code here knows no Arabic."""

    def __init__(self) -> None:
        words = ar.calendar_words()
        self.months = {f: int(v) for f, v in words["month"]}
        self.hijri_months = {f: int(v) for f, v in words["hijri_month"]}
        self.weekdays = {f: int(v) for f, v in words["weekday"]}
        self.relative = {f: int(v) for f, v in words["relative"]}
        self.ordinals = {f: int(v) for f, v in words["ordinal"]}
        self.week = {f: int(v) for f, v in words["week"]}
        self.month_rel = {f: int(v) for f, v in words["month_rel"]}
        self.month_now = {f for f, _ in words.get("month_now", [])}  # (read with the month_rel pattern)
        self.year_start = {f for f, _ in words.get("year_start", [])}  # (so is the start of this year)
        self.anaphora = [f for f, _ in words["anaphora"]]
        self.ago_units = {f: int(v) for f, v in words.get("ago_unit", [])}
        self.number_words = {f: v for f, (v, kind) in ar.number_words().items() if kind in ("unit", "dual")}
        self.next_day = {f: int(v or 1) for f, v in words["next_day"]}
        self.holidays = {f: tuple(int(x) for x in v.split(".")) for f, v in words.get("holiday", [])}
        self._anchor_kinds = self._anchor_table(words)
        self._anchors = ahocorasick.Automaton()
        for w in self._anchor_kinds:
            self._anchors.add_word(w, w)
        self._anchors.make_automaton()
        self.patterns = self._compile(words)
        self._by_kind = dict(self.patterns)

    @staticmethod
    def _anchor_table(words: dict[str, list[tuple[str, str]]]) -> dict[str, tuple[str, ...]]:
        """Anchor word -> the patterns that may contain it."""
        pattern_kinds = {"ago_unit": ("ago",), "month": ("absolute", "month"), "hijri_month": ("hijri",),
                         "weekday": ("weekday", "absolute"), "relative": ("relative", "anaphora", "next_day"),
                         "anaphora": ("anaphora",), "next_day": ("next_day",), "week": ("week",),
                         "month_rel": ("month_rel",), "month_now": ("month_rel",), "year_start": ("month_rel",), "ordinal": ("absolute",),
                         "holiday": ("holiday",)}
        table: dict[str, tuple[str, ...]] = {}
        for kind, pkinds in pattern_kinds.items():
            for f, _ in words.get(kind, []):
                for w in f.split():
                    if len(w) >= 2 and w not in ar.DATE_ANCHOR_SKIP:
                        table[w] = tuple(dict.fromkeys(table.get(w, ()) + pkinds))
        for w in ar.words("month_this") | ar.words("month_word"):
            table[w] = tuple(dict.fromkeys(table.get(w, ()) + ("month_day",)))
        return table

    def _compile(self, words: dict[str, list[tuple[str, str]]]) -> list[tuple[str, regex.Pattern[str]]]:
        def alt(xs: object) -> str:
            return "|".join(regex.escape(x).replace(r"\ ", r"\s+") for x in sorted(xs, key=len, reverse=True))

        fill = {
            "B": B, "E": E, "months": alt(self.months), "hmonths": alt(self.hijri_months),
            "ords": alt(self.ordinals), "wds": alt(self.weekdays), "past": alt([f for f, _ in words["past"]]),
            "next": alt([f for f, _ in words["next"]]), "hera": alt([f for f, _ in words["hijri_era"]]),
            "anaphora": alt(self.anaphora), "next_day": alt(self.next_day), "relative": alt(self.relative),
            "week": alt(self.week), "month_rel": alt({**self.month_rel, **dict.fromkeys(self.month_now | self.year_start, 0)}),
            "ago_units": alt(self.ago_units),
            "number_words": alt(self.number_words), "holidays": alt(self.holidays),
        }
        fill["dp"] = ar.DAYPART.format(dayparts=alt([f for f, _ in words["daypart"]]))
        return [(kind, regex.compile(template.format(**fill))) for kind, template in ar.DATE_PATTERNS.items()]

    def find(self, ntext: str, start: int = 0, end: int | None = None) -> list[TimeExpr]:
        """Calendar words (and digits) anchor the search: each pattern that can contain the anchor is
        tried, anchored, at the starts of the few words before it. Measured on a 2,400-character
        article: 0.3 ms, against 2.0 ms for scanning every pattern over the whole text."""
        end = len(ntext) if end is None else end
        words = [m.start() for m in _WORD_START.finditer(ntext, start, end)]
        anchors: list[tuple[int, tuple[str, ...]]] = [
            (e - len(k) + 1, self._anchor_kinds[k]) for e, k in self._anchors.iter(ntext, start, end)]
        anchors += [(m.start(), ("numeric", "iso")) for m in _NUMBER.finditer(ntext, start, end)]
        found: dict[tuple[int, int], TimeExpr] = {}
        for pos, kinds in anchors:
            wi = bisect.bisect_right(words, pos) - 1
            if wi < 0:
                continue
            for kind in kinds:
                pat = self._by_kind[kind]
                for s0 in words[max(0, wi - 5): wi + 1]:
                    m = pat.match(ntext, s0, end)
                    if m and m.end() > pos:
                        te = self._expr(kind, m)
                        if te is not None:
                            found[(te.start, te.end)] = te
                        break
        chosen = longest_non_overlapping((t.end - t.start, t.start, t.end, t) for t in found.values())
        return _merge_adjacent(ntext, chosen)

    def _month_rel(self, s: int, e: int, words: str) -> TimeExpr:
        """"الشهر الماضي" (months back), "الشهر الجاري" (this month), "مطلع العام الجاري" (this year's start)."""
        if words in self.month_now:
            return TimeExpr(s, e, "month_now")
        if words in self.year_start:
            return TimeExpr(s, e, "year_start")
        return TimeExpr(s, e, "month_rel", offset=-self.month_rel[words])

    def _expr(self, kind: str, m: regex.Match[str]) -> TimeExpr | None:
        s, e = m.start(), m.end()
        g = m.groupdict()
        if kind == "hijri":
            return TimeExpr(s, e, "hijri", int(g["day"]), self.hijri_months[_ws(g["hmonth"])],
                            int(g["year"]) if g.get("year") else None)
        if kind == "holiday":  # أول أيام عيد الفطر: 1 Shawwal of the year around publication
            month, day = self.holidays[_ws(g["holiday"])]
            return TimeExpr(s, e, "hijri", day, month, None)
        if kind == "absolute":
            day_s = g["day"].lstrip(_DATE_CLITICS)
            day = int(day_s) if day_s.isdigit() else self.ordinals.get(_ws(day_s))
            if not day or not 1 <= day <= 31:
                return None
            return TimeExpr(s, e, "absolute", day, self.months[_ws(g["month"])],
                            int(g["year"]) if g.get("year") else None)
        if kind in ("numeric", "iso"):
            d, mo, y = int(g["day"]), int(g["month"]), int(g["year"])
            if not (1 <= d <= 31 and 1 <= mo <= 12):
                return None
            return TimeExpr(s, e, "absolute", d, mo, y)
        if kind == "month":
            if not (g.get("ctx") or g.get("year") or g.get("past") or g.get("month2")):
                return None  # a bare month word (مارس، آب) is too often something else (not "آب/أغسطس")
            return TimeExpr(s, e, "month", None, self.months[_ws(g["month"])],
                            int(g["year"]) if g.get("year") else None, past=bool(g.get("past")))
        if kind == "weekday":
            return TimeExpr(s, e, "weekday", weekday=self.weekdays[_ws(g["wd"])], past=bool(g.get("past")),
                            offset=7 if g.get("next") else 0)
        if kind == "relative":
            return TimeExpr(s, e, "relative", offset=self.relative[_ws(g["rel"])])
        if kind == "anaphora":
            return TimeExpr(s, e, "anaphora")
        if kind == "next_day":
            return TimeExpr(s, e, "next_day", offset=self.next_day[_ws(g["nd"])])
        if kind == "week":
            return TimeExpr(s, e, "week", offset=-self.week[_ws(g["week"])])
        if kind == "month_rel":
            return self._month_rel(s, e, _ws(g["mrel"]))
        if kind == "ago":
            unit = self.ago_units[_ws(g["unit"])]
            n = g.get("n")
            # ("قبل أسابيع", "قبل أشهر": a plural with no number is at least three)
            count = (int(n) if n and n.isdigit() else self.number_words.get(_ws(n), 1)) if n else \
                (3 if _ws(g["unit"]) in ar.words("plural_unit") else 1)
            if unit == 1 and not n and _ws(g["unit"]) in ar.words("few_days"):
                return None  # "قبل أيام": a few days, too vague for a day
            if _anchored(m.string, e):
                return None  # "قبل يوم واحد من الموعد النهائي": a day before another event, not before today
            return TimeExpr(s, e, "week" if unit >= 7 else "relative", offset=-unit * count)
        if kind == "month_day":
            day_s = g["day"].lstrip(_DATE_CLITICS)
            day = int(day_s) if day_s.isdigit() else self.ordinals.get(_ws(day_s))
            if not day or not 1 <= day <= 31:
                return None
            back = 0 if any(w in ar.words("month_this") for w in g["which"].split()) else -1
            return TimeExpr(s, e, "month_day", day=day, offset=back)
        return None


def _ws(s: str) -> str:
    return " ".join(s.split())


_SENTENCE_END = regex.compile(ar.SENTENCE_END)


def _merge_adjacent(ntext: str, exprs: list[TimeExpr]) -> list[TimeExpr]:
    """'أمس الأحد', 'الجمعة 23 جمادى الآخرة': two adjacent expressions naming one day become one;
    the more exact reading (absolute > relative > weekday) wins, the span covers both. "The next day"
    names the day after the one before it, never the same day ("مساء الجمعة، وفي اليوم التالي")."""
    order = {"absolute": 0, "hijri": 0, "relative": 1, "anaphora": 2, "weekday": 3}
    out: list[TimeExpr] = []
    for te in exprs:
        if out:
            prev = out[-1]
            gap = ntext[prev.end:te.start]
            # (not across a sentence's end or an "and": "اليوم الأحد. والسبت …" are two days)
            if (prev.kind in order and te.kind in order and len(gap) <= 3 and not _HAS_WORD.search(gap)
                    and not _SENTENCE_END.search(gap) and not any(ch in ar.words("and_clitic") for ch in gap)):
                best = prev if order[prev.kind] <= order[te.kind] else te
                # "اليوم الخميس": the weekday after "today" stays known (not one before it: سوق الجمعة مساء أمس)
                weekday = best.weekday if best.weekday is not None else te.weekday
                out[-1] = TimeExpr(prev.start, te.end, best.kind, best.day, best.month, best.year,
                                   weekday, best.offset, best.past)
                continue
        out.append(te)
    return out


def _infer_year(day: int, month: int, pub: date) -> int:
    """The year that puts day/month on or before publication (news reports the past)."""
    y = pub.year
    try:
        cand = date(y, month, day)
    except ValueError:
        cand = date(y, month, min(day, 28))
    return y - 1 if cand > pub + timedelta(days=2) else y


def resolve(te: TimeExpr, pub: date | None, previous: date | None) -> Resolved | None:
    """A date and ACLED time_precision for an expression, or None if it cannot be resolved."""
    if te.kind in ("absolute", "hijri"):
        return _resolve_calendar_date(te, pub)
    if te.kind == "anaphora":
        base = previous or pub
        return Resolved(base, 1) if base else None
    if te.kind == "next_day":
        if previous is None:
            # "the day after the attack" with no day told before: within the week before publication ("the day
            # before", told of nothing else: the day before the page's)
            return (Resolved(pub, 2) if te.offset > 0 else Resolved(pub + timedelta(days=te.offset), 1)) if pub else None
        return Resolved(previous + timedelta(days=te.offset), 1)
    if pub is None:
        return None
    if te.kind == "weekday":
        assert te.weekday is not None
        delta = (pub.weekday() - te.weekday) % 7
        if te.past and delta == 0:
            delta = 7
        if te.offset:  # المقبل: the coming one
            return Resolved(pub + timedelta(days=(te.weekday - pub.weekday()) % 7 or 7), 1)
        return Resolved(pub - timedelta(days=delta), 1)
    if te.kind == "relative":
        day = pub + timedelta(days=te.offset)
        if te.weekday is not None and day.weekday() != te.weekday and 0 <= te.offset + 1:
            # "اليوم الخميس" on a page dated Friday: the weekday the text names outranks the page's date
            return Resolved(pub - timedelta(days=(pub.weekday() - te.weekday) % 7), 1)
        return Resolved(day, 1)
    if te.kind == "week":
        return Resolved(pub + timedelta(days=te.offset), 2)
    return _resolve_month(te, pub)


def _resolve_calendar_date(te: TimeExpr, pub: date | None) -> Resolved | None:
    """A Gregorian or Hijri day; the year inferred from publication when the text leaves it out."""
    try:
        if te.kind == "absolute":
            year = te.year or (_infer_year(te.day or 1, te.month or 1, pub) if pub else None)
            return Resolved(date(year, te.month or 1, te.day or 1), 1) if year is not None else None
        year = te.year
        if year is None:
            if pub is None:
                return None
            year = Gregorian(pub.year, pub.month, pub.day).to_hijri().year
            if Hijri(year, te.month, te.day).to_gregorian() > pub + timedelta(days=2):
                year -= 1
        g = Hijri(year, te.month or 1, te.day or 1).to_gregorian()
        return Resolved(date(g.year, g.month, g.day), 1)
    except (ValueError, OverflowError):
        return None


def _resolve_month(te: TimeExpr, pub: date) -> Resolved | None:
    """Month names, "the 5th of this month", "last month"."""
    if te.kind == "month":
        assert te.month is not None
        year = te.year or (pub.year if (te.month < pub.month or (te.month == pub.month and not te.past)) else pub.year - 1)
        return Resolved(date(year, te.month, 1), 3)
    if te.kind == "month_day":
        m, y = pub.month + te.offset, pub.year
        if m <= 0:
            m, y = m + 12, y - 1
        try:
            return Resolved(date(y, m, te.day or 1), 1)
        except ValueError:
            return None
    if te.kind == "month_now":
        return Resolved(pub, 3)  # some day of this month, up to the page's
    if te.kind == "year_start":
        return Resolved(date(pub.year, 1, 1), 3)
    if te.kind == "month_rel":
        m = pub.month + te.offset
        y = pub.year
        while m <= 0:
            m += 12
            y -= 1
        return Resolved(date(y, m, 1), 3)
    return None


@lru_cache(maxsize=1)
def calendar() -> Calendar:
    return Calendar()


def find_dateline(ntext: str, body_start: int, found: list[TimeExpr] | None = None,
                  published: date | None = None) -> tuple[date, TimeExpr] | None:
    """The publication date from the dateline: the first full date in the body's first line
    (or first 220 characters), e.g. 'كييف في 12 ديسمبر 2023' or 'بغداد - الجمعة 23 جمادى الآخرة 1445 هـ';
    with a known publication date, also a day and month set off by an agency ('نيامي في 30 يناير /العمانية/')."""
    for line in range(SHORT_LINES_BEFORE_DATELINE + 1):
        while body_start < len(ntext) and ntext[body_start].isspace():
            body_start += 1
        line_end = ntext.find("\n", body_start)
        if line_end == -1:
            line_end = len(ntext)
        end = min(line_end, body_start + 220)
        exprs = [t for t in found if body_start <= t.start and t.end <= end] if found is not None \
            else calendar().find(ntext, body_start, end)
        for te in exprs:
            # (after a short line, only a date set off by a dash or a bracket: "أبوجا 5 يناير 2026 (وال) -")
            if te.kind in ("absolute", "hijri", "iso", "numeric") and te.year and _heads_the_line(ntext, body_start, te) \
                    and (line == 0 or _set_off(ntext, body_start, te)):
                r = resolve(te, None, None)
                if r:
                    return r.date, te
            if line == 0 and te.kind == "absolute" and not te.year and published is not None \
                    and _yearless_dateline(ntext, body_start, te):
                r = resolve(te, published, None)
                if r:
                    return r.date, te
        if exprs or len(ntext[body_start:line_end].split()) > SHORT_LINE_WORDS:
            return None
        body_start = line_end  # a short line with no date ("متابعة", a byline): the dateline may follow
    return None


SHORT_LINES_BEFORE_DATELINE = 2
SHORT_LINE_WORDS = 3


def _set_off(ntext: str, line_start: int, te: TimeExpr) -> bool:
    return bool(_DATELINE_SEPARATOR.search(ntext[line_start:te.start]) or _DATELINE_SEPARATOR.search(ntext[te.end:te.end + 4]))


def _yearless_dateline(ntext: str, line_start: int, te: TimeExpr) -> bool:
    """"CITY في DD MONTH /AGENCY/" or "CITY في DD MONTH -": a dateline without its year."""
    prefix = ntext[line_start:te.start].split()
    return 1 <= len(prefix) <= DATELINE_PREFIX_WORDS and prefix[-1] in ar.words("locative_preposition") \
        and bool(_DATELINE_SEPARATOR.match(ntext[te.end:te.end + 4].lstrip()))


DATELINE_PREFIX_WORDS = 4  # "بغداد -", "كييف في", "الرياض (واس) -": a place and a source at most
_DATELINE_SEPARATOR = regex.compile(r"[-–—:|(\[/]")
_PAGE_STAMP = regex.compile(r"[A-Za-z]{2,12}:?")  # "date 2025-08-17", "Published: 12 May 2024"


def _heads_the_line(ntext: str, line_start: int, te: TimeExpr) -> bool:
    """A dateline's date stands at the head of the line, set off by a dash, colon or bracket
    ("بغداد - 12 ديسمبر 2023 -"); a full date inside the lede's first sentence is the event's."""
    prefix = ntext[line_start:te.start]
    if sum(1 for w in prefix.split() if _HAS_WORD.search(w)) > DATELINE_PREFIX_WORDS:
        return False
    if _PAGE_STAMP.fullmatch(prefix.strip()):
        return True  # a page's date stamp ("date 2025-08-17 …", "Published: 12 May 2024")
    return not prefix.strip() or bool(_DATELINE_SEPARATOR.search(prefix)) \
        or bool(_DATELINE_SEPARATOR.search(ntext[te.end:te.end + 4])) or (prefix.split()[-1:] or [""])[0] in ar.words("locative_preposition") \
        or any(w in ntext[te.end:te.end + 14] for w in ar.words("dateline_restated"))  # "نيامي 11 شعبان 1441 هـ الموافق …"


def _anchored(text: str, end: int) -> bool:
    """"قبل يومين من الانتخابات", "بعد أسبوع على الهجوم": the span counts from another event named after
    من/على, not from the day of publication (not "من الآن")."""
    words = text[end:end + 60].split()
    while words and words[0] in ar.words("ago_filler"):
        words.pop(0)
    return len(words) >= 2 and words[0] in ar.words("anchor_preposition") and words[1] not in ar.words("now_word")
