"""ArticleListModel: the library's articles in two groups (needing a publication date, dated), over numpy columns."""

from __future__ import annotations

import logging

import numpy as np
import pandas as pd
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QIcon

from timeline_app.core.library import columns as col
from timeline_app.gui.panels.issuer_text import issuer_tooltip
from timeline_app.gui.text_direction import cell_alignment

log = logging.getLogger(__name__)

_Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("Title", "Published", "Events", "Source", "Date from", "Added", "Language", "Issuer")
_COL_EVENTS = 2
COL_LANGUAGE = 6
COL_ISSUER = 7
_SOURCE_LABELS = {
    "user": "you", "metadata": "metadata", "text": "article text", "filename": "file name", "none": "—",
}
NEEDS_DATE = "Needs a date"  # short: with its count it fits the panel's first width (239 px)
ARTICLES = "Articles"
GROUPS = (NEEDS_DATE, ARTICLES)  # in this order whatever the sort
_GROUP_FLAGS = Qt.ItemFlag.ItemIsEnabled
_ARTICLE_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_LANGUAGE_TIP = ("The language the dates were read in (ISO 639-1). Select the article and press Ctrl+L to change "
                 "it: its dates are read again.")
_NO_DATE_TIP = "No publication date: relative dates cannot be placed. Select it and press Ctrl+D to give one."


