"""The analysed article: normalized text with its offset map, sentences, clauses, tokens, and every
mention by layer (places, actors, triggers, weapons, cues, numbers' words, time expressions).

Built once per article from a `Document`, which it never changes; every later stage only reads it.
One matcher pass gives candidate hits for all layers; overlaps are settled per layer (longest wins),
and names win over the lexicon words they contain (a place inside an actor's name, المقاومة
الإسلامية في العراق, is not a place of the event). Mentions are indexed by position and by token
once, so a rule's question ("which person noun is at token 12?") costs a look-up, not a scan.
"""

from __future__ import annotations

import bisect
from functools import lru_cache
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Generic, TypeVar

import regex

from rasd.document import Document, id_of_normalized
from rasd.knowledge.base import KnowledgeBase
from rasd.knowledge.lexicon import Casualty, Cue, PersonNoun, Sense, Trigger, Weapon
from rasd.knowledge.matcher import Hit
from rasd.lang import ar
from rasd.text.dates import TimeExpr, calendar, find_dateline
from rasd.text.normalize import Normalized, normalize
from rasd.text.segment import Sentence, Token, sentences, tokens
from rasd.text.spans import longest_non_overlapping

R = TypeVar("R")
_COMMA = regex.compile("[" + regex.escape("".join(sorted(ar.words("comma")))) + "]")


@dataclass(slots=True)
class Mention(Generic[R]):
    """One matched span of a layer. `refs` are what it may mean, typed by layer: place and actor
    indices into the knowledge base (int), lexicon entries (Trigger, Weapon, PersonNoun, Casualty,
    Cue), a force kind, a nationality's country code or a feature word (str)."""

    layer: str
    start: int  # normalized offsets, proclitics included
    end: int
    key_start: int
    definite: bool
    refs: list[R]
    sentence: int = -1

    @property
    def ref(self) -> R:
        return self.refs[0]


PlaceMention = Mention[int]
ActorMention = Mention[int]
TriggerMention = Mention[Trigger]
WeaponMention = Mention[Weapon]
PersonMention = Mention[PersonNoun]
CasualtyMention = Mention[Casualty]
CueMention = Mention[Cue]


