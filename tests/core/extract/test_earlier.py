"""Tests of phrases naming an earlier event as a clause's background ("nach dem Überfall auf die Ukraine")."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.core.extract.test_events import date_at
from timeline_app.core.extract.cameo import CameoTable
from timeline_app.core.extract.earlier import earlier_patterns
from timeline_app.core.extract.events import extract_event_mentions
from timeline_app.core.models import Precision

_PUBLISHED = dt.date(2023, 2, 2)


def parties(lang: str, text: str, surface: str, value: str, granularity: Precision = Precision.MONTH) -> tuple[str, ...]:
    (mention,) = extract_event_mentions(text, [date_at(text, surface, value, granularity)], None, _PUBLISHED, language=lang)
    return mention.countries


@pytest.mark.parametrize(("lang", "text", "surface", "value", "expected"), [
    # The earlier event's target is no party of the clause's event; a state named again outside the phrase stays.
    ("de", "Im April 2022 hatte Österreich nach dem russischen Angriffskrieg gegen die Ukraine russische Diplomaten "
           "ausgewiesen.", "April 2022", "2022-04", ("AUT", "RUS")),
    ("de", "Schweden hatte den Beitritt gemeinsam mit Finnland im Mai 2022 beantragt, kurz nach dem russischen "
           "Überfall auf die Ukraine.", "Mai 2022", "2022-05", ("FIN", "SWE")),
    ("fr", "En avril 2022, l'Autriche a expulsé quatre diplomates russes après l'invasion russe de l'Ukraine.",
     "avril 2022", "2022-04", ("AUT", "RUS")),
    ("es", "Tras la invasión rusa de Ucrania, España expulsó en abril de 2022 a 25 diplomáticos rusos.",
     "abril de 2022", "2022-04", ("ESP", "RUS")),
    ("pt", "Após a invasão russa da Ucrânia, Portugal expulsou em abril de 2022 dez diplomatas russos.",
     "abril de 2022", "2022-04", ("PRT", "RUS")),
])
def test_states_of_an_earlier_event_named_as_background_are_not_parties(
        lang: str, text: str, surface: str, value: str, expected: tuple[str, ...]) -> None:
    assert parties(lang, text, surface, value) == expected


@pytest.mark.parametrize(("lang", "text", "surface", "expected"), [
    ("de", "Nach dem russischen Angriff auf die Ukraine im Februar 2022 hatte Polen seine Ausgaben erhöht.",
     "Februar 2022", ("RUS", "UKR")),
    ("fr", "Après l'invasion de l'Ukraine par la Russie en février 2022, la Pologne a augmenté ses dépenses.",
     "février 2022", ("RUS", "UKR")),
])
def test_a_date_right_after_the_phrase_dates_the_earlier_event(lang: str, text: str, surface: str,
                                                               expected: tuple[str, ...]) -> None:
    assert parties(lang, text, surface, "2022-02") == expected


@pytest.mark.parametrize(("lang", "text", "surface", "expected"), [
    # No event noun: talks with Ukraine are Poland's event with Ukraine.
    ("de", "Im Mai 2022 hatte Polen nach Gesprächen mit der Ukraine die Grenze geöffnet.", "Mai 2022", ("POL", "UKR")),
    # An attack told as the clause's own event keeps its target.
    ("de", "Russland hat im Mai 2022 die Ukraine erneut angegriffen.", "Mai 2022", ("RUS", "UKR")),
])
def test_a_clause_without_such_a_phrase_keeps_its_states(lang: str, text: str, surface: str, expected: tuple[str, ...]) -> None:
    assert parties(lang, text, surface, "2022-05") == expected


def test_english_lists_no_such_phrases_and_reads_its_clauses_as_before() -> None:
    assert earlier_patterns(CameoTable.default()) is None
    assert earlier_patterns(CameoTable.for_language("de")) is not None

