"""Errors as people read them: one line each on the terminal or in an HTTP answer; the full story
(traceback, SQL statement, parameters with the article text) in a debug log.

A store that cannot be written at all (disk or database full, read-only, gone) is not one bad
article: `StoreUnavailable` stops a run at once instead of failing every remaining item.
"""

from __future__ import annotations

import logging
import os
import traceback
from pathlib import Path

MAX_LINE = 300


class StoreUnavailable(Exception):
    """The store cannot take writes (or cannot be reached): stop, don't go on item after item."""


def debug_log_path() -> Path:
    p = os.environ.get("RASD_DEBUG_LOG")
    if p:
        return Path(p)
    home = Path(os.environ.get("RASD_HOME") or os.path.expanduser("~/.local/share/rasd"))
    return home / "debug.log"


_logger: logging.Logger | None = None


def _debug_logger() -> logging.Logger:
    global _logger
    if _logger is None:
        log = logging.getLogger("rasd.debug")
        log.propagate = False  # never onto the terminal through the root logger
        log.setLevel(logging.DEBUG)
        for old in list(log.handlers):
            log.removeHandler(old)
            old.close()
        try:
            path = debug_log_path()
            path.parent.mkdir(parents=True, exist_ok=True)
            handler: logging.Handler = logging.FileHandler(path, encoding="utf-8", delay=True)
            handler.setFormatter(logging.Formatter("%(asctime)s %(process)d %(message)s"))
        except OSError:
            handler = logging.NullHandler()
        log.addHandler(handler)
        _logger = log
    return _logger


def log_debug(context: str, exc: BaseException) -> None:
    """The whole exception (with SQL and parameters) into the debug log; never raises."""
    try:
        text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        _debug_logger().debug("%s\n%s", context, text)
    except Exception:  # a full disk may refuse the log too
        pass


def one_line(exc: BaseException) -> str:
    """`Type: first line of the message`, without SQL or parameters, at most MAX_LINE characters."""
    inner = getattr(exc, "orig", None)  # SQLAlchemy wraps the driver's exception
    target = inner if isinstance(inner, BaseException) else exc
    msg = str(target).strip().splitlines()[0] if str(target).strip() else ""
    line = f"{type(target).__name__}: {msg}" if msg else type(target).__name__
    line = "".join(c if c.isprintable() else " " for c in line)
    return line if len(line) <= MAX_LINE else line[: MAX_LINE - 1] + "…"


_SQLITE_FATAL = {
    "database or disk is full": "the database or the disk is full",
    "attempt to write a readonly database": "the database is read-only",
    "unable to open database file": "the database file cannot be opened",
    "disk i/o error": "disk I/O error",
    "readonly database": "the database is read-only",
}


def store_failure(exc: BaseException) -> str | None:
    """Why the store as a whole cannot be written, or None when the error is this item's own."""
    seen: set[int] = set()
    e: BaseException | None = exc
    while e is not None and id(e) not in seen:
        seen.add(id(e))
        if isinstance(e, StoreUnavailable):
            return str(e)
        if isinstance(e, OSError) and getattr(e, "errno", None) in (28, 30):  # ENOSPC, EROFS
            return "no space left on the device" if e.errno == 28 else "the file system is read-only"
        low = str(e).lower()
        for needle, reason in _SQLITE_FATAL.items():
            if needle in low and type(e).__module__.startswith(("sqlite3", "sqlalchemy")):
                return reason
        state = getattr(e, "sqlstate", None) or getattr(getattr(e, "diag", None), "sqlstate", None)
        if isinstance(state, str):
            if state.startswith("53"):
                return "the database server is out of disk space or resources"
            if state == "25006":
                return "the database is read-only"
            if state.startswith(("08", "57P")):
                return "the connection to the database server was lost"
        if type(e).__module__.startswith("psycopg") and type(e).__name__ == "OperationalError" and state is None:
            return "the database server cannot be reached"
        nxt = getattr(e, "orig", None)
        e = nxt if isinstance(nxt, BaseException) else (e.__cause__ or e.__context__)
    return None
