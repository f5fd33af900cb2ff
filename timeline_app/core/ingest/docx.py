"""Word (.docx) articles: the paragraphs of word/document.xml, title and date from the core properties or the text."""

from __future__ import annotations

import datetime as dt
import io
import logging
import zipfile
import zlib
from collections.abc import Iterator
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from timeline_app.core.ingest.archive import member_refusal
from timeline_app.core.ingest.docmeta import choose_document_date, choose_document_title
from timeline_app.core.ingest.limits import DEFAULT_LIMITS, Limits, too_long
from timeline_app.core.ingest.pubdate import date_from_value
from timeline_app.core.models import Article
from timeline_app.errors import InputError

log = logging.getLogger(__name__)

# Read as the zip of XML parts it is, with defusedxml (already a dependency: no DTDs, no entities),
# rather than python-docx: that would be a new dependency for the hundred lines below, parse with
# lxml's own settings, and leave the parts' sizes and compression ratios unchecked; here each part
# passes the archive reader's checks (archive.member_refusal) before it is decompressed.
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_DC_TITLE = "{http://purl.org/dc/elements/1.1/}title"
_DCTERMS_CREATED = "{http://purl.org/dc/terms/}created"
_DOCUMENT = "word/document.xml"
_CORE = "docProps/core.xml"
_STYLES = "word/styles.xml"
# Runs' pieces that are text: a text run, a tab, a line break, a hyphen Word keeps from breaking.
_PIECES = {f"{_W}t": None, f"{_W}tab": "\t", f"{_W}br": "\n", f"{_W}cr": "\n", f"{_W}noBreakHyphen": "-"}
# Parts of a paragraph that are no text of its own: deleted text of tracked changes, field codes, and
# a drawing's second copy for older Word (mc:Fallback repeats the text of the mc:Choice before it).
_SKIPPED = {f"{_W}del", f"{_W}instrText", f"{_W}delText", _MC_FALLBACK}


def _part(archive: zipfile.ZipFile, name: str, limits: Limits) -> bytes | None:
    """The bytes of one part of the document, None when it has no such part; size and zip-bomb checks first."""
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    reason = member_refusal(info, limits)
    if reason:
        raise InputError(f"Word document whose {name} is refused: {reason}")
    try:
        with archive.open(info) as member:
            return member.read(limits.max_file_bytes + 1)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError, RuntimeError) as e:
        raise InputError(f"damaged Word document: {name} cannot be read ({e})") from e


def _xml(data: bytes, name: str) -> Element:
    """A part parsed without DTDs or entities (defusedxml: no billion laughs, no external files)."""
    try:
        return fromstring(data)
    except (ParseError, DefusedXmlException, ValueError) as e:
        raise InputError(f"damaged Word document: {name} is not well-formed XML ({e})") from e


def _text(element: Element) -> Iterator[str]:
    """The text of a paragraph's runs, in order, without the paragraphs nested in its text boxes."""
    for child in element:
        if child.tag in _SKIPPED or child.tag == f"{_W}p":
            continue
        if child.tag in _PIECES:
            piece = _PIECES[child.tag]
            yield child.text or "" if piece is None else piece
        else:
            yield from _text(child)


def _paragraphs(element: Element) -> Iterator[Element]:
    """Every paragraph under `element` in document order (tables' cells and text boxes included), once."""
    for child in element:
        if child.tag in _SKIPPED:
            continue
        if child.tag == f"{_W}p":
            yield child
        yield from _paragraphs(child)


def _heading_styles(styles: Element | None) -> set[str]:
    """The ids of the styles named "Title" or "heading N" (Word writes these names in English in every
    language; the ids are translated: "berschrift1")."""
    if styles is None:
        return set()
    ids = set()
    for style in styles.iter(f"{_W}style"):
        name = style.find(f"{_W}name")
        label = (name.get(f"{_W}val", "") if name is not None else "").lower()
        if label == "title" or label.startswith("heading "):
            ids.add(style.get(f"{_W}styleId", ""))
    return ids


def _style(paragraph: Element) -> str:
    style = paragraph.find(f"{_W}pPr/{_W}pStyle")
    return style.get(f"{_W}val", "") if style is not None else ""


def _core(core: Element | None) -> tuple[str, dt.date | None]:
    """The title and the creation day of the core properties (docProps/core.xml)."""
    if core is None:
        return "", None
    title = core.find(_DC_TITLE)
    created = core.find(_DCTERMS_CREATED)
    return (title.text or "" if title is not None else ""), date_from_value(created.text if created is not None else None)


def read_docx(data: bytes, path: str, published: dt.date | None = None, *, limits: Limits = DEFAULT_LIMITS) -> Article:
    """One Article from a Word document: its paragraphs, a blank line between each two."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as e:
        raise InputError(f"damaged Word document: {e}") from e
    with archive:
        document = _part(archive, _DOCUMENT, limits)
        if document is None:
            raise InputError("not a Word document: it has no word/document.xml (save it again from Word as .docx)")
        root = _xml(document, _DOCUMENT)
        styles_data = _part(archive, _STYLES, limits)
        core_data = _part(archive, _CORE, limits)
    headings = _heading_styles(_xml(styles_data, _STYLES) if styles_data else None)
    body = root.find(f"{_W}body")
    paragraphs: list[str] = []
    heading = ""
    for paragraph in _paragraphs(body if body is not None else root):
        lines = "".join(_text(paragraph)).split("\n")
        text = "\n".join(" ".join(line.split()) for line in lines).strip()
        if not text:
            continue
        if not heading and _style(paragraph) in headings:
            heading = text
        paragraphs.append(text)
    text = "\n\n".join(paragraphs)
    reason = too_long(len(text), limits)
    if reason:
        raise InputError(reason)
    if not text:
        raise InputError("empty Word document: it has no text")
    meta_title, created = _core(_xml(core_data, _CORE) if core_data else None)
    date, source = choose_document_date(published, created, text, path)
    return Article(
        text=text,
        title=choose_document_title(meta_title, text, heading),
        published=date,
        published_source=source,
        source_path=path,
        fmt="docx",
    )
