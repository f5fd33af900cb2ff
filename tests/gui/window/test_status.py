"""The status bar: the counts it gives and what it says while a job runs."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QMainWindow

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
