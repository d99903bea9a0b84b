"""Event drafts and how drafts of one article merge: same place and day (ACLED's one event per
location per day), and a draft known only by its country into the specific drafts of its day."""

from __future__ import annotations

from dataclasses import dataclass, field

from rasd.extract.common_victims import common_people
from rasd.extract.frame import Frame, FrameKind, Located
from rasd.extract.kindred import PROTEST_CLASSES, VIOLENT_TYPES, compatible, fighters, foiled_back, protest_arrests, raid_fought
from rasd.extract.one_place import around, borders, contains, same_toll_nearby, same_town
from rasd.resolve.actors import UNIDENTIFIED, ActorRef, protesters_side, state_side, unnamed_crowd
from rasd.resolve.typing import TypingFacts, acled_type, weapon_family
from rasd.text.dates import Resolved


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
    _evidence_seen: set[tuple[int, int]] = field(default_factory=set, repr=False)
    date_span: tuple[int, int] | None = None
    trigger_span: tuple[int, int] | None = None
    intercepted: str | None = None
    protest_mode: str | None = None
    peaceful: bool = False
    arrested: bool = False
    fallback_place: bool = False  # placed for want of a place of its own (the dateline city, a place the article names)
    fatalities_floor: bool = False  # the toll is a lower bound ("more than 50"): a later 58 is no other incident
    another: bool = False  # told as "another attack" (هجوم آخر): never the incident told before
    town_unknown: bool = False  # placeless for want of the town it names (مدينة روبايا): no other incident, no event
    toll_side: str | None = None  # whose dead the toll counts (state / armed / civilians), to add the other side's

    def add_evidence(self, span: tuple[int, int]) -> None:
        """Add a sentence span once (a set beside the list keeps long articles linear)."""
        if len(self._evidence_seen) != len(self.evidence):
            self._evidence_seen = set(self.evidence)
        if span not in self._evidence_seen:
            self._evidence_seen.add(span)
            self.evidence.append(span)

    def raise_toll(self, kind: str, n: int) -> None:
        if kind == "killed":
            self.fatalities = max(self.fatalities or 0, n)
        else:
            self.injuries = max(self.injuries or 0, n)

    @property
    def dated_by_page(self) -> bool:  # by the publication day only, for want of a day in the text (time_precision 2)
        return self.date is not None and self.date_span is None and self.date.precision == 2

    @property
    def specific(self) -> bool:
        return self.place is not None and self.place.place.feature != "country"

    def type(self) -> tuple[str, str]:
        a1 = self.agents[0] if self.agents else None
        t = self.targets[0] if self.targets else None
        sides = [x for x in self.agents + self.targets if not state_side(x)]
        # (either order: "مواجهات بين شبان وقوات الاحتلال" names the crowd first)
        crowd = (state_side(a1) and unnamed_crowd(t, sides)) or (state_side(t) and unnamed_crowd(a1, sides))
        return acled_type(TypingFacts(
            # (ACLED: people killed and others abducted is an attack; the abduction is its part)
            cls="attack" if self.cls == "abduction" and self.fatalities else self.cls, weapon=self.weapon,
            agent_armed=a1.armed if a1 else None, agent_state=state_side(a1),
            agent_protesters=protesters_side(a1), target_protesters=protesters_side(t),
            target_armed=t.armed if t else None, intercepted=self.intercepted, protest_mode=self.protest_mode,
            arrested=self.arrested, harmed=bool(self.fatalities or self.injuries), target_crowd=crowd))


OUTCOME_CLASSES = {"kill", "injure"}
# Trigger classes that say how an attack was done: another mention with one of them names a bare "attack".
NAMING_CLASSES = {"explosion", "airstrike", "shelling", "assassination", "abduction"}
ATTACK_CLASSES = NAMING_CLASSES | {"attack", "kill"}  # an attack told by any of its words: what arson joins


