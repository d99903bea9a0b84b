"""Where: the places a clause's event happened at, with their candidates chosen by resolve/geo.

Not every place named is where something happened: places across a border or a launch origin, reference points
of a bearing ("north of Baghdad"), streets named after places, the other end of a road, sources and the dateline
are skipped; a place named inside another (حي الروضة بمدينة تعز) takes the namesake inside it; a place that only
contains another one named beside it is context."""

from __future__ import annotations

from dataclasses import replace

from rasd.doc import Clause, CueMention, Mention
from rasd.extract.bearings import projected
from rasd.extract.context import ArticleContext, country_acting, embassy_owner, part_of_a_persons_or_villages_name
from rasd.extract.frame import Frame, Located
from rasd.extract.not_here import BORDER_WINDOW, Cues, not_the_event_place, source_seat
from rasd.extract.part_of import part_of
from rasd.extract.capitals import capital_by_nisba, capital_of_the_article
from rasd.extract.places import bracketed, leaves, plausible
from rasd.extract.when import after_a_plain_noun, opens_recent_incident
from rasd.lang import ar
from rasd.resolve import geo


class Where:
    name = "where"
    reads = ()
    fills = ("leaves", "countries")
    every_clause = False

    def fill(self, frame: Frame, clause: Clause, ctx: ArticleContext, anchored_own: bool = False) -> None:
        """anchored_own: the clause's event is the one told after its anchor cue ("يأتي ذلك بعد 24 ساعة على
        غارة في صور"), so the places after the cue are its own (kind.py asks again once it knows)."""
        doc = clause.doc
        # "ردا على هجوم في X", "بعد يومين من هجوم مماثل في بلدة X": the answered or earlier event, up to its comma
        anchors = [c for c in clause.cues("anchor_event") if not anchored_own and not opens_recent_incident(clause, c)]
        answered = [reason_part(clause, c.end) for c in clause.cues("response", "prior_event") + anchors]
        answered += [(c.start, reason_part(clause, c.end)[1]) for c in after_a_plain_noun(clause)]
        witnessed = doc.witnessed_place(clause.start)  # "في ماندالاي، التي شهدت السبت …": the place that saw it
        mentions = [m for m in ([witnessed] if witnessed else []) + clause.mentions("place") if not clause.is_excluded(m.start)
                    and not doc.in_time(doc.token_index(m.start))  # آب in "27 آب" is a month
                    and not any(a <= m.start < b for a, b in answered)  # "ردا على هجوم في أريحا"
                    and not embassy_owner(doc, ctx.kb, m)]
        # "رغم توقيع اتفاق وقف إطلاق النار في الدوحة": what the news happened despite is never where it happened
        mentions = [m for m in mentions if not any(a <= m.start < b for a, b in (
            reason_part(clause, c.end) for c in clause.cues("motive") if doc.word(c) in ar.words("concession_word")))]
        # "اعتصام قرب مسجد الكالوتي احتجاجا على تهديدات باقتحام الأقصى": a place in the motive, an aim or a
        # plan (ويعتزمون السير إلى X) is not where the event is, when the clause names another one
        motives = [reason_part(clause, c.end) for c in clause.cues("motive", "aim", "unreal")
                   if doc.word(c).split(" ")[0] not in ar.words("motive_charge")]
        # "تظاهروا تنديدا بالحرب على غزة": the words of a protest that say what it is against
        motives += [reason_part(clause, c.end) for c in clause.cues("protest_context")
                    if doc.ntext[c.start:c.end] in ar.words("protest_motive")]
        outside = [m for m in mentions if not any(a <= m.start < b for a, b in motives)]
        # (a protest's cause is never where it gathered: "تظاهروا تضامنا مع أهل القدس" names no place of its own)
        mentions = outside or ([] if any(t.ref.cls == "protest" for t in clause.mentions("trigger")) else mentions)
        if not mentions and not clause.cues("capital"):
            return  # (but "في العاصمة الصومالية" names the capital by its country's adjective alone)
        cues = Cues(sorted(clause.cues("border", "origin", "route_from", "since", "distance") + anchors, key=lambda c: c.start)
                     + [t for t in clause.mentions("trigger") if t.ref.cls == "war"],
                     (bearings := [c for c in clause.cues("direction") if not bracketed(clause, c)]),
                     sorted(clause.cues("near") + bearings, key=lambda c: c.start), clause.cues("capital"),
                     clause.mentions("feature"), clause.cues("road"),
                     clause.cues("speech", "claim_verb", "attribution", "denial"), clause.cues("outlet_noun"))
        located = _capitals_for_provinces(clause, ctx, part_of(clause, ctx, _locate(clause, ctx, mentions, cues)))
        located = [_quarter_of_the_dateline_city(ctx, l) for l in located]
        if not located or not any(clause.after(cues.directions, c.start, 1) for c in cues.capital):
            located += capital_by_nisba(clause, ctx, cues.capital)  # not "غربي العاصمة الليبية" as a mere bearing
        if all(l.place.feature == "country" for l in located) and (caps := capital_of_the_article(clause, ctx, cues.capital, located)):
            located = caps + [l for l in located if l.place.country_code != caps[0].place.country_code]
        frame.countries = _unique([l.place.country_code for l in located])
        frame.leaves = leaves(clause, located)


