"""The actor base (src/rasd/data/actors/actors.yaml): canonical names, types, Arabic aliases."""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

from rasd.datafiles import DataFileError, data_path

ACTOR_TYPES = {
    "state_force", "police", "government", "rebel", "militia", "identity_militia", "political",
    "civilians", "protesters", "rioters", "unidentified", "international",
}
ARMED_TYPES = {"state_force", "police", "rebel", "militia", "identity_militia", "international", "unidentified"}


@dataclass(slots=True)
class Actor:
    name: str
    type: str
    country: str | None
    parent: str | None
    ar: list[str] = field(default_factory=list)
    en: list[str] = field(default_factory=list)

    @property
    def armed(self) -> bool:
        return self.type in ARMED_TYPES


def load_actors() -> list[Actor]:
    path = data_path("actors/actors.yaml")
    with path.open(encoding="utf-8") as fh:
        raw = yaml.safe_load(fh) or []
    out = []
    for i, row in enumerate(raw):
        if isinstance(row, dict) and row.get("type") and row["type"] not in ACTOR_TYPES:
            raise DataFileError(f"{path}: entry {i + 1} ({row.get('name')}): unknown type {row['type']!r}")
        try:
            out.append(Actor(
                name=str(row["name"]), type=str(row.get("type") or "militia"),
                country=row.get("country"), parent=row.get("parent"),
                ar=[str(a) for a in (row.get("ar") or [])], en=[str(a) for a in (row.get("en") or [])],
            ))
        except (KeyError, TypeError) as exc:
            raise DataFileError(f"{path}: entry {i + 1} is malformed ({exc})") from None
    return out
