"""Where articles come from: text files, directories, saved HTML pages, RSS/Atom feeds (files or
URLs), JSONL rows and web pages. Each source yields items, and a bad item is reported as an error
naming it without stopping the others.

HTML main text, title and outlet come from trafilatura; the publication date from the page's
structured metadata only (htmldate without its text heuristics, which read Arabic visible dates
wrongly — DESIGN.md), else rasd's own dateline parser. Feeds are parsed by feedparser; an entry
that carries only a summary has its page fetched and extracted.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Iterator
from urllib.parse import urlparse

from rasd.document import Document, InputError, decode_bytes, from_text, read_text_file
from rasd.fetch import FetchError, fetch_page
from rasd.store.sanitize import clean_text

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
FEED_SUFFIXES = {".xml", ".rss", ".atom", ".feed"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
MAX_JSONL_LINE = 8 * 1024 * 1024  # bytes: one article (1M characters) even as \u-escaped JSON
SUMMARY_ONLY_CHARS = 400  # an entry shorter than this is a teaser: read the linked page


@dataclass
class Item:
    key: str  # what makes this article the same article next time (path, URL, id)
    doc: Document


@dataclass
class ItemError:
    name: str
    message: str


def iter_source(source: str, published: date | None = None, allow_private: bool = False) -> Iterator[Item | ItemError]:
    if source.startswith(("http://", "https://")) or "://" in source:
        yield from _url_source(source, published, allow_private)
        return
    p = Path(source)
    if p.is_dir() and (p / "articles").is_dir() and (p / "records").is_dir():
        yield from batch_output_items(p)  # a `rasd batch extract` output: records come precomputed
        return
    if p.is_dir():
        for child in sorted(p.rglob("*")):
            if child.is_file() and child.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES | JSONL_SUFFIXES | {".parquet"}:
                yield from iter_source(str(child), published, allow_private)
        return
    if not p.exists():
        yield ItemError(source, "no such file or directory")
        return
    suffix = p.suffix.lower()
    try:
        if suffix in HTML_SUFFIXES:
            yield Item(str(p.resolve()), html_document(p.read_bytes(), source, published=published))
        elif suffix in FEED_SUFFIXES:
            yield from feed_items(p.read_bytes(), source, published, allow_private)
        elif suffix in JSONL_SUFFIXES:
            yield from jsonl_items(p, published)
        elif suffix == ".parquet":
            yield from parquet_items(p, published)
        else:
            doc = read_text_file(source, published)
            if clean_text(doc.text) != doc.text:  # NUL or lone surrogates: replaced before anything reads it
                doc = _clean_doc(doc, published)
            yield Item(str(p.resolve()), doc)
    except InputError as exc:
        yield ItemError(source, str(exc).split(": ", 1)[-1])
    except OSError as exc:
        yield ItemError(source, f"cannot read ({exc.strerror})")
    except Exception as exc:  # a parser's surprise is this item's error, never the batch's
        yield ItemError(source, f"unreadable ({type(exc).__name__}: {exc})")


def _clean_doc(doc: Document, published: date | None) -> Document:
    new = from_text(clean_text(doc.text), doc.input, published)
    new.outlet, new.url = doc.outlet, doc.url
    return new


def url_items(url: str, published: date | None = None, allow_private: bool = False) -> Iterator[Item | ItemError]:
    """A web page or feed at an http(s) URL, never anything else (the API's entry point)."""
    if not isinstance(url, str) or not url.lower().startswith(("http://", "https://")):
        yield ItemError(str(url)[:200], "only http and https URLs are fetched")
        return
    yield from _url_source(url, published, allow_private)


def html_document(raw: bytes, name: str, url: str | None = None, published: date | None = None) -> Document:
    import trafilatura

    html = decode_bytes(raw, name) if isinstance(raw, bytes) else raw
    try:
        data = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                           include_tables=False, favor_precision=True)
    except (RecursionError, ValueError, TypeError) as exc:  # pathological markup (e.g. 100k nested tags)
        raise InputError(f"{name}: unreadable HTML ({type(exc).__name__})") from None
    if data is None:
        raise InputError(f"{name}: no article text found in the HTML page")
    if not isinstance(data, dict):
        data = data.as_dict()
    body = (data.get("text") or "").strip()
    if not body:
        raise InputError(f"{name}: no article text found in the HTML page")
    title = (data.get("title") or "").strip()
    text = f"{title}\n\n{body}\n" if title else f"\n{body}\n"
    doc = from_text(clean_text(text), name, published)
    doc.outlet = data.get("sitename") or data.get("hostname") or (urlparse(url).hostname if url else None)
    doc.url = url or data.get("url")
    if published is None:
        meta_date = _meta_date(html)
        if meta_date:
            doc.published, doc.published_source = meta_date, "metadata"
    return doc


