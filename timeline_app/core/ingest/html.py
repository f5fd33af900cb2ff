"""Saved web pages: main text without navigation, ads, footers or comments, title, date, canonical URL."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import logging
import re
from dataclasses import dataclass

import lxml.etree
import lxml.html

from timeline_app.core.ingest.encoding import decode_bytes
from timeline_app.core.ingest.fields import compose_text, http_url
from timeline_app.core.ingest.markup import BLOCK_TAGS, markup_text
from timeline_app.core.ingest.article_top import date_from_text
from timeline_app.core.ingest.pubdate import date_from_value, impossible_months, unusable_date_note
from timeline_app.core.ingest.published import choose_published
from timeline_app.core.models import Article, DateSource
from timeline_app.errors import InputError

log = logging.getLogger(__name__)

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.I)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_INVISIBLE_TAGS = ("script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "head")
_PAGE_CHROME_TAGS = ("nav", "footer", "aside", "form", "button")
# Comment sections, ads and share bars, by the class and id names sites give them.
_BOILERPLATE_XPATH = " | ".join(
    f"//*[contains(concat(' ', translate(@class, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), ' '), '{word}') "
    f"or contains(translate(@id, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), '{word}')]"
    for word in ("comment", "advert", " ad ", "share", "related", "newsletter", "cookie")
)
# htmldate settings: metadata, JSON-LD, <time> and date-classed elements and the URL only. Its
# extensive search reads visible text too and takes a footer's "Copyright 2004" for the date.
_DATE_PARAMS = {"extensive_search": False, "original_date": True, "outputformat": "%Y-%m-%d"}
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
# trafilatura needs 4 s for 20,000 elements and minutes for 200,000; no news article has that many.
_MAX_ELEMENTS_FOR_TRAFILATURA = 30_000


def _parser() -> lxml.html.HTMLParser:
    # No network, no huge-tree mode (libxml2 then caps depth and node sizes), comments and
    # processing instructions dropped. The HTML parser never expands entity declarations.
    return lxml.html.HTMLParser(
        no_network=True, huge_tree=False, remove_comments=True, remove_pis=True, collect_ids=False
    )


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a <meta> tag within its first 4 KB, or None."""
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii", "replace") if m else None


def parse_html(text: str) -> tuple[lxml.html.HtmlElement, bool]:
    """An lxml tree of an HTML document, parsed without network access, and whether the parser stopped
    at its depth limit (libxml2: 256 levels), the tree then lacking what lies deeper and after."""
    text = _XML_DECLARATION.sub("", text, count=1)
    if not text.strip():
        raise InputError("empty file")
    parser = _parser()
    try:
        tree = lxml.html.document_fromstring(text, parser=parser)
    except (lxml.etree.ParserError, ValueError) as e:
        raise InputError(f"malformed HTML: {e}") from e
    return tree, any("Excessive depth" in error.message for error in parser.error_log)


def _clean_lines(text: str) -> str:
    """Collapse runs of spaces, strip lines, keep one blank line between paragraphs."""
    paragraphs: list[str] = []
    for line in text.split("\n"):
        line = _SPACES.sub(" ", line).strip()
        if line:
            paragraphs.append(line)
    return "\n\n".join(paragraphs)


def element_text(element: lxml.html.HtmlElement, drop: tuple[str, ...] = ()) -> str:
    """Visible text of an element, one paragraph per block element, without scripts and styles."""
    parts: list[str] = []
    skip_depth = 0
    skipped = set(_INVISIBLE_TAGS) | set(drop)
    for event, el in lxml.etree.iterwalk(element, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else ""
        tag = tag.rsplit("}", 1)[-1].lower()
        if event == "start":
            if skip_depth or tag in skipped:
                skip_depth += 1
                continue
            if tag in BLOCK_TAGS or tag == "br":
                parts.append("\n")
            if el.text:
                parts.append(el.text)
        else:
            if skip_depth:
                skip_depth -= 1
                if skip_depth == 0 and el.tail:
                    parts.append(el.tail)
                continue
            if tag in BLOCK_TAGS:
                parts.append("\n")
            if el.tail and el is not element:
                parts.append(el.tail)
    return _clean_lines("".join(parts))


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed item's content, a dump's body field)."""
    if "<" not in fragment:
        return _clean_lines(fragment)
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div", parser=_parser())
    except (lxml.etree.ParserError, ValueError):
        return _clean_lines(re.sub(r"<[^>]*>", " ", fragment))
    return element_text(root)


def _canonical_url(tree: lxml.html.HtmlElement) -> str:
    for xpath in (
        '//link[translate(@rel, "CANONICAL", "canonical")="canonical"]/@href',
        '//meta[@property="og:url"]/@content',
        '//meta[@name="twitter:url"]/@content',
    ):
        for value in tree.xpath(xpath):
            if http_url(value):
                return http_url(value)
    return ""


def _page_title(tree: lxml.html.HtmlElement) -> str:
    for xpath in ('//meta[@property="og:title"]/@content', "//h1", "//title"):
        for value in tree.xpath(xpath):
            text = value if isinstance(value, str) else value.text_content()
            text = " ".join(str(text).split())
            if text:
                return text
    return ""


def _date_metadata(tree: lxml.html.HtmlElement) -> list[str]:
    """The values a page's date metadata may sit in: <meta> contents, <time datetime>, JSON-LD."""
    values = tree.xpath("//meta/@content | //time/@datetime | //script[@type='application/ld+json']/text()")
    return [str(v) for v in values if any(c.isdigit() for c in str(v))]


