"""FilterPanel: every filter of the window in one dock, emitting one FilterSpec."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Mapping

from PySide6.QtCore import QEvent, QObject, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
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

from timeline_app.core.extract.country_search import CountryNameIndex
from timeline_app.core.languagenames import language_label
from timeline_app.core.library.filters import FilterSpec
from timeline_app.gui.panels.date_filter import DateFilterBox
from timeline_app.gui.panels.filter_widgets import CheckList

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


class FilterPanel(QWidget):
    """Countries (any/all), dates (optionally synced with the timeline view), type, organisation,
    article, precision, minimum sources and free text. Emits `filters_changed(FilterSpec)`."""

    filters_changed = Signal(object)  # FilterSpec
    search_left = Signal()  # Enter or Down in the search box: the user goes on to the events found

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
        self.dates = DateFilterBox()
        self.dates.changed.connect(self._on_any_changed)
        self.dates.changed_later.connect(self._on_any_changed_later)
        self.sync_toggled = self.dates.sync_toggled
        # The dates' widgets by the names the window and its tests have always used.
        self.from_check, self.from_edit = self.dates.from_check, self.dates.from_edit
        self.to_check, self.to_edit = self.dates.to_check, self.dates.to_edit
        self.slider, self.sync_check = self.dates.slider, self.dates.sync_check
        self.uncertain_check = self.dates.uncertain_check
        layout.addWidget(self.dates)
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
        self.text_edit.returnPressed.connect(self._on_text_edit_return_pressed)
        self.text_edit.installEventFilter(self)  # Down: see eventFilter
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
        """See DateFilterBox.set_bounds."""
        self.dates.set_bounds(first, last)

    def clear_date_bounds(self, today: dt.date) -> None:
        """See DateFilterBox.clear_bounds."""
        self.dates.clear_bounds(today)

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
        return self.dates.syncs_with_view()

    def set_view_range(self, start: dt.date, end: dt.date) -> None:
        """Follow the timeline's visible range when 'Sync with timeline view' is on."""
        self.dates.set_view_range(start, end)

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
            date_from=self.dates.date_from(),
            date_to=self.dates.date_to(),
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
            self.text_edit, self.any_radio, self.all_radio, self.min_sources, self.countries, self.types,
            self.organizations, self.precisions, self.languages, *self.dates.signal_sources())]
        self.text_edit.setText(spec.text)
        (self.all_radio if spec.match == "all" else self.any_radio).setChecked(True)
        self.countries.set_checked(spec.countries)
        self.types.set_checked(spec.event_types)
        self.organizations.set_checked(spec.organizations)
        self.precisions.set_checked(spec.precisions or self._precision_keys)
        self.languages.set_checked(spec.languages)
        self.dates.set_dates(spec.date_from, spec.date_to)
        self.min_sources.setValue(spec.min_sources)
        self.uncertain_check.setChecked(spec.uncertain_only)
        del blockers
        self._show_article_ids(spec.article_ids)
        self._emit_timer.stop()
        self._emit()

    def clear(self) -> None:
        """One click: every filter off, the timeline sync too."""
        self.dates.stop_syncing()
        self.countries.search.clear()
        self.organizations.search.clear()
        self.set_spec(FilterSpec())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Down goes on to the events found, as in a list under a search box: the table was a dozen
        # Tab stops away, past every filter.
        if (watched is self.text_edit and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() == Qt.Key.Key_Down and not event.modifiers()):
            self._on_text_edit_return_pressed()
            return True
        return False

    def _on_text_edit_return_pressed(self) -> None:
        self._on_any_changed()  # the filter at once, not after the typing pause
        self.search_left.emit()

    def _on_any_changed(self, *_args: object) -> None:
        self._emit_timer.stop()
        self._emit()

    def _on_any_changed_later(self, *_args: object) -> None:
        self._emit_timer.start()

    def _emit(self) -> None:
        self.filters_changed.emit(self.spec())
