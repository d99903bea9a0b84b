"""Tallies: a number counting attack nouns (92 هجوما، خمس هجمات) over a period or an area is an
aggregate, not an event; "three strikes on Jisr al-Shughur" stays one event at one place. A vague
count (عدة هجمات) marks the clause a summary."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rasd.doc import Clause, TriggerMention
from rasd.extract.context import ArticleContext
from rasd.extract.frame import Frame
from rasd.lang import ar
from rasd.text.numbers import read_count

if TYPE_CHECKING:
    from rasd.extract.kind import _Reading

ATTACK_NOUN_CLASSES = {"attack", "airstrike", "strike", "explosion", "shelling", "launch"}
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
            if ci > 0 and doc.tokens[ci - 1].text in ar.words("year_word"):
                break  # "منذ مطلع عام 2021 هجوما": a year, not a count
            if c.last != ti - 1 and not (c.last == ti - 2 and doc.tokens[ti - 1].text in ar.words("operation_word")):
                break
            if c.vague:
                reading.summary = True
            elif c.value is not None and c.value >= 2 and (frame.since is not None or clause.cues("period")
                                                            or not any(not l.place.is_area for l in frame.leaves)):
                # "92 attacks in Iraq and Syria since …" is a tally; "three strikes on Jisr
                # al-Shughur" is one event at one place
                frame.tally_count, frame.tally_span = c.value, (doc.tokens[ci].start, t.end)
                frame.tally_at_least = any(
                    0 <= ci - doc.token_index(lb.end) <= 0 or 0 <= doc.token_index(lb.start) - doc.token_index(t.end) <= 0
                    for lb in clause.cues("lower_bound"))
            break
        if frame.tally_count:
            return
