"""The status bar: the counts it gives and what it says while a job runs."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMainWindow, QWidget

from timeline_app.core.library.filters import FilterSpec

from timeline_app.gui.window.status import WindowStatusBar
from timeline_app.gui.workers import JobQueue, TaskWorker


@pytest.fixture()
def window(qtbot) -> QMainWindow:
    """A window holding a status bar (`window.bar`) and its job queue (`window.jobs`)."""
    window = QMainWindow()
    qtbot.addWidget(window)
    window.jobs = JobQueue(window)
    window.bar = WindowStatusBar(window.jobs)
    window.setStatusBar(window.bar)
    window.show()
    return window


def test_a_new_job_clears_the_message_of_the_last_one(qtbot, window) -> None:
    bar, jobs = window.bar, window.jobs
    bar.showMessage("Added 20 articles, 143 events.", 15000)
    release = threading.Event()
    worker = TaskWorker(lambda progress, cancel: release.wait(10), "importing 3 inputs")
    with qtbot.waitSignal(jobs.started):
        jobs.enqueue(worker)
    # The summary of the last import beside the progress of this one would say it is done.
    assert bar.currentMessage() == "" and bar.progress.isVisibleTo(bar)
    bar.showMessage("article.txt", 3000)  # what the job reports while it runs stays
    assert bar.currentMessage() == "article.txt"
    release.set()
    qtbot.waitUntil(lambda: not jobs.busy())


def _job(bar: WindowStatusBar, message: str, release: threading.Event | None = None,
         description: str = "importing 1 input") -> tuple[TaskWorker, object]:
    """A job that ends (when `release` is set) by showing `message`, as an import shows its summary."""
    worker = TaskWorker(lambda progress, cancel: release.wait(10) if release else None, description)
    return worker, (lambda _result: bar.showMessage(message, 15000) if message else None)


def test_two_queued_jobs_both_say_what_they_did(qtbot, window) -> None:
    bar, jobs = window.bar, window.jobs
    release = threading.Event()
    jobs.enqueue(*_job(bar, "Added 20 articles, 143 events.", release))
    jobs.enqueue(*_job(bar, "Added 3 articles, 12 events."))  # a folder opened while the first runs
    release.set()
    qtbot.waitUntil(lambda: not jobs.busy())
    # The second job's start cleared the first one's summary before anyone could read it: both are said.
    assert bar.currentMessage() == "Added 3 articles, 12 events. Before that: Added 20 articles, 143 events."
    # A job that says nothing at its end still lets the earlier one be read.
    release.clear()
    jobs.enqueue(*_job(bar, "Added 1 article, 2 events.", release))
    jobs.enqueue(*_job(bar, "", description="setting 1 publication date"))
    release.set()
    qtbot.waitUntil(lambda: not jobs.busy())
    assert bar.currentMessage() == "Before that: Added 1 article, 2 events."


def test_a_message_already_read_or_of_progress_is_not_said_again(qtbot, window) -> None:
    bar, jobs = window.bar, window.jobs
    bar.showMessage("Added 20 articles, 143 events.", 50)
    qtbot.waitUntil(lambda: bar.currentMessage() == "")  # its time is up: the user had it
    release = threading.Event()
    worker = TaskWorker(lambda progress, cancel: (progress(1, 2, "/x/a.txt"), release.wait(10)), "importing 2 inputs")
    jobs.enqueue(worker)
    qtbot.waitUntil(lambda: bar.currentMessage() == "a.txt")  # the file being read
    jobs.enqueue(*_job(bar, "Added 2 articles, 5 events."))
    release.set()
    qtbot.waitUntil(lambda: not jobs.busy())
    assert bar.currentMessage() == "Added 2 articles, 5 events."
    # A job started once the queue was idle: the last message had its time, as any message has.
    jobs.enqueue(*_job(bar, "Publication date set for 1 article."))
    qtbot.waitUntil(lambda: not jobs.busy())
    assert bar.currentMessage() == "Publication date set for 1 article."


def test_the_file_a_job_was_reading_is_not_left_as_the_message_once_it_is_done(qtbot, window) -> None:
    bar, jobs = window.bar, window.jobs
    worker = TaskWorker(lambda progress, cancel: progress(20, 20, "/x/scan_0042.txt"), "importing 20 inputs")
    jobs.enqueue(worker)  # it ends with a dialog (files skipped), not a message
    qtbot.waitUntil(lambda: not jobs.busy())
    assert bar.currentMessage() == ""  # not a file name, as if it were still being read
    bar.showMessage("Added 1 article.", 15000)  # a message of the job's own stays
    jobs.enqueue(TaskWorker(lambda progress, cancel: None, "setting 1 publication date"),
                 lambda _r: bar.showMessage("Publication date set for 1 article.", 15000))
    qtbot.waitUntil(lambda: not jobs.busy())
    assert bar.currentMessage() == "Publication date set for 1 article."


def test_hidden_events_are_counted_apart(window) -> None:
    bar = window.bar
    bar.show_counts(12, 40)
    assert bar.count_label.text() == "12 of 40 events shown" and not bar.hidden_button.isVisibleTo(bar)
    bar.show_counts(12, 40, 3)
    assert bar.count_label.text() == "12 of 40 events shown"
    assert bar.hidden_button.isVisibleTo(bar) and bar.hidden_button.text() == "3 hidden"
    assert bar.hidden_button.toolTip().startswith("3 events you hid are not counted")
    bar.show_counts(0, 0, 2)  # every event hidden: there are events, none shown
    assert bar.count_label.text() == "0 of 0 events shown" and bar.hidden_button.text() == "2 hidden"
    bar.show_counts(0, 0, 0)
    assert bar.count_label.text() == "No events yet" and not bar.hidden_button.isVisibleTo(bar)


def test_a_message_is_not_covered_by_the_filter_line(qtbot, window) -> None:
    bar = window.bar
    window.resize(1024, 200)
    bar.show_library(Path("/data/libraries/library.sqlite3"))
    bar.show_counts(17, 103)
    bar.show_filter(FilterSpec(countries=frozenset({"RUS", "USA", "FIN", "SWE"}), date_from=dt.date(2021, 1, 1),
                               text="ambassador"))
    qtbot.waitUntil(lambda: bar.filter_label.isVisible())
    message = "Filters of your last session restored; Ctrl+Shift+X clears them."
    bar.showMessage(message, 15000)
    qtbot.wait(20)
    shown = [w for w in bar.findChildren(QWidget) if w.isVisible() and w.parent() is bar]
    # The message is drawn from the left edge: nothing may sit over it.
    assert min(w.x() for w in shown) > bar.fontMetrics().horizontalAdvance(message) + 8
    bar.clearMessage()
    qtbot.waitUntil(lambda: bar.filter_label.isVisible())  # the filter line comes back after it


def test_a_filter_set_while_a_message_shows_is_not_drawn_over_it(qtbot, window) -> None:
    # Ticking "Uncertain dates only" while "2 articles added." showed drew Clear filters over the message.
    bar = window.bar
    window.resize(1024, 200)
    bar.showMessage("2 articles added.", 15000)
    qtbot.wait(20)
    bar.show_filter(FilterSpec(uncertain_only=True))
    qtbot.wait(20)
    assert not bar.clear_filters_button.isVisible()
    bar.clearMessage()
    qtbot.waitUntil(lambda: bar.clear_filters_button.isVisible())  # there once the message has gone
    bar.showMessage("Filters cleared.", 15000)
    bar.show_filter(FilterSpec())
    bar.clearMessage()
    qtbot.wait(20)
    assert not bar.clear_filters_button.isVisible()  # no filter: it stays hidden after the message


def test_a_running_job_says_in_words_what_it_does(qtbot, window) -> None:
    # An export or a picture showed a busy bar with no text: nothing said what ran, nor what Cancel stops.
    bar, jobs = window.bar, window.jobs
    assert not bar.job_label.isVisibleTo(bar)  # nothing runs
    release = threading.Event()
    with qtbot.waitSignal(jobs.started):
        jobs.enqueue(TaskWorker(lambda progress, cancel: release.wait(10), "saving the timeline to t.png"))
    assert bar.job_label.isVisibleTo(bar) and bar.job_label.text() == "Saving the timeline to t.png…"
    bar.cancel_button.click()
    assert bar.job_label.text() == "Cancelling…"
    release.set()
    qtbot.waitUntil(lambda: not jobs.busy())
    assert not bar.job_label.isVisibleTo(bar)  # done: the words go with the bar


@pytest.mark.parametrize(("done", "stays"), [(0, True), (1, False)])
def test_a_step_before_the_first_input_stays_said_until_the_next(qtbot, window, monkeypatch, done: int,
                                                                 stays: bool) -> None:
    # Workers load their tables for seconds before the first input counts: what they do must not vanish.
    monkeypatch.setattr("timeline_app.gui.window.status.PROGRESS_MESSAGE_MS", 200)
    bar, jobs = window.bar, window.jobs
    release = threading.Event()

    def work(progress, cancel) -> None:
        progress(done, 5, "loading the rules and tables")
        release.wait(10)

    with qtbot.waitSignal(jobs.started):
        jobs.enqueue(TaskWorker(work, "importing 5 inputs"))
    try:
        qtbot.waitUntil(lambda: bar.currentMessage() == "loading the rules and tables")
        qtbot.wait(600)  # three times what a file name is given
        assert (bar.currentMessage() == "loading the rules and tables") is stays
    finally:
        release.set()
        qtbot.waitUntil(lambda: not jobs.busy())
