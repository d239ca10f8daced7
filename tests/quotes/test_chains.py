"""Title chains, unnamed sources and bodies: how far a speaker phrase runs and where its name is.

Every sentence here is written for the test (none comes from an evaluation article).
"""

from __future__ import annotations

from marsad.quotes import quotes_in_text
from marsad.quotes.phrases import chunk
from marsad.quotes.tokens import Tokens


def _phrase(text: str) -> tuple[str, str | None]:
    tk = Tokens(text)
    tk.segment()
    np = chunk(tk, 0, tk.n)
    assert np is not None
    name = None if np.name is None else " ".join(tk.raw[np.name:np.name_b or np.b])
    return " ".join(tk.raw[np.a:np.b]), name


def _speaker(text: str) -> str:
    [q] = quotes_in_text("عنوان\n" + text)
    assert q.speaker is not None
    return q.speaker.text if hasattr(q.speaker, "text") else q.speaker["text"]  # type: ignore[index]


def test_rank_inside_a_chain_announces_the_name() -> None:
    phrase, name = _phrase("مدير شرطة محافظة الأحساء العميد سالم بن راشد الهاجري إن الحادث")
    assert phrase == "مدير شرطة محافظة الأحساء العميد سالم بن راشد الهاجري"
    assert name == "سالم بن راشد الهاجري"


def test_affiliation_and_adjective_after_it_stay_in_the_chain() -> None:
    _, name = _phrase("نائب رئيس الغرفة التجارية بمحافظة جدة السابق منصور العتيبي إن السوق")
    assert name == "منصور العتيبي"
    _, name = _phrase("الملازم في الحرس الوطني ماجد سعيد الزهراني قوله")
    assert name == "ماجد سعيد الزهراني"


def test_coordinated_titles_and_comma_before_a_rank() -> None:
    _, name = _phrase("رئيس نادي الصيادين ورئيس جمعية البحارة الخليجيين ناصر الكعبي إن الموسم")
    assert name == "ناصر الكعبي"
    _, name = _phrase("المتحدث الرسمي باسم إدارة الدفاع المدني بمنطقة حائل، المقدم فيصل بن عبدالله الرشيدي، أن")
    assert name == "فيصل بن عبدالله الرشيدي"


def test_unnamed_source_keeps_its_affiliation_not_the_occasion() -> None:
    assert _phrase("مصادر في وزارة الصحة اليمنية إن")[0] == "مصادر في وزارة الصحة اليمنية"
    assert _phrase("مسؤول رفيع في البنك المركزي لوكالة رويترز إن")[0] == "مسؤول رفيع في البنك المركزي"
    assert _phrase("مصدر أمني مطلع في تصريح للصحيفة إن")[0] == "مصدر أمني مطلع"


def test_body_with_its_purpose_and_a_number() -> None:
    assert _phrase("الجمعية الوطنية لحماية المستهلك إن")[0] == "الجمعية الوطنية لحماية المستهلك"
    assert _phrase("قيادة اللواء 47 مشاة أن")[0].startswith("قيادة اللواء 47")


def test_compound_given_names_run_on() -> None:
    _, name = _phrase("الشيخ عبد الرحمن ناصر البراك إن")
    assert name == "عبد الرحمن ناصر البراك"
    assert _phrase("فضل الله حسن الجابري إن")[0] == "فضل الله حسن الجابري"


def test_speaker_text_is_the_name_at_the_end_of_the_chain() -> None:
    assert _speaker("وقال رئيس هيئة الموانئ الكابتن عماد القحطاني إن الميناء جاهز لاستقبال السفن.") == "عماد القحطاني"


def test_a_word_beginning_with_waw_is_not_a_conjunction() -> None:
    assert _phrase("متحدث باسم وزارة النقل إن")[0] == "متحدث باسم وزارة النقل"
