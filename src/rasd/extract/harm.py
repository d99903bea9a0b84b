"""Harm: the weapon (the highest-ranked weapon word of the clause) and the casualties (read by
extract/casualties.py: counts, victim groups, duals, negations)."""

from __future__ import annotations

from rasd.doc import Clause, Mention
from rasd.extract.casualties import read_casualties
from rasd.extract.context import ArticleContext
from rasd.extract.frame import Frame
from rasd.extract.verbs import prevented
from rasd.extract.when import opens_recent_incident
from rasd.extract.where import reason_part
from rasd.lang import ar


class Harm:
    name = "harm"
    reads = ()
    fills = ("weapon", "weapon_span", "casualties")
    every_clause = False

    def fill(self, frame: Frame, clause: Clause, ctx: ArticleContext, anchored_own: bool = False) -> None:
        """anchored_own: the clause's event is the one told after its anchor cue (see Where.fill)."""
        used: list[Mention] = []
        doc = clause.doc
        loot = clause.cues("loot_verb")
        # ("اعتقال شقيقة منفذ عملية الطعن": the knife is the pursued attack's, not the arrest's)
        pursued = [(c.start, reason_part(clause, c.end)[1]) for c in clause.cues("response") if not opens_recent_incident(clause, c)]
        for m in clause.mentions("weapon"):
            if any(a <= m.start < b for a, b in pursued):
                continue
            ti = doc.token_index(m.start)
            if ti > 0 and doc.tokens[ti - 1].text in ar.words("weapon_place_head"):
                continue  # "مهبط الطائرات": an airstrip, not aircraft that struck
            if any(c.end <= m.start for c in loot):
                continue  # "استولت على قاذفة آر بي جي": spoils, not what the attack used
            if any(0 <= ti - doc.token_index(t.end) <= 1 and prevented(clause, t) for t in clause.mentions("trigger")):
                continue  # "منعتهم من تفجير أحزمة ناسفة": the belts never went off
            if ti > 0 and doc.tokens[ti - 1].text in ar.words("wear_verb"):
                continue  # "ثلاثة مهاجمين كانوا يرتدون أحزمة ناسفة": belts worn, not set off
            if _foiled_attempt(clause, ti):
                continue  # "حاول شاب إلقاء قنبلة يدوية على الضباط، إلا أنهم أطلقوا النار عليه": never thrown
            used.append(m)
        best = max(used, key=lambda m: m.ref.rank, default=None)  # (the first of the highest rank)
        small_arms = [m for m in used if m.ref.weapon == "small_arms"]
        if best is not None and small_arms and doc.word(best) in ar.words("direct_fire_weapon"):
            # "استخدم المسلحون قذائف آر بي جي وأسلحة رشاشة في مهاجمة النقطتين": rocket-propelled grenades fired beside
            # small arms are the weapons of a fight at close range (ACLED: an armed clash), not a shelling
            best = small_arms[0]
        if best is not None:
            frame.weapon, frame.weapon_span = best.ref.weapon, (best.start, best.end)
        cas = read_casualties(clause.doc, clause.start, clause.end, ctx.vague, ctx.kb.lexicon.numbers)
        # ("غداة هجوم أسفر عن مقتل خمسة": the dead of the event the clause is dated against are that event's)
        reasons = [reason_part(clause, c.end) for c in clause.cues("motive", "response", "anchor_event")
                   if not opens_recent_incident(clause, c) and not (anchored_own and c.ref.cue == "anchor_event")]
        reasons += [reason_part(clause, c.end) for c in clause.cues("denial")]  # "نفى الأنباء عن مقتل ثلاثة": no toll
        # "في أكبر تصعيد منذ مقتل 19 متظاهرا": the deaths that opened the period are another event's
        reasons += [reason_part(clause, c.end) for c in clause.cues("since")
                    if doc.token_index(c.end) < len(doc.tokens) and (
                        doc.at_token("casualty", doc.token_index(c.end)) or doc.at_token("trigger", doc.token_index(c.end)))]
        # "مسيرة احتجاجية على مقتل شاب": the death the protest is about is not the protest's toll
        frame.casualties = cas.outside(reasons) if reasons and cas.items else cas


ATTEMPT_REACH = 3  # tokens from "tried" to the weapon it tried to use: "حاول شاب إلقاء قنبلة"


def _foiled_attempt(clause: Clause, ti: int) -> bool:
    """A weapon someone tried to use ("حاول … إلقاء قنبلة") before a "but" that tells how they were stopped."""
    doc = clause.doc
    first = max(doc.token_index(clause.start), ti - ATTEMPT_REACH)
    if not any(doc.tokens[j].text in ar.words("attempt_verb") for j in range(first, ti)):
        return False
    return any(ar.has_word("foiled_connector", t.text, "and_clitic") for t in doc.tokens[ti + 1:doc.token_index(clause.end)])
