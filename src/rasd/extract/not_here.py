"""Places a clause names that are not where its event happened: where a source sits ("مصدر عسكري في موبتي"), across a
border or a launch origin, a person's home
town or a hospital (origin cues, with the places that locate them: "المنحدر من مدينة القرداحة بريف اللاذقية"), the
accused government, a convoy's destination, an outlet named after a place, a capital speaking for its government, the
reference point of a bearing, a street named after a place. Reads the clause and its place cues; writes nothing
(where.py skips what this module rejects)."""

from __future__ import annotations

from dataclasses import dataclass

from rasd.doc import ArticleDoc, Clause, CueMention, Mention
from rasd.extract.capitals import only_capital_between
from rasd.lang import ar

BORDER_WINDOW = 3  # tokens after a border/origin cue whose place is not the event's


@dataclass
class Cues:
    """The clause's place-related cues, gathered once."""

    border: list[Mention]
    directions: list[CueMention]
    near: list[CueMention]
    capital: list[CueMention]
    features: list[Mention]
    roads: list[CueMention]
    speech: list[CueMention]
    outlets: list[CueMention]


def not_the_event_place(clause: Clause, cues: Cues, m: Mention, mi: int, feat: list[str] | None,
                         after_place: bool) -> bool:
    doc = clause.doc
    if _saw_it(doc, m):
        return False  # "بالجيزة التي شهدت الخميس هجوما": the place a relative clause says saw the event is its place
    if any(not _located_in(doc, c) and _first_place_after(clause, c, m) for c in cues.border):
        return True  # across a border, a launch origin, a war's or a period's place (the first place after it)
    if doc.ntext[m.start] in ar.words("and_clitic") and any(
            doc.ntext[c.start:c.end] in ar.words("border_word") and 0 <= mi - doc.token_index(c.end) <= BORDER_WINDOW + 1
            and all(doc.gap(p.end, q.start) == 0 for p, q in zip(*_places_from(clause, c.end, m.end)))
            for c in cues.border):
        return True  # "الحدود مع توغو وغانا": every country of the list across the border
    before = doc.tokens[mi - 1].text if mi > 0 else ""
    if ar.without_proclitics(before, "and_clitic") in ar.words("depiction_word") \
            and doc.ntext[m.start:m.key_start] in ("", ar.ARTICLE):
        return True  # "رفعوا صور المسجد الأقصى": a picture of the place, carried elsewhere
    nxt_word = doc.tokens[doc.token_index(m.end)].text if doc.token_index(m.end) < len(doc.tokens) else ""
    if doc.word(m) in ar.words("idiom_head_place") and nxt_word in ar.words("idiom_head_tail"):
        return True  # "مسقط رأس زعيم العصابة": a birthplace, not Muscat
    if source_seat(clause, mi):
        return True  # "أشار مصدر عسكري مالي في موبتي إلى …": where the source sits, not where it happened
    if _accused(clause, m, mi):
        return True  # "اتهم الرئيس الأوكراني موسكو بالسعي إلى …": the accused government, not a place
    if _route_destination(clause, cues, m, mi) or _from_to(clause, m):
        return True  # "في طريقها من تونس إلى طرابلس": where a convoy was going, as much as where it came from
    nxt = doc.token_index(m.end)
    if clause.after(cues.outlets, m.start, 0) or (nxt < len(doc.tokens) and doc.tokens[nxt].text in ar.words("web_suffix")):
        return True  # صحيفة الرياض، قناة الغد، "القدس" دوت كوم: an outlet named after a place
    if _launched_from(clause, mi, feat):
        return True  # "أطلق صاروخ من محافظة صعدة باتجاه جازان": where the missile left, not where it fell
    if _speaking(clause, cues, m):
        return True  # "قالت أنقرة", "موسكو تتهم", "تزعم أنقرة وطهران": a capital speaking for its government
    if after_place and any((0 <= mi - doc.token_index(c.end) <= (1 if feat or _after_capital(clause, cues.capital, mi) else 0)
                            or only_capital_between(clause, doc.token_index(c.end), mi)) and not doc.comma_between(c.end, m.start)
                           for c in cues.directions):
        # "X north of Baghdad": Baghdad is only a reference point (but "بريف إدلب الجنوبي، وقرى الزيارة": the
        # bearing closed by a comma, the next item of a list)
        return True
    return bool(feat and set(feat) & {"street", "square"})  # شارع فلسطين، ساحة التحرير: a street named after a place


