"""File > Export: the filtered events (or all of them) in each format, and the timeline as an image."""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TypeVar

import numpy as np
import pandas as pd
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from timeline_app.core.library import columns as col
from timeline_app.core.library import frames
from timeline_app.core.library.export import RELATIONS, ExportCancelled, export_format, write_export
from timeline_app.core.shown import shown
from timeline_app.core.timeline.picture import ImageOptions, ImageSource, default_captions
from timeline_app.core.progress import Cancel, Progress
from timeline_app.errors import ExportError, TimelineError
from timeline_app.gui.timeline import ImagePlan, render_image
from timeline_app.gui.window.image_dialog import FORMAT_NAMES, PAGES, ImageDefaults, ImageExportDialog
from timeline_app.gui.window.messages import Messages
from timeline_app.gui.window.remembered import Remembered
from timeline_app.gui.window.wording import counted
from timeline_app.gui.workers import JobQueue, TaskWorker

log = logging.getLogger(__name__)

T = TypeVar("T")


class ExportActions(QObject):
    """Writes what the filters keep (everything with `export_all`) to a file the user picks.

    Given the window (the dialogs' parent), the library's path (for file names), the filtered events
    and mentions (all of them when asked with True), the ids in the table's order (the events are
    written in it), the Relations chart's numbers, whether a filter is set, what a picture of the
    timeline shows (its view, lanes and filters), ways to tell the user, and the last folder used.
    """

    exported = Signal(str, int)  # path, rows written
    image_saved = Signal(str)  # path

    def __init__(self, window: QWidget, library_path: Callable[[], Path],
                 events: Callable[[bool], pd.DataFrame], mentions: Callable[[bool], pd.DataFrame],
                 table_order: Callable[[], np.ndarray], relations: Callable[[], pd.DataFrame], filtering: Callable[[], bool],
                 image_source: Callable[[], ImageSource], messages: Messages,
                 show_status: Callable[[str, int], None], remembered: Remembered, jobs: JobQueue) -> None:
        super().__init__(window)
        self._jobs = jobs
        self._window = window
        self._library_path = library_path
        self._events = events
        self._mentions = mentions
        self._table_order = table_order
        self._relations = relations
        self._filtering = filtering
        self._image_source = image_source
        self.image_dialog: ImageExportDialog | None = None
        self._messages = messages
        self._show_status = show_status
        self._remembered = remembered
        self.export_all = False

    def set_export_all(self, on: bool) -> None:
        """Export every event the window shows, whatever the filters (File > Export > Export all)."""
        self.export_all = bool(on)

    def export(self, key: str, path: str | None = None) -> int:
        """Export the filtered events (all with "Export all events") in the format `key`; rows written.

        A `path` given (a script, the tests) is written at once. One chosen in the save dialog is written
        on a worker thread, the status bar showing it with Cancel (an Excel workbook of 50,000 events takes
        about 110 s), and `exported` tells when it is done; 0 is returned then."""
        fmt = export_format(key)
        chosen = path is None
        if chosen and fmt.rows != RELATIONS and self._nothing_to_export(picture=False):
            return 0
        if path is None:
            name = f"{self._library_path().stem}-{fmt.rows}{fmt.suffix}"
            path, _ = QFileDialog.getSaveFileName(self._window, f"Export {fmt.label.rstrip('…')}",
                                                  str(Path(self._remembered.last_dir()) / name), fmt.file_filter)
            if not path:
                return 0
            if not path.lower().endswith(fmt.suffix):
                path += fmt.suffix
            self._remembered.set_last_dir(Path(path).parent)
        events = _in_order(self._events(self.export_all), self._table_order())
        mentions = self._mentions(self.export_all) if fmt.rows == "mentions" else frames.empty_mentions()
        try:
            relations = self._relations() if fmt.rows == RELATIONS else None
        except TimelineError as e:  # no chart: the message names the control to set
            self._messages.show_message("Export failed", str(e))
            return 0
        if chosen:
            job = partial(_write_job, key, events, mentions, Path(path), relations)
            self._jobs.enqueue(TaskWorker(job, f"exporting to {shown(Path(path).name)}"),
                               lambda rows, k=key, p=str(path): self._on_written(k, p, rows))
            return 0
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            rows = write_export(key, events, mentions, path, relations)
        except TimelineError as e:
            self._messages.show_message("Export failed", str(e))
            return 0
        finally:
            QApplication.restoreOverrideCursor()
        return self._on_written(key, str(path), rows)

    def _on_written(self, key: str, path: str, rows: int | None) -> int:
        if rows is None:
            self._show_status(f"Export cancelled: {shown(path)} was not written.", 15000)
            return 0
        fmt = export_format(key)
        # The chart's numbers follow the filters whatever "Export all events" says.
        what = (counted(rows, "row of the Relations chart", "rows of the Relations chart") if fmt.rows == RELATIONS
                else self._what(rows, fmt.rows))
        self._show_status(f"Exported {what} to {shown(path)}.", 15000)
        self.exported.emit(str(path), rows)
        return rows

    def _what(self, rows: int, plural: str) -> str:
        """"12 filtered events", "all 82 events (filters ignored)", or "82 events" when no filter is set."""
        noun = plural.removesuffix("s")
        if not self._filtering():
            return counted(rows, noun, plural)
        if self.export_all:
            return f"all {counted(rows, noun, plural)} (filters ignored)"
        return counted(rows, f"filtered {noun}", f"filtered {plural}")

    def _nothing_to_export(self, picture: bool) -> bool:
        """True, with a message saying what to do, when there is no event to write: an empty file, or a
        picture of an empty year 1970, is nothing a user asks for. A picture shows what the filters keep
        whatever "Export all events" says."""
        every = self.export_all and not picture
        if len(self._events(every)):
            return False
        if self._filtering() and not every:
            text = "The filters keep no event. Clear the filters (Edit > Clear filters, Ctrl+Shift+X)" + (
                ", then export again." if picture else
                ", or tick File > Export > Export all events (ignore filters), then export again.")
        else:
            text = "The library has no events yet. Add articles first (File > Open files, Ctrl+O)."
        self._messages.show_message("No events to export", text, QMessageBox.Icon.Information)
        return True

    def export_image(self, whole: bool | None = None) -> None:
        """File > Export > Timeline as image: the dialog (window-modal, not blocking), then the picture.
        From the timeline's own menu, `whole` starts it on every event and row (True) or on the view (False)."""
        if self._nothing_to_export(picture=True):
            return
        source = self._image_source()
        suggested = Path(self._remembered.last_dir()) / f"{self._library_path().stem}-timeline.png"
        dialog = ImageExportDialog(ImageDefaults(suggested, lambda options: default_captions(source, options)),
                                   self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda d=dialog: self.save_image(*d.choice(), source))
        dialog.finished.connect(lambda _r, d=dialog: self._on_image_dialog_finished(d))
        if whole is not None:
            dialog.show_part(*(("all", "all") if whole else ("view", "visible")))
        if self.image_dialog is not None:
            self.image_dialog.close()
        self.image_dialog = dialog
        dialog.open()

    def _on_image_dialog_finished(self, dialog: ImageExportDialog) -> None:
        if self.image_dialog is dialog:
            self.image_dialog = None

    def save_image(self, path: Path, options: ImageOptions, source: ImageSource | None = None) -> None:
        """Draw the timeline into `path` as `options` ask, on a worker thread: a picture of a large
        library takes seconds, and the window answers meanwhile, the status bar showing it with Cancel.
        `image_saved` tells when the file is there; a message says why when it cannot be written."""
        path = Path(path)
        job = partial(_image_job, source or self._image_source(), path, options)
        # A failure is the queue's message: "Error while saving the timeline to t.png".
        self._jobs.enqueue(TaskWorker(job, f"saving the timeline to {shown(path.name)}"),
                           lambda plan, p=path, o=options: self._on_image_written(p, o, plan))

    def _on_image_written(self, path: Path, options: ImageOptions, plan: ImagePlan | None) -> None:
        if plan is None:
            self._show_status(f"Image cancelled: {shown(path)} was not written.", 15000)
            return
        self._remembered.set_last_dir(path.parent)
        fmt = options.resolved_format(path)
        size = PAGES[options.page] if options.page else f"{round(plan.width * options.scale)} × " \
            f"{round(plan.height * options.scale)} px"
        pages = f", {counted(len(plan.pages), 'page')}" if fmt == "pdf" else ""
        self._show_status(f"Timeline saved to {shown(path)} ({FORMAT_NAMES[fmt]}, {size}{pages}).", 15000)
        self.image_saved.emit(str(path))


