"""The victims a text names only by a common noun, as ACLED's actor2: civilians (مدنيين، شخصا killed by an attack),
the state's soldiers and policemen (جنديان، شرطيين), and the people an abduction or an arrest takes (مدرسا، شبان).
Reads the frame's victim nouns and the article's person mentions; makes actor references."""

from __future__ import annotations

from rasd.doc import ArticleDoc, PersonMention
from rasd.extract.frame import Frame
from rasd.extract.victims_before import among_them
from rasd.resolve.actors import ActorRef

# victims named only by a common noun: civilians, or the state's soldiers and policemen (جنديان، شرطيين)
GENERIC_VICTIM_GROUPS = ("civilians", "military", "police")


NO_SIDE_CLASSES = ("clash", "war", "riot", "protest")  # events whose dead may be of either side
ARMED_GROUPS = ("military", "police", "armed")


def people_killed(doc: ArticleDoc, f: Frame) -> list[ActorRef]:
    """"قتل 20 شخصا على يد مسلحين": people named by no group, killed by an attack (not in fighting), are civilians
    (ACLED's habit for victims the report does not arm; not where armed men are counted among them: "بينهم شرطيان")."""
    if f.cls in NO_SIDE_CLASSES or any(h.ref.group != "person" for h in f.casualties.victim_heads) or \
            any(m.ref.group in ARMED_GROUPS and among_them(doc, doc.token_index(m.start), 0)
                for m in doc.in_range("person", f.start, f.end)):
        return []
    h = next((h for h in f.casualties.victim_heads if h.ref.group == "person"), None)
    return [civilians_at(h)] if h is not None else []


def civilians_at(h: PersonMention) -> ActorRef:
    """Civilians named by a common noun (no actor of the base): "Civilians (country)" once the event is placed."""
    return ActorRef(None, "generic_state", h.start, h.end, None, "civilians", False)


def common_people(r: ActorRef) -> bool:
    """Is the reference civilians named only by a common noun (as civilians_at makes them)?"""
    return r.name is None and r.kind == "generic_state" and r.state_kind == "civilians"


def generic_victims(heads: list[PersonMention]) -> list[ActorRef]:
    h = next((h for h in heads if h.ref.group in GENERIC_VICTIM_GROUPS), None)
    if h is None:
        return []
    return [ActorRef(None, "generic_state", h.start, h.end, None, h.ref.group, h.ref.group != "civilians")]


CAPTIVE_CLASSES = ("abduction", "arrest")
CAPTIVE_GROUPS = ("civilians", "person", "protesters", "official")  # the unarmed the text names by a common noun
CAPTIVE_REACH = 6  # tokens from the verb (or its subject) to the people it takes: "اعتقلت قوات الأمن أمس ثلاثة شبان"


def captives(doc: ArticleDoc, f: Frame, agents: list[ActorRef]) -> list[ActorRef]:
    """"اختطف مسلحون مدرسا", "اعتقلت القوات ثلاثة شبان": the people an abduction or an arrest takes, named only by a
    common noun after its verb (and its subject), are its actor2 — civilians, as ACLED codes them."""
    main = f.main
    if main is None or main.ref.voice == "passive":
        return []
    after = max([main.end] + [a.end for a in agents if a.start >= main.end])
    first = doc.token_index(after)
    for h in doc.in_range("person", after, f.end):
        if doc.token_index(h.start) - first > CAPTIVE_REACH:
            break
        if h.ref.group in CAPTIVE_GROUPS:
            return [civilians_at(h)]
        if h.ref.group in GENERIC_VICTIM_GROUPS:
            return []  # soldiers or policemen taken: not civilians (left to the named sides)
    return []
