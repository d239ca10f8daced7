"""Compile the trigger lexicon (`lexicon_data.LEXICON`) into surface-form dictionaries, once per process.

Arabic news spells a verb in dozens of ways (قصف، قصفت، قصفوا، يقصف، تقصف، سيقصف، وقصفت، فقصفها …) and a noun
with clitics (القصف، بالقصف، والقصف، للقصف، لقصف). A morphological analyser would cost far more than the
~3 ms per article the event stage may spend, so instead every plausible surface form is generated here at
import and looked up with one dict access per token. Generation is conservative: short stems only take
the conjunctions و/ف (so حث "urge" never yields بحث "research"), and a generated clitic form never
overrides a listed form of another entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from marsad.events.cameo import plover_of
from marsad.events.lexicon_data import DROP_FORMS, LEXICON
from marsad.text.normalize import normalize

__all__ = ["FORMS", "NOUN_READINGS", "PHRASES", "STOPS", "Trigger", "bare", "verb_trigger"]


@dataclass(frozen=True, slots=True)
class Trigger:
    """One lexicon entry: what a matched form means and the conditions under which it counts."""

    type: str | None  # PLOVER type; None for light verbs and stop phrases
    mode: str | None
    cameo: str
    kind: str  # "v" verb, "n" noun
    conf: float = 0.6
    need: tuple[str, ...] = ()  # a following word (bare form; trailing * = prefix) must match
    reach: int = 4  # how many words after the trigger `need` looks at
    mil: bool = False
    protest: bool = False
    sport: bool = False
    victim: bool = False
    cas: bool = False
    place: bool = False
    light: bool = False
    stop: bool = False
    obj: bool = False
    nob: bool = False
    participant: bool = False  # a protest's participants (المتظاهرون): a protest whatever they do
    crowd: bool = False  # a crowd word (آلاف، مئات، حشود) or participants must stand near
    street: bool = False  # a street or square, or protest vocabulary, must be in the sentence
    target: bool = False  # a destroying/killing word: its object must be a possible target (sense check)
    human: bool = False  # people must follow (an arrest verb that is also an ordinary word)
    bcomp: bool = False  # a بـ complement must follow (هدد بقصف): without it the word means "endanger"


@dataclass(frozen=True, slots=True)
class Form:
    """A surface form's reading: the entry, whether it is a future (سـ) form, and whether it is a verb."""

    trig: Trigger
    future: bool = False
    verbal: bool = False


# Suffixes of the perfect (3rd/1st/2nd person, dual) and of the imperfect; object pronouns.
_PERF = ("", "ت", "ا", "وا", "تا", "نا", "تم", "ن", "تما")
_IMPF_PRE = ("ي", "ت", "ن", "ا")
_IMPF_SUF = ("", "ون", "ان", "وا", "ن", "ين")
_OBJ = ("ه", "ها", "هم", "هما")


def bare(key: str) -> str:
    """A normalised word without leading و/ف, preposition and article: والقوات → قوات, بالقرب → قرب."""
    k = key
    if len(k) > 3 and k[0] in "وف" and (k[1:3] == "ال" or k[1:3] == "لل" or k[1:4] in ("بال", "كال")):
        k = k[1:]
    if len(k) > 4 and k[0] in "بكل" and k[1:3] == "ال":
        k = k[1:]
    elif len(k) > 3 and k.startswith("لل"):
        k = "ال" + k[2:]
    if len(k) > 3 and k.startswith("ال"):
        k = k[2:]
    return k


def bare_prefixes(words: str) -> tuple[str, ...]:
    """The bare spellings of space-separated words, longest first: prefixes for `str.startswith`, where a
    longer word must be tried before a shorter one it starts with."""
    return tuple(sorted({bare(normalize(w)) for w in words.split()}, key=len, reverse=True))


