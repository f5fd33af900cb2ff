"""Libraries follow the merge rules: events grouped by other rules are grouped again once, after a backup."""

from __future__ import annotations

import ast
import shutil
import sqlite3
import threading
import time
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


def library_of_other_rules(path: Path, stamp: str) -> None:
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


def stamp_of(path: Path) -> str:
    db = sqlite3.connect(path)
    try:
        return rulestamp.stored(db)
    finally:
        db.close()


def count_rebuilds(monkeypatch, pause: float = 0.0) -> list[str]:
    """The threads of eventstore.rebuild's calls from now on, each `pause` seconds longer."""
    calls: list[str] = []
    real = eventstore.rebuild

    def counted(*args, **kwargs):
        calls.append(threading.current_thread().name)
        time.sleep(pause)
        return real(*args, **kwargs)

    monkeypatch.setattr(eventstore, "rebuild", counted)
    return calls


@pytest.fixture
def rebuilds(monkeypatch) -> list[str]:
    return count_rebuilds(monkeypatch)


def test_a_library_grouped_by_other_rules_is_grouped_again_once_after_a_backup(tmp_path, rebuilds):
    path = tmp_path / "lib.dtl"
    library_of_other_rules(path, "rules of an earlier version")
    with Library(path) as lib:
        assert len(lib.events_frame()) == 1 and lib.events_frame()["sources"].iloc[0] == 2
        assert not lib.stale_rules
        backup = lib.backup_path
    assert backup is not None and backup.name == "lib.rules-backup.dtl"
    assert stamp_of(path) == rulestamp.current()
    assert stamp_of(backup) == "rules of an earlier version"  # the copy is the library as it was
    with Library(path) as lib:
        assert lib.backup_path is None
    assert len(rebuilds) == 1
    assert sorted(p.name for p in tmp_path.iterdir() if "backup" in p.name) == ["lib.rules-backup.dtl"]


def test_a_library_of_these_rules_is_not_rebuilt(tmp_path, rebuilds):
    path = tmp_path / "lib.dtl"
    library_of_other_rules(path, rulestamp.current())
    with Library(path) as lib:
        assert len(lib.events_frame()) == 2  # as stored: nothing said these rules would group them otherwise
        assert lib.backup_path is None and not lib.stale_rules
    assert rebuilds == []


def test_the_users_corrections_survive_the_rebuild(tmp_path):
    path = tmp_path / "lib.dtl"
    library_of_other_rules(path, rulestamp.current())
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
    library_of_other_rules(path, "older")
    asked = iter([False, False, True])  # stops after the merge, once the reports were rewritten
    with Library(path, rebuild_stale=False) as lib:
        assert lib.stale_rules
        before = [tuple(r) for r in lib._db.execute("SELECT id, sources FROM events ORDER BY id")]  # noqa: SLF001
        reports = lib._db.execute("SELECT count(*) FROM reports").fetchone()[0]  # noqa: SLF001
        assert lib.rebuild_stale_events(cancel=lambda: next(asked)) is None
        assert lib.stale_rules and lib.backup_path is None
        assert [tuple(r) for r in lib._db.execute("SELECT id, sources FROM events ORDER BY id")] == before  # noqa: SLF001
        assert lib._db.execute("SELECT count(*) FROM reports").fetchone()[0] == reports  # noqa: SLF001
    assert stamp_of(path) == "older"
    assert not [p for p in tmp_path.iterdir() if "backup" in p.name]  # nothing changed: no copy left
    with Library(path) as lib:  # offered again at the next open
        assert len(lib.events_frame()) == 1


def test_reading_a_library_of_other_rules_changes_nothing(tmp_path, rebuilds):
    path = tmp_path / "lib.dtl"
    library_of_other_rules(path, "older")
    assert len(read_snapshot_events(path).events) == 2
    assert rebuilds == [] and stamp_of(path) == "older"


def test_new_and_empty_libraries_carry_the_stamp_without_a_rebuild(tmp_path, rebuilds):
    Library(tmp_path / "new.dtl").close()
    assert stamp_of(tmp_path / "new.dtl") == rulestamp.current()
    old_empty = tmp_path / "old.dtl"
    library_of_other_rules(old_empty, "")
    db = sqlite3.connect(old_empty)
    with db:
        db.execute("DELETE FROM settings")
        for table in ("mentions", "events", "articles"):
            db.execute(f"DELETE FROM {table}")
    db.close()
    Library(old_empty).close()
    assert stamp_of(old_empty) == rulestamp.current() and rebuilds == []


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


