"""Writing records: JSON lines, a JSON array, flat CSV, or a readable terminal table (rich)."""

from __future__ import annotations

import csv
import json
import sys
from typing import Any, Iterable, TextIO

CSV_FIELDS = [
    "input", "doc_id", "kind", "event_date", "time_precision", "event_type", "sub_event_type",
    "actor1", "actor1_ar", "actor1_basis", "assoc_actor_1", "actor2", "actor2_ar", "assoc_actor_2",
    "country", "country_code", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision",
    "weapon", "fatalities", "injuries", "count", "at_least", "period_start", "period_end",
    "country_codes", "description", "notes", "evidence",
]


def write_jsonl(records: Iterable[dict[str, Any]], out: TextIO = sys.stdout) -> None:
    for r in records:
        out.write(json.dumps(r, ensure_ascii=False) + "\n")


def write_json(records: Iterable[dict[str, Any]], out: TextIO = sys.stdout) -> None:
    json.dump(list(records), out, ensure_ascii=False, indent=2)
    out.write("\n")


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, list):
        if v and isinstance(v[0], dict):
            return " | ".join(str(x.get("text", "")) for x in v)
        return "; ".join(str(x) for x in v)
    if isinstance(v, bool):
        return "true" if v else "false"
    return str(v)


def write_csv(records: Iterable[dict[str, Any]], out: TextIO = sys.stdout) -> None:
    w = csv.writer(out)
    w.writerow(CSV_FIELDS)
    for r in records:
        w.writerow([_cell(r.get(f)) for f in CSV_FIELDS])


def write_table(records: list[dict[str, Any]], out: TextIO = sys.stdout) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(file=out, width=max(120, Console().width))
    table = Table(show_lines=True, title="rasd records")
    for col in ("kind", "date", "type", "actors", "place", "weapon", "killed/hurt", "evidence (Arabic)"):
        table.add_column(col, overflow="fold")
    for r in records:
        if r["kind"] == "event":
            actors = f"{r.get('actor1') or '—'}" + (f" ({r['actor1_basis']})" if r.get("actor1_basis") else "")
            actors += f"\n→ {r.get('actor2') or '—'}"
            place = ", ".join(x for x in (r.get("location"), r.get("country")) if x)
            cas = f"{_dash(r.get('fatalities'))}/{_dash(r.get('injuries'))}"
            typ = f"{r['event_type']}\n{r['sub_event_type']}"
            date = f"{r['event_date']} (p{r['time_precision']})"
        elif r["kind"] == "tally":
            actors, place, cas = "", ", ".join(r.get("country_codes") or []), ""
            typ = f"tally: {'≥' if r['at_least'] else ''}{r['count']}"
            date = f"{r.get('period_start') or ''}…{r.get('period_end') or ''}"
        else:
            actors, place, cas, typ = "", r.get("location") or r.get("country_code") or "", "", "background"
            date = r.get("event_date") or ""
        evidence = "\n".join(e["text"] for e in r.get("evidence", []))
        table.add_row(r["kind"], date, typ, actors, place, r.get("weapon") or "", cas,
                      Text(evidence, justify="right"))
    console.print(table)


def _dash(v: Any) -> str:
    return "?" if v is None else str(v)
