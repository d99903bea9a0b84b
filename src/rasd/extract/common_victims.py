"""The victims a text names only by a common noun, as ACLED's actor2: civilians (مدنيين، شخصا killed by an attack),
the state's soldiers and policemen (جنديان، شرطيين), and the people an abduction or an arrest takes (مدرسا، شبان).
Reads the frame's victim nouns and the article's person mentions; makes actor references."""

from __future__ import annotations

from rasd.doc import ArticleDoc, PersonMention
from rasd.extract.frame import Frame
from rasd.lang import ar
from rasd.resolve.actors import ActorRef

# victims named only by a common noun: civilians, or the state's soldiers and policemen (جنديان، شرطيين)
GENERIC_VICTIM_GROUPS = ("civilians", "military", "police")


NO_SIDE_CLASSES = ("clash", "war", "riot", "protest")  # events whose dead may be of either side
ARMED_GROUPS = ("military", "police", "armed")


def people_killed(doc: ArticleDoc, f: Frame) -> list[ActorRef]:
    """"قتل 20 شخصا على يد مسلحين": people named by no group, killed by an attack (not in fighting), are civilians
    (ACLED's habit for victims the report does not arm; not where armed men are counted among them: "بينهم شرطيان")."""
    if f.cls in NO_SIDE_CLASSES or any(h.ref.group != "person" for h in f.casualties.victim_heads) or \
            any(m.ref.group in ARMED_GROUPS and _counted_among(doc, m) for m in doc.in_range("person", f.start, f.end)):
        return []
    h = next((h for h in f.casualties.victim_heads if h.ref.group == "person"), None)
    return [ActorRef(None, "generic_state", h.start, h.end, None, "civilians", False)] if h is not None else []


def _counted_among(doc: ArticleDoc, m: PersonMention) -> bool:
    """"بينهم شرطيان", "بينهم ثلاثة جنود": a part of the victims told after "among them"."""
    k = doc.token_index(m.start)
    return any(doc.tokens[j].text in ar.words("among_them") for j in range(max(0, k - 2), k))


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
            return [ActorRef(None, "generic_state", h.start, h.end, None, "civilians", False)]
        if h.ref.group in GENERIC_VICTIM_GROUPS:
            return []  # soldiers or policemen taken: not civilians (left to the named sides)
    return []
