"""The time one article may take: a deadline the batch work sets and the long loops of the engines check."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator
from contextvars import ContextVar

from timeline_app.errors import BudgetError

# Seconds one article may take to process (its reading not counted): dense dated news of the most
# characters an article may have takes 3-7 s here. A longer article is skipped with a reason.
TIME_BUDGET = 30.0

# (monotonic deadline, the budget in seconds) of the article being worked on in this thread, if any.
_DEADLINE: ContextVar[tuple[float, float] | None] = ContextVar("article_deadline", default=None)


@contextlib.contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Within the block, check() raises BudgetError once `seconds` have passed (None: no limit)."""
    token = _DEADLINE.set(None if seconds is None else (time.monotonic() + seconds, seconds))
    try:
        yield
    finally:
        _DEADLINE.reset(token)


def check() -> None:
    """Raise BudgetError when the article's time is up; cheap enough for every step of a loop (0.1 µs)."""
    deadline = _DEADLINE.get()
    if deadline is not None and time.monotonic() > deadline[0]:
        raise BudgetError(f"took longer than {deadline[1]:g} s, the time one article may take")
