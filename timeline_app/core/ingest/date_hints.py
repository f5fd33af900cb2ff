"""Guesses at an undated article's publication date, offered to the user, and a typed date read back."""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import zipfile
from dataclasses import dataclass

from timeline_app.core.ingest.pubdate import find_date
from timeline_app.core.models import Article

log = logging.getLogger(__name__)

# The top of an article is where a date that stands for its publication is written; a whole
# book-length text is not searched to make a suggestion.
_HINT_CHARS = 20_000
_TYPED_ISO = re.compile(r"(?P<year>\d{4})[-/.](?P<month>\d{1,2})[-/.](?P<day>\d{1,2})")


@dataclass(frozen=True)
class DateHint:
    """A day the article may have been published, and why the app thinks so (for the user to judge)."""

    day: dt.date
    reason: str  # "first date in the text: “28 December 2022”"


def publication_hints(article: Article, today: dt.date | None = None) -> list[DateHint]:
    """The app's best guesses, best first: the first full date written in the text, then the time
    its file (or its archive member) was last changed. None after `today`; each day once."""
    today = today or dt.date.today()
    hints: list[DateHint] = []
    found = find_date(article.text[:_HINT_CHARS])
    if found is not None:
        day, start, end = found
        hints.append(DateHint(day, f"first date in the text: “{article.text[start:end]}”"))
    modified = file_date(article.source_path)
    if modified is not None:
        hints.append(DateHint(modified, "the file was last changed today: perhaps when it was saved, not published"
                              if modified == today else "the file was last changed that day"))
    out: list[DateHint] = []
    for hint in hints:
        if hint.day <= today and all(h.day != hint.day for h in out):
            out.append(hint)
    return out


def file_date(source_path: str) -> dt.date | None:
    """The day a local file, or a member of a local zip archive ("a.zip!b.txt"), was last changed."""
    if not source_path or "://" in source_path:
        return None
    archive, _sep, member = source_path.partition("!")
    try:
        if member:
            if "!" in member:  # an archive inside an archive: its outer date says nothing of the member
                return None
            with zipfile.ZipFile(archive) as zf:
                year, month, day = zf.getinfo(member).date_time[:3]
            return dt.date(year, month, day)
        return dt.date.fromtimestamp(os.stat(archive).st_mtime)
    except (OSError, KeyError, ValueError, zipfile.BadZipFile) as e:
        log.debug("no file date for %s: %s", source_path, e)
        return None


def parse_typed_date(text: str) -> dt.date | None:
    """A date the user typed: 2022-12-28 (also with / or .), or with the month in words
    ("28 December 2022", "Dec. 28, 2022"). None for anything else, such as 03/04/2022, whose day
    and month could be either way round."""
    text = text.strip()
    m = _TYPED_ISO.fullmatch(text)
    if m:
        try:
            return dt.date(int(m["year"]), int(m["month"]), int(m["day"]))
        except ValueError:
            return None
    if not any(c.isalpha() for c in text):
        return None
    found = find_date(text)
    if found is None or found[1] != 0 or found[2] != len(text):
        return None
    return found[0]
