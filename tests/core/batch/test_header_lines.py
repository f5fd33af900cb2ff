"""An article's header lines date the article, never an event, whatever language its dates are read in."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from tests.core.factories import article
from timeline_app.core.batch.articles import process_article
from timeline_app.core.ingest.article_top import header_lines

STORY = "Estonia and Latvia sign a rail accord\n\n{header}\n\nEstonia and Latvia signed a rail accord on 2 May 2024.\n"


@pytest.mark.parametrize("header", [
    "Published: 3 May 2024",
    "Published: 3 May 2024 at 09:30 CET",
    "Posted on May 3, 2024 by the desk",
    "By Anna Berg, 3 May 2024",
    "Aktualisiert am 03.05.2024",
])
@pytest.mark.parametrize("language", ["en", "pt", "de", "ru"])
def test_a_header_line_gives_no_event_whatever_the_language_set(header: str, language: str) -> None:
    text = STORY.format(header=header)
    processed = process_article(replace(article(text, published=dt.date(2024, 5, 3)), language=language))
    line_end = text.index(header) + len(header)
    assert all(m.date.start > line_end for m in processed.mentions)


def test_a_header_line_is_the_only_line_left_out() -> None:
    text = STORY.format(header="Published: 3 May 2024")
    processed = process_article(replace(article(text, published=dt.date(2024, 5, 3)), language="en"))
    assert [m.date.value for m in processed.mentions] == ["2024-05-02"]


@pytest.mark.parametrize("line", [
    "Busan, 26 November 2023",  # a statement's issue: an event of its issuers
    "Published: 3 May 2024, the ministry said the talks would go on.",  # a sentence
    "The accord was published on 3 May 2024",  # no label opens it
])
def test_a_line_that_is_no_header_is_kept(line: str) -> None:
    assert header_lines(f"Title\n\n{line}\n\nBody text.\n") == []


def test_header_lines_gives_the_span_of_each_header_line() -> None:
    text = "Title\n\nBy Anna Berg\nUpdated: 4 May 2024\n\nBody text."
    assert [text[a:b] for a, b in header_lines(text)] == ["Updated: 4 May 2024"]
