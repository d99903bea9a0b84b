"""What the store accepts: the checks at its boundary, the same on SQLite and PostgreSQL.

* Text never carries NUL (PostgreSQL refuses it) or lone surrogates (not encodable as UTF-8): each is
  replaced by U+FFFD, one character for one, so every evidence offset still slices the stored text.
* A death or injury toll must be a plausible count for one event: an integer from 0 to 100,000.
  Anything else (3,000,000,000, a negative number, a string) is stored as null ("not known") with
  a warning, never as an error: the rest of the record is still good.
* Short columns get values that fit them (PostgreSQL enforces VARCHAR lengths; SQLite does not).
"""

from __future__ import annotations

import hashlib
import math
import re
from typing import Any

MAX_TOLL = 100_000  # no single event in ACLED's data comes near this
_BAD = re.compile("[\x00\ud800-\udfff]")


def clean_text(s: str) -> str:
    """NUL and lone surrogates -> U+FFFD (length-preserving)."""
    return _BAD.sub("\ufffd", s) if _BAD.search(s) else s


def clean_value(v: Any) -> Any:
    """clean_text applied to every string inside a JSON-like value (keys included)."""
    if isinstance(v, str):
        return clean_text(v)
    if isinstance(v, dict):
        return {clean_text(k) if isinstance(k, str) else k: clean_value(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [clean_value(x) for x in v]
    if isinstance(v, float) and not math.isfinite(v):
        return None  # NaN/inf are not JSON
    return v


def plausible_toll(v: Any) -> bool:
    return v is None or (isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= MAX_TOLL)


def check_record(rec: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """A copy of the record fit for the store, and a warning for each value set aside."""
    out = clean_value(rec)
    warnings = []
    for f in ("fatalities", "injuries"):
        v = out.get(f)
        if not plausible_toll(v):
            warnings.append(f"implausible {f} {_show(v)} (more than {MAX_TOLL:,} or not a count) stored as unknown")
            out[f] = None
    for f in ("latitude", "longitude"):
        v = out.get(f)
        limit = 90 if f == "latitude" else 180
        if v is not None and not (isinstance(v, (int, float)) and not isinstance(v, bool) and -limit <= v <= limit):
            warnings.append(f"impossible {f} {_show(v)} dropped")
            out["latitude"] = out["longitude"] = None
    for f in ("time_precision", "geo_precision"):
        v = out.get(f)
        if v is not None and not (isinstance(v, int) and 1 <= v <= 3):
            out[f] = 3
    return out, warnings


def _show(v: Any) -> str:
    s = repr(v)
    return s if len(s) <= 40 else s[:40] + "…"


def fit(s: str | None, n: int) -> str | None:
    """A value cut to a column's length (with an ellipsis), None kept."""
    if s is None:
        return None
    s = clean_text(str(s))
    return s if len(s) <= n else s[: n - 1] + "…"


def fit_key(key: str, n: int = 1024) -> str:
    """A source key that fits its column and stays unique: a long key keeps its start and a hash."""
    key = clean_text(key)
    if len(key) <= n:
        return key
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()
    return key[: n - 72] + "#sha256:" + digest
