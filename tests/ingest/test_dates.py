"""The Arabic publication-date parser: both month systems, digits, and no invented dates."""

from __future__ import annotations

import pytest

from marsad.ingest.dates import date_line, find_published_date, iso_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("نشر في 7 ديسمبر 2017", "2017-12-07"),
        ("22 كانون الأول 2017", "2017-12-22"),
        ("22 كانون الاول 2017", "2017-12-22"),
        ("2017/12/07", "2017-12-07"),
        ("07/12/2017", "2017-12-07"),  # day first
        ("السبت 7 ديسمبر/كانون الأول 2017", "2017-12-07"),
        ("٧ ديسمبر ٢٠١٧", "2017-12-07"),
        ("١٥ آذار ٢٠١١", "2011-03-15"),
        ("3 ابريل 2016", "2016-04-03"),
        ("3 أبريل 2016", "2016-04-03"),
        ("30 يونيه 2014", "2014-06-30"),
        ("4 يوليه 2014", "2014-07-04"),
        ("1 شباط 2015", "2015-02-01"),
        ("9 أيار 2019", "2019-05-09"),
        ("9 ايار 2019", "2019-05-09"),
        ("1 آب 2014", "2014-08-01"),
        ("10 تشرين الثاني 2015", "2015-11-10"),
        ("2 كانون الثاني 2016", "2016-01-02"),
        ("5 أيلول 2013", "2013-09-05"),
        ("5 تشرين الأول 2013", "2013-10-05"),
        ("الموافق 10 اغسطس 2015 م", "2015-08-10"),
        ("29 شباط 2016", "2016-02-29"),  # a leap year: this one exists
    ],
)
def test_dates_found(text: str, expected: str) -> None:
    assert find_published_date(text) == expected


@pytest.mark.parametrize(
    "text",
    ["31 شباط", "31 شباط 2017", "29 شباط 2017", "31 نيسان 2018", "32 ديسمبر 2017", "2017/13/40",
     "في أيلول 2015", "قبل 7 أيام", "هزيمة التنظيم عام 2017", "1436 هـ", ""],
)
def test_no_date_invented(text: str) -> None:
    assert find_published_date(text) is None


def test_first_valid_date_wins() -> None:
    assert find_published_date("31 شباط 2017 ثم 1 آذار 2017 ثم 5 آذار 2017") == "2017-03-01"


def test_iso_date_fields() -> None:
    assert iso_date("2015-07-21 02:51:32") == "2015-07-21"
    assert iso_date("2017-12-07T10:00:00+03:00") == "2017-12-07"
    assert iso_date("Thu, 07 Dec 2017 10:00:00 GMT") == "2017-12-07"
    assert iso_date("7 ديسمبر 2017") == "2017-12-07"
    assert iso_date("2017-02-31") is None
    assert iso_date(None) is None and iso_date(20171207) is None


def test_date_line() -> None:
    assert date_line("الخميس 7 ديسمبر 2017 - 10:30 م") == "2017-12-07"
    assert date_line("2017-12-07") == "2017-12-07"
    assert date_line("قال الوزير في 7 ديسمبر 2017") is None
