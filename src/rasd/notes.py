"""English notes in ACLED's style, generated only from a record's fields (never from free text)."""

from __future__ import annotations

from datetime import date

WEAPON_PHRASE = {
    "drone": "a drone", "rocket": "rockets", "missile": "a missile", "ballistic_missile": "a ballistic missile",
    "cruise_missile": "a cruise missile", "mortar": "mortar shells", "artillery": "artillery",
    "airstrike": "airstrikes", "ied": "an IED", "car_bomb": "a car bomb", "suicide_bomb": "a suicide bomber",
    "grenade": "a grenade", "small_arms": "gunfire", "anti_tank_missile": "an anti-tank missile",
    "landmine": "a landmine", "knife": "a knife", "fire": "arson", "other": "an unspecified weapon",
}
SUBTYPE_PHRASE = {
    "Air/drone strike": "an air/drone strike", "Shelling/artillery/missile attack": "a shelling/missile attack",
    "Remote explosive/landmine/IED": "an explosion", "Suicide bomb": "a suicide bombing", "Grenade": "a grenade attack",
    "Armed clash": "armed clashes", "Attack": "an attack", "Abduction/forced disappearance": "an abduction",
    "Arrests": "arrests", "Disrupted weapons use": "an intercepted attack", "Peaceful protest": "a peaceful protest",
    "Protest with intervention": "a protest met with intervention", "Excessive force against protesters":
    "excessive force against protesters", "Violent demonstration": "a violent demonstration",
    "Mob violence": "mob violence", "Looting/property destruction": "looting or property destruction",
    "Chemical weapon": "a chemical weapon attack", "Sexual violence": "sexual violence",
    "Government regains territory": "government forces regaining territory",
    "Non-state actor overtakes territory": "a non-state actor taking territory",
    "Non-violent transfer of territory": "a non-violent transfer of territory", "Other": "a security incident",
}


def _day(d: str | None) -> str:
    if not d:
        return "On an unknown date"
    dt = date.fromisoformat(d)
    return f"On {dt.day} {dt.strftime('%B %Y')}"


def _where(r: dict) -> str:
    parts = [p for p in (r.get("location"), r.get("admin1") if r.get("admin1") != r.get("location") else None, r.get("country")) if p]
    return ", ".join(parts) if parts else "an unknown place"


def _count(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def event_note(r: dict) -> str:
    sub = r.get("sub_event_type") or ""
    what = SUBTYPE_PHRASE.get(sub, "an incident")
    if r.get("weapon") and sub not in ("Arrests", "Peaceful protest", "Armed clash"):
        what += f" using {WEAPON_PHRASE.get(r['weapon'], r['weapon'])}"
    actor1, actor2 = r.get("actor1"), r.get("actor2")
    s = f"{_day(r.get('event_date'))}, {what}"
    if actor1:
        s += {"claimed": f" claimed by {actor1}", "attributed": f" attributed to {actor1}"}.get(
            r.get("actor1_basis") or "", f" by {actor1}")
    if actor2:
        s += f" targeted {actor2}" if sub not in ("Armed clash",) else f" against {actor2}"
    s += f" in {_where(r)}."
    f, i = r.get("fatalities"), r.get("injuries")
    if f == 0 and i == 0:
        s += " No casualties were reported."
    else:
        bits = []
        if f:
            bits.append(_count(f, "fatality").replace("fatalitys", "fatalities"))
        if i:
            bits.append(_count(i, "injury").replace("injurys", "injuries"))
        if bits:
            s += " " + " and ".join(bits).capitalize() + " reported."
        elif f == 0:
            s += " No fatalities were reported."
    return s


def tally_note(r: dict, countries: list[str]) -> str:
    lead = "At least " if r.get("at_least") else ""
    where = " and ".join(countries) if countries else "the region"
    if r.get("period_start") and r.get("period_end") and r["period_start"] == r["period_end"]:
        when = f" on {_day(r['period_start'])[3:]}"
    elif r.get("period_start"):
        when = f" since {_day(r['period_start'])[3:]}"
    else:
        when = ""
    what = {"fatalities": "people killed", "injuries": "people injured"}.get(r.get("what") or "", "attacks")
    return f"{lead}{r['count']} {what} in {where}{when} (aggregate count, not a single event)."
