"""Events as stored records: incremental merging gives what a rebuild gives, old libraries get their events."""

from __future__ import annotations

import sqlite3

from tests.core.corpus import write_corpus
from timeline_app.cli import main as cli_main
from timeline_app.core.library.schema import (
    SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5, SCHEMA_V6, SCHEMA_V7, SCHEMA_V8,
)
from timeline_app.core.library.store import Library
from timeline_app.core.pipeline import import_inputs


def _machine(path) -> dict[str, str]:
    with Library(path) as lib:
        m = lib.mentions_frame()
    return dict(zip(m["mention_key"], m["event_id"]))


def test_importing_in_any_order_gives_the_events_of_a_rebuild(tmp_path):
    corpus = tmp_path / "corpus"
    paths = write_corpus(corpus, 60, seed=5)
    forward, backward = tmp_path / "f.sqlite3", tmp_path / "b.sqlite3"
    import_inputs(paths, forward, workers=1)
    for path in reversed(paths):  # one at a time, newest first: every import merges into what is there
        import_inputs([path], backward, workers=1)
    ids = _machine(forward)
    assert len(set(ids.values())) < len(ids)  # some reports merged, so the comparison means something
    assert _machine(backward) == ids
    with Library(forward) as lib:
        events = lib.events_frame()
        lib.rebuild_events()
        assert lib.events_frame().equals(events)
    assert _machine(forward) == ids


def test_removing_an_article_takes_its_reports_out_of_the_events(tmp_path):
    corpus = tmp_path / "corpus"
    paths = write_corpus(corpus, 30, seed=2)
    lib_path = tmp_path / "lib.sqlite3"
    import_inputs(paths, lib_path, workers=1)
    fresh = tmp_path / "fresh.sqlite3"
    import_inputs(paths[1:], fresh, workers=1)
    with Library(lib_path) as lib:
        first = lib.articles_frame()
        lib.remove_articles([int(first[first["source_path"] == str(paths[0])]["article_id"].iloc[0])])
        assert lib.events_frame()["event_id"].tolist() == Library(fresh).events_frame()["event_id"].tolist()


def test_a_library_of_version_2_gets_its_events_after_a_backup(tmp_path):
    path = tmp_path / "old.sqlite3"
    db = sqlite3.connect(path)
    db.executescript(SCHEMA_V1 + SCHEMA_V2)
    db.execute("PRAGMA user_version = 2")
    db.execute("INSERT INTO articles (hash, title, text, added_at) VALUES ('h', 'Talks', 'x', 'x')")
    for start, value in ((10, "2024-03-12"), (60, "2024-03-12")):
        db.execute("INSERT INTO mentions (article_id, char_start, char_end, date_text, date_value, date_start,"
                   " date_end, date_precision, countries, cameo_code, evidence) VALUES"
                   " (1, ?, ?, 'Tuesday', ?, ?, ?, 'day', 'TUR;SYR', '040', 'Turkey and Syria held talks.')",
                   (start, start + 7, value, value, value))
    db.commit()
    db.close()
    with Library(path) as lib:
        assert lib.backup_path is not None and lib.backup_path.exists()
        events = lib.events_frame()
        assert len(events) == 1 and events["event_date"].iloc[0] == "2024-03-12"
    backup = sqlite3.connect(lib.backup_path)
    assert backup.execute("PRAGMA user_version").fetchone()[0] == 2
    backup.close()


_SCRIPTS = (SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5, SCHEMA_V6, SCHEMA_V7, SCHEMA_V8)


def _old_library(path, version: int, day: str, told: tuple[tuple[str, str], ...]) -> None:
    """A library of `version` with one article a (countries, sentence) of `told`, each a mention of
    `day` in an event of its own, as that version kept them."""
    db = sqlite3.connect(path)
    db.executescript("".join(_SCRIPTS[:version]))
    db.execute(f"PRAGMA user_version = {version}")
    for article, (countries, sentence) in enumerate(told, 1):
        db.execute("INSERT INTO articles (hash, title, text, added_at) VALUES (?, 'Talks', 'x', 'x')", (f"h{article}",))
        db.execute("INSERT INTO mentions (article_id, char_start, char_end, date_text, date_value, date_start,"
                   " date_end, date_precision, countries, cameo_code, evidence, machine_event, event_id) VALUES"
                   " (?, 10, 16, 'Monday', ?, ?, ?, 'day', ?, '040', ?, ?, ?)",
                   (article, day, day, day, countries, sentence, f"ev-old{article}", f"ev-old{article}"))
    db.commit()
    db.close()