def _capitals_for_provinces(clause: Clause, ctx: ArticleContext, located: list[Located]) -> list[Located]:
    """"وفي كركوك أصيب جنديان … في قضاء الدبس": a bare city name that is also its province's, beside a place of that
    province outside the city, names the province (which then holds the place, not a second event)."""
    doc, out = clause.doc, list(located)
    for i, l in enumerate(located):
        m = doc.at_token("place", doc.token_index(l.start))
        # "وفي إدلب، …", "أما في جنين، …": the topic
        at = doc.token_index(l.start) - doc.token_index(clause.start)
        fronted = at <= 1 or (at == 2 and doc.tokens[doc.token_index(clause.start)].text in ar.words("topic_opener"))
        ft = doc.at_token("feature", doc.token_index(l.start) - 1)
        if l.place.feature not in (("city", "town") if fronted else ("city",)) or m is None or \
                (ft is not None and "region" not in ctx.kb.features[ft.ref][0]):
            continue  # (a city after "مدينة" is the city; after "منطقة" it may be its province: منطقة جازان)
        provinces = [p for p in (ctx.kb.places[r] for r in m.refs) if p.feature == "admin1" and p.country_code == l.place.country_code]
        inner = [o for o in located if o.start > l.end and o.place.feature not in ("country", "admin1", "city")
                 and doc.ntext[o.start] not in ar.words("and_clitic") and (fronted or not geo.contains(l.place, o.place))]
        if provinces and inner and any(geo.contains(provinces[0], o.place) for o in inner):
            out[i] = Located(provinces[0], l.start, l.end, l.near, l.road, l.quarter)
    return out


def _quarter_of_the_dateline_city(ctx: ArticleContext, l: Located) -> Located:
    """"الموصل – … غارة على منازل في حي اليرموك": a known quarter of another city (Baghdad's Yarmouk) whose province
    the article never names is the namesake quarter of the dateline's city."""
    home = ctx.dateline_place()
    p = l.place
    if home is None or p.feature != "neighbourhood" or home.place.feature not in CITY_FEATURES or \
            home.place.country_code != p.country_code or home.place.admin1 == p.admin1:
        return l
    doc = ctx.doc
    if any(ctx.kb.places[i].admin1 == p.admin1 and ctx.kb.places[i].country_code == p.country_code
           for m in doc.by_layer.get("place", []) if not (m.start <= l.start < m.end) for i in m.refs[:1]):
        return l  # the quarter's own city or province is named too
    return Located(home.place, l.start, l.end, l.near, l.road, quarter=True)


CITY_FEATURES = {"city", "town"}


