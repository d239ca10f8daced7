"""Verbs that judge another's act. The accused of a charge did the act charged (اتهمت X Y بقصف Z: Y
shelled Z); whoever condemns or welcomes an act is not its author (ندد الأردن بالهجوم)."""

from __future__ import annotations

from marsad.events.frame import Frame
from marsad.events.lexicon import FORMS
from marsad.events.tokens import CLAUSE_BREAK, Ment, Tok, is_agent

__all__ = ["EVALUATIVE", "accused_party", "charged", "evaluates"]


def charged(f: Frame) -> bool:
    """A verb of accusing governs the trigger's ب (اتهمت الحكومة إيران بدعم الحوثيين) within its clause."""
    for k in range(f.i - 1, max(-1, f.i - 7), -1):
        if f.toks[k].key in CLAUSE_BREAK:
            return False
        form = FORMS.get(f.toks[k].key)
        if form is not None and form.trig.type == "ACCUSE":
            return True
    return False


def accused_party(f: Frame) -> Ment | None:
    """«اتهم X Y بقصف Z»: the accused, the verb's object right before the charge's ب, did the act charged."""
    if f.toks[f.i].key.lstrip("وف")[:1] != "ب" or not charged(f):
        return None
    m = next((m for m in reversed(f.before) if m.tj <= f.i), None)
    if m is not None and m.tj == f.i and m.prep is None and m.loc == 0 and is_agent(m, f.assault):
        return m
    return None


def evaluates(toks: list[Tok], k: int, typ: str | None) -> bool:
    """A verb of condemning or welcoming at k (دانت، ندد، رحب), whose subject follows it (VSO)."""
    form = FORMS.get(toks[k].key) if k >= 0 else None
    return form is not None and form.verbal and form.trig.cameo in EVALUATIVE and form.trig.type != typ


EVALUATIVE = frozenset({"111", "051"})  # CAMEO: criticise or denounce; praise or endorse
