"""Retype: the class of a clause's event word read again with the words around it. Strikes name how an attack was
done; an army that "targeted" a place shelled it; clashes of youths with the police are a riot or a protest; crowds
fighting each other are mob violence; the state firing on protesters is excessive force; tear gas fired is a
dispersal, not shelling; police "raids" with arrests are arrests. Reads the frame's triggers, sides, weapon and
casualties and the clause's cues; writes frame.cls (and drops a weapon a new class does not use). Called by kind.py."""

from __future__ import annotations

from rasd.doc import Clause, TriggerMention
from rasd.extract.context import ArticleContext
from rasd.extract.crowds import barricades, civilians_against_police, crowds_clash, is_state_force, protesters_hit_by_the_state
from rasd.extract.frame import Frame
from rasd.extract.live_words import PROJECTILES
from rasd.extract.periods import words_of
from rasd.extract.verbs import FIRE_WINDOW, fire_near, planned, prevented, without_and, word_after
from rasd.knowledge.base import KnowledgeBase
from rasd.lang import ar

MEANS_CLASSES = ("airstrike", "strike", "shelling", "explosion")  # event words that say how it was done


def correct_class(frame: Frame, clause: Clause, ctx: ArticleContext) -> None:
    """The event word's class, read again with the words around it. ("تعرض للضرب" is a beating: a strike names the
    means only as strikes or beside air words.)"""
    means = next((t for t in frame.triggers if t.ref.cls in MEANS_CLASSES and not prevented(clause, t) and (
        t.ref.cls != "strike" or clause.cues("air_context")
        or clause.doc.word(t).endswith(tuple(ar.words("plural_suffix"))))), None)
    if frame.cls == "attack" and means is not None:
        frame.cls = means.ref.cls  # "استهدفت الضربات الأمريكية مبنى": the strikes name how it was done
    if frame.cls == "attack" and means is None and _army_targeted(frame, clause, ctx.kb):
        frame.cls = "shelling"  # "استهدفت قوات الأسد الأحياء السكنية": an army hits a place from afar (ACLED)
    if frame.cls == "clash" and civilians_against_police(frame, clause, ctx.kb):
        # "مواجهات بين شبان وقوات الشرطة": a riot, not a battle; but protesters tear-gassed with no violence of their own
        # were a protest broken up ("اشتباكات بين الأمن والمحتجين، أطلق الأمن الغاز")
        dispersed = clause.cues("intervention") and any(m.ref.group == "protesters" for m in clause.mentions("person"))
        frame.cls = "protest" if dispersed and not barricades(clause) else "riot"
    if frame.cls in ("clash", "protest", "kill", "injure") and crowds_clash(frame, clause, ctx.kb):
        frame.cls = "riot"  # "صدامات بين متظاهرين وأنصار الصدر": crowds fighting each other (mob violence)
    fired_by_state = frame.cls == "attack" and any(r.role == "agent" and is_state_force(ctx.kb, r) for r in frame.refs)
    if (frame.cls in ("kill", "injure") or fired_by_state) and protesters_hit_by_the_state(frame, clause, ctx.kb):
        frame.cls = "protest"  # "قتل متظاهران برصاص قوات الأمن": force against the protest (ACLED: excessive force)
    if frame.cls in ("shelling", "attack") and clause.cues("reply_verb") and _armed_on_both_sides(frame):
        frame.cls = "clash"  # "شنوا هجوما على مقار قسد، لترد الأخيرة بقصف": fire exchanged, a battle
    if frame.cls == "arrest" and _armed_men_killed_first(frame):
        frame.cls = "kill"  # "القضاء على ثلاثة مهربين مسلحين وتوقيف رابع": armed men killed first, a fight, not arrests
    # (arrests "خلال الاحتجاجات": at them; not on the way to one still planned, "تظاهرة محظورة مقررة الأربعاء")
    protests = [t for t in clause.mentions("trigger") if t.ref.cls == "protest" and not planned(clause, t)]
    crowd = clause.cues("protest_context") or protests
    if frame.cls == "arrest" and not clause.cues("motive") and ((crowd and (clause.cues("intervention") or any(
            clause.after(clause.cues("during"), t.start, 1) for t in protests)))
                                                                or any(m.ref.group == "protesters" for m in clause.mentions("person"))):
        frame.cls = "protest"  # "استخدمت الشرطة الهراوات لتفريق 300 متظاهر وأوقفت عشرة", "اعتقلت الشرطة عشرات المتظاهرين"
    if frame.cls in ("launch", "shelling", "attack") and _intervention_after(clause, frame.main):
        frame.cls = "protest"  # أطلقت الشرطة الغاز المسيل للدموع: dispersing a protest, not shelling
    if frame.cls == "interception" and _dropped_munitions(clause, frame.main):
        frame.cls, frame.weapon = "airstrike", "airstrike"  # "أسقطت المقاتلات براميل متفجرة": bombs dropped, not shot down
    if frame.cls == "interception" and frame.weapon not in PROJECTILES and not clause.cues("air_context") \
            and (without_and(clause.doc.word(frame.main)) in ar.words("confront_verb") or frame.casualties.fatalities):
        frame.cls = "clash"  # "وتصدى لها مقاومون", "أحبط الجيش هجوما وقتل 12 مهاجما": a fight, not air defences
    if frame.cls == "interception" and frame.casualties.fatalities and words_of(clause, "manned_aircraft"):
        # "مقتل ثمانية شرطيين إثر إسقاط مروحية": the crew killed, an attack (the helicopter is no weapon of it)
        frame.cls, frame.weapon = "attack", None if frame.weapon == "airstrike" else frame.weapon
    if frame.cls in ("airstrike", "attack") and not clause.cues("air_context") and any(t.ref.cls == "arrest" for t in frame.triggers) and \
            any(is_state_force(ctx.kb, r, police_only=True) for r in frame.refs if r.role == "agent") and (frame.cls == "airstrike" or not (
                frame.weapon or frame.casualties.fatalities or frame.casualties.injuries)):  # (or "نفذت عملية اعتقلت خلالها …")
        frame.cls, frame.weapon = "arrest", None  # "شنت الشرطة غارات على منازل واعتقلت 12": police raids, no aircraft
    if frame.cls == "storming" and _raiders_hit(frame, ctx):
        frame.cls = "clash"  # "استشهد ثلاثة من مرتبات الأمن العام … خلال مداهمة للمشتبه به": a raid fought back
    if frame.cls in ("looting", "storming") and _during_riots(clause) \
            and not any(r.role == "agent" and is_state_force(ctx.kb, r) for r in frame.refs):
        frame.cls = "riot"  # "وشملت أعمال الشغب اقتحام محلات وإضرام النار في سيارات": the arson of the riots
    if frame.cls == "launch" and fire_near(clause, frame.main):
        frame.cls = "attack"  # أطلق مسلحون النار: shooting, not a launch
        if frame.weapon is None or frame.weapon in ("airstrike", "other"):
            frame.weapon = "small_arms"