def _locate(clause: Clause, ctx: ArticleContext, mentions: list[Mention], cues: Cues) -> list[Located]:
    doc = clause.doc
    geo_ctx = _geo_context(clause, ctx, mentions)
    located: list[Located] = []
    carried_feature: list[str] | None = None
    prev_end, in_road = -1, False
    reference_point: Located | None = None  # "20 km from the town of X": X, if nothing nearer is named
    for m in mentions:
        mi = doc.token_index(m.start)
        if in_road and mi - doc.token_index(prev_end) <= 0:
            prev_end = m.end
            continue  # the other towns a road is named after (طريق السخنة–دير الزور)
        in_road = clause.after(cues.roads, m.start, 1)
        feat = _feature_before(clause, ctx, cues.features, mi)
        if feat is None and part_of_a_persons_or_villages_name(doc, ctx.kb, m):
            continue
        if feat is None and carried_feature is not None and doc.ntext[m.start] in ar.words("and_clitic") and \
                mi - doc.token_index(prev_end) <= 0:
            feat = carried_feature
        adjective = doc.at_token("nisba", doc.token_index(m.end))
        if adjective is not None and adjective.start < m.end:
            adjective = None
        # "مدينة الخفاجية الإيرانية": the town's own adjective names its country, as its name would
        # (after a feature word only: "طائرات حربية تركية" are Turkish aircraft, not the town Harbiye)
        own_ctx = replace(geo_ctx, sentence_countries=geo_ctx.sentence_countries | {adjective.ref}) \
            if adjective and feat is not None else geo_ctx
        refs = plausible(clause, ctx, m, feat is not None, own_ctx)
        refs = _named_after_a_feature(clause, ctx, cues, m, mi, feat, refs)
        if adjective is not None:
            # "الشمال الإسرائيلي": the north of Israel, not Lebanon's North governorate
            refs = [i for i in refs if ctx.kb.places[i].country_code == adjective.ref]
        # "65 كيلومترا جنوب مدينة الكوت": the point itself, if nothing nearer is named
        far = projected(clause, geo.choose(ctx.kb, refs, feat, geo_ctx), m.start, m.end) if refs else None
        if far or not refs or country_acting(doc, ctx.kb, m) or not_the_event_place(clause, cues, m, mi, feat, bool(located)):
            if refs:
                prev_end = m.end
                if reference_point is None and (far or _kilometres_from(clause, mi)):
                    reference_point = far or Located(geo.choose(ctx.kb, refs, feat, geo_ctx), m.start, m.end, True)
            continue
        feat = _feature_from_words(clause, cues, m, mi, feat)
        place = geo.choose(ctx.kb, refs, feat, geo_ctx)
        is_near = (in_road := in_road or _between_pair(clause, mentions, m, mi)) or clause.after(cues.near, m.start, 1 if feat else 0)
        located.append(Located(place, m.start, m.end, is_near, road=in_road,
                               quarter=bool(feat and "neighbourhood" in feat and "town" not in feat)))
        carried_feature, prev_end = feat, m.end
    if reference_point is not None and reference_point.place.feature not in AREA_FEATURES and \
            all(l.place.feature in AREA_FEATURES for l in located):
        located.append(reference_point)  # ACLED: "near X" (geo_precision 2) rather than the province
    seat = _sources_town(clause, ctx) if all(l.place.feature in AREA_FEATURES for l in located) else None
    return [seat, *located] if seat is not None else located


def _sources_town(clause: Clause, ctx: ArticleContext) -> Located | None:
    """"قال شهود في بهبهان إن السلطات احتجزت عدة أشخاص بالمدينة الواقعة في إقليم خوزستان": "the city" (بالمدينة، في
    المدينة) in a clause that names no town of its own is the town its sentence gave as where the sources are."""
    doc = clause.doc
    if not any(ar.has_word("the_town_word", t.text, "preposition_clitic")
               for t in doc.tokens[doc.token_index(clause.start):doc.token_index(clause.end)]):
        return None
    sentence = doc.sentences[clause.sentence]
    for m in doc.in_range("place", sentence.start, clause.end):
        places = [ctx.kb.places[i] for i in m.refs]
        if source_seat(clause, doc.token_index(m.start), sentence.start, "witness_noun") and places and \
                all(p.feature in ("city", "town", "village") for p in places):
            return Located(geo.choose(ctx.kb, m.refs, None, _geo_context(clause, ctx, [m])), m.start, m.end, False)
    return None


