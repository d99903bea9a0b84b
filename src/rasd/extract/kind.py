"""Kind: which trigger names the clause's event (its class), and what sort of mention the clause is
(FrameKind): a new event, a reference back ("the attack"), a statement about one ("condemned the
attack"), a generic or summary mention ("repeated attacks"), a tally ("92 attacks since …"),
background (more than a week old) or a campaign going on since a date. Also the protest mode,
interception and arrest facts that ACLED's typing needs."""

from __future__ import annotations

from dataclasses import dataclass

from rasd.doc import ArticleDoc, Clause, TriggerMention
from rasd.extract.context import ArticleContext
from rasd.extract.crowds import barricades, crowds_clash, is_state_force, riot_police
from rasd.extract.frame import Frame, FrameKind
from rasd.extract.harm import Harm
from rasd.extract.live_words import in_a_motive, live_triggers
from rasd.extract.retype import correct_class
from rasd.extract.tallies import read_running_toll, read_tally, vague_and_plural
from rasd.extract.verbs import (after_a_habit_verb, announced_protest, opens_with_a_habit, renewed, undergone_by,
                                without_and, witnessed_as_going_on)
from rasd.extract.when import WEEK_BACK, shift_to_anchor
from rasd.extract.where import Where
from rasd.knowledge.base import KnowledgeBase
from rasd.lang import ar
from rasd.resolve.actors import protesters_side
from rasd.resolve.typing import CLASS_PRIORITY
from rasd.text.dates import Resolved

# weapons an air defence intercepts: تصدت without one of them is fighters confronting each other


@dataclass
class _Reading:
    """How the clause's triggers read: the facts FrameKind is decided from."""

    fresh: list[TriggerMention]
    reference: bool = False
    mentions_earlier: bool = False
    generic: bool = False
    statement: bool = False
    summary: bool = False
    counted_vaguely: bool = False  # عدة تفجيرات، سلسلة هجمات: several events, not one
    separate: bool = False  # هجمات متفرقة، أعمال عنف منفصلة: several incidents, even on one day
    beside_toll: bool = False  # a dated event told before a running toll in the same clause
    unreal: bool = False


class Kind:
    name = "kind"
    reads = ("triggers", "weapon", "refs", "leaves", "date", "date_explicit", "since", "casualties")
    fills = ("kind", "main", "cls", "background", "weapon", "tally_count", "tally_at_least", "tally_span",
             "intercepted", "protest_mode", "peaceful", "arrested")
    every_clause = False

    def fill(self, frame: Frame, clause: Clause, ctx: ArticleContext) -> None:
        live = live_triggers(frame, clause)
        # (one or two days before the clause's day, at a place of its own, a recalled incident is an event)
        recalled = clause.cues("prior_event") or [c for c in clause.cues("after") if clause.doc.after_comma(c.start)]
        days_back = recalled and clause.doc.days_back(recalled[0]) and frame.leaves
        # (but "اعتقلت الشرطة 90 ناشطا، بعد تظاهرة محظورة في نيامي": the protest its arrests broke up, that day)
        broken_up = live and live[0].ref.cls == "protest" and any(t.ref.cls == "arrest" for t in clause.doc.in_range(
            "trigger", clause.doc.sentences[clause.sentence].start, clause.start))
        if live and not frame.date_explicit and recalled and recalled[0].start <= clause.start + 2 and not days_back and not broken_up:
            # "بعد أسبوع من تفجير خلف 31 قتيلا": an earlier incident recalled, not this clause's news (with a day of
            # its own, "بعد أيام من اعتقال … يوم الأحد", it is an event told)
            frame.kind, frame.cls, frame.main = FrameKind.STALE, live[0].ref.cls, live[0]
            return
        if any(t.ref.cls == "withdraw" for t in live) and _raid_in_sentence(clause):
            live = [t for t in live if t.ref.cls != "withdraw"]
            if not live:
                return
        read_running_toll(frame, clause, ctx)
        beside_toll = bool(frame.tally_count) and _event_before_the_toll(frame, clause, live)
        if frame.tally_count and not beside_toll:
            frame.kind, frame.cls = FrameKind.TALLY, (live[0].ref.cls if live else None)
            return
        if not live:
            war = any(t.ref.cls == "war" for t in frame.triggers)
            if war and frame.date and ctx.is_old(frame.date.date):
                frame.kind, frame.background = FrameKind.BACKGROUND, frame.date
            return
        reading = _read_triggers(frame, clause, live)
        reading.beside_toll = beside_toll
        # "تعرض موظفون للخطف": what was undergone names the event, though its noun is definite
        complements = [c for t in frame.triggers if (c := undergone_by(clause, t, live)) is not None]
        pool = complements + (reading.fresh or live)
        pool.sort(key=lambda t: (CLASS_PRIORITY.index(t.ref.cls) if t.ref.cls in CLASS_PRIORITY else 99, t.start))
        frame.main, frame.cls = pool[0], pool[0].ref.cls
        _nearest_day(frame, clause)
        correct_class(frame, clause, ctx)
        if not reading.fresh and any(t.ref.voice == "light" for t in live):
            # "نفذ الهجوم": a light verb beside a reference; the reference's noun names the event
            frame.main = next((t for t in pool if t.ref.voice != "light"), frame.main)
            frame.cls = frame.main.ref.cls
        read_tally(frame, clause, ctx, live, reading)
        vague_and_plural(frame, clause, live, reading)
        # "condemned the attack": a statement about an event, unless the clause dates a new one (a day said before the
        # event word is the statement's: "استنكر أمس في بيان الهجوم"); a court before it tries it ("نظرت المحكمة قضية")
        own_day = frame.date_explicit and frame.date_span is not None and frame.date_span[0] > frame.main.start
        statements = clause.doc.cues(clause.start, frame.main.start, "statement", "court")
        if frame.cls == "protest":  # "طالب العشرات خلال اعتصام …": the protest's own voice
            statements = [c for c in statements if without_and(clause.doc.word(c)) not in ar.words("protest_voice")]
        reading.statement = bool(statements) and not own_day
        # "من المقرر أن تنطلق تظاهرات …": what follows has not happened (but "عشية اجتماع مرتقب، قتل …": a fronted
        # phrase closed by a comma dates the event, it does not make it a plan)
        past = any(t.ref.voice in ("active", "passive") for t in frame.triggers)
        reading.unreal = any(c.ref.form in ar.words("condition_word") or not (past and clause.doc.comma_between(c.end, frame.main.start))
                             for c in clause.doc.cues(clause.start, frame.main.start, "unreal")) or announced_protest(clause, frame.main)
        frame.kind, frame.background = _decide(frame, ctx, reading)
        _date_a_new_event(frame, clause, ctx)
        _protest_and_interception(frame, clause, ctx.kb)


