"""TaskWorker: results, errors and crashes come back as signals in the GUI thread; Cancel stops a job."""

from __future__ import annotations

import threading
import time

import shiboken6
from PySide6.QtCore import QObject, QThread

from timeline_app.errors import InputError
from timeline_app.gui.workers import JobQueue, TaskWorker


def _run(qtbot, worker: TaskWorker) -> None:
    with qtbot.waitSignal(worker.ended, timeout=10_000):
        worker.start()


def test_result_and_progress_arrive_in_the_gui_thread(qtbot) -> None:
    threads = []

    def job(progress, cancel):
        for i in range(3):
            progress(i + 1, 3, f"item {i}")
        return threading.get_ident()

    worker = TaskWorker(job, "counting")
    seen = []
    worker.progressed.connect(lambda d, t, w: (seen.append((d, t, w)), threads.append(QThread.currentThread())))
    results = []
    worker.succeeded.connect(results.append)
    _run(qtbot, worker)
    assert seen == [(1, 3, "item 0"), (2, 3, "item 1"), (3, 3, "item 2")]
    assert all(t is QThread.currentThread() for t in threads)  # lambdas ran in the GUI thread
    assert results and results[0] != threading.get_ident()  # the job itself did not


def test_timeline_error_becomes_failed_and_a_bug_becomes_crashed(qtbot) -> None:
    def bad_input(progress, cancel):
        raise InputError("The file x.txt is empty.")

    worker = TaskWorker(bad_input, "reading")
    failed = []
    worker.failed.connect(failed.append)
    _run(qtbot, worker)
    assert failed == ["The file x.txt is empty."]

    def bug(progress, cancel):
        return 1 / 0

    worker = TaskWorker(bug, "dividing")
    crashed = []
    worker.crashed.connect(crashed.append)
    _run(qtbot, worker)
    assert "ZeroDivisionError" in crashed[0]


def test_cancel_stops_a_running_job(qtbot) -> None:
    started = threading.Event()

    def endless(progress, cancel):
        started.set()
        n = 0
        while not cancel():
            n += 1
            time.sleep(0.005)
        return n

    worker = TaskWorker(endless, "waiting")
    results = []
    worker.succeeded.connect(results.append)
    worker.start()
    assert started.wait(5)
    with qtbot.waitSignal(worker.ended, timeout=5000):
        worker.cancel()
    assert worker.cancel_requested and results and not worker.is_running()


def test_wait_returns_while_the_gui_thread_is_blocked(qtbot) -> None:
    # Closing the window waits for running jobs without an event loop: the thread must still end.
    worker = TaskWorker(lambda progress, cancel: time.sleep(0.2), "sleeping")
    worker.start()
    t0 = time.monotonic()
    assert worker.wait(5000)
    assert time.monotonic() - t0 < 3


def test_garbage_is_collected_in_the_gui_thread_only(qtbot) -> None:
    import gc

    from timeline_app.gui.workers import install_gui_garbage_collector

    install_gui_garbage_collector()
    assert not gc.isenabled()  # a worker thread never starts a collection
    collected_in = []

    class Cycle:
        def __init__(self) -> None:
            self.me = self

        def __del__(self) -> None:
            collected_in.append(QThread.currentThread())

    Cycle()
    alive = [[] for _ in range(gc.get_threshold()[0] + 10)]  # push generation 0 over its threshold
    qtbot.waitUntil(lambda: bool(collected_in), timeout=5000)
    del alive
    assert all(t is QThread.currentThread() for t in collected_in)


def test_the_collector_waits_for_a_worker_it_pauses_for_and_collects_once_it_has_ended(qtbot) -> None:
    import gc

    from timeline_app.gui.workers import GuiThreadGarbageCollector

    owner = QObject()
    GuiThreadGarbageCollector(owner, interval_ms=20)
    collected = []

    class Cycle:
        def __init__(self) -> None:
            self.me = self

        def __del__(self) -> None:
            collected.append(True)

    release = threading.Event()
    reader = TaskWorker(lambda progress, cancel: release.wait(10) and None, "reading the library")
    GuiThreadGarbageCollector.pause_while(reader)
    reader.start()
    try:
        qtbot.waitUntil(reader.is_running, timeout=5000)
        Cycle()
        alive = [[] for _ in range(gc.get_threshold()[0] + 10)]  # push generation 0 over its threshold
        qtbot.wait(300)  # fifteen ticks of the timer
        assert collected == []
    finally:
        with qtbot.waitSignal(reader.ended, timeout=10_000):
            release.set()
    qtbot.waitUntil(lambda: bool(collected), timeout=5000)
    del alive
    shiboken6.delete(owner)


def test_a_job_that_ends_after_its_queue_was_deleted_raises_nothing(qtbot) -> None:
    # A window closed by a test (or torn down) while a job still runs: the job's last signals must
    # not reach the deleted queue ("Signal source has been deleted" in a later test's set-up).
    owner = QObject()
    queue = JobQueue(owner)
    release = threading.Event()
    worker = TaskWorker(lambda progress, cancel: release.wait(10) and None, "slow job")
    worker.failed.connect(lambda _message: None)
    queue.enqueue(worker)
    shiboken6.delete(owner)  # deletes the queue with it
    assert not shiboken6.isValid(queue)
    with qtbot.waitSignal(worker.ended, timeout=10_000):
        release.set()
