"""PDF articles: the text layer page by page with pypdf, laid out as paragraphs; title and date from the text or the metadata."""

from __future__ import annotations

import datetime as dt
import io
import logging

import pypdf
from pypdf.errors import DependencyError, PyPdfError

from timeline_app.core.ingest.docmeta import choose_document_date, choose_document_title
from timeline_app.core.ingest.limits import DEFAULT_LIMITS, Limits
from timeline_app.core.ingest.pagetext import pages_text
from timeline_app.core.models import Article
from timeline_app.errors import InputError

log = logging.getLogger(__name__)
# pypdf warns of each repair it makes to a file ("EOF marker not found", "incorrect startxref pointer"),
# which said nothing a user can act on among the CLI's skip reasons; the reader reports the outcome.
logging.getLogger("pypdf").setLevel(logging.ERROR)

# What a damaged file makes pypdf raise besides its own errors: a cross-reference or object it
# misreads ends in a lookup, a conversion or an assertion of its own.
_DAMAGE = (PyPdfError, ValueError, KeyError, IndexError, TypeError, AttributeError, AssertionError, OSError)

SCAN_MESSAGE = "this PDF has no text: it is a scan; run OCR first (for example ocrmypdf) and read its result"


def _open(data: bytes) -> pypdf.PdfReader:
    """A reader of the PDF in `data`, decrypted when it is encrypted without a password to open it."""
    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        encrypted = reader.is_encrypted
    except _DAMAGE as e:
        raise InputError(f"damaged PDF ({e}): open it in a PDF viewer and save or print it as a new PDF") from e
    if encrypted:
        # Many PDFs are encrypted only to forbid copying or printing; they open with an empty password.
        try:
            opened = reader.decrypt("")
        except DependencyError as e:
            raise InputError("encrypted PDF whose cipher needs the 'cryptography' package: install it, or save "
                             "an unprotected copy") from e
        except _DAMAGE as e:
            raise InputError(f"encrypted PDF that cannot be decrypted ({e})") from e
        if opened == pypdf.PasswordType.NOT_DECRYPTED:
            raise InputError("encrypted PDF: it opens only with its password; open it with the password and save "
                             "or print an unprotected copy, then read that")
    return reader


def _page_lines(reader: pypdf.PdfReader, path: str, limits: Limits) -> list[list[str]]:
    """Each page's lines of text in reading order; a page that cannot be read is left out and logged."""
    pages: list[list[str]] = []
    chars = 0
    failed = 0
    try:
        total = len(reader.pages)
    except _DAMAGE as e:
        raise InputError(f"damaged PDF: its pages cannot be found ({e})") from e
    if total > limits.max_pdf_pages:
        raise InputError(f"a PDF of {total:,} pages, more than the {limits.max_pdf_pages:,} an article may have: "
                         "split it into smaller files")
    for number in range(total):
        try:
            text = reader.pages[number].extract_text() or ""
        except _DAMAGE as e:
            failed += 1
            log.warning("%s: page %d cannot be read: %s", path, number + 1, e)
            continue
        chars += len(text)
        if chars > limits.max_text_chars:
            raise InputError(f"its text has more than the {limits.max_text_chars:,} characters an article may have "
                             f"(reached on page {number + 1} of {total}): split it into smaller files")
        pages.append(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    if total and failed == total:
        raise InputError("damaged PDF: none of its pages can be read; open it in a PDF viewer and save it again")
    return pages


def _metadata(reader: pypdf.PdfReader, path: str) -> tuple[str, dt.date | None]:
    """The title and creation day the PDF's Info dictionary holds ("" and None when it has none)."""
    try:
        info = reader.metadata
        title = str(info.title or "") if info else ""
        created = info.creation_date if info else None
    except _DAMAGE as e:  # a malformed "D:..." date or Info dictionary costs the metadata, not the text
        log.info("%s: unreadable PDF metadata: %s", path, e)
        return "", None
    return title, created.date() if created else None


def read_pdf(data: bytes, path: str, published: dt.date | None = None, *, limits: Limits = DEFAULT_LIMITS) -> Article:
    """One Article from a PDF: its text is the text layer of every page, running heads and feet left out."""
    reader = _open(data)
    pages = _page_lines(reader, path, limits)
    text = pages_text(pages)
    if not text.strip():
        raise InputError(SCAN_MESSAGE)
    meta_title, created = _metadata(reader, path)
    date, source = choose_document_date(published, created, text, path)
    return Article(
        text=text,
        title=choose_document_title(meta_title, text),
        published=date,
        published_source=source,
        source_path=path,
        fmt="pdf",
    )
