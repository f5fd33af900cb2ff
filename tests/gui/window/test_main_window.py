"""The real main window, driven as a user would: samples in, import, remove, docks, shortcuts, settings."""

from __future__ import annotations

import threading
from collections import defaultdict

import pandas as pd
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from timeline_app import paths
from timeline_app.gui.app import maybe_add_samples
from timeline_app.gui.dialogs import CrashDialog
from timeline_app.gui.panels.article_model import COL_ISSUER, NEEDS_DATE
from timeline_app.core.library.store import Library
from timeline_app.core.library.table import COLUMNS
from timeline_app.gui.workers import TaskWorker
from tests.gui.conftest import LOAD_TIMEOUT, drop_files, open_window, reloaded, window_settings


ARTICLE_WITH_DATE = """Ankara and Damascus agree to reopen border crossing

Published: 14 March 2023

Turkish and Syrian officials agreed on Tuesday to reopen the Kassab border crossing.
The crossing had been closed since 2012, Turkey's foreign ministry said.
"""

ARTICLE_WITHOUT_DATE = """Egypt and Sudan discuss Nile dam

Egyptian and Sudanese water ministers met in Cairo on Monday to discuss the Nile dam.
They plan to meet again next month in Khartoum.
"""


def test_a_first_start_on_a_library_that_cannot_be_written_says_so_and_keeps_the_window(qtbot, tmp_path) -> None:
    # A read-only library: the start-up's first write (the samples' mark) escaped run_gui and the app died.
    window = open_window(qtbot, tmp_path / "fresh.sqlite3", window_settings(tmp_path))
    window.library._db.execute("PRAGMA query_only = ON")  # what a read-only file gives: SQLITE_READONLY
    assert not maybe_add_samples(window)
    assert window.messages.last_message is not None and "read-only" in window.messages.last_message.text()
    assert window.isVisible()
    window.messages.last_message.close()
    window.library._db.execute("PRAGMA query_only = OFF")
    # Negative: a library that can be written gets the samples without a word.
    with qtbot.waitSignal(window.import_finished, timeout=LOAD_TIMEOUT):
        assert maybe_add_samples(window)


def test_first_start_imports_the_samples_and_shows_them(qtbot, tmp_path) -> None:
    library = tmp_path / "fresh.sqlite3"
    window = open_window(qtbot, library, window_settings(tmp_path))
    assert window.table_stack.currentWidget() is window.empty_label
    assert "No articles yet" in window.empty_label.text()
    # The timeline says it too, and what to do: it said "No events loaded".
    assert window.timeline.canvas.painter.empty_text == window.empty_label.text()
    with qtbot.waitSignal(window.import_finished, timeout=LOAD_TIMEOUT) as blocker, reloaded(qtbot, window):
        assert maybe_add_samples(window)
    report = blocker.args[0]
    n_samples = len(list(paths.SAMPLES.glob("*.txt")))
    assert report.added == n_samples and not report.skipped
    qtbot.waitUntil(lambda: window.event_model.rowCount() > 0, timeout=LOAD_TIMEOUT)
    assert window.table_stack.currentWidget() is window.table
    assert window.library_panel.count_label.text() == f"{n_samples} articles"
    assert window.messages.last_message is None  # a clean first start asks nothing
    total = window.event_model.total_count
    assert window.status_bar.count_label.text() == f"{total:,} of {total:,} events shown"
    assert not maybe_add_samples(window)  # only once per library
    # The samples mention a war "in the nineteenth century": neither the first view nor Fit (Ctrl+0)
    # is squeezed by it; an arrow at the end of the axis counts it, and Fit everything shows it.
    first = window.snapshot.events_frame()["date_start"].min()
    assert first < "1900"
    start, end = window.timeline.visible_range()
    assert start.isoformat() > "1950" and end.isoformat() >= window.snapshot.events_frame()["date_end"].max()
    window.menus.fit_action.trigger()
    assert window.timeline.visible_range()[0].isoformat() > "1950"
    window.timeline.canvas.repaint()
    assert "before" in window.timeline.canvas._items.edges
    window.timeline.fit_all(everything=True)
    assert window.timeline.visible_range()[0].isoformat() <= first
    window.close()


