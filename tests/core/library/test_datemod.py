"""An event's date modifier: derived from its mentions by datemod.event_mods, stored, edited, shown."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from tests.core.factories import article, mention
from timeline_app.core.library.datemod import APPROX, shown_date, why
from timeline_app.core.library.filters import FilterIndex, FilterSpec
from timeline_app.core.library.store import Library
from timeline_app.core.models import Precision

D = dt.date
FRIDAY = D(2024, 5, 17)  # "next Friday" told on Wednesday 15 May 2024: the 17th, or the 24th


def _dated(value: str, start: dt.date, end: dt.date, mod: str = "", precision: Precision = Precision.DAY,
           text: str = "next Friday", countries: tuple[str, ...] = ("IND", "JPN")):
    m = mention(value, start, end, precision, countries=countries, offset=30, text=text,
                summary="Japan and India will meet")
    return dataclasses.replace(m, date=dataclasses.replace(m.date, mod=mod))


def _report(lib: Library, name: str, *mentions) -> int:
    body = f"Summit ({name})\n\nJapan and India will meet next Friday, officials said."
    return lib.add_article(article(text=body, title=name, path=f"{name}.txt", published=D(2024, 5, 15)),
                           list(mentions))


def _only_event(lib: Library):
    events = lib.events_frame()
    assert len(events) == 1, events[["event_id", "event_date", "sources"]]
    return events.iloc[0]


@pytest.fixture()
def lib(tmp_path):
    library = Library(tmp_path / "lib.sqlite3")
    yield library
    library.close()


def test_an_event_all_of_whose_mentions_are_uncertain_is_uncertain(lib):
    _report(lib, "a", _dated("2024-05-17", FRIDAY, FRIDAY, APPROX))
    _report(lib, "b", _dated("2024-05-17", FRIDAY, FRIDAY, APPROX))
    event = _only_event(lib)
    assert event.sources == 2  # two reports merged into the event the rule is about
    assert (event.event_date, event.date_mod) == ("2024-05-17", APPROX)


def test_one_certain_report_of_the_event_makes_it_certain_with_its_date(lib):
    _report(lib, "a", _dated("2024-05-17", FRIDAY, FRIDAY, APPROX))
    _report(lib, "b", _dated("2024-05-17", FRIDAY, FRIDAY, "", text="Friday 17 May"))
    event = _only_event(lib)
    assert event.sources == 2
    assert (event.event_date, event.date_mod, event.date_text) == ("2024-05-17", "", "Friday 17 May")


def test_a_certain_mention_is_the_events_date_before_a_more_precise_uncertain_one(lib):
    # "next Friday" (uncertain day) and "this month" (certain month) in one report: the month is shown, certain.
    _report(lib, "a", _dated("2024-05-17", FRIDAY, FRIDAY, APPROX),
            dataclasses.replace(_dated("2024-05", D(2024, 5, 1), D(2024, 5, 31), "", Precision.MONTH, "this month"),
                                date=dataclasses.replace(_dated("2024-05", D(2024, 5, 1), D(2024, 5, 31), "",
                                                                Precision.MONTH, "this month").date, start=60, end=70)))
    event = _only_event(lib)
    assert (event.event_date, event.date_mod) == ("2024-05", "")


def test_start_mid_end_are_kept_when_the_mentions_agree_and_dropped_when_not(tmp_path):
    year = ("2019", D(2019, 1, 1), D(2019, 12, 31))
    with Library(tmp_path / "agree.sqlite3") as lib:
        _report(lib, "a", _dated(*year, "START", Precision.YEAR, "early 2019"))
        _report(lib, "b", _dated(*year, "START", Precision.YEAR, "early 2019"))
        assert _only_event(lib).date_mod == "START"
    with Library(tmp_path / "disagree.sqlite3") as lib:
        _report(lib, "a", _dated(*year, "START", Precision.YEAR, "early 2019"))
        _report(lib, "b", _dated(*year, "END", Precision.YEAR, "late 2019"))
        event = _only_event(lib)
        assert event.sources == 2 and event.date_mod == ""


def test_the_users_own_date_is_certain(lib):
    _report(lib, "a", _dated("2024-05-17", FRIDAY, FRIDAY, APPROX))
    event = _only_event(lib)
    lib.add_edit(event.event_key, "date", event.event_date, "2024-05-24")
    after = _only_event(lib)
    assert (after.event_date, after.date_mod) == ("2024-05-24", "")
    with lib._db:  # noqa: SLF001 - the stored row, as the window reads it
        stored = lib._db.execute("SELECT date_mod FROM events").fetchone()[0]  # noqa: SLF001
    assert stored == ""


def test_rebuild_fills_the_events_date_mod(lib):
    _report(lib, "a", _dated("2024-05-17", FRIDAY, FRIDAY, APPROX))
    with lib._db:  # noqa: SLF001 - as a library that had no modifiers stored
        lib._db.execute("UPDATE events SET date_mod = ''")  # noqa: SLF001
    lib.rebuild_events()
    assert _only_event(lib).date_mod == APPROX


def test_the_uncertain_filter_keeps_only_uncertain_dates(lib):
    _report(lib, "a", _dated("2024-05-17", FRIDAY, FRIDAY, APPROX))
    _report(lib, "b", _dated("2021", D(2021, 1, 1), D(2021, 12, 31), "", Precision.YEAR, "2021",
                             countries=("EGY", "KEN")))
    events = lib.events_frame()
    index = FilterIndex(events)
    kept = events[index.mask(FilterSpec(uncertain_only=True))]
    assert kept["event_date"].tolist() == ["2024-05-17"]
    assert len(events[index.mask(FilterSpec())]) == 2
    assert "uncertain dates only" in FilterSpec(uncertain_only=True).describe()


def test_a_shown_date_carries_its_modifier():
    assert shown_date("2024-05-17", APPROX) == "≈ 2024-05-17"
    assert shown_date("2019", "START") == "early 2019"
    assert shown_date("May 2024", "") == "May 2024"
    assert shown_date("", APPROX) == ""
    assert "another date" in why(APPROX) and why("") == ""


def test_events_the_user_merges_follow_the_rule_over_all_their_mentions(lib):
    _report(lib, "a", _dated("2024-05-17", FRIDAY, FRIDAY, APPROX))
    _report(lib, "b", _dated("2024-05-24", D(2024, 5, 24), D(2024, 5, 24), "", text="24 May", countries=("EGY", "KEN")))
    events = lib.events_frame()
    assert sorted(events["date_mod"]) == ["", APPROX]  # two events: the countries differ
    uncertain = events[events["date_mod"] == APPROX].iloc[0]
    certain = events[events["date_mod"] == ""].iloc[0]
    lib.add_edit(uncertain.event_key, "group", "", certain.event_key)
    merged = _only_event(lib)
    assert (merged.event_date, merged.date_mod) == ("2024-05-24", "")