@dataclass
class ArticleDoc:
    """The article with all its mentions in normalized offsets, plus the map to the original."""

    source: Document
    norm: Normalized
    sentences: list[Sentence]
    tokens: list[Token]
    by_layer: dict[str, list[Mention]] = field(default_factory=dict)
    times: list[TimeExpr] = field(default_factory=list)
    dateline_end: int = -1  # normalized offset where the dateline ends (its places are the outlet's)
    dateline_start: int = -1  # start of the dateline's line (a headline above it is no dateline)
    published: date | None = None  # given, or read from the dateline
    doc_id: str = ""  # the article's id (Document.doc_id), from the matching form already at hand
    _token_starts: list[int] = field(default_factory=list)
    _starts: dict[str, list[int]] = field(default_factory=dict)
    _time_tokens: set[int] | None = None
    _ends: dict[int, tuple[list[Mention], list[int]]] = field(default_factory=dict)

    @property
    def ntext(self) -> str:
        return self.norm.text

    def set_layer(self, layer: str, mentions: list[Mention]) -> None:
        """Replace a layer's mentions (sorted by start), dropping its position index."""
        self.by_layer[layer] = sorted(mentions, key=lambda m: m.start)
        self._starts.pop(layer, None)

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
        # a layer's mentions never overlap, so their ends rise with their starts: only the last
        # one can reach past `end`
        if j > i and ms[j - 1].end > end:
            j -= 1
        return ms[i:j]

    def cues(self, start: int, end: int, *names: str) -> list[CueMention]:
        """Cue mentions of the given kinds inside [start, end), in text order."""
        if len(names) == 1:
            return self.in_range("cue:" + names[0], start, end)
        out: list[CueMention] = []
        for n in names:
            out += self.in_range("cue:" + n, start, end)
        out.sort(key=lambda m: m.start)
        return out

    def times_in(self, start: int, end: int) -> list[TimeExpr]:
        """Time expressions inside [start, end) (sorted by start, found by bisection)."""
        starts = self._starts.get("@times")
        if starts is None:
            starts = self._starts["@times"] = [t.start for t in self.times]
        i = bisect.bisect_left(starts, start)
        j = bisect.bisect_left(starts, end, lo=i)
        return [t for t in self.times[i:j] if t.end <= end]

    def end_tokens(self, ms: list[Mention]) -> list[int]:
        """Sorted token indices where the mentions end (cached per list: clause queries are memoized)."""
        key = id(ms)
        hit = self._ends.get(key)
        if hit is None or hit[0] is not ms:
            hit = self._ends[key] = (ms, sorted(self.token_index(m.end) for m in ms))
        return hit[1]

    def token_index(self, pos: int) -> int:
        """Index of the first token that starts at or after pos."""
        return bisect.bisect_left(self._token_starts, pos)

    def gap(self, a_end: int, b_start: int) -> int:
        """Tokens between a position and a later one (0: adjacent words)."""
        return self.token_index(b_start) - self.token_index(a_end)

    def past_group_description(self, k: int) -> int:
        """The token after what a group's name may carry before the verb's object: its parent (a `described` mention,
        "المرتبطة بتنظيم القاعدة") and a suspected affiliation with its group ("يعتقد أنهم من تنظيم داعش")."""
        if (desc := self.at_token("described", k)) is not None:
            k = self.token_index(desc.end)
        if k < len(self.tokens):
            cue = next((c for c in self.cues(self.tokens[k].start, self.tokens[-1].end, "affiliated")
                        if c.start == self.tokens[k].start), None)
            group = self.at_token("actor", self.token_index(cue.end)) if cue is not None else None
            k = self.token_index(group.end) if group is not None else k
        return k

    def at_token(self, layer: str, ti: int) -> Mention | None:
        """The mention of a layer that covers token ti, if any."""
        ms = self.by_layer.get(layer)
        if not ms or not 0 <= ti < len(self.tokens):
            return None
        starts = self._starts.get(layer)
        if starts is None:
            starts = self._starts[layer] = [m.start for m in ms]
        pos = self.tokens[ti].start
        i = bisect.bisect_right(starts, pos) - 1  # the layer's mentions never overlap each other
        return ms[i] if i >= 0 and pos < ms[i].end else None

    def in_time(self, ti: int) -> bool:
        """Is token ti part of a time expression?"""
        if self._time_tokens is None:
            self._time_tokens = {k for t in self.times for k in range(self.token_index(t.start), self.token_index(t.end))}
        return ti in self._time_tokens

    def word(self, m: Mention) -> str:
        """The matched word without its proclitics."""
        return self.ntext[m.key_start:m.end]

    def original(self, start: int, end: int) -> tuple[int, int]:
        return self.norm.span_to_original(start, end)

    def clauses(self) -> list[Clause]:
        """Sentences, cut further at clause breaks (فيما، بينما، في حين) and before an earlier incident
        recalled (بعد أسبوع من …)."""
        out: list[Clause] = []
        for s in self.sentences:
            cuts = [m.start for m in self.cues(s.start, s.end, "clause_break", "prior_event") if m.start > s.start + 2
                    and not self._second_side(s.start, m)]
            cuts += self._new_day_cuts(s.start, s.end) + self._earlier_event_cuts(s.start, s.end) + \
                self._also_announced_cuts(s.start, s.end) + self._witnessed_cuts(s.start, s.end) + \
                self._said_anew_cuts(s.start, s.end)
            cuts.sort()
            bounds = [s.start, *cuts, s.end]
            out += [Clause(self, a, b, s.index, s.is_title) for a, b in zip(bounds, bounds[1:]) if b > a]
        return out


    def _witnessed_cuts(self, start: int, end: int) -> list[int]:
        """"ونزل متظاهرون في ماندالاي، التي شهدت السبت أعمال العنف": a place's relative clause that tells what it saw
        on a day of its own is a clause of its own (its event, at that place: where.py takes the place before it)."""
        return [self.tokens[k].start for k in range(self.token_index(start) + 1, self.token_index(end) - 2)
                if self.witnessed_place(self.tokens[k].start) is not None and self.in_time(k + 2)]

    def witnessed_place(self, clause_start: int) -> Mention | None:
        """The place right before "التي شهدت" (the place that saw what the relative clause tells)."""
        k = self.token_index(clause_start)
        if k + 1 < len(self.tokens) and self.tokens[k].text in ar.words("relative_pronoun") \
                and self.tokens[k + 1].text in ar.words("witness_verb"):
            return self.at_token("place", k - 1)
        return None

    def _second_side(self, start: int, m: Mention) -> bool:
        """"مواجهات بين المستوطنين والجيش من جهة، وأهالي القرية من جهة أخرى": "on the other hand" after "on one
        hand" in the sentence names the second side of one clash, not a new clause."""
        return self.word(m) in ar.words("other_side") and any(
            self.ntext.find(w, start, m.start) >= 0 for w in ar.words("one_side"))

    def _earlier_event_cuts(self, start: int, end: int) -> list[int]:
        """"قصف الحزب قاعدة جنوب حيفا، بعد سلسلة غارات استهدفت صور": once the sentence has told an event and
        its place, "، بعد" + an event word recalls the earlier event it answered (a clause of its own)."""
        out = []
        for c in self.cues(start, end, "after", "anchor_event", "sequel"):
            # (an anchor or sequel phrase only after "، وجاء ذلك": "، غداة هجوم …" stays in its clause)
            # (or "، بعد يومين من هجوم مماثل في بنو": an incident of one or two days before, told after a comma)
            recent = c.ref.cue == "anchor_event" and self.days_back(c) > 0
            cut = c.start if (c.ref.cue == "after" or recent) and self.after_comma(c.start) else self._connector_before(c.start)
            if cut is None:
                continue
            ci = self.token_index(c.end)
            if not any(ci <= self.token_index(t.start) <= ci + 2 and t.ref.voice == "noun"
                       for t in self.in_range("trigger", c.end, end)):
                continue
            # ("، لا سيما بعد …": the emphasis alone says an earlier event is recalled, whatever came before)
            if self.in_range("trigger", start, cut) and (self.in_range("place", start, cut) or self._emphasised(c.start)):
                out.append(cut)
        return out

    def _also_announced_cuts(self, start: int, end: int) -> list[int]:
        """"أعلن التحالف اعتراض 5 مسيرات، كما أعلن عن تعرض محطة … لهجمات": "also" and a verb of saying after a
        comma, once the sentence has told an event, open the clause of another piece of news."""
        out = []
        for k in range(self.token_index(start), min(self.token_index(end), len(self.tokens))):
            t = self.tokens[k]
            if not (start + 2 < t.start < end) or t.text not in ar.words("additive_connector") or not self.after_comma(t.start):
                continue
            nxt = self.tokens[k + 1] if k + 1 < len(self.tokens) else None
            if nxt is not None and self.cues(nxt.start, nxt.end, "claim_verb", "speech") and self.in_range("trigger", start, t.start):
                out.append(t.start)
            elif self.in_range("trigger", start, t.start) and not (nxt is not None and nxt.text in ar.words("occur_verb")) \
                    and not any(getattr(m.ref, "cls", "") != "none" for layer in ("trigger", "casualty", "weapon")
                                for m in self.in_range(layer, t.start, end)):
                # (but "، كما حدث في مدينة سلا وتارودانت": "as happened in" names where the told acts were done)
                # "اعتقلت الشاب من الخليل، كما نصبت حواجزها على مداخل بلدات …": what the force also did, with no
                # event word, happened at places of its own, not the event's
                out.append(t.start)
        return out

    def _said_anew_cuts(self, start: int, end: int) -> list[int]:
        """"غارة استهدفت ديرا … مما أسفر عن مقتل 23 شخصا، وأوضح أحد الأعضاء أن …": after a comma, "and" glued to a
        verb of saying opens what someone said next, once the sentence has told an event (a page that runs its
        sentences together with commas)."""
        out = []
        for c in self.cues(start + 3, end, "speech"):
            k = self.token_index(c.start)
            t = self.tokens[k] if k < len(self.tokens) else None
            if t is not None and t.start == c.start and t.text[:1] in ar.words("and_clitic") and self.after_comma(t.start) \
                    and self.in_range("trigger", start, t.start):
                out.append(t.start)
        return out

    def _connector_before(self, pos: int) -> int | None:
        """Where "، وجاء ذلك" (this came) starts when it stands between a comma and the "بعد" at pos."""
        ti = self.token_index(pos)
        if ti < 2:
            return None
        a, b = self.tokens[ti - 2], self.tokens[ti - 1]
        return a.start if f"{a.text} {b.text}" in ar.words("context_connector") and self.after_comma(a.start) else None

    def comma_between(self, start: int, end: int) -> bool:
        return _COMMA.search(self.ntext, start, end) is not None

    def days_back(self, c: CueMention) -> int:
        """How many days before the clause's day the event after an anchor cue happened (غداة، بعد يوم من: 1;
        بعد يومين من: 2; بعد أسبوع من: 7); 0 when the cue does not say."""
        fillers = ar.words("anchor_passing") | ar.words("anchor_about")
        form = " ".join(w for w in self.ntext[c.start:c.end].split() if w not in fillers)
        for name, days in ANCHOR_DAYS:
            if form in ar.words(name):
                return days
        return 0

    def _emphasis_before(self, pos: int) -> int | None:
        """Where a word of emphasis right before pos begins ("لا سيما بعد", "خصوصا بعد"), if there is one."""
        ti = self.token_index(pos)
        for phrase in ar.words("emphasis_before_after"):
            n = phrase.count(" ") + 1
            if ti >= n and " ".join(t.text for t in self.tokens[ti - n:ti]) == phrase:
                return self.tokens[ti - n].start
        return None

    def _emphasised(self, pos: int) -> bool:
        return self._emphasis_before(pos) is not None

    def after_comma(self, pos: int) -> bool:
        """Is the text right before pos (spaces aside) a comma, or a comma and a word of emphasis ("، لا سيما بعد",
        "، خصوصا بعد": the emphasis opens the recalled event's clause as a comma alone would)?"""
        b = pos
        while b > 0 and self.ntext[b - 1].isspace():
            b -= 1
        if b > 0 and self.ntext[b - 1] in ar.raw_words("comma"):
            return True
        emphasis = self._emphasis_before(pos)
        return emphasis is not None and self.after_comma(emphasis)

    def _new_day_cuts(self, start: int, end: int) -> list[int]:
        """"سقط خمسة في انفجار، ويوم الثلاثاء الماضي قتل ستة": after a comma, "and" glued to a day
        opens another incident's clause once the sentence has told one."""
        out = []
        triggers = self.in_range("trigger", start, end)
        for te in self.times_in(start, end):
            if not te.explicit_day or not any(t.end <= te.start for t in triggers):
                continue
            ti = self.token_index(te.start)
            tok = self.tokens[ti] if 0 <= ti < len(self.tokens) else None
            if tok is not None and tok.text[:1] not in ar.words("and_clitic") and ti > 0 and \
                    self.tokens[ti - 1].text[:1] in ar.words("and_clitic") and self.at_token("trigger", ti - 1) is not None:
                tok = self.tokens[ti - 1]  # "، وأحرقوا صباح الأربعاء قرية": the verb and its own day
            also = next((k for k in range(max(0, ti - ALSO_REACH), ti) if self.tokens[k].text in ar.words("additive_connector")
                         and self.in_range("trigger", self.tokens[k].end, te.start)), None)
            if also is not None:
                tok = self.tokens[also]  # "، كما اغتال مسلحون الثلاثاء الماضي ضابطا": another incident, its own day
            elif tok is None or tok.text[:1] not in ar.words("and_clitic"):
                continue
            if tok.start >= start + 2 and self.after_comma(tok.start):
                out.append(tok.start)
        return out