def _unwritten_day(values: list[str], date: dt.date | None) -> str | None:
    """A note when htmldate's `date` is the first of a month whose metadata writes a day that month
    lacks ("2022-02-30"): htmldate then falls back to year and month, and day 1 is a day nobody wrote."""
    if date is None or date.day != 1:
        return None
    for value in values:
        if (date.year, date.month) in impossible_months(value):
            return unusable_date_note("date", value.strip()[:60])
    return None


@dataclass
class _Extraction:
    """What a page yields: the fields of trafilatura's Document that the reader uses."""

    text: str
    title: str = ""
    date: str | None = None
    url: str = ""
    sitename: str = ""
    author: str = ""


def _extract_large(tree: lxml.html.HtmlElement, url: str) -> _Extraction | None:
    """Main text of a page too large for trafilatura, whose run time grows faster than the page:
    the visible text of <article>/<main> (else <body>) without navigation, footers and forms."""
    # deferred: 30 ms at start-up, measured with -X importtime; only whole pages need it, not the
    # feeds and dumps that import html_to_text from here.
    import htmldate

    log.info("page has more than %d elements: reading it without trafilatura", _MAX_ELEMENTS_FOR_TRAFILATURA)
    date = htmldate.find_date(tree, url=url or None, **_DATE_PARAMS)
    title = _page_title(tree)
    for element in tree.xpath(_BOILERPLATE_XPATH):
        # A "share-enabled" wrapper may hold the article itself: only leaves of the page go.
        if element.tag not in ("html", "body", "article", "main") and not element.xpath(".//article | .//main"):
            element.drop_tree()  # the tree is not used after this
    containers = tree.xpath("//article | //main | //*[@role='main']") or tree.xpath("//body") or [tree]
    text = element_text(containers[0], drop=_PAGE_CHROME_TAGS)
    if not text.strip():
        return None
    return _Extraction(text=text, title=title, date=date)


def _extract_markup(markup: str, tree: lxml.html.HtmlElement) -> _Extraction | None:
    """Text of a page nested deeper than a tree can hold: the visible text of its markup, in one
    linear pass; the title from what the tree kept of the page's head."""
    log.info("page nested deeper than the parser goes: reading the text of its markup")
    text = _clean_lines(markup_text(markup))
    return _Extraction(text=text, title=_page_title(tree)) if text else None


def _extract(tree: lxml.html.HtmlElement, url: str) -> object | None:
    """trafilatura's main-text extraction: precise first, then with recall when that finds nothing."""
    if sum(1 for _ in tree.iter()) > _MAX_ELEMENTS_FOR_TRAFILATURA:
        return _extract_large(tree, url)
    # deferred: 60 ms at start-up, measured with -X importtime; only whole pages need it.
    import trafilatura

    for precision in (True, False):
        doc = trafilatura.bare_extraction(
            tree,
            url=url or None,
            with_metadata=True,
            favor_precision=precision,
            favor_recall=not precision,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            date_extraction_params=_DATE_PARAMS,
        )
        if doc is not None and (getattr(doc, "text", "") or "").strip():
            return doc
    return None


def read_html(
    data: bytes,
    path: str,
    published: dt.date | None = None,
    *,
    url: str = "",
    declared: str | None = None,
) -> Article:
    """One Article from a saved or fetched HTML page; `url` is where it was fetched from, if it was."""
    text = decode_bytes(data, declared or declared_charset(data))
    tree, cut = parse_html(text)
    canonical = _canonical_url(tree)
    date_values = _date_metadata(tree)  # before extraction, which may drop <script> elements
    try:
        doc = None if cut else _extract(tree, canonical or url)
    except RecursionError:  # a tree deeper than trafilatura's recursion goes
        cut = True
    if cut:
        doc = _extract_markup(text, tree)
    if doc is None:
        raise InputError("no article text found in the HTML page")
    title = " ".join(str(getattr(doc, "title", None) or "").split()) or _page_title(tree)
    full_text = compose_text(title, _clean_lines(doc.text))
    meta_date = date_from_value(getattr(doc, "date", None))
    unwritten = _unwritten_day(date_values, meta_date)
    if unwritten is not None:
        meta_date = None
        if published is None:
            log.warning("%s: unusable publication date in the page's metadata (%s)", path, unwritten)
    date, source = choose_published(published, meta_date, full_text, path)
    if source in (DateSource.FILENAME, DateSource.NONE) and published is None:
        # The date line may sit in the article's header, which main-text extraction leaves out.
        for container in tree.xpath("//article | //main | //*[@role='main']")[:1]:
            header_date = date_from_text(element_text(container, drop=_PAGE_CHROME_TAGS))
            if header_date is not None:
                date, source = header_date, DateSource.TEXT
    return Article(
        text=full_text,
        title=title,
        published=date,
        published_source=source,
        source_path=path,
        url=canonical or url or http_url(getattr(doc, "url", None)),
        source=str(getattr(doc, "sitename", None) or ""),
        byline=str(getattr(doc, "author", None) or ""),
        fmt="html",
    )


def read_mhtml(data: bytes, path: str, published: dt.date | None = None) -> Article:
    """One Article from a page a browser saved as a single .mht/.mhtml file: its first HTML part."""
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    snapshot_url = str(message.get("Snapshot-Content-Location", "") or "")
    for part in message.walk():
        if part.get_content_type() != "text/html":
            continue
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes) or not payload.strip():
            continue
        url = snapshot_url or str(part.get("Content-Location", "") or "")
        return read_html(
            payload,
            path,
            published,
            url=url if url.startswith(("http://", "https://")) else "",
            declared=part.get_content_charset(),
        )
    raise InputError("saved web page (MHTML) without an HTML part")

