"""SelectionSync in the real window: one event selected in the table, the timeline and the reader."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.gui.conftest import LOAD_TIMEOUT, open_window, window_settings
from timeline_app.core import pipeline


def test_selecting_an_event_shows_its_article_with_the_sentence_highlighted(window, qtbot) -> None:
    window.table.selectRow(0)
    event_id = window.event_model.event_id(0)
    qtbot.waitUntil(lambda: window.reader.article_id is not None, timeout=10_000)
    key = window.selection.event_mention(event_id)["mention_key"]
    mention = window.library.curated_mentions().set_index("mention_key").loc[key]
    assert window.reader.article_id == int(mention["article_id"])
    assert window.reader.focused_date_text() == mention["date_text"]
    sentence = window.reader.highlighted_text()
    assert mention["date_text"] in sentence
    assert " ".join(sentence.split()) == " ".join(str(mention["evidence"]).split())
    assert window.timeline.selected_event() == event_id
    assert window.reader.dates, "every date expression of the article is marked"

    # And the other way: the timeline selects, the table follows.
    other = window.event_model.event_id(window.event_model.rowCount() - 1)
    window.timeline.event_selected.emit(other)
    assert window.table.current_event_id() == other


def test_the_reader_marks_the_dates_the_library_holds(window, qtbot) -> None:
    window.table.selectRow(0)
    qtbot.waitUntil(lambda: window.reader.article_id is not None, timeout=10_000)
    article_id = window.reader.article_id
    stored = window.library.article_dates(article_id)
    assert stored and list(window.reader.dates) == stored
    mentions = window.library.curated_mentions()
    mentions = mentions[mentions["article_id"] == article_id]
    assert {(d.start, d.end) for d in window.reader.dates} == set(zip(mentions["char_start"], mentions["char_end"]))
    # The date line dates the article; it is no mention of an event, and it is not marked as one.
    text = window.reader.article.text
    line = text.index("Published:")
    assert not [d for d in window.reader.dates if line <= d.start < text.index("\n", line)]
    assert window.reader.entities, "the countries the article names are underlined"


def test_table_context_actions_zoom_the_timeline_and_open_the_article(window, qtbot) -> None:
    row = window.event_model.rowCount() - 1
    event_id = window.event_model.event_id(row)
    event = window.snapshot.events_frame().set_index("event_id").loc[event_id]
    window.table.zoom_requested.emit(event_id)
    start, end = window.timeline.visible_range()
    assert start.isoformat() <= event["date_start"] and event["date_end"] <= end.isoformat()
    assert (end - start).days < 400
    window.docks.reader_dock.close()
    window.table.article_requested.emit(event_id)
    assert window.docks.reader_dock.isVisible()
    assert window.reader.article_id == int(window.selection.event_mention(event_id)["article_id"])


def test_clicking_a_date_in_the_reader_selects_its_event(window, qtbot) -> None:
    mentions = window.library.curated_mentions()
    target = mentions[mentions["event_id"].isin(window.snapshot.events_frame()["event_id"])].iloc[-1]
    article_id = int(target["article_id"])
    window.library_panel.select_ids([article_id])
    assert window.reader.article_id == article_id
    reader = window.reader.text
    cursor = reader.textCursor()
    cursor.setPosition(window.reader.position_of(int(target["char_start"]) + 1))
    reader.setTextCursor(cursor)
    reader.ensureCursorVisible()
    point = reader.cursorRect(cursor).center()
    qtbot.mouseClick(reader.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.table.current_event_id() == target["event_id"]
    assert window.timeline.selected_event() == target["event_id"]
    assert window.reader.focused_date_text() == target["date_text"]


def test_an_event_reported_twice_links_to_its_other_article(window, qtbot) -> None:
    events = window.snapshot.events_frame()
    multi = events[events["sources"] > 1]
    assert len(multi), "the test corpus has events reported by two articles"
    event = multi.iloc[0]
    ids = [int(a) for a in event["article_ids"].split(";")]
    window.select_event(event["event_id"])
    first = window.reader.article_id
    assert first in ids and window.reader.sources_label.isVisible()
    other = next(a for a in ids if a != first)
    assert f"article:{other}" in window.reader.sources_label.text()
    window.reader.sources_label.linkActivated.emit(f"article:{other}")
    assert window.reader.article_id == other
    assert window.reader.highlighted_text()  # the other article's sentence is emphasised
    assert f"article:{first}" in window.reader.sources_label.text()


def test_zoom_to_selected_event_is_offered_only_while_an_event_is_selected(window, qtbot) -> None:
    zoom = window.menus.zoom_event_action
    assert not zoom.isEnabled(), "View > Zoom to selected event with nothing selected would do nothing"
    row = window.event_model.rowCount() - 1
    event_id = window.event_model.event_id(row)
    window.table.selectRow(row)
    assert zoom.isEnabled()
    zoom.trigger()
    event = window.snapshot.events_frame().set_index("event_id").loc[event_id]
    start, end = window.timeline.visible_range()
    assert start.isoformat() <= event["date_start"] and event["date_end"] <= end.isoformat()
    assert (end - start).days < 400
    window.timeline.canvas.setFocus()
    qtbot.keyClick(window.timeline.canvas, Qt.Key.Key_Escape)  # the timeline's "clear the selection"
    assert window.selection.selected_event == ""
    assert not zoom.isEnabled()


PREPARED = """Greece and Turkey prepare talks

