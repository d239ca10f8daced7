"""Plain-text articles and the boilerplate cleaner every reader shares.

Scraped news text carries page furniture around the article: junk lines of dots, "published/updated"
stamps, the outlet's brand line, share/follow labels, "related news" blocks and trailing lists of other
stories' headlines. Downstream stages (quotes, events, dates) would read that furniture as news, so it is
removed here, once, with rules about the *shape* of lines rather than any outlet's wording: a trailing run
of short unpunctuated lines after the last real paragraph is a headline list wherever it comes from.

The cleaner runs on every JSON record of a corpus (SaudiNewsNet: 31K articles), so it is a single pass
over the lines with precompiled regexes and no per-call setup; the normalised comparisons that cost more
only run on lines short enough to be labels.
"""

from __future__ import annotations

import html as _html
import re
import unicodedata
from dataclasses import dataclass

from marsad.document import Document
from marsad.ingest.dates import date_line, find_published_date, iso_date
from marsad.ingest.outlets import signature_outlet
from marsad.text import normalize

# --- character level -------------------------------------------------------------------------------
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});")
_NBSP_BREAK = re.compile(r"[ \t]*\u00a0[ \t\u00a0]*\u00a0[ \t\u00a0]*")  # "\xa0 \xa0" used as a paragraph break
_WS = r"[ \t\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]"
# Runs of horizontal space other than a single plain space (matching every single space would make this
# substitution the most expensive step of cleaning a corpus).
_HSPACE = re.compile(rf" {_WS}+|[\t\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]{_WS}*")
# Arabic presentation forms: glyph shapes (initial, medial, final, ligatures) that text copied out of a PDF
# or an old renderer carries instead of letters. Unicode keeps them only for compatibility; no word in
# them matches a lexicon, a name or a search, so they become the letters they show (ﻻ → لا).
_PRESENTATION = re.compile("[\ufb50-\ufdff\ufe70-\ufefc]+")
_ODD_SPACES = "\t\f\v\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_EDGE = " \t\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
_JUNK = re.compile(r"^[\W_\u0640]*$")  # nothing but punctuation, symbols or tatweel: ".", ">>", "* * *"
_CSS_JUNK = re.compile(r"\s*/\*\s*\*/\s*")  # left-over of e-mail obfuscation scripts

# --- line shapes ------------------------------------------------------------------------------------
_SENTENCE_END = re.compile(r"[.!?؟…][\"'»”’)\]]*$")
_LIST_MARK = re.compile(r"^(?:[-*•·▪◦●■–—]|\d{1,2}\s*[-.)]|[٠-٩]{1,2}\s*[-.)])")

_PUBLISHED_LABEL = re.compile(
    r"^(?:first published|published(?: on)?|posted(?: on)?|date|نشر في|نُشر في|نشر بتاريخ|تاريخ النشر|نشر|بتاريخ)"
    r"\s*[:：]",
    re.IGNORECASE,
)
_UPDATED_LABEL = re.compile(r"^(?:last updated|updated|آخر تحديث|اخر تحديث|تم التحديث|تحديث)\s*[:：]", re.IGNORECASE)

