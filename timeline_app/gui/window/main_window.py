"""MainWindow: the views, the library they show read off the GUI thread, and the parts the window holds."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QShowEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QWidget

from timeline_app import paths
from timeline_app.core.batch.pool import WorkerPool
from timeline_app.core.library.export import RELATIONS_CSV
from timeline_app.core.library.snapshot import Snapshot
from timeline_app.core.library.store import Library
from timeline_app.core.shown import shown
from timeline_app.core.timeline.picture import ImageSource
from timeline_app.errors import TimelineError
from timeline_app.gui.panels.articles import LibraryPanel
from timeline_app.gui.panels.event_table import EventTableModel
from timeline_app.gui.panels.event_table_view import EventTableView
from timeline_app.gui.panels.filter_panel import FilterPanel
from timeline_app.gui.panels.reader import ArticleView
from timeline_app.gui.relations import RelationsPanel
from timeline_app.gui.timeline import TimelineView
from timeline_app.gui.window.curation_actions import CurationActions, CurationHost
from timeline_app.gui.window.docks import WindowDocks
from timeline_app.gui.window.events_stack import EventsStack
from timeline_app.gui.window.export_actions import ExportActions
from timeline_app.gui.window.filters import WindowFilters
from timeline_app.gui.window.greyed_keys import GreyedKeys, explain_selection_entries
from timeline_app.gui.window.library_actions import LibraryActions
from timeline_app.gui.window.library_reads import LibraryReads
from timeline_app.gui.window.menus import MenuEntries, WindowMenus
from timeline_app.gui.window.messages import Messages
from timeline_app.gui.window.relations_link import RelationsLink
from timeline_app.gui.window.remembered import Remembered
from timeline_app.gui.window.selection import SelectionSync
from timeline_app.gui.window.shown_reads import ShownReads
from timeline_app.gui.window.status import WindowStatusBar
from timeline_app.gui.window.window_state import WindowState
from timeline_app.gui.workers import JobQueue, install_gui_garbage_collector

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """The window people live in: library, timeline, table, filters, reader and relations chart, all docks.

    It holds the library, the views, and its parts: `messages`, `status_bar`, `filtering`, `selection`,
    `curation`, `docks`, `menus`, `library_actions`, `exports`, `relations_link` and `shown` (what was
    last read from the library, `snapshot`, and the views filled from it); each is given only what it
    needs, and the window connects them.
    """

    events_shown = Signal()  # the events read, every view shows them; their mentions follow
    events_reloaded = Signal()  # the library was read again, mentions too, and every view shows it
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
        self.shown: ShownReads | None = None  # built after the parts it fills, which ask for the snapshot first
        self.jobs = JobQueue(self)
        self.setWindowTitle("Diplomatic Timeline")
        self.setAcceptDrops(True)
        self.setDockNestingEnabled(True)
        self._build_views()
        self._build_parts()
        self._connect()
        self.state = WindowState(self.settings, self.docks, self.table.horizontalHeader(), self.menus, self.exports,
                                 self.timeline)
        self.state.restore()
        self.open_library(self.library_path)

    # -- construction --------------------------------------------------------------------------

    def _build_views(self) -> None:
        self.timeline = TimelineView()
        self.event_model = EventTableModel(self)
        self.table = EventTableView()
        self.table.setModel(self.event_model)
        self.table_stack = EventsStack(self.table)
        self.empty_label = self.table_stack.label
        self.filters = FilterPanel()
        self.library_panel = LibraryPanel()
        self.reader = ArticleView()
        self.relations = RelationsPanel()

    def _build_parts(self) -> None:
        self.remembered = Remembered(self.settings)
        self.messages = Messages(self)
        self.status_bar = WindowStatusBar(self.jobs)
        self.setStatusBar(self.status_bar)
        self.reads = LibraryReads(lambda: self.library_path, self.jobs, self.status_bar, self.messages, self)
        show_status = self.status_bar.showMessage
        self.filtering = WindowFilters(self.filters, self.event_model, self.timeline, self.status_bar,
                                       lambda: self.snapshot, lambda: self.library, self)
        self.selection = SelectionSync(self.table, self.event_model, self.timeline, self.reader,
                                       lambda: self.library, lambda: self.snapshot, show_status,
                                       lambda: self.docks.bring_forward(self.docks.reader_dock),
                                       lambda: self.docks.timeline_dock.show(), self)
        self.curation = CurationActions(self._curation_host(), self)
        self.docks = WindowDocks(self, self.filters, self.library_panel, self.timeline, self.timeline.canvas,
                                 self.table_stack, self.reader, self.curation.history_view, self.relations)
        listed = [self.table.copy_action, *self.curation.event_actions(), *self.library_panel.actions()]
        articles = [self.library_panel.date_action, self.library_panel.language_action,
                    self.library_panel.issuer_action, self.library_panel.filter_action,
                    self.library_panel.remove_action]
        self.menus = WindowMenus(self, self.timeline, self.messages, MenuEntries(
            edit=self.curation.menu_actions(), copy=self.table.copy_action, articles=articles,
            docks=self.docks.toggle_actions(), listed=listed))
        self.library_actions = LibraryActions(
            self, self.jobs, lambda: self.library, lambda: self.library_path, self.open_library, self.reload,
            self.messages, show_status, self.remembered, lambda text: self.shown.show_while_empty(text))
        self.relations_link = RelationsLink(self.relations, self.filtering, self.timeline, self.selection,
                                            lambda: self.snapshot, self.messages, show_status, self.remembered, self)
        self.exports = ExportActions(self, lambda: self.library_path, self.filtering.filtered_events,
                                     self.filtering.filtered_mentions, self.event_model.shown_ids,
                                     self.relations.numbers,
                                     lambda: not self.filtering.spec.is_empty(),
                                     self._image_source, self.messages, show_status, self.remembered, self.jobs)
        self.shown = ShownReads(self.reads, self.event_model, self.table_stack, self.timeline, self.library_panel,
                                self.status_bar, self.filtering, self.selection, self.curation,
                                self.relations_link, self.events_shown.emit)

    def _curation_host(self) -> CurationHost:
        """The curation actions (issue 8) see the window only through this host."""
        return CurationHost(
            widget=self,
            library=lambda: self.library,
            library_path=lambda: self.library_path,
            snapshot=lambda: self.snapshot,
            selected_ids=self.selection.selected_event_ids,
            select_event=self.selection.select_event,
            reader_evidence=self.reader.selected_evidence,
            shown_mention=self.selection.event_mention,
            reload=self.reload,
            show_message=lambda title, text: self.messages.show_message(title, text),
            show_status=self.status_bar.showMessage,
            run_job=lambda worker, on_success: self.jobs.enqueue(worker, on_success),
            set_show_hidden=self.filtering.set_show_hidden,
        )

    def _connect(self) -> None:
        self.table.extra_actions = self.curation.context_actions()
        self.timeline.extra_actions = self.curation.context_actions()
        self.timeline.export_image_handler = self.exports.export_image
        for action in self.curation.event_actions():
            # Keys such as Delete act on the events only where the events are: table and timeline.
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.table.addAction(action)
            self.timeline.addAction(action)
        self.table.selectionModel().selectionChanged.connect(self.curation.refresh)
        self.filtering.saved_filter_restored.connect(self._on_filtering_saved_filter_restored)
        self.library_panel.article_activated.connect(self.selection.choose_article)
        self.selection.event_article_shown.connect(self.library_panel.show_current)
        self.library_panel.remove_requested.connect(self._on_library_panel_remove_requested)
        self.library_panel.date_requested.connect(self.library_actions.ask_publication_dates)
        self.library_panel.languages_changed.connect(self.library_actions.set_languages)
        self.library_panel.issuer_requested.connect(self.library_actions.ask_issuer)
        self.reader.issuer_requested.connect(lambda article_id: self.library_actions.ask_issuer([article_id]))
        self.library_panel.filter_requested.connect(self._on_library_panel_filter_requested)
        self.status_bar.needs_date_clicked.connect(
            lambda: self.library_actions.ask_publication_dates(self.library_panel.needs_date_ids()))
        self.status_bar.clear_filters_clicked.connect(self.menus.clear_filters_action.trigger)
        self.status_bar.show_hidden_hint = self.curation.show_hidden_hint()
        self.library_panel.model.show_hidden_hint = self.status_bar.show_hidden_hint
        self.table_stack.show_hidden_hint = self.status_bar.show_hidden_hint
        self.table_stack.clear_filters_keys = self.menus.clear_filters_action.shortcut().toString()
        self.filtering.filters_applied.connect(self.shown.show_table_or_why_not)
        self.status_bar.show_hidden_clicked.connect(lambda: self.curation.show_hidden_action.setChecked(True))
        self._connect_menus()
        self.library_actions.import_finished.connect(self.import_finished)
        self.exports.exported.connect(self.exported)
        self.jobs.failed.connect(lambda what, msg: self.messages.show_message(f"Error while {what}", msg))
        self.jobs.crashed.connect(self.messages.show_crash)
        self.jobs.job_finished.connect(self.job_finished)
        self.filters.search_left.connect(self._on_filters_search_left)
        self.reads.all_read.connect(self._on_reads_all_read)

    def _connect_menus(self) -> None:
        m, lib = self.menus, self.library_actions
        for action, slot in ((m.open_files_action, lib.open_files), (m.open_folder_action, lib.open_folder),
                             (m.open_url_action, lib.open_url), (m.samples_action, lib.open_samples),
                             (m.new_library_action, lib.new_library), (m.open_library_action, lib.choose_library),
                             (m.export_image_action, self.exports.export_image),
                             (m.find_action, self._on_find_triggered), (m.clear_filters_action, self.filters.clear),
                             (m.zoom_event_action, self.selection.zoom_to_selected),
                             (m.reset_layout_action, self.docks.reset_layout)):
            action.triggered.connect(lambda _=False, slot=slot: slot())
        self.selection.enable_with_selection(m.zoom_event_action)
        m.export_all_action.toggled.connect(self.exports.set_export_all)
        m.export_chosen.connect(self.exports.export)
        m.recent_menu.aboutToShow.connect(lambda: lib.fill_recent_menu(m.recent_menu))
        self.relations.chart_available.connect(m.export_actions[RELATIONS_CSV].setEnabled)
        m.export_actions[RELATIONS_CSV].setEnabled(self.relations.has_chart())
        self.greyed_keys = GreyedKeys(self, self.status_bar.showMessage)
        self.greyed_keys.explain(m.export_actions[RELATIONS_CSV], self.relations.what_to_chart)
        p = self.library_panel
        explain_selection_entries(self.greyed_keys, self.curation, [p.date_action, p.language_action, p.issuer_action,
                                                                    p.filter_action], m.zoom_event_action)

    def _image_source(self) -> ImageSource:
        """What a picture of the timeline shows: its view and lanes, and the filters its words say."""
        return replace(self.timeline.image_source(), spec=self.filtering.spec)

    def _on_find_triggered(self) -> None:
        self.docks.bring_forward(self.docks.filters_dock)
        self.filters.focus_search()

    def _on_filters_search_left(self) -> None:
        self.docks.bring_forward(self.docks.table_dock)
        self.table.take_focus()

    def _on_filtering_saved_filter_restored(self) -> None:
        self.docks.filters_dock.raise_()
        key = self.menus.clear_filters_action.shortcut().toString()  # the filters themselves are on the right
        self.status_bar.showMessage(f"Filters of your last session restored; {key} clears them.", 15000)

    def _on_library_panel_filter_requested(self, ids: list[int]) -> None:
        self.filters.set_article_ids(ids)
        self.docks.filters_dock.show()

    def _on_library_panel_remove_requested(self, ids: list[int]) -> None:
        if self.curation.remove_articles(ids):
            self.selection.forget_articles(ids)

    @property
    def snapshot(self) -> Snapshot | None:
        """The library as last read: its events, then its mentions and articles too."""
        return self.shown.snapshot if self.shown is not None else None

    # -- what the window offers ----------------------------------------------------------------

    def open_inputs(self, inputs: list[str], published: dt.date | None = None, quiet: bool = False) -> None:
        """Import files, folders or URLs in the background (the command line, a drop, the benchmarks)."""
        self.library_actions.open_inputs(inputs, published, quiet)

    def open_samples(self, pool: WorkerPool | None = None) -> None:
        """Add the bundled sample articles (the first start of a library), with `pool` when the app
        started one for them."""
        self.library_actions.open_samples(pool)

    def select_event(self, event_id: str) -> None:
        """Select an event everywhere: table row, timeline item, and its article in the reader."""
        self.selection.select_event(event_id)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        inputs = [url.toLocalFile() if url.isLocalFile() else url.toString() for url in event.mimeData().urls()]
        if inputs:
            event.acceptProposedAction()
            self.open_inputs(inputs)

    # -- library -------------------------------------------------------------------------------

    def open_library(self, path: Path) -> bool:
        """Switch to the library at `path` (created when missing). False, with a message, if it fails."""
        path = Path(path)
        if self.jobs.busy():
            self.messages.show_message("Please wait", f"The app is {self.jobs.description()}. Wait until it "
                                       "is done, or click Cancel in the status bar, then switch libraries.",
                                       QMessageBox.Icon.Information)
            return False
        try:
            # Events grouped by an earlier version's rules are grouped again on a worker, below.
            library = Library(path, rebuild_stale=False)
        except TimelineError as e:
            self.messages.show_message("Cannot open the library", str(e))
            if self.library is None:  # nothing open: "Reading the library…" stayed under the message
                self.shown.show_while_empty(
                    f"No library is open: {shown(path)} could not be opened. Open another "
                    f"({self.menus.open_library_action.shortcut().toString()}) or make a new one "
                    f"({self.menus.new_library_action.shortcut().toString()}) from the File menu.")
            return False
        if self.library is not None:
            self.filtering.save(self.library)
            self.library.close()
        self.library = library
        self.library_path = path
        self.shown.show_reading()
        self.filtering.read_saved(library)
        self.remembered.remember_library(path)
        self.status_bar.show_library(path)
        self.setWindowTitle(f"{shown(path.stem)} – Diplomatic Timeline")
        self.selection.clear()
        self.curation.library_changed()
        if library.stale_rules:
            self.library_actions.rebuild_stale(path, library.backup_path)  # reads the library when it ends
        else:
            self.reload()
        return True

    def reload(self) -> None:
        """Read the library again off the GUI thread: the events first, then their mentions; views
        update as each arrives."""
        self.reads.read()

    def _on_reads_all_read(self) -> None:
        self.events_reloaded.emit()

    # -- showing and closing -------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.docks.window_shown()

    def focusNextPrevChild(self, next: bool) -> bool:
        # Qt keeps a panel behind another's tab on the window, out of sight: Tab passes over it.
        moved = super().focusNextPrevChild(next)
        for _ in range(200):  # a bound, should every stop be behind a tab
            if not moved or not self.docks.behind_tab(QApplication.focusWidget()):
                break
            moved = super().focusNextPrevChild(next)
        return moved

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.messages.may_close(self.jobs, self.close):
            event.ignore()
            return
        self.state.save()
        self.jobs.wait_all()
        if self.library is not None:
            self.filtering.save(self.library)
            self.library.close()
            self.library = None
        super().closeEvent(event)
