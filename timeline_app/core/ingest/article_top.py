"""The lines at the top of an article: its date line, its byline, and the lines that date it (never events)."""

from __future__ import annotations

import datetime as dt
import re

from timeline_app.core.datelabels import PUBLISHED, UPDATED, label_pattern
from timeline_app.core.ingest.pubdate import find_date

_MARKUP_PREFIX = re.compile(r"^[\s#>*_\-|]+")
_WORD = re.compile(r"[^\W_]+")
_BYLINE = re.compile(
    r"^(?i:by|written\s+by|reporting\s+by|words\s+by)\s+(?P<name>[A-Z\u00c0-\u00de][^\n]{1,100})$"
    r"|^(?i:authors?|byline|reporter|correspondent)\s*:\s*(?P<label_name>\S[^\n]{0,100})$"
)
# Lower-case words that may stand beside the date on a date line; any other one makes it a sentence.
_DATE_LINE_WORDS = frozenset(
    "by on at and am pm of de del le la der den um à às el the last updated published posted modified first date г".split()
)
# "MOSCOW, Dec. 28, 2022 (Reuters) -": a wire-style dateline opening the first paragraph.
_DATELINE = re.compile(r"^[A-Z][A-Z.'\- ]{1,40}(?:,\s*[A-Z][\w.]+)*,\s*")
# "ירושלים, 12 במרץ 2023 (רויטרס) –", "القاهرة، 12 مارس 2023 (رويترز) -": Hebrew and Arabic have no capitals
# to tell a place from a sentence's first words ("ביום ראשון, 12 במרץ 2023, ..."), so the agency's dash
# after the date must close the dateline.
_RTL_DATELINE = re.compile(r"^[\u05d0-\u05ea\u0620-\u064a][\u05d0-\u05ea\u0620-\u064a'\"\u05f3\u05f4\- ]{1,40}[,\u060c]\s*")
_RTL_DATELINE_END = re.compile(r"\s*(?:\([^()\n]{1,40}\)\s*)?[-\u2013\u2014]")
_TOP_LINES = 12
_LINE_END = re.compile(r"[.!?][\"'\u201d\u2019]?$")  # a sentence's last mark: a date line has none
_TOP_CHARS = 20_000  # the top of an article: a huge text is not split whole to find its first lines
_BODY_WORDS = 25  # a line this long is body text: short date lines come before it
_LINE_REST_WORDS = 6  # an unlabelled date line holds little else ("By Jane Doe | 3 March 2020")


def top_lines(text: str, limit: int = _TOP_LINES) -> list[str]:
    """The first `limit` non-empty lines, stripped."""
    lines: list[str] = []
    for line in text[:_TOP_CHARS].split("\n"):
        line = line.strip()
        if line:
            lines.append(line)
            if len(lines) >= limit:
                break
    return lines


def _is_sentence(words: list[str]) -> bool:
    """True when words beside a date read as a sentence ("the talks were dated"), not a date line."""
    return any(w.islower() and w not in _DATE_LINE_WORDS for w in words)


def _labelled(line: str, label: re.Pattern[str]) -> dt.date | None:
    for m in label.finditer(line):
        found = find_date(line[m.end() : m.end() + 80])
        if found and found[1] <= 12:  # the date follows the label, not a later clause
            rest = line[: m.start()] + " " + line[m.end() + found[2] :]
            if not _is_sentence(_WORD.findall(rest)):
                return found[0]
    return None


def date_from_text(text: str) -> dt.date | None:
    """A publication date written near the top: a labelled line ("Published: 3 March 2020",
    "Date: 2022-12-28") or a short line that is mostly a date ("December 28, 2022",
    "By Jane Doe | Dec. 28, 2022"). The first line is the title: only a labelled date counts there.
    Dates inside body sentences are events, never taken."""
    updated: dt.date | None = None
    body_lines = 0
    for index, raw in enumerate(top_lines(text)):
        line = _MARKUP_PREFIX.sub("", raw)
        words = len(line.split())
        if words >= _BODY_WORDS:
            body_lines += 1
            if body_lines >= 2:
                break
            date = _dateline_date(line)
            if date:
                return date
            continue
        date = _labelled(line, label_pattern(PUBLISHED))
        if date:
            return date
        if updated is None:
            updated = _labelled(line, label_pattern(UPDATED))
        if body_lines or index == 0 or label_pattern(UPDATED).search(line):
            continue
        date = _dateline_date(line)  # a short first paragraph opened by a wire dateline
        if date:
            return date
        found = find_date(line)
        if found:
            rest = _WORD.findall(line[: found[1]] + " " + line[found[2] :])
            if len(rest) <= _LINE_REST_WORDS and not _is_sentence(rest):
                return found[0]
    return updated


def _dateline_date(line: str) -> dt.date | None:
    """The date of a wire-style dateline opening `line` ("MOSCOW, Dec. 28, 2022 (Reuters) -"), or None."""
    latin = _DATELINE.match(line)
    dateline = latin or _RTL_DATELINE.match(line)
    if dateline is None:
        return None
    found = find_date(line[: dateline.end() + 40])
    if not found or found[1] != dateline.end():
        return None
    return found[0] if latin or _RTL_DATELINE_END.match(line, found[2]) else None


def header_lines(text: str) -> list[tuple[int, int]]:
    """The spans of the lines at the top that date the article itself: a line opened by a publication or
    update label and its date ("Published: 15 March 2023 at 10:00 UTC", "Posted on March 15, 2023 by admin")
    or a byline with a date ("By Jane Doe, 15 March 2023"). Told by the labels and month names of every
    language read, so that a text read with another language's date rules still keeps them out of its
    events. Unlabelled date lines are not taken: atop a statement ("Busan, 26 November 2023") such a line
    dates its issue, an event."""
    spans: list[tuple[int, int]] = []
    start, seen, body_lines = 0, 0, 0
    while start < min(len(text), _TOP_CHARS) and seen < _TOP_LINES:
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        line = _MARKUP_PREFIX.sub("", text[start:end]).strip()
        if line:
            seen += 1
            if len(line.split()) >= _BODY_WORDS:
                body_lines += 1
                if body_lines >= 2:
                    break
            elif _dates_article(line):
                spans.append((start, end))
        start = end + 1
    return spans


def _dates_article(line: str) -> bool:
    """True for a short line that only says when the article was published or updated, or by whom."""
    if _BYLINE.match(line):
        return find_date(line) is not None
    if _LINE_END.search(line):
        return False  # "Posted on 3 March 2021, the report says ...": a sentence
    for kind in (PUBLISHED, UPDATED):
        label = label_pattern(kind).match(line)
        if label is not None and (found := find_date(line[label.end() :])) is not None and found[1] == 0:
            return True
    return False


def find_byline(text: str) -> str:
    """The author named on a byline near the top ("By Jane Doe", "Author: ..."), or ""."""
    for raw in top_lines(text):
        line = _MARKUP_PREFIX.sub("", raw).strip("*_ ")
        if len(line.split()) > 14:
            continue
        m = _BYLINE.match(line)
        if not m:
            continue
        name = m["name"] or m["label_name"] or ""
        found = find_date(name)
        if found:
            name = name[: found[1]] + name[found[2] :]
        name = label_pattern(PUBLISHED).sub(" ", name)
        name = re.split(r"\s[|\u2022\u00b7]\s|\s[\u2013\u2014-]\s", name)[0]
        name = name.strip(" ,;:|-\u2013\u2014*_")
        if name:
            return name
    return ""
