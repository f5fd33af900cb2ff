"""EventTableModel: numpy mask and sort, Qt model contract, CSV copy, the table view's selection."""

from __future__ import annotations

import csv
import io
import time

import numpy as np
import pandas as pd
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication

from timeline_app.core.library.columns import EVENT_COLUMNS
from timeline_app.core.library.table import COLUMNS
from timeline_app.core.temporal.values import display_date
from timeline_app.gui.panels.event_table import EventTableModel
from timeline_app.gui.panels.event_table_view import EventTableView


def _events(n: int = 5) -> pd.DataFrame:
    rows = []
    for i in range(n):
        day = f"2022-12-{10 + (i * 7) % 19:02d}"
        rows.append({
            "event_id": f"e{i}", "event_date": day, "date_start": day, "date_end": day,
            "date_precision": "year" if i % 3 == 0 else "day", "open_end": False, "date_text": f"text {i}",
            "countries": "SYR;TUR" if i % 2 else "RUS", "organizations": "", "location_country": "",
            "event_type": "Consult", "cameo_code": "040", "quad_class": 1, "summary": f"Summary {i}",
            "evidence": f"Sentence number {i}.", "sources": (i % 3) + 1, "source_titles": f"Article {i}",
            "publication_date": "2022-12-28", "article_ids": str(i),
        })
    return pd.DataFrame(rows, columns=list(EVENT_COLUMNS))


def _column(name: str) -> int:
    return next(i for i, c in enumerate(COLUMNS) if c.field == name)


def test_model_passes_qt_model_tester(qtmodeltester) -> None:
    model = EventTableModel()
    model.set_events(_events(7))
    qtmodeltester.check(model)
    model.set_mask(np.array([True, False, True, False, True, True, False]))
    qtmodeltester.check(model)
    model.sort(_column("sources"), Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)


def test_mask_and_sort_change_visible_rows() -> None:
    model = EventTableModel()
    model.set_events(_events(6))
    assert model.rowCount() == 6
    model.set_mask(np.array([False, True, False, True, False, True]))
    assert model.rowCount() == 3
    assert [model.event_id(r) for r in range(3)] == ["e1", "e3", "e5"]
    assert model.row_of("e0") == -1

    model.sort(_column("sources"), Qt.SortOrder.DescendingOrder)
    sources = [model.data(model.index(r, _column("sources"))) for r in range(3)]
    assert sources == sorted(sources, reverse=True)

    model.sort(_column("event_date"), Qt.SortOrder.AscendingOrder)
    dates = [model.data(model.index(r, _column("event_date"))) for r in range(3)]
    assert dates == sorted(dates)
    assert model.row_of(model.event_id(2)) == 2


def test_precision_sorts_finest_first() -> None:
    model = EventTableModel()
    model.set_events(_events(6))
    model.sort(_column("date_precision"), Qt.SortOrder.AscendingOrder)
    values = [model.data(model.index(r, _column("date_precision"))) for r in range(6)]
    assert values == ["day"] * 4 + ["year"] * 2


def test_wrong_mask_length_is_refused() -> None:
    model = EventTableModel()
    model.set_events(_events(3))
    with pytest.raises(ValueError):
        model.set_mask(np.ones(4, dtype=bool))


def _shown_table(qtbot, n: int) -> tuple[EventTableModel, EventTableView]:
    model = EventTableModel()
    model.set_events(_events(n))
    view = EventTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.show()
    return model, view


def test_ctrl_c_copies_selected_rows_as_csv(qtbot) -> None:
    _model, view = _shown_table(qtbot, 4)
    view.selectRow(1)
    view.copy_action.trigger()
    rows = list(csv.DictReader(io.StringIO(QApplication.clipboard().text())))
    assert [r["event_id"] for r in rows] == ["e1"]
    assert rows[0]["summary"] == "Summary 1"
    assert rows[0]["evidence"] == "Sentence number 1."


def test_copy_rows_is_offered_only_while_there_are_rows_to_copy(qtbot) -> None:
    model, view = _shown_table(qtbot, 4)
    assert not view.copy_action.isEnabled(), "Edit > Copy rows as CSV with no row selected would copy nothing"
    view.selectRow(2)
    assert view.copy_action.isEnabled()
    model.set_mask(np.zeros(4, dtype=bool))  # a filter that keeps no event: nothing left to copy
    assert not view.copy_action.isEnabled()
    model.set_mask(np.ones(4, dtype=bool))
    assert view.copy_action.isEnabled()  # the selected event is shown again, and selected


