"""Making event drafts from a frame: one per place it names, each with the frame's date, actors in
ACLED's roles (sides.py: clashes' first and second side; protests: protesters first, the dispersing force
second), weapon and the tolls said in its own part of the clause."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rasd.doc import ArticleDoc
from rasd.extract.casualties import Casualties
from rasd.extract.drafts import OUTCOME_CLASSES, Draft
from rasd.extract.frame import Frame, FrameKind, Located
from rasd.extract.place_tolls import own_parts, toll_is_a_floor
from rasd.extract.sides import roles
from rasd.lang import ar
from rasd.resolve.actors import TARGET, ActorRef, state_side
from rasd.resolve.typing import CLASS_PRIORITY

if TYPE_CHECKING:
    from rasd.extract.article import ArticleStage
    from rasd.knowledge.base import KnowledgeBase


def draft_events(stage: ArticleStage, f: Frame, only: list[Located] | None = None) -> list[Draft]:
    ctx = stage.ctx
    leaves = only if only is not None else [l for l in f.leaves if l.place.feature != "country"]
    by_dateline = False
    when, explicit = stage.frame_date(f)
    agents, targets = roles(stage, f)
    if not leaves and only is None:
        back = _place_referred_back(stage, f)
        leaves = [back] if back is not None else []
    if not leaves and not f.countries and not stage.doc.cues(f.start, f.end, "direction") and \
            not (explicit is False and any(d.place is None for d in stage.last_group)):
        # (not when the clause places the event by a bearing, شمال غرب البلاد: somewhere else; nor
        # when it goes on about an incident left without the dateline's city: كما أضرم المهاجمون …)
        fallback = ctx.dateline_place()
        # (not when the article names provinces of the country, none of them the dateline's: "بغداد --" over a report
        # from Diyala is the bureau, not where its unplaced clauses happened)
        named = _provinces_named_outside_the_dateline(stage, fallback.place.country_code) if fallback is not None else set()
        elsewhere = bool(named) and fallback is not None and fallback.place.admin1 not in named
        if fallback is not None and fallback.place.country_code == ctx.main_country() and not elsewhere:
            leaves, by_dateline = [fallback], True  # nothing named in the clause: the dateline city, as "near"
    places: list[Located | None] = list(leaves) or [None]
    group_country = stage.last_group[0].country if stage.last_group else None
    countries = [None] if leaves else (f.countries or [group_country or ctx.dateline_country or ctx.main_country()])
    if len(countries) > 1 and stage.doc.cues(f.start, f.end, "border"):
        # "foiled a smuggling attempt across the border with Syria": one incident at the border, on the
        # side of whoever acted there
        acting = next((c for c in (_actor_country(ctx.kb, a) for a in agents + f.refs) if c in countries), None)
        countries = [acting or countries[0]]
    other_cc = next((c for c in f.countries if c), None) or ctx.dateline_country
    like = _like_the_last(stage, f)
    out: list[Draft] = []
    for l, cc in [(l, c) for l in places for c in countries]:
        d = Draft(
            frame=f, place=l, country=(l.place.country_code or other_cc) if l else cc,  # a sea takes the coast's country
            date=when, date_explicit=explicit, cls=f.cls or "attack", weapon=f.weapon, weapon_span=f.weapon_span,
            agents=list(agents), targets=[t for t in targets if not agents or t is not agents[0] and (t.name is None or t.name != agents[0].name)],
            basis="reported" if agents else None, evidence=[sentence_span(stage.doc, f)],
            date_span=f.date_span, trigger_span=(f.main.start, f.main.end) if f.main else None,
            intercepted=f.intercepted, protest_mode=f.protest_mode, peaceful=f.peaceful, arrested=f.arrested,
            fallback_place=by_dateline, another=_told_as_another(stage, f),
            town_unknown=l is None and _names_an_unknown_town(stage, f),
        )
        if like is not None:  # "فيما قتل اثنان آخران في مدينة باغو": the same kind of incident as the one just told
            d.cls, d.protest_mode, d.weapon = like.cls, like.protest_mode, d.weapon or like.weapon
            d.agents, d.targets, d.basis = d.agents or like.agents, d.targets or like.targets, d.basis or like.basis
        cas = f.casualties
        others = [o for o in f.leaves if o.place.feature != "country" and o.start != l.start] if l is not None else []
        if others:
            # several places in one clause: each keeps the tolls said in its own comma-parts (the one that
            # lists it, and any that names it again: "غارات على بنش وسرمين، ما أدى إلى مقتل 5 في بنش")
            # (not a part that lists other places too: "قتل 13 في مدن إيرانشهر وخاش وسراوان" is no one place's toll)
            cas = cas.within_any([(a, b) for a, b in own_parts(stage, f, l) if not any(a <= o.start < b for o in others)])
        if len(places) == 1 or cas.items or (cas.fatalities == 0 and cas.injuries in (0, None)):
            d.fatalities, d.injuries, d.casualty_spans = cas.fatalities, cas.injuries, list(cas.spans)
            d.fatalities_floor = toll_is_a_floor(stage, f, d.casualty_spans)
            d.toll_side = toll_side(f) if cas.items else None
        out.append(d)
    return out


def _like_the_last(stage: ArticleStage, f: Frame) -> Draft | None:
    """A bare toll of "others" at a place of its own, in the sentence of an event told just before."""
    last = stage.last_group[-1] if stage.last_group else None
    if last is None or f.cls not in OUTCOME_CLASSES or last.frame.sentence != f.sentence or last.frame is f:
        return None
    others = ar.words("others_word")
    return last if any(stage.doc.word(h) in others for h in f.casualties.victim_heads) else None


VICTIM_SIDES = {"military": "state", "police": "state", "armed": "armed", "civilians": "civilians"}


def toll_side(f: Frame) -> str | None:
    """Whose dead a clause counts: "ثلاثة جنود" the state's, "ستة من مسلحي الحوثي" an armed group's; None
    when the clause names no one or several sides."""
    sides = {VICTIM_SIDES.get(h.ref.group) for h in f.casualties.victim_heads}
    sides |= {"state" if state_side(r) else "armed" if r.armed and r.name else None
              for r in f.refs if r.role == TARGET}
    sides.discard(None)
    return sides.pop() if len(sides) == 1 else None


def add_other_side(d: Draft, f: Frame) -> bool:
    """The toll of the other side of one fight ("قتل 6 من الحوثيين … وقتل ثلاثة جنود") adds to the
    event's; the same side's dead told again do not. True when added."""
    side, cas = toll_side(f), f.casualties
    if side is None or d.toll_side is None or side == d.toll_side or "civilians" in (side, d.toll_side) \
            or d.cls not in ("clash", "attack"):
        return False
    _add_counts(d, cas)
    d.toll_side = "both"
    return True


# place kinds a definite feature word (المدينة، البلدة، المخيم) refers back to
REFERRED_KINDS = {"city", "town", "village", "camp", "neighbourhood"}


def _place_referred_back(stage: ArticleStage, f: Frame) -> Located | None:
    """"قصفت مسيرة مبنى في المدينة الساحلية": a definite feature word with no name after it is the
    latest place of that kind the article named (a province named like its seat counts as that city)."""
    doc = stage.doc
    for m in doc.in_range("feature", f.start, f.end):
        kinds = set(stage.ctx.kb.features[m.ref][0]) & REFERRED_KINDS
        ti = doc.token_index(m.end)
        named = doc.at_token("place", doc.token_index(m.start))  # المدينة المنورة is a name
        if not m.definite or not kinds or doc.at_token("place", ti) is not None or (named is not None and named.end > m.end):
            continue
        if not stage.told_places:
            return None
        # only the latest place: of another kind, a bearing's reference (another place) or where an old
        # event was told (the clause goes on telling it), it is no referent
        # (a country named since is no place of a kind: "ويأتي اعتراض الدفاعات السعودية … غداة مقتل ثلاثة في المدينة نفسها")
        latest, old = next(((l, o) for l, o in reversed(stage.told_places) if l.place.feature != "country"), stage.told_places[-1])
        p = latest.place
        if not old and not latest.near and (p.feature in kinds or (p.feature == "admin1" and p.capital and "city" in kinds)) \
                and (not f.countries or p.country_code in f.countries):
            return Located(p, m.start, m.end, near=False)
        return None
    return None


def _told_as_another(stage: ArticleStage, f: Frame) -> bool:
    """"بعد هجوم آخر وقع يوم الاثنين": the event word followed by "another"; "وفي حادث منفصل، …": a clause opened as
    another incident."""
    if f.main is None:
        return False
    doc = stage.doc
    if any(c.start <= f.start + 1 and doc.ntext[c.start:c.end] in ar.words("separate_incident")
           for c in doc.cues(f.start, f.end, "clause_break")):
        return True
    ti = doc.token_index(f.main.end)  # (an event noun: "وجرح آخر" is one more person hurt)
    return f.main.ref.voice == "noun" and ti < len(doc.tokens) and doc.tokens[ti].start < f.end \
        and doc.tokens[ti].text in ar.words("another_word")


TOWN_FEATURES = {"city", "town", "village"}


def _names_an_unknown_town(stage: ArticleStage, f: Frame) -> bool:
    """"سيطرت الحركة على مدينة روبايا": a town named after its word that the gazetteer lacks; the incident is there,
    not at any place the article told."""
    doc, kb = stage.doc, stage.ctx.kb

    def unknown_name(k: int) -> bool:  # (a name, not "قرية قريبة من الحدود", "بلدة صغيرة")
        return k < len(doc.tokens) and doc.at_token("place", k) is None and doc.tokens[k].text not in kb.known_words
    # (a word for a town only: not منطقة, which may be a district or a region)
    return any(kb.names_one(ft.ref, TOWN_FEATURES) and set(kb.features[ft.ref][0]) <= TOWN_FEATURES and not ft.definite
               and unknown_name(doc.token_index(ft.end)) for ft in doc.in_range("feature", f.start, f.end))


def _actor_country(kb: KnowledgeBase, a: ActorRef) -> str | None:
    known = kb.actor(a.name) if a.name else None
    return a.country or (known.country if known else None)


def sentence_span(doc: ArticleDoc, f: Frame) -> tuple[int, int]:
    s = doc.sentences[f.sentence]
    return s.start, s.end


def leads_toll(f: Frame, after: Frame | None) -> bool:
    """"قتل 6 من مسلحي الحوثي فيما قتل ثلاثة جنود في مواجهات بحيس": a toll that opens a sentence, before the
    clause (`after`, the next frame) telling the event, is that event's (not the events of the sentences before)."""
    if f.kind is not FrameKind.REFERENCE or f.is_title or f.cls not in OUTCOME_CLASSES or \
            any(l.place.feature != "country" for l in f.leaves) or not (f.casualties.fatalities or f.casualties.injuries):
        return False
    return after is not None and after.sentence == f.sentence and after.kind is FrameKind.NEW


