"""Widgets of the filter panel: a checkable list with search and counts, and a two-handle range slider."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, QSignalBlocker, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from timeline_app.core.extract.country_search import fold

log = logging.getLogger(__name__)

_KEY = Qt.ItemDataRole.UserRole
_LABEL = Qt.ItemDataRole.UserRole + 1
_COUNT = Qt.ItemDataRole.UserRole + 2
_FOLDED = Qt.ItemDataRole.UserRole + 3  # the label as the search compares it
_FOUND_BY = Qt.ItemDataRole.UserRole + 4  # another name of the item that the search matched

Finder = Callable[[str], Mapping[str, str]]  # search text -> {key: the name of the item it matched}


class CheckList(QWidget):
    """A checkable list with an optional search box; items keep their check across refills.

    The search ignores case and accents and matches within the labels; `finder`, when set, finds
    items by other names too (a country by its aliases), and the name that matched is shown.
    Checked items stay in the list whatever is searched.
    """

    changed = Signal()

    def __init__(self, placeholder: str = "", searchable: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        self.search = QLineEdit()
        self.search.setPlaceholderText(placeholder)
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_search_text_changed)
        self.search.setVisible(searchable)
        self.search.installEventFilter(self)
        layout.addWidget(self.search)
        self.list = QListWidget()
        self.list.setUniformItemSizes(True)
        self.list.itemChanged.connect(self._on_list_item_changed)
        layout.addWidget(self.list)
        self._checked: set[str] = set()
        self.empty_text = "none in this library"
        self.max_rows = 0  # > 0: the list's height follows its rows, up to this many
        self.finder: Finder | None = None

    def set_items(self, items: Iterable[tuple[str, str, int | None]], checked: Iterable[str] | None = None) -> None:
        """Fill with (key, label, count) rows; previously checked keys stay checked, unless `checked`
        gives the keys to check instead (without emitting `changed`)."""
        if checked is not None:
            self._checked = set(checked)
        with QSignalBlocker(self.list):
            self.list.clear()
            for key, label, count in items:
                item = QListWidgetItem()
                item.setData(_KEY, key)
                item.setData(_LABEL, label)
                item.setData(_COUNT, count)
                item.setData(_FOLDED, fold(label))
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if key in self._checked else Qt.CheckState.Unchecked)
                if count == 0:
                    item.setForeground(self.palette().placeholderText())
                _show_text(item)
                self.list.addItem(item)
            if self.list.count() == 0:
                placeholder = QListWidgetItem(self.empty_text)
                placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
                self.list.addItem(placeholder)
        self._apply_search()
        self._fit_height()

    def _fit_height(self) -> None:
        # Short lists (types, precisions) take the room they need; long ones scroll within a cap.
        if self.max_rows <= 0:
            return
        rows = min(max(self.list.count(), 1), self.max_rows)
        row_h = self.list.sizeHintForRow(0) if self.list.count() else self.list.fontMetrics().height() + 4
        self.list.setFixedHeight(rows * row_h + 2 * self.list.frameWidth() + 4)

    def update_counts(self, counts: Mapping[str, int]) -> None:
        """New counts in place: the order and the scroll position stay where the user left them."""
        with QSignalBlocker(self.list):
            for i in range(self.list.count()):
                item = self.list.item(i)
                key = item.data(_KEY)
                if key is None:
                    continue
                count = counts.get(key, 0)
                item.setData(_COUNT, count)
                _show_text(item)
                item.setForeground(self.palette().placeholderText() if count == 0 else self.palette().text())

    def checked(self) -> frozenset[str]:
        return frozenset(self._checked)

    def set_checked(self, keys: Iterable[str]) -> None:
        self._checked = set(keys)
        with QSignalBlocker(self.list):
            for i in range(self.list.count()):
                item = self.list.item(i)
                key = item.data(_KEY)
                if key is not None:
                    item.setCheckState(Qt.CheckState.Checked if key in self._checked else Qt.CheckState.Unchecked)
        self.changed.emit()

    def scroll_to_checked(self) -> None:
        """Bring the first checked row into view, so that a filter set earlier can be seen at once."""
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.data(_KEY) in self._checked and not item.isHidden():
                self.list.scrollToItem(item, QAbstractItemView.ScrollHint.PositionAtTop)
                return

    def item_for(self, key: str) -> QListWidgetItem | None:
        for i in range(self.list.count()):
            if self.list.item(i).data(_KEY) == key:
                return self.list.item(i)
        return None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Down or Enter in the search box goes on to the rows found, as under any search box; they were
        # a Tab away, and the row Tab landed on was the top one (French Polynesia for "fran", by count).
        if (watched is self.search and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier):
            return self.go_to_found()
        return False

    def go_to_found(self) -> bool:
        """Focus the list on the row the search text names best: the first whose label starts with it,
        else the first whose label holds it, else the first shown. False when no row is shown."""
        needle = fold(self.search.text().strip())
        shown = [self.list.item(i) for i in range(self.list.count())
                 if not self.list.item(i).isHidden() and self.list.item(i).data(_KEY) is not None]
        if not shown:
            return False
        best = next((item for item in shown if item.data(_FOLDED).startswith(needle)), None) \
            or next((item for item in shown if needle in item.data(_FOLDED)), shown[0])
        self.list.setCurrentItem(best)
        self.list.scrollToItem(best)
        self.list.setFocus(Qt.FocusReason.ShortcutFocusReason)
        return True

    def _on_list_item_changed(self, item: QListWidgetItem) -> None:
        key = item.data(_KEY)
        if key is None:
            return
        if item.checkState() == Qt.CheckState.Checked:
            self._checked.add(key)
        else:
            self._checked.discard(key)
        self.changed.emit()

    def _on_search_text_changed(self, _text: str) -> None:
        self._apply_search()

    def _apply_search(self) -> None:
        text = self.search.text().strip()
        needle = fold(text)
        found = self.finder(text) if self.finder is not None and needle else {}
        with QSignalBlocker(self.list):
            for i in range(self.list.count()):
                item = self.list.item(i)
                key = item.data(_KEY)
                if key is None:  # "none in this library"
                    item.setHidden(bool(needle))
                    continue
                by_label = needle in item.data(_FOLDED)
                found_by = found.get(key, "") if needle and not by_label else ""
                item.setHidden(bool(needle) and not (by_label or found_by or key in self._checked))
                if found_by != (item.data(_FOUND_BY) or ""):
                    item.setData(_FOUND_BY, found_by)
                    _show_text(item)


def _show_text(item: QListWidgetItem) -> None:
    """"Türkiye (TUR)  (16)", and the name the search found it by: "— “Turkey”"."""
    count, found_by = item.data(_COUNT), item.data(_FOUND_BY)
    text = item.data(_LABEL) if count is None else f"{item.data(_LABEL)}  ({count})"
    item.setText(f"{text}  — “{found_by}”" if found_by else text)
    item.setToolTip(f"Found by its name “{found_by}”" if found_by else "")


class RangeSlider(QWidget):
    """Two handles on one groove: a range of days between `minimum` and `maximum` (day numbers of core.daycount)."""

    range_changed = Signal(int, int)  # while dragging
    range_released = Signal(int, int)  # when a handle is let go

    HANDLE = 12

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.minimum, self.maximum = 0, 1
        self.low, self.high = 0, 1
        self._drag: str | None = None
        self.setMinimumHeight(self.HANDLE + 10)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setToolTip("Drag the handles to narrow the date range")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def sizeHint(self) -> QSize:
        return QSize(200, self.HANDLE + 10)

    def set_bounds(self, minimum: int, maximum: int) -> None:
        self.minimum, self.maximum = int(minimum), max(int(maximum), int(minimum) + 1)
        self.set_range(self.low, self.high)

    def set_range(self, low: int, high: int) -> None:
        self.low = min(max(int(low), self.minimum), self.maximum)
        self.high = min(max(int(high), self.low), self.maximum)
        self.update()

    def x_of(self, value: int) -> float:
        """The x of a handle standing at `value`."""
        span = self.width() - self.HANDLE
        return self.HANDLE / 2 + span * (value - self.minimum) / (self.maximum - self.minimum)

    def _value(self, x: float) -> int:
        span = max(self.width() - self.HANDLE, 1)
        frac = min(max((x - self.HANDLE / 2) / span, 0.0), 1.0)
        return int(round(self.minimum + frac * (self.maximum - self.minimum)))

    def paintEvent(self, _event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        mid = self.height() / 2
        groove = QRectF(self.HANDLE / 2, mid - 2, self.width() - self.HANDLE, 4)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(pal.mid())
        p.drawRoundedRect(groove, 2, 2)
        x0, x1 = self.x_of(self.low), self.x_of(self.high)
        p.setBrush(pal.highlight() if self.isEnabled() else pal.mid())
        p.drawRect(QRectF(x0, mid - 2, x1 - x0, 4))
        p.setPen(pal.dark().color())
        p.setBrush(pal.button())
        for x in (x0, x1):
            p.drawEllipse(QPointF(x, mid), self.HANDLE / 2, self.HANDLE / 2)
        p.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        x = event.position().x()
        x0, x1 = self.x_of(self.low), self.x_of(self.high)
        self._drag = "low" if abs(x - x0) <= abs(x - x1) and not (x0 == x1 and x > x1) else "high"
        self.mouseMoveEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag is None:
            return
        value = self._value(event.position().x())
        if self._drag == "low":
            self.set_range(min(value, self.high), self.high)
        else:
            self.set_range(self.low, max(value, self.low))
        self.range_changed.emit(self.low, self.high)

    def mouseReleaseEvent(self, _event: QMouseEvent) -> None:
        if self._drag is not None:
            self._drag = None
            self.range_released.emit(self.low, self.high)
