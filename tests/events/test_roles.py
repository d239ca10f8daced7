"""Who did it: condemners, speakers, relative clauses, executors and victims are told apart.

Every sentence here was written for these tests (none is in the gold articles or the seeds).
"""

from __future__ import annotations

import re

from marsad.annotate.events import code_events
from marsad.document import Entity, Event, Span
from tests.events.test_events import _doc, _one

EXTRA: dict[str, tuple[str, str, str | None, str | None, str | None]] = {
    "الكويت": ("Q817", "GPE", "KWT", "country", None),
    "الأردن": ("Q810", "GPE", "JOR", "country", None),
    "الموصل": ("Q83081", "GPE", "IRQ", "settlement", None),
    "الجيش العراقي": ("m:irq_army", "ORG", "IRQ", None, "MIL"),
    "مدنيين": ("agent:CVL", "MISC", None, None, "CVL"),
    "خالد العمري": ("m:khalid", "PER", None, None, None),
}


def _events(text: str, extra: dict[str, tuple[str, str, str | None, str | None, str | None]] | None = None
            ) -> list[Event]:
    """Events of `text` with the test entities plus EXTRA (or `extra`) found by their surface strings."""
    doc = _doc(text)
    for surface, (eid, typ, country, precision, sector) in (EXTRA if extra is None else extra).items():
        spans = [Span(m.start(), m.end(), surface) for m in re.finditer(surface, text)]
        if spans:
            doc.entities.append(Entity(id=eid, name=surface, type=typ, country=country, precision=precision,
                                       sector=sector, mentions=spans))
    from marsad.quotes import extract_quotes

    doc.quotes = extract_quotes(doc)
    return code_events(doc)


def test_the_condemner_is_not_the_attacker() -> None:
    evs = _events("واستنكرت الكويت بشدة الهجوم الانتحاري الذي استهدف حافلة تقل جنودا في شمال البلاد.")
    assert _one(evs, "ACCUSE").actor == ["Q817"]
    assert "Q817" not in _one(evs, "ASSAULT").actor


def test_a_named_bomber_is_the_attacker_and_whom_the_condemnation_is_aimed_at() -> None:
    evs = _events("وأدان الأردن التفجير الذي نفذه تنظيم داعش في مدينة الموصل.")
    assert _one(evs, "ASSAULT").actor == ["Q2429253"]
    acc = _one(evs, "ACCUSE")
    assert acc.actor == ["Q810"] and acc.recipient == ["Q2429253"]


def test_the_speaker_is_the_actor_only_of_what_the_speaker_does() -> None:
    ev = _one(_events("وقال الجيش العراقي إنه قصف مواقع تنظيم داعش قرب الموصل."), "ASSAULT")
    assert ev.actor == ["m:irq_army"] and ev.recipient == ["Q2429253"]
    ev = _one(_events("وذكرت المعارضة أن غارات عنيفة استهدفت سوقا شعبيا في حلب مساء أمس."), "ASSAULT")
    assert ev.actor == [] and ev.source == "m:opp"


def test_the_executor_after_an_object_pronoun_is_the_actor() -> None:
    ev = _one(_events("وأسفرت الغارات التي شنها التحالف الدولي على الرقة عن مقتل عشرة مدنيين."), "ASSAULT")
    assert ev.actor == ["m:coalition"]


def test_a_byline_is_not_the_subject_of_a_nominal_event() -> None:
    ev = _one(_events("موسكو - سيرغي لافروف: اندلعت اشتباكات عنيفة قرب الحدود."), "ASSAULT")
    assert "Q7803" not in ev.actor


def test_who_stands_behind_an_attack_carried_it_out() -> None:
    ev = _one(_events("وأكد الوزير أن تنظيم داعش يقف وراء الهجوم على الكنيسة."), "ASSAULT")
    assert ev.actor == ["Q2429253"]


def test_people_killed_are_victims_not_actors() -> None:
    ev = _one(_events("قتل أربعة مدنيين وجرح آخرون بعد اشتباكات عنيفة في ريف حلب."), "ASSAULT")
    assert "agent:CVL" not in ev.actor and ev.recipient == ["agent:CVL"]
    ev = _one(_events("وكان خالد العمري قد قتل في غارة جوية قرب الرقة الأسبوع الماضي."), "ASSAULT")
    assert ev.actor == [] and ev.recipient == ["m:khalid"]