# Section labels of page furniture, in `normalize`d form. After the article has begun, such a label and the
# short lines under it (related headlines, tags, share buttons) are removed.
_LABELS = frozenset(
    normalize(x)
    for x in (
        "أقسام", "الأقسام", "من الانترنت", "من الإنترنت", "أخبار متعلقة", "أخبار ذات صلة", "أخبار ذات علاقة",
        "مواضيع ذات صلة", "مواضيع متعلقة", "مقالات ذات صلة", "مقالات متعلقة", "روابط ذات صلة", "اقرأ أيضا",
        "إقرأ أيضا", "اقرأ أيضاً", "اقرأ ايضا", "اقرأ المزيد", "شاهد أيضا", "طالع أيضا", "قد يهمك أيضا",
        "قد يعجبك أيضا", "ننصحك بقراءة", "الأكثر قراءة", "الأكثر مشاهدة", "الأكثر تعليقا", "الأكثر تداولا",
        "آخر الأخبار", "أحدث الأخبار", "الأخبار الرئيسية", "عناوين أخرى", "شارك", "شارك الخبر",
        "شارك المقال", "شارك هذا المقال", "شارك هذا الخبر", "مشاركة", "تابعونا", "تابعنا", "تابعونا على",
        "تابعنا على", "الكلمات الدالة", "كلمات مفتاحية", "الكلمات المفتاحية", "وسوم", "الوسوم", "طباعة",
        "إرسال", "أرسل لصديق", "التعليقات", "تعليقات", "أضف تعليق", "أضف تعليقك", "اترك تعليقا",
        "اكتب تعليقك", "النشرة البريدية", "اشترك في النشرة البريدية", "إعلان", "اعلان", "المزيد",
        "المزيد من الأخبار", "Related", "Related articles", "Read more", "Share", "Tags", "Advertisement",
    )
)
# Labels that may carry their item on the same line ("اقرأ أيضا: عنوان خبر آخر"): that line is furniture.
_INLINE_LABEL = re.compile(r"^(?:اقرا ايضا|شاهد ايضا|طالع ايضا|اقرا المزيد|للمزيد|المزيد|اخبار متعلقه|read more|related)\s*[:：]")
_INLINE_FIRST = frozenset("اأإشطلمRr")
_LABEL_MAX = 40
# Share-widget text glued before the first sentence ("شارك من خلال تويتر فيسبوك جوجل بلس اكتب رأيك …").
_SHARE_PREFIX = re.compile(
    r"^(?:(?:Next|Previous|شارك(?: من خلال)?|تويتر|فيسبوك|فيس بوك|جوجل بلس|واتساب|واتس اب|لينكد ان|"
    r"تيليجرام|طباعة|اكتب رأيك|أضف تعليق|A\+|A-)\s*){2,}"
)
_SHARE_WORD = re.compile(r"\b(?:Next|Previous|شارك)\b")
# Whole trailing lines that close many pages: "...المزيد", agency end marks, bare times, e-mail addresses.
_TRAILER = re.compile(
    r"^(?:\.{0,5}\s*(?:المزيد|للمزيد|اقرأ المزيد|التفاصيل)\s*\.{0,5}"
    r"|/+\s*انتهى\s*/+|انتهى"
    r"|\d{1,2}:\d{2}(?:\s*(?:ت\s*م|ص|م|GMT|UTC|AM|PM))?"
    r"|(?:للتواصل[^\n]{0,20}:?\s*)?[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r")$",
    re.IGNORECASE,
)
# Contact/credit tails glued to the last paragraph: "…aa@yahoo.comللتواصل مع الكاتب ارسل رسالة SMS …",
# "… [email protected] /* */ رابط الخبر بصحيفة الوئام: عنوان".
_CONTACT_TAIL = re.compile(r"للتواصل[^\n]{0,40}?(?:sms|رسالة)", re.IGNORECASE)
_LINK_TAIL = re.compile(r"رابط الخبر[^\n:]{0,40}:")
_GLUED_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+\s*$")

# A dateline opens the first paragraphs: "موسكو – …", "موسكو/جنيف - …", "القاهرة (رويترز) - …".
_AR_WORD = r"[\u0621-\u064a\u0671-\u06d3]+"
_DATELINE = re.compile(
    rf"^\(?(?P<place>{_AR_WORD}(?:\s*/\s*{_AR_WORD}|\s+{_AR_WORD}){{0,2}})\)?"
    r"\s*(?:\([^()\n]{1,30}\)\s*)?(?:[-–—]|\s\u0640+)\s*(?:\([^()\n]{1,30}\)\s*[-–—]?\s*)?(?=\S)"
)
# Saudi Press Agency style: "بريدة 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس".
_HIJRI_DATELINE = re.compile(rf"^(?P<place>{_AR_WORD}(?:\s+{_AR_WORD})?)\s+\d{{1,2}}\s+{_AR_WORD}(?:\s+{_AR_WORD})?\s+\d{{4}}\s*هـ")
_NOT_PLACE = frozenset(
    "قال وقال أكد وأكد أعلن وأعلن أضاف وأضاف أشار وأشار كشف وكشف ذكر وذكر يقول وتابع تابع في من على إلى الى "
    "عن أن إن ان مع بعد قبل هذا هذه ذلك تلك التي الذي كما وكان كان لكن ولكن حيث أو او ثم وهو وهي هو هي".split()
)


@dataclass(slots=True)
class Cleaned:
    """What the cleaner found: the article text (title first) and metadata read off removed lines."""

    text: str
    title: str | None
    published: str | None
    outlet: str | None
    dateline: str | None


def _words(line: str) -> int:
    return line.count(" ") + 1


def _is_body(line: str) -> bool:
    """A real paragraph: long, or a full sentence of some length."""
    n = _words(line)
    return n >= 20 or (n >= 8 and _SENTENCE_END.search(line) is not None)