class Clause:
    """A view of one clause: the queries rules ask about it, in its own range."""

    __slots__ = ("doc", "start", "end", "sentence", "is_title", "_excluded", "_triggers", "_memo")

    def __init__(self, doc: ArticleDoc, start: int, end: int, sentence: int, is_title: bool):
        self.doc, self.start, self.end, self.sentence, self.is_title = doc, start, end, sentence, is_title
        self._excluded: list[tuple[int, int]] | None = None
        self._triggers: list[TriggerMention] | None = None
        self._memo: dict[tuple[str, ...], Any] = {}  # rules ask the same question often

    def mentions(self, layer: str) -> list[Mention]:
        found = self._memo.get(("@" + layer,))
        if found is None:
            found = self._memo[("@" + layer,)] = self.doc.in_range(layer, self.start, self.end)
        return found

    def cues(self, *names: str) -> list[CueMention]:
        found = self._memo.get(names)
        if found is None:
            by_cue = self._memo.get(("@cue",))
            if by_cue is None:  # the clause's cues grouped by kind, in one pass
                by_cue = self._memo[("@cue",)] = {}
                for m in self.doc.in_range("cue", self.start, self.end):
                    for kind in cue_kinds(m):
                        by_cue.setdefault(kind, []).append(m)
            if len(names) == 1:
                found = by_cue.get(names[0], [])
            else:
                found = sorted((m for n in names for m in by_cue.get(n, ())), key=lambda m: m.start)
            self._memo[names] = found
        return found

    def tok(self, pos: int) -> int:
        return self.doc.token_index(pos)

    def after(self, anchors: list[Mention], pos: int, within: int, at_least: int = 0) -> bool:
        """Does some anchor end `at_least`..`within` tokens before pos? (bisection over the anchors'
        end tokens, so a long clause with many cues stays linear)"""
        if not anchors:
            return False
        ends = self.doc.end_tokens(anchors)
        pi = self.doc.token_index(pos)
        i = bisect.bisect_left(ends, pi - within)
        return i < len(ends) and ends[i] <= pi - at_least

    def answered(self) -> list[tuple[int, int]]:
        """The spans after a response cue to the next comma (ردا على قصف إسرائيلي، انتقاما لمقتل … يوم 4 مارس): the
        event answered, whose day, sides and toll are not this clause's."""
        found = self._memo.get(("@answered",))
        if found is None:
            ends = [m.start() for m in _COMMA.finditer(self.doc.ntext, self.start, self.end)] + [self.end]
            found = self._memo[("@answered",)] = [(c.end, next(e for e in ends if e >= c.end)) for c in self.cues("response")]
        return found

    def in_answered(self, pos: int) -> bool:
        return any(a <= pos < b for a, b in self.answered())

    def negators(self) -> list[Mention]:
        """Negation words of the clause (دون، لم، لا), found once."""
        found = self._memo.get(("@negators",))
        if found is None:
            found = self._memo[("@negators",)] = [h for h in self.mentions("harm") if h.ref.cue == "negator"]
        return found

    def excluded(self) -> list[tuple[int, int]]:
        """Sources (بحسب …, وفق ما أعلنت …), speakers (قال X إن …) and the dateline: spans whose
        actors, places and dates are not the event's."""
        if self._excluded is None:
            self._excluded = self._find_excluded()
        return self._excluded

    def _find_excluded(self) -> list[tuple[int, int]]:
        doc, start, end = self.doc, self.start, self.end
        spans: list[tuple[int, int]] = []
        commas = [m.start() for m in _COMMA.finditer(doc.ntext, start, end)]
        # ("قبل أن تتصدى لهم قوات الأمن" is a time, not what "وصفته" said)
        comps = [c for c in self.cues("complementizer")
                 if doc.tokens[max(0, doc.token_index(c.start) - 1)].text not in ar.words("time_conjunction_head")]
        words = [t.start for t in self.event_triggers()]
        for m in self.cues("source"):
            # "بحسب موقع X نقلا عن مصادر فإن …": the source ends at its comma or where the reported content
            # starts: a complementizer or a verb ("وحسب وسائل إعلام “قصفت مسيرة …”"; quotes are gone from ntext),
            # or an event word ("قتل 9 جنود بحسب الجيش في هجوم على قاعدة …")
            stop = min(next((c for c in commas if c > m.end), end), next((c.start for c in comps if c.start > m.end), end),
                       next((v for v in words if v > m.end), end))
            spans.append((m.start, stop))
        for m in self.cues("speech", "claim_verb"):
            comp = next((c for c in comps if c.start >= m.end and doc.gap(m.end, c.start) <= 14), None)
            if comp is not None:
                spans.append((m.start, comp.start))
            elif doc.tokens[doc.token_index(m.end)].text in ar.words("speaker_noun") and (about := next(
                    (t for t in doc.tokens[doc.token_index(m.end):doc.token_index(m.end) + SPEAKER_REACH]
                     if t.text in ar.words("announce_about") and t.start < end), None)) is not None:
                spans.append((m.start, about.start))  # "أعلن مسؤول في الشرطة، عن سقوط 8 قتلى": a source, not a side
        if doc.dateline_end > 0 and start < doc.dateline_end:
            spans.append((start, doc.dateline_end))
        return spans

    def is_excluded(self, pos: int) -> bool:
        return any(s <= pos < e for s, e in self.excluded())

    def event_triggers(self) -> list[TriggerMention]:
        """Trigger words of the clause, less those inside an actor's name (قوات الرد السريع)."""
        if self._triggers is None:
            actors = [(m.start, m.end) for m in self.mentions("actor")]
            self._triggers = [m for m in self.mentions("trigger") if m.ref.cls != "none"
                              and not any(s <= m.start < e and (s, e) != (m.start, m.end) for s, e in actors)]
        return self._triggers

    def has_event_words(self) -> bool:
        """A trigger, a claim or attribution that may speak of the last event, or a running toll."""
        return bool(self.event_triggers() or self.cues("adopt", "claim_verb", "attribution", "toll", "death_idiom"))


