"""The Lunar New Year worked out from new moons and the solstice, and the holidays that use it."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline_app.core.temporal import find_dates
from timeline_app.core.temporal.lunar import lunar_new_year

# Chinese New Year as published calendars give it.
KNOWN = {
    1984: "02-02", 1985: "02-20", 1990: "01-27", 1996: "02-19", 2004: "01-22", 2007: "02-18",
    2012: "01-23", 2015: "02-19", 2020: "01-25", 2023: "01-22", 2025: "01-29", 2026: "02-17",
    2028: "01-26", 2033: "01-31", 2034: "02-19", 2038: "02-04",
}


@pytest.mark.parametrize(("year", "day"), sorted(KNOWN.items()))
def test_the_lunar_new_year_of_a_year(year: int, day: str) -> None:
    # 1985: the new moon of the solstice's own day opened the eleventh month; 2034: a leap month
    # follows the eleventh, so the second new moon after it (January 20) is no new year.
    assert lunar_new_year(year) == dt.date.fromisoformat(f"{year}-{day}")


def found(text: str, published: dt.date) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in find_dates(text, published)]


def test_lunar_new_year_and_republic_day_in_news() -> None:
    jan = dt.date(2026, 1, 22)
    assert found("Millions will travel home before Lunar New Year.", jan) == [("Lunar New Year", "2026-02-17")]
    assert found("Markets were shut for Chinese New Year.", dt.date(2025, 3, 5)) == [("Chinese New Year", "2025-01-29")]
    assert found("India will show its new missiles at the Republic Day parade.", jan) == [("Republic Day", "2026-01-26")]
    assert found("Turkey's Republic Day reception was cancelled.", dt.date(2025, 11, 3)) == [
        ("Republic Day", "2025-10-29")]


def test_no_holiday_in_a_generic_phrase() -> None:
    jan = dt.date(2026, 1, 22)
    assert found("The town holds a spring festival of music.", jan) == []
    assert found("The party of the new republic won the vote.", jan) == []
