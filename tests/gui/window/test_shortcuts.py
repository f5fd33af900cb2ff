"""Help > Keyboard shortcuts: consistent names, the timeline's keys that work, and no key a desktop takes first."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

from timeline_app.gui.window.menus import TIMELINE_KEYS

# Keys the desktop takes before an application sees them, in the default settings of the common
# Linux desktops (GNOME and Ubuntu, KDE Plasma, Xfce, Cinnamon, MATE) and of X itself.
RESERVED = {
    "Ctrl+Alt+T": "open a terminal (Ubuntu, Xfce, Cinnamon, MATE)",
    "Ctrl+Alt+Del": "log out or the system dialog",
    "Ctrl+Alt+L": "lock the screen (Xfce, Cinnamon, MATE, KDE)",
    "Ctrl+Alt+D": "show the desktop (Xfce, MATE)",
    "Ctrl+Alt+Backspace": "stop the X server",
    "Ctrl+Alt+Esc": "xkill (KDE, Xfce)",
    "Ctrl+Alt+Tab": "switch system controls (GNOME)",
    **{f"Ctrl+Alt+{k}": "switch workspace (GNOME, Cinnamon, Xfce)" for k in ("Left", "Right", "Up", "Down")},
    **{f"Ctrl+Alt+Shift+{k}": "move the window to a workspace" for k in ("Left", "Right", "Up", "Down")},
    **{f"Ctrl+Alt+F{n}": "switch to a text console" for n in range(1, 13)},
}


def _listed(window) -> dict[str, str]:
    window.menus.shortcuts_action.trigger()
    dialog = window.menus.shortcuts_dialog
    listed = dict(dialog.rows())
    assert dialog.headings() == ["In the window", "On the timeline (click it first)"]
    dialog.close()
    return listed


def test_export_entries_are_named_alike_with_the_formats_as_they_are_written(window) -> None:
    listed = _listed(window)
    exports = sorted(name for name in listed if name.startswith("Export"))
    assert exports == ["Export Excel workbook", "Export JSON Lines", "Export TimelineJS JSON", "Export events as CSV",
                       "Export mentions as CSV", "Export relations chart as CSV", "Export the timeline as an image"]


def test_no_shortcut_is_one_the_desktop_takes(window) -> None:
    taken = {}
    for action in window.findChildren(QAction):
        for key in action.shortcuts():
            text = key.toString(QKeySequence.SequenceFormat.PortableText)
            if text in RESERVED or key[0].keyboardModifiers() & Qt.KeyboardModifier.MetaModifier:
                taken[text] = action.text()
    assert taken == {}


def test_the_timeline_keys_listed_each_move_the_timeline(window, qtbot) -> None:
    listed = _listed(window)
    for what, keys in TIMELINE_KEYS:
        assert listed[what] == keys
    canvas = window.timeline.canvas
    canvas.setFocus()

    def state() -> tuple[float, float, int]:
        return (round(canvas.vp.t0, 6), round(canvas.vp.px_per_day, 9), canvas.scroll_y)

    # The rows of TIMELINE_KEYS that name keys, in an order in which each key changes the view.
    presses = [("Zoom in, zoom out", Qt.Key.Key_Plus), ("Zoom in, zoom out", Qt.Key.Key_Minus),
               ("Zoom in, zoom out", Qt.Key.Key_Plus), ("Zoom in, zoom out", Qt.Key.Key_Plus),
               ("Move back or forward in time", Qt.Key.Key_Left), ("Move back or forward in time", Qt.Key.Key_Right),
               ("Move a screen back or forward", Qt.Key.Key_PageUp),
               ("Move a screen back or forward", Qt.Key.Key_PageDown),
               ("Go to the first or last event", Qt.Key.Key_Home), ("Go to the first or last event", Qt.Key.Key_End),
               ("Scroll the lanes", Qt.Key.Key_Down), ("Scroll the lanes", Qt.Key.Key_Up),
               ("Fit every event", Qt.Key.Key_0)]
    for what, key in presses:
        before = state()
        qtbot.keyClick(canvas, key)
        assert state() != before, f"{what}: {key.name} did nothing"


def test_the_lane_modes_have_one_name_in_every_menu_and_the_header(window) -> None:
    def entries(menu) -> dict[str, bool]:
        return {a.text().replace("&", ""): a.isChecked() for a in menu.actions() if a.text()}

    window_menu = next(a.menu() for a in window.menuBar().findChildren(QAction)
                       if a.menu() is not None and a.text() == "Timeline &lanes")
    timeline_menu = next(a.menu() for a in window.timeline.context_menu().actions() if a.text() == "Lanes")
    assert entries(window_menu) == entries(timeline_menu)
    assert entries(timeline_menu) == {"One per country": True, "One per event type": False,
                                      "One per article": False, "A single lane": False}
    window.menus.lane_actions["source"].trigger()
    window.timeline.canvas.repaint()
    assert window.timeline.canvas.painter.headers.title == "Article"  # the lanes are articles


def test_the_edit_menu_holds_every_action_on_the_selected_articles(window) -> None:
    edit = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")
    names = [a.text().replace("&", "") for a in edit.actions()]  # the menu gives each entry an Alt letter
    for name in ("Set publication date…", "Set language…", "Set issuer…", "Show only their events",
                 "Remove from library"):
        assert name in names, name
    listed = _listed(window)
    assert "Articles panel: set the language" in listed and "Articles panel: set the issuer" in listed


def test_ctrl_arrows_select_the_next_and_previous_event_everywhere(window, qtbot) -> None:
    canvas = window.timeline.canvas
    canvas.setFocus()
    window.timeline.fit_all(everything=True)
    qtbot.keyClick(canvas, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    first = window.timeline.selected_event()
    assert first and window.table.current_event_id() == first
    assert window.reader.article_id is not None
    qtbot.keyClick(canvas, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    second = window.timeline.selected_event()
    assert second and second != first and window.table.current_event_id() == second
    days = window.snapshot.events_frame().set_index("event_id")["date_start"]
    assert days[first] <= days[second]
    qtbot.keyClick(canvas, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)
    assert window.timeline.selected_event() == first
    # Negative: a plain arrow still moves the view and leaves the selection alone.
    before = canvas.vp.t0
    qtbot.keyClick(canvas, Qt.Key.Key_Right)
    assert canvas.vp.t0 != before and window.timeline.selected_event() == first