def analyse(source: Document, kb: KnowledgeBase) -> ArticleDoc:
    """Normalize, segment and find every mention of an article (the Document is left unchanged)."""
    nz = normalize(source.text)
    ntext = nz.text
    nbody = _to_norm(nz, source.body_start)
    sents = sentences(ntext, nbody)
    toks = tokens(ntext)
    doc = ArticleDoc(source, nz, sents, toks, published=source.published, doc_id=id_of_normalized(ntext))
    doc._token_starts = [t.start for t in toks]
    doc.by_layer = _layers(kb.matcher.find(ntext), [s.start for s in sents], ntext, kb.frequent_words, kb.known_words)
    _drop_noise_lines(doc)
    _apply_senses(doc, kb)
    _time_zones(doc)
    _falls_of_casualties(doc)
    _names_given(doc)
    _settlement_names(doc, kb)
    _parent_descriptions(doc)
    doc.times = [t for t in calendar().find(ntext) if not _inside_place_name(doc, t)]
    _read_dateline(doc, nbody)
    if doc.dateline_end < 0:
        _read_undated_dateline(doc, nbody)
    elif not any(doc.dateline_start <= p.start < doc.dateline_end for p in doc.by_layer.get("place", [])):
        # a date stamp on a line of its own, the reporter's city opening the next line (رام الله وطن للأنباء:)
        dated = doc.dateline_start, doc.dateline_end
        doc.dateline_start = doc.dateline_end = -1
        _read_undated_dateline(doc, dated[1])
        if doc.dateline_end < 0 or _lines_between(doc.ntext, dated[1], doc.dateline_start) > 2:
            doc.dateline_start, doc.dateline_end = dated
        else:
            doc.dateline_start = dated[0]
    return doc


def _word_read_as_clitic_and_place(ntext: str, p: Hit, frequent: frozenset[str], known: frozenset[str]) -> bool:
    """"كبيرا" "big" is no ك + Beira, "فبادر" "took the initiative" no ف + ب + Adir, "بلد" "country" no ب + Lod: a frequent
    word read as one clitic letter and a rarer place name, or a known word whose first letters read as "in/to/like"
    (not "وسوريا" nor "والميادين": "and" and the article read right)."""
    key = ntext[p.key_start:p.end]
    if p.key_start == p.start + 1 and ntext[p.start:p.end] in frequent and key not in frequent:
        return True
    glued = ntext[p.start:p.end]
    if glued[:1] in ar.words("conjunction"):
        glued = glued[1:]
    lead = ntext[p.end - len(glued):p.key_start]
    for article in ar.words("article"):
        lead = lead.replace(article, "")
    return bool(set(lead) & ar.words("preposition_clitic")) and glued in known and key not in frequent


def _layers(hits: list[Hit], sentence_starts: list[int], ntext: str,
            frequent: frozenset[str] = frozenset(), known: frozenset[str] = frozenset()) -> dict[str, list[Mention]]:
    by_layer: dict[str, list[Hit]] = {}
    for h in hits:
        by_layer.setdefault(h.payload.layer, []).append(h)
    selected = {layer: _select(layer_hits) for layer, layer_hits in by_layer.items()}
    # Names first: actors beat places they contain; then places/actors over nothing else.
    actors = selected.get("actor", [])
    actor_starts = [a.start for a in actors]
    # a word of a trigger phrase is no place (جويا of "عدوانا جويا" is not the village Jwaya)
    phrases = [t for t in selected.get("trigger", []) if " " in t.ref.form]
    phrase_starts = [t.start for t in phrases]
    # an event word with a letter read as a clitic is no place ("كمينا" "ambush" is not ك + Minna)
    word_starts = {m.start for layer in ("trigger", "weapon", "casualty") for m in selected.get(layer, [])}
    places = [p for p in selected.get("place", []) if not _inside_any(p, actors, actor_starts)
              and not (phrases and _inside_any(p, phrases, phrase_starts))
              and not (p.key_start > p.start and p.start in word_starts)
              and not _word_read_as_clitic_and_place(ntext, p, frequent, known)
              and not (p.key_start > p.start and p.end - p.key_start <= SHORT_NAME)]  # لاب "lab" is not ل + Ibb
    # "شاب يدعى بشار", "الرئيس السابق بشار الأسد": a person's name, not Béchar (nor a vote for Algeria)
    intro_ends = {c.end for c in selected.get("cue", []) if c.ref.cue == "name_intro"
                  and (c.definite or not c.ref.form.startswith(ar.ARTICLE))  # ("شهيد برصاص": no one named)
                  and not _inside_any(c, places, [p.start for p in places])}  # (كفر الشيخ is a town)
    intro_ends |= _spokesman_ends(ntext, actors, selected.get("nisba", []))
    # (a run stops at a place with "in" glued to it: "عميد كلية الإدارة والاقتصاد بجامعة بغداد")
    located = {p.start for p in places if set(ntext[p.start:p.key_start]) & ar.words("locative_clitic")}
    runs = _name_runs(ntext, intro_ends, located)
    feature_ends = {f.end for f in selected.get("feature", [])}
    # "قوات الأمن الهندية", "ولاية مانيبور الهندية", "المدن الهندية": a nationality after a force, a place or a definite
    # feature word, not the town of that name (Hindiya); elsewhere ("قضاء الهندية") the town
    place_spans = {(p.start, p.end) for p in places}
    named_ends = {m.end for m in selected.get("force", []) + places + [f for f in selected.get("feature", []) if f.definite]}
    adjectives = {(n.start, n.end) for n in selected.get("nisba", []) if (n.start, n.end) in place_spans
                  and _right_after(ntext, n.start, named_ends) and ntext.startswith(ar.ARTICLE, n.start)}
    selected["nisba"] = [n for n in selected.get("nisba", []) if (n.start, n.end) not in place_spans or (n.start, n.end) in adjectives]
    # "قرية أم صفا" is not Saffa: a place right after a name's first word (أم، أبو، كفر، دير) is part of another name
    prefix_ends = {m.end() for m in _NAME_PREFIX.finditer(ntext)} - {p.end for p in places}
    places = [p for p in places if not _right_after(ntext, p.start, intro_ends) and not any(a <= p.start < b for a, b in runs)
              and not _bearing_adjective(ntext, p, feature_ends) and (p.start, p.end) not in adjectives
              and not _right_after(ntext, p.start, prefix_ends)]
    place_starts = [p.start for p in places]
    actors = [a for a in actors if not _inside_any(a, places, place_starts, strict=True)]
    selected["place"], selected["actor"] = places, actors
    selected["person"] = _people_words(ntext, selected.get("person", []), actors)
    # phrases of masking cues (القنابل المسيلة للدموع) hide the words inside them
    masks = [m for m in selected.get("cue", []) if m.ref.cue in ar.words("masking_cue")
             and not _place_not_outlet(m, ntext, places, selected.get("cue", []))]
    if masks:
        mask_starts = [m.start for m in masks]
        for layer in ("place", "weapon", "trigger", "force"):
            if layer in selected:
                selected[layer] = [m for m in selected[layer] if not _inside_any(m, masks, mask_starts, strict=True)]
    for ms in selected.values():
        for m in ms:
            m.sentence = max(0, bisect.bisect_right(sentence_starts, m.start) - 1)
    for m in selected.get("cue", []):  # per-cue lists: rules ask for one cue kind at a time
        for kind in cue_kinds(m):
            selected.setdefault("cue:" + kind, []).append(m)
    return selected


