"""`rasd`: one command, with subcommands for each job. Heavy imports happen inside the subcommands
so that start-up stays fast."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from typing import Sequence


def _date(s: str) -> date:
    try:
        return date.fromisoformat(s)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {s!r}") from None


def _share(s: str) -> float:
    try:
        v = float(s)
    except ValueError:
        v = -1.0
    if not 0.0 <= v <= 1.0:
        raise argparse.ArgumentTypeError(f"not a number from 0 to 1: {s!r}")
    return v


def cmd_extract(args: argparse.Namespace) -> int:
    from rasd import output
    from rasd.document import InputError, read_text_file
    from rasd.knowledge.base import load
    from rasd.pipeline import extract

    kb = load()
    failures = 0
    records = []
    for path in args.paths:
        try:
            doc = read_text_file(path, args.published)
        except InputError as exc:
            print(f"rasd: error: {exc}", file=sys.stderr)
            failures += 1
            continue
        recs = extract(doc, kb)
        if args.min_confidence is not None:
            recs = [r for r in recs if r["kind"] != "event" or r.get("confidence", 1.0) >= args.min_confidence]
        if args.format == "jsonl":
            output.write_jsonl(recs)
            sys.stdout.flush()
        else:
            records.extend(recs)
    if args.format == "json":
        output.write_json(records)
    elif args.format == "csv":
        output.write_csv(records)
    elif args.format == "table":
        output.write_table(records)
    return 1 if failures else 0


def sample_paths() -> list[str]:
    from importlib import resources

    root = resources.files("rasd") / "samples" / "articles"
    return sorted(str(p) for p in root.iterdir() if str(p).endswith(".txt"))  # type: ignore[union-attr]


def cmd_demo(args: argparse.Namespace) -> int:
    """The main job on the bundled sample corpus: ingest it into the store (SQLite by default), fuse,
    and show the incidents."""
    from rasd.export import write_incidents
    from rasd.ingest import ingest
    from rasd.store.db import Store

    store = Store(args.db)
    summary = ingest(store, sample_paths())
    write_incidents(store.iter_incidents(), None, args.format, sys.stdout)
    print(summary.line(store), file=sys.stderr)
    print(f"store: {store.url}", file=sys.stderr)
    return 0


def cmd_ingest(args: argparse.Namespace) -> int:
    from rasd.ingest import ingest
    from rasd.store.db import Store

    from rasd.store.errors import StoreUnavailable

    store = Store(args.db)
    try:
        summary = ingest(store, args.sources, published=args.published, allow_private=args.allow_private)
    except StoreUnavailable as exc:  # disk full, read-only, server gone: stop at once, one line, non-zero
        print(f"rasd: error: store {_safe_url(store.url)}: {exc}; stopped", file=sys.stderr)
        return 1
    print(summary.line(store))
    return 1 if summary.failed and not (summary.new or summary.seen or summary.updated) else 0


def cmd_watch(args: argparse.Namespace) -> int:
    from rasd.ingest import parse_every, watch
    from rasd.store.db import Store

    try:
        every = parse_every(args.every)
    except ValueError as exc:
        print(f"rasd: error: {exc}", file=sys.stderr)
        return 2
    from rasd.store.errors import StoreUnavailable

    store = Store(args.db)
    try:
        return watch(store, args.feeds_file, every, rounds=args.rounds, allow_private=args.allow_private)
    except StoreUnavailable as exc:
        print(f"rasd: error: store {_safe_url(store.url)}: {exc}; stopped", file=sys.stderr)
        return 1


def _near(s: str) -> tuple[float, float, float]:
    from rasd.store.db import parse_near

    try:
        return parse_near(s)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"--near takes LAT,LON,KM ({exc}), got {s!r}") from None


def _positive(s: str) -> int:
    try:
        n = int(s)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {s!r}") from None
    if not 1 <= n <= 2**31 - 1:
        raise argparse.ArgumentTypeError(f"must be from 1 to {2**31 - 1}: {s!r}")
    return n


def _safe_url(url: str) -> str:
    """A database URL without its password."""
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return "(database)"


def cmd_events(args: argparse.Namespace) -> int:
    from rasd.export import write_incidents
    from rasd.store.db import Store

    store = Store(args.db)
    rows = store.iter_incidents(limit=args.limit, since=args.since, until=args.until, country=args.country,
                                event_type=args.type, actor=args.actor, near=args.near, min_sources=args.min_sources,
                                min_confidence=args.min_confidence)
    write_incidents(rows, None, args.format, sys.stdout)  # streamed page by page: any number of incidents
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from rasd.web.app import serve

    hosts = [h.strip() for h in (args.allowed_hosts or "").split(",") if h.strip()] or None
    serve(args.db, args.host, args.port, allowed_hosts=hosts)
    return 0


def cmd_batch(args: argparse.Namespace) -> int:
    import json as _json

    from rasd.batch import spark_job

    if args.batch_command == "extract":
        counts = spark_job.extract_job(args.input, args.output, args.master)
    else:
        counts = spark_job.fuse_job(args.input, args.output, args.master)
    print(_json.dumps(counts))
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from rasd.evaluate import evaluate, print_report

    report = evaluate(args.gold, args.pred)
    print_report(report, verbose=args.verbose)
    return 0


def cmd_kb(args: argparse.Namespace) -> int:
    from rasd.knowledge.base import cache_dir, load

    kb = load(rebuild=args.action == "rebuild")
    layers: dict[str, int] = {}
    for p in kb.places:
        layers[p.layer] = layers.get(p.layer, 0) + 1
    print(f"places: {len(kb.places)} " + " ".join(f"{k}={v}" for k, v in sorted(layers.items())))
    print(f"actors: {len(kb.actors)}; matcher keys: {len(kb.matcher)}; cache: {cache_dir()}")
    return 0


def cmd_places(args: argparse.Namespace) -> int:
    from rasd import places_cli

    return places_cli.run(args)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="rasd", description="Arabic news in, conflict-event records with evidence out.")
    sub = p.add_subparsers(dest="command", required=True)

    e = sub.add_parser("extract", help="extract event, tally and background records from article files")
    e.add_argument("paths", nargs="+", metavar="PATH", help="UTF-8 text files: title line, then body")
    e.add_argument("--format", choices=["jsonl", "json", "csv", "table"], default="jsonl")
    e.add_argument("--published", type=_date, help="publication date (overrides the dateline)")
    e.add_argument("--min-confidence", type=_share, metavar="0-1", help="leave out events that score below this")
    e.set_defaults(func=cmd_extract)

    db_help = "database URL or SQLite path (default: $RASD_DB, else ~/.local/share/rasd/rasd.db)"
    d = sub.add_parser("demo", help="ingest the bundled sample corpus into the store and list its incidents")
    d.add_argument("--db", help=db_help)
    d.add_argument("--format", choices=["table", "jsonl", "csv", "geojson", "acled-csv"], default="table")
    d.set_defaults(func=cmd_demo)

    g = sub.add_parser("ingest", help="ingest articles (files, directories, HTML, RSS/Atom, JSONL, URLs) into the store")
    g.add_argument("sources", nargs="+", metavar="SOURCE")
    g.add_argument("--db", help=db_help)
    g.add_argument("--published", type=_date, help="publication date for sources that have none")
    g.add_argument("--allow-private", action="store_true", help="allow fetching from private/local addresses")
    g.set_defaults(func=cmd_ingest)

    w = sub.add_parser("watch", help="poll the feeds listed in a file and ingest what is new")
    w.add_argument("feeds_file")
    w.add_argument("--every", default="10m", help="interval, e.g. 30s, 10m, 1h (default 10m)")
    w.add_argument("--rounds", type=int, help="stop after this many rounds (default: run until interrupted)")
    w.add_argument("--db", help=db_help)
    w.add_argument("--allow-private", action="store_true", help="allow fetching from private/local addresses")
    w.set_defaults(func=cmd_watch)

    q = sub.add_parser("events", help="query fused incidents")
    q.add_argument("--db", help=db_help)
    q.add_argument("--since", type=_date)
    q.add_argument("--until", type=_date)
    q.add_argument("--country", help="ISO 3166-1 alpha-2 code")
    q.add_argument("--type", help="event type or sub-event type (substring)")
    q.add_argument("--actor", help="actor name (substring)")
    q.add_argument("--near", type=_near, metavar="LAT,LON,KM")
    q.add_argument("--min-sources", type=_positive)
    q.add_argument("--min-confidence", type=_share, metavar="0-1", help="incidents whose best record scores at least this")
    q.add_argument("--limit", type=_positive)
    q.add_argument("--format", choices=["table", "jsonl", "csv", "geojson", "acled-csv"], default="table")
    q.set_defaults(func=cmd_events)

    s = sub.add_parser("serve", help="serve the HTTP API and the dashboard")
    s.add_argument("--db", help=db_help)
    s.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1: local only)")
    s.add_argument("--port", type=int, default=8000)
    s.add_argument("--allowed-hosts", default=os.environ.get("RASD_ALLOWED_HOSTS"),
                   help="comma-separated Host names the server answers to, e.g. rasd.example.org,*.example.org "
                        "(default $RASD_ALLOWED_HOSTS, else localhost, 127.0.0.1, ::1 and the --host address)")
    s.set_defaults(func=cmd_serve)

    b = sub.add_parser("batch", help="batch extraction and fusion on Apache Spark")
    bsub = b.add_subparsers(dest="batch_command", required=True)
    be = bsub.add_parser("extract", help="JSONL/Parquet article rows -> records (Parquet, partitioned by month)")
    be.add_argument("--input", required=True, help="path or glob of JSONL or Parquet article rows")
    be.add_argument("--output", required=True, help="output directory (records/ and articles/)")
    be.add_argument("--master", help="Spark master URL (default local[*])")
    bf = bsub.add_parser("fuse", help="records (batch extract output) -> incidents (Parquet)")
    bf.add_argument("--input", required=True, help="a `rasd batch extract` output directory")
    bf.add_argument("--output", required=True)
    bf.add_argument("--master", help="Spark master URL (default local[*])")
    b.set_defaults(func=cmd_batch)

    v = sub.add_parser("eval", help="score predictions against gold annotations (shared/devset rules)")
    v.add_argument("gold")
    v.add_argument("pred")
    v.add_argument("--verbose", "-v", action="store_true", help="list misses and extras")
    v.set_defaults(func=cmd_eval)

    k = sub.add_parser("kb", help="knowledge base: show counts, or rebuild the cached index")
    k.add_argument("action", choices=["info", "rebuild"], nargs="?", default="info")
    k.set_defaults(func=cmd_kb)

    pl = sub.add_parser("places", help="search the gazetteer or import GeoNames dumps")
    psub = pl.add_subparsers(dest="places_command", required=True)
    ps = psub.add_parser("search", help="list candidate places for a name, best first")
    ps.add_argument("name")
    ps.add_argument("--country", help="ISO 3166-1 alpha-2 code")
    ps.add_argument("--format", choices=["table", "json"], default="table")
    ps.add_argument("--limit", type=int, default=20)
    pi = psub.add_parser("import", help="add GeoNames dump files (allCountries.txt / XX.txt, alternateNamesV2.txt)")
    pi.add_argument("files", nargs="+")
    pi.add_argument("--min-population", type=int, default=0)
    pl.set_defaults(func=cmd_places)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # one line on the terminal; the traceback (SQL, article text) in the debug log
        if os.environ.get("RASD_DEBUG"):
            raise
        from rasd.store.errors import debug_log_path, log_debug, one_line, store_failure

        log_debug(f"rasd {args.command}", exc)
        fatal = store_failure(exc)
        what = f"store: {fatal} ({one_line(exc)})" if fatal else f"unexpected {one_line(exc)}"
        print(f"rasd: error: {what}; details in {debug_log_path()}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
