"""Countries: Arabic names, Wikidata ids and the adjective (nisba) forms that point at them.

Arabic news names a country far more often by adjective than by name (الجيش الروسي، الخارجية الأميركية،
المقاتلات التركية), so "which country does this word belong to" must be a dictionary lookup, not a guess.
The curated tables here cover the countries that matter for Middle East conflict news; `build.py` adds
the rest of the world from CLDR (babel) names with a generated nisba, and writes every form into the KB.
At run time `country_of_adjective` only consults the built table.
"""

from __future__ import annotations

from marsad.text.normalize import normalize, strip_proclitics

# Wikidata QIDs of countries we are sure of (alpha-3 → QID). Others are left without a QID.
COUNTRY_QID: dict[str, str] = {
    "RUS": "Q159", "USA": "Q30", "SYR": "Q858", "IRQ": "Q796", "IRN": "Q794", "TUR": "Q43", "SAU": "Q851",
    "LBN": "Q822", "ISR": "Q801", "JOR": "Q810", "EGY": "Q79", "LBY": "Q1016", "YEM": "Q805", "GBR": "Q145",
    "FRA": "Q142", "DEU": "Q183", "CHN": "Q148", "QAT": "Q846", "ARE": "Q878", "KWT": "Q817", "BHR": "Q398",
    "OMN": "Q842", "PSE": "Q219060", "AFG": "Q889", "PAK": "Q843", "SDN": "Q1049", "TUN": "Q948",
    "DZA": "Q262", "MAR": "Q1028", "ITA": "Q38", "ESP": "Q29", "JPN": "Q17", "IND": "Q668", "UKR": "Q212",
    "CAN": "Q16", "AUS": "Q408",
}

# Extra Arabic names beyond CLDR's (which gives one name per country), incl. formal and short forms.
EXTRA_NAMES: dict[str, list[str]] = {
    "SYR": ["سورية", "الجمهورية العربية السورية", "سوريه"],
    "RUS": ["روسيا الاتحادية", "الاتحاد الروسي"],
    "USA": ["الولايات المتحدة الأمريكية", "الولايات المتحدة الأميركية", "أمريكا", "أميركا"],
    "GBR": ["بريطانيا", "المملكة المتحدة", "بريطانيا العظمى"],
    "ARE": ["الإمارات", "دولة الإمارات", "دولة الإمارات العربية المتحدة"],
    "PSE": ["فلسطين", "دولة فلسطين", "الأراضي الفلسطينية"],
    "SAU": ["السعودية", "المملكة العربية السعودية", "المملكة السعودية"],
    "IRN": ["الجمهورية الإسلامية الإيرانية", "جمهورية إيران الإسلامية"],
    "TUR": ["تركية", "الجمهورية التركية"],
    "IRQ": ["جمهورية العراق"],
    "EGY": ["جمهورية مصر العربية"],
    "LBN": ["الجمهورية اللبنانية"],
    "JOR": ["المملكة الأردنية الهاشمية", "المملكة الأردنية"],
    "ISR": ["دولة إسرائيل"],
    "YEM": ["الجمهورية اليمنية"],
    "LBY": ["دولة ليبيا"],
    "DEU": ["المانيا"],
    "CZE": ["جمهورية التشيك", "التشيك"],
    "KOR": ["كوريا الجنوبية"],
    "PRK": ["كوريا الشمالية"],
    "COD": ["الكونغو الديمقراطية", "جمهورية الكونغو الديمقراطية"],
}

