"""Capitals and state nouns that stand for the state: «اتهمت واشنطن», «سفارة موسكو», «الدولة التركية».

News names a state by its capital when the state acts, speaks or owns («ورحبت أنقرة», «تدريب واشنطن
لمقاتلي المعارضة», «بسفارة موسكو لدى مالي»), and by a state noun with its nationality («صراع الدولة
التركية مع داعش»). Such a mention is the country, not the city: it joins the country's entity (created
from the KB when the article never names the country itself). A capital stays the city where the text
places something in it, and without evidence of agency: a capital is the state only as the subject of a
state's verb right before or after it (رحبت أنقرة، موسكو تدعو) or as the possessor of a state's noun
(سفارة موسكو، موقف باريس), never after a proclitic preposition (بموسكو).
"""

from __future__ import annotations

from bisect import bisect_right

from marsad.document import Entity, Span
from marsad.kb.countries import country_of_adjective
from marsad.kb.store import get_kb
from marsad.kb.titles import token_gaps
from marsad.kb.tokens import norm_key, norm_tokens, skip_letters, tokens_where
from marsad.text.normalize import normalize

#: Capitals (Arabic spellings) → ISO 3166 alpha-3 of the state they stand for.
CAPITALS: dict[str, str] = {normalize(k): v for k, v in {
    "واشنطن": "USA", "موسكو": "RUS", "بكين": "CHN", "لندن": "GBR", "باريس": "FRA", "برلين": "DEU",
    "طهران": "IRN", "أنقرة": "TUR", "دمشق": "SYR", "بغداد": "IRQ", "الرياض": "SAU", "القاهرة": "EGY",
    "عمان": "JOR", "بيروت": "LBN", "الدوحة": "QAT", "أبوظبي": "ARE", "أبو ظبي": "ARE", "الكويت": "KWT",
    "المنامة": "BHR", "مسقط": "OMN", "صنعاء": "YEM", "الخرطوم": "SDN", "طرابلس": "LBY", "تونس": "TUN",
    "الجزائر": "DZA", "الرباط": "MAR", "نواكشوط": "MRT", "تل أبيب": "ISR", "كابول": "AFG",
    "إسلام آباد": "PAK", "إسلام اباد": "PAK", "نيودلهي": "IND", "طوكيو": "JPN", "سيول": "KOR",
    "بيونغ يانغ": "PRK", "بيونغيانغ": "PRK", "كييف": "UKR", "روما": "ITA", "مدريد": "ESP", "أثينا": "GRC",
    "أوتاوا": "CAN", "كانبيرا": "AUS", "برازيليا": "BRA", "بروكسل": "BEL", "لاهاي": "NLD", "وارسو": "POL",
    "ستوكهولم": "SWE", "أوسلو": "NOR", "كوبنهاغن": "DNK", "فيينا": "AUT", "برن": "CHE", "باكو": "AZE",
    "يريفان": "ARM", "تبليسي": "GEO", "نجامينا": "TCD", "باماكو": "MLI", "نيامي": "NER", "أبوجا": "NGA",
    "مقديشو": "SOM", "أديس أبابا": "ETH", "نيروبي": "KEN", "جوبا": "SSD", "أسمرة": "ERI", "كاراكاس": "VEN",
    "هافانا": "CUB", "مينسك": "BLR", "طشقند": "UZB", "دكا": "BGD", "جاكرتا": "IDN", "كوالالمبور": "MYS",
    "مانيلا": "PHL", "بانكوك": "THA", "هانوي": "VNM",
}.items()}
_CAPITAL_MAX_WORDS = 2
_STEMS = (  # verbs a state is the subject of: (perfect 3rd person masculine, imperfect without its prefix)
    ("قال", "قول"), ("أعلن", "علن"), ("أكد", "ؤكد"), ("نفى", "نفي"), ("اتهم", "تهم"), ("رحب", "رحب"),
    ("قرر", "قرر"), ("منع", "منع"), ("فرض", "فرض"), ("أرسل", "رسل"), ("سحب", "سحب"), ("استدعى", "ستدعي"),
    ("دعم", "دعم"), ("طلب", "طلب"), ("رفض", "رفض"), ("وافق", "وافق"), ("هدد", "هدد"), ("حذر", "حذر"),
    ("دعا", "دعو"), ("طالب", "طالب"), ("أدان", "دين"), ("ندد", "ندد"), ("ذكر", "ذكر"), ("أوضح", "وضح"),
    ("أبلغ", "بلغ"), ("سارع", "سارع"), ("لاحظ", "لاحظ"), ("اعتبر", "عتبر"), ("رأى", "رى"), ("سعى", "سعى"),
    ("حاول", "حاول"), ("أراد", "ريد"), ("رغب", "رغب"), ("خشي", "خشى"), ("اتخذ", "تخذ"), ("هاجم", "هاجم"),
    ("وقع", "وقع"), ("علق", "علق"), ("جمد", "جمد"), ("قطع", "قطع"), ("أوقف", "وقف"), ("تراجع", "تراجع"),
    ("رد", "رد"), ("أبدى", "بدي"), ("عبر", "عبر"), ("أعرب", "عرب"), ("شن", "شن"), ("قصف", "قصف"),
    ("استهدف", "ستهدف"), ("أيد", "ؤيد"), ("عارض", "عارض"), ("انتقد", "نتقد"), ("تعهد", "تعهد"),
    ("هددت", "هدد"), ("نشر", "نشر"), ("أطلق", "طلق"), ("استأنف", "ستأنف"), ("علقت", "علق"),
)
_PAST = {"نفى": "نفت", "رأى": "رأت", "سعى": "سعت", "دعا": "دعت", "استدعى": "استدعت", "أبدى": "أبدت",
         "خشي": "خشيت", "هددت": "هددت", "علقت": "علقت"}
