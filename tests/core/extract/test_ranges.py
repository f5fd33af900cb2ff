"""The event layer makes one event mention of a range ("7-8 March"), spanning it as written; lists and
dates of two events stay two."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline_app.core.extract.events import extract_event_mentions
from timeline_app.core.extract.ranges import join_ranges, whole_dates
from timeline_app.core.models import DateMention, EventMention, Precision
from timeline_app.core.temporal import find_dates

PUBLISHED = dt.date(2024, 3, 13)


def events(text: str, language: str = "en") -> list[EventMention]:
    return extract_event_mentions(text, find_dates(text, PUBLISHED, language=language), None, PUBLISHED)


def day(text: str, surface: str, iso: str, range_end: int | None = None) -> DateMention:
    start = text.index(surface)
    d = dt.date.fromisoformat(iso)
    return DateMention(start, start + len(surface), surface, iso, Precision.DAY, d, d, range_end=range_end)


@pytest.mark.parametrize(
    ("sentence", "text", "value", "precision", "days"),
    [
        ("The foreign minister of Vietnam visited Laos and Cambodia on 7-8 March.", "7-8 March",
         "2024-03-07/2024-03-08", "day", ("2024-03-07", "2024-03-08")),
        ("Leaders of France and Germany will meet from 3 to 5 June.", "3 to 5 June",
         "2024-06-03/2024-06-05", "day", ("2024-06-03", "2024-06-05")),
        ("Iran and Iraq held talks between Monday and Wednesday.", "Monday and Wednesday",
         "2024-03-11/2024-03-13", "day", ("2024-03-11", "2024-03-13")),
        ("Iran and Iraq held talks from March to May 2019.", "March to May 2019",
         "2019-03/2019-05", "month", ("2019-03-01", "2019-05-31")),
        ("The United States sanctioned Iran between 2011 and 2014.", "2011 and 2014",
         "2011/2014", "year", ("2011-01-01", "2014-12-31")),
        ("Spain and Italy competed in the 2019-2020 season.", "2019-2020",
         "2019/2020", "year", ("2019-01-01", "2020-12-31")),
    ],
)
def test_a_range_is_one_event_mention(sentence: str, text: str, value: str, precision: str,
                                      days: tuple[str, str]) -> None:
    [m] = events(sentence)
    d = m.date
    assert (d.text, d.value, d.granularity.value) == (text, value, precision)
    assert (d.start_date.isoformat(), d.end_date.isoformat()) == days
    assert sentence[d.start : d.end] == text
    assert len(m.countries) >= 2


@pytest.mark.parametrize(
    ("sentence", "texts"),
    [
        ("Japan and China met on March 3 and 5.", ["March 3", "5"]),
        ("Russia and Ukraine met on Monday and will meet again on Wednesday.", ["Monday", "Wednesday"]),
        ("Egypt postponed talks with Sudan from March 3 to March 10.", ["March 3", "March 10"]),
        ("The Security Council adopted Resolution 2231 by a 3-5 vote on Friday.", ["Friday"]),
    ],
)
def test_what_is_no_range_stays_apart(sentence: str, texts: list[str]) -> None:
    assert [m.date.text for m in events(sentence)] == texts


def test_from_a_year_alone_stays_that_year() -> None:
    [m] = events("The European Union has sanctioned Russia from 2011.")
    assert (m.date.text, m.date.value, m.date.start_date, m.date.end_date) == (
        "2011", "2011", dt.date(2011, 1, 1), dt.date(2011, 12, 31))


def test_a_dash_between_a_range_s_ends_cuts_no_clause() -> None:
    # " – " cuts a sentence into clauses; inside "March 3 – 5" it joins the range, and the parties
    # named after it are the event's.
    [m] = events("India held talks on March 3 – 5 with Pakistan in Geneva.")
    assert m.date.text == "March 3 – 5"
    assert m.countries == ("IND", "PAK")


def test_a_range_in_another_language_is_one_event_mention() -> None:
    [m] = events("Les présidents de la France et de l'Allemagne se réuniront du 3 au 5 juin.", "fr")
    assert (m.date.text, m.date.value) == ("3 au 5 juin", "2024-06-03/2024-06-05")


def test_join_ranges_joins_only_linked_pairs() -> None:
    text = "on 7-8 March and on 10 March"
    first, last, alone = day(text, "7", "2024-03-07"), day(text, "8 March", "2024-03-08"), day(text, "10 March", "2024-03-10")
    assert join_ranges(text, [first, last, alone]) == [first, last, alone]
    linked = DateMention(**{**first.__dict__, "range_end": last.end})
    [whole, kept] = join_ranges(text, [alone, last, linked])
    assert (whole.text, whole.value, whole.start_date, whole.end_date) == (
        "7-8 March", "2024-03-07/2024-03-08", dt.date(2024, 3, 7), dt.date(2024, 3, 8))
    assert whole.range_end is None and kept is alone


def test_a_range_of_mixed_precision_has_the_coarser() -> None:
    text = "from 2011 to March 2014"
    a = DateMention(5, 9, "2011", "2011", Precision.YEAR, dt.date(2011, 1, 1), dt.date(2011, 12, 31), range_end=23)
    b = DateMention(13, 23, "March 2014", "2014-03", Precision.MONTH, dt.date(2014, 3, 1), dt.date(2014, 3, 31))
    [whole] = join_ranges(text, [a, b])
    assert (whole.granularity, whole.start_date, whole.end_date) == (Precision.YEAR, dt.date(2011, 1, 1), dt.date(2014, 3, 31))


def test_whole_dates_undoes_only_the_cuts_inside_a_date() -> None:
    clauses = [(0, 10), (10, 20), (20, 30)]
    assert whole_dates(clauses, [(5, 15)]) == [(0, 20), (20, 30)]
    assert whole_dates(clauses, [(12, 18)]) == clauses
    assert whole_dates(clauses, None) == clauses