def cue_kinds(m: CueMention) -> list[str]:
    """The kinds a cue word counts as: its first kind, and also a motive when it is one (تنديدا says both that
    a crowd protests and what about: the deaths it names are not the protest's)."""
    first = m.ref.cue
    return [first, "motive"] if first != "motive" and any(r.cue == "motive" for r in m.refs) else [first]


# grammar sets of anchor cues and the days back each says
ANCHOR_DAYS = (("anchor_day_back", 1), ("anchor_two_days_back", 2), ("anchor_week_back", 7), ("anchor_two_weeks_back", 14))
NAME_WORDS = 3  # a person's name after "الشاب": up to three words (محمد أحمد الحريري) …
_NAME_WORD = regex.compile(r" (\p{Arabic}+)")


def _name_runs(ntext: str, intro_ends: set[int], located: set[int]) -> list[tuple[int, int]]:
    """The names after a word that introduces people ("الشابين محمد الحريري وبشار المحاميد"): up to three
    words each, a second name joined by و, up to a comma or a word that is no name (في، قرب، أمس)."""
    out: list[tuple[int, int]] = []
    stops = ar.words("name_stop")
    for e in sorted(intro_ends):
        start, pos, names = e, e, 0
        while names < 2:
            words = 0
            while words < NAME_WORDS and (w := _NAME_WORD.match(ntext, pos)) and w.group(1) not in stops and \
                    w.start(1) not in located and (words == 0 or w.group(1)[:1] not in ar.words("and_clitic")):
                pos, words = w.end(), words + 1
            names += 1
            nxt = _NAME_WORD.match(ntext, pos)
            if not words or nxt is None or nxt.group(1)[:1] not in ar.words("and_clitic") or nxt.group(1)[1:] in stops:
                break
        if pos > start:
            out.append((start, pos))
    return out


def _spokesman_ends(ntext: str, actors: list[Mention], nisbas: list[Mention]) -> set[int]:
    """"الناطق باسم جيش الاحتلال الإسرائيلي دانيال هغاري": where the body a spokesman speaks for ends (with its
    adjectives), his name begins, and it is no place (Daniel is not the Iranian town Dānyāl)."""
    ends: set[int] = set()
    for m in _spokesman_phrase().finditer(ntext):
        body = next((a for a in actors if a.start >= m.end() and not ntext[m.end():a.start].strip()), None)
        if body is None:
            continue
        end = body.end
        while (adjective := next((n for n in nisbas if n.start > end and not ntext[end:n.start].strip()), None)):
            end = adjective.end
        ends.add(end)
    return ends


@lru_cache(maxsize=1)
def _spokesman_phrase() -> regex.Pattern[str]:
    heads = "|".join(sorted(map(regex.escape, ar.words("spokesman_head")), key=len, reverse=True))
    return regex.compile(rf"(?<!\S)(?:{heads}) (?:{'|'.join(map(regex.escape, ar.words('on_behalf')))}) ")


_PREVIOUS_WORD = regex.compile(r"(\S+)\s+$")


def _bearing_adjective(ntext: str, p: Mention, feature_ends: set[int]) -> bool:
    """"منطقة ساغاينغ الشمالية": a bearing adjective right after a word (not a preposition, a feature word or a
    comma) describes that word's place; it is no province of its own (Sudan's الشمالية)."""
    if ntext[p.start:p.end] not in ar.words("bearing_adjective"):  # (no clitic: بالشمالية names a place)
        return False
    b = p.start
    while b > 0 and ntext[b - 1] == " ":
        b -= 1
    prev = _PREVIOUS_WORD.search(ntext, max(0, p.start - 40), p.start)
    return b not in feature_ends and prev is not None and prev.group(1).isalpha() and \
        prev.group(1) not in ar.words("place_preposition")


_NAME_PREFIX = regex.compile(r"(?<![\p{Arabic}])[" + "".join(ar.words("and_clitic") | ar.words("preposition_clitic")) + "]?(?:"
                             + "|".join(ar.words("name_prefix")) + r")(?![\p{Arabic}])")


def _people_words(ntext: str, persons: list[Mention], actors: list[Mention]) -> list[Mention]:
    """A people word inside a group's name is no crowd (أنصار of جماعة أنصار الدين: no protesters), nor are a
    movement's supporters it names ("اعتقلت 120 من أنصار وكوادر حركة حماس": its members, no demonstrators)."""
    actor_starts = [a.start for a in actors]
    persons = [m for m in persons if not _inside_any(m, actors, actor_starts, strict=True)]
    return [m for m in persons if m.ref.group != "protesters" or not any(
        0 < a - m.end <= SUPPORTERS_GAP and _SUPPORTERS_OF.fullmatch(ntext, m.end, a) for a in actor_starts)]


SUPPORTERS_GAP = 12  # characters from a supporters word to the movement: " وكوادر " (أنصار وكوادر حركة حماس)
_SUPPORTERS_OF = regex.compile(r" (?:(?:%s)\p{Arabic}+ )?" % "|".join(ar.words("and_clitic")))


def _right_after(ntext: str, start: int, ends: set[int]) -> bool:
    """Does a word starting at `start` follow one of `ends` with only spaces between?"""
    b = start
    while b > 0 and ntext[b - 1] == " ":
        b -= 1
    return b != start and b in ends


ALSO_REACH = 4  # words from "، كما" over its verb and subject to the day of the incident it adds
SHORT_NAME = 2  # letters of a place name too short to carry a clitic (اب: Ibb)
OUTLET_SIGNS = ("outlet_noun", "source")
BYLINE_MARKS = frozenset(")|-–—:/")