def test_a_martyr_is_the_recipient_and_who_fired_is_the_actor() -> None:
    ev = _one(_events("واستشهد خالد العمري برصاص الشرطة في القاهرة مساء أمس."), "ASSAULT")
    assert ev.actor == ["m:police"] and ev.recipient == ["m:khalid"]
    ev = _one(_events("ولقي خالد العمري حتفه في انفجار عبوة ناسفة قرب الموصل."), "ASSAULT")
    assert ev.actor == [] and ev.recipient == ["m:khalid"]


def test_a_body_that_kills_makes_a_killing_an_attack_of_its_own() -> None:
    evs = _events("وبعد المعارك في الموصل قتل الجيش العراقي خمسة مسلحين في حي الزهور.")
    kill = _one(evs, "ASSAULT", "قتل")
    assert kill.actor == ["m:irq_army"]


def test_the_group_of_the_members_killed_is_the_recipient() -> None:
    ev = _one(_events("وقتلت القوات الحكومية 15 عنصرا من تنظيم داعش قرب الرقة."), "ASSAULT")
    assert ev.recipient == ["Q2429253"]


def test_talks_with_and_a_visit_to_name_the_other_party() -> None:
    ev = _one(_events("وجرت محادثاته مع سيرغي لافروف في أجواء إيجابية."), "CONSULT")
    assert ev.recipient == ["Q7803"]
    ev = _one(_events("وخلال زيارته روسيا التقى مسؤولين كبارا."), "CONSULT", "زيارته")
    assert ev.recipient == ["Q159"] and ev.actor != ["Q159"]


def test_the_target_after_istahdafa_is_the_recipient() -> None:
    ev = _one(_events("وانفجرت سيارة مفخخة استهدفت الجيش السوري قرب حلب."), "ASSAULT")
    assert ev.recipient == ["m:syr_army"]


def test_between_a_and_b_makes_a_the_actor_and_b_the_recipient() -> None:
    ev = _one(_events("ودارت أمس معارك عنيفة بين الجيش السوري والمعارضة في ريف حلب."), "ASSAULT")
    assert ev.actor == ["m:syr_army"] and ev.recipient == ["m:opp"]
    ev = _one(_events("واندلعت اشتباكات بين الجيش العراقي والتحالف الدولي من جهة، وتنظيم داعش من جهة أخرى قرب الموصل."),
              "ASSAULT")
    assert ev.actor == ["m:irq_army", "m:coalition"] and ev.recipient == ["Q2429253"]


def test_clashes_named_with_sidam_are_an_attack_between_the_sides() -> None:
    ev = _one(_events("واندلعت صدامات مسلحة بين الجيش السوري والمعارضة قرب حلب أسفرت عن قتلى."), "ASSAULT")
    assert ev.actor == ["m:syr_army"] and ev.recipient == ["m:opp"]
    assert not [e for e in _events("وشهدت الجامعة صدامات في الآراء بين الطلاب.") if e.type == "ASSAULT"]


def test_the_party_after_ala_in_a_nominal_attack_is_its_target() -> None:
    ev = _one(_events("وبدأ الجيش السوري حملة غارات جوية على مواقع تنظيم داعش قرب الرقة."), "ASSAULT")
    assert ev.actor == ["m:syr_army"] and ev.recipient == ["Q2429253"]


def test_the_preposition_before_a_title_governs_the_person_named_after_it() -> None:
    # «مع + title phrase + name»: the person is the other party of the talks, not their subject
    evs = _events("وعقد الأردن مباحثات مع رئيس الوزراء العراقي خالد العمري في عمان أمس.")
    ev = _one(evs, "CONSULT")
    assert ev.recipient == ["m:khalid"]
    assert "m:khalid" not in ev.actor


def test_whom_one_meets_after_bi_is_the_other_party() -> None:
    ev = _one(_events("واجتمع ملك الأردن بوزير الدفاع العراقي خالد العمري في عمان."), "CONSULT")
    assert ev.recipient == ["m:khalid"]


def test_the_holder_of_an_office_acts_not_the_place_it_is_named_after() -> None:
    # «محافظ الموصل خالد العمري»: the governor acts, not the city his title names
    ev = _one(_events("وأدان محافظ الموصل خالد العمري الهجوم على السوق."), "ACCUSE")
    assert ev.actor == ["m:khalid"]


