"""Size, ratio, depth and time limits that keep hostile or huge inputs from hurting the reader."""

from __future__ import annotations

import logging
from dataclasses import dataclass

log = logging.getLogger(__name__)

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """Every limit the readers enforce; tests lower them instead of writing huge files."""

    max_file_bytes: int = 50 * MB  # one file, one archive member, one decoded text
    # One article's text (a file's, a page's, a dump record's fields): about 170,000 words, ten times
    # the longest news feature; dated news of this length takes 3-7 s to process.
    max_text_chars: int = 1_000_000
    # A PDF's pages: reading takes 1-15 ms a page, so a 50 MB file of near-empty pages (180,000 of them)
    # would take minutes before the text limit stops it; 5,000 pages are a book, not an article.
    max_pdf_pages: int = 5_000
    max_archive_bytes: int = 500 * MB  # a zip on disk, and the sum of its members once expanded
    max_archive_ratio: float = 100.0  # uncompressed / compressed size of one member
    ratio_floor_bytes: int = 1 * MB  # small members may compress well (repetitive text): no ratio check
    max_archive_members: int = 10_000
    max_archive_depth: int = 3  # a zip inside a zip inside a zip
    max_download_bytes: int = 20 * MB
    timeout_seconds: float = 20.0  # each network operation; a whole download gets three times that
    max_redirects: int = 5


DEFAULT_LIMITS = Limits()


def too_long(chars: int, limits: Limits) -> str | None:
    """Why a text of `chars` characters is not read as an article, or None when it may be."""
    if chars <= limits.max_text_chars:
        return None
    return (f"its text has {chars:,} characters, more than the {limits.max_text_chars:,} an article may have: "
            "split it into smaller files")


def describe_size(size: int) -> str:
    """A size as people say it: "50 MB", "1.5 MB", "2,000 bytes"."""
    return f"{size / MB:.3g} MB" if size >= MB else f"{size:,} bytes"
