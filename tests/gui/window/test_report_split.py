"""Edit > Split this report off: the article shown in the reader leaves an event the extractor merged."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from tests.gui.conftest import reloaded
from timeline_app.gui.window.main_window import MainWindow

SHOTS = Path("/work/tmp/events-read")


def _events(window: MainWindow) -> pd.DataFrame:
    return window.snapshot.events_frame()


def _articles(event: pd.Series) -> set[int]:
    return {int(a) for a in str(event["article_ids"]).split(";") if a}


def test_the_report_in_the_reader_becomes_its_own_event_and_undo_puts_it_back(window, qtbot) -> None:
    c = window.curation
    merged = _events(window)[_events(window)["sources"] == 2].iloc[0]
    n = len(_events(window))
    window.select_event(merged.event_id)
    shown = window.reader.article_id
    assert shown in _articles(merged)
    assert c.split_report_action.isEnabled() and c.split_report_action in c.context_actions()
    with reloaded(qtbot, window):
        c.split_report_action.trigger()
    events = _events(window).set_index("event_id")
    assert len(events) == n + 1
    rest = events.loc[merged.event_id]
    assert _articles(rest) == _articles(merged) - {shown} and rest.sources == 1
    # The report's own event is selected, shown from that article, and says where it came from.
    qtbot.waitUntil(lambda: window.table.current_event_id() != merged.event_id, timeout=5000)
    own = events.loc[window.table.current_event_id()]
    assert _articles(own) == {shown} and own.summary
    assert window.reader.article_id == shown
    assert [r[1] for r in c.history_view.model.row_texts()] == ["Report split off"]
    assert "Undo" in c.undo_action.text() and "split the report" in c.undo_action.text()
    SHOTS.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(SHOTS / "report_split.png"))
    with reloaded(qtbot, window):
        c.undo_action.trigger()
    back = _events(window).set_index("event_id")
    assert len(back) == n and _articles(back.loc[merged.event_id]) == _articles(merged)
    with reloaded(qtbot, window):
        c.redo_action.trigger()
    assert len(_events(window)) == n + 1


def test_an_event_of_one_report_has_none_to_split_off(window, qtbot) -> None:
    c = window.curation
    single = _events(window)[_events(window)["sources"] == 1].iloc[0]
    window.select_event(single.event_id)
    assert not c.split_report_action.isEnabled()
    c.split_report_action.trigger()  # its shortcut while disabled does nothing either
    assert c.undo_stack.count() == 0
