"""Writes off the event loop: `POST /api/articles` hands fetching, extraction and the store write to a
small pool of worker processes (their own interpreter, so the server's reads never wait for the GIL
behind an extraction), with a bounded queue. When the pool and its queue are full the API answers
503 with Retry-After at once instead of piling requests up.

RASD_WORKERS (default: half the cores, at least 1), RASD_QUEUE (default 8) and RASD_WORKER_MODE
(`process`, or `thread` to run in the server process, e.g. for an in-memory SQLite store).
"""

from __future__ import annotations

import concurrent.futures as cf
import hashlib
import multiprocessing
import os
import threading
import time
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Callable

RETRY_AFTER = 5  # seconds, in the 503 answer


class Busy(Exception):
    """Every worker is busy and the queue is full."""


class WorkerPool:
    def __init__(self, db_url: str, workers: int | None = None, queue: int | None = None, mode: str | None = None):
        self.db_url = db_url
        self.workers = max(1, workers or int(os.environ.get("RASD_WORKERS") or max(1, (os.cpu_count() or 2) // 2)))
        self.queue = max(0, queue if queue is not None else int(os.environ.get("RASD_QUEUE") or 8))
        in_memory = db_url.startswith("sqlite") and (":memory:" in db_url or db_url in ("sqlite://", "sqlite:///"))
        self.mode = mode or os.environ.get("RASD_WORKER_MODE") or ("thread" if in_memory else "process")
        self._pending = 0
        self._lock = threading.Lock()
        self._executor: cf.Executor | None = None

    def use_store(self, store: Any) -> None:
        """In thread mode, the workers use the server's own Store object."""
        if self.mode == "thread":
            _STORES[self.db_url] = store

    @property
    def pending(self) -> int:
        return self._pending

    def _executor_now(self) -> cf.Executor:
        if self._executor is None:
            if self.mode == "thread":
                self._executor = cf.ThreadPoolExecutor(self.workers, thread_name_prefix="rasd-worker")
            else:
                self._executor = cf.ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                                        initializer=_warm, initargs=(self.db_url,))
        return self._executor

    def submit(self, fn: Callable[..., dict[str, Any]], *args: Any) -> cf.Future:
        """Run fn(db_url, *args) in a worker; raise Busy when workers + queue are all taken."""
        with self._lock:
            if self._pending >= self.workers + self.queue:
                raise Busy()
            self._pending += 1
            ex = self._executor_now()
        try:
            fut = ex.submit(fn, self.db_url, *args)
        except Exception:  # a broken pool (a worker was killed): start a new one next time
            with self._lock:
                self._pending -= 1
                self._executor = None
            raise
        fut.add_done_callback(self._done)
        return fut

    def _done(self, fut: cf.Future) -> None:
        with self._lock:
            self._pending -= 1
            if not fut.cancelled() and isinstance(fut.exception(), BrokenProcessPool) and self._executor is not None:
                self._executor.shutdown(wait=False, cancel_futures=True)
                self._executor = None

    def close(self) -> None:
        """Stop the workers now (a job in progress is rolled back: each article is one transaction)."""
        with self._lock:
            ex, self._executor = self._executor, None
        if ex is None:
            return
        procs = list((getattr(ex, "_processes", None) or {}).values())  # before shutdown forgets them
        ex.shutdown(wait=False, cancel_futures=True)
        for p in procs:
            p.terminate()
        for p in procs:
            p.join(5)


# ------------------------------------------------------------------ in the worker
_STORES: dict[str, Any] = {}


def _store(db_url: str) -> Any:
    s = _STORES.get(db_url)
    if s is None:
        from rasd.store.db import Store

        s = _STORES[db_url] = Store(db_url, migrate=False)
    return s


def _warm(db_url: str) -> None:
    """Worker start: load the knowledge base and open the store once, before the first request; and
    leave when the server goes (even if it was killed and could not stop its workers)."""
    from rasd.knowledge.base import load

    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True).start()
    load()
    _store(db_url)


def _exit_with_parent(ppid: int) -> None:
    while os.getppid() == ppid:
        time.sleep(1.0)
    os._exit(0)


def _failure(context: str, exc: Exception) -> dict[str, Any]:
    from rasd.store.errors import log_debug, one_line, store_failure

    log_debug(context, exc)
    fatal = store_failure(exc)
    if fatal:
        return {"status": 503, "detail": f"the store cannot take writes now: {fatal}"}
    return {"status": 500, "detail": f"could not ingest the article ({one_line(exc)})"}


def ingest_text(db_url: str, payload: dict[str, Any]) -> dict[str, Any]:
    from rasd.knowledge.base import load
    from rasd.pipeline import extract
    from rasd.sources import ItemError, row_item

    text = payload["text"]
    key = "post:" + hashlib.sha256(text.encode("utf-8", "replace")).hexdigest()[:24]
    item = row_item(payload, "POST /api/articles", None, default_key=key)
    if isinstance(item, ItemError):
        return {"status": 422, "detail": item.message}
    try:
        kb = load()
        res = _store(db_url).ingest(item.doc, item.key, lambda d: extract(d, kb, warn=False))
    except Exception as exc:
        return _failure("POST /api/articles (text)", exc)
    return {"status": 201, "body": {"status": res.status, "records": res.records, "incidents": res.incidents,
                                    "warnings": res.warnings}}


def ingest_url(db_url: str, url: str) -> dict[str, Any]:
    """A web page or feed at an http(s) URL, fetched under rasd.fetch's guards (never private)."""
    from rasd.knowledge.base import load
    from rasd.pipeline import extract
    from rasd.sources import ItemError, url_items

    kb = load()
    counts = {"new": 0, "updated": 0, "seen": 0}
    records, errors, warnings = 0, [], []
    try:
        for item in url_items(url, None, allow_private=False):
            if isinstance(item, ItemError):
                errors.append(f"{item.name}: {item.message}")
                continue
            res = _store(db_url).ingest(item.doc, item.key, lambda d: extract(d, kb, warn=False))
            counts[res.status] = counts.get(res.status, 0) + 1
            records += res.records
            warnings.extend(res.warnings)
    except Exception as exc:
        return _failure(f"POST /api/articles (url {url[:200]!r})", exc)
    if errors and not any(counts.values()):
        return {"status": 422, "detail": "; ".join(errors[:3])}
    status = "new" if counts["new"] else ("updated" if counts["updated"] else "seen")
    return {"status": 201, "body": {"status": status, "records": records, "errors": errors[:20], "warnings": warnings}}
