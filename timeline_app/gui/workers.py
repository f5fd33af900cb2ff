"""Workers on QThreads: the core's progress callback becomes signals, Cancel becomes a flag."""

from __future__ import annotations

import datetime as dt
import gc
import logging
import threading
import traceback
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, QTimer, Signal, Slot

from timeline_app.core import pipeline
from timeline_app.core.batch.pool import WorkerPool
from timeline_app.core.progress import Cancel, Job, Progress
from timeline_app.core.shown import inputs_named
from timeline_app.errors import TimelineError

log = logging.getLogger(__name__)


class _Runner(QObject):
    """Lives on the worker thread and calls the job; its signals cross back to TaskWorker."""

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(str)
    crashed = Signal(str)
    finished = Signal()

    def __init__(self, fn: Job, description: str, cancel: threading.Event) -> None:
        super().__init__()
        self._fn = fn
        self._description = description
        self._cancel = cancel

    def _progress(self, done: int, total: int, what: str) -> None:
        self.progressed.emit(int(done), int(total), str(what))

    @Slot()
    def run(self) -> None:
        try:
            result = self._fn(self._progress, self._cancel.is_set)
        except TimelineError as e:
            log.warning("%s failed: %s", self._description, e)
            self.failed.emit(str(e))
        except Exception:  # noqa: BLE001 - a bug: it must reach the crash dialog, not kill the thread
            text = traceback.format_exc()
            log.error("%s crashed:\n%s", self._description, text)
            self.crashed.emit(text)
        else:
            self.succeeded.emit(result)
        finally:
            self.finished.emit()


class TaskWorker(QObject):
    """Runs `fn(progress, cancel)` on its own QThread and reports through signals.

    The TaskWorker itself lives in the GUI thread and re-emits what the runner on the worker thread
    reports, so anything connected to it (lambdas included) runs in the GUI thread. Workers never
    raise across threads: a TimelineError becomes `failed(message)`, anything else becomes
    `crashed(traceback text)`, which the window shows in the crash dialog.
    """

    progressed = Signal(int, int, str)  # done, total, what is being worked on
    succeeded = Signal(object)  # the function's return value
    failed = Signal(str)  # a sentence for the user
    crashed = Signal(str)  # traceback text: a bug
    finished = Signal()  # after one of the three above
    ended = Signal()  # the thread has stopped: the worker may now be dropped

    def __init__(self, fn: Job, description: str) -> None:
        super().__init__()
        self.description = description
        self._cancel = threading.Event()
        self._thread = QThread()
        self._thread.setObjectName(f"worker: {description}")
        self._runner = _Runner(fn, description, self._cancel)
        self._runner.moveToThread(self._thread)
        self._thread.started.connect(self._runner.run)
        # Bound methods of an object in the GUI thread: Qt queues these calls to the GUI thread.
        self._runner.progressed.connect(self._on_runner_progressed)
        self._runner.succeeded.connect(self._on_runner_succeeded)
        self._runner.failed.connect(self._on_runner_failed)
        self._runner.crashed.connect(self._on_runner_crashed)
        self._runner.finished.connect(self._on_runner_finished)
        # Direct: the thread must stop even while the GUI thread is blocked in wait() (closing).
        self._runner.finished.connect(self._thread.quit, Qt.ConnectionType.DirectConnection)
        self._thread.finished.connect(self._on_thread_finished)

    def start(self) -> None:
        self._thread.start()

    def cancel(self) -> None:
        """Ask the job to stop at its next check; it still ends with `finished`."""
        self._cancel.set()

    @property
    def cancel_requested(self) -> bool:
        return self._cancel.is_set()

    def is_running(self) -> bool:
        return self._thread.isRunning()

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until the thread has ended (used on close); True when it did."""
        return self._thread.wait(msecs)

    def _on_runner_progressed(self, done: int, total: int, what: str) -> None:
        self.progressed.emit(done, total, what)

    def _on_runner_succeeded(self, result: object) -> None:
        self.succeeded.emit(result)

    def _on_runner_failed(self, message: str) -> None:
        self.failed.emit(message)

    def _on_runner_crashed(self, text: str) -> None:
        self.crashed.emit(text)

    def _on_runner_finished(self) -> None:
        self.finished.emit()

    def _on_thread_finished(self) -> None:
        self.ended.emit()


class PipelineWorker(TaskWorker):
    """Imports files, folders or URLs into a library with core.pipeline.import_inputs."""

    def __init__(self, inputs: list[str], library_path: Path, published: dt.date | None = None,
                 pool: WorkerPool | None = None) -> None:
        self.inputs = list(inputs)
        self.library_path = Path(library_path)
        self.published = published

        def job(progress: Progress, cancel: Cancel) -> pipeline.ImportReport:
            return pipeline.import_inputs(
                self.inputs, self.library_path, published=self.published, progress=progress, cancel=cancel,
                pool=pool,
            )

        super().__init__(job, f"importing {inputs_named(self.inputs)}")


class JobQueue(QObject):
    """Runs TaskWorkers one after another and keeps each alive until its thread has stopped.

    One job at a time keeps imports, date changes and undo from racing on the same articles;
    `track` keeps other workers (the library reader) alive without queueing them.
    """

    started = Signal(str)  # description
    progressed = Signal(int, int, str)
    failed = Signal(str, str)  # description, message for the user
    crashed = Signal(str)  # traceback text
    job_finished = Signal(str)  # description
    idle = Signal()  # nothing runs or waits any more

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._waiting: list[tuple[TaskWorker, Callable[[Any], None] | None]] = []
        self.current: TaskWorker | None = None
        self._alive: list[TaskWorker] = []

    def enqueue(self, worker: TaskWorker, on_success: Callable[[Any], None] | None = None) -> None:
        self._waiting.append((worker, on_success))
        if self.current is None:
            self._start_next()

    def busy(self) -> bool:
        return self.current is not None or bool(self._waiting)

    def description(self) -> str:
        """What the queue does now, in the job's words ("exporting to events.csv"); "working" between jobs."""
        return self.current.description if self.current is not None else "working"

    def cancel_current(self) -> None:
        if self.current is not None:
            self.current.cancel()

    def track(self, worker: TaskWorker) -> None:
        """Keep a worker run outside the queue alive until its thread stops, and stop it on close."""
        self._alive.append(worker)
        worker.ended.connect(self._on_worker_ended)

    def wait_all(self, msecs: int = 60_000) -> None:
        """Drop waiting jobs, ask running ones to stop, and wait for their threads (closing)."""
        self._waiting.clear()
        for worker in list(self._alive):
            worker.cancel()
            worker.wait(msecs)

    def _start_next(self) -> None:
        if not self._waiting:
            self.current = None
            self.idle.emit()
            return
        worker, on_success = self._waiting.pop(0)
        self.current = worker
        worker.progressed.connect(self.progressed)
        if on_success is not None:
            worker.succeeded.connect(on_success)
        # Bound methods, not lambdas: Qt drops these connections when the queue is deleted, so a job
        # still running when its window goes does not call into a deleted queue.
        worker.failed.connect(self._on_current_failed)
        worker.crashed.connect(self.crashed)
        worker.finished.connect(self._on_current_finished)
        self.track(worker)
        self.started.emit(worker.description)
        worker.start()

    def _on_current_failed(self, message: str) -> None:
        # One job runs at a time and `finished` follows `failed`, so the current job is the one that failed.
        self.failed.emit(self.current.description if self.current is not None else "", message)

    def _on_current_finished(self) -> None:
        worker, self.current = self.current, None
        self.job_finished.emit(worker.description if worker is not None else "")
        self._start_next()

    def _on_worker_ended(self) -> None:
        for worker in [w for w in self._alive if not w.is_running()]:
            worker.wait()
            self._alive.remove(worker)


