"""One table per clause component: a sentence (written for these tests) -> what that component
fills in the frame of the sentence's first eventful clause. A failure here points at one stage."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest

from rasd.doc import analyse
from rasd.document import from_text
from rasd.extract.clauses import build_frames
from rasd.extract.context import article_context
from rasd.extract.frame import Frame, FrameKind

PUB = date(2024, 3, 14)  # a Thursday


@pytest.fixture(scope="module")
def frame_of(kb):
    def run(sentence: str, published: date | None = PUB) -> Frame:
        # headline, a first body line without a date (so the sentence is never read as a dateline)
        doc = analyse(from_text("خبر\nمتابعة\n" + sentence, "t.txt", published), kb)
        frames = [f for f in build_frames(doc, article_context(doc, kb)) if not f.is_title]
        eventful = [f for f in frames if f.triggers]
        return (eventful or frames)[0]
    return run


WHEN = [
    ("قصفت المدفعية بلدة سرمين أمس", "2024-03-13", True),
    ("قتل شخصان في انفجار عبوة ناسفة يوم الاثنين الماضي في بعقوبة", "2024-03-11", True),
    ("اندلعت اشتباكات في 3 آذار/مارس 2024 في مدينة درعا", "2024-03-03", True),
    ("قتل جندي في هجوم فجر اليوم في الأنبار", "2024-03-14", True),
    ("قتل جندي في هجوم في الأنبار", None, False),
    ("شن الطيران غارات خلال الأسبوع الماضي على ريف إدلب", "2024-03-07", False),
]


@pytest.mark.parametrize("sentence,day,explicit", WHEN)
def test_when(frame_of, sentence, day, explicit):
    f = frame_of(sentence)
    assert (f.date.date.isoformat() if f.date else None) == day
    assert f.date_explicit is explicit


def test_when_since_is_a_period_not_the_day(frame_of):
    f = frame_of("نفذت الفصائل 40 هجوما منذ 17 أكتوبر على القواعد الأمريكية في العراق")
    assert f.since is not None and f.since.date == date(2023, 10, 17) and f.date is None


WHERE = [
    ("قصفت المدفعية بلدة سرمين في ريف إدلب", ["Sarmin"], ["SY"]),
    ("انفجرت عبوة ناسفة في حي الكرادة ببغداد", ["Karrada"], ["IQ"]),
    ("سقطت قذائف على بلدتي أريحا وسرمين في ريف إدلب", ["Ariha", "Sarmin"], ["SY"]),
    ("سقطت صواريخ على مدينة صفد شمال إسرائيل", ["Safed"], ["IL"]),
    ("قتل مدني في غارة شمال بغداد", [], ["IQ"]),
]


def ascii_name(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name) if c.isascii()).lower()


@pytest.mark.parametrize("sentence,places,countries", WHERE)
def test_where(frame_of, sentence, places, countries):
    f = frame_of(sentence)
    got = [ascii_name(l.place.name_en) for l in f.leaves if l.place.feature != "country"]
    assert all(any(p.lower() in g for g in got) for p in places), got
    assert len([g for g in got if g != "baghdad"]) >= len(places)
    assert set(countries) <= set(f.countries) or (not f.countries and not countries)


def test_where_skips_sources_and_bearings(frame_of):
    f = frame_of("قال مصدر في بغداد إن مسلحين هاجموا نقطة تفتيش قرب بلدة الطارمية")
    assert [l.place.name_en for l in f.leaves] and all("Baghdad" != l.place.name_en for l in f.leaves)
    assert any(l.near for l in f.leaves)


HARM = [
    ("قتل خمسة مدنيين وأصيب عشرة آخرون في قصف مدفعي على سرمين", 5, 10, "artillery"),
    ("انفجرت عبوة ناسفة بدورية للجيش دون وقوع إصابات", 0, 0, "ied"),
    ("قتل جنديان في هجوم بطائرة مسيرة", 2, None, "drone"),
    ("أصيب العشرات في غارة جوية", None, None, "airstrike"),
    ("قتل ما لا يقل عن سبعة أشخاص في تفجير سيارة مفخخة", 7, None, "car_bomb"),
    ("اغتيل نائب رئيس المجلس المحلي برصاص مسلحين مجهولين", 1, None, "small_arms"),
]


@pytest.mark.parametrize("sentence,fatalities,injuries,weapon", HARM)
def test_harm(frame_of, sentence, fatalities, injuries, weapon):
    f = frame_of(sentence)
    assert (f.casualties.fatalities, f.casualties.injuries) == (fatalities, injuries)
    assert f.weapon == weapon


WHO = [
    ("قصفت القوات التركية قرى في ريف الحسكة", "Military Forces of Turkey", None),
    ("هاجم مسلحون مجهولون دورية للشرطة في كركوك", "Unidentified Armed Group", None),
    ("قتل ثلاثة من عناصر قوات سوريا الديمقراطية في هجوم لتنظيم داعش", "Islamic State", "Syrian Democratic Forces"),
]


@pytest.mark.parametrize("sentence,agent,target", WHO)
def test_who_roles(frame_of, kb, sentence, agent, target):
    f = frame_of(sentence)
    agents = [r.resolved(kb, "SY") for r in f.refs if r.role == "agent"]
    targets = [r.resolved(kb, "SY") for r in f.refs if r.role == "target"]
    assert agents and agent in agents[0]
    if target:
        assert targets and target in targets[0]


def test_who_claim_and_attribution(frame_of):
    claim = frame_of("وأعلنت المقاومة الإسلامية في العراق مسؤوليتها عن الهجوم على قاعدة عين الأسد")
    assert claim.claimant is not None and "Islamic Resistance in Iraq" in claim.claimant.name
    blame = frame_of("واتهمت الحكومة اليمنية جماعة الحوثي بالوقوف وراء الهجوم على مأرب")
    assert blame.accused is not None and "Houthi" in (blame.accused.name or "")
    denied = frame_of("ونفى حزب الله مسؤوليته عن الهجوم")
    assert denied.claimant is None


KIND = [
    ("قصفت المدفعية بلدة سرمين أمس", FrameKind.NEW, "shelling"),
    ("وأدى القصف إلى مقتل شخصين", FrameKind.REFERENCE, "shelling"),
    ("وأدانت الخارجية الهجوم", FrameKind.STATEMENT, "attack"),
    ("وشن التنظيم هجمات متكررة على المنطقة", FrameKind.SUMMARY, "attack"),
    ("ونفذت الفصائل 92 هجوما منذ 17 أكتوبر", FrameKind.TALLY, "attack"),
    ("وكانت غارة جوية قد استهدفت المدينة في 2 شباط/فبراير 2024", FrameKind.BACKGROUND, "airstrike"),
    ("تظاهر المئات في ساحة المدينة", FrameKind.NEW, "protest"),
    ("اعتقلت قوات الأمن خمسة مطلوبين في حملة مداهمة", FrameKind.NEW, "arrest"),
]


@pytest.mark.parametrize("sentence,kind,cls", KIND)
def test_kind(frame_of, sentence, kind, cls):
    f = frame_of(sentence)
    assert f.kind is kind
    assert f.cls == cls


def test_kind_protest_modes(frame_of):
    f = frame_of("فرقت الشرطة المتظاهرين بالغاز المسيل للدموع في عمان")
    assert f.cls == "protest" and f.protest_mode == "intervention"
    f = frame_of("اعترضت الدفاعات الجوية صاروخين وأسقطت أحدهما")
    assert f.cls == "interception"
