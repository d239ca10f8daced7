"""Negation and irrealis: particles written with و/ف, possessed nouns of fear and intent, requirements.

Every sentence here was written for these tests (none is in the gold articles or the seeds).
"""

from __future__ import annotations

from tests.events.test_events import _events


def test_a_negation_with_the_conjunction_written_on_it_negates() -> None:
    for text in ("ولم تقصف الطائرات الروسية مدينة حلب.", "ولن يهاجم الجيش السوري الرقة.",
                 "فلم تستهدف الغارات مواقع المعارضة."):
        evs = [e for e in _events(text) if e.type == "ASSAULT"]
        assert evs and all(e.negated for e in evs), text
    assert not any(e.negated for e in _events("ولا تزال الطائرات الروسية تقصف حلب.") if e.type == "ASSAULT")


def test_a_denial_with_the_conjunction_written_on_it_negates() -> None:
    evs = [e for e in _events("ونفت موسكو أن تكون طائراتها قصفت حلب.") if e.type == "ASSAULT"]
    assert evs and all(e.negated for e in evs)


def test_feared_required_or_intended_acts_are_not_events() -> None:
    for text in ("وأبدى الوزير تخوفه من هجوم على حلب.", "وتتطلب المرحلة المقبلة غارات على مواقع داعش.",
                 "وأكدت الحكومة نيتها قصف مواقع المعارضة."):
        assert not [e for e in _events(text) if e.type == "ASSAULT"], text


def test_what_is_sought_or_asked_for_in_quotes_is_not_an_event() -> None:
    assert not [e for e in _events("وتسعى الكويت إلى عقد قمة طارئة الشهر المقبل.") if e.type == "CONSULT"]
    assert not [e for e in _events("ودعت الكويت إلى «تعاون إقليمي» لمواجهة الإرهاب.") if e.type == "COOPERATE"]


def test_settling_scores_is_no_killing() -> None:
    assert not [e for e in _events("ورأى الناقد أن الكتاب تصفية حساب مع خصوم الكاتب.") if e.type == "ASSAULT"]


def test_a_purpose_with_lam_and_the_subjunctive_is_not_an_event() -> None:
    for text in ("وعبر المتطوعون الحدود ليقاتلوا في صفوف الفصائل.", "وأرسلت الحكومة قوات إضافية لتهاجم معاقل المسلحين."):
        assert not [e for e in _events(text) if e.type == "ASSAULT"], text


def test_what_would_lead_to_it_or_a_plan_provides_for_is_not_an_event() -> None:
    assert not [e for e in _events("ورصدت الشرطة مكافأة لمن يقدم معلومات تؤدي إلى اعتقال المتهمين.")
                if e.type == "COERCE"]
    assert not [e for e in _events("وقال الوسيط إن خطته تتضمن وقف إطلاق النار في المدينة.") if e.type == "RETREAT"]
    # the perfect reports a result
    assert [e for e in _events("وقالت الشرطة إن المعلومات أدت إلى اعتقال المتهمين.") if e.type == "COERCE"]


def test_a_wish_is_not_an_event() -> None:
    assert not [e for e in _events("وتمنى اللاعب أن تتم دعوته إلى المنتخب.") if e.type == "REQUEST"]


def test_readiness_preparation_and_trying_are_no_events() -> None:
    for text in ("وقال الرئيس إن بلاده مستعدة للتعاون مع المغرب في مكافحة التهريب.",
                 "وكانت العصابة تستعد لشن هجوم على القرية الحدودية.",
                 "وتحاول العصابات أن تهاجم البلدة من الجهة الشمالية."):
        assert not [e for e in _events(text) if e.type in ("COOPERATE", "ASSAULT")], text


def test_an_aim_or_an_intent_is_no_event() -> None:
    for text in ("وأحبطت الشرطة خطة للعصابة هدفت لاجتياح البلدة من الجهة الشمالية.",
                 "وتنوي العصابات مهاجمة القرية الحدودية خلال الأيام المقبلة."):
        assert not [e for e in _events(text) if e.type == "ASSAULT"], text


def test_an_attempt_made_is_reported() -> None:
    evs = _events("وحاول المسلحون اقتحام مركز الشرطة فاشتبكوا مع عناصر الأمن.")
    assert [e for e in evs if e.type == "ASSAULT"]


