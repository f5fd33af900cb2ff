"""The pool of an import made before the extraction is imported: functions named, settings compared."""

from __future__ import annotations

import datetime as dt
import pickle
from pathlib import Path

from tests.fresh import loaded_after
from timeline_app.core.batch.pools import Named, worker_pool
from timeline_app.core.pipeline import import_inputs

ARTICLE = "Talks in Athens\n\nPublished: 2 March 2024\n\nGreece and Turkey met in Athens on Thursday.\n"


def test_a_named_function_travels_by_name_with_its_arguments() -> None:
    named = Named("datetime", "date", (("day", 2),))
    again = pickle.loads(pickle.dumps(named))
    assert again == named and again(2024, 3) == dt.date(2024, 3, 2)


def test_making_a_pool_imports_no_extraction() -> None:
    code = "from timeline_app.core.batch.pools import worker_pool\nworker_pool(1, None, frozenset())"
    assert loaded_after(code, ("timeline_app.core.batch.articles", "pandas", "dateparser")) == ("", [])


class _Pool:
    """Stands for a started pool made with `settings`: records whether it was run or stopped."""

    size = 1

    def __init__(self, settings: tuple) -> None:
        self.settings = settings
        self.calls: list[str] = []

    def run(self, chunks, ready=None):
        self.calls.append("run")
        return iter(())

    def stop(self) -> None:
        self.calls.append("stop")


def test_an_import_uses_a_pool_made_for_its_settings_and_stops_one_that_is_not(tmp_path: Path) -> None:
    article = tmp_path / "athens.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    fits = _Pool((None, None, 30.0))
    import_inputs([str(article)], tmp_path / "a.sqlite3", pool=fits, time_budget=30.0)
    assert fits.calls == ["run"]
    other = _Pool((None, None, 30.0))
    report = import_inputs([str(article)], tmp_path / "b.sqlite3", pool=other, published=dt.date(2024, 3, 3),
                           time_budget=30.0)
    assert other.calls == ["stop"] and report.added == 1  # read in this process instead
    assert worker_pool(2, dt.date(2024, 3, 3), frozenset(), "fr", None).settings == (dt.date(2024, 3, 3), "fr", None)


class _StartingPool(_Pool):
    """A pool of two workers that start one after the other, then hand back every input done."""

    size = 2

    def run(self, chunks, ready=None):
        ready(1)
        ready(2)
        for chunk in chunks:
            for path in chunk:
                yield path, [], True
        ready(2)  # a worker replaced later starts again: the count is under way by then


def test_an_import_says_its_workers_start_before_its_first_input_is_done(tmp_path: Path) -> None:
    paths = [str(tmp_path / f"{n}.txt") for n in range(3)]
    for path in paths:
        Path(path).write_text(ARTICLE, encoding="utf-8")
    said: list[tuple[int, int, str]] = []
    import_inputs(paths, tmp_path / "a.sqlite3", pool=_StartingPool((None, None, 30.0)), time_budget=30.0,
                  progress=lambda done, total, what: said.append((done, total, what)))
    assert said[:4] == [(0, 3, ""), (0, 3, "starting 2 worker processes: loading the rules and tables"),
                        (0, 3, "1 of 2 worker processes ready"), (0, 3, "reading the first articles")]
    assert [done for done, _total, _what in said[4:]] == [1, 2, 3]  # nothing said once inputs count
