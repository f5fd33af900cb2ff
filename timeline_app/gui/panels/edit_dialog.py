"""The curation dialogs: correct an event or add one (EventEditDialog), bring deleted ones back."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping

import pandas as pd
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from timeline_app.core.library import columns as col
from timeline_app.core.extract.cameo import CameoTable
from timeline_app.core.library.columns import LIST_SEPARATOR, split_list
from timeline_app.core.temporal.values import display_date
from timeline_app.gui.panels.field_editors import CodeListEditor, DateValueEditor

log = logging.getLogger(__name__)

NO_SENTENCE_NEW = ("(no sentence: a free-standing event; to attach an event to an article, select its "
                   "sentence in the Reader before adding it)")


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
        if event is not None:
            evidence = str(event.get(col.EVIDENCE, "") or "")
            source = str(event.get(col.SOURCE_TITLES, "") or "")
        self._add_origin_rows(form, event, evidence, source)
        self._add_value_rows(form, country_names, organization_names, event_types, default_date)
        layout.addLayout(form)
        layout.addWidget(self._make_buttons())
        if self.is_new:  # a new event needs a few words saying what it is
            self.summary_edit.textChanged.connect(self._update_ok)
            self.note_edit.textChanged.connect(self._update_ok)
            self._update_ok()
        self.resize(620, self.sizeHint().height())

    def _add_origin_rows(self, form: QFormLayout, event: Mapping[str, object] | None, evidence: str,
                         source: str) -> None:
        """What the event comes from, read-only: its sentence, its article, the date as written."""
        if not evidence:
            evidence = NO_SENTENCE_NEW if event is None else "(no sentence)"
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
        if event is not None and event.get(col.DATE_TEXT):
            written = QLabel(f"“{event.get('date_text')}” (read as {display_date(str(event.get('event_date', '')))})")
            form.addRow("Written as:", written)

    def _add_value_rows(self, form: QFormLayout, country_names: Mapping[str, str],
                        organization_names: Mapping[str, str], event_types: Mapping[str, str],
                        default_date: dt.date | None) -> None:
        """The values the user corrects: date, countries, organisations, type, summary, note, verified."""
        self.date_editor = DateValueEditor()
        self.date_editor.set_value(self.original.get("date", ""), default_date)
        form.addRow("&Date:", self.date_editor)
        self.countries_editor = CodeListEditor(country_names, "country")
        self.countries_editor.set_codes(split_list(self.original.get(col.COUNTRIES, "")))
        form.addRow("&Countries:", self.countries_editor)
        self.organizations_editor = CodeListEditor(organization_names, "organisation")
        self.organizations_editor.set_codes(split_list(self.original.get(col.ORGANIZATIONS, "")))
        form.addRow("&Organisations:", self.organizations_editor)
        self.type_combo = _type_combo(event_types, self.original.get(col.EVENT_TYPE, ""))
        form.addRow("Event &type:", self.type_combo)
        self.summary_edit = QPlainTextEdit(self.original.get(col.SUMMARY, ""))
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
        self.verified_check.setChecked(self.original.get(col.VERIFIED) == "1")
        form.addRow("", self.verified_check)

    def _make_buttons(self) -> QDialogButtonBox:
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Add event" if self.is_new else "Save changes")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        return self.buttons

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
            "verified": "1" if bool(event.get(col.VERIFIED, False)) else "0",
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


def _type_combo(event_types: Mapping[str, str], current: str) -> QComboBox:
    """The CAMEO roots by code and name, `current` selected (a finer code listed under its root)."""
    combo = QComboBox()
    combo.addItem("(no type)", "")
    for code, name in sorted(event_types.items()):
        combo.addItem(f"{code}  {name}", code)
    if current and combo.findData(current) < 0:
        # A finer code the extractor chose ("042"): listed under its root, kept unless changed.
        at = combo.findData(current[:2])
        leaf = CameoTable.default().codes.get(current)
        name = leaf.name if leaf else event_types.get(current[:2], "")
        combo.insertItem(at + 1 if at >= 0 else 1, f"{current}  {name} (as found)", current)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo


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
            title = str(row.get(col.SOURCE_TITLES, "") or "")
            text = f"{display_date(str(row['event_date']))}   {row['summary'] or '(no summary)'}"
            item = QListWidgetItem(text + (f"   — {title}" if title else ""))
            item.setData(Qt.ItemDataRole.UserRole, int(i))
            item.setToolTip(str(row.get(col.EVIDENCE, "") or ""))
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
