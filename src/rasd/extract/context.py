"""What the whole article says that each clause needs: its publication date, the countries it names
(and where), the dateline's city and country. Built once per article, read by the components."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from rasd.doc import ArticleDoc, Mention
from rasd.knowledge.base import BIG_TOWN, KnowledgeBase
from rasd.knowledge.places import Place
from rasd.lang import ar
from rasd.text.normalize import norm

if TYPE_CHECKING:
    from rasd.extract.frame import Located

BACKGROUND_DAYS = 7  # an event dated more than this before publication is background (ACLED's habit)


@dataclass
class ArticleContext:
    doc: ArticleDoc
    kb: KnowledgeBase
    pub: date | None
    vague: frozenset[str]  # vague quantity words (عدة، عشرات): never a number
    country_counts: dict[str, int] = field(default_factory=dict)  # countries the article names, how often
    evidence_at: dict[str, set[int]] = field(default_factory=dict)  # country -> where the article names it
    nisba_countries: set[str] = field(default_factory=set)  # countries named by an adjective
    attacker_countries: set[str] = field(default_factory=set)  # … only as attackers' (الجيش الإسرائيلي، غارة تركية)
    dateline_country: str | None = None
    admin1_named: set[tuple[str, str]] = field(default_factory=set)  # provinces the article names (ريف الرقة)

    def main_country(self) -> str | None:
        """The country the article places itself in: named places first (an attacker's nationality,
        غارة إسرائيلية in a report from Gaza, is not where it happened), then adjectives, then the dateline."""
        placed = {cc: n for cc, n in self.country_counts.items() if self.evidence_at.get(cc)}
        counts = placed or self.country_counts
        if counts:
            return max(counts.items(), key=lambda kv: kv[1])[0]
        return self.dateline_country

    def is_old(self, d: date) -> bool:
        """More than BACKGROUND_DAYS before publication."""
        return self.pub is not None and (self.pub - d).days > BACKGROUND_DAYS

    def dateline_place(self) -> Located | None:
        """The dateline's city (بغداد - …), offered as a fallback place: never a primary one."""
        from rasd.extract.frame import Located

        if self.doc.dateline_end < 0:
            return None
        for m in self.doc.by_layer.get("place", []):
            if self.doc.dateline_start <= m.start and m.end <= self.doc.dateline_end:
                cands = [self.kb.places[i] for i in m.refs]
                pts = sorted((p for p in cands if not p.is_area), key=lambda p: -(p.population or 0))
                return Located(pts[0] if pts else cands[0], m.start, m.end, True)
        return None


def article_context(doc: ArticleDoc, kb: KnowledgeBase) -> ArticleContext:
    """Countries the article names: country names, nationality adjectives, curated places and big
    cities (admin units alone do not count: الوادي must not make an article Algerian)."""
    ctx = ArticleContext(doc, kb, doc.published, _cue_forms(kb, "vague"))
    short_title = _short_title(doc)
    outlet_named = {doc.token_index(c.end) for c in doc.by_layer.get("cue:outlet_noun", [])}
    votes = []  # (mention, the country it names, the other countries its namesakes are in)
    voted_by: dict[str, set[str]] = {}  # country -> the names that voted for it (or that only it has)
    for m in doc.by_layer.get("place", []):
        if not _says_where(doc, kb, m, outlet_named, short_title):
            continue
        ccs = {kb.places[i].country_code for i in m.refs if _evidence_of_country(kb.places[i])}
        if len(ccs) == 1:
            cc = next(iter(ccs))
            votes.append((m, cc, {kb.places[i].country_code for i in m.refs} - {cc}))
            voted_by.setdefault(cc, set()).add(doc.word(m))
        elif _sole_country_town(kb, m):
            # سراقب (a town of Syria alone) beside أريحا: Ariha, not the bigger Jericho
            voted_by.setdefault(kb.places[m.refs[0]].country_code, set()).add(doc.word(m))
    for m, cc, others in votes:
        if any(voted_by.get(o, set()) - {doc.word(m)} for o in others):
            continue  # المنصورة in an article that names الرقة: Egypt's city is only the biggest namesake
        ctx.country_counts[cc] = ctx.country_counts.get(cc, 0) + 1
        ctx.evidence_at.setdefault(cc, set()).add(m.key_start)
        ctx.admin1_named |= {(cc, kb.places[i].name_en) for i in m.refs
                             if kb.places[i].feature == "admin1" and kb.places[i].country_code == cc}
    for m in doc.by_layer.get("place", []):  # "بولاية باتنة": a province named with its kind names it, if not its country
        if " " in doc.word(m) and "admin1" in kb.features.get(doc.word(m).split(" ")[0], ([], ""))[0]:
            ctx.admin1_named |= {(kb.places[i].country_code, kb.places[i].admin1 or kb.places[i].name_en) for i in m.refs}
    countries_at = {m.start for m in doc.by_layer.get("place", []) if m.refs and kb.places[m.refs[0]].feature == "country"}
    for m in doc.by_layer.get("nisba", []):  # الجيش اليمني says Yemen too (نيجيريا, spelled as the country, once)
        if m.start not in countries_at:
            ctx.country_counts[m.ref] = ctx.country_counts.get(m.ref, 0) + 1
    ctx.nisba_countries = {m.ref for m in doc.by_layer.get("nisba", [])}
    adjectives = _adjectives(kb)
    for m in doc.by_layer.get("place", []):  # "الجيش المالي": Mali's adjective, spelled like Mali (and Elmalı)
        ti, cc = doc.token_index(m.start), adjectives.get(doc.word(m))
        if cc and m.key_start > m.start and ti > 0 and doc.at_token("force", ti - 1) is not None:
            ctx.country_counts[cc] = ctx.country_counts.get(cc, 0) + 1
            ctx.nisba_countries.add(cc)
    ctx.attacker_countries = ctx.nisba_countries - {m.ref for m in doc.by_layer.get("nisba", []) if not _attacker_nisba(doc, m)}
    # an article that names no country nor nationality of a place: its armed groups (الدعم السريع) say where it
    # is (not when it names one: Hezbollah striking the Israeli north is no Lebanese event; the attackers'
    # nationality, طائرات أمريكية, says nothing of where they struck)
    named = any(not _attacker_nisba(doc, m) for m in doc.by_layer.get("nisba", [])) or \
        any(kb.places[m.refs[0]].feature == "country" for m in doc.by_layer.get("place", []) if m.refs)
    for m in (doc.by_layer.get("actor", []) if not named else []):
        a = kb.actors[m.ref]
        if a.country and a.type in HOME_GROUP_TYPES:
            ctx.country_counts[a.country] = ctx.country_counts.get(a.country, 0) + 1
            ctx.nisba_countries.add(a.country)
    if doc.dateline_end >= 0:
        first = next((m for m in doc.by_layer.get("place", []) if doc.dateline_start <= m.start and m.end <= doc.dateline_end), None)
        ctx.dateline_country = kb.places[first.refs[0]].country_code if first else None
    return ctx


