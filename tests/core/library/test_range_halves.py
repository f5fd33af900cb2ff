"""Two dates of one sentence are one event when they are the two ends of a stretch of days, a list otherwise."""

import datetime as dt
from pathlib import Path

import pytest

from timeline_app.core.batch.articles import process_article
from timeline_app.core.library.store import Library
from timeline_app.core.models import Article, DateSource


def event_count(tmp_path: Path, text: str) -> int:
    article = Article(text=text, title="Talks", published=dt.date(2024, 3, 13), published_source=DateSource.USER)
    with Library(tmp_path / "lib.sqlite3") as lib:
        lib.add_article(article, process_article(article).mentions)
        assert len(lib.mentions_frame()) == 2  # two dates read, whatever they make
        return len(lib.events_frame())


@pytest.mark.parametrize("text", ["Japan and China met on May 22 and 23.", "Japan and China met on 22 and 23 May."])
def test_two_days_in_a_row_joined_by_and_are_one_event(tmp_path, text) -> None:
    assert event_count(tmp_path, text) == 1


@pytest.mark.parametrize("text", ["Japan and China met on March 3 and 5.",
                                  "Japan and China met on March 3 and on March 4."])
def test_days_apart_or_each_with_its_own_on_are_a_list(tmp_path, text) -> None:
    assert event_count(tmp_path, text) == 2
