"""Date expressions: each family resolved against a fixed publication date, offsets exact, no inventions."""

from __future__ import annotations

import pytest

from marsad.dates import find_dates, resolve_sentence_date
from marsad.document import DateRef, Document

PUB = "2017-12-07"  # a Thursday


def found(text: str, pub: str | None = PUB) -> list[tuple[str, str, str]]:
    out = find_dates(text, pub)
    for d in out:
        assert text[d.start:d.end] == d.text
    return [(d.text, d.value, d.precision) for d in out]


def values(text: str, pub: str | None = PUB) -> list[str]:
    return [v for _, v, _ in found(text, pub)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("في 22 ديسمبر/كانون الأول 2017 قال", "2017-12-22"),
        ("في 22 كانون الأول (ديسمبر) 2017", "2017-12-22"),
        ("السبت 22 ديسمبر 2017", "2017-12-22"),
        ("بتاريخ 2017/12/22", "2017-12-22"),
        ("بتاريخ 22-12-2017", "2017-12-22"),
        ("في ٢٢ ديسمبر ٢٠١٧", "2017-12-22"),
        ("في 3 آذار 2016", "2016-03-03"),
        ("في 3 اذار 2016", "2016-03-03"),
        ("في 9 أيلول 2016", "2016-09-09"),
        ("في 9 ايلول 2016", "2016-09-09"),
        ("في 4 تشرين الثاني 2016", "2016-11-04"),
        ("في 4 يونيه 2016", "2016-06-04"),
        ("في 4 إبريل 2016", "2016-04-04"),
        ("في 5 جويلية 2016", "2016-07-05"),
        ("في 5 أوت 2016", "2016-08-05"),
        ("السبت، 2 كانون الثاني 2016", "2016-01-02"),
    ],
)
def test_absolute_day(text: str, value: str) -> None:
    assert [(v, p) for _, v, p in found(text)] == [(value, "day")]


def test_proclitics_and_day_month_without_year() -> None:
    got = found("بـ22 أيار وفي 25 أيار", "2017-05-31")
    assert [v for _, v, _ in got] == ["2017-05-22", "2017-05-25"]
    assert got[0][0] == "22 أيار"
    # December publication: last May, not next May
    assert values("في 25 أيار") == ["2017-05-25"]
    # a near-future deadline stays in the publication year
    assert values("مهلة حتى 17 سبتمبر أيلول", "2015-08-01") == ["2015-09-17"]
    assert values("في 12 أغسطس المقبل", "2015-07-21") == ["2015-08-12"]


def test_month_and_year_precision() -> None:
    assert found("في سبتمبر/ايلول 2015") == [("سبتمبر/ايلول 2015", "2015-09", "month")]
    assert values("منذ مارس/اذار 2011") == ["2011-03"]
    assert found("واعتقل يونيو الماضي") == [("يونيو الماضي", "2017-06", "month")]
    assert found("نهاية 2017") == [("نهاية 2017", "2017", "year")]
    assert values("عام 2019 والعام 2020 وفي 2011 ومنذ 2012") == ["2019", "2020", "2011", "2012"]
    assert values("بين عامي 2004 و2012") == ["2004", "2012"]


def test_not_years() -> None:
    assert found("أكثر من 2000 شخص") == []
    assert found("في 2000 منزل") == []
    assert found("النسخة 2015 رقم 1000") == []


def test_weekdays() -> None:
    assert values("أعلنت روسيا الأحد", "2018-02-11") == ["2018-02-11"]  # same day allowed
    assert values("قال الخميس") == ["2017-12-07"]
    assert values("يوم الثلاثاء") == ["2017-12-05"]
    assert values("الخميس الماضي") == ["2017-11-30"]
    assert values("يوم الخميس الماضي") == ["2017-11-30"]
    assert values("الأحد المقبل") == ["2017-12-10"]
    assert values("الأحد القادم") == ["2017-12-10"]
    assert values("صلاة الجمعة") == ["2017-12-01"]
    assert values("اليوم الأربعاء", "2015-07-31") == ["2015-07-29"]
    assert values("ابتداء من يوم غد الاثنين", "2015-08-09") == ["2015-08-10"]
    assert values("غدا السبت", "2015-07-24") == ["2015-07-25"]
    assert values("أمس الخميس", "2015-07-24") == ["2015-07-23"]
    assert values("أحد المسؤولين") == []
    assert values("رفض الاثنين الآخرين النقل") == []