def _opens_as_one_event_after_a_backup(path, version: int) -> int:
    """Open an old library: one event of two sources, a backup of its version; its number of reports."""
    with Library(path) as lib:
        assert lib.backup_path is not None and lib.backup_path.exists()
        events = lib.events_frame()
        assert len(events) == 1 and events["sources"].iloc[0] == 2
        reports = lib._db.execute("SELECT count(*) FROM reports").fetchone()[0]  # noqa: SLF001
    backup = sqlite3.connect(lib.backup_path)
    assert backup.execute("PRAGMA user_version").fetchone()[0] == version
    backup.close()
    return reports


def test_a_library_of_version_5_gets_its_reports_after_a_backup(tmp_path):
    path = tmp_path / "v5.sqlite3"
    # Two papers' reports of one meeting, stored as version 5 kept them: apart.
    _old_library(path, 5, "2024-03-12", (("TUR;SYR", "Turkey and Syria held talks on the border."),) * 2)
    assert _opens_as_one_event_after_a_backup(path, 5) == 2


# Each side's statement of one meeting names the other side only: no shared party.
_EACH_NAMES_THE_OTHER = (
    ("KEN", "The Prime Minister held talks with the President of Kenya in Nairobi on the railway corridor."),
    ("ETH", "The President received the Prime Minister of Ethiopia for talks on the railway corridor."))


def test_a_library_of_version_6_is_rebuilt_with_reports_naming_one_side_each_merged(tmp_path):
    path = tmp_path / "v6.sqlite3"
    # Version 6 kept them apart.
    _old_library(path, 6, "2027-05-10", _EACH_NAMES_THE_OTHER)
    assert _opens_as_one_event_after_a_backup(path, 6) == 2


def test_a_library_of_version_7_gets_its_events_date_mod_after_a_backup(tmp_path):
    path = tmp_path / "v7.sqlite3"
    # Two papers told of the meeting as "next Monday" on a Saturday (the 10th or the 17th): version 7
    # kept the mentions' mod, not the event's.
    _old_library(path, 7, "2027-05-10", (("TUR;SYR", "Turkey and Syria will hold talks on the border."),) * 2)
    db = sqlite3.connect(path)
    with db:
        db.execute("UPDATE mentions SET date_mod = 'APPROX'")
        db.execute("INSERT INTO events (id, event_date, date_start, date_end, date_precision)"
                   " VALUES ('ev-old1', '2027-05-10', '2027-05-10', '2027-05-10', 'day')")
    db.close()
    assert _opens_as_one_event_after_a_backup(path, 7) == 2
    with Library(path) as lib:
        assert lib.events_frame()["date_mod"].tolist() == ["APPROX"]
        assert [tuple(r) for r in lib._db.execute("SELECT date_mod FROM events")] == [("APPROX",)]  # noqa: SLF001


def test_a_library_of_version_8_is_rebuilt_with_its_one_party_reports_counted_per_day(tmp_path):
    path = tmp_path / "v8.sqlite3"
    _old_library(path, 8, "2027-05-10", _EACH_NAMES_THE_OTHER)
    assert _opens_as_one_event_after_a_backup(path, 8) == 2
    with Library(path) as lib:
        counted = lib._db.execute("SELECT cell, reports FROM crowds WHERE party = '*'").fetchall()  # noqa: SLF001
    assert [tuple(r) for r in counted] == [("D20948", 2)]  # 2027-05-10: what a crowded day is judged by


def test_rebuild_on_the_command_line_keeps_the_corrections(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 5, seed=3)
    lib_path = tmp_path / "lib.sqlite3"
    import_inputs([corpus], lib_path, workers=1)
    with Library(lib_path) as lib:
        event = lib.events_frame().iloc[0]
        lib.add_edit(event["event_key"], "summary", event["summary"], "Corrected by hand")
    assert cli_main(["rebuild", "--library", str(lib_path)]) == 0
    assert "events rebuilt" in capsys.readouterr().err
    with Library(lib_path) as lib:
        assert "Corrected by hand" in set(lib.events_frame()["summary"])