Published: 20 March 2023

Greek and Turkish diplomats met in Athens in early March 2023 to prepare the talks.

The foreign ministers of Greece and Turkey met in Athens on 13 March 2023 and agreed to meet again.
"""
LATER_REPORT = """Athens talks end with a pledge

Published: 21 March 2023

Turkey's foreign minister said on Tuesday that the meeting with his Greek counterpart in Athens on 13 March 2023 had gone well.
"""


def test_the_reader_emphasises_the_sentence_the_events_summary_comes_from(qtbot, tmp_path) -> None:
    # An event of several mentions in one article: the first in the text was emphasised ("early March
    # 2023"), not the sentence of the summary and the date the table shows ("13 March 2023").
    for name, text in (("a.txt", PREPARED), ("b.txt", LATER_REPORT)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    library = tmp_path / "library.sqlite3"
    pipeline.import_inputs([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")], library, workers=1)
    window = open_window(qtbot, library, window_settings(tmp_path))
    row = next(r for r in range(window.event_model.rowCount())
               if window.event_model.data(window.event_model.index(r, 0)) == "2023-03-13")
    event_id = window.event_model.event_id(row)
    prepared = int(window.snapshot.article_ids.min())
    qtbot.waitUntil(lambda: window.snapshot.complete, timeout=LOAD_TIMEOUT)
    window.selection.show_article(prepared + 1)  # the later report in the reader first
    window.select_event(event_id)
    # Negative: the article in the reader reports the event too: it stays, its own sentence emphasised.
    assert window.reader.article_id == prepared + 1 and window.reader.focused_date_text() == "13 March 2023"
    window.selection.show_article(prepared)
    window.select_event("")
    window.select_event(event_id)
    assert window.reader.article_id == prepared and window.reader.focused_date_text() == "13 March 2023"
    assert "foreign ministers of Greece and Turkey met" in window.reader.highlighted_text()
    window.close()


def test_selecting_an_event_marks_its_article_in_the_articles_panel(window, qtbot) -> None:
    qtbot.waitUntil(lambda: window.snapshot.complete, timeout=LOAD_TIMEOUT)
    mentions = window.library.curated_mentions()
    by_article = mentions.drop_duplicates("article_id").set_index("article_id")["event_id"]
    (first, first_event), (second, second_event) = list(by_article.items())[:2]
    window.select_event(first_event)
    assert window.library_panel.selected_ids() == [first]
    window.timeline.event_selected.emit(second_event)  # from the timeline too
    assert window.library_panel.selected_ids() == [second]
    # Marked, not shown again: the reader keeps the event's sentence.
    assert window.reader.article_id == second and window.reader.highlighted_text()


def test_choosing_an_article_selects_its_first_event_or_keeps_the_one_it_reports(window, qtbot) -> None:
    qtbot.waitUntil(lambda: window.snapshot.complete, timeout=LOAD_TIMEOUT)
    mentions = window.library.curated_mentions().sort_values(["article_id", "char_start"])
    shown = set(window.snapshot.events_frame()["event_id"])
    mentions = mentions[mentions["event_id"].isin(shown)]
    articles = mentions.groupby("article_id")["event_id"].apply(list)
    (first, first_events), (second, second_events) = list(articles.items())[:2]
    window.library_panel.select_ids([second])
    assert window.table.current_event_id() == second_events[0]
    assert window.timeline.selected_event() == second_events[0]
    assert window.reader.article_id == second and window.reader.highlighted_text()
    # Negative: an event the chosen article reports stays selected (its report there is shown).
    later = second_events[-1]
    window.select_event(later)
    window.library_panel.select_ids([])
    window.library_panel.select_ids([second])
    assert window.table.current_event_id() == later
    assert first_events[0] not in second_events
    window.library_panel.select_ids([first])
    assert window.table.current_event_id() == first_events[0]
