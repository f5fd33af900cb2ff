"""A stale library's events are grouped again once, whoever opens it, and only the newest backup is kept."""

from __future__ import annotations

import sqlite3
import threading

import pytest

from tests.core.library.test_rulestamp import count_rebuilds, library_of_other_rules, stamp_of
from timeline_app.core.library import locking, rebuilding, rulestamp
from timeline_app.core.library.store import Library


def _make_stale(path) -> None:
    db = sqlite3.connect(path)
    with db:
        db.execute("UPDATE settings SET value = 'older' WHERE key = ?", (rulestamp.STAMP_SETTING,))
    db.close()


def _backups(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if "backup" in p.name)


def test_each_regrouping_keeps_only_the_newest_backup(tmp_path):
    path = tmp_path / "lib.dtl"
    library_of_other_rules(path, "first rules")
    (tmp_path / "lib.rules-backup-2.dtl").write_bytes(b"a copy an earlier version numbered")
    with Library(path) as lib:
        assert lib.rebuilt is not None and lib.rebuilt.replaced  # the numbered copy was replaced
    _make_stale(path)
    with Library(path) as lib:
        assert lib.rebuilt.backup == tmp_path / "lib.rules-backup.dtl" and lib.rebuilt.replaced
    assert _backups(tmp_path) == ["lib.rules-backup.dtl"]
    assert stamp_of(tmp_path / "lib.rules-backup.dtl") == "older"  # the newest: the library just before


def test_the_first_regrouping_replaces_nothing(tmp_path):
    path = tmp_path / "lib.dtl"
    library_of_other_rules(path, "first rules")
    with Library(path) as lib:
        assert lib.rebuilt.backup is not None and not lib.rebuilt.replaced
    assert _backups(tmp_path) == ["lib.rules-backup.dtl"]


def test_a_cancelled_regrouping_keeps_the_earlier_backup(tmp_path):
    path = tmp_path / "lib.dtl"
    library_of_other_rules(path, "first rules")
    Library(path).close()
    _make_stale(path)
    with Library(path, rebuild_stale=False) as lib:
        assert lib.rebuild_stale_events(cancel=lambda: True) is None and lib.stale_rules
    assert _backups(tmp_path) == ["lib.rules-backup.dtl"]
    assert stamp_of(tmp_path / "lib.rules-backup.dtl") == "first rules"


@pytest.fixture
def slow_rebuilds(monkeypatch) -> list[str]:
    """eventstore.rebuild's calls, each taking long enough for another opening to come meanwhile."""
    return count_rebuilds(monkeypatch, pause=0.5)


def test_two_openings_of_one_stale_library_group_it_once(tmp_path, slow_rebuilds):
    path = tmp_path / "lib.dtl"
    library_of_other_rules(path, "older")
    both_stale = threading.Barrier(2)
    results: dict[str, rebuilding.Rebuilt | None] = {}
    counts: dict[str, int] = {}

    def open_and_group(name: str) -> None:
        with Library(path, rebuild_stale=False) as lib:  # each on its own connection, as two programs
            assert lib.stale_rules
            both_stale.wait()
            lib.rebuild_stale_events()
            results[name], counts[name] = lib.rebuilt, len(lib.events_frame())

    threads = [threading.Thread(target=open_and_group, args=(n,), name=n) for n in ("first", "second")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert len(slow_rebuilds) == 1
    waited = next(n for n in results if n != slow_rebuilds[0])
    assert results[waited].elsewhere and results[waited].backup is None
    assert not results[slow_rebuilds[0]].elsewhere and counts == {"first": 1, "second": 1}
    assert _backups(tmp_path) == ["lib.rules-backup.dtl"] and stamp_of(path) == rulestamp.current()


def test_a_library_no_one_else_regrouped_is_regrouped(tmp_path, slow_rebuilds):
    path = tmp_path / "lib.dtl"
    library_of_other_rules(path, "older")
    with Library(path, rebuild_stale=False) as lib:
        assert lib.rebuild_stale_events() == 1 and not lib.rebuilt.elsewhere
    assert len(slow_rebuilds) == 1


def test_waiting_for_another_writer_is_said_and_can_be_cancelled(tmp_path, monkeypatch):
    monkeypatch.setattr(locking, "BUSY_TIMEOUT", 0.05)  # each try's wait inside SQLite, at connect
    path = tmp_path / "lib.dtl"
    library_of_other_rules(path, "older")
    said: list[str] = []
    with Library(path, rebuild_stale=False) as lib:
        other = sqlite3.connect(path)
        other.execute("BEGIN IMMEDIATE")  # another program writing, as long as this test likes
        try:
            assert lib.rebuild_stale_events(lambda done, total, what: said.append(what), lambda: bool(said)) is None
        finally:
            other.rollback()
            other.close()
        assert lib.stale_rules and said and "another program" in said[0]
    assert _backups(tmp_path) == [] and stamp_of(path) == "older"


def test_a_library_no_one_writes_to_is_grouped_without_a_word_of_waiting(tmp_path):
    path = tmp_path / "lib.dtl"
    library_of_other_rules(path, "older")
    said: list[str] = []
    with Library(path, rebuild_stale=False) as lib:
        assert lib.rebuild_stale_events(lambda done, total, what: said.append(what)) == 1
    assert said and not any("another program" in s for s in said)
