"""Who meets when the talks name them by a chain of genitives (اجتماع وزراء خارجية دول X).

Every sentence here was written for these tests (none is in the gold articles or the seeds).
"""

from __future__ import annotations

from tests.events.test_clauses import PARTIES
from tests.events.test_roles import _events


def test_the_body_a_chain_of_representatives_ends_on_meets() -> None:
    for text in ("وانتهى أمس اجتماع وزراء خارجية دول مجلس الأمن في نيويورك دون قرار.",
                 "وبدأت محادثات لممثلي حكومات مجلس الأمن في جنيف.",
                 "وقال المتحدث إن اجتماع كبار قادة الجيش العراقي بحث الخطة."):
        evs = [e for e in _events(text, PARTIES) if e.type == "CONSULT"]
        assert evs and evs[0].actor[:1] in (["m:unsc"], ["m:irq_army"]), text


def test_a_chain_broken_by_a_preposition_or_an_article_names_no_body() -> None:
    evs = [e for e in _events("وعقد اجتماع وزراء في القاهرة مع مجلس الأمن.", PARTIES) if e.type == "CONSULT"]
    assert not evs or evs[0].actor != ["m:unsc"]