def _read_triggers(frame: Frame, clause: Clause, live: list[TriggerMention]) -> _Reading:
    doc = clause.doc
    demonstratives, generics = clause.cues("demonstrative"), clause.cues("generic")

    def is_reference(t: TriggerMention) -> bool:
        if t.definite or _named_after_its_place(doc, t):
            # "the attack", also when a verb form carries the article (الضربة) or a place's name makes it
            # definite (هجوم باماكو); but "تجددت الاشتباكات", "تواصلت الاحتجاجات": the fighting or the
            # protests again, on this clause's day
            return not renewed(doc, t)
        return t.ref.voice == "noun" and clause.after(demonstratives, t.start, 1)

    def is_generic(t: TriggerMention) -> bool:
        return clause.after(generics, t.start, 1)

    sequel = _sequel_positions(frame, clause)
    fresh = [t for t in live if not is_reference(t) and not is_generic(t) and t.ref.voice not in ("imperfect", "light")
             and doc.token_index(t.start) not in sequel]
    outcome_only = fresh and all(t.ref.cls in ("kill", "injure") for t in fresh)
    if outcome_only and not clause.mentions("weapon") and not any(r.role == "agent" for r in frame.refs):
        fresh = []  # "two were killed" with no attack, weapon or attacker named: the outcome of the last event
    if outcome_only and any(is_reference(t) for t in live):
        fresh = []  # "the strike killed two": the outcome of an event already told
    habit = bool(fresh) and (any(t.ref.voice == "imperfect" for t in live) or opens_with_a_habit(clause)) and all(
        t.ref.voice == "noun" and ar.plural_noun(doc.word(t)) for t in fresh)
    # ("وتشهد المحافظات عمليات أمنية مستمرة وضربات جوية": plural heads, the adjective after them too)
    habit = habit or bool(fresh) and witnessed_as_going_on(clause) and all(
        t.ref.voice == "noun" and ar.plural_noun(doc.word(t).split(" ")[0]) for t in fresh)
    habit = habit or bool(fresh) and all(t.ref.voice == "noun" and after_a_habit_verb(clause, t) for t in fresh)
    if habit:
        fresh = []  # "يشن التنظيم هجمات", "وترد كييف بشن ضربات": a habit, not an incident
    if not fresh and not habit and any(t.ref.voice == "light" for t in live) and not any(is_reference(t) for t in live):
        fresh = [t for t in live if t.ref.voice == "light"]  # "شنت هجوما": the light verb alone still reports
    reading = _Reading(fresh, reference=not fresh)
    reading.mentions_earlier = any(is_reference(t) and not is_generic(t) for t in live)
    reading.generic = reading.reference and (habit or any(is_generic(t) for t in live))
    return reading


