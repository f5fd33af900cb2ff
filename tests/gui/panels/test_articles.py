"""LibraryPanel: grouping by publication date, search, sort, and the actions on selected articles."""

from __future__ import annotations

import time

import pandas as pd
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent, QFontMetrics
from PySide6.QtWidgets import QApplication, QMenu

from timeline_app.gui.panels.article_model import ARTICLES, NEEDS_DATE
from timeline_app.gui.panels.articles import LibraryPanel


def _articles() -> pd.DataFrame:
    return pd.DataFrame([
        (1, "Ministers meet in Moscow", "Antiwar.com", "/x/a.txt", "", "", "text", "2022-12-28", "text",
         "2026-11-28T10:00:00+00:00", 9),
        (2, "Undated piece on Ankara", "", "/x/b.txt", "", "", "text", "", "none",
         "2026-11-28T10:00:00+00:00", 0),
        (3, "Summit in Brussels", "Wire", "/x/c.txt", "", "", "text", "2021-06-14", "filename",
         "2026-11-28T10:00:00+00:00", 12),
    ], columns=["article_id", "title", "source", "source_path", "url", "byline", "fmt", "published",
                "published_source", "added_at", "event_count"])


def _panel(qtbot) -> LibraryPanel:
    panel = LibraryPanel()
    qtbot.addWidget(panel)
    panel.set_articles(_articles())
    return panel


def test_articles_without_a_date_are_grouped_on_top(qtbot) -> None:
    panel = _panel(qtbot)
    assert panel.model.group_titles() == [f"{NEEDS_DATE} (1)", f"{ARTICLES} (2)"]
    assert panel.needs_date_ids() == [2]
    panel.tree.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert panel.model.group_titles()[0].startswith(NEEDS_DATE)
    panel.tree.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert panel.model.group_titles()[0].startswith(NEEDS_DATE)
    assert panel.row_texts(3)[4] == "file name" and panel.row_texts(2)[1] == "—"


def test_sort_by_event_count_is_numeric(qtbot) -> None:
    panel = _panel(qtbot)
    panel.tree.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    assert panel.model.group_ids(ARTICLES) == [3, 1]
    panel.tree.sortByColumn(2, Qt.SortOrder.AscendingOrder)
    assert panel.model.group_ids(ARTICLES) == [1, 3]
    panel.tree.sortByColumn(1, Qt.SortOrder.DescendingOrder)  # newest first
    assert panel.model.group_ids(ARTICLES) == [1, 3]


def test_search_hides_other_articles(qtbot) -> None:
    panel = _panel(qtbot)
    panel.search.setText("brussels")
    assert panel.row_texts(1) == [] and panel.row_texts(3)[0] == "Summit in Brussels"
    assert panel.model.group_ids(NEEDS_DATE) == []
    panel.search.setText("/x/b.txt")  # the file an article came from
    assert panel.model.group_ids(NEEDS_DATE) == [2] and panel.model.group_ids(ARTICLES) == []
    panel.search.clear()
    assert panel.model.group_ids(ARTICLES) == [1, 3]


def test_remove_action_emits_the_selected_ids(qtbot) -> None:
    panel = _panel(qtbot)
    assert not panel.remove_action.isEnabled()
    panel.select_ids([1, 3])
    assert panel.remove_action.isEnabled()
    with qtbot.waitSignal(panel.remove_requested) as blocker:
        panel.remove_action.trigger()
    assert sorted(blocker.args[0]) == [1, 3]


def test_selection_survives_a_refill(qtbot) -> None:
    panel = _panel(qtbot)
    panel.select_ids([3])
    with qtbot.assertNotEmitted(panel.article_activated):
        panel.set_articles(_articles())
    assert panel.selected_ids() == [3] and panel.remove_action.isEnabled()


def test_a_click_opens_the_article(qtbot) -> None:
    panel = _panel(qtbot)
    panel.resize(600, 400)
    panel.show()
    qtbot.waitExposed(panel)
    rect = panel.tree.visualRect(panel.model.index_of(3))
    with qtbot.waitSignal(panel.article_activated) as blocker:
        qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [3]


def test_a_click_on_a_group_closes_and_opens_it(qtbot) -> None:
    panel = _panel(qtbot)
    panel.resize(600, 400)
    panel.show()
    qtbot.waitExposed(panel)
    panel.select_ids([3])
    header = panel.model.index(panel.model.group_rows()[1], 0)
    assert panel.model.data(header).startswith("▾ " + ARTICLES)
    qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=panel.tree.visualRect(header).center())
    assert panel.row_texts(3) == [] and panel.model.rowCount() == 3  # two headers and the undated article
    assert panel.selected_ids() == [] and not panel.remove_action.isEnabled()  # nothing hidden stays selected
    assert panel.model.data(panel.model.index(2, 0)).startswith("▸ " + ARTICLES)
    qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton,
                     pos=panel.tree.visualRect(panel.model.index(2, 0)).center())
    assert panel.row_texts(3)[0] == "Summit in Brussels"


