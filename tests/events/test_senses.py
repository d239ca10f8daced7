"""Trigger words used in their ordinary sense are no events.

Every sentence here was written for these tests (none is in the gold articles or the seeds).
"""

from __future__ import annotations

from tests.events.test_events import _events


def _assaults(text: str) -> list[str]:
    return [e.trigger.text for e in _events(text) if e.type == "ASSAULT"]


def test_killing_or_destroying_what_cannot_be_attacked_is_no_attack() -> None:
    assert _assaults("ويرش المزارعون المبيدات لقتل الحشرات الضارة في البساتين.") == []
    assert _assaults("وقال إن الضرائب الجديدة ستدمر الاقتصاد الوطني خلال عامين.") == []
    assert _assaults("ويحاول الشباب قتل الوقت في المقاهي بعد انتهاء الدوام.") == []


def test_killing_or_destroying_people_forces_and_buildings_is_an_attack() -> None:
    assert _assaults("وقتل الجيش السوري عشرة مسلحين قرب حلب.")
    assert _assaults("ودمرت الطائرات المبنى بالكامل في حلب ضمن عملية عسكرية.")
    assert _assaults("وأكد الأهالي أن المنزل دمر بالكامل خلال الحرب.")


def test_a_bare_topic_word_is_no_event() -> None:
    assert _assaults("وحذر الخطيب من التحريض على القتل والكراهية في وسائل الإعلام.") == []


def test_to_cite_is_not_to_be_martyred() -> None:
    assert _assaults("واستشهد الكاتب في مقاله بأقوال عدد من المؤرخين.") == []
    assert _assaults("واستشهد شابان برصاص الشرطة في حلب.")


def test_a_death_penalty_is_no_execution() -> None:
    assert _assaults("ويقترح المشروع عقوبات قد تصل إلى الإعدام لمهربي المخدرات.") == []
    assert _assaults("وأصدرت المحكمة حكما بالإعدام على المتهمين الثلاثة.") == []


def test_a_copula_under_negation_does_not_negate_the_event_noun() -> None:
    ev = next(e for e in _events("ولم تكن حادثة التحرش بالطالبة الأولى من نوعها في المدرسة.")
              if e.type == "ASSAULT")
    assert not ev.negated


def test_arrest_verbs_that_are_ordinary_words_need_people_after_them() -> None:
    def coerce(text: str) -> list[str]:
        return [e.trigger.text for e in _events(text) if e.type == "COERCE"]

    assert coerce("وأوقفت الشرطة خمسة أشخاص يشتبه في تهريبهم الأسلحة.")
    assert coerce("وتمكنت الدوريات من ضبط 14 متسللا على الحدود.")
    assert coerce("وأمر القاضي بتوقيف المتهمين الأربعة.")
    assert coerce("وأوقفت الشرطة حركة السير في الشارع الرئيسي.") == []
    assert coerce("ويستطيع المستخدم ضبط درجة الحرارة من هاتفه.") == []


def _types(text: str) -> list[str]:
    return [e.type for e in _events(text)]


def test_an_event_noun_that_only_qualifies_an_agreement_or_a_plan_names_no_occurrence() -> None:
    assert "RETREAT" not in _types("وتعهد الطرفان باحترام اتفاق وقف إطلاق النار بينهما.")
    assert "ASSAULT" not in _types("وناقش النواب مشروع مكافحة الهجمات الإلكترونية على المصارف.")
    # the same noun heading its own clause is an occurrence
    assert "ASSAULT" in _types("وقتل ثلاثة جنود في هجوم على حاجز للجيش قرب الموصل.")


def test_what_a_speaker_calls_an_event_already_told_is_no_second_event() -> None:
    assert _assaults("وقال شاهد إن مسلحين قتلوا سائقا قرب الحاجز، واصفا ما جرى بالمجزرة.") == ["قتلوا"]
    assert _assaults("ووصف المتحدث الحادث بأنه هجوم جبان على المدنيين.") == []


def test_a_kind_of_act_under_a_general_judgement_is_no_event() -> None:
    assert "COERCE" not in _types("ويرى الوزير أن تفتيش المنازل ضروري لحفظ الأمن في الأحياء.")
    assert "COERCE" in _types("وقالت الشرطة إنها فتشت منازل في الحي واعتقلت خمسة أشخاص.")


