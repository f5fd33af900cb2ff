"""The window by keyboard alone: every menu entry has its own Alt letter, the filters tab in order, Esc closes dialogs."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import QApplication, QCheckBox, QDialog, QMenu, QPushButton, QScrollArea, QWidget


def _mnemonic(text: str) -> str:
    """The letter after the '&' of an entry's text ('' for none; '&&' is a literal ampersand)."""
    i = text.replace("&&", "").find("&")
    return text.replace("&&", "")[i + 1].lower() if 0 <= i < len(text.replace("&&", "")) - 1 else ""


def _menus(window) -> list[QMenu]:
    found, todo = [], [a.menu() for a in window.menuBar().actions()]
    while todo:
        menu = todo.pop()
        if menu is window.menus.recent_menu:  # file names, a number each
            continue
        found.append(menu)
        todo += [a.menu() for a in menu.actions() if a.menu() is not None]
    return found


def test_every_menu_entry_has_an_alt_letter_of_its_own(window) -> None:
    for menu in _menus(window):
        entries = [a for a in menu.actions() if not a.isSeparator()]
        letters = {a.text(): _mnemonic(a.text()) for a in entries}
        assert "" not in letters.values(), (menu.title(), [t for t, m in letters.items() if not m])
        assert len(set(letters.values())) == len(entries), (menu.title(), sorted(letters.items(), key=lambda i: i[1]))


def test_an_alt_letter_opens_its_entry(window, qtbot) -> None:
    """An entry given its letter by the window (Help > Keyboard shortcuts had one already; About too)."""
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    toggle = next(a for a in menu.actions() if a.text().replace("&", "") == "Reader")
    letter = _mnemonic(toggle.text())
    assert letter
    before = toggle.isChecked()
    menu.popup(window.mapToGlobal(window.rect().center()))
    qtbot.waitUntil(menu.isVisible)
    qtbot.keyClick(menu, letter)
    qtbot.waitUntil(lambda: toggle.isChecked() != before)


def test_filters_tab_from_top_to_bottom(window) -> None:
    panel = window.filters
    stops, widget = [], panel.nextInFocusChain()
    while widget is not panel:
        if (panel.isAncestorOf(widget) and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
                and widget.isVisibleTo(panel) and widget.isEnabled()):
            stops.append(widget)
        widget = widget.nextInFocusChain()
    tops = [w.mapTo(panel, w.rect().topLeft()).y() for w in stops]
    assert len(stops) >= 10 and tops == sorted(tops)
    assert stops[0] is panel.text_edit  # the search first


def _open_dialogs(window) -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]


def test_esc_closes_each_dialog(window, qtbot) -> None:
    window.select_event(str(window.snapshot.events.ids[0]))
    c = window.curation
    openers = [c.edit_action.trigger, c.add_action.trigger, c.deleted_action.trigger,
               window.menus.shortcuts_action.trigger, window.menus.about_action.trigger,
               window.menus.export_image_action.trigger,
               lambda: window.library_actions.ask_publication_dates([int(window.snapshot.article_ids[0])]),
               lambda: window.messages.show_crash("Traceback\nValueError: a test")]
    for open_dialog in openers:
        open_dialog()
        qtbot.waitUntil(lambda: len(_open_dialogs(window)) == 1)
        (dialog,) = _open_dialogs(window)
        qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: not _open_dialogs(window))


def _tab_leaves(qtbot, table) -> None:
    table.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is table.window())
    table.setFocus()
    table.setCurrentIndex(table.model().index(0, 0))
    assert table.hasFocus()
    if table.model().rowCount() > 1:
        qtbot.keyClick(table, Qt.Key.Key_Down)
        assert table.currentIndex().row() == 1
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert not table.hasFocus(), type(QApplication.focusWidget()).__name__


def test_tab_leaves_every_table_and_the_arrows_still_move_its_row(window, qtbot) -> None:
    # Tab moved from cell to cell of a row-selecting table and never out of it: a keyboard user who
    # reached the events could not go on to the reader with Tab, nor from the shortcuts to Close.
    window.docks.library_dock.raise_()
    window.docks.history_dock.raise_()
    window.select_event(str(window.snapshot.events.ids[0]))
    window.curation.edit_action.trigger()  # a change, so that the history has a row
    qtbot.waitUntil(lambda: len(_open_dialogs(window)) == 1)
    (dialog,) = _open_dialogs(window)
    dialog.findChild(QCheckBox).setChecked(True)  # Verified
    with qtbot.waitSignal(window.events_reloaded, timeout=20_000):
        dialog.accept()
    window.select_event(str(window.snapshot.events.ids[0]))
    qtbot.waitUntil(lambda: window.curation.history_view.table.model().rowCount() > 0)
    for table in (window.table, window.library_panel.tree, window.curation.history_view.table):
        _tab_leaves(qtbot, table)
    window.menus.shortcuts_action.trigger()
    qtbot.waitUntil(lambda: window.menus.shortcuts_dialog is not None and window.menus.shortcuts_dialog.isVisible())
    _tab_leaves(qtbot, window.menus.shortcuts_dialog.table)


