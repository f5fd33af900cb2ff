"""The field editors of the event dialog: a date at a chosen precision, and a list of codes."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping

from PySide6.QtCore import QDate, QEvent, QObject, QStringListModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from timeline_app.core.library.columns import LIST_SEPARATOR
from timeline_app.core.models import Precision
from timeline_app.core.temporal.values import describe, format_at
from timeline_app.core.temporal.values import display_date

log = logging.getLogger(__name__)

# The precisions a user picks from; anything else the extractor found (a decade, a season, a time
# of day) is offered as "as written" until the user changes the date.
PRECISIONS: tuple[tuple[str, str], ...] = (
    ("day", "Day"), ("week", "Week"), ("month", "Month"), ("quarter", "Quarter"), ("year", "Year"),
)
KEEP = "keep"
# When the date of a value kept as written is changed: the nearest precision of the list.
_NEAREST = {
    Precision.TIME: "day", Precision.WEEKEND: "week", Precision.SEASON: "month", Precision.HALF: "quarter",
    Precision.DECADE: "year", Precision.CENTURY: "year",
}


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(q: QDate) -> dt.date:
    return dt.date(q.year(), q.month(), q.day())


class DateValueEditor(QWidget):
    """A date picker plus a precision (day, week, month, quarter, year) giving a TIMEX value."""

    value_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setDateRange(QDate(1, 1, 1), QDate(9999, 12, 31))
        self.date_edit.setToolTip("Any day inside the period: with precision Month, any day of the month")
        self.precision_combo = QComboBox()
        self.precision_combo.setToolTip("How precisely the date is known")
        for unit, label in PRECISIONS:
            self.precision_combo.addItem(label, unit)
        self.value_label = QLabel()
        self.value_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.date_edit)
        layout.addWidget(self.precision_combo)
        layout.addWidget(self.value_label, 1)
        self._kept = ""  # the value offered "as written"
        self._kept_precision: Precision | None = None
        self.date_edit.dateChanged.connect(self._on_date_edit_date_changed)
        self.precision_combo.currentIndexChanged.connect(self._on_precision_combo_current_index_changed)
        self.set_value("")

    def set_value(self, value: str, fallback: dt.date | None = None) -> None:
        """Show `value`; an empty or unplaceable one shows `fallback` (today if None) at day precision."""
        if self.precision_combo.itemData(0) == KEEP:
            self.precision_combo.removeItem(0)
        self._kept, self._kept_precision = "", None
        described = describe(value) if value else None
        unit = "day"
        day = fallback or dt.date.today()
        if described is not None and described[1] is not None:
            precision, day, _end = described
            unit = next((u for u, _l in PRECISIONS if format_at(day, u) == value), KEEP)
            if unit == KEEP:
                self._kept, self._kept_precision = value, precision
                self.precision_combo.insertItem(0, f"As written ({display_date(value)})", KEEP)
        for widget in (self.date_edit, self.precision_combo):
            widget.blockSignals(True)
        self.date_edit.setDate(_qdate(day))
        self.precision_combo.setCurrentIndex(self.precision_combo.findData(unit))
        for widget in (self.date_edit, self.precision_combo):
            widget.blockSignals(False)
        self._show_value()

    def unit(self) -> str:
        return str(self.precision_combo.currentData())

    def set_unit(self, unit: str) -> None:
        self.precision_combo.setCurrentIndex(self.precision_combo.findData(unit))

    def value(self) -> str:
        """The TIMEX value of the picked date at the picked precision ("2022-W46", "2022-Q4" ...)."""
        if self.unit() == KEEP:
            return self._kept
        return format_at(_pydate(self.date_edit.date()), self.unit())

    def _show_value(self) -> None:
        value = self.value()
        described = describe(value)
        text = display_date(value)
        if described is not None and described[1] is not None:
            first, last = described[1], described[2]
            text = f"{first:%A %d %B %Y}" if first == last else f"{text} ({first:%d %b %Y} – {last:%d %b %Y})"
        self.value_label.setText(text)
        self.value_label.setToolTip(f"Stored as {value}")

    def _on_date_edit_date_changed(self, _date: QDate) -> None:
        if self.unit() == KEEP and self._kept_precision is not None:
            # The period written no longer holds the new day: take the nearest precision of the list.
            self.precision_combo.blockSignals(True)
            self.set_unit(_NEAREST.get(self._kept_precision, "day"))
            self.precision_combo.blockSignals(False)
        self._show_value()
        self.value_changed.emit(self.value())

    def _on_precision_combo_current_index_changed(self, _index: int) -> None:
        if self.unit() == KEEP:
            described = describe(self._kept)
            if described is not None and described[1] is not None:
                self.date_edit.blockSignals(True)
                self.date_edit.setDate(_qdate(described[1]))
                self.date_edit.blockSignals(False)
        self._show_value()
        self.value_changed.emit(self.value())


class CodeListEditor(QWidget):
    """A list of codes (countries or organisations) with add-by-name completion and remove."""

    codes_changed = Signal()

    def __init__(self, names: Mapping[str, str], what: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._names = dict(names)
        self._by_name = {n.casefold(): c for c, n in self._names.items()}
        self._what = what
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.list_widget = QListWidget()
        self.list_widget.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list_widget.setMaximumHeight(78)
        layout.addWidget(self.list_widget)
        row = QHBoxLayout()
        self.line_edit = QLineEdit()
        self.line_edit.setPlaceholderText(f"Add {'an' if what[0] in 'aeiou' else 'a'} {what}: type a name or code")
        completions = sorted(f"{n} ({c})" for c, n in self._names.items())
        self.completer = QCompleter(QStringListModel(completions, self), self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.line_edit.setCompleter(self.completer)
        self.add_button = QPushButton("Add")
        self.remove_button = QPushButton("Remove")
        self.remove_button.setToolTip(f"Remove the selected {what} (Del)")
        row.addWidget(self.line_edit, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        layout.addLayout(row)
        self.hint_label = QLabel()
        self.hint_label.setStyleSheet("color: #b00020;")
        self.hint_label.hide()
        layout.addWidget(self.hint_label)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        # Enter with a name typed adds it; it must not also press the dialog's OK button.
        self.line_edit.installEventFilter(self)
        # Picking a completion adds it at once (after the line edit has taken the text).
        self.completer.activated.connect(self._on_completer_activated, Qt.ConnectionType.QueuedConnection)
        self.list_widget.itemSelectionChanged.connect(self._update_buttons)
        remove = QShortcut(QKeySequence.StandardKey.Delete, self.list_widget)
        remove.setContext(Qt.ShortcutContext.WidgetShortcut)
        remove.activated.connect(self._on_remove_button_clicked)
        self._update_buttons()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.line_edit and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)  # type: ignore[attr-defined]
                and self.line_edit.text().strip()):
            self.add(self.line_edit.text())
            return True
        return super().eventFilter(watched, event)

    def label(self, code: str) -> str:
        name = self._names.get(code)
        return f"{name} ({code})" if name else code

    def codes(self) -> list[str]:
        return [self.list_widget.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list_widget.count())]

    def value(self) -> str:
        """The codes as stored: sorted, ';'-joined."""
        return LIST_SEPARATOR.join(sorted(set(self.codes())))

    def set_codes(self, codes: list[str]) -> None:
        self.list_widget.clear()
        for code in codes:
            self._append(code)
        self._update_buttons()

    def resolve(self, text: str) -> str | None:
        """The code a user means by "Turkey", "tur", or "Turkey (TUR)"; None when unknown."""
        text = text.strip()
        if not text:
            return None
        if text.endswith(")") and "(" in text:
            code = text[text.rindex("(") + 1:-1].strip().upper()
            if code in self._names:
                return code
        if text.upper() in self._names:
            return text.upper()
        return self._by_name.get(text.casefold())

    def add(self, text: str) -> bool:
        """Add what `text` names; False (with a hint under the field) when it names nothing known."""
        code = self.resolve(text)
        if code is None:
            self.hint_label.setText(f"“{text.strip()}” is not a known {self._what}: pick one from the list.")
            self.hint_label.setVisible(bool(text.strip()))
            return False
        self.hint_label.hide()
        self.line_edit.clear()
        if code not in self.codes():
            self._append(code)
            self.codes_changed.emit()
        return True

    def remove_selected(self) -> None:
        rows = sorted({self.list_widget.row(i) for i in self.list_widget.selectedItems()}, reverse=True)
        for row in rows:
            self.list_widget.takeItem(row)
        if rows:
            self.codes_changed.emit()
        self._update_buttons()

    def _append(self, code: str) -> None:
        item = QListWidgetItem(self.label(code))
        item.setData(Qt.ItemDataRole.UserRole, code)
        self.list_widget.addItem(item)

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(bool(self.list_widget.selectedItems()))

    def _on_add_button_clicked(self) -> None:
        self.add(self.line_edit.text())

    def _on_completer_activated(self, text: str) -> None:
        self.add(text)

    def _on_remove_button_clicked(self) -> None:
        self.remove_selected()
