"""Every URL rasd reads is fetched here, and only here.

Feeds, feed entries and URLs posted to the API are untrusted: a feed entry can point rasd at an
internal service as easily as a user can. So every fetch is guarded the same way:

* http and https only, at every hop; redirects are followed by rasd itself (at most 5), and each
  target is checked again from scratch;
* the host is resolved once, every address it resolves to is checked, and the connection is made to
  a checked address (never a second DNS look-up, so DNS rebinding cannot swap the address between
  the check and the connection); the peer of the socket actually connected is checked again;
* special-purpose addresses are refused: private, loopback, link-local, shared (100.64.0.0/10),
  IETF protocol assignments (192.0.0.0/24), benchmarking, documentation, reserved, multicast,
  unspecified, and IPv6 forms that carry an IPv4 address (mapped, translated, NAT64, 6to4, Teredo);
  ``allow_private=True`` (``--allow-private``) is the one opt-in;
* an overall deadline for the whole fetch, redirects included (a server that trickles one byte a
  second is cut off), and a byte cap on the body (after decompression, if the server compresses).

Proxy variables (http_proxy…) are ignored on purpose: the check must apply to the connection made.
"""

from __future__ import annotations

import http.client
import ipaddress
import os
import socket
import ssl
import threading
import time
import zlib
from dataclasses import dataclass
from urllib.parse import quote, urljoin, urlsplit

MAX_BYTES = 10 * 1024 * 1024  # far above any news page or feed
DEADLINE = 30.0  # seconds for the whole fetch, redirects included
CONNECT_TIMEOUT = 10.0
MAX_REDIRECTS = 5
USER_AGENT = "rasd/0.1 (+news event extraction)"
REDIRECTS = {301, 302, 303, 307, 308}

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

# Ranges the ipaddress properties miss (or that differ between Python versions), checked by name.
SPECIAL_V4 = [(ipaddress.ip_network(n), what) for n, what in [
    ("0.0.0.0/8", "'this network'"), ("100.64.0.0/10", "shared address space (carrier-grade NAT)"),
    ("192.0.0.0/24", "IETF protocol assignments"), ("192.0.2.0/24", "documentation"),
    ("198.18.0.0/15", "benchmarking"), ("198.51.100.0/24", "documentation"), ("203.0.113.0/24", "documentation"),
    ("192.88.99.0/24", "6to4 relay anycast"), ("240.0.0.0/4", "reserved"), ("255.255.255.255/32", "broadcast"),
]]
SPECIAL_V6 = [(ipaddress.ip_network(n), what) for n, what in [
    ("::ffff:0:0/96", "IPv4-mapped IPv6"), ("::ffff:0:0:0/96", "IPv4-translated IPv6"),
    ("64:ff9b::/96", "NAT64 IPv4-embedded IPv6"), ("64:ff9b:1::/48", "local-use IPv4/IPv6 translation"),
    ("::/96", "IPv4-compatible IPv6"), ("2002::/16", "6to4 IPv6"), ("2001::/32", "Teredo IPv6"),
    ("2001:db8::/32", "documentation"), ("100::/64", "discard-only"), ("fc00::/7", "unique local"),
    ("fec0::/10", "site-local"),
]]


class FetchError(Exception):
    """A URL that was not fetched; the message is one line and starts with the URL."""


@dataclass
class Page:
    url: str  # the final URL, after redirects
    body: bytes
    content_type: str


def address_problem(ip: IPAddress) -> str | None:
    """Why rasd refuses to connect to this address, or None when it is an ordinary public one."""
    nets = SPECIAL_V4 if ip.version == 4 else SPECIAL_V6
    for net, what in nets:
        if ip in net:
            return what
    for prop, what in (("is_loopback", "loopback"), ("is_private", "private"), ("is_link_local", "link-local"),
                       ("is_multicast", "multicast"), ("is_unspecified", "unspecified"), ("is_reserved", "reserved")):
        if getattr(ip, prop):
            return what
    if ip.version == 6 and ip.ipv4_mapped is not None:
        return "IPv4-mapped IPv6"
    if not ip.is_global:
        return "not a public address"
    return None


def check_url(url: str, allow_private: bool = False) -> None:
    """Raise FetchError for a URL rasd must not fetch (scheme, host, and its addresses)."""
    target = _target(url)
    clock = _Deadline(DEADLINE)
    try:
        _resolve(target, allow_private, clock)
    finally:
        clock.cancel()


def fetch(url: str, allow_private: bool = False, timeout: float = DEADLINE, max_bytes: int = MAX_BYTES) -> bytes:
    return fetch_page(url, allow_private=allow_private, deadline=timeout, max_bytes=max_bytes).body


