"""EditHistoryView: what the user changed in the selected event, when, and from what to what."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping

import pandas as pd
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from timeline_app.core.library import columns as col
from timeline_app.core.extract.cameo import CameoTable
from timeline_app.core.library.columns import split_list
from timeline_app.core.temporal.values import display_date

log = logging.getLogger(__name__)

_Index = QModelIndex | QPersistentModelIndex
HEADERS = ("When", "Change", "Old value", "New value")
PLACEHOLDER = "Select an event to see what was changed in it."
NO_EDITS = "No corrections yet: this event is as the extractor found it."
_FLAGS = {"verified": "Verified", "hidden": "Hidden", "deleted": "Deleted"}
_LABELS = {"date": "Date", "countries": "Countries", "organizations": "Organisations",
           "event_type": "Event type", "summary": "Summary", "note": "Note"}


def local_time(created_at: str) -> str:
    """An edit's UTC timestamp in the user's time zone, to the minute."""
    try:
        when = dt.datetime.fromisoformat(created_at)
    except ValueError:
        return created_at
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.timezone.utc)
    return when.astimezone().strftime("%Y-%m-%d %H:%M")


class EditHistoryModel(QAbstractTableModel):
    """The edits of one event, newest first, with values as people read them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, str, str, str, str]] = []  # when, change, old, new, stored values
        self._country_names: Mapping[str, str] = {}
        self._key_labels: Mapping[str, str] = {}

    def set_country_names(self, country_names: Mapping[str, str]) -> None:
        self._country_names = country_names

    def set_edits(self, edits: pd.DataFrame, key_labels: Mapping[str, str] | None = None) -> None:
        """`edits`: rows of Library.edits_frame; `key_labels` names the events merges point at."""
        self.beginResetModel()
        self._key_labels = key_labels or {}
        self._rows = [self._row(e) for e in edits.sort_values("edit_id", ascending=False).itertuples()]
        self.endResetModel()

    def _row(self, e: object) -> tuple[str, str, str, str, str]:
        field, old, new = str(e.field), str(e.old_value), str(e.new_value)  # type: ignore[attr-defined]
        stored = f"{field}: {old!r} → {new!r}"
        when = local_time(str(e.created_at))  # type: ignore[attr-defined]
        if field in _FLAGS:
            change = _FLAGS[field]
            return when, change, _yes_no(old), _yes_no(new), stored
        if field == "group":
            if new and new == str(e.event_key):  # type: ignore[attr-defined]
                return when, "Report split off", f"from {self._event_label(old)}" if old else "", "its own event", stored
            if new:
                return when, "Merged", "", f"with {self._event_label(new)}", stored
            return when, "Split off", f"from {self._event_label(old)}" if old else "", "its own event", stored
        return when, _LABELS.get(field, field), self._value(field, old), self._value(field, new), stored

    def _event_label(self, key: str) -> str:
        label = self._key_labels.get(key)
        return f"“{label}”" if label else "another event"

    def _value(self, field: str, value: str) -> str:
        if not value:
            return "—"
        if field == "date":
            return display_date(value)
        if field == "countries":
            return ", ".join(self._country_names.get(c, c) for c in split_list(value))
        if field == "event_type":
            code = CameoTable.default().codes.get(value)
            return f"{value} {code.name}" if code else value
        if field == "organizations":
            return ", ".join(split_list(value))
        return value

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row[index.column()]}\n(stored as {row[4]})"
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return HEADERS[section]
        return None

    def row_texts(self) -> list[tuple[str, str, str, str]]:
        """The rows as shown (when, change, old, new), newest first."""
        return [r[:4] for r in self._rows]


class EditHistoryView(QWidget):
    """The history dock: the selected event's title and its edits (what changed, when, old and new)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.title_label = QLabel()
        self.title_label.setWordWrap(True)
        layout.addWidget(self.title_label)
        self.model = EditHistoryModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)  # Tab goes on to the next panel, the arrows through the rows
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        # When and what fit their text; the values share the rest of a narrow dock (elided, full in tooltips).
        for column, mode in enumerate((QHeaderView.ResizeMode.ResizeToContents,) * 2
                                      + (QHeaderView.ResizeMode.Stretch,) * 2):
            header.setSectionResizeMode(column, mode)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        layout.addWidget(self.table, 1)
        self.show_placeholder()

    def set_country_names(self, country_names: Mapping[str, str]) -> None:
        self.model.set_country_names(country_names)

    def show_placeholder(self, message: str = PLACEHOLDER) -> None:
        self.title_label.setText(f"<i>{message}</i>")
        self.model.set_edits(_no_edits())

    def show_history(self, title: str, edits: pd.DataFrame, key_labels: Mapping[str, str] | None = None,
                     state: str = "") -> None:
        """Show the edits of the event called `title` (rows of Library.edits_frame for its keys).

        `state` says what the event is now ("verified · hidden · edited: date").
        """
        self.model.set_edits(edits, key_labels)
        count = self.model.rowCount()
        # A block (div) a line, each laid out in its own direction: joined by <br>, an Arabic summary
        # made the English lines under it right-to-left too (".1 change, newest first (…)").
        head = f"<div><b>{_escape(title)}</b></div>" + (f"<div>{_escape(state)}</div>" if state else "")
        if count:
            self.title_label.setText(f"{head}<div><small>{count} change{'s' if count != 1 else ''}, "
                                     "newest first (an undo shows as a change back).</small></div>")
        else:
            self.title_label.setText(f"{head}<div><small>{NO_EDITS}</small></div>")


def _no_edits() -> pd.DataFrame:
    return pd.DataFrame(columns=[col.EDIT_ID, col.CREATED_AT, col.EVENT_KEY, col.FIELD, col.OLD_VALUE, col.NEW_VALUE])


def _yes_no(value: str) -> str:
    return {"1": "yes", "0": "no", "": "no"}.get(value, value)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
