"""The agent a phrase names outright: من قبل X، على يد X، برصاص X, and the executor of a verb that carries the
event as its object pronoun (نفذه X، الغارات التي شنها X). Split from `roles`, which tries these first."""

from __future__ import annotations

from marsad.events.evaluated import adjective_country, attributed
from marsad.events.frame import Frame
from marsad.events.lexicon import FORMS
from marsad.events.partitive import MEMBER_NOUNS
from marsad.events.tokens import AGENT_TYPES, CLAUSE_BREAK, PREPS, RELATIVE, Ment, is_agent, unclitic

__all__ = ["INSTRUMENT", "by_prefix_actor"]

# A verb whose object pronoun is the event (or its weapon) and whose subject executed it (نفذه، شنتها، تبنته،
# ارتكبها، ترتكبها، الضربات التي وجهها X، ألغام زرعها X، قذائف أطلقها X).
_EXECUTOR = frozenset(p + v + o for p in ("", "و") for v in (
    "نفذ", "نفذت", "نفذو", "شن", "شنت", "شنو", "تبنا", "تبنت", "تبنو", "ارتكب", "ارتكبت", "ارتكبو", "يرتكب",
    "ترتكب", "اقترف", "اقترفت", "يقترف", "تقترف", "يتبنا", "تتبنا", "قاد",
    "قادت", "يقود", "تقود", "يشن", "تشن", "ينفذ", "تنفذ", "وجه", "وجهت", "وجهو", "زرع", "زرعت", "زرعو", "ترك",
    "تركت", "تركو", "اطلق", "اطلقت", "اطلقو", "القا", "القت", "القو",
    # aid sent or given, talks held, a siege imposed, a protest organised, a war waged (المساعدات التي أرسلها X،
    # الدعم الذي قدمته X، المحادثات التي أجراها X، الحصار الذي فرضه X، المسيرة التي نظمها X، المعارك التي خاضها X)
    "ارسل", "ارسلت", "ارسلو", "قدم", "قدمت", "قدمو", "سير", "سيرت", "سيرو", "اجرا", "اجرت", "اجرو", "عقد",
    "عقدت", "عقدو", "ابرم", "ابرمت", "ابرمو", "فرض", "فرضت", "فرضو", "نظم", "نظمت", "نظمو", "خاض", "خاضت",
    "خاضو") for o in ("ه", "ها")) - {"وجهه", "ووجهه"}
# (not «وجهه», his face)
#: Prepositions that put a party in the executing verb's complement, not its subject (خاضتها ضد ائتلاف يضم X;
#: not في, which joins a unit to its body: نفذته وحدة المدفعية في اللواء X).
_AWAY = frozenset({"ضد", "على", "علي", "مع", "الى", "الي", "عن", "لدى", "لدي"})


# Weapons whose genitive is who fired them (برصاص الجيش، بنيران القوات، بغارة للتحالف).
INSTRUMENT = frozenset({"رصاص", "رصاصه", "نيران", "نار", "قذايف", "قذيفه", "صواريخ", "صاروخ", "غارات", "غاره",
                         "طايرات", "طايره", "مقاتلات", "قصف", "مدفعيه", "طيران", "قناص", "قناصه", "قنابل"})


def _descriptor(f: Frame, k: int) -> bool:
    """A noun right before a person's name that is neither a preposition, a verb nor another mention."""
    t = f.toks[k]
    return t.key[:1] not in "وف" and t.bare not in PREPS and t.key not in FORMS and not any(
        x.ti <= k < x.tj for x in f.ms) and t.bare.isalpha()


def by_prefix_actor(f: Frame) -> Ment | None:
    """The agent of a passive or nominal event: من قبل X، على يد X, and the executor after a verb that
    carries the event as its object pronoun (هجوم انتحاري نفذه X، الغارات التي شنها X، تبنته X)."""
    toks = f.toks
    # a relative clause on another noun takes its own agent (للتحقيق في الجرائم التي ارتكبت من قبل X)
    rel = next((k for k in range(f.j + 3, min(f.n, f.j + 13)) if toks[k].key.lstrip("وف") in RELATIVE), f.n)
    for m in f.after:
        if m.ti - f.j > 12 or m.ti > rel:
            break
        k = min(m.ti, m.lead) - 1
        while k >= 1 and toks[k].key in CLAUSE_BREAK:
            k -= 1
        if m.ent.type == "PER" and k >= 2 and _descriptor(f, k) and toks[k - 1].bare == "قبل":
            k -= 1  # من قبل نائبه X، على يد الناشط X: a word that describes the person stands first
        elif k >= 2 and toks[k].bare in MEMBER_NOUNS and not any(x.ti <= k < x.tj for x in f.ms):
            k -= 1  # على يد مسلحي X، من قبل عناصر X: the party's men
        if k >= 1 and ((toks[k].bare == "قبل" and toks[k - 1].bare == "من") or
                       (toks[k].bare == "يد" and toks[k - 1].bare in ("على", "علي")) or attributed(toks, k)):
            return m  # من قبل X، على يد X، المنسوب إلى X، ألقي باللوم على X
        if f.assault and k == m.ti - 1 and unclitic(toks[k].bare) in INSTRUMENT and is_agent(m, False) \
                and m.ent.sector != "CVL" and (m.ent.type != "GPE" or unclitic(toks[k].key).startswith("ال")):
            return m  # برصاص الجيش، بنيران قوات الأمن، قصف المدفعية السعودية (after the article: an adjective)
    for k in range(f.j + 1, min(f.n, f.j + 5)):
        if toks[k].key in CLAUSE_BREAK or toks[k].key.lstrip("وف") == "ما":
            break  # (مطالبا بكشف ما قدمه X: the pronoun is «ما»'s, not the demand's)
        if toks[k].bare in _EXECUTOR and f.st.doc.text[toks[k].end - 1] != "ة":  # (قادة: leaders, no verb)
            for m in f.after:
                if m.ti <= k:
                    continue
                between = range(k + 1, m.ti)
                if m.ti - k > 4 or any(toks[x].key in CLAUSE_BREAK or toks[x].bare in _AWAY for x in between) or (
                        m.ti == k + 1 and m.prep is not None):
                    break  # the verb's complement: قدمته للثوار (to whom)، خاضتها ضد X (against whom)
                if is_agent(m, False) or (m.prep == "ل" and m.ent.type in AGENT_TYPES):
                    return m  # شنتها المروحيات التابعة للحكومة: the government
            for x in range(k + 2, min(f.n, k + 4)):  # نفذتها طائرات أميركية: the adjective's country
                code = adjective_country(toks[x].key)
                if code in f.st.country_ents:
                    return Ment(toks[x].start, toks[x].end, f.st.country_ents[code])
            break
    return None
