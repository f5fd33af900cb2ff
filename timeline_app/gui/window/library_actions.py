"""What the File and Edit menus do to the library: import, publication dates, removal, export."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QLabel, QMessageBox, QStatusBar

from timeline_app.core.library import frames
from timeline_app.core.library.export import export_format, write_export
from timeline_app.core.library.store import Library
from timeline_app.core.pipeline import set_dates_job
from timeline_app.errors import TimelineError
from timeline_app.gui.panels.reader import ArticleView
from timeline_app.gui.window.curation_actions import CurationActions
from timeline_app.gui.dialogs import PublicationDateDialog, import_summary_box
from timeline_app.gui.workers import JobQueue, PipelineWorker, TaskWorker

log = logging.getLogger(__name__)

OPEN_FILTER = (
    "Articles (*.txt *.md *.markdown *.html *.htm *.xml *.rss *.atom *.json *.jsonl *.csv *.zip);;All files (*)"
)


class LibraryActionsMixin:
    """The main window's operations on its library, kept apart from the window's layout and views.

    MainWindow provides the attributes and methods declared here (the library, the job queue,
    the views these operations update, and the ways to tell the user).
    """

    library: Library | None
    library_path: Path
    settings: QSettings
    jobs: JobQueue
    reader: ArticleView
    empty_label: QLabel
    curation: CurationActions
    export_all: bool
    date_dialog: PublicationDateDialog | None

    if TYPE_CHECKING:  # provided by MainWindow and QMainWindow; stubs here would shadow them
        def statusBar(self) -> QStatusBar: ...  # noqa: N802
        def reload(self) -> None: ...
        def open_library(self, path: Path) -> bool: ...
        def filtered_events(self) -> pd.DataFrame: ...
        def filtered_mentions(self) -> pd.DataFrame: ...
        def _show_message(self, title: str, text: str,
                          icon: QMessageBox.Icon = QMessageBox.Icon.Warning) -> None: ...
        def _open_box(self, box: QMessageBox) -> None: ...

    # -- importing -----------------------------------------------------------------------------

    def open_inputs(self, inputs: list[str], published: dt.date | None = None, quiet: bool = False) -> None:
        """Import files, folders or URLs in the background; one summary at the end."""
        inputs = [str(i) for i in inputs if str(i)]
        if not inputs:
            return
        worker = PipelineWorker(inputs, self.library_path, published)
        self.jobs.enqueue(worker, lambda report: self._on_import_done(report, quiet))

    def open_samples(self) -> None:
        """Add the bundled sample articles (not the folder's README)."""
        from timeline_app.core.ingest import sample_paths

        self.empty_label.setText("Adding the sample articles…")
        self.open_inputs([str(p) for p in sample_paths()], quiet=True)

    def _on_import_done(self, report: Any, quiet: bool) -> None:
        self.import_finished.emit(report)
        self.reload()
        summary = report.summary()
        details = report.details()
        undated = list(report.needs_date)
        if details or (report.added == 0 and not report.duplicates and not quiet):
            box = import_summary_box(summary, details, self)
            if undated:  # one dialog at a time: the dates are asked for once the summary is read
                box.finished.connect(lambda _r: self.ask_publication_dates(undated))
            self._open_box(box)
            return
        self.statusBar().showMessage(summary[:1].upper() + summary[1:] + ".", 15000)
        if undated:
            self.ask_publication_dates(undated)

    def _on_open_files_triggered(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, "Open articles", self._last_dir(), OPEN_FILTER)
        if files:
            self._set_last_dir(Path(files[0]).parent)
            self.open_inputs(files)

    def _on_open_folder_triggered(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Open a folder of articles", self._last_dir())
        if folder:
            self._set_last_dir(Path(folder))
            self.open_inputs([folder])

    def _on_open_url_triggered(self) -> None:
        url, ok = QInputDialog.getText(self, "Open URL", "Address of a news article or feed:")
        url = url.strip()
        if ok and url:
            if "://" not in url:
                url = "https://" + url
            self.open_inputs([url])

    def _on_samples_triggered(self) -> None:
        self.open_samples()

    def _last_dir(self) -> str:
        return str(self.settings.value("last_dir", str(Path.home())))

    def _set_last_dir(self, folder: Path) -> None:
        self.settings.setValue("last_dir", str(folder))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        inputs = []
        for url in event.mimeData().urls():
            inputs.append(url.toLocalFile() if url.isLocalFile() else url.toString())
        if inputs:
            event.acceptProposedAction()
            self.open_inputs(inputs)

    # -- publication dates ---------------------------------------------------------------------

    def ask_publication_dates(self, article_ids: list[int]) -> None:
        """Ask (in one non-blocking dialog) for the publication date of these articles."""
        if self.library is None:
            return
        rows = []
        for article_id in article_ids:
            try:
                article = self.library.article(article_id)
            except TimelineError:
                continue
            rows.append((article_id, article.title, article.url or article.source_path))
        if not rows:
            return
        if self.date_dialog is not None:
            self.date_dialog.close()
        dialog = PublicationDateDialog(rows, self)
        dialog.accepted.connect(lambda d=dialog: self._on_date_dialog_accepted(d))
        self.date_dialog = dialog
        dialog.open()

    def _on_needs_date_button_clicked(self) -> None:
        self.ask_publication_dates(self.library_panel.needs_date_ids())

    def _on_library_date_requested(self, ids: list[int]) -> None:
        self.ask_publication_dates(ids)

    def _on_date_dialog_accepted(self, dialog: PublicationDateDialog) -> None:
        self.set_publication_dates(dialog.dates())

    def set_publication_dates(self, dates: dict[int, dt.date]) -> None:
        """Give articles their publication dates in the background; their events are resolved again."""
        if not dates:
            return
        n = len(dates)
        worker = TaskWorker(set_dates_job(self.library_path, dates),
                            f"setting {n} publication date{'s' if n != 1 else ''}")
        self.jobs.enqueue(worker, self._after_dates_set)

    def _after_dates_set(self, n: int) -> None:
        self.reader.article_id = None  # its dates are resolved anew
        self.reload()
        self.statusBar().showMessage(f"Publication date set for {n} article{'s' if n != 1 else ''}; "
                                     "their dates were resolved again.", 10000)

    # -- removing ------------------------------------------------------------------------------

    def _on_library_remove_requested(self, ids: list[int]) -> None:
        self.remove_articles(ids)

    def remove_articles(self, ids: list[int]) -> None:
        """Remove articles and their events; Edit > Undo (Ctrl+Z) puts them back as they were."""
        if self.library is None or not ids:
            return
        try:
            n = self.curation.curator.remove_articles(ids)
        except TimelineError as e:
            self._show_message("Cannot remove the articles", str(e))
            return
        if self.reader.article_id in ids:
            self.reader.show_placeholder()
        undo = self.curation.undo_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        self.statusBar().showMessage(
            f"Removed {n} article{'s' if n != 1 else ''} and their events. Undo with {undo}.", 15000)

    # -- export --------------------------------------------------------------------------------

    def _on_export_all_toggled(self, checked: bool) -> None:
        self.export_all = checked

    def export(self, key: str, path: str | None = None) -> int:
        """Export the filtered events (all with "Export all events") in the format `key`."""
        fmt = export_format(key)
        if path is None:
            name = f"{self.library_path.stem}-{fmt.rows}{fmt.suffix}"
            path, _ = QFileDialog.getSaveFileName(self, f"Export {fmt.label.rstrip('…')}",
                                                  str(Path(self._last_dir()) / name), fmt.file_filter)
            if not path:
                return 0
            if not path.lower().endswith(fmt.suffix):
                path += fmt.suffix
            self._set_last_dir(Path(path).parent)
        events = self.filtered_events()
        mentions = self.filtered_mentions() if fmt.rows == "mentions" else frames.empty_mentions()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            rows = write_export(key, events, mentions, path)
        except TimelineError as e:
            self._show_message("Export failed", str(e))
            return 0
        finally:
            QApplication.restoreOverrideCursor()
        scope = "all" if self.export_all else "filtered"
        self.statusBar().showMessage(f"Exported {rows:,} {scope} {fmt.rows} to {path}.", 15000)
        self.exported.emit(str(path), rows)
        return rows

    def _on_export_image_triggered(self) -> None:
        suggested = str(Path(self._last_dir()) / f"{self.library_path.stem}-timeline.png")
        path, _ = QFileDialog.getSaveFileName(self, "Save the timeline as an image", suggested, "PNG (*.png)")
        if not path:
            return
        if not path.lower().endswith(".png"):
            path += ".png"
        try:
            self.timeline.export_image(path)
        except TimelineError as e:
            self._show_message("Cannot save the image", str(e))
            return
        self.statusBar().showMessage(f"Timeline saved to {path}.", 10000)

    # -- libraries -----------------------------------------------------------------------------

    def _on_new_library_triggered(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "New library", str(Path(self._last_dir()) / "library.sqlite3"),
                                              "Diplomatic Timeline library (*.sqlite3)")
        if not path:
            return
        if not path.endswith(".sqlite3"):
            path += ".sqlite3"
        target = Path(path)
        if target.exists() and target.stat().st_size > 0:
            self._show_message("Library exists", f"{target} already exists; it was opened instead of replaced.",
                               QMessageBox.Icon.Information)
        self.open_library(target)

    def _on_open_library_triggered(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open library", self._last_dir(),
                                              "Diplomatic Timeline library (*.sqlite3 *.db);;All files (*)")
        if path:
            self.open_library(Path(path))

    def _on_recent_menu_about_to_show(self) -> None:
        self.recent_menu.clear()
        for p in self.recent_libraries():
            action = self.recent_menu.addAction(p, lambda _=False, p=p: self.open_library(Path(p)))
            action.setEnabled(Path(p).exists() and Path(p) != self.library_path)
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction("(none)").setEnabled(False)
