"""A frame: what one clause says, slot by slot, filled by the clause components (when, where,
harm, who, kind) and read by the article stage. `kind` says what sort of mention the clause is."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Protocol

from rasd.doc import Clause, TriggerMention
from rasd.extract.casualties import Casualties
from rasd.extract.context import ArticleContext
from rasd.knowledge.places import Place
from rasd.resolve.actors import ActorRef
from rasd.text.dates import Resolved


class FrameKind(Enum):
    """What a clause is, for the article stage. News repeats itself and talks around events, so
    most clauses with an event word are not new events."""

    CONTEXT = "context"  # no event of its own; a claim or attribution in it speaks of the last event
    NEW = "new"  # reports an event (one per place it names)
    REFERENCE = "reference"  # "the attack", "this strike": adds to events already told, or a new place
    STATEMENT = "statement"  # "condemned the attack": adds to events already told, never a new one
    GENERIC = "generic"  # "most of the attacks": says nothing about one event
    SUMMARY = "summary"  # "several strikes", "repeated attacks": not one event
    TALLY = "tally"  # "at least 92 attacks since 17 October": an aggregate count
    BACKGROUND = "background"  # an event or a war dated more than a week before publication
    ONGOING = "ongoing"  # a campaign going on since a recent date: no single event
    STALE = "stale"  # a reference to an event more than a week old
    UNREAL = "unreal"  # a plan, a condition or a future: "protests are expected on 25 April"


@dataclass(slots=True)
class Located:
    place: Place
    start: int  # normalized span of the name
    end: int
    near: bool = False
    road: bool = False  # named as one end of a road (طريق السخنة–دير الزور)
    quarter: bool = False  # introduced as a neighbourhood (حي الروضة): it lies in the clause's city


@dataclass
class Frame:
    start: int
    end: int
    sentence: int
    is_title: bool
    triggers: list[TriggerMention] = field(default_factory=list)
    # when
    date: Resolved | None = None
    date_explicit: bool = False
    date_span: tuple[int, int] | None = None
    inherited: Resolved | None = None  # the discourse date of the clauses before
    said_on: Resolved | None = None  # the day of the statement that reports the clause ("قالت الشرطة الجمعة إن …")
    day_options: list[tuple[tuple[int, int], Resolved]] = field(default_factory=list)  # explicit days said
    since: Resolved | None = None
    # where
    leaves: list[Located] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    # harm
    weapon: str | None = None
    weapon_span: tuple[int, int] | None = None
    casualties: Casualties = field(default_factory=Casualties)
    # who
    refs: list[ActorRef] = field(default_factory=list)
    claimant: ActorRef | None = None
    claim_span: tuple[int, int] | None = None
    accused: ActorRef | None = None
    accuse_span: tuple[int, int] | None = None
    # kind
    kind: FrameKind = FrameKind.CONTEXT
    main: TriggerMention | None = None
    cls: str | None = None
    background: Resolved | None = None  # the date a BACKGROUND frame is told at
    intercepted: str | None = None
    protest_mode: str | None = None
    peaceful: bool = False
    arrested: bool = False
    tally_count: int | None = None
    tally_at_least: bool = False
    tally_what: str = "attacks"  # what the tally counts: attacks, fatalities, injuries
    tally_span: tuple[int, int] | None = None
    more_tallies: list[tuple[int, bool, str, tuple[int, int] | None]] = field(default_factory=list)  # count, at_least, what, span


class Component(Protocol):
    """A clause component: reads the clause (and the frame slots named in `reads`), fills `fills`."""

    name: str
    reads: tuple[str, ...]
    fills: tuple[str, ...]
    every_clause: bool  # False: runs only in clauses with event words

    def fill(self, frame: Frame, clause: Clause, ctx: ArticleContext) -> None: ...