def _named_after_a_feature(clause: Clause, ctx: ArticleContext, cues: Cues, m: Mention, mi: int,
                           feat: list[str] | None, refs: list[int]) -> list[int]:
    """The places a name after a feature word may still be: none when the feature is named after the place (a
    village after a river, a hospital after its town, an embassy after its state), which is then elsewhere."""
    if not feat:
        return refs
    doc = clause.doc
    places = [ctx.kb.places[i] for i in refs]
    if set(feat) <= SETTLEMENTS and all(p.feature in NATURAL or (
            p.feature == "admin1" and "village" in feat and "city" not in feat and m.key_start == m.start) for p in places):
        return []  # قرية دجلة، بلدة النيرب، قرى كاتانغا: a village named after a river, a base or a province, not it
        # (but "قرية بالشمالية": a village in the Northern State)
    if set(feat) <= {"mountain", "river", "region"} and doc.word(m) not in ctx.kb.features and \
            all(p.feature in ("admin1", "country") for p in places) and doc.at_token("feature", mi - 1):
        return []  # وادي عومران، جبل لبنان: a valley or a mountain named like a province, not the province
    if "hospital" in feat and all(p.feature not in ("hospital", "landmark") for p in places) \
            and not _at_the_building(clause, cues, mi):
        return []  # مستشفى جنين الحكومي: a hospital named after its town, where the wounded were taken
    if "bridge" in feat and all(p.feature in AREA_FEATURES for p in places):
        return []  # "جسري المك نمر والنيل الأبيض": a bridge named after a province (one named after a town is at it)
    return refs


def _at_the_building(clause: Clause, cues: Cues, mi: int) -> bool:
    """"غارة على سيارة أمام مدخل مستشفى تبنين": the event happened at the building named after the town (a word
    for beside it or for its gate before the feature word), which then stands in that town."""
    doc = clause.doc
    ft = doc.at_token("feature", mi - 1)
    k = doc.token_index(ft.start) if ft is not None else mi - 1
    clitics = ("and_clitic", "preposition_clitic")
    while k > 0 and ar.has_word("building_part", doc.tokens[k - 1].text, *clitics):
        k -= 1  # "أمام مدخل مستشفى …", "قرب بوابة مستشفى …"
    return k > 0 and (ar.has_word("beside_word", doc.tokens[k - 1].text, *clitics)
                      or ar.has_word("building_part", doc.tokens[k - 1].text, *clitics)
                      or clause.after(cues.near, doc.tokens[k].start, 0))


AREA_FEATURES = {"country", "admin1", "admin2", "region"}


def _between_pair(clause: Clause, mentions: list[Mention], m: Mention, mi: int) -> bool:
    """"اشتباكات بين جبل محسن وباب التبانة": two places right after بين are the two sides (or the two ends of the
    stretch hit), one incident: the first stands for both, as after "بين قريتي" (a road cue)."""
    doc = clause.doc
    if mi == 0 or doc.tokens[mi - 1].text not in ar.words("between_word"):
        return False
    return any(o.start > m.start and doc.gap(m.end, o.start) == 0 and doc.ntext[o.start] in ar.words("and_clitic")
               for o in mentions)


NEAR_KM = 30  # a reference point this close stands for the place (ACLED codes "near X"); farther, it says nothing


def _kilometres_from(clause: Clause, mi: int) -> bool:
    """"على بعد 20 كيلومترا من بلدة X": X is the reference point of a short distance in kilometres."""
    doc = clause.doc
    for c in clause.cues("distance"):
        ci = doc.token_index(c.start)
        if 0 <= mi - doc.token_index(c.end) <= BORDER_WINDOW and doc.word(c).split(" ")[0] in ar.words("kilometre_word") \
                and ci > 0 and doc.tokens[ci - 1].text.isdigit() and int(doc.tokens[ci - 1].text) <= NEAR_KM:
            return True
    return False


