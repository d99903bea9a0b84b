"""Reading counts: Western/Eastern digits, number words (خمسة عشر، ثلاثمئة، ثلاثة آلاف), duals.

Hand-written: pyarabic's text2number adds separate numbers together (قتل خمسة وجرح عشرة → 15) and
misreads ثلاث مئة (see DESIGN.md); rasd must read one count at a time at a known position.
Vague quantities (عدة، عشرات) are reported as vague, never as a number.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from rasd.lang import ar
from rasd.text.normalize import strip_article
from rasd.text.segment import Token

PROCLITICS = tuple(sorted(ar.words("number_proclitic"), key=lambda w: (len(w), w)))
TEN_WORDS = ar.words("ten_word")


@dataclass(frozen=True, slots=True)
class Count:
    value: int | None  # None when vague
    first: int  # token index of the first token of the count
    last: int  # token index of the last token
    vague: bool = False


def _stems(word: str) -> list[str]:
    out = [word]
    for p in PROCLITICS:
        if word.startswith(p) and len(word) > len(p) + 1:
            out.append(word[len(p):])
    return out


def _lookup(word: str, numbers: dict[str, tuple[int, str]]) -> tuple[int, str] | None:
    for s in _stems(word):
        if s in numbers:
            return numbers[s]
    return None


SCALE_UNITS = {"thousand": 1000, "million": 1_000_000}  # the kinds of number words that multiply the digits before them
# "2.030 آخرين", "5.000 مدني": a point before exactly three digits groups thousands (a count has no decimals); with a
# scale word after it ("1.250 مليون") it is a decimal point
THOUSANDS_GROUPED = regex.compile(r"\d{1,3}(?:[.\u066c]\d{3})+")  # (U+066C: the Arabic thousands separator)


def _digits(word: str, scaled: bool = False) -> float | None:
    for s in _stems(word):
        if s[:1].isdigit():
            clean = s.replace(",", "").replace("\u066b", ".")  # (U+066B: the Arabic decimal separator)
            if not scaled and THOUSANDS_GROUPED.fullmatch(clean):
                return int(clean.replace(".", "").replace("\u066c", ""))
            if clean.count(".") == 1:
                try:
                    return float(clean)
                except ValueError:
                    return None
            if clean.isdigit():
                return int(clean)
    return None


def read_count(toks: list[Token], i: int, numbers: dict[str, tuple[int, str]], vague_words: set[str]) -> Count | None:
    """The count that starts at token i, or None."""
    if i >= len(toks):
        return None
    w = toks[i].text
    if any(s in vague_words or strip_article(s) in vague_words for s in _stems(w)):  # عشرات، العشرات
        return Count(None, i, i, vague=True)
    nxt = toks[i + 1].text if i + 1 < len(toks) else ""
    unit = SCALE_UNITS.get(numbers.get(nxt, (0, ""))[1])
    d = _digits(w, scaled=unit is not None)
    if d is not None:
        return _digit_count(toks, i, d, unit)
    wv = _lookup(w, numbers)
    if wv is None:
        return None
    value, kind = wv
    j = i
    if kind == "ten_word":
        return None
    if kind in ("teen_unit", "dual") and nxt in TEN_WORDS:
        value, j = value + 10, i + 1
    elif kind == "teen_unit":
        value = 1  # أحد / إحدى alone: "one of"
    elif kind == "unit" and value < 10 and nxt in TEN_WORDS:
        value, j = value + 10, i + 1
    elif kind == "unit" and numbers.get(nxt, (0, ""))[1] == "hundred" and numbers[nxt][0] == 100:
        value, j = value * 100, i + 1
    elif kind == "unit" and numbers.get(nxt, (0, ""))[1] == "thousand":
        value, j = value * 1000, i + 1
    order = _order(value)
    # Compound continuation: only "unit و ten" (خمسة وعشرون) or a smaller order after a larger one
    # (مئة وخمسون، ألف ومئتان); "خمسة وستة" is two counts, not eleven.
    while j + 1 < len(toks):
        nw = toks[j + 1].text
        if nw[:1] not in ar.words("and_clitic") or len(nw) < 3:
            break
        nv = numbers.get(nw[1:])
        if not nv or nv[1] in ("ten_word", "teen_unit"):
            break
        add, nkind = nv
        if nkind == "dual":
            add = 2
        extra = 0
        if nkind == "unit" and add < 10 and j + 2 < len(toks) and toks[j + 2].text in TEN_WORDS:
            add += 10
            extra = 1
        is_unit_then_ten = order == 1 and nkind == "ten"
        if not (is_unit_then_ten or _order(add) < order):
            break
        value += add
        order = _order(add) if not is_unit_then_ten else 2
        j += 1 + extra
    return Count(value, i, j)


def _digit_count(toks: list[Token], i: int, digits: float, unit: int | None) -> Count:
    """Digits, times a following thousand/million word ("1.5 مليون"), plus "و154" after it (7 آلاف و154)."""
    j, d = i, int(digits)
    if unit is not None:
        d, j = int(digits * unit), j + 1
        if j + 2 < len(toks) and toks[j + 1].text in ar.words("and_clitic") and toks[j + 2].text.isdigit() \
                and int(toks[j + 2].text) < unit:
            d, j = d + int(toks[j + 2].text), j + 2
    return Count(d, i, j)


def _order(v: int) -> int:
    if v < 10:
        return 1
    if v < 100:
        return 2
    if v < 1000:
        return 3
    if v < 1_000_000:
        return 4
    return 7
