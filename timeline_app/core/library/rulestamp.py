"""The stamp of the rules that group mentions into events, kept with the library: other rules, a rebuild."""

from __future__ import annotations

import ast
import functools
import hashlib
import json
import logging
import os
import sqlite3
import tempfile
from pathlib import Path

from timeline_app import __version__
from timeline_app.paths import cache_dir, resource

log = logging.getLogger(__name__)

# The key in the library's settings table of the stamp its events were built with.
STAMP_SETTING = "events/merge_rules"
# The modules whose code decides which mentions make one event and what the event holds. What their
# code does is the code's part of the stamp, so no one has to remember to bump a number when they
# change; a test checks that every module of this package they import is here or is no rule.
RULE_MODULES = ("blocks", "datemod", "eventstore", "frames", "incremental", "matching", "merge", "pairs",
                "reports", "reportstore", "unacts", "words")
# What they read from resources/: merging's word lists, the CAMEO codes and their compatibilities.
RULE_RESOURCES = ("merging", "cameo/compatible.tsv", "cameo/codes.tsv")
# The code's part by the digest of the modules' text: reading their syntax trees costs 70-200 ms, the
# text's digest 1 ms. Carried by a built package (hatch_build.py, the bundle's spec; a bundle holds
# no source to read), else kept in the user's cache folder once worked out.
CARRIED = Path(__file__).with_name("rulestamp.json")
CACHE_NAME = "merge-rules.json"
_CACHE_SIZE = 8  # texts remembered: a few checkouts or versions side by side


def _resource_files() -> list[Path]:
    files: list[Path] = []
    for name in RULE_RESOURCES:
        path = resource(name)
        files += sorted(p for p in path.iterdir() if p.is_file()) if path.is_dir() else [path]
    return files


def _sources() -> list[Path]:
    """The rule modules' files; none in a bundle frozen without its source."""
    here = Path(__file__).parent
    sources = [here / f"{name}.py" for name in RULE_MODULES]
    return sources if all(p.is_file() for p in sources) else []


def _is_no_op(statement: ast.AST) -> bool:
    """A statement that is a constant alone (a docstring, `...`): it does nothing."""
    return isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant)


def _canonical(node: object, out: list[str]) -> None:
    """Append a syntax tree as text to `out`: without positions, statements that do nothing, or the
    fields left empty (so that a Python adding a field gives the same text for the same code)."""
    if isinstance(node, ast.AST):
        out += (type(node).__name__, "(")
        for name in node._fields:
            value = getattr(node, name, None)
            if value is None or value == []:
                continue
            if name == "body" and isinstance(value, list):
                value = [s for s in value if not _is_no_op(s)]
            out += (name, "=")
            _canonical(value, out)
            out.append(",")
        out.append(")")
    elif isinstance(node, list):
        out.append("[")
        for item in node:
            _canonical(item, out)
            out.append(",")
        out.append("]")
    else:
        out += (type(node).__name__, repr(node))


def code_digest(sources: list[Path]) -> str:
    """What the modules do: a digest of their syntax trees, so that comments, docstrings, blank lines
    and layout leave it as it is, and a change of any statement, name or constant does not."""
    digest = hashlib.blake2b(digest_size=16)
    for path in sources:
        digest.update(f"\0{path.name}\0".encode())
        out: list[str] = []
        _canonical(ast.parse(path.read_bytes(), str(path)), out)
        digest.update("".join(out).encode())
    return digest.hexdigest()


def data_lines(text: bytes) -> bytes:
    """A resource file's lines that the loaders read: without comment lines ("#" first) and blank ones."""
    lines = text.decode("utf-8", errors="replace").splitlines()
    return "\n".join(line for line in lines if line.strip() and not line.startswith("#")).encode()


def text_digest(paths: list[Path]) -> str:
    """A digest of the files' names and bytes, as they are."""
    digest = hashlib.blake2b(digest_size=16)
    for path in paths:
        digest.update(f"\0{path.name}\0".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _remembered(path: Path, text: str) -> str:
    """The code digest stored at `path` for modules of digest `text` ("" when none is)."""
    try:
        found = json.loads(path.read_text(encoding="utf-8")).get(text, "")
    except (OSError, ValueError, AttributeError):
        return ""
    return found if isinstance(found, str) else ""


def _remember(path: Path, text: str, code: str) -> None:
    """Store `code` for `text` at `path` among the latest few, replaced whole; never fails the caller."""
    try:
        known = json.loads(path.read_text(encoding="utf-8"))
        known = known if isinstance(known, dict) else {}
    except (OSError, ValueError):
        known = {}
    known.pop(text, None)
    known = dict(list(known.items())[-(_CACHE_SIZE - 1):]) | {text: code}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".merge-rules-", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(known, f)
        os.replace(tmp, path)
    except OSError as e:
        log.info("could not keep the merge rules' stamp in %s (%s)", path, e)


def code_part() -> str:
    """The code's part of the stamp: carried by the package, remembered, or worked out (and remembered)."""
    sources = _sources()
    if not sources:
        # A bundle frozen without its source: the digest its build carries, else its version.
        return _remembered(CARRIED, "frozen") or f"app {__version__}"
    text = text_digest(sources)
    found = _remembered(CARRIED, text) or _remembered(cache_dir() / CACHE_NAME, text)
    if not found:
        found = code_digest(sources)
        _remember(cache_dir() / CACHE_NAME, text, found)
    return found


def build(path: Path) -> None:
    """Write the code's part for a package being built (its source, and "frozen" for a bundle)."""
    sources = _sources()
    code = code_digest(sources)
    path.write_text(json.dumps({text_digest(sources): code, "frozen": code}), encoding="utf-8")


@functools.cache
def current() -> str:
    """The stamp of the rules this app merges by: what their code does and their resources' data lines."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"code\0{code_part()}".encode())
    for path in _resource_files():
        digest.update(f"\0{path.parent.name}/{path.name}\0".encode())
        digest.update(data_lines(path.read_bytes()))
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
