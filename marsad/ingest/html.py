"""HTML pages: trafilatura finds the article and its metadata; our cleaner and date parser fill the gaps.

trafilatura is good at separating an article from page chrome and at machine-readable dates (meta tags,
JSON-LD, <time>), but it does not read Arabic month names, so a page that only prints "السبت 7 ديسمبر
2017" gets its date from `find_published_date`. A page with no article (navigation only, an error page) is
an error, not an empty document.
"""

from __future__ import annotations

import html as _html
import logging
import re

import lxml.html
import trafilatura
from lxml import etree
from trafilatura.settings import set_date_params

from marsad.document import Document
from marsad.ingest.dates import find_published_date, iso_date
from marsad.ingest.errors import IngestError
from marsad.ingest.outlets import host, outlet_name
from marsad.ingest.plaintext import build_document, has_body

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)

NO_ARTICLE = "no article text found in the HTML page"
_MIN_WORDS = 15  # less than this is a caption, a cookie notice or an error message, not an article
_BLOCK_TAGS = ("br", "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote", "article", "section",
               "header", "footer", "nav", "aside", "main", "ul", "ol", "table")
_BLANKS = re.compile(r"[ \t]*\n[\s]*")
_DROP_XPATH = "//script|//style|//noscript|//template"


def _visible_text(root: lxml.html.HtmlElement) -> str:
    """Text of `root` without scripts/styles, one line per block element (so adjacent blocks never glue)."""
    for el in root.xpath(_DROP_XPATH):
        el.drop_tree()
    for el in root.iter(*_BLOCK_TAGS):
        el.tail = "\n" + el.tail if el.tail else "\n"
        if el.tag == "br":
            continue
        el.text = "\n" + el.text if el.text else "\n"
    return _BLANKS.sub("\n", root.text_content()).strip()


def html_to_text(fragment: str) -> str:
    """Visible text of an HTML fragment (a feed item's content or summary), blocks as lines."""
    if "<" not in fragment:
        return _html.unescape(fragment) if "&" in fragment else fragment
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return re.sub(r"<[^>]+>", " ", fragment)
    return _visible_text(root)


def _page_text(page: str) -> str:
    """All visible text of a page, for the Arabic date fallback (the date line is usually outside the body)."""
    try:
        root = lxml.html.document_fromstring(page)
    except (etree.ParserError, ValueError):
        return ""
    return _visible_text(root)


def read_html(page: str, source: str) -> Document | IngestError:
    """One HTML page → one article."""
    try:
        result = trafilatura.bare_extraction(
            page,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            # Only machine-readable dates: htmldate's free-text search takes a copyright "© 2024" for a date.
            date_extraction_params=set_date_params(extensive=False),
        )
    except Exception as e:  # trafilatura raises many types on odd markup; report, go on
        return IngestError(source, f"could not parse the HTML page ({type(e).__name__}: {e})")
    if result is None:
        return IngestError(source, NO_ARTICLE)
    get = result.get if isinstance(result, dict) else lambda k: getattr(result, k, None)  # type: ignore[union-attr]
    body = get("text") or ""
    if len(body.split()) < _MIN_WORDS:
        return IngestError(source, NO_ARTICLE)
    url = get("url")
    published = iso_date(get("date")) or find_published_date(_page_text(page)[:20000])
    outlet = host(url) or outlet_name(get("hostname")) or outlet_name(get("sitename"))
    doc = build_document(
        body,
        source=source,
        title=get("title"),
        published=published,
        outlet=outlet,
        url=url,
        author=get("author"),
    )
    if not doc.text or len(doc.text.split()) < _MIN_WORDS or not has_body(doc.text):
        return IngestError(source, NO_ARTICLE)
    return doc
