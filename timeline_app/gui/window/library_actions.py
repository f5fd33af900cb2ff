"""What the File menu does to the library: import articles, give them publication dates, switch libraries."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMenu, QMessageBox, QWidget

from timeline_app.core.batch.pool import WorkerPool
from timeline_app.core.ingest import sample_paths
from timeline_app.core.ingest.date_hints import publication_hints
from timeline_app.core.ingest.knowledge import readable_extensions
from timeline_app.core.library.opening import LIBRARY_SUFFIX, is_sqlite_file
from timeline_app.core.library.rebuilding import Rebuilt, backup_path
from timeline_app.core.library.store import Library
from timeline_app.core.ingest.language import check_language
from timeline_app.core.pipeline import ImportReport, set_dates_job, set_issuer_job, set_languages_job
from timeline_app.core.progress import Cancel, Progress
from timeline_app.core.shown import inputs_named, shown
from timeline_app.errors import TimelineError
from timeline_app.gui.ask_text import ask_text
from timeline_app.gui.dialogs import PublicationDateDialog, UndatedArticle, import_summary_box
from timeline_app.gui.panels.issuer_text import issuer_choices, parse_issuer
from timeline_app.gui.window.messages import Messages
from timeline_app.gui.window.remembered import Remembered
from timeline_app.gui.window.wording import counted, its_or_their
from timeline_app.gui.workers import JobQueue, PipelineWorker, TaskWorker

log = logging.getLogger(__name__)


def open_filter() -> str:
    """The Open files dialog's filter: every extension a reader takes (resources/ingest/extensions/reader.tsv)."""
    return f"Articles ({' '.join('*' + ext for ext in readable_extensions())});;All files (*)"


def reads_hint() -> str:
    """The last line of an import's skipped files: what the app reads, so the user knows what to do."""
    return (f"The app reads articles in these files: {' '.join(readable_extensions())}, and .zip archives of "
            "them. Save an article of another kind as text, HTML, PDF or Word (.docx), then open it again.")


def importing_text(inputs: list[str]) -> str:
    """What an empty library's views say while an import runs: "No articles yet" said it had not begun."""
    return (f"Importing {inputs_named(inputs)}… The events appear here once it ends; Cancel, in the status bar, "
            "keeps the articles read until then.")


def regrouping_text(backup: Path) -> str:
    """What the views say while a library's events are grouped again by this version's rules: why, what
    is kept, the copy's name, and what Cancel does ("Reading the library…" said none of it)."""
    return (f"This library's events were grouped by an earlier version's rules; they are being grouped again "
            f"by this version's. Your corrections are kept, and a copy of the library as it was is kept beside "
            f"it: {shown(backup.name)}. Cancel, in the status bar, shows the events as they were grouped before.")


