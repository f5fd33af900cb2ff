"""Tests of a meeting named as the next or last of a series ("la prochaine session", "a última ronda"): the series' parties."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.core.extract.test_events import date_at
from timeline_app.core.extract.events import extract_event_mentions
from timeline_app.core.models import Precision

_PUBLISHED = dt.date(2024, 3, 14)


def _parties(lang: str, text: str, first: str, second: str) -> tuple[str, ...]:
    dates = [date_at(text, first, "2024-03-12"), date_at(text, second, "2024-05", Precision.MONTH)]
    return extract_event_mentions(text, dates, None, _PUBLISHED, language=lang)[-1].countries


@pytest.mark.parametrize(("lang", "text", "first", "second", "parties"), [
    ("fr", "Le Sénégal et la Gambie ont signé mardi un accord de pêche. La prochaine session se tiendra à Banjul en mai.",
     "mardi", "mai", {"SEN", "GMB"}),
    ("pt", "Angola e a Namíbia assinaram na terça-feira um acordo de pesca. A próxima ronda terá lugar em Windhoek em maio.",
     "terça-feira", "maio", {"AGO", "NAM"}),
    ("ar", "وقعت السنغال وغامبيا الثلاثاء اتفاقا للصيد. وستعقد الجولة المقبلة في بانجول في مايو.", "الثلاثاء", "مايو",
     {"SEN", "GMB"}),
])
def test_the_next_round_of_a_series_takes_its_parties(lang: str, text: str, first: str, second: str,
                                                      parties: set[str]) -> None:
    assert set(_parties(lang, text, first, second)) >= parties


@pytest.mark.parametrize(("lang", "text", "first", "second", "parties"), [
    ("fr", "Le Sénégal et la Gambie ont signé mardi un accord de pêche. La prochaine session réunira le Mali et la Guinée en mai.",
     "mardi", "mai", ("GIN", "MLI")),
    ("pt", "Angola e a Namíbia assinaram na terça-feira um acordo de pesca. A próxima ronda reunirá Moçambique e o Malawi em maio.",
     "terça-feira", "maio", ("MOZ", "MWI")),
])
def test_the_next_round_that_names_its_own_parties_keeps_them(lang: str, text: str, first: str, second: str,
                                                                parties: tuple[str, ...]) -> None:
    assert _parties(lang, text, first, second) == parties
