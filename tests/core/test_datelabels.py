"""The labels of an article's own date: their data, their EXAMPLE lines, and what they decide."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from timeline_app import paths
from timeline_app.core.datelabels import PUBLISHED, UPDATED, is_label, label_pattern
from timeline_app.core.ingest.article_top import date_from_text
from timeline_app.errors import RulesError

_EXAMPLE = re.compile(r"^# EXAMPLE: (yes|no) \| (.+)$")
_BODY = " ".join(["The ministers spoke about trade, energy and the border for most of the afternoon."] * 3)


def _examples(kind: str) -> list[tuple[bool, str]]:
    path = paths.INGEST / "date_labels" / f"{kind}.txt"
    found = [_EXAMPLE.match(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return [(m[1] == "yes", m[2]) for m in found if m]


@pytest.mark.parametrize("kind", [PUBLISHED, UPDATED])
def test_each_label_file_has_examples_both_ways(kind: str) -> None:
    answers = {yes for yes, _ in _examples(kind)}
    assert answers == {True, False}


@pytest.mark.parametrize(("yes", "line"), _examples(PUBLISHED) + _examples(UPDATED))
def test_a_label_line_gives_the_articles_date_and_a_sentence_does_not(yes: bool, line: str) -> None:
    found = date_from_text(f"Talks on trade\n{line}\n\n{_BODY}")
    if yes:
        assert found in (dt.date(2021, 3, 3), dt.date(2021, 3, 4))
    else:
        assert found is None


@pytest.mark.parametrize("before", ["Published on ", "Veröffentlicht am ", "نشر في ", "## Publié le ", "Last updated: "])
def test_the_words_before_a_date_are_a_label(before: str) -> None:
    assert is_label(before)


@pytest.mark.parametrize("before", ["The report was published on ", "Brazil and Argentina met on ", "Publishers on "])
def test_words_of_a_sentence_are_no_label(before: str) -> None:
    assert not is_label(before)


def test_a_label_in_capitals_is_refused_with_its_line(tmp_path) -> None:
    (tmp_path / f"{PUBLISHED}.txt").write_text("# header\npublished\nPosted on\n", encoding="utf-8")
    with pytest.raises(RulesError, match=r"published\.txt:3: write a label in lower case"):
        label_pattern(PUBLISHED, tmp_path)
