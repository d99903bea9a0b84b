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
    items_list = list(items)
    decorated = sorted((-rank(x), start(x), end(x), i) for i, x in enumerate(items_list))
    if not decorated:
        return []
    taken = bytearray(max(d[2] for d in decorated) + 1)  # occupied characters
    chosen: list[tuple[int, int]] = []
    for _, a, b, i in decorated:
        if b > a and 1 in taken[a:b]:
            continue
        taken[a:b] = b"\x01" * (b - a)
        chosen.append((a, i))
    chosen.sort()
    return [items_list[i] for _, i in chosen]
