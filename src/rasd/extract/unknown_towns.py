"""Towns the gazetteer knows only in Latin letters: a name right after a settlement feature word
(قرية دالوري، منطقة داشتي أرشي) that matched no place is looked up by its consonant skeleton among the
towns of the countries the article names (knowledge/translit.py); so is a rare word right after
"في/على/قرب" (قصف على نيكوبول), if its skeleton is long and its town not a hamlet. Reads the article's mentions and
countries; writes extra place mentions, so every later stage treats the town like any other."""

from __future__ import annotations

import bisect

import regex

from rasd.doc import ArticleDoc, Mention
from rasd.extract.context import ArticleContext
from rasd.knowledge.places import Place, haversine_km
from rasd.knowledge.translit import DISTRICT_LAYER, TINY_KEY, TINY_KEY_POPULATION, TINY_KEY_TOWN, arabic_key
from rasd.lang import ar

# feature words whose following name may be a town (not provinces: admin1 names are all known)
TOWN_FEATURES = {"village", "town", "city", "district", "admin2", "admin1", "region", "port"}  # (ميناء X: the town's port)
MAX_NAME_WORDS = 3
MAX_LIST = 8  # towns listed after a plural feature word (مدن X، Y وZ)
MIN_WORD_LETTERS = 3
BLOCKING_LAYERS = ("place", "actor", "trigger", "weapon", "casualty", "person", "nisba", "feature", "force", "cue")
_ARABIC_WORD = regex.compile(r"[\p{Arabic}]+")
LIST_SKIP = 3  # words of a list's name that no gazetteer knows, skipped to reach the next "and" name
KEPT_ARTICLE_KEY = 4  # a name read with its "ال" as letters needs a long skeleton (LDRT), not الشاي's LŠ
CLEAR_LEAD = 10  # a namesake this many times bigger than the next one is the one meant


def add_unknown_towns(doc: ArticleDoc, ctx: ArticleContext) -> None:
    countries = set(ctx.country_counts)
    if not countries or not ctx.kb.translit:
        return
    added: list[Mention] = []
    for ft in doc.by_layer.get("feature", []):
        if not TOWN_FEATURES & set(ctx.kb.features[ft.ref][0]) or ft.definite:
            continue  # (Arabic names a town after an indefinite feature word: "في المنطقة يقومون" names none)
        ti = doc.token_index(ft.end)
        count = ctx.kb.features[ft.ref][1]
        names = 2 if count == "2" else MAX_LIST if count == "pl" else 1  # بلدتي X وY، مدن X، Y وZ
        for nth in range(names):
            known = doc.at_token("place", ti) if nth > 0 or count == "pl" else None
            if known is not None and doc.token_index(known.start) == ti:
                ti = doc.token_index(known.end)  # a known town of the list (مدن مومباسا، وكيسومو): go on after it
                continue
            found = _town_at(doc, ctx, ti, countries, ft.sentence, second=nth > 0,
                             district=bool(DISTRICT_FEATURES & set(ctx.kb.features[ft.ref][0])))
            if found is None and count == "pl" and nth > 0:
                # "مدن الجديدة وتنغير والعروي وتارجيست": a name no list knows is skipped, the list goes on after it
                nxt = next((k for k in range(ti + 1, min(ti + 1 + LIST_SKIP, len(doc.tokens)))
                            if doc.tokens[k].text[:1] in ar.words("and_clitic")
                            and not doc.comma_between(doc.tokens[ti].end, doc.tokens[k].start)), None)
                if nxt is not None:
                    ti = nxt
                    continue
            if found is None:
                break
            added.append(found)
            ti = doc.token_index(found.end)
    added += _towns_after_locatives(doc, ctx, countries, {a.start for a in added})
    added += _towns_by_distance(doc, ctx, {a.start for a in added})
    if added:
        # a longer town replaces a known place that only opened its name
        kept = [p for p in doc.by_layer.get("place", []) if not any(a.start <= p.start < a.end for a in added)]
        doc.set_layer("place", kept + added)


def _towns_after_locatives(doc: ArticleDoc, ctx: ArticleContext, countries: set[str], taken: set[int]) -> list[Mention]:
    """A town right after "في/على" or "قرب" (قصف على نيكوبول، هجوم قرب مويوكا) with no feature word:
    sought like one after a feature word, but only by a rare word whose skeleton is long or names a
    town of some size, since most words after "في" are no place."""
    # (of a country the article names as a place: "قصف روسي على X" says who fired, not where X is)
    countries = {cc for cc in countries if ctx.evidence_at.get(cc) or cc == ctx.dateline_country}
    if not countries:
        return []
    leads = [k + 1 for k, t in enumerate(doc.tokens) if t.text in ar.words("at_place_preposition")]
    leads += [doc.token_index(m.end) for m in doc.by_layer.get("cue:near", [])]
    sentence_starts = [s.start for s in doc.sentences]
    out: list[Mention] = []
    for ti in sorted(set(leads)):
        if ti >= len(doc.tokens) or doc.tokens[ti].start in taken or doc.at_token("place", ti) is not None:
            continue
        sentence = bisect.bisect_right(sentence_starts, doc.tokens[ti].start) - 1
        found = _town_at(doc, ctx, ti, countries, sentence, second=False, bare=True)
        if found is not None:
            out.append(found)
    return out


