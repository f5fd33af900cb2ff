"""ExportActions in the real window: every format writes the filtered events, or all of them."""

from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from timeline_app.core.library.export import EXPORT_FORMATS, RELATIONS
from timeline_app.core.library.filters import FilterSpec
from timeline_app.core.timeline.picture import ImageOptions
from tests.gui.conftest import check_country, countries_of


# The Relations chart's numbers are rows of its chart, not events: tests/gui/relations test them.
@pytest.mark.parametrize("fmt", [f.key for f in EXPORT_FORMATS if f.rows != RELATIONS])
def test_export_writes_the_filtered_events(window, qtbot, tmp_path, monkeypatch, fmt) -> None:
    events = window.snapshot.events_frame()
    sets = countries_of(events)
    code = Counter(c for s in sets for c in s).most_common(1)[0][0]
    check_country(window, code)
    shown = set(events.loc[sets.map(lambda s: code in s), "event_id"])
    assert 0 < len(shown) < len(events)
    target = tmp_path / "out" / f"export-{fmt}"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    with qtbot.waitSignal(window.exported, timeout=30_000) as blocker:
        window.menus.export_actions[fmt].trigger()
    path = Path(blocker.args[0])
    assert path.exists() and path.suffix == next(f.suffix for f in EXPORT_FORMATS if f.key == fmt)
    if fmt == "events_csv":
        with path.open(encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.DictReader(fh))
        assert {r["event_id"] for r in rows} == shown
        assert all(code in r["countries"].split(";") for r in rows)
        assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # BOM, for spreadsheets
    elif fmt == "mentions_csv":
        with path.open(encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.DictReader(fh))
        assert rows and {r["event_id"] for r in rows} == shown
        assert {"char_start", "char_end", "date_value", "evidence"} <= set(rows[0])
    elif fmt == "timelinejs":
        doc = json.loads(path.read_text(encoding="utf-8"))
        assert len(doc["events"]) == len(shown)
        assert all("year" in e["start_date"] for e in doc["events"])
    elif fmt == "jsonl":
        lines = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
        assert {x["event_id"] for x in lines} == shown
    elif fmt == "xlsx":
        sheet = pd.read_excel(path)
        assert set(sheet["event_id"].astype(str)) == shown
    assert blocker.args[1] == (len(shown) if fmt != "mentions_csv" else len(rows))

    # "Export all events" ignores the filters.
    window.menus.export_all_action.trigger()
    assert window.exports.export(fmt, str(tmp_path / f"all-{fmt}")) >= len(events) if fmt == "mentions_csv" \
        else window.exports.export(fmt, str(tmp_path / f"all-{fmt}")) == len(events)


def test_the_status_bar_says_what_was_exported(window, qtbot, tmp_path) -> None:
    total = len(window.snapshot.events)
    window.exports.export("events_csv", str(tmp_path / "all.csv"))
    assert window.statusBar().currentMessage().startswith(f"Exported {total} events to ")  # no filter: not "filtered"
    for summary in window.snapshot.events_frame()["summary"]:  # a search that keeps one event
        window.filters.set_spec(FilterSpec(text=summary))
        if window.event_model.rowCount() == 1:
            break
    assert window.event_model.rowCount() == 1
    window.exports.export("events_csv", str(tmp_path / "one.csv"))
    assert window.statusBar().currentMessage().startswith("Exported 1 filtered event to ")
    window.menus.export_all_action.trigger()
    window.exports.export("events_csv", str(tmp_path / "every.csv"))
    assert window.statusBar().currentMessage().startswith(f"Exported all {total} events (filters ignored) to ")