# Masculine singular nisba stems (without ال) per country; plural/feminine forms are generated.
ADJECTIVES: dict[str, list[str]] = {
    "RUS": ["روسي"], "USA": ["أمريكي", "أميركي"], "SYR": ["سوري"], "TUR": ["تركي"], "IRN": ["إيراني"],
    "IRQ": ["عراقي"], "SAU": ["سعودي"], "LBN": ["لبناني"], "ISR": ["إسرائيلي"], "JOR": ["أردني"],
    "EGY": ["مصري"], "LBY": ["ليبي"], "YEM": ["يمني"], "PSE": ["فلسطيني"], "QAT": ["قطري"],
    "ARE": ["إماراتي"], "KWT": ["كويتي"], "BHR": ["بحريني"], "OMN": ["عماني"], "GBR": ["بريطاني"],
    "FRA": ["فرنسي"], "DEU": ["ألماني"], "CHN": ["صيني"], "JPN": ["ياباني"], "ITA": ["إيطالي"],
    "ESP": ["إسباني"], "UKR": ["أوكراني"], "AFG": ["أفغاني"], "PAK": ["باكستاني"], "IND": ["هندي"],
    "SDN": ["سوداني"], "TUN": ["تونسي"], "DZA": ["جزائري"], "MAR": ["مغربي"], "CAN": ["كندي"],
    "AUS": ["أسترالي"], "GRC": ["يوناني"], "NLD": ["هولندي"], "BEL": ["بلجيكي"], "SWE": ["سويدي"],
    "NOR": ["نرويجي"], "DNK": ["دنماركي"], "AUT": ["نمساوي"], "CHE": ["سويسري"], "POL": ["بولندي"],
    "ARM": ["أرميني"], "AZE": ["أذربيجاني"], "KAZ": ["كازاخستاني"], "SOM": ["صومالي"], "ETH": ["إثيوبي"],
    "NGA": ["نيجيري"], "BRA": ["برازيلي"], "MEX": ["مكسيكي"], "VEN": ["فنزويلي"], "CUB": ["كوبي"],
    "IRL": ["إيرلندي", "أيرلندي"], "CYP": ["قبرصي"], "GEO": ["جورجي"], "BLR": ["بيلاروسي"], "SRB": ["صربي"],
    "MRT": ["موريتاني"], "ERI": ["إريتري"], "KOR": ["كوري جنوبي"], "PRK": ["كوري شمالي"],
    "IDN": ["إندونيسي"], "MYS": ["ماليزي"], "BGD": ["بنغلاديشي"], "UZB": ["أوزبكي"], "TJK": ["طاجيكي"],
    "TKM": ["تركماني"], "KGZ": ["قرغيزي"], "CHL": ["تشيلي"], "ARG": ["أرجنتيني"], "PRT": ["برتغالي"],
    "HUN": ["مجري"], "ROU": ["روماني"], "BGR": ["بلغاري"], "FIN": ["فنلندي"], "CZE": ["تشيكي"],
    "SSD": ["جنوب سوداني"], "TCD": ["تشادي"], "NER": ["نيجري"], "SEN": ["سنغالي"], "KEN": ["كيني"],
}

# Plurals not formed with -ون/-ين.
IRREGULAR_PLURALS: dict[str, list[str]] = {
    "RUS": ["الروس", "روس"], "USA": ["الأمريكان", "الأميركان", "أمريكان", "أميركان"],
    "TUR": ["الأتراك", "أتراك"], "DEU": ["الألمان", "ألمان"], "IND": ["الهنود", "هنود"],
    "GBR": ["الإنجليز", "الإنكليز", "البريطانيين"], "CHN": ["الصينيين"], "AFG": ["الأفغان", "أفغان"],
    "ARM": ["الأرمن", "أرمن"], "SRB": ["الصرب"], "FRA": ["الفرنسيين"],
}

# Generated nisba forms that collide with common words (مالي "financial", سامي "high").
NISBA_BLACKLIST = {"مالي", "سامي", "عربي", "ساموي", "توغي", "بيري", "غيني", "كوري", "جنوبي", "شمالي"}


