"""The window's layout: usable at 900x600, and the room a bigger window gives goes to the timeline, table and reader."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QLabel, QMainWindow, QTabBar

from timeline_app.core.timeline.layout import AXIS_H, LEGEND_H
from timeline_app.gui.timeline import TimelineView
from timeline_app.gui.window.docks import FIRST_SIZE, WindowDocks, first_size
from timeline_app.gui.window.main_window import MainWindow
from tests.gui.conftest import LOAD_TIMEOUT, window_settings

# Qt's layout passes come late on a loaded machine (two cores shared by many processes): a width
# that never arrives still fails, after this long.
LAYOUT_TIMEOUT = 30_000


def _first_start(qtbot, tmp_path, corpus_library, width: int = 900, height: int = 600) -> MainWindow:
    """A first start (no layout saved) in a window of the given size, its first sizes laid out."""
    library = tmp_path / "library.sqlite3"
    shutil.copy(corpus_library, library)
    window = MainWindow(library, window_settings(tmp_path))
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.events_reloaded, timeout=LOAD_TIMEOUT):
        window.resize(width, height)
        window.show()
    qtbot.waitUntil(window.docks.sizes.settled, timeout=LAYOUT_TIMEOUT)
    return window


def _resized(qtbot, window: MainWindow, width: int, height: int) -> None:
    """Resize the window as a user would, and wait until the docks have followed."""
    window.resize(width, height)
    qtbot.waitUntil(lambda: not window.docks.sizes.settled(), timeout=LAYOUT_TIMEOUT)  # the resize is seen ...
    qtbot.waitUntil(window.docks.sizes.settled, timeout=LAYOUT_TIMEOUT)  # ... and followed


def _full_lanes(timeline: TimelineView) -> int:
    """How many lanes the timeline shows whole, drawn as the canvas draws them."""
    canvas = timeline.canvas
    state = canvas.paint_state()
    image = QImage(state.width, state.height, QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(image)
    items = canvas.painter.paint(painter, state, canvas.theme())
    painter.end()
    tops = items.lane_top + items.layout.top
    bottoms = tops + items.layout.height
    return int(((tops >= AXIS_H) & (bottoms <= state.height - LEGEND_H)).sum())


def _summary_px(window: MainWindow) -> int:
    """How many pixels of the table's Summary column are in view."""
    table = window.table
    column = next(c for c in range(window.event_model.columnCount())
                  if window.event_model.headerData(c, Qt.Orientation.Horizontal) == "Summary")
    left = table.columnViewportPosition(column)
    return max(0, min(table.viewport().width(), left + table.columnWidth(column)) - max(left, 0))


@pytest.mark.parametrize("start", [(900, 600), (1600, 1000)])
def test_at_900_by_600_the_summaries_and_five_lanes_are_in_view(qtbot, tmp_path, corpus_library, start) -> None:
    window = _first_start(qtbot, tmp_path, corpus_library, *start)
    if start != (900, 600):  # made smaller
        _resized(qtbot, window, 900, 600)
    assert len(window.timeline.lane_keys()) > 5  # more lanes than the window must show
    assert _full_lanes(window.timeline) >= 5
    assert _summary_px(window) >= 120
    window.close()


def test_a_bigger_window_gives_the_room_to_the_views_not_the_filters(qtbot, tmp_path, corpus_library) -> None:
    window = _first_start(qtbot, tmp_path, corpus_library)
    docks = window.docks
    filters = docks.filters_dock.width()
    views = docks.timeline_dock.width()
    _resized(qtbot, window, 1600, 1000)
    assert docks.timeline_dock.width() >= views + 650
    assert abs(docks.filters_dock.width() - filters) <= 2
    assert docks.table_dock.width() > 600 and docks.reader_dock.width() > 400

    # A width the user gives the filters is kept when the window grows; a narrower window narrows
    # it in proportion, and growing back gives it back.
    window.resizeDocks([docks.filters_dock, docks.timeline_dock], [340, 1600 - 340], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: abs(docks.filters_dock.width() - 340) <= 5, timeout=LAYOUT_TIMEOUT)  # less the splitter's few pixels
    qtbot.wait(50)
    chosen = docks.filters_dock.width()
    _resized(qtbot, window, 1200, 800)
    assert abs(docks.filters_dock.width() - chosen * 1200 / 1600) <= 3
    _resized(qtbot, window, 1800, 1000)
    assert abs(docks.filters_dock.width() - chosen) <= 2
    window.close()


def _session(qtbot, library, settings, size: tuple[int, int] | None = None) -> MainWindow:
    """A window on a layout saved before (if any), resized to `size` before it is first shown."""
    window = MainWindow(library, settings)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.events_reloaded, timeout=LOAD_TIMEOUT):
        if size is not None:
            window.resize(*size)
        window.show()
    qtbot.waitUntil(window.docks.sizes.settled, timeout=LAYOUT_TIMEOUT)
    qtbot.wait(50)
    return window


def test_a_layout_saved_in_a_small_window_keeps_its_filters_width_in_a_bigger_one(qtbot, tmp_path, corpus_library) -> None:
    """Saved in a small window (a laptop's, or one the user made small) and opened in a bigger one (a
    larger screen, or maximized): Qt shares the extra width between the left and right docks, and the
    filters took half the window (717 of 1440 px), then kept that share in every later session."""
    library = tmp_path / "library.sqlite3"
    shutil.copy(corpus_library, library)
    settings = window_settings(tmp_path)
    small = _session(qtbot, library, settings, (700, 600))
    chosen = small.docks.filters_dock.width()
    small.close()
    big = _session(qtbot, library, settings, (1440, 900))
    # The state a user is left with: under a loaded machine Qt's last layout pass can come after
    # `settled`, so wait for it (a width that never comes back still fails).
    qtbot.waitUntil(lambda: abs(big.docks.filters_dock.width() - chosen) <= 3, timeout=LAYOUT_TIMEOUT)
    assert big.docks.timeline_dock.width() >= 1440 - chosen - 20
    big.close()
    # The layout saved by the bigger window, at its own size. Given explicitly: restoreGeometry fits a
    # window to the screen, and the offscreen screen is 800 px wide.
    again = _session(qtbot, library, settings, (1440, 900))
    # Exactly: the splitter's half was lost in some sessions, and each one after started from less
    qtbot.waitUntil(lambda: abs(again.docks.filters_dock.width() - chosen) <= 1, timeout=LAYOUT_TIMEOUT)
    again.close()