# A rule module of our own, as written and as edited by someone who changed no rule: comments,
# docstrings, blank lines and the layout of a call.
_RULE = '''"""Pairs of days near enough to be one event."""

LIMIT = 3


def near(a: int, b: int) -> bool:
    """Whether two days are near."""
    return abs(a - b) <= LIMIT
'''
_RULE_REWORDED = '''"""Pairs of days that may be one event: a reworded docstring."""
# Three days: a report and the next week's summary of it.
LIMIT = 3



def near(a: int,
         b: int) -> bool:
    # Either order: the later report may come first.
    return abs(a - b) <= LIMIT  # inclusive
'''


def _code_of(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name / "rule.py"
    path.parent.mkdir()
    path.write_text(text, encoding="utf-8")
    return rulestamp.code_digest([path])


def test_comments_docstrings_and_layout_leave_the_code_stamp_as_it_is(tmp_path):
    assert _code_of(tmp_path, "a", _RULE) == _code_of(tmp_path, "b", _RULE_REWORDED)


@pytest.mark.parametrize("edit", [("LIMIT = 3", "LIMIT = 4"), ("<= LIMIT", "< LIMIT"), ("abs(a - b)", "abs(b - a)")])
def test_a_change_of_what_the_code_does_changes_the_code_stamp(tmp_path, edit):
    assert _code_of(tmp_path, "a", _RULE) != _code_of(tmp_path, "b", _RULE.replace(*edit))


def test_a_comment_in_a_real_rule_module_keeps_the_stamp_and_a_changed_constant_does_not(tmp_path):
    shipped = rulestamp.code_digest(rulestamp._sources())  # noqa: SLF001
    copies = []
    for source in rulestamp._sources():  # noqa: SLF001
        copies.append(tmp_path / source.name)
        shutil.copyfile(source, copies[-1])
    merge = tmp_path / "merge.py"
    text = merge.read_text(encoding="utf-8")
    merge.write_text("# A comment a reader wanted.\n" + text.replace('"""', '"""Reworded. ', 1), encoding="utf-8")
    assert rulestamp.code_digest(copies) == shipped
    tree = ast.parse(text)
    number = next(n for n in ast.walk(tree) if isinstance(n, ast.Constant) and type(n.value) is int and n.value > 1)
    lines = text.splitlines(keepends=True)
    line = lines[number.lineno - 1]
    lines[number.lineno - 1] = line[:number.col_offset] + str(number.value + 1) + line[number.end_col_offset:]
    merge.write_text("".join(lines), encoding="utf-8")
    assert rulestamp.code_digest(copies) != shipped


def test_comment_lines_of_the_merge_resources_leave_the_stamp_as_it_is(tmp_path, monkeypatch):
    root = _copy_of_rule_resources(tmp_path / "resources")
    shipped = rulestamp.current()
    monkeypatch.setattr(rulestamp, "resource", lambda name: root / name)
    words = root / "merging" / "apart_words.txt"
    try:
        words.write_text("# Why these words: a reader's note.\n\n" + words.read_text(encoding="utf-8"), encoding="utf-8")
        rulestamp.current.cache_clear()
        assert rulestamp.current() == shipped
    finally:
        rulestamp.current.cache_clear()


def test_the_code_stamp_is_worked_out_once_then_remembered(tmp_path, monkeypatch):
    monkeypatch.setenv("TIMELINE_CACHE_DIR", str(tmp_path / "cache"))
    first = rulestamp.code_part()
    assert (tmp_path / "cache" / rulestamp.CACHE_NAME).is_file()

    def unread(sources):
        raise AssertionError("the modules were read again")

    monkeypatch.setattr(rulestamp, "code_digest", unread)
    assert rulestamp.code_part() == first


def test_a_package_carries_the_code_stamp_and_a_bundle_without_source_uses_it(tmp_path, monkeypatch):
    carried = tmp_path / "rulestamp.json"
    rulestamp.build(carried)
    monkeypatch.setenv("TIMELINE_CACHE_DIR", str(tmp_path / "empty-cache"))
    monkeypatch.setattr(rulestamp, "CARRIED", carried)
    expected = rulestamp.code_digest(rulestamp._sources())  # noqa: SLF001
    monkeypatch.setattr(rulestamp, "code_digest", lambda sources: "read again")
    assert rulestamp.code_part() == expected  # the installed package: no tree read at its first start
    monkeypatch.setattr(rulestamp, "_sources", lambda: [])
    assert rulestamp.code_part() == expected  # frozen
    monkeypatch.setattr(rulestamp, "CARRIED", tmp_path / "none.json")
    assert rulestamp.code_part().startswith("app ")  # frozen and carrying nothing: its version
