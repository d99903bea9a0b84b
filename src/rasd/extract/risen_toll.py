"""A toll that rose after the incident was told ("ليرتفع عدد القتلى إلى 8", "وارتفعت حصيلة الجرحى إلى 12"): the count
it rose to, and the incident whose toll it updates. Reads a sentence's cues and counts; raises a draft's toll."""

from __future__ import annotations

from rasd.doc import ArticleDoc
from rasd.extract.context import ArticleContext
from rasd.extract.drafts import Draft
from rasd.extract.events import sentence_span
from rasd.extract.frame import Frame
from rasd.lang import ar
from rasd.text.numbers import read_count


def update_risen_toll(doc: ArticleDoc, f: Frame, last: Draft, drafts: list[Draft], ctx: ArticleContext) -> bool:
    """Raise the toll of the incident the frame's sentence updates; True when it did."""
    risen = risen_toll(doc, *sentence_span(doc, f), ctx)
    if risen is None:
        return False
    told = _tolled(last, drafts)
    told.raise_toll(*risen)
    if risen[0] == "killed" and f.casualties.injuries:
        told.raise_toll("injured", f.casualties.injuries)  # "… ارتفع إلى 29، إضافة إلى 17 مصابا"
    return True


def _tolled(last: Draft, drafts: list[Draft]) -> Draft:
    """The incident a risen toll updates: the last one told, or, when that is a placeless mention with no toll of its
    own ("أكد مدير المنظمة أن القصف استهدف السوق"), the last one told with a toll."""
    if last.specific or last.fatalities is not None:
        return last
    return next((d for d in reversed(drafts) if d.fatalities is not None), last)


def risen_toll(doc: ArticleDoc, start: int, end: int, ctx: ArticleContext) -> tuple[str, int] | None:
    """"ليرتفع عدد القتلى إلى 8", "وارتفعت حصيلة الجرحى إلى 12": the count an incident's toll rose to
    (killed, unless the toll names the wounded)."""
    rises = doc.cues(start, end, "toll_rise", "toll")
    if doc.cues(start, end, "since", "period", "during") or any(
            doc.word(t).endswith(tuple(ar.words("plural_suffix"))) or any(r.cls == "war" for r in t.refs)
            for t in doc.in_range("trigger", start, end)):
        return None  # "ارتفع عدد القتلى منذ بداية العام إلى 300", "حصيلة قتلى المواجهات", "ضحايا العدوان": a running toll
    verbs = ar.words("toll_rise_verb")
    if not rises or not (any(c.ref.cue == "toll_rise" for c in rises) or any(
            doc.tokens[k].text in verbs for k in range(doc.token_index(start), doc.token_index(end)))):
        return None
    for ti in range(doc.token_index(start) + 1, doc.token_index(end)):
        if doc.tokens[ti - 1].text not in ar.words("toll_to"):
            continue
        c = read_count(doc.tokens, ti, ctx.kb.lexicon.numbers, ctx.vague)
        if c is None or c.value is None:
            continue
        hurt = any(m.ref.kind in ("hurt_noun", "injured") for m in doc.in_range("casualty", start, doc.tokens[ti].start))
        return ("injured" if hurt else "killed"), c.value
    return None