def _write_job(key: str, events: pd.DataFrame, mentions: pd.DataFrame, path: Path, relations: pd.DataFrame | None,
               progress: Progress, cancel: Cancel) -> int | None:
    """The export as a worker runs it: None when cancelled, and then no file (see _unless_cancelled)."""
    progress(0, 0, "")
    return _unless_cancelled(path, lambda partial_path: write_export(key, events, mentions, partial_path,
                                                                      relations, cancel), cancel)


def _image_job(source: ImageSource, path: Path, options: ImageOptions, progress: Progress,
               cancel: Cancel) -> ImagePlan | None:
    """The picture as a worker draws it (QImage, QSvgGenerator and QPdfWriter may be painted on off the
    GUI thread, unlike a widget): None when cancelled, and then no file."""
    progress(0, 0, "")
    return _unless_cancelled(path, lambda partial_path: render_image(source, partial_path, options, cancel=cancel),
                             cancel)


def _unless_cancelled(path: Path, write: Callable[[Path], T], cancel: Cancel) -> T | None:
    """Write with `write` beside `path` under another name, and put it there unless cancelled meanwhile:
    a cancelled export leaves no file, nor half of one, and an earlier file of that name as it was."""
    partial_path = path.with_name(f"{path.stem}.partial{path.suffix}")
    try:
        result = write(partial_path)
        if cancel():
            return None
        os.replace(partial_path, path)
    except ExportCancelled:
        return None
    except ExportError as e:  # it names the file it wrote: the user knows the other name only
        raise ExportError(str(e).replace(partial_path.name, path.name)) from e
    except OSError as e:
        raise ExportError(f"Cannot write {shown(path)}: {e.strerror or e}. Choose another folder or name.") from e
    finally:
        # A folder that is a file, or gone meanwhile: the error above says so; this must not hide it.
        with contextlib.suppress(OSError):
            partial_path.unlink(missing_ok=True)
    return result


def _in_order(events: pd.DataFrame, ids: np.ndarray) -> pd.DataFrame:
    """The events in the order of `ids` (the table's, as sorted); those it does not show after them."""
    rank = pd.Series(np.arange(len(ids)), index=pd.Index(ids, dtype=object))
    position = events[col.EVENT_ID].map(rank).fillna(len(ids)).to_numpy()
    return events.iloc[np.argsort(position, kind="stable")].reset_index(drop=True)