def test_remove_an_article_and_undo(window, qtbot) -> None:
    c = window.curation
    articles = window.snapshot.articles
    victim = articles.sort_values("event_count").iloc[-1]
    victim_id = int(victim["article_id"])
    n_articles = len(articles)
    owned = window.snapshot.events_frame()["article_ids"].map(lambda s: str(victim_id) in s.split(";"))
    sole = window.snapshot.events_frame().loc[owned & (window.snapshot.events_frame()["sources"] == 1), "event_id"]
    assert len(sole) > 0
    # A correction of one of its events, made before the removal, must come back with it.
    corrected = str(sole.iloc[0])
    window.select_event(corrected)
    with reloaded(qtbot, window):
        c.verify_action.trigger()
    before = window.snapshot.events_frame()[["event_id", "summary", "countries", "verified"]].copy()
    assert bool(before.set_index("event_id").loc[corrected, "verified"])

    window.library_panel.select_ids([victim_id])
    with reloaded(qtbot, window):
        window.library_panel.remove_action.trigger()
    assert len(window.snapshot.articles) == n_articles - 1
    assert not set(sole) & set(window.snapshot.events_frame()["event_id"])
    assert "Undo with Ctrl+Z" in window.statusBar().currentMessage()
    # The removal is on the one undo stack, after the correction, as Edit > Undo (Ctrl+Z) says.
    assert c.undo_action.shortcut().toString() == "Ctrl+Z"
    assert c.undo_action.text().startswith("&Undo remove article '" + str(victim["title"])[:20])
    assert c.undo_stack.count() == 2

    with reloaded(qtbot, window):
        c.undo_action.trigger()
    assert len(window.snapshot.articles) == n_articles
    back = window.snapshot.articles[window.snapshot.articles["title"] == victim["title"]]
    assert len(back) == 1 and int(back["article_id"].iloc[0]) == victim_id
    assert int(back["event_count"].iloc[0]) == int(victim["event_count"])
    assert back["published"].iloc[0] == victim["published"]
    after = window.snapshot.events_frame()[["event_id", "summary", "countries", "verified"]]
    pd.testing.assert_frame_equal(after.reset_index(drop=True), before.reset_index(drop=True))
    assert c.undo_action.text().startswith("&Undo mark verified")  # the correction is next

    with reloaded(qtbot, window):
        c.redo_action.trigger()  # Ctrl+Shift+Z removes it again
    assert len(window.snapshot.articles) == n_articles - 1
    assert not set(sole) & set(window.snapshot.events_frame()["event_id"])


def _open_folder(window, qtbot, monkeypatch, folder, files: dict[str, str]):
    """File > Open folder on a folder of `files` (name: text); the import's report."""
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    with qtbot.waitSignal(window.import_finished, timeout=LOAD_TIMEOUT) as blocker, reloaded(qtbot, window):
        window.menus.open_folder_action.trigger()
    return blocker.args[0]


def test_import_of_a_folder_with_a_bad_file_shows_one_summary(window, qtbot, tmp_path, monkeypatch) -> None:
    before = len(window.snapshot.articles)
    report = _open_folder(window, qtbot, monkeypatch, tmp_path / "incoming",
                          {"border.txt": ARTICLE_WITH_DATE, "empty.txt": ""})
    assert report.added == 1 and len(report.skipped) == 1
    boxes = [w for w in window.findChildren(QMessageBox) if w.isVisible()]
    assert boxes == [window.messages.last_message]
    box = window.messages.last_message
    assert box.text().startswith("1 article added") and "1 skipped" in box.text()
    assert "empty.txt" in box.detailedText()
    # What to do: a reason said what was wrong with the file, nothing said what the app would read.
    assert box.detailedText().endswith("then open it again.") and " .html " in box.detailedText()
    assert len(window.snapshot.articles) == before + 1
    box.accept()


