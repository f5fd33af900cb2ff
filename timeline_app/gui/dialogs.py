"""Dialogs: publication dates, import summary, keyboard shortcuts, about, and the crash dialog."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from timeline_app import __version__
from timeline_app.core.ingest.date_hints import DateHint, parse_typed_date
from timeline_app.gui.panels.article_model import NEEDS_DATE

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class UndatedArticle:
    """An article the publication-date dialog asks about, with the app's guesses at its date."""

    article_id: int
    title: str
    origin: str  # the file or URL it came from
    hints: tuple[DateHint, ...] = ()


class _DateRow(QWidget):
    """One undated article: a field for its date, what the field reads as, and the app's guesses."""

    changed = Signal()

    def __init__(self, article: UndatedArticle, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.article_id = article.article_id
        self._today = today
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 4, 0, 8)
        grid.setColumnStretch(1, 1)
        # Title and origin are blocks of their own, each read in its own direction: joined by <br>, a
        # Hebrew or Arabic title made the path right-to-left too ("work/a/b.txt/" for "/work/a/b.txt").
        self.heading = QLabel(f"<div><b>{_escape(article.title) or '(untitled)'}</b></div>"
                              f"<div><small>{_escape(article.origin)}</small></div>")
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.heading.setWordWrap(True)
        grid.addWidget(self.heading, 0, 0, 1, 2)
        # A line edit, not a QDateEdit: select-all and typing must replace the whole date, and an
        # empty field (no date yet) must be possible.
        self.edit = QLineEdit()
        self.edit.setPlaceholderText("YYYY-MM-DD")
        self.edit.setClearButtonEnabled(True)
        self.edit.setMaxLength(40)
        self.edit.setMinimumWidth(self.edit.fontMetrics().horizontalAdvance("2022-12-28 Wednesday") + 24)
        self.edit.textChanged.connect(self._on_edit_text_changed)
        grid.addWidget(self.edit, 1, 0)
        self.note = QLabel()
        self.note.setWordWrap(True)
        grid.addWidget(self.note, 1, 1)
        self.hint_buttons: list[QPushButton] = []
        for r, hint in enumerate(article.hints, 2):
            button = QPushButton(f"Use {hint.day.isoformat()}")
            button.setAutoDefault(False)  # Enter never picks a guess: only a click or Space does
            button.setToolTip(f"Date the article {hint.day:%d %B %Y}: {hint.reason}")
            button.clicked.connect(lambda _=False, d=hint.day: self.edit.setText(d.isoformat()))
            reason = QLabel(f"({_escape(hint.reason)})")
            reason.setWordWrap(True)
            grid.addWidget(button, r, 0, Qt.AlignmentFlag.AlignLeft)
            grid.addWidget(reason, r, 1)
            self.hint_buttons.append(button)
        self._show_state()

    def state(self) -> tuple[dt.date | None, str]:
        """The date typed (None when empty or not a date) and what is wrong with the text, if anything."""
        text = self.edit.text().strip()
        if not text:
            return None, ""
        day = parse_typed_date(text)
        if day is None:
            return None, "Not a date: write it as YYYY-MM-DD (2022-12-28) or 28 December 2022."
        if day > self._today:
            return None, f"{day.isoformat()} is after today: an article cannot have been published yet."
        return day, ""

    def _on_edit_text_changed(self, _text: str) -> None:
        self._show_state()
        self.changed.emit()

    def _show_state(self) -> None:
        day, problem = self.state()
        if problem:
            self.note.setText(problem)
            self.note.setStyleSheet("color: #b71c1c;")
        else:
            self.note.setText(f"{day:%A %d %B %Y}" if day else "No date yet: the article waits for one.")
            self.note.setStyleSheet("" if day else "color: palette(placeholder-text);")


