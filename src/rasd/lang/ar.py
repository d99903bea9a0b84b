"""Arabic, in one place: the letter tables of the matching form, the grammar-word sets the rules key
on (from data/lexicon/grammar.tsv), the calendar and number words (calendar.tsv, numbers.tsv, each
read once), and the date patterns. The only module whose code holds Arabic letters (a test checks);
every word list an analyst may extend is a data file, not a literal here.
"""

from __future__ import annotations

import unicodedata

from functools import lru_cache

from rasd.datafiles import data_path, read_tsv

# Characters dropped in the matching form (zero-width in meaning): harakat, tanwin, shadda, sukun,
# superscript alef, Quranic marks, tatweel, bidi/zero-width controls, and quotation marks (names are
# quoted in the middle of phrases: تنظيم "داعش"، لـ"الحشد الشعبي").
DROPPED_CHARS: tuple[str, ...] = tuple(
    [chr(c) for c in range(0x064B, 0x0660)]
    + ["\u0670", "\u0640", "\u06D6", "\u06D7", "\u06D8", "\u06D9", "\u06DA", "\u06DB", "\u06DC"]
    + ["\u200B", "\u200C", "\u200D", "\u200E", "\u200F", "\u061C", "\u2066", "\u2067", "\u2068",
       "\u2069", "\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\ufeff"]
    + ['"', "“", "”", "„", "«", "»", "‘", "’", "'", "`", "´"]
)

# One-to-one letter unification: hamza seats, alef maqsura, ta marbuta, Persian letters, digits.
LETTER_MAP: dict[str, str] = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ی": "ي", "ې": "ي", "ێ": "ي", "ئ": "ي",
    "ة": "ه", "ۀ": "ه", "ہ": "ه", "ھ": "ه", "ە": "ه",
    "ؤ": "و", "ۆ": "و",
    "ک": "ك", "ڪ": "ك", "گ": "ك", "ڨ": "ق", "ڤ": "ف",  # (ڨ: the Maghrebi g, الڨصرين)
    "٠": "0", "١": "1", "٢": "2", "٣": "3", "٤": "4", "٥": "5", "٦": "6", "٧": "7", "٨": "8", "٩": "9",
    "۰": "0", "۱": "1", "۲": "2", "۳": "3", "۴": "4", "۵": "5", "۶": "6", "۷": "7", "۸": "8", "۹": "9",
    "٫": ".", "٬": ",", "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\t": " ",
    "–": "-", "—": "-", "‒": "-", "−": "-",
}
# The hamza on a ya seat before waw is the Egyptian spelling of the one on a waw seat (مسئولية = مسؤولية، شئون =
# شؤون): the pair reads as the other spelling (one letter for one, so offsets hold).
HAMZA_SEATS: dict[str, str] = {"ئو": "ؤو"}
HASHTAG_JOINER = "_"  # hashtags join their words with underscores (#ذي_قار): words again, once broken words are mended
# Arabic presentation forms (ﺕﻅﺍﻩﺭ: text copied from PDFs and old pages) are their letters, one to one; the
# lam-alef ligatures (ﻻ) are two letters each (normalize maps both back to the one original character).
_PRESENTATION = [*range(0xFB50, 0xFE00), *range(0xFE70, 0xFEFF)]
LETTER_MAP.update({chr(cp): LETTER_MAP.get(base, base) for cp in _PRESENTATION
                   if len(base := unicodedata.normalize("NFKC", chr(cp))) == 1 and "\u0600" <= base <= "\u06ff"})
LIGATURES: dict[str, str] = {chr(cp): "".join(LETTER_MAP.get(c, c) for c in pair) for cp in _PRESENTATION
                             if len(pair := unicodedata.normalize("NFKC", chr(cp))) == 2
                             and all("\u0600" <= c <= "\u06ff" for c in pair)}

# Punctuation put inside a word, next to a tatweel, to dodge filters (مقـ.ـتل، قـ*ـصف): dropped with it.
TATWEEL = "\u0640"
# typing slips dropped from the matching form: the second and later spaces of a run (نزاع  عشائري) and a stop
# typed before a comma (البصرة.، الى مقتل)
TYPING_SLIP = r"(?<=[^\s] ) +(?=[^\s])|\.(?=[،,])"
WORD_BREAKERS = ".·•*_-"

# Letters of Persian, Kurdish, Urdu and Pashto spellings that Arabic press never uses.
NON_ARABIC_LETTERS = "پچژگڤۆێەڕڵۇۋٹڈڑںےۓېۍڭ"

