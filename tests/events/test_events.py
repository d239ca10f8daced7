"""PLOVER event coding from Arabic sentences: types, modes, roles, places, dates, casualties, flags.

Documents are built in code (entities given as surface strings, dates and quotes from their own stages),
so each test states exactly which construction it exercises and does not depend on the NER model.
Every test checks the offset contract: text[start:end] equals the trigger text.
"""

from __future__ import annotations

import re

from marsad.annotate.events import build_events, code_events
from marsad.dates import find_dates
from marsad.document import Document, Entity, Event, Span
from marsad.events.casualties import casualties
from marsad.quotes import extract_quotes

# id, type, country, precision, sector — as the KB would give them
KNOWN: dict[str, tuple[str, str, str | None, str | None, str | None]] = {
    "روسيا": ("Q159", "GPE", "RUS", "country", None),
    "موسكو": ("gn:524901", "GPE", "RUS", "settlement", None),
    "سورية": ("Q858", "GPE", "SYR", "country", None),
    "سوريا": ("Q858", "GPE", "SYR", "country", None),
    "تنظيم داعش": ("Q2429253", "ORG", None, None, "IMG"),
    "داعش": ("Q2429253", "ORG", None, None, "IMG"),
    "تدمر": ("Q5747", "GPE", "SYR", "settlement", None),
    "التحالف الدولي": ("m:coalition", "ORG", None, None, "MIL"),
    "واشنطن": ("gn:washington", "GPE", "USA", "settlement", None),
    "الميادين": ("gn:mayadin", "GPE", "SYR", "settlement", None),
    "الرقة": ("Q283368", "GPE", "SYR", "settlement", None),
    "الجيش السوري": ("m:syr_army", "ORG", "SYR", None, "MIL"),
    "قاعدة حميميم": ("m:hmeimim", "FAC", "SYR", "settlement", None),
    "سيرغي لافروف": ("Q7803", "PER", "RUS", None, "GOV"),
    "المعارضة": ("m:opp", "ORG", "SYR", None, "OPP"),
    "النظام السوري": ("m:regime", "ORG", "SYR", None, "GOV"),
    "الشرطة": ("m:police", "ORG", None, None, "COP"),
    "القاهرة": ("Q85", "GPE", "EGY", "settlement", None),
    "حلب": ("Q41183", "GPE", "SYR", "settlement", None),
}


