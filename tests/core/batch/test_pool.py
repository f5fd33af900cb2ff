"""Worker processes: results handed on as they are made, a stuck worker replaced, a dying one survived."""

import atexit
import functools
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.fresh import ROOT
from timeline_app.core.batch.pool import WorkerPool
from timeline_app.core.models import SkippedInput


def _start() -> None:
    pass


def _broken_start() -> None:
    raise RuntimeError("the tables cannot be loaded")


def _work(path: str):
    """Inputs name what they do: "ok:3" gives 3 results, "slow:3" too, one a second, "hang" sleeps,
    "die" ends its process every time, "die-once:<file>" the first time only, "mark:<file>" gives one
    result and adds a line to the file."""
    kind, _, arg = path.partition(":")
    if kind == "mark":
        with open(arg, "a", encoding="utf-8") as f:
            f.write("read\n")
    if kind == "hang":
        time.sleep(600)
    if kind == "die" or (kind == "die-once" and not Path(arg).exists()):
        if kind == "die-once":
            Path(arg).touch()
        os._exit(3)  # as when the system kills it (out of memory, a crash in a C library)
    for n in range(int(arg) if kind in ("ok", "slow") else 1):
        if kind == "slow":
            time.sleep(1)
        yield f"{path}#{n}"


def _run(chunks, start=_start, silence=30.0, size=2):
    pool = WorkerPool(size, _work, start, silence, "took too long", _work)
    return list(pool.run(chunks))


def _outcome(pieces):
    """Each input's results, and the order in which inputs were done."""
    results: dict[str, list] = {}
    done: list[str] = []
    for path, items, finished in pieces:
        results.setdefault(path, []).extend(items)
        if finished:
            done.append(path)
    return results, done


def test_each_result_comes_as_it_is_made_and_a_long_input_holds_up_no_other():
    pieces = _run([["slow:4"], ["ok:1"], ["ok:2", "ok:1"]])
    results, done = _outcome(pieces)
    assert results["slow:4"] == [f"slow:4#{n}" for n in range(4)]
    assert sorted(done) == ["ok:1", "ok:1", "ok:2", "slow:4"]
    assert done[-1] == "slow:4"  # the other worker did the rest meanwhile
    firsts = [i for i, (path, items, _) in enumerate(pieces) if path == "slow:4" and items]
    assert firsts[0] < len(pieces) - 2  # its first result came long before it was done


def test_a_stuck_worker_is_replaced_and_its_input_skipped():
    started = time.monotonic()
    results, done = _outcome(_run([["ok:1", "hang", "ok:2"], ["ok:1"], ["ok:3"]], silence=2.0))
    assert time.monotonic() - started < 60
    assert results["hang"] == [SkippedInput("hang", "took too long")]
    assert results["ok:2"] == ["ok:2#0", "ok:2#1"] and results["ok:3"] == ["ok:3#0", "ok:3#1", "ok:3#2"]
    assert len(done) == 5


def test_a_worker_that_dies_is_replaced_and_the_input_tried_again(tmp_path):
    paths = [f"die-once:{tmp_path / str(n)}" for n in range(6)]
    results, done = _outcome(_run([paths[:3], paths[3:]]))
    assert sorted(done) == sorted(paths)
    assert all(results[p] == [f"{p}#0"] for p in paths)


def test_an_input_that_kills_its_worker_twice_is_skipped_and_the_rest_is_done():
    results, done = _outcome(_run([["ok:1", "die", "ok:2"]]))
    assert results["die"] == [SkippedInput("die", "the worker process reading it stopped twice (exit code 3; out of memory?)")]
    assert results["ok:2"] == ["ok:2#0", "ok:2#1"] and len(done) == 3


def test_when_no_worker_can_start_the_inputs_are_done_here():
    ready: list[int] = []
    pool = WorkerPool(2, _work, _broken_start, 30.0, "took too long", _work)
    results, done = _outcome(pool.run([["ok:1"], ["ok:2"]], ready.append))
    assert results == {"ok:1": ["ok:1#0"], "ok:2": ["ok:2#0", "ok:2#1"]} and len(done) == 2
    assert ready == []  # no worker said it was ready: none is counted


def test_the_caller_hears_each_worker_start_before_the_results():
    heard: list[object] = []
    pool = WorkerPool(2, _work, _start, 30.0, "took too long", _work)
    for path, _items, finished in pool.run([["ok:1"], ["ok:1"], ["ok:1"]], heard.append):
        if finished:
            heard.append(path)
    # The second worker may start after the first has done an input, or after all of them (then it is
    # not heard): only the first start is sure to come first.
    starts = [h for h in heard if isinstance(h, int)]
    assert heard[0] == 1 and starts == [1, 2][:len(starts)]
    assert [h for h in heard if isinstance(h, str)] == ["ok:1"] * 3


def _started_how(path: str):
    """One result: whether the worker shares this test's marker module, i.e. was forked from it."""
    kind, _, arg = path.partition(":")
    if kind == "die-once" and not Path(arg).exists():
        Path(arg).touch()
        os._exit(3)
    yield "forked" if "tests.core.batch.marker" in sys.modules else "spawned"


_IN_A_FRESH_PYTHON = """
import threading, sys, types
sys.modules["tests.core.batch.marker"] = types.ModuleType("marker")  # only a forked worker has it
from timeline_app.core.batch.pool import WorkerPool
from tests.core.batch.test_pool import _start, _started_how
if {busy}:
    threading.Thread(target=threading.Event().wait, args=(5,), daemon=True).start()
pool = WorkerPool(1, _started_how, _start, 30.0, "took too long", _started_how)
pool.start(fork=True)
print([item for _path, items, _done in pool.run([["first", "{die}", "then"]]) for item in items])
"""


