"""RelationsPanel: the Relations dock's controls and chart, following the filters, the selection and the timeline.

Why the chart is drawn with QPainter rather than a charting library (measured on this machine,
PySide6 6.11.3, Python 3.11, `python -X importtime`):
- QtCharts imports in 2.6 ms on top of QtWidgets and pulls in neither QtQml nor QtQuick, but it loads
  Qt6OpenGL and Qt6OpenGLWidgets, must be bundled for PyInstaller, and is deprecated since Qt 6.10
  ("use Qt Graphs instead"); its category axis writes every label, unreadable at 200 months.
- QtGraphs' widget (QtGraphsWidgets) is a Qt Quick scene: importing it loads QtQml, QtQuick,
  QtQuickWidgets and QtNetwork (135 ms instead of 75 ms), what the package leaves out.
- pyqtgraph and matplotlib are not installed: either would be a new dependency of some megabytes
  for two bar charts, and pyqtgraph writes no PDF.
Stacked bars, a line, axes and a legend are some 300 lines of QPainter calls: nothing to import,
sharp at any device pixel ratio (the painter works in logical pixels), and one drawing serves the
screen, PNG, SVG (QSvgGenerator) and PDF (QPdfWriter) alike, as the timeline's own painter does.
The net cooperation score has its own strip under the bars, sharing their time axis, instead of a
second y axis over them: two scales on one plot are easily misread.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
from PySide6.QtCore import QSignalBlocker, QSize, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QScrollArea, QVBoxLayout, QWidget

from timeline_app.core.daycount import date_to_days, days_to_date, format_day
from timeline_app.core.library.filters import FilterSpec
from timeline_app.core.library.periods import auto_resolution, first_day, last_day, period_title
from timeline_app.core.library.relations import (
    QUAD_NAMES, Dyad, RelationsIndex, partner_rows, partners, series, series_rows,
)
from timeline_app.core.library.export import write_relations_csv
from timeline_app.core.library.relations_export import partners_frame, series_frame
from timeline_app.errors import ExportError
from timeline_app.gui.relations.chart import Figure, RelationsChart
from timeline_app.gui.relations.controls import AUTO, PARTNERS, RelationsControls
from timeline_app.gui.relations.export import export_figure
from timeline_app.gui.relations.figure import BarKey, PartnersFigure, TimeFigure, partners_figure, time_figure
from timeline_app.gui.relations.partners_chart import MAX_ROW

log = logging.getLogger(__name__)

EXPORT_SIZE = QSize(960, 600)  # at least, in logical pixels: a dock's size makes a cramped slide
PARTNERS_FRAME = 150  # the partners chart's title, legend, scale and footer, about


@dataclass(frozen=True)
class Choice:
    """The events behind a bar the user clicked: rows of the events frame, their dates, and what they are."""

    rows: np.ndarray
    first: dt.date
    last: dt.date
    label: str


class RelationsPanel(QWidget):
    """Events of one country or a pair over time, or a country's partners, among the filtered events.

    The window gives it the library's RelationsIndex (`set_index`), every new filter mask
    (`set_filter`), the countries of a selected event (`show_event_countries`) and the timeline's
    range (`set_view_range`). Emits `events_chosen(Choice | None)` when a bar is clicked (None: the
    click was beside the bars, or on the bar already chosen: show every filtered event again).
    Emits `chart_available(bool)` whenever what has_chart() says may have changed.
    """

    events_chosen = Signal(object)
    chart_available = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controls = RelationsControls()
        self.chart = RelationsChart()
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(0)
        layout.addWidget(self.controls)
        layout.addWidget(self.chart, 1)
        # In a small window the dock may be smaller than the controls and chart: they scroll rather
        # than push the reader and table beside it (the window's 900x600 layout keeps its room).
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self._index: RelationsIndex | None = None
        self._names: dict[str, str] = {}
        self._mask = np.empty(0, dtype=bool)
        self._spec = FilterSpec()
        self._span: tuple[int, int] | None = None
        self._dirty = True
        self.controls.changed.connect(self._on_controls_changed)
        self.chart.bar_clicked.connect(self._on_chart_bar_clicked)
        self.chart.bar_double_clicked.connect(self._on_chart_bar_double_clicked)

    # -- what the window tells it --------------------------------------------------------------

    def set_index(self, index: RelationsIndex, names: Mapping[str, str]) -> None:
        """A library was read: its events, their countries and the countries' names."""
        self._index = index
        self._names = dict(names)
        self._mask = np.ones(index.n, dtype=bool)
        self.controls.set_countries(index.codes, self._names)
        self._refresh(clear_choice=True)

    def set_filter(self, mask: np.ndarray, spec: FilterSpec, keep_choice: bool = False) -> None:
        """The events the filters keep; one or two countries ticked there become the chart's.

        `keep_choice`: the table still shows the bar chosen (its dates followed a pan): it stays marked.
        """
        same = np.array_equal(mask, self._mask) and spec == self._spec
        ticked = spec.countries != self._spec.countries and 1 <= len(spec.countries) <= 2
        self._mask, self._spec = np.asarray(mask, dtype=bool), spec
        if ticked:
            codes = sorted(spec.countries, key=lambda c: (c != self.controls.dyad().a, c))
            self.controls.set_dyad(Dyad(*codes))
        if not same or ticked:
            self._refresh(clear_choice=not keep_choice)
        elif not keep_choice and self.chart.chosen is not None:
            self.chart.set_chosen(None)

    def show_event_countries(self, codes: list[str]) -> None:
        """An event was selected: chart its countries, unless the chart's country or pair is among them."""
        dyad = self.controls.dyad()
        if not codes or set(dyad.codes()) <= set(codes) and dyad.a:
            return
        if dyad.a in codes:
            others = [c for c in codes if c != dyad.a]
            new = Dyad(dyad.a, others[0] if len(others) == 1 else "")
        else:
            new = Dyad(codes[0], codes[1] if len(codes) == 2 else "")
        self.controls.set_dyad(new)
        self._refresh(clear_choice=True)

    def set_view_range(self, start: dt.date, end: dt.date) -> None:
        """The timeline's range: the chart's time axis when it follows the timeline."""
        self._span = (date_to_days(start), date_to_days(end))
        if self.controls.follows_timeline():
            self._refresh(clear_choice=False)

    def follows_timeline(self) -> bool:
        return self.controls.follows_timeline()

    # -- the chart ------------------------------------------------------------------------------

    def figure(self) -> Figure | None:
        return self.chart.figure

    def has_chart(self) -> bool:
        """A chart can be saved: one is shown, or (the dock hidden, its chart not computed) a country is
        chosen among events of the library; False when the dock has, or would have, nothing to chart."""
        if self._index is None or self._index.n == 0 or not self.controls.dyad().a:
            return False
        return self._dirty or self.chart.figure is not None

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._dirty:
            self._refresh(clear_choice=False)

    def _refresh(self, clear_choice: bool) -> None:
        if clear_choice:
            self.chart.set_chosen(None)
        if not self.isVisible():
            self._dirty = True  # hidden docks cost nothing: computed when shown
        else:
            self._dirty = False
            figure, message = self._compute()
            self.chart.pair = self.controls.dyad().b
            self.chart.set_figure(figure, message)
        self.chart_available.emit(self.has_chart())

    def _compute(self) -> tuple[Figure | None, str]:
        index, dyad = self._index, self.controls.dyad()
        if index is None or index.n == 0:
            return None, "No dated events yet: add articles to the library."
        if not dyad.a:
            return None, ("Choose a country above, tick one or two in Filters, or select an event: "
                          "its relations are charted here.")
        span = self._span if self.controls.follows_timeline() else None
        undated = index.undated_count(dyad if self.controls.view() != PARTNERS else Dyad(dyad.a), self._spec)
        if self.controls.view() == PARTNERS:
            found = partners(index, self._mask, dyad.a, span)
            if not found.total:
                return None, f"No events of {dyad.label(self._names)} among the events shown."
            return partners_figure(found, self.controls.measure(), self._names, undated, self._range_text(span)), ""
        by = self.controls.resolution()
        if by == AUTO:
            extent = span or index.extent(index.dyad_rows(dyad, self._mask))
            by = auto_resolution(*extent) if extent else "year"
        s = series(index, self._mask, dyad, by, span)
        if not s.total and not s.too_coarse:
            return None, f"No dated events of {dyad.label(self._names)} among the events shown."
        return time_figure(s, self.controls.measure(), self._names, undated), ""

    def _range_text(self, span: tuple[int, int] | None) -> str:
        if span is not None:
            return f"{format_day(span[0])} to {format_day(span[1])}"
        spec = self._spec
        if spec.date_from or spec.date_to:
            a = spec.date_from.isoformat() if spec.date_from else "…"
            b = spec.date_to.isoformat() if spec.date_to else "…"
            return f"{a} to {b}"
        return ""

    # -- clicks -----------------------------------------------------------------------------------

    def _on_chart_bar_clicked(self, key: BarKey | None) -> None:
        if key is None or key == self.chart.chosen:
            if self.chart.chosen is not None:
                self.chart.set_chosen(None)
                self.events_chosen.emit(None)
            return
        choice = self.choice(key)
        if choice is None:
            return
        self.chart.set_chosen(key)
        self.events_chosen.emit(choice)

    def choice(self, key: BarKey) -> Choice | None:
        """The events a bar (or one colour of it) counts, as a click on it chooses them."""
        index, fig = self._index, self.chart.figure
        if index is None or fig is None:
            return None
        dyad = self.controls.dyad()
        quad = f", {QUAD_NAMES[key.quad].lower()}" if key.quad is not None else ""
        if key.period is not None and isinstance(fig, TimeFigure):
            by = fig.series.by
            rows = series_rows(index, self._mask, dyad, by, key.period, key.quad)
            first, last = days_to_date(first_day(key.period, by)), days_to_date(last_day(key.period, by))
            label = f"{dyad.label(self._names)}, {period_title(key.period, by)}{quad}"
        elif key.partner:
            span = self._span if self.controls.follows_timeline() else None
            rows = partner_rows(index, self._mask, dyad.a, key.partner, span, key.quad)
            if not len(rows):
                return None
            first, last = days_to_date(int(index.start_day[rows].min())), days_to_date(int(index.end_day[rows].max()))
            label = f"{Dyad(dyad.a, key.partner).label(self._names)}{quad}"
        else:
            return None
        return Choice(rows, first, last, label)

    def _on_chart_bar_double_clicked(self, key: BarKey) -> None:
        if key.partner:  # a partner: its relations with the country over time
            with QSignalBlocker(self.controls):
                self.controls.set_dyad(Dyad(self.controls.dyad().a, key.partner))
                self.controls.set_view_over_time()
            self._refresh(clear_choice=True)

    def _on_controls_changed(self) -> None:
        if self.chart.chosen is not None:
            self.events_chosen.emit(None)  # the bar chosen is gone: every filtered event again
        self._refresh(clear_choice=True)

    # -- exports ----------------------------------------------------------------------------------

    def export_image(self, path: str | Path) -> None:
        """Save the chart shown as PNG, SVG or PDF (by the suffix), with its title, legend and footer."""
        figure = self._shown()
        size = QSize(max(self.chart.width(), EXPORT_SIZE.width()), max(self.chart.height(), EXPORT_SIZE.height()))
        if isinstance(figure, PartnersFigure):  # as tall as its rows: no blank page under three partners
            size.setHeight(min(size.height(), int(PARTNERS_FRAME + MAX_ROW * len(figure.partners.codes))))
        export_figure(figure, path, size, self.font())

    def numbers(self) -> pd.DataFrame:
        """The numbers of the chart shown (columns.RELATION_COLUMNS); ExportError when there is no chart."""
        figure = self._shown()
        if isinstance(figure, TimeFigure):
            return series_frame(figure.series)
        span = self._span if self.controls.follows_timeline() else None
        return partners_frame(figure.partners, self._range_text(span).replace(" to ", "/") or "all")

    def export_csv(self, path: str | Path) -> int:
        """Save the numbers of the chart shown; rows written."""
        return write_relations_csv(self.numbers(), path)

    def _shown(self) -> Figure:
        if self._dirty:
            self._refresh(clear_choice=False)
        if self.chart.figure is None:
            raise ExportError(f"There is no chart to save: {self.what_to_chart()}")
        return self.chart.figure

    def what_to_chart(self) -> str:
        """What the user can do in the dock (or the filters) to get a chart, in words naming the control."""
        dyad = self.controls.dyad()
        if self._index is None or self._index.n == 0:
            return "add articles with dated events to the library first."
        if not dyad.a:
            return ("choose a country in the Country box at the top of the Relations panel (View > Relations), "
                    "or tick one or two countries in Filters.")
        return (f"{dyad.label(self._names)} has no dated events among those shown: choose another country in "
                "the Relations panel's Country box, or clear the filters that hide its events.")

    def suggested_name(self) -> str:
        """A file name for the chart shown: relations-TUR-SYR-month, partners-TUR."""
        figure, dyad = self.chart.figure, self.controls.dyad()
        if isinstance(figure, TimeFigure):
            return "-".join(["relations", *dyad.codes(), figure.series.by])
        return f"partners-{dyad.a}" if dyad.a else "relations"
