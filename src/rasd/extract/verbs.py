"""Verb constructions that change what an event word says: a verb of renewal before a definite event noun
(تجددت الاشتباكات: the clash goes on, told anew), and "underwent" (تعرض ل…) before the event noun that names
what happened; an event noun as the predicate of "was" (كان هجوما), which tells no event; a present verb of
doing that makes the event noun a habit (يقومون باختطاف). Read by the kind component."""

from __future__ import annotations

from rasd.doc import ArticleDoc, Clause, TriggerMention
from rasd.lang import ar

FIRE_WINDOW = 8  # tokens after أطلق where النار makes it shooting (أطلقت قوات الأمن الإيرانية، اليوم (السبت)، النار)
UNDERGONE_REACH = 6  # tokens from "تعرض" past its subject to the ل of what the subject underwent


def renewed(doc: ArticleDoc, t: TriggerMention) -> bool:
    """A definite event noun right after a verb of renewal (تجددت، تواصلت، استمرت), a time word allowed between,
    or after "the latest" (أحدث): an event of this clause all the same."""
    k = doc.token_index(t.start) - 1
    while k >= 0 and doc.in_time(k):
        k -= 1
    if k >= 0 and doc.tokens[k].text in ar.words("renewal_verb_words") | ar.words("latest_word"):
        return True  # (or the latest of a series: في أحدث أعمال العنف)
    after = doc.token_index(t.end)
    if after < len(doc.tokens) and doc.tokens[after].text in ar.words("ordinal_adjective"):
        return True  # "شنت الحركة الهجوم الأول في بلدة مامفي": one of the attacks a summary counted, told on its own
    return k >= 1 and doc.tokens[k].text in ar.words("renewed_object_head") and doc.tokens[k - 1].text in ar.words("renewal_verb_words")


def undergone_by(clause: Clause, t: TriggerMention, live: list[TriggerMention]) -> TriggerMention | None:
    """The event noun (with ل) that "underwent" (تعرضت لقصف، تعرض خمسة موظفين للخطف) names, when t is that verb."""
    if t.ref.voice != "passive" or t.ref.cls != "attack":
        return None
    doc, ti = clause.doc, clause.doc.token_index(t.end)
    first = next((o for o in live if o.start >= t.end), None)  # the next event word, if it is the complement
    if first is not None and first.ref.voice == "noun" and 0 <= doc.token_index(first.start) - ti <= UNDERGONE_REACH \
            and doc.ntext[first.start] in ar.words("possessive_lam"):
        return first
    return None


def predicate(clause: Clause, t: TriggerMention) -> bool:
    """"ما جرى كان هجوما على كل العراقيين": an indefinite event noun after 'was' says what something was;
    "بعد سقوط حلب": the fall of a city is no shell falling."""
    doc = clause.doc
    ti, tj = doc.token_index(t.start), doc.token_index(t.end)
    if t.ref.cls == "impact" and doc.word(t) in ar.words("fall_word") and doc.at_token("place", tj) is not None:
        return True
    return t.ref.voice == "noun" and not t.definite and ti > 0 and doc.tokens[ti - 1].text in ar.words("copula") \
        and not any(w.text in ar.words("perfect_particle") for w in doc.tokens[ti + 1:ti + 4])


def body_after(clause: Clause, t: TriggerMention) -> bool:
    """"اختطفت جثماني الشهيدين": bodies right after the word, seized, not people taken."""
    doc = clause.doc
    ti = doc.token_index(t.end)
    return any(doc.tokens[k].text in ar.words("body_noun") for k in range(ti, min(ti + 2, len(doc.tokens))))


def gear_of(clause: Clause, t: TriggerMention) -> bool:
    """"معدات تفجير", "مواد تفجير": an event noun right after a word for gear names what the gear serves; nothing blew up."""
    return t.ref.voice == "noun" and word_before(clause, t, "gear_noun")


def word_before(clause: Clause, t: TriggerMention, grammar_set: str) -> bool:
    """The word right before the event word, inside the clause and with or without a glued "and", is of the set."""
    ti = clause.doc.token_index(t.start)
    return ti > 0 and clause.doc.tokens[ti - 1].start >= clause.start and \
        without_and(clause.doc.tokens[ti - 1].text) in ar.words(grammar_set)


def stopped(clause: Clause, t: TriggerMention) -> bool:
    """"وساطة أوقفت الاشتباكات": an arrest verb whose object is an event noun stops that event; nobody is held."""
    if t.ref.cls != "arrest" or t.ref.voice == "noun":
        return False
    tj = clause.doc.token_index(t.end)
    return any(o.ref.voice == "noun" and clause.doc.token_index(o.start) == tj for o in clause.event_triggers())


ANNOUNCE_REACH = 6  # tokens from أعلن past its subject to the "عن" of what it announces


def announced_protest(clause: Clause, t: TriggerMention) -> bool:
    """"أعلنت لجان مقاومة الخرطوم عن مواكب اليوم في جبرة": a protest announced (أعلن عن) is called, not held."""
    doc, ti = clause.doc, clause.doc.token_index(t.start)
    if t.ref.cls == "protest" and t.ref.voice == "noun" and _called_for(clause, ti):
        return True  # "دعا زعيم المعارضة إلى تنظيم احتجاجات": a call, not a protest held
    if t.ref.cls != "protest" or t.ref.voice != "noun" or ti < 1 or doc.tokens[ti - 1].text not in ar.words("announce_about"):
        return False
    if any(c.start <= t.start < c.end for c in clause.cues("intervention")):
        return False  # "أعلنت الشرطة عن تفريق مظاهرة": a dispersal announced took place
    return any(0 <= ti - 1 - doc.token_index(c.end) <= ANNOUNCE_REACH and doc.word(c).split(" ")[0] in ar.words("announce_verb")
               for c in clause.cues("claim_verb"))


