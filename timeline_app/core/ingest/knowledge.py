"""The readers' knowledge as data: dump and feed field names, binary signatures and extensions (resources/ingest/)."""

from __future__ import annotations

import fnmatch
import logging
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from timeline_app import paths
from timeline_app.core.ingest.kinds import Kind
from timeline_app.core.tables import read_tsv
from timeline_app.errors import RulesError

log = logging.getLogger(__name__)

# The files each folder must hold; a missing one is an error, not an empty list.
DUMP_FIELDS = ("title", "text", "date", "url", "source", "author", "issuer", "container", "nested")
FEED_FIELDS = ("date",)

_KEY_NOISE = re.compile(r"[\s_\-.]")
_FEED_KEY = re.compile(r"[a-z][a-z0-9_]*")
_EXTENSION = re.compile(r"\.[a-z0-9][a-z0-9_\-]*")
_NO_EXTENSION = "(none)"
_FILE_NAME = re.compile(r"[a-z0-9_]+\*?")
_NAME_NOISE = re.compile(r"[\s\-]")
_MAX_OFFSET = 4095  # detection sees the first few KB of an input


def norm_key(key: object) -> str:
    """A field name as it is compared: lower case, without spaces, "_", "-" or "."."""
    return _KEY_NOISE.sub("", str(key)).lower()


@dataclass(frozen=True)
class Signature:
    """Bytes at an offset that mark a file as something other than an article."""

    offset: int
    data: bytes
    label: str
    also: tuple[int, bytes] | None = None  # a second signature the file must carry too

    def matches(self, head: bytes) -> bool:
        """True when `head`, the first bytes of an input, carries this signature."""
        if head[self.offset : self.offset + len(self.data)] != self.data:
            return False
        if self.also is None:
            return True
        offset, data = self.also
        return head[offset : offset + len(data)] == data


@dataclass(frozen=True)
class IngestKnowledge:
    """Everything under resources/ingest/, validated."""

    dump_fields: Mapping[str, tuple[str, ...]]  # file stem -> normalised keys, preferred first
    feed_fields: Mapping[str, tuple[str, ...]]  # file stem -> feedparser entry keys, preferred first
    signatures: tuple[Signature, ...]
    readers: Mapping[str, str]  # extension ("" for none) -> reader name (a detect.Kind value)
    not_articles: Mapping[str, str]  # extension -> what a user calls such a file
    zip_documents: Mapping[str, str]  # extension -> what a user calls such a document
    folder_documents: tuple[tuple[str, str], ...]  # (name pattern, what it is): a folder's own README ...
    legacy_documents: Mapping[str, str]  # extension -> what a user calls such a document (.doc, .rtf)
    placeholder_titles: tuple[tuple[str, str], ...]  # (title pattern, what it is): "Microsoft Word - *"

    def folder_document(self, file_name: str) -> str | None:
        """What a file that documents its folder is ("the folder's read-me"); None for any other file."""
        stem = _NAME_NOISE.sub("_", file_name.split(".", 1)[0].lower())
        return next((label for pattern, label in self.folder_documents if fnmatch.fnmatchcase(stem, pattern)), None)

    def placeholder_title(self, title: str) -> str | None:
        """What a metadata title is when a program wrote it rather than an author ("a file name"); None for
        a title someone chose."""
        key = " ".join(title.split()).lower()
        return next((label for pattern, label in self.placeholder_titles if fnmatch.fnmatchcase(key, pattern)), None)


def _check_dump_key(name: str) -> str | None:
    if name != norm_key(name):
        return f"key {name!r} must be written as keys are compared: {norm_key(name)!r}"
    return None


def _check_feed_key(name: str) -> str | None:
    if not _FEED_KEY.fullmatch(name):
        return f"key {name!r} is not a feedparser key (lower case letters, digits and '_')"
    return None


def _load_names(directory: Path, stems: tuple[str, ...], check: Callable[[str], str | None]) -> dict[str, tuple[str, ...]]:
    """One list a file, `stem.txt`, one name a line, each checked and listed once."""
    lists: dict[str, tuple[str, ...]] = {}
    for stem in stems:
        path = directory / f"{stem}.txt"
        seen: dict[str, str] = {}
        for (name,), where in read_tsv(path, 1):
            problem = check(name)
            if problem:
                raise RulesError(f"{where}: {problem}")
            if name in seen:
                raise RulesError(f"{where}: {name!r} is listed twice (first at {seen[name]})")
            seen[name] = where
        if not seen:
            raise RulesError(f"{path}:1: the file lists no keys")
        lists[stem] = tuple(seen)
    return lists


def _offset(text: str, where: str) -> int:
    if not text.isdigit() or int(text) > _MAX_OFFSET:
        raise RulesError(f"{where}: offset {text!r} is not a whole number from 0 to {_MAX_OFFSET}")
    return int(text)