def _place_not_outlet(m: Mention, ntext: str, places: list[Mention], cues: list[Mention]) -> bool:
    """An outlet named after a place and a day word ("حلب اليوم", "القاهرة 24") is the outlet only where
    the text says so: after an outlet noun or "according to", with "لـ", at a line's start or before a
    byline mark; "قصف على مدينة حلب اليوم" is Aleppo, today."""
    if m.ref.cue != "outlet" or not any(p.start == m.start or p.key_start == m.key_start for p in places):
        return False
    if m.key_start > m.start and ntext[m.start:m.key_start] in ar.words("dative_clitic"):
        return False  # لـ"بغداد اليوم": told to the outlet
    b = m.start - 1
    while b >= 0 and ntext[b] == " ":
        b -= 1
    if b < 0 or ntext[b] == "\n":
        return False  # the outlet opens a line: a byline
    a = m.end
    while a < len(ntext) and ntext[a] == " ":
        a += 1
    if a == len(ntext) or ntext[a] in BYLINE_MARKS or ntext[a] == "\n":
        return False
    return not any(c.ref.cue in OUTLET_SIGNS and 0 <= m.start - c.end <= 2 for c in cues)


_LINK_LINE = regex.compile(ar.LINK_LINE, regex.MULTILINE)


CAPTION_WORDS = 25  # a photo caption is a short line
_LINE = regex.compile(r"[^\n]+")
_CREDIT_AT_END = regex.compile(r"\(([^()\n]{2,40})\)\s*$")


def _caption_lines(doc: ArticleDoc) -> list[tuple[int, int]]:
    """"تمكنت الحركة من تفجير سيارة مفخخة (فرانس برس)": a short line that ends with a photo credit in brackets is
    the caption of a picture, which retells the story in a word or two: no sentence of the article."""
    credits = ar.words("photo_credit")
    out: list[tuple[int, int]] = []
    for m in _LINE.finditer(doc.ntext):
        credit = _CREDIT_AT_END.search(m.group())
        if credit and m.start() > 0 and len(m.group().split()) <= CAPTION_WORDS and \
                any(c in credit.group(1) for c in credits):
            out.append((m.start(), m.end()))
    return out


def _link_list(ntext: str) -> list[tuple[int, int]]:
    """Two or more bullet lines in a row with no final stop: a list of links to other news."""
    lines = [(m.start(), m.end()) for m in _LINK_LINE.finditer(ntext)]
    out: list[tuple[int, int]] = []
    for i, (a, b) in enumerate(lines):
        prev_adjacent = i > 0 and not ntext[lines[i - 1][1]:a].strip()
        next_adjacent = i + 1 < len(lines) and not ntext[b:lines[i + 1][0]].strip()
        if prev_adjacent or next_adjacent:
            out.append((a, b))
    return out


def _drop_noise_lines(doc: ArticleDoc) -> None:
    """Page lines that carry other news ("عاجل: …", "اقرأ أيضا: …", a bulleted list of links) are not the
    article: their sentences are dropped (the text and its offsets stay as they are)."""
    noise = doc.by_layer.get("cue:noise_line", [])
    dropped: list[tuple[int, int]] = _link_list(doc.ntext) + _caption_lines(doc)
    for m in noise:
        line_start = doc.ntext.rfind("\n", 0, m.start) + 1
        if doc.ntext[line_start:m.start].strip():
            continue  # only at the head of a line
        line_end = doc.ntext.find("\n", m.end)
        line_end = len(doc.ntext) if line_end < 0 else line_end
        bare = not doc.ntext[m.end:line_end].strip(" :")
        if not bare and doc.ntext[m.key_start:m.end] in ar.words("header_when_bare"):
            continue
        links = doc.ntext[m.start:m.end].split(" ")[0] in ar.words("read_also_word") and bare
        # (after the article's own news only: a page may open with a "related" box above the headline)
        related = bare and doc.ntext[m.start:m.end] in ar.words("related_header") and bool(doc.in_range("trigger", 0, line_start))
        dropped.append((line_start, _related_after(doc.ntext, line_end) if related
                        else _links_after(doc.ntext, line_end) if links else line_end))
    keep = [s for s in doc.sentences if not any(a <= s.start < b for a, b in dropped)]
    if keep and len(keep) < len(doc.sentences):  # (never the whole page)
        doc.sentences = [Sentence(i, s.start, s.end, s.is_title) for i, s in enumerate(keep)]
        starts = [s.start for s in doc.sentences]
        for ms in doc.by_layer.values():
            for m in ms:
                m.sentence = max(0, bisect.bisect_right(starts, m.start) - 1)


READ_ALSO_LINES = 3  # lines after a bare "اقرأ أيضا:": a linked headline and the lede shown with it
RELATED_LINES = 30  # lines of a "related articles" list (headlines, bylines, dates, blank lines between)
BODY_LINE_WORDS = 15  # a line this long that ends a sentence is the article again, not a linked headline


def _related_after(ntext: str, line_end: int) -> int:
    """The end of a bare "مقالات ذات صلة" list: the headline-like lines after it (short, or with no final stop), blank
    lines between them included, up to a line that reads as the article's own sentence."""
    pos, end = line_end, line_end
    for _ in range(RELATED_LINES):
        if pos >= len(ntext):
            break
        nl = ntext.find("\n", pos)
        nl = len(ntext) if nl < 0 else nl
        line = ntext[pos:nl].strip()
        if line and len(line.split()) > BODY_LINE_WORDS and line[-1] in ar.FULL_STOPS:
            break
        end, pos = nl, nl + 1
    return end


def _links_after(ntext: str, line_end: int) -> int:
    """The end of what a bare "اقرأ أيضا:" line shows of other news: the lines after it up to a blank line (at most
    READ_ALSO_LINES), not a line that goes on with the article ("وأضاف …", "في سياق متصل، …")."""
    pos = line_end
    while pos < len(ntext) and ntext[pos] in "\n ":
        pos += 1  # (blank lines right after the marker)
    end = line_end
    for _ in range(READ_ALSO_LINES):
        nl = ntext.find("\n", pos)
        line = ntext[pos:len(ntext) if nl < 0 else nl].strip()
        if not line or line[0] in ar.words("and_clitic") or any(line.startswith(w) for w in ar.words("continuation_opener")):
            break
        end = len(ntext) if nl < 0 else nl
        if nl < 0 or ntext.startswith("\n", nl + 1):
            break  # (a blank line ends the links)
        pos = nl + 1
    return end


def _time_zones(doc: ArticleDoc) -> None:
    """"الساعة 10:23 بتوقيت عدن": a city named for its clock says where the page keeps time, not where anything
    happened; it is no place of the article."""
    places = doc.by_layer.get("place", [])
    keep = [p for p in places if not (doc.token_index(p.start) > 0 and
                                      doc.tokens[doc.token_index(p.start) - 1].text in ar.words("time_zone_word"))]
    if len(keep) < len(places):
        doc.by_layer["place"] = keep