def test_the_object_of_a_circumstantial_participle_is_the_party_addressed() -> None:
    ev = _one(_events("وختم الوزير كلمته، داعيا الكويت إلى دعم الجهود الإنسانية."), "REQUEST")
    assert ev.recipient == ["Q817"]
    assert "Q817" not in ev.actor
    accusations = [e for e in _events("وانتقد المتحدث الهجوم، متهما الأردن بالتقصير في حماية الحدود.")
                   if e.type == "ACCUSE"]
    assert any(e.recipient == ["Q810"] for e in accusations)


def test_a_body_after_a_title_governed_by_a_preposition_is_no_subject() -> None:
    # «التقى برئيس الجيش العراقي»: the army follows «برئيس», it is whom one met, not who met
    ev = _one(_events("وقال مسؤول إن خالد العمري التقى برئيس الجيش العراقي في بغداد."), "CONSULT")
    assert "m:irq_army" not in ev.actor


def test_a_visit_takes_place_in_the_country_visited() -> None:
    ev = _one(_events("وبدأ الرئيس جولة في الشرق الأوسط بزيارته الكويت أمس."), "CONSULT")
    assert ev.location == "Q817"


def test_the_genitive_of_support_is_who_is_supported_unless_li_names_them() -> None:
    ev = _one(_events("وأكد الوزير استمرار مساندة الأردن في حربه على الإرهاب."), "SUPPORT")
    assert ev.recipient == ["Q810"]
    ev = _one(_events("وانتقد المتحدث دعم الكويت للجيش العراقي."), "SUPPORT")
    assert ev.actor == ["Q817"]


def test_who_without_antecedent_leaves_the_actor_open() -> None:
    ev = _one(_events("وهناك من اتهم الكويت بالتقصير في حماية الحدود."), "ACCUSE")
    assert ev.actor == [] and ev.recipient == ["Q817"]


def test_with_the_support_of_names_the_supporter() -> None:
    ev = _one(_events("وتقدمت القوات في المدينة بمساندة الكويت وحلفائها."), "SUPPORT")
    assert ev.actor == ["Q817"]


def test_who_received_the_blows_is_hit_not_the_attacker() -> None:
    ev = _one(_events("وتراجعت قوات المعارضة بعد الضربات التي تلقتها في ريف حلب."), "ASSAULT")
    assert "m:opp" not in ev.actor


def test_an_attack_attributed_to_a_group_was_made_by_it() -> None:
    ev = _one(_events("وقتل خمسة جنود في هجمات تنسبها السلطات إلى تنظيم داعش قرب الموصل."), "ASSAULT")
    assert ev.actor == ["Q2429253"]
    ev = _one(_events("وتكررت الهجمات التي ألقي باللوم في تنفيذها على تنظيم داعش."), "ASSAULT")
    assert ev.actor == ["Q2429253"]


def test_the_condemner_before_the_bombing_that_hit_is_not_its_author() -> None:
    ev = _one(_events("وأدانت الكويت التفجير الدامي الذي استهدف حافلة للجيش السوري."), "ASSAULT")
    assert "Q817" not in ev.actor


def test_a_relative_clause_that_takes_its_antecedent_back_has_its_subject_after_the_verb() -> None:
    ev = _one(_events("وقصف الجيش السوري البلدة التي يحاصرها تنظيم داعش منذ أشهر."), "COERCE")
    assert ev.actor == ["Q2429253"]


def test_a_nationality_before_the_bombing_noun_is_not_the_bombers() -> None:
    ev = _one(_events("وأدانت الحكومة الأردنية التفجير الذي استهدف حافلة للجيش السوري."), "ASSAULT")
    assert "Q810" not in ev.actor


def test_after_a_preposition_a_spelling_shared_with_a_verb_is_the_noun() -> None:
    # «دعم» is also "he supported": after على it is the noun, whose genitive is who is supported
    ev = _one(_events("وأكد سيرغي لافروف حرص روسيا على دعم الجيش السوري في حربه."), "SUPPORT")
    assert ev.recipient == ["m:syr_army"] and "m:syr_army" not in ev.actor


def test_who_expressed_a_condemnation_made_it() -> None:
    ev = _one(_events("وأعربت الحكومة الأردنية عن إدانتها للتفجير الذي وقع في حلب."), "ACCUSE")
    assert ev.actor == ["Q810"]


def test_a_first_person_verb_in_a_quote_is_the_speakers_act() -> None:
    ev = _one(_events("وقال سيرغي لافروف: «ندعو جميع الأطراف إلى وقف القتال فورا»."), "REQUEST")
    assert ev.actor == ["Q7803"]


