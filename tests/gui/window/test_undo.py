"""Curation commands on a QUndoStack: each correction is written, undone and redone in the library."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtGui import QUndoStack

from tests.core.factories import article, mention
from timeline_app.core.models import Precision
from timeline_app.core.library.store import Library
from timeline_app.errors import LibraryError
from timeline_app.gui.window.undo import Curator, EventRef

D = dt.date


@pytest.fixture()
def lib(tmp_path):
    library = Library(tmp_path / "lib.sqlite3")
    library.add_article(article(text="Summit\n\nJapan and India met on Monday.", title="Summit"),
                        [mention("2022-12-26", D(2022, 12, 26), D(2022, 12, 26), countries=("IND", "JPN"),
                                 offset=30, summary="Japan and India met")])
    library.add_article(article(text="Accord\n\nKenya and Egypt signed in 2021.", title="Accord"),
                        [mention("2021", D(2021, 1, 1), D(2021, 12, 31), Precision.YEAR,
                                 countries=("EGY", "KEN"), offset=33, text="2021", summary="Kenya signed")])
    library.add_article(article(text="Talks\n\nChile and Peru talked on 3 May 2020.", title="Talks"),
                        [mention("2020-05-03", D(2020, 5, 3), D(2020, 5, 3), countries=("CHL", "PER"),
                                 offset=31, text="3 May 2020", summary="Chile and Peru talked")])
    yield library
    library.close()


class Reloads:
    """Stands in for the window: counts the reloads the commands ask for."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self) -> None:
        self.count += 1


@pytest.fixture()
def curator(qtbot, lib):
    stack = QUndoStack()
    reloads = Reloads()
    c = Curator(stack, lambda: lib, reloads)
    c.reloads = reloads
    yield c
    stack.clear()


def _event(lib: Library, text: str):
    events = lib.events_frame()
    match = events[events["summary"].str.contains(text)]
    assert len(match) == 1, list(events["summary"])
    return match.iloc[0]


def _ref(lib: Library, text: str) -> EventRef:
    return EventRef.from_row(_event(lib, text))


def _summaries(lib: Library) -> list[str]:
    return sorted(lib.events_frame()["summary"])


def test_an_edit_is_written_undone_and_redone(lib, curator) -> None:
    ev = _event(lib, "Kenya")
    changed = curator.edit_event(EventRef.from_row(ev), {
        "date": (ev.event_date, "2021-11"), "countries": (ev.countries, "EGY;ETH;KEN"),
        "event_type": (ev.cameo_code, "057"), "summary": (ev.summary, "Kenya and Egypt signed an accord"),
        "verified": ("0", "0")})
    assert changed and curator.reloads.count == 1
    after = _event(lib, "Kenya")
    assert (after.event_date, after.countries, after.cameo_code) == ("2021-11", "EGY;ETH;KEN", "057")
    assert after.origin == "edited: date, countries, event_type, summary"
    assert curator.stack.undoText() == "edit date, countries, event type, summary of 'Kenya signed'"

    curator.undo()
    back = _event(lib, "Kenya")
    assert (back.event_date, back.date_start, back.countries, back.cameo_code, back.summary) == (
        "2021", "2021-01-01", "EGY;KEN", "040", "Kenya signed")
    assert curator.reloads.count == 2
    curator.redo()
    assert _event(lib, "Kenya").event_date == "2021-11"
    # The history keeps all three writes: nothing is erased, undo is a change back.
    history = lib.edits_frame([ev.event_key])
    fields = ["date", "countries", "event_type", "summary"]
    assert list(history["field"]) == fields + fields[::-1] + fields
    assert list(history["new_value"][:4]) == ["2021-11", "EGY;ETH;KEN", "057", "Kenya and Egypt signed an accord"]
    assert list(history["new_value"][4:8]) == ["Kenya signed", "040", "EGY;KEN", "2021"]


def test_an_edit_that_changes_nothing_is_not_pushed(lib, curator) -> None:
    ev = _event(lib, "Kenya")
    assert not curator.edit_event(EventRef.from_row(ev), {"summary": (ev.summary, ev.summary)})
    assert curator.stack.count() == 0 and lib.edits_frame().empty


