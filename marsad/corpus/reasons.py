"""Why a pair of quotes is listed as a contradiction: one stored sentence, and a code parsed back from it.

`claim_pairs.reason` holds a short English sentence («denial: X denies what Y states», «ended/persists:
هزم ↔ لا يزال»); stores written by earlier versions hold exactly these sentences, so the sentence stays
the stored form and no migration is needed. A client that wants to show the reason in another language
or filter by kind of evidence should not parse prose, so the read side (`queries`) adds `reason_code`
and `reason_params`, parsed here from the sentence. The sentences are built only by the functions
below, so the format and its parser cannot drift apart.
"""

from __future__ import annotations

import re
from typing import Any

#: Opposition pairs (`opposition._PAIRS` names) and the code each is given in JSON.
OPPOSITION_CODES: dict[str, str] = {
    "ended/persists": "ended_persists",
    "true/untrue": "true_untrue",
    "succeeded/failed": "succeeded_failed",
    "won/lost": "won_lost",
    "withdrew/stays": "withdrew_stays",
}
DENIAL = "denial"
CHANGED = "changed_restatement"
#: Every code a reason can have; a stored sentence matching none of them gets the code None.
CODES: tuple[str, ...] = (DENIAL, *OPPOSITION_CODES.values(), CHANGED)

#: The reason stored for a contradiction the stance model found in a near-restatement (`label_pair`).
MODEL_REASON = "changed restatement: the stance model reads one quote as the other with a fact changed"

_DENIAL_RE = re.compile(r"^denial: (?P<denier>.*) denies what (?P<claimant>.*) states$", re.S)
_OPPOSITION_RE = re.compile(r"^(?P<name>[a-z]+/[a-z]+): (?P<first>.*?) ↔ (?P<second>.*)$", re.S)


def denial_reason(denier: str | None, claimant: str | None) -> str:
    """The sentence for a denial set against the statement it denies (speakers as the articles name them)."""
    return f"denial: {denier or '?'} denies what {claimant or '?'} states"


def opposition_reason(name: str, first: str, second: str) -> str:
    """The sentence for opposite poles of one pair (`name`, e.g. "ended/persists"), with the words each
    side used, in the order the two texts were compared."""
    return f"{name}: {first} ↔ {second}"


def parse(reason: str | None) -> dict[str, Any] | None:
    """`{"code": …, "params": {…}}` for a stored reason sentence; None when there is no reason.

    Params: `denier`, `claimant` for a denial; `pair` (the opposition's English name) and `words` (the
    two sides' words) for an opposition; none for a changed restatement. A sentence in no known form
    (written by a later version, or edited by hand) gets the code None and keeps only its text."""
    if not reason:
        return None
    if reason == MODEL_REASON:
        return {"code": CHANGED, "params": {}}
    m = _DENIAL_RE.match(reason)
    if m:
        return {"code": DENIAL, "params": {"denier": m["denier"], "claimant": m["claimant"]}}
    m = _OPPOSITION_RE.match(reason)
    if m and m["name"] in OPPOSITION_CODES:
        return {"code": OPPOSITION_CODES[m["name"]], "params": {"pair": m["name"], "words": [m["first"], m["second"]]}}
    return {"code": None, "params": {}}


def reason_fields(reason: str | None) -> dict[str, Any]:
    """The keys a listing adds for a pair's reason: the sentence, its code and its parameters."""
    parsed = parse(reason) or {"code": None, "params": {}}
    return {"reason": reason, "reason_code": parsed["code"], "reason_params": parsed["params"]}