def test_a_filters_width_the_user_chose_is_restored_as_it_was(qtbot, tmp_path, corpus_library) -> None:
    library = tmp_path / "library.sqlite3"
    shutil.copy(corpus_library, library)
    settings = window_settings(tmp_path)
    first = _session(qtbot, library, settings, (1440, 900))
    docks = first.docks
    first.resizeDocks([docks.filters_dock, docks.timeline_dock], [420, 1440 - 420], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: abs(docks.filters_dock.width() - 420) <= 5, timeout=LAYOUT_TIMEOUT)
    qtbot.wait(50)
    chosen = docks.filters_dock.width()
    first.close()
    second = _session(qtbot, library, settings, (1440, 900))
    assert abs(second.docks.filters_dock.width() - chosen) <= 3
    second.close()
    narrow = _session(qtbot, library, settings, (720, 600))  # a narrower window: in proportion, as when resized
    assert abs(narrow.docks.filters_dock.width() - chosen / 2) <= 6  # and the splitter's half, not yet learnt
    narrow.close()


def test_the_first_start_fits_the_screen(qtbot, tmp_path, corpus_library) -> None:
    # The window started 1440 × 900 whatever the screen: on a laptop's 1366 × 768 its right edge and its
    # status bar were off the screen (the offscreen platform's screen is 800 × 800).
    library = tmp_path / "library.sqlite3"
    shutil.copy(corpus_library, library)
    window = MainWindow(library, window_settings(tmp_path))
    qtbot.addWidget(window)
    screen = window.screen().availableGeometry()
    assert screen.width() < FIRST_SIZE.width()
    assert window.width() <= screen.width() and window.height() <= screen.height()
    # Negative: a screen with room gets the full size.
    assert first_size(QSize(2560, 1440)) == FIRST_SIZE and first_size(QSize(1366, 768)) == QSize(1229, 691)



def _tab_bars_over_panels(window: QMainWindow, docks: WindowDocks) -> list[list[str]]:
    """The tabs of each tab bar on the window that is drawn over an open panel."""
    shown = [d for d in docks.docks if d.isVisible() and not d.isFloating()]
    over = []
    for bar in window.findChildren(QTabBar, options=Qt.FindChildOption.FindDirectChildrenOnly):
        if bar.isVisible() and any(bar.geometry().intersects(d.geometry()) for d in shown):
            over.append([bar.tabText(i) for i in range(bar.count())])
    return over


def test_no_tab_bar_is_left_over_a_panel(qtbot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    docks = WindowDocks(window, *(QLabel(name) for name in ("filters", "articles", "timeline", "canvas", "events",
                                                             "reader", "history", "relations")))
    window.resize(1400, 880)
    with qtbot.waitExposed(window):
        window.show()
    qtbot.wait(50)
    # Qt 6.11 left a group's earlier bar on the window, here over the timeline's overview strip (seen under
    # Xvfb; Qt makes it outside pytest only): the same bar, where Qt left it.
    left_over = QTabBar(window)
    for title in ("Reader", "Edit history"):
        left_over.addTab(title)
    timeline = docks.timeline_dock.geometry()
    left_over.setGeometry(timeline.left() + 50, timeline.bottom() - 30, 255, 26)
    left_over.show()
    assert _tab_bars_over_panels(window, docks) == [["Reader", "Edit history"]]
    docks.hide_stale_tab_bars()
    assert _tab_bars_over_panels(window, docks) == []
    tabs = [[bar.tabText(i) for i in range(bar.count())] for bar in window.findChildren(QTabBar) if bar.isVisible()]
    assert sorted(tabs) == [["Filters", "Articles"], ["Reader", "Edit history", "Relations"]]  # the groups' own
    # A bar of a group's titles that is not under its docks goes too (restoreState leaves the old ones).
    twin = QTabBar(window)
    for title in ("Reader", "Edit history", "Relations"):
        twin.addTab(title)
    twin.setGeometry(timeline.left() + 50, timeline.bottom() - 30, 255, 26)
    twin.show()
    docks.history_dock.close()  # a closed dock's tab leaves its group's bar, which stays
    qtbot.wait(50)
    docks.hide_stale_tab_bars()
    assert not twin.isVisible() and _tab_bars_over_panels(window, docks) == []
    tabs = [[bar.tabText(i) for i in range(bar.count())] for bar in window.findChildren(QTabBar) if bar.isVisible()]
    assert sorted(tabs) == [["Filters", "Articles"], ["Reader", "Relations"]]


def test_the_window_hides_the_left_over_tab_bars_once_laid_out(qtbot, tmp_path, corpus_library, monkeypatch) -> None:
    hidden = []
    monkeypatch.setattr(WindowDocks, "hide_stale_tab_bars", lambda self: hidden.append(self))
    window = _first_start(qtbot, tmp_path, corpus_library)
    qtbot.waitUntil(lambda: hidden == [window.docks], timeout=LAYOUT_TIMEOUT)
    window.docks.reset_layout()
    assert hidden == [window.docks, window.docks]
    window.close()
