"""Plain-text and Markdown articles: the whole decoded text, title from the first line, byline, date."""

from __future__ import annotations

import datetime as dt
import logging
import re

from timeline_app.core.ingest.detect import extension
from timeline_app.core.ingest.encoding import decode_bytes
from timeline_app.core.ingest.fields import http_url, issuer_code
from timeline_app.core.ingest.knowledge import dump_fields, norm_key
from timeline_app.core.ingest.limits import DEFAULT_LIMITS, Limits, too_long
from timeline_app.core.ingest.article_top import find_byline
from timeline_app.core.ingest.pubdate import first_date
from timeline_app.core.ingest.published import choose_published
from timeline_app.core.models import Article, DateSource, IssuerSource
from timeline_app.errors import InputError

log = logging.getLogger(__name__)

_MARKDOWN_EXTENSIONS = frozenset({".md", ".markdown"})
_HEADING_MARKS = re.compile(r"^\s{0,3}#{1,6}\s*|\s+#+\s*$")
_EMPHASIS = re.compile(r"^[*_]{1,3}(.+?)[*_]{1,3}$")
_FRONT_MATTER_KEY = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)\s*:\s*(?P<value>.*)$")
_FRONT_MATTER_LINES = 60
_MAX_TITLE = 200


def split_front_matter(text: str) -> tuple[dict[str, str], int]:
    """Key-value pairs of a YAML-style front matter block ("---" lines) and where the body starts."""
    if not text.startswith("---\n"):
        return {}, 0
    end = text.find("\n---", 4)
    if end < 0 or text.count("\n", 0, end) > _FRONT_MATTER_LINES:
        return {}, 0
    fields: dict[str, str] = {}
    for line in text[4:end].split("\n"):
        m = _FRONT_MATTER_KEY.match(line.strip())
        if m:
            fields[m["key"].lower()] = m["value"].strip().strip("\"'")
    body_start = text.find("\n", end + 4)
    return fields, len(text) if body_start < 0 else body_start + 1


def clean_title(line: str) -> str:
    """A heading line without Markdown marks, emphasis and surrounding space, at most 200 characters."""
    title = _HEADING_MARKS.sub("", line).strip()
    m = _EMPHASIS.match(title)
    if m:
        title = m.group(1).strip()
    if len(title) > _MAX_TITLE:
        cut = title.rfind(" ", 0, _MAX_TITLE)
        title = title[: cut if cut > 0 else _MAX_TITLE].rstrip(" ,;:") + "\u2026"
    return title


def first_line(text: str) -> str:
    """The first non-empty line of `text`, stripped."""
    for line in text.split("\n"):
        if line.strip():
            return line.strip()
    return ""


def read_text(data: bytes, path: str, published: dt.date | None = None, *, declared: str | None = None,
              limits: Limits = DEFAULT_LIMITS) -> Article:
    """One Article from a plain-text or Markdown file; its text is the whole decoded file."""
    text = decode_bytes(data, declared)
    reason = too_long(len(text), limits)  # before the work on a text that would be refused anyway
    if reason:
        raise InputError(reason)
    if not text.strip():
        raise InputError("empty file")
    front, body_start = split_front_matter(text)
    body = text[body_start:]
    title = clean_title(front.get("title", "")) or clean_title(first_line(body))
    # Front matter is metadata like a dump record's: the same date keys, compared the same way.
    front_keys = {norm_key(key): value for key, value in front.items()}
    notes: list[str] = []
    meta_date = first_date(((key, front_keys.get(key)) for key in dump_fields("date")), notes)
    if notes and published is None:
        log.warning("%s: unusable publication date in the front matter (%s)", path, "; ".join(notes))
    date, source = choose_published(published, meta_date, body, path)
    byline = front.get("author", "") or find_byline(body)
    if source is DateSource.NONE:
        log.debug("%s: no publication date found", path)
    return Article(
        text=text,
        title=title,
        published=date,
        published_source=source,
        source_path=path,
        url=http_url(front.get("url")),
        source=front.get("source", ""),
        byline=byline,
        issuer=issuer_code(front.get("issuer")),
        issuer_source=IssuerSource.METADATA if issuer_code(front.get("issuer")) else IssuerSource.NONE,
        fmt="markdown" if extension(path) in _MARKDOWN_EXTENSIONS else "text",
    )
