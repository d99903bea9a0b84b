"""Who: the clause's actor references and their roles (resolve/actors.py), then claims (أعلن X
مسؤوليته، تبنى) and attributions (اتهم، حمّل … المسؤولية، X وراء الهجوم). Speakers and sources
may still be claimants, but they are not participants of the event."""

from __future__ import annotations

from rasd.doc import ArticleDoc, Clause, CueMention, Mention
from rasd.extract.context import ArticleContext, country_acting
from rasd.extract.frame import Frame
from rasd.lang import ar
from rasd.resolve.actors import AGENT, MASDAR_OBJECT_CLASSES, TARGET, ActorRef, assign_roles, find_refs, object_at

CLAIMANT_AFTER = 3  # tokens after a claim verb where the claimant may stand
BLAME_WINDOW = 5  # tokens between حمّل and المسؤولية


class Who:
    name = "who"
    reads = ("triggers",)
    fills = ("refs", "claimant", "claim_span", "accused", "accuse_span")
    every_clause = False

    def fill(self, frame: Frame, clause: Clause, ctx: ArticleContext) -> None:
        all_refs = find_refs(clause, ctx.kb)
        # (not the sides of what this event answers: "ردا على قصف إسرائيلي، أطلق حزب الله صواريخ")
        stances = {clause.doc.token_index(c.end) for c in clause.cues("stance")}
        frame.refs = [r for r in all_refs if not clause.is_excluded(r.start) and not clause.in_answered(r.start)
                      and not _stood_against(clause, r, stances)]
        assign_roles(clause, frame.refs, frame.triggers)
        frame.refs = sorted(frame.refs + _acting_countries(clause, ctx, frame.refs), key=lambda r: r.start)
        _owner_of_own_act(frame, clause)
        _claim(frame, clause, all_refs)
        _attribution(frame, clause, ctx, all_refs)


def _stood_against(clause: Clause, r: ActorRef, stance_ends: set[int]) -> bool:
    """"صدامات بين متظاهرين معارضين للحكومة وأنصار الصدر": the government the crowd opposes is no side of the clash."""
    doc = clause.doc
    return doc.token_index(r.start) in stance_ends and doc.ntext[r.start] in ar.words("lam_clitic")


def _negated(clause: Clause, m: Mention) -> bool:
    """A negator right before the word (لم يعلن، لا تتهم)."""
    return clause.after(clause.negators(), m.start, 1)


def _claim(frame: Frame, clause: Clause, all_refs: list[ActorRef]) -> None:
    doc = clause.doc
    denials = clause.cues("denial")
    recalled = clause.cues("anchor_event", "prior_event")  # (a claim told after "بعد أسبوع من تفجير" is that blast's)
    for cue in clause.cues("adopt", "claim_verb", "speech"):
        if _negated(clause, cue) or any(d.end <= cue.start for d in denials) or any(r.end <= cue.start for r in recalled):
            continue
        if any(ar.has_word("habit_word", t.text, "and_clitic")
               for t in doc.tokens[doc.token_index(clause.start):doc.token_index(cue.start)]):
            continue  # "وطالما أعلن تنظيم داعش مسؤوليته عن تلك الهجمات": claims it makes as a habit, of no one attack
        # (the claimant stands before the attack it claims: in "تتبنى هجوما على قاعدة أمريكية" the side after
        # the attack word is its target)
        after = [r for r in all_refs if r.start >= cue.end and doc.gap(cue.end, r.start) <= CLAIMANT_AFTER
                 and not any(cue.end <= t.start < r.start for t in frame.triggers)]
        before = [r for r in all_refs if r.end <= cue.start and doc.gap(_past_description(doc, r.end), cue.start) <= 1]
        cand = (after or before or [None])[0]
        if cand is None:
            continue
        if cue.ref.cue == "speech" and not (_says_it_did(frame, clause, cue, armed=cand.armed) or _own_forces_act(frame, clause, cue.end)):
            continue  # "قال X إن …" reports; "قال X إنه استهدف …", "قال X إنه قتل 15 جنديا", "قال X إن مقاتليه قصفوا …" claim
        if cand.role is None and any(t.ref.cls in MASDAR_OBJECT_CLASSES and t.start > cand.end
                                     and _own_men_dead(clause, cand, t, pronoun=True) for t in frame.triggers):
            cand.role = TARGET  # "أعلن الجيش مقتل سبعة من جنوده في كمين": the army counts its own dead, it was hit
            continue
        if cue.ref.cue == "adopt" or _announces_own_attack(frame, clause, cand):
            frame.claimant, frame.claim_span = cand, (cue.start, max(cand.end, cue.end))
            return