def _adjectives(kb: KnowledgeBase) -> dict[str, str]:
    """Nationality adjective (normalized) -> its country, built once per knowledge base."""
    found = _ADJECTIVES.get(id(kb))
    if found is None:
        found = _ADJECTIVES[id(kb)] = {norm(f): cc for cc, forms in kb.nisbas.items() for f in forms}
    return found


_ADJECTIVES: dict[int, dict[str, str]] = {}


def _attacker_nisba(doc: ArticleDoc, m: Mention) -> bool:
    """A nationality right after a force or attack noun (طائرات أمريكية، غارة إسرائيلية): who acted. Not
    after soldiers or policemen (جنديا تشاديا): men of a country's forces are mostly hit at home."""
    ti = doc.token_index(m.start)
    return any(doc.at_token("force", k) is not None and doc.at_token("person", k) is None for k in (ti - 1, ti - 2) if k >= 0)


SHORT_TITLE_WORDS = 2
BORDER_REACH = 3  # words from "الحدود" to the country across it (الحدود مع توغو وغانا، الحدودية مع)
HOME_GROUP_TYPES = frozenset({"rebel", "militia", "identity_militia"})  # armed groups that fight at home


def _short_title(doc: ArticleDoc) -> int:
    """End of the headline when it has at most two words, else 0."""
    title = next((s for s in doc.sentences if s.is_title), None)
    if title is None:
        return 0
    n = doc.token_index(title.end) - doc.token_index(title.start)
    return title.end if n <= SHORT_TITLE_WORDS else 0


