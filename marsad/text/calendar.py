"""The Arabic calendar vocabulary, in one place for every date reader (publication dates, date mentions).

Arabic news writes months in three naming systems (Egyptian/Gulf يناير…, Levantine/Iraqi كانون الثاني…,
Maghrebi جانفي/يوليوز…), often two at once, and Hijri months beside them. Keys are in shadow spelling
(`marsad.text.normalize`: alef and hamza forms unified, ة→ه, ى→ي), which is how both readers match them.
"""

from __future__ import annotations

MONTHS: dict[str, int] = {
    # Egyptian / Gulf
    "يناير": 1, "فبراير": 2, "مارس": 3, "ابريل": 4, "مايو": 5, "يونيو": 6, "يونيه": 6, "يوليو": 7,
    "يوليه": 7, "اغسطس": 8, "سبتمبر": 9, "اكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
    # Levantine / Iraqi
    "كانون الثاني": 1, "شباط": 2, "اذار": 3, "نيسان": 4, "ايار": 5, "حزيران": 6, "تموز": 7, "اب": 8,
    "ايلول": 9, "تشرين الاول": 10, "تشرين الثاني": 11, "كانون الاول": 12,
    # Maghrebi (Algeria/Tunisia; Morocco)
    "جانفي": 1, "فيفري": 2, "افريل": 4, "ماي": 5, "جوان": 6, "جويليه": 7, "اوت": 8,
    "يوليوز": 7, "غشت": 8, "شتنبر": 9, "نونبر": 11, "دجنبر": 12,
}
#: Variants without the article that headlines and datelines use (كانون ثاني).
MONTH_VARIANTS: dict[str, int] = {"كانون ثاني": 1, "تشرين اول": 10, "تشرين ثاني": 11, "كانون اول": 12}

#: Month names that are also everyday words (ماي "my", أب "father", مارس "practised", نيسان, جوان):
#: without a day or a year they count as months only with more evidence.
AMBIGUOUS_MONTHS = frozenset({"ماي", "اب", "مارس", "نيسان", "جوان", "اوت"})

HIJRI_MONTHS: dict[str, int] = {
    "محرم": 1, "صفر": 2, "ربيع الاول": 3, "ربيع الثاني": 4, "ربيع الاخر": 4, "جمادي الاولي": 5,
    "جمادي الاول": 5, "جمادي الاخره": 6, "جمادي الثانيه": 6, "جمادي الاخر": 6, "رجب": 7, "شعبان": 8,
    "رمضان": 9, "شوال": 10, "ذو القعده": 11, "ذي القعده": 11, "ذو الحجه": 12, "ذي الحجه": 12,
}

WEEKDAYS: dict[str, int] = {  # date.weekday(): Monday = 0
    "الاثنين": 0, "الثلاثاء": 1, "الاربعاء": 2, "الخميس": 3, "الجمعه": 4, "السبت": 5, "الاحد": 6,
}
