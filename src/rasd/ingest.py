"""`rasd ingest` and `rasd watch`: sources -> documents -> extraction -> store, with a progress bar,
per-item errors that never stop the batch, and a summary line."""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from datetime import date
from typing import Iterable, TextIO

from rasd.sources import Item, ItemError, iter_source
from rasd.store.db import Store
from rasd.store.errors import StoreUnavailable, log_debug, one_line, store_failure


@dataclass
class Summary:
    new: int = 0
    seen: int = 0
    updated: int = 0
    failed: int = 0
    records: int = 0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def line(self, store: Store) -> str:
        c = store.counts()
        return (f"articles: {self.new} new, {self.updated} updated, {self.seen} seen, {self.failed} failed; "
                f"records: {self.records} added; store: {c['articles']} articles, {c['records']} records, "
                f"{c['incidents']} incidents")


def ingest(store: Store, sources: Iterable[str], published: date | None = None, progress: bool | None = None,
           err: TextIO | None = None, allow_private: bool = False) -> Summary:
    """Ingest every source; a bad item is one error line and the run goes on. A store that cannot be
    written at all (disk full, read-only, gone) raises StoreUnavailable at once: going on would only
    fail every item after it."""
    from rasd.knowledge.base import load
    from rasd.pipeline import extract

    err = err or sys.stderr  # looked up now, not when the module was imported
    kb = load()
    summary = Summary()

    def items() -> Iterable[Item | ItemError]:
        for s in sources:
            yield from iter_source(s, published, allow_private=allow_private)

    def handle(item: Item | ItemError) -> None:
        if isinstance(item, ItemError):
            summary.failed += 1
            msg = f"rasd: error: {item.name}: {item.message}"
            summary.errors.append(msg)
            print(msg, file=err)
            return
        try:
            res = store.ingest(item.doc, item.key, lambda d: d.meta["records"] if "records" in d.meta else extract(d, kb, warn=False))
        except Exception as exc:  # one bad article never stops the batch; a store that is down does
            log_debug(f"ingesting {item.key!r}", exc)
            fatal = store_failure(exc)
            if fatal:
                raise StoreUnavailable(f"{fatal} ({one_line(exc)})") from None
            summary.failed += 1
            msg = f"rasd: error: {_name(item.doc.input)}: {one_line(exc)}"
            summary.errors.append(msg)
            print(msg, file=err)
            return
        for w in res.warnings:
            msg = f"rasd: warning: {_name(item.doc.input)}: {w}"
            summary.warnings.append(msg)
            print(msg, file=err)
        setattr(summary, res.status, getattr(summary, res.status) + 1)
        summary.records += res.records

    show = err.isatty() if progress is None else progress
    if show:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        with Progress(SpinnerColumn(), TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      TextColumn("{task.fields[last]}"), transient=True) as bar:
            task = bar.add_task("ingest", total=None, last="")
            for item in items():
                handle(item)
                bar.update(task, advance=1, last=f"{summary.new} new, {summary.failed} failed")
    else:
        for item in items():
            handle(item)
    return summary


def _name(s: str) -> str:
    s = "".join(c if c.isprintable() else " " for c in str(s))
    return s if len(s) <= 200 else s[:200] + "…"


def parse_every(s: str) -> float:
    """'10m', '30s', '2h', '90' (seconds) -> seconds."""
    s = s.strip().lower()
    units = {"s": 1, "m": 60, "h": 3600, "d": 86400}
    try:
        if s[-1] in units:
            return float(s[:-1]) * units[s[-1]]
        return float(s)
    except (ValueError, IndexError):
        raise ValueError(f"not a duration: {s!r} (use e.g. 30s, 10m, 1h)") from None


def watch(store: Store, feeds_file: str, every: float, rounds: int | None = None, out: TextIO | None = None,
          err: TextIO | None = None, allow_private: bool = False) -> int:
    """Poll the feeds listed in a file (one URL or path a line, # for comments); survive errors."""
    out, err = out or sys.stdout, err or sys.stderr
    n = 0
    while rounds is None or n < rounds:
        n += 1
        try:
            with open(feeds_file, encoding="utf-8") as fh:
                feeds = [l.strip() for l in fh if l.strip() and not l.lstrip().startswith("#")]
        except OSError as exc:
            print(f"rasd: error: {feeds_file}: cannot read ({exc.strerror})", file=err)
            feeds = []
        for feed in feeds:
            try:
                s = ingest(store, [feed], progress=False, err=err, allow_private=allow_private)
                print(f"{time.strftime('%Y-%m-%d %H:%M:%S')} {feed}: {s.new} new, {s.updated} updated, "
                      f"{s.failed} failed", file=out, flush=True)
            except StoreUnavailable:
                raise  # the store is down: stop watching (the caller prints one line, exits non-zero)
            except Exception as exc:  # a broken feed never stops the watcher
                log_debug(f"watching {feed!r}", exc)
                print(f"rasd: error: {_name(feed)}: {one_line(exc)}", file=err, flush=True)
        if rounds is not None and n >= rounds:
            break
        time.sleep(every)
    return 0
