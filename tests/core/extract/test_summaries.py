"""Summaries read as headlines: from the start of their sentence, capitalised, cut after a whole word."""

from __future__ import annotations

import re

import pytest

from timeline_app.core.extract.summaries import ELLIPSIS, SUMMARY_MAX, headline
from tests.core.extract.test_events import date_at, extract


def _summary(text: str, date: str, value: str = "2023-03-15") -> str:
    dates = [date_at(text, date, value)]
    if "July 19" in text:  # the wire dateline's own date, as the date finder gives it
        dates.append(date_at(text, "July 19", "2023-07-19"))
    mentions = [m for m in extract(text, *dates) if m.date.text == date]
    assert len(mentions) == 1
    return mentions[0].summary


def _whole_words(summary: str, text: str) -> bool:
    """Every word of the summary is a whole word of the text: nothing was cut inside a word."""
    words = set(re.findall(r"\w+", text))
    return all(w in words for w in re.findall(r"\w+", summary))


@pytest.mark.parametrize(("text", "date", "expected"), [
    # The date's clause is not the start of its sentence: the headline starts where the sentence does,
    # unless the date is a relative clause's: then it starts at the antecedent, what the event is told of
    # (the break of relations is another event than the war).
    ("The two governments broke off relations over access to the Pacific, which Bolivia lost in a war in 1884.",
     "1884", "The Pacific, which Bolivia lost in a war in 1884."),
    ("Bolivia broke off relations with Chile, to which it lost its coast in a war in 1884.",
     "1884", "Chile, to which it lost its coast in a war in 1884."),
    # An antecedent with no preposition before it opens the sentence: the headline starts there as well.
    ("Angola, which had mediated since 2022, stepped aside in March.", "2022", "Angola, which had mediated since 2022"),
    ("Turkey and Syria have had no diplomatic relations since 2011.", "2011",
     "Turkey and Syria have had no diplomatic relations since 2011."),
    ("The exploratory talks began in 2002 and held dozens of rounds, before they stalled in 2016.", "2016",
     "The exploratory talks began in 2002 and held dozens of rounds, before they stalled in 2016."),
    # The first clause ends the headline of the first date; the sentence's joiner does not open one.
    ("Azerbaijan expelled four Iranian diplomats on Thursday, which Tehran called a provocation.", "Thursday",
     "Azerbaijan expelled four Iranian diplomats on Thursday"),
    ("But Ankara rejected the offer on Monday.", "Monday", "Ankara rejected the offer on Monday."),
    # A sentence that starts in lower case (after a quote cut off, say) gets its capital.
    ("Talks\n\n\u201cthe Kenyans and Somalis met in Mombasa on Tuesday,\u201d an official said.", "Tuesday",
     "\u201cThe Kenyans and Somalis met in Mombasa on Tuesday,\u201d an official said."),
    # A wire dateline is not part of the headline.
    ("Talks\n\nANKARA, July 19 (Reuters) - Turkey and Syria agreed on Wednesday to reopen their border.",
     "Wednesday", "Turkey and Syria agreed on Wednesday to reopen their border."),
])
def test_the_headline_starts_where_its_sentence_starts(text: str, date: str, expected: str) -> None:
    assert _summary(text, date) == expected


def test_a_long_sentence_keeps_its_opening_and_the_words_around_the_date() -> None:
    filler = "with many officials and advisers from several agencies attending "
    text = f"Canada and Mexico held talks {filler * 6}on Wednesday in Ottawa {filler * 6}."
    summary = _summary(text, "Wednesday")
    assert summary.startswith("Canada and Mexico held talks") and "on Wednesday in Ottawa" in summary
    assert len(summary) <= SUMMARY_MAX and summary.endswith(ELLIPSIS) and f" {ELLIPSIS} " in summary
    assert _whole_words(summary, text)


def test_a_long_sentence_with_its_date_early_is_cut_after_a_word() -> None:
    text = "Kenya and Somalia signed an accord on Tuesday " + "about patrols, fishing rights and ports " * 8 + "."
    summary = _summary(text, "Tuesday")
    assert summary.startswith("Kenya and Somalia signed an accord on Tuesday") and summary.endswith(ELLIPSIS)
    assert len(summary) <= SUMMARY_MAX and _whole_words(summary, text)


@pytest.mark.parametrize(("text", "limit", "expected"), [
    ("talks resumed in Geneva", 120, "Talks resumed in Geneva"),
    ("Disputes over the Aegean brought the two countries close to war", 40, "Disputes over the Aegean brought the\u2026"),
    ("Foreign ministers met,   in   Ankara, on Thursday", 30, "Foreign ministers met, in\u2026"),
    ("Supercalifragilisticexpialidocious talks", 10, "Supercali\u2026"),  # one word longer than the room
])
def test_headline(text: str, limit: int, expected: str) -> None:
    assert headline(text, limit) == expected
    assert len(headline(text, limit)) <= limit