def test_view_keeps_selected_event_across_sort_and_reports_changes(qtbot) -> None:
    model = EventTableModel()
    model.set_events(_events(5))
    view = EventTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    with qtbot.waitSignal(view.current_event_changed) as blocker:
        view.selectRow(3)
    assert blocker.args == ["e3"]
    model.sort(_column("summary"), Qt.SortOrder.DescendingOrder)
    assert view.current_event_id() == "e3"
    assert view.select_event("e0")
    assert view.current_event_id() == "e0"
    model.set_mask(np.array([False, True, True, True, True]))
    assert not view.select_event("e0")


def test_large_frame_filters_and_sorts_quickly() -> None:
    base = _events(10)
    df = pd.concat([base] * 10_000, ignore_index=True)
    df["event_id"] = [f"x{i}" for i in range(len(df))]
    model = EventTableModel()
    model.set_events(df)
    mask = np.zeros(len(df), dtype=bool)
    mask[::3] = True
    t0 = time.perf_counter()
    model.set_mask(mask)
    model.sort(_column("summary"), Qt.SortOrder.AscendingOrder)
    elapsed = time.perf_counter() - t0
    assert model.rowCount() == mask.sum()
    assert elapsed < 1.0, f"mask + sort of 100k rows took {elapsed:.2f} s"


@pytest.mark.parametrize("value, shown", [
    ("2022-12-28", "2022-12-28"), ("2022-11", "November 2022"), ("2022", "2022"), ("199X", "1990s"),
    ("18XX", "19th century"), ("20XX", "21st century"), ("10XX", "11th century"), ("180X", "1800s"), ("2022-W51", "2022, week 51"), ("2022-Q4", "Q4 2022"), ("2022-SU", "summer 2022"),
    ("2022-12-28TEV", "2022-12-28 evening"), ("odd", "odd"),
])
def test_dates_are_shown_as_people_write_them(value, shown) -> None:
    assert display_date(value) == shown


def test_month_events_show_month_names_but_copy_the_iso_value(qtbot) -> None:
    df = _events(2)
    df.loc[0, ["event_date", "date_precision"]] = ["2022-11", "month"]
    model = EventTableModel()
    model.set_events(df)
    assert model.data(model.index(0, _column("event_date"))) == "November 2022"
    rows = list(csv.DictReader(io.StringIO(model.rows_as_csv([0]))))
    assert rows[0]["event_date"] == "2022-11"


def test_double_click_asks_for_the_article(qtbot) -> None:
    model = EventTableModel()
    model.set_events(_events(3))
    view = EventTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.show()
    rect = view.visualRect(model.index(2, 0))
    # Item views take a double click as press, release, then the double-click event.
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(view.article_requested) as blocker:
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == ["e2"]


def test_the_date_column_holds_its_longest_date(qtbot) -> None:
    events = _events(4)
    events.loc[2, ["event_date", "date_precision"]] = ["2021-10-28TAF", "day"]  # "2021-10-28 afternoon"
    model = EventTableModel()
    view = EventTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    date = _column("event_date")
    model.set_events(events)
    longest = view.fontMetrics().horizontalAdvance(display_date("2021-10-28TAF"))
    assert view.columnWidth(date) >= longest + 8  # whole, beside the cell's margins
    model.set_events(_events(4))
    assert view.columnWidth(date) >= longest + 8  # a narrower date does not narrow it back
    # Negative: a width the user drags to stays.
    view.horizontalHeader().resizeSection(date, 90)
    model.set_events(events)
    assert view.columnWidth(date) == 90


def test_events_without_countries_or_type_sort_last_either_way() -> None:
    events = _events(5)
    events.loc[[1, 3], "countries"] = ""
    events.loc[0, "event_type"] = ""
    model = EventTableModel()
    model.set_events(events)
    countries = _column("countries")
    for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
        model.sort(countries, order)
        shown = [model.data(model.index(r, countries)) for r in range(5)]
        assert shown[-2:] == ["", ""] and "" not in shown[:3], (order, shown)
    kinds = _column("event_type")
    model.sort(kinds, Qt.SortOrder.AscendingOrder)
    assert model.event_id(4) == "e0"
    # Negative: the events that have one keep their order, ascending then descending.
    model.sort(countries, Qt.SortOrder.AscendingOrder)
    assert [model.data(model.index(r, countries)) for r in range(3)] == sorted(
        model.data(model.index(r, countries)) for r in range(3))