def _meta_date(html: str) -> date | None:
    try:
        from htmldate import find_date

        found = find_date(html, extensive_search=False, original_date=True, outputformat="%Y-%m-%d")
    except Exception:  # htmldate raises on odd markup; the dateline parser is the fallback
        return None
    return date.fromisoformat(found) if found else None


def feed_items(raw: bytes, name: str, published: date | None, allow_private: bool) -> Iterator[Item | ItemError]:
    import feedparser

    parsed = feedparser.parse(raw)
    if parsed.bozo and not parsed.entries:
        yield ItemError(name, f"not a readable RSS/Atom feed ({type(parsed.bozo_exception).__name__})")
        return
    outlet = (parsed.feed.get("title") or None) if parsed.get("feed") else None
    for i, e in enumerate(parsed.entries):
        link = e.get("link")
        key = e.get("id") or link or f"{name}#{i}"
        label = f"{name} entry {i + 1}" + (f" ({link})" if link else "")
        title = (e.get("title") or "").strip()
        content = ""
        if e.get("content"):
            content = " ".join(c.get("value", "") for c in e["content"])
        summary = e.get("summary") or ""
        html_body = content or summary
        entry_date = published or _entry_date(e)
        try:
            body = _html_to_text(html_body)
            if len(body) < SUMMARY_ONLY_CHARS and link and link.startswith(("http://", "https://")):
                try:
                    page = fetch_page(link, allow_private=allow_private)
                    doc = html_document(page.body, label, url=link, published=entry_date)
                    doc.outlet = doc.outlet or outlet
                    yield Item(key, doc)
                    continue
                except (FetchError, InputError):
                    pass  # the summary is better than nothing
            if not body.strip():
                yield ItemError(label, "entry has no text")
                continue
            doc = from_text(clean_text(f"{title}\n\n{body}\n"), label, entry_date)
            doc.outlet, doc.url = outlet, link if isinstance(link, str) else None
            if len(body) < SUMMARY_ONLY_CHARS and link:
                doc.meta["partial"] = True  # only the teaser: never replaces a full copy already stored
            yield Item(key, doc)
        except InputError as exc:
            yield ItemError(label, str(exc).split(": ", 1)[-1])


def _entry_date(e: dict) -> date | None:
    for k in ("published_parsed", "updated_parsed"):
        t = e.get(k)
        if t:
            return date(t.tm_year, t.tm_mon, t.tm_mday)
    return None


def _html_to_text(fragment: str) -> str:
    if "<" not in fragment:
        return fragment.strip()
    import lxml.html

    try:
        tree = lxml.html.fromstring(f"<div>{fragment}</div>")
    except Exception:
        return ""
    for bad in tree.xpath("//script|//style"):
        bad.drop_tree()
    return "\n".join(t.strip() for t in tree.itertext() if t.strip())


def jsonl_items(path: Path, published: date | None) -> Iterator[Item | ItemError]:
    """Rows with `text` and optional `title`, `url`, `published`, `source` (outlet), `id`. Each line is
    read with a size cap: a line over MAX_JSONL_LINE bytes is skipped (named `file:line`) without
    being held in memory, and the rest of the file is read."""
    with path.open("rb") as fh:
        lineno = 0
        while True:
            line = fh.readline(MAX_JSONL_LINE + 1)
            if not line:
                return
            lineno += 1
            name = f"{path}:{lineno}"
            if len(line) > MAX_JSONL_LINE and not line.endswith(b"\n"):
                size = len(line)
                while True:  # skip the rest of the line, a block at a time
                    more = fh.readline(1024 * 1024)
                    size += len(more)
                    if not more or more.endswith(b"\n"):
                        break
                yield ItemError(name, f"line of {size:,} bytes, more than {MAX_JSONL_LINE:,}; skipped")
                continue
            if not line.strip():
                continue
            try:
                row = json.loads(line.decode("utf-8"))
            except UnicodeDecodeError as exc:
                yield ItemError(name, f"not UTF-8 text (bad byte at offset {exc.start})")
                continue
            except json.JSONDecodeError as exc:
                yield ItemError(name, f"not a JSON object ({exc.msg})")
                continue
            except RecursionError:
                yield ItemError(name, "not a JSON object (nested too deeply)")
                continue
            yield row_item(row, name, published, default_key=f"{path.resolve()}#{lineno}")