def _verb_forms(lemma: str, stem: str | None) -> list[tuple[str, bool]]:
    """(form, is_future) for a verb lemma: perfect, imperfect, future, with object pronouns."""
    if stem is None:
        stem = lemma[1:] if lemma[0] == "ا" and len(lemma) > 3 else lemma
    out: list[tuple[str, bool]] = []
    # Final ى/ي of defective perfects becomes ا before suffixes in writing (نفى → نفت، نفوا): cover both.
    # Final ا of a defective perfect drops before ت and وا (دعا → دعت، دعوا، دعتا; نفى → نفت).
    perf_base = [lemma]
    if lemma.endswith(("ي", "ا")) and len(lemma) >= 3:
        perf_base.append(lemma[:-1])
    for b in perf_base:
        for s in _PERF:
            if b != lemma and s in ("", "ا", "ن", "نا"):
                continue  # the shortened base never stands alone (دع، نف are other words)
            out.append((b + s, False))
        for s in ("", "ت", "و"):
            if b != lemma and s == "":
                continue
            for o in _OBJ:
                out.append((b + s + o, False))
    for p in _IMPF_PRE:
        for s in _IMPF_SUF:
            f = p + stem + s
            out.append((f, False))
            if p != "ا":
                out.append(("س" + f, True))
        for o in _OBJ:
            out.append((p + stem + o, False))
    return out


def _noun_forms(noun: str) -> list[str]:
    """A noun with possessive pronouns (اعتقاله، انسحابها); clitics are added by `_with_clitics`."""
    out = [noun]
    if not noun.endswith(("ه", "ا", "ي", "ات")):
        out.append(noun + "ا")  # indefinite accusative: احتجاجا، هجوما، قصفا
    base = noun[:-1] + "ت" if noun.endswith("ه") else noun
    for o in _OBJ:
        out.append(base + o)
    if len(noun) >= 3 and not noun.endswith(("ي", "ا", "ات", "ون", "ين")):
        # the dual, nominative and oblique (الهجومين، غارتان، انفجارين): news counts attacks in twos
        out += [base + "ان", base + "ين"]
    return out


def _with_clitics(form: str, noun: bool, verb_impf: bool) -> list[str]:
    """Clitic-bearing spellings of a form; the form itself first."""
    out = [form]
    short = len(form) <= 2 or (not noun and len(form) <= 3)
    conj = ("و", "ف")
    out += [c + form for c in conj]
    if short:
        return out
    if noun:
        if form.startswith("ال"):
            rest = form[2:]
            for p in ("ب", "ك", "وب", "فب", "وك"):
                out.append(p + form)
            for p in ("لل", "ولل", "فلل"):
                out.append(p + rest)
        else:
            for p in ("ال", "وال", "فال", "بال", "وبال", "فبال", "كال"):
                out.append(p + form)
            for p in ("لل", "ولل", "فلل"):
                out.append(p + form)
            for p in ("ب", "ل", "وب", "ول", "فب", "فل", "ك"):
                out.append(p + form)
    elif verb_impf:
        for p in ("ل", "ول", "فل"):
            out.append(p + form)
    return out


_FLAGS = ("mil", "protest", "sport", "victim", "cas", "place", "light", "obj", "nob", "participant", "crowd", "street",
          "target", "human", "bcomp")
_OPT = re.compile(r"(\w+)(?:=(\S+))?")


def _parse_opts(s: str) -> dict[str, object]:
    opts: dict[str, object] = {}
    for m in _OPT.finditer(s):
        k, v = m.group(1), m.group(2)
        if k == "conf":
            opts["conf"] = float(v or 0.6)
        elif k == "reach":
            opts["reach"] = int(v or 4)
        elif k == "need":
            opts["need"] = tuple(bare(normalize(w)) if not w.endswith("*") else bare(normalize(w[:-1])) + "*"
                                 for w in (v or "").split(","))
        else:
            opts[k] = True
    return opts