#: A state's own verbs, feminine singular (places are feminine): «رحبت أنقرة», «موسكو تدعو».
STATE_VERBS = frozenset(normalize(f) for lemma, stem in _STEMS
                        for f in (_PAST.get(lemma, lemma + "ت"), "ت" + stem))
#: Nouns whose possessor a capital is as the state (سفارة موسكو، موقف باريس، تدريب واشنطن).
STATE_OWNED = frozenset(normalize(w) for w in (
    "سفارة", "سفير", "قرار", "موقف", "مواقف", "سياسة", "سياسات", "دعم", "تدريب", "ترحيب", "إعلان", "خطوة",
    "رد", "تهديد", "تهديدات", "جهود", "رفض", "قلق", "إدانة", "اتهام", "اتهامات", "حلفاء", "مبعوث",
    "وفد", "مطالبة", "مطالب", "مساعدات", "عقوبات", "ضغوط", "تحذير", "طلب", "دبلوماسية", "تعهد", "استراتيجية",
    "مخاوف", "رغبة", "اعتراف", "وساطة", "مبادرة", "غارات", "ضربات", "تصريحات", "حرص", "إصرار",
))
#: State nouns that with a nationality adjective name the state (الدولة التركية، الجمهورية الفرنسية).
_STATE_NOUNS = frozenset(normalize(w) for w in ("الدولة", "الجمهورية", "المملكة", "الإمارة", "السلطنة"))


def capitals_as_states(text: str, entities: list[Entity]) -> list[Entity]:
    """`entities` with capitals used for their state, and state nouns with a nationality, moved to (or
    added as mentions of) the country's entity."""
    toks = norm_tokens(text)
    if not toks:
        return entities
    gaps = token_gaps(text)
    tstarts = [s for s, _e, _w in toks]
    by_country = {e.country: e for e in entities if e.type == "GPE" and is_country(e)}
    out = list(entities)
    for e in entities:
        if e.type not in ("GPE", "LOC") or is_country(e):
            continue
        keep = []
        for m in e.mentions:
            iso = CAPITALS.get(norm_key(m.text))  # not norm_tokens: its small cache holds the article
            i = bisect_right(tstarts, m.start) - 1
            if iso is None or e.country != iso or i < 0 or not _stands_for_state(text, toks, gaps, i, m):
                keep.append(m)
                continue
            country_entity(iso, by_country, out).mentions.append(m)
        if len(keep) != len(e.mentions):
            e.mentions = keep
    _state_nouns(text, toks, gaps, by_country, out)
    out = [e for e in out if e.mentions]
    for e in out:
        e.mentions.sort(key=lambda m: m.start)
    out.sort(key=lambda e: e.mentions[0].start)
    return out


