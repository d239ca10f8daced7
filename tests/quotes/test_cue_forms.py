"""Cue forms and content openers added for issue 16, on sentences written for the test."""

from __future__ import annotations

from typing import Any

from marsad.document import Entity, Span
from marsad.quotes import quotes_in_text


def _get(obj: Any, attr: str, key: str) -> Any:
    return getattr(obj, attr) if hasattr(obj, attr) else obj[key]


def _qs(body: str, ents: list[Entity] | None = None) -> list[tuple[str, str, str | None, str]]:
    """(cue text, class, speaker text, content text) of each quote."""
    out = []
    for q in quotes_in_text("عنوان\n" + body, ents or ()):
        sp = None if q.speaker is None else _get(q.speaker, "text", "text")
        out.append((_get(q.cue, "text", "text"), _get(q.cue, "cls", "class"), sp, _get(q.content, "text", "text")))
    return out


def test_according_to_needs_a_source_that_can_speak() -> None:
    assert _qs("وستوزع المقاعد حسب الأسبقية في التسجيل على الطلاب الجدد.") == []
    assert _qs("وتسير الأعمال وفق الخطة المعتمدة من قبل الإدارة منذ عامين.") == []
    assert _qs("وطبقا لبعض الأرقام المتداولة فإن الخسائر كبيرة جدا.") == []
    [q] = _qs("وبحسب مصادر أمنية فإن المهاجمين فروا باتجاه الصحراء.")
    assert q[2] == "مصادر أمنية" and q[3].startswith("المهاجمين فروا")
    [q] = _qs("وأسفر الانفجار عن عشرة قتلى، وفقا لوزارة الصحة الأفغانية.")
    assert q[2] == "وزارة الصحة الأفغانية"


def test_according_to_a_statement_is_according_to_its_source() -> None:
    [q] = _qs("وارتفعت الأسعار بنسبة كبيرة هذا الشهر، بحسب تقرير صادر عن البنك الدولي.")
    assert q[2] == "البنك الدولي" and q[3].startswith("وارتفعت الأسعار")
    [q] = _qs("وتضررت المحاصيل كلها، بحسب قول أحد المزارعين من قرية الشيخ سعد.")
    assert q[2] is not None and q[2].startswith("أحد المزارعين")


def test_adverbial_between_speaker_and_content() -> None:
    [q] = _qs("وأثنى الطرفان خلال اللقاء على مستوى التنسيق بين الوزارتين.")
    assert q[1] == "express" and q[3].startswith("مستوى التنسيق")
    [q] = _qs("وطالب المفوض في ختام جولة استمرت أسبوعا بفتح المعابر أمام القوافل.")
    assert q[1] == "call" and q[3].startswith("بفتح المعابر")


def test_participle_after_a_comma_or_an_adverbial() -> None:
    qs = _qs("وقال الوزير إن الخطة جاهزة، مضيفا، أن التنفيذ يبدأ الشهر المقبل.")
    assert any(c.startswith("مضيفا") and t.startswith("التنفيذ يبدأ") for c, _, _, t in qs)
    qs = _qs("وقال الوزير إن الخطة جاهزة، مشيرا في الوقت ذاته إلى أن التمويل متوفر.")
    assert any(c.startswith("مشيرا") and t.startswith("التمويل متوفر") for c, _, _, t in qs)
    qs = _qs("وقال الوزير إن الخطة جاهزة، مؤكدا دعم حكومته الكامل للمشروع.")
    assert any(c.startswith("مؤكدا") and k == "assert" and t.startswith("دعم حكومته") for c, k, _, t in qs)


def test_warn_and_point_out_by_preposition() -> None:
    qs = _qs("وقال الخبير إن السوق متقلبة، منبها من مخاطر الاستثمار السريع.")
    assert any(c == "منبها" and k == "warn" for c, k, _, _ in qs)
    [q] = _qs("ونبه المدير إلى أن الامتحانات ستبدأ في موعدها.")
    assert q[1] == "say"


def test_in_the_opinion_of() -> None:
    [q] = _qs("وبرأي المحلل الاقتصادي، فإن الأسعار ستنخفض قريبا.")
    assert q[2] == "المحلل الاقتصادي" and q[3].startswith("الأسعار ستنخفض")


