"""Mentions: every place, actor, trigger, weapon, cue, number and time expression in an article.

One matcher pass over the normalized text gives candidate hits for all layers; overlaps are settled
per layer (longest wins), and names win over the lexicon words they contain (a place inside an
actor's name, المقاومة الإسلامية في العراق, is not a place of the event).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

from rasd.document import Document
from rasd.knowledge.base import KnowledgeBase
from rasd.knowledge.matcher import Hit
from rasd.text.dates import TimeExpr, calendar, find_dateline
from rasd.text.normalize import Normalized, normalize
from rasd.text.segment import Sentence, Token, sentences, tokens

NAME_LAYERS = ("place", "actor")


@dataclass(slots=True)
class Mention:
    layer: str
    start: int  # normalized offsets, proclitics included
    end: int
    key_start: int
    definite: bool
    refs: list[Any]
    sentence: int = -1

    @property
    def ref(self) -> Any:
        return self.refs[0]


@dataclass
class Analysis:
    """The article with all its mentions, in normalized offsets, plus the map to the original."""

    doc: Document
    norm: Normalized
    sentences: list[Sentence]
    tokens: list[Token]
    by_layer: dict[str, list[Mention]] = field(default_factory=dict)
    times: list[TimeExpr] = field(default_factory=list)
    dateline_end: int = -1  # normalized offset where the dateline ends (its places are the outlet's)
    _token_starts: list[int] = field(default_factory=list)
    _starts: dict[str, list[int]] = field(default_factory=dict)

    @property
    def ntext(self) -> str:
        return self.norm.text

    def in_range(self, layer: str, start: int, end: int) -> list[Mention]:
        """Mentions of a layer inside [start, end) (the lists are sorted by start)."""
        ms = self.by_layer.get(layer)
        if not ms:
            return []
        starts = self._starts.get(layer)
        if starts is None:
            starts = self._starts[layer] = [m.start for m in ms]
        i = bisect.bisect_left(starts, start)
        j = bisect.bisect_left(starts, end, lo=i)
        return [m for m in ms[i:j] if m.end <= end]

    def token_index(self, pos: int) -> int:
        """Index of the first token that starts at or after pos."""
        return bisect.bisect_left(self._token_starts, pos)

    def original(self, start: int, end: int) -> tuple[int, int]:
        return self.norm.span_to_original(start, end)


def _select(hits: list[Hit]) -> list[Mention]:
    """Group hits by span, then keep the longest non-overlapping spans (all payloads of a span)."""
    spans: dict[tuple[int, int], Mention] = {}
    # exact keys before prefix keys for the same word (ضربة the noun over ضرب* the verb)
    for h in sorted(hits, key=lambda h: (h.payload.prefix_only, h.key_start)):
        key = (h.start, h.end)
        m = spans.get(key)
        if m is None:
            m = Mention(h.payload.layer, h.start, h.end, h.key_start, h.has_article, [])
            spans[key] = m
        if h.payload.ref not in m.refs:
            m.refs.append(h.payload.ref)
    chosen: list[Mention] = []
    if not spans:
        return chosen
    taken = bytearray(max(m.end for m in spans.values()) + 1)  # occupied characters
    for m in sorted(spans.values(), key=lambda m: (-(m.end - m.key_start), m.start)):
        if 1 in taken[m.start:m.end]:
            continue
        taken[m.start:m.end] = b"\x01" * (m.end - m.start)
        chosen.append(m)
    chosen.sort(key=lambda m: m.start)
    return chosen


def analyze(doc: Document, kb: KnowledgeBase) -> Analysis:
    nz = normalize(doc.text)
    ntext = nz.text
    doc.set_id_from_normalized(ntext)
    nbody = _to_norm(nz, doc.body_start)
    sents = sentences(ntext, nbody)
    toks = tokens(ntext)
    an = Analysis(doc, nz, sents, toks)
    an._token_starts = [t.start for t in toks]

    by_layer: dict[str, list[Hit]] = {}
    for h in kb.matcher.find(ntext):
        by_layer.setdefault(h.payload.layer, []).append(h)
    selected = {layer: _select(hits) for layer, hits in by_layer.items()}
    # Names first: actors beat places they contain; then places/actors over nothing else.
    actors = selected.get("actor", [])
    places = [p for p in selected.get("place", []) if not _inside_any(p, actors)]
    actors = [a for a in actors if not _inside_any(a, places, strict=True)]
    selected["place"], selected["actor"] = places, actors
    starts = [s.start for s in sents]
    for layer, ms in selected.items():
        for m in ms:
            m.sentence = max(0, bisect.bisect_right(starts, m.start) - 1)
    for m in selected.get("cue", []):  # per-cue lists: the frame builder asks for one cue at a time
        selected.setdefault("cue:" + m.ref.cue, []).append(m)
    an.by_layer = selected
    # a bare weekday inside a place name (سوق الجمعة) is part of the name, not a date
    places_ = selected.get("place", [])
    an.times = [t for t in calendar().find(ntext)
                if not (t.kind == "weekday" and any(p.start <= t.start and t.end <= p.end and (p.end - p.start) > (t.end - t.start)
                                                   for p in places_))]
    found = find_dateline(ntext, nbody, an.times)
    if found:
        an.dateline_end = found[1].end
        # "الثلاثاء 27 صفر 1445هـ الموافق 12 سبتمبر 2023م": the restated date is dateline too
        tail = ntext[an.dateline_end:an.dateline_end + 12]
        if "الموافق" in tail:
            nxt = next((t for t in an.times if t.start > an.dateline_end and t.start - an.dateline_end < 14), None)
            if nxt is not None:
                an.dateline_end = nxt.end
        if doc.published is None:
            doc.published, doc.published_source = found[0], "dateline"

    return an


def _inside_any(m: Mention, others: list[Mention], strict: bool = False) -> bool:
    for o in others:
        if o.start <= m.start and m.end <= o.end:
            if strict and (o.start, o.end) == (m.start, m.end):
                continue
            return True
    return False


def _to_norm(nz: Normalized, original_offset: int) -> int:
    if nz.origin is None:
        return original_offset
    return bisect.bisect_left(nz.origin, original_offset)