def test_file_names_with_control_characters_are_shown_escaped(window, qtbot, tmp_path, monkeypatch) -> None:
    # A name with a newline or an escape sequence was written raw into messages (#18, item 16).
    shown_messages: list[str] = []
    window.statusBar().messageChanged.connect(shown_messages.append)
    _open_folder(window, qtbot, monkeypatch, tmp_path / "incoming",
                 {"a\x1b[2Jborder.txt": ARTICLE_WITH_DATE, "b\nskipped: forged.txt": ""})
    box = window.messages.last_message
    assert "b\\nskipped: forged.txt: empty file" in box.detailedText()
    assert "a\\x1b[2Jborder.txt" in shown_messages
    for text in [box.text(), box.detailedText(), *shown_messages]:
        assert "\x1b" not in text and "\nskipped: forged" not in text
    box.accept()


def test_a_folder_s_readme_is_not_imported_nor_asked_a_date_for(window, qtbot, tmp_path, monkeypatch) -> None:
    folder = tmp_path / "reporting"
    folder.mkdir()
    (folder / "border.txt").write_text(ARTICLE_WITH_DATE, encoding="utf-8")
    (folder / "README.md").write_text("# My notes\n\nThe articles I collected last week.\n", encoding="utf-8")
    (folder / "LICENSE").write_text("Copyright the reporters. All rights reserved.\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    with qtbot.waitSignal(window.import_finished, timeout=LOAD_TIMEOUT) as blocker, reloaded(qtbot, window):
        window.menus.open_folder_action.trigger()
    report = blocker.args[0]
    assert (report.added, report.needs_date, report.skipped) == (1, [], [])
    assert window.library_actions.date_dialog is None
    assert "README.md" not in set(window.snapshot.articles["source_path"].map(lambda p: p.rsplit("/", 1)[-1]))


def test_an_article_without_date_is_asked_for_one(window, qtbot, tmp_path, monkeypatch) -> None:
    path = tmp_path / "nile.txt"
    path.write_text(ARTICLE_WITHOUT_DATE, encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(path)], ""))
    with qtbot.waitSignal(window.import_finished, timeout=LOAD_TIMEOUT) as blocker, reloaded(qtbot, window):
        window.menus.open_files_action.trigger()
    (article_id,) = blocker.args[0].needs_date
    assert window.library_panel.needs_date_ids() == [article_id]
    assert window.library_panel.model.group_titles()[0] == f"{NEEDS_DATE} (1)"
    dialog = window.library_actions.date_dialog
    assert dialog is not None and dialog.isVisible()
    assert window.status_bar.needs_date_button.isVisible()
    assert window.status_bar.needs_date_button.text() == "1 article needs a publication date"
    dialog.reject()  # "Later"; the status bar button asks again
    qtbot.mouseClick(window.status_bar.needs_date_button, Qt.MouseButton.LeftButton)
    dialog = window.library_actions.date_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.date_edit(article_id).text() == "" and not dialog.set_button.isEnabled()  # no date assumed
    qtbot.keyClicks(dialog.date_edit(article_id), "2023-05-08")
    with qtbot.waitSignal(window.job_finished, timeout=LOAD_TIMEOUT), reloaded(qtbot, window):
        dialog.accept()
    qtbot.waitUntil(lambda: window.library_panel.needs_date_ids() == [], timeout=LOAD_TIMEOUT)
    row = window.snapshot.articles.set_index("article_id").loc[article_id]
    assert row["published"] == "2023-05-08" and row["published_source"] == "user"
    assert window.statusBar().currentMessage() == ("Publication date set for 1 article; its dates were resolved "
                                                   "again.")
    assert window.library_panel.row_texts(article_id)[4] == "you"
    assert not window.status_bar.needs_date_button.isVisible()