def _called_for(clause: Clause, ti: int) -> bool:
    """The protest noun at token ti after "إلى" (past تنظيم، الخروج في …) that a verb of calling governs."""
    doc, k = clause.doc, ti - 1
    while k > 0 and doc.tokens[k].text in ar.words("call_filler"):
        k -= 1
    if k < 1 or doc.tokens[k].text not in ar.words("call_to") or doc.tokens[k].start < clause.start:
        return False
    first = max(doc.token_index(clause.start), k - ANNOUNCE_REACH)
    return any(without_and(doc.tokens[j].text) in ar.words("call_verb") for j in range(first, k))


FRONTED = 4  # tokens of a fronted phrase set off by a comma before the clause's verb (لليوم التاسع، يواصل …)


def opens_with_a_habit(clause: Clause) -> bool:
    """"وترد كييف بشن ضربات", "لليوم التاسع، يواصل الجيش استهداف …": a present verb opening the clause (or right
    after a short fronted phrase) tells a habit or a campaign going on, not an incident."""
    doc = clause.doc
    ti = doc.token_index(clause.start)
    for k in range(ti, min(ti + FRONTED, len(doc.tokens) - 1)):
        if doc.comma_between(doc.tokens[k].end, doc.tokens[k + 1].start):
            ti = k + 1 if without_and(doc.tokens[k + 1].text) in ar.words("habit_verb") else ti
            break
    return ti < len(doc.tokens) and doc.tokens[ti].start < clause.end and \
        without_and(doc.tokens[ti].text) in ar.words("habit_verb")


def witnessed_as_going_on(clause: Clause) -> bool:
    """"وتشهد المحافظات المحررة عمليات أمنية مستمرة وضربات جوية": a present "witnesses" opening the clause and events
    said to go on: a state of things, not an incident."""
    doc = clause.doc
    first, last = doc.token_index(clause.start), doc.token_index(clause.end)
    return first < len(doc.tokens) and without_and(doc.tokens[first].text) in ar.words("present_witness_verb") and \
        any(doc.tokens[k].text in ar.words("ongoing_word") for k in range(first, min(last, len(doc.tokens))))


def after_a_habit_verb(clause: Clause, t: TriggerMention) -> bool:
    """"عناصر الجماعة يقومون باختطاف أشخاص": a present verb of doing right before the event noun tells a habit."""
    return word_before(clause, t, "habit_verb")


def without_and(word: str) -> str:
    """The word without a glued "and" (وتصدى، وطالب)."""
    return ar.without_proclitics(word, "and_clitic")


def fire_near(clause: Clause, t: TriggerMention) -> bool:
    """Fire (النار، الرصاص) right before a launch verb or within FIRE_WINDOW tokens after it: "أطلق مسلحون النار",
    "بنيران أطلقها مسلحون", "وابلا من قنابل الغاز والرصاص" — shooting, not a launched projectile."""
    doc = clause.doc
    fire, clitics = ar.words("fire_noun"), "".join(ar.words("preposition_clitic") | ar.words("and_clitic"))
    first, last = doc.token_index(clause.start), doc.token_index(clause.end)
    ti = doc.token_index(t.end)
    return any(doc.tokens[k].text.lstrip(clitics) in fire
               for k in [doc.token_index(t.start) - 1, *range(ti, ti + FIRE_WINDOW)] if first <= k < last)


PREVENT_REACH = 8  # tokens from "منعت" (past its subject and object) to "من تفجير"


def prevented(clause: Clause, t: TriggerMention) -> bool:
    """"منعت نيران الشرطة المسلحين حتى من تفجير أحزمة ناسفة", "حالت دون تفجير": what was prevented did not happen."""
    doc = clause.doc
    k = doc.token_index(t.start)
    if t.ref.voice != "noun" or k < 1 or doc.tokens[k - 1].text not in ar.words("from_preposition") | ar.words("without_word"):
        return False
    first = max(doc.token_index(clause.start), k - 1 - PREVENT_REACH)
    return any(doc.tokens[j].text in ar.words("prevent_verb") and not doc.comma_between(doc.tokens[j].end, t.start)
               for j in range(first, k - 1))


def word_after(clause: Clause, t: TriggerMention, grammar_set: str, reach: int) -> bool:
    """A word of the grammar set within `reach` tokens after the event word, inside the clause (past its subject and
    a time: "أحبطت قوات حرس الحدود اليوم محاولة تسلل", "أسقطت المقاتلات الحربية عددا من البراميل")."""
    doc, k = clause.doc, clause.doc.token_index(t.end)
    words = ar.words(grammar_set)
    return any(doc.tokens[j].text in words for j in range(k, min(k + reach, len(doc.tokens))) if doc.tokens[j].start < clause.end)


PLANNED_REACH = 2  # tokens after an event noun to its "planned" (إضراب وطني مخطط له)


def planned(clause: Clause, t: TriggerMention) -> bool:
    """"قبل إضراب وطني مخطط له", "للمشاركة في تظاهرة محظورة مقررة الأربعاء": an event noun said to be planned has
    not happened."""
    # ("عملية اغتيال مخطط لها مسبقا": planned beforehand, premeditated, and done)
    return t.ref.voice == "noun" and word_after(clause, t, "planned_word", PLANNED_REACH) and \
        not word_after(clause, t, "beforehand_word", PLANNED_REACH + 2)