def fetch_page(url: str, allow_private: bool = False, deadline: float = DEADLINE, max_bytes: int = MAX_BYTES,
               max_redirects: int = MAX_REDIRECTS) -> Page:
    """GET a URL under every guard in the module docstring; raise FetchError on any refusal."""
    clock = _Deadline(deadline)
    try:
        current = url
        for hop in range(max_redirects + 1):
            status, location, ctype, body = _get_once(current, allow_private, clock, max_bytes)
            if status in REDIRECTS:
                if hop == max_redirects:
                    raise FetchError(f"{url}: more than {max_redirects} redirects")
                if not location:
                    raise FetchError(f"{current}: redirect ({status}) without a Location")
                current = urljoin(current, location.strip())
                continue
            if not 200 <= status < 300:
                raise FetchError(f"{current}: HTTP {status}")
            return Page(current, body, ctype)
        raise FetchError(f"{url}: more than {max_redirects} redirects")  # pragma: no cover (loop returns)
    finally:
        clock.cancel()


# ------------------------------------------------------------------ internals
@dataclass
class _Target:
    url: str
    scheme: str
    host: str  # IDNA-encoded host name or IP literal (no brackets)
    port: int
    path: str  # request target: path and query


def _target(url: str) -> _Target:
    if any(ord(c) < 33 or c == "\x7f" for c in url.strip()):
        raise FetchError(f"{_short(url)}: control characters or spaces in the URL")
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as exc:
        raise FetchError(f"{_short(url)}: not a valid URL ({exc})") from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise FetchError(f"{_short(url)}: only http and https URLs are fetched")
    host = parts.hostname
    if not host:
        raise FetchError(f"{_short(url)}: no host")
    try:
        ipaddress.ip_address(host.split("%")[0])
    except ValueError:
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError:
            raise FetchError(f"{_short(url)}: not a valid host name") from None
    path = quote(parts.path or "/", safe=_ASCII)  # only non-ASCII characters are encoded (as UTF-8)
    if parts.query:
        path += "?" + quote(parts.query, safe=_ASCII)
    return _Target(url, scheme, host, port or (443 if scheme == "https" else 80), path)


_ASCII = "".join(chr(c) for c in range(33, 127))


def _short(url: str) -> str:
    url = "".join(c if c.isprintable() else "?" for c in url)
    return url if len(url) <= 200 else url[:200] + "…"


def getaddrinfo(host: str, port: int) -> list[tuple]:
    """The one DNS look-up of a hop (a module function so that tests can stand in for DNS)."""
    return socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)


def _resolve(t: _Target, allow_private: bool, clock: "_Deadline") -> list[tuple[int, IPAddress]]:
    box: dict[str, object] = {}

    def look() -> None:
        try:
            box["infos"] = getaddrinfo(t.host, t.port)
        except (OSError, UnicodeError) as exc:
            box["error"] = exc

    th = threading.Thread(target=look, daemon=True)  # getaddrinfo has no timeout of its own
    th.start()
    th.join(max(0.0, clock.remaining()))
    if th.is_alive():
        raise FetchError(f"{_short(t.url)}: no answer within {clock.seconds:g} s (DNS)")
    if "error" in box:
        exc = box["error"]
        raise FetchError(f"{_short(t.url)}: cannot resolve host ({getattr(exc, 'strerror', None) or exc})")
    addrs: list[tuple[int, IPAddress]] = []
    for family, _type, _proto, _canon, sockaddr in box["infos"]:  # type: ignore[union-attr]
        ip = ipaddress.ip_address(str(sockaddr[0]).split("%")[0])
        if not allow_private:
            problem = address_problem(ip)
            if problem:  # one bad address is enough: the host is not a plain public one
                raise FetchError(f"{_short(t.url)}: refusing to fetch a private or local address ({ip}: {problem})")
        if (family, ip) not in addrs:
            addrs.append((family, ip))
    if not addrs:
        raise FetchError(f"{_short(t.url)}: cannot resolve host (no address)")
    return addrs


def connect(family: int, ip: IPAddress, port: int, timeout: float) -> socket.socket:
    """Open a TCP connection to one checked address (a module function so tests can watch it)."""
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.settimeout(timeout)
        sock.connect((str(ip), port))
    except BaseException:
        sock.close()
        raise
    return sock


def _open(t: _Target, addrs: list[tuple[int, IPAddress]], allow_private: bool, clock: "_Deadline") -> socket.socket:
    last: Exception | None = None
    for family, ip in addrs:
        try:
            sock = connect(family, ip, t.port, max(0.01, min(CONNECT_TIMEOUT, clock.remaining())))
        except OSError as exc:
            last = exc
            continue
        peer = ipaddress.ip_address(str(sock.getpeername()[0]).split("%")[0])
        problem = None if allow_private else address_problem(peer)
        if problem or peer != ip:
            sock.close()
            raise FetchError(f"{_short(t.url)}: refusing to fetch a private or local address "
                             f"({peer}: {problem or 'not the address checked'})")
        sock.settimeout(max(0.01, min(CONNECT_TIMEOUT, clock.remaining())))
        return sock
    reason = getattr(last, "strerror", None) or (type(last).__name__ if last else "no address")
    raise FetchError(f"{_short(t.url)}: cannot connect ({reason})")


