"""Choose a reader for an input by its first bytes and its extension, and name what cannot be read."""

from __future__ import annotations

import logging
import re
from pathlib import PurePosixPath

from timeline_app.core.ingest.encoding import bom_encoding, utf16_without_bom
from timeline_app.core.ingest.kinds import Kind
from timeline_app.core.ingest.knowledge import knowledge
from timeline_app.errors import InputError

log = logging.getLogger(__name__)

# Signatures, extensions and the readers they choose are data: resources/ingest/signatures and
# extensions. The zip header stays here: it is what the archive reader itself relies on.
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
# A PDF's header. Viewers accept it anywhere in the first KB (some writers put bytes before it): so
# does detection in a file named .pdf; elsewhere only at the start, since a zip that stores a PDF
# or a text about PDFs has it within its first KB too.
PDF_MAGIC = b"%PDF-"
_PDF_HEADER_WITHIN = 1024
_MZ = b"MZ"
# Bytes other than control characters: text has almost no controls besides tab, line ends and form feed.
_TEXT_BYTES = bytes(b for b in range(256) if b >= 0x20 and b != 0x7F or b in (0x08, 0x09, 0x0A, 0x0C, 0x0D, 0x1B))

_HTML_START = re.compile(rb"^(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])", re.I | re.S)
_FEED_ROOT = re.compile(rb"<(?:rss[\s>]|feed[\s>]|rdf:rdf[\s>]|(?:\w+:)?rdf[\s>])", re.I)
_XML_DECL = re.compile(rb"^<\?xml\b", re.I)
_MHTML_START = re.compile(rb"^(?:From|Snapshot-Content-Location|Subject|Date|MIME-Version|Content-Type)\s*:", re.I)


def extension(name: str) -> str:
    """Lower-case extension of a file name, URL path or archive member ("" when there is none)."""
    return PurePosixPath(name.replace("\\", "/")).suffix.lower()


def _magic_name(head: bytes) -> str | None:
    for signature in knowledge().signatures:
        if signature.matches(head):
            return signature.label
    return None


def _ascii_head(head: bytes) -> bytes:
    """The first bytes as ASCII-compatible bytes, whatever the Unicode encoding, stripped of space."""
    enc = bom_encoding(head) or utf16_without_bom(head)
    if enc and enc != "utf-8":
        text = head[: len(head) // 4 * 4].decode(enc, errors="ignore").lstrip("\ufeff")
        head = text.encode("ascii", errors="replace")
    elif enc == "utf-8":
        head = head[3:]
    return head.lstrip()


def _sniff_markup(start: bytes) -> Kind | None:
    """HTML, MHTML or feed judged by content, or None."""
    if _MHTML_START.match(start) and re.search(rb"multipart/related", start[:4096], re.I):
        return Kind.MHTML
    if _HTML_START.match(start):
        return Kind.HTML
    if _XML_DECL.match(start) or start.startswith(b"<"):
        if _FEED_ROOT.search(start[:4096]):
            return Kind.FEED
        if re.search(rb"<html[\s>]", start[:4096], re.I):
            return Kind.HTML
    return None


def detect(name: str, head: bytes) -> Kind:
    """The reader for an input named `name` whose content starts with `head` (a few KB suffice).

    Raises InputError with a one-line reason for empty, binary and unsupported inputs.
    """
    if not head.strip(b" \t\r\n\x0b\x0c"):
        raise InputError("empty file")
    ext = extension(name)
    known = knowledge()
    by_name = known.readers.get(ext)
    if head.startswith(PDF_MAGIC) or (by_name == Kind.PDF.value and PDF_MAGIC in head[:_PDF_HEADER_WITHIN]):
        return Kind.PDF
    if by_name == Kind.PDF.value:
        raise InputError(f"not a PDF (the file has a {ext} name but no PDF header): it may be damaged or renamed")
    label = _magic_name(head)
    if label:
        if ext in known.legacy_documents:
            raise InputError(f"{known.legacy_documents[ext]} ({ext}): open it in Word or LibreOffice and save it "
                             "as .docx (or PDF) to read it")
        raise InputError(f"binary file ({label})")
    if ext in known.not_articles:
        raise InputError(f"not an article: {known.not_articles[ext]} ({ext})")
    if head.startswith(ZIP_MAGIC):
        if ext in known.zip_documents:
            raise InputError(f"{known.zip_documents[ext]} ({ext}): save it as a Word document (.docx), PDF, "
                             "plain text or HTML to read it")
        return Kind.DOCX if by_name == Kind.DOCX.value else Kind.ZIP
    if by_name in (Kind.ZIP.value, Kind.DOCX.value):
        what = "zip archive" if by_name == Kind.ZIP.value else "Word document"
        raise InputError(f"not a {what} (the file has a {ext} name but no zip header): it may be damaged or renamed")
    text_encoding = bom_encoding(head) or utf16_without_bom(head)
    wide_text = bool(text_encoding and text_encoding.startswith(("utf-16", "utf-32")))
    if not wide_text and (b"\x00" in head or len(head.translate(None, _TEXT_BYTES)) > 0.05 * len(head)):
        raise InputError("binary file (executable)" if head.startswith(_MZ) else "binary file")
    start = _ascii_head(head)
    kind = Kind(by_name) if by_name is not None else None
    if kind in (Kind.JSON, Kind.JSONL, Kind.CSV, Kind.TSV):
        return kind
    sniffed = _sniff_markup(start)
    if sniffed is not None:
        return sniffed
    if kind is Kind.FEED:
        if start.startswith(b"<"):
            raise InputError("XML file that is neither an RSS nor an Atom feed")
        return Kind.TEXT
    if kind is not None:
        return kind
    # An extension we do not know (.log, .eml, .php ...): judge by content.
    if start[:1] in (b"{", b"["):
        first_line = start.split(b"\n", 1)[0].strip()
        if start[:1] == b"{" and first_line.endswith(b"}") and b"\n{" in start:
            return Kind.JSONL
        return Kind.JSON
    return Kind.TEXT