def _decide(frame: Frame, ctx: ArticleContext, r: _Reading) -> tuple[FrameKind, Resolved | None]:
    """The frame's kind, in the order the cues outrank each other, and its background date
    (reads the frame, writes nothing)."""
    if frame.tally_count and not r.beside_toll:
        return FrameKind.TALLY, None
    if frame.since is not None and (r.summary or frame.date is None):
        if ctx.is_old(frame.since.date):
            return FrameKind.BACKGROUND, frame.since
        if r.summary or not any(not l.place.is_area for l in frame.leaves):
            return FrameKind.ONGOING, None
        return FrameKind.NEW, None  # a campaign on one town since a recent day: an event that day
    if frame.date and ctx.is_old(frame.date.date):
        return (FrameKind.STALE, None) if r.reference else (FrameKind.BACKGROUND, frame.date)
    if r.unreal:
        return FrameKind.UNREAL, None
    if r.separate and not r.statement:
        return FrameKind.SUMMARY, None  # "قتل 3 في أعمال عنف منفصلة في بغداد والموصل": a lede summing incidents told after
    if r.reference or r.statement:
        if r.generic:
            return FrameKind.GENERIC, None
        return (FrameKind.STATEMENT if r.statement else FrameKind.REFERENCE), None
    if r.counted_vaguely and not frame.date_explicit:
        return FrameKind.SUMMARY, None  # "نفذ عدة تفجيرات في مدينة جلال آباد": a series, undated
    if r.summary and not any(not l.place.is_area for l in frame.leaves):
        # "نفذت الضربة … لهجمات": a summary beside a reference is an aside to the reference
        return (FrameKind.REFERENCE if r.mentions_earlier else FrameKind.SUMMARY), None
    return FrameKind.NEW, None


def _named_after_its_place(doc: ArticleDoc, t: TriggerMention) -> bool:
    """"تبنت هجوم باماكو": an event noun followed by a town's bare name is "the Bamako attack", one already told."""
    k = doc.token_index(t.end)
    m = doc.at_token("place", k) if t.ref.voice == "noun" and k < len(doc.tokens) else None
    return m is not None and doc.token_index(m.start) == k and doc.ntext[m.start:m.key_start] == "" and \
        doc.gap(t.end, m.start) == 0 and not ar.plural_noun(doc.word(t))


def _take_the_anchored_event(frame: Frame, clause: Clause, ctx: ArticleContext) -> None:
    """"يأتي ذلك بعد 24 ساعة على غارة في صور أسفرت عن مقتل قيادي": the clause's event is the one told after the
    anchor cue, so the place and the toll told after the cue are its own (Where and Harm left them out)."""
    if not frame.leaves:
        Where().fill(frame, clause, ctx, anchored_own=True)
    if not frame.casualties.items:
        Harm().fill(frame, clause, ctx, anchored_own=True)
        # (a day back with a toll of its own is surely another day than the clause's, as in shift_to_anchor)
        frame.date_explicit = frame.date_explicit or bool(frame.casualties.items and frame.date and frame.date.precision == 1)


def _date_a_new_event(frame: Frame, clause: Clause, ctx: ArticleContext) -> None:
    """A new event told after "a day (a week) after" happened that long before; "since Friday night" is its day."""
    if 0 < shift_to_anchor(frame, clause, ctx.pub) < WEEK_BACK:
        _take_the_anchored_event(frame, clause, ctx)  # (one a week back or more is recalled, not told)
    if frame.kind is FrameKind.NEW and frame.date_explicit and frame.date and ctx.is_old(frame.date.date):
        frame.kind, frame.background = FrameKind.BACKGROUND, frame.date  # "بعد أسبوعين من مقتل …": an old one
    if frame.kind is FrameKind.NEW and frame.date is None and frame.since is not None:
        # "shelling on Sarmin since Friday night": the event began that day, at that town
        frame.date, frame.date_explicit = frame.since, True