def merge_drafts(drafts: list[Draft], dated: bool = True) -> list[Draft]:
    """1. drafts of the same place and day merge; 2. a dated draft known only by its country merges into the specific
    drafts of its day and country, or stays an event (ACLED keeps these); an undated placeless one is too vague."""
    merged: list[Draft] = []
    for d in drafts:
        twin = next((m for m in merged if m.specific and d.specific and same_town(m.place.place, d.place.place)
                     and same_day(m, d) and compatible(m, d)), None)
        if twin:
            absorb(twin, d)
        else:
            merged.append(d)
    merged = _into_contained(_into_dateline_peers(merged))
    out: list[Draft] = []
    told: set[int] = set()  # the placeless drafts already gone into an incident (no longer one to go into)
    for d in merged:
        if d.specific:
            out.append(d)
            continue
        if foiled_back(d, merged):
            continue  # "وأحبط الهجومان": the attacks just told were foiled
        if _elsewhere_that_day(d, merged) and any(m.specific for m in merged):
            continue  # an incident at a town nobody can place, beside incidents placed: no other, and not placeable
        # placeless: what it says goes to the incident of its day and country told with a place; with no
        # day beyond the publication's it is an echo ("20 killed"), whose words may also go to an
        # incident told with its day ("the attack was on Saturday"), and it is no event by itself
        # (an undated document keeps it: every record it gives is time_precision 3 anyway)
        echo = not d.date_explicit and dated
        # (a country the clause does not name is a guess: "بغارة لطائرة مسيرة إسرائيلية" names the attacker's)
        peers = [m for m in merged if m is not d and id(m) not in told and (m.country == d.country or not d.frame.countries)
                 and (m.specific or (echo and m.date_explicit)) and same_day(m, d)] if not d.another else []
        if echo:  # (an undated part goes to its own sentence's event: "نصب مسلحون كمينا …، فيما اختطفوا جنديا")
            peers = [m for m in peers if m.frame.sentence == d.frame.sentence] or peers
        targets = [m for m in peers if _completes(d, m)]  # (an echo goes to the incident of its own day, if one is)
        targets = [m for m in targets if echo and m.date == d.date] or targets
        targets = [m for m in targets if m.specific] or targets  # (a placeless one goes to a placed one in its turn)
        if len(targets) > 1 and d.frame.kind is FrameKind.NEW and d.date_explicit and \
                all(m.frame.sentence < d.frame.sentence for m in targets):
            # "وتعرضت مروحية الرئيس لإطلاق نار الجمعة" told after the incidents: one of its own (a lede
            # before them, "شهدت المكسيك الاثنين يوما جديدا من العنف", gives them its day)
            targets = []
        # a placeless clause with a toll of its own beside several incidents ("and last Tuesday six were
        # killed") is one more incident, not the day of all of them
        own_day = len(targets) == 1 or (d.fatalities is None and d.injuries is None)
        for m in targets:
            absorb(m, d, fields_only=len(targets) > 1, date=own_day)
            told.add(id(d))
        twin = next((o for o in out if not o.specific and o.country == d.country and same_day(o, d) and compatible(o, d)),
                    None) if not targets and not echo else None
        if twin is not None:
            absorb(twin, d)  # one incident placed by its country alone, told twice (the lede and the source's words)
            told.add(id(d))
        elif not targets and not echo:
            out.append(d)
    return out


def _elsewhere_that_day(d: Draft, drafts: list[Draft]) -> bool:
    """"وقبل يومين، سيطرت الحركة على مدينة روبايا": a town the gazetteer lacks, on a day of its own that no placed incident
    has, is another incident, which nobody can place."""
    return d.town_unknown and d.date_explicit and d.date is not None and \
        not any(m.specific and m.date is not None and m.date.date == d.date.date for m in drafts)


def _completes(part: Draft, event: Draft) -> bool:
    """Compatible types, or a bare toll ("the unit killed the terrorist on Wednesday") beside a violent event."""
    return compatible(event, part) or (part.cls in OUTCOME_CLASSES and event.type()[0] in VIOLENT_TYPES)


def _into_dateline_peers(drafts: list[Draft]) -> list[Draft]:
    """A draft placed at the dateline's city only because its clause names no place is the same
    incident as a draft of the article placed by its own words, on that day, with a compatible type."""
    out: list[Draft] = []
    for d in drafts:
        if not d.fallback_place:
            out.append(d)
            continue
        peers = [m for m in drafts if not m.fallback_place and m.specific
                 and m.country == d.country and same_day(m, d) and compatible(m, d)]
        for m in peers:
            absorb(m, d, fields_only=len(peers) > 1)
        if not peers:
            out.append(d)
    return out