def _build() -> tuple[dict[str, Form], dict[str, list[tuple[tuple[str, ...], Form]]], int]:
    forms: dict[str, Form] = {}
    primary: set[str] = set()  # forms listed without a generated clitic: never overridden
    phrases: dict[str, list[tuple[tuple[str, ...], Form]]] = {}
    n_entries = 0

    def put(key: str, f: Form, is_primary: bool) -> None:
        old = forms.get(key)
        if old is not None and old.verbal and not f.verbal and f.trig.type is not None:
            NOUN_READINGS.setdefault(key, f)  # دعم، قصف: a verb and a noun spelled alike
        if key in primary and not is_primary:
            return
        if key in forms and (not is_primary or key in primary):
            return
        forms[key] = f
        if is_primary:
            primary.add(key)

    for raw in LEXICON.splitlines():
        line = raw.split("#", 1)[0].strip() if not raw.lstrip().startswith("#") else ""
        if not line:
            continue
        head, _, opt_s = line.partition(";")
        parts = head.split()
        code_mode, kind, words = parts[0], parts[1], parts[2:]
        opts = _parse_opts(opt_s)
        code, _, mode = code_mode.partition("/")
        if code == "STOP":
            trig = Trigger(None, None, "", "n", stop=True)
        elif code == "-":
            trig = Trigger(None, None, "", "v", light=True)
        else:
            pm = plover_of(code)
            if pm is None:
                raise ValueError(f"CAMEO code {code} has no PLOVER mapping")
            trig = Trigger(pm[0], mode or None, code, "v" if kind in ("V", "PV") else "n",
                           conf=float(opts.get("conf", 0.6)),  # type: ignore[arg-type]
                           need=opts.get("need", ()),  # type: ignore[arg-type]
                           reach=int(opts.get("reach", 4)),  # type: ignore[arg-type]
                           **{k: True for k in _FLAGS if k in opts})
        for w in words:
            n_entries += 1
            wkind = kind
            if "_" in w and kind in ("N", "V"):
                wkind = "P" + kind
            if wkind in ("P", "PV", "PN"):
                ws = [normalize(x) for x in w.split("_")]
                first, rest = ws[0], tuple(bare(x) if not x.endswith("*") else bare(x[:-1]) + "*" for x in ws[1:])
                if wkind == "PV":
                    lemma, _, stem = first.partition(">")
                    firsts = [(f, fut) for f, fut in _verb_forms(lemma, stem or None)]
                    keys = [(c, fut, True) for f, fut in firsts
                            for c in _with_clitics(f, False, f[:1] in "يتنا" and f != lemma)]
                else:
                    keys = [(c, False, False) for f in _noun_forms(first) for c in _with_clitics(f, True, False)]
                for k, fut, verbal in keys:
                    lst = phrases.setdefault(k, [])
                    entry = (rest, Form(trig, fut, verbal))
                    if entry not in lst:
                        lst.append(entry)
                continue
            if kind == "V":
                lemma, _, stem = normalize(w).partition(">")
                for f, fut in _verb_forms(lemma, stem or None):
                    impf = fut or (f[:1] in "يتنا" and f != lemma)
                    for i, c in enumerate(_with_clitics(f, False, impf)):
                        put(c, Form(trig, fut, True), i == 0)
            else:
                for f in _noun_forms(normalize(w)):
                    for i, c in enumerate(_with_clitics(f, True, False)):
                        put(c, Form(trig, False, False), i == 0)
    for k in DROP_FORMS:
        forms.pop(k, None)
    for lst in phrases.values():
        lst.sort(key=lambda e: -len(e[0]))  # longest phrase first
    return forms, phrases, n_entries


#: The noun reading of spellings that are also verbs (دعم "support/he supported"): after a preposition the
#: word is the noun (على دعم المعارضة), which `triggers` reads from here.
NOUN_READINGS: dict[str, Form] = {}
FORMS, PHRASES, N_ENTRIES = _build()
STOPS = frozenset(k for k, lst in PHRASES.items() if any(f.trig.stop for _, f in lst))


def verb_trigger(key: str) -> bool:
    """Whether a spelling is a verb of some event type (a finite clause of another event)."""
    form = FORMS.get(key)
    return form is not None and form.verbal and form.trig.type is not None
