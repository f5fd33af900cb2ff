"""LibraryPanel: the articles of the library, grouped by whether they still need a publication date (ArticleListModel)."""

from __future__ import annotations

import logging

import pandas as pd
from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPoint,
    QSignalBlocker,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QContextMenuEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QStyle,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from timeline_app.gui.panels.article_model import COL_LANGUAGE, ArticleListModel

log = logging.getLogger(__name__)

TITLE_W = 170  # the Title column's first width; it takes more, or less, as the panel's width allows
_TITLE_MIN_W, _TITLE_MAX_W = 80, 320
_FITTED = 3  # Title, Published and Events: what the panel shows whole when it can


class LibraryPanel(QWidget):
    """Search, sort, group; actions on the selected articles go out as signals to the window."""

    article_activated = Signal(int)  # open it in the reader
    remove_requested = Signal(list)  # article ids
    date_requested = Signal(list)  # article ids: ask for their publication date
    filter_requested = Signal(list)  # article ids: show only their events
    languages_changed = Signal(object)  # dict: article id -> the language code the user typed
    issuer_requested = Signal(list)  # article ids: ask who issued them

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        top = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search titles, sources and files")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_search_text_changed)
        top.addWidget(self.search, 1)
        # The count beside the search, not beside the buttons: the panel stays narrow enough for a
        # small window.
        self.count_label = QLabel()
        top.addWidget(self.count_label)
        layout.addLayout(top)

        self.model = ArticleListModel(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning))
        self.tree = QTableView()
        self.tree.setModel(self.model)
        self.tree.verticalHeader().hide()
        self.tree.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.tree.setShowGrid(False)
        self.tree.setWordWrap(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setTabKeyNavigation(False)  # Tab goes on to the next panel, the arrows through the rows
        self.tree.setSortingEnabled(True)
        self.tree.sortByColumn(1, Qt.SortOrder.DescendingOrder)  # newest first
        header = self.tree.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setHighlightSections(False)
        for column, width in enumerate((TITLE_W, 82, 46, 110, 90, 84, 64, 90)):
            self.tree.setColumnWidth(column, width)
        # The panel shares its width with the Filters and is often narrower than the first three
        # columns: the Title gives way so that the date and the event count stay whole.
        self._title_chosen = False  # the user dragged the Title's edge: its width is theirs
        self._fitting = False
        header.sectionResized.connect(self._on_header_section_resized)
        self.tree.viewport().installEventFilter(self)
        self.tree.installEventFilter(self)  # the Menu key's request: see eventFilter
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._on_tree_context_menu_requested)
        self.tree.activated.connect(self._on_tree_activated)
        self.tree.clicked.connect(self._on_tree_clicked)
        self.tree.selectionModel().selectionChanged.connect(self._on_tree_selection_changed)
        self.model.modelReset.connect(self._on_model_reset)
        self.model.language_edited.connect(self._on_model_language_edited)
        # Only the Language cell is edited in place, from the action below, not by a click.
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        layout.addWidget(self.tree, 1)

        # A tool bar, not a row of buttons: when the panel is narrow (it shares its dock's width with
        # the Filters panel) the buttons that do not fit go behind the bar's extension arrow.
        buttons = QToolBar()
        buttons.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.date_action = QAction("Set publication date…", self)
        self.date_action.setShortcut(QKeySequence("Ctrl+D"))
        self.date_action.triggered.connect(lambda: self._emit_selected(self.date_requested))
        self.filter_action = QAction("Show only their events", self)
        self.filter_action.setShortcut(QKeySequence("Ctrl+Shift+A"))
        self.filter_action.triggered.connect(lambda: self._emit_selected(self.filter_requested))
        self.language_action = QAction("Set language…", self)
        self.language_action.setShortcut(QKeySequence("Ctrl+L"))
        self.language_action.triggered.connect(self._on_language_action_triggered)
        self.issuer_action = QAction("Set issuer…", self)
        self.issuer_action.setShortcut(QKeySequence("Ctrl+Shift+I"))
        self.issuer_action.triggered.connect(lambda: self._emit_selected(self.issuer_requested))
        self.remove_action = QAction("Remove from library", self)
        self.remove_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.remove_action.triggered.connect(lambda: self._emit_selected(self.remove_requested))
        # The shortcuts list shows these away from the panel: there they name what they act on.
        for action, name in ((self.date_action, "Articles panel: set the publication date"),
                             (self.language_action, "Articles panel: set the language"),
                             (self.filter_action, "Articles panel: show only their events"),
                             (self.issuer_action, "Articles panel: set the issuer"),
                             (self.remove_action, "Articles panel: remove from the library")):
            action.setProperty("long_name", name)
        self.date_action.setIconText("Set date…")
        self.language_action.setIconText("Language…")
        self.filter_action.setIconText("Only these")
        self.issuer_action.setIconText("Issuer…")
        self.remove_action.setIconText("Remove")
        for action in (self.date_action, self.language_action, self.issuer_action, self.filter_action,
                       self.remove_action):
            action.setToolTip(f"{action.text()} ({action.shortcut().toString()})")
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.setEnabled(False)
            self.addAction(action)
            buttons.addAction(action)
        layout.addWidget(buttons)


    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.tree.viewport():
            self._fit_title()
        # The Menu key (or Shift+F10) asks the table, in the table's own coordinates: read as a click's
        # (the viewport's), the menu opened a header's height below the current row, over the next one.
        if (watched is self.tree and event.type() == QEvent.Type.ContextMenu
                and isinstance(event, QContextMenuEvent) and event.reason() == QContextMenuEvent.Reason.Keyboard):
            self._on_tree_context_menu_requested(self.tree.visualRect(self.tree.currentIndex()).center())
            return True
        return False

    def _fit_title(self) -> None:
        """The Title as wide as the viewport leaves beside Published and Events, within bounds."""
        if self._title_chosen:
            return
        others = sum(self.tree.columnWidth(c) for c in range(1, _FITTED))
        width = max(_TITLE_MIN_W, min(_TITLE_MAX_W, self.tree.viewport().width() - others))
        self._fitting = True
        self.tree.setColumnWidth(0, width)
        self._fitting = False

    def _on_header_section_resized(self, column: int, _old: int, _new: int) -> None:
        if column == 0 and not self._fitting:
            self._title_chosen = True

    def set_articles(self, articles: pd.DataFrame) -> None:
        """Fill from the articles frame (columns.ARTICLE_COLUMNS); selection and open groups survive."""
        selected = self.selected_ids()
        self.model.set_articles(articles)
        self._select(selected, scroll=False)
        n = len(self.model.ids)
        self.count_label.setText(f"{n:,} article{'s' if n != 1 else ''}")

    def show_reading(self, count: int) -> None:
        """While the articles are read: the last read's stay listed; an empty panel says how many come."""
        if not len(self.model.ids):
            self.count_label.setText(f"Reading {count:,} article{'s' if count != 1 else ''}…")

    def needs_date_ids(self) -> list[int]:
        return self.model.undated_ids()

    def selected_ids(self) -> list[int]:
        rows = self.tree.selectionModel().selectedRows()
        return [int(i.data(Qt.ItemDataRole.UserRole)) for i in rows if i.data(Qt.ItemDataRole.UserRole) is not None]

    def select_ids(self, ids: list[int]) -> None:
        self._select(ids, scroll=True)

    def show_current(self, article_id: int) -> None:
        """Mark the article whose text the reader shows (an event was chosen elsewhere), without
        showing it again: the reader already does, at that event's sentence."""
        if self.selected_ids() == [article_id]:
            return
        self._select([article_id], scroll=False)
        index = self.model.index_of(article_id)
        if index.isValid():
            self.tree.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
            self.tree.scrollTo(index)

    def _select(self, ids: list[int], scroll: bool) -> None:
        selection = QItemSelection()
        last = QModelIndex()
        for article_id in ids:
            index = self.model.index_of(article_id)
            if index.isValid():
                selection.select(index, index.siblingAtColumn(self.model.columnCount() - 1))
                last = index
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        if scroll:
            # Cleared first, as a click on another article would: selecting the article already
            # selected shows it in the reader again (its issuer or dates may have changed).
            self.tree.selectionModel().clearSelection()
            self.tree.selectionModel().select(selection, flags)
            if last.isValid():
                self.tree.scrollTo(last)
        else:  # a refill: the same articles stay selected, nothing new to show in the reader
            with QSignalBlocker(self.tree.selectionModel()):
                self.tree.selectionModel().select(selection, flags)
            self.tree.viewport().update()
            self._update_actions()

    def row_texts(self, article_id: int) -> list[str]:
        """What the article's row shows, column by column ([] when it is not shown)."""
        index = self.model.index_of(article_id)
        if not index.isValid():
            return []
        return [str(self.model.cell(self.model.article_row(index.row()), c)) for c in range(self.model.columnCount())]

    def _emit_selected(self, signal: Signal) -> None:
        ids = self.selected_ids()
        if ids:
            signal.emit(ids)

    def _on_search_text_changed(self, text: str) -> None:
        selected = self.selected_ids()
        self.model.set_search(text)
        self._select(selected, scroll=False)

    def _on_model_reset(self) -> None:
        self.tree.clearSpans()
        for row in self.model.group_rows():
            self.tree.setSpan(row, 0, 1, self.model.columnCount())

    def _on_tree_clicked(self, index: QModelIndex) -> None:
        group = self.model.group_at(index.row())
        if group:
            selected = self.selected_ids()
            self.model.toggle(group)
            self._select(selected, scroll=False)

    def _on_tree_activated(self, index: QModelIndex) -> None:
        article_id = index.data(Qt.ItemDataRole.UserRole)
        if article_id is not None:
            self.article_activated.emit(int(article_id))

    def _on_language_action_triggered(self) -> None:
        """Edit the Language cell of the current article; what is typed goes to every selected one."""
        current = self.tree.currentIndex()
        ids = self.selected_ids()
        if not (current.isValid() and self.model.article_row(current.row()) >= 0
                and self.tree.selectionModel().isRowSelected(current.row())):
            current = self.model.index_of(ids[0]) if ids else current
        if current.isValid() and self.model.article_row(current.row()) >= 0:
            cell = current.siblingAtColumn(COL_LANGUAGE)
            self.tree.selectionModel().setCurrentIndex(cell, QItemSelectionModel.SelectionFlag.NoUpdate)
            self.tree.edit(cell)

    def _on_model_language_edited(self, article_id: int, code: str) -> None:
        ids = set(self.selected_ids()) | {article_id}
        self.languages_changed.emit({i: code for i in sorted(ids)})

    def _update_actions(self) -> None:
        ids = self.selected_ids()
        for action in (self.date_action, self.language_action, self.issuer_action, self.filter_action,
                       self.remove_action):
            action.setEnabled(bool(ids))

    def _on_tree_selection_changed(self, *_args: object) -> None:
        self._update_actions()
        ids = self.selected_ids()
        if len(ids) == 1:
            self.article_activated.emit(ids[0])

    def _on_tree_context_menu_requested(self, pos: QPoint) -> None:
        """The actions on the selected articles, at `pos` in the viewport's coordinates."""
        if not self.selected_ids():
            return
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addAction(self.date_action)
        menu.addAction(self.language_action)
        menu.addAction(self.issuer_action)
        menu.addAction(self.filter_action)
        menu.addSeparator()
        menu.addAction(self.remove_action)
        menu.popup(self.tree.viewport().mapToGlobal(pos))

