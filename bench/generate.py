"""Generate synthetic Arabic conflict articles for benchmarks (and fusion tests later).

Templates are sentences written for rasd; slots are filled from the knowledge base (real place and
actor names), so the generated text exercises the whole gazetteer and lexicon, not one article."""

from __future__ import annotations

import random
from datetime import date, timedelta

from rasd.knowledge.base import load

MONTHS = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"]
WEEKDAYS = ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]
NUMBERS = ["ثلاثة", "خمسة", "سبعة", "عشرة", "اثنا عشر", "عشرين", "2", "4", "9", "17", "23"]

LEADS = [
    "{a1} تقصف بلدة {p1}",
    "مقتل {n} في هجوم على {p1}",
    "اشتباكات عنيفة في {p1}",
    "انفجار عبوة ناسفة في {p1}",
]
BODY = [
    "قُتل {n} مدنيين وأصيب {m} آخرون، {wd}، في قصف مدفعي استهدف بلدة {p1} في {c}، بحسب مصادر محلية.",
    "وأعلنت {a1} مسؤوليتها عن الهجوم في بيان نشرته على قناتها.",
    "واستهدفت طائرة مسيرة، فجر {wd}، موقعا عسكريا قرب {p2}، دون أن تسفر عن إصابات.",
    "وفي سياق منفصل، اعتقلت قوات الأمن {n} مطلوبين في {p2} {wd} الماضي.",
    "واندلعت اشتباكات بين {a1} و{a2} في محيط {p1}، ما أدى إلى مقتل {n} من الطرفين.",
    "وتظاهر مئات السكان في {p2} احتجاجا على تردي الخدمات، وانتهت الوقفة بشكل سلمي.",
    "وأصيب {m} أشخاص جراء انفجار عبوة ناسفة بسيارة في {p2} صباح اليوم.",
    "واتهمت السلطات {a2} بالوقوف وراء الهجوم، فيما نفت الجماعة أي علاقة لها به.",
    "وسجلت مصادر أمنية أكثر من {k} هجوما في المنطقة منذ مطلع {month}.",
    "وأدانت وزارة الخارجية الهجوم ودعت إلى ضبط النفس.",
    "وكانت المنطقة قد شهدت في {d} {month} الماضي غارات مماثلة أوقعت عشرات الضحايا.",
]


def dateline(rng: random.Random, pub: date, city: str) -> str:
    return f"{city} - {pub.day} {MONTHS[pub.month - 1]} {pub.year} - "


def generate(n: int, seed: int = 7) -> list[tuple[str, str]]:
    """n (name, text) pairs."""
    kb = load()
    rng = random.Random(seed)
    towns = [p for p in kb.places if p.layer in ("curated", "geonames") and p.country_code in ("SY", "IQ", "YE", "LB", "PS", "LY", "SD")
             and p.feature in ("town", "village", "city", "neighbourhood") and len(p.name_ar) > 3]
    actors = [a for a in kb.actors if a.type in ("militia", "rebel", "state_force") and a.ar]
    out = []
    for i in range(n):
        pub = date(2019, 1, 1) + timedelta(days=rng.randrange(0, 2000))
        p1, p2 = rng.sample(towns, 2)
        country = kb.country(p1.country_code)
        a1, a2 = rng.sample(actors, 2)
        slots = dict(
            p1=p1.name_ar, p2=p2.name_ar, c=country.name_ar if country else "", a1=a1.ar[0], a2=a2.ar[0],
            n=rng.choice(NUMBERS), m=rng.choice(NUMBERS), k=rng.randrange(5, 120), wd=rng.choice(WEEKDAYS),
            month=rng.choice(MONTHS), d=rng.randrange(1, 28),
        )
        title = rng.choice(LEADS).format(**slots)
        sentences = rng.sample(BODY, rng.randrange(4, len(BODY)))
        body = dateline(rng, pub, p1.name_ar) + " ".join(s.format(**slots) for s in sentences[:2])
        rest = "\n".join(s.format(**slots) for s in sentences[2:])
        out.append((f"gen{i:05d}.txt", f"{title}\n\n{body}\n{rest}\n"))
    return out


def sample_variants(n: int, seed: int = 11) -> list[tuple[str, str]]:
    """n variants of the bundled sample articles: body sentences reordered (the dateline stays first)
    and every count changed, so each variant is new text of realistic length."""
    import re
    from importlib import resources

    root = resources.files("rasd") / "samples" / "articles"
    texts = [p.read_text(encoding="utf-8") for p in sorted(root.iterdir(), key=str) if str(p).endswith(".txt")]
    rng = random.Random(seed)
    out = []
    for i in range(n):
        title, _, body = texts[i % len(texts)].partition("\n\n")
        lines = [l for l in body.split("\n") if l.strip()]
        head, rest = lines[0], lines[1:]
        rng.shuffle(rest)
        bump = lambda m: str(int(m.group()) + rng.randrange(0, 5)) if len(m.group()) < 3 else m.group()
        text = "\n".join([head, *rest])
        text = re.sub(r"(?<![\d/])\d{1,2}(?![\d/])", bump, text) if i % 3 else text
        out.append((f"var{i:05d}.txt", f"{title}\n\n{text}\n"))
    return out


if __name__ == "__main__":
    import sys
    from pathlib import Path

    target = Path(sys.argv[1] if len(sys.argv) > 1 else "bench/corpus")
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    target.mkdir(parents=True, exist_ok=True)
    for name, text in generate(count):
        (target / name).write_text(text, encoding="utf-8")
    print(f"wrote {count} articles to {target}")