def test_verify_hide_and_delete_several_events_with_undo(lib, curator) -> None:
    japan, kenya = _event(lib, "Japan"), _event(lib, "Kenya")
    refs = [(EventRef.from_row(japan), False), (EventRef.from_row(kenya), False)]
    assert curator.set_flag(refs, "verified", True)
    assert lib.events_frame()["verified"].sum() == 2
    assert curator.stack.undoText() == "mark verified 2 events"
    assert curator.set_flag([(EventRef.from_row(japan), False)], "hidden", True)
    assert len(lib.events_frame(include_hidden=False)) == 2
    assert curator.set_flag([(EventRef.from_row(kenya), False)], "deleted", True)
    assert _summaries(lib) == ["Chile and Peru talked", "Japan and India met"]

    curator.undo()  # delete
    assert len(lib.events_frame()) == 3
    curator.undo()  # hide
    assert len(lib.events_frame(include_hidden=False)) == 3
    curator.undo()  # verify
    assert lib.events_frame()["verified"].sum() == 0
    curator.redo()
    curator.redo()
    assert lib.events_frame()["verified"].sum() == 2 and len(lib.events_frame(include_hidden=False)) == 2
    # Marking what is already so pushes nothing.
    assert not curator.set_flag([(EventRef.from_row(japan), True)], "hidden", True)


def test_merge_combines_sources_and_undo_separates_them(lib, curator) -> None:
    japan, kenya = _ref(lib, "Japan"), _ref(lib, "Kenya")
    assert curator.merge([japan, kenya])
    merged = lib.events_frame()
    assert len(merged) == 2
    row = merged[merged["sources"] == 2].iloc[0]
    assert row.countries == "EGY;IND;JPN;KEN"
    assert curator.stack.undoText() == "merge 2 events into 'Japan and India met'"
    curator.undo()
    assert _summaries(lib) == ["Chile and Peru talked", "Japan and India met", "Kenya signed"]
    curator.redo()
    assert len(lib.events_frame()) == 2
    assert not curator.merge([japan])  # one event: nothing to merge


def test_undoing_the_merge_of_a_merged_event_keeps_its_own_merge(lib, curator) -> None:
    japan, kenya, chile = _ref(lib, "Japan"), _ref(lib, "Kenya"), _ref(lib, "Chile")
    curator.merge([japan, kenya])
    pair = EventRef.from_row(lib.events_frame().sort_values("sources").iloc[-1])
    curator.merge([chile, pair])
    assert len(lib.events_frame()) == 1 and lib.events_frame().iloc[0].sources == 3
    curator.undo()
    events = lib.events_frame()
    assert sorted(events["sources"]) == [1, 2]  # Japan+Kenya still one event, Chile on its own
    assert events[events["sources"] == 1].iloc[0].summary == "Chile and Peru talked"
    curator.undo()
    assert len(lib.events_frame()) == 3


def test_split_gives_each_merged_event_back_and_undo_merges_again(lib, curator) -> None:
    japan, kenya, chile = _ref(lib, "Japan"), _ref(lib, "Kenya"), _ref(lib, "Chile")
    curator.merge([japan, kenya, chile])
    assert len(lib.events_frame()) == 1
    merged = EventRef.from_row(lib.events_frame().iloc[0])
    assert curator.can_split(merged)
    assert curator.split(merged)
    assert curator.stack.undoText() == f"split '{merged.label()}' into 3 events"
    assert len(lib.events_frame()) == 3
    assert not curator.can_split(chile) and not curator.split(chile)
    curator.undo()
    assert len(lib.events_frame()) == 1
    curator.undo()
    assert len(lib.events_frame()) == 3
    curator.redo()
    curator.redo()
    assert len(lib.events_frame()) == 3


def test_an_event_added_by_hand_goes_with_undo_and_comes_back_with_redo(lib, curator) -> None:
    key = curator.add_event({"date": "2022-W46", "countries": "FRA;DEU", "summary": "Paris and Berlin call",
                             "verified": "1"}, note="phone call reported by a diplomat")
    assert key.startswith("manual:")
    ev = _event(lib, "Paris and Berlin")
    assert (ev.event_date, ev.date_start, ev.date_end, ev.countries, ev.origin) == (
        "2022-W46", "2022-11-14", "2022-11-20", "DEU;FRA", "manual")
    assert bool(ev.verified)
    curator.undo()
    assert "Paris and Berlin call" not in _summaries(lib)
    curator.redo()
    assert _event(lib, "Paris and Berlin").event_key == key
    assert len(lib.events_frame()) == 4


