"""The article stage: from frames to event drafts, tallies and background.

Frames of kind NEW become event drafts, one per place they name. REFERENCE and STATEMENT frames and
headlines only add to drafts already made (evidence, a missing perpetrator, a claim); a reference
may add a new place with its own town or date. CONTEXT frames carry claims to the last events.
Then drafts of the same place and day merge (extract/drafts.py). Rules about the article as a
whole (consolidation of one incident told many times, context that is not an incident) live here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rasd.doc import ArticleDoc
from rasd.extract.context import ArticleContext
from rasd.extract.drafts import NAMING_CLASSES, OUTCOME_CLASSES, Draft, merge_drafts
from rasd.extract.events import (add_to_toll, also_killed, dated_by_relative, in_an_unknown_quarter, inherit_told, leads_toll,
                                 sentence_span)
from rasd.lang import ar
from rasd.extract.frame import Frame, FrameKind, Located
from rasd.extract.risen_toll import update_risen_toll
from rasd.extract.told_again import apply_claims, fill
from rasd.extract.tallies import tally
from rasd.extract.where import Where
from rasd.resolve import geo
from rasd.text.dates import Resolved

# places an event can be coded at when a reference names them; a country, a sea or a region cannot
NOT_EVENT_PLACES = ("country", "region", "sea", "gulf", "strait", "mountain", "river")


@dataclass
class ArticleResult:
    drafts: list[Draft] = field(default_factory=list)
    tallies: list[dict[str, Any]] = field(default_factory=list)
    background: list[dict[str, Any]] = field(default_factory=list)


class ArticleStage:
    def __init__(self, ctx: ArticleContext):
        self.ctx, self.doc = ctx, ctx.doc
        self.result = ArticleResult()
        self.last_group: list[Draft] = []  # drafts of the latest sentence that reported events
        self.after_background = False  # the latest event told was background: "this attack" is that one
        self._group_sentence = -1
        # places named so far, for "the city" in a later clause, and whether an old event was told there
        self.told_places: list[tuple[Located, bool]] = []

    def run(self, frames: list[Frame]) -> ArticleResult:
        self.told_places = [(l, False) for f in frames if f.is_title for l in f.leaves if l.place.feature != "country"]
        leading = [leads_toll(f, nxt) for f, nxt in zip(frames, frames[1:] + [None])]
        for i, f in enumerate(frames):
            if not f.is_title and not leading[i]:
                self.take(f)
                if i > 0 and leading[i - 1]:  # the toll that opened this clause's sentence
                    for d in self.last_group:
                        fill(self.doc, d, frames[i - 1], single=len(self.last_group) == 1)
                old = f.kind in (FrameKind.BACKGROUND, FrameKind.STALE)
                self.told_places += [(l, old) for l in f.leaves if l.place.feature != "country"]
        for f in frames:
            if f.is_title:
                self.take_title(f)
        if not self.result.drafts:
            self.take_condemned(frames)
        if not self.result.drafts and not self.result.tallies:
            self.take_lone_reference(frames)  # (an article of running tolls refers to events it does not report)
        if not self.result.drafts and not self.result.tallies:
            self.take_lone_title(frames)
        self.result.drafts = merge_drafts(self.result.drafts, dated=self.ctx.pub is not None)
        self.place_the_placeless()
        return self.result

    def place_the_placeless(self) -> None:
        """Events left without a place after merging: in an article that places its incidents, a recalled or unplaceable
        mention (dropped), unless a quarter it lacks names it on a day of its own (events.in_an_unknown_quarter); in one
        that places none, the incident it is about, at the province or city the article names there (as "near")."""
        if any(d.specific for d in self.result.drafts):
            for d in [d for d in self.result.drafts if not d.specific]:
                d.place = in_an_unknown_quarter(self, d)
            self.result.drafts = [d for d in self.result.drafts if d.specific]
            return
        told = self.told_places
        if self.result.drafts and not any(l.place.country_code == d.country for l, _ in told for d in self.result.drafts):
            told = told + self._places_of_quiet_clauses()
        for d in self.result.drafts:
            if d.place is None:
                named = [l for l, old in told if not old and not l.near and l.place.country_code == d.country
                         and l.place.feature not in NOT_EVENT_PLACES]
                if named:
                    d.place = Located(named[0].place, named[0].start, named[0].end, near=True)
                    d.fallback_place = True

    def _places_of_quiet_clauses(self) -> list[tuple[Located, bool]]:
        """Places of the clauses without event words (they were not located): "the suicide bombers drove
        to the gate of the Bannu barracks", in a quote after the lede that named only the country."""
        out: list[tuple[Located, bool]] = []
        for clause in self.doc.clauses():
            if clause.is_title or clause.has_event_words():
                continue
            f = Frame(clause.start, clause.end, clause.sentence, clause.is_title)
            Where().fill(f, clause, self.ctx)
            out += [(l, False) for l in f.leaves if l.place.feature != "country"]
        return out

    def take_condemned(self, frames: list[Frame]) -> None:
        """The first condemnation naming a town reports the attack (ACLED codes it), known to the statement's week."""
        for f in frames:
            if f.kind is FrameKind.STATEMENT and not f.is_title and self._condemns_a_told_attack(f) and \
                    any(l.place.feature not in NOT_EVENT_PLACES and not l.place.is_area for l in f.leaves):
                drafts = self.new_drafts(f)
                apply_claims(f, drafts)
                for d in [d for d in drafts if f.date_explicit and d.date]:
                    d.date = Resolved(d.date.date, max(d.date.precision, 2))
                return

    def take_lone_reference(self, frames: list[Frame]) -> None:
        """An article that tells no event but refers to one with its place and toll ("أعلن الجيش مقتل 25 عنصرا في إقليم
        شبيلي الوسطى") or its day ("فرقت الشرطة بالرباط مساء أمس الوقفة الاحتجاجية") reports that event."""
        for f in frames:
            if f.kind is FrameKind.REFERENCE and not f.is_title and f.cls not in (None, "war") and not _violence_in_general(self.doc, f) and \
                    (f.casualties.fatalities or f.casualties.injuries or f.date_explicit) and \
                    any(l.place.feature not in NOT_EVENT_PLACES for l in f.leaves):
                apply_claims(f, self.new_drafts(f))
                return

    def take_lone_title(self, frames: list[Frame]) -> None:
        """A headline that tells an incident at a town ("قصف كثيف في غوما") above a body that tells it only in
        words rasd does not read as an event ("سمع دوي قصف وسط المدينة") reports that incident."""
        for f in frames:
            if f.is_title and f.kind is FrameKind.NEW and f.cls not in (None, "war") and \
                    any(l.place.feature not in NOT_EVENT_PLACES and not l.place.is_area for l in f.leaves):
                apply_claims(f, self.new_drafts(f))
                return

    def _condemns_a_told_attack(self, f: Frame) -> bool:
        """"أدانت … الاعتداء الذي ضرب …": a condemnation verb, and the attack told in a relative clause."""
        doc = self.doc
        words = [t.text for t in doc.tokens[doc.token_index(f.start):doc.token_index(f.end)]]
        stems = [ar.without_proclitics(w, "and_clitic") for w in words]
        return any(w in ar.words("condemn_verb") for w in stems) and any(w in ar.words("relative_pronoun") for w in words)

    def take(self, f: Frame) -> None:
        if f.kind is not FrameKind.NEW and f.since is None and len(self.last_group) == 1 and \
                update_risen_toll(self.doc, f, self.last_group[0], self.result.drafts, self.ctx) and f.kind is FrameKind.TALLY:
            return  # "ليرتفع عدد القتلى إلى 8": the incident's toll, updated
        if f.cls is None and f.kind not in (FrameKind.TALLY, FrameKind.STALE):
            apply_claims(f, self.last_group)  # a claim or blame in a clause of its own
        if f.kind is FrameKind.TALLY:
            self.result.tallies.append(tally(self.doc, f))
            for count, at_least, what, span in f.more_tallies:
                self.result.tallies.append(dict(tally(self.doc, f), count=count, at_least=at_least, what=what, span=span))
        elif f.kind is FrameKind.BACKGROUND:
            self.result.background.append({"date": f.background, "frame": f, "evidence": [sentence_span(self.doc, f)]})
            self.after_background = True
        elif f.kind in (FrameKind.NEW, FrameKind.REFERENCE) and len(self.last_group) == 1 and also_killed(self.doc, f):
            add_to_toll(self.doc, self.last_group[0], f)  # "… إن جنديا قتل أيضا": one more dead of that event
        elif f.kind in (FrameKind.REFERENCE, FrameKind.STATEMENT):
            self.take_reference(f)
        elif f.kind is FrameKind.NEW:
            self.after_background = False
            if f.tally_count:  # a running toll told after the event in the same clause
                self.result.tallies.append(tally(self.doc, f))
            drafts = self.new_drafts(f)
            apply_claims(f, drafts)
            self.set_group(f, drafts)

    def set_group(self, f: Frame, drafts: list[Draft]) -> None:
        """Clauses of one sentence (X was hit, while Y was shelled) form one group for what follows."""
        if f.sentence == self._group_sentence:
            self.last_group = self.last_group + drafts
        else:
            self.last_group, self._group_sentence = list(drafts), f.sentence

    def take_reference(self, f: Frame) -> None:
        """A frame about events already told: add to them, or to new places it names."""
        specific = [l for l in f.leaves if l.place.feature not in NOT_EVENT_PLACES]
        if specific:
            if self._reference_places(f, specific):
                return
            if any(self._told_there(f, d, l) for d in self.result.drafts for l in specific):
                return
        if self._another_day(f):
            self.new_drafts(f)  # "… and last Tuesday six were killed": not the toll of the events told
            return
        for d in self.last_group:
            fill(self.doc, d, f, single=len(self.last_group) == 1)
        apply_claims(f, self.last_group)

    def _another_day(self, f: Frame) -> bool:
        """A reference with its own toll on a day it says, other than every told event's, tells another incident."""
        if not (f.date_explicit and f.date is not None) or (f.casualties.fatalities is None and f.casualties.injuries is None):
            return False
        if len(self.last_group) == 1 and dated_by_relative(self.doc, f):
            d = self.last_group[0]  # "في الغارة التي وقعت ليلة أمس": the event told, on the day it happened
            d.date, d.date_explicit, d.date_span = f.date, True, f.date_span
            return False
        return bool(self.last_group) and all(d.date is not None and d.date.date != f.date.date for d in self.last_group)

    def _reference_places(self, f: Frame, specific: list[Located]) -> bool:
        """Fill the drafts at the places a reference names; make drafts for new places it names
        with a town or a date of its own. True when new drafts were made."""
        made: list[Draft] = []
        if _violence_in_general(self.doc, f) or (f.main is not None and f.main.ref.voice == "imperfect" and _told_as_a_habit(self.doc, f)):
            # "دفعت أعمال العنف يوم الثلاثاء ألف شخص إلى الفرار من أحياء في X": the violence of past days;
            # "وتستهدف القوات بشكل شبه يومي مناطق بريانسك وكورسك": a habit, told in the present
            return False
        periods = self.doc.cues(f.start, f.end, "since")
        # one toll said of two told places ("8 attackers killed in Chabahar and Rask") is no toll of either
        filled = {id(d) for l in specific for d in self.result.drafts if self._told_there(f, d, l)}
        for l in specific:
            same = [d for d in self.result.drafts if self._told_there(f, d, l)]
            for d in same:
                fill(self.doc, d, f, single=len(filled) == 1)
            placed = any(d.specific for d in self.result.drafts)
            if any(c.end <= l.start for c in periods):
                continue  # "… where the area has seen drones over Tyre and Nabatieh for weeks": a period's places
            if self._on_a_road(f, l) or (f.main is not None and not f.date_explicit and self.doc.token_index(l.start) == self.doc.token_index(f.main.end)):
                continue  # "the clashes cut the road between Ataq and Bayhan"; "تبنت هجوم باماكو": a known attack's name
            refines = not same and f.kind is FrameKind.REFERENCE and not f.date_explicit and l.place.feature != "admin1"
            coarse = [d for d in self.last_group if refines and d.place is not None and d.place.place.feature == "admin1"
                      and geo.contains(d.place.place, l.place)]
            for d in coarse:  # "clashes in Shabwa province … the clashes broke out in Usaylan district": the place, refined
                d.place = Located(l.place, l.start, l.end, l.near, l.road)
                d.add_evidence(sentence_span(self.doc, f))
            if coarse:
                continue
            if not same and f.kind is not FrameKind.STATEMENT and not self._about_background() and \
                    (f.date_explicit or not l.place.is_area or (not placed and self.result.drafts)):
                # "the assassinations in Daraa province" is commentary, not an event (but the province a
                # reference names is where the incident told without a place happened)
                made += self.new_drafts(f, only=[l])
        if not made:
            return False
        inherit_told(made, [d for d in self.result.drafts if d not in made and not d.specific and d.cls not in OUTCOME_CLASSES],
                     self.last_group[0] if self.last_group else None, f.kind is FrameKind.REFERENCE)
        apply_claims(f, made)
        self.set_group(f, made)
        return True

    def _on_a_road(self, f: Frame, l: Located) -> bool:
        """"قطعت الاشتباكات الطريق بين عتق وبيحان": a road named after its ends (not "بين قريتي عيناثا وعيترون", the
        stretch between two villages where a strike hit: ACLED codes it at one of them)."""
        doc = self.doc
        return l.road and any(doc.ntext[c.start:c.end].split(" ")[0] not in ar.words("between_head")
                              for c in doc.cues(f.start, l.start, "road"))

    @staticmethod
    def _told_there(f: Frame, d: Draft, l: Located) -> bool:
        """An event told at the place a reference names, on a day the reference does not contradict: a killing or
        a strike told with another day ("and on the 25th gunmen killed the minister in Quetta") is another one."""
        other_day = f.date_explicit and d.date_explicit and f.date is not None and d.date is not None and \
            f.date.date != d.date.date and f.cls in OUTCOME_CLASSES | NAMING_CLASSES
        return d.place is not None and d.place.place.id == l.place.id and not other_day

    def _about_background(self) -> bool:
        """Only background told so far, and it was the latest: "this attack" is that old one."""
        return self.after_background and not self.result.drafts

    def take_title(self, f: Frame) -> None:
        """Headlines restate the story: they fill gaps in body events, never add events. A headline
        tally the body does not give is kept ("2,000 killed in two years": the body may only say it
        in words)."""
        if f.kind is FrameKind.TALLY:
            counts = {t["count"] for t in self.result.tallies}
            for t in [tally(self.doc, f)] + [dict(tally(self.doc, f), count=c, at_least=a, what=w, span=s)
                                              for c, a, w, s in f.more_tallies]:
                if t["count"] not in counts:
                    self.result.tallies.append(t)
            return
        if f.cls is None:
            return
        places = {l.place.id for l in f.leaves}
        drafts = self.result.drafts
        for d in drafts:
            if (d.place and d.place.place.id in places) or (d.country in set(f.countries) and len(drafts) == 1):
                fill(self.doc, d, f, single=True, evidence=False)

    def frame_date(self, f: Frame) -> tuple[Resolved | None, bool]:
        if f.date is not None:
            return f.date, f.date_explicit
        if f.inherited is not None:
            return f.inherited, False
        if f.said_on is not None and f.said_on.precision == 1 and not self.ctx.is_old(f.said_on.date):
            return f.said_on, False
        if self.ctx.pub is not None:
            return Resolved(self.ctx.pub, 2), False
        return None, False

    def new_drafts(self, f: Frame, only: list[Located] | None = None) -> list[Draft]:
        from rasd.extract.events import draft_events

        out = draft_events(self, f, only)
        self.result.drafts += out
        return out


def _told_as_a_habit(doc: ArticleDoc, f: Frame) -> bool:
    """"بشكل شبه يومي", "باستمرار": a frequency word (not a news flash in the present: "مسلحون يهاجمون نقطة")."""
    return any(t.text in ar.words("frequency_word") for t in doc.tokens[doc.token_index(f.start):doc.token_index(f.end)])


def _violence_in_general(doc: ArticleDoc, f: Frame) -> bool:
    """"أعمال العنف" told as known: violence in general, no incident of its own."""
    return f.main is not None and f.main.definite and doc.ntext[f.main.start:f.main.end].split(" ")[0] in ar.words("violence_in_general")
