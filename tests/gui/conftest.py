"""GUI tests run offscreen: no display needed. Shared fixtures: the test corpus and a main window."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil  # noqa: E402
import sqlite3  # noqa: E402
from contextlib import closing  # noqa: E402
from pathlib import Path  # noqa: E402

import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from PySide6.QtCore import QMimeData, QPointF, QSettings, Qt, QUrl  # noqa: E402
from PySide6.QtGui import QDropEvent, QTextDocument  # noqa: E402

from timeline_app.core import pipeline  # noqa: E402
from timeline_app.gui.window.main_window import MainWindow  # noqa: E402

LOAD_TIMEOUT = 120_000
# Five short articles of our own with overlapping countries (Turkey and Syria in three of them).
CORPUS = Path(__file__).resolve().parent.parent / "data" / "gui_corpus"


def window_settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def open_window(qtbot, library: Path, settings: QSettings) -> MainWindow:
    """A shown MainWindow on `library`, once its first read of the library has arrived."""
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


def reloaded(qtbot, window: MainWindow):
    """Wait (as a context manager) until the window has read the library again and shows it."""
    return qtbot.waitSignal(window.events_reloaded, timeout=LOAD_TIMEOUT)


def table_ids(window: MainWindow) -> set[str]:
    """The events the table shows."""
    return {window.event_model.event_id(r) for r in range(window.event_model.rowCount())}


def countries_of(events: pd.DataFrame) -> pd.Series:
    """Each event's countries as a set."""
    return events["countries"].fillna("").map(lambda s: set(filter(None, s.split(";"))))


def check_country(window: MainWindow, code: str) -> None:
    """Tick a country in the filter panel, as a user would."""
    item = window.filters.countries.item_for(code)
    assert item is not None, f"{code} is not in the country list"
    item.setCheckState(Qt.CheckState.Checked)


def drop_files(window: MainWindow, paths) -> None:
    """Drop `paths` on the window as a file manager does."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    window.dropEvent(QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                                Qt.KeyboardModifier.NoModifier))


def line_directions(label) -> dict[str, Qt.LayoutDirection]:
    """Each line (text block) of a rich-text label and the direction Qt lays it out in."""
    doc = QTextDocument()
    doc.setHtml(label.text())
    block, out = doc.begin(), {}
    while block.isValid():
        out[block.text()] = block.textDirection()
        block = block.next()
    return out
