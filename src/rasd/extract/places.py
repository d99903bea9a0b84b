"""Place rules the where-component applies: which readings of a name the article supports and which
place contains another named beside it. Each function reads one clause. (Which reading of a name lies in the place
named after it is part_of.py's; capitals named by a word for capital are capitals.py's.)"""

from __future__ import annotations

from dataclasses import replace

from rasd.doc import Clause, Mention
from rasd.extract.context import ArticleContext, area_of_a_place
from rasd.extract.frame import Located
from rasd.extract.one_place import twin_entries
from rasd.knowledge.base import BIG_TOWN, CONFLICT_COUNTRIES, FOCUS_COUNTRIES
from rasd.knowledge.places import Place
from rasd.lang import ar
from rasd.resolve import geo
from rasd.text.normalize import norm

REMOTE_FOR_TOWNS = {"IR", "TR"}  # countries whose village names need the country in the same sentence
NAMED_BESIDE = 3  # tokens between a place and the city or district it is said to lie in


AREA_FEATURES = {"region", "admin1", "admin2", "district"}


def bracketed(clause: Clause, c: Mention) -> bool:
    """"عنابة (شرق) وتيزي وزو": a bearing in brackets says where the place before it lies; it is no "east of" the next."""
    text = clause.doc.ntext
    return text[c.end:c.end + 2].strip()[:1] == ")" or text[max(0, c.start - 2):c.start].strip()[-1:] == "("


WIDE_AREAS = ("country", "admin1", "sea", "gulf", "strait", "region")


def contains_another(clause: Clause, outer: Located, located: list[Located], distinct: list[Located]) -> bool:
    """Does `outer` contain another place of the clause (contains_named)? Each distinct inner place
    (`distinct`: one mention per place) is tested once; for a city or district outer only the inner mentions named beside it count."""
    if not any(geo.contains(outer.place, o.place) for o in distinct):
        return False
    if outer.place.feature in WIDE_AREAS:
        return True
    doc = clause.doc
    lo, hi = doc.token_index(outer.start) - NAMED_BESIDE - 8, doc.token_index(outer.end) + NAMED_BESIDE
    return any(lo <= doc.token_index(o.start) <= hi and contains_named(clause, outer, o) for o in located)


def contains_named(clause: Clause, outer: Located, inner: Located) -> bool:
    """A country or province anywhere in the clause is context for the towns in it; a city or
    district only when it is named right beside the place (في بلدة ذيبان بريف دير الزور), not
    when it is another item of a list (محطة في ريف القامشلي، ومنشأة قرب عامودا)."""
    if not geo.contains(outer.place, inner.place):
        return False
    first, second = sorted((outer, inner), key=lambda l: l.start)
    if outer.place.feature != "country" and _list_items(clause, first, second):
        return False  # "في مدينة غزة وبلدة بيت لاهيا", "في القصرين وفريانة": two items of a list, not one inside the other
    if outer.place.feature in WIDE_AREAS:
        return True
    doc = clause.doc
    gap = min(abs(doc.token_index(outer.start) - doc.token_index(inner.end)),
              abs(doc.token_index(inner.start) - doc.token_index(outer.end)))
    return gap <= NAMED_BESIDE


def _list_items(clause: Clause, first: Located | Mention, second: Located | Mention) -> bool:
    """"X وY", "X وبلدة Y": the second place is joined to the first by "and" (its feature word between), or both are
    items of one list ("دير البلح وغزة والنصيرات"): each place between joined to the one before by "and"."""
    between = [m for m in clause.mentions("place") if first.end <= m.start and m.end <= second.start]
    chain = [first, *between, second]
    return all(_joined(clause, a, b) for a, b in zip(chain, chain[1:]))


def _joined(clause: Clause, first: Located | Mention, second: Located | Mention) -> bool:
    doc = clause.doc
    gap = doc.gap(first.end, second.start)
    if gap == 0:
        return doc.ntext[second.start] in ar.words("and_clitic")
    i = doc.token_index(first.end)
    return gap == 1 and doc.ntext[doc.tokens[i].start] in ar.words("and_clitic") and doc.at_token("feature", i) is not None


SELF_LOCATING_WORDS = 3  # words of a curated name that say its town too (السفارة الإسرائيلية في عمان)
CONFLICT_CITY = 300_000  # a city of a conflict country this big is known by its name alone
MILLION_CITY = 1_000_000


