"""Which resolved dates are a guess between two readings, to be marked mod=APPROX."""

from __future__ import annotations

import re

from timeline_app.core.temporal.resolve import Resolver
from timeline_app.core.temporal.tense import FUTURE, NEAREST, PAST
from timeline_app.core.temporal.values import describe

# A weekday, or a day or month without its year: what takes its direction from the tense.
_GUESSED = re.compile(r"^(?:DOW-[1-7]|XXXX-\d{2}(?:-\d{2})?)$")
# Two readings as near as this to the publication date (the farther at most this many times as far
# as the nearer: 4 days against 3, 7 months against 5) are a coin toss.
_AS_NEAR = 1.5


def is_guess(resolver: Resolver, value: str, tense: str | None, resolved: str) -> bool:
    """Whether `value`, written without its year and resolved to `resolved` under `tense`, is a guess
    a reader might make otherwise.

    - No tense cue in its clause ("The vote on Friday is a test"): news tells the past, so the
      default is the last such day (a day or month less than two months ahead stays ahead); when
      the other reading is nearer to the publication date, a reader may well take that one. The
      default is kept (on TimeBank and AQUAINT it was right both times the two differed) and marked.
    - A future seen from the past ("was scheduled for Sunday", "had been due in March") takes the
      nearer reading; when the other is about as near, that is a coin toss, marked.
    A date with a clear tense cue is not marked.
    """
    if not _GUESSED.match(value) or resolver.published is None:
        return False
    if tense is None:
        near = resolver.resolve(value, NEAREST)
        return near is not None and bool(near[0]) and near[0] != resolved
    if tense == NEAREST:
        if resolver.resolve(value, PAST) == resolver.resolve(value, FUTURE):
            return False  # one reading either way: a deadline just gone is also the "next" one
        distances = [_days_away(resolver, value, rel) for rel in (PAST, FUTURE)]
        if None in distances or 0 in distances:
            return False
        near, far = sorted(distances)
        return far <= _AS_NEAR * near
    return False


def _days_away(resolver: Resolver, value: str, rel: str) -> int | None:
    """Days between the publication date and the reading of `value` in direction `rel`."""
    result = resolver.resolve(value, rel)
    described = describe(result[0]) if result and result[0] else None
    if described is None or described[1] is None or resolver.published is None:
        return None
    first, last = described[1], described[2]
    if first <= resolver.published <= last:
        return 0
    return min(abs((first - resolver.published).days), abs((last - resolver.published).days))