def _how_workers_start(busy: bool, die: str = "again") -> str:
    code = _IN_A_FRESH_PYTHON.format(busy=busy, die=die)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert out.returncode == 0, out.stderr
    return out.stdout.strip()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux only")
def test_a_pool_started_early_forks_its_workers_and_spawns_those_that_replace_them(tmp_path):
    assert _how_workers_start(busy=False) == "['forked', 'forked', 'forked']"
    # A worker that dies is replaced by a spawned one: by then the process may run Qt's threads.
    flag = tmp_path / "died"
    assert _how_workers_start(busy=False, die=f"die-once:{flag}") == "['forked', 'spawned', 'spawned']"


def test_a_pool_started_while_another_thread_runs_spawns_its_workers():
    assert _how_workers_start(busy=True) == "['spawned', 'spawned', 'spawned']"


def _start_with_teardown() -> None:
    # Stands for tables that the interpreter's teardown would free one object at a time.
    atexit.register(Path(os.environ["POOL_TEARDOWN_FLAG"]).write_text, "torn down")


def test_workers_told_to_stop_end_without_the_interpreters_teardown(tmp_path, monkeypatch):
    # The pool waits for its workers to end when an import is done: freeing a worker's tables took
    # 0.07-0.11 s of every import.
    flag = tmp_path / "flag"
    monkeypatch.setenv("POOL_TEARDOWN_FLAG", str(flag))
    results, done = _outcome(_run([["ok:1"], ["ok:2"]], start=_start_with_teardown))
    assert results == {"ok:1": ["ok:1#0"], "ok:2": ["ok:2#0", "ok:2#1"]} and len(done) == 2
    assert not flag.exists()


def _warm_steps(folder: str, steps: int, seconds: float):
    """Warm-up steps that each take `seconds` and leave a file named by their number in `folder`."""
    for n in range(steps):
        time.sleep(seconds)
        (Path(folder) / str(n)).touch()
        yield


def _warm_pool(folder: Path, steps: int, seconds: float) -> WorkerPool:
    return WorkerPool(1, _work, _start, 30.0, "took too long", _work,
                      warm=functools.partial(_warm_steps, str(folder), steps, seconds))


def test_a_worker_idle_before_its_first_task_warms_up_and_then_works(tmp_path):
    # The samples' worker of a first start is ready long before the window sends it the samples: it
    # spends that time on what the first article would pay for (dateparser's first use, the rules).
    pool = _warm_pool(tmp_path, 3, 0.0)
    pool.start()
    deadline = time.monotonic() + 60
    while len(list(tmp_path.iterdir())) < 3 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["0", "1", "2"]
    assert _outcome(pool.run([["ok:2"]])) == ({"ok:2": ["ok:2#0", "ok:2#1"]}, ["ok:2"])


def test_a_task_that_comes_ends_the_warm_up_at_the_next_step(tmp_path):
    started = time.monotonic()
    results, _done = _outcome(_warm_pool(tmp_path, 40, 0.25).run([["ok:1"], ["ok:1"]]))
    assert results == {"ok:1": ["ok:1#0", "ok:1#0"]}
    assert len(list(tmp_path.iterdir())) < 10 and time.monotonic() - started < 9  # all 40 steps: 10 s


def _failing_steps():
    yield
    raise RuntimeError("a warm-up step failed")


def test_a_warm_up_that_fails_leaves_the_worker_working():
    pool = WorkerPool(1, _work, _start, 30.0, "took too long", _work, warm=_failing_steps)
    pool.start()
    time.sleep(0.5)
    assert _outcome(pool.run([["ok:1"]])) == ({"ok:1": ["ok:1#0"]}, ["ok:1"])


def test_inputs_sent_ahead_are_read_before_the_run_asks_and_handed_on_once(tmp_path):
    # A first start's samples: read by their worker while the window loads, their rows waiting in the pipe.
    marks = [tmp_path / "a", tmp_path / "b"]
    first = [f"mark:{m}" for m in marks]
    pool = WorkerPool(1, _work, _start, 30.0, "took too long", _work)
    pool.start(first=first)
    deadline = time.monotonic() + 60
    while not all(m.exists() for m in marks) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert all(m.exists() for m in marks)  # before run() was called
    results, done = _outcome(pool.run([[first[0]], [first[1], "ok:2"], ["ok:1"]]))
    assert results == {first[0]: [f"{first[0]}#0"], first[1]: [f"{first[1]}#0"], "ok:2": ["ok:2#0", "ok:2#1"],
                       "ok:1": ["ok:1#0"]}
    assert done == [*first, "ok:2", "ok:1"]
    assert [m.read_text() for m in marks] == ["read\n", "read\n"]  # each read once


def test_inputs_sent_ahead_that_the_run_does_not_begin_with_are_dropped_unheard(tmp_path):
    sent = f"mark:{tmp_path / 'sent'}"
    pool = WorkerPool(1, _work, _start, 30.0, "took too long", _work)
    pool.start(first=[sent])
    results, done = _outcome(pool.run([["ok:1"], ["ok:2"]]))
    assert results == {"ok:1": ["ok:1#0"], "ok:2": ["ok:2#0", "ok:2#1"]} and done == ["ok:1", "ok:2"]