def _army_targeted(frame: Frame, clause: Clause, kb: KnowledgeBase) -> bool:
    """An army (not the police) "targeted" something with no weapon and no gunfire named: shelling or a strike."""
    main = frame.main
    return main is not None and frame.weapon is None and clause.doc.word(main) in ar.words("target_verb") and \
        not fire_near(clause, main) and any(r.role == "agent" and (r.kind == "occupier" or (
            is_state_force(kb, r) and not is_state_force(kb, r, police_only=True))) for r in frame.refs)


def _armed_men_killed_first(frame: Frame) -> bool:
    """A killing told before the arrest word, of armed men (victims or targets)."""
    armed = any(h.ref.group == "armed" for h in frame.casualties.victim_heads) or any(r.armed for r in frame.refs if r.role == "target")
    return bool(frame.casualties.fatalities) and armed and frame.main is not None and any(
        t.ref.cls == "kill" and t.ref.voice in ("active", "noun", "passive") and t.start < frame.main.start for t in frame.triggers)


def _armed_on_both_sides(frame: Frame) -> bool:
    return any(r.role == "agent" and r.armed for r in frame.refs) and any(r.role == "target" and r.armed for r in frame.refs)


def _intervention_after(clause: Clause, t: TriggerMention) -> bool:
    """Tear gas, rubber bullets or water cannon fired (أطلقت … الغاز المسيل للدموع): the words right after."""
    ti = clause.doc.token_index(t.end)
    return any(0 <= clause.doc.token_index(c.start) - ti <= FIRE_WINDOW for c in clause.cues("intervention"))


DROP_REACH = 6  # tokens from "أسقطت" past its subject to what it dropped


def _dropped_munitions(clause: Clause, t: TriggerMention | None) -> bool:
    """"أسقطت المقاتلات الحربية عددا من البراميل المتفجرة": the verb of shooting down, with bombs as its object."""
    return t is not None and without_and(clause.doc.word(t)) in ar.words("drop_verb") and \
        word_after(clause, t, "dropped_munition", DROP_REACH)


def _during_riots(clause: Clause) -> bool:
    """Riots told in the clause's sentence, or in the one before when the clause points back at them ("وشملت هذه
    الأفعال اقتحام محلات" after "موجة من أعمال الشغب والتخريب")."""
    doc = clause.doc
    s = doc.sentences[clause.sentence]
    start = doc.sentences[clause.sentence - 1].start if clause.sentence > 0 and clause.cues("demonstrative") else s.start
    return any(t.ref.cls == "riot" for t in doc.in_range("trigger", start, s.end))


def _raiders_hit(frame: Frame, ctx: ArticleContext) -> bool:
    """A raid whose dead or wounded are the state's own men: those raided fought back."""
    heads = [h for h in frame.casualties.victim_heads if h.ref.group in ("military", "police")]
    forces = [r for r in frame.refs if r.role == "target" and is_state_force(ctx.kb, r)]
    return bool(frame.casualties.items) and bool(heads or forces)
