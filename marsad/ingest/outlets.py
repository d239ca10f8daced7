"""Outlet names: a small table of signatures scraped pages carry, and URL hosts as domains.

Outlets identify themselves in scraped text by a brand line standing alone ("ميدل ايست أونلاين"); that line
is boilerplate for the text but the best evidence of the outlet. Only brand names that cannot be ordinary
words are listed, and they only count when they are a whole line. Domains are the common key across input
formats (an HTML page, a feed item and a SaudiNewsNet record of the same paper agree on "okaz.com.sa").
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from marsad.text import normalize

# Brand line → domain. Keys are written naturally; they are compared in `normalize`d form.
_SIGNATURES: dict[str, str] = {
    "ميدل ايست أونلاين": "middle-east-online.com",
    "ميدل إيست أونلاين": "middle-east-online.com",
    "ميدل ايست اون لاين": "middle-east-online.com",
    "العربية.نت": "alarabiya.net",
    "العربية نت": "alarabiya.net",
    "الجزيرة نت": "aljazeera.net",
    "الجزيرة.نت": "aljazeera.net",
    "سكاي نيوز عربية": "skynewsarabia.com",
    "بي بي سي عربي": "bbc.com",
    "روسيا اليوم": "arabic.rt.com",
    "فرانس 24": "france24.com",
    "يورونيوز": "euronews.com",
    "عنب بلدي": "enabbaladi.net",
    "العربي الجديد": "alaraby.co.uk",
    "المصري اليوم": "almasryalyoum.com",
    "اليوم السابع": "youm7.com",
    "صحيفة الشرق الأوسط": "aawsat.com",
    "عين اليوم": "3alyoum.com",
    "صحيفة الوئام": "alweeam.com.sa",
    "صحيفة سبق": "sabq.org",
    "وكالة الأنباء السعودية": "spa.gov.sa",
}
_SIGNATURE_KEYS = {re.sub(r"\s+", " ", normalize(k)).strip(): v for k, v in _SIGNATURES.items()}
_SIGNATURE_MAX = max(len(k) for k in _SIGNATURES) + 4

# SaudiNewsNet `source` identifiers → the papers' domains (from the corpus README).
SAUDINEWSNET: dict[str, str] = {
    "aawsat": "aawsat.com",
    "aleqtisadiya": "aleqt.com",
    "aljazirah": "al-jazirah.com",
    "almadina": "al-madina.com",
    "alriyadh": "alriyadh.com",
    "alwatan": "alwatan.com.sa",
    "alweeam": "alweeam.com.sa",
    "alyaum": "alyaum.com",
    "arreyadi": "arreyadi.com.sa",
    "arreyadiyah": "arreyadiyah.com",
    "arriyadiyah": "arreyadiyah.com",
    "okaz": "okaz.com.sa",
    "sabq": "sabq.org",
    "was": "spa.gov.sa",
    "3alyoum": "3alyoum.com",
}


def signature_outlet(line: str) -> str | None:
    """Domain of the outlet whose brand line `line` is (the whole line, nothing else), or None."""
    if len(line) > _SIGNATURE_MAX:
        return None
    return _SIGNATURE_KEYS.get(re.sub(r"\s+", " ", normalize(line)).strip(" -–|"))


def host(url: object) -> str | None:
    """'okaz.com.sa' from 'http://www.okaz.com.sa/new/…'; None for anything that is not an http(s) URL."""
    if not isinstance(url, str) or "://" not in url:
        return None
    try:
        h = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    if not h or "." not in h:
        return None
    return h[4:] if h.startswith("www.") else h


def outlet_name(value: object) -> str | None:
    """A domain-like outlet from a metadata value: a URL, a domain, a SaudiNewsNet id, or a brand name."""
    if not isinstance(value, str) or not value.strip():
        return None
    v = value.strip()
    if "://" in v:
        return host(v)
    low = v.lower()
    if low in SAUDINEWSNET:
        return SAUDINEWSNET[low]
    sig = signature_outlet(v)
    if sig:
        return sig
    return low[4:] if low.startswith("www.") else v