def test_tab_skips_the_panels_behind_another_panels_tab(window, qtbot) -> None:
    # Qt keeps a dock behind another's tab on the window, out of sight: Tab went into the Articles
    # panel behind Filters, and the focus vanished from the screen.
    window.docks.filters_dock.raise_()
    window.docks.reader_dock.raise_()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    hidden = (window.docks.library_dock, window.docks.history_dock, window.docks.relations_dock)
    window.filters.text_edit.setFocus()
    visited = []
    for _ in range(40):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
    assert not [w for w in visited if any(d.isAncestorOf(w) for d in hidden)]
    assert any(window.docks.timeline_dock.isAncestorOf(w) for w in visited)  # it goes on to the other panels
    # Negative: the Articles tab brought forward is reached by Tab.
    window.docks.library_dock.raise_()
    qtbot.waitUntil(lambda: window.docks.filters_dock.visibleRegion().isEmpty())
    window.library_panel.search.setFocus()
    qtbot.keyClick(window.library_panel.search, Qt.Key.Key_Tab)
    assert window.docks.library_dock.isAncestorOf(QApplication.focusWidget())


def _tab_walk(window, qtbot, steps: int) -> list[QWidget]:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    visited = [QApplication.focusWidget()]
    for _ in range(steps):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
    return visited


def test_the_search_has_the_first_focus_and_tab_goes_through_the_panels_in_reading_order(window, qtbot) -> None:
    assert QApplication.focusWidget() is window.filters.text_edit  # type to search at once
    visited = _tab_walk(window, qtbot, 24)
    docks = window.docks
    order = []
    for widget in visited:
        dock = next((d for d in (docks.filters_dock, docks.timeline_dock, docks.table_dock, docks.reader_dock)
                     if d.isAncestorOf(widget)), None)
        if dock is not None and (not order or order[-1] is not dock):
            order.append(dock)
    # Left to right, top to bottom, then round again.
    assert order[:5] == [docks.filters_dock, docks.timeline_dock, docks.table_dock, docks.reader_dock,
                         docks.filters_dock]
    # Every stop shows it has the keys: the filters' scroll area was a stop that showed nothing.
    assert not [w for w in visited if isinstance(w, QScrollArea)]
    assert any(isinstance(w, QPushButton) and w.text() == "Clear filters" for w in visited)


def _border(canvas) -> QColor:
    return canvas.grab().toImage().pixelColor(1, canvas.height() // 2)


def test_the_timeline_reached_by_tab_shows_a_focus_frame_a_click_does_not(window, qtbot) -> None:
    canvas = window.timeline.canvas
    highlight = canvas.theme().highlight
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    canvas.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(canvas.hasFocus)
    assert _border(canvas) == highlight
    window.table.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: not canvas.hasFocus())
    assert _border(canvas) != highlight  # gone with the focus
    canvas.setFocus(Qt.FocusReason.MouseFocusReason)  # a click: the selection shows where the user is
    qtbot.waitUntil(canvas.hasFocus)
    assert _border(canvas) != highlight


def test_enter_or_down_in_the_search_goes_on_to_the_events_found(window, qtbot) -> None:
    # The table was a dozen Tab stops away from the search box, past every filter.
    panel = window.filters
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Down):
        window.menus.find_action.trigger()
        qtbot.waitUntil(panel.text_edit.hasFocus)
        window.table.clearSelection()
        window.table.setCurrentIndex(window.table.model().index(-1, -1))
        qtbot.keyClicks(panel.text_edit, "Syria")
        qtbot.keyClick(panel.text_edit, key)
        qtbot.waitUntil(window.table.hasFocus)
        shown = window.event_model.rowCount()
        assert 0 < shown < len(window.snapshot.events.ids) and window.table.currentIndex().row() == 0
        assert window.selection.selected_event == window.event_model.event_id(0)  # the Reader shows it
        panel.text_edit.clear()
    # Negative: other keys in the search box type there, Up included.
    window.menus.find_action.trigger()
    qtbot.waitUntil(panel.text_edit.hasFocus)
    qtbot.keyClicks(panel.text_edit, "Tur")
    qtbot.keyClick(panel.text_edit, Qt.Key.Key_Up)
    assert panel.text_edit.hasFocus() and panel.text_edit.text() == "Tur"
