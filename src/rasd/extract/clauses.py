"""The clause stage: one frame per clause, filled by an ordered list of components. Adding a slot
is adding a module with a component and a line here. `when` runs on every clause (later clauses
inherit its dates); the others only where the clause has event words."""

from __future__ import annotations

from rasd.doc import ArticleDoc
from rasd.extract.context import ArticleContext
from rasd.extract.frame import Component, Frame
from rasd.extract.harm import Harm
from rasd.extract.kind import Kind
from rasd.extract.when import When, next_discourse
from rasd.extract.where import Where
from rasd.extract.who import Who

COMPONENTS: tuple[Component, ...] = (When(), Where(), Harm(), Who(), Kind())


def build_frames(doc: ArticleDoc, ctx: ArticleContext, components: tuple[Component, ...] = COMPONENTS) -> list[Frame]:
    frames: list[Frame] = []
    discourse = None
    for clause in doc.clauses():
        frame = Frame(clause.start, clause.end, clause.sentence, clause.is_title, triggers=clause.event_triggers(),
                      inherited=discourse)
        eventful = clause.has_event_words()
        for component in components:
            if component.every_clause or eventful:
                component.fill(frame, clause, ctx)
        discourse = next_discourse(frame, discourse, ctx)
        frames.append(frame)
    return frames