DISTANCE_LOOKBACK = 5  # tokens from "N كيلومترا عن" back to the town's name and its relative pronoun
NEAR_REFERENCE_KM = 150  # a namesake this close to the reference town is the one a distance clause means


def _towns_by_distance(doc: ArticleDoc, ctx: ArticleContext, taken: set[int]) -> list[Mention]:
    """"في ندوب التي تبعد أربعين كيلومترا عن باميندا": a name a relative clause places at a distance from a known town
    is a town, though its word is an everyday one (ندوب "scars"): its namesake nearest that town, in its country."""
    out: list[Mention] = []
    for c in doc.by_layer.get("cue:distance", []):
        if doc.word(c).split(" ")[0] not in ar.words("kilometre_word"):
            continue
        ref = doc.at_token("place", doc.token_index(c.end))
        ci = doc.token_index(c.start)
        rel = next((k for k in range(ci - 1, max(0, ci - DISTANCE_LOOKBACK) - 1, -1)
                    if doc.tokens[k].text in ar.words("relative_pronoun")), None)
        if ref is None or not ref.refs or rel is None or rel < 1:
            continue
        w = doc.tokens[rel - 1]
        if w.start in taken or doc.at_token("place", rel - 1) is not None or not _ARABIC_WORD.fullmatch(w.text):
            continue
        anchor = ctx.kb.places[ref.refs[0]]
        if anchor.lat is None:
            continue
        km = {i: haversine_km(anchor.lat, anchor.lon, ctx.kb.places[i].lat, ctx.kb.places[i].lon)
              for i in ctx.kb.translit.get((anchor.country_code, arabic_key([w.text])), [])}
        near = [i for i, d in km.items() if d <= NEAR_REFERENCE_KM]
        if near:
            out.append(Mention("place", w.start, w.end, w.start, False, [min(near, key=km.__getitem__)], ref.sentence))
    return out


def _town_at(doc: ArticleDoc, ctx: ArticleContext, ti: int, countries: set[str], sentence: int, second: bool,
             bare: bool = False, district: bool = False) -> Mention | None:
    """The longest run of unknown words at token ti whose skeleton names one town of the article's countries
    (`bare`: no feature word before it, so a rare first word and a town of some size; `district`: after a word
    for a district, منطقة مايواند، مديرية مهاداي, which may name a district as well as a town)."""
    toks = doc.tokens
    words: list[str] = []
    for k in range(ti, min(ti + MAX_NAME_WORDS, len(toks))):
        w = toks[k].text
        if k > ti and doc.ntext[toks[k - 1].end:toks[k].start].strip(" -"):
            break  # a comma or a bracket ends the name
        if not _ARABIC_WORD.fullmatch(w) or doc.in_time(k) or w in ar.words("name_stop"):
            break
        if k > ti and w[:1] in ar.words("and_clitic"):
            break  # "كيسومو وإلدوريت": the next name of a list
        if k > ti and ar.has_word("capital_centre", w, "preposition_clitic"):
            break  # "منطقة ساجاينج بوسط ميانمار": where in the country it lies, no part of the name
        known = doc.at_token("place", k)
        if any(doc.at_token(layer, k) for layer in BLOCKING_LAYERS if layer != "place") or \
                (known is not None and doc.token_index(known.end) > k + 1):
            break  # (a known one-word place may be part of a longer name: حمام in "حمام ريغة")
        words.append(w)
    if bare and (not words or words[0] in ctx.kb.known_words):
        return None
    if second and words and words[0][:1] in ar.words("and_clitic"):
        words[0] = words[0][1:]  # "والحريجية": the second name of a pair
    for n in _name_lengths(words):
        # "عصيفرة بعيد": an everyday word ends no name, but a town's of 10,000 the whole skeleton spells (فينوتي سلام)
        ends_common = n > 1 and words[n - 1] in ctx.kb.frequent_words
        if n == 1 and (doc.at_token("place", ti) is not None or len(words[0]) < MIN_WORD_LETTERS):
            continue
        key = arabic_key(words[:n])
        # "منطقة مطيبيجة": a town the gazetteer names with its article (المطيبيجة), after a feature word
        spelled = [] if bare else [i for i in ctx.kb.place_names.get(" ".join(words[:n]), [])
                                   if ctx.kb.places[i].country_code in countries and ctx.kb.places[i].feature not in ("country", "admin1")]
        if len(spelled) == 1:
            start, end = toks[ti].start, toks[ti + n - 1].end
            return Mention("place", start, end, start, False, spelled, sentence)
        place = _choose(ctx, key, _inside(doc, ctx, ti + n, [i for cc in countries for i in ctx.kb.translit.get((cc, key), [])]),
                        any_size=not district)
        if place is None and district and n == len(words) and not set(words) & ctx.kb.known_words:
            # "منطقة زورمي": a district where no town answers (not "منطقة القبائل", an everyday word)
            place = _choose(ctx, key, [i for cc in countries for i in ctx.kb.districts.get((cc, key), [])])
        if place is None and words[0][:2] in ar.words("article") and \
                len(key := arabic_key(words[:n], keep_article=True)) >= KEPT_ARTICLE_KEY:
            # إلدوريت (normalized الدوريت): El-, not the article
            place = _choose(ctx, key, [i for cc in countries for i in ctx.kb.translit.get((cc, key), [])])
        if place is not None and ((bare and not _big_enough(ctx.kb.places[place], key))
                                  or (ends_common and ctx.kb.places[place].population < TINY_KEY_TOWN)):
            continue
        if place is None and ends_common:
            continue
        if place is not None and n == 1 and words[0] in ctx.kb.frequent_words and \
                ctx.kb.places[place].population < TINY_KEY_POPULATION:
            continue  # an everyday word after "town" names a town only if a city is called so (مدينة بيني)
        if place is not None:
            start, end = toks[ti].start, toks[ti + n - 1].end
            return Mention("place", start, end, start, False, [place], sentence)
    return None


