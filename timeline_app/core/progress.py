"""How long work reports its progress and hears a request to stop: plain callables, so the core needs no Qt."""

from __future__ import annotations

from collections.abc import Callable

# progress(done, total, what): `done` steps finished out of `total`, `what` names the last one.
Progress = Callable[[int, int, str], None]
# cancel() is True once the user has asked the work to stop; the work stops at its next check.
Cancel = Callable[[], bool]
# Long work as a worker thread runs it: job(progress, cancel) -> its result.
Job = Callable[[Progress, Cancel], object]