def test_docks_can_be_closed_and_come_back_at_the_next_start(window, qtbot, tmp_path) -> None:
    assert window.docks.reader_dock.isVisible()
    window.docks.reader_dock.toggleViewAction().trigger()
    assert not window.docks.reader_dock.isVisible()
    library = window.library_path
    settings = window.settings
    window.close()
    again = open_window(qtbot, library, settings)
    assert not again.docks.reader_dock.isVisible()
    again.menus.reset_layout_action.trigger()
    assert again.docks.reader_dock.isVisible()
    again.close()


def test_every_action_has_a_shortcut_listed_in_help(window, qtbot) -> None:
    menu_actions = []
    for menu in (a.menu() for a in window.menuBar().actions()):
        for action in menu.actions():
            if action.menu():
                menu_actions += [a for a in action.menu().actions() if not a.isSeparator()]
            elif not action.isSeparator():
                menu_actions.append(action)
    exempt = {window.menus.export_all_action, window.menus.about_action}
    missing = [a.text() for a in menu_actions if a not in exempt and a.shortcut().isEmpty()
               and window.menus.recent_menu.menuAction() is not a and a.parent() is not window.menus.recent_menu]
    assert missing == []
    # No key does two things: a key may be shared only by actions scoped to different widgets.
    by_key = defaultdict(set)
    for action in window.findChildren(QAction):
        if action.shortcutContext() != Qt.ShortcutContext.WidgetWithChildrenShortcut:
            for key in action.shortcuts():
                by_key[key.toString()].add(action.text())
    assert {k: v for k, v in by_key.items() if len(v) > 1} == {}
    window.menus.shortcuts_action.trigger()
    listed = dict(window.menus.shortcuts_dialog.rows())
    assert listed["Open files"] and listed["Undo the last change"] and listed["Clear filters"]
    window.menus.shortcuts_dialog.close()


def test_cancel_stops_a_long_import_and_keeps_what_was_read(window, qtbot, tmp_path, monkeypatch) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(40):
        (folder / f"2023-01-{(i % 28) + 1:02d}_note{i}.txt").write_text(
            f"Note {i} on Greek-Turkish talks\n\nGreece and Turkey held talks number {i} in Athens on "
            f"Monday and agreed to meet again in March.\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    before = len(window.snapshot.articles)

    def cancel_on_first_progress(done: int, total: int, what: str) -> None:
        if done >= 1 and window.status_bar.cancel_button.isEnabled():
            assert window.status_bar.progress.isVisible() and window.status_bar.cancel_button.isVisible()
            qtbot.mouseClick(window.status_bar.cancel_button, Qt.MouseButton.LeftButton)

    with qtbot.waitSignal(window.import_finished, timeout=LOAD_TIMEOUT) as blocker, reloaded(qtbot, window):
        window.menus.open_folder_action.trigger()
        window.jobs.current.progressed.connect(cancel_on_first_progress)
    report = blocker.args[0]
    assert report.cancelled and 1 <= report.added < 40
    assert len(window.snapshot.articles) == before + report.added
    assert not window.status_bar.progress.isVisible() and not window.status_bar.cancel_button.isVisible()


def _many_notes(folder, n: int = 60) -> None:
    folder.mkdir()
    for i in range(n):
        (folder / f"2023-01-{(i % 28) + 1:02d}_note{i}.txt").write_text(
            f"Note {i} on Greek-Turkish talks\n\nGreece and Turkey held talks number {i} in Athens on "
            f"Monday and agreed to meet again in March.\n", encoding="utf-8")


def test_closing_during_an_import_asks_first_and_keep_working_keeps_it_running(window, qtbot, tmp_path,
                                                                                monkeypatch) -> None:
    _many_notes(tmp_path / "many")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path / "many"))
    with qtbot.waitSignal(window.import_finished, timeout=LOAD_TIMEOUT) as blocker:
        window.menus.open_folder_action.trigger()
        assert not window.close()  # an import runs: the window stays, and asks
        box = window.messages.last_message
        assert box is not None and "importing" in box.text() and box.defaultButton().text() == "Keep Working"
        box.defaultButton().click()
        assert window.isVisible() and window.jobs.busy()
    assert not blocker.args[0].cancelled and blocker.args[0].added == 60


