"""The user's corrections: stored as edits, applied over extracted values, kept through re-extraction."""

import datetime as dt
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.core.factories import article, mention
from timeline_app.core.library import export
from timeline_app.core.library.filters import FilterIndex, FilterSpec
from timeline_app.core.library.schema import SCHEMA_V1
from timeline_app.core.library.store import Library
from timeline_app.core.models import Precision
from timeline_app.core.pipeline import import_inputs, reextract, set_publication_date

D = dt.date
ROOT = Path(__file__).resolve().parents[3]
ARTICLE = ROOT / "tests" / "data" / "articles" / "2023-03-15_border_talks.txt"


@pytest.fixture()
def lib(tmp_path):
    library = Library(tmp_path / "lib.sqlite3")
    a = library.add_article(article(text="Summit\n\nJapan and India met on Monday.", title="Summit"),
                            [mention("2022-12-26", D(2022, 12, 26), D(2022, 12, 26), countries=("IND", "JPN"),
                                     offset=30, summary="Japan and India met")])
    b = library.add_article(article(text="Accord\n\nKenya and Egypt signed in 2021.", title="Accord"),
                            [mention("2021", D(2021, 1, 1), D(2021, 12, 31), Precision.YEAR,
                                     countries=("EGY", "KEN"), offset=33, text="2021", summary="Kenya signed")])
    library.ids = (a, b)
    yield library
    library.close()


def _event(lib, text):
    events = lib.events_frame()
    return events[events["summary"].str.contains(text)].iloc[0]


def test_edited_values_replace_extracted_ones(lib, tmp_path):
    ev = _event(lib, "Kenya")
    lib.add_edit(ev.event_key, "date", ev.event_date, "2021-11")
    lib.add_edit(ev.event_key, "countries", ev.countries, "ken;egy;ETH")
    lib.add_edit(ev.event_key, "event_type", ev.cameo_code, "057")
    lib.add_edit(ev.event_key, "verified", "0", "1")
    after = _event(lib, "Kenya")
    assert (after.event_date, after.date_start, after.date_end, after.date_precision) == (
        "2021-11", "2021-11-01", "2021-11-30", "month")
    assert after.countries == "EGY;ETH;KEN"
    assert after.cameo_code == "057" and after.event_type
    assert bool(after.verified)
    assert after.origin == "edited: date, countries, event_type"
    assert _event(lib, "Japan").origin == "extracted"
    path = tmp_path / "e.csv"
    export.write_events_csv(lib.events_frame(), path)
    header = path.read_text(encoding="utf-8-sig").splitlines()[0]
    assert "verified" in header and "origin" in header


def test_an_invalid_edited_date_is_ignored(lib):
    ev = _event(lib, "Kenya")
    lib.add_edit(ev.event_key, "date", ev.event_date, "2021-02-30")
    assert _event(lib, "Kenya").event_date == "2021"


def test_hidden_events_stay_but_are_filtered_out(lib):
    ev = _event(lib, "Japan")
    lib.add_edit(ev.event_key, "hidden", "0", "1")
    events = lib.events_frame()
    assert len(events) == 2
    assert len(lib.events_frame(include_hidden=False)) == 1
    index = FilterIndex(events)
    assert index.mask(FilterSpec()).sum() == 1
    assert index.mask(FilterSpec(show_hidden=True)).sum() == 2
    lib.add_edit(ev.event_key, "hidden", "1", "0")  # shown again
    assert len(lib.events_frame(include_hidden=False)) == 2


def test_deleted_events_are_gone_and_undo_brings_them_back(lib):
    ev = _event(lib, "Japan")
    lib.add_edit(ev.event_key, "deleted", "0", "1")
    assert list(lib.events_frame()["summary"]) == ["Kenya signed"]
    lib.add_edit(ev.event_key, "deleted", "1", "0")
    assert len(lib.events_frame()) == 2


def test_merge_and_split(lib):
    japan, kenya = _event(lib, "Japan"), _event(lib, "Kenya")
    lib.add_edit(kenya.event_key, "group", "", japan.event_key)
    merged = lib.events_frame()
    assert len(merged) == 1
    row = merged.iloc[0]
    assert row.sources == 2 and row.countries == "EGY;IND;JPN;KEN"
    assert row.event_date == "2022-12-26"  # the most precise date wins
    lib.add_edit(kenya.event_key, "group", japan.event_key, "")
    assert len(lib.events_frame()) == 2


def test_manual_event(lib):
    key = lib.add_manual_event(lib.ids[0], evidence="Japan and India met on Monday.", evidence_start=8,
                               evidence_end=38, note="seen on TV")
    assert key.startswith("manual:")
    assert len(lib.events_frame()) == 2  # no date yet: not placeable
    lib.add_edit(key, "date", "", "2022-12-20")
    lib.add_edit(key, "countries", "", "JPN")
    lib.add_edit(key, "summary", "", "Preparatory call")
    ev = _event(lib, "Preparatory")
    assert (ev.event_date, ev.countries, ev.origin) == ("2022-12-20", "JPN", "manual")
    history = lib.edits_frame([key])
    assert list(history["field"]) == ["date", "countries", "summary"]


