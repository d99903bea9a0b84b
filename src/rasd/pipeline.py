"""The whole extraction: Document -> records (CONTRACT.md). A pure function of the document and the
read-only knowledge base, so the CLI, the server and a Spark task run the same code.

Stages: doc.analyse (mentions) -> extract.context (article facts) -> extract.clauses (one frame per
clause, filled by the components when/where/harm/who/kind) -> extract.article (events, tallies,
background) -> extract.records (CONTRACT.md records with spans and notes).
"""

from __future__ import annotations

import sys
from typing import Any

from rasd.doc import analyse
from rasd.document import Document
from rasd.extract.article import ArticleStage
from rasd.extract.clauses import build_frames
from rasd.extract.context import article_context
from rasd.extract.unknown_towns import add_unknown_towns
from rasd.extract.records import background_record, event_record, tally_record
from rasd.knowledge.base import KnowledgeBase, load


def extract(doc: Document, kb: KnowledgeBase | None = None, warn: bool = True) -> list[dict[str, Any]]:
    """Records of one article, in text order. The Document learns its id and, if it had no date,
    the dateline's (the store keeps both)."""
    kb = kb or load()
    art = analyse(doc, kb)
    doc.learn(art.doc_id, art.published)
    if art.published is None and warn:
        print(f"rasd: warning: {doc.input}: no publication date found (use --published); "
              "dates are unresolved and records carry time_precision 3", file=sys.stderr)
    ctx = article_context(art, kb)
    add_unknown_towns(art, ctx)
    result = ArticleStage(ctx).run(build_frames(art, ctx))
    ordered: list[tuple[int, dict[str, Any]]] = []
    ordered += [(d.evidence[0][0], event_record(art, kb, d)) for d in result.drafts]
    ordered += [(t["evidence"][0][0], tally_record(art, kb, t)) for t in result.tallies]
    ordered += [(b["evidence"][0][0], background_record(art, kb, b)) for b in result.background]
    ordered.sort(key=lambda x: x[0])
    return [r for _, r in ordered]
