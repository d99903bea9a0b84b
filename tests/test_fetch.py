"""The guarded fetcher (rasd.fetch), against servers the tests start on 127.0.0.1 only.

DNS is replaced by a table (`fake_dns`) and every connection is checked by `net_guard`: a test that
went wrong could only ever connect to 127.0.0.1. To let a first hop through while the redirect
target is refused, some tests count 127.0.0.1 as a public address (`loopback_is_public`).
"""

from __future__ import annotations

import gzip
import ipaddress
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from rasd import fetch as F
from rasd.fetch import FetchError, address_problem, fetch, fetch_page

PAGE = ("<html><head><title>قصف على حلب</title></head><body><article><p>حلب - 5 مارس 2024 - قتل مدني في قصف "
        "مدفعي على مدينة حلب اليوم، بحسب مصادر محلية.</p></article></body></html>").encode()
BOMB = gzip.compress(b"\0" * (40 * 1024 * 1024))  # 40 MB of zeros in ~40 KB


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    seen: list[str] = []

    def log_message(self, *a):
        pass

    def _send(self, status, body=b"", headers=()):
        self.send_response(status)
        for k, v in headers:
            self.send_header(k, v)
        if not any(k.lower() == "content-length" for k, _ in headers):
            self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):  # noqa: N802
        self.seen.append(self.path)
        p = self.path
        if p == "/page":
            self._send(200, PAGE, [("Content-Type", "text/html; charset=utf-8")])
        elif p.startswith("/to?"):
            self._send(302, headers=[("Location", p[4:])])
        elif p.startswith("/chain/"):
            n = int(p.rsplit("/", 1)[1])
            if n == 0:
                self._send(200, PAGE, [("Content-Type", "text/html")])
            else:
                self._send(307, headers=[("Location", f"/chain/{n - 1}")])
        elif p == "/trickle":  # promises 400 bytes, sends one every 50 ms (20 s at most, stops when dropped)
            self.send_response(200)
            self.send_header("Content-Length", "400")
            self.end_headers()
            self._drip(400)
        elif p == "/trickle-headers":
            self.wfile.write(b"HTTP/1.1 200 OK\r\n")
            self._drip(400, b"X")
        elif p == "/big":
            self._send(200, b"x" * 300_000, [("Content-Type", "text/plain")])
        elif p == "/big-unsized":
            self.send_response(200)
            self.send_header("Connection", "close")
            self.end_headers()
            try:
                for _ in range(30):
                    self.wfile.write(b"y" * 10_000)
            except OSError:
                pass
            self.close_connection = True
        elif p == "/bomb":
            self._send(200, BOMB, [("Content-Type", "text/html"), ("Content-Encoding", "gzip")])
        elif p == "/gz":
            self._send(200, gzip.compress(PAGE), [("Content-Type", "text/html"), ("Content-Encoding", "gzip")])
        else:
            self._send(404)

    def _drip(self, n, byte=b"a"):
        try:
            for _ in range(n):
                self.wfile.write(byte)
                self.wfile.flush()
                time.sleep(0.05)
        except OSError:
            pass
        self.close_connection = True


@pytest.fixture
def web():
    srv = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    srv.daemon_threads = True
    th = threading.Thread(target=srv.serve_forever, daemon=True)
    th.start()
    _Handler.seen = []
    yield f"http://127.0.0.1:{srv.server_port}", srv.server_port, _Handler.seen
    srv.shutdown()
    srv.server_close()


@pytest.fixture(autouse=True)
def net_guard(monkeypatch):
    """Every connection the fetcher makes, checked: 127.0.0.1 only, whatever a test does."""
    real = F.connect
    made = []

    def guarded(family, ip, port, timeout):
        assert str(ip) == "127.0.0.1", f"the test would have connected to {ip}"
        made.append(str(ip))
        return real(family, ip, port, timeout)

    monkeypatch.setattr(F, "connect", guarded)
    return made


@pytest.fixture
def fake_dns(monkeypatch):
    """name -> list of addresses (or a callable giving them); IP literals resolve to themselves."""
    table: dict[str, object] = {}
    calls: list[str] = []

    def getaddrinfo(host, port):
        calls.append(host)
        try:
            ips = [ipaddress.ip_address(host)]
        except ValueError:
            entry = table.get(host)
            if entry is None:
                raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
            ips = [ipaddress.ip_address(a) for a in (entry() if callable(entry) else entry)]
        return [(socket.AF_INET6 if ip.version == 6 else socket.AF_INET, socket.SOCK_STREAM, 6, "",
                 (str(ip), port) if ip.version == 4 else (str(ip), port, 0, 0)) for ip in ips]

    monkeypatch.setattr(F, "getaddrinfo", getaddrinfo)
    return table, calls


