"""RSS and Atom feeds: each item an article dated by its own pubDate, after an XML safety check."""

from __future__ import annotations

import datetime as dt
import logging
import re
import time
from collections.abc import Iterator

import feedparser
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring

from timeline_app.core.ingest.encoding import bom_encoding, is_utf7, utf16_without_bom
from timeline_app.core.ingest.html import html_to_text
from timeline_app.core.ingest.fields import item_article
from timeline_app.core.ingest.knowledge import feed_fields
from timeline_app.core.ingest.pubdate import date_from_value, impossible_date, report_date_notes, unusable_date_note
from timeline_app.core.models import Article, SkippedInput
from timeline_app.errors import InputError

log = logging.getLogger(__name__)

_CDATA_OR_COMMENT = re.compile(rb"<!\[CDATA\[.*?\]\]>|<!--.*?-->", re.S)
_ENTITY_DECL = re.compile(rb"<!ENTITY", re.I)
_DOCTYPE = re.compile(rb"<!DOCTYPE[^>\[]*(?P<subset>\[)?", re.I)
_TEXT_ENCODINGS_FOR_SCAN = ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")
_XML_ENCODING = re.compile(rb"""^(\s*<\?xml[^>]*?\bencoding\s*=\s*["'])([^"']*)""", re.I)


def _without_utf7(data: bytes, declared: str | None) -> tuple[bytes, str | None]:
    """The feed and its declared charset with any UTF-7 declaration read as UTF-8: UTF-7 turns plain
    ASCII into other text ("+AGEAYgBj-" into "abc"), and feedparser would honour it."""
    m = _XML_ENCODING.match(data)
    if m and is_utf7(m.group(2).decode("ascii", "replace")):
        data = m.group(1) + b"utf-8" + data[m.end():]
    return data, None if declared and is_utf7(declared) else declared


def _scan_bytes(data: bytes) -> bytes:
    """The document as ASCII-compatible bytes, so that declarations in UTF-16 files are seen too."""
    encoding = bom_encoding(data) or utf16_without_bom(data)
    if encoding in _TEXT_ENCODINGS_FOR_SCAN:
        return data.decode(encoding, errors="replace").encode("utf-8", errors="replace")
    return data


def check_xml_safety(data: bytes) -> None:
    """Refuse XML that declares entities or an internal DTD subset ("billion laughs", external
    entities). A bare DOCTYPE naming a public DTD, as RSS 0.91 feeds carry, is harmless: no parser
    here loads it. Raises InputError with the reason."""
    scan = _CDATA_OR_COMMENT.sub(b"", _scan_bytes(data))
    if _ENTITY_DECL.search(scan):
        raise InputError("XML declares entities (an entity-expansion attack?): refused for safety")
    doctype = _DOCTYPE.search(scan)
    if doctype and doctype.group("subset"):
        raise InputError("XML declares an internal DTD (an entity-expansion attack?): refused for safety")
    try:
        fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as e:
        raise InputError(f"XML refused for safety: {e}") from e
    except (ParseError, ValueError, LookupError) as e:
        # Not well-formed: feedparser's lenient parser still reads many such feeds, and the
        # declarations that matter were ruled out above.
        log.debug("feed is not well-formed XML (%s); reading it leniently", e)


def _entry_date(entry: dict, notes: list[str]) -> dt.date | None:
    """The date an item was published (or else updated), as written in its own time zone."""
    for key in feed_fields("date"):
        raw = entry.get(key)
        if raw:
            date = date_from_value(raw)
            if date is not None:
                return date
            if impossible_date(raw):
                # feedparser rolls "2022-02-30" over into March 2: its parsed form would invent a day.
                notes.append(unusable_date_note(key, raw))
                continue
        parsed = entry.get(f"{key}_parsed")
        if isinstance(parsed, time.struct_time) and 1900 <= parsed.tm_year < 2100:
            return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
        if raw:
            notes.append(unusable_date_note(key, raw))
    return None


def _entry_body(entry: dict) -> str:
    """The item's fullest text: its content when there is some, else its summary, as plain text."""
    candidates = [c.get("value", "") for c in entry.get("content", []) or [] if isinstance(c, dict)]
    candidates.append(entry.get("summary", "") or "")
    best = max(candidates, key=len, default="")
    return html_to_text(best) if best else ""


def _parse_error(parsed: dict) -> str:
    """feedparser's complaint without its position: it counts lines of a document it rewrote."""
    return re.sub(r"^<unknown>:\d+:\d+:\s*", "", str(parsed.get("bozo_exception", ""))) or "not well-formed XML"


def _entry_author(entry: dict) -> str:
    detail = entry.get("author_detail") or {}
    return str(detail.get("name") or entry.get("author") or "").strip()


def read_feed(
    data: bytes, path: str, published: dt.date | None = None, *, declared: str | None = None
) -> Iterator[Article | SkippedInput]:
    """One Article per item of an RSS or Atom feed; `path#N` names item N (from 1)."""
    check_xml_safety(data)
    data, declared = _without_utf7(data, declared)
    headers = {"content-type": f"application/xml; charset={declared}"} if declared else None
    parsed = feedparser.parse(data, response_headers=headers, sanitize_html=False, resolve_relative_uris=False)
    entries = parsed.get("entries", [])
    if not entries:
        if parsed.get("bozo"):
            raise InputError(f"malformed feed: {_parse_error(parsed)}")
        raise InputError("feed has no items")
    if parsed.get("bozo"):
        log.info("%s: feed is not well-formed (%s); read leniently", path, parsed.get("bozo_exception"))
    feed_title = html_to_text(parsed.get("feed", {}).get("title", "") or "")
    notes: list[tuple[str, str]] = []
    items = [
        _entry_article(entry, number, path, feed_title, published, notes) for number, entry in enumerate(entries, 1)
    ]
    if parsed.get("bozo") and not any(isinstance(item, Article) for item in items):
        raise InputError(f"malformed feed: {_parse_error(parsed)}")
    report_date_notes(path, notes)
    yield from items


def _entry_article(
    entry: dict, number: int, path: str, feed_title: str, published: dt.date | None, notes: list[tuple[str, str]]
) -> Article | SkippedInput:
    item_path = f"{path}#{number}"
    title = html_to_text(entry.get("title", "") or "")
    body = _entry_body(entry)
    if not title and not body:
        return SkippedInput(item_path, f"feed item {number} has neither a title nor text")
    entry_notes: list[str] = []
    meta_date = _entry_date(entry, entry_notes)
    if published is None:  # a user-given date makes the item's own moot
        notes.extend((item_path, note) for note in entry_notes)
    return item_article(
        title,
        body,
        user_date=published,
        meta_date=meta_date,
        file_path=path,
        item_path=item_path,
        url=entry.get("link"),
        source=feed_title,
        byline=_entry_author(entry),
        fmt="feed",
    )
