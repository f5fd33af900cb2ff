"""The window's docks, their default layout, and the window's geometry and layout kept between sessions."""

from __future__ import annotations

import logging

from PySide6.QtCore import QByteArray, QObject, QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QTabBar, QWidget

from timeline_app.gui.window.dock_sizes import LEFT, RIGHT, DockSizes

log = logging.getLogger(__name__)

FIRST_SIZE = QSize(1440, 900)  # room for the timeline's labels beside the filters
SCREEN_SHARE = 0.9  # of a smaller screen: the window's frame and the desktop's panels need the rest


def first_size(available: QSize) -> QSize:
    """The window's size at the first start: FIRST_SIZE, or less on a smaller screen (a laptop's
    1366 × 768), where a window wider or taller than the screen hides its right edge and status bar."""
    return QSize(min(FIRST_SIZE.width(), int(available.width() * SCREEN_SHARE)),
                 min(FIRST_SIZE.height(), int(available.height() * SCREEN_SHARE)))


class WindowDocks(QObject):
    """Every part of `window` is a dock, so that any of them can be moved or closed; no central widget.

    Given the panels to dock (`timeline_canvas`: the part of the timeline that shows lanes); remembers
    the window's geometry and dock layout in `settings`; `sizes` shares the window out among them.
    """

    def __init__(self, window: QMainWindow, filters: QWidget, articles: QWidget, timeline: QWidget,
                 timeline_canvas: QWidget, events: QWidget, reader: QWidget, history: QWidget,
                 relations: QWidget) -> None:
        super().__init__(window)
        self._window = window
        window.setCentralWidget(None)
        self.filters_dock = self._dock("Filters", "filters_dock", filters, LEFT)
        self.library_dock = self._dock("Articles", "library_dock", articles, LEFT)
        self.timeline_dock = self._dock("Timeline", "timeline_dock", timeline, RIGHT)
        self.table_dock = self._dock("Events", "table_dock", events, RIGHT)
        self.reader_dock = self._dock("Reader", "reader_dock", reader, RIGHT)
        self.history_dock = self._dock("Edit history", "history_dock", history, RIGHT)
        self.relations_dock = self._dock("Relations", "relations_dock", relations, RIGHT)
        window.tabifyDockWidget(self.filters_dock, self.library_dock)
        self.filters_dock.raise_()
        window.splitDockWidget(self.timeline_dock, self.table_dock, Qt.Orientation.Vertical)
        window.splitDockWidget(self.table_dock, self.reader_dock, Qt.Orientation.Horizontal)
        window.tabifyDockWidget(self.reader_dock, self.history_dock)
        # A tab beside the reader, not a column beside the timeline: a timeline 40% narrower has
        # room for far fewer labels. The dock computes nothing until its tab is shown.
        window.tabifyDockWidget(self.history_dock, self.relations_dock)
        self.reader_dock.raise_()
        self.docks = (self.timeline_dock, self.table_dock, self.reader_dock, self.filters_dock, self.library_dock,
                      self.history_dock, self.relations_dock)
        self._default_state = window.saveState()
        self._sized = False
        self._state_restored = False
        self.sizes = DockSizes(window, self.docks, self.filters_dock, self.library_dock, self.timeline_dock,
                               self.table_dock, self.reader_dock, timeline_canvas)

    def _dock(self, title: str, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self._window)
        dock.setObjectName(name)  # saveState/restoreState find docks by object name
        dock.setWidget(widget)
        self._window.addDockWidget(area, dock)
        return dock

    def toggle_actions(self) -> list[QAction]:
        """Show or hide each dock (View menu), with Ctrl+1, Ctrl+2 … in the order of `docks`."""
        actions = []
        for i, dock in enumerate(self.docks, 1):
            toggle = dock.toggleViewAction()
            toggle.setShortcut(QKeySequence(f"Ctrl+{i}"))
            toggle.setProperty("long_name", f"Show or hide the {dock.windowTitle()} panel")
            actions.append(toggle)
        return actions

    def bring_forward(self, dock: QDockWidget) -> None:
        dock.show()
        dock.raise_()

    def behind_tab(self, widget: QWidget | None) -> bool:
        """Whether `widget` is in a dock out of sight behind another's tab (Qt leaves it on the window)."""
        return widget is not None and any(dock.isAncestorOf(widget) and not dock.isFloating()
                                          and dock.visibleRegion().isEmpty() for dock in self.docks)

    def window_shown(self) -> None:
        """The first show: the default sizes, unless a saved layout was restored."""
        if not self._sized:
            self._sized = True
            QTimer.singleShot(0, self._on_first_layout)

    def _on_first_layout(self) -> None:
        # resizeDocks only takes once the window has its size: called after the first show.
        if self._state_restored:
            self.sizes.apply_chosen()
        else:
            self.sizes.apply_defaults()
        self.hide_stale_tab_bars()

    def hide_stale_tab_bars(self) -> None:
        """Hide the tab bars on the window that no group of tabbed docks uses.

        WORKAROUND: Qt 6.11 leaves earlier bars on the window, drawn over other panels ("Reader | Edit
        history" over the timeline's overview strip): the bar of a group that another tabifyDockWidget
        then joined, and every bar of the layout before restoreState. A bar in use holds the titles of
        its group's open docks and lies just under the one of them in front."""
        used: list[tuple[frozenset[str], QDockWidget]] = []
        for dock in self.docks:
            group = [d for d in (dock, *self._window.tabifiedDockWidgets(dock)) if not d.isHidden()]
            if len(group) > 1 and not dock.isFloating() and not dock.visibleRegion().isEmpty():
                used.append((frozenset(d.windowTitle() for d in group), dock))
        for bar in self._window.findChildren(QTabBar, options=Qt.FindChildOption.FindDirectChildrenOnly):
            titles = frozenset(bar.tabText(i) for i in range(bar.count()))
            if bar.isVisible() and not any(titles == group and _under(bar, front) for group, front in used):
                bar.hide()

    def reset_layout(self) -> None:
        """Every dock back where it was at the first start (View > Reset layout)."""
        self._window.restoreState(self._default_state)
        for dock in self.docks:
            dock.show()
        self.filters_dock.raise_()
        self.sizes.apply_defaults()
        self.hide_stale_tab_bars()

    # -- kept between sessions -----------------------------------------------------------------

    def restore(self, settings: QSettings) -> None:
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self._window.restoreGeometry(geometry)
        else:
            self._window.resize(first_size(self._window.screen().availableGeometry().size()))
        state = settings.value("window/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self._state_restored = self._window.restoreState(state)
        self.sizes.restore_chosen(settings.value("window/side_width", 0, type=int),
                                  settings.value("window/side_window", 0, type=int))

    def save(self, settings: QSettings) -> None:
        settings.setValue("window/geometry", self._window.saveGeometry())
        settings.setValue("window/state", self._window.saveState())
        side_width, side_window = self.sizes.chosen()
        settings.setValue("window/side_width", side_width)
        settings.setValue("window/side_window", side_window)


def _under(bar: QTabBar, dock: QDockWidget) -> bool:
    """Whether `bar` lies just under `dock` and beside it (where Qt puts a group's tabs)."""
    b, d = bar.geometry(), dock.geometry()
    return abs(b.top() - d.bottom()) <= 4 and b.left() < d.right() and d.left() < b.right()
