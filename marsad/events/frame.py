"""One trigger's clause as the role rules read it: the sentence, the trigger, the mentions before and
after it, and the slots (actor, recipient, target place) that the rules of `roles` and `recipients` fill."""

from __future__ import annotations

from marsad.events.tokens import Hit, Ment, Sentence, Tok

__all__ = ["Frame", "clause_end"]


class Frame:
    """One trigger's clause: the fixed context the rules read, and the slots they fill."""

    __slots__ = ("st", "toks", "ms", "trig", "assault", "i", "j", "v", "verbal", "n", "end", "after", "before",
                 "actor", "recip", "target_place", "passive", "speaker")

    def __init__(self, st: Sentence, hit: Hit, v: int, verbal: bool) -> None:
        self.st = st
        self.toks, self.ms = st.toks, st.ments
        # An event inside a quote: its parties are named inside what was said; the speaker (outside) is
        # the source of the report, not a party to the event it talks about.
        self.speaker: Ment | None = None
        span = st.quote_at(st.toks[min(v, hit.i)].start)
        if span is not None:
            qs, qe, self.speaker = span
            self.ms = [m for m in st.ments if qs <= m.start and m.end <= qe]
        self.trig = hit.form.trig
        self.assault = self.trig.type == "ASSAULT"
        self.i, self.j = hit.i, hit.j
        self.v = v
        self.verbal = verbal
        self.n = len(self.toks)
        self.end = clause_end(self.toks, self.j, self.n)
        for m in self.ms:  # a name in apposition between commas (اتهم الوزير، فلان، X) does not end the clause
            if m.lead < self.end < m.ti and m.ti > self.j and m.tj < self.n and self.toks[m.tj].key in ("،", ","):
                self.end = clause_end(self.toks, m.tj, self.n)
        self.after = [m for m in self.ms if m.ti > self.j]
        self.before = [m for m in self.ms if m.tj <= v]
        self.actor: list[Ment] = []
        self.recip: list[Ment] = []
        self.target_place: int | None = None
        self.passive = False


def clause_end(toks: list[Tok], i: int, hi: int) -> int:
    """The end of the clause a trigger opens: the next comma, semicolon or full stop."""
    for k in range(i + 1, hi):
        if toks[k].key in ("،", "؛", ";", "."):
            return k
    return hi
