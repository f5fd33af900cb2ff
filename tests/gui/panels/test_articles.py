"""LibraryPanel: grouping by publication date, search, sort, and the actions on selected articles."""

from __future__ import annotations

import pandas as pd
from PySide6.QtCore import Qt

from timeline_app.gui.panels.articles import ARTICLES, NEEDS_DATE, LibraryPanel


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
    top = [panel.tree.topLevelItem(i).text(0) for i in range(panel.tree.topLevelItemCount())]
    assert top == [f"{NEEDS_DATE} (1)", f"{ARTICLES} (2)"]
    assert panel.needs_date_ids() == [2]
    panel.tree.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    top = [panel.tree.topLevelItem(i).text(0) for i in range(panel.tree.topLevelItemCount())]
    assert top[0].startswith(NEEDS_DATE)
    assert panel.item(3).text(4) == "file name"


def test_sort_by_event_count_is_numeric(qtbot) -> None:
    panel = _panel(qtbot)
    panel.tree.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    group = panel.tree.topLevelItem(1)
    assert [group.child(i).text(0) for i in range(group.childCount())] == [
        "Summit in Brussels", "Ministers meet in Moscow"]


def test_search_hides_other_articles(qtbot) -> None:
    panel = _panel(qtbot)
    panel.search.setText("brussels")
    assert panel.item(1).isHidden() and not panel.item(3).isHidden()


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
    assert panel.selected_ids() == [3]