def test_a_date_with_a_modifier_is_marked_and_still_sorts_by_its_day() -> None:
    df = _events(5)
    df["date_mod"] = ["APPROX", "", "START", "", ""]
    model = EventTableModel()
    model.set_events(df)
    date = _column("event_date")
    shown = {model.index(r, date).data(Qt.ItemDataRole.UserRole): model.index(r, date).data()
             for r in range(model.rowCount())}
    assert shown["e0"] == "≈ " + display_date(df.loc[0, "event_date"])
    assert shown["e2"] == "early " + display_date(df.loc[2, "event_date"])
    assert shown["e1"] == display_date(df.loc[1, "event_date"])  # certain: the date alone
    row = next(r for r in range(model.rowCount()) if model.index(r, date).data(Qt.ItemDataRole.UserRole) == "e0")
    assert "uncertain" in model.index(row, date).data(Qt.ItemDataRole.ToolTipRole)
    other = next(r for r in range(model.rowCount()) if model.index(r, date).data(Qt.ItemDataRole.UserRole) == "e1")
    assert "uncertain" not in model.index(other, date).data(Qt.ItemDataRole.ToolTipRole)
    model.sort(date, Qt.SortOrder.AscendingOrder)
    ids = [model.index(r, date).data(Qt.ItemDataRole.UserRole) for r in range(model.rowCount())]
    assert ids == list(df.sort_values("date_start", kind="stable")["event_id"])  # by day, not by the "≈"



def test_the_menu_key_opens_the_menu_of_the_current_row_not_the_one_below(qtbot) -> None:
    # Qt places the Menu key's request in the table's own coordinates, a header's height below the
    # viewport's: the menu (and Delete or Merge from it) was the next row's.
    _model, view = _shown_table(qtbot, 8)
    view.setFocus()
    view.setCurrentIndex(view.model().index(3, 1))
    pos = view.inputMethodQuery(Qt.InputMethodQuery.ImCursorRectangle).center()  # as Qt asks
    key = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, pos, view.mapToGlobal(pos))
    QApplication.sendEvent(view, key)
    assert [i.row() for i in view.selectionModel().selectedRows()] == [3]
    # Negative: a right click opens the menu of the row clicked.
    click = view.visualRect(view.model().index(6, 1)).center()
    mouse = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, click, view.viewport().mapToGlobal(click))
    QApplication.sendEvent(view.viewport(), mouse)
    assert [i.row() for i in view.selectionModel().selectedRows()] == [6]


def test_a_click_on_a_long_summary_keeps_the_date_column_in_view(qtbot) -> None:
    model, view = _shown_table(qtbot, 5)
    summary = _column("summary")
    view.resize(420, 300)
    view.setColumnWidth(summary, 900)  # wider than the view: a long sentence, as in the window
    qtbot.waitExposed(view)
    y = view.visualRect(model.index(2, summary)).center().y()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(view.viewport().width() - 20, y))
    assert view.currentIndex().row() == 2 and view.currentIndex().column() == summary
    # Qt scrolls to a clicked cell once no double-click can follow.
    qtbot.wait(QApplication.doubleClickInterval() + 300)
    assert view.horizontalScrollBar().value() == 0
    # Negative: a column wholly out of view is still scrolled to (the keyboard's way there).
    after = next(c for c in range(model.columnCount()) if not view.isColumnHidden(c)
                 and view.columnViewportPosition(c) >= view.viewport().width())
    view.scrollTo(model.index(2, after))
    assert view.horizontalScrollBar().value() > 0


def _ink_columns(view: EventTableView, row_rect) -> list[int]:
    """The x positions in a row of the view where something darker than the background is drawn."""
    image = view.viewport().grab().toImage()
    xs = []
    for x in range(max(row_rect.left(), 0), min(row_rect.right(), image.width() - 1)):
        if any(image.pixelColor(x, y).lightness() < 100 for y in range(row_rect.top() + 2, row_rect.bottom() - 1)):
            xs.append(x)
    return xs


def test_a_right_to_left_summary_starts_in_view_when_its_column_is_wider_than_the_view(qtbot) -> None:
    events = _events(3)
    events.loc[1, "summary"] = "اتفق الوزيران"  # "The two ministers agreed": short, flush right
    model = EventTableModel()
    model.set_events(events)
    view = EventTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(420, 200)
    view.show()
    qtbot.waitExposed(view)
    summary = _column("summary")
    view.setColumnWidth(summary, 900)
    rect = view.visualRect(model.index(1, summary)).intersected(view.viewport().rect())
    ink = _ink_columns(view, rect)
    assert ink and max(ink) > rect.right() - 40, "the words are at the right edge of the part in view"
    # Negative: a left-to-right summary stays where it was, flush left in its cell.
    ltr = _ink_columns(view, view.visualRect(model.index(0, summary)).intersected(view.viewport().rect()))
    assert ltr and min(ltr) < rect.left() + 20 and max(ltr) < rect.left() + 200
