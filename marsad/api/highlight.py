"""The article view's inline highlighting, built by slicing the original text at annotation offsets.

Annotations overlap (a quote's content holds entity mentions and event triggers), and nested HTML tags
cannot express arbitrary overlaps, so the text is cut at every annotation boundary and each elementary
segment becomes one element carrying the classes of all annotations covering it. Every piece of text is
escaped; offsets are trusted only after clamping to the text, so a corrupt row cannot break the page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape

CUE_LABELS = {
    "say": "قال", "assert": "أكد", "deny": "نفى", "accuse": "اتهم", "announce": "أعلن", "call": "دعا",
    "warn": "حذّر", "express": "أعرب", "condemn": "أدان",
}
ENTITY_LABELS = {"PER": "شخص", "ORG": "منظمة", "GPE": "دولة/مدينة", "LOC": "مكان", "FAC": "منشأة", "MISC": "أخرى"}
EVENT_LABELS = {
    "AGREE": "اتفاق", "CONSULT": "تشاور", "SUPPORT": "دعم", "CONCEDE": "تنازل", "COOPERATE": "تعاون",
    "AID": "مساعدة", "RETREAT": "انسحاب", "REQUEST": "طلب", "ACCUSE": "اتهام", "REJECT": "رفض",
    "THREATEN": "تهديد", "PROTEST": "احتجاج", "SANCTION": "عقوبات", "MOBILIZE": "تعبئة", "COERCE": "إكراه",
    "ASSAULT": "اعتداء",
}


@dataclass(slots=True)
class _Layer:
    start: int
    end: int
    cls: str
    title: str
    href: str | None = None
    anchor: str | None = None
    data: dict[str, str] = field(default_factory=dict)


def _layers(doc: dict[str, Any]) -> list[_Layer]:
    out: list[_Layer] = []
    for e in doc.get("entities", []):
        label = f"{e.get('name') or e['id']} · {ENTITY_LABELS.get(e.get('type') or '', e.get('type') or '')}"
        for m in e.get("mentions", []):
            out.append(_Layer(m["start"], m["end"], f"ent ent-{e.get('type') or 'MISC'}", label,
                              href=f"/entities/{e['id']}"))
    for i, q in enumerate(doc.get("quotes", [])):
        cue = q["cue"]
        sp = q.get("speaker") or {}
        who = sp.get("text") or "متحدث غير محدد"
        label = f"{'اقتباس مباشر' if q.get('direct') else 'اقتباس غير مباشر'} · {who} · {CUE_LABELS.get(cue['class'], cue['class'])}"
        c = q["content"]
        out.append(_Layer(c["start"], c["end"], f"quote quote-{cue['class']}", label, anchor=f"q{i}"))
        out.append(_Layer(cue["start"], cue["end"], "cue", f"فعل القول: {cue['class']}"))
        if sp.get("start") is not None and sp.get("end") is not None:
            out.append(_Layer(sp["start"], sp["end"], "speaker", f"المتحدث: {who}"))
    for i, v in enumerate(doc.get("events", [])):
        t = v.get("trigger") or {}
        if t.get("start") is None or t.get("end") is None:
            continue
        cls = "event" + (" event-neg" if v.get("negated") or v.get("hypothetical") else "")
        out.append(_Layer(t["start"], t["end"], cls,
                          f"حدث: {EVENT_LABELS.get(v['type'], v['type'])} ({v['type']})", anchor=f"v{i}"))
    for d in doc.get("dates", []):
        out.append(_Layer(d["start"], d["end"], "date", f"تاريخ: {d['value']}"))
    return out


def highlight(text: str, doc: dict[str, Any]) -> Markup:
    """HTML for `text` with every annotation of `doc` (stored-document shape) marked inline."""
    n = len(text)
    layers = []
    for la in _layers(doc):
        s, e = max(0, min(n, int(la.start))), max(0, min(n, int(la.end)))
        if e > s:
            la.start, la.end = s, e
            layers.append(la)
    cuts = sorted({0, n, *(la.start for la in layers), *(la.end for la in layers)})
    starts: dict[int, list[_Layer]] = {}
    for la in layers:
        starts.setdefault(la.start, []).append(la)
    active: list[_Layer] = []
    html: list[str] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        active = [la for la in active if la.end > a] + starts.get(a, [])
        piece = str(escape(text[a:b]))
        # anchors mark where a quote or event begins, so the side lists can link into the text
        anchors = "".join(f'<a id="{la.anchor}" class="anchor"></a>' for la in starts.get(a, []) if la.anchor)
        if not active:
            html.append(anchors + piece)
            continue
        classes = " ".join(dict.fromkeys(c for la in active for c in la.cls.split()))
        title = " | ".join(dict.fromkeys(la.title for la in active))
        href = next((la.href for la in reversed(active) if la.href), None)
        tag = "a" if href else "span"
        attrs = f' href="{escape(href)}"' if href else ""
        html.append(f'{anchors}<{tag} class="{escape(classes)}" title="{escape(title)}"{attrs}>{piece}</{tag}>')
    return Markup("".join(html))
