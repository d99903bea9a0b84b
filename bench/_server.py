"""Helpers the API benchmarks share: a free port on 127.0.0.1 and waiting for a server to answer."""

from __future__ import annotations

import socket
import time
from typing import Any, Callable

import httpx


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_ready(client: httpx.Client, tries: int = 200) -> None:
    """Poll /api/incidents until the server answers (bounded: tries × 0.1 s)."""
    for _ in range(tries):
        try:
            if client.get("/api/incidents", params={"limit": 1}).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.1)


def filled_store(url: str, n: int, fill: Callable[[Any, int], None]) -> tuple[Any, float]:
    """A Store at url filled with n synthetic incidents, and the seconds it took."""
    from rasd.store.db import Store

    store = Store(url)
    t = time.perf_counter()
    fill(store, n)
    return store, time.perf_counter() - t
