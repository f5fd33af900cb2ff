"""The bundled samples' rows stored once (in the package when it is built, else in the user's cache) and handed back by a first start's worker without loading the tables."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from timeline_app import __version__
from timeline_app import paths as app_paths
from timeline_app.core.batch.pools import ARTICLES, Named
from timeline_app.core.batch.results import ArticleRows, Result
from timeline_app.core.budget import TIME_BUDGET
from timeline_app.core.library import rows

log = logging.getLogger(__name__)

# Bumped when what is stored changes shape (the rows' fields are part of the key as well).
FORMAT = 1
# The stored rows' file: in the package's resources/samples/ (written when the wheel is built,
# hatch_build.py), and in the user's cache folder (written by the first start that processed them).
FILE_NAME = "sample-rows.json"
# What the key leaves out of resources/: what no extraction reads (the desktop files a wheel adds,
# the icons) and the stored rows themselves.
_NOT_READ = frozenset({"linux", "icons"})
_PACKAGE = Path(__file__).resolve().parent.parent.parent

# The extraction, imported by the worker only when the stored rows cannot be used: importing it and
# loading its tables is 1.0-1.3 s of a first start's worker (benchmarks/README.md, branch perf).
_set_known = Named(ARTICLES, "set_known")
_iter_results = Named(ARTICLES, "iter_results")

# The worker's state: the rows it hands back, and those it made itself (to store once all are made).
_stored: dict[str, list[ArticleRows]] | None = None
_made: dict[str, list[ArticleRows]] = {}
_known: frozenset[str] = frozenset()
_digest = ""
_code = ""
_tables_loaded = False


def key(resources: Path | None = None, package: Path | None = None, code: str | None = None) -> str:
    """A digest of everything the samples' rows follow from: this format, the app's version, the
    rows' fields, the files of resources/ (names and contents, the samples among them) and the
    package's code (`code`, else code_digest(package)); dateparser's version too, which does the
    calendar arithmetic."""
    digest = hashlib.blake2b(digest_size=20)
    digest.update(f"{FORMAT}\0{__version__}\0{_dateparser_version()}\0".encode())
    digest.update("\0".join((*rows.ARTICLE_FIELDS, *rows.MENTION_FIELDS)).encode())
    _add_files(digest, resources or app_paths.RESOURCES, lambda name: name != FILE_NAME, _NOT_READ)
    digest.update(f"\0code\0{code_digest(package) if code is None else code}".encode())
    return digest.hexdigest()


def code_digest(package: Path | None = None, built: Path | None = None) -> str:
    """A digest of the package's Python source. An app frozen without its source (the PyInstaller
    bundle: compiled modules only) runs the code its stored rows were built from, in the same
    build: there it is the digest those rows record (`built`, else prebuilt_file()), or ""."""
    digest = hashlib.blake2b(digest_size=20)
    # An installed package holds its resources/ too: read as the resources, not as code.
    if _add_files(digest, package or _PACKAGE, lambda name: name.endswith(".py"), frozenset({"resources"})):
        return digest.hexdigest()
    try:
        recorded = json.loads((built or prebuilt_file()).read_text(encoding="utf-8")).get("code", "")
    except (OSError, ValueError, AttributeError):
        return ""
    return recorded if isinstance(recorded, str) else ""


def _add_files(digest: hashlib.blake2b, root: Path, wanted: Callable[[str], bool], skip_top: frozenset[str]) -> int:
    """Add the names and contents of the wanted files under `root` to `digest`; how many there were."""
    count = 0
    for folder, dirs, files in os.walk(root):
        skip = {"__pycache__", *skip_top} if folder == str(root) else {"__pycache__"}
        # sorted in place: the walk's order, and so the digest, is the same on every file system
        dirs[:] = sorted(d for d in dirs if d not in skip)
        for name in sorted(filter(wanted, files)):
            path = os.path.join(folder, name)
            digest.update(f"\0{os.path.relpath(path, root)}\0".encode())
            with open(path, "rb") as f:
                digest.update(f.read())
            count += 1
    return count


def _dateparser_version() -> str:
    """dateparser's installed version, read without importing it (the worker may not need it)."""
    module = sys.modules.get("dateparser")
    if module is not None:
        return str(getattr(module, "__version__", ""))
    # deferred: 17 ms to import (-X importtime), paid by the worker only, not by the window that makes the pool
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("dateparser")
    except PackageNotFoundError:
        return ""


def cache_file() -> Path:
    """The stored rows in the user's cache folder."""
    return app_paths.cache_dir() / FILE_NAME


def prebuilt_file() -> Path:
    """The stored rows a built package carries."""
    return app_paths.SAMPLES / FILE_NAME


def encode(made: dict[str, list[ArticleRows]], digest: str, code: str = "") -> str:
    """The stored form of the rows of each sample (by file name), for `digest`, with the digest of
    the code they were made by (`code`, for an app frozen without its source); source paths left out."""
    samples = {name: [[_without_path(r.article), r.mentions] for r in results] for name, results in made.items()}
    return json.dumps({"format": FORMAT, "key": digest, "code": code, "samples": samples}, ensure_ascii=False)


