"""Documents: one immutable text per article, with what is known of where it came from.

Offsets always index the text *as published* (after decoding), never a normalized copy, so that a
user can slice `document.text[span.start:span.end]` and see exactly the evidence.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from rasd.lang import ar
from rasd.text.normalize import normalize_for_id


@dataclass(slots=True)
class Document:
    """An article: its text as published plus what we know about where it came from."""

    text: str
    input: str
    title: str = ""
    body_start: int = 0  # offset where the body begins (after the title line)
    published: date | None = None
    published_source: str = "unknown"  # "given", "dateline", "metadata" or "unknown"
    outlet: str | None = None
    url: str | None = None
    language: str = "ar"
    meta: dict[str, object] = field(default_factory=dict)
    _doc_id: str | None = None

    def learn(self, doc_id: str, dateline_date: date | None) -> None:
        """Record what extraction read: the id (saves normalizing the text again) and, when the
        document had no date, the dateline's date (the store keeps it as the publication date)."""
        self._doc_id = self._doc_id or doc_id
        if self.published is None and dateline_date is not None:
            self.published, self.published_source = dateline_date, "dateline"

    @property
    def doc_id(self) -> str:
        if self._doc_id is None:
            self._doc_id = document_id(self.text)
        return self._doc_id


def document_id(text: str) -> str:
    """Stable id: a hash of the normalized text, so re-encodings and diacritics don't split an article."""
    return hashlib.sha256(normalize_for_id(text).encode("utf-8")).hexdigest()[:16]


def id_of_normalized(ntext: str) -> str:
    """document_id of a text whose matching form is already at hand."""
    return hashlib.sha256(" ".join(ntext.split()).encode("utf-8")).hexdigest()[:16]


MAX_ARTICLE_CHARS = 1_000_000  # ~200 pages: anything longer is not one news article


class InputError(Exception):
    """An input that cannot be read as an article; the message names the input."""


def from_text(text: str, input_name: str, published: date | None = None) -> Document:
    """Title line, then body; leading blank lines are skipped."""
    if not text.strip():
        raise InputError(f"{input_name}: empty input (no text)")
    if len(text) > MAX_ARTICLE_CHARS:
        raise InputError(f"{input_name}: {len(text):,} characters, more than one article can be "
                         f"({MAX_ARTICLE_CHARS:,}); split it or use rasd batch")
    stripped = len(text) - len(text.lstrip())
    first_nl = text.find("\n", stripped)
    if first_nl == -1:
        title, body_start = "", stripped
    elif is_body_line(text[stripped:first_nl]):
        title, body_start = "", stripped  # no headline: the first line is already the body
    else:
        title = text[stripped:first_nl].strip()
        body_start = first_nl + 1
        second_nl = text.find("\n", body_start)
        if _dated_noise(title) and second_nl != -1 and text[body_start:second_nl].strip() and \
                not is_body_line(text[body_start:second_nl]):
            # "مأرب اليوم – متابعات – السبت 29 نوفمبر 2025" above the headline: the headline is the next line
            title, body_start = text[stripped:second_nl].strip(), second_nl + 1
    doc = Document(text=text, input=input_name, title=title, body_start=body_start)
    if published is not None:
        doc.published, doc.published_source = published, "given"
    return doc


TITLE_MAX_WORDS = 25  # a longer first line is a lede, not a headline


_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
NOISE_MAX_WORDS = 12


def _dated_noise(line: str) -> bool:
    """A short first line that carries a year and no sentence: an outlet's date line, not a headline."""
    return bool(_YEAR.search(line)) and len(line.split()) <= NOISE_MAX_WORDS and line.strip()[-1:] not in ar.SENTENCE_FINAL


def is_body_line(line: str) -> bool:
    """A first line that is a full sentence (ends like one) or too long for a headline is body: pages
    saved without their headline must lose nothing (headlines only restate events)."""
    line = line.strip().rstrip(ar.TRAILING_COMMAS)  # "… بقطاع غزة.،": a stray comma after the full stop
    return bool(line) and (line[-1] in ar.SENTENCE_FINAL or len(line.split()) > TITLE_MAX_WORDS)


def read_text_file(path: str, published: date | None = None) -> Document:
    """Read a UTF-8 article file; raise InputError with a one-line reason naming the file."""
    p = Path(path)
    try:
        if p.is_file() and p.stat().st_size > 4 * MAX_ARTICLE_CHARS:
            raise InputError(f"{path}: {p.stat().st_size:,} bytes, more than one article can be")
        raw = p.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    text = decode_bytes(raw, path)
    return from_text(text, path, published)


def decode_bytes(raw: bytes, name: str) -> str:
    """Decode UTF-8 (with or without BOM) or BOM-marked UTF-16; refuse binaries with a clear reason."""
    if not raw.strip():
        raise InputError(f"{name}: empty input (no text)")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(f"{name}: not valid UTF-16 despite its byte-order mark") from None
    if b"\x00" in raw[:4096]:
        raise InputError(f"{name}: binary data, not a text article")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not UTF-8 text (bad byte at offset {exc.start})") from None
