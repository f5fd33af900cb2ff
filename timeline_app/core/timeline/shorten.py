"""Labels that do not fit: shortened at a word boundary with an ellipsis, or dropped."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable

log = logging.getLogger(__name__)

ELLIPSIS = "…"
_WORD_ENDS = re.compile(r"\S(?=\s)")
# Left before an ellipsis these read as a broken sentence ("talks, …"): they go with the cut.
_TRAILING = ",;:–—-(/"


def shorten(text: str, width: float, measure: Callable[[str], float], min_words: int = 2) -> str | None:
    """`text` if it fits in `width` pixels, else its longest start that ends a word, with an ellipsis,
    that fits; None when not even `min_words` words fit (a label cut inside a word reads as a typo,
    and "The…" alone says nothing).

    `measure` gives a string's width in pixels; it is called O(log words) times.
    """
    text = " ".join(text.split())
    if not text or width <= 0:
        return None
    if measure(text) <= width:
        return text
    ends = [m.end() for m in _WORD_ENDS.finditer(text)]
    best: str | None = None
    lo, hi = min_words - 1, len(ends) - 1
    # Longer starts are wider: binary search for the last word end that still fits.
    while lo <= hi:
        mid = (lo + hi) // 2
        candidate = text[:ends[mid]].rstrip(_TRAILING + " ") + ELLIPSIS
        if measure(candidate) <= width:
            best, lo = candidate, mid + 1
        else:
            hi = mid - 1
    if best is None or best == ELLIPSIS:
        return None
    return best