def _doc(text: str, published: str = "2017-06-01") -> Document:
    """A document with entity mentions for every KNOWN surface string, plus dates and quotes."""
    doc = Document(text=text, published=published)
    ents: dict[str, Entity] = {}
    taken: list[tuple[int, int]] = []
    for surface in sorted(KNOWN, key=len, reverse=True):
        eid, typ, country, precision, sector = KNOWN[surface]
        for m in re.finditer(re.escape(surface), text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            taken.append(m.span())
            e = ents.setdefault(eid, Entity(id=eid, name=surface, type=typ, country=country,
                                            precision=precision, sector=sector))
            e.mentions.append(Span(m.start(), m.end(), surface))
    doc.entities = list(ents.values())
    doc.dates = find_dates(text, published)
    doc.quotes = extract_quotes(doc)
    return doc


def _events(text: str, published: str = "2017-06-01") -> list[Event]:
    doc = _doc(text, published)
    evs = code_events(doc)
    for ev in evs:
        t = ev.trigger
        assert text[t.start:t.end] == t.text, t
        assert 0 <= ev.sentence.start <= t.start < t.end <= ev.sentence.end <= len(text)
    return evs


def _one(evs: list[Event], typ: str, trigger: str | None = None) -> Event:
    hits = [e for e in evs if e.type == typ and (trigger is None or trigger in e.trigger.text)]
    assert hits, f"no {typ} event{' on ' + trigger if trigger else ''}: {[(e.type, e.trigger.text) for e in evs]}"
    return hits[0]


def test_kalibr_missiles_are_an_assault_on_isis_near_palmyra_yesterday() -> None:
    text = ("أعلنت وزارة الدفاع الروسية أمس، عن أنّ الفرقاطة «أميرال إيسين» والغواصة «كراسنودار» في الأسطول "
            "البحري الروسي أطلقتا 4 صواريخ مجنحة من نوع «كاليبر» على مواقع تابعة لتنظيم داعش الإرهابي بالقرب من تدمر.")
    doc = _doc(text, "2017-06-01")
    doc.entities.append(Entity(id="Q159", name="روسيا", type="GPE", country="RUS", precision="country"))
    ev = _one(code_events(doc), "ASSAULT", "أطلقتا")
    assert ev.mode == "heavy-weapons"
    assert ev.recipient == ["Q2429253"]
    assert ev.location == "Q5747"
    assert ev.actor == ["Q159"]  # the unlinked "Russian navy" stands for its country
    assert (ev.date, ev.date_precision) == ("2017-05-31", "day")


def test_strike_on_mayadin_is_aerial_with_35_dead_on_25_may() -> None:
    text = ("وفي السياق، أدانت موسكو غارات التحالف الدولي بقيادة واشنطن في سورية، بما في ذلك قصف «الميادين» "
            "في 25 أيار الذي أدى إلى مقتل 35 مدنياً، و20 مدنياً جنوبي الرقة في 27 أيار.")
    evs = _events(text, "2017-06-01")
    ev = _one(evs, "ASSAULT", "قصف")
    assert ev.mode == "aerial"
    assert ev.dead == 35
    assert ev.location == "gn:mayadin"
    assert (ev.date, ev.date_precision) == ("2017-05-25", "day")
    raids = _one(evs, "ASSAULT", "غارات")
    assert raids.actor == ["m:coalition"]


def test_moscow_condemning_coalition_raids_is_russia_accusing_the_coalition() -> None:
    evs = _events("أدانت موسكو غارات التحالف الدولي في سورية.")
    ev = _one(evs, "ACCUSE", "أدانت")
    assert ev.actor == ["gn:524901"]
    assert ev.recipient == ["m:coalition"]
    assert ev.mode == "disapprove"


def test_what_the_text_only_imagines_is_no_event() -> None:
    # a condition, a prediction, a possibility, a fear, a purpose, what is threatened or demanded
    for text in ("وقال الوزير إنه في حال عاد المسلحون إلى المدينة فإن الجيش سيقصف مواقعهم.",
                 "ورجح خبراء أن تسحب الحكومة قواتها من الجنوب خلال أشهر.",
                 "ويمكن أن تقصف الطائرات مواقع المتمردين قرب الحدود.",
                 "وعبر السكان عن مخاوف من هجوم على القرية.",
                 "وحشد الجيش قواته بهدف اقتحام البلدة.",
                 "وهدد الحاكم باعتقال قادة النقابة.",
                 "وطالبت المنظمة بالإفراج عن الصحفيين.",
                 "ولن يقبل الشعب أي هجوم على أرضه."):
        evs = _events(text)
        assert not [e for e in evs if e.type in ("ASSAULT", "RETREAT", "COERCE")], (text, evs)
    # the threat and the demand themselves are events; «ما إذا» is «whether», not a condition
    _one(_events("وهدد الحاكم باعتقال قادة النقابة."), "THREATEN")
    _one(_events("وطالبت المنظمة بالإفراج عن الصحفيين."), "REQUEST")
    _one(_events("ولم يتضح ما إذا كان الهجوم على الحاجز من تنفيذ المتمردين."), "ASSAULT")
    # a condition after a reported act bounds what follows it, not the act
    _one(_events("وهددت الشرطة السكان بالطرد إذا بقوا في الساحة."), "THREATEN")


def test_accuse_from_atahama_and_adana() -> None:
    ev = _one(_events("اتهمت المعارضة النظام السوري بفتح ممر آمن للتنظيم."), "ACCUSE")
    assert ev.actor == ["m:opp"]
    assert ev.recipient == ["m:regime"]
    assert ev.mode == "allege"
    _one(_events("ندد الرئيس بالهجوم وأدان العملية الإرهابية."), "ACCUSE", "أدان")


def test_protest_from_tazahara() -> None:
    ev = _one(_events("تظاهر آلاف المواطنين أمس في القاهرة احتجاجا على رفع الأسعار."), "PROTEST", "تظاهر")
    assert ev.mode == "demo"
    assert ev.location == "Q85"
    # "pretends to" is not a protest
    assert not [e for e in _events("إنه يتظاهر بالمعرفة.") if e.type == "PROTEST"]


def test_riot_and_hunger_strike_modes() -> None:
    assert _one(_events("اندلعت أعمال شغب في المدينة."), "PROTEST").mode == "riot"
    assert _one(_events("يواصل 120 أسيرا إضرابهم المفتوح عن الطعام."), "PROTEST").mode == "hunger"


def test_casualties_from_digits_arabic_indic_and_words() -> None:
    assert casualties("أسفر الهجوم عن مقتل ٣٥ شخصا وإصابة ١٢ آخرين") == (35, 12)
    assert casualties("سقوط ثلاثة قتلى و20 جريحاً") == (3, 20)
    assert casualties("ارتفع عدد القتلى إلى 50 شخصا") == (50, None)
    assert casualties("مقتل جنديين وإصابة شخص") == (2, 1)
    assert casualties("لقي خمسة أشخاص مصرعهم") == (5, None)
    assert casualties("مقتل العشرات") == (None, None)  # vague: no invented lower bound
    assert casualties("قتل 45% من الماشية") == (None, None)
    ev = _one(_events("قتل 25 مقاتلا من المعارضة خلال هجوم على قاعدة عسكرية في حلب."), "ASSAULT")
    assert ev.dead == 25


def test_negated_and_future_flags() -> None:
    ev = _one(_events("لم تشن الطائرات الروسية غارات على حلب أمس."), "ASSAULT")
    assert ev.negated and ev.mode == "aerial"
    ev = _one(_events("نفت روسيا أن تكون طائراتها قصفت المستشفى في حلب."), "ASSAULT", "قصفت")
    assert ev.negated
    ev = _one(_events("وقال إن الجيش السوري سيقصف مواقع داعش."), "ASSAULT")
    assert ev.future and not ev.negated
    ev = _one(_events("سوف تنسحب القوات من المدينة."), "RETREAT")
    assert ev.future and ev.mode == "withdraw"
    assert not [e for e in _events("إذا هاجم داعش المدينة فإن الجيش السوري سيرد.") if e.type == "ASSAULT"]


def test_explosion_suicide_abduction_and_arrest_modes() -> None:
    assert _one(_events("انفجرت سيارة مفخخة في سوق المدينة."), "ASSAULT").mode == "explosives"
    assert _one(_events("فجر انتحاري نفسه في مسجد."), "ASSAULT").mode == "suicide-attack"
    assert _one(_events("اختطف مسلحون صحفيا في حلب."), "ASSAULT").mode == "abduct"
    assert _one(_events("اعتقلت الشرطة ثلاثة أشخاص."), "COERCE").mode == "arrest"


def test_names_and_idioms_are_not_events() -> None:
    text = "اجتمع وزراء مجلس التعاون الخليجي. وقال رئيس التحرير إن صلاة الفجر في وزارة الصحة."
    types = [(e.type, e.trigger.text) for e in _events(text)]
    assert not [t for t in types if t[0] in ("COOPERATE", "ASSAULT")], types


def test_no_crash_on_non_arabic_empty_and_huge_tokens() -> None:
    assert _events("Russian jets struck Palmyra on Tuesday, killing 35.") == []
    assert code_events(Document(text="")) == []
    huge = "قصف" * 3400 + " غارات " + "ا" * 10000 + ". هاجم داعش حلب."
    evs = _events(huge)
    assert any(e.type == "ASSAULT" for e in evs)


def test_pipeline_component_fills_doc_events() -> None:
    doc = _doc("أدانت موسكو غارات التحالف الدولي.")
    out = build_events()(doc)
    assert out is doc and any(e.type == "ACCUSE" for e in doc.events)