def _says_where(doc: ArticleDoc, kb: KnowledgeBase, m: Mention, outlet_named: set[int], short_title: int) -> bool:
    """Does this place mention tell where the article is? Not an outlet (صحيفة الرياض), a bearing
    (الحدود الشمالية), a one-word headline, a feature word (ميدان "square", also Medan), nor a country
    acting (إسرائيل قصفت، قصفت إسرائيل: who struck, not where)."""
    directions = ar.words("direction_adjective")
    text = doc.ntext[m.start:m.end]
    if doc.token_index(m.start) in outlet_named or text in directions or doc.word(m) in directions or \
            (text[:1] in ar.words("and_clitic") and text[1:] in directions):  # (الشمالية والشرقية)
        return False
    if (short_title and m.end <= short_title) or doc.word(m) in kb.features or part_of_a_persons_or_villages_name(doc, kb, m):
        return False
    mi = doc.token_index(m.start)
    if ar.words("simile_clitic") & set(doc.ntext[m.start:m.key_start]) or \
            any(doc.at_token(layer, mi) is not None for layer in ("trigger", "casualty", "weapon")):
        return False  # "كمينا" is an ambush before it is "like Minna"
    if doc.word(m) in kb.stopname_keys and (mi == 0 or doc.at_token("feature", mi - 1) is None):
        return False  # "كما سيرت لجان المقاومة": a verb, not a vote for Turkey (ولاية سيرت is the province)
    if doc.word(m) in kb.wordlike_keys and not _locative_support(doc, m):
        return False  # "رمز الخبر" "the news' code", no vote for Saudi Arabia's Khobar
    if all(kb.places[i].feature == "country" for i in m.refs) and any(
            0 <= doc.token_index(m.start) - doc.token_index(c.end) <= BORDER_REACH
            for layer in ("cue:border", "cue:origin", "cue:route_from") for c in doc.by_layer.get(layer, [])):
        # "قرب الحدود مع موريتانيا", "الحوثيون المدعومون من إيران": the country across the border or behind
        # the attackers, not where it happened
        return False
    return not country_acting(doc, kb, m) and not area_of_a_place(doc, m) and not embassy_owner(doc, kb, m)


def embassy_owner(doc: ArticleDoc, kb: KnowledgeBase, m: Mention) -> bool:
    """"قرب سفارة تل أبيب في عمّان", "أمام سفارة إسرائيل": the state an embassy or a consulate belongs to, which
    stands in another country: neither the event's place nor a vote for the article's country."""
    mi = doc.token_index(m.start)
    ft = doc.at_token("feature", mi - 1) if mi > 0 else None
    return ft is not None and doc.token_index(ft.end) == mi and "embassy" in kb.features[ft.ref][0] \
        and all(kb.places[i].feature != "embassy" for i in m.refs)


def _locative_support(doc: ArticleDoc, m: Mention) -> bool:
    """"في الخبر", "بمدينة الخبر", "بالخبر": a preposition, a feature word or "in" glued to the name."""
    mi = doc.token_index(m.start)
    before = doc.tokens[mi - 1].text if mi > 0 else ""
    return bool(ar.words("locative_clitic") & set(doc.ntext[m.start:m.key_start])) or (mi > 0 and (
        before in ar.words("at_place_preposition") | ar.words("locative_preposition") or doc.at_token("feature", mi - 1) is not None))


def area_of_a_place(doc: ArticleDoc, m: Mention) -> bool:
    """An area noun and a bearing ("المنطقة الشرقية") followed by the place it is part of (في مدينة درعا، لمدينة درعا)."""
    words = doc.ntext[m.start:m.end].split(" ")
    if len(words) != 2 or words[0] not in ar.words("area_noun") or words[1] not in ar.words("direction_adjective"):
        return False
    k = doc.token_index(m.end)
    if k >= len(doc.tokens) or doc.gap(m.end, doc.tokens[k].start) != 0:
        return False
    nxt = doc.tokens[k].text
    if nxt in ar.words("locative_preposition") | ar.words("from_preposition"):
        k += 1
    elif nxt[:1] not in ar.words("possessive_lam"):
        return False
    return k < len(doc.tokens) and (doc.at_token("feature", k) is not None or doc.at_token("place", k) is not None)


def country_acting(doc: ArticleDoc, kb: KnowledgeBase, m: Mention) -> bool:
    """A country named next to an active event verb (إسرائيل قصفت، قصفت إسرائيل، شنت إسرائيل غارات) is who acted."""
    if not all(kb.places[i].feature == "country" for i in m.refs):
        return False
    if set(doc.ntext[m.start:m.key_start]) & ar.words("locative_clitic"):
        return False  # "وقع انفجار بأفغانستان": in the country, not the country acting
    before = doc.at_token("trigger", doc.token_index(m.start) - 1) if doc.token_index(m.start) > 0 else None
    if before is not None and before.ref.voice == "noun" and not before.definite and \
            doc.ntext[before.start:m.start].rstrip().endswith(tuple(ar.words("accusative_ending"))):
        return True  # "قصفا أوكرانيا": the accusative nisba (a Ukrainian shelling), spelled like the country
    mi = doc.token_index(m.start)
    if mi > 0 and ar.without_proclitics(doc.tokens[mi - 1].text, "and_clitic") in ar.words("habit_verb"):
        return True  # "تواصل إسرائيل سياسة الاستهدافات في جنوب لبنان": the country doing it, not where
    near = [doc.at_token("trigger", k) for k in (mi - 1, doc.token_index(m.end))]
    # (not across a comma: "في مدينة أراك في إيران، هاجم المتظاهرون")
    # (nor a verb after it that opens a coordinated clause: "في موزمبيق وقطعوا …" has its own subject)
    return any(t is not None and t.ref.voice in ("active", "light")
               and not set(doc.ntext[min(t.end, m.end):max(t.start, m.start)]) & ar.words("comma")
               and not (t.start > m.start and doc.ntext[t.start] in ar.words("and_clitic")) for t in near)


