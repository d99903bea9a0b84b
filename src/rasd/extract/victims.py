"""Where the victims of a casualty verb start: past the verb's subject (قتلت القوات الإسرائيلية ثلاثة،
قتل مسلحون 12 مدنيا), a phrase naming the event (وقتل في الاشتباكات 21، قتل إثرها 21), a time
expression and a bound (ما لا يقل عن). Reads the article's tokens and mentions; fills nothing."""

from __future__ import annotations

from rasd.doc import ArticleDoc, Mention
from rasd.lang import ar
from rasd.resolve.actors import object_at
from rasd.text.normalize import norm
from rasd.text.numbers import read_count


SUBJECT_TOKENS = 6  # a verb's subject before its victims: قتلت طائرة مسيرة تابعة للجيش المالي ستة رعاة
NARROW_SUBJECT_TOKENS = 4


def skip_to_victims(an: ArticleDoc, j: int, last_t: int) -> int:
    """Skip an active verb's subject (قتلت القوات الإسرائيلية ثلاثة), then a time expression (قتل،
    أمس، ثلاثة …) and a bound (ما لا يقل عن) between the verb and its victims."""
    toks = an.tokens
    unknown = an.cues(toks[j].start if j < last_t else 0, toks[last_t - 1].end if 0 < last_t <= len(toks) else 0, "unknown_actor")
    j = max(_past_subject(an, j, last_t, unknown, wide=False), _past_subject(an, j, last_t, unknown, wide=True))
    j = min(an.past_group_description(_skip_armed_subject(an, j, last_t)), last_t)
    j = _skip_toll_phrase(an, j, last_t)
    bounds = an.cues(toks[j].start if j < last_t else 0, toks[last_t - 1].end if last_t > 0 else 0, "lower_bound", "approx")
    for _ in range(4):
        if _time_at(an, j, last_t):
            j += 1
            continue
        b = next((m for m in bounds if m.start == toks[j].start), None) if j < last_t else None
        if b is None:
            break
        j = an.token_index(b.end)
    return j


def _time_at(an: ArticleDoc, k: int, last_t: int) -> bool:
    """A time expression at token k, or the word that leads into one (يوم أمس، ظهر الخميس)."""
    return k < last_t and (an.in_time(k) or (k + 1 < last_t and an.in_time(k + 1) and not an.at_token("person", k)
                                             and not an.at_token("casualty", k) and not an.tokens[k].text[:1].isdigit()))


def _past_subject(an: ArticleDoc, j: int, last_t: int, unknown: list, wide: bool) -> int:
    """Past the verb's subject: an actor, a force and its adjective (قتلت القوات الإسرائيلية ثلاثة); `wide`
    also takes a weapon and its owner (قتلت مسيرات الجيش المالي ستة، طائرة مسيرة تابعة للجيش), but only
    when victims follow right after."""
    toks, start = an.tokens, j
    for _ in range(SUBJECT_TOKENS if wide else NARROW_SUBJECT_TOKENS):
        if j < last_t and not an.at_token("person", j) and (
                an.at_token("actor", j) or an.at_token("force", j) or an.at_token("nisba", j)
                or any(u.start <= toks[j].start < u.end for u in unknown)  # قتلت مجموعة مسلحة 9 أشخاص
                or (j > 0 and an.at_token("force", j - 1) and toks[j].text in ar.words("force_adjective"))
                or (wide and an.at_token("weapon", j) and j - start < 2)
                or (wide and j > start and toks[j].text in ar.words("owned_by_word"))
                or (wide and j > start and an.at_token("force", j - 1) and toks[j].text.startswith(ar.ARTICLE))):
            j += 1  # (قوة أمنية، قوات خاصة: the force's adjective is no victim)
        else:
            break
    k = j
    while _time_at(an, k, last_t):
        k += 1  # "قتلت طائرة مسيرة تابعة للجيش، يوم أمس، 12 مدنيا": the day between the subject and its victims
    return j if not wide or object_at(an, k) else start


def _skip_toll_phrase(an: ArticleDoc, j: int, last_t: int) -> int:
    """"وقتل في الاشتباكات 21 شخصا", "قتل إثرها 21": a phrase naming the event between the verb and its victims."""
    toks = an.tokens
    if j < last_t and toks[j].text in ar.words("toll_pronoun_phrase"):
        return j + 1
    if j + 1 < last_t and toks[j].text in ar.words("toll_preposition") and (
            toks[j + 1].text.startswith(ar.ARTICLE) or an.at_token("place", j + 1) is not None):
        nxt = toks[j + 2].text if j + 2 < last_t else ""
        if nxt[:1].isdigit() or nxt in ar.number_words() or an.at_token("person", j + 2) is not None:
            return j + 2
    return j


