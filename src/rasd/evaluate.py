"""`rasd eval`: the dev-set scoring rules of shared/devset/README.md, implemented exactly.

Per document, a predicted event may match a gold event when the country code is equal, the date is
one of the gold dates, the event type is one of the gold types, and the predicted point lies within
tol_km of the gold point (a null gold point checks the country only). Pairs are matched greedily,
closest first, one to one. An unmatched prediction is a false positive unless its time_precision is
3 or it matches an optional gold event. Over matched pairs, field accuracy is counted for each field
the gold sets. A tally is found when a tally record of the same document has the same count.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rasd.knowledge.places import haversine_km
from rasd.text.normalize import norm

SCORED_FIELDS = ("sub_event_type", "actor1", "actor2", "fatalities", "injuries", "weapon")


@dataclass
class Report:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    fields: dict[str, list[int]] = field(default_factory=lambda: {f: [0, 0] for f in SCORED_FIELDS})
    tallies_found: int = 0
    tallies_total: int = 0
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)
    field_errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def field_accuracy(self) -> float:
        right = sum(v[0] for v in self.fields.values())
        total = sum(v[1] for v in self.fields.values())
        return right / total if total else 0.0


def _listify(v: Any) -> list[Any]:
    if v is None:
        return []
    return v if isinstance(v, list) else [v]


def _load_jsonl(path: str) -> list[dict[str, Any]]:
    out = []
    for lineno, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise SystemExit(f"rasd eval: {path}:{lineno}: not JSON ({exc.msg})") from None
    return out


def _candidate_ok(g: dict[str, Any], p: dict[str, Any]) -> float | None:
    """Distance (km) if p may match g, else None."""
    if p.get("country_code") != g.get("country_code"):
        return None
    if p.get("event_date") not in _listify(g.get("event_date")):
        return None
    if p.get("event_type") not in _listify(g.get("event_type")):
        return None
    glat, glon = g.get("latitude"), g.get("longitude")
    if glat is None or glon is None:
        return 0.0
    plat, plon = p.get("latitude"), p.get("longitude")
    if plat is None or plon is None:
        return None
    d = haversine_km(glat, glon, plat, plon)
    return d if d <= (g.get("tol_km") or 0) else None


def name_matches(gold_names: list[str], pred_name: str | None, pred_ar: str | None) -> bool:
    """A gold name, normalized, is contained in the predicted name or Arabic form, or the reverse."""
    preds = [norm(x).casefold() for x in (pred_name, pred_ar) if x]
    for g in gold_names:
        gn = norm(g).casefold()
        for p in preds:
            if gn and p and (gn in p or p in gn):
                return True
    return False


def _field_ok(name: str, g: dict[str, Any], p: dict[str, Any]) -> bool | None:
    """True/False if the gold sets the field, None if it is not scored."""
    if name in ("actor1", "actor2"):
        gold = g.get(f"{name}_any")
        if gold is None:
            return None
        return name_matches(_listify(gold), p.get(name), p.get(f"{name}_ar"))
    if name == "sub_event_type":
        if "sub_event_type" not in g or g["sub_event_type"] is None:
            return None
        return p.get("sub_event_type") in _listify(g["sub_event_type"])
    if name == "weapon":
        if g.get("weapon") is None:
            return None
        return p.get("weapon") == g["weapon"]
    if name not in g:
        return None
    return p.get(name) == g[name]


def evaluate(gold_path: str, pred_path: str) -> Report:
    gold = _load_jsonl(gold_path)
    pred = _load_jsonl(pred_path)
    rep = Report()
    docs = sorted({g["doc"] for g in gold} | {p.get("input") for p in pred if p.get("input")})
    for doc in docs:
        gev = [g for g in gold if g["doc"] == doc and g.get("kind") == "event"]
        pev = [p for p in pred if p.get("input") == doc and p.get("kind") == "event"]
        pairs = []
        for gi, g in enumerate(gev):
            for pi, p in enumerate(pev):
                d = _candidate_ok(g, p)
                if d is not None:
                    pairs.append((d, gi, pi))
        pairs.sort()
        used_g: set[int] = set()
        used_p: set[int] = set()
        matched: list[tuple[int, int]] = []
        for d, gi, pi in pairs:
            if gi in used_g or pi in used_p:
                continue
            used_g.add(gi)
            used_p.add(pi)
            matched.append((gi, pi))
        rep.tp += sum(1 for gi, _ in matched if not gev[gi].get("optional"))
        for gi, g in enumerate(gev):
            if gi not in used_g and not g.get("optional"):
                rep.fn += 1
                rep.misses.append(f"{doc}: missed {g.get('event_date')} {g.get('event_type')} at {g.get('location')}")
        for pi, p in enumerate(pev):
            if pi in used_p:
                continue
            if p.get("time_precision") == 3:
                continue
            rep.fp += 1
            rep.extras.append(f"{doc}: extra {p.get('event_date')} {p.get('event_type')}/{p.get('sub_event_type')} "
                              f"at {p.get('location')} ({p.get('country_code')})")
        for gi, pi in matched:
            g, p = gev[gi], pev[pi]
            for name in SCORED_FIELDS:
                ok = _field_ok(name, g, p)
                if ok is None:
                    continue
                rep.fields[name][1] += 1
                if ok:
                    rep.fields[name][0] += 1
                else:
                    gv = g.get(f"{name}_any", g.get(name))
                    rep.field_errors.append(f"{doc}: {g.get('location')}: {name} gold={gv} pred={p.get(name)}"
                                            + (f" ({p.get(name + '_ar')})" if p.get(name + "_ar") else ""))
        for g in gold:
            if g["doc"] == doc and g.get("kind") == "tally":
                rep.tallies_total += 1
                if any(p.get("input") == doc and p.get("kind") == "tally" and p.get("count") == g.get("count") for p in pred):
                    rep.tallies_found += 1
                else:
                    rep.misses.append(f"{doc}: missed tally {g.get('count')}")
    return rep


def print_report(rep: Report, verbose: bool = False) -> None:
    if verbose:
        for line in rep.misses:
            print("MISS  " + line)
        for line in rep.extras:
            print("EXTRA " + line)
        for line in rep.field_errors:
            print("FIELD " + line)
        print()
    print("field accuracy by field:")
    for name, (right, total) in rep.fields.items():
        acc = f"{right / total:.3f}" if total else "  n/a"
        print(f"  {name:<15} {acc}  ({right}/{total})")
    print(f"tallies found: {rep.tallies_found}/{rep.tallies_total}")
    print(f"events: tp={rep.tp} fp={rep.fp} fn={rep.fn}")
    print(f"precision={rep.precision:.3f} recall={rep.recall:.3f} F1={rep.f1:.3f} field_accuracy={rep.field_accuracy:.3f}")
