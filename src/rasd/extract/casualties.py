"""Fatalities and injuries in a clause: counts after casualty verbs and before casualty nouns, victim groups summed
across "و" (قتل تسعة عناصر … وأربعة مقاتلين = 13), "مع ستة آخرين", duals, lone singular victims (اغتيل نائب رئيس = 1),
negations (دون وقوع إصابات = 0 and 0). None when the text says nothing, 0 when it says nobody, a number otherwise
(a lower bound such as ما لا يقل عن is kept as the number, which ACLED reads as a minimum)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from rasd.doc import ArticleDoc, Mention, PersonMention
from rasd.extract.negated_harm import negators, read_negations
from rasd.extract.victims import skip_to_victims, takes_one_victim
from rasd.extract.victims_before import among_them, vague_word, victim_word_follows, victims_before
from rasd.resolve.actors import plural_verb
from rasd.lang import ar
from rasd.text.numbers import read_count

COUNTED_BEFORE = {("noun", "dead_noun"): 0, ("noun", "hurt_noun"): 0, ("masdar", "injured"): 11}  # least count ("40 إصابة")


@dataclass
class Casualties:
    fatalities: int | None = None
    injuries: int | None = None
    spans: list[tuple[int, int]] = field(default_factory=list)  # normalized evidence spans
    victim_heads: list[PersonMention] = field(default_factory=list)  # person nouns of the victims
    # each phrase on its own (kind "killed"/"injured"/"zero_fatalities"/"zero_injuries", count, span): a clause
    # naming two places gives each place its own toll
    items: list[tuple[str, int, tuple[int, int]]] = field(default_factory=list)

    def add(self, kind: str, n: int, span: tuple[int, int]) -> None:
        if kind == "killed":
            self.fatalities = (self.fatalities or 0) + n
        else:
            self.injuries = (self.injuries or 0) + n
        self.spans.append(span)
        self.items.append((kind, n, span))

    def within(self, start: int, end: int) -> "Casualties":
        """The phrases of this clause that lie in [start, end)."""
        return self._keeping(lambda pos: start <= pos < end)

    def within_any(self, parts: list[tuple[int, int]]) -> "Casualties":
        """The phrases of this clause that lie in one of the parts."""
        return self._keeping(lambda pos: any(a <= pos < b for a, b in parts))

    def outside(self, parts: list[tuple[int, int]]) -> "Casualties":
        """The phrases of this clause outside the given parts (a motive: "احتجاجا على مقتل شاب")."""
        return self._keeping(lambda pos: not any(a <= pos < b for a, b in parts))

    def _keeping(self, keep: Callable[[int], bool]) -> "Casualties":
        out = Casualties(victim_heads=[h for h in self.victim_heads if keep(h.start)])
        for kind, n, span in self.items:
            if keep(span[0]):
                if kind in ("killed", "injured"):
                    out.add(kind, n, span)
                else:
                    out.items.append((kind, n, span))
                    out.spans.append(span)
                    out.fatalities = 0 if kind == "zero_fatalities" and out.fatalities is None else out.fatalities
                    out.injuries = 0 if kind == "zero_injuries" and out.injuries is None else out.injuries
        return out


def read_casualties(an: ArticleDoc, start: int, end: int, vague: set[str], numbers: dict) -> Casualties:
    out = Casualties()
    toks = an.tokens
    first_t, last_t = an.token_index(start), an.token_index(end)
    used_counts: set[int] = set()
    joined: set[int] = set()
    for m in an.in_range("casualty", start, end):
        kind_raw, pattern = m.ref.kind, m.ref.pattern
        if pattern == "noun" or m.start in joined or _no_harm_counted(an, m):
            continue
        partner = _joined_other_kind(an, m)
        if partner is not None and (pattern == "masdar"
                                    or victims_before(an, m, first_t, numbers, vague, set()) is None):
            joined.add(partner.start)  # "مقتل وإصابة 12": one toll of both kinds, neither alone
            continue
        kind = "killed" if kind_raw == "killed" else "injured"
        if pattern == "masdar" and _casualty_next(an, m):
            continue  # "سقوط قتيلين"، "سقوط جريحين": the word after the masdar says who and how many
        if pattern == "idiom_verb" and not an.cues(start, end, "death_idiom"):
            continue  # لقي alone is "met"; with حتفه/مصرعهم it is death
        if pattern in ("one", "two"):
            _pronoun_toll(an, m, kind, start, vague, numbers, out, used_counts)
            continue
        j = an.token_index(m.end)
        if pattern == "idiom_verb" and victim_word_follows(an, j):
            # "تسعة مدنيين سقطوا أمس ضحية القصف": the dead stand before the verb, "ضحية" after it is the idiom's
            _add_victims_before(out, kind, victims_before(an, m, first_t, numbers, vague, used_counts))
            continue
        total, seen, j_end = _read_groups(an, j, last_t, vague, numbers, out, used_counts, singular_ok=(pattern == "verb" and not plural_verb(an.word(m))) or takes_one_victim(an, m))
        if not seen and pattern == "verb" and not _vague_after(an, j, vague) and \
                _add_victims_before(out, kind, victims_before(an, m, first_t, numbers, vague, used_counts)):
            continue
        if seen:
            out.add(kind, total, (m.start, toks[j_end].end if j_end < len(toks) else m.end))
            extra = _with_others(an, j_end + 1, last_t, numbers, vague)
            if extra:
                n, span = extra
                out.add(kind, n, span)
    # "5 قتلى و10 جرحى", "أدى لوقوع 40 إصابة": a count right before a casualty noun
    for m in an.in_range("casualty", start, end):
        if (m.ref.pattern, m.ref.kind) not in COUNTED_BEFORE:
            continue
        ti = an.token_index(m.start)
        for back in (2, 1):  # (the longer count first: "15 ألف مصاب" is 15,000, not the thousand alone)
            ci = ti - back
            if ci < first_t or ci in used_counts or an.in_time(ci) or an.comma_between(toks[ci].end, m.start):
                continue  # ("9 ديسمبر 2021، إصابة": a year, not 2,021 injuries)
            c = read_count(toks, ci, numbers, vague)
            if c and c.value is not None and c.last == ti - 1 and c.value >= COUNTED_BEFORE[m.ref.pattern, m.ref.kind]:
                used_counts.add(ci)
                if among_them(an, ci, first_t):
                    break  # "20 جريحا بينهم 3 إصابات خطيرة": a part of the wounded told before
                if _combined(an, m):
                    break  # "20 قتيلا وجريحا": killed and wounded together, neither toll
                out.add("killed" if m.ref.kind == "dead_noun" else "injured", c.value, (toks[ci].start, m.end))
                break
    read_negations(an, start, end, out)
    return out


def _add_victims_before(out: Casualties, kind: str, before: tuple[int, tuple[int, int], PersonMention] | None) -> bool:
    if before is None:
        return False
    out.add(kind, before[0], before[1])
    out.victim_heads += [before[2]] if before[2] is not None else []
    return True


def _pronoun_toll(an: ArticleDoc, m: Mention, kind: str, start: int, vague: set[str], numbers: dict, out: Casualties,
                  used_counts: set[int]) -> None:
    """مقتله، إصابتها: one victim, قتيلين، مقتلهما: two, unless the pronoun restates a count before it (مقتلهما)."""
    subject = _idiom_subject(an, m, start)
    if subject is None:  # ("قتل مسلحون الشابين …، ما أسفر عن مقتلهما": the two told; "قتل متظاهر إثر إصابته": his wound)
        if not (an.word(m).endswith(tuple(ar.words("object_pronoun"))) and any(
                k in (kind, "killed") and s[1] <= m.start for k, _, s in out.items)):
            out.add(kind, 1 if m.ref.pattern == "one" else 2, (m.start, m.end))
    elif m.ref.pattern == "one":  # "لقي 12 مدنيا مصرعه": the count between the idiom's verb and its pronoun
        total, seen, _ = _read_groups(an, subject, an.token_index(m.start), vague, numbers, out, used_counts, True)
        if seen:
            out.add(kind, total, (an.tokens[subject].start, m.end))


def _idiom_subject(an: ArticleDoc, m: Mention, start: int) -> int | None:
    """The first token of the victims between the idiom's verb and its pronoun ("لقي شخصان مصرعهما", "لقي 12 مدنيا مصرعه")."""
    mi = an.token_index(m.start)
    for c in an.in_range("casualty", max(start, m.start - 60), m.start):
        ci = an.token_index(c.start)
        if c.ref.pattern != "idiom_verb" or not 2 <= mi - ci <= 4:
            continue
        if m.ref.pattern == "two" or any(an.tokens[k].text.isdigit() or an.tokens[k].text in ar.number_words()
                                         for k in range(ci + 1, mi)):
            return ci + 1
    return None