def test_an_event_added_from_a_sentence_keeps_its_article(lib, curator) -> None:
    article_id = int(lib.articles_frame()["article_id"].iloc[0])
    curator.add_event({"date": "2022-12-20", "summary": "Preparatory call"}, article_id=article_id,
                      evidence="Japan and India met on Monday.", evidence_start=8, evidence_end=38)
    ev = _event(lib, "Preparatory")
    assert ev.article_ids == str(article_id) and ev.evidence == "Japan and India met on Monday."


def test_two_free_standing_events_stay_two(lib, curator) -> None:
    curator.add_event({"date": "2022-01-05", "summary": "First call"})
    curator.add_event({"date": "2022-03-05", "summary": "Second call"})
    assert {"First call", "Second call"} <= set(_summaries(lib))


class FailingLibrary:
    """A library whose n-th write fails, as a full disk would (a failed transaction writes nothing)."""

    def __init__(self, library: Library, fail_at: int) -> None:
        self._library = library
        self.calls = 0
        self.fail_at = fail_at

    def add_edits(self, edits: list) -> list[int]:
        self.calls += 1
        if self.calls == self.fail_at:
            raise LibraryError("Could not save the edit to lib.sqlite3: database or disk is full.")
        return self._library.add_edits(edits)

    def __getattr__(self, name: str):
        return getattr(self._library, name)


def test_a_failed_write_is_taken_back_and_not_pushed(qtbot, lib) -> None:
    failing = FailingLibrary(lib, fail_at=1)
    stack = QUndoStack()
    curator = Curator(stack, lambda: failing, lambda: None)
    ev = _event(lib, "Kenya")
    with pytest.raises(LibraryError, match="disk is full"):
        curator.edit_event(EventRef.from_row(ev), {"date": (ev.event_date, "2021-11"),
                                                   "summary": (ev.summary, "changed")})
    assert stack.count() == 0
    after = _event(lib, "Kenya")
    assert (after.event_date, after.summary) == ("2021", "Kenya signed")  # neither field was written


def test_a_failed_undo_reaches_the_caller(qtbot, lib) -> None:
    failing = FailingLibrary(lib, fail_at=0)
    stack = QUndoStack()
    curator = Curator(stack, lambda: failing, lambda: None)
    ev = _ref(lib, "Kenya")
    curator.set_flag([(ev, False)], "hidden", True)
    failing.fail_at = failing.calls + 1
    with pytest.raises(LibraryError):
        curator.undo()
    assert stack.count() == 0  # dropped: the library still says hidden, and no undo pretends otherwise
    assert bool(_event(lib, "Kenya").hidden)


def test_no_library_is_a_clear_error(qtbot) -> None:
    curator = Curator(QUndoStack(), lambda: None, lambda: None)
    with pytest.raises(LibraryError, match="No library is open"):
        curator.set_flag([(EventRef("k:0:1", "x"), False)], "hidden", True)


def test_removing_articles_is_undone_and_redone_on_the_stack(lib, curator) -> None:
    summit = _event(lib, "Japan and India")
    curator.edit_event(EventRef.from_row(summit), {"summary": ("Japan and India met", "Tokyo and Delhi met")})
    before = lib.events_frame()
    talks = lib.article_ids()[-1]  # the newest: SQLite gives its id to the next article added
    assert curator.remove_articles([lib.article_ids()[0], talks]) == 2
    assert lib.article_count() == 1 and curator.stack.undoText() == "remove 2 articles"
    other = lib.add_article(article(text="Other\n\nChile and Peru met.", title="Other", path="c.txt"), [])
    assert other == talks
    curator.undo()
    assert lib.article_count() == 4
    moved = next(i for i in lib.article_ids() if lib.article(i).title == "Talks")
    assert moved != talks  # its id was taken meanwhile: it came back under another
    after = lib.events_frame()
    assert set(after["summary"]) == set(before["summary"]) and "Tokyo and Delhi met" in set(after["summary"])
    curator.redo()  # removes the same articles again, the one back under its new id included
    assert sorted(lib.article(i).title for i in lib.article_ids()) == ["Accord", "Other"]
    assert curator.reloads.count == 4  # the edit, the removal, its undo and its redo


def test_a_removal_that_cannot_be_written_is_not_left_on_the_stack(lib, curator) -> None:
    lib.close()  # a closed connection fails every write, as a damaged or vanished file would
    with pytest.raises(LibraryError):
        curator.remove_articles([1, 2])  # two: the title of one is not read first
    assert curator.stack.count() == 0
