"""Who did it and to whom: actor references in a clause and the roles their context gives them.

Actor references come from the actor base (حركة النجباء), from a force noun with a nationality
(القوات الأمريكية، غارة إسرائيلية، جنود أمريكيين), from bare state words resolved to the event's
country (الجيش، قوات الأمن), and from unknown-attacker phrases (مسلحون مجهولون). Roles come from the
words around them: the subject of an active attack verb or an agent phrase (على يد، بنيران) is the
perpetrator; the object of على/ضد, a possessive ل (مواقع للحوثيين) or a victim's affiliation
(قيادي في حركة النجباء) is the target.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from rasd.doc import ArticleDoc, Clause, Mention, TriggerMention
from rasd.knowledge.base import KnowledgeBase
from rasd.lang import ar
from rasd.text.segment import HEADLINE_MAX_WORDS

AGENT, TARGET = "agent", "target"
HEAD_LOOKBACK = 6  # nouns before a nationality adjective that may carry it
UNIDENTIFIED = "Unidentified Armed Group"
PROTESTERS = "Protesters"  # the actor base's crowd with no country: ACLED names it by the event's


@dataclass(slots=True)
class ActorRef:
    name: str | None  # None: a bare state word whose country is the event's
    kind: str  # actor | state | generic_state | unknown | protesters | country | occupier
    start: int  # normalized span of the surface form
    end: int
    country: str | None = None
    state_kind: str | None = None  # military / police / government / civilians
    armed: bool = True
    role: str | None = None
    strike_nisba: bool = False  # a nationality on an attack word: names the attacker
    family: str | None = None  # the top of the named actor's parent chain (KnowledgeBase.actor_family)
    post: bool = False  # the state's forces known only by their post: a patrol, a checkpoint (always the target)

    def resolved(self, kb: KnowledgeBase, event_country: str | None) -> str | None:
        if self.name == PROTESTERS and event_country:
            return kb.state_actor(event_country, "protesters")  # ACLED: "Protesters (Colombia)"
        if self.name:
            return self.name
        if self.kind == "generic_state" and event_country:
            return kb.state_actor(event_country, self.state_kind or "military")
        if self.kind == "generic_state" and self.state_kind == "civilians":
            return "Civilians"
        if self.kind == "protesters":
            return kb.state_actor(event_country, "protesters") if event_country else "Protesters"
        if self.kind == "occupier" and event_country in ar.raw_words("occupied_by_israel"):
            return kb.state_actor("IL", "military")  # "قصف الاحتلال" in Gaza, the West Bank or south Lebanon
        return None


def _tok(an: ArticleDoc, pos: int) -> int:
    return an.token_index(pos)


def find_refs(clause: Clause, kb: KnowledgeBase) -> list[ActorRef]:
    """All actor references of a clause: names from the actor base, nationality + force noun, bare
    state words, protesters, unknown attackers."""
    an = clause.doc
    refs: list[ActorRef] = []
    actors = clause.mentions("actor")

    def free(m: Mention) -> bool:  # not inside an actor's name
        a = an.at_token("actor", an.token_index(m.start))
        return a is None or a.start < clause.start or a.end > clause.end

    landmark_owners = {k for a, b in _post_spans(clause, landmarks=True) for k in range(b + 1, b + 1 + POST_OWNER_REACH)}
    for m in actors:
        if _tok(an, m.start) in landmark_owners:
            continue
        a = kb.actors[m.ref]
        refs.append(ActorRef(a.name, "actor", m.start, m.end, a.country, None, a.armed, family=kb.actor_family(a.name)))
    feature_ends = {_tok(an, f.end) for f in clause.mentions("feature")}
    place_ends = {_tok(an, p.end) for p in clause.mentions("place") if _tok(an, p.start) in feature_ends}
    # "مدينة زنجان الإيرانية": a nationality right after a town named as such describes the town
    nisbas = [m for m in clause.mentions("nisba") if free(m) and _tok(an, m.start) not in place_ends]
    heads = [m for m in clause.mentions("force") if free(m)]
    heads += [m for m in clause.mentions("person") if free(m)]
    heads.sort(key=lambda m: m.start)
    taken_heads = _nisba_refs(an, kb, nisbas, heads, refs)
    covered = {k for r in refs for k in range(_tok(an, r.start), _tok(an, r.end))}  # tokens inside a reference
    for h in heads:
        if h.start in taken_heads:
            continue
        kind = _head_kind(kb, h)
        definite = h.definite or an.word(h).split(" ")[-1].startswith(ar.ARTICLE) \
            or an.word(h) in ar.words("indefinite_state_word")  # قوات الأمن: definite by its noun; قوة أمنية
        if h.layer == "force" and definite and kind in ("military", "police") and _is_bare_state_word(an, h):
            if _tok(an, h.start) not in covered:
                refs.append(_named_before(an, refs, h) or ActorRef(None, "generic_state", h.start, h.end, None, kind, True))
                covered.update(range(_tok(an, h.start), _tok(an, h.end)))
        if h.layer == "person" and h.ref.group == "protesters":
            refs.append(ActorRef(None, "protesters", h.start, h.end, None, "protesters", False))
    for m in clause.cues("unknown_actor"):
        refs.append(ActorRef(UNIDENTIFIED, "unknown", m.start, m.end, None, None, True))
    refs += _occupier(clause, covered)
    refs += _unnamed_gunmen(an, kb, heads, refs, covered, {_tok(an, c.end) for c in clause.cues("affiliated")})
    refs += _armed_posts(clause, refs)
    # actors nested in a longer reference (الدفاعات الجوية للتحالف) keep their own entry
    refs.sort(key=lambda r: r.start)
    return _dedupe(refs)


def _named_before(an: ArticleDoc, refs: list[ActorRef], h: Mention) -> ActorRef | None:
    """"أعلن المتحدث باسم الجيش الإسرائيلي أن الجيش نفذ غارة": a bare force word after the same word with its
    country in the clause is that force again, not the event country's (when the clause names one such force)."""
    word = an.ntext[h.start:h.end]
    before = [r for r in refs if r.end <= h.start and r.name and r.kind in ("actor", "country", "state")
              and an.ntext[r.start:r.end].split(" ")[0] == word]
    if len({r.name for r in before}) != 1:
        return None  # ("قصف الجيش السوري …، فيما رد الجيش التركي بقصف مواقع الجيش": which one, the words do not say)
    r = before[-1]
    return ActorRef(r.name, r.kind, h.start, h.end, r.country, r.state_kind, r.armed, family=r.family)


