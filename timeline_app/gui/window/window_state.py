"""The window's layout kept between sessions: docks, the table's columns, the export choice and the lane mode."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QHeaderView

from timeline_app.core.timeline.modes import DEFAULT_LANE_MODE, LANE_MODES
from timeline_app.gui.timeline import TimelineView
from timeline_app.gui.window.docks import WindowDocks
from timeline_app.gui.window.export_actions import ExportActions
from timeline_app.gui.window.menus import WindowMenus


class WindowState:
    """Restores and saves, in `settings`, what the user arranged in the parts given."""

    def __init__(self, settings: QSettings, docks: WindowDocks, header: QHeaderView, menus: WindowMenus,
                 exports: ExportActions, timeline: TimelineView) -> None:
        self._settings, self._docks, self._header = settings, docks, header
        self._menus, self._exports, self._timeline = menus, exports, timeline

    def restore(self) -> None:
        self._docks.restore(self._settings)
        header = self._settings.value("table/header")
        if isinstance(header, QByteArray) and not header.isEmpty():
            self._header.restoreState(header)  # column widths, order, hidden columns
        self._menus.export_all_action.setChecked(self._settings.value("export/all", False, type=bool))
        lanes = str(self._settings.value("timeline/lanes", DEFAULT_LANE_MODE))
        self._menus.set_lane_mode(lanes if lanes in LANE_MODES else DEFAULT_LANE_MODE)

    def save(self) -> None:
        self._docks.save(self._settings)
        self._settings.setValue("export/all", self._exports.export_all)
        self._settings.setValue("table/header", self._header.saveState())
        self._settings.setValue("timeline/lanes", self._timeline.lane_mode())
        self._settings.sync()
