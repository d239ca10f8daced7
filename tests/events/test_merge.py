"""One event per occurrence in a document: repeated descriptions merged, distinct occurrences kept.

Every text here was written for these tests (none is in the gold articles or the seeds).
"""

from __future__ import annotations

from tests.events.test_events import _events


def _assaults(text: str) -> list:
    return [e for e in _events(text) if e.type == "ASSAULT"]


def test_headline_lead_and_back_references_are_one_attack_with_the_latest_toll() -> None:
    text = ("انفجار سيارة مفخخة في حلب\n"
            "انفجرت سيارة مفخخة صباح اليوم قرب سوق شعبي في حلب مما أدى إلى مقتل 12 شخصا. "
            "وقال شهود إن الانفجار دمر عددا من المحلات. وارتفعت حصيلة التفجير في حلب إلى 15 قتيلا.")
    evs = _assaults(text)
    assert len(evs) == 1
    assert evs[0].trigger.start > text.index("\n")  # the body's first description, not the headline
    assert evs[0].dead == 15 and evs[0].location == "Q41183"


def test_the_count_comes_from_the_most_specific_mention() -> None:
    text = ("انفجرت سيارة مفخخة صباح اليوم قرب سوق شعبي في حلب مما أدى إلى مقتل 12 شخصا. "
            "وتحدثت مصادر عن 20 قتيلا في التفجير.")
    evs = _assaults(text)
    assert len(evs) == 1 and evs[0].dead == 12


def test_another_attack_and_attacks_in_two_towns_stay_apart() -> None:
    text = ("انفجرت سيارة مفخخة في حلب صباح اليوم. "
            "وبعد ساعات وقع انفجار آخر في سوق المدينة.")
    assert len(_assaults(text)) == 2
    text = "وقصفت الطائرات مواقع في الرقة. كما استهدف القصف أحياء في تدمر."
    assert len(_assaults(text)) == 2


def test_a_running_total_is_not_the_count_of_the_attack() -> None:
    text = ("وقتل ثلاثة جنود في هجوم على حاجز قرب الرقة. "
            "وبالهجوم يرتفع إجمالي عدد القتلى منذ بداية العام إلى 200.")
    evs = _assaults(text)
    assert len(evs) == 1 and evs[0].dead == 3


def test_an_attack_someone_is_accused_of_is_kept_apart() -> None:
    text = ("واندلعت اشتباكات عنيفة قرب حلب. "
            "واتهمت المعارضة النظام السوري بشن الاشتباكات على الأحياء السكنية.")
    assert len(_assaults(text)) == 2


def test_a_count_of_dead_nouns_alone_is_read() -> None:
    from marsad.events.casualties import casualties

    assert casualties("وأسفر الانفجار عن 15 قتيلا في السوق.") == (15, None)


def test_an_attack_someone_condemns_is_the_attack_already_told() -> None:
    text = ("انفجرت عبوة ناسفة صباح اليوم قرب محطة الحافلات في مدينة إدلب. "
            "واستنكر المحافظ التفجير الجبان الذي استهدف المدنيين.")
    assert len(_assaults(text)) == 1


def test_a_verb_in_a_relative_clause_describes_the_noun_before_it() -> None:
    text = "وقع التفجير الذي استهدف محطة الحافلات في إدلب صباح اليوم."
    assert len(_assaults(text)) == 1


def test_a_quoted_attack_without_its_actor_is_the_narrated_one() -> None:
    text = ("وقصفت طائرات حربية بلدة سراقب بريف إدلب فجر اليوم. "
            "وقال أحد السكان: «القصف لم يتوقف طوال الليل ودمر بيوتنا».")
    assert len(_assaults(text)) == 1


def test_a_quoted_attack_stays_when_the_text_tells_no_attack_itself() -> None:
    text = "وقال أحد السكان: «القصف لم يتوقف طوال الليل على بلدتنا»."
    assert len(_assaults(text)) == 1


def test_an_attack_and_the_reply_to_it_stay_two_events() -> None:
    # one party hit in one mention and attacking in the other: two attacks, not one told twice
    text = ("واستهدفت قذائف مواقع الجيش السوري قرب تدمر صباح اليوم. "
            "وبعد ساعة قصف الجيش السوري بالمدفعية قرى قرب تدمر.")
    evs = _assaults(text)
    assert sorted((e.actor, e.recipient) for e in evs) == [([], ["m:syr_army"]), (["m:syr_army"], [])]
