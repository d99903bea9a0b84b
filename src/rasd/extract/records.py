"""From frames to the records of CONTRACT.md: events (one per place per day), tallies, background.

Frames that report something new become event drafts, one per place they name. References,
statements and titles only add to drafts already made (evidence, a missing perpetrator, a claim).
Then drafts of the same place and day merge, and a draft that only knows the country merges into a
specific one of the same day and country: "a drone and rockets hit two bases in Iraq and Syria on
Monday" followed by the two bases by name is two events, not four.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from typing import Any

from rasd.extract.frames import Frame, FrameBuilder, Located
from rasd.extract.mentions import Analysis
from rasd.knowledge.base import KnowledgeBase
from rasd.resolve.actors import AGENT, TARGET, ActorRef
from rasd.resolve.typing import acled_type
from rasd.text.dates import Resolved

BACKGROUND_DAYS = 7


@dataclass
class Draft:
    frame: Frame
    place: Located | None
    country: str | None
    date: Resolved | None
    date_explicit: bool
    cls: str
    weapon: str | None
    weapon_span: tuple[int, int] | None
    agents: list[ActorRef] = field(default_factory=list)
    targets: list[ActorRef] = field(default_factory=list)
    basis: str | None = None
    claim_span: tuple[int, int] | None = None
    fatalities: int | None = None
    injuries: int | None = None
    casualty_spans: list[tuple[int, int]] = field(default_factory=list)
    evidence: list[tuple[int, int]] = field(default_factory=list)
    date_span: tuple[int, int] | None = None
    trigger_span: tuple[int, int] | None = None
    intercepted: str | None = None
    protest_mode: str | None = None
    peaceful: bool = False
    arrested: bool = False
    from_summary: bool = False

    @property
    def specific(self) -> bool:
        return self.place is not None and self.place.place.feature != "country"

    def type(self) -> tuple[str, str]:
        a1 = self.agents[0] if self.agents else None
        t = self.targets[0] if self.targets else None
        return acled_type(
            self.cls, self.weapon, a1.armed if a1 else None,
            bool(a1 and (a1.kind in ("state", "generic_state", "country") or a1.state_kind)),
            t.armed if t else None, self.intercepted, self.protest_mode, self.arrested,
            agent_protesters=bool(a1 and (a1.kind == "protesters" or (a1.name or "").startswith("Protesters"))))


def _sentence_span(an: Analysis, f: Frame) -> tuple[int, int]:
    s = an.sentences[f.sentence]
    return s.start, s.end


class Assembler:
    def __init__(self, an: Analysis, kb: KnowledgeBase):
        self.an, self.kb = an, kb
        self.fb = FrameBuilder(an, kb)
        self.pub = an.doc.published
        self.drafts: list[Draft] = []
        self.tallies: list[dict[str, Any]] = []
        self.background: list[dict[str, Any]] = []
        self.last_group: list[Draft] = []  # drafts of the latest sentence that reported events
        self._group_sentence = -1

    # ---------------------------------------------------------------- main
    def run(self) -> None:
        frames = self.fb.build()
        titles = [f for f in frames if f.is_title]
        for f in frames:
            if not f.is_title:
                self.take(f)
        for f in titles:
            self.take_title(f)
        self.merge()

    def take(self, f: Frame) -> None:
        if f.cls is None:
            if f.claimant or f.accused:
                self.apply_claims(f, self.last_group)
            if f.war and f.date and self._is_old(f.date):
                self.add_background(f)
            return
        if f.tally_count:
            self.add_tally(f)
            return
        if f.since is not None and (f.summary or f.date is None):
            if self._is_old(f.since):
                self.add_background(f, f.since)
            return
        if f.date and self._is_old(f.date):
            if not f.reference:
                self.add_background(f)
            return
        if f.reference or f.statement:
            self.take_reference(f)
            return
        if f.summary and not any(not l.place.is_area for l in f.leaves):
            if f.mentions_earlier:
                self.take_reference(f)  # "نفذت الضربة … لهجمات": the summary is an aside
            return
        drafts = self.new_drafts(f)
        self.apply_claims(f, drafts)
        self.set_group(f, drafts)

    def set_group(self, f: Frame, drafts: list[Draft]) -> None:
        """Clauses of one sentence (X was hit, while Y was shelled) form one group for what follows."""
        if f.sentence == self._group_sentence:
            self.last_group = self.last_group + drafts
        else:
            self.last_group, self._group_sentence = list(drafts), f.sentence

    def take_reference(self, f: Frame) -> None:
        """A frame about events already told: add to them, or to new places it names."""
        if f.generic:
            return
        # a province or district is a place an event can be coded at; a country or a region is not
        specific = [l for l in f.leaves if l.place.feature not in ("country", "region", "sea", "gulf", "strait", "mountain", "river")]
        if specific:
            made: list[Draft] = []
            for l in specific:
                same = [d for d in self.drafts if d.place and d.place.place.id == l.place.id]
                if same:
                    for d in same:
                        self.fill(d, f, single=True)
                elif not f.statement and (f.date_explicit or not l.place.is_area):
                    # a reference reports a new place only with a town of its own or a date of its own
                    # ("the assassinations in Daraa province" is commentary, not an event)
                    made += self.new_drafts(f, only=[l])
            if made:
                # "the shelling also hit X": the new place inherits who fired and with what
                source = self.last_group[0] if self.last_group else None
                for d in made:
                    if source is not None and not d.agents and source.agents:
                        d.agents, d.basis = list(source.agents), source.basis
                    if source is not None and not d.weapon and source.weapon:
                        d.weapon = source.weapon
                self.apply_claims(f, made)
                self.set_group(f, made)
                return
            if any(d.place and d.place.place.id in {l.place.id for l in specific} for d in self.drafts):
                return
        group = self.last_group
        if not group:
            return
        for d in group:
            self.fill(d, f, single=len(group) == 1)
        self.apply_claims(f, group)

    def take_title(self, f: Frame) -> None:
        """Headlines restate the story: they fill gaps in body events, never add events."""
        if f.cls is None:
            return
        places = {l.place.id for l in f.leaves}
        countries = set(f.countries)
        for d in self.drafts:
            if (d.place and d.place.place.id in places) or (d.country in countries and len(self.drafts) == 1):
                self.fill(d, f, single=True, evidence=False)

    # ---------------------------------------------------------------- drafts
    def frame_date(self, f: Frame) -> tuple[Resolved | None, bool]:
        if f.date is not None:
            return f.date, f.date_explicit
        if f.inherited is not None:
            return f.inherited, False
        if self.pub is not None:
            return Resolved(self.pub, 2), False
        return None, False

    def new_drafts(self, f: Frame, only: list[Located] | None = None) -> list[Draft]:
        leaves = only if only is not None else [l for l in f.leaves if l.place.feature != "country"]
        when, explicit = self.frame_date(f)
        agents = [r for r in f.refs if r.role == AGENT]
        targets = [r for r in f.refs if r.role == TARGET]
        if f.cls == "clash" and not agents:
            # clashes between X and Y with no word for who started: first named side, second named
            # side; a lone named side that only lost men (كمين … قتل جنود من قوات النظام) stays the target
            named: list[ActorRef] = []
            for r in f.refs:
                if (r.name or r.kind == "generic_state") and all(r.name != n.name for n in named):
                    named.append(r)
            if len(named) >= 2 or not targets:
                agents, targets = named[:1], named[1:2]
        if not targets and f.casualties.victim_heads:
            targets = self._victims(f)
            if not targets and any(getattr(h.ref, "group", "") == "civilians" for h in f.casualties.victim_heads):
                h = next(h for h in f.casualties.victim_heads if getattr(h.ref, "group", "") == "civilians")
                targets = [ActorRef(None, "generic_state", h.start, h.end, None, "civilians", False)]
        protesters = [r for r in f.refs if r.kind == "protesters"]
        if f.cls == "protest" and protesters:
            # ACLED: protesters are actor1; the force that dispersed them is actor2
            forces = [r for r in f.refs if r.kind != "protesters" and (
                r.state_kind in ("police", "military")
                or (r.name and self.kb.actor(r.name) and self.kb.actor(r.name).type in ("police", "state_force")))]
            agents = protesters[:1]
            if f.protest_mode in ("intervention", "excessive") and forces:
                targets = forces[:1]
        out: list[Draft] = []
        if not leaves and not f.countries:
            fallback = self.fb.dateline_place()
            if fallback is not None and fallback.place.country_code == self.fb.main_country():
                leaves = [fallback]  # nothing named in the clause: the dateline city, as "near"
        places: list[Located | None] = list(leaves) or [None]
        group_country = self.last_group[0].country if self.last_group else None
        countries = [None] if leaves else (f.countries or [group_country or self.fb.dateline_country or self.fb.main_country()])
        other_cc = next((c for c in f.countries if c), None) or self.fb.dateline_country
        for l, cc in [(l, c) for l in places for c in countries]:
            country = (l.place.country_code or other_cc) if l else cc  # a sea area takes the coast's country
            d = Draft(
                frame=f, place=l, country=country, date=when, date_explicit=explicit, cls=f.cls or "attack",
                weapon=f.weapon, weapon_span=f.weapon_span, agents=list(agents),
                targets=[t for t in targets if not agents or t.name != agents[0].name],
                basis="reported" if agents else None, evidence=[_sentence_span(self.an, f)],
                date_span=f.date_span, trigger_span=(f.main.start, f.main.end) if f.main else None,
                intercepted=f.intercepted, protest_mode=f.protest_mode, peaceful=f.peaceful,
                arrested=f.arrested, from_summary=f.summary,
            )
            cas = f.casualties
            if len(places) > 1 and l is not None:
                # several places in one clause: each keeps the tolls said in its own comma-part
                cas = cas.within(*self._segment(f, l))
            if len(places) == 1 or cas.items or (cas.fatalities == 0 and cas.injuries in (0, None)):
                d.fatalities, d.injuries = cas.fatalities, cas.injuries
                d.casualty_spans = list(cas.spans)
            out.append(d)
        self.drafts += out
        return out

    def _segment(self, f: Frame, l: Located) -> tuple[int, int]:
        """The comma-delimited part of the clause around a place mention."""
        text = self.an.ntext
        cuts = [i for i in range(f.start, f.end) if text[i] in "،,;؛"]
        a = max([c for c in cuts if c < l.start], default=f.start)
        b = min([c for c in cuts if c >= l.end], default=f.end)
        return a, b

    def _victims(self, f: Frame) -> list[ActorRef]:
        heads = {h.start for h in f.casualties.victim_heads}
        return [r for r in f.refs if r.start in heads or any(r.start <= h < r.end for h in heads)]

    def fill(self, d: Draft, f: Frame, single: bool, evidence: bool = True) -> None:
        """Add what a later mention says about an event the draft already holds."""
        span = _sentence_span(self.an, f)
        if evidence and span not in d.evidence:
            d.evidence.append(span)
        agents = [r for r in f.refs if r.role == AGENT]
        if agents and not d.agents:
            d.agents, d.basis = agents, "reported"
        targets = [r for r in f.refs if r.role == TARGET]
        if targets and not d.targets:
            d.targets = targets
        if f.weapon and not d.weapon:
            d.weapon, d.weapon_span = f.weapon, f.weapon_span
        if single:
            if d.fatalities is None and f.casualties.fatalities is not None:
                d.fatalities = f.casualties.fatalities
                d.casualty_spans += f.casualties.spans
            if d.injuries is None and f.casualties.injuries is not None:
                d.injuries = f.casualties.injuries

    def apply_claims(self, f: Frame, drafts: list[Draft]) -> None:
        for d in drafts:
            if f.claimant is not None:
                claimant = f.claimant
                if not d.agents or d.basis != "claimed":
                    if d.agents and d.agents[0].name == claimant.name:
                        d.basis = "claimed"
                    else:
                        d.agents = [claimant] + [a for a in d.agents if a.name != claimant.name]
                        d.basis = "claimed"
                    d.claim_span = f.claim_span
                    d.targets = [t for t in d.targets if t.name != claimant.name]
            elif f.accused is not None and not d.agents:
                d.agents, d.basis, d.claim_span = [f.accused], "attributed", f.accuse_span

    # ---------------------------------------------------------------- other records
    def _is_old(self, r: Resolved) -> bool:
        return self.pub is not None and (self.pub - r.date).days > BACKGROUND_DAYS

    def add_tally(self, f: Frame) -> None:
        on = f.date if f.date and f.date_explicit else None
        self.tallies.append({
            "count": f.tally_count, "at_least": f.tally_at_least,
            "period_start": (f.since.date if f.since else (on.date if on else None)),
            "period_end": (on.date if on and not f.since else (self.pub if f.since else None)),
            "country_codes": [c for c in f.countries],
            "evidence": [_sentence_span(self.an, f)], "span": f.tally_span, "frame": f,
        })

    def add_background(self, f: Frame, when: Resolved | None = None) -> None:
        when = when or f.date
        self.background.append({"date": when, "frame": f, "evidence": [_sentence_span(self.an, f)]})

    # ---------------------------------------------------------------- merging
    def merge(self) -> None:
        drafts = self.drafts
        # 1. same place, same day
        merged: list[Draft] = []
        for d in drafts:
            twin = next((m for m in merged if m.specific and d.specific and m.place.place.id == d.place.place.id
                         and _same_day(m, d) and _compatible(m, d)), None)
            if twin:
                _absorb(twin, d)
            else:
                merged.append(d)
        # 2. country-only drafts into specific drafts of the same day and country
        out: list[Draft] = []
        for d in merged:
            if d.specific:
                out.append(d)
                continue
            if not d.date_explicit:
                continue  # undated and placeless: too vague to be an event of its own
            targets = [m for m in merged if m.specific and m.country == d.country and _same_day(m, d) and _compatible(m, d)]
            if targets:
                for m in targets:
                    _absorb(m, d, fields_only=len(targets) > 1)
                continue
            if d.date_explicit and not d.from_summary:
                out.append(d)  # a dated event known only by its country (ACLED keeps these)
        self.drafts = out


def _same_day(a: Draft, b: Draft) -> bool:
    if a.date is None or b.date is None:
        return a.date is None and b.date is None
    return a.date.date == b.date.date or not (a.date_explicit and b.date_explicit)


def _compatible(a: Draft, b: Draft) -> bool:
    ta, tb = a.type()[0], b.type()[0]
    return ta == tb or {ta, tb} <= {"Explosions/Remote violence", "Battles"} or "attack" in (a.cls, b.cls)


def _absorb(into: Draft, other: Draft, fields_only: bool = False) -> None:
    for span in other.evidence:
        if span not in into.evidence:
            into.evidence.append(span)
    if other.agents and (not into.agents or (other.basis == "claimed" and into.basis != "claimed")):
        into.agents, into.basis, into.claim_span = other.agents, other.basis, other.claim_span
    if other.targets and not into.targets:
        into.targets = other.targets
    if other.weapon and not into.weapon:
        into.weapon, into.weapon_span = other.weapon, other.weapon_span
    if not fields_only:
        if into.fatalities is None and other.fatalities is not None:
            into.fatalities = other.fatalities
        if into.injuries is None and other.injuries is not None:
            into.injuries = other.injuries
    if into.date is not None and other.date is not None and other.date_explicit and not into.date_explicit:
        into.date, into.date_explicit, into.date_span = other.date, True, other.date_span