def test_stop_and_quit_stops_the_import_and_closes_keeping_what_was_read(window, qtbot, tmp_path,
                                                                         monkeypatch) -> None:
    _many_notes(tmp_path / "many")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path / "many"))
    library = window.library_path
    before = len(window.snapshot.articles)
    asked = []

    def quit_on_first_progress(done: int, total: int, what: str) -> None:
        if done >= 1 and not asked:
            asked.append(window.close())
            [stop] = [b for b in window.messages.last_message.buttons() if b.text() == "Stop and Quit"]
            stop.click()

    window.menus.open_folder_action.trigger()
    worker = window.jobs.current
    worker.progressed.connect(quit_on_first_progress)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=LOAD_TIMEOUT)
    # Closed only once the import had stopped: asked to, and its thread ended.
    assert asked == [False] and worker.cancel_requested and not worker.is_running()
    with Library(library) as lib:
        kept = len(lib.articles_frame())
    assert before < kept < before + 60


def test_dropping_files_on_the_window_imports_them(window, qtbot, tmp_path) -> None:
    path = tmp_path / "border.txt"
    path.write_text(ARTICLE_WITH_DATE, encoding="utf-8")
    with qtbot.waitSignal(window.import_finished, timeout=LOAD_TIMEOUT) as blocker, reloaded(qtbot, window):
        drop_files(window, [path])
    assert blocker.args[0].added == 1
    assert "Ankara and Damascus agree to reopen border crossing" in set(window.snapshot.articles["title"])


def test_a_bug_in_a_job_shows_the_crash_dialog_and_the_window_goes_on(window, qtbot) -> None:
    def broken(progress, cancel):
        raise KeyError("no such column")

    with qtbot.waitSignal(window.job_finished, timeout=10_000):
        window.jobs.enqueue(TaskWorker(broken, "testing"))
    dialogs = [d for d in window.findChildren(CrashDialog) if d.isVisible()]
    assert len(dialogs) == 1 and "KeyError" in dialogs[0].details.toPlainText()
    dialogs[0].close()
    assert not window.status_bar.progress.isVisible()


def test_lane_mode_is_kept_and_go_to_date_shows_the_month_typed(window, qtbot, monkeypatch) -> None:
    window.menus.lane_actions["event_type"].trigger()
    assert window.timeline.lane_mode() == "event_type"
    types = set(window.snapshot.events_frame()["event_type"]) - {""}
    assert types <= set(window.timeline.lane_keys()) | {""}
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("2021-06", True))
    window.menus.go_to_date_action.trigger()
    start, end = window.timeline.visible_range()
    # The month typed fills the view (Ctrl+G once only centred it at the zoom it had).
    assert start <= pd.Timestamp("2021-06-01").date() and pd.Timestamp("2021-06-30").date() <= end
    assert (end - start).days < 40
    library, settings = window.library_path, window.settings
    window.close()
    again = open_window(qtbot, library, settings)
    assert again.timeline.lane_mode() == "event_type"
    assert again.menus.lane_actions["event_type"].isChecked()
    again.close()


def test_an_import_keeps_the_users_zoom(window, qtbot, tmp_path) -> None:
    start, end = pd.Timestamp("2023-04-01").date(), pd.Timestamp("2023-06-30").date()
    window.timeline.zoom_to_date_range(start, end)
    before = window.timeline.visible_range()
    path = tmp_path / "border.txt"
    path.write_text(ARTICLE_WITH_DATE, encoding="utf-8")
    with qtbot.waitSignal(window.import_finished, timeout=LOAD_TIMEOUT), reloaded(qtbot, window):
        window.open_inputs([str(path)])
    after = window.timeline.visible_range()
    assert abs((after[0] - before[0]).days) <= 1 and abs((after[1] - before[1]).days) <= 1


