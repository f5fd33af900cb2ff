"""--smoke-test: reports the events drawn and quits, or says that none came."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from tests.gui.conftest import open_window, window_settings
from timeline_app.gui.smoke import EXIT_NO_EVENTS, SmokeTest


@pytest.fixture()
def exit_codes(monkeypatch) -> list[int]:
    """QApplication.exit outside exec() would end every later event loop of the test session."""
    codes: list[int] = []
    monkeypatch.setattr(QApplication, "exit", staticmethod(lambda code=0: codes.append(code)))
    return codes


def test_reports_the_events_drawn(qtbot, window, exit_codes) -> None:
    messages: list[str] = []
    SmokeTest(window, report=messages.append)
    with qtbot.waitSignal(window.events_reloaded, timeout=60_000):
        window.reload()
    shown = window.timeline.shown_event_count()
    assert shown > 0
    assert len(messages) == 1 and messages[0].startswith(f"{shown} events drawn ")
    assert exit_codes == [0] and not window.isVisible()


def test_says_so_when_no_events_come(qtbot, tmp_path, exit_codes) -> None:
    empty = open_window(qtbot, tmp_path / "empty.sqlite3", window_settings(tmp_path))
    with qtbot.waitSignal(empty.events_reloaded, timeout=60_000):
        empty.reload()  # an empty library: read, nothing shown
    messages: list[str] = []
    SmokeTest(empty, report=messages.append, timeout_s=0.3)
    # The empty read as the smoke test sees it, told before its timer can run (a real read may take
    # longer than the timer on a loaded machine): it keeps waiting.
    empty.events_reloaded.emit()
    assert messages == []
    qtbot.waitUntil(lambda: messages != [], timeout=5_000)
    assert messages == ["no events were drawn within the time allowed"] and exit_codes == [EXIT_NO_EVENTS]
