"""Event summaries that read as headlines: from the start of their sentence, capitalised, cut after a whole word."""

from __future__ import annotations

import logging
import re

log = logging.getLogger(__name__)

SUMMARY_MAX = 200  # characters
ELLIPSIS = "\u2026"
# A joiner opening the sentence (matched at its start, so no "^": that would be the text's start).
_LEADING_JOINER = re.compile(r"(?:that|and|but|which|where|while|whereas)\s+(?=\S)", re.IGNORECASE)
_TRAILING = re.compile(r"[\s,;:\u2013\u2014-]+$")  # what a clause ends with when the sentence goes on
_SPACE = re.compile(r"\s")
_WORD = re.compile(r"[^\W\d_]+")
_HEAD_SHARE = 0.4  # of a summary cut in two: the sentence's opening (who), then the words around the date


def summary(text: str, start: int, end: int, date_start: int, date_end: int, limit: int = SUMMARY_MAX) -> str:
    """The headline of an event: text[start:end], from the start of its sentence to the end of the
    event's clause, capitalised. A longer one keeps its opening and the words around the date, each
    cut after a whole word, with an ellipsis where words are left out; it never starts mid-sentence.
    """
    joiner = _LEADING_JOINER.match(text, start, end)
    if joiner:  # "But Ankara rejected the offer": the headline is what was done
        start = joiner.end()
    end = start + len(_TRAILING.sub("", text[start:end]))
    if len(" ".join(text[start:end].split())) <= limit:
        return headline(text[start:end], limit)
    if date_end - start <= limit - 1:  # the date falls before the cut
        return headline(text[start:end], limit)
    head_end = _cut_back(text, start, start + int(limit * _HEAD_SHARE))
    room = limit - (head_end - start) - 2 * len(f" {ELLIPSIS} ")
    tail_start = _word_start(text, max(head_end, date_start - (room - (date_end - date_start)) // 2), date_start)
    tail_end = min(end, _cut_back(text, tail_start, tail_start + room))
    if tail_end < date_end:  # a date longer than the room: the words from it, cut
        tail_end = _cut_back(text, tail_start, tail_start + room)
    parts = [text[start:head_end], f" {ELLIPSIS} ", text[tail_start:tail_end]]
    if tail_end < end:
        parts.append(ELLIPSIS)
    return _capitalised(" ".join("".join(parts).split()))


def relative_clause_start(text: str, start: int, clause_start: int, openers: frozenset[str]) -> int:
    """Where the summary of a relative clause's event starts: at its antecedent, the words after the
    last of `openers` (prepositions) between the comma before the clause and the comma before that
    ("broke off relations with [Chile], to which it lost its coast in a war in the nineteenth
    century"); `start` when no such word stands there ("Angola, which had mediated since 2022")."""
    comma = text.rfind(",", start, clause_start)
    if comma < 0:
        return start
    last = None
    for m in _WORD.finditer(text, max(start, text.rfind(",", start, comma) + 1), comma):
        if m.group().lower() in openers:
            last = m
    if last is None or not text[last.end() : comma].strip():
        return start
    return last.end() + len(text[last.end() : comma]) - len(text[last.end() : comma].lstrip())


def headline(text: str, limit: int) -> str:
    """`text` on one line, its first letter a capital, at most `limit` characters: cut after a
    whole word with an ellipsis when longer (never inside a word)."""
    text = " ".join(text.split())
    if len(text) > limit:
        cut = _cut_back(text, 0, limit - len(ELLIPSIS))
        text = _TRAILING.sub("", text[:cut]) + ELLIPSIS
    return _capitalised(text)


def _capitalised(text: str) -> str:
    """The first letter a capital, also after an opening quote or bracket ("“the talks…" -> "“The talks…")."""
    for i, c in enumerate(text[:3]):
        if c.isalpha():
            return text[:i] + c.upper() + text[i + 1:] if c.islower() else text
    return text


def _cut_back(text: str, start: int, at: int) -> int:
    """Where text[start:at] ends after a whole word: `at` if a word ends there, else before the word
    it would cut (a single word longer than the room is cut where the room ends)."""
    if at >= len(text) or _SPACE.match(text, at) or _SPACE.match(text, at - 1):
        return min(at, len(text))
    space = max(text.rfind(" ", start, at), text.rfind("\n", start, at))
    return space if space > start else at


def _word_start(text: str, at: int, latest: int) -> int:
    """The start of the first whole word at or after `at` (no later than `latest`)."""
    if at <= 0 or _SPACE.match(text, at - 1):
        return at
    m = _SPACE.search(text, at, latest)
    return m.end() if m else latest