def _casualty_next(an: ArticleDoc, m: Mention) -> bool:
    """A casualty word that names the dead or the wounded itself (a dual, قتلى، جرحى) right after `m`."""
    nxt = an.at_token("casualty", an.token_index(m.end))
    return nxt is not None and nxt.start > m.start and nxt.ref.pattern in ("two", "noun")


def _vague_after(an: ArticleDoc, j: int, vague: set[str]) -> bool:
    """"وأصيب العديد": the verb's own subject follows, a vague count; the victims before belong to another verb."""
    if (k := next((i for i in range(j, min(j + 3, len(an.tokens))) if not an.in_time(i)), None)) is None:
        return False
    c = read_count(an.tokens, k, {}, vague)
    # ("استشهد رجل وأصيب آخرون": "others", uncounted, are the verb's own subject too)
    others = an.tokens[k].text in ar.words("others_word") and (p := an.at_token("person", k)) is not None and not p.ref.count
    return vague_word(an.tokens[k].text, vague) or bool(c and c.vague) or others


ATTEMPT_REACH = 4  # tokens from "حاول" past its subject to the verbal noun of what was attempted


def _no_harm_counted(an: ArticleDoc, m: Mention) -> bool:
    """"محاولة اغتيال": an attempt on a life kills no one by itself; "لم ترد أنباء عن إصابة أحد": nor a denied harm."""
    ti = an.token_index(m.start)
    if ti > 0 and (an.tokens[ti - 1].text in ar.words("attempt_word")
                   or (m.ref.pattern == "verb" and an.tokens[ti - 1].text in ar.words("verb_negator"))):
        return True  # (nor "لم يقتل حتى 20": a denied killing)
    if m.ref.pattern != "masdar":
        return False
    attempted = any(an.tokens[k].text in ar.words("attempt_verb") for k in range(max(0, ti - ATTEMPT_REACH), ti))
    return attempted or any(0 <= ti - an.token_index(n.end) <= 4 and not an.in_range("trigger", n.end, m.start)
                            for n in negators(an, max(0, m.start - 60), m.start))  # (حاول مسلحون اغتيال …)


