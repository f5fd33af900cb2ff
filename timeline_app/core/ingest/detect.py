"""Choose a reader for an input by its first bytes and its extension, and name what cannot be read."""

from __future__ import annotations

import logging
import re
from enum import Enum
from pathlib import PurePosixPath

from timeline_app.core.ingest.encoding import bom_encoding, utf16_without_bom
from timeline_app.errors import InputError

log = logging.getLogger(__name__)


class Kind(str, Enum):
    """The reader an input goes to."""

    TEXT = "text"
    HTML = "html"
    MHTML = "mhtml"  # a page saved as one file by a browser (MIME multipart/related)
    FEED = "feed"
    JSON = "json"
    JSONL = "jsonl"
    CSV = "csv"
    TSV = "tsv"
    ZIP = "zip"


# (offset, signature, what a user calls it). Checked before anything else: a PNG renamed .txt is a PNG.
_MAGIC: tuple[tuple[int, bytes, str], ...] = (
    (0, b"\x89PNG\r\n\x1a\n", "PNG image"),
    (0, b"\xff\xd8\xff", "JPEG image"),
    (0, b"GIF87a", "GIF image"),
    (0, b"GIF89a", "GIF image"),
    (0, b"II*\x00", "TIFF image"),
    (0, b"MM\x00*", "TIFF image"),
    (0, b"%PDF-", "PDF document"),
    (0, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Microsoft Office document"),
    (0, b"{\\rtf", "RTF document"),
    (0, b"\x7fELF", "ELF executable"),
    (0, b"\xca\xfe\xba\xbe", "Java class or Mach-O file"),
    (0, b"\xcf\xfa\xed\xfe", "Mach-O executable"),
    (0, b"\x00asm", "WebAssembly module"),
    (0, b"SQLite format 3\x00", "SQLite database"),
    (0, b"\x1f\x8b", "gzip archive"),
    (0, b"BZh", "bzip2 archive"),
    (0, b"\xfd7zXZ\x00", "xz archive"),
    (0, b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (0, b"Rar!\x1a\x07", "RAR archive"),
    (0, b"OggS", "Ogg audio"),
    (0, b"ID3", "MP3 audio"),
    (0, b"fLaC", "FLAC audio"),
    (0, b"\x1aE\xdf\xa3", "Matroska video"),
    (4, b"ftyp", "MP4/QuickTime video"),
    (0, b"wOFF", "web font"),
    (0, b"wOF2", "web font"),
)
_RIFF_KINDS = {b"WEBP": "WebP image", b"WAVE": "WAV audio", b"AVI ": "AVI video"}
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_MZ = b"MZ"
# Bytes other than control characters: text has almost no controls besides tab, line ends and form feed.
_TEXT_BYTES = bytes(b for b in range(256) if b >= 0x20 and b != 0x7F or b in (0x08, 0x09, 0x0A, 0x0C, 0x0D, 0x1B))

# Zip containers that are documents, not folders of articles.
_ZIP_DOCUMENTS = {
    ".docx": "Word document",
    ".xlsx": "Excel workbook",
    ".pptx": "PowerPoint presentation",
    ".odt": "OpenDocument text",
    ".ods": "OpenDocument spreadsheet",
    ".odp": "OpenDocument presentation",
    ".epub": "EPUB book",
    ".jar": "Java archive",
    ".apk": "Android package",
}

# Text files that are never articles: the assets of a saved web page, code and configuration.
_NOT_ARTICLES = {
    ".js": "JavaScript file",
    ".mjs": "JavaScript file",
    ".css": "style sheet",
    ".map": "source map",
    ".svg": "SVG image",
    ".ico": "icon",
    ".woff": "web font",
    ".woff2": "web font",
    ".ttf": "font",
    ".otf": "font",
    ".py": "Python source file",
    ".sh": "shell script",
    ".bat": "batch file",
    ".ps1": "PowerShell script",
    ".exe": "Windows program",
    ".dll": "Windows library",
    ".sqlite": "SQLite database",
    ".sqlite3": "SQLite database",
    ".db": "database file",
}

_BY_EXTENSION = {
    ".txt": Kind.TEXT,
    ".text": Kind.TEXT,
    ".md": Kind.TEXT,
    ".markdown": Kind.TEXT,
    "": Kind.TEXT,
    ".html": Kind.HTML,
    ".htm": Kind.HTML,
    ".xhtml": Kind.HTML,
    ".shtml": Kind.HTML,
    ".mht": Kind.MHTML,
    ".mhtml": Kind.MHTML,
    ".xml": Kind.FEED,
    ".rss": Kind.FEED,
    ".atom": Kind.FEED,
    ".rdf": Kind.FEED,
    ".json": Kind.JSON,
    ".jsonl": Kind.JSONL,
    ".ndjson": Kind.JSONL,
    ".csv": Kind.CSV,
    ".tsv": Kind.TSV,
    ".tab": Kind.TSV,
    ".zip": Kind.ZIP,
}

_HTML_START = re.compile(rb"^(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])", re.I | re.S)
_FEED_ROOT = re.compile(rb"<(?:rss[\s>]|feed[\s>]|rdf:rdf[\s>]|(?:\w+:)?rdf[\s>])", re.I)
_XML_DECL = re.compile(rb"^<\?xml\b", re.I)
_MHTML_START = re.compile(rb"^(?:From|Snapshot-Content-Location|Subject|Date|MIME-Version|Content-Type)\s*:", re.I)


def extension(name: str) -> str:
    """Lower-case extension of a file name, URL path or archive member ("" when there is none)."""
    return PurePosixPath(name.replace("\\", "/")).suffix.lower()


def _magic_name(head: bytes) -> str | None:
    for offset, signature, label in _MAGIC:
        if head[offset : offset + len(signature)] == signature:
            return label
    if head[:4] == b"RIFF" and head[8:12] in _RIFF_KINDS:
        return _RIFF_KINDS[head[8:12]]
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
    label = _magic_name(head)
    if label:
        raise InputError(f"binary file ({label})")
    if ext in _NOT_ARTICLES:
        raise InputError(f"not an article: {_NOT_ARTICLES[ext]} ({ext})")
    if head.startswith(ZIP_MAGIC):
        if ext in _ZIP_DOCUMENTS:
            raise InputError(f"{_ZIP_DOCUMENTS[ext]} ({ext}): save it as plain text or HTML to read it")
        return Kind.ZIP
    if ext == ".zip":
        raise InputError("not a zip archive (the file has a .zip name but no zip header)")
    text_encoding = bom_encoding(head) or utf16_without_bom(head)
    wide_text = bool(text_encoding and text_encoding.startswith(("utf-16", "utf-32")))
    if not wide_text and (b"\x00" in head or len(head.translate(None, _TEXT_BYTES)) > 0.05 * len(head)):
        raise InputError("binary file (executable)" if head.startswith(_MZ) else "binary file")
    start = _ascii_head(head)
    kind = _BY_EXTENSION.get(ext)
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