def test_who_goes_on_with_an_attack_makes_it() -> None:
    ev = _one(_events("وحذر البيان من استمرار تنظيم داعش في قصف الأحياء السكنية في حلب."), "ASSAULT")
    assert ev.actor == ["Q2429253"]


def test_a_verb_before_a_prepositional_phrase_has_no_subject_after_it() -> None:
    ev = _one(_events("وقالت الكويت إنها تدعو لتعاون دولي لوقف نفوذ تنظيم داعش."), "REQUEST")
    assert "Q2429253" not in ev.actor


def test_a_common_noun_after_a_violent_verb_is_its_subject_and_the_party_after_it_the_target() -> None:
    # verb-subject-object: the planes bombed, the army's barracks were hit
    ev = _one(_events("وقصفت المدفعية ثكنات الجيش العراقي شرق الموصل فجرا."), "ASSAULT")
    assert "m:irq_army" not in ev.actor and ev.recipient == ["m:irq_army"]


def test_a_descriptor_before_a_name_is_no_common_subject() -> None:
    ev = _one(_events("واستهدف المقدم خالد العمري مواقع للمسلحين بالمدفعية."), "ASSAULT")
    assert ev.actor == ["m:khalid"]


def test_an_attack_counted_in_the_dual_is_an_event() -> None:
    ev = _one(_events("وقال مسؤول إن الهجومين وقعا في الموصل الأسبوع الماضي."), "ASSAULT")
    assert ev.trigger.text == "الهجومين"


def test_a_definite_event_noun_governs_no_genitive() -> None:
    # the article rules out a construct: the army after «مقر» is what was hit, not who bombed
    ev = _one(_events("وطال القصف مقر الجيش العراقي في الموصل مساء السبت."), "ASSAULT")
    assert "m:irq_army" not in ev.actor


def test_a_nationality_after_a_definite_weapon_is_who_fired_it() -> None:
    ev = _one(_events("وتواصل أمس قصف المدفعية الأردنية العنيف لمواقع المهربين على الحدود."), "ASSAULT")
    assert ev.actor == ["Q810"]


def test_a_feminine_verb_never_has_a_masculine_body_as_subject() -> None:
    extra = {**EXTRA, "مجلس النواب": ("m:parl", "ORG", None, None, "LEG")}
    ev = _one(_events("ونشرت الكويت بيانا طالبت فيه مجلس النواب بالتحقيق في الحادث.", extra), "REQUEST")
    assert "m:parl" not in ev.actor


def test_what_is_destroyed_is_the_genitive_of_destruction() -> None:
    ev = _one(_events("وكان هدف الخطة تدمير الجيش العراقي في غضون أشهر."), "ASSAULT")
    assert ev.recipient == ["m:irq_army"] and "m:irq_army" not in ev.actor


def test_an_object_after_the_genitive_makes_the_genitive_the_agent() -> None:
    # اعتقال X: X is arrested; اعتقال X ٤٠ شخصا: X arrests them (an adjective would agree in definiteness)
    ev = _one(_events("وجاء البيان بعد اعتقال الجيش العراقي 40 شخصا في الموصل."), "COERCE")
    assert ev.actor == ["m:irq_army"]
    ev = _one(_events("وجاء البيان بعد اعتقال مدنيين اثنين في الموصل."), "COERCE")
    assert "agent:CVL" not in ev.actor


def test_a_title_after_the_verb_names_its_holder_as_subject() -> None:
    ev = _one(_events("واستقبل وزير الخارجية الكويتي خالد العمري قائد الجيش العراقي في مكتبه."), "CONSULT")
    assert ev.actor == ["m:khalid"]
    # with no object after it, the titled name is the object of a dropped subject
    ev = _one(_events("ووصل المبعوث إلى الموصل حيث التقى وزير الخارجية خالد العمري وأطلعه على نتائج جولته."),
              "CONSULT")
    assert "m:khalid" not in ev.actor


def test_an_agent_noun_in_construct_with_a_party_makes_the_party_the_subject() -> None:
    ev = _one(_events("وقصفت قوات الجيش العراقي مواقع المسلحين قرب الموصل."), "ASSAULT")
    assert ev.actor == ["m:irq_army"]
    # a noun before the verb is its subject: the party after it is the object
    ev = _one(_events("وقال شهود إن القذائف دمرت قوات الجيش العراقي قرب الموصل."), "ASSAULT")
    assert "m:irq_army" not in ev.actor