def _apply_senses(doc: ArticleDoc, kb: KnowledgeBase) -> None:
    """Second senses (senses.tsv): مسيرة in a sentence about protesters is a march, not a drone. The
    usual readings are dropped and, where the sense names one, a trigger takes their place."""
    senses = kb.lexicon.senses
    if not senses:
        return
    changed: dict[str, set[int]] = {}
    added: list[Mention] = []
    layers = sorted({layer for s in senses.values() for layer in s.drop})
    told = {senses[doc.ntext[m.key_start:m.end]].becomes for layer in layers for m in doc.by_layer.get(layer, [])
            if doc.ntext[m.key_start:m.end] in senses and _sense_applies(doc, m, senses[doc.ntext[m.key_start:m.end]])}
    for layer in layers:
        for m in doc.by_layer.get(layer, []):
            sense = senses.get(doc.ntext[m.key_start:m.end])
            if sense is None or layer not in sense.drop or not (
                    _sense_applies(doc, m, sense) or _sense_carries(doc, m, sense, told)):
                continue
            changed.setdefault(layer, set()).add(id(m))
            if sense.becomes and not any(a.start == m.start for a in added):
                added.append(Mention("trigger", m.start, m.end, m.key_start, m.definite,
                                     [Trigger(sense.form, sense.becomes, "noun")], m.sentence))
    for layer, ids in changed.items():
        doc.by_layer[layer] = [m for m in doc.by_layer[layer] if id(m) not in ids]
    if added:
        triggers = doc.by_layer.get("trigger", [])
        doc.by_layer["trigger"] = sorted(
            triggers + [a for a in added if not any(t.start < a.end and a.start < t.end for t in triggers)],
            key=lambda m: m.start)


PARENT_LINK_WORDS = 2  # "ذات الصلة": the longest link between a group and its parent


def _parent_descriptions(doc: ArticleDoc) -> None:
    """"حركة الشباب المرتبطة بتنظيم القاعدة": the parent named after a group describes it; it is no participant
    (the claimant, attacker or target is the group). Its words become one "described" mention, which role
    finding steps over to the verb's object ("قتل مسلحون من حركة الشباب المتصلة بالقاعدة خمسة جنود")."""
    actors = doc.by_layer.get("actor", [])
    if len(actors) < 2:
        return
    links = ar.words("parent_link")
    dropped: list[Mention] = []
    described: list[Mention] = []
    for a in actors:
        ti = doc.token_index(a.end)
        for n in range(PARENT_LINK_WORDS, 0, -1):
            if " ".join(t.text for t in doc.tokens[ti:ti + n]) in links and (b := doc.at_token("actor", ti + n)) is not None \
                    and b is not a and doc.token_index(b.start) == ti + n and b not in dropped:
                dropped.append(b)
                described.append(Mention("described", doc.tokens[ti].start, b.end, doc.tokens[ti].start, False, [], b.sentence))
                break
    if dropped:
        doc.set_layer("actor", [a for a in actors if a not in dropped])
        doc.set_layer("described", described)


# casualty words that name the fallen themselves: "سقوط جرحى", "سقط قتيلان"
FALLEN_KINDS = frozenset({"dead_noun", "hurt_noun"})
FALLEN_PATTERNS = frozenset({"two", "noun"})
FALLEN_REACH = 6  # words after "سقوط" to the fallen: "سقوط ما لا يقل عن 8 قتلى"
DOWNED_REACH = 3  # … and after "أسقط": "ما أسقط سبعة قتلى" (a count and the dead, not what was shot down)


def _falls_of_casualties(doc: ArticleDoc) -> None:
    """"Fall" (سقوط/سقط) is a projectile's impact, but "the fall of dead and wounded" (سقوط عدة جرحى،
    سقط قتيلان) says people were killed or hurt: with a casualty word in the next three words and no
    weapon before it, the impact trigger reads as a killing; so does "downing" dead (ما أسقط سبعة قتلى)."""
    for m in doc.by_layer.get("trigger", []):
        if any(t.cls not in ("impact", "interception") for t in m.refs):
            continue
        reach = FALLEN_REACH if all(t.cls == "impact" for t in m.refs) else DOWNED_REACH
        mi = doc.token_index(m.start)
        before = doc.at_token("casualty", mi - 1) if mi > 0 else None
        if before is not None and any(r.kind in FALLEN_KINDS for r in before.refs) and not doc.at_token("weapon", mi - 1):
            m.refs = [Trigger(t.form, "kill", "noun") for t in m.refs]  # "تسعة قتلى سقطوا": the fallen before the verb
            continue
        ti = doc.token_index(m.end)
        for k in range(ti, min(ti + reach, len(doc.tokens))):
            if doc.at_token("weapon", k) or doc.at_token("trigger", k) or doc.at_token("place", k):
                break
            c = doc.at_token("casualty", k)
            if c is not None and any(r.kind in FALLEN_KINDS or r.pattern in FALLEN_PATTERNS for r in c.refs):
                m.refs = [Trigger(t.form, "kill", "noun") for t in m.refs]
                break


NAMING_REACH = 4  # words from "أطلق" to the name it gives: "أطلق عليها منظموها اسم"


def _names_given(doc: ArticleDoc) -> None:
    """"أطلق عليها اسم …" gives a name: no launch, no weapon fired; "أسقطوا الحواجز" brings barriers down, no
    aircraft."""
    names, barriers = ar.words("name_noun"), ar.words("barrier_word")
    keep = []
    for m in doc.by_layer.get("trigger", []):
        ti = doc.token_index(m.end)
        if all(t.cls == "launch" for t in m.refs):
            if any(doc.tokens[k].text in names for k in range(ti, min(ti + NAMING_REACH, len(doc.tokens)))):
                continue
        if all(t.cls == "interception" for t in m.refs) and ti < len(doc.tokens) and doc.tokens[ti].text in barriers:
            continue
        keep.append(m)
    doc.set_layer("trigger", keep)


NAMED_SETTLEMENTS = frozenset({"village", "town"})  # feature words whose next word is the settlement's name


def _settlement_names(doc: ArticleDoc, kb: KnowledgeBase) -> None:
    """"بلدة معركة" is the village Maaraka, not a battle: an event noun right after a singular settlement word
    (بلدة، قرية) names the settlement (later stages may place it as an unknown town), as does one inside a
    longer place name the gazetteer knows."""
    keep = []
    for m in doc.by_layer.get("trigger", []):
        ti = doc.token_index(m.start)
        named = doc.at_token("place", ti)
        if named is not None and named.start < m.start and m.end <= named.end:
            continue
        ft = doc.at_token("feature", ti - 1) if ti > 0 else None
        if ft is not None and doc.token_index(ft.start) == ti - 1 and doc.at_token("place", ti) is None \
                and all(t.voice == "noun" for t in m.refs) and kb.names_one(ft.ref, NAMED_SETTLEMENTS):
            continue
        keep.append(m)
    doc.set_layer("trigger", keep)


