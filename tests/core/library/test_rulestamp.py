"""Libraries follow the merge rules: events grouped by other rules are grouped again once, after a backup."""

from __future__ import annotations

import ast
import shutil
import sqlite3
from pathlib import Path

import pytest

from timeline_app.core.library import eventstore, rulestamp
from timeline_app.core.library.curation import TRUE
from timeline_app.core.library.snapshot import read_snapshot_events
from timeline_app.core.library.store import Library
from timeline_app.paths import resource

# Two papers' reports of one meeting, which the rules merge into one event.
_TOLD = (("TUR;SYR", "Turkey and Syria held talks on the border."),) * 2
_DAY = "2024-03-12"


def _library_of_other_rules(path: Path, stamp: str) -> None:
    """A library of this format whose two reports of one meeting were kept apart (each its own
    stored event), stamped with `stamp` as the rules it was grouped by."""
    Library(path).close()
    db = sqlite3.connect(path)
    with db:
        for article, (countries, sentence) in enumerate(_TOLD, 1):
            db.execute("INSERT INTO articles (hash, title, text, added_at) VALUES (?, 'Talks', 'x', 'x')",
                       (f"h{article}",))
            db.execute("INSERT INTO mentions (article_id, char_start, char_end, date_text, date_value, date_start,"
                       " date_end, date_precision, countries, cameo_code, evidence, machine_event, event_id) VALUES"
                       " (?, 10, 16, 'Monday', ?, ?, ?, 'day', ?, '040', ?, ?, ?)",
                       (article, _DAY, _DAY, _DAY, countries, sentence, f"ev-old{article}", f"ev-old{article}"))
            db.execute("INSERT INTO events (id, event_date, date_start, date_end, date_precision, countries, sources)"
                       " VALUES (?, ?, ?, ?, 'day', ?, 1)", (f"ev-old{article}", _DAY, _DAY, _DAY, countries))
        db.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", (rulestamp.STAMP_SETTING, stamp))
    db.close()


def _stamp(path: Path) -> str:
    db = sqlite3.connect(path)
    try:
        return rulestamp.stored(db)
    finally:
        db.close()


