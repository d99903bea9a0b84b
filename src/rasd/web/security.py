"""HTTP hardening for `rasd serve`, as one small ASGI middleware: a Host allow-list (a DNS-rebinding
page cannot talk to a local rasd under its own name) and security headers on every answer.

The dashboard's policy is "self only": scripts, styles, data and images come from rasd itself (the
libraries are vendored), nothing may frame it, and no referrer leaks to the outlets it links to. An
online tile server set in the dashboard's footer needs its origin listed in RASD_TILE_ORIGINS.
FastAPI's /docs page loads Swagger UI from its CDN with an inline script: it gets its own, wider policy.
"""

from __future__ import annotations

import ipaddress
import os
from typing import Any, Awaitable, Callable, Iterable

LOOPBACK_NAMES = ["localhost", "127.0.0.1", "::1"]
DOCS_CDN = "https://cdn.jsdelivr.net"

Scope = dict[str, Any]
ASGIApp = Callable[[Scope, Callable[[], Awaitable[dict]], Callable[[dict], Awaitable[None]]], Awaitable[None]]


def csp(extra_img: Iterable[str] = ()) -> str:
    img = " ".join(["'self'", "data:", *extra_img])
    return ("default-src 'self'; script-src 'self'; style-src 'self'; " f"img-src {img}; connect-src 'self'; "
            "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


DOCS_CSP = (f"default-src 'self'; script-src 'self' 'unsafe-inline' {DOCS_CDN}; style-src 'self' {DOCS_CDN}; "
            "img-src 'self' data: https://fastapi.tiangolo.com; connect-src 'self'; object-src 'none'; "
            "base-uri 'none'; frame-ancestors 'none'")


def is_loopback(host: str) -> bool:
    h = host.strip("[]").lower()
    if h == "localhost":
        return True
    try:
        return ipaddress.ip_address(h).is_loopback
    except ValueError:
        return False


def default_hosts(bind: str | None = None) -> list[str]:
    hosts = list(LOOPBACK_NAMES)
    if bind and bind not in ("0.0.0.0", "::", "") and bind.lower() not in hosts:
        hosts.append(bind.strip("[]").lower())
    return hosts


def host_of(header: str) -> str:
    """The host name of a Host header, without port or IPv6 brackets, lower-case, no trailing dot."""
    h = header.strip().lower()
    if h.startswith("["):
        h = h[1:h.find("]")] if "]" in h else h[1:]
    elif h.count(":") == 1:
        h = h.split(":", 1)[0]
    return h.rstrip(".")


def host_allowed(host: str, allowed: Iterable[str]) -> bool:
    for pat in allowed:
        pat = pat.strip().lower().rstrip(".").strip("[]")
        if pat == "*" or host == pat or (pat.startswith("*.") and host.endswith(pat[1:]) and host != pat[2:]):
            return True
    return False


class Hardening:
    def __init__(self, app: ASGIApp, allowed_hosts: list[str], tile_origins: Iterable[str] = ()):
        self.app = app
        self.allowed = allowed_hosts
        origins = [o for o in tile_origins if o.startswith(("https://", "http://")) and all(c not in o for c in " ;'")]
        self.csp = csp(origins).encode()

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict((k.lower(), v) for k, v in scope.get("headers") or [])
        host = host_of(headers.get(b"host", b"").decode("latin-1"))
        path = scope.get("path", "")
        policy = DOCS_CSP.encode() if path in ("/docs", "/redoc") or path.startswith("/docs/") else self.csp

        async def send_hardened(message: dict) -> None:
            if message["type"] == "http.response.start":
                hs = [(k, v) for k, v in message.get("headers", []) if k.lower() not in _OURS]
                hs += [(b"content-security-policy", policy), (b"x-content-type-options", b"nosniff"),
                       (b"x-frame-options", b"DENY"), (b"referrer-policy", b"no-referrer"),
                       (b"cross-origin-opener-policy", b"same-origin"),
                       (b"permissions-policy", b"camera=(), microphone=(), geolocation=()")]
                message = dict(message, headers=hs)
            await send(message)

        if not host or not host_allowed(host, self.allowed):
            body = b'{"detail":"this server does not answer to that Host name (see --allowed-hosts)"}'
            await send_hardened({"type": "http.response.start", "status": 400,
                                 "headers": [(b"content-type", b"application/json"),
                                             (b"content-length", str(len(body)).encode())]})
            await send_hardened({"type": "http.response.body", "body": body})
            return
        await self.app(scope, receive, send_hardened)


_OURS = {b"content-security-policy", b"x-content-type-options", b"x-frame-options", b"referrer-policy",
         b"cross-origin-opener-policy", b"permissions-policy"}


def tile_origins_from_env() -> list[str]:
    return [o.strip() for o in os.environ.get("RASD_TILE_ORIGINS", "").split(",") if o.strip()]
