"""Which way a text runs: right to left when most of its letters are Arabic or Hebrew, and how a cell aligns it."""

from __future__ import annotations

import logging
import unicodedata

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QAbstractItemView, QStyledItemDelegate, QStyleOptionViewItem

log = logging.getLogger(__name__)

# Absolute: a right-to-left text starts at the right edge even in a window laid out left to right,
# where a plain AlignRight would be mirrored to the left under a right-to-left locale.
RTL_CELL = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter)


def right_to_left(text: str, sample: int = 4000) -> bool:
    """Whether most letters of `text` are of right-to-left scripts (Unicode bidi classes R and AL)."""
    rtl = ltr = 0
    for c in text[:sample]:
        kind = unicodedata.bidirectional(c)
        if kind in ("R", "AL"):
            rtl += 1
        elif kind == "L":
            ltr += 1
    return rtl > ltr


def cell_alignment(text: str) -> int | None:
    """The alignment of a table cell holding `text`: flush right for a right-to-left text, where
    its first word is; None (the view's own, flush left) for any other."""
    return RTL_CELL if right_to_left(text, sample=400) else None


class VisibleStartDelegate(QStyledItemDelegate):
    """Lays a right-to-left cell's text out in the part of the cell in view: flush right in a cell wider
    than the view (a long Summary) put its first words beyond the view's right edge, out of sight."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        view = option.widget
        if index.data(Qt.ItemDataRole.TextAlignmentRole) == RTL_CELL and isinstance(view, QAbstractItemView):
            option = QStyleOptionViewItem(option)
            option.rect = option.rect.intersected(view.viewport().rect())
        super().paint(painter, option, index)