def test_praise_with_a_relative_clause() -> None:
    [q] = _qs("وأشاد المحافظ بما تحقق من إنجازات في قطاع التعليم.")
    assert q[1] == "express" and q[3].startswith("بما تحقق")


def test_groups_of_people_coordinated() -> None:
    [q] = _qs("وطالب وجهاء وأهالي قرية العوامية بإصلاح الطريق الرئيسي.")
    assert q[2] == "وجهاء وأهالي قرية العوامية"


def test_family_name_with_al_ends_the_name() -> None:
    [q] = _qs("واتهم عضو الغرفة التجارية المهندس سامي آل حمد التجار برفع الأسعار.")
    assert q[2] == "سامي آل حمد"


def test_person_mention_gets_its_last_part() -> None:
    text = "عنوان\nوقال الرئيس رجب طيب اردوغان إن الاقتصاد قوي."
    s = text.index("رجب طيب")
    ent = Entity(id="P", name="رجب طيب", type="PER", mentions=[Span(s, s + 7, "رجب طيب")])
    [q] = _qs(text.split("\n", 1)[1], [ent])
    assert q[2] == "رجب طيب اردوغان"


def test_words_that_never_open_a_subject() -> None:
    [q] = _qs("وأصدرت الوزارة بيانا قالت فيه إن المدارس ستفتح الأحد.")
    assert q[2] == "الوزارة"
    qs = _qs("وقال المدير إن المشروع تأخر. وعن ذلك قال إن السبب هو التمويل.")
    assert all(sp == "المدير" for _, _, sp, _ in qs)
    [q] = _qs("وأشارت الكاتبة منى السالم لصحيفة «الوطن» إلى أن الرواية ستصدر قريبا.")
    assert q[2] == "منى السالم"


def test_impersonal_passive_is_not_a_quote() -> None:
    assert _qs("يذكر أن المهرجان انطلق قبل عشرة أعوام في المدينة.") == []
    assert _qs("ويشار إلى أن الطريق أغلق أمس بسبب الأمطار.") == []


def test_content_of_a_cue_does_not_open_in_the_next_clause() -> None:
    assert _qs("وكان يعتبر أحد أفضل اللاعبين في الفريق، إلا أنه أصيب في الموسم الماضي.") == []


def test_quoted_name_before_the_verb() -> None:
    [q] = _qs("وكانت صحيفة «الغد» قد ذكرت أن الوزير سيستقيل.")
    assert q[2] == "الغد"


def test_name_in_apposition_between_commas_and_after_yudaa() -> None:
    [q] = _qs("وقال عضو مجلس الشورى، خالد المنصور، لـ«الحياة» إن القرار صائب.")
    assert q[2] == "خالد المنصور"
    [q] = _qs("وقال صياد يدعى حسن البلوشي إن البحر هائج منذ أيام.")
    assert q[2] == "حسن البلوشي"


def test_representative_of_a_bloc_and_a_name_after_an_apposition() -> None:
    [q] = _qs("وقالت النائبة عن كتلة الوفاق ليلى الحسن إن الجلسة ألغيت.")
    assert q[2] == "ليلى الحسن"
    [q] = _qs("وقال كريم سالم مدير المبيعات بالشركة إن الطلب ارتفع.")
    assert q[2] == "كريم سالم"


def test_adverb_after_the_verb_and_rank_with_its_adjective() -> None:
    [q] = _qs("وكان وزير الزراعة في جنوب البلاد أعلن رسميا عن انتهاء الموسم.")
    assert q[2] == "وزير الزراعة في جنوب البلاد"
    [q] = _qs("وقال قائد القوات البحرية اللواء الركن فهد الشهري إن المناورات انتهت.")
    assert q[2] == "فهد الشهري"


def test_continuation_prefers_an_exact_agreement_to_a_broken_plural() -> None:
    text = ("وقالت الروائية سعاد الحربي إن روايتها الجديدة جاهزة. ويصفها بعض النقاد بأنها جريئة. "
            "وأشارت إلى أن الطبعة الأولى نفدت.")
    qs = _qs(text)
    assert [sp for c, _, sp, _ in qs if c == "وأشارت"] == ["سعاد الحربي"]