POST_OWNER_REACH = 2  # tokens after "دورية" where its owner may be named (دورية للجيش، دورية أمريكية)


def _armed_posts(clause: Clause, refs: list[ActorRef]) -> list[ActorRef]:
    """"هاجم مسلحون دورية", "استهدف حاجزا": a patrol, checkpoint or barracks with no owner named is
    the event country's forces (ACLED: an attack on them is a battle), and what was hit."""
    an = clause.doc
    if any(r.kind in ("state", "generic_state") for r in refs):
        return []  # "أقام الجيش حاجزا": the force is named, its post is not another side
    spans = _post_spans(clause)
    in_post = {k for a, b in spans for k in range(a, b + 1)}
    if any(m.ref.group in ("military", "police") and _tok(an, m.start) not in in_post for m in clause.mentions("person")):
        return []  # "قتل ثلاثة شرطيين … على حاجز": the force is named by its men
    out: list[ActorRef] = []
    for a, b in spans:
        if any(0 <= _tok(an, r.start) - (b + 1) < POST_OWNER_REACH or _tok(an, r.start) <= a < _tok(an, r.end)
               for r in refs):
            continue  # دورية للجيش الأمريكي، مقر لحزب الله: the owner is named
        out.append(ActorRef(None, "generic_state", an.tokens[a].start, an.tokens[b].end, None, "military", True,
                            role=TARGET, post=True))
    return out


def _post_spans(clause: Clause, landmarks: bool = False) -> list[tuple[int, int]]:
    """Token spans (first, last) of the armed posts the clause names (دورية، قاعدة عسكرية), not after "near" (or,
    with `landmarks`, only those: "قرب حاجز للمخابرات الجوية" says where, and its owner is no participant)."""
    an = clause.doc
    posts = ar.words("armed_post")
    clitics = ar.words("preposition_clitic") | ar.words("and_clitic")
    first, last = _tok(an, clause.start), _tok(an, clause.end)
    near_ends = {_tok(an, c.end) for c in clause.cues("near")} | {
        k + 1 for k in range(first, last) if an.tokens[k].text in ar.words("beside_word")}
    out: list[tuple[int, int]] = []
    for ti in range(first, last):
        if (ti in near_ends) != landmarks:
            continue  # "قتل مدني قرب حاجز": a landmark of where it happened, not who was hit
        text = an.tokens[ti].text
        w = text[1:] if text[:1] in clitics and text[1:] in posts | {ar.ARTICLE + p for p in posts} else text
        end = ti
        if ti + 1 < last and w + " " + an.tokens[ti + 1].text in posts:
            w, end = w + " " + an.tokens[ti + 1].text, ti + 1  # قاعدة عسكرية، موقعا عسكريا
        if w in posts or (w.startswith(ar.ARTICLE) and w[len(ar.ARTICLE):] in posts):
            out.append((ti, end))
    return out


GUNMEN_GROUP_REACH = 3  # tokens after "مسلحون" where the group they belong to may be named (مسلحون ينتمون إلى …)


def _occupier(clause: Clause, covered: set[int]) -> list[ActorRef]:
    """Bare "الاحتلال" ("the occupation"), outside a longer name (قوات الاحتلال): an armed side whose
    name the event's country decides (ActorRef.resolved)."""
    an, out, words = clause.doc, [], ar.words("occupation_word")
    for k in range(_tok(an, clause.start), len(an.tokens)):
        tok = an.tokens[k]
        if tok.start >= clause.end:
            break
        if tok.text in words and k not in covered:
            out.append(ActorRef(None, "occupier", tok.start, tok.end, None, "military", True))
    return out


