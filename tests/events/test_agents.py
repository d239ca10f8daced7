"""The doer named after a verb that carries the event as its object pronoun (المساعدات التي أرسلها X).

Every sentence here was written for these tests (none is in the gold articles or the seeds).
"""

from __future__ import annotations

from tests.events.test_clauses import PARTIES
from tests.events.test_roles import _events


def test_who_sent_gave_held_or_organised_it_after_a_relative_is_its_doer() -> None:
    for text, typ, who in (("وقالت الوزارة إن المساعدات التي أرسلتها الكويت وصلت إلى المدينة.", "AID", "Q817"),
                           ("وأشاد الوزير بالمحادثات التي أجراها حزب الأمة مع الحكومة.", "CONSULT", "m:umma"),
                           ("وشارك الآلاف في التظاهرة التي نظمها حزب الأمة أمام البرلمان.", "PROTEST", "m:umma")):
        evs = [e for e in _events(text, PARTIES) if e.type == typ]
        assert evs and evs[0].actor == [who], text


def test_a_verb_of_undergoing_after_the_relative_names_no_doer() -> None:
    evs = [e for e in _events("وتحدث عن الحصار الذي تعرضت له الكويت طوال عامين.", PARTIES) if e.type == "COERCE"]
    assert not evs or evs[0].actor != ["Q817"]