def test_the_timeline_is_saved_as_an_svg_by_its_name_and_as_a_pdf_page(window, qtbot, tmp_path) -> None:
    check_country(window, "TUR")
    check_country(window, "SYR")
    window.filters.all_radio.setChecked(True)
    window.menus.export_image_action.trigger()
    dialog = window.exports.image_dialog
    assert dialog is not None and dialog.isVisible()
    title = dialog.title_edit.text()  # worded from the filters: "Syria and Türkiye, 2012–2023"
    assert title.split(", ")[0] in ("Türkiye and Syria", "Syria and Türkiye") and title[-4:].isdigit()
    assert dialog.subtitle_edit.text() in ("Events involving both Türkiye and Syria",
                                           "Events involving both Syria and Türkiye")
    dialog.path_edit.setText(str(tmp_path / "timeline.svg"))
    with qtbot.waitSignal(window.exports.image_saved, timeout=30_000) as blocker:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert Path(blocker.args[0]) == tmp_path / "timeline.svg" and not (tmp_path / "timeline.svg.png").exists()
    svg = (tmp_path / "timeline.svg").read_text(encoding="utf-8")
    assert svg.startswith("<?xml") and f">{title}<" in svg  # the title, as text
    assert "SVG drawing" in window.statusBar().currentMessage()

    window.menus.export_image_action.trigger()
    dialog = window.exports.image_dialog
    dialog.path_edit.setText(str(tmp_path / "report.pdf"))
    qtbot.mouseClick(dialog.page_radio, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(window.exports.image_saved, timeout=30_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")
    assert "PDF document, A4 landscape, 1 page" in window.statusBar().currentMessage()


def test_the_events_are_exported_in_the_order_the_table_shows_them(window, qtbot, tmp_path) -> None:
    model = window.event_model
    summary = next(c for c in range(model.columnCount())
                   if model.headerData(c, Qt.Orientation.Horizontal) == "Summary")
    window.table.sortByColumn(summary, Qt.SortOrder.DescendingOrder)
    shown = [model.event_id(r) for r in range(model.rowCount())]
    path = tmp_path / "sorted.csv"
    assert window.exports.export("events_csv", str(path)) == len(shown)
    assert pd.read_csv(path, encoding="utf-8-sig")["event_id"].tolist() == shown
    # Negative: unsorted, the table and the file are in date order.
    window.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    dated = window.snapshot.events_frame()["event_id"].tolist()
    window.exports.export("events_csv", str(path))
    assert pd.read_csv(path, encoding="utf-8-sig")["event_id"].tolist() == dated


def test_an_export_chosen_in_the_menu_runs_off_the_gui_thread_with_cancel(window, qtbot, tmp_path,
                                                                           monkeypatch) -> None:
    target = tmp_path / "events.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    with qtbot.waitSignal(window.exported, timeout=30_000) as blocker:
        window.menus.export_actions["events_csv"].trigger()
        assert window.jobs.busy() and window.status_bar.cancel_button.isVisible()  # the window answers meanwhile
    assert blocker.args == [str(target), len(window.snapshot.events_frame())] and target.exists()
    assert not (tmp_path / "events.partial.csv").exists()


def test_a_cancelled_export_leaves_the_earlier_file_as_it_was(window, qtbot, tmp_path, monkeypatch) -> None:
    target = tmp_path / "out" / "events.xlsx"
    target.parent.mkdir()
    target.write_bytes(b"the earlier file")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    exported = []
    window.exported.connect(lambda *args: exported.append(args))
    window.menus.export_actions["xlsx"].trigger()
    window.status_bar.cancel_button.click()
    qtbot.waitUntil(lambda: not window.jobs.busy(), timeout=60_000)
    assert target.read_bytes() == b"the earlier file" and exported == []
    assert sorted(p.name for p in target.parent.iterdir()) == ["events.xlsx"]
    assert window.status_bar.currentMessage().startswith("Export cancelled")


def test_cancel_says_what_it_stops(window, tmp_path, monkeypatch) -> None:
    target = tmp_path / "out.jsonl"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.menus.export_actions["jsonl"].trigger()
    tip = window.status_bar.cancel_button.toolTip()
    assert tip.startswith("Stop exporting to out.jsonl: no file is written") and "import" not in tip
    window.status_bar.cancel_button.click()


def test_the_picture_is_drawn_off_the_gui_thread_with_cancel(window, qtbot, tmp_path) -> None:
    # A picture of a large library took seconds on the GUI thread: the window froze meanwhile.
    window.menus.export_image_action.trigger()
    dialog = window.exports.image_dialog
    dialog.path_edit.setText(str(tmp_path / "timeline.png"))
    with qtbot.waitSignal(window.exports.image_saved, timeout=30_000):
        dialog.accept()
        assert window.jobs.busy() and window.status_bar.cancel_button.isVisible()  # the window answers meanwhile
        assert window.status_bar.cancel_button.toolTip().startswith("Stop saving the timeline to timeline.png: no file")
    assert (tmp_path / "timeline.png").read_bytes().startswith(b"\x89PNG")
    assert window.statusBar().currentMessage().startswith("Timeline saved to ")
    # Cancelled: no file, nor half of one, and the earlier file of that name as it was.
    qtbot.waitUntil(lambda: not window.jobs.busy(), timeout=30_000)
    saved = []
    window.exports.image_saved.connect(saved.append)
    (tmp_path / "report.pdf").write_bytes(b"the earlier file")
    window.exports.save_image(tmp_path / "report.pdf", ImageOptions(format="pdf", page="A4"))
    window.status_bar.cancel_button.click()
    qtbot.waitUntil(lambda: not window.jobs.busy(), timeout=30_000)
    assert saved == [] and (tmp_path / "report.pdf").read_bytes() == b"the earlier file"
    assert not list(tmp_path.glob("*.partial*")) and not list(tmp_path.glob("*.pdf.*"))
    assert window.statusBar().currentMessage().startswith("Image cancelled")


def test_a_picture_that_cannot_be_written_says_so_once(window, qtbot, tmp_path, monkeypatch) -> None:
    messages = []
    monkeypatch.setattr(window.messages, "show_message", lambda title, text: messages.append((title, text)))
    window.exports.save_image(tmp_path / "no such folder" / "t.png", ImageOptions())
    qtbot.waitUntil(lambda: not window.jobs.busy(), timeout=30_000)
    assert len(messages) == 1 and messages[0][0] == "Error while saving the timeline to t.png"
    assert "no such folder/t.png" in messages[0][1] and "partial" not in messages[0][1]  # the name the user gave
    # The same for the events: the name given, not the one written meanwhile.
    (tmp_path / "a file").write_text("not a folder")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "a file" / "e.csv"), ""))
    window.menus.export_actions["events_csv"].trigger()
    qtbot.waitUntil(lambda: not window.jobs.busy(), timeout=30_000)
    assert len(messages) == 2 and "a file/e.csv" in messages[1][1] and "partial" not in messages[1][1]


def test_with_no_event_to_export_the_window_says_what_to_do_and_writes_nothing(window, qtbot, tmp_path,
                                                                                monkeypatch) -> None:
    # Filters that kept nothing gave an empty CSV, and a picture of the empty year 1970.
    messages, asked = [], []
    monkeypatch.setattr(window.messages, "show_message", lambda title, text, *a: messages.append((title, text)))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: asked.append(a) or ("", ""))
    window.filters.set_spec(FilterSpec(text="no event says this"))
    assert window.event_model.rowCount() == 0
    window.menus.export_actions["events_csv"].trigger()
    window.menus.export_image_action.trigger()
    assert asked == [] and window.exports.image_dialog is None
    assert [t for t, _ in messages] == ["No events to export"] * 2
    assert "Export all events" in messages[0][1] and "Export all events" not in messages[1][1]
    assert "Clear the filters" in messages[1][1]
    # Negative: "Export all events" exports every event whatever the filters: the file dialog opens.
    window.menus.export_all_action.trigger()
    window.menus.export_actions["events_csv"].trigger()
    assert len(asked) == 1 and len(messages) == 2