def _past_description(doc: ArticleDoc, end: int) -> int:
    """The end of a group's name and of its parent's after it ("حركة الشباب المتصلة بتنظيم القاعدة أعلنت")."""
    desc = doc.at_token("described", doc.token_index(end))
    return desc.end if desc is not None and desc.start >= end else end


def _announces_own_attack(frame: Frame, clause: Clause, cand: ActorRef) -> bool:
    doc = clause.doc
    # (the whole announcer: "أعلنت القوات الرواندية والموزمبيقية استعادة …" ends after its second adjective)
    ci = doc.token_index(max([r.end for r in frame.refs if r.start == cand.start] + [cand.end]))
    # (its own responsibility: not "…، وأعلنت حركة الشباب مسؤوليتها" after another actor)
    resp = any(r.start >= cand.end and not any(cand.end <= o.start < r.start and o.name != cand.name for o in frame.refs)
               for r in clause.cues("responsibility"))
    # "أعلن حزب الله استهداف …", "أعلنت الداخلية القبض على …": the announcer did it — an attack if it bears
    # arms ("أعلنت وزارة الصحة استشهاد 3": the ministry counts the dead), an arrest if it is the state's
    # (an explosion is reported, never done: "أعلنت الشرطة عن انفجار سيارة مفخخة")
    attack_next = any(0 <= doc.token_index(t.start) - ci <= 1 and t.ref.voice == "noun" and t.ref.cls != "explosion"
                      and ((not t.definite and cand.armed and not _counts_others_dead(frame, clause, cand, t))
                           or t.ref.cls == "arrest") for t in frame.triggers)
    return resp or attack_next or _own_forces_act(frame, clause, cand.end) or \
        _says_it_did(frame, clause, cue=None, after=cand.end, armed=cand.armed)


def _own_forces_act(frame: Frame, clause: Clause, after: int) -> bool:
    """"أعلن حزب الله أن مقاتليه استهدفوا …": its own fighters attacked — a claim."""
    doc = clause.doc
    return any(o.start > after and any(0 <= doc.gap(o.end, t.start) <= 1 and t.ref.voice in ("active", "light")
                                       for t in frame.triggers)
               for o in clause.cues("own_forces"))


def _says_it_did(frame: Frame, clause: Clause, cue: CueMention | None, after: int | None = None, armed: bool = False) -> bool:
    """"أعلن حزب الله أنه قصف …", "قال الحزب إنه استهدف …": the announcer's own act, told with "that it"; a killing
    only when an armed announcer says it killed a counted enemy ("أعلن الجيش أنه قتل 19 من عناصر …": the verb's
    object follows it; a ministry's "أنه قتل 19 شخصا" counts others' dead)."""
    doc = clause.doc
    start = after if after is not None else (cue.end if cue else clause.start)
    # (the first "that" after the announcer: "أعلنت الشرطة أن مجموعة يشتبه أنها متطرفة قتلت" is the group's act)
    selves = [c for c in clause.cues("complementizer") if c.start >= start][:1]
    selves = [c for c in selves if doc.word(c) in ar.words("self_complementizer")]

    def own_act(t: Mention) -> bool:
        if t.ref.cls == "kill":
            return armed and t.ref.voice in ("active", "passive") and object_at(doc, doc.token_index(t.end))
        return t.ref.voice in ("active", "light", "noun") and not t.definite and t.ref.cls != "injure"

    return any(0 <= doc.token_index(t.start) - doc.token_index(c.end) <= 1 and own_act(t) for c in selves for t in frame.triggers)


def _counts_others_dead(frame: Frame, clause: Clause, cand: ActorRef, t: Mention) -> bool:
    """"أعلن الجيش مقتل جنديين في هجوم شنه مسلحون": the army counts its own dead, or dead that another
    named side killed; it did not kill them itself."""
    if t.ref.cls not in MASDAR_OBJECT_CLASSES:
        return False
    return any(r.role == AGENT and r is not cand for r in frame.refs) or _own_men_dead(clause, cand, t)


def _own_men_dead(clause: Clause, cand: ActorRef, t: Mention, pronoun: bool = False) -> bool:
    """The announcer's own men right after the casualty word ("مقتل جنديين"; the count first: "مقتل سبعة من
    جنوده"); `pronoun`: only men it calls its own (جنوده، عناصرها)."""
    doc = clause.doc
    ti = doc.token_index(t.end)
    groups = ("military", "police") if cand.kind in ("state", "generic_state") else ()
    if pronoun:
        groups += ("armed",)  # (a group's own men: "مقتل ثلاثة من عناصرها")
    at = [ti, ti + 1] + ([ti + 2] if ti + 1 < len(doc.tokens) and doc.tokens[ti + 1].text in ar.words("partitive") else [])
    own_word = tuple(ar.words("own_suffix"))
    return any(p.ref.group in groups and (not pronoun or doc.tokens[k].text.endswith(own_word))
               for k in at if k < len(doc.tokens) for p in [doc.at_token("person", k)] if p is not None)


