"""File > Export > Timeline as image: where, which format, what, how big, and the words on the picture."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from timeline_app.core.timeline.picture import ImageOptions

log = logging.getLogger(__name__)

FORMAT_NAMES = {"png": "PNG image", "svg": "SVG drawing", "pdf": "PDF document"}
PAGES = {"A4": "A4 landscape", "Letter": "Letter landscape"}
SCALES = {1.0: "1× (normal screens)", 2.0: "2× (high-DPI screens, print)"}


Captions = Callable[[ImageOptions], tuple[str, str, str]]  # the title, subtitle and source line a picture gets


@dataclass(frozen=True)
class ImageDefaults:
    """What the dialog starts with: a file to suggest, and the words a picture would carry (made from
    the filters and the events it shows, so they change with what it shows)."""

    path: Path
    captions: Captions


class ImageExportDialog(QDialog):
    """Asks where and how to draw the timeline; `choice()` gives the path and the ImageOptions.

    The format follows the file name's suffix and the suffix follows the format, so "timeline.svg"
    is an SVG drawing, never "timeline.svg.png". The title and subtitle start as the picture's own,
    and follow what it shows until the user edits them.
    """

    def __init__(self, defaults: ImageDefaults, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export the timeline as an image")
        self._defaults = defaults
        form = QFormLayout()
        form.addRow("Save as", self._file_row(defaults.path))
        form.addRow("Format", self._format_combo())
        form.addRow("Show", self._choice_row("scope", {"all": "the filtered events' whole range",
                                                        "view": "the part of the timeline on screen"}))
        form.addRow("Rows", self._choice_row("rows", {"all": "every row", "visible": "the rows on screen"}))
        form.addRow("Size", self._size_row())
        self.scale_combo = QComboBox()
        for value, text in SCALES.items():
            self.scale_combo.addItem(text, value)
        form.addRow("Scale", self.scale_combo)
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText("no title")
        form.addRow("Title", self.title_edit)
        self.subtitle_edit = QLineEdit()
        self.subtitle_edit.setPlaceholderText("no subtitle")
        form.addRow("Subtitle", self.subtitle_edit)
        self._edited: set[QLineEdit] = set()  # the fields the user wrote in: theirs, not the defaults
        for edit in (self.title_edit, self.subtitle_edit):
            edit.textEdited.connect(lambda _text, e=edit: self._edited.add(e))
        self.source_check = QCheckBox()
        self.source_check.setChecked(True)
        self.source_check.setToolTip("The last line of the picture: where its events come from")
        form.addRow("Source line", self.source_check)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.problem_label = QLabel()
        self.problem_label.setStyleSheet("color: #b71c1c;")
        self.problem_label.setWordWrap(True)
        layout.addWidget(self.problem_label)
        self.replace_label = QLabel()  # not a problem: a warning before a file is written over
        self.replace_label.setWordWrap(True)
        layout.addWidget(self.replace_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self._save_text = self.save_button.text()
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._on_path_edit_text_changed(self.path_edit.text())
        for group in (self.scope_group, self.rows_group):
            group.buttonToggled.connect(self._on_shown_changed)
        self._show_captions()
        self.resize(640, self.sizeHint().height())

    # -- the rows of the form ------------------------------------------------------------------

    def _file_row(self, path: Path) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        self.path_edit = QLineEdit(str(path))
        self.path_edit.textChanged.connect(self._on_path_edit_text_changed)
        layout.addWidget(self.path_edit, 1)
        browse = QPushButton("Browse…")
        browse.setAutoDefault(False)
        browse.clicked.connect(self._on_browse_clicked)
        layout.addWidget(browse)
        return row

    def _format_combo(self) -> QComboBox:
        self.format_combo = QComboBox()
        for key, name in FORMAT_NAMES.items():
            self.format_combo.addItem(f"{name} (.{key})", key)
        self.format_combo.setToolTip("SVG and PDF keep the text as text: they print sharp at any size")
        self.format_combo.currentIndexChanged.connect(self._on_format_combo_current_index_changed)
        return self.format_combo

    def _choice_row(self, name: str, choices: dict[str, str]) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        group = QButtonGroup(self)
        for i, (key, text) in enumerate(choices.items()):
            radio = QRadioButton(text)
            radio.setProperty("choice", key)
            radio.setChecked(i == 0)
            group.addButton(radio)
            layout.addWidget(radio)
        layout.addStretch(1)
        setattr(self, f"{name}_group", group)
        return row

    def _size_row(self) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        self.pixels_radio = QRadioButton("width")
        self.pixels_radio.setChecked(True)
        self.width_spin = QSpinBox()
        self.width_spin.setRange(200, 20000)
        self.width_spin.setSingleStep(100)
        self.width_spin.setValue(1600)
        self.width_spin.setSuffix(" px")
        self.page_radio = QRadioButton("a page")
        self.page_combo = QComboBox()
        for key, text in PAGES.items():
            self.page_combo.addItem(text, key)
        for w in (self.pixels_radio, self.width_spin, self.page_radio, self.page_combo):
            layout.addWidget(w)
        layout.addStretch(1)
        group = QButtonGroup(self)
        group.addButton(self.pixels_radio)
        group.addButton(self.page_radio)
        self.pixels_radio.toggled.connect(self._on_pixels_radio_toggled)
        self._on_pixels_radio_toggled(True)
        return row

    # -- what the user chose --------------------------------------------------------------------

    def path(self) -> Path:
        return Path(self.path_edit.text().strip()).expanduser()

    def fmt(self) -> str:
        return str(self.format_combo.currentData())

    def show_part(self, scope: str, rows: str) -> None:
        """Start with `scope` ("all", "view") and `rows` ("all", "visible") chosen: the timeline's own
        menu asks for the view, or for the whole timeline."""
        for group, key in ((self.scope_group, scope), (self.rows_group, rows)):
            for button in group.buttons():
                button.setChecked(button.property("choice") == key)

    def choice(self) -> tuple[Path, ImageOptions]:
        """The file to write and how to draw it."""
        page = str(self.page_combo.currentData()) if self.page_radio.isChecked() else None
        return self.path(), ImageOptions(
            format=self.fmt(),
            scope=str(self.scope_group.checkedButton().property("choice")),
            rows=str(self.rows_group.checkedButton().property("choice")),
            width_px=self.width_spin.value(),
            page=page,
            scale=float(self.scale_combo.currentData()) if self.fmt() == "png" else 1.0,
            # None: the picture's own words, worded as it is drawn (the same as shown here).
            title=self.title_edit.text().strip() if self.title_edit in self._edited else None,
            subtitle=self.subtitle_edit.text().strip() if self.subtitle_edit in self._edited else None,
            source_line=None if self.source_check.isChecked() else "",
        )

    def _show_captions(self) -> None:
        """The words the picture would carry, in the fields the user has not written in."""
        _path, options = self.choice()
        title, subtitle, source = self._defaults.captions(replace(options, title=None, subtitle=None, source_line=None))
        for edit, text in ((self.title_edit, title), (self.subtitle_edit, subtitle)):
            if edit not in self._edited:
                edit.setText(text)
        self.source_check.setText(source)

    def _on_shown_changed(self, _button: QRadioButton, checked: bool) -> None:
        if checked:
            self._show_captions()

    # -- keeping the file name and the format together -----------------------------------------

    def _on_path_edit_text_changed(self, text: str) -> None:
        suffix = Path(text.strip()).suffix.lower().lstrip(".")
        if suffix in FORMAT_NAMES and suffix != self.fmt():
            self.format_combo.setCurrentIndex(self.format_combo.findData(suffix))  # the name decides
        self._check()

    def _on_format_combo_current_index_changed(self, _index: int) -> None:
        fmt = self.fmt()
        text = self.path_edit.text().strip()
        if text:
            path = Path(text)
            if path.suffix.lower().lstrip(".") in FORMAT_NAMES:
                path = path.with_suffix("")
            if Path(text).suffix.lower() != f".{fmt}":
                self.path_edit.setText(f"{path}.{fmt}")
        # Vector formats have no pixels to double; a page is what a PDF is usually for.
        self.scale_combo.setEnabled(fmt == "png")
        self._check()

    def _on_pixels_radio_toggled(self, on: bool) -> None:
        self.width_spin.setEnabled(on)
        self.page_combo.setEnabled(not on)

    def _on_browse_clicked(self) -> None:
        filters = ";;".join(f"{name} (*.{key})" for key, name in FORMAT_NAMES.items())
        current = f"{FORMAT_NAMES[self.fmt()]} (*.{self.fmt()})"
        path, chosen = QFileDialog.getSaveFileName(self, "Save the timeline as", str(self.path()), filters, current)
        if not path:
            return
        if Path(path).suffix.lower().lstrip(".") not in FORMAT_NAMES:
            # The filter picked in the file dialog says the format of a name typed without a suffix.
            key = next((k for k, name in FORMAT_NAMES.items() if chosen.startswith(name)), self.fmt())
            path = f"{path}.{key}"
        self.path_edit.setText(path)

    def _check(self) -> None:
        text = self.path_edit.text().strip()
        problem = ""
        if not text:
            problem = "Give the file a name."
        elif not self.path().parent.is_dir():
            problem = f"The folder {self.path().parent} does not exist."
        elif self.path().is_dir():
            problem = f"{self.path()} is a folder: give the file a name in it."
        self.problem_label.setText(problem)
        self.problem_label.setVisible(bool(problem))
        self.save_button.setEnabled(not problem)
        # A name typed here is not asked about as the file dialog asks: say it before it is written over.
        exists = not problem and self.path().exists()
        self.replace_label.setText(f"{self.path().name} exists already: Replace writes over it." if exists else "")
        self.replace_label.setVisible(exists)
        self.save_button.setText("&Replace" if exists else self._save_text)
