"""The one longest-match rule: among overlapping candidates the longest wins, then the earliest.
Used for matcher hits, mentions of one layer and time expressions alike."""

from __future__ import annotations

from typing import Callable, Iterable, TypeVar

T = TypeVar("T")


def longest_non_overlapping(items: Iterable[T], start: Callable[[T], int], end: Callable[[T], int],
                            length: Callable[[T], int] | None = None) -> list[T]:
    """Greedy longest-first selection of non-overlapping items, returned in text order. `length`
    ranks the candidates (default end - start); occupancy is always [start, end)."""
    rank = length or (lambda x: end(x) - start(x))
    ordered = sorted(items, key=lambda x: (-rank(x), start(x)))
    if not ordered:
        return []
    taken = bytearray(max(end(x) for x in ordered) + 1)  # occupied characters
    chosen: list[T] = []
    for x in ordered:
        a, b = start(x), end(x)
        if b > a and 1 in taken[a:b]:
            continue
        taken[a:b] = b"\x01" * (b - a)
        chosen.append(x)
    chosen.sort(key=start)
    return chosen