# Feature words that announce a settlement, and gazetteer features that are no settlement (a town that
# shares its name with a river or an air base is not that river or base).
SETTLEMENTS = {"village", "town", "city", "neighbourhood", "settlement"}  # (منطقة "area" is no settlement word)
NATURAL = {"river", "mountain", "sea", "gulf", "strait", "island", "dam", "bridge", "airbase", "military_base",
           "airport", "port", "oil_field", "gas_field", "refinery", "border_crossing", "prison"}


def reason_part(clause: Clause, start: int) -> tuple[int, int]:
    """From a response or motive cue (ردا على، احتجاجا على) to the next comma or the clause's end: the
    answered event, the reason."""
    text = clause.doc.ntext
    ends = [i for i in range(start, clause.end) if text[i] in ar.words("comma")]
    # "… لقصف قانا عام 1996، والذي أدى إلى مقتل مئة مدني": a relative clause after the comma goes on telling it
    return start, next((e for e in ends if not _relative_after(text, e + 1)), clause.end)


def reasons_told_on(clause: Clause, reasons: list[CueMention]) -> list[tuple[int, int]]:
    """The relative clauses that go on telling a reason after its comma ("ذكرى قصف …، والذي أدى إلى مقتل …":
    the remembered event's toll, not a new event)."""
    text, out = clause.doc.ntext, []
    for c in reasons:
        a, b = reason_part(clause, c.end)
        comma = next((e for e in range(a, b) if text[e] in ar.words("comma")), None)
        if comma is not None:
            out.append((comma, b))
    return out


def _relative_after(text: str, pos: int) -> bool:
    """A relative clause, or "in addition to" another item of the same list ("أدينوا باستهداف الكنيسة …، بالإضافة
    لتفجيرات في الإسكندرية"), goes on with what the reason told."""
    words = text[pos:pos + 16].split()
    word = words[0] if words else ""
    if word[:1] in ar.words("and_clitic"):
        word = word[1:]
    return word in ar.words("relative_pronoun") or word in ar.words("list_addition")


def _feature_from_words(clause: Clause, cues: Cues, m: Mention, mi: int, feat: list[str] | None) -> list[str] | None:
    doc = clause.doc
    if clause.after(cues.capital, m.start, 0):
        feat = (feat or []) + ["city"]
    if any(doc.token_index(c.end) == mi and doc.word(c) in ar.words("countryside_word") for c in cues.near):
        feat = ["admin1", "admin2"]  # ريف درعا، بادية حمص: the province around the city
    return feat


def _geo_context(clause: Clause, ctx: ArticleContext, mentions: list[Mention]) -> geo.Context:
    sent_countries: set[str] = set()
    sent_admin1: set[tuple[str, str]] = set()
    place_countries: set[str] = set()
    admin1_names: dict[tuple[str, str], int] = {}  # how many of the clause's names name each province
    for m in mentions:
        cands = [ctx.kb.places[i] for i in m.refs]
        if all(p.feature == "country" for p in cands) and len({p.country_code for p in cands}) == 1:
            sent_countries.add(cands[0].country_code)
        elif len({p.country_code for p in cands}) == 1:
            place_countries.add(cands[0].country_code)  # سراقب: a name only one country has
        named = {(p.country_code, p.name_en) for p in cands if p.feature == "admin1"}
        for key in named:
            admin1_names[key] = admin1_names.get(key, 0) + 1
        sent_admin1 |= named
    return geo.Context(sent_countries, ctx.country_counts, sent_admin1, ctx.dateline_country,
                       {m.ref for m in clause.mentions("nisba")}, ctx.admin1_named, place_countries, admin1_names)


def _feature_before(clause: Clause, ctx: ArticleContext, features: list[Mention], mi: int) -> list[str] | None:
    """The feature word (بلدة، محافظة …) right before token mi, if the clause has one."""
    ft = clause.doc.at_token("feature", mi - 1) if features and mi > 0 else None
    if ft is None or ft.start < clause.start or clause.doc.token_index(ft.end) != mi:
        return None
    return ctx.kb.features[ft.ref][0]


def _unique(xs: list[str]) -> list[str]:
    return list(dict.fromkeys(xs))
