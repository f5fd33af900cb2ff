"""MainWindow: the views and docks put together, the library they show, and its reading off the GUI thread.

The window's other concerns live in its mixins: menus and actions (window_menus), docks and saved
state (window_layout), status bar, jobs and messages (window_status), selection (selection_sync),
filters (window_filters), and what the menus do to the library (library_actions).
"""

from __future__ import annotations

import logging
from pathlib import Path

import numpy as np
from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QStackedWidget, QWidget

from timeline_app import paths
from timeline_app.core.library import frames
from timeline_app.core.library.filters import FilterSpec
from timeline_app.core.library.store import Library
from timeline_app.errors import TimelineError
from timeline_app.gui.panels.reader import ArticleView
from timeline_app.gui.window.curation_actions import CurationActions, CurationHost
from timeline_app.gui.dialogs import CrashDialog, PublicationDateDialog
from timeline_app.gui.panels.event_table import EventTableModel, EventTableView
from timeline_app.gui.panels.filter_panel import FilterPanel
from timeline_app.gui.window.library_actions import LibraryActionsMixin
from timeline_app.gui.panels.articles import LibraryPanel
from timeline_app.gui.window.selection import SelectionSyncMixin, iso_date
from timeline_app.core.library.snapshot import Snapshot, read_snapshot
from timeline_app.gui.timeline.view import TimelineView
from timeline_app.gui.window.filters import WindowFiltersMixin
from timeline_app.gui.window.docks import WindowLayoutMixin
from timeline_app.gui.window.menus import WindowMenusMixin
from timeline_app.gui.window.status import WindowStatusMixin
from timeline_app.gui.workers import JobQueue, TaskWorker, install_gui_garbage_collector

log = logging.getLogger(__name__)

EMPTY_TEXT = ("No articles yet: open files or a folder (Ctrl+O), drop them on this window, "
              "or add the sample articles from the File menu.")


class MainWindow(LibraryActionsMixin, WindowMenusMixin, WindowLayoutMixin, WindowStatusMixin, SelectionSyncMixin,
                 WindowFiltersMixin, QMainWindow):
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
        self.jobs = JobQueue(self)
        self._loader: TaskWorker | None = None
        self._reload_again = False
        self._refit_on_load = True
        self._crash_dialogs: list[CrashDialog] = []
        self._saved_filter: FilterSpec | None = None

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
            self._save_filter()
            self.library.close()
        self.library = library
        self.library_path = path
        self._read_saved_filter(library)
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
            self.filters.set_date_bounds(iso_date(events["date_start"].min()), iso_date(events["date_end"].max()))
        self._restore_saved_filter(snapshot)
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

    # -- closing -------------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        self._save_settings()
        self.jobs.wait_all()
        if self.library is not None:
            self._save_filter()
            self.library.close()
            self.library = None
        super().closeEvent(event)
