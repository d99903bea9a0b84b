"""`rasd places search|import` (filled in by the knowledge-base work)."""

from __future__ import annotations

import argparse
import json


def run(args: argparse.Namespace) -> int:
    from rasd.knowledge.base import load

    if args.places_command == "search":
        kb = load()
        found = kb.search_places(args.name, args.country)[: args.limit]
        if args.format == "json":
            print(json.dumps([p.as_dict() for p in found], ensure_ascii=False, indent=2))
        else:
            for p in found:
                print(f"{p.name_en}\t{p.name_ar}\t{p.feature}\t{p.admin1 or ''}\t{p.country_code}\t{p.lat}\t{p.lon}\t{p.population}\t{p.id}")
        return 0 if found else 1
    raise SystemExit("rasd places import: not available yet")