def test_what_is_described_or_qualified_by_an_attribute_is_still_an_event() -> None:
    # «وصفت بها X»: X is what was described, not the name given to it
    assert "COERCE" in _types("وهي العبارة التي وصفت بها الحكومة حملة الاعتقالات الواسعة في المدينة.")
    # an attribute with the article agrees with the noun: «المظاهرات الممنوعة» took place
    assert "PROTEST" in _types("وفرقت الشرطة المظاهرات الممنوعة في العاصمة بالقوة.")


def test_only_a_whole_frame_noun_heading_a_construct_takes_the_event_out() -> None:
    # «قانونية» is an adjective and «بالتفجير» has a preposition: no construct with a frame noun
    assert "ASSAULT" in _types("ونظم السكان وقفة غير قانونية متعلقة بالتفجير الذي دمر السوق في المدينة.")
    # after a definite noun the event is the subject of its own clause
    assert "ASSAULT" in _types("وبعد انتهاء المباحثات قصف الطيران مواقع المسلحين شمال حلب.")


def test_a_prayer_is_no_appeal() -> None:
    assert "REQUEST" not in _types("وهنأ المدير الموظفين بالعيد، داعيا الله أن يحفظ البلاد.")
    assert "REQUEST" not in _types("وختم الخطيب كلمته داعيا لهم بالتوفيق والسداد.")
    assert "REQUEST" in _types("وختم الوزير كلمته داعيا الفصائل إلى وقف القتال فورا.")


def test_signing_an_agreement_named_after_its_subject_is_an_agreement() -> None:
    # the agreement stands several words after the verb of signing (subject, date and place between)
    assert "AGREE" in _types("ووقع البلدان في العاصمة الأردنية أمس الأول اتفاقا لتبادل الأسرى.")
    # «وقعت» as «took place» is no signing
    assert "AGREE" not in _types("ووقعت اشتباكات عنيفة قرب الحدود أمس.")


def test_holding_a_party_responsible_is_an_accusation() -> None:
    assert "ACCUSE" in _types("وحملت الجبهة الشعبية قوات الأمن المسؤولية الكاملة عن مقتل المتظاهرين.")
    assert "ACCUSE" not in _types("وعلى كل طرف أن يتحمل نصيبه من المسؤولية في هذه الأزمة.")


def test_words_that_contain_a_trigger_but_name_no_event() -> None:
    assert "ASSAULT" not in _types("ويحتاج القادة إلى صورة واضحة لما يجري في ميدان المعركة.")
    assert "CONSULT" not in _types("وقال الوزير في لقاء تلفزيوني إن الموازنة ستقر قريبا.")
    assert "CONSULT" not in _types("ونال الجائزة لقاء ما قدمه للمسرح طوال عقود.")
    assert "SANCTION" not in _types("ويطالب الأهالي برفع العقوبات عن البلاد بعد سنوات الحصار.")
    assert "SANCTION" not in _types("وينص النظام على أشد العقوبات لمن يخالف التعليمات.")
    assert "SANCTION" in _types("وفرض الاتحاد الأوروبي عقوبات على ثلاثة مسؤولين في حكومة مالي.")


def test_support_and_retreat_in_a_market_report_are_figures_of_speech() -> None:
    assert _types("وتلقت أسعار النفط الدعم من تراجع الدولار في تعاملات أمس.") == []
    assert "SUPPORT" in _types("وأعلنت روسيا دعمها الكامل لسوريا في معركتها ضد المسلحين.")


def test_liqa_before_an_amount_is_in_exchange_for() -> None:
    assert "CONSULT" not in _types("وانتقل اللاعب إلى النادي لقاء أربعة ملايين دولار.")
    assert "CONSULT" in _types("وعقد الوزيران لقاء مطولا في موسكو.")


def test_a_threat_says_what_it_threatens_with() -> None:
    assert "THREATEN" in _types("وهددت الحكومة بقطع الكهرباء عن المناطق المتمردة.")
    assert "THREATEN" in _types("وتوعد قائد الجيش المسلحين بالرد الحاسم.")
    assert "THREATEN" not in _types("وقال الوزير إن التلوث يهدد صحة السكان في المدينة.")
    assert "THREATEN" not in _types("وبحث الجانبان التهديد الإرهابي في المنطقة.")
    assert "THREATEN" in _types("وتلقى الصحفي تهديدات عبر الهاتف بعد نشر التحقيق.")


def test_achieving_an_aim_is_no_inquiry_and_lifting_a_siege_no_siege() -> None:
    assert "ACCUSE" not in _types("وتسعى الحكومة إلى تحقيق التوازن في الموازنة العامة.")
    assert "ACCUSE" in _types("وطالبت المنظمة بفتح تحقيق مستقل في مقتل الصحفي.")
    assert "COERCE" not in _types("ودعا النواب إلى رفع الحصار عن المدينة فورا.")


