"""Read articles from files, folders, zip archives and URLs: one Article or one SkippedInput each."""

from __future__ import annotations

import datetime as dt
import errno
import logging
import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from timeline_app.core.ingest.archive import ExpansionBudget, read_zip
from timeline_app.core.ingest.detect import ZIP_MAGIC, detect
from timeline_app.core.ingest.dispatch import HEAD, guarded, member_reader, read_bytes
from timeline_app.core.ingest.kinds import Kind
from timeline_app.core.ingest.knowledge import knowledge
from timeline_app.core.ingest.language import with_language
from timeline_app.core.ingest.limits import DEFAULT_LIMITS, Limits, describe_size
from timeline_app.core.models import Article, SkippedInput
from timeline_app.errors import InputError
from timeline_app.paths import sample_paths

__all__ = [
    "DEFAULT_LIMITS",
    "InputResult",
    "Limits",
    "is_url",
    "iter_articles",
    "read_bytes",
    "read_inputs",
    "read_path",
    "sample_paths",
    "walk_folder",
]

log = logging.getLogger(__name__)

_SCHEME = re.compile(r"^(?P<scheme>[A-Za-z][A-Za-z0-9+.\-]*)://")


@dataclass
class InputResult:
    """Everything read from some inputs: the articles, and the inputs (or parts) that were skipped."""

    articles: list[Article] = field(default_factory=list)
    skipped: list[SkippedInput] = field(default_factory=list)

    def add(self, item: Article | SkippedInput) -> None:
        (self.articles if isinstance(item, Article) else self.skipped).append(item)

    def summary(self) -> str:
        """One line for the end of an import: "12 articles read, 2 inputs skipped"."""
        articles = f"{len(self.articles)} article{'s' if len(self.articles) != 1 else ''} read"
        if not self.skipped:
            return articles
        return f"{articles}, {len(self.skipped)} input{'s' if len(self.skipped) != 1 else ''} skipped"


def is_url(value: str | Path) -> bool:
    """True for strings with a scheme ("https://...", "ftp://..."); only http and https are fetched."""
    return isinstance(value, str) and _SCHEME.match(value.strip()) is not None


def iter_articles(
    inputs: Iterable[str | Path],
    published: dt.date | None = None,
    *,
    limits: Limits = DEFAULT_LIMITS,
    language: str | None = None,
) -> Iterator[Article | SkippedInput]:
    """Lazily yield one Article per article found in `inputs` and one SkippedInput per unreadable one.

    Inputs are files, folders (walked recursively in sorted order, hidden entries left out), zip
    archives (read in memory, recursively) and http/https URLs. `published`, when given, is the
    publication date of every article; `language`, when given, its language (ISO 639-1), else each
    article's language is told from its text. Never raises for a bad input.
    """
    for item in _iter_inputs(inputs, published, limits):
        yield with_language(item, language) if isinstance(item, Article) else item


def _iter_inputs(inputs: Iterable[str | Path], published: dt.date | None, limits: Limits) -> Iterator[Article | SkippedInput]:
    seen: set[str] = set()
    for item in inputs:
        if is_url(item):
            url = str(item).strip()
            key = url.split("#", 1)[0]
            if key in seen:
                continue
            seen.add(key)
            yield from guarded(url, _iter_url(url, published, limits))
        else:
            yield from _iter_path(Path(item), published, limits, seen)


def read_inputs(
    inputs: Iterable[str | Path],
    published: dt.date | None = None,
    *,
    limits: Limits = DEFAULT_LIMITS,
    language: str | None = None,
) -> InputResult:
    """Read every input at once (iter_articles, collected)."""
    result = InputResult()
    for item in iter_articles(inputs, published, limits=limits, language=language):
        result.add(item)
    return result


def read_path(path: str | Path, published: dt.date | None = None, *, limits: Limits = DEFAULT_LIMITS) -> InputResult:
    """Read one file, folder, archive or URL."""
    return read_inputs([path], published, limits=limits)


def _iter_path(
    path: Path, published: dt.date | None, limits: Limits, seen: set[str]
) -> Iterator[Article | SkippedInput]:
    shown = str(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        yield SkippedInput(shown, "a symbolic link to a file that does not exist" if path.is_symlink()
                           else "no such file or folder")
        return
    except OSError as e:
        yield SkippedInput(shown, "a symbolic link that loops back to itself: nothing to read" if e.errno == errno.ELOOP
                           else f"cannot be opened: {e.strerror or e}")
        return
    if stat.S_ISDIR(info.st_mode):
        yield from _iter_folder(path, published, limits, seen)
        return
    key = os.path.realpath(path)
    if key in seen:
        return
    seen.add(key)
    yield from guarded(shown, _read_file(path, info, published, limits))


def walk_folder(folder: Path) -> Iterator[Path]:
    """The files under `folder`, lazily, in sorted order; hidden files and folders left out, and
    those that document the folder (README, LICENSE ...: resources/ingest/names/folder_document.tsv).

    Symbolic links to folders are not followed (a link to a parent would loop forever); a folder
    that cannot be listed is logged and passed over.
    """

    def on_error(e: OSError) -> None:
        log.warning("cannot list %s: %s", e.filename, e.strerror)

    known = knowledge()
    for root, dirs, files in os.walk(folder, onerror=on_error):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            what = known.folder_document(name)
            if what is not None:
                log.info("left out %s: %s, not an article", Path(root, name), what)
                continue
            yield Path(root, name)


def _iter_folder(
    folder: Path, published: dt.date | None, limits: Limits, seen: set[str]
) -> Iterator[Article | SkippedInput]:
    found_any = False
    for path in walk_folder(folder):
        found_any = True
        yield from _iter_path(path, published, limits, seen)
    if not found_any:
        yield SkippedInput(str(folder), "empty folder: no files to read")


def _read_file(path: Path, info: os.stat_result, published: dt.date | None, limits: Limits) -> Iterator[Article | SkippedInput]:
    if not stat.S_ISREG(info.st_mode):
        raise InputError("not a regular file (a device, socket or pipe)")
    if info.st_size == 0:
        raise InputError("empty file")
    try:
        with open(path, "rb") as f:
            head = f.read(HEAD)
            # An archive of articles may be larger than one file; a Word document (a zip too) may not.
            kind = detect(path.name, head) if head.startswith(ZIP_MAGIC) else None
            is_zip = kind is Kind.ZIP
            limit = limits.max_archive_bytes if is_zip else limits.max_file_bytes
            if info.st_size > limit:
                raise InputError(f"{'zip archive ' if is_zip else ''}larger than {describe_size(limit)}")
            kind = kind or detect(path.name, head)
            data = b"" if is_zip else head + f.read(limits.max_file_bytes + 1 - len(head))
    except OSError as e:
        raise InputError(f"cannot be read: {e.strerror or e}") from e
    if kind is Kind.ZIP:
        budget = ExpansionBudget(limits.max_archive_bytes)
        yield from read_zip(path, str(path), member_reader(published, limits, budget), limits, 0, budget)
    else:
        yield from read_bytes(data, str(path), published, limits=limits, kind=kind)


def _iter_url(url: str, published: dt.date | None, limits: Limits) -> Iterator[Article | SkippedInput]:
    # deferred: urllib.request with http.client, email and ssl takes 7-35 ms at every start of the
    # window (-X importtime), which opens no URL until one is given.
    from timeline_app.core.ingest.web import fetch

    page = fetch(url, limits)
    yield from read_bytes(
        page.data, url, published, limits=limits, kind=page.kind, url=page.final_url, declared=page.charset
    )