def test_table_columns_can_be_hidden_and_stay_hidden(window, qtbot) -> None:
    written_as = next(i for i, c in enumerate(COLUMNS) if c.field == "date_text")
    menu = window.table.column_menu()
    action = next(a for a in menu.actions() if a.text() == "Written as")
    action.setChecked(False)
    assert window.table.isColumnHidden(written_as)
    assert not next(a for a in menu.actions() if a.text() == "Summary").isEnabled()
    library, settings = window.library_path, window.settings
    window.close()
    again = open_window(qtbot, library, settings)
    assert again.table.isColumnHidden(written_as)
    again.close()


def test_skipped_files_and_an_undated_article_ask_one_thing_at_a_time(window, qtbot, tmp_path) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "nile.txt").write_text(ARTICLE_WITHOUT_DATE, encoding="utf-8")
    with qtbot.waitSignal(window.import_finished, timeout=LOAD_TIMEOUT), reloaded(qtbot, window):
        window.open_inputs([str(folder)])
    box = window.messages.last_message
    assert box is not None and box.isVisible() and "1 skipped" in box.text()
    assert window.library_actions.date_dialog is None or not window.library_actions.date_dialog.isVisible()
    box.accept()
    qtbot.waitUntil(lambda: window.library_actions.date_dialog is not None and window.library_actions.date_dialog.isVisible(), timeout=5000)
    window.library_actions.date_dialog.reject()


STATEMENT = """Readout: The Secretary's Call with Kenyan President Ruto

Published: 10 May 2024

The Secretary spoke with Kenyan President William Ruto on Tuesday about the police mission.
We welcome Kenya's leadership.
"""


def test_the_issuer_is_shown_and_can_be_changed_in_the_articles_panel_and_the_reader(window, qtbot, tmp_path,
                                                                                     monkeypatch) -> None:
    path = tmp_path / "readout.txt"
    path.write_text(STATEMENT, encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(path)], ""))
    with qtbot.waitSignal(window.import_finished, timeout=LOAD_TIMEOUT) as blocker, reloaded(qtbot, window):
        window.menus.open_files_action.trigger()
    (article_id,) = blocker.args[0].added_ids
    panel = window.library_panel
    assert panel.row_texts(article_id)[COL_ISSUER] == "—"  # a text file: no address, no header naming one
    panel.select_ids([article_id])
    qtbot.waitUntil(lambda: window.reader.article_id == article_id, timeout=LOAD_TIMEOUT)
    assert "No issuer" in window.reader.issuer_label.text()
    mentions = window.library.curated_mentions()
    assert mentions[mentions["article_id"] == article_id]["countries"].tolist()[0] == "KEN"
    window.reader.issuer_label.linkActivated.emit("issuer")  # "set one"
    dialog = window.library_actions.issuer_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.setTextValue("United States (USA)")
    with qtbot.waitSignal(window.job_finished, timeout=LOAD_TIMEOUT), reloaded(qtbot, window):
        dialog.accept()
    qtbot.waitUntil(lambda: panel.row_texts(article_id)[COL_ISSUER] == "USA", timeout=LOAD_TIMEOUT)
    issuer = panel.model.index_of(article_id).siblingAtColumn(COL_ISSUER)
    assert "given by you" in panel.model.data(issuer, Qt.ItemDataRole.ToolTipRole)
    mentions = window.library.curated_mentions()
    assert mentions[mentions["article_id"] == article_id]["countries"].tolist()[0] == "KEN;USA"  # the Secretary
    panel.select_ids([article_id])
    qtbot.waitUntil(lambda: "United States" in window.reader.issuer_label.text(), timeout=LOAD_TIMEOUT)
    panel.resize(760, panel.height())
    panel.grab().save(str(tmp_path / "articles_issuer.png"))
    window.reader.grab().save(str(tmp_path / "reader_issuer.png"))
    panel.issuer_action.trigger()  # the panel's action asks too
    assert window.library_actions.issuer_dialog.isVisible()
    assert window.library_actions.issuer_dialog.textValue() == "United States (USA)"
    window.library_actions.issuer_dialog.reject()


