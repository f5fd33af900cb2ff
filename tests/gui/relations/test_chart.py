"""The Relations chart on its own: axes, empty states, hit testing, and files written by the same drawing."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPointF, QSize
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QScrollArea

from tests.core.library.test_relations import WEIGHTS, ten_events
from timeline_app.core.library.filters import FilterSpec
from timeline_app.core.library.periods import MONTH, QUARTER, YEAR
from timeline_app.core.library.relations import Dyad, RelationsIndex, series
from timeline_app.errors import ExportError
from timeline_app.gui.relations import RelationsPanel
from timeline_app.gui.relations.export import export_figure
from timeline_app.gui.relations.figure import EVENTS, REPORTS, BarKey, time_figure
from timeline_app.gui.relations.scales import label_step, nice_ticks, period_label, score_scale


@pytest.fixture()
def index() -> RelationsIndex:
    return RelationsIndex(ten_events(), WEIGHTS)


@pytest.fixture()
def panel(qtbot, index) -> RelationsPanel:
    panel = RelationsPanel()
    qtbot.addWidget(panel)
    panel.resize(640, 420)
    panel.show()
    panel.set_index(index, {"TUR": "Türkiye", "SYR": "Syria"})
    panel.set_filter(np.ones(index.n, dtype=bool), FilterSpec(countries=frozenset({"TUR", "SYR"})))
    return panel


def test_ticks_are_round_and_counts_have_whole_ticks():
    assert nice_ticks(0, 7) == [0, 2, 4, 6, 8]
    assert nice_ticks(0, 2, whole=True) == [0, 1, 2]
    assert nice_ticks(-4, 9, 2) == [-10, 0, 10]
    assert nice_ticks(0, 0) == [0.0, 1.0]


def test_period_labels_fall_on_calendar_steps_and_name_the_year_once():
    assert label_step(MONTH, 40, 30) == 1 and label_step(MONTH, 8, 30) == 6 and label_step(YEAR, 2, 30) == 20
    march = 2023 * 12 + 2
    assert period_label(march, MONTH, 1) == ("Mar", "")
    assert period_label(march, MONTH, 1, first=True) == ("Mar", "2023")
    assert period_label(2023 * 12, MONTH, 3) == ("Jan", "2023")
    assert period_label(2023 * 12, MONTH, 12) == ("2023", "")
    assert period_label(2023 * 4 + 3, QUARTER, 1) == ("Q4", "")


def test_the_panel_says_what_to_do_when_there_is_nothing_to_chart(qtbot, index):
    panel = RelationsPanel()
    qtbot.addWidget(panel)
    panel.show()
    assert "add articles" in panel.chart.message
    panel.set_index(index, {})
    assert panel.figure() is None and "Choose a country" in panel.chart.message
    panel.set_filter(np.zeros(index.n, dtype=bool), FilterSpec(countries=frozenset({"GRC"})))
    assert panel.figure() is None and "No dated events of GRC" in panel.chart.message


def test_ticking_countries_charts_them_and_the_measure_switches_to_reports(panel):
    figure = panel.figure()
    assert figure.series.dyad.codes() == ("SYR", "TUR") and figure.measure == EVENTS
    panel.controls.measure_box.setCurrentIndex(panel.controls.measure_box.findData(REPORTS))
    figure = panel.figure()
    assert figure.measure == REPORTS and figure.values().sum() == figure.series.reports.sum() > figure.series.total
    assert "reports per" in figure.title


def test_every_bar_segment_is_found_where_it_is_drawn(panel):
    panel.controls.set_resolution(MONTH)
    panel.chart.repaint()
    layout = panel.chart.layout_
    s = panel.figure().series
    for i, row in enumerate(s.events):
        x = layout.column(int(s.periods[i])).center().x()
        found = {layout.key_at(QPointF(x, y)) for y in np.arange(layout.plot.top(), layout.plot.bottom(), 0.5)}
        segments = {k.quad for k in found if k is not None and k.quad is not None}
        assert segments == {q for q in range(5) if row[q]}
        assert layout.key_at(QPointF(x, layout.labels_bottom - 2)) == BarKey(int(s.periods[i]))
    assert layout.key_at(QPointF(layout.plot.left() - 5, layout.plot.center().y())) is None


def test_a_dark_desktop_gets_a_dark_chart_and_files_stay_printable(panel, tmp_path):
    palette = panel.palette()
    palette.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#eeeeee"))
    panel.chart.setPalette(palette)
    shown = panel.chart.grab().toImage()
    assert QColor(shown.pixel(3, 3)).lightness() < 60
    path = tmp_path / "chart.png"
    panel.export_image(path)
    written = QImage(str(path))
    assert written.width() == 2 * 960 and QColor(written.pixel(3, 3)).lightness() > 240


def test_a_file_name_without_a_known_suffix_is_refused_with_a_sentence(index, tmp_path):
    figure = time_figure(series(index, np.ones(index.n, dtype=bool), Dyad("TUR"), YEAR), EVENTS, {}, 0)
    with pytest.raises(ExportError, match="choose a .png, .svg or .pdf"):
        export_figure(figure, tmp_path / "chart.gif", QSize(800, 500), RelationsPanel().font())
    with pytest.raises(ExportError, match="no chart to save"):
        RelationsPanel().export_csv(tmp_path / "x.csv")


def test_the_score_axis_keeps_to_its_data_and_zero():
    low, high, ticks = score_scale(-0.3, 11.5, 2)
    assert low < -0.3 and 11.5 < high < 13 and ticks == [0, 10]
    low, high, ticks = score_scale(-18, -2, 2)
    assert high == 0 and low < -18 and 0 in ticks and min(ticks) >= low
    assert score_scale(0, 0, 2)[:2] == (0.0, 1.0)


def test_the_dock_at_its_first_width_shows_every_control_and_its_sentence_whole(qtbot) -> None:
    """325 px: the Relations dock beside the reader at 1024 x 640 and 1440 x 900 (docks.py's defaults)."""
    panel = RelationsPanel()
    qtbot.addWidget(panel)
    panel.resize(325, 240)
    panel.show()
    qtbot.waitExposed(panel)
    scroll = panel.findChild(QScrollArea)
    qtbot.waitUntil(lambda: scroll.viewport().width() > 0)
    assert scroll.horizontalScrollBar().maximum() == 0  # nothing out of sight to the right
    button = panel.controls.export_button
    right = button.mapTo(panel, button.rect().topRight()).x()
    assert button.isVisibleTo(panel) and right <= scroll.viewport().width()
    for combo in (panel.controls.country_a, panel.controls.country_b):  # what they say before a choice
        assert combo.fontMetrics().horizontalAdvance(combo.currentText()) + 30 <= combo.width(), combo.currentText()
