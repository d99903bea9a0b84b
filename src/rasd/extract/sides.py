"""The sides of a new event in ACLED's roles: actor1 and actor2 candidates of a frame (a clash's first and second side,
a protest's crowd and the force that intervened, an attack's doers and victims). Reads the frame's actor references,
its casualties and the event before (the same doers go on); writes nothing (events.py builds drafts with them)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rasd.extract.common_victims import CAPTIVE_CLASSES, captives, generic_victims, people_killed
from rasd.extract.crowds import is_state_force
from rasd.extract.frame import Frame
from rasd.lang import ar
from rasd.resolve.actors import AGENT, TARGET, ActorRef, plural_verb, protesters_side, state_side

if TYPE_CHECKING:
    from rasd.extract.article import ArticleStage


def _attacking_group(stage: ArticleStage, f: Frame, sides: list[ActorRef]) -> ActorRef | None:
    """The one non-state side of a clash when its sentence says "the group" attacked ("هجوم شنته الجماعة",
    "بعدما هاجم التنظيم"): a word for an armed group with the article, right after an attack word."""
    groups = [r for r in sides if not is_state_force(stage.ctx.kb, r) and not state_side(r)]
    if len(groups) != 1 or len(sides) < 2:
        return None
    doc, s = stage.doc, stage.doc.sentences[f.sentence]
    for k in range(doc.token_index(s.start) + 1, min(doc.token_index(s.end), len(doc.tokens))):
        t = doc.at_token("trigger", k - 1)
        if doc.tokens[k].text in ar.words("group_anaphor") and t is not None and t.ref.cls == "attack" \
                and t.ref.voice in ("active", "light"):
            return groups[0]
    return None


def roles(stage: ArticleStage, f: Frame) -> tuple[list[ActorRef], list[ActorRef]]:
    """actor1 and actor2 candidates of a new event, in ACLED's roles."""

    agents = [r for r in f.refs if r.role == AGENT] or _same_doers(stage, f)
    targets = [r for r in f.refs if r.role == TARGET]
    if f.cls == "clash" and not agents:
        # clashes between X and Y with no word for who started: first named side, second named
        # side; a lone named side that only lost men (كمين … قتل جنود من قوات النظام) stays the target
        named: list[ActorRef] = []
        for r in f.refs:
            if r.role is None and r.name and (known := stage.ctx.kb.actor(r.name)) is not None and known.type == "civilians":
                continue  # the Red Crescent that reports the fighting, aid workers caught in it: no side
            if (r.name or r.kind == "generic_state") and all(r.name != n.name for n in named):
                named.append(r)
        if len(named) >= 2 or not targets:
            # (a side that only lost men, "قتل ثلاثة من عناصر X في اشتباكات مع Y", is the second: Y fought them)
            if f.casualties.fatalities or f.casualties.injuries:
                named.sort(key=lambda r: r.role == TARGET)
            if (group := _attacking_group(stage, f, named)) is not None:
                named.remove(group)  # "… إثر هجوم شنته الجماعة": the group that attacked, though it lost men
                named.insert(0, group)
            agents, targets = named[:1], named[1:2]
    elif f.cls == "clash" and not [t for t in targets if t.name is None or t.name != agents[0].name]:
        # "تصدت قوات الجيش لهجوم شنته حركة الشباب": a clash has two sides; the armed side that is not the
        # attacker is the other one
        targets = [r for r in f.refs if r.armed and (r.name or r.kind == "generic_state") and r.role != AGENT
                   and r.name != agents[0].name][:1] or \
            [r for r in agents[1:] if r.name != agents[0].name][:1]
    elif f.cls == "riot" and not targets:
        # "مواجهات بين قوات الاحتلال وشبان": the force the crowd fought is the riot's second actor
        forces = [r for r in f.refs if r.armed and is_state_force(stage.ctx.kb, r)]
        if forces:
            targets, agents = forces[:1], [a for a in agents if a is not forces[0]]
        # ("مواجهات محتجين مع القوات البوليسية": the crowd is the riot's first actor)
        agents = agents or [r for r in f.refs if protesters_side(r)][:1]
    if f.cls in ("clash", "riot") and agents and targets and is_state_force(stage.ctx.kb, agents[0]) \
            and protesters_side(targets[0]):
        # "قتل متظاهر برصاص القوات الأمنية … إثر صدامات": the crowd that clashed with the police is ACLED's actor1
        agents, targets = targets[:1], agents[:1]
    if not targets and f.casualties.victim_heads:
        named, generic = victims(f), generic_victims(f.casualties.victim_heads) or people_killed(stage.doc, f)
        # "مقتل ثلاثة جنود وأربعة مدنيين في هجوم": the soldiers make it a fight with the state's forces
        forces = generic_victims([h for h in f.casualties.victim_heads if h.ref.group != "civilians"])
        attacked = forces and agents and agents[0].armed and not any(state_side(v) for v in named + agents)
        targets = forces + named if attacked else named or generic
    if not targets and f.cls in CAPTIVE_CLASSES:
        targets = captives(stage.doc, f, agents)
    protesters = [r for r in f.refs if r.kind == "protesters"]
    if f.cls == "protest":
        # ACLED: a protest's actor1 is its protesters, named or not; the force that intervened is actor2
        kb = stage.ctx.kb
        forces = [r for r in f.refs if r.kind != "protesters" and (
            r.state_kind in ("police", "military")
            or (r.name and kb.actor(r.name) and kb.actor(r.name).type in ("police", "state_force")))]
        at = (f.main.start, f.main.end) if f.main else (f.start, f.end)  # the protest word stands for its crowd
        agents = protesters[:1] or [ActorRef(None, "protesters", at[0], at[1], None, None, False)]
        targets = forces[:1] if f.protest_mode in ("intervention", "excessive") and forces else \
            [t for t in targets if t.kind != "protesters" and t not in forces]
    return agents, targets


def _same_doers(stage: ArticleStage, f: Frame) -> list[ActorRef]:
    """"كما قصفوا تجمعا آخر": a plural verb with no subject named goes on with the doers of the event before, and so
    does a feminine one opening its clause ("اقتحمت القوات بلدة عزون، فيما اعتقلت فتى": the forces arrested him)."""
    main, doc = f.main, stage.doc
    if main is None or main.ref.voice != "active" or not stage.last_group:
        return []
    opens = doc.token_index(main.start) - doc.token_index(f.start) <= 1 and main.ref.cls not in ("explosion", "impact") and \
        doc.word(main).endswith(tuple(ar.words("feminine_verb_suffix"))) and not any(r.armed for r in f.refs)
    return stage.last_group[0].agents[:1] if plural_verb(doc.word(main)) or opens else []


def victims(f: Frame) -> list[ActorRef]:
    heads = {h.start for h in f.casualties.victim_heads}
    return [r for r in f.refs if r.start in heads or any(r.start <= h < r.end for h in heads)]