def _protest_and_interception(frame: Frame, clause: Clause, kb: KnowledgeBase) -> None:
    doc = clause.doc
    if frame.cls in ("interception", "defusal"):
        frame.intercepted = "partial" if clause.cues("partial") else "full"
    if frame.cls in ("protest", "riot"):
        motives = clause.cues("motive")  # (not the arrests a protest denounces: للتنديد بالاعتقالات)
        if clause.cues("intervention") or any(t.ref.cls == "arrest" and not clause.after(motives, t.start, 1)
                                              for t in frame.triggers):
            frame.protest_mode = "intervention"  # dispersed, or protesters arrested
        # ("قوات الأمن سعت إلى تفريق التجمعات … ومن ثم اقتحام التجمعات": the police stormed, not the crowd)
        forces = [r for r in frame.refs if r.role != "target" and is_state_force(kb, r)]
        state_acts = any(r.role == "agent" or clause.cues("intervention") for r in forces) and \
            not any(r.role == "agent" and protesters_side(r) for r in frame.refs)
        violent = not state_acts and any(
            (t.ref.cls in ("storming", "looting", "riot") or (t.ref.cls == "attack" and t.ref.voice == "active"))
            and not riot_police(clause, t) and not in_a_motive(clause, t) for t in frame.triggers)
        if frame.cls == "riot" and crowds_clash(frame, clause, kb):
            frame.protest_mode = "mob"
        elif violent or (frame.cls == "protest" and barricades(clause)):
            frame.protest_mode = "violent"  # protesters storming, attacking or setting fire: a violent demonstration
        elif frame.casualties.fatalities and frame.cls == "protest":
            frame.protest_mode = "excessive"
        elif frame.casualties.injuries and frame.cls == "protest":
            frame.protest_mode = "intervention"  # "أصيب ثلاثة محتجين برصاص قوات الأمن خلال تظاهرة": force was used
        sent = doc.sentences[frame.sentence]
        frame.peaceful = bool(doc.cues(sent.start, sent.end, "peaceful"))
    if frame.cls == "storming":
        frame.arrested = any(t.ref.cls == "arrest" for t in clause.mentions("trigger"))


def _nearest_day(frame: Frame, clause: Clause) -> None:
    """Of several days a clause names ("calm returned this morning after clashes that broke out on
    Monday evening"), the event's is the one nearest its trigger."""
    if len(frame.day_options) < 2 or frame.main is None:
        return
    doc = clause.doc
    ti = doc.token_index(frame.main.start)
    span, day = min(frame.day_options, key=lambda o: min(abs(doc.token_index(o[0][0]) - ti), abs(doc.token_index(o[0][1]) - ti)))
    frame.date, frame.date_span = day, span


def _raid_in_sentence(clause: Clause) -> bool:
    """A raid, an arrest or a dispersed crowd in the sentence: a withdrawal there is no territory changing hands
    ("اعتقلت القوات شابين من المخيم ثم انسحبت منه", "فرقت الشرطة المحتجين فانسحبوا")."""
    s = clause.doc.sentences[clause.sentence]
    return any(t.ref.cls in ("storming", "arrest", "protest") for t in clause.doc.in_range("trigger", s.start, s.end)) \
        or bool(clause.doc.cues(s.start, s.end, "intervention"))


def _event_before_the_toll(frame: Frame, clause: Clause, live: list[TriggerMention]) -> bool:
    """"An IS attack yesterday morning began with four suicide bombers in Sweida … and the toll rose during the
    day to 246": the dated attack at its town is told before the running toll; both stand (the tally
    never swallows the event)."""
    tolls = clause.cues("toll")
    if not (tolls and frame.date_explicit and any(l.place.feature != "country" for l in frame.leaves)):
        return False
    # "أعلن الجيش القضاء على إرهابي اليوم في ولاية عين الدفلى، مما يرفع عدد … إلى ستة": a killing by a
    # named armed force, dated and placed, is the event the running toll goes on from
    killer = any(r.armed and (r.name or r.kind == "generic_state") for r in frame.refs)
    return any(t.start < tolls[0].start and (t.ref.cls not in ("kill", "injure") or killer) for t in live)


def _sequel_positions(frame: Frame, clause: Clause) -> set[int]:
    """Token positions right after "بعد" in a "X comes after Y" clause (وتأتي المواجهات بعد …)
    that gives Y no date of its own: Y is an earlier event recalled, not a new report."""
    if not clause.cues("sequel_verb") or frame.date_explicit:
        return set()
    return {clause.doc.token_index(c.end) for c in clause.cues("after", "sequel")}
