"""What a denial covers: the rejected clause, not the speaker's own account around it."""

from __future__ import annotations

from marsad.corpus.denial import covers, denial_words, negates, reports_rumour, scope
from marsad.corpus.features import content_terms
from marsad.corpus.passes.claims import _disagreement, _Quote


def _q(text: str, cue: str = "say", speaker_id: str | None = None, doc: int = 1) -> _Quote:
    actors = frozenset({"X"})
    return _Quote(doc, 0, text, cue, "speaker", "2015-08-01", None, None, actors,
                  frozenset(content_terms(text)), {"X": [(0, 4)]}, actors, speaker_id)


def test_denial_words_with_hamza_seats_and_negated_verbs() -> None:
    assert denial_words("الشائعات حول الموضوع")  # ئ folds to ي in the text and in the pattern
    assert denial_words("ما تردد عار تمامًا عن الصحة")
    assert not denial_words("وعدم ورود اسمها لا ينفي قدمها")  # "does not deny"
    assert not denial_words("نفوس غير سوية ونفيس")  # نفيس (precious) is not نفى


def test_scope_runs_from_the_denial_to_the_speakers_own_assertion() -> None:
    s = scope("نفت الوزارة ما تردد عن تعرض طفلة لحروق، مؤكدة أن الطفلة كانت تعاني التهابا جلديا")
    assert "حروق" in s and "التهاب" not in s
    s = scope("أكمنة الجيش مجهزة لمواجهة أي هجوم، ولا صحة لما تردد عن وقوع هجمات مسلحة")
    assert "هجمات" in s and "مجهزه" not in s
    # words that follow what they reject reach back to the start of their sentence, across commas
    s = scope("جملة سابقة. ما أوردته وكالة فارس بأن هناك اتفاقا، مجرد أكاذيب")
    assert "اتفاقا" in s and "سابقه" not in s
    # a quote that is itself the object of «نفى» is denied up to the first new assertion
    s = scope("أن يكون المبعوث ناقش خروج صالح لكنه أضاف أن الجامعة ستدرس مراقبة وقف النار", whole=True)
    assert "صالح" in s and "الجامعه" not in s
    assert scope("قال إن الاجتماع عقد أمس") == ""


def test_covers_needs_the_shared_words_inside_the_scope() -> None:
    denial = "نفت الوزارة ما تردد عن تعرض طفلة لحروق، مؤكدة أن الطفلة كانت تعاني التهابا جلديا بسيطا"
    own_account = "الطفلة كانت تعاني التهابا جلديا بسيطا"
    rumour = "تعرض طفلة لحروق في المستشفى"
    dt = frozenset(content_terms(denial))
    assert covers(denial, False, dt, frozenset(content_terms(rumour)))
    assert not covers(denial, False, dt, frozenset(content_terms(own_account)))


def test_negation_and_rumour_reports() -> None:
    assert negates("لم يتم إيقاف أي بدل")
    assert negates("لا توجد خلافات بين البلدين")
    assert not negates("التنظيم لا يزال يتواجد في المدينة")
    assert reports_rumour("صحة الخبر المتداول بتعرض مولودة لحروق")
    assert not reports_rumour("المولودة تعرضت لحروق في المستشفى")


DENIAL = "نفت الوزارة ما تردد عن تأجيل بدء الدراسة إلى ما بعد موسم الحج، مؤكدة أن الدراسة تبدأ في موعدها المحدد"
CLAIM = "الوزارة قررت تأجيل بدء الدراسة إلى ما بعد موسم الحج هذا العام"


def test_a_denial_contradicts_what_it_rejects_only() -> None:
    assert _disagreement(_q(DENIAL), _q(CLAIM, doc=2), 0.6) is not None
    # another report of the speaker's own account is the same statement, not its contradiction
    assert _disagreement(_q(DENIAL), _q("الدراسة تبدأ في موعدها المحدد بعد موسم الحج", doc=2), 0.6) is None
    # a statement that negates, or speaks of what is being said, does not assert the rejected thing
    assert _disagreement(_q(DENIAL), _q("الوزارة لم تقرر تأجيل بدء الدراسة إلى ما بعد موسم الحج", doc=2),
                         0.6) is None
    assert _disagreement(_q(DENIAL), _q("ما يتم تداوله عن تأجيل بدء الدراسة إلى ما بعد موسم الحج", doc=2),
                         0.6) is None
    # one resolved speaker on both sides is one source, not two that disagree
    assert _disagreement(_q(DENIAL, speaker_id="m:1"), _q(CLAIM, speaker_id="m:1", doc=2), 0.6) is None
