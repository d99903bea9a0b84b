"""Crowds and the forces they face: youths, protesters or residents against the state's police or soldiers
(a riot, not a battle), and riot police named in a protest (no riot). Reads a clause and its frame's references;
fills nothing."""

from __future__ import annotations

from rasd.doc import Clause, TriggerMention
from rasd.extract.frame import Frame
from rasd.knowledge.base import KnowledgeBase
from rasd.lang import ar
from rasd.resolve.actors import ActorRef


def is_state_force(kb: KnowledgeBase, r: ActorRef, police_only: bool = False) -> bool:
    """The state's soldiers or police (or its police only), named by the actor base or by a bare state word."""
    known = kb.actor(r.name) if r.name else None
    kinds, types = (("police",), ("police",)) if police_only else (("police", "military"), ("police", "state_force"))
    return r.state_kind in kinds or bool(known and known.type in types)


def civilians_against_police(frame: Frame, clause: Clause, kb: KnowledgeBase) -> bool:
    """Unarmed people (youths, protesters, residents) on one side and the state's police, security or
    soldiers on the other ("مواجهات بين شبان وقوات الاحتلال"), and no armed group."""
    crowd = [m for m in clause.mentions("person") if m.ref.group in ("civilians", "protesters") and m.ref.count is None]
    police = any(is_state_force(kb, r, police_only=True) for r in frame.refs)
    # against soldiers (or a side the clause leaves unnamed: "اندلعت مواجهات مع الشبان"), only youths or
    # protesters make it a riot ("اشتباكات مع المواطنين" in a raided camp may be armed)
    youths = [m for m in crowd if m.ref.group == "protesters" or clause.doc.word(m) in ar.words("youth_word")]
    force = any(is_state_force(kb, r) for r in frame.refs)
    armed_side = any(r.armed and not is_state_force(kb, r) and r.kind != "protesters" for r in frame.refs)
    # ("قتل خمسة في اشتباكات عنيفة في مظاهرة محظورة": the clashes of a protest, whoever its crowd was)
    protest = frame.weapon is None and any(t.ref.cls == "protest" for t in clause.mentions("trigger"))  # (not a bombing)
    sides = [r for r in frame.refs if r.armed or r.state_kind != "civilians" and r.kind != "protesters"]  # (not the dead)
    return bool((crowd if police else youths) or protest) and (force or not sides) and not armed_side


def crowds_clash(frame: Frame, clause: Clause, kb: KnowledgeBase) -> bool:
    """"صدامات بين متظاهرين معارضين للحكومة وآخرين من مؤيدي الصدر": two crowds fight each other and no state force is
    a side (ACLED: Riots / Mob violence, not force against protesters)."""
    crowds = [m for m in clause.mentions("person") if m.ref.group == "protesters"]
    clash = any(t.ref.cls == "clash" for t in clause.mentions("trigger"))
    return clash and len(crowds) >= 2 and not any(is_state_force(kb, r) for r in frame.refs)


def protesters_hit_by_the_state(frame: Frame, clause: Clause, kb: KnowledgeBase) -> bool:
    """Protesters are the victims and the state's forces (or nobody named) did it."""
    protesters = any(m.ref.group == "protesters" for m in clause.mentions("person")) or \
        any(t.ref.cls == "protest" for t in clause.mentions("trigger"))  # "قتلا برصاص الأمن خلال احتجاجات إيذه"
    doc = clause.doc
    sent = doc.sentences[clause.sentence]
    # "قتل 4 متظاهرين، فيما جرح آخرون عندما أطلق الحرس النار صوب الشباب": the youths of a protest's sentence are its crowd
    protesters = protesters or (any(doc.word(m) in ar.words("youth_word") for m in clause.mentions("person")) and any(
        m.ref.group == "protesters" for m in doc.in_range("person", sent.start, sent.end)))
    others = any(r.role == "agent" and not is_state_force(kb, r) for r in frame.refs)
    return protesters and not others


def riot_police(clause: Clause, t: TriggerMention) -> bool:
    """"قوات مكافحة الشغب": the riot word names riot police, not a riot."""
    doc = clause.doc
    ti = doc.token_index(t.start)
    return t.ref.cls == "riot" and ti > 0 and doc.tokens[ti - 1].text in ar.words("riot_police_head")


BURNING_REACH = 2  # words between a barricade word and the fire or blocking that makes it one


def barricades(clause: Clause) -> bool:
    """Tyres or barricades used by the crowd ("أغلقوا الطريق بالإطارات المشتعلة", "أحرقوا الإطارات"): the word
    with "by" glued to it or a burning word beside it; not a factory's tyres ("شركة صناعة الإطارات المطاطية")."""
    doc = clause.doc
    for c in clause.cues("barricade"):
        ci, ce = doc.token_index(c.start), doc.token_index(c.end)
        near = [t.text for t in doc.tokens[max(0, ci - BURNING_REACH):ce + BURNING_REACH] if t.start >= clause.start]
        if doc.ntext[c.start] in ar.words("by_clitic") or any(w in ar.words("burning_word") for w in near):
            return True
    return False