def plausible(clause: Clause, ctx: ArticleContext, m: Mention, has_feature: bool, geo_ctx: geo.Context) -> list[int]:
    """Drop small-town readings the context does not support: a village named like a common
    word (الآن، العظيم) needs a feature word or its country in the sentence; any small town
    needs a feature word or its country somewhere in the article."""
    kb = ctx.kb
    key = clause.doc.word(m)
    if key[:1] in ar.words("and_clitic") and key[1:] in kb.lexicon_keys:
        return []  # ودان is "and condemned" before it is Waddan
    if not has_feature and ar.words("simile_clitic") & set(clause.doc.ntext[m.start:m.key_start]):
        return []  # "كانتا" is "they were", not "like Inta": a place after "like" is no event's place anyway
    common = key in kb.common_place_keys
    if common and not m.definite and not key.startswith(ar.ARTICLE) and _after_a_plural_feature(clause, ctx, m):
        # "سيطرت على بلدات جديدة": a common word after a plural feature word, without the article its place name has
        # (الجديدة), is an adjective of the places
        refs = [i for i in m.refs if not norm(kb.places[i].name_ar).startswith(ar.ARTICLE)]
        if not refs:
            return []
        m = replace(m, refs=refs)
    # which countries the article places itself in, apart from this very name; nationality
    # adjectives often name foreign attackers (المدفعية التركية) rather than the place
    known_places = bool(geo_ctx.dateline_country or any(_named_elsewhere(ctx, pos, m, True) for pos in ctx.evidence_at.values()))
    known = known_places or bool(ctx.nisba_countries - ctx.attacker_countries)
    everyday = key in kb.bare_frequent_words
    # "المنطقة القبلية", "المنطقة الصناعية": an adjective of a definite noun, not a village after "area"
    adjective = _adjective_of_a_definite_feature(clause, m)
    return [i for i in m.refs if not (adjective and kb.places[i].layer in ("geonames", "translit"))
            and _supported(kb.places[i], ctx, m, geo_ctx, has_feature, common, known_places, known, everyday)]


def _after_a_plural_feature(clause: Clause, ctx: ArticleContext, m: Mention) -> bool:
    mi = clause.doc.token_index(m.start)
    ft = clause.doc.at_token("feature", mi - 1) if mi > 0 else None
    return ft is not None and clause.doc.token_index(ft.end) == mi and ctx.kb.features[ft.ref][1] == "pl"


def _supported(p: Place, ctx: ArticleContext, m: Mention, geo_ctx: geo.Context, has_feature: bool, common: bool,
               known_places: bool, known: bool, everyday: bool) -> bool:
    # the country must be named somewhere else than in this very name (الوادي alone does not
    # make an article Algerian)
    in_article = _named_elsewhere(ctx, ctx.evidence_at.get(p.country_code), m,
                                  p.layer == "curated" or p.country_code in FOCUS_COUNTRIES | CONFLICT_COUNTRIES) \
        or p.country_code in ctx.nisba_countries or p.country_code == geo_ctx.dateline_country
    in_sentence = p.country_code in geo_ctx.sentence_countries or (p.country_code, p.admin1 or "") in geo_ctx.sentence_admin1
    if p.feature in ("sea", "gulf", "strait"):
        return True  # البحر الأحمر، خليج عدن: no country to vouch, no village to confuse
    if p.layer == "translit":
        return True  # found after a feature word among the towns of the article's countries
    if clause_word_is_direction(m, ctx) and (not (has_feature or in_sentence) or _after_area_noun(m, ctx)):
        return False  # الحدود الشمالية الشرقية، المناطق الغربية: a bearing, not Sudan's Northern State or Egypt's Gharbia
    if area_of_a_place(ctx.doc, m):
        return False  # "المنطقة الشرقية في مدينة درعا": the city's eastern part, not Saudi Arabia's Eastern Province
    if p.feature == "country":
        return not common or in_sentence
    if common:
        # a nationality adjective (طائرات حربية تركية) does not vouch for a village called حربية
        if (has_feature or in_sentence) and (in_article or not known):
            return True
        if p.country_code in CONFLICT_COUNTRIES and _at_the_place(ctx, m) and (cap := ctx.kb.capital(p.country_code)) \
                and cap.id == p.id:
            return True  # "غارة روسية على كييف": a conflict country's capital, struck, though its name is a frequent word
        if p.country_code in CONFLICT_COUNTRIES and in_article and p.population >= CONFLICT_CITY and _at_the_place(ctx, m):
            return True  # "هجوم في بنو" in an article about Pakistan: the city, though بنو is also "sons of"
        if not (p.layer in ("geonames", "user") and p.population >= BIG_TOWN and p.country_code in FOCUS_COUNTRIES) \
                or everyday:
            return False
        # a big city whose name is frequent only as a name keeps it (الرباط is Rabat though a Yemeni village
        # shares the word; الباب "the door" is no city without support): the rules of any town follow
    if p.layer in ("geonames", "user", "admin1") and p.country_code in CONFLICT_COUNTRIES:
        if p.layer != "admin1" and p.population >= CONFLICT_CITY and \
                ((not known_places and not everyday) or has_feature or _at_the_place(ctx, m)):
            # بيشاور، مايدوغوري in wire copy that never names the country, "غارة روسية على كييف": the city
            # says it (but "زيارة إلى إسلام آباد", "أعلنت موسكو" are no event's place)
            return True
        # تمبكتو، ولاية بورنو in an article about Mali, Nigeria (a province does not vouch for itself)
        return in_article or (in_sentence if p.feature != "admin1" else p.country_code in geo_ctx.sentence_countries)
    if p.layer in ("geonames", "user") and (p.country_code in REMOTE_FOR_TOWNS or p.country_code not in FOCUS_COUNTRIES):
        # Persian/Turkish village names and far-away cities (أوستن in "لويد أوستن") need
        # their country in the same sentence, or their province named in the article ("مركز شرطة سراوان"
        # after a lede in Sistan and Baluchestan)
        return in_sentence or (p.country_code, p.admin1 or "") in ctx.admin1_named
    if in_article or (p.layer == "curated" and len(ctx.doc.word(m).split()) >= SELF_LOCATING_WORDS):
        return True  # (a long curated name places itself: "السفارة الإسرائيلية في عمان")
    if p.layer == "curated" or p.population >= BIG_TOWN:
        # a Baghdad district in an article about Syria needs the sentence to point there (a city of millions
        # after "في" or "ب" is itself, "فرقت الشرطة بالرباط وقفة لدعم فلسطين"; so is a city after "مدينة")
        return not known_places or in_sentence or p.country_code in geo_ctx.sentence_nisba or \
            (p.layer != "curated" and (has_feature or (p.population >= MILLION_CITY and _at_the_place(ctx, m))))
    # admin units and small towns of a country the article never names need support: a feature
    # word (بلدة الخيام) is enough unless the article places itself in another country by name
    # (an attacker's nationality, غارة إسرائيلية, does not)
    return (not known and _trusted(p)) or (has_feature and not known_places)


