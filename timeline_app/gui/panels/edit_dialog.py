"""EventEditDialog: correct an event's date, countries, organisations, type and summary, or add one."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping

import pandas as pd

from PySide6.QtCore import QDate, QEvent, QObject, QStringListModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from timeline_app.core.library.columns import LIST_SEPARATOR, split_list
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


class EventEditDialog(QDialog):
    """Edit one event (OK gives the changed fields), or describe a new one (OK gives its values).

    `event` is a row of the events frame (event_date, countries, organizations, cameo_code, summary,
    verified, evidence, source_titles); None for a new event, with `evidence` and `source` the sentence
    and article it comes from, if any.
    """

    def __init__(self, event: Mapping[str, object] | None, country_names: Mapping[str, str],
                 organization_names: Mapping[str, str], event_types: Mapping[str, str],
                 parent: QWidget | None = None, evidence: str = "", source: str = "",
                 default_date: dt.date | None = None) -> None:
        super().__init__(parent)
        self.is_new = event is None
        self.setWindowTitle("Add event" if self.is_new else "Edit event")
        self.original = self._values_of(event) if event is not None else {}
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)

        evidence = str(event.get("evidence", "") or "") if event is not None else evidence
        source = str(event.get("source_titles", "") or "") if event is not None else source
        if not evidence:
            evidence = ("(no sentence: a free-standing event; to attach an event to an article, select its "
                        "sentence in the Reader before adding it)" if event is None else "(no sentence)")
        self.evidence_view = QPlainTextEdit(evidence)
        self.evidence_view.setReadOnly(True)
        self.evidence_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.evidence_view.setMaximumHeight(72)
        self.evidence_view.setToolTip("The sentence the event was found in; it cannot be edited")
        form.addRow("Evidence:", self.evidence_view)
        if source:
            # One line, elided: a wrapped label in a form row is cut off instead of growing.
            shown = source if len(source) <= 90 else source[:89].rstrip() + "…"
            self.source_label = QLabel(shown)
            self.source_label.setToolTip(source)
            form.addRow("Article:", self.source_label)
        if event is not None and event.get("date_text"):
            written = QLabel(f"“{event.get('date_text')}” (read as {display_date(str(event.get('event_date', '')))})")
            form.addRow("Written as:", written)

        self.date_editor = DateValueEditor()
        self.date_editor.set_value(self.original.get("date", ""), default_date)
        form.addRow("&Date:", self.date_editor)
        self.countries_editor = CodeListEditor(country_names, "country")
        self.countries_editor.set_codes(split_list(self.original.get("countries", "")))
        form.addRow("&Countries:", self.countries_editor)
        self.organizations_editor = CodeListEditor(organization_names, "organisation")
        self.organizations_editor.set_codes(split_list(self.original.get("organizations", "")))
        form.addRow("&Organisations:", self.organizations_editor)
        self.type_combo = QComboBox()
        self.type_combo.addItem("(no type)", "")
        for code, name in sorted(event_types.items()):
            self.type_combo.addItem(f"{code}  {name}", code)
        current = self.original.get("event_type", "")
        if current and self.type_combo.findData(current) < 0:
            # A finer code the extractor chose ("042"): listed under its root, kept unless changed.
            at = self.type_combo.findData(current[:2])
            from timeline_app.core.extract.cameo import CameoTable

            leaf = CameoTable.default().codes.get(current)
            name = leaf.name if leaf else event_types.get(current[:2], "")
            self.type_combo.insertItem(at + 1 if at >= 0 else 1, f"{current}  {name} (as found)", current)
        self.type_combo.setCurrentIndex(max(0, self.type_combo.findData(current)))
        form.addRow("Event &type:", self.type_combo)
        self.summary_edit = QPlainTextEdit(self.original.get("summary", ""))
        self.summary_edit.setTabChangesFocus(True)
        self.summary_edit.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.summary_edit.setMaximumHeight(64)
        self.summary_edit.setPlaceholderText("What happened, in one sentence")
        self.summary_edit.installEventFilter(self)  # Enter saves: a summary is one sentence
        form.addRow("&Summary:", self.summary_edit)
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText("Where this comes from (a call, a report not in the library …)")
        if self.is_new:
            form.addRow("&Note:", self.note_edit)
        self.verified_check = QCheckBox("&Verified: checked against the sources")
        self.verified_check.setChecked(self.original.get("verified") == "1")
        form.addRow("", self.verified_check)
        layout.addLayout(form)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Add event" if self.is_new else "Save changes")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        if self.is_new:  # a new event needs a few words saying what it is
            self.summary_edit.textChanged.connect(self._update_ok)
            self.note_edit.textChanged.connect(self._update_ok)
            self._update_ok()
        self.resize(620, self.sizeHint().height())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.summary_edit and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)  # type: ignore[attr-defined]
                and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier):  # type: ignore[attr-defined]
            if self.ok_button.isEnabled():
                self.accept()
            return True
        return super().eventFilter(watched, event)

    def _update_ok(self) -> None:
        described = bool(self.summary_edit.toPlainText().strip() or self.note_edit.text().strip())
        self.ok_button.setEnabled(described)
        self.ok_button.setToolTip("" if described else "Write a summary (or a note) first")

    @staticmethod
    def _values_of(event: Mapping[str, object]) -> dict[str, str]:
        def text(name: str) -> str:
            value = event.get(name, "")
            return "" if value is None or value != value else str(value)  # NaN -> ""

        def codes(name: str) -> str:
            return LIST_SEPARATOR.join(sorted(set(split_list(text(name)))))

        return {
            "date": text("event_date"),
            "countries": codes("countries"),
            "organizations": codes("organizations"),
            "event_type": text("cameo_code"),
            "summary": " ".join(text("summary").split()),
            "verified": "1" if bool(event.get("verified", False)) else "0",
        }

    def values(self) -> dict[str, str]:
        """Every field as it is in the dialog, as stored by the library."""
        return {
            "date": self.date_editor.value(),
            "countries": self.countries_editor.value(),
            "organizations": self.organizations_editor.value(),
            "event_type": str(self.type_combo.currentData() or ""),
            "summary": " ".join(self.summary_edit.toPlainText().split()),
            "verified": "1" if self.verified_check.isChecked() else "0",
        }

    def changes(self) -> dict[str, tuple[str, str]]:
        """The fields the user changed: {field: (old value, new value)}."""
        old = self.original
        return {f: (old.get(f, ""), v) for f, v in self.values().items() if v != old.get(f, "")}

    def note(self) -> str:
        return self.note_edit.text().strip()


class DeletedEventsDialog(QDialog):
    """Lists the deleted events; the ticked ones are restored (one undoable step)."""

    def __init__(self, events: pd.DataFrame, parent: QWidget | None = None) -> None:
        """`events`: rows of the events frame (event_key, event_date, summary, source_titles)."""
        super().__init__(parent)
        self.setWindowTitle("Deleted events")
        self._events = events.reset_index(drop=True)
        layout = QVBoxLayout(self)
        n = len(self._events)
        intro = QLabel(f"{n} deleted event{'s' if n != 1 else ''}, the last deleted first. Tick the ones to "
                       "bring back." if n else "No event has been deleted from this library.")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list_widget = QListWidget()
        for i, row in self._events.iterrows():
            title = str(row.get("source_titles", "") or "")
            text = f"{display_date(str(row['event_date']))}   {row['summary'] or '(no summary)'}"
            item = QListWidgetItem(text + (f"   — {title}" if title else ""))
            item.setData(Qt.ItemDataRole.UserRole, int(i))
            item.setToolTip(str(row.get("evidence", "") or ""))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list_widget.addItem(item)
        layout.addWidget(self.list_widget, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Restore")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.list_widget.itemChanged.connect(self._on_list_widget_item_changed)
        self._on_list_widget_item_changed()
        self.resize(640, 380)

    def set_checked(self, row: int, checked: bool = True) -> None:
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        self.list_widget.item(row).setCheckState(state)

    def chosen(self) -> pd.DataFrame:
        """The ticked events."""
        rows = [self.list_widget.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list_widget.count())
                if self.list_widget.item(i).checkState() == Qt.CheckState.Checked]
        return self._events.iloc[rows]

    def _on_list_widget_item_changed(self, _item: QListWidgetItem | None = None) -> None:
        self.ok_button.setEnabled(not self.chosen().empty)