def _armed_group(kb: KnowledgeBase, r: ActorRef) -> bool:
    """A named armed group that is not the state's forces (the gunmen's group, not whom they attacked)."""
    known = kb.actor(r.name) if r.kind == "actor" and r.name else None
    return bool(known and known.armed and known.type not in ("state_force", "police"))


def _their_group(an: ArticleDoc, kb: KnowledgeBase, h: Mention, r: ActorRef, loyal_to: set[int]) -> bool:
    """Does reference r, right after the gunmen word h, name their group ("مسلحون من حركة الشباب", "مسلحون
    تابعون لـ")? Not the other side coordinated after them ("بين مقاومين وقوات الاحتلال"), nor whose post they
    attacked ("مقرا لقسد", "دورية للجيش")."""
    if r.start == h.start or not 0 <= _tok(an, r.start) - _tok(an, h.end) <= GUNMEN_GROUP_REACH:
        return False
    if an.ntext[r.start] in ar.words("and_clitic"):
        return False
    if _tok(an, r.start) in loyal_to:
        return True
    return _armed_group(kb, r) and an.ntext[r.start] not in ar.words("possessive_lam")


def _unnamed_gunmen(an: ArticleDoc, kb: KnowledgeBase, heads: list[Mention], refs: list[ActorRef],
                    covered: set[int], loyal_to: set[int]) -> list[ActorRef]:
    """"خطف مسلحون 20 تلميذا": gunmen with no group named are an Unidentified Armed Group (ACLED);
    "مسلحون من حركة الشباب" are the group's, which its own reference names."""
    out: list[ActorRef] = []
    words, resistance = ar.words("gunmen_word"), ar.words("resistance_fighters")
    for h in heads:
        hi = _tok(an, h.start)
        # (المسلحون: those told before, whose group the article may have named; but "المقاومون" are named so always)
        if h.layer != "person" or hi in covered or (h.definite and an.word(h) not in resistance) \
                or (an.word(h) not in words and an.word(h) not in resistance and not _described_as_gunmen(an, h)):
            continue
        victims_next = _object_after(an, _tok(an, h.end))  # "قتل مسلحون 6 مدنيين": their victims, not their group
        if not victims_next and any(_their_group(an, kb, h, r, loyal_to) for r in refs):
            continue
        if any(r.start <= h.start < r.end for r in refs):
            continue
        end = an.tokens[_tok(an, h.end)].end if _described_as_gunmen(an, h) else h.end  # (with its adjective)
        out.append(ActorRef(UNIDENTIFIED, "unknown", h.start, end, None, None, True))
    return out


def _described_as_gunmen(an: ArticleDoc, h: Mention) -> bool:
    """"هجوم عناصر إرهابية", "عناصر مسلحة": members (of no group named) whose adjective makes them gunmen."""
    k = _tok(an, h.end)
    return an.word(h) in ar.words("member_noun") and k < len(an.tokens) and an.tokens[k].text in ar.words("gunmen_adjective")


def _nisba_refs(an: ArticleDoc, kb: KnowledgeBase, nisbas: list[Mention], heads: list[Mention],
                refs: list[ActorRef]) -> set[int]:
    """State forces named by a noun and a nationality (جنود أمريكيين، غارة إسرائيلية); returns the
    nouns taken. Each nationality adjective belongs to the nearest noun before it (طائرات وسفن
    حربية أمريكية وبريطانية: the second adjective shares the first one's noun)."""
    taken_heads: set[int] = set()
    last_head: Mention | None = None
    last_nisba_end = -1
    head_starts = [h.start for h in heads]
    for n in nisbas:
        ni = _tok(an, n.start)
        i = bisect.bisect_left(head_starts, n.start)
        head = next((h for h in reversed(heads[max(0, i - HEAD_LOOKBACK):i])
                     if h.end <= n.start and 0 <= ni - _tok(an, h.end) <= 3), None)
        if last_head is not None and 0 <= ni - _tok(an, last_nisba_end) <= 0:
            head = last_head
        if head is None or any(head.end <= p.start and _tok(an, p.end) == ni for p in an.in_range("place", head.end, n.start)) \
                or any(_tok(an, a.end) == ni for a in an.in_range("actor", head.end, n.start)) \
                or any(t.text in ar.words("occupation_word") for t in an.tokens[_tok(an, head.end):ni]) \
                or an.word(head) in ar.words("rebel_word"):
            # "هجوم في كويتا الباكستانية", "مسلحون من بوكو حرام النيجيرية": the town's, the group's adjective; "مدفعية
            # الاحتلال منازل الفلسطينيين": the force is the occupation's, the adjective its target's; "متمردين
            # أوغنديين": rebels of a country are no forces of its state
            continue
        kind, cc = _head_kind(kb, head), n.ref
        first = head  # coordinated nouns share the adjective: طائرات وسفن حربية أمريكية
        while True:
            k = bisect.bisect_left(head_starts, first.start)
            prev = [h for h in heads[max(0, k - HEAD_LOOKBACK):k] if h.end <= first.start
                    and _tok(an, first.start) - _tok(an, h.end) == 0 and an.ntext[first.start] in ar.words("and_clitic")]
            if not prev:
                break
            first = prev[-1]
            taken_heads.add(first.start)
        if kind == "strike":
            refs.append(ActorRef(kb.state_actor(cc, "military"), "state", n.start, n.end, cc, "military", True, strike_nisba=True))
        else:
            refs.append(ActorRef(kb.state_actor(cc, kind), "state", first.start, n.end, cc, kind, kind in ("military", "police")))
        taken_heads.add(head.start)
        last_head, last_nisba_end = head, n.end
    return taken_heads


