"""Which of a clause's tolls belong to which of its places (each place keeps the tolls of its own parts of the
clause: "قتل مدني في الأتارب وقتل اثنان في دارة عزة"), and whether a toll is a floor ("أكثر من 50", or an earlier
count). Read by the article stage when it makes one draft per place."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rasd.doc import ArticleDoc
from rasd.extract.frame import Frame, Located
from rasd.lang import ar

if TYPE_CHECKING:
    from rasd.extract.article import ArticleStage


def toll_is_a_floor(stage: ArticleStage, f: Frame, spans: list[tuple[int, int]]) -> bool:
    """"أكثر من 50" / "ما لا يقل عن 50": the toll is a floor; so is one told as an earlier or initial count."""
    doc = stage.doc
    bounds = doc.cues(f.start, f.end, "lower_bound")
    sentence = doc.sentences[f.sentence]  # (or an earlier count: "أفاد في وقت سابق بسقوط تسعة قتلى")
    return any(c.end <= s[0] and doc.gap(c.end, s[0]) <= 3 for c in bounds for s in spans) or \
        any(s[0] <= c.start < s[1] for c in bounds for s in spans) or bool(spans and doc.cues(sentence.start, sentence.end, "earlier_toll"))


def own_parts(stage: ArticleStage, f: Frame, l: Located) -> list[tuple[int, int]]:
    doc = stage.doc
    first = doc.in_range("place", l.start, l.end)
    if not first:
        return [_segment(stage, f, l)]
    key = doc.ntext[first[0].key_start:first[0].end]
    again = [m for m in doc.in_range("place", l.end, f.end) if doc.ntext[m.key_start:m.end] == key]
    return [_segment(stage, f, l)] + [_segment(stage, f, Located(l.place, m.start, m.end)) for m in again]


def _segment(stage: ArticleStage, f: Frame, l: Located) -> tuple[int, int]:
    """The comma-delimited part of the clause around a place mention."""
    doc = stage.doc
    text = doc.ntext
    commas = ar.words("comma")
    cuts = [i for i in range(f.start, f.end) if text[i] in commas]
    # (and "و" glued to a verb of harm opens another part: "قتل مدني في الأتارب وقتل اثنان في دارة عزة")
    cuts += [t.start for t in doc.tokens[doc.token_index(f.start):doc.token_index(f.end)]
             if t.text[:1] in ar.words("and_clitic") and _harm_verb_at(doc, doc.token_index(t.start))]
    a = max([c for c in cuts if c < l.start], default=f.start)
    b = min([c for c in cuts if c >= l.end], default=f.end)
    return a, b


def _harm_verb_at(doc: ArticleDoc, k: int) -> bool:
    return any(m.ref.voice in ("active", "passive") for m in doc.in_range("trigger", doc.tokens[k].start, doc.tokens[k].end)
               if doc.token_index(m.start) == k) or doc.at_token("casualty", k) is not None
