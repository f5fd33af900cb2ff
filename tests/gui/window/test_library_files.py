"""Library files in the window: New library names them .dtl (the type the desktop opens with the app);
a library dropped on the window is opened, not read as an article."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog

from tests.gui.conftest import LOAD_TIMEOUT, drop_files, open_window, reloaded, window_settings
from timeline_app.core.library.opening import APPLICATION_ID, is_sqlite_file
from timeline_app.core.library.store import Library
from timeline_app.gui.window.main_window import MainWindow

ARTICLE = """Greece and Turkey restart talks

Published: 2 March 2024

The foreign ministers of Greece and Turkey met in Athens on Thursday and agreed to meet again in June.
"""


def _new_library(qtbot, monkeypatch, window, typed: str) -> list[tuple]:
    asked: list[tuple] = []

    def save_name(*args):
        asked.append(args)
        return typed, args[3]

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    with qtbot.waitSignal(window.events_reloaded, timeout=LOAD_TIMEOUT):
        window.library_actions.new_library()
    return asked


def test_new_library_is_a_dtl_file_the_desktop_knows(qtbot, monkeypatch, tmp_path) -> None:
    window = open_window(qtbot, tmp_path / "first.sqlite3", window_settings(tmp_path))
    asked = _new_library(qtbot, monkeypatch, window, str(tmp_path / "talks"))
    assert asked[0][2].endswith("library.dtl") and asked[0][3] == "Diplomatic Timeline library (*.dtl)"
    assert window.library_path == tmp_path / "talks.dtl"
    # Its header carries the app's id, by which the MIME type knows it whatever its name.
    with open(tmp_path / "talks.dtl", "rb") as fh:
        header = fh.read(72)
    assert is_sqlite_file(tmp_path / "talks.dtl") and int.from_bytes(header[68:72], "big") == APPLICATION_ID
    window.close()


def test_a_name_typed_with_the_old_ending_keeps_it(qtbot, monkeypatch, tmp_path) -> None:
    window = open_window(qtbot, tmp_path / "first.sqlite3", window_settings(tmp_path))
    _new_library(qtbot, monkeypatch, window, str(tmp_path / "talks.sqlite3"))
    assert window.library_path == tmp_path / "talks.sqlite3" and not (tmp_path / "talks.sqlite3.dtl").exists()
    window.close()


def test_a_library_dropped_with_an_article_is_opened_and_the_article_added_to_it(qtbot, tmp_path) -> None:
    window = open_window(qtbot, tmp_path / "first.sqlite3", window_settings(tmp_path))
    other = tmp_path / "talks.dtl"
    Library(other).close()
    article = tmp_path / "athens.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    with qtbot.waitSignal(window.library_actions.import_finished, timeout=LOAD_TIMEOUT) as done, \
            reloaded(qtbot, window):
        drop_files(window, [other, article])
    assert window.library_path == other and done.args[0].added == 1 and not done.args[0].skipped
    with Library(other) as lib:
        assert list(lib.articles_frame()["title"]) == ["Greece and Turkey restart talks"]
    window.close()


def test_two_libraries_dropped_at_once_open_neither(qtbot, tmp_path) -> None:
    window = open_window(qtbot, tmp_path / "first.sqlite3", window_settings(tmp_path))
    one, two = tmp_path / "one.dtl", tmp_path / "two.dtl"
    Library(one).close()
    Library(two).close()
    drop_files(window, [one, two])
    assert window.library_path == tmp_path / "first.sqlite3"
    assert "are both libraries: open one at a time." in window.messages.last_message.text()
    assert not window.jobs.busy()
    window.close()


def test_a_library_that_cannot_be_opened_at_start_leaves_no_reading_sentence(qtbot, tmp_path) -> None:
    bad = tmp_path / "notes.sqlite3"
    bad.write_text("not a library", encoding="utf-8")
    window = MainWindow(bad, window_settings(tmp_path))
    qtbot.addWidget(window)
    window.show()
    assert window.library is None and window.messages.last_message is not None
    said = window.empty_label.text()
    assert "No library is open" in said and "Ctrl+Shift+L" in said and "Reading" not in said
    assert window.timeline.canvas.painter.empty_text == said
    window.messages.last_message.close()
    # Negative: a library opened after it shows its own state, not the sentence.
    assert window.open_library(tmp_path / "good.sqlite3")
    assert "No library is open" not in window.empty_label.text()
