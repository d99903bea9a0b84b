"""Helpers the API benchmarks share: a free port on 127.0.0.1 and waiting for a server to answer."""

from __future__ import annotations

import socket
import time

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