def _sense_carries(doc: ArticleDoc, m: Mention, sense: Sense, told: set[str | None]) -> bool:
    """An article that told marches (مسيرات الحراك) means marches by a bare "مسيرات في بجاية ووهران"
    too: a weapon word keeps its second sense across the article when its own sentence has no aircraft
    word and no other event word."""
    if sense.becomes not in told or "weapon" not in sense.drop:
        return False
    s = doc.sentences[m.sentence]
    if sense.unless and doc.cues(s.start, s.end, *sense.unless.split("|")):
        return False
    return not any(t.start != m.start and s.start <= t.start < s.end for t in doc.by_layer.get("trigger", []))


def _sense_applies(doc: ArticleDoc, m: Mention, sense: Sense) -> bool:
    s = doc.sentences[m.sentence]
    return bool(doc.cues(s.start, s.end, *sense.when.split("|"))) and \
        not (sense.unless and doc.cues(s.start, s.end, *sense.unless.split("|")))


def _select(hits: list[Hit]) -> list[Mention]:
    """Group hits by span, then keep the longest non-overlapping spans (all payloads of a span)."""
    spans: dict[tuple[int, int], Mention] = {}
    # a word that is a name as a whole is not also a clitic and another name (لبنان is no ل + Banan)
    whole = {(h.start, h.end) for h in hits if h.key_start == h.start}
    hits = [h for h in hits if h.key_start == h.start or (h.start, h.end) not in whole]
    # exact keys before prefix keys for the same word (ضربة the noun over ضرب* the verb), longer prefix keys
    # before shorter ones (احتجز* "detained" over احتج* "protested" in احتجزت)
    for h in sorted(hits, key=lambda h: (h.payload.prefix_only, h.key_start, -h.key_len)):
        m = spans.get((h.start, h.end))
        if m is None:
            m = spans[(h.start, h.end)] = Mention(h.payload.layer, h.start, h.end, h.key_start,
                                                   h.has_article or h.payload.definite, [])
        if h.payload.ref not in m.refs:
            m.refs.append(h.payload.ref)
    return longest_non_overlapping((m.end - m.key_start, m.start, m.end, m) for m in spans.values())


def _inside_place_name(doc: ArticleDoc, t: TimeExpr) -> bool:
    """A bare weekday inside a place name (سوق الجمعة) is part of the name, not a date."""
    if t.kind != "weekday":
        return False
    places = doc.by_layer.get("place", [])
    if "place" not in doc._starts:
        doc._starts["place"] = [p.start for p in places]
    p = _container(places, doc._starts["place"], t.start, t.end)
    return p is not None and (p.end - p.start) > (t.end - t.start)


# "أربيل (كوردستان24)- …", "غزة - …": a place and an optional outlet heading the body, set off by a dash
_UNDATED_DATELINE = regex.compile(ar.UNDATED_DATELINE)


_OUTLET_DATELINE = regex.compile(ar.OUTLET_DATELINE)

_SOURCE_IN_BRACKETS_AT_END = regex.compile(r"\([^()\n]{1,30}\)\s*$", regex.M)  # a line ending in "(وكالات)" is no headline
def _lines_between(ntext: str, start: int, end: int) -> int:
    """Lines with words on them between two offsets (a page's blank lines are none)."""
    return sum(1 for line in ntext[start:end].split("\n")[1:] if line.strip())


SPEAKER_REACH = 6  # tokens from a verb of saying to the "عن" of what was announced, its speaker between
DATELINE_LINES = 6  # the first lines may be a date stamp, a byline, "published", a photo credit


def _read_undated_dateline(doc: ArticleDoc, nbody: int) -> None:
    """A dateline without a date: the body's first line starts with a place name (and an outlet in
    brackets) and a dash. Its place is the reporter's, not the event's (but stands in when nothing else is said)."""
    places = doc.by_layer.get("place", [])
    line_start = nbody
    title_start = doc.ntext.rfind("\n", 0, max(nbody - 1, 0)) + 1
    if nbody > 0 and _SOURCE_IN_BRACKETS_AT_END.search(doc.ntext, title_start, nbody):
        line_start = title_start  # "أخبار الآن | الجزائر – الجزائر (وكالات)" taken for a headline: a dateline
    for _ in range(DATELINE_LINES):  # the first lines may be a date stamp or a byline
        for at in (line_start, _after_outlet_dash(doc.ntext, line_start)):
            m = _UNDATED_DATELINE.match(doc.ntext, at) if at >= 0 else None
            if m is not None and any(p.start == m.start("place") and p.end == m.end("place") for p in places):
                doc.dateline_start, doc.dateline_end = m.start("place"), m.end()
                return
        m = _OUTLET_DATELINE.match(doc.ntext, line_start)
        if m is not None and any(w in ar.words("outlet_word") for w in m.group("outlet").split()) and \
                any(p.start == m.start("place") and p.end <= m.end("place") for p in places):
            doc.dateline_start, doc.dateline_end = m.start("place"), m.end()
            return
        nxt = doc.ntext.find("\n", line_start)
        if nxt < 0:
            return
        line_start = nxt + 1


OUTLET_PREFIX_CHARS = 30  # "بوابة اوكرانيا-كييف-", "أخبار الآن | الجزائر –": an outlet's name set off by a dash or a bar before the dateline's place


def _after_outlet_dash(ntext: str, line_start: int) -> int:
    """Where a dateline's place would start after a short outlet name and a dash, or -1."""
    head = ntext[line_start:line_start + OUTLET_PREFIX_CHARS]
    cut = min((i for i in (head.find(d) for d in "-–—|") if i > 0), default=-1)
    return -1 if cut < 0 or "\n" in head[:cut] or len(head[:cut].split()) > 3 else line_start + cut + 1


def _read_dateline(doc: ArticleDoc, nbody: int) -> None:
    found = find_dateline(doc.ntext, nbody, doc.times, doc.published)
    if not found:
        return
    doc.dateline_end = found[1].end
    doc.dateline_start = doc.ntext.rfind("\n", 0, found[1].start) + 1
    # "الثلاثاء 27 صفر 1445هـ الموافق 12 سبتمبر 2023م": the restated date is dateline too
    tail = doc.ntext[doc.dateline_end:doc.dateline_end + 12]
    if any(w in tail for w in ar.words("dateline_restated")):
        nxt = next((t for t in doc.times if t.start > doc.dateline_end and t.start - doc.dateline_end < 14), None)
        if nxt is not None:
            doc.dateline_end = nxt.end
    if doc.published is None:
        doc.published = found[0]


def _container(ms: list[Mention], starts: list[int], start: int, end: int) -> Mention | None:
    """The mention of a layer (sorted, its mentions never overlap) that covers [start, end)."""
    i = bisect.bisect_right(starts, start) - 1
    return ms[i] if i >= 0 and ms[i].end >= end else None


def _inside_any(m: Mention, others: list[Mention], starts: list[int], strict: bool = False) -> bool:
    o = _container(others, starts, m.start, m.end)
    return o is not None and not (strict and (o.start, o.end) == (m.start, m.end))


def _to_norm(nz: Normalized, original_offset: int) -> int:
    if nz.origin is None:
        return original_offset
    return bisect.bisect_left(nz.origin, original_offset)
