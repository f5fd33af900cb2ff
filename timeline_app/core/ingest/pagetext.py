"""Lines of printed pages to an article's text: running heads and feet dropped, hyphens undone, paragraphs rejoined."""

from __future__ import annotations

import re

# Running heads and feet sit in the first or last few lines of a page.
_BAND = 3
_DIGITS = re.compile(r"\d+")
# A line that opens a list item starts a paragraph of its own.
_LIST_ITEM = re.compile(r"^(?:[\u2022\u2023\u25aa\u25cf\u2013\u2014*\-]\s|\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]\s)")
_SENTENCE_END = re.compile(r"[.!?:;\"\u201d\u2019)\]]$")
# A line this much shorter than a full one ends its paragraph where it ends a sentence, and is a
# heading when it ends none; a justified or ragged line that wraps rarely falls below either.
_SHORT_SENTENCE_LINE = 0.8
_HEADING_LINE = 0.55
_SOFT_HYPHEN = "\u00ad"


def _key(line: str) -> str:
    """A line as running lines are compared: page numbers and dates as "#", spaces single, case folded."""
    return " ".join(_DIGITS.sub("#", line).split()).casefold()


def running_lines(pages: list[list[str]]) -> set[str]:
    """Keys of the lines that head or foot most pages ("Ministry of Foreign Affairs", "Page 2 of 5").

    A line counts when it stands among the first or last three lines of more than half the pages,
    and of two at least: a document of one page has none.
    """
    counts: dict[str, int] = {}
    for lines in pages:
        band = {_key(line) for line in lines[:_BAND] + lines[-_BAND:] if line.strip()}
        for key in band:
            counts[key] = counts.get(key, 0) + 1
    return {key for key, n in counts.items() if n >= 2 and n * 2 > len(pages)}


def _strip_running(lines: list[str], running: set[str]) -> list[str]:
    """A page's lines without the running ones at its top and bottom; such a line in the body stays."""
    start, end = 0, len(lines)
    while start < min(_BAND, end) and (not lines[start].strip() or _key(lines[start]) in running):
        start += 1
    while end > max(start, len(lines) - _BAND) and (not lines[end - 1].strip() or _key(lines[end - 1]) in running):
        end -= 1
    return lines[start:end]


def _full_width(lines: list[str]) -> int:
    """The length of a full line of the body: the longest but for a few outliers (a URL, a table row)."""
    lengths = sorted(len(line) for line in lines)
    return lengths[-1 - len(lengths) // 10] if lengths else 0


def _joined(previous: str, line: str) -> str | None:
    """`previous` and `line` as one when `previous` ends in a hyphen that breaks a word, else None.

    "diplo-" + "matic" is "diplomatic"; "Franco-" + "German" keeps its hyphen, and a dash that ends
    a phrase ("talks -") breaks no word.
    """
    if previous.endswith(_SOFT_HYPHEN):
        return previous[:-1] + line
    if len(previous) < 2 or previous[-1] not in "-\u2010" or not previous[-2].isalpha() or not line[:1].isalpha():
        return None
    return previous[:-1] + line if line[0].islower() else previous + line


def _ends_paragraph(line: str, width: int) -> bool:
    """True when `line` is the last of its paragraph: a short line that ends a sentence, or a heading."""
    if line.endswith(_SOFT_HYPHEN) or (len(line) > 1 and line[-1] in "-\u2010" and line[-2].isalpha()):
        return False  # a word broken at the line's end goes on in the next
    if len(line) < _HEADING_LINE * width:
        return True
    return len(line) < _SHORT_SENTENCE_LINE * width and _SENTENCE_END.search(line) is not None


def paragraphs(lines: list[str]) -> list[str]:
    """The paragraphs that `lines`, wrapped as printed, make: wrapped lines joined with a space."""
    stripped = [" ".join(line.split()) for line in lines]
    width = _full_width([line for line in stripped if line])
    out: list[str] = []
    current = ""
    for line in stripped:
        if not line:
            if current:
                out.append(current)
            current = ""
            continue
        if current and _LIST_ITEM.match(line):
            out.append(current)
            current = ""
        if not current:
            current = line
        else:
            current = _joined(current, line) or f"{current} {line}"
        if _ends_paragraph(line, width):
            out.append(current)
            current = ""
    if current:
        out.append(current)
    return out


def pages_text(pages: list[list[str]]) -> str:
    """The text of printed pages: running heads and feet dropped, paragraphs one a line, a blank line between.

    A paragraph that runs on over a page break is one paragraph.
    """
    running = running_lines(pages)
    lines = [line for page in pages for line in _strip_running(page, running)]
    if not any(line.strip() for line in lines):  # every line repeats: then they are the text, not its frame
        lines = [line for page in pages for line in page]
    return "\n\n".join(paragraphs(lines))
