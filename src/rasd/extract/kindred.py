"""Which two drafts of one place and day may be one incident though their types differ: a clash told as shelling,
a protest whose crowd later burned tyres, the arrests or the scuffles of a protest, a raid and the fighters who met it,
an interception and the strike it stopped. Reads drafts (their class, sides, weapon); read by drafts.merge_drafts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rasd.extract.common_victims import common_people
from rasd.resolve.actors import state_side
from rasd.resolve.typing import weapon_family

if TYPE_CHECKING:
    from rasd.extract.drafts import Draft

VIOLENT_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians"}


# types one incident may be told as: a clash told as shelling, a protest whose crowd later burned tyres
KINDRED_TYPES = ({"Explosions/Remote violence", "Battles"}, {"Protests", "Riots"})


def compatible(a: Draft, b: Draft) -> bool:
    ta, tb = a.type()[0], b.type()[0]
    return ta == tb or any({ta, tb} <= k for k in KINDRED_TYPES) or "attack" in (a.cls, b.cls) \
        or _intercepted_strike(a, b) or _intercepted_strike(b, a) or _crowd_clash(a, b) or _crowd_clash(b, a) \
        or protest_arrests(a, b) or protest_arrests(b, a) or raid_fought(a, b) or raid_fought(b, a) \
        or ({ta, tb} <= VIOLENT_TYPES and (_sideless(a) or _sideless(b)))


def _sideless(d: Draft) -> bool:
    """"سمع دوي انفجار تبعه إطلاق رصاص": violence with no side and no toll, part of any violent incident of its day there
    (people named only by a common noun, "اعتقال 17 شخصا", are no side)."""
    return not d.agents and not [t for t in d.targets if not common_people(t)] and d.fatalities is None and d.injuries is None



def raid_fought(a: Draft, b: Draft) -> bool:
    """A raid (اقتحمت قوة …, with its arrests or its shooting) and fighters who confronted it (وتصدى مقاومون للقوة
    المقتحمة، أطلق المقاومون النار على القوة): one armed clash."""
    raid = a.cls in ("storming", "arrest")
    shooting = a.cls in ("attack", "injure", "kill") and bool(a.agents) and state_side(a.agents[0])
    fired_back = b.cls == "clash" or (b.cls in ("attack", "launch") and (raid or any(state_side(t) for t in b.targets)))
    return (raid or shooting) and fired_back and any(r.armed and r.kind in ("actor", "unknown") and not state_side(r)
                                                      for r in b.agents)


PROTEST_CLASSES = ("protest", "riot")


def protest_arrests(a: Draft, b: Draft) -> bool:
    """"Security forces arrested many protesters" where a protest is told that day: the protest's
    intervention (ACLED: Protest with intervention), not an arrest event of its own."""
    # (and people named only by a common noun, "اعتقال 17 شخصا", arrested by no force the text names)
    return a.cls == "arrest" and b.cls in PROTEST_CLASSES and any(
        t.kind == "protesters" or (common_people(t) and not a.agents) for t in a.targets)


CROWD_SIDES = ("generic_state", "state", "protesters")


def _crowd_clash(a: Draft, b: Draft) -> bool:
    """"Clashes broke out when the police moved to clear the crowd" in a report of a protest: the
    protest's own scuffles, not a battle — no side is an armed group. And youths clashing with the
    soldiers of a raid where gunmen fought them too: the raid's confrontations, told twice."""
    return a.cls == "clash" and b.type()[0] in ("Protests", "Riots") and (
        all(r.kind in CROWD_SIDES for r in a.agents + a.targets)
        or (b.cls in ("clash", "riot") and fighters(a) and _state_names(a) & _state_names(b)))


def _state_names(d: Draft) -> set[str]:
    return {r.name for r in d.agents + d.targets if r.name and state_side(r)}


def fighters(d: Draft) -> bool:
    """An armed side that is not the state's: gunmen, a named group."""
    return any(r.armed and r.kind in ("actor", "unknown") and not state_side(r) for r in d.agents + d.targets)


def _intercepted_strike(a: Draft, b: Draft) -> bool:
    """"Air defences intercepted a missile over Jizan" and "the missile force struck Jizan": one missile."""
    return a.cls in ("interception", "defusal") and b.type()[0] == "Explosions/Remote violence" and \
        weapon_family(a.weapon) == weapon_family(b.weapon)


FOILABLE = {"attack", "launch", "airstrike", "strike", "shelling"}
FLYING = {"drone", "rocket", "missile", "ballistic_missile", "cruise_missile"}


def foiled_back(d: Draft, drafts: list[Draft]) -> bool:
    """"استهدفت عين الأسد بطائرتين مسيرتين … وأحبط الهجومان": an interception told of the attacks the last sentence
    told ("the two attacks", definite) makes them disrupted weapons use, if nobody was hurt (ACLED). True when it did."""
    main = d.frame.main
    if d.cls != "interception" or main is None or main.ref.voice == "noun" or \
            not any(t.definite and t.ref.cls in FOILABLE and 0 < t.start - main.end <= 1 for t in d.frame.triggers):
        return False
    told = [m for m in drafts if m is not d and m.frame.sentence == d.frame.sentence - 1]
    if not told or not all(m.cls in FOILABLE and m.weapon in FLYING and not m.fatalities and not m.injuries for m in told):
        return False
    for m in told:
        m.cls, m.intercepted = "interception", "full"
    return True
