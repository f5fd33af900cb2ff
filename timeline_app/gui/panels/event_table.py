"""EventTableModel over the events' numpy columns (core.library.table), and how its cells read."""

from __future__ import annotations

import csv
import io
import logging
from collections.abc import Mapping

import numpy as np
import pandas as pd
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QWidget

from timeline_app.core.library import columns as col
from timeline_app.core.library.codelists import CodeLists
from timeline_app.core.library.columns import LIST_SEPARATOR, TITLE_SEPARATOR
from timeline_app.core.library.datemod import why
from timeline_app.core.library.table import COLUMNS, TableColumns, prepare_columns
from timeline_app.gui.text_direction import cell_alignment

log = logging.getLogger(__name__)

_Index = QModelIndex | QPersistentModelIndex

_ICON: QIcon | None = None


def _verified_icon() -> QIcon:
    """A small green tick for verified events, drawn once."""
    global _ICON
    if _ICON is None:
        pixmap = QPixmap(12, 12)
        pixmap.fill(Qt.GlobalColor.transparent)
        p = QPainter(pixmap)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(QPen(QColor("#2e7d32"), 2))
        p.drawPolyline([QPointF(2, 6.5), QPointF(5, 9.5), QPointF(10, 3)])
        p.end()
        _ICON = QIcon(pixmap)
    return _ICON


