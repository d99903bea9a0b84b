"""How sure rasd is of an event record, 0–1, from the cues that made it. Additive and explainable:
each cue adds a fixed weight, so an analyst can read a score back into its reasons.

  base                                   0.20
  the day said explicitly (أمس، الاثنين، 12 مايو)   +0.20   (inherited from the text before: +0.10)
  a place of its own (geo_precision 1)   +0.20   (near or part of a place, 2: +0.10; province only: 0)
  a named perpetrator (actor1)           +0.15   (claimed by itself: +0.05 more)
  a verb reports it (قصفت، قتل)           +0.15   (a noun only, غارة: +0.10)
  harm or means given (toll or weapon)   +0.10

`rasd extract --min-confidence` and `rasd events --min-confidence` filter on it; an incident keeps the
highest confidence of its records.
"""

from __future__ import annotations

from typing import Any

from rasd.extract.drafts import Draft

BASE = 0.20
EXPLICIT_DAY, INHERITED_DAY = 0.20, 0.10
OWN_PLACE, NEAR_PLACE = 0.20, 0.10
ACTOR, CLAIMED = 0.15, 0.05
VERB, NOUN = 0.15, 0.10
HARM_OR_MEANS = 0.10


def confidence(d: Draft, record: dict[str, Any]) -> float:
    score = BASE
    if record.get("time_precision") == 1:
        score += EXPLICIT_DAY if d.date_explicit else INHERITED_DAY
    score += {1: OWN_PLACE, 2: NEAR_PLACE}.get(record.get("geo_precision") or 3, 0.0)
    if record.get("actor1"):
        score += ACTOR + (CLAIMED if record.get("actor1_basis") == "claimed" else 0.0)
    main = d.frame.main
    if main is not None:
        score += NOUN if main.ref.voice == "noun" else VERB
    if record.get("fatalities") is not None or record.get("injuries") is not None or record.get("weapon"):
        score += HARM_OR_MEANS
    return round(min(score, 1.0), 2)