class ArticleListModel(QAbstractTableModel):
    """A group's header row, then its articles when the group is open; sorted and searched with numpy.

    A QTreeWidget item per article took seconds to fill at 20,000 articles, and a tree view walks
    every row of a group it opens; this flat table asks only for the rows on screen, and a sort or
    a search is an argsort or a mask. `_layout` holds, per row, -1 - group for a group's header or
    the article's row in the columns.
    """

    language_edited = Signal(int, str)  # article id, the language code typed in its Language cell

    def __init__(self, warning_icon: QIcon | None = None) -> None:
        super().__init__()
        self._icon = warning_icon
        self.show_hidden_hint = ""  # where hidden events are shown: "Edit > Show hidden events, Ctrl+Shift+H"
        self._set_frame(pd.DataFrame(columns=list(col.ARTICLE_COLUMNS)))
        self._sort = (1, Qt.SortOrder.DescendingOrder)  # newest first
        self._needle = ""
        self.expanded = set(GROUPS)
        self._arrange()

    def _set_frame(self, articles: pd.DataFrame) -> None:
        def text(name: str) -> np.ndarray:
            if name not in articles.columns:
                return np.full(len(articles), "", dtype=object)
            values = articles[name].to_numpy(dtype=object)
            if all(isinstance(v, str) for v in values[:1000].tolist()) and not pd.isna(values).any():
                return values  # as the library reads them
            return np.asarray(["" if v is None or v != v else str(v) for v in values.tolist()], dtype=object)

        self.ids = articles[col.ARTICLE_ID].to_numpy(dtype=np.int64)
        self._title, self._published, self._source = text(col.TITLE), text(col.PUBLISHED), text(col.SOURCE)
        self._date_from = text(col.PUBLISHED_SOURCE)
        self._added = text(col.ADDED_AT)
        url = text(col.URL)
        self._origin = np.where(url != "", url, text(col.SOURCE_PATH))
        self._language, self._issuer = text(col.LANGUAGE), text(col.ISSUER)
        self._issuer_source = text(col.ISSUER_SOURCE)
        self._events = articles[col.EVENT_COUNT].fillna(0).to_numpy(dtype=np.int64)
        self._hidden = (articles[col.HIDDEN_EVENT_COUNT].fillna(0).to_numpy(dtype=np.int64)
                        if col.HIDDEN_EVENT_COUNT in articles.columns else np.zeros(len(articles), dtype=np.int64))
        self._undated = self._published == ""
        self._row_of = {int(a): i for i, a in enumerate(self.ids.tolist())}
        self._haystack: np.ndarray | None = None

    def set_articles(self, articles: pd.DataFrame) -> None:
        self.beginResetModel()
        self._set_frame(articles.reset_index(drop=True))
        self._arrange()
        self.endResetModel()

    def set_search(self, needle: str) -> None:
        """Show only the articles whose title, date, source or file holds `needle` (any case)."""
        self.beginResetModel()
        self._needle = needle.strip().casefold()
        self._arrange()
        self.endResetModel()

    def toggle(self, name: str) -> None:
        """Open or close a group."""
        self.beginResetModel()
        self.expanded ^= {name}
        self._arrange()
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.beginResetModel()
        self._sort = (column, order)
        self._arrange()
        self.endResetModel()

    def _arrange(self) -> None:
        """The groups shown and, in each, its articles (rows of the columns) in the order shown."""
        column, order = self._sort
        keys = (self._title, self._published, self._events, self._source, self._date_from, self._added,
                self._language, self._issuer)
        key = keys[column] if 0 <= column < len(keys) else self.ids
        rank = key if key.dtype != object else (pd.factorize(key, sort=True)[0] if len(key) else key)
        if order == Qt.SortOrder.DescendingOrder and len(rank):
            rank = -np.unique(rank, return_inverse=True)[1].reshape(-1)  # ties keep their order
        rows = np.argsort(rank, kind="stable") if len(rank) else np.zeros(0, dtype=np.int64)
        if self._needle:
            if self._haystack is None:
                self._haystack = np.fromiter((f"{t} {p} {s} {o}".casefold() for t, p, s, o in zip(
                    self._title.tolist(), self._published.tolist(), self._source.tolist(), self._origin.tolist())),
                    dtype=object, count=len(self.ids))
            hay = self._haystack
            rows = rows[np.fromiter((self._needle in hay[r] for r in rows.tolist()), dtype=bool, count=len(rows))]
        self._counts = {NEEDS_DATE: int(self._undated.sum()), ARTICLES: int((~self._undated).sum())}
        self._groups = [(name, rows[self._undated[rows] == (name == NEEDS_DATE)]) for name in GROUPS
                        if self._counts[name]]
        parts = []
        for g, (name, members) in enumerate(self._groups):
            parts.append(np.asarray([-1 - g], dtype=np.int64))
            if name in self.expanded:
                parts.append(members.astype(np.int64))
        self._layout = np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)

    # -- Qt model interface --------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._layout)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return len(COLUMNS)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self._layout[index.row()] < 0:
            return _GROUP_FLAGS
        # The Language cell is edited in place, from the panel's action only (no edit trigger).
        return _ARTICLE_FLAGS | Qt.ItemFlag.ItemIsEditable if index.column() == COL_LANGUAGE else _ARTICLE_FLAGS

    def setData(self, index: _Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """A language typed in a Language cell: said with language_edited (the library reads the
        article again with it; the cell shows it once read)."""
        row = self.article_row(index.row()) if index.isValid() else -1
        code = str(value or "").strip().lower()
        if row < 0 or index.column() != COL_LANGUAGE or role != Qt.ItemDataRole.EditRole or not code:
            return False
        self.language_edited.emit(int(self.ids[row]), code)
        return True

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and section < len(COLUMNS):
            return COLUMNS[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole and section == _COL_EVENTS:
            return "The article's events shown, each once; events you hid are not counted"
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self._layout):
            return None
        row = int(self._layout[index.row()])
        if row < 0:
            return self._group_data(-1 - row, index.column(), role)
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(row, index.column())
        if role == Qt.ItemDataRole.UserRole:
            return int(self.ids[row])
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.column() == 0:
                return f"{self._title[row]}\n{self._origin[row]}" if self._origin[row] else str(self._title[row])
            if index.column() == 1 and self._undated[row]:
                return _NO_DATE_TIP
            if index.column() == COL_LANGUAGE:
                return _LANGUAGE_TIP
            if index.column() == _COL_EVENTS:
                return self._events_tip(row)
            if index.column() == COL_ISSUER:
                return issuer_tooltip(str(self._issuer[row]), str(self._issuer_source[row]) or "none")
        if role == Qt.ItemDataRole.EditRole and index.column() == COL_LANGUAGE:
            return str(self._language[row])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if index.column() == _COL_EVENTS:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return cell_alignment(str(self.cell(row, index.column())))
        return None

    def _events_tip(self, row: int) -> str:
        shown, hidden = int(self._events[row]), int(self._hidden[row])
        tip = f"{shown:,} event{'s' if shown != 1 else ''} of this article shown"
        if hidden:
            hint = f" ({self.show_hidden_hint})" if self.show_hidden_hint else ""
            tip += (f"; {hidden:,} more event{'s' if hidden != 1 else ''} you hid, not counted: "
                    f"Show hidden events{hint} shows {'it' if hidden == 1 else 'them'}")
        return tip

    def _group_data(self, group: int, column: int, role: int) -> object:
        name = self._groups[group][0]
        if role == Qt.ItemDataRole.DisplayRole and column == 0:
            return f"{'▾' if name in self.expanded else '▸'} {name} ({self._counts[name]:,})"
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.DecorationRole and column == 0 and name == NEEDS_DATE:
            return self._icon
        if role == Qt.ItemDataRole.ToolTipRole:
            return "Click to close this group" if name in self.expanded else "Click to open this group"
        return None

    # -- queries -------------------------------------------------------------------------------

    def article_row(self, row: int) -> int:
        """The row in the columns of the article on table row `row` (-1 for a group's header)."""
        r = int(self._layout[row]) if 0 <= row < len(self._layout) else -1
        return r if r >= 0 else -1

    def group_at(self, row: int) -> str:
        """The group whose header is table row `row`, or ""."""
        r = int(self._layout[row]) if 0 <= row < len(self._layout) else 0
        return self._groups[-1 - r][0] if r < 0 else ""

    def group_rows(self) -> list[int]:
        """The table rows of the groups' headers."""
        return np.flatnonzero(self._layout < 0).tolist()

    def cell(self, row: int, column: int) -> object:
        """What an article's cell shows."""
        published = str(self._published[row])
        events = int(self._events[row])
        return (str(self._title[row]) or "(untitled)", published or "—", events if events >= 0 else "",
                str(self._source[row]),
                _SOURCE_LABELS.get(str(self._date_from[row]), str(self._date_from[row])) if published else "",
                str(self._added[row])[:10], str(self._language[row]), str(self._issuer[row]) or "—")[column]

    def group_titles(self) -> list[str]:
        """The groups' headers as shown, without the open or closed mark."""
        return [f"{name} ({self._counts[name]:,})" for name, _rows in self._groups]

    def group_ids(self, name: str) -> list[int]:
        """The articles of a group that the search keeps, in the order shown (open or closed)."""
        rows = next((rows for n, rows in self._groups if n == name), np.zeros(0, dtype=np.int64))
        return self.ids[rows].tolist()

    def undated_ids(self) -> list[int]:
        return self.ids[self._undated].tolist()

    def index_of(self, article_id: int) -> QModelIndex:
        """The index of an article's first column (invalid when it is not shown)."""
        row = self._row_of.get(int(article_id))
        hits = np.flatnonzero(self._layout == row) if row is not None else []
        return self.index(int(hits[0]), 0) if len(hits) else QModelIndex()