class LibraryActions(QObject):
    """Imports in the background with one summary at the end, publication dates, other libraries.

    Given the window (the dialogs' parent), the job queue, the library and its path, ways to open
    another library, to read the library again and to tell the user, and what to remember.
    """

    import_finished = Signal(object)  # ImportReport

    def __init__(self, window: QWidget, jobs: JobQueue, library: Callable[[], Library | None],
                 library_path: Callable[[], Path], open_library: Callable[[Path], bool],
                 reload: Callable[[], None], messages: Messages, show_status: Callable[[str, int], None],
                 remembered: Remembered, show_empty_text: Callable[[str | None], None]) -> None:
        super().__init__(window)
        self._window = window
        self._jobs = jobs
        self._library = library
        self._library_path = library_path
        self._open_library = open_library
        self._reload = reload
        self._messages = messages
        self._show_status = show_status
        self._remembered = remembered
        self._show_empty_text = show_empty_text  # None: why the library is empty, once an import failed
        jobs.failed.connect(lambda *_args: show_empty_text(None))
        jobs.crashed.connect(lambda *_args: show_empty_text(None))
        self.date_dialog: PublicationDateDialog | None = None
        self.issuer_dialog: QInputDialog | None = None

    # -- importing -----------------------------------------------------------------------------

    def open_inputs(self, inputs: list[str], published: dt.date | None = None, quiet: bool = False,
                    pool: WorkerPool | None = None) -> None:
        """Import files, folders or URLs in the background; one summary at the end. `pool`: worker
        processes started earlier for this import. A library among them (dropped, or chosen in Open
        files) is opened instead, and the rest imported into it."""
        inputs = [str(i) for i in inputs if str(i)]
        libraries = [i for i in inputs if is_sqlite_file(Path(i))]
        if libraries:
            inputs = [i for i in inputs if i not in libraries] if self._open_one_library(libraries) else []
        if not inputs:
            if pool is not None:
                pool.stop()
            return
        worker = PipelineWorker(inputs, self._library_path(), published, pool)
        self._jobs.enqueue(worker, lambda report: self._on_import_done(report, quiet))
        if not quiet:  # the samples say so themselves (open_samples)
            self._show_empty_text(importing_text(inputs))

    def _open_one_library(self, libraries: list[str]) -> bool:
        """Open the library among the inputs; False, with a message, when there are more or it fails."""
        if len(libraries) > 1:
            self._messages.show_message("One library at a time",
                                        f"{shown(libraries[0])} and {shown(libraries[1])} are both libraries: "
                                        "open one at a time.", QMessageBox.Icon.Information)
            return False
        return self._open_library(Path(libraries[0]))

    def open_samples(self, pool: WorkerPool | None = None) -> None:
        """Add the bundled sample articles (not the folder's README), with `pool` when one was started for them."""
        self._show_empty_text("Adding the sample articles…")
        self.open_inputs([str(p) for p in sample_paths()], quiet=True, pool=pool)

    def _on_import_done(self, report: ImportReport, quiet: bool) -> None:
        self.import_finished.emit(report)
        self._reload()
        summary = report.summary()
        details = report.details()
        if details:  # a reason says what is wrong with a file; this, what the app would read instead
            details += "\n\n" + reads_hint()
        undated = list(report.needs_date)
        if details or (report.added == 0 and not report.duplicates and not quiet):
            box = import_summary_box(summary, details, self._window)
            if undated:  # one dialog at a time: the dates are asked for once the summary is read
                box.finished.connect(lambda _r: self.ask_publication_dates(undated))
            self._messages.open_box(box)
            return
        self._show_status(summary[:1].upper() + summary[1:] + ".", 15000)
        if undated:
            self.ask_publication_dates(undated)

    def open_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self._window, "Open articles", self._remembered.last_dir(),
                                                open_filter())
        if files:
            self._remembered.set_last_dir(Path(files[0]).parent)
            self.open_inputs(files)

    def open_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self._window, "Open a folder of articles",
                                                  self._remembered.last_dir())
        if folder:
            self._remembered.set_last_dir(Path(folder))
            self.open_inputs([folder])

    def open_url(self) -> None:
        url = ask_text(self._window, "Open URL", "Address of a news article or feed:", url_problem)
        if url:
            self.open_inputs([url if "://" in url else "https://" + url])

    # -- publication dates ---------------------------------------------------------------------

    def ask_publication_dates(self, article_ids: list[int]) -> None:
        """Ask (in one non-blocking dialog) for the publication date of these articles."""
        library = self._library()
        if library is None:
            return
        rows = []
        for article_id in article_ids:
            try:
                article = library.article(article_id)
            except TimelineError:
                continue
            rows.append(UndatedArticle(article_id, article.title, shown(article.url or article.source_path),
                                       tuple(publication_hints(article))))
        if not rows:
            return
        if self.date_dialog is not None:
            self.date_dialog.close()
        dialog = PublicationDateDialog(rows, self._window)
        dialog.accepted.connect(lambda d=dialog: self.set_publication_dates(d.dates()))
        self.date_dialog = dialog
        dialog.open()

    def set_publication_dates(self, dates: dict[int, dt.date]) -> None:
        """Give articles their publication dates in the background; their events are resolved again."""
        if not dates:
            return
        n = len(dates)
        worker = TaskWorker(set_dates_job(self._library_path(), dates), f"setting {counted(n, 'publication date')}")
        self._jobs.enqueue(worker, self._after_dates_set)

    def _after_dates_set(self, n: int) -> None:
        self._reload()  # the reader shows the articles again as read: their dates are resolved anew
        self._show_status(f"Publication date set for {counted(n, 'article')}; {its_or_their(n)} dates were "
                          "resolved again.", 10000)

    def set_languages(self, languages: dict[int, str]) -> None:
        """Give articles the language the user typed, in the background; their dates are read again."""
        try:
            languages = {article_id: check_language(code) for article_id, code in languages.items()}
        except TimelineError as e:
            self._messages.show_message("Language not changed", str(e), QMessageBox.Icon.Warning)
            self._reload()  # the panel shows the language as it was
            return
        n = len(languages)
        worker = TaskWorker(set_languages_job(self._library_path(), languages),
                            f"setting the language of {n} article{'s' if n != 1 else ''}")
        self._jobs.enqueue(worker, self._after_languages_set)

    def _after_languages_set(self, n: int) -> None:
        self._reload()
        self._show_status(f"Language set for {n} article{'s' if n != 1 else ''}; their dates were read again.",
                          10000)

    # -- issuers -------------------------------------------------------------------------------

    def ask_issuer(self, article_ids: list[int]) -> None:
        """Ask (non-blocking) who issued these articles; their events are extracted again with it."""
        library = self._library()
        if library is None or not article_ids:
            return
        try:
            current = library.article(article_ids[0]).issuer
        except TimelineError:
            return
        choices = issuer_choices()
        if self.issuer_dialog is not None:
            self.issuer_dialog.close()
        dialog = QInputDialog(self._window)
        dialog.setWindowTitle("Issuer")
        n = len(article_ids)
        dialog.setLabelText(f"Government or organisation that issued {'this article' if n == 1 else f'these {n} articles'}"
                            " (\u201cwe\u201d and \u201cour\u201d in it stand for it);\n"
                            "a joint statement's states separated by \u201c;\u201d (AUS; JPN; USA):")
        dialog.setComboBoxItems([label for _code, label in choices])
        dialog.setComboBoxEditable(True)
        dialog.setTextValue(next((label for code, label in choices if code == current), current or choices[0][1]))
        dialog.accepted.connect(lambda d=dialog: self._on_issuer_typed(article_ids, d.textValue(), choices))
        self.issuer_dialog = dialog
        dialog.open()

    def _on_issuer_typed(self, article_ids: list[int], typed: str, choices: list[tuple[str, str]]) -> None:
        issuer = parse_issuer(typed, choices)
        if issuer is None:
            self._show_status(f"\u201c{typed}\u201d names no state or organisation the app knows: the issuer was not"
                              " changed. Pick one from the list, or type codes separated by \u201c;\u201d.", 15000)
            return
        self.set_issuer(article_ids, issuer)

    def set_issuer(self, article_ids: list[int], issuer: str) -> None:
        """Give articles an issuer in the background and extract their events again."""
        n = len(article_ids)
        worker = TaskWorker(set_issuer_job(self._library_path(), article_ids, issuer),
                            f"setting the issuer of {n} article{'s' if n != 1 else ''}")
        self._jobs.enqueue(worker, self._after_issuer_set)

    def _after_issuer_set(self, n: int) -> None:
        self._reload()
        self._show_status(f"Issuer set for {n} article{'s' if n != 1 else ''}; their events were extracted again.",
                          10000)

    # -- libraries -----------------------------------------------------------------------------

    def new_library(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self._window, "New library",
                                              str(Path(self._remembered.last_dir()) / f"library{LIBRARY_SUFFIX}"),
                                              f"Diplomatic Timeline library (*{LIBRARY_SUFFIX})")
        if not path:
            return
        if not path.endswith((LIBRARY_SUFFIX, ".sqlite3")):  # .sqlite3: what earlier versions offered
            path += LIBRARY_SUFFIX
        target = Path(path)
        if target.exists() and target.stat().st_size > 0:
            self._messages.show_message("Library exists",
                                        f"{target} already exists; it was opened instead of replaced.",
                                        QMessageBox.Icon.Information)
        self._open_library(target)

    def rebuild_stale(self, path: Path, backup: Path | None) -> None:
        """Group the events of the library at `path` again by this version's merge rules, on a worker
        with progress and Cancel, after a backup (`backup`: the one its opening made when it migrated
        it); the library is read again when it ends, however."""
        def job(progress: Progress, cancel: Cancel) -> Rebuilt | None:
            with Library(path, rebuild_stale=False) as library:
                if library.rebuild_stale_events(progress, cancel, backup=backup is None) is None:
                    return None
                done = library.rebuilt
                return done if done is None or done.backup is not None else replace(done, backup=backup)

        worker = TaskWorker(job, "grouping the events by this version's rules")
        worker.finished.connect(self._reload)
        self._show_empty_text(regrouping_text(backup or backup_path(path)))
        self._jobs.enqueue(worker, self._on_rebuild_done)

    def _on_rebuild_done(self, result: Rebuilt | None) -> None:
        if result is None:
            self._show_status("Stopped: the library keeps the events an earlier version grouped; it is "
                              "offered again when the library is next opened.", 15000)
            return
        library = self._library()
        if library is not None:
            library.stale_rules = False
        if result.elsewhere:
            self._show_status("Another window or program grouped this library's events by this version's rules "
                              "meanwhile; they were read again.", 15000)
            return
        kept = ""
        if result.backup is not None:
            kept = f" A copy of the library as it was: {shown(result.backup)}" + (
                " (it replaces the copy an earlier regrouping left)." if result.replaced else ".")
        self._show_status(f"{counted(result.events, 'event')} grouped by this version's rules; your corrections "
                          "were kept." + kept, 15000)

    def choose_library(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self._window, "Open library", self._remembered.last_dir(),
                                              f"Diplomatic Timeline library (*{LIBRARY_SUFFIX} *.sqlite3 *.db);;All files (*)")
        if path:
            self._open_library(Path(path))

    def fill_recent_menu(self, menu: QMenu) -> None:
        """The recent libraries, the one open disabled (Recent libraries, just before it shows)."""
        menu.clear()
        for p in self._remembered.recent_libraries():
            action = menu.addAction(p, lambda _=False, p=p: self._open_library(Path(p)))
            action.setEnabled(Path(p).exists() and Path(p) != self._library_path())
        if menu.isEmpty():
            menu.addAction("(none)").setEnabled(False)


def url_problem(typed: str) -> str:
    """What keeps `typed` from being a web address ("" when nothing does): a space inside it, or no dot
    in its host ("localhost" and an address with its scheme are taken as written)."""
    if not typed:
        return "Type or paste the address of an article."
    if any(c.isspace() for c in typed):
        return f"“{typed}” is not a web address: an address has no spaces (paste it from the browser's address bar)."
    host = typed.split("://", 1)[-1].split("/", 1)[0]
    if "://" not in typed and "." not in host and host.split(":")[0] != "localhost":
        return f"“{typed}” is not a web address: write one such as www.example.org/news/story.html."
    return ""