@pytest.fixture
def rebuilds(monkeypatch) -> list[int]:
    """Counts eventstore.rebuild's calls."""
    calls: list[int] = []
    real = eventstore.rebuild

    def counted(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(eventstore, "rebuild", counted)
    return calls


def test_a_library_grouped_by_other_rules_is_grouped_again_once_after_a_backup(tmp_path, rebuilds):
    path = tmp_path / "lib.dtl"
    _library_of_other_rules(path, "rules of an earlier version")
    with Library(path) as lib:
        assert len(lib.events_frame()) == 1 and lib.events_frame()["sources"].iloc[0] == 2
        assert not lib.stale_rules
        backup = lib.backup_path
    assert backup is not None and backup.name == "lib.rules-backup.dtl"
    assert _stamp(path) == rulestamp.current()
    assert _stamp(backup) == "rules of an earlier version"  # the copy is the library as it was
    with Library(path) as lib:
        assert lib.backup_path is None
    assert len(rebuilds) == 1
    assert sorted(p.name for p in tmp_path.iterdir() if "backup" in p.name) == ["lib.rules-backup.dtl"]


def test_a_library_of_these_rules_is_not_rebuilt(tmp_path, rebuilds):
    path = tmp_path / "lib.dtl"
    _library_of_other_rules(path, rulestamp.current())
    with Library(path) as lib:
        assert len(lib.events_frame()) == 2  # as stored: nothing said these rules would group them otherwise
        assert lib.backup_path is None and not lib.stale_rules
    assert rebuilds == []


def test_the_users_corrections_survive_the_rebuild(tmp_path):
    path = tmp_path / "lib.dtl"
    _library_of_other_rules(path, rulestamp.current())
    with Library(path) as lib:
        lib.add_edit("h1:10:16", "summary", "", "Border talks, corrected by hand")
        lib.add_edit("h2:10:16", "verified", "", TRUE)
    db = sqlite3.connect(path)
    with db:
        db.execute("UPDATE settings SET value = 'older' WHERE key = ?", (rulestamp.STAMP_SETTING,))
    db.close()
    with Library(path) as lib:
        events = lib.events_frame()
        assert lib.backup_path is not None
    assert len(events) == 1
    assert events["summary"].iloc[0] == "Border talks, corrected by hand" and bool(events["verified"].iloc[0])


def test_cancel_leaves_the_library_as_it_was(tmp_path):
    path = tmp_path / "lib.dtl"
    _library_of_other_rules(path, "older")
    asked = iter([False, False, True])  # stops after the merge, once the reports were rewritten
    with Library(path, rebuild_stale=False) as lib:
        assert lib.stale_rules
        before = [tuple(r) for r in lib._db.execute("SELECT id, sources FROM events ORDER BY id")]  # noqa: SLF001
        reports = lib._db.execute("SELECT count(*) FROM reports").fetchone()[0]  # noqa: SLF001
        assert lib.rebuild_stale_events(cancel=lambda: next(asked)) is None
        assert lib.stale_rules and lib.backup_path is None
        assert [tuple(r) for r in lib._db.execute("SELECT id, sources FROM events ORDER BY id")] == before  # noqa: SLF001
        assert lib._db.execute("SELECT count(*) FROM reports").fetchone()[0] == reports  # noqa: SLF001
    assert _stamp(path) == "older"
    assert not [p for p in tmp_path.iterdir() if "backup" in p.name]  # nothing changed: no copy left
    with Library(path) as lib:  # offered again at the next open
        assert len(lib.events_frame()) == 1


def test_reading_a_library_of_other_rules_changes_nothing(tmp_path, rebuilds):
    path = tmp_path / "lib.dtl"
    _library_of_other_rules(path, "older")
    assert len(read_snapshot_events(path).events) == 2
    assert rebuilds == [] and _stamp(path) == "older"


def test_new_and_empty_libraries_carry_the_stamp_without_a_rebuild(tmp_path, rebuilds):
    Library(tmp_path / "new.dtl").close()
    assert _stamp(tmp_path / "new.dtl") == rulestamp.current()
    old_empty = tmp_path / "old.dtl"
    _library_of_other_rules(old_empty, "")
    db = sqlite3.connect(old_empty)
    with db:
        db.execute("DELETE FROM settings")
        for table in ("mentions", "events", "articles"):
            db.execute(f"DELETE FROM {table}")
    db.close()
    Library(old_empty).close()
    assert _stamp(old_empty) == rulestamp.current() and rebuilds == []


def _copy_of_rule_resources(root: Path) -> Path:
    for name in rulestamp.RULE_RESOURCES:
        source, target = resource(name), root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        (shutil.copytree if source.is_dir() else shutil.copyfile)(source, target)
    return root


def test_the_stamp_follows_the_content_of_the_merge_resources(tmp_path, monkeypatch):
    root = _copy_of_rule_resources(tmp_path / "resources")
    shipped = rulestamp.current()
    monkeypatch.setattr(rulestamp, "resource", lambda name: root / name)
    rulestamp.current.cache_clear()
    try:
        assert rulestamp.current() == shipped  # the same content elsewhere: the same rules
        words = root / "merging" / "apart_words.txt"
        words.write_text(words.read_text(encoding="utf-8") + "\nembargo\n", encoding="utf-8")
        rulestamp.current.cache_clear()
        assert rulestamp.current() != shipped
    finally:
        rulestamp.current.cache_clear()


def _library_modules_imported_by(name: str) -> set[str]:
    tree = ast.parse((Path(rulestamp.__file__).parent / f"{name}.py").read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "timeline_app.core.library":
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("timeline_app.core.library."):
            found.add(node.module.rsplit(".", 1)[1])
    return found


# Modules of the package the rules import that decide nothing of the grouping: column names, the
# user's corrections (kept apart and replayed), the stamp itself.
_NO_RULES = {"columns", "curation", "rulestamp"}


def test_every_module_the_rules_import_is_part_of_the_stamp():
    for name in rulestamp.RULE_MODULES:
        missing = _library_modules_imported_by(name) - set(rulestamp.RULE_MODULES) - _NO_RULES
        assert not missing, f"{name}.py imports {sorted(missing)}: add them to rulestamp.RULE_MODULES"
