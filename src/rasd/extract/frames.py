"""Frames: one candidate per clause, with its trigger, places, date, weapon, actors and casualties.

A clause (a sentence, or part of one after فيما/بينما/في حين) with an event trigger yields a frame.
The frame also records what kind of mention it is, because news repeats itself:
- a *reference* ("the attack", "this strike", "both attacks") points back at an event already told;
- a *statement* clause (condemned, called for) talks about an event without reporting a new one;
- a *summary* ("several strikes", "repeated attacks") is not one event;
- a *tally* counts attacks ("at least 92 attacks since 17 October");
- a *since* frame describes a campaign going on since a date, which is background.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import regex

from rasd.extract.casualties import Casualties, read_casualties
from rasd.extract.mentions import Analysis, Mention
from rasd.knowledge.base import FOCUS_COUNTRIES, KnowledgeBase
from rasd.knowledge.places import Place
from rasd.resolve import geo
from rasd.resolve.actors import ActorRef, assign_roles, cues_in, find_refs
from rasd.resolve.typing import CLASS_PRIORITY
from rasd.text.dates import Resolved, resolve
from rasd.text.numbers import read_count

REMOTE_FOR_TOWNS = {"IR", "TR"}
_COMMAS = regex.compile("[،,]")
ATTACK_NOUN_CLASSES = {"attack", "airstrike", "strike", "explosion", "shelling", "launch"}
NON_EVENT_CLASSES = {"none", "war"}


@dataclass(slots=True)
class Located:
    place: Place
    start: int  # normalized span of the name
    end: int
    near: bool = False
    road: bool = False  # named as one end of a road (طريق السخنة–دير الزور)
    quarter: bool = False  # introduced as a neighbourhood (حي الروضة): it lies in the clause's city


@dataclass
class Frame:
    start: int
    end: int
    sentence: int
    is_title: bool
    cls: str | None = None
    triggers: list[Mention] = field(default_factory=list)
    main: Mention | None = None
    reference: bool = False
    mentions_earlier: bool = False  # some trigger in the clause points back (الضربة، هذا الهجوم)
    generic: bool = False
    statement: bool = False
    summary: bool = False
    war: bool = False
    weapon: str | None = None
    weapon_span: tuple[int, int] | None = None
    leaves: list[Located] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    date: Resolved | None = None
    date_explicit: bool = False
    date_span: tuple[int, int] | None = None
    inherited: Resolved | None = None
    since: Resolved | None = None
    since_span: tuple[int, int] | None = None
    refs: list[ActorRef] = field(default_factory=list)
    claimant: ActorRef | None = None
    claim_span: tuple[int, int] | None = None
    accused: ActorRef | None = None
    accuse_span: tuple[int, int] | None = None
    casualties: Casualties = field(default_factory=Casualties)
    intercepted: str | None = None
    protest_mode: str | None = None
    peaceful: bool = False
    arrested: bool = False
    tally_count: int | None = None
    tally_at_least: bool = False
    tally_span: tuple[int, int] | None = None


class FrameBuilder:
    def __init__(self, an: Analysis, kb: KnowledgeBase):
        self.an, self.kb = an, kb
        self.pub: date | None = an.doc.published
        self.vague = _cue_forms(kb, "vague")
        self.numbers = kb.lexicon.numbers
        self.discourse_date: Resolved | None = None
        self.ctx_countries = self._article_countries()
        self.dateline_country = self._dateline_country()

    # ------------------------------------------------------------------ context
    def _article_countries(self) -> dict[str, int]:
        """Countries the article names: country names, nationality adjectives, curated places and big
        cities (admin units alone do not count: الوادي must not make an article Algerian)."""
        counts: dict[str, int] = {}
        self.evidence_at: dict[str, set[int]] = {}  # country -> where the article names it
        for m in self.an.by_layer.get("place", []):
            ccs = {self.kb.places[i].country_code for i in m.refs if _evidence_of_country(self.kb.places[i])}
            if len(ccs) == 1:
                cc = ccs.pop()
                counts[cc] = counts.get(cc, 0) + 1
                self.evidence_at.setdefault(cc, set()).add(m.key_start)
        for m in self.an.by_layer.get("nisba", []):  # الجيش اليمني says Yemen too
            counts[m.ref] = counts.get(m.ref, 0) + 1
        self._nisba_countries = {m.ref for m in self.an.by_layer.get("nisba", [])}
        return counts

    def _dateline_country(self) -> str | None:
        if self.an.dateline_end < 0:
            return None
        for m in self.an.by_layer.get("place", []):
            if m.end <= self.an.dateline_end and m.start >= 0:
                return self.kb.places[m.refs[0]].country_code
        return None

    def dateline_place(self) -> Located | None:
        """The dateline's city (بغداد - …), offered as a fallback place: never a primary one."""
        if self.an.dateline_end < 0:
            return None
        for m in self.an.by_layer.get("place", []):
            if m.end <= self.an.dateline_end:
                cands = [self.kb.places[i] for i in m.refs]
                pts = sorted((p for p in cands if not p.is_area), key=lambda p: -(p.population or 0))
                best = pts[0] if pts else cands[0]
                return Located(best, m.start, m.end, True)
        return None

    def main_country(self) -> str | None:
        if self.ctx_countries:
            return max(self.ctx_countries.items(), key=lambda kv: kv[1])[0]
        return self.dateline_country

    # ------------------------------------------------------------------ clauses
    def clauses(self) -> list[tuple[int, int, int, bool]]:
        out = []
        for s in self.an.sentences:
            cuts = [m.start for m in cues_in(self.an, s.start, s.end, "clause_break") if m.start > s.start + 2]
            bounds = [s.start, *cuts, s.end]
            for a, b in zip(bounds, bounds[1:]):
                if b > a:
                    out.append((a, b, s.index, s.is_title))
        return out

    def build(self) -> list[Frame]:
        frames = []
        for a, b, si, is_title in self.clauses():
            f = self.frame(a, b, si, is_title)
            f.inherited = self.discourse_date
            self.set_discourse(f)
            frames.append(f)
        return frames

    # ------------------------------------------------------------------ one clause
    def frame(self, start: int, end: int, si: int, is_title: bool) -> Frame:
        an, kb = self.an, self.kb
        f = Frame(start, end, si, is_title)
        excluded = self._excluded_spans(start, end)
        actor_spans = [(m.start, m.end) for m in an.in_range("actor", start, end)]
        trig = [m for m in an.in_range("trigger", start, end)
                if m.ref.cls != "none" and not any(s <= m.start < e and (s, e) != (m.start, m.end) for s, e in actor_spans)]
        f.triggers = trig
        self._dates(f, start, end, excluded)
        if not trig and not cues_in(an, start, end, "adopt", "claim_verb", "attribution"):
            return f  # nothing happens here: only its date matters to the clauses after it
        self._places(f, start, end, excluded)
        self._weapon(f, start, end)
        # one pass over the clause's actors: speakers and sources may still be claimants, but they
        # are not participants of the event
        all_refs = find_refs(an, kb, start, end, [])
        f.refs = [r for r in all_refs if not any(s <= r.start < e for s, e in excluded)]
        assign_roles(an, f.refs, trig, start, end)
        self._claims(f, start, end, all_refs)
        f.casualties = read_casualties(an, start, end, self.vague, self.numbers)
        self._classify(f, start, end)
        self._extras(f, start, end)
        return f

    def _excluded_spans(self, start: int, end: int) -> list[tuple[int, int]]:
        """Sources (بحسب …, وفق ما أعلنت …) and speakers (قال X إن …): not participants."""
        an = self.an
        spans: list[tuple[int, int]] = []
        commas = [m.start() for m in _COMMAS.finditer(an.ntext, start, end)]
        comps = cues_in(an, start, end, "complementizer")
        for m in cues_in(an, start, end, "source"):
            stop = next((c for c in commas if c > m.end), end)
            spans.append((m.start, stop))
        for m in cues_in(an, start, end, "speech", "claim_verb"):
            comp = next((c for c in comps if c.start >= m.end and an.token_index(c.start) - an.token_index(m.end) <= 14), None)
            if comp is not None:
                spans.append((m.start, comp.start))
        if an.dateline_end > 0 and start < an.dateline_end:
            spans.append((start, an.dateline_end))
        return spans

    def _dates(self, f: Frame, start: int, end: int, excluded: list[tuple[int, int]]) -> None:
        an = self.an
        since_cues = cues_in(an, start, end, "since")
        for te in an.times:
            if te.start < start or te.end > end or (an.dateline_end > 0 and te.end <= an.dateline_end):
                continue
            if any(s <= te.start < e for s, e in excluded):
                continue  # "قال في بيان يوم الجمعة إن …": the day of the statement, not of the event
            r = resolve(te, self.pub, self.discourse_date.date if self.discourse_date else None)
            if r is None:
                continue
            is_since = any(0 <= an.token_index(te.start) - an.token_index(c.end) <= 1 for c in since_cues) \
                or an.ntext[te.start:te.start + 4] == "منذ "
            if is_since:
                if f.since is None:
                    f.since, f.since_span = r, (te.start, te.end)
                continue
            if f.date is None or (not f.date_explicit and te.explicit_day):
                f.date, f.date_span, f.date_explicit = r, (te.start, te.end), te.explicit_day

    def _places(self, f: Frame, start: int, end: int, excluded: list[tuple[int, int]]) -> None:
        an, kb = self.an, self.kb
        mentions = [m for m in an.in_range("place", start, end) if not any(s <= m.start < e for s, e in excluded)
                    and not any(t.start <= m.start < t.end for t in an.times)]  # آب in "27 آب" is a month
        if not mentions:
            return
        border = cues_in(an, start, end, "border", "origin", "since")
        border += [t for t in an.in_range("trigger", start, end) if t.ref.cls == "war"]
        directions = cues_in(an, start, end, "direction")
        near = cues_in(an, start, end, "near", "direction")
        capital = cues_in(an, start, end, "capital")
        features = an.in_range("feature", start, end)
        sent_countries: set[str] = set()
        sent_admin1: set[tuple[str, str]] = set()
        for m in mentions:
            cands = [kb.places[i] for i in m.refs]
            if all(p.feature == "country" for p in cands) and len({p.country_code for p in cands}) == 1:
                sent_countries.add(cands[0].country_code)
            for p in cands:
                if p.feature == "admin1":
                    sent_admin1.add((p.country_code, p.name_en))
        ctx = geo.Context(sent_countries, self.ctx_countries, sent_admin1, self.dateline_country,
                          {m.ref for m in an.in_range("nisba", start, end)})
        located: list[Located] = []
        carried_feature: list[str] | None = None
        prev_end = -1
        roads = cues_in(an, start, end, "road")
        in_road = False
        for m in mentions:
            mi = an.token_index(m.start)
            if in_road and mi - an.token_index(prev_end) <= 0:
                prev_end = m.end
                continue  # the other towns a road is named after (طريق السخنة–دير الزور)
            in_road = any(0 <= mi - an.token_index(c.end) <= 1 for c in roads)
            feat = self._feature_before(features, mi)
            if feat is None and carried_feature is not None and an.ntext[m.start] == "و" and \
                    an.token_index(m.start) - an.token_index(prev_end) <= 0:
                feat = carried_feature
            refs = self._plausible(m, feat is not None, ctx)
            if not refs:
                continue
            if any(0 <= mi - an.token_index(c.end) <= 3 for c in border):
                prev_end = m.end
                continue  # across a border, a launch origin, a war's or a period's place
            if located and any(0 <= mi - an.token_index(c.end) <= (1 if feat or _after_capital(an, capital, mi) else 0)
                               or self._only_capital_between(an.token_index(c.end), mi) for c in directions):
                prev_end = m.end
                continue  # "X north of Baghdad": Baghdad is only a reference point
            if feat and set(feat) & {"street", "square"}:
                prev_end = m.end
                continue  # شارع فلسطين، ساحة التحرير: a street named after a place
            if any(0 <= mi - an.token_index(c.end) <= 0 for c in capital):
                feat = (feat or []) + ["city"]
            if any(an.token_index(c.end) == mi and an.ntext[c.key_start:c.end] in ("ريف", "باديه") for c in near):
                feat = ["admin1", "admin2"]  # ريف درعا، بادية حمص: the province around the city
            place = geo.choose(kb, refs, feat, ctx)
            is_near = in_road or any(0 <= mi - an.token_index(c.end) <= (1 if feat else 0) for c in near)
            located.append(Located(place, m.start, m.end, is_near, road=in_road,
                                   quarter=bool(feat and "neighbourhood" in feat and "town" not in feat)))
            carried_feature, prev_end = feat, m.end
        located = self._part_of(located)
        if not located or not any(any(0 <= an.token_index(c.start) - an.token_index(d.end) <= 1 for d in directions)
                                  for c in capital):
            located += self._capital_by_nisba(start, end, capital)  # not "غربي العاصمة الليبية" as a mere bearing
        f.countries = _unique([l.place.country_code for l in located])
        leaves = [l for l in located if not any(self._contains(l, o) for o in located)]
        if any(not l.road for l in leaves):
            leaves = [l for l in leaves if not l.road]  # a road's name only places an event named nowhere else
        # same place twice (or two entries for one town a few hundred metres apart): keep the first
        for l in leaves:
            if any(l.place.id == k.place.id or (l.place.lat is not None and k.place.lat is not None
                   and geo.haversine_km(l.place.lat, l.place.lon, k.place.lat, k.place.lon) < 3) for k in f.leaves):
                continue
            f.leaves.append(l)

    def _part_of(self, located: list[Located]) -> list[Located]:
        """"حي الروضة بمدينة تعز": a place named just before a city or province lies in it, so among
        its namesakes take the one inside; if none is, the name was not a place we know there."""
        out: list[Located] = []
        cities = [c for c in located if not c.quarter and c.place.feature in ("city", "town", "admin2") and c.place.lat is not None]
        for i, l in enumerate(located):
            if l.quarter and cities and not any(c is l for c in cities) and not any(
                    geo.haversine_km(c.place.lat, c.place.lon, l.place.lat, l.place.lon) <= 15
                    for c in cities if l.place.lat is not None):
                # "وفي مدينة مأرب … على حي الروضة": the quarter of that city, not a namesake elsewhere
                m = next((x for x in self.an.by_layer.get("place", []) if x.start == l.start), None)
                inside = [self.kb.places[j] for j in (m.refs if m else []) if self.kb.places[j].lat is not None and any(
                    geo.haversine_km(c.place.lat, c.place.lon, self.kb.places[j].lat, self.kb.places[j].lon) <= 15 for c in cities)]
                if inside:
                    out.append(Located(inside[0], l.start, l.end, l.near, l.road, True))
                continue
            nxt = located[i + 1] if i + 1 < len(located) else None
            linked = nxt is not None and self._linked_by_preposition(l, nxt)
            if nxt is not None and linked and nxt.place.feature != "country" and l.place.lat is not None \
                    and nxt.place.lat is not None and self.an.token_index(nxt.start) - self.an.token_index(l.end) <= 2 \
                    and not geo.contains(nxt.place, l.place):
                m = next((x for x in self.an.by_layer.get("place", []) if x.start == l.start), None)
                inside = [self.kb.places[j] for j in (m.refs if m else []) if geo.contains(nxt.place, self.kb.places[j])
                          or (self.kb.places[j].lat is not None and geo.haversine_km(
                              nxt.place.lat, nxt.place.lon, self.kb.places[j].lat, self.kb.places[j].lon) <= 15)]
                if inside:
                    out.append(Located(inside[0], l.start, l.end, l.near, l.road))
                continue
            out.append(l)
        return out

    def _only_capital_between(self, a: int, b: int) -> bool:
        """"غربي العاصمة الليبية طرابلس": only the word for capital and a nationality in between."""
        if b - a < 1 or b - a > 3:
            return False
        nisba_at = {self.an.token_index(n.start) for n in self.an.by_layer.get("nisba", [])}
        return all(self.an.tokens[i].text in ("العاصمه", "عاصمه") or i in nisba_at for i in range(a, b))

    def _linked_by_preposition(self, a: Located, b: Located) -> bool:
        """"X في (مدينة) Y" or "X ب(مدينة) Y": B is where A lies, not another item of a list."""
        an = self.an
        if an.ntext[b.start] == "ب":
            return True
        gap = an.tokens[an.token_index(a.end):an.token_index(b.start)]
        return any(t.text == "في" or (t.text.startswith("ب") and len(t.text) > 3) for t in gap)

    def _contains(self, outer: Located, inner: Located) -> bool:
        """A country or province anywhere in the clause is context for the towns in it; a city or
        district only when it is named right beside the place (في بلدة ذيبان بريف دير الزور), not
        when it is another item of a list (محطة في ريف القامشلي، ومنشأة قرب عامودا)."""
        if not geo.contains(outer.place, inner.place):
            return False
        if outer.place.feature in ("country", "admin1", "sea", "gulf", "strait", "region"):
            return True
        gap = abs(self.an.token_index(outer.start) - self.an.token_index(inner.end))
        gap = min(gap, abs(self.an.token_index(inner.start) - self.an.token_index(outer.end)))
        return gap <= 3

    def _capital_by_nisba(self, start: int, end: int, capital: list[Mention]) -> list[Located]:
        """العاصمة الصومالية / العاصمة الليبية: the capital of the country the adjective names."""
        out: list[Located] = []
        for c in capital:
            ci = self.an.token_index(c.end)
            for n in self.an.in_range("nisba", c.end, min(end, c.end + 30)):
                if self.an.token_index(n.start) == ci:
                    cap = self.kb.capital(n.ref)
                    if cap is not None:
                        out.append(Located(cap, c.start, n.end, False))
        return out

    def _plausible(self, m: Mention, has_feature: bool, ctx: geo.Context) -> list[int]:
        """Drop small-town readings the context does not support: a village named like a common
        word (الآن، العظيم) needs a feature word or its country in the sentence; any small town
        needs a feature word or its country somewhere in the article."""
        key = self.an.ntext[m.key_start:m.end]
        common = key in self.kb.common_place_keys
        # which countries the article places itself in, apart from this very name; nationality
        # adjectives often name foreign attackers (المدفعية التركية) rather than the place
        known_places = bool(ctx.dateline_country or any(pos - {m.key_start} for pos in self.evidence_at.values()))
        known = known_places or bool(self._nisba_countries)
        if key.startswith("و") and key[1:] in self.kb.lexicon_keys:
            return []  # ودان is "and condemned" before it is Waddan
        out = []
        for i in m.refs:
            p = self.kb.places[i]
            # the country must be named somewhere else than in this very name (الوادي alone does not
            # make an article Algerian)
            in_article = bool(self.evidence_at.get(p.country_code, set()) - {m.key_start}) \
                or p.country_code in self._nisba_countries or p.country_code == ctx.dateline_country
            in_sentence = p.country_code in ctx.sentence_countries or (p.country_code, p.admin1 or "") in ctx.sentence_admin1
            in_sentence_any = in_sentence or p.country_code in ctx.sentence_nisba
            if p.feature in ("sea", "gulf", "strait"):
                ok = True  # البحر الأحمر، خليج عدن: no country to vouch, no village to confuse
            elif p.feature == "country":
                ok = not common or in_sentence
            elif common:
                # a nationality adjective (طائرات حربية تركية) does not vouch for a village called حربية
                ok = (has_feature or in_sentence) and (in_article or not known)
            elif p.layer in ("geonames", "user") and (p.country_code in REMOTE_FOR_TOWNS or p.country_code not in FOCUS_COUNTRIES):
                # Persian/Turkish village names and far-away cities (أوستن in "لويد أوستن") need
                # their country in the same sentence
                ok = in_sentence
            elif in_article:
                ok = True
            elif p.layer == "curated" or p.population >= 100_000:
                # a Baghdad district in an article about Syria needs the sentence to point there
                ok = not known_places or in_sentence_any
            else:
                # admin units and small towns of a country the article never names need support
                ok = not known and (has_feature or _trusted(p))
            if ok:
                out.append(i)
        return out

    def _feature_before(self, features: list[Mention], mi: int) -> list[str] | None:
        for ft in features:
            if 0 <= mi - self.an.token_index(ft.end) <= 0:
                return self.kb.features[ft.ref][0]
        return None

    def _weapon(self, f: Frame, start: int, end: int) -> None:
        best = None
        for m in self.an.in_range("weapon", start, end):
            if best is None or m.ref.rank > best.ref.rank:
                best = m
        if best is not None:
            f.weapon, f.weapon_span = best.ref.weapon, (best.start, best.end)

    def _claims(self, f: Frame, start: int, end: int, all_refs: list[ActorRef]) -> None:
        an = self.an
        negators = [m for m in an.in_range("harm", start, end) if m.ref.cue == "negator"]

        def negated(m: Mention) -> bool:
            return any(0 <= an.token_index(m.start) - an.token_index(n.end) <= 1 for n in negators)

        countries = [m for m in an.in_range("place", start, end)
                     if all(self.kb.places[i].feature == "country" for i in m.refs)]
        responsibility = cues_in(an, start, end, "responsibility")
        denials = cues_in(an, start, end, "denial")
        for cue in cues_in(an, start, end, "adopt", "claim_verb"):
            if negated(cue) or any(d.end <= cue.start for d in denials):
                continue
            after = [r for r in all_refs if r.start >= cue.end and an.token_index(r.start) - an.token_index(cue.end) <= 3]
            before = [r for r in all_refs if r.end <= cue.start and an.token_index(cue.start) - an.token_index(r.end) <= 1]
            cand = (after or before or [None])[0]
            if cand is None:
                continue
            if cue.ref.cue == "adopt":
                f.claimant, f.claim_span = cand, (cue.start, cand.end if cand.end > cue.end else cue.end)
                break
            ci = an.token_index(cand.end)
            resp = any(r.start >= cand.end for r in responsibility)
            # "أعلن حزب الله استهداف …", "أعلنت الشرطة القبض على …": the announcer did it
            attack_next = any(0 <= an.token_index(t.start) - ci <= 1 and t.ref.voice == "noun"
                              and (not t.definite or t.ref.cls == "arrest") for t in f.triggers)
            # "أعلن حزب الله أن مقاتليه استهدفوا …": its own fighters attacked — a claim
            own = any(o.start > cand.end and any(0 <= an.token_index(t.start) - an.token_index(o.end) <= 1
                                                 and t.ref.voice in ("active", "light") for t in f.triggers)
                      for o in cues_in(an, start, end, "own_forces"))
            if resp or attack_next or own:
                f.claimant, f.claim_span = cand, (cue.start, max(cand.end, cue.end))
                break
        for cue in cues_in(an, start, end, "attribution"):
            if negated(cue):
                continue
            word = an.ntext[cue.key_start:cue.end]
            if word in ("حمل", "حملت", "يحمل", "تحمل") and not any(
                    0 <= an.token_index(r.start) - an.token_index(cue.end) <= 5 for r in responsibility):
                continue  # حمّل … المسؤولية blames; حمل alone only carries
            if "وراء" in word or "مسوول" in word:
                pool = [r for r in all_refs if r.end <= cue.start] + [
                    _country_ref(self.kb, m) for m in countries if m.end <= cue.start]
                pool = [r for r in pool if an.token_index(cue.start) - an.token_index(r.end) <= 2]
                pool.sort(key=lambda r: r.end)
                cand = pool[-1] if pool else None
            else:
                # اتهم / حمّل ACCUSER? ACCUSED: the subject right after the verb is the accuser
                pool = sorted((r for r in all_refs if r.start >= cue.end), key=lambda r: r.start)
                if len(pool) > 1 and (an.token_index(pool[0].start) == an.token_index(cue.end) or self._is_government(pool[0])):
                    pool.pop(0)
                cand = pool[0] if pool else None
            if cand is not None:
                f.accused, f.accuse_span = cand, (min(cue.start, cand.start), max(cue.end, cand.end))
                break

    def _fire_after(self, t: Mention, end: int) -> bool:
        ti = self.an.token_index(t.end)
        return any(self.an.tokens[k].text in ("النار", "نار", "الرصاص") for k in range(ti, min(ti + 4, len(self.an.tokens)))
                   if self.an.tokens[k].start < end)

    def _sequel_positions(self, start: int, end: int) -> set[int]:
        """Token positions right after "بعد" in a "X comes after Y" clause (وتأتي المواجهات بعد …)
        that gives Y no date of its own: Y is an earlier event recalled, not a new report."""
        an = self.an
        if not cues_in(an, start, end, "sequel_verb") or self._frame_date_explicit:
            return set()
        return {an.token_index(c.end) for c in cues_in(an, start, end, "after", "sequel")}

    def _is_government(self, r: ActorRef) -> bool:
        if r.state_kind == "government":
            return True
        a = self.kb.actor(r.name) if r.name else None
        return bool(a and a.type in ("government", "political"))

    def _classify(self, f: Frame, start: int, end: int) -> None:
        an = self.an
        self._frame_date_explicit = f.date_explicit
        live = [t for t in f.triggers if t.ref.cls not in NON_EVENT_CLASSES]
        f.war = any(t.ref.cls == "war" for t in f.triggers)
        if not live:
            return
        demonstratives = cues_in(an, start, end, "demonstrative")
        generics = cues_in(an, start, end, "generic")

        def is_reference(t: Mention) -> bool:
            if t.definite:
                return True  # "the attack", also when a verb form carries the article (الضربة)
            if t.ref.voice != "noun":
                return False
            ti = an.token_index(t.start)
            return any(0 <= ti - an.token_index(d.end) <= 1 for d in demonstratives)

        def is_generic(t: Mention) -> bool:
            ti = an.token_index(t.start)
            return any(0 <= ti - an.token_index(g.end) <= 1 for g in generics)

        sequel = self._sequel_positions(start, end)
        fresh = [t for t in live if not is_reference(t) and not is_generic(t) and t.ref.voice not in ("imperfect", "light")
                 and an.token_index(t.start) not in sequel]
        if fresh and all(t.ref.cls in ("kill", "injure") for t in fresh) and not an.in_range("weapon", start, end) \
                and not any(r.role == "agent" for r in f.refs):
            fresh = []  # "two were killed" with no attack, weapon or attacker named: the outcome of the last event
        if fresh and all(t.ref.cls in ("kill", "injure") for t in fresh) and any(is_reference(t) for t in live):
            fresh = []  # "the strike killed two": the outcome of an event already told
        if fresh and any(t.ref.voice == "imperfect" for t in live) and all(
                t.ref.voice == "noun" and an.ntext[t.key_start:t.end].endswith("ات") for t in fresh):
            fresh = []  # "يشن التنظيم هجمات": a habit, not an incident
        if not fresh and any(t.ref.voice == "light" for t in live) and not any(is_reference(t) for t in live):
            fresh = [t for t in live if t.ref.voice == "light"]  # "شنت هجوما": the light verb alone still reports
        pool = fresh or live
        pool.sort(key=lambda t: (CLASS_PRIORITY.index(t.ref.cls) if t.ref.cls in CLASS_PRIORITY else 99, t.start))
        f.main = pool[0]
        f.cls = f.main.ref.cls
        if f.cls == "launch" and self._fire_after(f.main, end):
            f.cls = "attack"  # أطلق مسلحون النار: shooting, not a launch
            if f.weapon is None or f.weapon in ("airstrike", "other"):
                f.weapon = "small_arms"
        f.reference = not fresh
        f.mentions_earlier = any(is_reference(t) and not is_generic(t) for t in live)
        f.generic = f.reference and any(is_generic(t) for t in live)
        if not fresh and any(t.ref.voice == "light" for t in live):
            f.main = next(t for t in pool if t.ref.voice != "light") if any(t.ref.voice != "light" for t in pool) else f.main
            f.cls = f.main.ref.cls
        # tallies: a number counting attack nouns (92 هجوما، خمس هجمات)
        for t in live:
            if t.ref.cls not in ATTACK_NOUN_CLASSES or t.ref.voice != "noun":
                continue
            ti = an.token_index(t.start)
            for back in (1, 2, 3):
                ci = ti - back
                if ci < an.token_index(start):
                    break
                c = read_count(an.tokens, ci, self.numbers, self.vague)
                if c is None:
                    continue
                if ci > 0 and an.tokens[ci - 1].text in ("عام", "العام", "سنه", "السنه", "مطلع", "اواخر"):
                    break  # "منذ مطلع عام 2021 هجوما": a year, not a count
                if c.last != ti - 1 and not (c.last == ti - 2 and an.tokens[ti - 1].text in ("عمليه", "عمليات")):
                    break
                if c.vague:
                    f.summary = True
                elif c.value is not None and c.value >= 2 and (f.since is not None or cues_in(an, start, end, "period")
                                                                or not any(not l.place.is_area for l in f.leaves)):
                    # "92 attacks in Iraq and Syria since …" is a tally; "three strikes on Jisr
                    # al-Shughur" is one event at one place
                    f.tally_count, f.tally_span = c.value, (an.tokens[ci].start, t.end)
                    lower = cues_in(an, start, end, "lower_bound")
                    f.tally_at_least = any(
                        0 <= ci - an.token_index(lb.end) <= 0 or 0 <= an.token_index(lb.start) - an.token_index(t.end) <= 0
                        for lb in lower)
                break
            if f.tally_count:
                break
        # a vague quantity on the trigger (عدة ضربات، هجمات متكررة) makes it a summary; crowds of
        # protesters are always counted vaguely (مئات المحتجين) and stay one event
        for v in ([] if f.cls in ("protest", "riot") else cues_in(an, start, end, "vague")):
            vi, vj = an.token_index(v.start), an.token_index(v.end)
            postpositive = an.ntext[v.key_start:v.end] in ("متكرره", "المتكرره")
            for t in live:
                ti, tj = an.token_index(t.start), an.token_index(t.end)
                if (not postpositive and ti == vj) or (postpositive and vi == tj):
                    f.summary = True
        # "condemned the attack": a statement about an event, unless the clause dates a new one
        f.statement = bool(cues_in(an, start, f.main.start, "statement")) and not f.date_explicit
        # an indefinite plural (هجمات، غارات) without a place of its own is a summary of many events
        if f.main.ref.voice == "noun" and an.ntext[f.main.key_start:f.main.end].endswith("ات") and not f.main.definite:
            f.summary = f.summary or not any(l.place.feature != "country" for l in f.leaves)

    def _extras(self, f: Frame, start: int, end: int) -> None:
        an = self.an
        if f.cls in ("interception", "defusal"):
            partial = cues_in(an, start, end, "partial")
            f.intercepted = "partial" if partial else "full"
        sent = an.sentences[f.sentence]
        if f.cls in ("protest", "riot"):
            if cues_in(an, start, end, "intervention"):
                f.protest_mode = "intervention"
            if any(t.ref.cls in ("storming", "looting", "riot") for t in f.triggers):
                f.protest_mode = "violent"  # protesters storming or setting fire: a violent demonstration
            if f.casualties.fatalities and f.cls == "protest":
                f.protest_mode = "excessive"
            f.peaceful = bool(cues_in(an, sent.start, sent.end, "peaceful"))
        if f.cls == "storming":
            f.arrested = any(t.ref.cls == "arrest" for t in an.in_range("trigger", start, end))

    def set_discourse(self, f: Frame) -> None:
        """Dates that later clauses inherit: explicit days within the reporting week."""
        if f.date is not None and f.date_explicit and f.date.precision == 1 and not f.is_title:
            if self.pub is None or (self.pub - f.date.date).days <= 7:
                self.discourse_date = f.date


