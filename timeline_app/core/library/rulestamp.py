"""The stamp of the rules that group mentions into events, kept with the library: other rules, a rebuild."""

from __future__ import annotations

import functools
import hashlib
import sqlite3
from pathlib import Path

from timeline_app import __version__
from timeline_app.paths import resource

# The key in the library's settings table of the stamp its events were built with.
STAMP_SETTING = "events/merge_rules"
# The modules whose code decides which mentions make one event and what the event holds. Their
# source is the code's part of the stamp, so no one has to remember to bump a number when they
# change; a test checks that every module of this package they import is here or is no rule.
RULE_MODULES = ("blocks", "datemod", "eventstore", "frames", "incremental", "matching", "merge", "pairs",
                "reports", "reportstore", "unacts", "words")
# What they read from resources/: merging's word lists, the CAMEO codes and their compatibilities.
RULE_RESOURCES = ("merging", "cameo/compatible.tsv", "cameo/codes.tsv")


def _resource_files() -> list[Path]:
    files: list[Path] = []
    for name in RULE_RESOURCES:
        path = resource(name)
        files += sorted(p for p in path.iterdir() if p.is_file()) if path.is_dir() else [path]
    return files


@functools.cache
def current() -> str:
    """The stamp of the rules this app merges by: a digest of their code and resources."""
    digest = hashlib.blake2b(digest_size=16)
    here = Path(__file__).parent
    sources = [here / f"{name}.py" for name in RULE_MODULES]
    if not all(p.is_file() for p in sources):
        # A bundle frozen without its source: its version stands for the code it was built from.
        digest.update(f"app {__version__}".encode())
        sources = []
    for path in [*sources, *_resource_files()]:
        digest.update(f"\0{path.parent.name}/{path.name}\0".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def stored(db: sqlite3.Connection) -> str:
    """The stamp of the rules the library's events were built with ("" when it has none)."""
    row = db.execute("SELECT value FROM settings WHERE key = ?", (STAMP_SETTING,)).fetchone()
    return "" if row is None else str(row[0])


def mark(db: sqlite3.Connection) -> None:
    """Record that the library's events follow this app's rules (inside the caller's transaction)."""
    db.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", (STAMP_SETTING, current()))


def has_events(db: sqlite3.Connection) -> bool:
    """Whether the library holds anything the rules group: a mention or an event added by hand."""
    return db.execute("SELECT 1 FROM mentions UNION ALL SELECT 1 FROM manual_events LIMIT 1").fetchone() is not None


def is_stale(db: sqlite3.Connection) -> bool:
    """Whether the library's events were grouped by other rules (or by a version that kept no stamp)."""
    return stored(db) != current() and has_events(db)


def needs_mark(db: sqlite3.Connection) -> bool:
    """An empty library without the stamp (made by an older version): the rules' next merge is this app's."""
    return stored(db) != current() and not has_events(db)
