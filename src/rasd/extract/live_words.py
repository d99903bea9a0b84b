"""Which event words of a clause may tell its event: not the reason a protest gives (احتجاجا على اعتقال …) or
what it remembers (الذكرى الـ56 لجريمة إحراق …), not what is avenged or what opened a period (منذ اغتيال …), not
bodies seized, a denied record, the predicate of "was", nor an aim told after the event. Read by the kind
component."""

from __future__ import annotations

from rasd.doc import Clause, CueMention, TriggerMention
from rasd.extract.crowds import riot_police
from rasd.extract.frame import Frame
from rasd.extract.periods import history_start
from rasd.extract.verbs import body_after, fire_near, gear_of, planned, predicate, prevented, stopped, undergone_by, without_and, word_after
from rasd.extract.where import reason_part, reasons_told_on
from rasd.lang import ar

NON_EVENT_CLASSES = {"none", "war"}
PROJECTILES = {"drone", "rocket", "missile", "ballistic_missile", "cruise_missile", "mortar", "artillery", "airstrike"}
RECORD_REACH = 6  # tokens from "which sees" (التي تشهد) to an event word it governs
MOTIVE_REACH = 3  # tokens after احتجاجا على / على خلفية whose event word is the reason


def live_triggers(frame: Frame, clause: Clause) -> list[TriggerMention]:
    """Event words that may tell an event of this clause."""
    live = [t for t in frame.triggers if t.ref.cls not in NON_EVENT_CLASSES]
    # "احتجاجا على اعتقال …": the arrest is the protest's reason, not an event of this clause
    motives = clause.cues("motive", "response", "aim")
    # (what is avenged is told to its comma: "انتقاما لمقتل أحد قادتها في اشتباك مع الشرطة يوم 4 مارس")
    told_on = reasons_told_on(clause, motives) + clause.answered()
    live = [t for t in live if not clause.after(motives, t.start, MOTIVE_REACH) and not any(a <= t.start < b for a, b in told_on)
            and not in_a_motive(clause, t)]
    # "اقتحم مسلحون منزل العميد …، وعلق المجلس العمل احتجاجا على الحادثة": "in protest" at what others did, beside a
    # violent event word and with no crowd, is how a body reacted, not a demonstration
    violent = [t for t in live if t.ref.cls not in ("protest", "riot") and t.ref.voice in ("active", "passive")]
    crowd = any(m.ref.group == "protesters" for m in clause.mentions("person"))
    live = [t for t in live if not (violent and not crowd and t.ref.cls == "protest"
                                    and any(m.start <= t.start < m.end for m in clause.cues("motive")))]
    # "منذ اغتيال الحريري", "منذ اندلاع المواجهات": the event that opened a period, not a new one
    # ("منذ الصباح مواجهات": since this morning, today's clash going on)
    opening = [c for c in clause.cues("since", "period") if not _since_today(clause, c)
               and (c.ref.cue == "since" or clause.doc.word(c).split(" ")[0] in ar.words("since_word"))]
    live = [t for t in live if not clause.after(opening, t.start, 1) and t.start < history_start(clause)]  # (على مدى عقود)
    # "توجهوا لاعتراض مركبات مدنية": intercepting vehicles, with no missile or drone about, is no interception
    if frame.weapon not in PROJECTILES and not clause.cues("air_context"):
        live = [t for t in live if not (t.ref.cls == "interception" and without_and(clause.doc.word(t)).lstrip(
            "".join(ar.words("preposition_clitic"))) in ar.words("intercept_word"))]
    # "أحبطت قوات حرس الحدود اليوم محاولة تسلل": a foiled crossing or smuggling, with no weapon, disrupted no attack
    if frame.weapon is None:
        live = [t for t in live if not (t.ref.cls == "interception" and word_after(clause, t, "crossing_word", CROSSING_REACH))]
    # "الحوثي يهدد بضرب السفن": the event noun a threat names has not happened
    live = [t for t in live if not _threatened(clause, t) and not prevented(clause, t)]
    # "قتل مسلحون محاميا … قبل إضراب وطني مخطط له": the strike still to come is not the clause's event (alone, a
    # planned protest is what the clause is about: "الغاز المسيل للدموع … قبل الاحتجاجات المخطط لها")
    done = [t for t in live if not planned(clause, t)]
    live = done if any(t.ref.voice != "light" for t in done) else live
    live = _without_purposes(clause, live)
    live = [t for t in live if not _likened_to(clause, t)]
    # "أطلقوا يوم الاثنين عملية لمدينة أشباح": a launch with nothing fired (no weapon, no fire) is no attack
    live = [t for t in live if t.ref.cls != "launch" or _something_fired(clause, t)]
    # "اختطفت جثماني الشهيدين", "احتجزت الجثامين": bodies seized are no one abducted or arrested
    live = [t for t in live if not (t.ref.cls in ("abduction", "arrest") and body_after(clause, t)) and not stopped(clause, t)]
    live = [t for t in live if not riot_police(clause, t) and not gear_of(clause, t) and undergone_by(clause, t, live) is None
            and not predicate(clause, t) and not _not_recorded(clause, t)]
    # "شن الجيش هجوما …، ويسعى إلى استعادة السيطرة عليها": an aim after the event told is no event
    aims = clause.cues("unreal")
    real = [t for t in live if not any(c.end <= t.start for c in aims)]
    # (only a new event told before the aim: "وجاء التفجير مع اقتراب القوات من استعادة …" refers back)
    return real if any(not t.definite for t in real) else live


