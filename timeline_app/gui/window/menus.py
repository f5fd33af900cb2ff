"""The window's actions, its menu bar, and the View and Help entries that need no other home."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QDockWidget, QInputDialog, QMenu, QMessageBox

from timeline_app.gui.window.curation_actions import CurationActions
from timeline_app.gui.dialogs import ShortcutsDialog, about_box
from timeline_app.gui.panels.event_table import EventTableView
from timeline_app.gui.panels.filter_panel import FilterPanel
from timeline_app.core.library.export import EXPORT_FORMATS
from timeline_app.gui.panels.articles import LibraryPanel
from timeline_app.gui.timeline.view import TimelineView
from timeline_app.gui.window.mixin import WindowMixin

log = logging.getLogger(__name__)

LANE_TITLES = {
    "country": "One per country", "event_type": "One per event type", "source": "One per article",
    "single": "A single lane",
}


class WindowMenusMixin(WindowMixin):
    """Every action of the window with its shortcut, and the File, Edit, View and Help menus.

    MainWindow provides the views, docks and slots declared here.
    """

    timeline: TimelineView
    table: EventTableView
    filters: FilterPanel
    library_panel: LibraryPanel
    curation: CurationActions
    filters_dock: QDockWidget
    docks: tuple[QDockWidget, ...]
    recent_menu: QMenu

    if TYPE_CHECKING:  # the slots live in the window's other mixins
        def _show_message(self, title: str, text: str,
                          icon: QMessageBox.Icon = QMessageBox.Icon.Warning) -> None: ...
        def _open_box(self, box: QMessageBox) -> None: ...

    def _action(self, text: str, shortcut: str | QKeySequence.StandardKey | None,
                slot: Callable[..., Any], tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        a = self._action
        self.open_files_action = a("&Open files…", QKeySequence.StandardKey.Open, self._on_open_files_triggered,
                                   "Add articles (.txt, .md, .html, feeds, dumps, .zip) to the library")
        self.open_folder_action = a("Open &folder…", "Ctrl+Shift+O", self._on_open_folder_triggered,
                                    "Add every article in a folder and its subfolders")
        self.open_url_action = a("Open &URL…", "Ctrl+U", self._on_open_url_triggered,
                                 "Download an article from the web and add it")
        self.samples_action = a("Add the &sample articles", "Ctrl+Alt+S", self._on_samples_triggered,
                                "Add the sample articles that come with the app")
        self.new_library_action = a("&New library…", QKeySequence.StandardKey.New, self._on_new_library_triggered,
                                    "Start an empty library in a new file")
        self.open_library_action = a("Open &library…", "Ctrl+Shift+L", self._on_open_library_triggered,
                                     "Switch to another library file")
        self.export_actions: dict[str, QAction] = {}
        for fmt in EXPORT_FORMATS:
            action = a(fmt.label, fmt.shortcut, lambda _=False, k=fmt.key: self.export(k))
            action.setProperty("long_name", f"Export {fmt.label[0].lower()}{fmt.label[1:]}")
            self.export_actions[fmt.key] = action
        self.export_image_action = a("Timeline as image…", "Ctrl+Shift+P", self._on_export_image_triggered,
                                     "Save the timeline as a PNG image")
        self.export_image_action.setProperty("long_name", "Export the timeline as an image")
        self.export_all_action = a("Export all events (ignore filters)", None, self._on_export_all_toggled)
        self.export_all_action.setCheckable(True)
        self.quit_action = a("&Quit", "Ctrl+Q", self.close, "Close the window; the library is saved as you go")

        self.find_action = a("&Search events…", QKeySequence.StandardKey.Find, self._on_find_triggered,
                             "Search summaries and evidence")
        self.clear_filters_action = a("&Clear filters", "Ctrl+Shift+X", self.filters.clear, "Show every event")
        self.fit_action = a("&Fit timeline", "Ctrl+0", self._on_fit_triggered, "Show every event on the timeline")
        self.zoom_event_action = a("&Zoom to selected event", "Ctrl+J", self._on_zoom_event_triggered)
        self.go_to_date_action = a("&Go to date…", "Ctrl+G", self._on_go_to_date_triggered,
                                   "Centre the timeline on a date")
        self.lane_actions: dict[str, QAction] = {}
        lane_group = QActionGroup(self)
        for i, (mode, title) in enumerate(LANE_TITLES.items(), 1):
            action = a(title, f"Ctrl+Alt+{i}", lambda _=False, m=mode: self.set_lane_mode(m))
            action.setCheckable(True)
            action.setProperty("long_name", f"Timeline lanes: {title[0].lower()}{title[1:]}")
            lane_group.addAction(action)
            self.lane_actions[mode] = action
        self.reset_layout_action = a("&Reset layout", "Ctrl+Alt+R", self._on_reset_layout_triggered,
                                     "Show every panel again where it was at the first start")
        self.shortcuts_action = a("&Keyboard shortcuts", QKeySequence.StandardKey.HelpContents,
                                  self._on_shortcuts_triggered)
        self.about_action = a("&About Diplomatic Timeline", None, self._on_about_triggered)
        for i, dock in enumerate(self.docks, 1):
            toggle = dock.toggleViewAction()
            toggle.setShortcut(QKeySequence(f"Ctrl+{i}"))
            toggle.setProperty("long_name", f"Show or hide the {dock.windowTitle()} panel")
            self.addAction(toggle)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        m = bar.addMenu("&File")
        for action in (self.open_files_action, self.open_folder_action, self.open_url_action, self.samples_action):
            m.addAction(action)
        m.addSeparator()
        m.addAction(self.new_library_action)
        m.addAction(self.open_library_action)
        self.recent_menu = m.addMenu("Recent &libraries")
        m.addSeparator()
        self.export_menu = m.addMenu("&Export")
        for action in self.export_actions.values():
            self.export_menu.addAction(action)
        self.export_menu.addAction(self.export_image_action)
        self.export_menu.addSeparator()
        self.export_menu.addAction(self.export_all_action)
        m.addSeparator()
        m.addAction(self.quit_action)

        m = bar.addMenu("&Edit")
        for action in self.curation.menu_actions():
            if action is None:
                m.addSeparator()
            else:
                m.addAction(action)
        m.addSeparator()
        m.addAction(self.table.copy_action)
        m.addAction(self.find_action)
        m.addAction(self.clear_filters_action)
        m.addSeparator()
        for action in (self.library_panel.date_action, self.library_panel.filter_action,
                       self.library_panel.remove_action):
            m.addAction(action)

        m = bar.addMenu("&View")
        for dock in self.docks:
            m.addAction(dock.toggleViewAction())
        m.addAction(self.reset_layout_action)
        m.addSeparator()
        m.addAction(self.fit_action)
        m.addAction(self.zoom_event_action)
        m.addAction(self.go_to_date_action)
        lanes = m.addMenu("Timeline &lanes")
        for action in self.lane_actions.values():
            lanes.addAction(action)
        # The timeline's own context menu may have changed the mode since.
        lanes.aboutToShow.connect(self._on_lanes_menu_about_to_show)

        m = bar.addMenu("&Help")
        m.addAction(self.shortcuts_action)
        m.addAction(self.about_action)

    def set_lane_mode(self, mode: str) -> None:
        """One lane per country, event type or source, or a single lane."""
        self.timeline.set_lane_mode(mode)
        self.lane_actions[mode].setChecked(True)

    def _on_lanes_menu_about_to_show(self) -> None:
        action = self.lane_actions.get(self.timeline.lane_mode())
        if action is not None:
            action.setChecked(True)

    def _on_go_to_date_triggered(self) -> None:
        text, ok = QInputDialog.getText(self, "Go to date", "Date (YYYY-MM-DD, YYYY-MM or YYYY):")
        if not ok or not text.strip():
            return
        day = _parse_partial_date(text.strip())
        if day is None:
            self._show_message("Go to date", f"“{text.strip()}” is not a date: write it as YYYY-MM-DD, "
                               "YYYY-MM or YYYY.", QMessageBox.Icon.Information)
            return
        self.timeline.go_to_date(day)

    def _on_fit_triggered(self) -> None:
        self.timeline.fit_all()

    def _on_find_triggered(self) -> None:
        self.filters_dock.show()
        self.filters_dock.raise_()
        self.filters.text_edit.setFocus()
        self.filters.text_edit.selectAll()

    def _on_shortcuts_triggered(self) -> None:
        actions = ([a for a in self.actions()] + [self.table.copy_action] + self.curation.event_actions()
                   + self.library_panel.actions())
        dialog = ShortcutsDialog(actions, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.shortcuts_dialog = dialog
        dialog.open()

    def _on_about_triggered(self) -> None:
        self._open_box(about_box(self))


def _parse_partial_date(text: str) -> dt.date | None:
    """"2020-05-17", "2020-05" or "2020" as a date (the first day of the month or year)."""
    for candidate in (text, f"{text}-01", f"{text}-01-01"):
        try:
            return dt.date.fromisoformat(candidate)
        except ValueError:
            continue
    return None
