"""Library files in the window: New library names them .dtl (the type the desktop opens with the app)."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog

from tests.gui.conftest import LOAD_TIMEOUT, open_window, window_settings
from timeline_app.core.library.opening import APPLICATION_ID, is_sqlite_file


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
