"""Dialogs: publication dates, import summary, keyboard shortcuts, about, and the crash dialog."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Sequence

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHeaderView,
    QLabel,
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

log = logging.getLogger(__name__)


class PublicationDateDialog(QDialog):
    """Asks for the publication date of articles that have none (one row per article)."""

    def __init__(self, articles: Sequence[tuple[int, str, str]], parent: QWidget | None = None) -> None:
        """`articles`: (article_id, title, where it came from)."""
        super().__init__(parent)
        self.setWindowTitle("Publication date needed")
        layout = QVBoxLayout(self)
        n = len(articles)
        intro = QLabel(
            ("This article has" if n == 1 else f"These {n} articles have")
            + " no publication date. Relative dates such as “last Wednesday” are resolved against it: "
            "give the date the article was published, or leave it unticked to decide later "
            "(it stays under “Needs a publication date” in the library)."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        grid_host = QWidget()
        grid = QGridLayout(grid_host)
        grid.setColumnStretch(1, 1)
        self._rows: list[tuple[int, QCheckBox, QDateEdit]] = []
        today = QDate.currentDate()
        for r, (article_id, title, origin) in enumerate(articles):
            check = QCheckBox()
            check.setChecked(True)
            label = QLabel(f"<b>{_escape(title) or '(untitled)'}</b><br><small>{_escape(origin)}</small>")
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setWordWrap(True)
            edit = QDateEdit(today)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDateRange(QDate(1, 1, 1), QDate(9999, 12, 31))
            check.toggled.connect(edit.setEnabled)
            grid.addWidget(check, r, 0)
            grid.addWidget(label, r, 1)
            grid.addWidget(edit, r, 2)
            self._rows.append((article_id, check, edit))
        if n > 6:
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setWidget(grid_host)
            scroll.setMinimumHeight(320)
            layout.addWidget(scroll)
        else:
            layout.addWidget(grid_host)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Set dates")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Later")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, min(520, 160 + 60 * n))

    def date_edit(self, article_id: int) -> QDateEdit:
        return next(edit for aid, _c, edit in self._rows if aid == article_id)

    def dates(self) -> dict[int, dt.date]:
        """The dates of the ticked rows."""
        out = {}
        for article_id, check, edit in self._rows:
            if check.isChecked():
                q = edit.date()
                out[article_id] = dt.date(q.year(), q.month(), q.day())
        return out


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
    """Help > Keyboard shortcuts: every action of the window that has one."""

    def __init__(self, actions: Iterable[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        rows = []
        for action in actions:
            keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()]
            if keys:
                name = action.property("long_name") or action.text().replace("&", "")
                rows.append((str(name), ", ".join(keys)))
        layout = QVBoxLayout(self)
        self.table = QTableWidget(len(rows), 2)
        self.table.setHorizontalHeaderLabels(["Action", "Shortcut"])
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for r, (text, keys) in enumerate(rows):
            self.table.setItem(r, 0, QTableWidgetItem(text.rstrip(".…")))
            self.table.setItem(r, 1, QTableWidgetItem(keys))
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(460, 560)

    def rows(self) -> list[tuple[str, str]]:
        return [(self.table.item(r, 0).text(), self.table.item(r, 1).text()) for r in range(self.table.rowCount())]


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