# Sentence ends and the article, in matching form.
SENTENCE_END = r"(?<!\d)[.](?![\da-z])|[؟?!؛;]|\n+"  # (not the dot of a web address: sudanjem.net)
SEMICOLONS = frozenset("؛;")
FULL_STOPS = frozenset(".!؟?")  # marks that end a sentence line (a page line ending so is prose, no linked headline)
# Datelines without a date: "بغداد (أ ف ب) -", "طهران ، إيران (أ ف ب) –", "كييف/ …" (the reporter's city, its
# country after a comma, an agency), and "رام الله وطن للأنباء:" (the city, then the outlet reporting from it).
# a line of a list of links: a bullet, then a headline without a sentence's final stop ("- محتجون يضرمون …")
LINK_LINE = r"[ \t]*[-–•*■►◄][ \t]+[^\n]*[^.!؟?:\s][ \t]*$"
UNDATED_DATELINE = (r"\s*(?P<place>[^\s()\-–—:،,/]+(?:\s+[^\s()\-–—:،,/]+){0,2})\s*"
                    r"(?:[،,]\s*[^\s()\-–—:،,/]+(?:\s+[^\s()\-–—:،,/]+){0,2}\s*)?(?:\([^)\n]{1,40}\)\s*)?[-–—:/]")
OUTLET_DATELINE = r"\s*(?P<place>[^\s():،,]+(?:\s+[^\s():،,]+)?)(?P<outlet>(?:\s+[^\s():،,]+){1,3}?)\s*:"
ARTICLE = "ال"
ACCUSATIVE_ALEF = "ا"  # تفجيرًا، انتحاريًا: the indefinite accusative ending (its tanween is dropped by normalization)
SENTENCE_FINAL = ".!?؟"  # a line ending in one of these is a sentence, not a headline
TRAILING_COMMAS = "،, "  # stray commas a page leaves after a full stop ("… بقطاع غزة.،")

# Date patterns (matching form). Placeholders are filled with alternations of calendar.tsv words:
# {months} {hmonths} {ords} {wds} {past} {next} {hera} {anaphora} {next_day} {relative} {week}
# {month_rel} {ago_units} {number_words}; {B}/{E} are word boundaries and {dp} an optional day part. A Gregorian
# year may carry its era letter glued on ("2025م").
DAYPART = r"(?:(?:[وف]?(?:{dayparts}))\s+(?:من\s+)?(?:يوم\s+)?)?"
DATE_PATTERNS: dict[str, str] = {
    "hijri": r"{B}(?P<day>\d{{1,2}})\s+(?:من\s+)?(?:شهر\s+)?(?P<hmonth>{hmonths}){E}(?:\s+(?:سنه\s+|عام\s+)?"
             r"(?P<year>1[34]\d\d))?(?:\s*(?:{hera}){E})?",
    "absolute": r"{B}{dp}(?:[وف]?(?:{wds})\s*[،,]?\s*(?:الموافق\s+)?)?(?:[وفب]?(?:ال(?=\d))?)(?P<day>\d{{1,2}}|(?:[وف]?(?:{ords})))\s*(?:من\s+)?"
                r"(?:شهر\s+)?(?P<month>{months}){E}(?:\s*[/(-]\s*(?:{months})\s*\)?)?"
                r"(?:\s*[,،]?\s*(?:من\s+)?(?:عام\s+|سنه\s+|العام\s+|لعام\s+|لسنه\s+)?(?P<year>(?:19|20)\d\d)م?{E})?",
    "numeric": r"(?<![\d/.])(?P<day>\d{{1,2}})\s*[/.]\s*(?P<month>\d{{1,2}})\s*[/.]\s*(?P<year>(?:19|20)\d\d)(?![\d/])",
    "iso": r"(?<![\d-])(?P<year>(?:19|20)\d\d)-(?P<month>\d{{1,2}})-(?P<day>\d{{1,2}})(?![\d-])",
    "month": r"{B}(?P<ctx>(?:[وف]?(?:في|منذ|خلال|مطلع|اوائل|اواخر|منتصف|نهايه|بدايه|حتي|شهر)\s+)+)?(?:شهر\s+)?"
             r"(?P<month>{months}){E}(?:\s*/\s*(?P<month2>{months}){E})?(?:\s+(?:من\s+)?(?:عام\s+|العام\s+)?"
             r"(?P<year>(?:19|20)\d\d)م?{E}|\s+(?P<past>{past}){E})?",
    "weekday": r"{B}{dp}(?:[وف]?(?:يوم|نهار)\s+)?[وفب]?(?P<wd>{wds}){E}(?:\s+(?P<past>{past}){E}|\s+(?P<next>{next}){E})?",
    "anaphora": r"{B}{dp}(?:[وفب]?(?:في\s+)?)(?:{anaphora}){E}",
    "next_day": r"{B}{dp}(?:[وفب]?(?:في\s+)?)(?P<nd>{next_day}){E}",
    "relative": r"{B}{dp}[وفب]?(?P<rel>{relative}){E}",
    "week": r"{B}[وفب]?(?:خلال\s+|في\s+)?(?P<week>{week}){E}",
    "month_rel": r"{B}[وفب]?(?:خلال\s+|في\s+)?(?P<mrel>{month_rel}){E}",
    "holiday": r"{B}{dp}[وفب]?(?:في\s+)?(?P<holiday>{holidays}){E}",
    "ago": r"{B}[وف]?قبل\s+(?:(?P<n>\d{{1,2}}|{number_words})\s+)?(?P<unit>{ago_units}){E}",
    "month_day": r"{B}[وفب]?(?P<day>\d{{1,2}}|(?:{ords}))\s+من\s+(?P<which>الشهر\s+(?:الجاري|الحالي)|هذا\s+الشهر|"
                 r"الشهر\s+(?:{past})){E}",
}
# Words too common to anchor a date search on their own.
DATE_ANCHOR_SKIP = ("من", "في")


