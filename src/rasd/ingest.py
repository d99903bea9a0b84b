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


@dataclass
class Summary:
    new: int = 0
    seen: int = 0
    updated: int = 0
    failed: int = 0
    records: int = 0
    errors: list[str] = field(default_factory=list)

    def line(self, store: Store) -> str:
        c = store.counts()
        return (f"articles: {self.new} new, {self.updated} updated, {self.seen} seen, {self.failed} failed; "
                f"records: {self.records} added; store: {c['articles']} articles, {c['records']} records, "
                f"{c['incidents']} incidents")


def ingest(store: Store, sources: Iterable[str], published: date | None = None, progress: bool | None = None,
           err: TextIO = sys.stderr, allow_private: bool = False) -> Summary:
    from rasd.knowledge.base import load
    from rasd.pipeline import extract

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
        except Exception as exc:  # one bad article never stops the batch
            summary.failed += 1
            msg = f"rasd: error: {item.doc.input}: {type(exc).__name__}: {exc}"
            summary.errors.append(msg)
            print(msg, file=err)
            return
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


def watch(store: Store, feeds_file: str, every: float, rounds: int | None = None, out: TextIO = sys.stdout,
          err: TextIO = sys.stderr, allow_private: bool = False) -> int:
    """Poll the feeds listed in a file (one URL or path a line, # for comments); survive errors."""
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
            except Exception as exc:  # a broken feed never stops the watcher
                print(f"rasd: error: {feed}: {type(exc).__name__}: {exc}", file=err, flush=True)
        if rounds is not None and n >= rounds:
            break
        time.sleep(every)
    return 0