def _counts_a_casualty_noun(an: ArticleDoc, ti: int) -> bool:
    ti += ti + 1 < len(an.tokens) and an.tokens[ti].text in ar.words("between_word")  # (16 بين قتيل وجريح)
    m = an.at_token("casualty", ti)
    return m is not None and any(r.pattern == "noun" and r.kind in ("dead_noun", "hurt_noun") for r in m.refs)


def _joined_other_kind(an: ArticleDoc, m: Mention) -> Mention | None:
    """The casualty verb or masdar of the other kind right after this one, joined by و: "قتل وجرح"، "مقتل
    وإصابة". The number that follows counts both together (unless the victims of the first come before it:
    "ثلاثة قتلوا وأصيب 6 آخرون")."""
    j = an.token_index(m.end)
    if j >= len(an.tokens) or an.tokens[j].text[:1] not in ar.words("and_clitic"):
        return None
    other = an.at_token("casualty", j)
    if other is None or other.ref.pattern not in ("verb", "masdar"):
        return None
    if plural_verb(an.word(m)) or m.ref.pattern in ("one", "two"):
        return None  # "قتلوا وأصيب": the killed were named before their verb; "لقيا مصرعهما وأصيب": and by the word
    return other if (other.ref.kind == "killed") != (m.ref.kind == "killed") else None


def _combined(an: ArticleDoc, m: Mention) -> bool:
    """The casualty noun is joined to the other kind: قتيلا وجريحا، بين قتيل وجريح، القتلى والجرحى."""
    j = an.token_index(m.end)
    w = an.tokens[j].text if j < len(an.tokens) else ""
    return w[:1] in ar.words("and_clitic") and w[1:] in ar.words("combined_toll")


