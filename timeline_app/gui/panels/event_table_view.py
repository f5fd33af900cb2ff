"""EventTableView: the event table's selection, context menus, column choice and CSV copy."""

from __future__ import annotations

import logging

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QContextMenuEvent, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QApplication, QHeaderView, QMenu, QTableView, QWidget

from timeline_app.core.library import columns as col
from timeline_app.gui.panels.event_table import COLUMNS, EventTableModel
from timeline_app.gui.text_direction import VisibleStartDelegate

log = logging.getLogger(__name__)

DATE_CELL_PADDING_PX = 14  # the cell's margins either side of its text
DATE_MAX_W = 240  # a longer date ("28 February-6 March 2022, evening") is elided; its tooltip says it whole


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
        # Rows are selected whole: Tab goes on to the next panel (the arrows move through the rows).
        self.setTabKeyNavigation(False)
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
        self.doubleClicked.connect(self._on_self_double_clicked)
        self.setItemDelegate(VisibleStartDelegate(self))

        self._current_id = ""
        self.extra_actions: list[QAction | None] = []  # more entries for the context menu (None: separator)
        self.copy_action = QAction("Copy rows as CSV", self)
        self.copy_action.setShortcut(QKeySequence.StandardKey.Copy)
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.copy_action.triggered.connect(self.copy_selection)
        self.addAction(self.copy_action)

    def setModel(self, model: EventTableModel) -> None:  # type: ignore[override]
        super().setModel(model)
        for i, column in enumerate(COLUMNS):
            self.setColumnWidth(i, column.width)
        # The Date column widens to its longest date ("2021-10-28 afternoon"), until the user sizes it.
        self._date_column = next(i for i, c in enumerate(COLUMNS) if c.field == col.EVENT_DATE)
        self._date_chosen = False
        self._fitting_date = False
        self.horizontalHeader().sectionResized.connect(self._on_header_section_resized)
        model.modelReset.connect(self._fit_date_column)
        self.selectionModel().currentRowChanged.connect(self._on_selection_current_row_changed)
        model.modelReset.connect(self._on_model_reset)
        # After _on_model_reset, which may select the user's event again.
        model.modelReset.connect(self._update_copy_action)
        self.selectionModel().selectionChanged.connect(self._update_copy_action)
        self.selectionModel().currentChanged.connect(self._update_copy_action)
        self._update_copy_action()

    def _fit_date_column(self) -> None:
        if self._date_chosen:
            return
        texts = self.event_model().longest_texts(col.EVENT_DATE)
        fm = self.fontMetrics()
        need = max((fm.horizontalAdvance(t) for t in texts), default=0) + DATE_CELL_PADDING_PX
        if need > self.columnWidth(self._date_column):  # never narrower: a filter does not move the columns
            self._fitting_date = True
            self.setColumnWidth(self._date_column, min(need, DATE_MAX_W))
            self._fitting_date = False

    def _on_header_section_resized(self, section: int, _old: int, _new: int) -> None:
        if section == self._date_column and not self._fitting_date:
            self._date_chosen = True

    def scrollTo(self, index: QModelIndex,  # noqa: N802 - Qt's name
                 hint: QAbstractItemView.ScrollHint = QAbstractItemView.ScrollHint.EnsureVisible) -> None:
        """Up or down to the row; sideways only to a column wholly out of view. Rows are selected whole,
        and a click on a long Summary scrolled the table sideways until the Date column was gone."""
        bar = self.horizontalScrollBar()
        before = bar.value()
        left = self.columnViewportPosition(index.column())
        in_view = left < self.viewport().width() and left + self.columnWidth(index.column()) > 0
        super().scrollTo(index, hint)
        if in_view:
            bar.setValue(before)

    def event_model(self) -> EventTableModel:
        return self.model()  # type: ignore[return-value]

    def selected_rows(self) -> list[int]:
        return sorted({i.row() for i in self.selectionModel().selectedRows()})

    def current_event_id(self) -> str:
        idx = self.currentIndex()
        return self.event_model().event_id(idx.row()) if idx.isValid() else ""

    def _update_copy_action(self, *_args: object) -> None:
        """Copy is offered only when copy_selection has a row to copy."""
        self.copy_action.setEnabled(self.selectionModel().hasSelection() or self.currentIndex().isValid())

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

    def take_focus(self) -> None:
        """Focus the table at its current row, or at the first (selected, so that the Reader shows it)."""
        if self.event_model().rowCount() and not self.currentIndex().isValid():
            self.selectRow(0)
        self.setFocus(Qt.FocusReason.OtherFocusReason)

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
        for i, column in enumerate(COLUMNS):
            action = menu.addAction(column.header)
            action.setCheckable(True)
            action.setChecked(not self.isColumnHidden(i))
            action.setEnabled(column.field not in (col.EVENT_DATE, col.SUMMARY))
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

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        # The Menu key (or Shift+F10) asks for the current row. Qt gives its place in the table's own
        # coordinates, a header's height below the viewport's in which a click gives it: read as a click's,
        # it opened the menu of the row below, and Delete or Merge from it acted on that row.
        if event.reason() == QContextMenuEvent.Reason.Keyboard:
            self._open_row_menu(self.visualRect(self.currentIndex()).center())
        else:
            self._open_row_menu(event.pos())

    def _open_row_menu(self, pos: QPoint) -> None:
        """The menu of the row at `pos` (the viewport's coordinates), that row selected if it was not."""
        idx = self.indexAt(pos)
        if not idx.isValid():
            return
        if not self.selectionModel().isRowSelected(idx.row(), QModelIndex()):
            self.selectRow(idx.row())
        menu = self.context_menu(self.event_model().event_id(idx.row()))
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.viewport().mapToGlobal(pos))
