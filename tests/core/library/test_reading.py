"""The library read in one pass as columns: the same events, mentions and curated values as the frames."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from timeline_app.core import pipeline
from timeline_app.core.daycount import parse_iso_days
from timeline_app.core.library import reading
from timeline_app.core.library.eventcolumns import DEFERRED, EventColumns
from timeline_app.core.library.mentioncolumns import MentionColumns
from timeline_app.core.library.snapshot import read_snapshot, read_snapshot_events, read_snapshot_mentions
from timeline_app.core.library.store import Library

CORPUS = Path(__file__).resolve().parents[2] / "data" / "gui_corpus"


@pytest.fixture(scope="module")
def imported(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("reading") / "library.sqlite3"
    pipeline.import_inputs([str(CORPUS)], path, workers=1)
    return path


@pytest.fixture()
def edited(imported, tmp_path) -> Path:
    """The corpus with the user's corrections of every kind: a merge, a summary, a hidden and a
    deleted event, and an event added by hand, dated, then merged into another one."""
    path = tmp_path / "library.sqlite3"
    shutil.copy(imported, path)
    with Library(path) as lib:
        events = lib.events_frame()
        a, b, c, d, e = (events.iloc[i] for i in range(5))
        lib.add_edit(b.event_key, "group", "", a.event_key)
        lib.add_edit(c.event_key, "summary", c.summary, "Corrected by hand")
        lib.add_edit(d.event_key, "hidden", "0", "1")
        lib.add_edit(e.event_key, "deleted", "0", "1")
        key = lib.add_manual_event(None, note="Talks recalled by a diplomat")
        lib.add_edit(key, "date", "", "2019-05")
        lib.add_edit(key, "group", "", c.event_key)
        key = lib.add_manual_event(1, evidence="Added", evidence_start=0, evidence_end=5)
        lib.add_edit(key, "date", "", "2020-02-02")
    return path


def _sorted(df: pd.DataFrame, by: str) -> pd.DataFrame:
    return df.sort_values(by).reset_index(drop=True).astype(str)


def test_the_columns_hold_the_stored_events(edited) -> None:
    snap = read_snapshot(edited)
    with Library(edited) as lib:
        stored = lib.events_frame()
    pd.testing.assert_frame_equal(_sorted(snap.events_frame(), "event_id"), _sorted(stored, "event_id"))
    assert "Corrected by hand" in set(snap.events.text["summary"])
    # Ordered by their first day, as the timeline and the table's date sort count days.
    assert np.all(np.diff(snap.events.start_day) >= 0)
    assert snap.events.start_day.tolist() == parse_iso_days(snap.events_frame()["date_start"]).tolist()


def test_every_event_has_the_mentions_the_edits_give_it(edited) -> None:
    snap = read_snapshot(edited)
    with Library(edited) as lib:
        curated = lib.curated_mentions()
    dated = curated[curated["date_start"] != ""]
    for event_id in snap.events.ids.tolist():
        mine = snap.event_mentions(event_id)
        assert sorted(mine["mention_key"]) == sorted(dated.loc[dated["event_id"] == event_id, "mention_key"])
        assert snap.mention_count(event_id) == int((curated["event_id"] == event_id).sum())
        for key in mine["mention_key"]:
            assert snap.event_of_key(key) == event_id
    merged_manual = curated[curated["mention_key"] == "manual:1"]["event_id"].iloc[0]
    assert merged_manual != "ev-manual-1" and snap.event_of_key("manual:1") == merged_manual


def test_a_deleted_event_leaves_its_dates_without_an_event(edited) -> None:
    snap = read_snapshot(edited)
    with Library(edited) as lib:
        every = lib.mentions_frame()
        curated = lib.curated_mentions()
    gone = every[~every["mention_key"].isin(curated["mention_key"]) & (every["date_start"] != "")]
    assert len(gone)  # the deleted event's mention
    for row in gone.itertuples():
        assert snap.event_at(int(row.article_id), int(row.char_start)) == ""
        assert snap.event_of_key(row.mention_key) == ""
    kept = curated[(curated["mention_id"] > 0) & (curated["date_start"] != "")].iloc[-1]
    assert snap.event_at(int(kept.article_id), int(kept.char_start)) == kept.event_id


def test_mentions_of_some_events_are_those_of_the_whole_library(edited) -> None:
    with Library(edited) as lib:
        curated = lib.curated_mentions()
        chosen = sorted(set(lib.events_frame()["event_id"]))[::2]
        mine = lib.mentions_of_events(chosen)
    theirs = curated[curated["event_id"].isin(chosen)]
    pd.testing.assert_frame_equal(_sorted(mine, "mention_key"), _sorted(theirs, "mention_key"))


def test_days_sqlite_cannot_count_are_parsed(edited) -> None:
    with Library(edited) as lib:
        lib._db.execute("UPDATE events SET start_day = NULL, end_day = NULL WHERE date_precision = 'month'")
        lib._db.commit()
    snap = read_snapshot(edited)
    frame = snap.events_frame()
    assert (frame["date_precision"] == "month").any()
    assert snap.events.start_day.tolist() == parse_iso_days(frame["date_start"]).tolist()
    assert snap.events.end_day.tolist() == parse_iso_days(frame["date_end"]).tolist()
    # SQLite puts those first (no day to order by): parsed, they are sorted in among the others.
    assert np.all(np.diff(snap.events.start_day) >= 0)


def test_a_frame_makes_the_same_columns_and_back() -> None:
    frame = pd.DataFrame({"event_id": ["a", "b"], "date_start": ["2022-12-28", "0850-06-01"],
                          "date_end": ["2022-12-28", "0850-06-30"], "countries": ["syr;TUR", None],
                          "sources": ["2", np.nan], "hidden": [np.nan, "true"], "open_end": [1, 0]})
    events = EventColumns.from_frame(frame)
    assert events.codes("countries").row(0) == ["SYR", "TUR"] and events.codes("countries").row(1) == []
    assert events.numbers["sources"].tolist() == [2, 0] and events.flags["hidden"].tolist() == [False, True]
    back = events.frame()
    assert back["date_start"].tolist() == ["2022-12-28", "0850-06-01"]
    assert back["countries"].tolist() == ["SYR;TUR", ""] and back["open_end"].tolist() == [True, False]


def _stored_text(path: Path, name: str) -> dict[str, str]:
    with Library(path) as lib:
        return dict(lib._db.execute(f"SELECT id, {name} FROM events").fetchall())


def test_columns_no_view_shows_at_first_are_read_after_the_events(edited) -> None:
    first = read_snapshot_events(edited)
    assert set(first.events.text.pending()) == set(DEFERRED)  # not read before the events are shown
    complete = read_snapshot_mentions(edited, first)
    assert complete.events.text.pending() == ()  # read with the mentions, off the GUI thread
    stored = _stored_text(edited, "evidence")
    assert [stored[e] for e in complete.events.ids] == complete.events.text["evidence"].tolist()
    assert complete.events.codes("article_ids").names  # split from the column read late


def test_a_column_read_late_is_read_at_its_first_use_with_each_event_in_its_row(edited) -> None:
    with Library(edited) as lib:
        # Days SQLite cannot count: those rows are moved by the first read, not by the late one.
        lib._db.execute("UPDATE events SET start_day = NULL, end_day = NULL WHERE date_precision = 'month'")
        gone = lib._db.execute("SELECT id FROM events WHERE date_precision = 'day' LIMIT 1").fetchone()[0]
        lib._db.commit()
    snap = read_snapshot_events(edited)
    with Library(edited) as lib:  # an event removed after the first read
        lib._db.execute("DELETE FROM events WHERE id = ?", (gone,))
        lib._db.commit()
    keys = _stored_text(edited, "event_key")
    frame = snap.events_frame()  # the library is closed: the late columns are read now
    assert snap.events.text.pending() == ()
    assert [keys.get(e, "") for e in frame["event_id"]] == frame["event_key"].tolist()
    assert frame.loc[frame["event_id"] == gone, "event_key"].tolist() == [""]
    assert (frame["event_key"] != "").sum() == len(frame) - 1


def test_the_articles_are_read_with_the_mentions_and_their_ids_with_the_events(edited) -> None:
    with Library(edited) as lib:
        stored = lib.articles_frame()
    first = read_snapshot_events(edited)
    assert first.article_ids.tolist() == stored["article_id"].tolist()  # every article, known at once
    assert first.articles.empty and not first.complete  # the rest is not read before the events show
    complete = read_snapshot_mentions(edited, first)
    assert complete.complete
    # The stored count is of the dates as extracted; the window's, of the events it shows (below).
    columns = [c for c in stored.columns if c != "event_count"]
    assert complete.articles[columns].astype(str).equals(stored[columns].astype(str))  # titles, dates, ...
    hidden_in = complete.articles.loc[complete.articles["hidden_event_count"] > 0, "article_id"].tolist()
    assert len(hidden_in) == 1  # the fixture's one hidden event


@pytest.mark.parametrize("count", [None, 0, 2, 5, 7])  # not counted, counted short, exact, over
def test_rows_become_columns_whatever_count_is_given(monkeypatch, count) -> None:
    monkeypatch.setattr(reading, "BLOCK", 2)  # several blocks, the last one short
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE t (a INTEGER, b TEXT)")
    db.executemany("INSERT INTO t VALUES (?, ?)", [(i, f"v{i}") for i in range(5)])
    a, b = reading.columns_of(db.execute("SELECT a, b FROM t ORDER BY a"), [int, object], count)
    assert a.dtype == np.int64 and a.tolist() == [0, 1, 2, 3, 4]
    assert b.dtype == object and b.tolist() == ["v0", "v1", "v2", "v3", "v4"]


def test_rows_are_fetched_as_plain_tuples_from_a_library_connection_that_makes_row_objects(monkeypatch) -> None:
    made = []

    class CountedRow(sqlite3.Row):
        def __init__(self, *args: object) -> None:
            made.append(self)

    db = sqlite3.connect(":memory:")
    db.row_factory = CountedRow  # as Library's connection makes sqlite3.Row objects
    db.execute("CREATE TABLE t (a INTEGER, b TEXT)")
    db.executemany("INSERT INTO t VALUES (?, ?)", [(i, f"v{i}") for i in range(5)])
    a, b = reading.columns_of(db.execute("SELECT a, b FROM t ORDER BY a"), [int, object], 5)
    assert a.tolist() == [0, 1, 2, 3, 4] and b.tolist() == ["v0", "v1", "v2", "v3", "v4"]
    assert made == []  # none of the 5 rows became a Row: two objects each for the collector
    assert len(db.execute("SELECT a FROM t").fetchall()) == len(made) == 5  # the connection's own rows still are


def test_the_id_index_of_the_events_is_made_with_the_mentions_not_before_the_events_show(edited) -> None:
    first = read_snapshot_events(edited)
    rows = first.events.row_of()
    assert not rows.made and len(rows) == len(first.events)  # 0.13 s at 467k events, not spent yet
    read_snapshot_mentions(edited, first)
    assert rows.made  # in the reader of the mentions: a first click finds it ready
    ids = first.events.ids.tolist()
    assert [rows[e] for e in ids] == list(range(len(ids))) == [rows.get(e) for e in ids]
    assert rows.get("no such event") is None and "no such event" not in rows and ids[0] in rows


def test_an_article_counts_its_events_shown_once_each_and_its_hidden_ones_apart() -> None:
    articles = pd.DataFrame({"article_id": [1, 2, 3], "title": ["a", "b", "c"]})
    # Article 1 reports event 0 twice and event 1, which the user hid; article 2 reports event 2
    # and a date whose event was deleted (-1); article 3 reports nothing.
    z = np.zeros(5, dtype=np.int64)
    mentions = MentionColumns(np.arange(1, 6), np.asarray([0, 0, 1, 2, -1]), np.asarray([1, 1, 1, 2, 2]),
                              z, z, z, z, {})
    out = reading.counted(articles, mentions, hidden=np.asarray([False, True, False]))
    assert out["event_count"].tolist() == [1, 1, 0]
    assert out["hidden_event_count"].tolist() == [1, 0, 0]


def _both_reads(path: Path) -> tuple[EventColumns, EventColumns]:
    with Library(path) as lib:
        return reading.read_events(lib._db, joined=True), reading.read_events(lib._db, joined=False)


def _same_columns(joined: EventColumns, apart: EventColumns) -> None:
    pd.testing.assert_frame_equal(joined.frame(), apart.frame())
    for name in ("countries", "organizations", "language"):
        a, b = joined.codes(name), apart.codes(name)
        assert a.names == b.names and [a.row(r) for r in range(len(a))] == [b.row(r) for r in range(len(b))]


def test_columns_of_few_values_read_as_one_cell_give_the_columns_read_apart(edited) -> None:
    with Library(edited) as lib:  # several kinds and states, and a cell of two organisations
        lib._db.execute("UPDATE events SET organizations = 'NATO;EU', language = 'fr', date_mod = 'APPROX'"
                        " WHERE rowid = (SELECT min(rowid) FROM events)")
        lib._db.commit()
    joined, apart = _both_reads(edited)
    _same_columns(joined, apart)
    assert len(set(joined.frame()["event_type"])) > 1 and ["EU", "NATO"] in [
        sorted(joined.codes("organizations").row(r)) for r in range(len(joined))]
    # Equal values are one object, as the views count them: one a distinct type, not one an event.
    assert len({id(v) for v in joined.text["event_type"]}) == len(set(joined.text["event_type"]))


def test_a_value_holding_the_separator_is_read_as_stored(edited) -> None:
    with Library(edited) as lib:
        lib._db.execute("UPDATE events SET event_type = 'talks\x1fheld' WHERE rowid = (SELECT min(rowid) FROM events)")
        lib._db.commit()
    joined, apart = _both_reads(edited)
    _same_columns(joined, apart)
    assert "talks\x1fheld" in set(joined.text["event_type"])


def test_joined_cells_split_into_their_parts_or_none_when_one_does_not_split() -> None:
    cells = np.asarray(["a\x1fx", "b\x1fx", "a\x1fx"], dtype=object)
    parts = reading.split_joined(cells, 2)
    assert parts is not None and [values[codes].tolist() for codes, values in parts.values()] == [
        ["a", "b", "a"], ["x", "x", "x"]]
    assert reading.split_joined(np.asarray(["a\x1fx", "b"], dtype=object), 2) is None
    assert reading.split_joined(np.asarray(["a\x1fx", None], dtype=object), 2) is None