def _adjective_of_a_definite_feature(clause: Clause, m: Mention) -> bool:
    """A definite word right after a definite feature word (المنطقة القبلية): Arabic names a place after an
    indefinite one (منطقة القبلية)."""
    doc = clause.doc
    k = doc.token_index(m.start) - 1
    if k < 0 or not doc.ntext[m.key_start:m.end].startswith(ar.ARTICLE) and not m.definite:
        return False
    ft = doc.at_token("feature", k)
    return ft is not None and doc.token_index(ft.end) == k + 1 and doc.tokens[k].text.startswith(ar.ARTICLE)


def clause_word_is_direction(m: Mention, ctx: ArticleContext) -> bool:
    """Is the mention a direction adjective (الشمالية، الشرقية، والشرقية) that also names an admin unit?"""
    text, dirs = ctx.doc.ntext[m.start:m.end], ar.words("direction_adjective")
    return text in dirs or text[1:] in dirs and text[:1] in ar.words("and_clitic") or ctx.doc.ntext[m.key_start:m.end] in dirs


def _after_area_noun(m: Mention, ctx: ArticleContext) -> bool:
    """"المنطقة الشرقية", "المناطق الغربية والشرقية": a bearing of the area named after it, not a province."""
    doc = ctx.doc
    k = doc.token_index(m.start) - 1
    areas = ar.words("area_noun")
    # (the second adjective of a pair shares the first one's noun: المناطق الغربية والشرقية)
    dirs = ar.words("direction_adjective")
    while k >= 0 and (doc.tokens[k].text in dirs or (doc.tokens[k].text[:1] in ar.words("and_clitic")
                                                     and doc.tokens[k].text[1:] in dirs)):
        k -= 1
    return k >= 0 and doc.tokens[k].text in areas


def _at_the_place(ctx: ArticleContext, m: Mention) -> bool:
    """The name right after "في/على" or with "ب" glued to it (بكييف): where something happened."""
    doc = ctx.doc
    if set(doc.ntext[m.start:m.key_start]) & ar.words("locative_clitic"):
        return True
    k = doc.token_index(m.start) - 1
    return k >= 0 and doc.tokens[k].text in ar.words("at_place_preposition")


