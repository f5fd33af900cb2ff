"""LibraryPanel: the articles of the library, grouped by whether they still need a publication date."""

from __future__ import annotations

import logging

import pandas as pd
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QStyle,
    QToolBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from timeline_app.gui.panels.issuer_text import issuer_tooltip

log = logging.getLogger(__name__)

_ID = Qt.ItemDataRole.UserRole
COLUMNS = ("Title", "Published", "Events", "Source", "Date from", "Added", "Language", "Issuer")
_COL_EVENTS = 2
COL_LANGUAGE = 6
COL_ISSUER = 7
_SOURCE_LABELS = {
    "user": "you", "metadata": "metadata", "text": "article text", "filename": "file name", "none": "—",
}
NEEDS_DATE = "Needs a publication date"
ARTICLES = "Articles"


class _GroupItem(QTreeWidgetItem):
    """A group header; "Needs a publication date" stays on top whatever the sort column and order."""

    def __init__(self, rank: int) -> None:
        super().__init__()
        self.rank = rank

    def __lt__(self, other: QTreeWidgetItem) -> bool:
        if isinstance(other, _GroupItem):
            tree = self.treeWidget()
            descending = tree is not None and tree.header().sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
            return (self.rank > other.rank) if descending else (self.rank < other.rank)
        return super().__lt__(other)


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

        self.tree = QTreeWidget()
        self.tree.setColumnCount(len(COLUMNS))
        self.tree.setHeaderLabels(list(COLUMNS))
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setSortingEnabled(True)
        self.tree.sortByColumn(1, Qt.SortOrder.DescendingOrder)  # newest first
        header = self.tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for col, width in enumerate((170, 82, 46, 110, 90, 84, 64, 90)):
            self.tree.setColumnWidth(col, width)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._on_tree_context_menu_requested)
        self.tree.itemActivated.connect(self._on_tree_item_activated)
        self.tree.itemSelectionChanged.connect(self._on_tree_item_selection_changed)
        self.tree.itemChanged.connect(self._on_tree_item_changed)
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

        self._groups: dict[str, _GroupItem] = {}
        self._items: dict[int, QTreeWidgetItem] = {}

    def set_articles(self, articles: pd.DataFrame) -> None:
        """Fill from Library.articles_frame(); selection and open groups survive the refill."""
        selected = set(self.selected_ids())
        expanded = {name for name, g in self._groups.items() if g.isExpanded()} or {NEEDS_DATE, ARTICLES}
        self.tree.blockSignals(True)
        self.tree.setSortingEnabled(False)
        self.tree.clear()
        self._items = {}
        self._groups = {}
        for rank, name in enumerate((NEEDS_DATE, ARTICLES)):
            group = _GroupItem(rank)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            if name == NEEDS_DATE:
                group.setIcon(0, self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning))
            self.tree.addTopLevelItem(group)
            group.setFirstColumnSpanned(True)
            self._groups[name] = group
        for row in articles.itertuples(index=False):
            article_id = int(row.article_id)
            published = str(row.published or "")
            item = QTreeWidgetItem()
            item.setText(0, str(row.title) or "(untitled)")
            item.setText(1, published or "—")
            item.setText(3, str(row.source or ""))
            item.setText(4, _SOURCE_LABELS.get(str(row.published_source), str(row.published_source))
                         if published else "")
            item.setData(_COL_EVENTS, Qt.ItemDataRole.DisplayRole, int(row.event_count))
            item.setTextAlignment(_COL_EVENTS, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setText(5, str(row.added_at or "")[:10])
            item.setText(COL_LANGUAGE, str(getattr(row, "language", "") or ""))
            item.setToolTip(COL_LANGUAGE, "The language the dates were read in (ISO 639-1). Select the "
                                          "article and press Ctrl+L to change it: its dates are read again.")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            issuer = str(getattr(row, "issuer", "") or "")
            item.setText(COL_ISSUER, issuer or "—")
            item.setToolTip(COL_ISSUER, issuer_tooltip(issuer, str(getattr(row, "issuer_source", "none"))))
            origin = str(row.url or row.source_path or "")
            item.setToolTip(0, f"{row.title}\n{origin}" if origin else str(row.title))
            if not published:
                item.setToolTip(1, "No publication date: relative dates cannot be placed. "
                                   "Select it and press Ctrl+D to give one.")
            item.setData(0, _ID, article_id)
            self._groups[NEEDS_DATE if not published else ARTICLES].addChild(item)
            self._items[article_id] = item
            item.setSelected(article_id in selected)
        for name, group in self._groups.items():
            group.setText(0, f"{name} ({group.childCount()})")
            group.setHidden(group.childCount() == 0)
            group.setExpanded(name in expanded)
        self.tree.setSortingEnabled(True)
        n = len(self._items)
        self.count_label.setText(f"{n} article{'s' if n != 1 else ''}")
        self.tree.blockSignals(False)
        self._apply_search()
        self._update_actions()

    def needs_date_ids(self) -> list[int]:
        group = self._groups.get(NEEDS_DATE)
        if group is None:
            return []
        return [int(group.child(i).data(0, _ID)) for i in range(group.childCount())]

    def selected_ids(self) -> list[int]:
        return [int(i.data(0, _ID)) for i in self.tree.selectedItems() if i.data(0, _ID) is not None]

    def select_ids(self, ids: list[int]) -> None:
        self.tree.clearSelection()
        for article_id in ids:
            item = self._items.get(article_id)
            if item is not None:
                item.setSelected(True)
                self.tree.scrollToItem(item)

    def item(self, article_id: int) -> QTreeWidgetItem | None:
        return self._items.get(article_id)

    def _emit_selected(self, signal: Signal) -> None:
        ids = self.selected_ids()
        if ids:
            signal.emit(ids)

    def _on_search_text_changed(self, _text: str) -> None:
        self._apply_search()

    def _apply_search(self) -> None:
        needle = self.search.text().strip().casefold()
        for item in self._items.values():
            hay = " ".join(item.text(c) for c in (0, 1, 3)) + " " + item.toolTip(0)
            item.setHidden(bool(needle) and needle not in hay.casefold())

    def _on_tree_item_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        article_id = item.data(0, _ID)
        if article_id is not None:
            self.article_activated.emit(int(article_id))

    def _update_actions(self) -> None:
        ids = self.selected_ids()
        for action in (self.date_action, self.language_action, self.issuer_action, self.filter_action,
                       self.remove_action):
            action.setEnabled(bool(ids))

    def _on_language_action_triggered(self) -> None:
        """Edit the Language cell of the current article; what is typed goes to every selected one."""
        item = self.tree.currentItem()
        if item is None or item.data(0, _ID) is None or not item.isSelected():
            ids = self.selected_ids()
            item = self._items.get(ids[0]) if ids else None
        if item is not None:
            self.tree.editItem(item, COL_LANGUAGE)

    def _on_tree_item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if column != COL_LANGUAGE or item.data(0, _ID) is None:
            return
        code = item.text(COL_LANGUAGE).strip().lower()
        ids = set(self.selected_ids()) | {int(item.data(0, _ID))}
        if code:
            self.languages_changed.emit({article_id: code for article_id in sorted(ids)})

    def _on_tree_item_selection_changed(self) -> None:
        self._update_actions()
        ids = self.selected_ids()
        if len(ids) == 1:
            self.article_activated.emit(ids[0])

    def _on_tree_context_menu_requested(self, pos: object) -> None:
        if not self.selected_ids():
            return
        menu = QMenu(self)
        menu.addAction(self.date_action)
        menu.addAction(self.language_action)
        menu.addAction(self.issuer_action)
        menu.addAction(self.filter_action)
        menu.addSeparator()
        menu.addAction(self.remove_action)
        menu.popup(self.tree.viewport().mapToGlobal(pos))  # type: ignore[arg-type]
