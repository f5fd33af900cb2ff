"""The window's docks and their default layout, and what it remembers between sessions (QSettings)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import QDockWidget, QStackedWidget, QWidget

from timeline_app.gui.panels.reader import ArticleView
from timeline_app.gui.window.curation_actions import CurationActions
from timeline_app.gui.panels.event_table_view import EventTableView
from timeline_app.gui.panels.filter_panel import FilterPanel
from timeline_app.gui.panels.articles import LibraryPanel
from timeline_app.gui.timeline.view import TimelineView
from timeline_app.gui.window.menus import LANE_TITLES
from timeline_app.gui.window.mixin import WindowMixin

log = logging.getLogger(__name__)

MAX_RECENT = 8


class WindowLayoutMixin(WindowMixin):
    """Docks (every part of the window is one), their default sizes, and the saved window state.

    MainWindow provides the views and settings declared here.
    """

    settings: QSettings
    timeline: TimelineView
    table: EventTableView
    table_stack: QStackedWidget
    filters: FilterPanel
    library_panel: LibraryPanel
    reader: ArticleView
    curation: CurationActions
    export_all_action: QAction
    export_all: bool
    _default_state: QByteArray
    _sized: bool
    _state_restored: bool

    if TYPE_CHECKING:
        def set_lane_mode(self, mode: str) -> None: ...

    def _dock(self, title: str, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)  # saveState/restoreState find docks by object name
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _build_docks(self) -> None:
        # Every part is a dock so that any of them can be moved or closed; no central widget.
        self.setCentralWidget(None)
        left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        self.filters_dock = self._dock("Filters", "filters_dock", self.filters, left)
        self.library_dock = self._dock("Articles", "library_dock", self.library_panel, left)
        self.timeline_dock = self._dock("Timeline", "timeline_dock", self.timeline, right)
        self.table_dock = self._dock("Events", "table_dock", self.table_stack, right)
        self.reader_dock = self._dock("Reader", "reader_dock", self.reader, right)
        self.history_dock = self._dock("Edit history", "history_dock", self.curation.history_view, right)
        self.tabifyDockWidget(self.filters_dock, self.library_dock)
        self.filters_dock.raise_()
        self.splitDockWidget(self.timeline_dock, self.table_dock, Qt.Orientation.Vertical)
        self.splitDockWidget(self.table_dock, self.reader_dock, Qt.Orientation.Horizontal)
        self.tabifyDockWidget(self.reader_dock, self.history_dock)
        self.reader_dock.raise_()
        self.docks = (self.timeline_dock, self.table_dock, self.reader_dock, self.filters_dock, self.library_dock,
                      self.history_dock)

    def _apply_default_sizes(self) -> None:
        # resizeDocks only takes once the window has its size: called from the first showEvent.
        w, h = max(self.width(), 900), max(self.height(), 600)
        left = min(360, w // 4)
        self.resizeDocks([self.filters_dock, self.timeline_dock], [left, w - left], Qt.Orientation.Horizontal)
        self.resizeDocks([self.timeline_dock, self.table_dock], [int(h * 0.45), int(h * 0.55)],
                         Qt.Orientation.Vertical)
        rest = w - left
        self.resizeDocks([self.table_dock, self.reader_dock], [int(rest * 0.58), int(rest * 0.42)],
                         Qt.Orientation.Horizontal)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._sized:
            self._sized = True
            if not self._state_restored:
                QTimer.singleShot(0, self._apply_default_sizes)

    def _on_reset_layout_triggered(self) -> None:
        self.restoreState(self._default_state)
        for dock in self.docks:
            dock.show()
        self.filters_dock.raise_()
        self._apply_default_sizes()

    # -- settings ------------------------------------------------------------------------------

    def _restore_settings(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1440, 900)
        state = self.settings.value("window/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self._state_restored = self.restoreState(state)
        header = self.settings.value("table/header")
        if isinstance(header, QByteArray) and not header.isEmpty():
            self.table.horizontalHeader().restoreState(header)  # column widths, order, hidden columns
        self.export_all_action.setChecked(self.settings.value("export/all", False, type=bool))
        lanes = str(self.settings.value("timeline/lanes", "country"))
        self.set_lane_mode(lanes if lanes in LANE_TITLES else "country")
        self.export_all = self.export_all_action.isChecked()

    def _save_settings(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.setValue("export/all", self.export_all)
        self.settings.setValue("table/header", self.table.horizontalHeader().saveState())
        self.settings.setValue("timeline/lanes", self.timeline.lane_mode())
        self.settings.sync()

    def recent_libraries(self) -> list[str]:
        value = self.settings.value("recent_libraries", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or [])]

    def _remember_library(self, path: Path) -> None:
        recent = [str(path)] + [p for p in self.recent_libraries() if p != str(path)]
        self.settings.setValue("recent_libraries", recent[:MAX_RECENT])

