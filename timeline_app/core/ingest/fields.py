"""Article assembly shared by the readers: text from a title and a body, web URLs, one item's Article."""

from __future__ import annotations

import datetime as dt
import logging
import re

from timeline_app.core.ingest.encoding import normalise_newlines
from timeline_app.core.ingest.published import choose_published
from timeline_app.core.models import LIST_SEPARATOR, Article, IssuerSource

log = logging.getLogger(__name__)

_MAX_TITLE = 200


def compose_text(title: str, body: str) -> str:
    """An article's text as `title + "\\n\\n" + body`, without repeating a body that opens with the title."""
    title = " ".join(normalise_newlines(title).split())
    body = normalise_newlines(body).strip()
    first, _, rest = body.partition("\n")
    if title and first.strip().casefold() == title.casefold():
        body = rest.strip()
    if title and body:
        return f"{title}\n\n{body}"
    return title or body


def http_url(value: object) -> str:
    """`value` as text when it is an absolute http(s) URL, else "" (no javascript:, file: or relative links)."""
    text = str(value or "").strip()
    return text if text.startswith(("http://", "https://")) else ""


def issuer_code(value: object) -> str:
    """A metadata field's issuer code ("USA", "eu" -> "EU"), or a joint statement's list of them ("AUS; JPN,USA"
    -> "AUS;JPN;USA"); anything else is none, left to extraction."""
    codes = [c.strip().upper() for c in re.split(r"[;,]", str(value or ""))]
    if not all(re.fullmatch(r"[A-Z][A-Z0-9_]{1,15}", c) for c in codes):
        return ""
    return LIST_SEPARATOR.join(dict.fromkeys(codes))


def item_article(
    title: str,
    body: str,
    *,
    user_date: dt.date | None,
    meta_date: dt.date | None,
    file_path: str,
    item_path: str,
    url: object,
    source: str,
    byline: str,
    fmt: str,
    issuer: str = "",
) -> Article:
    """The Article of one item of a feed or dump: its text is title + body, its title the text's first line."""
    text = compose_text(title, body)
    date, date_source = choose_published(user_date, meta_date, text, file_path)
    return Article(
        text=text,
        title=text.split("\n", 1)[0][:_MAX_TITLE],
        published=date,
        published_source=date_source,
        source_path=item_path,
        url=http_url(url),
        source=source,
        byline=byline,
        fmt=fmt,
        issuer=issuer,
        issuer_source=IssuerSource.METADATA if issuer else IssuerSource.NONE,
    )