def test_a_blessing_formula_is_no_support() -> None:
    assert "SUPPORT" not in _types("ونقل الوزير تحيات الملك، أيده الله، إلى الرئيس.")


def test_admitting_is_a_concession_recognising_a_state_is_not() -> None:
    assert "CONCEDE" in _types("واعترف وزير الدفاع بوقوع أخطاء في إدارة المعركة.")
    assert "CONCEDE" not in _types("واعترفت روسيا بدولة فلسطين عام 1988.")


def test_allegiance_and_solidarity_are_support() -> None:
    assert "SUPPORT" in _types("وأقسم قادة الفصيل يمين الولاء لتنظيم داعش في شريط مصور.")
    assert "SUPPORT" in _types("وأعلن المجلس تضامنه الكامل مع روسيا في مواجهة الإرهاب.")
    assert "SUPPORT" not in _types("ويقسم النهر المدينة إلى قسمين.")
    assert "SUPPORT" not in _types("ووقف بائع الخضار في السوق منذ الصباح.")
    assert "SUPPORT" not in _types("وسجلت الدائرة 40 مبايعة للأراضي بقيمة مليون درهم.")


def test_a_defused_bomb_and_a_protest_note() -> None:
    assert "ASSAULT" not in _types("وتمكنت فرق الهندسة من تفكيك 12 عبوة ناسفة زرعت على الطريق.")
    assert "ASSAULT" in _types("وانفجرت عبوة ناسفة بدورية للجيش قرب الموصل.")
    types = _types("وقدمت الخارجية مذكرة احتجاج إلى السفير بعد الحادث.")
    assert "PROTEST" not in types and "ACCUSE" in types


def test_profess_hope_zone_and_frame_are_no_events() -> None:
    assert "ACCUSE" not in _types("وجاء آلاف المقاتلين الذين يدينون بالمذهب نفسه إلى البلاد.")
    assert "ACCUSE" in _types("وأدانت روسيا بشدة الهجوم على السفارة.")
    assert "AID" not in _types("وأعرب الوزير عن أمله في تأمين دخول المساعدات الإنسانية قريبا.")
    assert "ASSAULT" not in _types("وتقع المحطة في منطقة الاشتباكات ولا يمكن الوصول إليها.")
    # «في إطار» is "as part of": the raids happened
    assert "COERCE" in _types("واعتقلت الشرطة عشرين شخصا في إطار سلسلة مداهمات في العاصمة.")


def test_an_act_refused_or_stopped_did_not_happen() -> None:
    ev = next(e for e in _events("ورفض وفد المعارضة توقيع الاتفاق في الجولة الأخيرة.") if e.type == "AGREE")
    assert ev.negated
    assert all(e.negated for e in _events("وسلم المسلحون أسلحتهم وتوقفوا عن القتال.") if e.type == "ASSAULT")


def test_accidents_bombs_in_hand_and_defendants_are_no_events() -> None:
    assert "ASSAULT" not in _types("ووقع الحادث بسبب انفجار أحد إطارات الشاحنة على الطريق السريع.")
    assert "ASSAULT" not in _types("واعتقلت الشرطة ثلاثة رجال وبحوزتهم حقيبة فيها عبوات ناسفة.")
    assert "ACCUSE" not in _types("وأصدرت المحكمة حكما بسجن 12 متهما بتهمة التهريب.")
    assert "SUPPORT" not in _types("ودفع السكان ثمنا باهظا للحرب.")


def test_a_verbal_attack_is_no_assault() -> None:
    assert not [e for e in _events("وشن الوزير هجوما لاذعا على الحكومة الأردنية.") if e.type == "ASSAULT"]
    assert [e for e in _events("وشن مسلحون هجوما على حاجز للجيش السوري.") if e.type == "ASSAULT"]


def test_the_name_of_a_body_is_no_event() -> None:
    assert not [e for e in _events("وأعلنت لجنة الإغاثة في المدينة استعدادها للعمل.") if e.type == "AID"]


def test_a_situation_that_threatens_is_no_threat() -> None:
    assert not [e for e in _events("وتتراكم النفايات مما يهدد بكارثة بيئية.") if e.type == "THREATEN"]


def test_at_dawn_is_no_bombing() -> None:
    # «فجرًا» "at dawn" spells like the dual «فجّرا» "the two blew up"
    assert not _events("ووصلت القافلة إلى المعبر فجرا بعد رحلة طويلة.")