def test_edits_survive_reextraction_and_new_publication_date(tmp_path):
    path = tmp_path / "lib.sqlite3"
    report = import_inputs([ARTICLE], path, workers=1)
    with Library(path) as library:
        events = library.events_frame()
        wed = events[events["date_text"] == "Wednesday"].iloc[0]
        april = events[events["date_text"] == "April"].iloc[0]
        library.add_edit(wed.event_key, "countries", wed.countries, "ARM;AZE;CHE")
        library.add_edit(april.event_key, "date", april.event_date, "2023-04-20")
        library.add_edit(april.event_key, "verified", "0", "1")
    assert reextract(path) == 1
    set_publication_date(path, report.added_ids[0], D(2023, 3, 22))  # a week later
    with Library(path) as library:
        events = library.events_frame()
    wed = events[events["date_text"] == "Wednesday"].iloc[0]
    assert wed.event_date == "2023-03-22"  # re-resolved: not edited
    assert wed.countries == "ARM;AZE;CHE"  # edited: kept
    april = events[events["date_text"] == "April"].iloc[0]
    assert april.event_date == "2023-04-20" and bool(april.verified)


def test_older_library_is_migrated_after_a_backup(tmp_path):
    path = tmp_path / "old.sqlite3"
    db = sqlite3.connect(path)
    db.executescript(SCHEMA_V1)
    db.execute("PRAGMA user_version = 1")
    db.execute("INSERT INTO articles (hash, title, text, added_at) VALUES ('h', 'Old one', 'Old one', 'x')")
    db.commit()
    db.close()
    with Library(path) as library:
        assert library.backup_path is not None and library.backup_path.exists()
        assert list(library.articles_frame()["title"]) == ["Old one"]
        library.add_edit("h:0:1", "summary", "", "new")
    backup = sqlite3.connect(library.backup_path)
    assert backup.execute("PRAGMA user_version").fetchone()[0] == 1
    backup.close()
    with Library(path) as again:
        assert again.backup_path is None  # already current: no second backup


_EDITOR = """
import sys
from timeline_app.core.library.store import Library
lib = Library(sys.argv[1])
i = 0
while True:
    i += 1
    lib.add_edit("k:0:1", "summary", str(i - 1), str(i))
    print(i, flush=True)
"""


def test_killed_app_keeps_every_completed_edit(tmp_path):
    path = tmp_path / "lib.sqlite3"
    Library(path).close()
    proc = subprocess.Popen([sys.executable, "-c", _EDITOR, str(path)], stdout=subprocess.PIPE, text=True,
                            cwd=ROOT)
    done = 0
    deadline = time.monotonic() + 120
    while done < 200 and time.monotonic() < deadline:
        line = proc.stdout.readline()
        if line.strip():
            done = int(line)
    proc.kill()  # SIGKILL: no clean-up at all
    proc.wait()
    assert done >= 200
    with Library(path) as library:
        edits = library.edits_frame()
    assert len(edits) >= done  # every edit reported as done is there (one more may have landed)
    assert list(edits["new_value"].astype(int)) == list(range(1, len(edits) + 1))


def test_two_events_added_by_hand_stay_two(lib):
    for day in ("2022-12-01", "2022-12-02"):
        key = lib.add_manual_event(None, note="phone call")
        lib.add_edit(key, "date", "", day)
    events = lib.events_frame()
    assert sorted(events[events["origin"] == "manual"]["event_date"]) == ["2022-12-01", "2022-12-02"]


INJECTION = "=cmd|' /C calc'!A0"


@pytest.mark.parametrize(("field", "value"), [("countries", INJECTION), ("countries", "EGY;ZZZ"),
                                              ("organizations", INJECTION), ("organizations", "NATO;nobody")])
def test_an_edit_with_codes_that_are_not_codes_is_ignored(lib, tmp_path, caplog, field, value):
    # Any text in a library's edits table became the event's countries, and went unescaped into the
    # CSV exports, as a formula cell into .xlsx (#18, item 11).
    ev = _event(lib, "Kenya")
    lib.add_edit(ev.event_key, field, "", value)
    after = _event(lib, "Kenya")
    assert (after.countries, after.organizations, after.origin) == ("EGY;KEN", "", "extracted")
    assert "ignoring an edit" in caplog.text
    export.write_events_csv(lib.events_frame(), tmp_path / "e.csv")
    export.write_mentions_csv(lib.curated_mentions(), tmp_path / "m.csv")
    export.write_xlsx(lib.events_frame(), tmp_path / "e.xlsx")
    for name in ("e.csv", "m.csv"):
        assert "calc" not in (tmp_path / name).read_text(encoding="utf-8-sig")


def test_known_codes_in_an_edit_are_kept(lib):
    ev = _event(lib, "Kenya")
    lib.add_edit(ev.event_key, "organizations", "", "nato;AU")
    assert _event(lib, "Kenya").organizations == "AU;NATO"