def nisba_from_name(name: str) -> str | None:
    """A plausible masculine nisba for a one-word Arabic country name (روسيا → روسي, لبنان → لبناني).

    Used only for countries not in ADJECTIVES; wrong guesses are harmless strings unless they collide
    with a common word, which NISBA_BLACKLIST prevents.
    """
    n = name.strip()
    if " " in n or "-" in n or len(n) < 3:
        return None
    if n.startswith("ال"):
        n = n[2:]
    if n.endswith("يا") and len(n) > 4:
        stem = n[:-2] + "ي"
    elif n.endswith("ا"):
        stem = n[:-1] + "ي"
    elif n.endswith("ة"):
        stem = n[:-1] + "ي"
    elif n.endswith("ي"):
        return None
    else:
        stem = n + "ي"
    return None if stem in NISBA_BLACKLIST or len(stem) < 3 else stem


def adjective_forms(stem: str) -> list[str]:
    """Every inflected form of a nisba: masc/fem, sound plurals, with and without ال.

    For a two-word stem (كوري جنوبي) each word is inflected in agreement.
    """
    words = stem.split()
    suffixes = ["", "ة", "ون", "ين", "ات"]
    out: list[str] = []
    for suf in suffixes:
        for art in ("", "ال"):
            out.append(" ".join(art + w + suf for w in words))
    return out


def all_adjectives(countries_ar: dict[str, list[str]]) -> dict[str, str]:
    """Normalised adjective form → alpha-3, from the curated stems plus generated ones.

    `countries_ar` maps alpha-3 to the country's Arabic names (the first is CLDR's). Curated stems win
    over generated ones; a form claimed by two countries is dropped as ambiguous.
    """
    owner: dict[str, set[str]] = {}

    def add(form: str, iso3: str) -> None:
        owner.setdefault(normalize(form), set()).add(iso3)

    curated = set()
    for iso3, stems in ADJECTIVES.items():
        for st in stems:
            for f in adjective_forms(st):
                add(f, iso3)
                curated.add(normalize(f))
    for iso3, plurals in IRREGULAR_PLURALS.items():
        for p in plurals:
            add(p, iso3)
            curated.add(normalize(p))
    for iso3, names in sorted(countries_ar.items()):
        if iso3 in ADJECTIVES or not names:
            continue
        st = nisba_from_name(names[0])
        if st:
            for f in adjective_forms(st):
                if normalize(f) not in curated:
                    add(f, iso3)
    return {form: next(iter(isos)) for form, isos in sorted(owner.items()) if len(isos) == 1}


def country_of_adjective(word: str) -> str | None:
    """Alpha-3 code of the country a nationality adjective refers to (الروسي → RUS), else None.

    Proclitics are tolerated (والروسية، للأمريكيين). Backed by the built KB's adjective table.
    """
    from marsad.kb.store import get_kb

    table = get_kb().adjectives
    w = normalize(word.strip())
    if not w:
        return None
    if w in table:
        return table[w]
    for v in (strip_proclitics(w), w[1:] if len(w) > 3 and w[0] in "وفبكل" else ""):
        if v and v in table:
            return table[v]
    return None


def is_country_name(word: str) -> bool:
    """Whether a normalised word, with or without its article, is the name of a state (مصر، الكاميرون):
    what makes a «رئيس» the head of a state (رئيس الكاميرون) rather than of a body."""
    from marsad.kb.store import get_kb

    kb = get_kb()
    for key in (word, "ال" + word):
        if any(kb.entries[i].precision == "country" for i in kb.names.get(key, ())):
            return True
    return False


#: What «رئيس» heads when its holder is a head of state (رئيس الجمهورية), normalised without the article.
_STATE_WORDS = frozenset(("جمهوريه", "دوله", "سلطه", "بلاد"))


def names_a_state(word: str) -> bool:
    """Whether the normalised word after «رئيس» makes him a head of state: a nationality (الرئيس السوري),
    a state's name (رئيس الكاميرون) or the republic (رئيس الجمهورية); not رئيس الوزراء، رئيس البرلمان.
    With or without the article."""
    bare = word[2:] if word.startswith("ال") else word
    return bare in _STATE_WORDS or country_of_adjective(word) is not None or is_country_name(word)