def test_ali_the_name_is_not_the_preposition() -> None:
    [q] = _qs("وقال علي حسين مدير المدرسة إن الدوام يبدأ مبكرا.")
    assert q[2] == "علي حسين"
    [q] = _qs("ويوضح فني متطوع يدعى علي جابر أن المولد يعمل بالوقود.")
    assert q[2] == "علي جابر"
    [q] = _qs("وأكد الوزير علي أهمية التعاون بين البلدين.")  # علي spelled for على: a preposition here
    assert q[2] == "الوزير"
    [q] = _qs("وقال المحافظ علي العتيبي إن الطريق سيفتح.")
    assert q[2] == "علي العتيبي"


def test_an_outlet_between_verb_and_subject() -> None:
    [q] = _qs("وأوضح لصحيفة «الرياض»، سعد المطيري مدير الفرع، أن الخدمة ستعود غدا.")
    assert q[2] == "سعد المطيري"


def test_a_subject_before_the_verb_must_be_able_to_speak() -> None:
    qs = _qs("وقال المدير إن الموسم جيد. وحول تأخر وصول الشحنات من الموردين شدد على أن العقود ستراجع.")
    assert [sp for c, _, sp, _ in qs if c == "شدد"] == ["المدير"]


def test_a_common_word_after_a_title_is_not_a_name() -> None:
    [q] = _qs("ونفى المتحدث صحة الأنباء عن استقالة المدرب.")
    assert q[2] == "المتحدث" and q[3].startswith("صحة الأنباء")


def test_an_adverb_in_the_accusative_is_not_part_of_a_name() -> None:
    [q] = _qs("وقال نادر مازحاً إن الفريق سيفوز.")
    assert q[2] == "نادر"


def test_according_to_a_person_without_the_preposition() -> None:
    text = "عنوان\nوارتفع عدد الزوار هذا العام، وفقا لمحمد الشهري."
    s = text.index("محمد الشهري")
    ent = Entity(id="P", name="محمد الشهري", type="PER", mentions=[Span(s, s + 11, "محمد الشهري")])
    [q] = _qs(text.split("\n", 1)[1], [ent])
    assert q[2] == "محمد الشهري"


def test_content_that_is_itself_an_act() -> None:
    [q] = _qs("وقال رئيس النقابة: «نرفض هذا القرار وندين الاعتداء على العمال».")
    assert q[1] == "say"  # نرفض is no cue word: the class stays
    [q] = _qs("وقال رئيس النقابة: «ندين الاعتداء على العمال ونطالب بمحاسبة المسؤولين».")
    assert q[1] == "condemn"
    [q] = _qs("وقال المتحدث إن ما نشرته الصحيفة غير صحيح جملة وتفصيلا.")
    assert q[1] == "deny"
    [q] = _qs("وأكد الاتحاد في بيان أنه يحمل الإدارة المسؤولية الكاملة عن الخسائر.")
    assert q[1] == "accuse"


def test_a_conjunct_of_the_subject_is_not_the_object() -> None:
    [q] = _qs("وأكدت نقابتا المعلمين والأطباء في بيان أنهما ستنظمان اعتصاما.")
    assert q[3].startswith("أنهما ستنظمان")


def test_a_participle_without_a_comma_starts_its_own_quote() -> None:
    qs = _qs("وأوضح الوزير أن المحادثات تناولت ملف المياه معربا في هذا السياق عن أمله في اتفاق قريب.")
    assert any(c == "معربا" and k == "express" and t.startswith("أمله") for c, k, _, t in qs)
    assert all("معربا" not in t for _, _, _, t in qs)


def test_prepositional_phrases_adverbs_and_verbs_are_not_subjects() -> None:
    qs = _qs("وقال المدير إن العمل مستمر. وقال بهذا الخصوص إن الخطة جاهزة.")
    assert all(sp == "المدير" for _, _, sp, _ in qs)
    [q] = _qs("وقال لافروف إن المحادثات مستمرة.")
    assert q[2] == "لافروف"  # a name that begins with ل
    assert _qs("ويبلغ عدد سكان المدينة مليون نسمة تقريبا حسب آخر تعداد.") == []


def test_advocates_are_not_a_call() -> None:
    assert all(k != "call" for _, k, _, _ in _qs("ويرى دعاة الإصلاح أن التغيير ضروري."))
