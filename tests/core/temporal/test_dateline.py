"""A wire story is told from its dateline's day when that lies in the week before the publication date."""

from __future__ import annotations

import datetime as dt

from timeline_app.core.temporal import find_dates

WED = dt.date(2026, 7, 1)  # a Wednesday; the day before, June 30, a Tuesday


def found(text: str, published: dt.date | None = WED) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in find_dates(text, published)]


def test_relative_dates_count_from_a_dateline_days_before_publication() -> None:
    assert found("BRUSSELS, June 30 (Reuters) - Leaders will meet next month, diplomats said on Monday.") == [
        ("June 30", "2026-06-30"), ("next month", "2026-07"), ("Monday", "2026-06-29")]
    # Under a headline, with a country after the place, and a dash of another kind.
    assert found("Truce holds\nADDIS ABABA, Ethiopia, June 27 (AP) \u2014 Fighting stopped overnight.") == [
        ("June 27", "2026-06-27"), ("overnight", "2026-06-26TNI")]


def test_a_date_that_is_no_dateline_or_one_long_before_counts_from_publication() -> None:
    # A sentence's date between dashes is no dateline.
    assert found("The ministers met on June 30 - a rare meeting - and will meet again next month.") == [
        ("June 30", "2026-06-30"), ("next month", "2026-08")]
    # A story filed months before it was published is an old story quoted: the publication date stays.
    assert found("KYIV, March 3 (Reuters) - Talks resumed last month.") == [
        ("March 3", "2026-03-03"), ("last month", "2026-06")]
    # A dateline on the publication day changes nothing.
    assert found("GENEVA, July 1 (Reuters) - Talks will resume next month.") == [
        ("July 1", "2026-07-01"), ("next month", "2026-08")]
