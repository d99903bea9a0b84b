"""ACLED event_type / sub_event_type from the trigger class, the weapon and who was targeted."""

from __future__ import annotations

from dataclasses import dataclass

ER = "Explosions/Remote violence"
BATTLES = "Battles"
VAC = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
SD = "Strategic developments"

WEAPON_SUBTYPE = {
    "drone": "Air/drone strike", "airstrike": "Air/drone strike",
    "rocket": "Shelling/artillery/missile attack", "missile": "Shelling/artillery/missile attack",
    "ballistic_missile": "Shelling/artillery/missile attack", "cruise_missile": "Shelling/artillery/missile attack",
    "mortar": "Shelling/artillery/missile attack", "artillery": "Shelling/artillery/missile attack",
    "anti_tank_missile": "Shelling/artillery/missile attack",
    "ied": "Remote explosive/landmine/IED", "landmine": "Remote explosive/landmine/IED",
    "car_bomb": "Remote explosive/landmine/IED", "suicide_bomb": "Suicide bomb", "grenade": "Grenade",
}
CLASS_DEFAULT_SUBTYPE = {
    "airstrike": "Air/drone strike", "strike": "Air/drone strike",
    "shelling": "Shelling/artillery/missile attack", "launch": "Shelling/artillery/missile attack",
    "impact": "Shelling/artillery/missile attack", "explosion": "Remote explosive/landmine/IED",
}
# Which trigger class names the event when a clause has several (قتل … في هجوم → the attack).
# (an exchange of fire during an arrest raid is a battle, as ACLED codes it)
# Arrests come after every attack word: "a suicide bombing killed twelve … and five were arrested" is the
# bombing; "arrested protesters while dispersing the sit-in" is the protest; a raid with arrests is the
# arrests. Bare tolls come last.
CLASS_PRIORITY = [
    "interception", "defusal", "chemical", "clash", "abduction", "sexual_violence", "protest", "riot",
    "takeover", "regain", "airstrike", "shelling", "launch", "explosion", "impact",
    "strike", "assassination", "attack", "execution", "withdraw", "arrest", "storming", "looting", "kill", "injure",
]


@dataclass(frozen=True, slots=True)
class TypingFacts:
    """What ACLED's typing depends on, named: the trigger class, the weapon, who acted and on whom."""

    cls: str
    weapon: str | None = None
    agent_armed: bool | None = None
    agent_state: bool = False
    agent_protesters: bool = False
    target_protesters: bool = False
    target_armed: bool | None = None
    intercepted: str | None = None  # "full" | "partial"
    protest_mode: str | None = None  # intervention | excessive | violent | mob
    arrested: bool = False
    harmed: bool = False  # someone was killed or hurt
    target_crowd: bool = False  # one side is the state's forces, the other unnamed civilians or protesters (شبان، محتجون)


def acled_type(facts: TypingFacts) -> tuple[str, str]:
    """(event_type, sub_event_type) in ACLED's vocabulary."""
    f = facts
    cls, weapon, intercepted, protest_mode = f.cls, f.weapon, f.intercepted, f.protest_mode
    if f.agent_protesters and cls in ("storming", "looting", "riot", "attack"):
        return RIOTS, "Violent demonstration"  # protesters storming or burning a building
    if f.target_protesters and f.agent_state and cls in ("attack", "kill", "injure", "assassination", "launch"):
        return PROTESTS, "Excessive force against protesters"  # security forces shooting at demonstrators
    if cls in ("interception", "defusal") and intercepted != "partial":
        return SD, "Disrupted weapons use"
    if cls == "chemical" or (weapon == "other" and cls in ("attack",)):
        return ER, "Chemical weapon" if cls == "chemical" else "Air/drone strike"
    if cls == "arrest" or (cls == "storming" and f.arrested):
        return SD, "Arrests"
    if cls in ("abduction", "sexual_violence"):
        return VAC, "Abduction/forced disappearance" if cls == "abduction" else "Sexual violence"
    if cls in ("protest", "riot"):
        return _protest_type(cls, protest_mode)
    return _violence_type(f)


def _protest_type(cls: str, protest_mode: str | None) -> tuple[str, str]:
    if cls == "riot":
        return RIOTS, "Violent demonstration" if protest_mode != "mob" else "Mob violence"
    if protest_mode == "excessive":
        return PROTESTS, "Excessive force against protesters"
    if protest_mode == "intervention":
        return PROTESTS, "Protest with intervention"
    if protest_mode == "violent":
        return RIOTS, "Violent demonstration"
    return PROTESTS, "Peaceful protest"


def _violence_type(f: TypingFacts) -> tuple[str, str]:
    cls, weapon = f.cls, f.weapon
    if cls == "launch" and weapon == "small_arms":
        cls = "attack"  # "أطلقوا النار على": they opened fire — shooting, not a launched projectile
    if cls == "looting" and not f.harmed:
        return SD, "Looting/property destruction"
    if cls == "looting":
        cls = "attack"  # "قتلوا 9 أشخاص وأحرقوا منازل": the killing makes it an attack (ACLED), the arson its part
    if cls == "takeover":
        return BATTLES, "Government regains territory" if f.agent_state else "Non-state actor overtakes territory"
    if cls == "regain":
        return BATTLES, "Government regains territory" if f.agent_state or f.agent_armed is None else "Non-state actor overtakes territory"
    if cls == "withdraw":
        return SD, "Non-violent transfer of territory"
    if cls == "clash" and f.target_crowd:
        return RIOTS, "Violent demonstration"  # confrontations of the forces with unarmed youths: a riot, no battle
    if cls == "clash":
        return BATTLES, "Armed clash"
    if weapon in WEAPON_SUBTYPE:
        return ER, WEAPON_SUBTYPE[weapon]
    if cls in CLASS_DEFAULT_SUBTYPE:
        return ER, CLASS_DEFAULT_SUBTYPE[cls]
    if cls in ("interception", "defusal"):  # partly intercepted, weapon unknown
        return ER, "Air/drone strike"
    if cls == "storming" and not f.harmed:
        return SD, "Other"  # (a raid that killed or hurt someone is a clash or an attack, below)
    # direct violence (attack, assassination, killing) with small arms, knives or unknown means
    if f.target_armed:
        return BATTLES, "Armed clash"
    return VAC, "Attack"


# missiles and rockets are told with one word (صاروخ) and several names: one family when deciding whether two
# mentions are one incident; and bombs: "foiled a suicide operation" and "blew up the car bomb" are one bomb
MISSILE_FAMILY = {"rocket", "missile", "ballistic_missile", "cruise_missile", "anti_tank_missile"}
BOMB_FAMILY = {"ied", "car_bomb", "suicide_bomb"}


def weapon_family(w: str | None) -> str | None:
    return "missile" if w in MISSILE_FAMILY else "bomb" if w in BOMB_FAMILY else w
