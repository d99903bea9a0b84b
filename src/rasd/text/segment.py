"""Sentences, clauses and tokens of the normalized text (all positions in normalized offsets).

Sentences end at . ؟ ? ! ؛ ; or a line break; a full stop between digits (3.5) or inside a Latin
abbreviation does not end one, nor does a semicolon before the cause of what it ends ("two killed; after
a brawl"). Quoted speech is kept inside its sentence.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from rasd.lang import ar

_SENT_END = regex.compile(ar.SENTENCE_END)
_TOKEN = regex.compile(r"\d+(?:[.,]\d+)*|[\p{L}\p{M}]+")
_HAS_WORD = regex.compile(r"[\p{L}\p{N}]")


@dataclass(slots=True)
class Sentence:
    index: int
    start: int
    end: int
    is_title: bool = False


@dataclass(slots=True)
class Token:
    index: int
    start: int
    end: int
    text: str


def sentences(ntext: str, body_start: int) -> list[Sentence]:
    """Split the normalized text; the title (before body_start) is always its own sentence."""
    out: list[Sentence] = []
    if body_start > 0 and ntext[:body_start].strip():
        s, e = _trim(ntext, 0, body_start)
        if e > s:
            out.append(Sentence(0, s, e, True))
    pos = body_start
    hard_wrapped = _hard_wrapped(ntext)
    for m in _SENT_END.finditer(ntext, body_start):
        if m.group() in ar.SEMICOLONS and _cause_follows(ntext, m.end()):
            continue
        if m.group().startswith("\n") and (_line_goes_on(ntext, pos, m.start()) or (hard_wrapped and _wrapped(ntext, pos, m))):
            continue
        s, e = _trim(ntext, pos, m.end() if m.group() != "\n" and not m.group().startswith("\n") else m.start())
        if e > s and _HAS_WORD.search(ntext, s, e):
            out.append(Sentence(len(out), s, e))
        pos = m.end()
    s, e = _trim(ntext, pos, len(ntext))
    if e > s and _HAS_WORD.search(ntext, s, e):
        out.append(Sentence(len(out), s, e))
    _repeated_headlines(ntext, out)
    return _headline_prefixes(ntext, out)


def _line_goes_on(ntext: str, start: int, end: int) -> bool:
    """A line broken after a preposition or a conjunction ("ضابط شرطة ومجندا قتلا، السبت، في\nهجوم بالرصاص"): the
    page wrapped the sentence, which goes on below (a headline or a byline never ends on such a word)."""
    words = ntext[start:end].split()
    return bool(words) and words[-1] in ar.words("line_continues")


HEADLINE_MAX_WORDS = 25  # a headline is no longer; a longer line with no final stop and text right below was wrapped


def _wrapped(ntext: str, start: int, brk: regex.Match[str]) -> bool:
    """A long line with no final stop and the next line right below it (no blank line between): the page broke a
    paragraph by width ("… جراء قصف للطائرات\nالحربية الروسية"); a headline is shorter, or set off by a blank line."""
    line = ntext[start:brk.start()].rstrip()
    return brk.group() == "\n" and line[-1:] not in ar.SENTENCE_FINAL and len(line.split()) > HEADLINE_MAX_WORDS \
        and ntext[brk.end():brk.end() + 1].isalpha()  # (not "— إيران إنترناشيونال" under an embedded post)


WRAPPED_LINES = 3  # lines with no final stop and the text going on right below that show a page broken by width
_OPEN_LINE = regex.compile(rf"[^\n]*\p{{L}}[^\n{regex.escape(ar.SENTENCE_FINAL)}]\n(?=\p{{L}})")


def _hard_wrapped(ntext: str) -> bool:
    """A page that breaks its paragraphs by width leaves several lines with no final stop, each with the text going on
    right below; a page of paragraphs leaves at most a headline or a lede that lost its stop."""
    return sum(1 for line in _OPEN_LINE.findall(ntext) if len(line.split()) > 1) >= WRAPPED_LINES


def _cause_follows(ntext: str, pos: int) -> bool:
    """Is the next word a cause (إثر، جراء …)? The semicolon then joins a toll to what caused it."""
    nxt = _TOKEN.search(ntext, pos, min(len(ntext), pos + 40))
    return bool(nxt) and ntext[pos:nxt.start()].strip() == "" and nxt.group() in ar.words("cause_after_semicolon")


def _repeated_headlines(ntext: str, sents: list[Sentence]) -> None:
    """A line printed twice without a full stop (the page's headline above and inside the article, when
    the first line was navigation; or the headline again below a date line) is a headline: it restates
    the story, it adds no event."""
    seen: dict[str, list[Sentence]] = {}
    for snt in sents:
        text = ntext[snt.start:snt.end]
        if text[-1:] in ar.SENTENCE_FINAL or len(text.split()) > HEADLINE_MAX_WORDS:
            continue
        seen.setdefault(text, []).append(snt)
    for group in seen.values():
        if len(group) > 1:
            for snt in group:
                snt.is_title = True


HEADLINE_MIN_WORDS = 3


def _headline_prefixes(ntext: str, sents: list[Sentence]) -> list[Sentence]:
    """A lede that opens with the headline's words and runs on ("X strikes Y, killing 5, as the governor
    announced …") repeats the headline: its first words are cut off as a headline of their own."""
    titles = [ntext[t.start:t.end] for t in sents if t.is_title]
    titles = [t for t in titles if len(t.split()) >= HEADLINE_MIN_WORDS and t[-1:] not in ar.SENTENCE_FINAL]
    if not titles:
        return sents
    out: list[Sentence] = []
    for snt in sents:
        text = ntext[snt.start:snt.end]
        head = next((t for t in titles if not snt.is_title and text.startswith(t) and len(text) > len(t)
                     and not ntext[snt.start + len(t)].isalnum()), None)
        if head is None:
            out.append(Sentence(len(out), snt.start, snt.end, snt.is_title))
            continue
        rest, end = _trim(ntext, snt.start + len(head), snt.end)
        out.append(Sentence(len(out), snt.start, snt.start + len(head), True))
        if end > rest and _HAS_WORD.search(ntext, rest, end):
            out.append(Sentence(len(out), rest, end))
    return out


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def tokens(ntext: str, start: int = 0, end: int | None = None) -> list[Token]:
    end = len(ntext) if end is None else end
    return [Token(i, m.start(), m.end(), m.group()) for i, m in enumerate(_TOKEN.finditer(ntext, start, end))]