def _without_purposes(clause: Clause, live: list[TriggerMention]) -> list[TriggerMention]:
    """"أثناء محاولته تجنيد شخص لتنفيذ هجمات": "to carry out attacks" (a light verb's noun with the purpose "ل") and
    the event noun it takes name a purpose, not an event."""
    doc = clause.doc
    purposes = [t for t in live if t.ref.voice == "light" and t.key_start > t.start
                and doc.ntext[t.start:t.key_start] in ar.words("lam_clitic")]
    ends = {doc.token_index(t.end) for t in purposes}
    return [t for t in live if t not in purposes and doc.token_index(t.start) not in ends]


CROSSING_REACH = 8  # tokens from "أحبطت" past its subject and a time to "محاولة تسلل"


def _likened_to(clause: Clause, t: TriggerMention) -> bool:
    """"على غرار ما فعل عام 2014 عندما نفذ اعتصاما": an event word after "like" (before a comma) is what the news is
    likened to ("وعلى غرار مدن أخرى، شهدت الدار البيضاء …": the news after the comma stays)."""
    doc = clause.doc
    return any(doc.tokens[k].text in ar.words("likeness_word") and not doc.comma_between(doc.tokens[k].end, t.start)
               for k in range(doc.token_index(clause.start), doc.token_index(t.start)))


def _threatened(clause: Clause, t: TriggerMention) -> bool:
    doc = clause.doc
    k = doc.token_index(t.start)
    return k > 0 and doc.tokens[k - 1].text in ar.words("threat_verb") \
        and doc.ntext[t.start] in ar.words("by_clitic")


def _something_fired(clause: Clause, t: TriggerMention) -> bool:
    """A weapon in the clause, or fire near the verb: "أطلق مسلحون النار", "بنيران أطلقها"."""
    return bool(clause.mentions("weapon") or clause.cues("air_context")) or fire_near(clause, t)


def _since_today(clause: Clause, since: CueMention) -> bool:
    ti = clause.doc.token_index(since.end)
    return ti < len(clause.doc.tokens) and clause.doc.tokens[ti].text in ar.words("since_today")


def in_a_motive(clause: Clause, t: TriggerMention) -> bool:
    """An event noun in a motive's phrase: "بمناسبة الذكرى الـ56 لجريمة إحراق المسجد الأقصى" remembers the arson."""
    return t.ref.voice == "noun" and any(a <= t.start < b for a, b in (reason_part(clause, c.end) for c in clause.cues("motive")))


def _not_recorded(clause: Clause, t: TriggerMention) -> bool:
    """"لم تسجل معارك": an event word after a denied "recorded, saw" is none; nor after "which sees" (اللتين تشهدان قتالا)."""
    doc = clause.doc
    toks, ti = doc.tokens, doc.token_index(t.start)
    first = max(doc.token_index(clause.start) + 1, ti - RECORD_REACH)
    # (past a time phrase and the first items of a list: "التي تشهد هذه الأيام مداهمات واسعة ومعارك عنيفة")
    return any(toks[k].text in ar.words("record_verb") and toks[k - 1].text in ar.words("verb_negator") | ar.words("relative_pronoun")
               and not doc.comma_between(toks[k].end, t.start) for k in range(first, ti))
