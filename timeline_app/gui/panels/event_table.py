"""EventTableModel over numpy columns mirrored from the events DataFrame, and the table view on it."""

from __future__ import annotations

import csv
import io
import logging

import numpy as np
import pandas as pd
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QPointF, Qt, Signal
from PySide6.QtGui import QAction, QBrush, QColor, QFont, QIcon, QKeySequence, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QApplication, QHeaderView, QMenu, QTableView, QWidget

from timeline_app.core.library.columns import LIST_SEPARATOR, TITLE_SEPARATOR
from timeline_app.core.library.table import COLUMNS, TableColumns, prepare_columns

log = logging.getLogger(__name__)

_Index = QModelIndex | QPersistentModelIndex
_LIST_FIELDS = ("countries", "organizations")

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
        self._sort_keys: dict[str, np.ndarray] = {}
        self._ids = np.empty(0, dtype=object)
        self._mask = np.empty(0, dtype=bool)
        self._order = np.empty(0, dtype=np.int64)
        self._row_of_event: dict[str, int] = {}
        self._evidence = np.empty(0, dtype=object)
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._country_names: dict[str, str] = {}
        self._raw_dates = np.empty(0, dtype=object)
        self._hidden = np.empty(0, dtype=bool)
        self._verified = np.empty(0, dtype=bool)

    # -- data in -------------------------------------------------------------------------------

    def set_events(self, df: pd.DataFrame) -> None:
        """Mirror the frame's columns as numpy arrays and show every event."""
        self.set_columns(prepare_columns(df))

    def set_columns(self, cols: TableColumns) -> None:
        """Show columns prepared by prepare_columns (which may run on a worker thread)."""
        self.beginResetModel()
        self._n = cols.n
        self._ids = cols.ids
        self._evidence = cols.evidence
        self._display = cols.display
        self._sort_keys = cols.sort_keys
        self._raw_dates = cols.raw_dates
        self._hidden = cols.hidden
        self._verified = cols.verified
        self._row_of_event = cols.row_of_event
        self._mask = np.ones(self._n, dtype=bool)
        self._order = self._compute_order()
        self.endResetModel()

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
        return visible[order]

    # -- Qt model interface --------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else int(self._order.size)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= self._order.size or index.column() >= len(COLUMNS):
            return None
        col = COLUMNS[index.column()]
        row = int(self._order[index.row()])
        if role == Qt.ItemDataRole.DisplayRole:
            value = self._display[col.field][row]
            if col.numeric:
                return int(value)
            return str(value).replace(LIST_SEPARATOR, ", ") if col.field in _LIST_FIELDS else str(value)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col.field == "event_date":
                notes = [f"{self._raw_dates[row]} (as written: “{self._display['date_text'][row]}”)"]
                if self._verified.size and self._verified[row]:
                    notes.append("verified")
                if self._hidden.size and self._hidden[row]:
                    notes.append("hidden")
                return "\n".join(notes)
            if col.field in ("summary", "date_text"):
                evidence = str(self._evidence[row])
                return evidence or None
            if col.field == "source_titles":
                return str(self._display[col.field][row]).replace(TITLE_SEPARATOR, "\n") or None
            if col.field == "countries":
                return self._country_tooltip(str(self._display[col.field][row]))
            return None
        if role == Qt.ItemDataRole.ForegroundRole and self._hidden.size and self._hidden[row]:
            return QBrush(QColor(128, 128, 128))
        if role == Qt.ItemDataRole.FontRole and self._hidden.size and self._hidden[row]:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.DecorationRole and col.field == "event_date" and self._verified.size \
                and self._verified[row]:
            return _verified_icon()
        if role == Qt.ItemDataRole.TextAlignmentRole and col.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
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

    def _country_tooltip(self, cell: str) -> str | None:
        codes = [c for c in cell.split(LIST_SEPARATOR) if c]
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
        writer.writerow(["event_id"] + [c.field for c in COLUMNS] + ["evidence"])
        for r in sorted(set(rows)):
            fr = int(self._order[r])
            cells = [self._raw_dates[fr] if c.field == "event_date" else self._display[c.field][fr] for c in COLUMNS]
            writer.writerow([self._ids[fr]] + cells + [self._evidence[fr]])
        return buf.getvalue()


def _dense_rank(key: np.ndarray) -> np.ndarray:
    """Integer ranks (equal values share one) so that descending order can be a negated stable sort."""
    _, inverse = np.unique(key, return_inverse=True)
    return inverse.astype(np.int64)