def _skip_armed_subject(an: ArticleDoc, j: int, last_t: int) -> int:
    """"قتل مسلحون (مجهولون) (من حركة الشباب) 6 مدنيين": unnamed gunmen right after the verb, with victims
    after them, are its subject; the victims are counted after them."""
    if not _opens_armed_subject(an, j, last_t):
        return j
    k = j + 1
    if k < last_t and an.at_token("actor", k) is not None:
        k = an.token_index(an.at_token("actor", k).end)  # مسلحو بوكو حرام: the gunmen's group, construct
    if k < last_t and an.tokens[k].text in ar.words("gunmen_adjective"):
        k += 1
    linked = k < last_t and an.tokens[k].text in ar.words("partitive") | ar.words("affiliation_word")  # من، مرتبطون ب
    if linked and k + 2 < last_t and an.tokens[k + 1].text in ar.words("group_kind_word") and an.at_token("actor", k + 1) is None:
        k += 1  # عناصر من جماعة القوات الديموقراطية المتحالفة: the kind of group before its name
    actor = an.at_token("actor", k + 1) if linked else None
    if actor is not None:
        k = an.token_index(actor.end)  # مسلحون من حركة الشباب
    k = an.past_group_description(k)  # (… المرتبطة بتنظيم القاعدة: the group's parent)
    while k < last_t and an.in_time(k):
        k += 1  # قتل مسلحون اليوم 6 مدنيين
    return k if k < last_t and object_at(an, k) else j


def _opens_armed_subject(an: ArticleDoc, j: int, last_t: int) -> bool:
    """Gunmen (مسلحون), fighters of a group (عناصر من حركة الشباب) or its men in the construct (مسلحو بوكوحرام)."""
    if j + 1 >= last_t:
        return j < last_t and an.tokens[j].text in ar.words("gunmen_word")
    word, person = an.tokens[j].text, an.at_token("person", j)
    return word in ar.words("gunmen_word") \
        or (person is not None and person.ref.group == "armed" and an.tokens[j + 1].text in ar.words("partitive")) \
        or (word in ar.words("fighters_of") and an.at_token("actor", j + 1) is not None)


def group_before(an: ArticleDoc, first: int, first_t: int, numbers: dict, vague: set[str]) -> tuple[int, int] | None:
    """The victim group joined by و before the group starting at token `first` ("3 نساء و4 رجال أصيبوا",
    "ضابطا وأربعة جنود قتلوا"): its count and first token."""
    toks = an.tokens
    if toks[first].text[:1] in ar.words("and_clitic") and len(toks[first].text) > 1:
        pe = first - 1  # وأربعة: the و glued to the number
    elif first - 1 >= first_t and toks[first - 1].text in ar.words("and_clitic"):
        pe = first - 2  # و 4
    else:
        return None
    person = an.at_token("person", pe) if pe >= first_t else None
    if person is None:
        return None
    prev = read_count(toks, pe - 1, numbers, vague) if pe - 1 >= first_t else None
    if prev and prev.value is not None and not prev.vague and prev.last == pe - 1:
        return prev.value, pe - 1
    return (person.ref.count, pe) if isinstance(person.ref.count, int) else None


def takes_one_victim(an: ArticleDoc, m: Mention) -> bool:
    """"اغتيال نائب رئيس": one victim; not "الاغتيال ازدادت": a definite verbal noun governs no object."""
    form = norm(m.ref.form)
    token = an.tokens[an.token_index(m.start)].text
    return form in ar.words("single_victim_noun") and not any(token.endswith(a + form) for a in ar.words("article"))


def count_after_other_toll(an: ArticleDoc, k: int, first_t: int, numbers: dict, vague: set[str]) -> tuple[int, Mention | None] | None:
    """A bare number (token k) as the plural verb's subject: joined by و to the toll just before it ("92 جنديا
    قتلوا و47 أصيبوا": the same people as that toll's noun) or right after إن/أن ("قال إن 5 قتلوا")."""
    toks = an.tokens
    count = read_count(toks, k, numbers, vague) if k - 1 >= first_t else None
    if not count or count.value is None or count.vague or count.last != k:
        return None
    if an.cues(toks[k - 1].start, toks[k - 1].end, "complementizer"):
        return count.value, None
    person = an.at_token("person", k - 3) if k - 3 >= first_t and toks[k - 1].text in ar.words("and_clitic") else None
    return (count.value, person) if person is not None and an.at_token("casualty", k - 2) is not None else None


def past_particle(an: ArticleDoc, k: int, first_t: int) -> int:
    """The token before a verb's particle (قد، لقد) at token k, where its subject stands; else k."""
    return k - 1 if k > first_t and an.tokens[k].text in ar.words("verb_particle") else k