def test_hatta_with_the_subjunctive_is_awaited_and_with_the_perfect_happened() -> None:
    awaited = "وأكد القائد أن الكتائب لن تتوقف حتى تتحرر البلدة، وتنسحب كافة العصابات منها."
    assert not [e for e in _events(awaited) if e.type == "RETREAT"]
    happened = "وقصفت الطائرات البلدة طوال الليل حتى انسحب المسلحون منها."
    assert [e for e in _events(happened) if e.type == "RETREAT"]
    until_now = "ولم يتفق الطرفان حتى الآن، بينما تتهم المعارضة الحكومة بالتعطيل."
    assert [e for e in _events(until_now) if e.type == "ACCUSE"]


def test_the_danger_of_attacks_is_no_attack() -> None:
    text = "ومددت الحكومة العمل بالقانون بسبب استمرار خطر الاعتداءات على الحدود."
    assert not [e for e in _events(text) if e.type == "ASSAULT"]


def test_what_a_verbal_noun_after_lam_is_for_is_not_an_event() -> None:
    for text in ("ووصل وفد الحكومة إلى المدينة أمس لإجراء مفاوضات مع زعماء القبائل.",
                 "وغادر المتطوعون قراهم للمشاركة في القتال على الحدود.",
                 "ونزح مئات السكان إلى الجبال لتفادي القصف المدفعي.",
                 "وأغلقت الشرطة الطرق المؤدية إلى الميدان تحسبا لاشتباكات بين أنصار الحزبين."):
        assert not _events(text), text
    # done, not aimed at: the talks were held
    assert [e.type for e in _events("وأجرى وفد الحكومة مفاوضات مع زعماء القبائل في المدينة أمس.")] == ["CONSULT"]


def test_what_an_agreement_settles_is_to_be_done_but_a_condemnation_agreed_on_is_made() -> None:
    for text, later in (("واتفق زعماء القبائل على نشر قوات في المديريات الشمالية.", "MOBILIZE"),
                        ("واتفق الجانبان على عقد اجتماع في الرباط الشهر المقبل.", "CONSULT"),
                        ("واتفق الطرفان على انسحاب المقاتلين من المدينة.", "RETREAT")):
        types = [e.type for e in _events(text)]
        assert later not in types and "AGREE" in types, text
    assert "ACCUSE" in [e.type for e in _events("واتفق الحزبان على إدانة قصف الأحياء السكنية في المدينة.")]


def test_what_a_far_governor_predicts_or_requires_is_not_an_event() -> None:
    # the governor is more than five words before the trigger, with its subject and «أن» between
    for text, typ in (("وتوقع الخبير العسكري البريطاني أن تبدأ القوات الحكومية هجوما على المدينة.", "ASSAULT"),
                      ("ويجب على الأطراف كلها أن تلتزم الفصائل المتحاربة بوقف إطلاق النار.", "RETREAT"),
                      ("ورجحت مصادر دبلوماسية غربية أن يعقد الوزيران محادثات في فيينا.", "CONSULT")):
        assert not [e for e in _events(text) if e.type == typ], text
    # a statement of fact after «أن» keeps its event; so does what the subject managed to do
    for text, typ in (("وأكد المتحدث العسكري الرسمي أن الطائرات قصفت مواقع المسلحين.", "ASSAULT"),
                      ("واستطاعت القوات الحكومية أن تقتحم البلدة بعد حصار طويل.", "ASSAULT")):
        assert [e for e in _events(text) if e.type == typ], text


def test_next_rounds_and_next_weeks_meetings_are_yet_to_come() -> None:
    for text in ("وحدد الوسيط موعد الجولة المقبلة من المفاوضات بين الطرفين.",
                 "وأعلن المتحدث أن اجتماع الأسبوع المقبل سيبحث الأزمة.",
                 "وناقش الوزيران الجولات القادمة للتفاوض."):
        assert not [e for e in _events(text) if e.type == "CONSULT"], text
    assert [e for e in _events("وعقد الوزيران في القاهرة محادثات مطولة أمس.") if e.type == "CONSULT"]