def row_item(row: object, name: str, published: date | None, default_key: str) -> Item | ItemError:
    if not isinstance(row, dict):
        return ItemError(name, "not a JSON object")
    text = row.get("text")
    if not isinstance(text, str) or not text.strip():
        return ItemError(name, "row has no `text`")
    title = _str(row.get("title")).strip()
    full = f"{title}\n\n{text}" if title else f"\n{text}"
    pub = published
    if pub is None and row.get("published"):
        pub = _parse_date(_str(row["published"]))
    try:
        doc = from_text(clean_text(full), name, pub)
    except InputError as exc:  # this row's error, never the file's
        return ItemError(name, str(exc).split(": ", 1)[-1])
    doc.url = _str(row.get("url")) or None
    doc.outlet = _str(row.get("source") or row.get("outlet")) or None
    key = _str(row.get("id") or row.get("url")) or default_key
    return Item(key, doc)


def _str(v: object) -> str:
    """A row's scalar field as text; lists and objects are not names."""
    if v is None or isinstance(v, (dict, list, bool)):
        return ""
    return clean_text(str(v))


def batch_output_items(path: Path) -> Iterator[Item | ItemError]:
    """Articles and records written by `rasd batch extract`, loaded without extracting again."""
    try:
        import pyarrow.dataset as ds
    except ImportError:
        yield ItemError(str(path), "reading Parquet needs pyarrow (pip install pyarrow)")
        return
    recs: dict[str, list[dict]] = {}
    for row in ds.dataset(path / "records", format="parquet", partitioning="hive").to_table(columns=["article_key", "record"]).to_pylist():
        recs.setdefault(row["article_key"], []).append(json.loads(row["record"]))
    for a in ds.dataset(path / "articles", format="parquet").to_table().to_pylist():
        if a.get("error"):
            yield ItemError(f"{path}:{a['article_key']}", a["error"])
            continue
        doc = from_text(a["text"], a["article_key"], date.fromisoformat(a["published"]) if a.get("published") else None)
        if a.get("published"):
            doc.published_source = "dateline"
        doc.outlet, doc.url = a.get("outlet"), a.get("url")
        doc.meta["records"] = recs.get(a["article_key"], [])
        yield Item(a["article_key"], doc)


def parquet_items(path: Path, published: date | None) -> Iterator[Item | ItemError]:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        yield ItemError(str(path), "reading Parquet needs pyarrow (pip install pyarrow)")
        return
    table = pq.read_table(path)
    for i, row in enumerate(table.to_pylist()):
        yield row_item(row, f"{path}[{i}]", published, default_key=f"{path.resolve()}#{i}")


def _parse_date(s: str) -> date | None:
    try:
        return datetime.fromisoformat(s.replace("Z", "+00:00")).date()
    except ValueError:
        try:
            return date.fromisoformat(s[:10])
        except ValueError:
            return None


# ------------------------------------------------------------------ URLs (fetched by rasd.fetch)
def _url_source(url: str, published: date | None, allow_private: bool) -> Iterator[Item | ItemError]:
    try:
        page = fetch_page(url, allow_private=allow_private)
    except FetchError as exc:
        yield ItemError(url[:200], str(exc).split(": ", 1)[-1])
        return
    data = page.body
    head = data[:2048].lstrip().lower()
    if head.startswith(b"<?xml") or b"<rss" in head or b"<feed" in head:
        yield from feed_items(data, url, published, allow_private)
        return
    try:
        yield Item(url, html_document(data, url, url=page.url, published=published))
    except InputError as exc:
        yield ItemError(url, str(exc).split(": ", 1)[-1])