class _HTTP(http.client.HTTPConnection):
    def __init__(self, t: _Target, sock: socket.socket, timeout: float):
        super().__init__(t.host, t.port, timeout=timeout)
        self.sock = sock

    def connect(self) -> None:  # the socket is already open (to a checked address)
        if self.sock is None:
            raise OSError("connection closed")


class _HTTPS(http.client.HTTPSConnection):
    def __init__(self, t: _Target, sock: socket.socket, timeout: float):
        super().__init__(t.host, t.port, timeout=timeout, context=ssl.create_default_context())
        self._raw = sock

    def connect(self) -> None:
        if self._raw is None:
            raise OSError("connection closed")
        self.sock = self._context.wrap_socket(self._raw, server_hostname=self.host)
        self._raw = None


def _get_once(url: str, allow_private: bool, clock: "_Deadline", max_bytes: int) -> tuple[int, str | None, str, bytes]:
    t = _target(url)
    addrs = _resolve(t, allow_private, clock)
    sock = _open(t, addrs, allow_private, clock)
    clock.watch(sock)
    conn: http.client.HTTPConnection = (_HTTPS if t.scheme == "https" else _HTTP)(t, sock, CONNECT_TIMEOUT)
    try:
        conn.request("GET", t.path, headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate, identity",
                                             "Accept": "*/*", "Connection": "close"})
        resp = conn.getresponse()
        status = resp.status
        if status in REDIRECTS:
            return status, resp.getheader("Location"), "", b""
        if not 200 <= status < 300:
            return status, None, "", b""
        length = resp.getheader("Content-Length")
        if length and length.strip().isdigit() and int(length) > max_bytes:
            raise FetchError(f"{_short(url)}: larger than {max_bytes // (1024 * 1024)} MB")
        encoding = (resp.getheader("Content-Encoding") or "identity").strip().lower()
        decoder = zlib.decompressobj(47) if encoding in ("gzip", "x-gzip", "deflate") else None
        chunks, size = [], 0
        while True:
            data = resp.read(65536)
            if clock.expired or clock.remaining() <= 0:
                raise _Late()
            if not data:
                break
            if decoder is not None:
                data = decoder.decompress(data, max_bytes + 1 - size)
                if decoder.unconsumed_tail:
                    raise FetchError(f"{_short(url)}: larger than {max_bytes // (1024 * 1024)} MB once decompressed")
            size += len(data)
            if size > max_bytes:
                raise FetchError(f"{_short(url)}: larger than {max_bytes // (1024 * 1024)} MB")
            chunks.append(data)
        if clock.expired:
            raise _Late()
        return status, None, resp.getheader("Content-Type") or "", b"".join(chunks)
    except _Late:
        raise FetchError(f"{_short(url)}: no complete answer within {clock.seconds:g} s") from None
    except FetchError:
        raise
    except (OSError, http.client.HTTPException, ssl.SSLError, ValueError, zlib.error, AttributeError) as exc:
        if clock.expired:
            raise FetchError(f"{_short(url)}: no complete answer within {clock.seconds:g} s") from None
        reason = getattr(exc, "reason", None) or getattr(exc, "strerror", None) or type(exc).__name__
        raise FetchError(f"{_short(url)}: cannot fetch ({reason})") from None
    finally:
        clock.unwatch()
        conn.close()
        sock.close()


class _Late(Exception):
    pass


class _Deadline:
    """One deadline for a whole fetch: when it passes, the open connection is shut down, which wakes a
    read blocked on a server that trickles bytes (a per-read timeout never fires on such a server)."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.end = time.monotonic() + seconds
        self.expired = False
        self._lock = threading.Lock()
        self._fd: int | None = None
        self._timer = threading.Timer(seconds, self._fire)
        self._timer.daemon = True
        self._timer.start()

    def remaining(self) -> float:
        return self.end - time.monotonic()

    def watch(self, sock: socket.socket) -> None:
        # the descriptor, not the object: wrapping in TLS moves the descriptor to a new socket object
        with self._lock:
            self._fd = sock.fileno()
            if self.expired:
                self._shutdown(self._fd)

    def unwatch(self) -> None:
        with self._lock:  # before the socket is closed, so a late timer never touches a reused descriptor
            self._fd = None

    def cancel(self) -> None:
        self._timer.cancel()

    def _fire(self) -> None:
        with self._lock:
            self.expired = True
            if self._fd is not None:
                self._shutdown(self._fd)

    @staticmethod
    def _shutdown(fd: int) -> None:
        try:  # shut the connection down through a duplicate: the reader's own socket object stays valid
            dup = socket.socket(fileno=os.dup(fd))
        except OSError:
            return
        try:
            dup.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        finally:
            dup.close()
