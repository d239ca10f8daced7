"""Contradiction reasons in Arabic, for the pages: built from the reason's code and parameters.

The store keeps one English sentence per reason (`marsad.corpus.reasons`), which read as a foreign
phrase inside the Arabic interface. The listings give each reason a `reason_code` and `reason_params`,
and the page words them here; a reason in no known form is shown as stored (the template marks it
English), so nothing the analysis found is hidden.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

#: The Arabic name of each opposition pair, by its code (pole A / pole B).
PAIR_LABELS: dict[str, str] = {
    "ended_persists": "انتهى/مستمر",
    "true_untrue": "صحيح/غير صحيح",
    "succeeded_failed": "نجح/فشل",
    "won_lost": "فاز/خسر",
    "withdrew_stays": "انسحب/باقٍ",
}
CHANGED = "إعادة صياغة بواقعة مختلفة: يقرأ نموذج الموقف أحد القولين على أنه الآخر وقد تغيّرت فيه واقعة"
UNKNOWN_SPEAKER = "متحدث غير محدد"


def _who(name: Any) -> str:
    return UNKNOWN_SPEAKER if not name or name == "?" else str(name)


def reason_ar(pair: Mapping[str, Any]) -> str | None:
    """The pair's reason in Arabic («نفي: X ينفي ما يؤكده Y», «انتهى/مستمر: هزم ↔ لا يزال»); None when it
    has no reason or one whose code this version does not know (the caller then shows `reason` as is)."""
    code = pair.get("reason_code")
    params = pair.get("reason_params") or {}
    if code == "denial":
        return f"نفي: {_who(params.get('denier'))} ينفي ما يؤكده {_who(params.get('claimant'))}"
    if code in PAIR_LABELS:
        words = list(params.get("words") or [])
        first, second = (words + ["؟", "؟"])[:2]
        return f"{PAIR_LABELS[code]}: {first} ↔ {second}"
    if code == "changed_restatement":
        return CHANGED
    return None