def _looks_like_title(line: str) -> bool:
    """A first line short enough to be a headline and not a finished sentence of some length."""
    n = _words(line)
    return n <= 30 and len(line) <= 250 and not (n >= 12 and _SENTENCE_END.search(line))


def has_body(text: str) -> bool:
    """True when `text` holds at least one real paragraph (not only titles, links or labels)."""
    return any(_is_body(line.strip()) for line in text.split("\n") if line.strip())


def _is_headline(line: str) -> bool:
    """Shape of another story's headline: a few words, no sentence punctuation, no list marker."""
    n = _words(line)
    if n < 2 or n > 14 or _LIST_MARK.match(line):
        return False
    return line[-1] not in ".!?؟…:؛" and not line.endswith("..")


def _label_key(line: str) -> str | None:
    if len(line) > _LABEL_MAX:
        return None
    return normalize(line).strip(" :：-–|»«>•").replace("  ", " ")


def _letters(m: re.Match[str]) -> str:
    return unicodedata.normalize("NFKC", m.group())


def _lines(raw: str) -> list[tuple[str, bool]]:
    """Non-empty, stripped lines with a flag: was there a blank line before it in the source."""
    if "&" in raw and _ENTITY.search(raw):
        raw = _html.unescape(raw)
    if "\r" in raw:
        raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    if _PRESENTATION.search(raw):
        raw = _PRESENTATION.sub(_letters, raw)
    if "\u00a0" in raw:
        raw = _NBSP_BREAK.sub("\n", raw)
    if "  " in raw or any(c in raw for c in _ODD_SPACES):  # str scans are far cheaper than a regex pass
        raw = _HSPACE.sub(" ", raw)
    out: list[tuple[str, bool]] = []
    blank = False
    for line in raw.split("\n"):
        line = line.strip(_EDGE)
        if not line or _JUNK.match(line):
            blank = True
            continue
        out.append((line, blank))
        blank = False
    return out


