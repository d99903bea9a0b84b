"""What a later mention of an event already told adds to its draft: evidence, a missing actor, weapon, day or toll,
the other side of a clash, the means a later word names, and claims and blames. Reads frames; fills drafts."""

from __future__ import annotations

from rasd.doc import ArticleDoc
from rasd.extract.drafts import NAMING_CLASSES, OUTCOME_CLASSES, Draft
from rasd.extract.events import add_other_side, sentence_span, toll_side
from rasd.extract.frame import Frame
from rasd.lang import ar
from rasd.resolve.actors import AGENT, TARGET, ActorRef


def fill(doc: ArticleDoc, d: Draft, f: Frame, single: bool, evidence: bool = True) -> None:
    """Add what a later mention says about an event the draft already holds."""
    span = sentence_span(doc, f)
    if evidence:
        d.add_evidence(span)
    agents = [r for r in f.refs if r.role == AGENT]
    if agents and not d.agents:
        d.agents, d.basis = agents, "reported"
    # (a side the event already has as its author is not its target: a headline read the other way round)
    targets = [r for r in f.refs if r.role == TARGET and r.name not in {a.name for a in d.agents}]
    if targets and not d.targets:
        d.targets = targets
    elif targets and d.cls == "clash" and not d.agents and not any(_one_family(t, x) for t in targets for x in d.targets):
        d.agents, d.basis = targets[:1], "reported"  # the dead of the other side of a clash name that side
    if f.weapon and not d.weapon:
        d.weapon, d.weapon_span = f.weapon, f.weapon_span
    if single and f.date_explicit and f.date is not None and d.date is not None and not d.date_explicit and \
            f.cls in (d.cls, "attack") and _day_of_its_event(doc, f):
        d.date, d.date_explicit, d.date_span = f.date, True, f.date_span  # "وكانت المسيرات التي انطلقت اليوم الجمعة"
    if single and d.cls in OUTCOME_CLASSES and f.cls == "clash" and not d.targets:
        d.cls = "clash"  # "أسفرت الخلافات عن سقوط قتلى"، later "الاشتباكات لا تزال مستمرة": the dead fell in the clashes
    if single and d.cls == "attack" and f.cls in NAMING_CLASSES and f.main is not None and f.main.definite and \
            not ar.several_noun(doc.word(f.main)):
        # "the terrorist attack …", later "the bombing": the later word names the means (not "the two blasts"
        # of four days before it)
        d.cls = f.cls
    if single and not add_other_side(d, f):
        if d.fatalities is None and f.casualties.fatalities is not None:
            d.fatalities, d.toll_side = f.casualties.fatalities, toll_side(f)
            d.casualty_spans += f.casualties.spans
        if d.injuries is None and f.casualties.injuries is not None:
            d.injuries = f.casualties.injuries


def _day_of_its_event(doc: ArticleDoc, f: Frame) -> bool:
    """The day a reference gives is its event's, not another event's told after it ("هذه المواجهات تعود إلى
    المداهمات التي جرت السبت": the raids' day)."""
    if f.main is None or f.date_span is None or f.date_span[0] < f.main.end:
        return f.main is not None
    return not any(f.main.end <= t.start < f.date_span[0] for t in doc.in_range("trigger", f.main.end, f.date_span[0]))


def apply_claims(f: Frame, drafts: list[Draft]) -> None:
    """A claim makes the claimant actor1 (basis "claimed"); a blame fills a missing actor1."""
    for d in drafts:
        if f.claimant is not None:
            claimant = f.claimant
            if d.agents and any(_one_family(t, claimant) for t in d.targets):
                continue  # "the army announced 7 attackers killed": the attacked side's defence, not its attack
            if not d.agents or d.basis != "claimed":
                if not (d.agents and d.agents[0].name == claimant.name):
                    d.agents = [claimant] + [a for a in d.agents if a.name != claimant.name]
                d.basis, d.claim_span = "claimed", f.claim_span
                d.targets = [t for t in d.targets if t.name != claimant.name]
        elif f.accused is not None and not d.agents:
            d.agents, d.basis, d.claim_span = [f.accused], "attributed", f.accuse_span
            d.targets = [t for t in d.targets if t.name != f.accused.name]  # ("ألقى المسؤولية على X": not hit)


def _one_family(a: ActorRef, b: ActorRef) -> bool:
    """One side: the same actor, one of its units, or the same bare state word (الجيش، الشرطة)."""
    if a.name is None or b.name is None:
        return a.name is None and b.name is None and a.state_kind == b.state_kind
    return a.name == b.name or (a.family or a.name) == (b.family or b.name)
