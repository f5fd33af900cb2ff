"""Sentence boundaries in news text, as character spans, tolerant of abbreviations and headlines."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

# Words that end with a full stop without ending a sentence. Lower-cased, without the stop.
_ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof gen lt col maj capt sgt adm cmdr gov sen rep rev sr jr st mt ft
    jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue tues wed thu thur thurs fri sat sun
    no nos vol fig est approx vs etc inc corp co ltd dept univ ave blvd
    pres amb sec min
    """.split()
)

# Characters a sentence may have; a longer run is cut into pieces at spaces. No sentence people write
# is that long (1,235 characters at most in 120,000 sentences of the evaluation sets, markup
# included), and the work on a sentence is done again for each date in it.
MAX_SENTENCE = 2_000

# A candidate end: terminal punctuation, optional closing quotes/brackets, then whitespace.
_END = re.compile(r"[.!?]+[\"'\u2019\u201d)\]]*(?=\s)")
_PARAGRAPH = re.compile(r"\n\s*\n|\n(?=\s*\S)")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the full stop at `dot` closes an abbreviation or an initial ("U.S.", "J.")."""
    m = _WORD_BEFORE.search(text, max(0, dot - 12), dot)
    if not m:
        return False
    word = m.group(1)
    if "." in word:  # U.S, U.N, a.m
        return True
    if len(word) == 1 and word.isupper():  # an initial: "George W. Bush"
        return True
    return word.lower() in _ABBREVIATIONS


def _next_starts_sentence(text: str, pos: int) -> bool:
    """True when the text after `pos` (past whitespace) looks like the start of a sentence."""
    n = len(text)
    while pos < n and text[pos].isspace():
        pos += 1
    if pos >= n:
        return True
    ch = text[pos]
    # A letter of a script without case (Arabic) may start a sentence as a capital does.
    caseless = ch.isalpha() and not ch.islower() and not ch.isupper()
    return ch.isupper() or caseless or ch.isdigit() or ch in "\"'\u201c\u2018(\u00ab\u201e\u00bf\u00a1"  # also « „ ¿ ¡


def split_sentences(text: str, unbroken: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Spans (start, end) of the sentences of `text`, whitespace trimmed, in order.

    A line break ends a sentence (headlines and bylines have no full stop); a full stop ends one
    unless it closes an abbreviation or an initial, or the next word starts in lower case, or it
    stands inside one of the sorted spans `unbroken`: the date expressions found, whose German
    ordinal day ("am 4. April") ends with a full stop before a capital.
    """
    spans: list[tuple[int, int]] = []
    inside = sorted(unbroken)
    starts = [a for a, _b in inside]
    for block_start, block_end in _blocks(text):
        start = block_start
        for m in _END.finditer(text, block_start, block_end):
            end = m.end()
            last_dot = m.start()
            if text[last_dot] == "." and _is_abbreviation(text, last_dot):
                continue  # "Dec. 28", "Gen. Smith", "the U.S. Army"
            k = bisect.bisect_right(starts, last_dot) - 1
            if k >= 0 and last_dot < inside[k][1] - 1:
                continue  # "ab dem 20. März 2016": the stop is inside a date (a span ending at it may end the sentence)
            if not _next_starts_sentence(text, end):
                continue
            _append(spans, text, start, end)
            start = end
        _append(spans, text, start, block_end)
    return spans


def _blocks(text: str) -> list[tuple[int, int]]:
    """Lines of the text (a newline always ends a sentence)."""
    blocks = []
    pos = 0
    for m in re.finditer(r"\n", text):
        blocks.append((pos, m.start()))
        pos = m.end()
    blocks.append((pos, len(text)))
    return blocks


def _append(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE:  # a run-on: pieces cut at the last space that keeps them short
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE + 1)
        cut = cut if cut > start else start + MAX_SENTENCE
        _append(spans, text, start, cut)
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        spans.append((start, end))


def sentence_at(spans: list[tuple[int, int]], offset: int) -> tuple[int, int] | None:
    """The span from `spans` that contains `offset`, found by binary search."""
    lo, hi = 0, len(spans)
    while lo < hi:
        mid = (lo + hi) // 2
        if spans[mid][1] <= offset:
            lo = mid + 1
        else:
            hi = mid
    if lo < len(spans) and spans[lo][0] <= offset < spans[lo][1]:
        return spans[lo]
    return None