def _after_capital(an: Analysis, capital: list[Mention], mi: int) -> bool:
    return any(an.token_index(c.end) == mi for c in capital)


def _evidence_of_country(p: Place) -> bool:
    """Mentions that say which country an article is about: the country, a big city, a province or
    a named region (قطاع غزة). A district or a village alone does not (الرصافة is in two countries)."""
    return p.feature in ("country", "admin1", "region") or p.population >= 100_000


def _trusted(p: Place) -> bool:
    """Layers and sizes that count as a place without further support from the context."""
    return p.layer in ("curated", "admin1", "admin2", "country") or p.population >= 100_000


def _country_ref(kb: KnowledgeBase, m: Mention) -> ActorRef:
    cc = kb.places[m.refs[0]].country_code
    return ActorRef(kb.state_actor(cc, "military"), "country", m.start, m.end, cc, "military", True)


def _cue_forms(kb: KnowledgeBase, cue: str) -> frozenset[str]:
    cached = _CUE_FORMS.get((id(kb), cue))
    if cached is None:
        from rasd.text.normalize import norm

        cached = _CUE_FORMS[(id(kb), cue)] = frozenset(norm(c.form) for c in kb.lexicon.cues if c.cue == cue)
    return cached


_CUE_FORMS: dict[tuple[int, str], frozenset[str]] = {}


def _unique(xs: list[str]) -> list[str]:
    out: list[str] = []
    for x in xs:
        if x not in out:
            out.append(x)
    return out
