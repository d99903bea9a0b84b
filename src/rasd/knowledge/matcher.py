"""Clitic-aware multi-pattern matching over the normalized text (pyahocorasick + word boundaries).

Arabic glues proclitics to the next word (و ف ب ل ك and the article ال): ببغداد, والعراق, للقوات.
Instead of stemming the article, every key is stored without its leading article, and a hit is kept
only when the characters between the token start and the hit are a valid proclitic chain. Keys whose
canonical form has the article require it (المطلة, not مطلة), names without it forbid it (بغداد, not
البغداد), and lexicon words accept both and report whether the article was there (definiteness is
how rasd tells "the attack" — a reference — from "an attack").

Aho-Corasick has no notion of word boundaries; they are checked here on each hit, which costs far
less than the matching itself (one automaton pass per article).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

import bisect

import ahocorasick
import regex

from rasd.lang import ar
from rasd.text.spans import longest_non_overlapping as longest
from rasd.text.normalize import norm

ARTICLE_REQUIRED = "required"
ARTICLE_FORBIDDEN = "forbidden"
ARTICLE_OPTIONAL = "optional"

_CONJ = ("", *sorted(ar.words("conjunction")))
_PREP = ("", *sorted(ar.words("preposition_clitic")))
PLAIN_PREFIXES = frozenset(c + p for c in _CONJ for p in _PREP)
ARTICLE_PREFIXES = frozenset(
    [c + p + ar.ARTICLE for c in _CONJ for p in _PREP] + [c + a for c in _CONJ for a in ar.words("article_after_lam")]
)
_WORD_SPAN_RE = regex.compile(r"[\p{L}\p{N}]+")


@dataclass(frozen=True, slots=True)
class Payload:
    """What a key means: its layer (place, actor, lexicon file...), the entry it points to, how it
    treats the article, and whether the key may be followed by more letters of the same word."""

    layer: str
    ref: Any
    article: str = ARTICLE_OPTIONAL
    prefix_only: bool = False
    definite: bool = False  # the key is the definite variant of a phrase (أعمال العنف of أعمال عنف)


@dataclass(slots=True)
class Hit:
    start: int  # normalized offsets of the whole word form, proclitics included
    end: int
    key_start: int  # where the key itself starts (after proclitics)
    prefix: str  # the proclitic chain in front of the key
    has_article: bool
    payload: Payload
    key_len: int = 0  # length of the key matched (a prefix key may end before the word does)


def split_article(form: str) -> tuple[str, bool]:
    """Normalized key without a leading article, and whether it had one."""
    first = form.split(" ", 1)[0]
    if first.startswith(ar.ARTICLE) and len(first) >= 4:  # الي (إلى) is not ال + ي
        return form[2:], True
    return form, False


# Layers whose words are nouns and adjectives that take the indefinite accusative ending.
ACCUSATIVE_LAYERS = frozenset({"trigger", "weapon", "casualty", "nisba"})


class Matcher:
    def __init__(self) -> None:
        self._keys: dict[str, list[Payload]] = {}
        self._automaton: ahocorasick.Automaton | None = None

    def add(self, form: str, layer: str, ref: Any, article: str | None = None, definite: bool = False) -> None:
        """Add a surface form. A trailing '*' lets the word go on (inflectional suffixes)."""
        prefix_only = form.endswith("*")
        key = norm(form.rstrip("*"))
        if not key:
            return
        stripped, had_article = split_article(key)
        if article is None:
            article = ARTICLE_REQUIRED if had_article else ARTICLE_FORBIDDEN
        if len(stripped) < 2:
            return
        payload = Payload(layer, ref, article, prefix_only, definite)
        bucket = self._keys.setdefault(stripped, [])
        if payload not in bucket:
            bucket.append(payload)

    def build(self) -> None:
        automaton = ahocorasick.Automaton()
        for key, payloads in self._keys.items():
            automaton.add_word(key, (key, tuple(payloads)))
        automaton.make_automaton()
        self._automaton = automaton

    def __len__(self) -> int:
        return len(self._keys)

    def __getstate__(self) -> dict[str, Any]:
        return {"keys": self._keys}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self._keys = state["keys"]
        self._automaton = None
        self.build()

    def find(self, text: str) -> list[Hit]:
        """Every valid hit in a normalized text (overlaps included; callers choose)."""
        if self._automaton is None:
            self.build()
        assert self._automaton is not None
        hits: list[Hit] = []
        # word spans once per text; each hit finds its word by bisection
        spans = [(m.start(), m.end()) for m in _WORD_SPAN_RE.finditer(text)]
        starts = [s for s, _ in spans]
        for end_idx, (key, payloads) in self._automaton.iter(text):
            key_start = end_idx - len(key) + 1
            after = end_idx + 1
            w = bisect.bisect_right(starts, key_start) - 1
            if w < 0:
                continue
            token_start, token_end = spans[w]
            if key_start - token_start > 5:
                continue
            if after > token_end:  # a multi-word key: its last word decides
                w2 = bisect.bisect_right(starts, end_idx) - 1
                token_end = spans[w2][1]
            word_goes_on = after < token_end
            prefix = text[token_start:key_start]
            plain_ok = prefix in PLAIN_PREFIXES
            article_ok = prefix in ARTICLE_PREFIXES
            if not (plain_ok or article_ok):
                continue
            accusative = token_end - after == 1 and text[after] == ar.ACCUSATIVE_ALEF
            for p in payloads:
                if word_goes_on and not p.prefix_only and not (accusative and p.layer in ACCUSATIVE_LAYERS):
                    continue
                if p.article == ARTICLE_REQUIRED and not article_ok:
                    continue
                if p.article == ARTICLE_FORBIDDEN and not plain_ok:
                    continue
                hits.append(Hit(token_start, token_end, key_start, prefix, article_ok, p, len(key)))
        return hits


def longest_non_overlapping(hits: Iterable[Hit]) -> list[Hit]:
    """Greedy longest-first selection of non-overlapping hits (length from the key), in text order."""
    return longest((h.end - h.key_start, h.start, h.end, h) for h in hits)