def test_who_died_is_no_attacker_and_no_earlier_party_becomes_one() -> None:
    evs = _events("وانتقدت الكويت الحكومة، فيما شيع أهالي القرية جنديا استشهد قرب الحدود.")
    ev = _one(evs, "ASSAULT")
    assert ev.actor == []


def test_a_counted_group_is_the_subject_of_its_verb() -> None:
    # اقتحم العشراتُ من أفراد X: the quantity is the subject, so the party it counts acts
    ev = _one(_events("وفي المساء اقتحم العشرات من رجال الشرطة مخيما للنازحين قرب الموصل."), "ASSAULT")
    assert ev.actor == ["m:police"] and "m:police" not in ev.recipient
    ev = _one(_events("وهاجم مئات من جنود الجيش العراقي قرية قرب الموصل."), "ASSAULT")
    assert ev.actor == ["m:irq_army"]
    # after a killing verb the counted are the dead (قُتل عشرات من …), never the attacker
    ev = _one(_events("وقتل العشرات من عناصر الجيش العراقي في هجوم قرب الموصل."), "ASSAULT")
    assert "m:irq_army" not in ev.actor


def test_a_titled_genitive_of_an_attack_is_its_victim() -> None:
    # قتل قائدِ X: the commander was killed; X is his side, not the killer
    ev = _one(_events("وتمكن مقاتلو العشائر من قتل قائد الجيش العراقي في الموصل."), "ASSAULT")
    assert "m:irq_army" not in ev.actor and ev.recipient == ["m:irq_army"]


def test_the_counted_members_of_a_group_are_the_victims_of_a_death_verb() -> None:
    # أصيب/قتل خمسة من رجال X: in either voice the counted died or were hurt, so X is hit, never the attacker
    ev = _one(_events("وأصيب خمسة من رجال الشرطة في انفجار سيارة مفخخة قرب الموصل."), "ASSAULT")
    assert ev.actor == [] and ev.recipient == ["m:police"]
    ev = _one(_events("وقتل العشرات من عناصر الجيش العراقي في هجوم قرب الموصل."), "ASSAULT")
    assert ev.actor == [] and ev.recipient == ["m:irq_army"]


def test_a_titled_name_is_the_subject_unless_a_meeting_verb_lacks_its_object() -> None:
    # the definite title with its holder right after it (الوزير فلان), with an object or a complement
    ev = _one(_events("وانتقد الوزير خالد العمري تصريحات الجيش العراقي حول الموصل."), "ACCUSE")
    assert ev.actor == ["m:khalid"]
    ev = _one(_events("وانتقد وزير الخارجية الكويتي خالد العمري أطرافا سياسية بسبب الأزمة."), "ACCUSE")
    assert ev.actor == ["m:khalid"]
    ev = _one(_events("وتعهد الوزير خالد العمري بمحاسبة المسؤولين عن الهجوم على الموصل."), "AGREE")
    assert ev.actor == ["m:khalid"]
    # a meeting verb without an object: the titled name is whom a dropped subject met
    ev = _one(_events("وتوجه الوفد إلى الكويت حيث استقبل الوزير خالد العمري."), "CONSULT")
    assert "m:khalid" not in ev.actor


def test_bare_weapons_after_the_verb_are_its_subject() -> None:
    ev = _one(_events("واستهدفت قذائف ثكنات الجيش العراقي قرب الموصل فجر اليوم."), "ASSAULT")
    assert ev.actor == [] and ev.recipient == ["m:irq_army"]
    # a weapon with the article after a plural verb is its object (أطلقوا النار): the subject is before it
    extra = {**EXTRA, "مسلحين": ("agent:UAF", "MISC", None, None, "UAF")}
    ev = _one(_events("وقال الشهود إن خمسة مسلحين أطلقوا النار على المارة في الموصل.", extra), "ASSAULT")
    assert ev.actor == ["agent:UAF"]


def test_number_words_and_quoted_names_count_members_too() -> None:
    extra = {**EXTRA, "جند الساحل": ("m:jund", "ORG", None, None, "IMG")}
    ev = _one(_events("وقتل سبعة من عناصر «جند الساحل» في قصف مدفعي قرب الموصل.", extra), "ASSAULT")
    assert ev.actor == [] and ev.recipient == ["m:jund"]