def _signature_bytes(text: str, where: str) -> bytes:
    """Bytes written as text with Python escapes ("\\x89PNG\\r\\n")."""
    try:
        data = text.encode("latin-1").decode("unicode_escape").encode("latin-1")
    except UnicodeError as e:
        raise RulesError(f"{where}: bytes {text!r} are not ASCII text with \\xNN escapes ({e.reason})") from e
    if not data:
        raise RulesError(f"{where}: empty signature")
    return data


def _load_signatures(path: Path) -> tuple[Signature, ...]:
    signatures = []
    for cols, where in read_tsv(path, 3, 5):
        if len(cols) == 4:
            raise RulesError(f"{where}: a second signature needs an offset and bytes (5 columns), found only 4")
        if not cols[2]:
            raise RulesError(f"{where}: the third column must say what such a file is")
        also = (_offset(cols[3], where), _signature_bytes(cols[4], where)) if len(cols) == 5 else None
        signatures.append(Signature(_offset(cols[0], where), _signature_bytes(cols[1], where), cols[2], also))
    if not signatures:
        raise RulesError(f"{path}:1: the file lists no signatures")
    return tuple(signatures)


def _load_pairs(path: Path, check_key: Callable[[str], str | None], check_value: Callable[[str], str | None],
                what: str) -> dict[str, str]:
    """key<TAB>value lines, each key and value checked, each key listed once; `what` the keys are."""
    table: dict[str, str] = {}
    for (key, value), where in read_tsv(path, 2):
        problem = check_key(key) or check_value(value)
        if problem:
            raise RulesError(f"{where}: {problem}")
        if key in table:
            raise RulesError(f"{where}: {key} is listed twice")
        table[key] = value
    if not table:
        raise RulesError(f"{path}:1: the file lists no {what}")
    return table


def _check_extension(ext: str) -> str | None:
    if ext != _NO_EXTENSION and not _EXTENSION.fullmatch(ext):
        return f"{ext!r} is not an extension (lower case, with its dot, or {_NO_EXTENSION})"
    return None


def _check_file_name(name: str) -> str | None:
    if not _FILE_NAME.fullmatch(name):
        return (f"{name!r} is not a file name as they are compared (lower case letters, digits and '_', "
                "and an optional '*' at the end)")
    return None


def _load_extensions(path: Path, check_value: Callable[[str], str | None]) -> dict[str, str]:
    """extension<TAB>value lines; "(none)" stands for a name without an extension."""
    table = _load_pairs(path, _check_extension, check_value, "extensions")
    return {("" if ext == _NO_EXTENSION else ext): value for ext, value in table.items()}


def _check_title_pattern(pattern: str) -> str | None:
    if pattern != " ".join(pattern.split()).lower():
        return f"{pattern!r} is not a title pattern as titles are compared (lower case, single spaces)"
    return None


def _check_label(value: str) -> str | None:
    return None if value else "the second column must say what such a file is"


def load_knowledge(root: Path | None = None) -> IngestKnowledge:
    """Read and validate every file under `root` (resources/ingest/); RulesError names `path:line`."""
    root = paths.INGEST if root is None else root
    reader_names = sorted(k.value for k in Kind)

    def check_reader(value: str) -> str | None:
        return None if value in reader_names else f"unknown reader {value!r} (one of: {', '.join(reader_names)})"

    return IngestKnowledge(
        dump_fields=_load_names(root / "dump_fields", DUMP_FIELDS, _check_dump_key),
        feed_fields=_load_names(root / "feed_fields", FEED_FIELDS, _check_feed_key),
        signatures=_load_signatures(root / "signatures" / "binary.tsv"),
        readers=_load_extensions(root / "extensions" / "reader.tsv", check_reader),
        not_articles=_load_extensions(root / "extensions" / "not_article.tsv", _check_label),
        zip_documents=_load_extensions(root / "extensions" / "zip_document.tsv", _check_label),
        folder_documents=tuple(_load_pairs(root / "names" / "folder_document.tsv", _check_file_name, _check_label,
                                           "names").items()),
        legacy_documents=_load_extensions(root / "extensions" / "legacy_document.tsv", _check_label),
        placeholder_titles=tuple(_load_pairs(root / "names" / "placeholder_title.tsv", _check_title_pattern,
                                             _check_label, "patterns").items()),
    )


@lru_cache(maxsize=1)
def knowledge() -> IngestKnowledge:
    """The app's own resources/ingest/, loaded once."""
    return load_knowledge()


def dump_fields(stem: str) -> tuple[str, ...]:
    """The normalised keys of one kind of dump field ("title", "date" ...), preferred first."""
    return knowledge().dump_fields[stem]


def readable_extensions() -> tuple[str, ...]:
    """The extensions of the files the readers read (".txt", ".pdf", ".docx" ...), in resources/ingest's order."""
    return tuple(ext for ext in knowledge().readers if ext)


def feed_fields(stem: str) -> tuple[str, ...]:
    """The feedparser entry keys of one kind of feed field ("date"), preferred first."""
    return knowledge().feed_fields[stem]