JOINT_STATEMENT = """Joint Statement by the Foreign Ministers of Ghana, Togo and Benin

Published: 12 March 2025

Our navies carried out a first joint patrol in January.
"""


def test_a_joint_issuer_is_shown_as_a_list_and_can_be_typed_as_one(window, qtbot, tmp_path) -> None:
    path = tmp_path / "joint.txt"
    path.write_text(JOINT_STATEMENT, encoding="utf-8")
    with qtbot.waitSignal(window.import_finished, timeout=LOAD_TIMEOUT) as blocker, reloaded(qtbot, window):
        window.open_inputs([str(path)])
    (article_id,) = blocker.args[0].added_ids
    panel = window.library_panel
    assert panel.row_texts(article_id)[COL_ISSUER] == "GHA;TGO;BEN"  # found in the header
    mentions = window.library.curated_mentions()
    assert mentions[mentions["article_id"] == article_id]["countries"].tolist() == ["BEN;GHA;TGO"]
    panel.select_ids([article_id])
    qtbot.waitUntil(lambda: "Issued jointly by" in window.reader.issuer_label.text(), timeout=LOAD_TIMEOUT)
    assert "Ghana, Togo and Benin" in window.reader.issuer_label.text()
    window.reader.issuer_label.linkActivated.emit("issuer")
    dialog = window.library_actions.issuer_dialog
    dialog.setTextValue("Atlantis; GHA")  # a name the app does not know: nothing changes
    dialog.accept()
    assert panel.row_texts(article_id)[COL_ISSUER] == "GHA;TGO;BEN"
    window.reader.issuer_label.linkActivated.emit("issuer")
    dialog = window.library_actions.issuer_dialog
    dialog.setTextValue("gha; Togo")
    with qtbot.waitSignal(window.job_finished, timeout=LOAD_TIMEOUT), reloaded(qtbot, window):
        dialog.accept()
    qtbot.waitUntil(lambda: panel.row_texts(article_id)[COL_ISSUER] == "GHA;TGO", timeout=LOAD_TIMEOUT)
    mentions = window.library.curated_mentions()
    assert mentions[mentions["article_id"] == article_id]["countries"].tolist() == ["GHA;TGO"]


def test_two_imports_queued_both_say_what_they_added(window, qtbot, tmp_path) -> None:
    first, second = tmp_path / "border.txt", tmp_path / "statement.txt"
    first.write_text(ARTICLE_WITH_DATE, encoding="utf-8")
    second.write_text(STATEMENT, encoding="utf-8")
    window.open_inputs([str(first)])
    window.open_inputs([str(second)])  # opened while the first import runs
    qtbot.waitUntil(lambda: not window.jobs.busy() and not window.reads.busy(), timeout=LOAD_TIMEOUT)
    message = window.statusBar().currentMessage()
    assert message == "1 article added. Before that: 1 article added.", message


def _running(window, qtbot, description: str) -> threading.Event:
    """A job of that description running in the window's queue until the returned gate is set."""
    gate = threading.Event()
    window.jobs.enqueue(TaskWorker(lambda _p, cancel: gate.wait(10) and None, description))
    qtbot.waitUntil(lambda: window.jobs.current is not None and window.jobs.current.is_running())
    return gate


