"""Harm denied: "no casualties", "the damage was material only", "لم تسفر عن إصابات" — a zero toll, which is
information (ACLED codes 0), not a missing one. Reads the clause's harm cues; writes zero tolls into the
clause's casualties."""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from rasd.doc import ArticleDoc, Mention
from rasd.lang import ar

if TYPE_CHECKING:
    from rasd.extract.casualties import Casualties

BOUND_LEAD, BOUND_TAIL = 4, 16  # characters of "ما لا يقل عن" before and after its "لا"
_BRACKET = regex.compile(r"[()\[\]]")
NEGATION_REACH = 7  # tokens from a negator (لم، دون) to the harm word it denies


def negators(an: ArticleDoc, start: int, end: int) -> list[Mention]:
    """Negation words (لم، دون) in [start, end); not the "لا" of "ما لا يقل عن 50" ("no fewer than")."""
    return [n for n in an.in_range("harm", start, end) if n.ref.cue == "negator" and not any(
        b.start <= n.start < b.end for b in an.cues(max(0, n.start - BOUND_LEAD), n.end + BOUND_TAIL, "lower_bound"))]


def read_negations(an: ArticleDoc, start: int, end: int, out: Casualties) -> None:
    """Zero tolls the clause states, unless a toll is already read."""
    for m in an.in_range("harm", start, end):
        if m.ref.cue == "nobody" and out.fatalities is None and out.injuries is None:
            out.fatalities = out.injuries = 0  # "the damage was material only"
            out.spans.append((m.start, m.end))
            out.items += [("zero_fatalities", 0, (m.start, m.end)), ("zero_injuries", 0, (m.start, m.end))]
    info = ar.words("info_word")
    harms = [m for m in an.in_range("harm", start, end) if m.ref.cue == "harm"]
    for n in negators(an, start, end):
        ni = an.token_index(n.end)
        for h in harms:
            hi = an.token_index(h.start)
            if 0 <= hi - ni <= NEGATION_REACH and h.start >= n.end:
                if any(an.tokens[k].text in info for k in range(ni, hi)):
                    break  # "لم تتوافر تفاصيل عن عدد الضحايا": the toll is unknown, not zero
                if _BRACKET.search(an.source.text, *an.original(n.end, h.start)):
                    break  # "نتج عن المقذوف (لم يحدد ماهيته) إصابة مواطنة": the aside denies nothing after it
                zeroes = h.ref.value
                if zeroes in ("both", "fatalities") and out.fatalities is None:
                    out.fatalities = 0
                if zeroes in ("both", "injuries") and out.injuries is None:
                    out.injuries = 0
                if zeroes != "none":
                    out.spans.append((n.start, h.end))
                if zeroes in ("both", "fatalities"):
                    out.items.append(("zero_fatalities", 0, (n.start, h.end)))
                if zeroes in ("both", "injuries"):
                    out.items.append(("zero_injuries", 0, (n.start, h.end)))
                break
