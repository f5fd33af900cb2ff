"""DateFilterBox: the filter panel's dates, From and To, the slider between them and the timeline sync."""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCore import QDate, QSignalBlocker, Signal
from PySide6.QtWidgets import QCheckBox, QDateEdit, QFormLayout, QGroupBox, QWidget

from timeline_app.core.daycount import date_to_days, days_to_date
from timeline_app.gui.panels.filter_widgets import RangeSlider

log = logging.getLogger(__name__)


def _qdate(d: dt.date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> dt.date:
    return dt.date(q.year(), q.month(), q.day())


class DateFilterBox(QGroupBox):
    """From and To, the slider between the library's first and last event, the timeline sync and the
    uncertain dates. `changed` asks for the filter at once, `changed_later` after a pause in typing."""

    changed = Signal()
    changed_later = Signal()
    sync_toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Dates", parent)
        form = QFormLayout(self)
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
        self.slider.range_released.connect(self._on_any_changed)
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

    def signal_sources(self) -> tuple[QWidget, ...]:
        """The widgets whose signals set_dates and set_spec must block."""
        return (self.from_check, self.to_check, self.from_edit, self.to_edit, self.uncertain_check)

    def date_from(self) -> dt.date | None:
        return _pydate(self.from_edit.date()) if self.from_check.isChecked() else None

    def date_to(self) -> dt.date | None:
        return _pydate(self.to_edit.date()) if self.to_check.isChecked() else None

    def set_dates(self, date_from: dt.date | None, date_to: dt.date | None) -> None:
        """Show these dates (None: no bound) without asking for the filter; the caller blocks signals."""
        for check, edit, value in ((self.from_check, self.from_edit, date_from),
                                   (self.to_check, self.to_edit, date_to)):
            check.setChecked(value is not None)
            edit.setEnabled(value is not None and not self.sync_check.isChecked())
            if value is not None:
                edit.setDate(_qdate(value))
        self._sync_slider()

    def set_bounds(self, first: int, last: int) -> None:
        """Start the date fields at the library's first and last event (day numbers of core.daycount:
        the slider spans them, whatever the year), unless the user set them."""
        self.slider.set_bounds(first, last)
        self._sync_slider()
        with QSignalBlocker(self.from_edit), QSignalBlocker(self.to_edit):
            if not self.from_check.isChecked():
                self.from_edit.setDate(_qdate(days_to_date(first)))
            if not self.to_check.isChecked():
                self.to_edit.setDate(_qdate(days_to_date(last)))

    def clear_bounds(self, today: dt.date) -> None:
        """A library without a dated event: the fields the user has not set show `today`, not the dates
        of the library shown before, and the slider spans that one day."""
        day = date_to_days(today)
        self.set_bounds(day, day)

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
        self.changed_later.emit()

    def stop_syncing(self) -> None:
        """The sync off, quietly: Clear filters turns every filter off at once."""
        with QSignalBlocker(self.sync_check):
            self.sync_check.setChecked(False)
        self._on_sync_check_toggled(False)

    def _on_sync_check_toggled(self, on: bool) -> None:
        for w in (self.from_check, self.to_check, self.from_edit, self.to_edit, self.slider):
            w.setEnabled(not on)
        if not on:
            self.from_edit.setEnabled(self.from_check.isChecked())
            self.to_edit.setEnabled(self.to_check.isChecked())
        self.sync_toggled.emit(on)

    # -- fields and slider kept together -------------------------------------------------------

    def _on_any_changed(self, *_args: object) -> None:
        self.changed.emit()

    def _on_date_edit_changed(self, _date: QDate) -> None:
        # Typing a date fires on every digit: wait for a pause.
        self._sync_slider()
        self.changed_later.emit()

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
        self.changed_later.emit()
