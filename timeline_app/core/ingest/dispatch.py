"""One input's bytes to the reader of its kind (text, HTML, feed, dump, PDF, Word, zip), failures as skips."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator

from timeline_app.core.ingest.archive import ExpansionBudget, MemberReader, read_zip
from timeline_app.core.ingest.detect import detect
from timeline_app.core.ingest.kinds import Kind
from timeline_app.core.ingest.limits import DEFAULT_LIMITS, Limits, describe_size, too_long
from timeline_app.core.models import Article, SkippedInput
from timeline_app.errors import InputError

log = logging.getLogger(__name__)

HEAD = 8192  # the bytes detection looks at


def guarded(path: str, items: Iterator[Article | SkippedInput]) -> Iterator[Article | SkippedInput]:
    """Pass items through; turn a failure of the reader into one SkippedInput for `path`."""
    try:
        yield from items
    except InputError as e:
        yield SkippedInput(path, one_line(str(e)))
    except RecursionError:
        log.warning("%s: nested too deeply to read", path)
        yield SkippedInput(path, "structure nested too deeply to read")
    except MemoryError:
        yield SkippedInput(path, "too large to read in the memory available")
    except Exception as e:  # a reader's bug must not end a whole import; it is logged in full
        log.exception("%s: unexpected error while reading", path)
        yield SkippedInput(path, one_line(f"could not be read because of an unexpected error ({type(e).__name__}: {e})"))


def one_line(reason: str, limit: int = 300) -> str:
    """A reason as one line of bounded length: messages from libraries may span lines."""
    reason = " ".join(reason.split())
    return reason if len(reason) <= limit else reason[: limit - 1] + "\u2026"


def member_reader(published: dt.date | None, limits: Limits, budget: ExpansionBudget) -> MemberReader:
    """How an archive's members are read: each through read_bytes, its failure a skip of that member only."""
    def read_member(data: bytes, path: str, depth: int) -> Iterator[Article | SkippedInput]:
        return guarded(path, read_bytes(data, path, published, limits=limits, depth=depth, budget=budget))

    return read_member


def read_bytes(
    data: bytes,
    path: str,
    published: dt.date | None = None,
    *,
    limits: Limits = DEFAULT_LIMITS,
    kind: Kind | None = None,
    depth: int = 0,
    budget: ExpansionBudget | None = None,
    url: str = "",
    declared: str | None = None,
) -> Iterator[Article | SkippedInput]:
    """Articles from the bytes of one input named `path`; raises InputError when it cannot be read.

    An article whose text is longer than limits.max_text_chars is skipped with that reason.
    """
    for item in _read_kind(data, path, published, limits, kind, depth, budget, url, declared):
        reason = too_long(len(item.text), limits) if isinstance(item, Article) else None
        yield SkippedInput(item.source_path or path, reason) if reason else item


def _read_kind(
    data: bytes,
    path: str,
    published: dt.date | None,
    limits: Limits,
    kind: Kind | None,
    depth: int,
    budget: ExpansionBudget | None,
    url: str,
    declared: str | None,
) -> Iterator[Article | SkippedInput]:
    if len(data) > limits.max_file_bytes:
        raise InputError(f"larger than {describe_size(limits.max_file_bytes)}")
    if not data:
        raise InputError("empty file")
    kind = kind or detect(path.rsplit("!", 1)[-1], data[:HEAD])
    # deferred: the readers (lxml, dateparser's locales, feedparser) take 90 ms at the window's
    # start-up, measured with -X importtime; each is loaded with the first input of its kind.
    if kind is Kind.ZIP:
        if depth >= limits.max_archive_depth:
            raise InputError(f"archive nested more than {limits.max_archive_depth} levels deep: refused")
        budget = budget or ExpansionBudget(limits.max_archive_bytes)
        yield from read_zip(data, path, member_reader(published, limits, budget), limits, depth, budget)
    elif kind is Kind.TEXT:
        from timeline_app.core.ingest.text import read_text

        yield read_text(data, path, published, declared=declared, limits=limits)
    elif kind is Kind.HTML:
        from timeline_app.core.ingest.html import read_html

        yield read_html(data, path, published, url=url, declared=declared)
    elif kind is Kind.MHTML:
        from timeline_app.core.ingest.html import read_mhtml

        yield read_mhtml(data, path, published)
    elif kind is Kind.FEED:
        from timeline_app.core.ingest.feeds import read_feed

        yield from read_feed(data, path, published, declared=declared)
    elif kind is Kind.PDF:
        # deferred: pypdf takes 130 ms to import (-X importtime), at every start of the window
        # otherwise; it is loaded with the first PDF read.
        from timeline_app.core.ingest.pdf import read_pdf

        yield read_pdf(data, path, published, limits=limits)
    elif kind is Kind.DOCX:
        from timeline_app.core.ingest.docx import read_docx

        yield read_docx(data, path, published, limits=limits)
    else:
        from timeline_app.core.ingest.dumps import read_dump

        yield from read_dump(data, path, kind, published, limits=limits, declared=declared)
