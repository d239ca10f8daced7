"""The five seed articles (plain text as scraped, boilerplate included) through the whole reader."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.ingest.helpers import one_doc, seed

# `must_not` lists of /work/shared/gold/*.json (boilerplate that must not survive), kept here so the tests
# do not depend on the shared tree; the gold files themselves are checked too when they are present.
MUST_NOT = {
    "000": [],
    "001": ["الصدر", "سرايا السلام", "بروكسل", "لندن", "اربيل", "الايزيديون"],
}
GOLD = Path("/work/shared/gold")


def lines(text: str) -> list[str]:
    return [ln for ln in text.split("\n") if ln.strip()]


def test_seed_000_dateline_and_paragraphs() -> None:
    d = one_doc(seed("000"))
    assert d.title == "روسيا لن تسمح للدولة الاسلامية برفع رأسها مجددا في سوريا"
    assert d.dateline == "موسكو"
    assert d.published is None  # the body mentions 2017 dates; none of them is the publication date
    assert d.language == "ar"
    ls = lines(d.text)
    assert ls[0] == d.title
    assert ls[1] == "التنظيم المتشدد عاود الظهور رغم نكسات متتالية"
    assert ls[2].startswith("موسكو – أعلنت روسيا الأحد")  # dateline words stay in the text
    assert ls[-1].startswith("وتزدحم السماء السورية") and ls[-1].endswith("وحدات حماية الشعب الكردية.")
    raw = seed("000").read_text(encoding="utf-8")
    assert len(ls) == len(lines(raw))  # nothing of this clean article was dropped
    assert "\n\n" in d.text  # paragraph breaks kept as in the source


def test_seed_001_published_outlet_and_no_headline_list() -> None:
    d = one_doc(seed("001"))
    assert d.published == "2017-12-07"
    assert d.title == "موسكو تعلن هزيمة الدولة الاسلامية في سوريا"
    assert d.outlet == "middle-east-online.com"
    assert d.dateline == "موسكو/جنيف"
    ls = lines(d.text)
    assert ls[0] == d.title
    assert "First Published" not in d.text
    assert "ميدل ايست أونلاين" not in d.text
    assert "\u00a0" not in d.text and ">>" not in d.text
    assert any(ln.startswith("موسكو/جنيف - قال الجيش الروسي") for ln in ls)
    assert ls[-1].startswith('قال "نتوقع أن يخوض الحاضرون في جنيف')
    # none of the ~13 unrelated headlines listed after the body survives
    for headline in ("أكراد سوريا والجيش العراقي يحصنان الحدود", "قطر تراهن على سياسة العقود السخية",
                     "العراق ينتصر على الدولة الاسلامية مع وقف النفاذ"):
        assert headline not in d.text


def test_seed_002_no_leading_dots_no_publish_line() -> None:
    d = one_doc(seed("002"))
    assert d.title == "داعش نائم.. دوريات روسية على الخط الفاصل مع أميركا في سوريا"
    assert d.text.startswith(d.title)
    assert not d.text.startswith(".")
    assert "نشر في" not in d.text and "آخر تحديث" not in d.text
    assert d.published is None
    ls = lines(d.text)
    assert ls[1] == '"هناك احتمالية لوجود خلايا نائمة تابعة لتنظيم داعش في المنطقة"'
    assert "خلايا نائمة لتنظيم داعش" in ls  # a subheading inside the article is article text
    assert ls[-1] == "ورغم هزيمته العسكرية عام 2019، إلا أن خلاياه النائمة بدأت نشاطها وتنفذ اعتداءات دموية."


def test_seed_003_single_newlines() -> None:
    d = one_doc(seed("003"))
    assert d.title == "لافروف: اتفاق «قوات سورية الديمقراطية» و«داعش» في الرقة مؤكد"
    assert d.dateline is None
    assert "\n\n" not in d.text  # the source separates paragraphs with one newline: so do we
    ls = lines(d.text)
    assert ls[1].startswith("أعلن وزير الخارجية الروسي سيرغي لافروف")
    assert ls[-1].endswith("بعد تقدمها على طريق دمشق – بغداد.")
    assert len(ls) == 26


def test_seed_004_teaser_and_section_labels() -> None:
    d = one_doc(seed("004"))
    assert d.title == "القضاء على داعش متوقف على منع نظام الأسد من تأمين الحماية للتنظيم"
    for label in ("أقسام", "من الانترنت", "أخبار متعلقة"):
        assert label not in d.text
    ls = lines(d.text)
    lead = "على الرغم من تناقص أعدادهم بشكل كبير وطردهم من معظم مناطق سيطرتهم"
    assert sum(ln.startswith(lead) for ln in ls) == 1  # the truncated teaser is gone, the full lead stays
    assert not any(ln.endswith("الصادرة...") for ln in ls)
    assert ls[-1].startswith("وأكد غيدني أن “الجزء الحاسم”")


@pytest.mark.parametrize("prefix", sorted(MUST_NOT))
def test_gold_must_not(prefix: str) -> None:
    d = one_doc(seed(prefix))
    must_not = list(MUST_NOT[prefix])
    gold = sorted(GOLD.glob(f"{prefix}_*.json")) if GOLD.is_dir() else []
    if gold:
        must_not += json.loads(gold[0].read_text(encoding="utf-8")).get("must_not", [])
    for s in must_not:
        assert s not in d.text, s


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_all_real_paragraphs_survive(prefix: str) -> None:
    """Every long line of the source that is article text is in the cleaned text, unchanged."""
    d = one_doc(seed(prefix))
    raw = seed(prefix).read_text(encoding="utf-8")
    long_lines = [ln.strip() for ln in raw.split("\n") if len(ln.split()) >= 12]
    if prefix == "004":  # the teaser: a truncated copy of the lead paragraph
        long_lines = [ln for ln in long_lines if not ln.endswith("...")]
    for ln in long_lines:
        assert ln in d.text, ln[:60]
