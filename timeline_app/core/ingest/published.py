"""The publication date chosen among the user's, the metadata's, the text's and the file name's."""

from __future__ import annotations

import datetime as dt

from timeline_app.core.ingest.article_top import date_from_text
from timeline_app.core.ingest.pubdate import date_from_name, make_date
from timeline_app.core.models import DateSource


def choose_published(
    user: dt.date | None,
    metadata: dt.date | None,
    text: str,
    name: str,
) -> tuple[dt.date | None, DateSource]:
    """The publication date and where it came from: user, metadata, text, file name, or none."""
    if user is not None:
        return user, DateSource.USER
    if metadata is not None:
        return metadata, DateSource.METADATA
    from_text = date_from_text(text)
    from_name = date_from_name(name)
    if from_text is not None:
        if from_name is not None and from_text.day <= 12 and from_name == make_date(from_text.year, from_text.day, from_text.month):
            # "10/06/2031" reads either way: a file named 2031-06-10_... says which, as a person would read it.
            return from_name, DateSource.TEXT
        return from_text, DateSource.TEXT
    if from_name is not None:
        return from_name, DateSource.FILENAME
    return None, DateSource.NONE
