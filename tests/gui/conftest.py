"""GUI tests run offscreen: no display needed. Shared fixtures: the test corpus and a main window."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil  # noqa: E402
import sqlite3  # noqa: E402
from contextlib import closing  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

LOAD_TIMEOUT = 120_000
# Five short articles of our own with overlapping countries (Turkey and Syria in three of them).
CORPUS = Path(__file__).resolve().parent.parent / "data" / "gui_corpus"


def window_settings(tmp_path: Path):
    from PySide6.QtCore import QSettings

    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def open_window(qtbot, library: Path, settings):
    """A shown MainWindow on `library`, once its first read of the library has arrived."""
    from timeline_app.gui.window.main_window import MainWindow

    # The library is read on a worker thread; its result is queued, so nothing is missed before waiting.
    window = MainWindow(library, settings)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.events_reloaded, timeout=LOAD_TIMEOUT):
        window.resize(1400, 880)
        window.show()
    return window


@pytest.fixture(scope="module")
def corpus_library(tmp_path_factory) -> Path:
    """The test corpus imported once per module; each test works on its own copy."""
    from timeline_app.core import pipeline

    path = tmp_path_factory.mktemp("corpus") / "library.sqlite3"
    report = pipeline.import_inputs([str(CORPUS)], path, workers=1)
    assert report.added == 5, report.summary()
    with closing(sqlite3.connect(path)) as db:  # fold the WAL into the file so that a copy is complete
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@pytest.fixture()
def window(qtbot, tmp_path, corpus_library):
    library = tmp_path / "library.sqlite3"
    shutil.copy(corpus_library, library)
    win = open_window(qtbot, library, window_settings(tmp_path))
    yield win
    win.close()