def _drop_teasers(lines: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """Remove a truncated lead ("… الصادرة...") that a later paragraph repeats in full."""
    drop = set()
    for i, (line, _) in enumerate(lines):
        if line.endswith(("..", "…")) and len(line) >= 30:
            prefix = line.rstrip(".… ")
            if any(later.startswith(prefix) and len(later) > len(prefix) for later, _ in lines[i + 1 :]):
                drop.add(i)
    if not drop:
        return lines
    out: list[tuple[str, bool]] = []
    carry = False
    for i, (line, blank) in enumerate(lines):
        if i in drop:
            carry = carry or blank
            continue
        out.append((line, blank or carry))
        carry = False
    return out


def _strip_share_prefix(kept: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """Share-widget words glued before the first sentence ("شارك من خلال تويتر فيسبوك … أكد …")."""
    head = kept[:2]
    if not any(_SHARE_WORD.search(line[:30]) for line, _ in head):
        return kept
    head = [(_SHARE_PREFIX.sub("", line, count=1).strip(), b) for line, b in head]
    return [(line, b) for line, b in head if line] + kept[2:]


def _strip_tail(kept: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """Trailing furniture: end marks, bare times, e-mails, "...المزيد", contact tails, headline lists."""
    kept = list(kept)
    while kept:
        if _TRAILER.match(kept[-1][0]):
            kept.pop()
            continue
        last, b = kept[-1]
        cut = _cut_tail(_CSS_JUNK.sub(" ", last).strip() if "/*" in last else last)
        if cut == last:
            break
        kept[-1] = (cut, b)
        if not cut:
            kept.pop()
    # A run of >= 3 headline-shaped lines after the last real paragraph lists other stories, unless a
    # line ending in ":" introduces it (then it is the article's own list).
    run = 0
    while run < len(kept) and _is_headline(kept[-1 - run][0]):
        run += 1
    if run >= 3:
        before = kept[: len(kept) - run]
        if any(_is_body(x) for x, _ in before) and not before[-1][0].endswith(":"):
            kept = before
    return kept


def _cut_tail(last: str) -> str:
    """Drop a contact or story-link tail glued to the last paragraph, with the e-mail glued before it."""
    for marker, shape, email in (("للتواصل", _CONTACT_TAIL, True), ("رابط الخبر", _LINK_TAIL, False)):
        i = last.rfind(marker)
        if i >= 0 and shape.match(last, i):
            last = last[:i].rstrip()
            m = _GLUED_EMAIL.search(last[-120:]) if email else None
            if m:
                last = last[: len(last) - (len(last[-120:]) - m.start())].rstrip()
    return last


def _dateline(lines: list[tuple[str, bool]], start: int) -> str | None:
    seen = 0
    for line, _ in lines[start:]:
        if _words(line) < 8:
            continue
        m = _DATELINE.match(line) or _HIJRI_DATELINE.match(line)
        if m:
            place = re.sub(r"\s*/\s*", "/", m.group("place"))
            if len(place) <= 30 and not any(w in _NOT_PLACE for w in re.split(r"[ /]", place)):
                return place
        seen += 1
        if seen == 3:
            break
    return None


def clean(raw: str, *, title: str | None = None) -> Cleaned:
    """Clean one article. `title`, when the source gives it separately, becomes the first line.

    Without a given title the first real line is the title (unless it is a whole paragraph).
    """
    lines = _lines(raw)
    published: str | None = None
    updated: str | None = None
    outlet: str | None = None
    kept: list[tuple[str, bool]] = []
    started = False  # a body paragraph has been seen: labels from here on open furniture blocks
    skipping = False  # inside a furniture block (after a label), until the next body paragraph
    for line, blank in lines:
        if len(line) <= 120:
            if _PUBLISHED_LABEL.match(line) or _UPDATED_LABEL.match(line):
                found = iso_date(line.split(":", 1)[-1]) or find_published_date(line)
                if _PUBLISHED_LABEL.match(line):
                    published = published or found
                else:
                    updated = updated or found
                continue
            if not started and len(kept) < 6:
                stamp = date_line(line)
                if stamp:
                    published = published or stamp
                    continue
            if len(line) <= _LABEL_MAX:
                sig = signature_outlet(line)
                if sig:
                    outlet = outlet or sig
                    continue
                key = _label_key(line)
                if key in _LABELS:
                    skipping = started
                    continue
            if line[0] in _INLINE_FIRST and _INLINE_LABEL.match(normalize(line[:16]) + line[16:]):
                continue
        body = _is_body(line)
        if skipping:
            if not body:
                continue
            skipping = False
        if body:
            started = True
        kept.append((line, blank))

    kept = _drop_teasers(_strip_tail(_strip_share_prefix(kept)))

    head: str | None
    given = title is not None
    if title is not None:
        title = _HSPACE.sub(" ", _html.unescape(title) if "&" in title else title).strip(_EDGE) or None
    if title:
        head = title
        if kept and kept[0][0] == title:
            kept = kept[1:]
        body_start = 0
    elif len(kept) >= 2 and _looks_like_title(kept[0][0]):
        head, kept = kept[0][0], kept[1:]
        body_start = 0
    else:
        head, body_start = None, 0
    dateline = _dateline(kept, body_start)
    published = published or updated

    if not kept and head is None:
        return Cleaned("", None, published, outlet, dateline)
    if given:  # the title came separately: separate it the way the body separates its paragraphs
        first_sep = "\n\n" if kept and sum(b for _, b in kept) * 2 >= len(kept) else "\n"
    else:
        first_sep = "\n\n" if kept and kept[0][1] else "\n"
    parts: list[str] = []
    if head is not None:
        parts.append(head)
    for i, (line, blank) in enumerate(kept):
        if parts:
            parts.append(first_sep if i == 0 else ("\n\n" if blank else "\n"))
        parts.append(line)
    return Cleaned("".join(parts), head, published, outlet, dateline)


def build_document(
    raw: str,
    *,
    source: str,
    title: str | None = None,
    published: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    author: str | None = None,
    external_id: str | None = None,
) -> Document:
    """A `Document` from article text plus whatever metadata the container format supplied.

    Metadata given by the source wins over what the cleaner reads off the text; `language` is filled in
    by the dispatcher, which also refuses empty or non-Arabic results. NUL characters (from JSON "\u0000"
    or UTF-16) are dropped from every field: PostgreSQL refuses them where SQLite stores them, and the
    two backends must hold the same documents.
    """
    c = clean(_no_nul(raw), title=_no_nul(title))
    return Document(
        text=c.text,
        title=c.title,
        published=_no_nul(published) or c.published,
        outlet=_no_nul(outlet) or c.outlet,
        dateline=c.dateline,
        url=_no_nul(url) or None,
        author=_no_nul(author) or None,
        source=source,
        external_id=_no_nul(external_id),
    )


def _no_nul(value: str | None) -> str | None:
    return value.replace("\x00", "") if value and "\x00" in value else value


def read_text(text: str, source: str) -> Document:
    """One plain-text article (the whole decoded file)."""
    return build_document(text, source=source)


