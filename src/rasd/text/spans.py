"""The one longest-match rule: among overlapping candidates the longest wins, then the earliest.
Used for matcher hits, mentions of one layer and time expressions alike."""

from __future__ import annotations

from typing import Iterable, TypeVar

T = TypeVar("T")


def longest_non_overlapping(candidates: Iterable[tuple[int, int, int, T]]) -> list[T]:
    """Greedy longest-first selection among (length, start, end, item) candidates; the chosen items
    in text order. `length` ranks them (a key's length may leave out its clitics); occupancy is
    always [start, end)."""
    decorated = sorted(((-n, a, b, i, x) for i, (n, a, b, x) in enumerate(candidates)))
    if not decorated:
        return []
    taken = bytearray(max(d[2] for d in decorated) + 1)  # occupied characters
    chosen: list[tuple[int, int, T]] = []
    for _, a, b, i, x in decorated:
        if b > a and 1 in taken[a:b]:
            continue
        taken[a:b] = b"\x01" * (b - a)
        chosen.append((a, i, x))
    chosen.sort()
    return [x for _, _, x in chosen]