def _attribution(frame: Frame, clause: Clause, ctx: ArticleContext, all_refs: list[ActorRef]) -> None:
    doc = clause.doc
    countries = [m for m in clause.mentions("place") if all(ctx.kb.places[i].feature == "country" for i in m.refs)]
    for cue in clause.cues("attribution"):
        if _negated(clause, cue):
            continue
        word = doc.word(cue)
        if word in ar.words("blame_carry_verb") and not any(
                0 <= doc.gap(cue.end, r.start) <= BLAME_WINDOW for r in clause.cues("responsibility")):
            continue  # حمّل … المسؤولية blames; حمل alone only carries
        if any(stem in word for stem in ar.words("blame_behind_stem")):
            cand = _blamed_before(clause, ctx, cue, all_refs, countries)
        else:
            cand = _accused_after(clause, ctx, cue, all_refs)
        if cand is not None:
            frame.accused, frame.accuse_span = cand, (min(cue.start, cand.start), max(cue.end, cand.end))
            # (the accuser between the verb and the accused is no participant: "حمّل قائد الشرطة حركة الشباب")
            frame.refs = [r for r in frame.refs if not cue.end <= r.start < cand.start]
            return


def _blamed_before(clause: Clause, ctx: ArticleContext, cue: CueMention, all_refs: list[ActorRef],
                   countries: list[Mention]) -> ActorRef | None:
    """"X وراء الهجوم", "X مسؤول عن": the actor (or country) right before the cue."""
    doc = clause.doc
    pool = [r for r in all_refs if r.end <= cue.start] + [_country_ref(ctx, m) for m in countries if m.end <= cue.start]
    pool = sorted((r for r in pool if doc.gap(r.end, cue.start) <= 2), key=lambda r: r.end)
    return pool[-1] if pool else None


ACCUSER_TITLE = 2  # words of the accuser's title between the verb and the accuser's body (قائد، المتحدث باسم)


def _accused_after(clause: Clause, ctx: ArticleContext, cue: CueMention, all_refs: list[ActorRef]) -> ActorRef | None:
    """اتهم / حمّل ACCUSER? ACCUSED: the subject right after the verb is the accuser."""
    pool = sorted((r for r in all_refs if r.start >= cue.end), key=lambda r: r.start)
    # (the accuser may be named by a title of theirs: "حمّل قائد الشرطة حركة الشباب المسؤولية")
    doc = clause.doc
    titled = doc.gap(cue.end, pool[0].start) <= ACCUSER_TITLE and doc.gap(pool[0].end, pool[1].start) == 0 if len(pool) > 1 else False
    if len(pool) > 1 and (doc.token_index(pool[0].start) == doc.token_index(cue.end) or titled or _is_government(ctx, pool[0])):
        pool.pop(0)
    return pool[0] if pool else None


def _is_government(ctx: ArticleContext, r: ActorRef) -> bool:
    if r.state_kind == "government":
        return True
    a = ctx.kb.actor(r.name) if r.name else None
    return bool(a and a.type in ("government", "political"))


def _owner_of_own_act(frame: Frame, clause: Clause) -> None:
    """"أعلن الجيش عن سيطرته على …", "فرضت قوات الأمن سيطرتها": the act's possessive is the subject before it."""
    if any(r.role == AGENT for r in frame.refs):
        return
    doc = clause.doc
    for t in frame.triggers:
        if doc.word(t) in ar.words("own_act_noun"):
            owner = [r for r in frame.refs if r.end <= t.start and r.armed and r.role is None]
            if owner:
                owner[0].role = AGENT
            return


def _acting_countries(clause: Clause, ctx: ArticleContext, refs: list[ActorRef]) -> list[ActorRef]:
    """"شنت إسرائيل غارات", "قصفت الولايات المتحدة": a country that acts is its military, the perpetrator."""
    out = []
    for m in clause.mentions("place"):
        if country_acting(clause.doc, ctx.kb, m) and not clause.is_excluded(m.start):
            r = _country_ref(ctx, m)
            if all(x.name != r.name for x in refs):
                r.role = AGENT
                out.append(r)
    return out


def _country_ref(ctx: ArticleContext, m: Mention) -> ActorRef:
    cc = ctx.kb.places[m.refs[0]].country_code
    return ActorRef(ctx.kb.state_actor(cc, "military"), "country", m.start, m.end, cc, "military", True)