class EventTableView(QTableView):
    """The event table: fixed row height, Ctrl+C copies rows as CSV, a context menu per event."""

    article_requested = Signal(str)  # event_id: "Open article"
    zoom_requested = Signal(str)  # event_id: "Zoom timeline to event"
    current_event_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSortingEnabled(True)
        self.setAlternatingRowColors(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        vh = self.verticalHeader()
        vh.setVisible(False)
        # A fixed row height: ResizeToContents over 100,000 rows takes 20 s.
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(self.fontMetrics().height() + 8)
        hh = self.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        hh.setStretchLastSection(True)
        hh.setSortIndicatorShown(True)
        hh.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        hh.setSectionsMovable(True)
        hh.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        hh.customContextMenuRequested.connect(self._on_header_context_menu_requested)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._on_self_context_menu_requested)
        self.doubleClicked.connect(self._on_self_double_clicked)

        self._current_id = ""
        self.extra_actions: list[QAction | None] = []  # more entries for the context menu (None: separator)
        self.copy_action = QAction("Copy rows as CSV", self)
        self.copy_action.setShortcut(QKeySequence.StandardKey.Copy)
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.copy_action.triggered.connect(self.copy_selection)
        self.addAction(self.copy_action)

    def setModel(self, model: EventTableModel) -> None:  # type: ignore[override]
        super().setModel(model)
        for i, col in enumerate(COLUMNS):
            self.setColumnWidth(i, col.width)
        self.selectionModel().currentRowChanged.connect(self._on_selection_current_row_changed)
        model.modelReset.connect(self._on_model_reset)

    def event_model(self) -> EventTableModel:
        return self.model()  # type: ignore[return-value]

    def selected_rows(self) -> list[int]:
        return sorted({i.row() for i in self.selectionModel().selectedRows()})

    def current_event_id(self) -> str:
        idx = self.currentIndex()
        return self.event_model().event_id(idx.row()) if idx.isValid() else ""

    def copy_selection(self) -> None:
        rows = self.selected_rows()
        if not rows and self.currentIndex().isValid():
            rows = [self.currentIndex().row()]
        if rows:
            QApplication.clipboard().setText(self.event_model().rows_as_csv(rows))

    def select_event(self, event_id: str) -> bool:
        """Make `event_id` the current row and scroll to it; False when it is not shown."""
        self._current_id = event_id
        row = self.event_model().row_of(event_id)
        if row < 0:
            self.clearSelection()
            return False
        if self.currentIndex().isValid() and self.currentIndex().row() == row:
            return True
        self.selectRow(row)
        self.scrollTo(self.event_model().index(row, 0), QAbstractItemView.ScrollHint.PositionAtCenter)
        return True

    def _on_selection_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            event_id = self.event_model().event_id(current.row())
            if event_id != self._current_id:
                self._current_id = event_id
                self.current_event_changed.emit(event_id)

    def _on_model_reset(self) -> None:
        # A reset (filter, sort) drops the selection: keep the user's event selected if still shown.
        if self._current_id:
            row = self.event_model().row_of(self._current_id)
            if row >= 0:
                self.selectRow(row)
                self.scrollTo(self.event_model().index(row, 0), QAbstractItemView.ScrollHint.EnsureVisible)

    def _on_self_double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.article_requested.emit(self.event_model().event_id(index.row()))

    def column_menu(self) -> QMenu:
        """Show or hide columns (the header's context menu); Date and Summary always stay."""
        menu = QMenu("Columns", self)
        for i, col in enumerate(COLUMNS):
            action = menu.addAction(col.header)
            action.setCheckable(True)
            action.setChecked(not self.isColumnHidden(i))
            action.setEnabled(col.field not in ("event_date", "summary"))
            action.toggled.connect(lambda on, i=i: self.setColumnHidden(i, not on))
        return menu

    def _on_header_context_menu_requested(self, pos: object) -> None:
        menu = self.column_menu()
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.horizontalHeader().mapToGlobal(pos))  # type: ignore[arg-type]

    def context_menu(self, event_id: str) -> QMenu:
        """The menu of one event: open its article, zoom to it, the extra actions, copy."""
        menu = QMenu(self)
        menu.addAction("Open article", lambda: self.article_requested.emit(event_id))
        menu.addAction("Zoom timeline to event", lambda: self.zoom_requested.emit(event_id))
        if self.extra_actions:
            menu.addSeparator()
            for action in self.extra_actions:
                if action is None:
                    menu.addSeparator()
                else:
                    menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.copy_action)
        return menu

    def _on_self_context_menu_requested(self, pos: object) -> None:
        idx = self.indexAt(pos)  # type: ignore[arg-type]
        if not idx.isValid():
            return
        if not self.selectionModel().isRowSelected(idx.row(), QModelIndex()):
            self.selectRow(idx.row())
        menu = self.context_menu(self.event_model().event_id(idx.row()))
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.viewport().mapToGlobal(pos))  # type: ignore[arg-type]