def also_killed(doc: ArticleDoc, f: Frame) -> bool:
    """"وقال متحدث إن جنديا قتل أيضا": a bare toll with "also" and no place of its own adds to the event before."""
    return f.cls in OUTCOME_CLASSES and bool(f.casualties.items) and not any(l.place.feature != "country" for l in f.leaves) \
        and any(t.text in ar.words("also_word") for t in doc.tokens[doc.token_index(f.start):doc.token_index(f.end)])


def add_to_toll(doc: ArticleDoc, d: Draft, f: Frame) -> None:
    _add_counts(d, f.casualties)
    d.add_evidence(sentence_span(doc, f))


def _add_counts(d: Draft, cas: Casualties) -> None:
    """More dead and wounded of the same event, summed onto its toll."""
    for kind, n in (("fatalities", cas.fatalities), ("injuries", cas.injuries)):
        if n:
            setattr(d, kind, (getattr(d, kind) or 0) + n)
    d.casualty_spans += cas.spans


def dated_by_relative(doc: ArticleDoc, f: Frame) -> bool:
    """"أصيبوا في الغارة التي وقعت ليلة أمس": the told event named again, its day in a relative clause after it."""
    main = f.main
    if main is None or not main.definite or f.date_span is None:
        return False
    k = doc.token_index(main.end)
    return k < len(doc.tokens) and doc.tokens[k].text in ar.words("relative_pronoun") and f.date_span[0] > main.end