def _head_kind(kb: KnowledgeBase, h: Mention) -> str:
    if h.layer == "force":
        return "military" if h.ref == "site" else h.ref
    group = h.ref.group
    return {"military": "military", "police": "police", "civilians": "civilians", "armed": "military",
            "protesters": "civilians", "official": "government"}.get(group, "civilians")


def _is_bare_state_word(an: ArticleDoc, h: Mention) -> bool:
    """الجيش / قوات الأمن / الشرطة standing alone (not الجيش السوري الحر, which the actor base names)."""
    words, w = ar.words("bare_state_word"), an.word(h)
    return w in words or (h.definite and ar.ARTICLE + w in words)  # the key is stored without its article


def _dedupe(refs: list[ActorRef]) -> list[ActorRef]:
    out: list[ActorRef] = []
    last_start: dict[str, int] = {}  # refs come sorted: the last kept one of a name is the closest
    for r in refs:
        if r.name and r.name in last_start and abs(last_start[r.name] - r.start) < 3:
            continue
        if r.name:
            last_start[r.name] = r.start
        out.append(r)
    return out


@dataclass
class _RoleCues:
    """The clause's words that decide roles, gathered once."""

    an: ArticleDoc
    start: int
    triggers: list[TriggerMention]
    agent_preps: list[Mention]
    target_preps: list[Mention]
    complementizers: list[Mention]
    weapons: list[Mention]
    affiliated: list[Mention]
    acts_through: list[Mention]
    unknown: list[Mention]
    title: bool = False  # a headline tells the past in the present: "التحالف الدولي يقتل 17 داعشيا"


def _headline(clause: Clause) -> bool:
    """The page's title, or a line like one (short, no final stop): "العراق: التحالف الدولي يقتل 17 داعشياً في كركوك"."""
    snt = clause.doc.sentences[clause.sentence]
    text = clause.doc.ntext[snt.start:snt.end].rstrip()
    return snt.is_title or (text[-1:] not in ar.SENTENCE_FINAL and len(text.split()) <= HEADLINE_MAX_WORDS)


def assign_roles(clause: Clause, refs: list[ActorRef], triggers: list[TriggerMention]) -> None:
    """Set each reference's role from the words around it."""
    cues = _RoleCues(clause.doc, clause.start, triggers, clause.cues("agent_prep"), clause.cues("target_prep", "hosting"),
                     clause.cues("complementizer"), clause.mentions("weapon"),
                     clause.cues("affiliated"), clause.cues("acts_through"), clause.cues("unknown_actor"),
                     _headline(clause))
    for r in refs:
        if r.post:
            continue
        role = _role_by_words(cues, r) or _role_by_membership(cues, r) or _role_by_verb(cues, r)
        if role:
            r.role = role


