"""Tests of German junior ministers' titles in a statement: "Staatsminister X" is its issuer's (home_title)."""

from __future__ import annotations

import datetime as dt

from timeline_app.core.extract.events import extract_event_mentions
from timeline_app.core.temporal import find_dates

_PUBLISHED = dt.date(2024, 3, 15)  # a Friday


def _parties(text: str, issuer: str) -> dict[str, set[str]]:
    dates = find_dates(text, _PUBLISHED, language="de")
    return {e.date.text: set(e.countries)
            for e in extract_event_mentions(text, dates, None, _PUBLISHED, issuer=issuer, language="de")}


def test_a_junior_minister_the_gazetteer_does_not_know_is_the_issuer_s() -> None:
    text = ("Pressemitteilung des Auswärtigen Amts\n\n"
            "Staatssekretärin Henrike Mahlberg wurde gestern in Astana vom kasachischen Vizeminister empfangen.")
    assert "DEU" in _parties(text, "DEU")["gestern"]


def test_a_foreign_minister_the_gazetteer_does_not_know_is_not_the_issuer_s() -> None:
    text = ("Pressemitteilung des Auswärtigen Amts\n\n"
            "Außenminister Erlan Serikbay reiste gestern nach Astana zurück.")
    assert "DEU" not in _parties(text, "DEU")["gestern"]