def test_who_claims_an_attack_made_it() -> None:
    evs = _events("وأعلن تنظيم داعش مسؤوليته عن الهجوم الذي استهدف سوقا في الموصل.")
    assert _one(evs, "ASSAULT").actor == ["Q2429253"]


def test_who_planted_fired_or_dealt_a_weapon_or_blow_made_the_attack() -> None:
    ev = _one(_events("وقتل ثلاثة مدنيين بانفجار عبوة ناسفة زرعها تنظيم داعش قرب الموصل."), "ASSAULT")
    assert ev.actor == ["Q2429253"]
    ev = _one(_events("وتراجع المسلحون بعد الضربات القوية التي وجهها لهم الجيش العراقي قرب الموصل."), "ASSAULT")
    assert ev.actor == ["m:irq_army"]



def test_an_agent_phrase_inside_a_relative_clause_on_another_noun_is_not_the_events() -> None:
    # للتحقيق في الجرائم التي ارتكبت من قبل X: X committed the crimes, it does not investigate
    ev = _one(_events("وبدأت الكويت أمس تحقيقا في الانتهاكات التي ارتكبت من قبل الجيش العراقي في الموصل."), "ACCUSE")
    assert "m:irq_army" not in ev.actor


def test_the_two_sides_are_the_pair_named_before() -> None:
    from tests.events.test_events import _events as _known_events

    text = "واشتبك الجيش السوري مع عناصر تنظيم داعش قرب تدمر صباح اليوم. وفي المساء تجددت الاشتباكات بين الطرفين في حلب."
    later = [e for e in _known_events(text) if e.trigger.text == "الاشتباكات"]
    assert [(e.actor, e.recipient) for e in later] == [(["m:syr_army"], ["Q2429253"])]


def test_a_subject_fronted_by_kana_before_qad_leaves_what_follows_the_verb_its_object() -> None:
    # وكانت X قد اتهمت Y: the subject stands between كان and قد
    ev = _one(_events("وكان فريق المراقبين في الموصل قد اتهم الجيش العراقي بقصف الأحياء."), "ACCUSE")
    assert "m:irq_army" not in ev.actor and ev.recipient == ["m:irq_army"]


def test_tamma_makes_a_passive_whose_genitive_undergoes_it() -> None:
    ev = _one(_events("وقال المتحدث إنه تم رفض مطالب الكويت في الاجتماع."), "REJECT")
    assert ev.actor == [] and ev.recipient == ["Q817"]


def test_the_executors_nationality_adjective_names_the_country() -> None:
    extra = {**EXTRA, "الولايات المتحدة": ("Q30", "GPE", "USA", "country", None)}
    text = "وقتل عشرة مسلحين في غارات نفذتها طائرات أمريكية قرب الموصل، بحسب الولايات المتحدة."
    assert _one(_events(text, extra), "ASSAULT").actor == ["Q30"]


def test_a_counterpart_after_the_titled_name_is_the_object_of_the_meeting() -> None:
    ev = _one(_events("والتقى وزير الخارجية الكويتي خالد العمري نظراءه في الموصل أمس."), "CONSULT")
    assert ev.actor == ["m:khalid"]


def test_members_of_a_party_before_the_verb_are_its_subject_and_after_a_plural_verb_its_object() -> None:
    ev = _one(_events("وقال الشهود إن عناصر من تنظيم داعش هاجموا حاجزا قرب الموصل."), "ASSAULT")
    assert ev.actor == ["Q2429253"]
    ev = _one(_events("وقال الشهود إن المسلحين هاجموا عناصر من الجيش العراقي قرب الموصل."), "ASSAULT")
    assert "m:irq_army" not in ev.actor


def test_a_verbal_noun_announced_or_continued_is_its_subjects_act() -> None:
    # after أعلن/قرر/واصل and their subject, سحب and قصف are nouns (a verb would need أن): the subject is
    # the actor, and the genitive after the noun what the act is done to
    ev = _one(_events("وأعلن الأردن سحب قواته من الحدود الشمالية."), "RETREAT")
    assert ev.actor == ["Q810"]
    ev = _one(_events("وواصل الجيش العراقي قصف مواقع تنظيم داعش غرب الموصل."), "ASSAULT")
    assert ev.actor == ["m:irq_army"] and ev.recipient == ["Q2429253"]
    ev = _one(_events("قرر الجيش العراقي طرد مدنيين من المنطقة العازلة."), "ASSAULT")  # an expulsion
    assert ev.actor == ["m:irq_army"] and ev.recipient == ["agent:CVL"]
