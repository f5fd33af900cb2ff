"""A statement's header run into its first sentence: "Basseterre, 23 May 2025 - The Minister returned ..."."""

from __future__ import annotations

import datetime as dt

from tests.core.extract.test_events import date_at
from timeline_app.core.extract.events import extract_event_mentions
from timeline_app.core.models import Precision

DAY = dt.date(2025, 5, 23)
TEXT = ("Minister concludes visit\n\nBasseterre, 23 May 2025 - The Minister returned to the Federation after a "
        "meeting with Guyana in Georgetown.")


def test_the_day_after_a_place_and_before_a_dash_dates_the_issue_of_the_statement() -> None:
    (issue,) = extract_event_mentions(TEXT, [date_at(TEXT, "23 May 2025", "2025-05-23")], None, DAY, "KNA")
    assert issue.countries == ("KNA",)


def test_without_an_issuer_or_a_full_day_the_date_is_read_as_its_sentence() -> None:
    (news,) = extract_event_mentions(TEXT, [date_at(TEXT, "23 May 2025", "2025-05-23")], None, DAY, "")
    assert "GUY" in news.countries
    text = TEXT.replace("23 May 2025", "May 2025")
    (month,) = extract_event_mentions(text, [date_at(text, "May 2025", "2025-05", Precision.MONTH)], None, DAY, "KNA")
    assert "GUY" in month.countries


def test_a_place_in_capitals_before_the_day_is_a_wire_dateline_not_an_issue() -> None:
    text = TEXT.replace("Basseterre, 23 May 2025 -", "BASSETERRE, May 23 (Wire) -")
    assert extract_event_mentions(text, [date_at(text, "May 23", "2025-05-23")], None, DAY, "KNA") == []