def _role_by_words(c: _RoleCues, r: ActorRef) -> str | None:
    """Weapons, prepositions, verbal nouns and affiliations right around the reference."""
    an, triggers = c.an, c.triggers
    if r.strike_nisba or any(w.start < r.end and r.start < w.end for w in c.weapons):
        return AGENT  # غارة إسرائيلية، بطائرة مسيرة إسرائيلية: the weapon's owner
    if r.armed and an.ntext[r.start:r.end][:1] not in ar.words("possessive_lam") and \
            any(_tok(an, w.end) == _tok(an, r.start) for w in c.weapons) and \
            (not an.ntext[r.start:r.end].startswith(ar.ARTICLE) or _strike_noun_after(c, r)):
        # "صاروخ حوثي": a group's adjective after the weapon (but "قصفت مسيرة الحوثيين": the target); "شنت مقاتلات
        # التحالف العربي غارتين": the weapon's owner, in construct, before the strikes it launched
        return AGENT
    if _preceded_by(an, r, c.agent_preps, 2):
        return AGENT
    if _preceded_by(an, r, c.target_preps, 2):
        # (but a masculine plural in -ون right after the verb is its subject: "استهدف مسلحون مجهولون الشاب …")
        return AGENT if _nominative_plural_after_verb(an, r, c.target_preps) else TARGET
    ri, nxt_i = _tok(an, r.start), _tok(an, r.end)
    word = an.ntext[r.start:r.end]
    affiliated = any(_tok(an, a.end) == ri for a in c.affiliated)
    role = None if affiliated else _after_masdar(an, r, ri, word, triggers)
    if role:
        return role
    # "ردّ الجيش الإسرائيلي بقصف …", "قامت القوات باعتقال …": the actor acts through the verbal noun
    if any(_tok(an, a.end) == ri for a in c.acts_through) and any(
            _tok(an, t.start) == nxt_i and an.ntext[t.start] in ar.words("locative_clitic") and t.ref.voice == "noun"
            and not t.definite for t in triggers):
        return AGENT
    # "عناصر مسلحة تابعة للدعم السريع اختطفت …": the subject's affiliation is the perpetrator; so in VSO
    # "هاجم مسلحون تابعون لحركة الشباب حاجزا": the verb's subject's group
    # (a verb read as passive is active when its object follows: "مسلحين يشتبه في انتمائهم لبوكو حرام قتلوا 12 شخصا")
    if affiliated and any(0 <= _tok(an, t.start) - nxt_i <= 1 and (t.ref.voice in ("active", "light") or (
            t.ref.voice == "passive" and _object_after(an, _tok(an, t.end)))) for t in triggers):
        return AGENT
    if affiliated and _affiliated_subject(c, ri):
        return AGENT
    # a site in construct with its owner, after an attack verb: "هاجم مقاتلو العشائر مقار قسد"
    site = an.at_token("force", ri - 1) if ri > 0 else None
    if site is not None and site.ref == "site" and _tok(an, site.end) == ri and word[:1] not in ar.words("possessive_lam") \
            and any(t.ref.voice in ("active", "light") and _tok(an, t.end) <= ri - 1 for t in triggers):
        return TARGET
    # possessive ل after a noun that is not a force word: مواقع للحوثيين، مقرا لـ"الحشد"
    prev_tok = an.tokens[ri - 1].text if ri > 0 else ""
    if (word[:1] in ar.words("possessive_lam") or prev_tok in ar.words("possessive_lam")) and not affiliated \
            and not _after_force_noun(an, r) and prev_tok not in ar.words("statement_noun"):
        return TARGET  # (not "بيان للحرس الثوري": the speaker of a statement)
    return None


STRIKE_NOUN_REACH = 3  # tokens from a weapon's owner to the strike noun its aircraft launched


def _strike_noun_after(c: _RoleCues, r: ActorRef) -> bool:
    """An event noun right after the reference, past a time phrase: the verb's object is the strike."""
    k = _tok(c.an, r.end)
    while k < len(c.an.tokens) and c.an.in_time(k):
        k += 1
    return any(t.ref.voice == "noun" and 0 <= _tok(c.an, t.start) - k <= STRIKE_NOUN_REACH - 1 for t in c.triggers)


def _affiliated_subject(c: _RoleCues, ri: int) -> bool:
    """The affiliation cue before token ri follows a person word or a weapon that is an active verb's subject."""
    an = c.an
    cue = next((a for a in c.affiliated if _tok(an, a.end) == ri), None)
    k = _tok(an, cue.start) - 1 if cue is not None else -1
    unknown = next((u for u in c.unknown if _tok(an, u.end) - 1 == k), None)
    weapon = next((w for w in c.weapons if _tok(an, w.end) - 1 == k), None) if k >= 0 else None
    if unknown is not None:
        k = _tok(an, unknown.start)  # "جماعة مسلحة تابعة لحركة الشباب"
    elif weapon is not None:
        k = _tok(an, weapon.start)  # "قتلت طائرة مسيرة تابعة للدعم السريع 12 مدنيا": the weapon's owner
    elif k < 0 or not _is_person_word(an, k):
        return False
    return any(t.ref.voice in ("active", "light") and _tok(an, t.end) <= k and _only_time_between(an, _tok(an, t.end), k)
               for t in c.triggers)