@pytest.fixture
def loopback_is_public(monkeypatch):
    real = F.address_problem
    monkeypatch.setattr(F, "address_problem",
                        lambda ip: None if str(ip) == "127.0.0.1" else real(ip))


# ------------------------------------------------------------------ which addresses
@pytest.mark.parametrize("ip", [
    "127.0.0.1", "127.8.9.10", "10.1.2.3", "172.16.0.1", "172.31.255.254", "192.168.1.1", "169.254.169.254",
    "100.64.0.1", "100.127.255.254", "192.0.0.9", "192.0.0.170", "192.0.2.1", "198.18.0.1", "198.51.100.7",
    "203.0.113.9", "0.0.0.0", "0.1.2.3", "224.0.0.1", "239.255.255.250", "240.0.0.1", "255.255.255.255",
    "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1", "fec0::1", "2001:db8::1",
    "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:8.8.8.8", "::ffff:0:7f00:1", "64:ff9b::7f00:1",
    "64:ff9b::808:808", "64:ff9b:1::a00:1", "2002:7f00:1::1", "2001::1", "::127.0.0.1",
])
def test_special_purpose_addresses_are_refused(ip):
    assert address_problem(ipaddress.ip_address(ip)) is not None


@pytest.mark.parametrize("ip", ["8.8.8.8", "1.1.1.1", "93.184.215.14", "2606:4700:4700::1111", "2a00:1450:4001::200e"])
def test_public_addresses_pass(ip):
    assert address_problem(ipaddress.ip_address(ip)) is None  # classified only: nothing connects to them


# ------------------------------------------------------------------ schemes, hosts, addresses
@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://127.0.0.1/x", "gopher://127.0.0.1:70/", "/etc/passwd",
                                 "etc/passwd", "javascript:alert(1)", "http:///nohost", "http://exa mple.org/"])
def test_only_http_urls_with_a_host(url):
    with pytest.raises(FetchError):
        fetch(url)


def test_local_addresses_are_refused_unless_allowed(web, net_guard):
    base, port, seen = web
    for url in (f"{base}/page", f"http://localhost:{port}/page", f"http://[::ffff:127.0.0.1]:{port}/page",
                f"http://2130706433:{port}/page", f"http://0x7f.1:{port}/page"):
        with pytest.raises(FetchError, match="private or local"):
            fetch(url)
    assert not seen and not net_guard  # refused before any connection
    assert fetch(f"{base}/page", allow_private=True) == PAGE  # --allow-private is the one opt-in


def test_shared_and_protocol_ranges_by_name(fake_dns, net_guard):
    table, _ = fake_dns
    table.update({"cgnat.test": ["100.64.3.4"], "ietf.test": ["192.0.0.9"], "meta.test": ["169.254.169.254"],
                  "mixed.test": ["8.8.8.8", "10.0.0.7"], "v6.test": ["::ffff:10.0.0.1"]})
    for host in table:
        with pytest.raises(FetchError, match="private or local"):
            fetch(f"http://{host}/")
    assert not net_guard


# ------------------------------------------------------------------ redirects
def test_every_redirect_target_is_checked_again(web, fake_dns, loopback_is_public, net_guard):
    base, port, seen = web
    table, _ = fake_dns
    table.update({"intranet.test": ["10.0.0.5"], "cgnat.test": ["100.64.0.9"], "ietf.test": ["192.0.0.8"],
                  "localhost": ["127.0.0.3"]})
    assert fetch(f"{base}/to?/page") == PAGE  # an ordinary redirect is followed
    for target, why in [(f"http://127.0.0.2:{port}/page", "private or local"), (f"http://localhost:{port}/page", "private or local"),
                        (f"http://intranet.test:{port}/admin", "private or local"), ("http://cgnat.test/", "private or local"),
                        ("http://ietf.test/", "private or local"), (f"http://[::1]:{port}/page", "private or local"),
                        ("ftp://127.0.0.1/etc/passwd", "only http and https"), ("file:///etc/passwd", "only http and https")]:
        with pytest.raises(FetchError, match=why):
            fetch(f"{base}/to?{target}")
    assert set(net_guard) == {"127.0.0.1"}
    assert "/admin" not in seen


def test_at_most_five_redirects(web, loopback_is_public):
    base, _, _ = web
    assert fetch(f"{base}/chain/5") == PAGE
    with pytest.raises(FetchError, match="more than 5 redirects"):
        fetch(f"{base}/chain/6")