def _without_path(article: tuple) -> list:
    out = list(article)
    out[rows.SOURCE_PATH] = ""
    return out


def decode(text: str, digest: str) -> dict[str, list[ArticleRows]] | None:
    """The rows stored in `text` by sample file name; None when they were stored for another key or
    the text is not what encode() writes (a damaged or foreign file)."""
    try:
        data = json.loads(text)
        if data["format"] != FORMAT or data["key"] != digest:
            return None
        out = {}
        for name, results in data["samples"].items():
            out[str(name)] = [_rows(article, mentions) for article, mentions in results]
        return out
    except (ValueError, TypeError, KeyError, AttributeError) as e:
        log.info("stored sample rows unreadable (%s): the samples are processed", e)
        return None


def _rows(article: list, mentions: list) -> ArticleRows:
    """One article's rows as a worker makes them; ValueError when their shape is not."""
    cells = (str, int, float, type(None))
    if len(article) != len(rows.ARTICLE_FIELDS) or any(len(m) != len(rows.MENTION_FIELDS) for m in mentions):
        raise ValueError("rows of another shape")
    if not all(isinstance(v, cells) for v in article) or not all(isinstance(v, cells) for m in mentions for v in m):
        raise ValueError("a cell that is not a number or text")
    return ArticleRows(tuple(article), [tuple(m) for m in mentions])


def load(names: list[str], digest: str | None = None) -> dict[str, list[ArticleRows]] | None:
    """The stored rows of the samples `names` (file names), from the package or the user's cache,
    if stored for the current resources and code; else None."""
    digest = digest or key()
    for path in (prebuilt_file(), cache_file()):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        found = decode(text, digest)
        if found is not None and set(names) <= set(found):
            return found
    return None


def save(path: Path, made: dict[str, list[ArticleRows]], digest: str, code: str = "") -> bool:
    """Store `made` at `path` (replaced whole, never left half written); False when it cannot be."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".sample-rows-", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(encode(made, digest, code))
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError as e:
        log.info("could not store the samples' rows in %s (%s)", path, e)
        return False
    return True


def set_known(known: frozenset[str]) -> None:
    """Worker start-up: the stored rows when they fit the samples, resources and code (and the library
    has none of the samples); else the tables, as core.batch.articles.set_known loads them."""
    global _stored, _known, _digest, _code
    _known = known
    _code = code_digest()
    _digest = key(code=_code)  # here, not once the samples are processed: the window waits for the last of them
    _stored = load([p.name for p in app_paths.sample_paths()], _digest) if not known else None
    if not _stored:
        _load_tables()


def _load_tables() -> None:
    global _tables_loaded
    if not _tables_loaded:
        _set_known(_known)
        _tables_loaded = True


def iter_results(path: str, published: dt.date | None, known: frozenset[str] | None = None,
                 language: str | None = None, seconds: float | None = TIME_BUDGET) -> Iterator[Result]:
    """Worker body: a sample's stored rows (with `path` as its source), or the rows made now
    (core.batch.articles.iter_results), stored in the user's cache once every sample's are made."""
    known = _known if known is None else known
    name = _sample_names().get(path)
    usable = _stored is not None and name is not None and not known and (published, language) == (None, None)
    stored = _stored.get(name) if usable else None
    if stored is not None:
        for found in stored:
            article = list(found.article)
            article[rows.SOURCE_PATH] = path
            yield ArticleRows(tuple(article), found.mentions)
        return
    _load_tables()
    results = []
    for result in _iter_results(path, published, known, language, seconds):
        results.append(result)
        yield result
    if not known:
        _remember(path, published, language, results)


def _sample_names() -> dict[str, str]:
    """The samples' file names by their paths as a first start gives them."""
    return {str(p): p.name for p in app_paths.sample_paths()}


def _remember(path: str, published: dt.date | None, language: str | None, results: list[Result]) -> None:
    """Keep a sample's rows made here; store them all once every sample's are kept. Only what a
    first start would hand back is kept: every article read and processed, from the samples' folder."""
    samples = _sample_names()
    whole = results and all(isinstance(r, ArticleRows) and r.source_path == path for r in results)
    if path not in samples or (published, language) != (None, None) or not whole:
        return
    _made[samples[path]] = results  # type: ignore[assignment] - all ArticleRows, checked above
    if set(_made) == set(samples.values()) and _digest:
        save(cache_file(), _made, _digest, _code)


def build(path: Path) -> None:
    """Process the samples in this process and store their rows at `path` (a package's, when it is built)."""
    paths = [str(p) for p in app_paths.sample_paths()]
    _load_tables()
    made = {Path(p).name: list(_iter_results(p, None, frozenset(), None, TIME_BUDGET)) for p in paths}
    broken = [name for name, results in made.items()
              if not results or not all(isinstance(r, ArticleRows) for r in results)]
    if broken:
        raise RuntimeError(f"samples not processed whole: {', '.join(broken)}")
    code = code_digest()
    if not save(path, made, key(code=code), code):  # type: ignore[arg-type] - all ArticleRows, checked above
        raise OSError(f"could not write {path}")