def _role_by_membership(c: _RoleCues, r: ActorRef) -> str | None:
    """"ثلاثة من عناصر X" are X's members (the victims); "مسلحون من X" after an attack verb attack."""
    an, triggers = c.an, c.triggers
    ri = _tok(an, r.start)
    if ri > 0 and an.tokens[ri - 1].text in ar.words("group_kind_word"):
        ri -= 1  # "ثلاثة عناصر من ميليشيا الحشد الشعبي": the kind of group before its name is part of it
    prev_tok = an.tokens[ri - 1].text if ri > 0 else ""
    members = (ri >= 1 and _is_person_word(an, ri - 1)) or (prev_tok in ar.words("partitive") and _is_person_word(an, ri))
    person_at = next((k for k in (ri - 1, ri - 2, ri - 3) if k >= 0 and _is_person_word(an, k)), None)
    if person_at is not None and any(_tok(an, p.end) == person_at for p in c.agent_preps):
        return AGENT  # "على يد عناصر من قوات الدعم السريع": the members did it
    # "إن عناصر من تنظيم داعش هاجموا": members of X and the verb they did
    # (a verb read as passive is active when its object follows: "عناصر من X قتلوا 40 قرويا")
    acting = any(_tok(an, t.start) == _tok(an, r.end) and (t.ref.voice in ("active", "light") or (
        t.ref.voice == "passive" and plural_verb(an.word(t)) and an.ntext[t.start] not in ar.words("and_clitic")
        and _object_after(an, _tok(an, t.end)))) for t in triggers)
    if (members or (prev_tok in ar.words("partitive") and ri >= 2 and _is_person_word(an, ri - 2))) and acting:
        return AGENT  # (and "إن عناصر من بوكو حرام قتلوا 40 قرويا": the men of X, then their verb)
    if members and prev_tok in ar.words("fighters_of") and _victims_follow(an, r) and any(
            t.ref.voice == "passive" and _tok(an, t.end) == ri - 1 for t in triggers):
        return AGENT  # "قتل أفراد عصابة 9 أشخاص": the gang's men, then their victims: the verb is active
    # (an active verb right before "[a number] of X" has them as its subject: اقتحم عدد من المحتجين)
    if members and not any(t.ref.voice in ("active", "light") and 0 <= (ri - 1) - _tok(an, t.end) <= 1 for t in triggers):
        return TARGET  # ثلاثة من عناصر وحدات مقاومة سنجار: members of X, the victims
    if prev_tok in ar.words("partitive") and ri >= 2 and _is_count(an.tokens[ri - 2].text) and not any(
            t.ref.voice in ("active", "light") and 0 <= (ri - 2) - _tok(an, t.end) <= 1 for t in triggers):
        return TARGET  # "قتل ثلاثة من القوات الحكومية": a number of X's men, the victims
    person_at = next((k for k in (ri - 2, ri - 3) if k >= 0 and _is_person_word(an, k)), None)
    if person_at is not None and person_at > 0 and an.tokens[person_at - 1].text in ar.words("with_word"):
        return None  # "اشتباكات مع عناصر من تنظيم داعش": the men the others fought, no victims
    armed_men = person_at is not None and an.at_token("person", person_at).ref.group == "armed"
    if person_at is not None and (prev_tok in ar.words("locative_preposition") | ar.words("partitive")
                                  or (prev_tok in ar.words("affiliation_word") and armed_men)):  # مسلحون مرتبطون بـ
        # مسلحون من تنظيم داعش after an attack verb are the attackers; قيادي (بارز) في حركة
        # النجباء, عناصر من قسد after a casualty verb are the victims' group
        after_active = any(t.ref.voice in ("active", "light") and 0 <= person_at - _tok(an, t.end) <= 0 for t in triggers)
        # "قتل مسلحون من حركة الشباب 6 مدنيين": a verb read as passive is active when its object follows
        after_active = after_active or (_victims_follow(an, r) and any(
            t.ref.voice == "passive" and person_at == _tok(an, t.end) for t in triggers))
        return AGENT if after_active or acting else TARGET
    return None


COORDINATED_SUBJECT = 3  # tokens of a first subject (قوات حرس الحدود) before a second one joined by و


