"""find_dates on two conventions the lead settled: "earlier in the day" is a day, a split year is one span."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline_app.core.temporal import find_dates

THU = dt.date(2026, 4, 16)  # a Thursday


def found(text: str, published: dt.date | None = THU) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in find_dates(text, published)]


def test_earlier_in_the_day_alone_is_the_publication_day_with_its_earlier() -> None:
    assert found("Earlier in the day, rebels shelled the port.") == [("Earlier in the day", "2026-04-16")]
    assert found("The envoy reached Oslo on Monday. Earlier in the day he had met the king.") == [
        ("Monday", "2026-04-13"),
        ("Earlier in the day", "2026-04-13"),
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # The day before or after something else is no day of its own.
        ("Crowds had gathered earlier in the day before the vote.", []),
        # "Later in the day" keeps the surface TimeBank annotates.
        ("Later in the day the ministers left.", [("the day", "2026-04-16")]),
    ],
)
def test_earlier_in_the_day_of_something_else_or_later_in_the_day(sentence: str, expected: list) -> None:
    assert found(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "first", "second"),
    [
        ("The 2025/26 budget was approved in parliament.", "2025", "2026"),
        ("The club won the cup in the 1999/00 season.", "1999", "2000"),
        ("Growth slowed in the 2023-24 financial year.", "2023", "2024"),
    ],
)
def test_a_split_year_is_one_span_of_two_years(sentence: str, first: str, second: str) -> None:
    mentions = find_dates(sentence, THU)
    assert [m.value for m in mentions] == [first, second]
    assert mentions[0].range_end == mentions[1].end


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The treaty was signed on 2025/05/14.", [("2025/05/14", "2025-05-14")]),
        # A year and a month, or two years not in a row, are no split year.
        ("Figures for 2025/05 show a rise.", [("2025", "2025")]),
        ("The 2021/23 plan was dropped.", [("2021", "2021")]),
    ],
)
def test_a_year_before_a_slash_that_starts_no_split_year(sentence: str, expected: list) -> None:
    assert found(sentence) == expected