def _named_elsewhere(ctx: ArticleContext, positions: set[int] | None, m: Mention, same_name_counts: bool) -> bool:
    """Is the country named somewhere other than in this very mention? The same name said again counts only for
    a place of the countries rasd follows ("البادية السورية" twice): "قرية بون" twice in an article about Myanmar
    does not make Bonn's Germany a country of the article."""
    if not positions:
        return False
    word = ctx.doc.word(m)
    return any(k != m.key_start and (same_name_counts or not ctx.doc.ntext.startswith(word, k)) for k in positions)


def _trusted(p: Place) -> bool:
    """Layers and sizes that count as a place without further support from the context."""
    return p.layer in ("curated", "admin1", "admin2", "country") or p.population >= BIG_TOWN


SAME_TOWN_KM = 3  # two entries this close are one town


def leaves(clause: Clause, located: list[Located]) -> list[Located]:
    """The most specific places: those that contain no other place named in the clause."""
    distinct = list({id(l.place): l for l in located}.values())
    leaves = [l for l in located if not contains_another(clause, l, located, distinct)]
    if any(not l.road for l in leaves):
        leaves = [l for l in leaves if not l.road]  # a road's name only places an event named nowhere else
    leaves = [l for l in leaves if not _where_the_last_one_lies(clause, l, leaves) and not _referred_back(clause, l, leaves)
              and not _second_of_one_bearing(clause, l, leaves)]
    out: list[Located] = []
    # same place twice (or two entries for one town a few hundred metres apart): keep the first, unless the first is
    # an area and the second a more specific place inside it
    for l in leaves:
        twin = next((i for i, k in enumerate(out) if twin_entries(l.place, k.place, SAME_TOWN_KM)), None)
        if twin is None:
            out.append(l)
        elif out[twin].place.feature in ("district", "region") and l.place.rank > out[twin].place.rank:
            out[twin] = l  # "على الضاحية الجنوبية … في منطقة الحدث": the quarter inside the suburbs named first
    return out


SETTLED = ("village", "town", "city")
LIES_BY_KM = 30  # a town named right after a village, this close, says where the village lies


def _where_the_last_one_lies(clause: Clause, l: Located, leaves: list[Located]) -> bool:
    """"قرية بداما قرب سراقب", "بلدة كفرنبل في منطقة معرة النعمان", "قرية X شمال Y": the second town, joined to
    the first only by a preposition, a bearing or "near", says where the first lies; it is no place of its own
    (but "X وY" lists two)."""
    doc = clause.doc
    li = doc.token_index(l.start)
    cued = {doc.token_index(c.start) for c in clause.cues("near", "direction")}

    def links(i: int) -> bool:  # في، قرب، شمال، التابعة ل …
        return i in cued or doc.tokens[i].text in ar.words("locative_preposition") | ar.words("lies_in_word")

    for k in leaves:
        if k is l or k.end > l.start or k.place.feature not in SETTLED or l.place.feature not in SETTLED or \
                None in (k.place.lat, l.place.lat) or doc.ntext[l.start] in ar.words("and_clitic"):
            continue
        between = range(doc.token_index(k.end), li)
        if not 0 < len(between) <= 3 or geo.haversine_km(k.place.lat, k.place.lon, l.place.lat, l.place.lon) > LIES_BY_KM:
            continue
        if all(links(i) or doc.at_token("feature", i) for i in between) and any(links(i) for i in between):
            return True
    return False


def _second_of_one_bearing(clause: Clause, l: Located, leaves: list[Located]) -> bool:
    """"هجوم جنوب الشيخ زويد ورفح": one bearing told from two towns names one area between them, coded at the first."""
    doc = clause.doc
    bearing_ends = {doc.token_index(c.end) for c in clause.cues("direction") if not bracketed(clause, c)}
    return doc.ntext[l.start] in ar.words("and_clitic") and any(
        k.end <= l.start and doc.gap(k.end, l.start) == 0 and doc.token_index(k.start) in bearing_ends and k.place.feature in SETTLED
        and l.place.feature in SETTLED for k in leaves)


def _referred_back(clause: Clause, l: Located, leaves: list[Located]) -> bool:
    """"في مدينة جنين، اقتحمت القوات بلدة قباطية جنوبي المدينة": a town placed by a bearing of "the city" (the one
    named before it in the clause) is where it happened; the city is only its reference point."""
    doc, towns = clause.doc, ar.words("the_town_word")
    return l.place.feature in ("city", "town") and any(
        k.start > l.end and k.place.feature in SETTLED and doc.token_index(c.start) == doc.token_index(k.end)
        and doc.token_index(c.end) < len(doc.tokens) and doc.tokens[doc.token_index(c.end)].text in towns
        for k in leaves for c in clause.cues("direction"))