def test_many_articles_fill_quickly(qtbot) -> None:
    n = 200_000  # the articles of a library of a million mentions
    many = _articles().iloc[[i % 3 for i in range(n - n % 3)]].reset_index(drop=True)
    many["article_id"] = range(1, len(many) + 1)
    panel = _panel(qtbot)
    started = time.process_time()
    panel.set_articles(many)
    # One QTreeWidgetItem an article took over 2 s of CPU here; the model shows only what is on screen.
    assert time.process_time() - started < 1.5
    assert panel.model.group_titles() == [f"{NEEDS_DATE} ({len(many) // 3:,})", f"{ARTICLES} ({2 * len(many) // 3:,})"]


def test_while_the_articles_are_read_an_empty_panel_says_how_many_come(qtbot) -> None:
    panel = LibraryPanel()
    qtbot.addWidget(panel)
    panel.set_articles(_articles().iloc[0:0])
    panel.show_reading(200_000)
    assert panel.count_label.text() == "Reading 200,000 articles…"
    panel.set_articles(_articles())
    assert panel.count_label.text() == "3 articles"


def test_while_the_articles_are_read_again_the_last_ones_stay_listed(qtbot) -> None:
    panel = _panel(qtbot)
    panel.show_reading(4)
    assert panel.count_label.text() == "3 articles" and len(panel.model.ids) == 3


def _right_edge(panel: LibraryPanel, column: int) -> int:
    return panel.tree.columnViewportPosition(column) + panel.tree.columnWidth(column)


def test_title_published_and_events_fit_a_narrow_panel(qtbot) -> None:
    panel = _panel(qtbot)
    panel.resize(260, 400)
    panel.show()
    qtbot.waitExposed(panel)
    viewport = panel.tree.viewport().width()
    assert viewport < 300  # narrower than the three columns at their first widths
    qtbot.waitUntil(lambda: _right_edge(panel, 2) <= viewport)  # the Events count is whole
    assert panel.tree.columnWidth(0) >= 80  # and the titles still readable
    panel.resize(600, 400)
    qtbot.waitUntil(lambda: panel.tree.columnWidth(0) > 170)  # a wider panel gives the titles room
    assert _right_edge(panel, 2) <= panel.tree.viewport().width()
    # A Title width the user chose stays, whatever the panel's width.
    panel.tree.horizontalHeader().resizeSection(0, 140)
    panel.resize(500, 400)
    qtbot.wait(20)
    assert panel.tree.columnWidth(0) == 140


def test_a_groups_header_with_its_count_fits_the_panels_first_width(qtbot) -> None:
    """239 px: the Filters and Articles dock at 1024 x 640 (a header cut at its count said '(')."""
    many = _articles().iloc[[i % 3 for i in range(3000)]].reset_index(drop=True)
    many["article_id"] = range(1, len(many) + 1)  # 1,000 without a date: a count of five characters
    panel = _panel(qtbot)
    panel.set_articles(many)
    panel.resize(239, 400)
    panel.show()
    qtbot.waitExposed(panel)
    assert panel.tree.verticalScrollBar().isVisible()  # it takes its width from the headers
    font = panel.model.index(0, 0).data(Qt.ItemDataRole.FontRole)
    metrics = QFontMetrics(font)
    icon = max(panel.tree.iconSize().width(), 16) + 8  # the warning icon beside the group needing dates
    for title in panel.model.group_titles():
        assert metrics.horizontalAdvance(f"▾ {title}") + icon + 8 <= panel.tree.viewport().width(), title


def _menu_opened_by(qtbot, widget, event: QContextMenuEvent) -> QMenu:
    QApplication.sendEvent(widget, event)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    menu.close()
    return menu


def test_the_menu_key_opens_the_menu_at_the_current_article(qtbot) -> None:
    panel = _panel(qtbot)
    panel.resize(600, 400)
    panel.show()
    qtbot.waitExposed(panel)
    viewport = panel.tree.viewport()
    rect = panel.tree.visualRect(panel.model.index_of(3))
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    row_top, row_bottom = viewport.mapToGlobal(rect.topLeft()).y(), viewport.mapToGlobal(rect.bottomLeft()).y()
    # Qt asks the table itself, in its own coordinates (the header above the rows): the row's middle.
    in_table = viewport.mapTo(panel.tree, rect.center())
    key = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, in_table, panel.tree.mapToGlobal(in_table))
    assert row_top <= _menu_opened_by(qtbot, panel.tree, key).y() <= row_bottom
    # Negative: a right click opens it where it was clicked, whatever the current row.
    click = QPoint(rect.center().x(), rect.bottom() + 2 * rect.height())
    mouse = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, click, viewport.mapToGlobal(click))
    assert _menu_opened_by(qtbot, viewport, mouse).y() == viewport.mapToGlobal(click).y()