def test_while_an_export_runs_the_window_says_so_not_an_import(window, qtbot, tmp_path, monkeypatch) -> None:
    # Switching libraries during an export said "An import is still running", and Quit said that the
    # articles read so far stay in the library: an export keeps no file.
    messages = []
    monkeypatch.setattr(window.messages, "show_message", lambda title, text, *a: messages.append(text))
    gate = _running(window, qtbot, "exporting to events.csv")
    assert not window.open_library(tmp_path / "other.sqlite3")
    assert messages[-1].startswith("The app is exporting to events.csv.") and "import" not in messages[-1]
    assert not window.close()
    box = window.messages.last_message
    assert "exporting to events.csv" in box.text() and box.informativeText().startswith("No file is written")
    box.defaultButton().click()  # Keep Working
    gate.set()
    qtbot.waitUntil(lambda: not window.jobs.busy())
    # Negative: an import says what it keeps.
    gate = _running(window, qtbot, "importing 3 inputs")
    assert not window.close()
    assert window.messages.last_message.informativeText().startswith("What has been read so far is kept")
    window.messages.last_message.defaultButton().click()
    gate.set()
    qtbot.waitUntil(lambda: not window.jobs.busy())


def test_an_empty_library_says_an_import_runs_until_its_events_come(qtbot, tmp_path) -> None:
    window = open_window(qtbot, tmp_path / "fresh.sqlite3", window_settings(tmp_path))
    (tmp_path / "a.txt").write_text(ARTICLE_WITH_DATE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE_WITH_DATE.replace("Tuesday", "Monday"), encoding="utf-8")
    painter = window.timeline.canvas.painter
    with reloaded(qtbot, window):
        window.library_actions.open_inputs([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")])
        # "No articles yet: open files …" while they were being read said the import had not begun.
        assert window.empty_label.text().startswith("Importing 2 inputs…") and "Cancel" in window.empty_label.text()
        assert painter.empty_text == window.empty_label.text()
    assert window.table_stack.currentWidget() is window.table
    assert not painter.empty_text or not painter.empty_text.startswith("Importing")


def test_a_library_with_events_keeps_them_in_view_while_an_import_runs(window, qtbot, tmp_path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE_WITH_DATE, encoding="utf-8")
    before = window.empty_label.text()
    with reloaded(qtbot, window):
        window.library_actions.open_inputs([str(tmp_path / "a.txt")])
        assert window.empty_label.text() == before and window.table_stack.currentWidget() is window.table
        assert not (window.timeline.canvas.painter.empty_text or "").startswith("Importing")



def test_importing_one_folder_names_it_where_the_events_will_be_and_in_the_status_bar(qtbot, tmp_path) -> None:
    window = open_window(qtbot, tmp_path / "fresh.sqlite3", window_settings(tmp_path))
    folder = tmp_path / "news"
    folder.mkdir()
    for name in ("a.txt", "b.txt"):
        (folder / name).write_text(ARTICLE_WITH_DATE.replace("Tuesday", "Monday" if name == "a.txt" else "Tuesday"),
                                   encoding="utf-8")
    with reloaded(qtbot, window):
        window.library_actions.open_inputs([str(folder) + "/"])
        # "Importing 1 input…" for a folder of many files said nothing of what was read.
        assert window.empty_label.text().startswith("Importing “news”…")
        assert window.jobs.description() == "importing “news”"

def test_a_failed_import_says_again_why_the_library_is_empty(qtbot, tmp_path) -> None:
    window = open_window(qtbot, tmp_path / "fresh.sqlite3", window_settings(tmp_path))
    (tmp_path / "a.txt").write_text(ARTICLE_WITH_DATE, encoding="utf-8")
    with reloaded(qtbot, window):
        window.library_actions.open_inputs([str(tmp_path / "a.txt")])
        assert window.empty_label.text().startswith("Importing “a.txt”…")
        window.jobs.failed.emit("importing 1 input", "The library is locked.")  # as a failed job reports it
        assert window.empty_label.text().startswith("No articles yet")
        assert window.timeline.canvas.painter.empty_text == window.empty_label.text()
    for box in window.findChildren(QMessageBox):
        box.close()