def _into_contained(drafts: list[Draft]) -> list[Draft]:
    """A draft at an area (or a city) that contains more specific drafts of the same day and a
    compatible type, told in another sentence (a lede at province level, the villages in the body),
    is the same incident told at a coarser level: its fields go to them."""
    out: list[Draft] = []
    for d in drafts:
        inner = [m for m in drafts if m is not d and same_day(m, d) and compatible(m, d)
                 and not _distinct_tolls(d, m) and not _different_means(d, m) and not _recalled_later(d, m)]
        inner = [m for m in inner if contains(d, m)] or [m for m in inner if borders(d, m)] or \
            [m for m in inner if same_toll_nearby(d, m)] or [m for m in inner if around(d, m)]
        if inner:
            for m in inner:
                absorb(m, d, fields_only=len(inner) > 1)
            continue
        out.append(d)
    return out


def _recalled_later(area: Draft, inner: Draft) -> bool:
    """"غارات على جسر الشغور وسراقب (the day the article opened with) … يذكر أن تسعة مدنيين سقطوا يوم أمس في ريف إدلب":
    an area told after the towns, on a day of its own other than the day the towns took from the text before them,
    is an earlier incident recalled, not the towns' incident told again at a coarser level."""
    return area.date_explicit and not inner.date_explicit and area.date is not None and inner.date is not None and \
        inner.date.precision == 1 and not inner.dated_by_page and area.date.date != inner.date.date and \
        area.frame.sentence > inner.frame.sentence


def _distinct_tolls(a: Draft, b: Draft) -> bool:
    """Both give a death toll and the tolls differ: two incidents, not one told twice."""
    if a.fatalities is None or b.fatalities is None or a.fatalities == b.fatalities or min(a.fatalities, b.fatalities) <= 0:
        return False
    low = a if a.fatalities < b.fatalities else b
    return not low.fatalities_floor  # "more than 50 killed" and later "58 killed" are one toll, rising


AIR_WEAPONS = {"airstrike", "drone"}  # "غارات" in a headline and "مسيرة" in the body: one strike from the air


def _different_means(a: Draft, b: Draft) -> bool:
    """Different known weapons or different named perpetrators: two incidents. (Unidentified gunmen
    may be the group another sentence names.)"""
    if a.weapon and b.weapon and {a.weapon, b.weapon} != AIR_WEAPONS and weapon_family(a.weapon) != weapon_family(b.weapon) \
            and a.type()[0] in VIOLENT_TYPES and b.type()[0] in VIOLENT_TYPES:
        # ("قصف صاروخي" and "صاروخين باليستيين": one missile family, told loosely and then precisely)
        return True  # (a crowd that set fire to a building and threw petrol bombs is one riot)
    na = (a.agents[0].family or a.agents[0].name) if a.agents else None  # (the air force and its army are one)
    nb = (b.agents[0].family or b.agents[0].name) if b.agents else None
    return bool(na and nb and na != nb and UNIDENTIFIED not in (na, nb))


DAYS_APART = 2  # two days the text names this far apart are two incidents' days, even if one is the announcement's
WEEK_DAYS = 7  # a day of week precision this far from another is another incident's ("last week" is no day of today's)


def same_day(a: Draft, b: Draft) -> bool:
    """The same day said, or a day inferred beside another (it goes with any), but not a week apart."""
    if a.date is None or b.date is None:
        return a.date is None and b.date is None
    gap = abs((a.date.date - b.date.date).days)
    week_apart = max(a.date.precision, b.date.precision) > 1 and gap >= WEEK_DAYS
    # a placed incident dated by its announcement ("أعلن مساء أمس الاثنين عن إصابة خمسة في جازان") is no unplaced one
    # dated days away ("عملية بدأت مساء السبت"); the other way round, the announcement's day yields to the incident's
    announced, dated = (a, b) if b.date_explicit else (b, a)
    told_days_apart = gap >= DAYS_APART and announced.date_span is not None and dated.date_explicit \
        and not announced.date_explicit and announced.specific and not dated.specific \
        and not any(t.definite and t.ref.voice == "noun" for d in (a, b) for t in d.frame.triggers)  # (حصيلة الهجوم: the one told)
    return a.date.date == b.date.date or not (a.date_explicit and b.date_explicit or week_apart or told_days_apart)


