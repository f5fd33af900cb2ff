"""How the docks share the window: the first sizes, and where the room a resized window gives or takes goes."""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

from timeline_app.core.timeline.layout import AXIS_H, LEGEND_H

log = logging.getLogger(__name__)

LEFT, RIGHT = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
# The timeline shows five lanes even in a small window: a lane with a span row and a row of points
# is about 36 px high, 40 leaves room for one a little taller.
_FIRST_LANES_PX = 5 * 40
_TABLE_MIN_H = 150  # the table keeps a few rows when the timeline is given its five lanes


class DockSizes(QObject):
    """Sizes the docks of `window`: the filters narrow, the timeline tall enough for five lanes, the
    table wider than the reader. When the window grows, the docks on the left keep their width and
    the timeline, table and reader take the room; when it shrinks below the width at which the left
    side was sized, that side shrinks in proportion, and it comes back when the window grows again.

    Given the window, its docks, and the timeline's canvas (the part that shows lanes).
    """

    def __init__(self, window: QMainWindow, docks: tuple[QDockWidget, ...], filters: QDockWidget,
                 articles: QDockWidget, timeline: QDockWidget, table: QDockWidget, reader: QDockWidget,
                 timeline_canvas: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._docks = docks
        self._filters, self._articles = filters, articles
        self._timeline, self._table, self._reader = timeline, table, reader
        self._canvas = timeline_canvas
        self._side_width = 0  # the left side's width the user chose (or the first sizes gave)
        self._side_window = 0  # the window's width when it was chosen
        self._window_width = 0  # the window's width the docks are laid out for
        self._window_height = 0
        self._following = False  # a window resize is being followed: the docks' sizes are Qt's meanwhile
        self._side_pad = 0  # what resizeDocks must be asked for beyond a dock's width
        window.installEventFilter(self)
        for dock in (filters, articles):
            dock.installEventFilter(self)

    def apply_defaults(self) -> None:
        """The first start's sizes (and View > Reset layout's); the left side is remembered once laid out."""
        window = self._window
        w = window.width()
        h = self._timeline.height() + self._table.height()  # the right side's height
        narrowest = max(d.minimumSizeHint().width() for d in (self._filters, self._articles))
        left = max(min(360, int(w * 0.24)), narrowest)
        window.resizeDocks([self._filters, self._timeline], [left, w - left], Qt.Orientation.Horizontal)
        timeline = max(int(h * 0.45), self._timeline_needs())
        window.resizeDocks([self._timeline, self._table], [timeline, h - timeline], Qt.Orientation.Vertical)
        rest = w - left
        window.resizeDocks([self._table, self._reader], [int(rest * 0.58), int(rest * 0.42)],
                           Qt.Orientation.Horizontal)
        self.remember_later()

    def chosen(self) -> tuple[int, int]:
        """The left side's width the user chose and the window's width then (kept between sessions)."""
        return self._side_width, self._side_window

    def restore_chosen(self, side_width: int, side_window: int) -> None:
        """The left side's width of the last session (chosen()), laid out by apply_chosen."""
        if side_width > 0 and side_window > 0:
            self._side_width, self._side_window = side_width, side_window

    def apply_chosen(self) -> None:
        """After a saved layout is restored: the left side at the width the user chose (less, in
        proportion, in a narrower window). Qt's restoreState shares a window wider than the saved one
        equally between the left and right docks, so the filters took half of a bigger screen."""
        left, right = self._side_docks()
        if left is None or right is None or not self._side_width:
            self.remember_later()
            return
        width = self._window.width()
        asked = self._side_target(width) + self._side_pad
        self._window.resizeDocks([left, right], [asked, width - asked], Qt.Orientation.Horizontal)
        QTimer.singleShot(0, lambda: self._on_chosen_applied(width))

    def _on_chosen_applied(self, width: int) -> None:
        if self._window.width() == width and self._learnt_pad(width):
            # Without it each session that restored the layout lost those pixels from the user's width.
            self.apply_chosen()
            return
        # The choice stays the user's (and its window's width): a narrower window gives it back when it grows.
        self._window_width, self._window_height = self._window.width(), self._window.height()

    def settled(self) -> bool:
        """True once the first sizes are laid out and no window resize is being followed."""
        return bool(self._window_width) and not self._following

    def remember_later(self) -> None:
        """Take the left side's width as the user's once the layout has the sizes (its request is posted)."""
        QTimer.singleShot(0, self._remember)

    def _timeline_needs(self) -> int:
        """The timeline dock's height that shows five lanes: its title, overview and margins, and the canvas."""
        chrome = self._timeline.height() - self._canvas.height()
        return chrome + AXIS_H + _FIRST_LANES_PX + LEGEND_H

    # -- following the window --------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self._window_width:
            if watched is self._window:
                if not self._following:
                    self._following = True
                    QTimer.singleShot(0, self._follow_window)
            elif not self._following and self._window.width() == self._window_width:
                self._remember()  # the user moved the splitter, or opened or closed a dock
        return False

    def _side_docks(self) -> tuple[QDockWidget | None, QDockWidget | None]:
        """A dock shown on the left and one on the right, docked (not floating); None where there is none."""
        def shown(area: Qt.DockWidgetArea) -> QDockWidget | None:
            return next((d for d in self._docks if d.isVisible() and not d.isFloating()
                         and self._window.dockWidgetArea(d) == area), None)
        return shown(LEFT), shown(RIGHT)

    def _remember(self) -> None:
        left, _right = self._side_docks()
        self._side_width = left.width() if left is not None else 0
        self._side_window = self._window_width = self._window.width()
        self._window_height = self._window.height()

    def _side_target(self, width: int) -> int:
        if width >= self._side_window or not self._side_window:
            return self._side_width
        return round(self._side_width * width / self._side_window)

    def _learnt_pad(self, width: int) -> bool:
        """Whether the left side just missed its width at this window width, the miss now learnt: the
        caller asks again. resizeDocks sizes the dock area, half a splitter wider than the dock (a few
        pixels, by style): learnt once, so that a window resized many times keeps the width exactly."""
        left, _right = self._side_docks()
        miss = self._side_target(width) - left.width() if left is not None and self._side_width else 0
        if 0 < abs(miss) <= 8 and self._side_pad == 0:
            self._side_pad = miss
            return True
        return False

    def _follow_window(self) -> None:
        """The left side at its width (less, in proportion, in a narrower window); the timeline
        given its five lanes again if a lower window took them."""
        left, right = self._side_docks()
        width, height = self._window.width(), self._window.height()
        if left is not None and right is not None and self._side_width:
            asked = self._side_target(width) + self._side_pad
            self._window.resizeDocks([left, right], [asked, width - asked], Qt.Orientation.Horizontal)
        timeline, table = self._timeline, self._table
        if height < self._window_height and timeline.isVisible() and table.isVisible() \
                and not timeline.isFloating() and not table.isFloating():
            needs, total = self._timeline_needs(), timeline.height() + table.height()
            if timeline.height() < needs and total - needs >= _TABLE_MIN_H:
                self._window.resizeDocks([timeline, table], [needs, total - needs], Qt.Orientation.Vertical)
        QTimer.singleShot(0, lambda: self._on_window_followed(width, height))

    def _on_window_followed(self, width: int, height: int) -> None:
        if (self._window.width(), self._window.height()) != (width, height):  # resized again meanwhile
            self._follow_window()
            return
        if self._learnt_pad(width):
            self._follow_window()
            return
        self._window_width, self._window_height = width, height
        self._following = False
