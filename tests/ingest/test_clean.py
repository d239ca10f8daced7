"""The boilerplate cleaner on shapes seen across outlets, and the encoding and format sniffers."""

from __future__ import annotations

import pytest

from marsad.ingest.encoding import binary_reason, decode
from marsad.ingest.plaintext import clean
from marsad.ingest.sniff import FEED, HTML, JSON, JSON_ARRAY, JSONL, TEXT, ZIP, sniff
from tests.ingest.helpers import BODY, BODY2

TITLE = "عنوان الخبر عن روسيا وسوريا"


def test_trailing_headline_list_removed_generic() -> None:
    tail = ["مصر تفتتح محطة كهرباء جديدة في الصعيد", "ارتفاع أسعار النفط في الأسواق العالمية",
            "منتخب المغرب يتأهل إلى نهائي البطولة", "الأمم المتحدة تحذر من موجة جفاف"]
    c = clean("\n\n".join([TITLE, BODY, BODY2, *tail]))
    assert c.text == f"{TITLE}\n\n{BODY}\n\n{BODY2}"


def test_two_short_trailing_lines_are_kept() -> None:
    c = clean("\n".join([TITLE, BODY, BODY2, "* خدمة «نيويورك تايمز»", "ترجمة خاصة"]))
    assert c.text.endswith("* خدمة «نيويورك تايمز»\nترجمة خاصة")


def test_list_after_colon_is_article_text() -> None:
    items = ["محمد أحمد علي الغامدي", "سعد عبدالله الحربي", "خالد صالح القحطاني"]
    c = clean("\n".join([TITLE, BODY, "وجاءت أسماء الفائزين بالجائزة هذا العام على النحو الآتي:", *items]))
    assert c.text.endswith("\n".join(items))


def test_section_label_block_cut_but_body_after_it_kept() -> None:
    raw = "\n".join([TITLE, BODY, "اقرأ أيضاً", "خبر آخر لا علاقة له", "وخبر ثالث كذلك", BODY2,
                     "أخبار ذات صلة", "عنوان خبر قديم", "تابعونا", "فيسبوك"])
    c = clean(raw)
    assert c.text == f"{TITLE}\n{BODY}\n{BODY2}"


def test_inline_read_also_and_share_labels() -> None:
    raw = "\n".join(["شارك", TITLE, BODY, "اقرأ أيضا: روسيا تعلن هزيمة التنظيم في سوريا", BODY2, "شارك"])
    assert clean(raw).text == f"{TITLE}\n{BODY}\n{BODY2}"


def test_teaser_prefix_dropped() -> None:
    teaser = BODY[:70] + "..."
    c = clean("\n\n".join([TITLE, teaser, BODY, BODY2]))
    assert c.text == f"{TITLE}\n\n{BODY}\n\n{BODY2}"


def test_junk_lines_nbsp_and_entities() -> None:
    raw = f"...\n.\n\u00a0\n&nbsp;\n{TITLE}\n \n* * *\n{BODY}&nbsp;\n>>\n{BODY2}\n"
    c = clean(raw)
    assert c.title == TITLE
    assert c.text == f"{TITLE}\n\n{BODY}\n\n{BODY2}"


def test_published_lines_and_date_stamp() -> None:
    c = clean(f"First Published: 2017-12-07\n{TITLE}\n{BODY}")
    assert c.published == "2017-12-07" and "Published" not in c.text
    c = clean(f"{TITLE}\nنشر في: 7 ديسمبر 2017 آخر تحديث: 8 ديسمبر 2017\n{BODY}")
    assert c.published == "2017-12-07" and "نشر" not in c.text
    c = clean(f"{TITLE}\nالخميس 7 ديسمبر/كانون الأول 2017\n{BODY}")
    assert c.published == "2017-12-07" and "ديسمبر" not in c.text
    c = clean(f"{TITLE}\nآخر تحديث: 31 شباط 2017\n{BODY}")
    assert c.published is None


def test_outlet_signature_line() -> None:
    c = clean(f"{TITLE}\n\nميدل ايست أونلاين\n\n{BODY}")
    assert c.outlet == "middle-east-online.com" and "أونلاين" not in c.text
    assert clean(f"{TITLE}\n{BODY} ميدل ايست أونلاين").outlet is None  # only a whole line counts


@pytest.mark.parametrize(
    ("lead", "place"),
    [
        ("موسكو – ", "موسكو"),
        ("موسكو/جنيف - ", "موسكو/جنيف"),
        ("القاهرة (رويترز) - ", "القاهرة"),
        ("دير الزور - ", "دير الزور"),
        ("بيروت ـ ", "بيروت"),
        ("", None),
        ("وقال المتحدث - ", None),
    ],
)
def test_dateline(lead: str, place: str | None) -> None:
    c = clean(f"{TITLE}\n{lead}{BODY}")
    assert c.dateline == place
    assert lead.strip() in c.text  # the dateline words stay in the text


