"""MainWindow: docks around the timeline, menus, status bar, and the jobs that run off the GUI thread."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QStyle,
    QWidget,
)

from timeline_app import paths
from timeline_app.core import frames
from timeline_app.core.filters import FilterSpec
from timeline_app.core.models import Article
from timeline_app.core.store import Library
from timeline_app.errors import TimelineError
from timeline_app.gui.article_view import ArticleView, Focus
from timeline_app.gui.curation_actions import CurationActions, CurationHost, Evidence, evidence_from_reader
from timeline_app.gui.dialogs import CrashDialog, PublicationDateDialog, ShortcutsDialog, about_box
from timeline_app.gui.event_model import EventTableModel, EventTableView
from timeline_app.gui.filter_panel import FilterPanel
from timeline_app.gui.jobs import EXPORT_FORMATS
from timeline_app.gui.library_actions import LibraryActionsMixin
from timeline_app.gui.library_panel import LibraryPanel
from timeline_app.gui.snapshot import Snapshot, read_snapshot
from timeline_app.gui.timeline_view import TimelineView
from timeline_app.gui.workers import JobQueue, TaskWorker, install_gui_garbage_collector

log = logging.getLogger(__name__)

MAX_RECENT = 8
LANE_TITLES = {
    "country": "One per country", "event_type": "One per event type", "source": "One per article",
    "single": "A single lane",
}
EMPTY_TEXT = ("No articles yet: open files or a folder (Ctrl+O), drop them on this window, "
              "or add the sample articles from the File menu.")


class MainWindow(LibraryActionsMixin, QMainWindow):
    """The window people live in: library, timeline, table, filters and reader, all docks."""

    events_reloaded = Signal()  # the library was read again and every view shows it
    job_finished = Signal(str)  # a background job ended (its description)
    import_finished = Signal(object)  # ImportReport
    exported = Signal(str, int)  # path, rows written

    def __init__(self, library_path: Path | None = None, settings: QSettings | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        install_gui_garbage_collector()
        self.settings = settings if settings is not None else QSettings()
        self.library_path = Path(library_path) if library_path else paths.default_library_path()
        self.library: Library | None = None
        self.snapshot: Snapshot | None = None
        self.mask = np.empty(0, dtype=bool)
        self.spec = FilterSpec()
        self.export_all = False
        self.show_hidden = False  # hidden events are false ones the user put aside
        self.last_message: QMessageBox | None = None
        self.date_dialog: PublicationDateDialog | None = None
        self._selected_event = ""
        self._undo: list[list[Article]] = []
        self.jobs = JobQueue(self)
        self._loader: TaskWorker | None = None
        self._reload_again = False
        self._refit_on_load = True
        self._crash_dialogs: list[CrashDialog] = []

        self.setWindowTitle("Diplomatic Timeline")
        self.setAcceptDrops(True)
        self.setDockNestingEnabled(True)
        self._build_views()
        self._build_curation()
        self._build_docks()
        self._build_actions()
        self._build_menus()
        self._build_status_bar()
        self._connect()
        self._default_state = self.saveState()
        self._sized = False
        self._state_restored = False
        self._restore_settings()
        self.open_library(self.library_path)

    # -- construction --------------------------------------------------------------------------

    def _build_views(self) -> None:
        self.timeline = TimelineView()
        self.event_model = EventTableModel(self)
        self.table = EventTableView()
        self.table.setModel(self.event_model)
        self.empty_label = QLabel(EMPTY_TEXT)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.table_stack = QStackedWidget()
        self.table_stack.addWidget(self.empty_label)
        self.table_stack.addWidget(self.table)
        self.filters = FilterPanel()
        self.library_panel = LibraryPanel()
        self.reader = ArticleView()

    def _build_curation(self) -> None:
        """The curation actions (issue 8) see the window only through this host."""
        host = CurationHost(
            widget=self,
            library=lambda: self.library,
            library_path=lambda: self.library_path,
            events=lambda: self.snapshot.events if self.snapshot is not None else frames.empty_events(),
            mentions=lambda: self.snapshot.mentions if self.snapshot is not None else frames.empty_mentions(),
            selected_ids=self.selected_event_ids,
            select_event=self.select_event,
            reader_evidence=self._reader_evidence,
            reload=self.reload,
            show_message=lambda title, text: self._show_message(title, text),
            show_status=lambda text: self.statusBar().showMessage(text, 10000),
            run_job=lambda worker, on_success: self.jobs.enqueue(worker, on_success),
            set_show_hidden=self.set_show_hidden,
        )
        self.curation = CurationActions(host, self)
        self.table.extra_actions = self.curation.context_actions()
        self.timeline.extra_actions = self.curation.context_actions()
        for action in self.curation.event_actions():
            # Keys such as Delete act on the events only where the events are: table and timeline.
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.table.addAction(action)
            self.timeline.addAction(action)

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

        # Ctrl+Z belongs to the corrections of events (curation); removals have their own undo.
        self.undo_action = a("Undo article &removal", "Ctrl+Alt+Z", self.undo_removal,
                             "Put the last removed articles back")
        self.undo_action.setEnabled(False)
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
        m.addAction(self.undo_action)
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

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.count_label = QLabel()
        self.filter_label = QLabel()
        self.filter_label.setMaximumWidth(520)
        self.library_label = QLabel()
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(220)
        self.progress.setTextVisible(True)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setToolTip("Stop the import; what has been read so far is kept")
        self.cancel_button.clicked.connect(self._on_cancel_button_clicked)
        for w in (self.progress, self.cancel_button):
            w.hide()
            bar.addPermanentWidget(w)
        self.needs_date_button = QPushButton()
        self.needs_date_button.setFlat(True)
        self.needs_date_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning))
        self.needs_date_button.setToolTip("Give these articles their publication date, so that their "
                                          "relative dates can be placed")
        self.needs_date_button.clicked.connect(self._on_needs_date_button_clicked)
        self.needs_date_button.hide()
        for w in (self.needs_date_button, self.count_label, self.filter_label, self.library_label):
            bar.addPermanentWidget(w)

    def _connect(self) -> None:
        self.filters.filters_changed.connect(self._on_filters_filters_changed)
        self.filters.sync_toggled.connect(self._on_filters_sync_toggled)
        self.table.current_event_changed.connect(self._on_table_current_event_changed)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        self.table.article_requested.connect(self._on_table_article_requested)
        self.table.zoom_requested.connect(self._on_table_zoom_requested)
        self.timeline.event_selected.connect(self._on_timeline_event_selected)
        self.timeline.event_activated.connect(self._on_timeline_event_activated)
        self.timeline.view_changed.connect(self._on_timeline_view_changed)
        self.reader.date_clicked.connect(self._on_reader_date_clicked)
        self.reader.source_requested.connect(self._on_reader_source_requested)
        self.library_panel.article_activated.connect(self._on_library_article_activated)
        self.library_panel.remove_requested.connect(self._on_library_remove_requested)
        self.library_panel.date_requested.connect(self._on_library_date_requested)
        self.library_panel.filter_requested.connect(self._on_library_filter_requested)
        self.recent_menu.aboutToShow.connect(self._on_recent_menu_about_to_show)
        self.jobs.started.connect(self._on_jobs_started)
        self.jobs.progressed.connect(self._on_jobs_progressed)
        self.jobs.failed.connect(self._on_jobs_failed)
        self.jobs.crashed.connect(self._show_crash)
        self.jobs.job_finished.connect(self.job_finished)
        self.jobs.idle.connect(self._on_jobs_idle)

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

    # -- library -------------------------------------------------------------------------------

    def open_library(self, path: Path) -> bool:
        """Switch to the library at `path` (created when missing). False, with a message, if it fails."""
        path = Path(path)
        if self.jobs.busy():
            self._show_message("Please wait", "An import is still running. Cancel it or wait, then switch "
                               "libraries.", QMessageBox.Icon.Information)
            return False
        try:
            library = Library(path)
        except TimelineError as e:
            self._show_message("Cannot open the library", str(e))
            return False
        if self.library is not None:
            self.library.close()
        self.library = library
        self.library_path = path
        self._undo.clear()
        self.undo_action.setEnabled(False)
        self._remember_library(path)
        self.library_label.setText(f"Library: {path.name}")
        self.library_label.setToolTip(str(path))
        self.setWindowTitle(f"{path.stem} – Diplomatic Timeline")
        self.reader.show_placeholder()
        self._selected_event = ""
        self._refit_on_load = True
        self.curation.library_changed()
        self.reload()
        return True

    def reload(self) -> None:
        """Read the library again off the GUI thread; views update when it is done."""
        if self._loader is not None:
            self._reload_again = True
            return
        path = self.library_path
        loader = TaskWorker(lambda _p, _c: read_snapshot(path), "reading the library")
        loader.succeeded.connect(self._on_loader_succeeded)
        loader.failed.connect(lambda msg: self._show_message("Cannot read the library", msg))
        loader.crashed.connect(self._show_crash)
        loader.finished.connect(self._on_loader_finished)
        self._loader = loader
        self.jobs.track(loader)
        loader.start()

    def _on_loader_succeeded(self, snapshot: Snapshot) -> None:
        if self._reload_again:
            return  # stale: another read follows at once
        # A new library, or the first events, are fitted; otherwise the user's zoom stays.
        keep_view = None
        if self.snapshot is not None and not self.snapshot.events.empty and not self._refit_on_load:
            keep_view = self.timeline.visible_range()
        self._refit_on_load = False
        self.snapshot = snapshot
        events = snapshot.events
        self.event_model.set_country_names(snapshot.country_names)
        self.event_model.set_columns(snapshot.table)
        self.timeline.set_country_names(snapshot.country_names)
        self.timeline.set_events(events)
        self.library_panel.set_articles(snapshot.articles)
        undated = len(self.library_panel.needs_date_ids())
        self.needs_date_button.setText(
            f"{undated} article{'s need' if undated != 1 else ' needs'} a publication date")
        self.needs_date_button.setVisible(undated > 0)
        counts = snapshot.index.country_counts()
        self.filters.set_countries(counts, snapshot.country_names)
        self.filters.set_event_types(snapshot.type_counts)
        self.filters.set_organizations(snapshot.organization_counts)
        self.filters.set_precisions(snapshot.precision_counts)
        if len(events):
            self.filters.set_date_bounds(_iso_date(events["date_start"].min()), _iso_date(events["date_end"].max()))
        empty = snapshot.articles.empty
        self.table_stack.setCurrentIndex(0 if empty else 1)
        if empty:
            self.empty_label.setText(EMPTY_TEXT)
        elif events.empty:
            self.empty_label.setText("These articles contain no dated events.")
            self.table_stack.setCurrentIndex(0)
        self.apply_filters(self.filters.spec(), refit=keep_view is None)
        if keep_view is not None:
            self.timeline.zoom_to_date_range(*keep_view)
        if self._selected_event:
            self._select_event(self._selected_event, from_table=False, from_timeline=False)
        self.curation.refresh()

    def _on_loader_finished(self) -> None:
        self._loader = None
        if self._reload_again:
            self._reload_again = False
            self.reload()
        else:
            self.events_reloaded.emit()

    # -- filters -------------------------------------------------------------------------------

    def apply_filters(self, spec: FilterSpec, refit: bool = False) -> None:
        """One FilterSpec for the table, the timeline and exports."""
        spec = replace(spec, show_hidden=self.show_hidden)
        self.spec = spec
        if self.snapshot is None:
            return
        index = self.snapshot.index
        shown_at_all = self._not_hidden()
        self.mask = index.mask(spec)
        self.event_model.set_mask(self.mask)
        # In country lanes, an event of several countries shows only in the lanes of the filter.
        self.timeline.set_visible_mask(self.mask, spec.countries or None)
        # Counts next to each country: how many events checking it would show. With "all", that is
        # among the events shown; with "any", among those the other filters keep.
        if spec.countries and spec.match == "any":
            counted = index.mask(replace(spec, countries=frozenset()))
        else:
            counted = self.mask
        self.filters.countries.update_counts(index.country_counts(counted))
        total = int(shown_at_all.sum())
        shown = int(self.mask.sum())
        self.count_label.setText(f"{shown:,} of {total:,} events shown" if total else "No events yet")
        description = spec.describe()
        self.filter_label.setText("" if spec.is_empty() and not spec.show_hidden else f"Filter: {description}")
        self.filter_label.setToolTip(description)
        if refit:
            self.fit_timeline()

    def fit_timeline(self) -> None:
        """Show the events in view; a few far older ones (a war "in the nineteenth century") do not
        squeeze all the others into a corner: they stay one Fit (Ctrl+0) or the overview away."""
        index = self.snapshot.index if self.snapshot is not None else None
        if index is None or self.mask.sum() < 10:
            self.timeline.fit_all()
            return
        starts, ends = index.start_day[self.mask], index.end_day[self.mask]
        placed = starts > 0
        if placed.sum() < 10:
            self.timeline.fit_all()
            return
        starts, ends = starts[placed], ends[placed]
        lo, hi = int(np.percentile(starts, 5)), int(ends.max())
        if int(ends.max()) - int(starts.min()) <= 3 * max(hi - lo, 1):
            self.timeline.fit_all()
            return
        pad = max(3, (hi - lo) // 20)
        self.timeline.zoom_to_date_range(dt.date.fromordinal(max(1, lo - pad)), dt.date.fromordinal(hi + pad))

    def _on_filters_filters_changed(self, spec: FilterSpec) -> None:
        # Narrowing the events brings them into view, unless the dates follow the view itself.
        self.apply_filters(spec, refit=not self.filters.sync_check.isChecked())

    def _on_filters_sync_toggled(self, on: bool) -> None:
        if on:  # take the range on screen now, not at the next pan or zoom
            self.filters.set_view_range(*self.timeline.visible_range())

    def _not_hidden(self) -> np.ndarray:
        """True for the events the window shows at all: hidden ones only when asked."""
        hidden = self.snapshot.hidden() if self.snapshot is not None else np.zeros(0, dtype=bool)
        return np.ones(len(hidden), dtype=bool) if self.show_hidden else ~hidden

    def set_show_hidden(self, on: bool) -> None:
        """Show the events the user hid (marked grey), or leave them out again."""
        self.show_hidden = bool(on)
        self.apply_filters(self.spec)

    def filtered_events(self) -> pd.DataFrame:
        if self.snapshot is None:
            return frames.empty_events()
        events = self.snapshot.events
        return events[self._not_hidden()] if self.export_all else events[self.mask]

    def filtered_mentions(self) -> pd.DataFrame:
        if self.snapshot is None:
            return frames.empty_mentions()
        article_ids = frozenset() if self.export_all else self.spec.article_ids
        return self.snapshot.filtered_mentions(self.filtered_events(), article_ids)

    # -- selection -----------------------------------------------------------------------------

    def select_event(self, event_id: str) -> None:
        """Select an event everywhere: table row, timeline item, and its article in the reader."""
        self._select_event(event_id, from_table=False, from_timeline=False)

    def _select_event(self, event_id: str, from_table: bool, from_timeline: bool) -> None:
        self._selected_event = event_id
        if not from_table:
            self.table.select_event(event_id)
        if not from_timeline:
            self.timeline.select_event(event_id)
        self._show_event_article(event_id)

    def selected_event_ids(self) -> list[str]:
        """The events selected in the table, the current one first."""
        ids = [self.event_model.event_id(r) for r in self.table.selected_rows()]
        current = self.table.current_event_id() or self._selected_event
        if current and current in ids:
            ids.remove(current)
            ids.insert(0, current)
        elif current and not ids and self.event_model.row_of(current) >= 0:
            ids = [current]
        return ids

    def table_context_menu(self, event_id: str) -> QMenu:
        """The context menu of an event in the table (the caller shows or deletes it)."""
        return self.table.context_menu(event_id)

    def _on_table_selection_changed(self, *_args: object) -> None:
        self.curation.refresh()

    def _reader_evidence(self) -> Evidence | None:
        article = self.reader.article
        if article is None:
            return None
        return evidence_from_reader(self.reader.text, self.reader.article_id, article.text, article.title)

    def _on_table_current_event_changed(self, event_id: str) -> None:
        if event_id != self._selected_event:
            self._select_event(event_id, from_table=True, from_timeline=False)

    def _on_timeline_event_selected(self, event_id: str) -> None:
        if event_id != self._selected_event:
            self._select_event(event_id, from_table=False, from_timeline=True)

    def _on_timeline_event_activated(self, event_id: str) -> None:
        self._on_timeline_event_selected(event_id)
        self.reader_dock.show()
        self.reader_dock.raise_()

    def _event_mention(self, event_id: str, article_id: int | None = None) -> pd.Series | None:
        """The mention an event is shown by: from `article_id`, else from the reader's article if it
        has one, else the first."""
        if self.snapshot is None:
            return None
        mentions = self.snapshot.event_mentions(event_id)
        if mentions.empty:
            return None
        preferred = article_id if article_id is not None else self.reader.article_id
        if preferred is not None:
            same = mentions[mentions["article_id"] == preferred]
            if len(same):
                return same.iloc[0]
        return mentions.iloc[0]

    def _show_event_article(self, event_id: str, article_id: int | None = None) -> None:
        """Show the article of an event (`article_id`'s report of it, if given) with its sentence."""
        mention = self._event_mention(event_id, article_id)
        if mention is None or self.library is None:
            return
        if int(mention["article_id"]) == 0:  # added by hand without an article: nothing to read
            self.reader.show_placeholder("This event was added by hand; it comes from no article.")
            return
        try:
            article = self.library.article(int(mention["article_id"]))
        except TimelineError as e:
            self.statusBar().showMessage(str(e), 8000)
            return
        focus = Focus(int(mention["evidence_start"]), int(mention["evidence_end"]),
                      int(mention["char_start"]), int(mention["char_end"]))
        self.reader.show_article(int(mention["article_id"]), article, focus)
        others = self.snapshot.event_mentions(event_id).drop_duplicates("article_id")  # type: ignore[union-attr]
        others = others[others["article_id"] != int(mention["article_id"])]
        self.reader.set_other_sources([(int(a), str(t)) for a, t in zip(others["article_id"], others["article_title"])])

    def _on_reader_source_requested(self, article_id: int) -> None:
        if self._selected_event:
            self._show_event_article(self._selected_event, article_id)

    def _on_table_article_requested(self, event_id: str) -> None:
        self._select_event(event_id, from_table=True, from_timeline=False)
        self.reader_dock.show()
        self.reader_dock.raise_()

    def _on_table_zoom_requested(self, event_id: str) -> None:
        self.zoom_to_event(event_id)

    def zoom_to_event(self, event_id: str) -> None:
        if self.snapshot is None or not event_id:
            return
        rows = self.snapshot.events.index[self.snapshot.events["event_id"] == event_id]
        if not len(rows):
            return
        event = self.snapshot.events.loc[rows[0]]
        start, end = _iso_date(event["date_start"]), _iso_date(event["date_end"])
        if start is None or end is None:
            self.timeline.select_event(event_id)
            return
        pad = max(dt.timedelta(days=3), (end - start) / 4)
        self.timeline.zoom_to_date_range(start - pad, end + pad)
        self.timeline.select_event(event_id)
        self.timeline_dock.show()

    def _on_zoom_event_triggered(self) -> None:
        self.zoom_to_event(self._selected_event)

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

    def _on_timeline_view_changed(self, start: dt.date, end: dt.date) -> None:
        self.filters.set_view_range(start, end)

    def _on_library_article_activated(self, article_id: int) -> None:
        if self.library is None:
            return
        try:
            article = self.library.article(article_id)
        except TimelineError as e:
            self.statusBar().showMessage(str(e), 8000)
            return
        self.reader.show_article(article_id, article, None)

    def _on_reader_date_clicked(self, article_id: int, offset: int) -> None:
        """A date clicked in the reader: select the event it belongs to, if it made one."""
        if self.snapshot is None:
            return
        m = self.snapshot.mentions
        hit = m[(m["article_id"] == article_id) & (m["char_start"] <= offset) & (m["char_end"] > offset)]
        if hit.empty:
            self.statusBar().showMessage("This date is not an event on the timeline (no statement to place, "
                                         "or not a date that can be placed).", 6000)
            return
        event_id = str(hit["event_id"].iloc[0])
        if not self.table.select_event(event_id):
            self.statusBar().showMessage("That event is hidden by the filters.", 6000)
        self._selected_event = event_id
        self.timeline.select_event(event_id)
        self._show_event_article(event_id)

    def _on_library_filter_requested(self, ids: list[int]) -> None:
        self.filters.set_article_ids(ids)
        self.filters_dock.show()

    # -- jobs ----------------------------------------------------------------------------------

    def _on_jobs_started(self, description: str) -> None:
        self.progress.setRange(0, 0)
        self.progress.setFormat(description[:1].upper() + description[1:] + "…")
        self.progress.show()
        self.cancel_button.setEnabled(True)
        self.cancel_button.show()

    def _on_jobs_progressed(self, done: int, total: int, what: str) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
            self.progress.setFormat("%v of %m")
        if what:
            self.statusBar().showMessage(Path(what).name if "://" not in what else what, 3000)

    def _on_jobs_failed(self, description: str, message: str) -> None:
        self._show_message(f"Error while {description}", message)

    def _on_jobs_idle(self) -> None:
        self.progress.hide()
        self.cancel_button.hide()

    def _on_cancel_button_clicked(self) -> None:
        self.jobs.cancel_current()
        self.cancel_button.setEnabled(False)
        self.progress.setFormat("Cancelling…")

    # -- messages ------------------------------------------------------------------------------

    def _open_box(self, box: QMessageBox) -> None:
        # Window-modal and non-blocking: the event loop (and the worker signals) keep running.
        self.last_message = box
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _r, b=box: self._on_box_finished(b))
        box.open()

    def _on_box_finished(self, box: QMessageBox) -> None:
        if self.last_message is box:
            self.last_message = None

    def _show_message(self, title: str, text: str, icon: QMessageBox.Icon = QMessageBox.Icon.Warning) -> None:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self)
        self._open_box(box)

    def _show_crash(self, details: str) -> None:
        last = details.strip().splitlines()[-1] if details.strip() else "Unknown error"
        dialog = CrashDialog(last, details, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._crash_dialogs.append(dialog)
        dialog.finished.connect(lambda _r, d=dialog: self._crash_dialogs.remove(d))
        dialog.show()

    def _on_find_triggered(self) -> None:
        self.filters_dock.show()
        self.filters_dock.raise_()
        self.filters.text_edit.setFocus()
        self.filters.text_edit.selectAll()

    def _on_reset_layout_triggered(self) -> None:
        self.restoreState(self._default_state)
        for dock in self.docks:
            dock.show()
        self.filters_dock.raise_()
        self._apply_default_sizes()

    def _on_shortcuts_triggered(self) -> None:
        actions = ([a for a in self.actions()] + [self.table.copy_action] + self.curation.event_actions()
                   + self.library_panel.actions())
        dialog = ShortcutsDialog(actions, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.shortcuts_dialog = dialog
        dialog.open()

    def _on_about_triggered(self) -> None:
        self._open_box(about_box(self))

    # -- closing -------------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        self._save_settings()
        self.jobs.wait_all()
        if self.library is not None:
            self.library.close()
            self.library = None
        super().closeEvent(event)


def _iso_date(value: object) -> dt.date | None:
    """An ISO date string as a date; None for what Python's date cannot hold (years before 1)."""
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def _parse_partial_date(text: str) -> dt.date | None:
    """"2020-05-17", "2020-05" or "2020" as a date (the first day of the month or year)."""
    for candidate in (text, f"{text}-01", f"{text}-01-01"):
        try:
            return dt.date.fromisoformat(candidate)
        except ValueError:
            continue
    return None