# event words that name no means, and the told classes they may stand for: "the attack" any incident,
# "the confrontations" a crowd's (the firing on protesters told before), never an air strike's
GENERIC_CLASSES = {"attack": ("explosion", "airstrike", "shelling", "protest", "riot"), "clash": ("protest", "riot")}


def _on_protesters(d: Draft) -> bool:
    """Force used on a crowd of protesters (أطلقت الشرطة النار على المحتجين): a protest event."""
    return d.cls == "attack" and any(t.kind == "protesters" for t in d.targets)


def _other_day(a: Draft, b: Draft) -> bool:
    return a.date_explicit and b.date is not None and a.date is not None and a.date.date != b.date.date


def inherit_told(made: list[Draft], unplaced: list[Draft], source: Draft | None, referring: bool) -> None:
    """Drafts a clause makes at a new place, after events told without one. "… killed the militants in
    Hakkari" places the air raid told before, and "the confrontations took place in X" (a reference) the
    firing on protesters told before: that event, at X. "The shelling also hit X": the new place inherits
    who fired and with what."""
    told = min(unplaced, key=lambda u: CLASS_PRIORITY.index(u.cls) if u.cls in CLASS_PRIORITY else 99) if unplaced else None
    for d in made:
        if told is not None and (d.cls in OUTCOME_CLASSES or (referring and d.cls in GENERIC_CLASSES and (
                told.cls in GENERIC_CLASSES[d.cls] or _on_protesters(told)) and not _other_day(d, told))):
            d.cls, d.weapon, d.protest_mode = told.cls, d.weapon or told.weapon, told.protest_mode
            d.targets = d.targets or list(told.targets)
        elif told is None and referring and source is not None and d.cls in OUTCOME_CLASSES and source.cls in ("protest", "riot") \
                and not _other_day(d, source):
            # "تسعة قتلى سقطوا بينهم سبعة في نجامينا واثنان في موندو" after the protests told: the dead of those protests
            d.cls, d.weapon, d.protest_mode = source.cls, d.weapon or source.weapon, source.protest_mode
            d.targets = d.targets or list(source.targets)
        if source is not None and not d.agents and source.agents:
            d.agents, d.basis = list(source.agents), source.basis
        if source is not None and not d.weapon and source.weapon:
            d.weapon = source.weapon