class PublicationDateDialog(QDialog):
    """Asks for the publication date of articles that have none (one row per article).

    No date is assumed: a field starts empty, the app's guesses are offered as buttons, and "Set
    dates" stays disabled until a date is typed (or a guess taken) and every text typed is a date.
    """

    def __init__(self, articles: Sequence[UndatedArticle], parent: QWidget | None = None,
                 today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Publication date needed")
        today = today or dt.date.today()
        layout = QVBoxLayout(self)
        n = len(articles)
        intro = QLabel(
            ("This article has" if n == 1 else f"These {n} articles have")
            + " no publication date. Relative dates such as “last Wednesday” are resolved against it: "
            "type the date the article was published, or leave the field empty to decide later "
            f"(it stays under “{NEEDS_DATE}” in the Articles panel)."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        rows_host = QWidget()
        rows_layout = QVBoxLayout(rows_host)
        rows_layout.setContentsMargins(0, 0, 0, 0)
        self._rows: list[_DateRow] = []
        for article in articles:
            row = _DateRow(article, today)
            row.changed.connect(self._update_button)
            rows_layout.addWidget(row)
            self._rows.append(row)
        rows_layout.addStretch(1)
        if n > 4:
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setWidget(rows_host)
            scroll.setMinimumHeight(360)
            layout.addWidget(scroll, 1)
        else:
            layout.addWidget(rows_host, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.set_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.set_button.setText("Set dates")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Later")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._update_button()
        if self._rows:
            self._rows[0].edit.setFocus()
        self.resize(600, min(560, 170 + 110 * n))

    def date_edit(self, article_id: int) -> QLineEdit:
        return self.row(article_id).edit

    def row(self, article_id: int) -> _DateRow:
        return next(row for row in self._rows if row.article_id == article_id)

    def dates(self) -> dict[int, dt.date]:
        """The dates typed so far; empty fields (and anything that is not a date) are left out."""
        out = {}
        for row in self._rows:
            day, _problem = row.state()
            if day is not None:
                out[row.article_id] = day
        return out

    def _update_button(self) -> None:
        states = [row.state() for row in self._rows]
        ok = any(day is not None for day, _p in states) and not any(problem for _d, problem in states)
        self.set_button.setEnabled(ok)

    def accept(self) -> None:
        if self.set_button.isEnabled():  # Enter with no date typed must not date anything
            super().accept()


def import_summary_box(summary: str, details: str, parent: QWidget | None = None) -> QMessageBox:
    """One message at the end of an import; the skipped files and reasons are a click away."""
    box = QMessageBox(parent)
    box.setWindowTitle("Import finished")
    box.setIcon(QMessageBox.Icon.Warning if details else QMessageBox.Icon.Information)
    box.setText(summary[:1].upper() + summary[1:] + ".")
    if details:
        box.setInformativeText("Click “Show Details…” to see which inputs were skipped and why.")
        box.setDetailedText(details)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    return box


class ShortcutsDialog(QDialog):
    """Help > Keyboard shortcuts: every action of the window that has one, then the timeline's own
    keys and mouse moves (`timeline_keys`: what, keys)."""

    def __init__(self, actions: Iterable[QAction], timeline_keys: Sequence[tuple[str, str]] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        window_rows = []
        for action in actions:
            keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()]
            if keys:
                name = str(action.property("long_name") or action.text().replace("&", ""))
                window_rows.append((name.rstrip(".…"), ", ".join(keys)))
        sections = [("In the window", window_rows)]
        if timeline_keys:
            sections.append(("On the timeline (click it first)", list(timeline_keys)))
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels(["Action", "Shortcut"])
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)  # Tab goes on to Close, the arrows through the rows
        self._headings: set[int] = set()
        for title, rows in sections:
            self._add_heading(title)
            for text, keys in rows:
                r = self.table.rowCount()
                self.table.insertRow(r)
                self.table.setItem(r, 0, QTableWidgetItem(text))
                self.table.setItem(r, 1, QTableWidgetItem(keys))
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(520, 640)

    def _add_heading(self, title: str) -> None:
        r = self.table.rowCount()
        self.table.insertRow(r)
        item = QTableWidgetItem(title)
        font = item.font()
        font.setBold(True)
        item.setFont(font)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.table.setItem(r, 0, item)
        self.table.setSpan(r, 0, 1, 2)
        self._headings.add(r)

    def rows(self) -> list[tuple[str, str]]:
        """(what, keys) of every row but the headings."""
        return [(self.table.item(r, 0).text(), self.table.item(r, 1).text())
                for r in range(self.table.rowCount()) if r not in self._headings]

    def headings(self) -> list[str]:
        return [self.table.item(r, 0).text() for r in sorted(self._headings)]


def about_box(parent: QWidget | None = None) -> QMessageBox:
    box = QMessageBox(parent)
    box.setWindowTitle("About Diplomatic Timeline")
    if parent is not None and not parent.windowIcon().isNull():
        box.setIconPixmap(parent.windowIcon().pixmap(64, 64))
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(
        f"<h3>Diplomatic Timeline {__version__}</h3>"
        "<p>Finds every dated event in news articles, resolves each date against the article's "
        "publication date (keeping whether a day, a month or a year was written), ties events to the "
        "countries taking part, and shows them on a zoomable timeline.</p>"
        "<p>Dates are resolved with rules of our own and dateparser; countries are ISO 3166-1 alpha-3.</p>"
    )
    return box


class CrashDialog(QDialog):
    """An unexpected error (a bug): what happened, the traceback to copy, and the way to go on."""

    def __init__(self, summary: str, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Diplomatic Timeline: unexpected error")
        layout = QVBoxLayout(self)
        label = QLabel(
            "<b>Something went wrong inside Diplomatic Timeline.</b><br>"
            f"{_escape(summary)}<br><br>Your library is safe: every finished import is saved. "
            "You can keep working; if the error comes back, please send the text below with a note "
            "of what you were doing."
        )
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(label)
        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        layout.addWidget(self.details, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = QPushButton("Copy details")
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(details))
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 420)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
