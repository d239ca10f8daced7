"""Titled subjects of meetings: a bare title that the entity layer took back to its holder (والتقى الوزير
رئيسَ الوزراء X), and a titled holder whose object is an office named by its title alone (استقبل الرئيس X
رئيسَ الوزراء الليبي).

Every sentence here was written for these tests (none is in the gold articles or the seeds).
"""

from __future__ import annotations

from tests.events.test_genitives import _typed
from tests.events.test_roles import _events

PEOPLE = {
    "الوزير": ("m:lima", "PER", None, None, None),  # as `kb.bare_titles` adds it: a mention of his
    "خوان ليما": ("m:lima", "PER", None, None, None),
    "عمر الصافي": ("m:safi", "PER", "IRQ", None, None),
    "كمال نوري": ("m:nouri", "PER", None, None, None),
}


def test_a_bare_title_mention_before_another_title_is_the_subject() -> None:
    text = "والتقى الوزير رئيس الوزراء العراقي عمر الصافي في بغداد."
    ev = _typed(_events(text, PEOPLE), "CONSULT")
    assert ev.actor == ["m:lima"] and ev.recipient == ["m:safi"]


def test_an_office_named_by_its_title_after_the_holder_is_the_object() -> None:
    for text in ("استقبل الرئيس التونسي كمال نوري رئيس الوزراء الليبي في قصر قرطاج.",
                 "استقبل الرئيس التونسي كمال نوري أمس وزير الخارجية المالي.",
                 "استقبل الرئيس التونسي كمال نوري اليوم وزير الخارجية المالي."):
        ev = _typed(_events(text, PEOPLE), "CONSULT")
        assert ev.actor == ["m:nouri"], text


def test_a_titled_holder_alone_after_a_meeting_verb_is_still_whom_one_meets() -> None:
    ev = _typed(_events("وكان في استقباله حيث التقى الرئيس التونسي كمال نوري.", PEOPLE), "CONSULT")
    assert ev.actor != ["m:nouri"]


def test_whoever_before_an_imperfect_has_no_antecedent() -> None:
    text = "والتقى الرئيس التونسي كمال نوري الوفد، وبحثا توحيد جهود من يقاتل المهربين على الحدود."
    ev = _typed(_events(text, PEOPLE), "ASSAULT")
    assert ev.actor == []


def test_a_verbal_noun_after_min_keeps_its_genitive_agent() -> None:
    text = "وعلى الرغم من تعهد الحكومة التونسية بحماية الحدود، دخل المهربون."
    evs = [e for e in _events(text, {"الحكومة التونسية": ("m:tn_gov", "ORG", "TUN", None, "GOV")})
           if e.trigger.text == "تعهد"]
    assert evs and evs[0].actor == ["m:tn_gov"]


def test_a_noun_with_a_pronoun_after_a_waw_verb_is_its_object_and_the_subject_continues() -> None:
    text = "وقال الرئيس التونسي كمال نوري إن الحكومة ستصمد. ودعا أنصاره إلى الهدوء."
    ev = _typed(_events(text, PEOPLE), "REQUEST")
    assert ev.actor == ["m:nouri"]


def test_an_office_with_a_pronoun_after_the_verb_may_be_its_subject() -> None:
    text = "وقال الرئيس التونسي كمال نوري إن الحكومة ستصمد. ودعا نائبه إلى الهدوء."
    ev = _typed(_events(text, PEOPLE), "REQUEST")
    assert ev.actor != ["m:nouri"]


def test_a_person_in_apposition_to_a_bodys_title_is_the_holder() -> None:
    extra = {**PEOPLE, "حزب الأحرار": ("m:ahrar", "ORG", None, None, None)}
    ev = _typed(_events("أثارت دعوة رئيس حزب الأحرار، النائب كمال نوري، أنصاره إلى الإضراب جدلا.", extra),
                "REQUEST")
    assert ev.actor == ["m:nouri"]


def test_amam_is_a_preposition_not_the_title_imam() -> None:
    extra = {**PEOPLE, "حركة الشباب": ("m:shabab", "ORG", None, None, None)}
    ev = _typed(_events("وانسحبت القوات أمام هجمات حركة الشباب من كمال نوري.", extra), "ASSAULT")
    assert ev.actor == ["m:shabab"]


BODIES = {
    "مجلس الأمن": ("m:unsc", "ORG", None, None, "IGO"),
    "حزب الأمة": ("m:umma", "ORG", None, None, None),
    "كمال نوري": ("m:nouri", "PER", None, None, None),
}


def test_an_office_of_a_body_after_the_verb_is_its_subject_not_whom_it_addresses() -> None:
    # «الأمين العام لـX»: the ل attaches the office to its body; the office holds the verb's subject
    for text in ("ودعا الأمين العام لمجلس الأمن إلى وقف القتال في المدينة.",
                 "وانتقد المبعوث الخاص لمجلس الأمن الحصار المفروض على المدينة."):
        evs = [e for e in _events(text, BODIES) if e.type in ("REQUEST", "THREATEN", "ACCUSE")]
        assert evs and evs[0].actor == ["m:unsc"] and "m:unsc" not in evs[0].recipient, text
    evs = [e for e in _events("ودعا الأمين العام لمجلس الأمن كمال نوري إلى وقف القتال.", BODIES)
           if e.type == "REQUEST"]
    assert evs and evs[0].actor == ["m:nouri"]
    # a call addressed to a body after an object is no office of it
    evs = [e for e in _events("ودعا الوزير الأطراف لمجلس الأمن إلى التدخل.", BODIES) if e.type == "REQUEST"]
    assert not evs or evs[0].actor != ["m:unsc"]


def test_a_spokesman_who_criticises_an_act_did_not_do_it() -> None:
    evs = _events("وانتقد المتحدث باسم حزب الأمة قصف الأحياء السكنية في المدينة.", BODIES)
    shelling = [e for e in evs if e.type == "ASSAULT"]
    assert shelling and shelling[0].actor != ["m:umma"]


def test_the_named_holder_of_an_office_after_a_courtesy_title_is_the_subject() -> None:
    evs = [e for e in _events("وانتقد الأمين العام لمجلس الأمن الدكتور كمال نوري الحصار المفروض على المدينة.",
                              BODIES) if e.type == "ACCUSE"]
    assert evs and evs[0].actor == ["m:nouri"] and not {"m:nouri", "m:unsc"} & set(evs[0].recipient)