def _read_groups(an: ArticleDoc, j: int, last_t: int, vague: set[str], numbers: dict, out: Casualties,
                 used: set[int], singular_ok: bool) -> tuple[int, bool, int]:
    """Victim groups after a casualty verb: NUM? PERSON … (و NUM? PERSON …)*."""
    toks = an.tokens
    j = skip_to_victims(an, j, last_t)
    total, seen, j_end = 0, False, j
    first_group = True
    while j < last_t:
        c = read_count(toks, j, numbers, vague)
        person = an.at_token("person", j)
        if c is not None and c.vague:
            # عشرات / عدة: unknown; after a counted group ("15 شرطيا والعديد من المدنيين") the count is a floor
            return (total, True, j_end) if seen else (total, False, j)
        if c is not None and c.value is not None:
            if c.last + 1 < len(toks) and toks[c.last + 1].text in ar.time_unit_words():
                return total, seen, j  # "إصابة، خلال الـ24 ساعة": a length of time, not the wounded
            if _counts_a_casualty_noun(an, c.last + 1):
                return total, seen, j  # سقوط ثلاثة جرحى: the noun says which toll (read below)
            total += c.value
            used.add(j)
            j = c.last + 1
            head = an.at_token("person", j)
            if head is None and j + 1 < last_t and toks[j].text in ar.words("partitive"):
                head = an.at_token("person", j + 1)  # ثلاثة من رجال الأمن
            if head:
                out.victim_heads.append(head)
        elif person is not None and person.ref.count:
            total += person.ref.count
            out.victim_heads.append(person)
            j += 1
            again = read_count(toks, j, numbers, vague) if j < last_t and not toks[j].text[:1].isdigit() else None
            if again is not None and again.value == person.ref.count:
                j = again.last + 1  # شخص واحد، جنديان اثنان: the number restates the noun's own
        elif person is not None:
            after = read_count(toks, j + 1, numbers, vague) if j + 1 < last_t else None
            if after is None or after.value is None:
                return total, seen, j  # a plural with no number: unknown
            total += after.value  # مدنيين اثنين، جنود ثلاثة: the number after the noun
            used.add(j + 1)
            out.victim_heads.append(person)
            j = after.last + 1
        elif first_group and singular_ok and toks[j].text not in ar.words("casualty_stop") and not toks[j].text[:1].isdigit() \
                and not vague_word(toks[j].text, vague) and not (j + 1 < last_t and f"{toks[j].text} {toks[j + 1].text}" in vague) \
                and not an.at_token("casualty", j) and not an.at_token("trigger", j) and not an.at_token("place", j) \
                and toks[j].text not in ar.words("struck_thing") and not an.at_token("force", j):
            # a single named or titled victim: اغتيل نائب رئيس … (not "سقوط حلب", a city's fall; not "أصابت سيارة",
            # a car hit, nor "أصاب موقعا", a post)
            total += 1
            j += 1
        else:
            break
        seen, j_end, first_group = True, j - 1, False
        nxt = _next_group(an, j, last_t, numbers, vague)
        if nxt is None:
            break
        j = nxt
    return total, seen, max(j_end, 0)


def _next_group(an: ArticleDoc, j: int, last_t: int, numbers: dict, vague: set[str]) -> int | None:
    """Skip modifiers up to the next "و + count/person", stopping at a comma or another verb."""
    toks = an.tokens
    for k in range(j, min(last_t, j + 9)):
        if (k > 0 and an.comma_between(toks[k - 1].end, toks[k].start)) or an.at_token("casualty", k) or an.at_token("trigger", k) or an.in_time(k):
            return None  # (… "في اليوم الأول و27 في الثاني": the next group is another day's)
        w = toks[k].text
        if w in ar.words("among_them"):
            return None  # "7 مدنيين بينهم 4 أطفال وامرأة": the woman is one of the seven
        if w in ar.words("and_clitic") and k + 1 < last_t and (toks[k + 1].text.isdigit() or an.at_token("person", k + 1)):
            return k + 1  # "و3 مدنيين": the digits are a token of their own; "امرأة و طفل": "and" set apart
        if w[:1] in ar.words("and_clitic") and len(w) > 2 and w not in numbers and (  # (واحدة is "one", not "and …")
                read_count(toks, k, numbers, vague) is not None or an.at_token("person", k) is not None):
            return k
    return None


def _with_others(an: ArticleDoc, j: int, last_t: int, numbers: dict, vague: set[str]) -> tuple[int, tuple[int, int]] | None:
    """", مع ستة آخرين" after the main victim: more victims of the same verb."""
    toks = an.tokens
    for k in range(j, min(last_t, j + 16)):
        if toks[k].text in ar.words("with_word") and k + 1 < last_t:
            c = read_count(toks, k + 1, numbers, vague)
            if c and c.value is not None and c.last + 1 < len(toks) and any(toks[c.last + 1].text.startswith(w) for w in ar.words("others_stem")):
                return c.value, (toks[k].start, toks[c.last + 1].end)
        if an.at_token("trigger", k) or an.at_token("casualty", k):
            break
    return None