def is_country(e: Entity) -> bool:
    """Whether an entity is a country of the KB (not a city or region of it)."""
    entry = get_kb().by_id.get(e.id)
    return entry is not None and entry.precision == "country"


def country_entity(iso: str, by_country: dict[str | None, Entity], out: list[Entity]) -> Entity:
    """The article's entity for country `iso`, created from the KB (and added to `out`) if it has none."""
    ent = by_country.get(iso)
    if ent is None:
        entry = get_kb().country_entry[iso]
        ent = Entity(id=entry.id, name=entry.name, type="GPE", mentions=[], name_en=entry.name_en,
                     wikidata=entry.wikidata, country=iso, sector=entry.sector, lat=entry.lat, lon=entry.lon,
                     precision=entry.precision)
        by_country[iso] = ent
        out.append(ent)
    return ent


def _stands_for_state(text: str, toks: tuple[tuple[int, int, str], ...], gaps: tuple[str, ...], i: int,
                      m: Span) -> bool:
    """Whether the capital at token i acts as the state: the subject of a state's verb just before or
    after it, or the possessor of a state's noun (سفارة موسكو). Without such evidence it is the city
    (عقارات لندن، فنادق بيروت، بين واشنطن ونيويورك)."""
    if any(c in "بلك" for c in normalize(text[toks[i][0]:m.start])):
        return False  # بموسكو، لواشنطن: a proclitic preposition
    if i > 0 and not gaps[i - 1]:
        prev = toks[i - 1][2]
        bare = prev[1:] if prev[:1] in "وف" and len(prev) > 3 else prev
        if prev in STATE_VERBS or bare in STATE_VERBS:
            return True
        if prev in STATE_OWNED or bare in STATE_OWNED or (bare[:1] == "ب" and bare[1:] in STATE_OWNED):
            return True
    j = i + len(norm_key(m.text).split(" "))
    return j < len(toks) and not gaps[j - 1] and toks[j][2] in STATE_VERBS and (i == 0 or bool(gaps[i - 1])
                                                                           or toks[i - 1][2] in _OPENERS)


_STATE_FORMS = _STATE_NOUNS | {c + w for c in "وفبل" for w in _STATE_NOUNS}
_OPENERS = frozenset(normalize(w) for w in ("و", "ف", "إن", "أن", "لكن", "ولكن", "بينما", "فيما", "حيث", "إذ"))


def _state_nouns(text: str, toks: tuple[tuple[int, int, str], ...], gaps: tuple[str, ...],
                 by_country: dict[str | None, Entity], out: list[Entity]) -> None:
    """«الدولة التركية»: a state noun and a feminine nationality adjective (not «رئيس الجمهورية العراقي»,
    where the adjective is the president's), free of other mentions, is the state."""
    taken = sorted((m.start, m.end) for e in out for m in e.mentions)
    for i in tokens_where(text, _STATE_FORMS, bool):  # a state noun, or one after a proclitic letter
        w = toks[i][2]
        bare = w[1:] if w[:1] in "وفبل" and w[1:] in _STATE_NOUNS else w
        if i + 1 >= len(toks) or bare not in _STATE_NOUNS or gaps[i]:
            continue
        adj = toks[i + 1][2]
        iso = country_of_adjective(adj) if adj.endswith("يه") else None  # agrees with the feminine noun
        if iso is None or iso not in get_kb().country_entry:
            continue
        start = skip_letters(text, toks[i][0], len(w) - len(bare)) if bare != w else toks[i][0]
        end = toks[i + 1][1]
        if any(s < end and start < e for s, e in taken):
            continue
        country_entity(iso, by_country, out).mentions.append(Span(start, end, text[start:end]))