@lru_cache(maxsize=1)
def _grammar() -> dict[str, frozenset[str]]:
    from rasd.text.normalize import norm  # the matching form is built from the tables above

    sets: dict[str, set[str]] = {}
    for r in read_tsv(data_path("lexicon/grammar.tsv")):
        sets.setdefault(r["set"], set()).add(norm(r["form"]))
    return {k: frozenset(v) for k, v in sets.items()}


def words(name: str) -> frozenset[str]:
    """A grammar-word set of data/lexicon/grammar.tsv, in matching form (KeyError: no such set)."""
    return _grammar()[name]


def raw_words(name: str) -> list[str]:
    """A grammar-word set as written in the file (for building lexicon phrases), in file order."""
    return list(_raw_words(name))


@lru_cache(maxsize=None)
def _raw_words(name: str) -> tuple[str, ...]:
    return tuple(r["form"] for r in read_tsv(data_path("lexicon/grammar.tsv")) if r["set"] == name)


@lru_cache(maxsize=1)
def calendar_words() -> dict[str, list[tuple[str, str]]]:
    """calendar.tsv by kind: (matching form, value) pairs, read once for the date finder and the
    lexicon alike."""
    from rasd.text.normalize import norm

    out: dict[str, list[tuple[str, str]]] = {}
    for r in read_tsv(data_path("lexicon/calendar.tsv")):
        out.setdefault(r["kind"], []).append((norm(r["form"]), r["value"]))
    return out


def without_proclitics(word: str, *clitic_sets: str) -> str:
    """The word without one glued letter of each named clitic set, in order ("وبمدخل" → "مدخل" for and_clitic then
    preposition_clitic); a letter is dropped only when a word of two letters or more remains."""
    for name in clitic_sets:
        if len(word) > 2 and word[:1] in words(name):
            word = word[1:]
    return word


def has_word(name: str, word: str, *clitic_sets: str) -> bool:
    """Is the word, as written or without its glued clitics, one of the set's (بوابة as written; وبمدخل as مدخل)?"""
    return word in words(name) or without_proclitics(word, *clitic_sets) in words(name)


def plural_noun(word: str) -> bool:
    """A sound feminine plural (هجمات، غارات) or a broken one (أعمال عنف، حوادث): many events, not one."""
    return word.endswith(tuple(words("plural_suffix"))) or word in words("broken_plural_noun")


def several_noun(word: str) -> bool:
    """A plural or a dual (الانفجارين، تفجيران): more than the one event told."""
    return plural_noun(word) or word.endswith(tuple(words("dual_suffix")))


@lru_cache(maxsize=1)
def time_unit_words() -> frozenset[str]:
    """Units of time and month names (calendar.tsv): a number before one is a length of time, not a count."""
    words = calendar_words()
    return frozenset(f for kind in ("ago_unit", "month") for f, _ in words.get(kind, []))


@lru_cache(maxsize=1)
def number_words() -> dict[str, tuple[int, str]]:
    """numbers.tsv: matching form -> (value, kind), read once."""
    from rasd.text.normalize import norm

    return {norm(r["form"]): (int(r["value"]), r["kind"]) for r in read_tsv(data_path("lexicon/numbers.tsv"))}
