"""Title and publication date of a document file (PDF, Word) from its metadata and its text, in that file's order."""

from __future__ import annotations

import datetime as dt
import logging

from timeline_app.core.ingest.knowledge import knowledge
from timeline_app.core.ingest.published import choose_published
from timeline_app.core.ingest.text import clean_title, first_line
from timeline_app.core.models import DateSource

log = logging.getLogger(__name__)


def choose_document_title(meta_title: str, text: str, heading: str = "") -> str:
    """The metadata title an author chose, else the document's first heading, else its first line.

    Programs fill the metadata title by themselves ("Microsoft Word - note.docx", "Untitled"):
    such a title (resources/ingest/names/placeholder_title.tsv) is passed over.
    """
    title = clean_title(meta_title)
    if title and knowledge().placeholder_title(title) is None:
        return title
    if title:
        log.debug("passed over the metadata title %r: %s", title, knowledge().placeholder_title(title))
    return clean_title(heading) or clean_title(first_line(text))


def choose_document_date(
    user: dt.date | None, created: dt.date | None, text: str, name: str
) -> tuple[dt.date | None, DateSource]:
    """The publication date: the user's, else the text's date line, else the file name's, else the day the
    file was created.

    A document's creation date is the day the PDF was exported or scanned, or the Word file first
    saved: often days or years after the statement it holds, so what the text and its name say wins.
    """
    date, source = choose_published(user, None, text, name)
    if source is DateSource.NONE and created is not None:
        return created, DateSource.METADATA
    return date, source