SOLE_TOWN_POPULATION = 10_000  # a town this big (or a curated place) whose name no other country has


def _sole_country_town(kb: KnowledgeBase, m: Mention) -> bool:
    """A town too small to say where the article is, but big enough not to be a chance word, whose name only
    one country has: it cannot make the article that country's, but it outvotes a namesake abroad."""
    cands = [kb.places[i] for i in m.refs]
    return len({p.country_code for p in cands}) == 1 and any(
        p.feature not in ("country", "admin1", "region") and (p.layer == "curated" or p.population >= SOLE_TOWN_POPULATION)
        for p in cands)


def _evidence_of_country(p: Place) -> bool:
    """Mentions that say which country an article is about: the country, a big city, a province or
    a named region (قطاع غزة). A district or a village alone does not (الرصافة is in two countries)."""
    return p.feature in ("country", "admin1", "region") or p.population >= BIG_TOWN


_CUE_FORMS: dict[tuple[int, str], frozenset[str]] = {}


def _cue_forms(kb: KnowledgeBase, cue: str) -> frozenset[str]:
    cached = _CUE_FORMS.get((id(kb), cue))
    if cached is None:
        cached = _CUE_FORMS[(id(kb), cue)] = frozenset(norm(c.form) for c in kb.lexicon.cues if c.cue == cue)
    return cached


def part_of_a_persons_or_villages_name(doc: ArticleDoc, kb: KnowledgeBase, m: Mention) -> bool:
    """A place's name that is only part of another name: a village's the gazetteer lacks, or a leader's. Neither
    where an event happened nor a vote for the town's country."""
    return tail_of_an_unknown_name(doc, kb, m) or named_after_a_leader(doc, m)


UNKNOWN_NAME_WORDS = 2  # words of a village's name the gazetteer lacks, before a known word that ends the name


def tail_of_an_unknown_name(doc: ArticleDoc, kb: KnowledgeBase, m: Mention) -> bool:
    """"قرية كياوك ني ماو": a known name (ماو) that ends the name of a village the gazetteer lacks, the village word
    and the unknown words right before it, is part of that name, not the town it also names."""
    mi = doc.token_index(m.start)
    if doc.ntext[m.start:m.key_start] not in ("", ar.ARTICLE):
        return False
    for k in range(mi - 1, max(doc.token_index(doc.sentences[m.sentence].start), mi - 2 - UNKNOWN_NAME_WORDS), -1):
        ft = doc.at_token("feature", k)
        if ft is not None:
            kinds, count = kb.features[ft.ref]
            return k < mi - 1 and set(kinds) <= NAME_SETTLEMENTS and count == "1"
        if doc.comma_between(doc.tokens[k].end, doc.tokens[k + 1].start) or doc.in_time(k) or \
                doc.tokens[k].text in ar.words("function_word") or \
                any(doc.at_token(layer, k) is not None for layer in NAME_BREAKING_LAYERS):
            return _named_so_after_a_village_word(doc, kb, k + 1, mi)
    return False


def _named_so_after_a_village_word(doc: ArticleDoc, kb: KnowledgeBase, a: int, mi: int) -> bool:
    """"في كياوك ني ماو" after "قرية كياوك ني ماو": the words before the name, with it, were told as a village's name."""
    if a >= mi:
        return False
    words = [t.text for t in doc.tokens[a:mi + 1]]
    for ft in doc.by_layer.get("feature", []):
        k = doc.token_index(ft.end)
        if set(kb.features[ft.ref][0]) <= NAME_SETTLEMENTS and [t.text for t in doc.tokens[k:k + len(words)]] == words:
            return True
    return False


NAME_SETTLEMENTS = {"village", "town", "city", "settlement"}
NAME_BREAKING_LAYERS = ("place", "actor", "trigger", "casualty", "person", "nisba", "cue", "weapon", "force")


def named_after_a_leader(doc: ArticleDoc, m: Mention) -> bool:
    """"ميليشيات تابعة لسالم الغول", "بقيادة سالم": a name right after "led by, belonging to" (its ل glued to it) that
    another word follows is a person's, not the town it also names."""
    mi, k = doc.token_index(m.start), doc.token_index(m.end)
    return mi > 0 and doc.tokens[mi - 1].text in ar.words("led_by_word") and k < len(doc.tokens) and \
        doc.gap(m.end, doc.tokens[k].start) == 0 and not doc.comma_between(m.end, doc.tokens[k].start) and \
        doc.at_token("place", k) is None and doc.tokens[k].text not in ar.words("function_word") and \
        doc.at_token("feature", mi) is None and doc.at_token("cue", k) is None
