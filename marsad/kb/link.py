"""Entity linking: tagger mentions → one `Entity` per real-world entity, with KB facts attached.

Steps, each cheap (dict lookups on normalised names): resolve every mention against the KB (proclitics
tolerated), collect the countries the document evokes, pick among same-named candidates with that
context (طرابلس next to لبنان is Lebanon's), then group what the KB does not know by in-document
coreference (surnames, one-letter misspellings, titles, metonymic adjectives). Unknown entities get an id
hashed from their normalised name, so the same name gets the same id in every document and run.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from rapidfuzz import process
from rapidfuzz.distance import Indel

from marsad.document import Entity, Span
from marsad.kb.clitic_places import cut_outranks, held_whole
from marsad.kb.common_words import is_first_name, zipf
from marsad.kb.coref import (
    affix_variant,
    extension_groups,
    first_same_name,
    partial_name_groups,
    resolve_title,
    token_fuzzy_equal,
)
from marsad.kb.geocode import choose_place
from marsad.kb.ids import unknown_id
from marsad.kb.name_starts import match_starts, two_word_starts
from marsad.kb.place_gate import (
    commonness,
    continues_list,
    evidence_for,
    is_cue,
    is_generic_place,
    place_ok,
    words_of,
)
from marsad.kb.store import KBEntry, get_kb
from marsad.kb.titles import TITLE_HEADS, token_gaps
from marsad.kb.tokens import clitic_variants, norm_key, norm_tokens, other_abd_spelling, skip_letters
from marsad.text.normalize import normalize, strip_proclitics

NER_TO_TYPES: dict[str, tuple[str, ...]] = {
    "PERS": ("PER",), "PER": ("PER",), "ORG": ("ORG",), "LOC": ("GPE", "LOC", "FAC"),
    "GPE": ("GPE", "LOC", "FAC"), "FAC": ("FAC", "LOC", "GPE"), "MISC": (),
}
UNKNOWN_TYPE = {"PERS": "PER", "PER": "PER", "ORG": "ORG", "LOC": "GPE", "GPE": "GPE", "FAC": "FAC", "MISC": "MISC"}

# Heads of "<noun> <nationality adjective>" phrases that stand for the state itself (المقاتلات التركية).
METONYMY_HEADS = {normalize(w) for w in (
    "المقاتلات", "الطائرات", "القوات", "الطيران", "البوارج", "السفن", "الدبابات", "المدفعية", "الحكومة",
    "السلطات", "الدولة", "الادارة", "القيادة", "الرئاسة", "الدبلوماسية", "البحرية", "الجانب", "الوفد",
    "المدمرات", "القاذفات", "المروحيات", "الغارات", "الصواريخ", "الاراضي", "السماء", "الحدود",
)}
FUZZY_KB_CUTOFF = 92.0
_PLACE_NER = {"LOC", "GPE", "FAC"}
_TOWN_RANK = 60.0  # KB rank of a town of ~10,000 people


def lookup(name: str) -> list[KBEntry]:
    """KB entities a name may denote, best first (`وزارة الدفاع الروسية`, `موسكو`, `ولافروف`).

    Exact normalised name first, then the name with proclitics cut from its first word, then a
    conservative fuzzy match against curated actors, then metonymy (`المقاتلات التركية` → Turkey).
    """
    key = norm_key(name)
    if not key:
        return []
    cands, _cut = _resolve_key(key.split(" "))
    if cands:
        return cands
    fz = _fuzzy_kb(key, ())
    if fz:
        return [fz]
    met = _metonymy(key.split(" "))
    return [met] if met else []


def _resolve_key(words: list[str], cued: bool = False) -> tuple[list[KBEntry], int]:
    """KB candidates of a name and the letters cut from its first word to find them; `cued`: a place cue
    stands right before it (مدينة وجدة: the word is the place's name whole)."""
    kb = get_kb()
    rest = words[1:]
    readings = clitic_variants(words[0])
    if not rest and not cued and cut_outranks(words[0]):
        readings = readings[1:] + readings[:1]
    for v, cut in readings:
        k = " ".join([v, *rest])
        c = kb.candidates(k)
        if c:
            return c, cut
    other = other_abd_spelling(words)
    if other is not None:
        c = kb.candidates(" ".join(other))
        if c:
            return c, 0
    return [], 0


def _fuzzy_kb(key: str, types: tuple[str, ...]) -> KBEntry | None:
    """A curated person/organisation whose name is one or two letters off (لافروڤ، شويغوو)."""
    kb = get_kb()
    if len(key) < 6:
        return None
    pool = [k for n in (len(key) - 1, len(key), len(key) + 1) for k in kb.fuzzy_buckets.get(n, ())]
    if not pool:
        return None
    hit = process.extractOne(key, pool, scorer=Indel.normalized_similarity, score_cutoff=FUZZY_KB_CUTOFF / 100)
    if not hit or affix_variant(key, hit[0]):
        return None  # (سليمان is not a typo of سليماني)
    if not token_fuzzy_equal(key.split(" "), hit[0].split(" ")) and " " in key:
        return None
    for c in kb.candidates(hit[0]):
        if c.source == "core" and (not types or c.type in types):
            return c
    return None


def _metonymy(words: list[str]) -> KBEntry | None:
    """`التركية` or `المقاتلات التركية` → Turkey; only for state-like heads, never `المعارضة التركية`."""
    kb = get_kb()
    if not words or len(words) > 3:
        return None
    adj = kb.adjectives.get(words[-1])
    if adj is None:
        for v, _c in clitic_variants(words[-1])[1:]:
            adj = kb.adjectives.get(v)
            if adj:
                break
    if adj is None:
        return None
    if len(words) > 1:
        head = words[0]
        heads = {v for v, _c in clitic_variants(head)}
        if not heads & METONYMY_HEADS:
            return None
    return kb.country_entry.get(adj)


def _type_ok(c: KBEntry, ner: str) -> bool:
    allowed = NER_TO_TYPES.get(ner, ())
    return not allowed or c.type in allowed


@dataclass
class _Mention:
    start: int
    end: int
    ner: str
    words: list[str]
    cands: list[KBEntry] = field(default_factory=list)
    entry: KBEntry | None = None
    group: str | None = None  # entity key after resolution
    sentence: int = -1


def _sentence_of(pos: int, sentences: Sequence[tuple[int, int]] | None) -> int:
    if not sentences:
        return -1
    for i, (s, e) in enumerate(sentences):
        if s <= pos < e:
            return i
    return -1


def _choose(m: _Mention, ctx: dict[str, float], sent_ctx: dict[int, Counter[str]]) -> KBEntry | None:
    cands = [c for c in m.cands if _type_ok(c, m.ner)] or (m.cands if m.ner in ("ORG", "MISC") else [])
    if not cands:
        return None
    if len({(c.type, c.country) for c in cands}) == 1 or not any(c.is_place for c in cands):
        return min(cands, key=lambda c: (0 if c.source == "core" else 1, c.idx))
    local = dict(ctx)
    for k, v in sent_ctx.get(m.sentence, Counter()).items():
        local[k] = local.get(k, 0.0) + 2.0 * v
    places = [c for c in cands if c.is_place]
    core = [c for c in cands if c.source == "core" and not c.is_place]
    if core and m.ner in ("ORG", "MISC"):
        return core[0]
    return choose_place(places, local) or cands[0]


def link_mentions(text: str, mentions: list[tuple[int, int, str]],
                  sentences: list[tuple[int, int]] | None = None) -> list[Entity]:
    """Group tagger mentions into entities and attach KB facts (see module doc).

    `mentions` are (start, end, ner_type) with ner_type PERS/LOC/ORG/MISC (PER/GPE/FAC accepted too),
    offsets into `text`, end-exclusive. Returns entities in order of first mention; each mention span is
    trimmed of a proclitic that was needed to recognise the name (ولافروف → لافروف).
    """
    ms = _read_mentions(text, mentions, sentences)
    ctx, sent_ctx = _country_context(ms)
    groups = _Groups()
    unresolved: list[_Mention] = []
    for m in ms:
        m.entry = _choose(m, dict(ctx), sent_ctx) if m.cands else None
        if m.entry is None:
            fz = _fuzzy_kb(" ".join(m.words), NER_TO_TYPES.get(m.ner, ()))
            if fz is not None:
                m.entry = fz
        if m.entry is not None:
            groups.add(m.entry.id, m, {"entry": m.entry, "mentions": []})
        else:
            unresolved.append(m)
    _group_unknown(text, ms, unresolved, groups)
    return _materialise(text, groups.info, groups.order)


def _read_mentions(text: str, mentions: list[tuple[int, int, str]],
                   sentences: list[tuple[int, int]] | None) -> list[_Mention]:
    """The valid mentions in text order, as normalised words with their KB candidates.

    A mention found only with a proclitic cut (ولافروف) starts after the clitic, and its first word is
    the reading that matched.
    """
    ms: list[_Mention] = []
    all_toks = norm_tokens(text) if mentions else []  # tokenise once; mentions slice into it
    starts = [t[0] for t in all_toks]
    surnames: set[str] | None = None  # the surnames of the document's persons
    for s, e, ner in sorted(mentions, key=lambda x: (x[0], -x[1])):
        if not (0 <= s < e <= len(text)):
            continue
        i = bisect_left(starts, s)
        j = bisect_left(starts, e)
        toks = all_toks[i:j]
        if not toks or toks[-1][1] > e or (i > 0 and all_toks[i - 1][1] > s):
            toks = [(a + s, b + s, w) for a, b, w in norm_tokens(text[s:e])]  # a span cutting a word
        if not toks:
            continue
        words = [w for _a, _b, w in toks]
        m = _Mention(toks[0][0], toks[-1][1], (ner or "MISC").upper(), words,
                     sentence=_sentence_of(s, sentences))
        whole = m.ner not in ("GPE", "LOC", "FAC") or (i > 0 and held_whole(all_toks[i - 1][2]))
        cands, cut = _resolve_key(words, whole)
        if cut and len(words) == 1:
            if surnames is None:
                surnames = _person_surnames(all_toks, starts, mentions)
            if words[0] in surnames:
                cands, cut = [], 0  # «خالد بحاح» … «وأشاد بحاح»: the letter is the name's, not a clitic
        if cands:
            m.cands = cands
            if cut:
                m.start = skip_letters(text, m.start, cut)
                m.words = [clitic_variants(words[0])[0][0]] + words[1:]
                for v, k in clitic_variants(words[0]):
                    if k == cut:
                        m.words = [v, *words[1:]]
                        break
        at = i if i < len(all_toks) and all_toks[i][0] == toks[0][0] else -1
        if _place_evidence_ok(text, m, words[0], text[toks[0][0]:toks[0][1]], at):
            ms.append(m)
    return ms


def _person_surnames(all_toks: Sequence[tuple[int, int, str]], starts: list[int],
                 mentions: list[tuple[int, int, str]]) -> set[str]:
    """The surnames of the document's persons (the last word of a person mention of two or more words):
    a later lone occurrence is that person's name even where cutting a proclitic reads another name."""
    out: set[str] = set()
    for s, e, t in mentions:
        if t.upper() not in ("PERS", "PER"):
            continue
        i = bisect_left(starts, s)
        j = bisect_left(starts, e)
        if j - i >= 2:
            out.add(all_toks[j - 1][2])
    return out


def _place_evidence_ok(text: str, m: _Mention, token: str, raw: str, i: int) -> bool:
    """Gate a tagger mention's place reading on evidence (`place_gate`); False drops the mention.

    `token` is the mention's first word normalised, `raw` as written, `i` its index in the text's
    tokens (-1 when the span cuts a word).
    A lone place noun tagged as a place (ريف، للمدينة) is no name. A one-word gazetteer name that is
    also a common word keeps its place candidates only with evidence; the tagger's place tag is
    evidence for a fairly common word only. A place-tagged mention left without a place is dropped,
    another keeps its tagger type, unlinked. Dictionary matches (types GPE/FAC) were gated already.
    """
    if m.ner in ("GPE", "FAC"):
        return True
    is_place_tag = m.ner in _PLACE_NER
    if is_place_tag and is_generic_place(m.words):
        return False
    if not any(c.is_place for c in m.cands):
        return True
    level = commonness(" ".join(m.words), token, m.cands, raw)
    if level is None:
        return True
    if not is_place_tag and max(c.rank for c in m.cands if c.is_place) < _TOWN_RANK:
        level = max(level, 1)  # the tagger read a person or a body: a village of that name needs a cue
    ev = evidence_for(text)
    cue = ev.announced(i, m.words[0]) if i >= 0 else 0
    if place_ok(level, cue, i >= 0 and ev.verbal[i], is_place_tag):
        return True
    m.cands = [c for c in m.cands if not c.is_place]
    return not is_place_tag or any(_type_ok(c, m.ner) for c in m.cands)


def _country_context(ms: list[_Mention]) -> tuple[Counter[str], dict[int, Counter[str]]]:
    """Countries evoked by unambiguous mentions, in the document and per sentence.

    The context for choosing among same-named places (a country name counts double).
    """
    ctx: Counter[str] = Counter()
    sent_ctx: dict[int, Counter[str]] = defaultdict(Counter)
    for m in ms:
        good = [c for c in m.cands if _type_ok(c, m.ner)] or m.cands
        if not good:
            continue
        countries = {c.country for c in good if c.country}
        if good[0].precision == "country" or good[0].source == "core":
            iso = good[0].country  # a country name, or a curated actor: unambiguous by construction
        else:
            iso = next(iter(countries)) if len(countries) == 1 else None
        if iso:
            w = 2.0 if good[0].precision == "country" else 1.0
            ctx[iso] += w
            sent_ctx[m.sentence][iso] += w
    return ctx, sent_ctx


class _Groups:
    """The entities being built: key → {"entry": KBEntry} or {"type": str}, plus "mentions", in order."""

    def __init__(self) -> None:
        self.info: dict[str, dict] = {}
        self.order: list[str] = []

    def add(self, key: str, m: _Mention, info: dict) -> None:
        if key not in self.info:
            self.info[key] = info
            self.order.append(key)
        self.info[key]["mentions"].append(m)
        m.group = key


def _group_unknown(text: str, ms: list[_Mention], unresolved: list[_Mention], groups: _Groups) -> None:
    """In-document coreference for what the KB does not know, in text order.

    A mention joins the first earlier name it equals (exactly or fuzzily), else the one longer person
    name it is part of, else a metonymic state, else the antecedent of a title, else a new unknown entity.
    """
    info = groups.info
    # (words, group key) of resolved PER-like mentions, each pair once: a repeat never matches first
    resolved: dict[tuple[tuple[str, ...], str], None] = {}
    for m in ms:
        if m.group is not None:
            resolved[(tuple(m.words), m.group)] = None
    for key in groups.order:  # a known person's KB name, whatever the text called him so far
        entry = info[key].get("entry")
        if entry is not None and entry.type == "PER":
            resolved[(tuple(norm_key(entry.name).split(" ")), key)] = None
    resolved_names = list(resolved)
    persons = [(u, tuple(u.words), unknown_id(" ".join(u.words))) for u in unresolved if u.ner in ("PERS", "PER")]
    pending: dict[str, tuple[str, ...]] = {}  # unknown group → its longest word list
    for m in unresolved:
        ws = tuple(m.words)
        # same name already seen (exact, fuzzy or as a longer name), among KB-linked and unknown entities
        pool = resolved_names + [(w, g) for g, w in pending.items()]
        key = first_same_name(ws, pool)
        if key is None and m.ner in ("PERS", "PER", "MISC"):
            key = _extended_name(ws, pool, info)
        if key is None and m.ner in ("PERS", "PER", "MISC"):
            # longer unknown names anywhere in the document too (a surname may come before the full name)
            later = [(w, g) for u, w, g in persons if u is not m and len(w) > len(ws)]
            longer = {g for g in partial_name_groups(ws, pool + later) if info.get(g, {}).get("type", "PER") == "PER"
                      and (g not in info or "entry" not in info[g] or info[g]["entry"].type == "PER")}
            if len(longer) == 1:
                key = next(iter(longer))
        if key is None:
            met = _metonymy(ws)
            if met is not None:
                key = met.id
                if key not in info:
                    groups.add(key, m, {"entry": met, "mentions": []})
                    continue
        if key is None and m.ner not in _PLACE_NER and _may_be_title(ws):
            ents_so_far = _materialise(text, info, groups.order)
            ant = resolve_title(text, m.start, m.end, ents_so_far)
            if ant is not None:
                key = ant.id
        if key is None:
            key = unknown_id(" ".join(ws))
            if key not in info:
                groups.add(key, m, {"mentions": [], "type": UNKNOWN_TYPE.get(m.ner, "MISC")})
                pending[key] = ws
                continue
        if key not in info:  # a longer unknown name found later in the text: create it now
            groups.add(key, m, {"mentions": [], "type": UNKNOWN_TYPE.get(m.ner, "MISC")})
            longer_words = [tuple(u.words) for u in unresolved if unknown_id(" ".join(u.words)) == key]
            pending[key] = longer_words[0] if longer_words else ws
        else:
            groups.add(key, m, info[key])
        if key in pending and len(ws) > len(pending[key]):
            pending[key] = ws


def _extended_name(ws: tuple[str, ...], pool: list[tuple[tuple[str, ...], str]], info: dict[str, dict]) -> str | None:
    """The one person whose name this longer name extends with lineage or family (سلمان بن عبدالعزيز آل
    سعود → سلمان بن عبد العزيز), if exactly one."""
    keys = {g for g in extension_groups(ws, pool) if info.get(g, {}).get("type", "PER") == "PER"
            and ("entry" not in info.get(g, {}) or info[g]["entry"].type == "PER")}
    return next(iter(keys)) if len(keys) == 1 else None


def _may_be_title(ws: list[str]) -> bool:
    """Whether a mention can be a title standing for someone named earlier (الوزير الروسي، المتحدث).

    A title starts with a definite noun or an office noun; a personal name starts with a first name
    or another bare word (محمد الشبانات، ريك سانتروم), and must never join a person it shares a word with.
    """
    first = strip_proclitics(ws[0])
    if is_first_name(first):
        return False
    return first.startswith("ال") or first in TITLE_HEADS



def _materialise(text: str, groups: dict[str, dict], order: list[str]) -> list[Entity]:
    out = []
    for key in order:
        g = groups[key]
        spans = sorted({(m.start, m.end) for m in g["mentions"]})
        mentions = [Span(s, e, text[s:e]) for s, e in spans]
        entry: KBEntry | None = g.get("entry")
        if entry is not None:
            ent = Entity(id=entry.id, name=entry.name, type=entry.type, mentions=mentions, name_en=entry.name_en,
                         wikidata=entry.wikidata, country=entry.country, sector=entry.sector)
            if entry.is_place:
                ent.lat, ent.lon, ent.precision = entry.lat, entry.lon, entry.precision
        else:
            longest = max(g["mentions"], key=lambda m: (len(m.words), m.end - m.start, -m.start))
            name = text[longest.start:longest.end]
            ent = Entity(id=key, name=name, type=g.get("type", "MISC"), mentions=mentions)
        out.append(ent)
    out.sort(key=lambda e: e.mentions[0].start if e.mentions else 0)
    return out


def find_known_mentions(text: str, tagged: Sequence[tuple[int, int, str]] = ()) -> list[tuple[int, int, str, str]]:
    """Dictionary matches of curated actors and safe place names in raw text: (start, end, type, id).

    Longest match on normalised words, proclitics tolerated (بموسكو، وداعش، للتحالف الدولي). Only names
    the build judged safe are used (curated aliases, and place names that are not common words); a
    common-word place name still matches right after مدينة/بلدة/ريف… (مدينة الميادين). A one-word place
    name that is also an ordinary word needs evidence that it is a place here (see `place_gate`); the
    statistical tagger's mentions (`tagged`, (start, end, type)) are part of that evidence. Catches what a
    statistical tagger misses (داعش، قسد، حميميم). Types are KB types (PER ORG GPE LOC FAC).
    """
    kb = get_kb()
    toks = norm_tokens(text)
    n = len(toks)
    if not n:
        return []
    joinable = [not g for g in token_gaps(text)]  # shared with the title and alias passes; the last is "."
    hits: list[tuple[int, int, int, str]] = []  # (token index, length, entry index, matched key)
    auto = kb.auto
    ev = evidence_for(text)
    firsts_of, todo = match_starts(kb, text, ev.cued)
    pairs = two_word_starts(kb)
    announced: set[int] = set()  # last tokens of places announced by a cue, or listed after one
    i = todo[0] if todo else n
    while i < n:
        hit = None
        word = toks[i][2]
        firsts = firsts_of[word]
        if len(firsts) > 1 and not firsts[0][1] and i > 0 and cut_outranks(word) and not held_whole(toks[i - 1][2]):
            firsts = firsts[1:] + firsts[:1]  # «الرياض وجدة»: and Jeddah, not Oujda
        for v, _cut, mx in firsts:
            span = 1
            while span < mx and i + span < n and joinable[i + span - 1]:
                span += 1
            if span > 1 and v + " " + toks[i + 1][2] not in pairs:
                span = 1  # no name of two words or more goes on with the next word
            for ln in range(span, 0, -1):
                key = v if ln == 1 else " ".join([v] + [t[2] for t in toks[i + 1:i + ln]])
                idx = auto.get(key)
                if idx is not None:
                    hit = (ln, idx, key)
                    break
            if hit:
                break
        if hit is None and i > 0 and (ev.cued[i] or i - 1 in announced and _joined(text, toks, i)):
            hit = _triggered_place(toks, i, joinable)
        if hit is None:  # on to the next token that starts a name or follows a cue
            k = bisect_right(todo, i)
            i = todo[k] if k < len(todo) else n
            continue
        ln, idx, key = hit
        hits.append((i, ln, idx, key))
        if kb.entries[idx].is_place and (ev.cued[i] or i - 1 in announced and _joined(text, toks, i)):
            announced.add(i + ln - 1)  # a list of places after a cue goes on («بمنطقتي حصيبة والمضيق»)
        i += ln
    return _evidenced(text, hits, tagged)


def _joined(text: str, toks: Sequence[tuple[int, int, str]], i: int) -> bool:
    """Token `i` is joined to token i-1 by an attached و («حصيبة والمضيق»): a comma alone may start a
    new clause («درنة، لجأ مقاتلو»)."""
    return toks[i][2].startswith("و") and not text[toks[i - 1][1]:toks[i][0]].strip(" ،,")


def _evidenced(text: str, hits: list[tuple[int, int, int, str]],
               tagged: Sequence[tuple[int, int, str]]) -> list[tuple[int, int, str, str]]:
    """The matches as spans, less the common-word places without evidence (`place_gate`).

    A list of places passes a cue on («بلدات الراعي والعياش وبرغيدة»), and a name joined by و or a
    comma to a place the tagger found is a place too («أوروبا وآسيا»).
    """
    kb = get_kb()
    toks = norm_tokens(text)
    ev = evidence_for(text)
    places = sorted((s, e) for s, e, ty in tagged if ty.upper() in _PLACE_NER)
    tagged_words: set[str] | None = None
    out: list[tuple[int, int, str, str]] = []
    prev_end, prev_cue = -1, 0  # the last place: where it ends, the cue strength it passes on to a list
    for i, ln, idx, key in hits:
        e = kb.entries[idx]
        cut = len(toks[i][2]) - len(key.split(" ")[0])
        start = skip_letters(text, toks[i][0], cut) if cut > 0 else toks[i][0]
        end = toks[i + ln - 1][1]
        level = None
        if e.is_place:
            level = commonness(key, toks[i][2], kb.candidates(key), text[toks[i][0]:toks[i][1]])
            if level is not None and key not in kb.auto:
                # a name the build kept from raw-text matching needs its cue to vouch, and a very common
                # one the article too: «مدينة الباب» but not «منطقة حرب»
                if level == 2 and not key.startswith("ال"):
                    continue
                level = max(level, 1)
        cue = ev.announced(i, key)
        if continues_list(text, prev_end, toks[i][0]):
            cue = max(cue, min(prev_cue, 2))  # a list passes on a plural's strength at most
        if level:
            if tagged_words is None:
                tagged_words = words_of(places, text)
            if any(continues_list(text, pe, toks[i][0]) or continues_list(text, end, ps) for ps, pe in places):
                cue = max(cue, 2)
            if not place_ok(level, cue, ev.verbal[i], key in tagged_words):
                continue
        elif not place_ok(level, 0, ev.verbal[i], False):
            continue
        if e.is_place:
            prev_end, prev_cue = end, max(cue, 2 if level == 0 else 0)
        out.append((start, end, e.type, e.id))
    return out


def _triggered_place(toks: Sequence[tuple[int, int, str]], i: int,
                     joinable: list[bool]) -> tuple[int, int, str] | None:
    """A KB place of up to three words at token `i` after a cue, proclitics allowed (بريف حماة، والمضيق)
    where the bare word is the likelier reading (ولاية stays ولاية); never a cue word or an adjective."""
    kb = get_kb()
    whole = toks[i][2]
    readings = [(v, cut) for v, cut in clitic_variants(whole)
                if not cut or v.startswith("ال") or zipf(whole) < zipf(v)]
    for ln in (3, 2, 1):
        if i + ln > len(toks) or not all(joinable[i:i + ln - 1]):
            continue
        rest = [t[2] for t in toks[i + 1:i + ln]]
        for v, _cut in readings:
            if ln == 1 and (is_generic_place([v]) or is_cue(v) or v in kb.adjectives):
                continue
            key = " ".join([v, *rest])
            for idx in kb.names.get(key, ()):
                if kb.entries[idx].is_place:
                    return ln, idx, key
    return None