def _role_by_verb(c: _RoleCues, r: ActorRef) -> str | None:
    """Subject or object of an attack verb (VSO, SVO) or a passive verb."""
    an = c.an
    ri = _tok(an, r.start)
    for t in c.triggers:
        ti_end, ti_start = _tok(an, t.end), _tok(an, t.start)
        voice = "active" if t.ref.voice == "imperfect" and c.title else t.ref.voice
        # (its men in the construct: "هاجم مسلحو جماعة X" is X's attack)
        subject_at = ti_end + 1 if ti_end < ri and an.tokens[ti_end].text in ar.words("fighters_of") else ti_end
        if voice in ("active", "light") and ri - subject_at == 1 and not plural_verb(an.word(t)) and \
                (an.at_token("weapon", subject_at) or an.at_token("force", subject_at)) and _struck_after(an, _tok(an, r.end)):
            return AGENT  # "قصفت طائرات التحالف العربي أمس مواقع في صعدة": the aircraft's owner, its object after it
        if voice == "active" and ri > ti_end and all(_is_count(an.tokens[k].text) for k in range(ti_end, ri)):
            return TARGET  # "التحالف الدولي يقتل 17 داعشيا": a counted noun right after the verb is its object
        if voice in ("active", "light") and 0 <= ri - subject_at <= 2 and _only_time_between(an, subject_at, ri):
            # a verb that already carries a plural subject (استهدفوا، قصفوا) is followed by its
            # object: Arabic verbs before an explicit subject stay singular
            return TARGET if plural_verb(an.word(t)) else AGENT
        if voice in ("active", "light") and not plural_verb(an.word(t)) and an.ntext[r.start] in ar.words("and_clitic") \
                and 1 <= ri - subject_at <= COORDINATED_SUBJECT and an.at_token("force", subject_at):
            return AGENT  # "اعتقلت قوات حرس الحدود والشرطة الباكستانية": the second of two coordinated subjects
        if voice in ("active", "light") and 0 <= ti_start - _tok(an, r.end) <= 1 and not (ri > 0 and an.at_token("casualty", ri - 1)):
            # SVO: "القوات الأمريكية نفذت الضربة" — after a complementizer or at clause start (not the one a death
            # idiom names: "لقي رجل مصرعه واعتقل 200": the man died)
            if any(m.end <= r.start for m in c.complementizers) or ri - _tok(an, c.start) <= 1:
                # (people who "fell" (سقطوا ضحية) are its victims: what falls and hits is a shell)
                return TARGET if t.ref.cls == "impact" and not r.armed else AGENT
        if voice == "noun" and not t.definite and ti_start == _tok(an, r.end) and any(
                0 <= ri - _tok(an, m.end) <= 0 for m in c.complementizers):
            return AGENT  # "إن حزب الله قصف بلدة المطلة": a verb spelled like its verbal noun, after its subject
        if voice == "passive" and (ri == ti_end or (ri == ti_end + 1 and an.tokens[ti_end].text in ar.words("fighters_of"))) \
                and r.armed and _victims_follow(an, r):
            # "قتل مسلحون 12 مدنيا", "قتل مسلحو بوكوحرام 9 قرويين": the verb is active after all, its object
            # follows the subject
            return AGENT
        if voice == "passive" and ti_start == _tok(an, r.end) and r.armed \
                and _object_after(an, ti_end) and any(m.end <= r.start for m in c.complementizers):
            # SVO "إن الجيش قتل 9 صيادين", "إن مسلحين قتلوا جنديين": the verb spelled like a passive has its object
            # after it (plural after a plural subject)
            return AGENT
        if voice == "passive" and 0 <= ri - ti_end <= 1:
            return TARGET
        if voice == "active" and ri < ti_start and _opens_clause_subject(c, r) and an.ntext[t.start] in ar.words("and_clitic") \
                and not plural_verb(an.word(t)):
            return AGENT  # "دخلت قوات الدعم السريع المدينة وقتلت رجلين": the first verb's subject does the second
    return None


def _struck_after(an: ArticleDoc, k: int) -> bool:
    """What a strike verb hits at token k, past a time phrase: a place (مدينة صعدة), a site (مواقع، مقرا), people or a count."""
    while k < len(an.tokens) and an.in_time(k):
        k += 1
    site = an.at_token("force", k)
    return object_at(an, k) or an.at_token("place", k) is not None or an.at_token("feature", k) is not None or (
        site is not None and site.ref == "site")


def _opens_clause_subject(c: _RoleCues, r: ActorRef) -> bool:
    """An armed actor right after the clause's first word (its verb, VSO)."""
    return r.armed and _tok(c.an, r.start) - _tok(c.an, c.start) == 1


def _victims_follow(an: ArticleDoc, r: ActorRef) -> bool:
    """The verb's object right after the reference."""
    return _object_after(an, _tok(an, r.end))


def _object_after(an: ArticleDoc, k: int) -> bool:
    """A verb's object at token k, past the subject's adjective (مسلحون مجهولون) and a time phrase
    (قتل الجيش اليوم 25 عنصرا)."""
    if k < len(an.tokens) and an.tokens[k].text in ar.words("gunmen_adjective"):
        k += 1
    k = an.past_group_description(k)  # (past "المرتبطة بتنظيم القاعدة", "يعتقد أنهم من تنظيم داعش")
    while k < len(an.tokens) and an.in_time(k):
        k += 1
    return object_at(an, k)


def object_at(an: ArticleDoc, k: int) -> bool:
    """A count or a (non-armed) person word at token k, not joined by و: a verb's object after its subject
    ("قتل مسلحون 12 مدنيا"), past a bound (ما لا يقل عن، ما مجموعه)."""
    if k >= len(an.tokens) or an.tokens[k].text[:1] in ar.words("and_clitic"):
        return False
    bound = next((b for b in an.cues(an.tokens[k].start, an.tokens[min(k + 4, len(an.tokens) - 1)].end,
                                     "lower_bound", "approx") if b.start == an.tokens[k].start), None)
    if bound is not None:
        k = an.token_index(bound.end)
        if k >= len(an.tokens):
            return False
    person = an.at_token("person", k)
    named = an.tokens[k].text in ar.words("person_title") or any(
        an.token_index(c.start) == k for c in an.cues(an.tokens[k].start, an.tokens[k].end, "name_intro"))
    # (an armed man is an object only in the indefinite accusative: "إن الجيش قتل إرهابيا")
    return an.tokens[k].text.isdigit() or an.tokens[k].text in ar.number_words() or named or (
        person is not None and (person.ref.group != "armed" or _indefinite_accusative(an.tokens[k].text)))


def _indefinite_accusative(word: str) -> bool:
    """"إرهابيا، مسلحا": a noun without the article ending in the accusative alif."""
    return word.endswith(tuple(ar.words("accusative_ending"))) and not word.startswith(tuple(ar.words("article")))