def test_relative_days() -> None:
    assert values("أمس") == ["2017-12-06"]
    assert values("امس") == ["2017-12-06"]
    assert values("البارحة") == ["2017-12-06"]
    assert values("أول أمس") == ["2017-12-05"]
    assert values("أول من أمس") == ["2017-12-05"]
    assert values("الليلة الماضية") == ["2017-12-06"]
    assert values("الليلة قبل الماضية") == ["2017-12-05"]
    assert values("غداً") == ["2017-12-08"]
    assert values("اليوم الأحد", "2018-02-11") == ["2018-02-11"]
    assert values("وقالت مصادر اليوم إن") == ["2017-12-07"]
    assert values("اليوم الوطني واليوم نفسه وعين اليوم") == []


def test_relative_months_years_and_ago() -> None:
    assert values("الشهر الجاري وهذا الشهر") == ["2017-12", "2017-12"]
    assert values("الشهر الماضي") == ["2017-11"]
    assert values("الشهر المقبل") == ["2018-01"]
    assert values("العام الماضي والسنة الماضية") == ["2016", "2016"]
    assert values("العام الجاري وهذا العام") == ["2017", "2017"]
    assert values("العام المقبل") == ["2018"]
    assert values("مطلع العام") == ["2017"]
    assert values("الأمين العام الحالي") == []
    assert found("منذ 3 أيام") == [("منذ 3 أيام", "2017-12-04", "day")]
    assert found("قبل أسبوع") == [("قبل أسبوع", "2017-11-30", "day")]
    assert found("قبل شهرين") == [("قبل شهرين", "2017-10", "month")]
    assert found("منذ أشهر") == []  # vague: not resolved


def test_impossible_dates_not_invented() -> None:
    for t in ("في 31 شباط 2017", "في 30 فبراير", "في 32 أيار", "29 شباط 2017", "31/02/2017"):
        assert found(t) == [], t
    assert values("29 شباط 2016") == ["2016-02-29"]


def test_hijri() -> None:
    pytest.importorskip("hijridate")
    assert values("15 رمضان 1436") == ["2015-07-02"]
    assert values("1436/9/15هـ") == ["2015-07-02"]
    assert values("15 رمضان", "2015-08-01") == ["2015-07-02"]
    assert values("30 رمضان 1436") == []  # Ramadan 1436 had 29 days (Umm al-Qura)
    assert values("عام 1436هـ") == []  # a Hijri year alone has no exact Gregorian value


def test_no_publication_date() -> None:
    assert found("أمس الأحد في 22 ديسمبر 2017 والشهر الماضي عام 2019", None) == [
        ("22 ديسمبر 2017", "2017-12-22", "day"), ("عام 2019", "2019", "year")]
    assert found("أمس", "not a date") == []


def test_robustness() -> None:
    assert find_dates("", PUB) == []
    assert find_dates("The meeting is on 22 December 2017.", PUB) == []
    long = "ب" * 10_000
    assert find_dates(long, PUB) == []
    assert find_dates("1" * 10_000, PUB) == []
    text = "قال الوزير أمس الأحد إن الاتفاق الذي وقع في 22 ديسمبر 2017 سيطبق العام المقبل. " * 20
    out = find_dates(text, PUB)
    assert len(out) == 60


def test_diacritics_keep_offsets() -> None:
    text = "وَصَلَ الوفدُ أَمْسِ الأَحَدِ"
    got = find_dates(text, "2018-02-12")
    assert [(d.value, text[d.start:d.end]) for d in got] == [("2018-02-11", "أَمْسِ الأَحَدِ")]


def test_resolve_sentence_date() -> None:
    text = "أعلنت روسيا الأحد أنها ستساعد منذ 2015. وفي سبتمبر 2015 بدأت."
    dates = find_dates(text, "2018-02-11")
    first = text.index(".") + 1
    assert resolve_sentence_date(dates, 0, first).value == "2018-02-11"
    assert resolve_sentence_date(dates, first, len(text)).value == "2015-09"
    assert resolve_sentence_date([], 0, 10) is None
    assert resolve_sentence_date([DateRef("x", 0, 1, "2015", "year")], 5, 9) is None


def test_pipeline_component() -> None:
    from marsad.annotate.pipeline import Pipeline

    doc = Pipeline(["dates"])(Document(text="قال الخميس", published=PUB))
    assert [d.value for d in doc.dates] == ["2017-12-07"]
