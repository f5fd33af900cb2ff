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
