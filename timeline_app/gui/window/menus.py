"""The window's actions and its menu bar; the View and Help entries that need nothing but the timeline."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from timeline_app.core.library.export import EXPORT_FORMATS
from timeline_app.core.timeline.modes import LANE_TITLES
from timeline_app.gui.dialogs import ShortcutsDialog, about_box
from timeline_app.gui.timeline import TimelineView
from timeline_app.gui.window.messages import Messages

log = logging.getLogger(__name__)

# The timeline's own keys and mouse moves (gui/timeline/controls.py), for Help > Keyboard shortcuts;
# tests/gui/window/test_shortcuts.py presses each key and checks that it still does what is said here.
TIMELINE_KEYS: tuple[tuple[str, str], ...] = (
    ("Zoom in, zoom out", "+, −"),
    ("Zoom around the pointer", "Mouse wheel"),
    ("Move back or forward in time", "←, →; drag; horizontal wheel"),
    ("Move a screen back or forward", "Page Up, Page Down"),
    ("Scroll the lanes", "↑, ↓; Shift+wheel"),
    ("Go to the first or last event", "Home, End"),
    ("Fit every event", "0"),
    ("Zoom to a stretch of time", "Shift+drag, right-drag"),
    ("Zoom in on a place or a group", "Double-click"),
    ("Select the next or previous event in time", "Ctrl+→, Ctrl+←"),
    ("Open the selected event in the reader", "Enter"),
    ("Clear the selection", "Esc"),
)

@dataclass(frozen=True)
class MenuEntries:
    """The actions other parts own that the menus show, and those only the shortcuts list names."""

    edit: Sequence[QAction | None]  # the curation entries of the Edit menu (None: a separator)
    copy: QAction  # the table's Copy rows as CSV
    articles: Sequence[QAction]  # the articles panel's actions on the articles selected in it
    docks: Sequence[QAction]  # show or hide each dock
    listed: Sequence[QAction]  # shortcuts that act inside one panel (Delete, Copy …): listed in Help too


class WindowMenus(QObject):
    """Every action of the window with its shortcut, and the File, Edit, View and Help menus.

    The window connects the actions to the parts that carry them out; the lanes, Go to date, Fit,
    the shortcuts list and About act on the timeline or open a dialog here.
    """

    export_chosen = Signal(str)  # the key of an export format

    def __init__(self, window: QMainWindow, timeline: TimelineView, messages: Messages,
                 entries: MenuEntries) -> None:
        super().__init__(window)
        self._window = window
        self._timeline = timeline
        self._messages = messages
        self._entries = entries
        self.shortcuts_dialog: ShortcutsDialog | None = None
        self._build_file_actions()
        self._build_view_actions()
        for toggle in entries.docks:
            window.addAction(toggle)
        self._build_menus()

    def _action(self, text: str, shortcut: str | QKeySequence.StandardKey | None,
                slot: Callable[..., Any] | None = None, tip: str = "") -> QAction:
        action = QAction(text, self._window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        if slot is not None:
            action.triggered.connect(slot)
        self._window.addAction(action)
        return action

    def _build_file_actions(self) -> None:
        a = self._action
        self.open_files_action = a("&Open files…", QKeySequence.StandardKey.Open, None,
                                   "Add articles (.txt, .md, .html, feeds, dumps, .zip) to the library")
        self.open_folder_action = a("Open &folder…", "Ctrl+Shift+O", None,
                                    "Add every article in a folder and its subfolders")
        self.open_url_action = a("Open &URL…", "Ctrl+U", None, "Download an article from the web and add it")
        self.samples_action = a("Add the &sample articles", "Ctrl+Alt+S", None,
                                "Add the sample articles that come with the app")
        self.new_library_action = a("&New library…", QKeySequence.StandardKey.New, None,
                                    "Start an empty library in a new file")
        self.open_library_action = a("Open &library…", "Ctrl+Shift+L", None, "Switch to another library file")
        self.export_actions: dict[str, QAction] = {}
        for fmt in EXPORT_FORMATS:
            action = a(fmt.label, fmt.shortcut, lambda _=False, k=fmt.key: self.export_chosen.emit(k))
            action.setProperty("long_name", export_name(fmt.label, fmt.rows))
            self.export_actions[fmt.key] = action
        self.export_image_action = a("Timeline as image…", "Ctrl+Shift+P", None, "Save the timeline as a PNG, SVG or PDF for a story or a report")
        self.export_image_action.setProperty("long_name", "Export the timeline as an image")
        self.export_all_action = a("Export all events (ignore filters)", None)
        self.export_all_action.setCheckable(True)
        self.quit_action = a("&Quit", "Ctrl+Q", self._window.close, "Close the window; the library is saved as you go")

    def _build_view_actions(self) -> None:
        a = self._action
        self.find_action = a("&Search events…", QKeySequence.StandardKey.Find, None, "Search summaries and evidence")
        self.clear_filters_action = a("&Clear filters", "Ctrl+Shift+X", None, "Show every event")
        self.fit_action = a("&Fit timeline", "Ctrl+0", self._timeline.fit_all, "Show every event on the timeline")
        self.zoom_event_action = a("&Zoom to selected event", "Ctrl+J")
        self.go_to_date_action = a("&Go to date…", "Ctrl+G", self._timeline.ask_go_to_date,
                                   "Show a year, a month or a day typed")
        self.lane_actions: dict[str, QAction] = {}
        lane_group = QActionGroup(self)
        for i, (mode, title) in enumerate(LANE_TITLES.items(), 1):
            action = a(title, f"Ctrl+Alt+{i}", lambda _=False, m=mode: self.set_lane_mode(m))
            action.setCheckable(True)
            action.setProperty("long_name", f"Timeline lanes: {title[0].lower()}{title[1:]}")
            lane_group.addAction(action)
            self.lane_actions[mode] = action
        self.reset_layout_action = a("&Reset layout", "Ctrl+Alt+R", None,
                                     "Show every panel again where it was at the first start")
        self.shortcuts_action = a("&Keyboard shortcuts", QKeySequence.StandardKey.HelpContents,
                                  self._on_shortcuts_triggered)
        self.about_action = a("&About Diplomatic Timeline", None, self._on_about_triggered)

    def _build_menus(self) -> None:
        bar = self._window.menuBar()
        m = bar.addMenu("&File")
        for action in (self.open_files_action, self.open_folder_action, self.open_url_action, self.samples_action):
            m.addAction(action)
        m.addSeparator()
        m.addAction(self.new_library_action)
        m.addAction(self.open_library_action)
        self.recent_menu = m.addMenu("&Recent libraries")
        m.addSeparator()
        self.export_menu = m.addMenu("&Export")
        for action in self.export_actions.values():
            self.export_menu.addAction(action)
        self.export_menu.addAction(self.export_image_action)
        self.export_menu.addSeparator()
        self.export_menu.addAction(self.export_all_action)
        m.addSeparator()
        m.addAction(self.quit_action)

        m = bar.addMenu("&Edit")
        _add_entries(m, self._entries.edit)
        m.addSeparator()
        _add_entries(m, [self._entries.copy, self.find_action, self.clear_filters_action, None])
        _add_entries(m, self._entries.articles)

        m = bar.addMenu("&View")
        _add_entries(m, [*self._entries.docks, self.reset_layout_action, None, self.fit_action,
                         self.zoom_event_action, self.go_to_date_action])
        lanes = m.addMenu("Timeline &lanes")
        _add_entries(lanes, self.lane_actions.values())
        # The timeline's own context menu may have changed the mode since.
        lanes.aboutToShow.connect(self._on_lanes_menu_about_to_show)

        m = bar.addMenu("&Help")
        m.addAction(self.shortcuts_action)
        m.addAction(self.about_action)
        for menu in (*[a.menu() for a in bar.actions()], self.export_menu, lanes):
            give_mnemonics(menu)

    # -- the View and Help entries -------------------------------------------------------------

    def set_lane_mode(self, mode: str) -> None:
        """One lane per country, event type or source, or a single lane."""
        self._timeline.set_lane_mode(mode)
        self.lane_actions[mode].setChecked(True)

    def _on_lanes_menu_about_to_show(self) -> None:
        action = self.lane_actions.get(self._timeline.lane_mode())
        if action is not None:
            action.setChecked(True)

    def _on_shortcuts_triggered(self) -> None:
        dialog = ShortcutsDialog(list(self._window.actions()) + list(self._entries.listed), TIMELINE_KEYS,
                                 self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.shortcuts_dialog = dialog
        dialog.open()

    def _on_about_triggered(self) -> None:
        self._messages.open_box(about_box(self._window))


def _add_entries(menu: QMenu, actions: Iterable[QAction | None]) -> None:
    for action in actions:
        if action is None:
            menu.addSeparator()
        else:
            menu.addAction(action)


def give_mnemonics(menu: QMenu) -> None:
    """Give each entry of `menu` that has no Alt letter of its own (none, or one an entry above it took)
    the first free letter of its words, else of its text, as KDE's accelerator manager does: every
    entry can then be chosen by its letter. Entries that set their own text later (Undo, Hide) keep theirs."""
    taken: set[str] = set()
    entries = [a for a in menu.actions() if not a.isSeparator() and a.text()]
    for action in entries:
        letter = _mnemonic(action.text())
        if letter and letter not in taken:
            taken.add(letter)
    for action in entries:
        text = action.text()
        letter = _mnemonic(text)
        if letter and (letter not in taken or _owner(entries, letter) is action):
            continue
        plain = text.replace("&&", "\0").replace("&", "").replace("\0", "&&")
        starts = [m.start() for m in re.finditer(r"\b[^\W\d_]", plain)]
        others = [i for i, ch in enumerate(plain) if ch.isalpha() and i not in starts]
        free = next((i for i in starts + others if plain[i].lower() not in taken), None)
        if free is None:
            log.warning("no free Alt letter for menu entry %r", plain)
            action.setText(plain)
            continue
        taken.add(plain[free].lower())
        action.setText(plain[:free] + "&" + plain[free:])


def _mnemonic(text: str) -> str:
    """The letter after the '&' of an entry's text, lower case ('' for none; '&&' is a literal ampersand)."""
    text = text.replace("&&", "")
    i = text.find("&")
    return text[i + 1].lower() if 0 <= i < len(text) - 1 else ""


def _owner(entries: list[QAction], letter: str) -> QAction | None:
    """The first entry whose own text gives it `letter`."""
    return next((a for a in entries if _mnemonic(a.text()) == letter), None)


def export_name(label: str, rows: str) -> str:
    """The shortcuts list's name of an Export entry: "Export events as CSV", "Export JSON Lines";
    only the rows a file holds become lower case, names of formats keep theirs ("TimelineJS", "Excel")."""
    label = label.rstrip("…")
    if label.lower().startswith(rows.lower()):
        label = label[:1].lower() + label[1:]
    return f"Export {label}"