class GuiThreadGarbageCollector(QObject):
    """Runs Python's cyclic garbage collector in the GUI thread only.

    WORKAROUND: left automatic, the collector runs in whichever thread happens to allocate, so a
    worker thread can free a reference cycle that holds Qt widgets and delete them off the GUI
    thread, which crashes the interpreter (seen here: a segfault in a loader thread while a test
    window was being shown). As qutebrowser does, automatic collection is turned off and a timer in
    the GUI thread collects each generation when its threshold is passed.
    """

    # Workers during which the timer collects nothing (pause_while): the library's reads. Their
    # blocks of rows are young objects, alive at every tick: each collection walked them (50,000
    # tuples at a time) holding the GIL the reader waits for, 0.5-0.9 s of CPU while a million
    # mentions were read. Weak: a worker dropped without finishing pauses nothing.
    _pausing: weakref.WeakSet[TaskWorker] = weakref.WeakSet()

    @classmethod
    def pause_while(cls, worker: TaskWorker) -> None:
        """Collect nothing while `worker`'s thread runs."""
        cls._pausing.add(worker)

    @classmethod
    def paused(cls) -> bool:
        """A worker given to pause_while runs."""
        return any(_running(w) for w in list(cls._pausing))

    def __init__(self, parent: QObject, interval_ms: int = 1000) -> None:
        super().__init__(parent)
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._timer.start()

    def _on_timer_timeout(self) -> None:
        if self.paused():
            return
        counts, thresholds = gc.get_count(), gc.get_threshold()
        for generation in (2, 1, 0):
            if counts[generation] > thresholds[generation]:
                gc.collect(generation)
                break


def _running(worker: TaskWorker) -> bool:
    try:
        return worker.is_running()
    except RuntimeError:  # its thread's C++ object is gone: it runs no more
        return False


def install_gui_garbage_collector() -> None:
    """Install the GUI-thread collector once per application (the window calls it)."""
    app = QCoreApplication.instance()
    if app is not None and app.property("gui_gc_installed") is not True:
        GuiThreadGarbageCollector(app)
        app.setProperty("gui_gc_installed", True)