def absorb(into: Draft, other: Draft, fields_only: bool = False, date: bool = True) -> None:
    """What `other` knows and `into` does not; a claim outranks a report."""
    for span in other.evidence:
        into.add_evidence(span)
    # (who says it shot the drones down claims the interception, not the strike)
    # (the side that shot drones down is no author of the strikes that got through)
    interceptor = other.cls == "interception"
    if other.agents and not (interceptor and into.cls != "interception") and (not into.agents or (other.basis == "claimed" and into.basis != "claimed" and not interceptor)
                         or (into.agents[0].name == UNIDENTIFIED and other.agents[0].name not in (None, UNIDENTIFIED))):
        # (a named group outranks the unidentified gunmen another sentence told)
        into.agents, into.basis, into.claim_span = other.agents, other.basis, other.claim_span
    if other.targets and not into.targets and not (into.cls in PROTEST_CLASSES and all(common_people(t) for t in other.targets)) \
            and not (other.cls in PROTEST_CLASSES and into.cls not in PROTEST_CLASSES):
        # (a protest's second actor is a force, not the people arrested at it; and the force that broke up a
        # crowd is no victim of the attack the crowd answered: "هاجم مستوطنون القرية … وأطلق الجيش الرصاص")
        into.targets = other.targets
    if other.weapon and not into.weapon:
        into.weapon, into.weapon_span = other.weapon, other.weapon_span
    if into.cls == "looting" and other.cls in ATTACK_CLASSES and not fields_only:
        into.cls = other.cls  # "هاجموا قريتين … كما أضرم المهاجمون النيران": the arson is part of the attack
    if into.cls in ("attack", "storming") and other.cls == "clash" and other.fatalities and not fields_only:
        into.cls = "clash"  # "هاجم مسلحون حاجزا … ووقع اشتباك أسفر عن مقتل 15 إرهابيا": the attack (or raid) was fought
    if into.cls == "attack" and other.cls in NAMING_CLASSES and not fields_only:
        into.cls = other.cls  # "the attack on the mosque" and "the explosion": the explosion names the means
    if raid_fought(into, other) and not fields_only:
        into.cls, into.targets = "clash", [r for r in other.agents + other.targets if r.armed and r not in into.agents]
    if into.type()[0] == "Riots" and other.cls == "clash" and fighters(other) and not fields_only:
        # youths' confrontations told first, the gunmen's fight after: the raid's battle
        into.cls, into.agents, into.targets = other.cls, other.agents, other.targets
    if into.cls == "protest" and other.type()[0] == "Riots" and into.protest_mode != "excessive" \
            and not fields_only:
        # "they gathered in front of the serail … and pelted it with stones": the protest turned violent
        into.cls, into.protest_mode, into.peaceful = other.cls, other.protest_mode, False
    if into.cls == "protest" and other.cls == "protest" and other.protest_mode in ("intervention", "excessive") \
            and into.protest_mode is None and not fields_only:
        # "واستخدمت قوات الأمن الغاز المسيل للدموع لتفريق الحشود" after the protest: its intervention
        into.protest_mode, into.peaceful = other.protest_mode, False
    if protest_arrests(into, other) and not fields_only:
        # the arrests told first: the protest is the event, the arresting force its intervention
        into.cls, into.protest_mode, into.peaceful = other.cls, other.protest_mode or "intervention", False
        into.agents, into.targets = other.agents, into.agents
    elif protest_arrests(other, into) and not fields_only:
        into.protest_mode, into.peaceful = into.protest_mode or "intervention", False
        into.targets = other.agents + [t for t in into.targets if t not in other.agents]
    if not fields_only:
        if other.fatalities is not None and (into.fatalities is None or (
                into.fatalities_floor and other.fatalities > into.fatalities and other.toll_side == into.toll_side)):
            into.fatalities = other.fatalities  # (a floor or an earlier count gives way to the higher toll)
        if other.injuries is not None and (into.injuries is None or (into.fatalities_floor and other.injuries > into.injuries)):
            into.injuries = other.injuries
    if date and into.date is not None and other.date is not None and other.date_explicit and not into.date_explicit:
        into.date, into.date_explicit, into.date_span = other.date, True, other.date_span
    elif date and into.dated_by_page and other.date is not None and other.date.precision == 1:
        # the headline told with no day, the body "قالت القناة أمس الخميس إن …": the day the text gives
        into.date, into.date_span = other.date, other.date_span
