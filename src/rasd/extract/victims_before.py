"""The victims a casualty verb names before itself: "تسعة أشخاص (على الأقل) قتلوا", "جنديان أصيبا", "تسعة
مدنيين، بينهم نساء، سقطوا أمس ضحية القصف". Reads the article's tokens and mentions; fills nothing."""

from __future__ import annotations

from rasd.doc import ArticleDoc, Mention, PersonMention
from rasd.extract.victims import count_after_other_toll, group_before, past_particle
from rasd.lang import ar
from rasd.resolve.actors import plural_verb
from rasd.text.numbers import read_count


def vague_word(word: str, vague: set[str]) -> bool:
    """عدة، العديد: a vague count, with or without the article."""
    return word in vague or word.removeprefix(ar.ARTICLE) in vague


AMONG_REACH = 4  # words of an "among them" insert between the victims and their verb


VICTIM_WORD_REACH = 4  # tokens from سقطوا to its "ضحية" (a day between: "سقطوا يوم أمس ضحية")


def victim_word_follows(an: ArticleDoc, j: int) -> bool:
    """Is the idiom's word of the dead ("ضحية") the first word after the verb, days aside?"""
    for k in range(j, min(j + VICTIM_WORD_REACH, len(an.tokens))):
        if an.in_time(k) or (k + 1 < len(an.tokens) and an.in_time(k + 1)):
            continue  # (and the word that heads a day: "يوم أمس")
        return an.tokens[k].text in ar.words("victim_idiom")
    return False


def victims_before(an: ArticleDoc, m: Mention, first_t: int, numbers: dict, vague: set[str],
                    used: set[int]) -> tuple[int, tuple[int, int], PersonMention] | None:
    """The victims named before the verb: "تسعة أشخاص (على الأقل) قتلوا", "جنديان أصيبا"."""
    toks = an.tokens
    k = past_particle(an, an.token_index(m.start) - 1, first_t)  # (وكان أربعة جنود قد قتلوا)
    among = ar.words("among_them")
    # "12 شخصا بينهم إمام المسجد قتلوا": the victims of a verb in the plural stand before the "among them" insert
    if plural_verb(an.word(m)):
        k = next((j - 1 for j in range(k, max(first_t, k - AMONG_REACH) - 1, -1) if toks[j].text in among), k)
    if k - 3 >= first_t and toks[k - 1].text in ar.words("partitive") and toks[k - 2].text[:1] in ar.words("and_clitic") \
            and vague_word(toks[k - 2].text[1:], vague | ar.words("vague_plural")):
        k -= 3  # "تسعة مدنيين وأعداد من الجرحى سقطوا": the counted victims before a vague group joined to them
    bounds = an.cues(toks[max(first_t, k - 2)].start if k >= first_t else m.start, m.start, "lower_bound")
    if bounds:
        k = an.token_index(bounds[0].start) - 1
    if k - 1 >= first_t and an.at_token("nisba", k) is not None and an.at_token("person", k - 1) is not None:
        k -= 1  # "أربعة جنود عراقيين قتلوا": the victims' nationality before the verb
    elif k - 2 >= first_t and toks[k - 1].text in ar.words("partitive") and an.at_token("person", k - 2) is not None \
            and an.at_token("person", k) is None and (an.at_token("force", k) or an.at_token("actor", k)):
        k -= 2  # "ثلاثة عناصر من الشرطة قتلوا": the victims, then the force they belong to
    person = an.at_token("person", k) if k >= first_t else None
    if person is None and plural_verb(an.word(m)) and (other := count_after_other_toll(an, k, first_t, numbers, vague)):
        return other[0], (toks[k].start, m.end), other[1]
    if person is None and k - 1 >= first_t and an.at_token("person", k - 1) is not None:
        # "شخصا واحدا (على الأقل) قتل": the noun's number after it
        after = read_count(toks, k, numbers, vague)
        if after and after.value is not None and not after.vague and after.last == k:
            return after.value, (toks[k - 1].start, m.end), an.at_token("person", k - 1)
    if person is None or among_them(an, an.token_index(person.start), first_t):
        return None
    pi = an.token_index(person.start)  # "10 من جنوده قتلوا": the number counts the victims through "of"
    pi -= pi - 2 >= first_t and toks[pi - 1].text in ar.words("partitive")
    for back in (2, 1):  # a number before the noun (12 جنديا، 15 ألف شخص) outranks the noun's own number
        ci = pi - back
        if ci < first_t or ci in used:
            continue
        c = read_count(toks, ci, numbers, vague)
        if c and c.value is not None and not c.vague and c.last == pi - 1:
            used.add(ci)
            total, first = c.value, ci
            while plural_verb(an.word(m)):
                group = group_before(an, first, first_t, numbers, vague)
                if group is None:
                    break
                total, first = total + group[0], group[1]
                used.add(first)
            return total, (toks[first].start, m.end), person
    if not person.ref.count:
        return None
    total, start = person.ref.count, person.start
    # "ضابط شرطة ومجندا قتلا": singular victims joined by "and" before the verb, each counted
    while (prev := _joined_before(an, an.token_index(start), first_t)) is not None:
        total, start = total + prev.ref.count, prev.start
    return total, (start, m.end), person


def _joined_before(an: ArticleDoc, j: int, first_t: int) -> PersonMention | None:
    """The counted person noun that token j (opening with "and") is joined to, a word of description allowed between."""
    if an.tokens[j].text[:1] not in ar.words("and_clitic"):
        return None
    for back in (1, 2):
        prev = an.at_token("person", j - back) if j - back >= first_t else None
        if prev is not None:
            return prev if isinstance(prev.ref.count, int) and prev.ref.count else None
    return None


def among_them(an: ArticleDoc, ti: int, first_t: int) -> bool:
    """"… بينهم شرطيان": the noun (or its number) follows "among them", a part of victims told before."""
    return any(an.tokens[k].text in ar.words("among_them") for k in range(max(first_t, ti - 2), ti))
