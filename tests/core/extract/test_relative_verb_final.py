"""Tests of German relative clauses opened after a comma by a pronoun that is also an article (issue #19)."""

from __future__ import annotations

import datetime as dt

from tests.core.extract.test_events import date_at
from timeline_app.core.extract.events import extract_event_mentions
from timeline_app.core.models import Precision


def test_a_german_relative_clause_with_its_verb_last_is_its_own_event() -> None:
    text = "Scholz traf am Freitag in Berlin den polnischen Präsidenten Duda, der im Oktober Russland besucht hatte."
    dates = [date_at(text, "Freitag", "2024-03-01"), date_at(text, "Oktober", "2023-10", Precision.MONTH)]
    met, visited = extract_event_mentions(text, dates, None, dt.date(2024, 3, 7), language="de")
    assert met.countries == ("DEU", "POL")
    assert visited.countries == ("POL", "RUS")


def test_a_list_after_a_comma_whose_article_is_a_relative_pronoun_is_not_cut() -> None:
    text = "Am Freitag einigten sich Saudi-Arabien, die Emirate, Bahrain und Katar."
    [agreed] = extract_event_mentions(text, [date_at(text, "Freitag", "2024-03-01")], None, dt.date(2024, 3, 7),
                                      language="de")
    assert agreed.countries == ("ARE", "BHR", "QAT", "SAU")