# ------------------------------------------------------------------ DNS rebinding
def test_one_dns_lookup_and_the_connection_goes_to_the_checked_address(web, fake_dns, loopback_is_public, net_guard):
    """The name answers 127.0.0.1 (public for this test) once and a private address after that: the
    fetcher looks the name up once per hop and connects to the address it checked."""
    base, port, _ = web
    table, calls = fake_dns
    answers = iter([["127.0.0.1"]])
    table["rebind.test"] = lambda: next(answers, ["10.0.0.1"])
    assert fetch(f"http://rebind.test:{port}/page") == PAGE
    assert calls == ["rebind.test"] and net_guard == ["127.0.0.1"]


def test_the_peer_of_the_connection_made_is_checked(web, fake_dns, monkeypatch):
    """Even if a connection to a public address ended up at a loopback peer, nothing is read from it."""
    base, port, seen = web
    table, _ = fake_dns
    table["public.test"] = ["8.8.8.8"]
    real_connect = socket.create_connection

    def misrouted(family, ip, p, timeout):  # stands in for a network that routes the address elsewhere
        return real_connect(("127.0.0.1", port), timeout)

    monkeypatch.setattr(F, "connect", misrouted)
    with pytest.raises(FetchError, match="private or local"):
        fetch(f"http://public.test:{port}/page")
    assert not seen


# ------------------------------------------------------------------ deadline and size
def test_a_trickling_body_hits_the_overall_deadline(web):
    base, _, _ = web
    with pytest.raises(FetchError, match="no complete answer within 1 s"):  # the server would trickle for 20 s
        fetch_page(f"{base}/trickle", allow_private=True, deadline=1.0)


def test_trickling_headers_hit_the_deadline_too(web):
    base, _, _ = web
    with pytest.raises(FetchError, match="within 1 s"):
        fetch_page(f"{base}/trickle-headers", allow_private=True, deadline=1.0)


def test_byte_cap_with_and_without_content_length(web):
    base, _, _ = web
    with pytest.raises(FetchError, match="larger than"):
        fetch_page(f"{base}/big", allow_private=True, max_bytes=100_000)
    with pytest.raises(FetchError, match="larger than"):
        fetch_page(f"{base}/big-unsized", allow_private=True, max_bytes=100_000)
    assert len(fetch_page(f"{base}/big", allow_private=True).body) == 300_000


def test_gzip_is_decoded_under_the_cap_and_a_bomb_is_refused(web):
    base, _, _ = web
    assert fetch(f"{base}/gz", allow_private=True) == PAGE
    with pytest.raises(FetchError, match="decompressed"):
        fetch(f"{base}/bomb", allow_private=True)


# ------------------------------------------------------------------ feeds are untrusted input
def test_a_feed_entry_cannot_point_rasd_at_an_internal_service(web, fake_dns, loopback_is_public, tmp_path):
    from rasd.sources import Item, iter_source

    base, port, seen = web
    table, _ = fake_dns
    table["intranet.test"] = ["10.0.0.5"]
    feed = (f"<?xml version='1.0'?><rss version='2.0'><channel><title>t</title>"
            f"<item><title>a</title><link>http://intranet.test:{port}/admin</link><description>قصف على حلب</description>"
            f"<guid>1</guid></item>"
            f"<item><title>b</title><link>{base}/to?http://127.0.0.2:{port}/admin</link><description>قصف على إدلب</description>"
            f"<guid>2</guid></item></channel></rss>")
    (tmp_path / "feed.xml").write_text(feed, encoding="utf-8")
    items = list(iter_source(str(tmp_path / "feed.xml")))
    assert len(items) == 2 and all(isinstance(i, Item) and i.doc.meta.get("partial") for i in items)  # the summaries, not the pages
    assert "/admin" not in seen


# ------------------------------------------------------------------ the same over TLS
@pytest.fixture
def tls_web(tmp_path, monkeypatch):
    import shutil
    import ssl
    import subprocess

    if not shutil.which("openssl"):
        pytest.skip("no openssl to make a test certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(cert),
                    "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
                   check=True, capture_output=True)
    srv = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    srv.daemon_threads = True
    sctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    sctx.load_cert_chain(cert, key)
    srv.socket = sctx.wrap_socket(srv.socket, server_side=True)
    th = threading.Thread(target=srv.serve_forever, daemon=True)
    th.start()
    real = ssl.create_default_context
    yield f"https://127.0.0.1:{srv.server_port}", lambda: monkeypatch.setattr(
        F.ssl, "create_default_context", lambda: real(cafile=str(cert)))
    srv.shutdown()
    srv.server_close()


def test_tls_verifies_certificates_and_keeps_the_deadline(tls_web):
    base, trust = tls_web
    with pytest.raises(FetchError, match="cannot fetch"):
        fetch(f"{base}/page", allow_private=True)  # self-signed: refused
    trust()
    assert fetch(f"{base}/page", allow_private=True) == PAGE
    with pytest.raises(FetchError, match="within 1 s"):
        fetch_page(f"{base}/trickle", allow_private=True, deadline=1.0)