MASDAR_OBJECT_CLASSES = {"kill", "assassination", "injure", "execution"}
MASDAR_ARREST_CLASSES = {"arrest", "abduction", "storming"}
MASDAR_SUBJECT_CLASSES = {"attack", "shelling", "airstrike", "strike", "launch"}


def _after_masdar(an: ArticleDoc, r: ActorRef, ri: int, word: str, triggers: list[TriggerMention]) -> str | None:
    """The genitive after a verbal noun: اعتقال قسد قائدا (SDF arrests), هجوم لتنظيم داعش (an attack
    by ISIS), مقتل قيادي (the victim)."""
    for t in triggers:
        k = _tok(an, t.end)
        if k + 1 == ri and k < len(an.tokens) and an.tokens[k].text in ar.words("event_adjective") \
                and word[:1] in ar.words("possessive_lam"):
            k = ri  # "هجوم جديد لقوات الدعم السريع": the attack's author past its adjective
        if t.ref.voice != "noun" or k != ri:
            continue
        cls = t.ref.cls
        if cls in MASDAR_OBJECT_CLASSES:
            return TARGET
        if cls in MASDAR_ARREST_CLASSES:
            return AGENT if r.armed and r.kind in ("actor", "state", "unknown", "occupier") else TARGET
        if cls in MASDAR_SUBJECT_CLASSES and r.armed and r.kind in ("actor", "unknown", "occupier"):
            return AGENT  # هجوم مسلحين، هجوم داعش: the attack's genitive is its author
        if word[:1] in ar.words("possessive_lam") and r.armed:
            return AGENT
    return None


def _nominative_plural_after_verb(an: ArticleDoc, r: ActorRef, cues: list[Mention]) -> bool:
    """The reference right after a verb among the cues (استهدف) opens with a masculine plural in its subject's case."""
    ri = _tok(an, r.start)
    first = an.tokens[ri].text if ri < len(an.tokens) else ""
    return any(_tok(an, c.end) == ri and an.word(c).split(" ")[0] in ar.words("target_verb") for c in cues) \
        and first.endswith(tuple(ar.words("nominative_plural_suffix")))


def _preceded_by(an: ArticleDoc, r: ActorRef, cues: list[Mention], window: int) -> bool:
    if not cues:
        return False
    ri = _tok(an, r.start)
    ends = an.end_tokens(cues)
    i = bisect.bisect_left(ends, ri - window + 1)
    return i < len(ends) and ends[i] <= ri


def _only_time_between(an: ArticleDoc, a: int, b: int) -> bool:
    """VSO subjects follow the verb directly, or after a time phrase (قصفت، أمس، المدفعية), or
    after a quantity (اقتحم عدد من المحتجين، هاجم مئات من)."""
    between = range(a, min(b, len(an.tokens)))
    if all(an.in_time(i) for i in between):
        return True
    if len(between) == 1 and an.tokens[between[0]].text in ar.words("quantity_head"):
        return True  # هاجم عشرات المستوطنين
    return len(between) == 2 and an.tokens[between[-1]].text in ar.words("partitive") and \
        an.tokens[between[0]].text in ar.words("quantity_head")


def _is_count(word: str) -> bool:
    return word.isdigit() or word in ar.number_words()


def _is_person_word(an: ArticleDoc, ti: int) -> bool:
    return an.at_token("person", ti) is not None


def _after_force_noun(an: ArticleDoc, r: ActorRef) -> bool:
    ri = _tok(an, r.start)
    if ri == 0:
        return False
    force = an.at_token("force", ri - 1)
    return force is not None and force.ref != "site"


def plural_verb(word: str) -> bool:
    """A verb that already carries a plural subject (استهدفوا، قصفوا)."""
    return any(word.endswith(suffix) for suffix in ar.words("plural_verb_suffix"))


# ACLED's names of a state's forces, as the actor base spells them
STATE_FORCE_NAMES = ("Military Forces of", "Police Forces of")


def state_side(actor: ActorRef | None) -> bool:
    """The state's forces or government (not its civilians, whom a bare جنود/مدنيين word also names)."""
    return bool(actor and (actor.kind in ("state", "country")
                           or (actor.kind == "generic_state" and actor.state_kind != "civilians")
                           or (actor.state_kind and actor.state_kind != "civilians")
                           or (actor.name or "").startswith(STATE_FORCE_NAMES)))


def protesters_side(actor: ActorRef | None) -> bool:
    return bool(actor and (actor.kind == "protesters" or (actor.name or "").startswith("Protesters")))


def unnamed_crowd(target: ActorRef | None, targets: list[ActorRef]) -> bool:
    """The other side is unnamed civilians or protesters (شبان، فتى، محتجون), and no armed group is named."""
    unnamed = bool(target and (protesters_side(target) or (target.kind == "generic_state" and target.state_kind == "civilians")))
    return unnamed and not any(x.armed and x.kind in ("actor", "unknown") for x in targets)