def _saw_it(doc: ArticleDoc, m: Mention) -> bool:
    k = doc.token_index(m.end)
    return k + 1 < len(doc.tokens) and doc.tokens[k].text in ar.words("relative_pronoun") \
        and doc.tokens[k + 1].text in ar.words("witness_verb")


CHAIN_GAP = 1  # words between a place and the one that locates it: "القرداحة بريف اللاذقية"


def _first_place_after(clause: Clause, c: CueMention, m: Mention) -> bool:
    """m is the first place after the cue, or locates that place ("المنحدر من مدينة القرداحة بريف اللاذقية": both);
    not when an adjective right after the cue named the other side already (الحدود السنغالية، من الأراضي اليمنية)."""
    doc = clause.doc
    before = [p for p in clause.mentions("place") if c.end <= p.start < m.start]
    chain = before + [m]
    if getattr(c.ref, "cue", None) == "border" and _and_after_a_named_border(clause, c, m):
        return False  # "بين الحدود السنغالية ومدينة كاييس": the adjective named the other side; the town is this one
    if getattr(c.ref, "cue", None) in ("origin", "route_from") and _at_the_place(doc, chain[0]) and \
            any(c.end <= n.start < chain[0].start for n in clause.mentions("nisba")):
        return False  # "أطلق من الأراضي اليمنية على محافظة صامطة": the adjective named the origin already
    return bool(chain) and 0 <= doc.token_index(chain[0].start) - doc.token_index(c.end) <= BORDER_WINDOW and \
        doc.ntext[m.start] not in ar.words("and_clitic") and \
        all(doc.token_index(q.start) - doc.token_index(p.end) <= CHAIN_GAP for p, q in zip(chain, chain[1:]))


def _and_after_a_named_border(clause: Clause, c: CueMention, m: Mention) -> bool:
    """The border word has its adjective right after it, and m (or its feature word) is joined by "and"."""
    doc, mi = clause.doc, clause.doc.token_index(m.start)
    head = doc.tokens[mi - 1] if mi > 0 and doc.at_token("feature", mi - 1) is not None else doc.tokens[mi]
    return head.text[:1] in ar.words("and_clitic") and any(
        doc.token_index(n.start) == doc.token_index(c.end) for n in clause.mentions("nisba"))


def _at_the_place(doc: ArticleDoc, m: Mention) -> bool:
    """"على (محافظة) X", "في X", "بمحافظة X": where something fell or happened, not where it went (باتجاه X)."""
    k = doc.token_index(m.start)
    ft = doc.at_token("feature", k - 1) if k > 0 else None
    head = ft if ft is not None and doc.token_index(ft.end) == k else m
    hk = doc.token_index(head.start)
    return (hk > 0 and doc.tokens[hk - 1].text in ar.words("at_place_preposition")) or \
        bool(ar.words("locative_clitic") & set(doc.ntext[head.start:head.key_start]))


def _speaking(clause: Clause, cues: Cues, m: Mention) -> bool:
    doc = clause.doc
    if clause.after(cues.speech, m.start, 0) or any(
            doc.gap(m.end, s.start) == 0 and not any(ch in ar.words("comma") for ch in doc.ntext[m.end:s.start])
            for s in cues.speech):
        return True
    prev = next((p for p in reversed(clause.mentions("place")) if p.end <= m.start), None)
    return doc.ntext[m.start] in ar.words("and_clitic") and prev is not None and doc.gap(prev.end, m.start) == 0 \
        and clause.after(cues.speech, prev.start, 0)  # (the second of the speaking capitals)


SOURCE_SEAT_REACH = 4  # tokens from "مصدر" past its adjectives to "في X"


def source_seat(clause: Clause, mi: int, start: int | None = None, nouns: str = "source_noun") -> bool:
    """"مصدر عسكري في X", "مراسلنا في X": the place right after في follows a source noun, no event word between (the
    source looked for from `start`, the clause's start unless said; a witness, "شهود في X", with nouns="witness_noun")."""
    doc = clause.doc
    if mi < 2 or doc.tokens[mi - 1].text not in ar.words("locative_preposition"):
        return False
    first = max(doc.token_index(clause.start if start is None else start), mi - 1 - SOURCE_SEAT_REACH)
    for k in range(mi - 2, first - 1, -1):
        if doc.tokens[k].text in ar.words(nouns):
            return not doc.in_range("trigger", doc.tokens[k].start, doc.tokens[mi - 1].start)
    return False