def test_given_title_and_duplicate_first_line() -> None:
    c = clean(f" {TITLE}\n\n {BODY}\n\n {BODY2}", title=TITLE)
    assert c.text == f"{TITLE}\n\n{BODY}\n\n{BODY2}"


def test_json_trailers() -> None:
    raw = f" بريدة 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس\n {BODY}\n // انتهى //\n 20:26 ت م \n "
    c = clean(raw, title=TITLE)
    assert c.dateline == "بريدة" and c.text.endswith(BODY)
    raw = f"{BODY}\n\njehat5@yahoo.com\n\nللتواصل أرسل sms إلى 88548 الاتصالات، 738303 زين تبدأ بالرمز 153 مسافة ثم الرسالة\n"
    assert clean(raw, title=TITLE).text == f"{TITLE}\n{BODY}"
    raw = f"{BODY} رابط الخبر بصحيفة الوئام: عنوان الخبر نفسه "
    assert clean(raw, title=TITLE).text == f"{TITLE}\n{BODY}"
    raw = f" شارك من خلال تويتر فيسبوك جوجل بلس اكتب رأيك {BODY}"
    assert clean(raw, title=TITLE).text == f"{TITLE}\n{BODY}"


def test_sabq_nbsp_breaks() -> None:
    c = clean(f" {BODY} \u00a0 \u00a0{BODY2} \u00a0 ", title=TITLE)
    assert c.text == f"{TITLE}\n{BODY}\n{BODY2}"


# --- encoding and sniffing ------------------------------------------------------------------------------


def test_decode_variants() -> None:
    s = f"{TITLE}\n{BODY}"
    assert decode(s.encode("utf-8"), "x") == s
    assert decode(b"\xef\xbb\xbf" + s.encode(), "x") == s
    assert decode(s.encode("utf-16"), "x") == s
    assert decode(s.encode("utf-16-le"), "x") == s
    assert decode(s.encode("utf-16-be"), "x") == s
    assert decode(s.encode("cp1256"), "x") == s
    assert decode(s.encode()[:-1], "x") == s[:-1]  # last character cut in half


def test_decode_refuses_latin_mojibake() -> None:
    with pytest.raises(ValueError, match="re-save the file as UTF-8"):
        decode("Café déjà vu, naïve résumé".encode("latin-1"), "f.txt")


def test_binary_reasons() -> None:
    assert binary_reason(b"%PDF-1.7") == "PDF document"
    assert binary_reason(b"\x89PNG\r\n") == "PNG image"
    assert binary_reason(b"abc\x00\x01\x02\x03def\xff\x00\x00\x01") is not None
    assert binary_reason(f"{TITLE}\n{BODY}".encode("utf-16-le")) is None
    assert binary_reason(BODY.encode()) is None


@pytest.mark.parametrize(
    ("head", "name", "fmt"),
    [
        (b"PK\x03\x04rest", "a", ZIP),
        (b'{"text": "x"}', "a.json", JSON),
        (b'{"text": "x"}', "a.jsonl", JSONL),
        (b'{"text": "x"}\n{"text": "y"}\n', "a.json", JSONL),
        (b'{\n  "text": "x"\n}\n', "a.jsonl.txt", JSON),
        (b'  [ {"text": "x"} ]', "a", JSON_ARRAY),
        (b'<?xml version="1.0"?>\n<rss version="2.0"><channel>', "a.html", FEED),
        (b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">', "a", FEED),
        (b"<!DOCTYPE html><html><body><p>x</p></body></html>", "a.txt", HTML),
        (b"<div><p>x</p></div>", "a", HTML),
        (BODY.encode(), "a.html", TEXT),
    ],
)
def test_sniff(head: bytes, name: str, fmt: str) -> None:
    assert sniff(head, complete=True, name=name)[0] == fmt


def test_presentation_forms_become_the_letters_they_show() -> None:
    # glyph shapes (final, medial, isolated) and the lam-alef ligature, as text copied out of a PDF has
    shaped = "ﺍﻟﻤﻘﺎﻭﻣﺔ ﺍﻟﺸﻌﺒﻴﺔ ﺗﺘﻘﺪﻡ ﻭ\ufefb ﺗﺮﺍﺟﻊ"
    c = clean("\n".join([TITLE, BODY, shaped]))
    assert c.text.endswith("المقاومة الشعبية تتقدم ولا تراجع")
    assert not any("\ufb50" <= ch <= "\ufeff" for ch in c.text)
