"""Capitals named by the word for capital: by a nationality adjective (العاصمة الليبية), by the country the article
is about (تظاهروا في وسط العاصمة), or by the name after it (العاصمة اليمنية المؤقتة عدن). Reads one clause and its
capital cues; writes nothing (where.py adds what these return)."""

from __future__ import annotations

from rasd.doc import Clause, CueMention, Mention
from rasd.extract.context import ArticleContext
from rasd.extract.frame import Located
from rasd.lang import ar

MISSPELT_BEARING = 4  # letters of a short unknown word read as a misspelt bearing before "العاصمة"


def only_capital_between(clause: Clause, a: int, b: int) -> bool:
    """"غربي العاصمة الليبية طرابلس": only the word for capital and a nationality in between."""
    doc = clause.doc
    capital_words = ar.words("capital_word")
    if 2 <= b - a <= 4 and doc.tokens[a + 1].text in capital_words and len(doc.tokens[a].text) <= MISSPELT_BEARING \
            and doc.at_token("place", a) is None:
        a += 1  # "شمال شري العاصمة نيامي": a second bearing, misspelt, before the word for capital
    if b - a < 1 or b - a > 3:
        return False
    return all(doc.tokens[i].text in capital_words or doc.at_token("nisba", i) is not None for i in range(a, b))


def capital_by_nisba(clause: Clause, ctx: ArticleContext, capital: list[CueMention]) -> list[Located]:
    """العاصمة الصومالية / العاصمة الليبية: the capital of the country the adjective names."""
    out: list[Located] = []
    doc = clause.doc
    for c in capital:
        ci = doc.token_index(c.end)
        before = doc.at_token("place", doc.token_index(c.start) - 1) if doc.token_index(c.start) > 0 else None
        if before is not None and doc.token_index(before.end) == doc.token_index(c.start):
            continue  # "عدن العاصمة اليمنية المؤقتة": the city just named, described as a capital
        for n in doc.in_range("nisba", c.end, min(clause.end, c.end + 30)):
            if doc.token_index(n.start) == ci and not _named_after(clause, ctx, n):
                cap = ctx.kb.capital(n.ref)
                if cap is not None:
                    out.append(Located(cap, c.start, n.end, False))
    return out


NAMED_CAPITAL_GAP = 1  # words between a capital's adjective and the name that follows it ("اليمنية المؤقتة عدن")


def _named_after(clause: Clause, ctx: ArticleContext, nisba: Mention) -> bool:
    """"العاصمة اليمنية المؤقتة “عدن”": a town of the adjective's country named right after it is the capital meant
    (a seat of government, a temporary or a former capital), not the country's capital."""
    doc, cap = clause.doc, ctx.kb.capital(nisba.ref)
    return any(0 <= doc.gap(nisba.end, m.start) <= NAMED_CAPITAL_GAP
               and any(ctx.kb.places[i].country_code == nisba.ref for i in m.refs)
               and not any(ctx.kb.places[i] is cap for i in m.refs)  # (العاصمة الموزمبيقية مابوتو: the capital itself)
               for m in doc.in_range("place", nisba.end, clause.end))


def capital_of_the_article(clause: Clause, ctx: ArticleContext, capital: list[CueMention], countries: list[Located]) -> list[Located]:
    """"تظاهر الآلاف في وسط العاصمة", "اشتباكات بالعاصمة": the bare word for capital after "in" or a word for its
    centre, with no name or adjective after it, is the capital of the country the article is about (of the one
    the clause names, if it names countries)."""
    doc = clause.doc
    cc = ctx.main_country()
    if countries and cc not in {l.place.country_code for l in countries}:
        cc = countries[0].place.country_code
    cap = ctx.kb.capital(cc) if cc else None
    if cap is None:
        return []
    out: list[Located] = []
    for c in capital:
        ci, after = doc.token_index(c.start), doc.token_index(c.end)
        if after < len(doc.tokens) and (doc.at_token("place", after) is not None or doc.at_token("nisba", after) is not None
                                        or {"admin1", "admin2"} & set(ctx.kb.features[unit.ref][0] if (unit := doc.at_token("feature", after)) else [])):
            continue  # "العاصمة طرابلس", "العاصمة الليبية": named, or the capital_by_nisba rule's; "عاصمة الولاية": a state's
        token = doc.tokens[ci].text if ci < len(doc.tokens) and doc.tokens[ci].start <= c.start else ""
        glued = token[:1] in ar.words("locative_clitic") and token[1:].startswith(ar.ARTICLE)  # بالعاصمة
        before = token[:1] if glued else (doc.tokens[ci - 1].text if ci > 0 else "")
        if before in ar.words("locative_clitic") | ar.words("locative_preposition") | ar.words("capital_centre"):
            out.append(Located(cap, c.start, c.end, False))
    return out