PROVINCE_REACH = 3  # tokens from a town's name to the province that locates it: "في ولاية زامفارا"


def _inside(doc: ArticleDoc, ctx: ArticleContext, after: int, candidates: list[int]) -> list[int]:
    """"قرية جورا في ولاية زامفارا": of the towns a skeleton names, those inside the province named right after."""
    for k in range(after, min(after + PROVINCE_REACH, len(doc.tokens))):
        m = doc.at_token("place", k)
        provinces = [ctx.kb.places[i] for i in (m.refs if m is not None else []) if ctx.kb.places[i].feature == "admin1"]
        if provinces:
            return [i for i in candidates if any(ctx.kb.places[i].country_code == p.country_code
                                                 and ctx.kb.places[i].admin1 == p.name_en for p in provinces)]
    return candidates


def _name_lengths(words: list[str]) -> list[int]:
    """The whole run of unknown words is the name, or a shorter run when a definite adjective follows it
    ("داشتي أرشي المحاذية"); a town matching only the first word of "بريمة رشيد" is another town."""
    out = [len(words)] if words else []
    article = ar.words("article")
    for n in range(len(words) - 1, 0, -1):
        if words[n][:2] in article and words[n - 1][:2] not in article:
            out.append(n)
    return out


BARE_KEY = 4  # a town named without a feature word: a skeleton this long (NKBL) …
BARE_POPULATION = 5_000  # … and a town this big, or a short skeleton and a city (بيني BN, 200,000)


def _big_enough(p: Place, key: str) -> bool:
    return p.population >= (BARE_POPULATION if len(key) >= BARE_KEY else TINY_KEY_POPULATION)


SHORT_KEY = 3  # a three-consonant skeleton (دالوري DLR) names a town only if it is no hamlet
SHORT_KEY_POPULATION = 5_000


PROVINCE_WEIGHT = 1_000_000  # a province outweighs the towns that share its skeleton
DISTRICT_WEIGHT = 50_000  # a district (named after a district word) outweighs hamlets, not cities
DISTRICT_FEATURES = {"admin2", "district"}


def _choose(ctx: ArticleContext, key: str, candidates: list[int], any_size: bool = False) -> int | None:
    """The one town a skeleton names (any_size: a village word named it, so a village of the province the
    article names may be of any size)."""
    def weight(i: int) -> int:
        p = ctx.kb.places[i]
        return PROVINCE_WEIGHT if p.feature == "admin1" else DISTRICT_WEIGHT if p.layer == DISTRICT_LAYER else p.population

    if len(key) < TINY_KEY:
        return None
    # a namesake in a province the article names, or else in a country it names as a place, is the one meant
    # (راكيتنويه beside مقاطعة بيلغورود is Russia's Rakitnoye, not Ukraine's Rokytne of the attacker's nationality)
    in_province = [i for i in candidates if (ctx.kb.places[i].country_code, ctx.kb.places[i].admin1 or "") in ctx.admin1_named]
    for preferred in (in_province, [i for i in candidates if ctx.evidence_at.get(ctx.kb.places[i].country_code)]):
        if preferred:
            candidates = preferred
            break
    if len(key) == TINY_KEY:  # (a city's, or a town's in the province the article names)
        candidates = [i for i in candidates if weight(i) >= (TINY_KEY_TOWN if in_province else TINY_KEY_POPULATION)]
        named = {cc for cc, _ in ctx.admin1_named}
        # (not a city of another province than the one the article names: أجويليلا "في ولاية ميتشواكان" is no Iguala)
        candidates = candidates if in_province else [i for i in candidates if ctx.kb.places[i].country_code not in named]
    elif len(key) == SHORT_KEY and not (in_province and any_size):  # (شيبوك بولاية بورنو: any village of the province)
        candidates = [i for i in candidates if weight(i) >= SHORT_KEY_POPULATION]
    if not candidates:
        return None
    ranked = sorted(candidates, key=lambda i: -weight(i))
    if len(ranked) == 1 or weight(ranked[0]) >= CLEAR_LEAD * max(1, weight(ranked[1])):
        return ranked[0]
    return None