def test_a_situation_that_erupts_is_no_bombing() -> None:
    assert _types("وتضررت شبكة الكهرباء كثيرا منذ تفجر الأوضاع في المدينة.") == []
    assert "ASSAULT" in _types("وتضررت شبكة الكهرباء بعد تفجر عبوة ناسفة في المدينة.")


def test_declining_to_comment_is_no_rejection() -> None:
    assert _types("ورفض المتحدث الإفصاح عن أسماء المعتقلين.") == []
    assert "REJECT" in _types("ورفض المتحدث المبادرة التي قدمتها روسيا.")


def test_a_body_named_after_an_act_and_a_group_called_by_one_are_no_events() -> None:
    assert _types("وتسلمت الهيئة الوطنية للإغاثة شحنة أدوية.") == []
    assert "ASSAULT" not in _types("وتحدث السكان عن انتشار ميليشيات العدوان في الأحياء.")


def test_a_prevented_act_did_not_happen() -> None:
    assert "SUPPORT" not in _types("وتحاول روسيا منع الدول الغربية من تقديم الدعم للمعارضة.")
    assert "ASSAULT" not in _types("وسيطر الجيش السوري على التلة لحرمان المسلحين من قصف المطار.")


def _typed(text: str) -> list[tuple[str, str]]:
    return [(e.type, e.trigger.text) for e in _events(text)]


def test_declining_to_comment_after_the_subject_is_no_rejection() -> None:
    assert not [t for t in _typed("ورفضت الشركة المشغلة أمس التعليق على الحادث.") if t[0] == "REJECT"]
    assert [t for t in _typed("ورفضت الشركة المشغلة أمس العرض الجديد للنقابة.") if t[0] == "REJECT"]


def test_what_poses_a_threat_makes_none() -> None:
    assert not [t for t in _typed("وقال الخبير إن التلوث يشكل تهديدا مباشرا لصحة الأطفال.") if t[0] == "THREATEN"]


def test_a_cultural_tazahura_is_no_protest() -> None:
    assert not [t for t in _typed("وتنطلق الأسبوع المقبل تظاهرة ثقافية كبرى في مدينة سوسة.") if t[0] == "PROTEST"]
    assert [t for t in _typed("وخرجت تظاهرة حاشدة أمام البرلمان تطالب بالإصلاح.") if t[0] == "PROTEST"]


def test_liqaa_before_what_is_given_in_return_is_no_meeting() -> None:
    assert not [t for t in _typed("وتعهدت الحكومة بتقليص برنامجها لقاء رفع القيود المفروضة عليها.")
                if t[0] == "CONSULT"]


def test_any_act_of_a_kind_happened_nowhere() -> None:
    assert _assaults("وشددت الوزارة الإجراءات لمنع أي هجوم على المطارات.") == []
    assert _assaults("ورفعت الشرطة الاستعداد لصد أية محاولات إرهابية تستهدف المنشآت.") == []
    # «أي» on another noun leaves the attack alone
    assert _assaults("ونفى الناطق وقوع أي ضحايا في الهجوم الذي استهدف الحافلة في حلب.")


def test_a_verb_after_its_qualified_event_noun_is_one_event() -> None:
    assert len(_assaults("ونفذت الطائرات غارة جوية استهدفت مخازن الذخيرة قرب حلب.")) == 1


def test_an_attack_on_a_right_or_a_judgement_of_an_act_is_no_attack() -> None:
    for text in ("وقال إن الحصار يشكل اعتداء صريحا على حق المواطنين في التنقل.",
                 "ووصف البيان القرار بأنه اعتداء سافر على سيادة الدولة وكرامة شعبها."):
        assert not [e for e in _events(text) if e.type == "ASSAULT"], text
    assert [e for e in _events("وشن مسلحون اعتداء على مركز للشرطة في المدينة.") if e.type == "ASSAULT"]


def test_no_longer_is_not_a_judgement() -> None:
    assert [e for e in _events("ولم تعد المواجهات بين الجيش والمسلحين تقتصر على الأطراف.") if e.type == "ASSAULT"]


def test_battlefronts_and_the_summit_of_success_are_no_events() -> None:
    assert not [e for e in _events("وقال إن أبطالنا يواجهون الإرهاب في كل جبهات القتال.") if e.type == "ASSAULT"]
    assert not [e for e in _events("وعندما يصل الفريق إلى قمة الترتيب سيحتفل الجميع.") if e.type == "CONSULT"]
