"""The extractor's word lists (src/rasd/data/lexicon/*.tsv), loaded into plain lookup tables."""

from __future__ import annotations

from dataclasses import dataclass, field

from rasd.datafiles import data_path, read_tsv
from rasd.lang import ar
from rasd.text.normalize import norm


@dataclass(frozen=True, slots=True)
class Trigger:
    form: str
    cls: str
    voice: str


@dataclass(frozen=True, slots=True)
class Weapon:
    form: str
    weapon: str
    rank: int


@dataclass(frozen=True, slots=True)
class PersonNoun:
    form: str
    count: int | None  # None: plural (needs a number)
    group: str


@dataclass(frozen=True, slots=True)
class Casualty:
    form: str
    kind: str
    pattern: str


@dataclass(frozen=True, slots=True)
class Cue:
    form: str
    cue: str
    value: str = ""


@dataclass(frozen=True, slots=True)
class Sense:
    """A second sense of a word, taken when `when` cues are in its sentence and `unless` cues are not."""

    form: str  # matching form
    drop: tuple[str, ...]  # layers whose reading is dropped
    becomes: str | None  # trigger class it then has
    when: str
    unless: str | None


@dataclass
class Lexicon:
    triggers: list[Trigger] = field(default_factory=list)
    weapons: list[Weapon] = field(default_factory=list)
    persons: list[PersonNoun] = field(default_factory=list)
    casualties: list[Casualty] = field(default_factory=list)
    cues: list[Cue] = field(default_factory=list)
    harm: list[Cue] = field(default_factory=list)  # cue = negator|harm, value = zeroes
    calendar: list[Cue] = field(default_factory=list)  # cue = kind, value = value
    numbers: dict[str, tuple[int, str]] = field(default_factory=dict)  # norm form -> (value, kind)
    senses: dict[str, Sense] = field(default_factory=dict)  # matching form -> its second sense

    def all_forms(self) -> set[str]:
        """Normalized forms of every lexicon word (used to keep place names off common words)."""
        forms = {norm(x.form.rstrip("*")) for x in self.triggers + self.weapons + self.persons}
        forms |= {norm(x.form) for x in self.casualties + self.cues + self.harm + self.calendar}
        forms |= set(self.numbers)
        return forms


def load_lexicon() -> Lexicon:
    lx = Lexicon()
    for r in read_tsv(data_path("lexicon/triggers.tsv")):
        lx.triggers.append(Trigger(r["form"], r["class"], r["voice"]))
    for r in read_tsv(data_path("lexicon/weapons.tsv")):
        lx.weapons.append(Weapon(r["form"], r["weapon"], int(r["rank"])))
    for r in read_tsv(data_path("lexicon/persons.tsv")):
        count = None if r["count"] == "pl" else int(r["count"])
        lx.persons.append(PersonNoun(r["form"], count, r["group"]))
    for r in read_tsv(data_path("lexicon/casualties.tsv")):
        lx.casualties.append(Casualty(r["form"], r["kind"], r["pattern"]))
    for r in read_tsv(data_path("lexicon/cues.tsv")):
        lx.cues += [Cue(form, r["cue"]) for form in anchor_variants(r["form"], r["cue"])]
    for r in read_tsv(data_path("lexicon/harm_negation.tsv")):
        lx.harm.append(Cue(r["form"], r["role"], r["zeroes"]))
    for kind, pairs in ar.calendar_words().items():  # read once, shared with the date finder
        lx.calendar += [Cue(form, kind, value) for form, value in pairs]
    lx.numbers = dict(ar.number_words())
    for r in read_tsv(data_path("lexicon/senses.tsv")):
        form = norm(r["form"])
        lx.senses[form] = Sense(form, tuple(r["drop"].split("|")), None if r["becomes"] == "-" else r["becomes"],
                                r["when"], None if r["unless"] == "-" else r["unless"])
    return lx


def anchor_variants(form: str, cue: str) -> list[str]:
    """An anchor phrase ("بعد 24 ساعة على") as written and with the words of time passing and of about after its
    first word ("بعد مضي نحو 24 ساعة على", "بعد مرور يومين على"): papers put them in at will."""
    head, _, rest = form.partition(" ")
    if cue != "anchor_event" or not rest or head not in ar.raw_words("anchor_head"):
        return [form]
    fillers = [*ar.raw_words("anchor_passing"), *ar.raw_words("anchor_about"),
               *(f"{p} {a}" for p in ar.raw_words("anchor_passing") for a in ar.raw_words("anchor_about"))]
    return [form, *(f"{head} {f} {rest}" for f in fillers)]
