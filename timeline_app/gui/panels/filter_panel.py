"""FilterPanel: every filter of the window in one dock, emitting one FilterSpec."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Mapping

from PySide6.QtCore import QDate, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from timeline_app.core.daycount import date_to_days, days_to_date
from timeline_app.core.extract.country_search import CountryNameIndex
from timeline_app.core.languagenames import language_label
from timeline_app.core.library.filters import FilterSpec
from timeline_app.gui.panels.filter_widgets import CheckList, RangeSlider

log = logging.getLogger(__name__)


PRECISION_LABELS: dict[str, str] = {
    "time": "Time of day",
    "day": "Day",
    "week": "Week",
    "weekend": "Weekend",
    "month": "Month",
    "quarter": "Quarter",
    "season": "Season",
    "half": "Half year",
    "year": "Year",
    "decade": "Decade",
    "century": "Century",
}


def _qdate(d: dt.date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> dt.date:
    return dt.date(q.year(), q.month(), q.day())


class FilterPanel(QWidget):
    """Countries (any/all), dates (optionally synced with the timeline view), type, organisation,
    article, precision, minimum sources and free text. Emits `filters_changed(FilterSpec)`."""

    filters_changed = Signal(object)  # FilterSpec
    sync_toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._article_ids: frozenset[int] = frozenset()
        self._precision_keys: list[str] = []
        self._emit_timer = QTimer(self)
        self._emit_timer.setSingleShot(True)
        self._emit_timer.setInterval(150)  # typing in a search box: one filter pass per pause
        self._emit_timer.timeout.connect(self._emit)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(4, 4, 4, 4)
        outer.addLayout(self._search_row())
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        # No Tab stop of its own: it showed no focus, and it scrolls to whichever filter Tab reaches.
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        layout.addWidget(self._countries_box(), 4)
        layout.addWidget(self._dates_box())
        self.types = self._check_list(layout, "Event type", CheckList(), max_rows=8)
        self.organizations = self._check_list(layout, "Organisations",
                                              CheckList("Find an organisation", searchable=True), max_rows=6)
        self.precisions = self._check_list(layout, "Date precision shown", CheckList(), max_rows=11)
        self.precisions.empty_text = "no events yet"
        self.languages = self._check_list(layout, "Language of the articles", CheckList(), max_rows=7)
        layout.addWidget(self._sources_box())
        layout.addStretch(1)

    def _search_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.text_edit = QLineEdit()
        self.text_edit.setPlaceholderText("Search summaries and evidence")
        self.text_edit.setClearButtonEnabled(True)
        self.text_edit.textChanged.connect(self._on_any_changed_later)
        row.addWidget(self.text_edit, 1)
        self.clear_button = QPushButton("Clear filters")
        self.clear_button.setToolTip("Show every event again")
        self.clear_button.clicked.connect(self.clear)
        row.addWidget(self.clear_button)
        return row

    def _countries_box(self) -> QGroupBox:
        """Checked countries, and whether an event needs any or all of them."""
        box = QGroupBox("Countries")
        layout = QVBoxLayout(box)
        match_row = QHBoxLayout()
        match_row.addWidget(QLabel("Match"))
        self.any_radio = QRadioButton("any")
        self.all_radio = QRadioButton("all")
        self.any_radio.setToolTip("Events that involve at least one of the checked countries")
        self.all_radio.setToolTip("Events that involve every checked country (e.g. Turkey and Syria)")
        self.any_radio.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.any_radio)
        group.addButton(self.all_radio)
        self.any_radio.toggled.connect(self._on_any_changed)
        match_row.addWidget(self.any_radio)
        match_row.addWidget(self.all_radio)
        match_row.addWidget(QLabel("checked"))
        match_row.addStretch(1)
        layout.addLayout(match_row)
        self.countries = CheckList("Find a country: name, adjective or ISO code", searchable=True)
        # Every name the gazetteer knows: "Turkey" finds Türkiye (TUR). Built at the first search.
        self.countries.finder = lambda text: CountryNameIndex.default().find(text)
        self.countries.list.setMinimumHeight(160)
        self.countries.changed.connect(self._on_any_changed)
        layout.addWidget(self.countries)
        return box

    def _dates_box(self) -> QGroupBox:
        """From and To, the slider between the library's first and last event, the timeline sync."""
        box = QGroupBox("Dates")
        form = QFormLayout(box)
        self.from_check = QCheckBox("From")
        self.from_edit = QDateEdit()
        self.to_check = QCheckBox("To")
        self.to_edit = QDateEdit()
        for check, edit in ((self.from_check, self.from_edit), (self.to_check, self.to_edit)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDateRange(QDate(1, 1, 1), QDate(9999, 12, 31))
            edit.setEnabled(False)
            check.toggled.connect(edit.setEnabled)
            check.toggled.connect(self._sync_slider)
            check.toggled.connect(self._on_any_changed)
            edit.dateChanged.connect(self._on_date_edit_changed)
            form.addRow(check, edit)
        self.slider = RangeSlider()
        self.slider.range_changed.connect(self._on_slider_range_changed)
        self.slider.range_released.connect(self._on_slider_range_released)
        form.addRow(self.slider)
        self.sync_check = QCheckBox("Sync with timeline view")
        self.sync_check.setToolTip("Keep the date range equal to the part of the timeline on screen")
        self.sync_check.toggled.connect(self._on_sync_check_toggled)
        form.addRow(self.sync_check)
        self.uncertain_check = QCheckBox("Uncertain dates only (≈)")
        self.uncertain_check.setToolTip("Only events whose date the words leave open, such as “next Friday” "
                                        "told on a Wednesday: marked ≈ in the table, outlined dashed on the timeline")
        self.uncertain_check.toggled.connect(self._on_any_changed)
        form.addRow(self.uncertain_check)
        return box

    def _check_list(self, layout: QVBoxLayout, title: str, check_list: CheckList, max_rows: int) -> CheckList:
        box = QGroupBox(title)
        QVBoxLayout(box).addWidget(check_list)
        check_list.max_rows = max_rows
        check_list.changed.connect(self._on_any_changed)
        layout.addWidget(box)
        return check_list

    def _sources_box(self) -> QGroupBox:
        """How many articles an event needs, and the articles chosen in the library panel."""
        box = QGroupBox("Sources and articles")
        form = QFormLayout(box)
        self.min_sources = QSpinBox()
        self.min_sources.setRange(0, 999)
        self.min_sources.setSpecialValueText("any")
        self.min_sources.setToolTip("Only events reported by at least this many articles")
        self.min_sources.valueChanged.connect(self._on_any_changed)
        form.addRow("At least sources", self.min_sources)
        article_row = QHBoxLayout()
        self.article_label = QLabel("all articles")
        article_row.addWidget(self.article_label, 1)
        self.article_clear = QToolButton()
        self.article_clear.setText("All")
        self.article_clear.setToolTip("Show events from every article again")
        self.article_clear.clicked.connect(lambda: self.set_article_ids(frozenset()))
        self.article_clear.setEnabled(False)
        article_row.addWidget(self.article_clear)
        form.addRow("Articles", article_row)
        return box

    # -- options from the data -----------------------------------------------------------------

    def set_countries(self, counts: Mapping[str, int], names: Mapping[str, str]) -> None:
        """Countries as 'Name (ISO)  (count)', most frequent first; checked ones stay checked."""
        keys = set(counts) | self.countries.checked()
        rows = sorted(keys, key=lambda k: (-counts.get(k, 0), names.get(k, k)))
        self.countries.set_items(
            (k, f"{names.get(k, k)} ({k})" if names.get(k, k) != k else k, counts.get(k, 0)) for k in rows
        )

    def set_event_types(self, counts: Mapping[str, int]) -> None:
        self.types.set_items((k, k or "(no type)", n) for k, n in sorted(counts.items(), key=lambda kv: -kv[1]))

    def set_organizations(self, counts: Mapping[str, int], names: Mapping[str, str] | None = None) -> None:
        """Organisations by what news call them: an acronym as it is ("NATO"), a code made of words
        ("ARAB_LEAGUE") by its name in `names`; most frequent first."""
        keys = set(counts) | self.organizations.checked()
        rows = sorted(keys, key=lambda k: (-counts.get(k, 0), k))
        self.organizations.set_items(
            (k, (names or {}).get(k, k) if "_" in k else k, counts.get(k, 0)) for k in rows)

    def set_precisions(self, counts: Mapping[str, int]) -> None:
        """Precisions present in the library; all shown (checked) unless the user unticked some."""
        order = list(PRECISION_LABELS)
        keys = sorted(counts, key=lambda k: order.index(k) if k in order else len(order))
        hidden = set(self._precision_keys) - self.precisions.checked()
        self._precision_keys = keys
        self.precisions.set_items(((k, PRECISION_LABELS.get(k, k), counts[k]) for k in keys),
                                  checked=(k for k in keys if k not in hidden))

    def set_languages(self, counts: Mapping[str, int]) -> None:
        """The languages of the library's articles (ISO 639-1), most events first; checked ones stay."""
        keys = set(counts) | self.languages.checked()
        rows = sorted(keys, key=lambda k: (-counts.get(k, 0), k))
        self.languages.set_items((k, language_label(k), counts.get(k, 0)) for k in rows)

    def set_date_bounds(self, first: int, last: int) -> None:
        """Start the date fields at the library's first and last event (day numbers of core.daycount:
        the slider spans them, whatever the year), unless the user set them."""
        self.slider.set_bounds(first, last)
        self._sync_slider()
        with QSignalBlocker(self.from_edit), QSignalBlocker(self.to_edit):
            if not self.from_check.isChecked():
                self.from_edit.setDate(_qdate(days_to_date(first)))
            if not self.to_check.isChecked():
                self.to_edit.setDate(_qdate(days_to_date(last)))

    def set_article_ids(self, ids: Iterable[int], label: str = "") -> None:
        """Only events from these articles (the library's "Show only these articles' events")."""
        self._show_article_ids(ids, label)
        self._on_any_changed()

    def _show_article_ids(self, ids: Iterable[int], label: str = "") -> None:
        self._article_ids = frozenset(int(i) for i in ids)
        if self._article_ids:
            n = len(self._article_ids)
            self.article_label.setText(label or f"{n} selected article{'s' if n != 1 else ''}")
        else:
            self.article_label.setText("all articles")
        self.article_clear.setEnabled(bool(self._article_ids))

    def scroll_to_checked(self) -> None:
        """Bring the checked rows of each list into view, so that filters set earlier are seen at once."""
        for check_list in (self.countries, self.types, self.organizations):
            check_list.scroll_to_checked()

    def focus_search(self) -> None:
        """Put the cursor in the search box, its text selected (Edit > Search events)."""
        self.text_edit.setFocus()
        self.text_edit.selectAll()

    # -- the timeline's view -------------------------------------------------------------------

    def syncs_with_view(self) -> bool:
        """True when the dates follow the timeline's visible range."""
        return self.sync_check.isChecked()

    def set_view_range(self, start: dt.date, end: dt.date) -> None:
        """Follow the timeline's visible range when 'Sync with timeline view' is on."""
        if not self.sync_check.isChecked():
            return
        with QSignalBlocker(self.from_check), QSignalBlocker(self.to_check), \
                QSignalBlocker(self.from_edit), QSignalBlocker(self.to_edit):
            self.from_check.setChecked(True)
            self.to_check.setChecked(True)
            self.from_edit.setDate(_qdate(start))
            self.to_edit.setDate(_qdate(end))
        self._sync_slider()
        self._on_any_changed_later()

    def _on_sync_check_toggled(self, on: bool) -> None:
        for w in (self.from_check, self.to_check, self.from_edit, self.to_edit, self.slider):
            w.setEnabled(not on)
        if not on:
            self.from_edit.setEnabled(self.from_check.isChecked())
            self.to_edit.setEnabled(self.to_check.isChecked())
        self.sync_toggled.emit(on)

    # -- the spec ------------------------------------------------------------------------------

    def spec(self) -> FilterSpec:
        precisions = self.precisions.checked()
        if set(self._precision_keys) <= precisions:
            precisions = frozenset()  # everything allowed: no precision filter at all
        elif not precisions:
            precisions = frozenset({"__none__"})  # the user unticked every precision: show nothing
        return FilterSpec(
            countries=self.countries.checked(),
            match="all" if self.all_radio.isChecked() else "any",
            date_from=_pydate(self.from_edit.date()) if self.from_check.isChecked() else None,
            date_to=_pydate(self.to_edit.date()) if self.to_check.isChecked() else None,
            event_types=self.types.checked(),
            organizations=self.organizations.checked(),
            article_ids=self._article_ids,
            precisions=precisions,
            languages=self.languages.checked(),
            min_sources=int(self.min_sources.value()),
            text=self.text_edit.text().strip(),
            uncertain_only=self.uncertain_check.isChecked(),
        )

    def set_spec(self, spec: FilterSpec) -> None:
        """Show `spec` in the widgets (used by tests and by restoring a saved view)."""
        blockers = [QSignalBlocker(w) for w in (
            self.text_edit, self.any_radio, self.all_radio, self.from_check, self.to_check,
            self.from_edit, self.to_edit, self.min_sources, self.countries, self.types,
            self.organizations, self.precisions, self.languages, self.uncertain_check)]
        self.text_edit.setText(spec.text)
        (self.all_radio if spec.match == "all" else self.any_radio).setChecked(True)
        self.countries.set_checked(spec.countries)
        self.types.set_checked(spec.event_types)
        self.organizations.set_checked(spec.organizations)
        self.precisions.set_checked(spec.precisions or self._precision_keys)
        self.languages.set_checked(spec.languages)
        for check, edit, value in ((self.from_check, self.from_edit, spec.date_from),
                                   (self.to_check, self.to_edit, spec.date_to)):
            check.setChecked(value is not None)
            edit.setEnabled(value is not None and not self.sync_check.isChecked())
            if value is not None:
                edit.setDate(_qdate(value))
        self.min_sources.setValue(spec.min_sources)
        self.uncertain_check.setChecked(spec.uncertain_only)
        del blockers
        self._sync_slider()
        self._show_article_ids(spec.article_ids)
        self._emit_timer.stop()
        self._emit()

    def clear(self) -> None:
        """One click: every filter off, the timeline sync too."""
        with QSignalBlocker(self.sync_check):
            self.sync_check.setChecked(False)
        self._on_sync_check_toggled(False)
        self.countries.search.clear()
        self.organizations.search.clear()
        self.set_spec(FilterSpec())

    def _on_any_changed(self, *_args: object) -> None:
        self._emit_timer.stop()
        self._emit()

    def _on_any_changed_later(self, *_args: object) -> None:
        self._emit_timer.start()

    def _on_date_edit_changed(self, _date: QDate) -> None:
        # Typing a date fires on every digit: wait for a pause.
        self._sync_slider()
        self._on_any_changed_later()

    def _sync_slider(self, *_args: object) -> None:
        low = date_to_days(_pydate(self.from_edit.date())) if self.from_check.isChecked() else self.slider.minimum
        high = date_to_days(_pydate(self.to_edit.date())) if self.to_check.isChecked() else self.slider.maximum
        self.slider.set_range(low, high)

    def _on_slider_range_changed(self, low: int, high: int) -> None:
        # Dates follow the handles at once; the filter runs when the handle stops (or is let go).
        with QSignalBlocker(self.from_check), QSignalBlocker(self.to_check), \
                QSignalBlocker(self.from_edit), QSignalBlocker(self.to_edit):
            self.from_check.setChecked(low > self.slider.minimum)
            self.to_check.setChecked(high < self.slider.maximum)
            self.from_edit.setEnabled(self.from_check.isChecked())
            self.to_edit.setEnabled(self.to_check.isChecked())
            self.from_edit.setDate(_qdate(days_to_date(low)))
            self.to_edit.setDate(_qdate(days_to_date(high)))
        self._on_any_changed_later()

    def _on_slider_range_released(self, _low: int, _high: int) -> None:
        self._on_any_changed()

    def _emit(self) -> None:
        self.filters_changed.emit(self.spec())