def _located_in(doc: ArticleDoc, c: CueMention) -> bool:
    """"قرى حدودية في محافظة أربيل", "بلدة حدودية بمحافظة درعا": border villages in the place named after them."""
    ti = doc.token_index(c.end)
    word = doc.tokens[ti].text if ti < len(doc.tokens) else ""
    return getattr(c.ref, "cue", None) == "border" and (word in ar.words("at_place_preposition")
                                      or (word[:1] in ar.words("locative_clitic") and doc.at_token("feature", ti) is not None))


ACCUSED_REACH = 6  # tokens from اتهم to the government it accuses (its subject between)


def _accused(clause: Clause, m: Mention, mi: int) -> bool:
    """A place right after an accusing verb's subject and before "ب…" (of what): the accused side."""
    doc = clause.doc
    nxt = doc.token_index(m.end)
    if nxt >= len(doc.tokens) or not doc.tokens[nxt].text.startswith(tuple(ar.words("locative_clitic"))):
        return False
    return any(0 <= mi - doc.token_index(c.end) <= ACCUSED_REACH for c in clause.cues("attribution")
               if doc.word(c).split(" ")[0] in ar.words("accuse_verb"))


ROAD_REACH = 4  # tokens from a road's word to the "من" of the towns it runs between


def _route_destination(clause: Clause, cues: Cues, m: Mention, mi: int) -> bool:
    """The place after "إلى/باتجاه" that ends a route whose start follows an origin cue (في طريقها من X إلى Y),
    and both ends of a road told from one town to another (أوتوستراد جبيل من بيروت إلى طرابلس)."""
    doc = clause.doc
    k = mi - 1
    if k >= 0 and doc.at_token("feature", k) is not None:
        k -= 1
    if k >= 0 and doc.tokens[k].text in ar.words("from_preposition") and _after_a_road(clause, cues, k) and \
            doc.token_index(m.end) < len(doc.tokens) and doc.tokens[doc.token_index(m.end)].text in ar.words("route_to"):
        return True  # (a road "from X" alone may be where it happened)
    if k < 0 or doc.tokens[k].text not in ar.words("route_to"):
        return False
    before = [p for p in clause.mentions("place") if p.end <= doc.tokens[k].start]
    if not before or doc.token_index(before[-1].end) != k:
        return False
    origin = before[-1]
    oi = doc.token_index(origin.start)
    if oi > 0 and doc.tokens[oi - 1].text in ar.words("from_preposition") and _after_a_road(clause, cues, oi - 1):
        return True
    return any(getattr(c.ref, "cue", None) == "route_from" and 0 <= oi - doc.token_index(c.end) <= BORDER_WINDOW for c in cues.border)


FROM_TO_GAP = 3  # words between a route's start (من X) and "إلى": the start's bearing (بجنوب البلاد)


def _from_to(clause: Clause, m: Mention) -> bool:
    """Either end of "من X … إلى Y" ("كانت تنقل سجينين من الوادي الجديد بجنوب البلاد إلى القاهرة"): where
    someone was going from and to, not where it happened."""
    doc = clause.doc
    places = clause.mentions("place")

    def after(word_set: str, p: Mention) -> bool:
        k = doc.token_index(p.start) - 1
        if k >= 0 and doc.at_token("feature", k) is not None:
            k -= 1
        return k >= 0 and doc.tokens[k].text in ar.words(word_set)

    def pair(a: Mention, b: Mention) -> bool:
        return a.end <= b.start and after("from_preposition", a) and after("route_end", b) and \
            0 <= doc.gap(a.end, b.start) <= FROM_TO_GAP + 1 and not doc.comma_between(a.end, b.start)

    return any(pair(m, q) for q in places) or any(pair(p, m) for p in places)


def _after_a_road(clause: Clause, cues: Cues, k: int) -> bool:
    return any(0 <= k - clause.doc.token_index(c.end) <= ROAD_REACH for c in cues.roads)


def _places_from(clause: Clause, start: int, end: int) -> tuple[list[Mention], list[Mention]]:
    """The place mentions in [start, end), paired each with the next (for "is this list unbroken")."""
    ps = [p for p in clause.mentions("place") if start <= p.start < end]
    return ps[:-1], ps[1:]


def _launched_from(clause: Clause, mi: int, feat: list[str] | None) -> bool:
    """A place after "من" (its feature word between) in a clause that fires a missile or rocket."""
    doc = clause.doc
    if not any(t.ref.cls == "launch" for t in clause.mentions("trigger")):
        return False
    k = mi - (2 if feat else 1)
    return k >= 0 and doc.tokens[k].text in ar.words("from_preposition") and doc.tokens[k].start >= clause.start


def _after_capital(clause: Clause, capital: list[CueMention], mi: int) -> bool:
    return any(clause.doc.token_index(c.end) == mi for c in capital)