UNKNOWN_QUARTER_FEATURES = {"neighbourhood", "village"}  # a quarter or village named after its word (حي كاران، قرية X)


def in_an_unknown_quarter(stage: ArticleStage, d: Draft) -> Located | None:
    """A placeless incident on a day of its own whose clause names a quarter or village the gazetteer lacks ("هجوم
    آخر شنته الحركة أمس استهدف حي كاران"): the place the article told last before it, as "near" (ACLED codes a
    place it cannot find at the nearest unit it knows); None for an echo of an incident told with its place."""
    doc, f = stage.doc, d.frame
    days = {s.date.date for s in stage.result.drafts if s.specific and s.date is not None}
    if not d.date_explicit or d.date is None or d.date.date in days:
        return None
    if not any(stage.ctx.kb.names_one(ft.ref, UNKNOWN_QUARTER_FEATURES) and not ft.definite
               and doc.at_token("place", doc.token_index(ft.end)) is None for ft in doc.in_range("feature", f.start, f.end)):
        return None
    before = [l for l, old in stage.told_places if not old and l.start < f.start and l.place.country_code == d.country
              and not l.place.is_area]
    return Located(before[-1].place, before[-1].start, before[-1].end, near=True) if before else None


def _provinces_named_outside_the_dateline(stage: ArticleStage, cc: str) -> set[str]:
    """The provinces of country cc that the article's place names (outside its dateline) may stand for."""
    doc, kb = stage.doc, stage.ctx.kb
    return {p.admin1 or p.name_en for m in doc.by_layer.get("place", []) if not doc.dateline_start <= m.start < doc.dateline_end
            for p in (kb.places[i] for i in m.refs) if p.feature == "admin1" and p.country_code == cc}
