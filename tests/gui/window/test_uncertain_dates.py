"""An uncertain date in the window: marked in the table, found by the filter, drawn apart on the timeline."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from tests.gui.conftest import open_window, table_ids, window_settings
from timeline_app.core import pipeline
from timeline_app.core.library.table import COLUMNS

FRIDAY = "Japan and India to meet\n\nJapan and India will hold talks on trade next Friday, officials in Tokyo said.\n"
ACCORD = "Accord signed\n\nKenya and Egypt signed a water accord on 3 May 2024 in Cairo.\n"


@pytest.fixture()
def window(qtbot, tmp_path):
    for name, text in (("friday.txt", FRIDAY), ("accord.txt", ACCORD)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    library = tmp_path / "library.sqlite3"
    # Told on Wednesday 15 May 2024: "next Friday" is the 17th or the 24th.
    pipeline.import_inputs([tmp_path / "friday.txt", tmp_path / "accord.txt"], library,
                           published=dt.date(2024, 5, 15), workers=1)
    win = open_window(qtbot, library, window_settings(tmp_path))
    yield win
    win.close()


def _dates(window) -> dict[str, str]:
    """The Date column's text of each event the table shows, by what was written."""
    model = window.event_model
    date = next(i for i, c in enumerate(COLUMNS) if c.header == "Date")
    written = next(i for i, c in enumerate(COLUMNS) if c.header == "Written as")
    return {model.index(r, written).data(): model.index(r, date).data() for r in range(model.rowCount())}


def test_the_table_marks_an_uncertain_date_and_the_filter_finds_it(window, qtbot) -> None:
    assert _dates(window) == {"next Friday": "≈ 2024-05-24", "3 May 2024": "2024-05-03"}
    model = window.event_model
    date = next(i for i, c in enumerate(COLUMNS) if c.header == "Date")
    row = next(r for r in range(model.rowCount()) if model.index(r, date).data().startswith("≈"))
    assert "uncertain" in model.index(row, date).data(Qt.ItemDataRole.ToolTipRole)
    with qtbot.waitSignal(window.filters.filters_changed, timeout=2000):
        window.filters.uncertain_check.setChecked(True)
    assert _dates(window) == {"next Friday": "≈ 2024-05-24"}
    assert window.timeline.shown_event_count() == 1
    assert "uncertain dates only" in window.status_bar.filter_label.text()
    with qtbot.waitSignal(window.filters.filters_changed, timeout=2000):
        qtbot.mouseClick(window.filters.clear_button, Qt.MouseButton.LeftButton)
    assert len(table_ids(window)) == 2 and not window.filters.uncertain_check.isChecked()
