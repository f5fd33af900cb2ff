"""The worker pool of an import, made without importing the extraction: each worker imports it, so a pool can start before the window loads."""

from __future__ import annotations

import datetime as dt
import importlib
from dataclasses import dataclass
from typing import Any

from timeline_app.core.batch.pool import WorkerPool
from timeline_app.core.budget import TIME_BUDGET

# A worker may stay silent this long past the time budget before it is taken for stuck: reading one
# input comes on top of processing its article (a download may take 60 s).
GRACE_SECONDS = 60.0
ARTICLES = "timeline_app.core.batch.articles"
SAMPLES = "timeline_app.core.batch.samples"


@dataclass(frozen=True)
class Named:
    """A function of `module` with keyword arguments bound, pickled by name: it is imported where it
    is called, in the worker, and not in the process that makes the pool."""

    module: str
    name: str
    bound: tuple[tuple[str, Any], ...] = ()

    def __call__(self, *args: Any) -> Any:
        return getattr(importlib.import_module(self.module), self.name)(*args, **dict(self.bound))


def worker_pool(workers: int, published: dt.date | None, known: frozenset[str], language: str | None = None,
                seconds: float | None = TIME_BUDGET, serving: str = ARTICLES) -> WorkerPool:
    """A pool of `workers` processes that read inputs and process their articles (core.batch.articles),
    skipping those whose hash is in `known`; a worker stuck past the time budget is replaced.

    `serving`: the module whose set_known() starts a worker and whose iter_results() it runs, when not
    core.batch.articles (SAMPLES: a first start's, which hands back the samples' stored rows).
    """
    silence = float("inf") if seconds is None else seconds + GRACE_SECONDS
    work = {"published": published, "language": language, "seconds": seconds}
    return WorkerPool(workers, Named(serving, "iter_results", tuple(work.items())),
                      Named(serving, "set_known", (("known", known),)), silence,
                      f"took longer than {silence:g} s: the worker reading it was stopped",
                      Named(ARTICLES, "iter_results", (*work.items(), ("known", known))),
                      settings=(published, language, seconds),
                      warm=Named(ARTICLES, "warm_up") if serving == ARTICLES else None)
