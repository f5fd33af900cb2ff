"""The Relations dock's controls: the country or pair, the view, the periods, the measure, following the timeline."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QGridLayout, QHBoxLayout, QLabel, QMenu, QTabBar, QToolButton, QWidget,
)

from timeline_app.core.library.periods import RESOLUTIONS
from timeline_app.core.library.relations import Dyad
from timeline_app.gui.relations.figure import EVENTS, MEASURES

log = logging.getLogger(__name__)

AUTO = "auto"
OVER_TIME = "over_time"
PARTNERS = "partners"
IMAGE = "image"
CSV = "csv"


class RelationsControls(QWidget):
    """Emits `changed` when the user changes anything, `export_requested("image" | "csv")` from the Export menu."""

    changed = Signal()
    export_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.country_a = QComboBox()
        self.country_b = QComboBox()
        for combo in (self.country_a, self.country_b):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(6)  # a long name cut in the closed box, whole in its list
        self.country_a.setToolTip("The country charted (ticking one or two countries in Filters, or selecting "
                                  "an event, sets it too)")
        self.country_b.setToolTip("Its counterpart: only the events that name both; 'All partners' for every event "
                                  "of the first country")
        self.views = QTabBar()
        self.views.addTab("Over time")
        self.views.addTab("Partners")
        self.views.setExpanding(False)
        self.views.setUsesScrollButtons(False)
        self.resolution_box = QComboBox()
        self.resolution_box.addItem("Auto", AUTO)
        for by in RESOLUTIONS:
            self.resolution_box.addItem(f"{by.capitalize()}s", by)
        self.resolution_box.setToolTip("Bars per month, quarter or year; Auto takes the finest that fits the range")
        self.measure_box = QComboBox()
        for key, name in MEASURES.items():
            self.measure_box.addItem(name, key)
        self.measure_box.setToolTip("Events (each counted once) or the articles that reported them")
        self.follow_check = QCheckBox("Follow timeline")
        self.follow_check.setToolTip("The chart's time axis shows the timeline's range as you pan and zoom")
        self.export_button = QToolButton()
        self.export_button.setText("Export")
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.export_button)
        self.image_action = QAction("Chart as image (PNG, SVG, PDF)…", menu)
        self.csv_action = QAction("Numbers as CSV…", menu)
        menu.addAction(self.image_action)
        menu.addAction(self.csv_action)
        self.export_button.setMenu(menu)
        self._layout()
        self.set_countries([], {})
        self.country_a.currentIndexChanged.connect(self._on_country_a_current_index_changed)
        self.country_b.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.views.currentChanged.connect(self._on_views_current_changed)
        self.resolution_box.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.measure_box.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.follow_check.toggled.connect(lambda _on: self.changed.emit())
        self.image_action.triggered.connect(lambda: self.export_requested.emit(IMAGE))
        self.csv_action.triggered.connect(lambda: self.export_requested.emit(CSV))

    def _layout(self) -> None:
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(4)
        grid.addWidget(QLabel("Country"), 0, 0)
        grid.addWidget(self.country_a, 0, 1)
        grid.addWidget(QLabel("with"), 0, 2)
        grid.addWidget(self.country_b, 0, 3)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        row = QHBoxLayout()
        row.setSpacing(6)
        for widget in (self.resolution_box, self.measure_box, self.follow_check):
            row.addWidget(widget)
        row.addStretch(1)
        grid.addLayout(row, 1, 0, 1, 4)
        # Export beside the tabs, not at the end of the row above: at the dock's first width (325 px)
        # that row has no room left for it.
        tabs = QHBoxLayout()
        tabs.addWidget(self.views)  # tabs over the chart: what it shows
        tabs.addStretch(1)
        tabs.addWidget(self.export_button)
        grid.addLayout(tabs, 2, 0, 1, 4)

    def set_countries(self, codes: Iterable[str], names: Mapping[str, str]) -> None:
        """The countries the library's events name, listed by name; the choice is kept when it still exists."""
        dyad = self.dyad()
        entries = sorted(((names.get(c, c), c) for c in codes), key=lambda e: e[0].casefold())
        with QSignalBlocker(self.country_a), QSignalBlocker(self.country_b):
            self.country_a.clear()
            self.country_b.clear()
            self.country_a.addItem("Choose one", "")  # beside "Country": short enough for the dock's first width
            self.country_b.addItem("All partners", "")
            for name, code in entries:
                self.country_a.addItem(f"{name} ({code})", code)
                self.country_b.addItem(f"{name} ({code})", code)
        self.set_dyad(dyad)

    def dyad(self) -> Dyad:
        a = self.country_a.currentData() or ""
        b = self.country_b.currentData() or ""
        return Dyad(a, b if b != a else "")

    def set_dyad(self, dyad: Dyad) -> None:
        """Show `dyad` without emitting `changed` (the caller redraws); codes not listed are left out."""
        with QSignalBlocker(self.country_a), QSignalBlocker(self.country_b):
            self.country_a.setCurrentIndex(max(self.country_a.findData(dyad.a), 0))
            self.country_b.setCurrentIndex(max(self.country_b.findData(dyad.b), 0) if dyad.a else 0)

    def view(self) -> str:
        return PARTNERS if self.views.currentIndex() == 1 else OVER_TIME

    def set_view_over_time(self) -> None:
        self.views.setCurrentIndex(0)

    def set_view_partners(self) -> None:
        self.views.setCurrentIndex(1)

    def resolution(self) -> str:
        return str(self.resolution_box.currentData())

    def set_resolution(self, by: str) -> None:
        self.resolution_box.setCurrentIndex(max(self.resolution_box.findData(by), 0))

    def measure(self) -> str:
        return str(self.measure_box.currentData() or EVENTS)

    def follows_timeline(self) -> bool:
        return self.follow_check.isChecked()

    def _on_country_a_current_index_changed(self, _index: int) -> None:
        if self.country_b.currentData() == self.country_a.currentData():
            with QSignalBlocker(self.country_b):
                self.country_b.setCurrentIndex(0)
        self.changed.emit()

    def _on_views_current_changed(self, _index: int) -> None:
        # Periods mean nothing to the partners chart: their box is greyed there.
        self.resolution_box.setEnabled(self.view() != PARTNERS)
        self.changed.emit()