class EventTableModel(QAbstractTableModel):
    """Rows are events; filtering and sorting are numpy index arrays, applied by resetting the model.

    QSortFilterProxyModel takes seconds on 100,000 rows; a mask plus argsort and a reset takes
    milliseconds. `_order` holds, for each visible row, the row number in the events frame.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._n = 0
        self._display: dict[str, np.ndarray] = {}
        self._sort_keys: Mapping[str, np.ndarray] = {}
        self._countries = CodeLists.from_cells([])
        self._ids = np.empty(0, dtype=object)
        self._mask = np.empty(0, dtype=bool)
        self._order = np.empty(0, dtype=np.int64)
        self._row_of_event: Mapping[str, int] = {}
        self._text: Mapping[str, np.ndarray] = {col.EVIDENCE: np.empty(0, dtype=object)}
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._country_names: dict[str, str] = {}
        self._raw_dates = np.empty(0, dtype=object)
        self._longest: dict[tuple[str, int], list[str]] = {}
        self._hidden = np.empty(0, dtype=bool)
        self._verified = np.empty(0, dtype=bool)

    # -- data in -------------------------------------------------------------------------------

    def set_events(self, df: pd.DataFrame) -> None:
        """Show every event of an events frame."""
        self.set_columns(prepare_columns(df))

    def set_columns(self, cols: TableColumns) -> None:
        """Show the table columns of the events (core.library.table: a worker prepares them)."""
        self.beginResetModel()
        self._n = cols.n
        self._ids = cols.ids
        self._text = cols.text  # the evidence is read only when a tooltip or a copy shows it
        self._display = cols.display
        self._longest: dict[tuple[str, int], list[str]] = {}
        self._sort_keys = cols.sort_keys
        self._raw_dates = cols.raw_dates
        self._hidden = cols.hidden
        self._verified = cols.verified
        self._row_of_event = cols.row_of_event
        self._countries = cols.countries
        self._mask = np.ones(self._n, dtype=bool)
        self._order = self._compute_order()
        self.endResetModel()

    def shown_ids(self) -> np.ndarray:
        """The ids of the events the table shows, in the order it shows them."""
        return self._ids[self._order]

    def longest_texts(self, field: str, count: int = 16) -> list[str]:
        """The `count` longest texts of a column over every event (not only those shown): what the
        column's width must hold."""
        key = (field, count)
        if key not in self._longest:  # once per read of the library: a filter changes nothing here
            values = self._display.get(field)
            if values is None or not len(values):
                return []
            lengths = np.fromiter((len(str(v)) for v in values), dtype=np.int64, count=len(values))
            self._longest[key] = [str(values[i]) for i in np.argsort(-lengths, kind="stable")[:count].tolist()]
        return self._longest[key]

    def set_mask(self, mask: np.ndarray) -> None:
        """Show only the events whose mask entry is True (same length as the frame)."""
        mask = np.asarray(mask, dtype=bool)
        if mask.shape != (self._n,):
            raise ValueError(f"mask has shape {mask.shape}, expected ({self._n},)")
        self.beginResetModel()
        self._mask = mask
        self._order = self._compute_order()
        self.endResetModel()

    def _compute_order(self) -> np.ndarray:
        visible = np.flatnonzero(self._mask)
        if self._sort_column < 0 or visible.size == 0:
            return visible
        key = self._sort_keys[COLUMNS[self._sort_column].sort_field][visible]
        if self._sort_order == Qt.SortOrder.DescendingOrder:
            # Negated ranks keep ties in frame order, as the ascending sort does.
            order = np.argsort(-_dense_rank(key), kind="stable")
        else:
            order = np.argsort(key, kind="stable")
        column = COLUMNS[self._sort_column]
        if not column.numeric:
            # Events without countries (or type …) go last either way, as a spreadsheet puts blanks.
            order = order[np.argsort(self._display[column.field][visible][order] == "", kind="stable")]
        return visible[order]

    # -- Qt model interface --------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else int(self._order.size)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= self._order.size or index.column() >= len(COLUMNS):
            return None
        column = COLUMNS[index.column()]
        row = int(self._order[index.row()])
        if role == Qt.ItemDataRole.DisplayRole:
            value = self._display[column.field][row]
            return int(value) if column.numeric else str(value)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column.field == col.EVENT_DATE:
                notes = [f"{self._raw_dates[row]} (as written: “{self._display[col.DATE_TEXT][row]}”)"]
                mod = str(self._text[col.DATE_MOD][row]) if col.DATE_MOD in self._text else ""
                if mod:
                    notes.append(why(mod))
                if self._verified.size and self._verified[row]:
                    notes.append("verified")
                if self._hidden.size and self._hidden[row]:
                    notes.append("hidden")
                return "\n".join(notes)
            if column.field in (col.SUMMARY, col.DATE_TEXT):
                evidence = str(self._text[col.EVIDENCE][row])
                return evidence or None
            if column.field == col.SOURCE_TITLES:
                return str(self._display[column.field][row]).replace(TITLE_SEPARATOR, "\n") or None
            if column.field == col.COUNTRIES:
                return self._country_tooltip(self._countries.row(row))
            return None
        if role == Qt.ItemDataRole.ForegroundRole and self._hidden.size and self._hidden[row]:
            return QBrush(QColor(128, 128, 128))
        if role == Qt.ItemDataRole.FontRole and self._hidden.size and self._hidden[row]:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.DecorationRole and column.field == col.EVENT_DATE and self._verified.size \
                and self._verified[row]:
            return _verified_icon()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column.numeric:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return cell_alignment(str(self._display[column.field][row]))
        if role == Qt.ItemDataRole.UserRole:
            return str(self._ids[row])
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return COLUMNS[section].header
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            column = -1
        self.beginResetModel()
        self._sort_column = column
        self._sort_order = order
        self._order = self._compute_order()
        self.endResetModel()

    def set_country_names(self, names: dict[str, str]) -> None:
        """Names for the Countries column's tooltip."""
        self._country_names = dict(names)

    def _country_tooltip(self, codes: list[str]) -> str | None:
        return "\n".join(f"{self._country_names.get(c, c)} ({c})" for c in codes) or None

    # -- queries -------------------------------------------------------------------------------

    @property
    def total_count(self) -> int:
        return self._n

    def event_id(self, row: int) -> str:
        return str(self._ids[int(self._order[row])])

    def frame_row(self, row: int) -> int:
        """Row number in the events frame of the table row `row`."""
        return int(self._order[row])

    def row_of(self, event_id: str) -> int:
        """Table row showing `event_id`, or -1 when it is filtered out or unknown."""
        frame_row = self._row_of_event.get(event_id)
        if frame_row is None or not self._mask[frame_row]:
            return -1
        hits = np.flatnonzero(self._order == frame_row)
        return int(hits[0]) if hits.size else -1

    def rows_as_csv(self, rows: list[int]) -> str:
        """The given table rows, in table order, as CSV text with a header line."""
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow([col.EVENT_ID] + [c.field for c in COLUMNS] + [col.EVIDENCE])
        for r in sorted(set(rows)):
            fr = int(self._order[r])
            cells = [self._raw_dates[fr] if c.field == col.EVENT_DATE else
                     LIST_SEPARATOR.join(self._countries.row(fr)) if c.field == col.COUNTRIES else
                     self._display[c.field][fr] for c in COLUMNS]
            writer.writerow([self._ids[fr]] + cells + [self._text[col.EVIDENCE][fr]])
        return buf.getvalue()


def _dense_rank(key: np.ndarray) -> np.ndarray:
    """Integer ranks (equal values share one) so that descending order can be a negated stable sort."""
    _, inverse = np.unique(key, return_inverse=True)
    return inverse.astype(np.int64)
