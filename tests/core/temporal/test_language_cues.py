"""Tense cues of other languages: separable verbs, agreements to act, plans, and a date's full stop."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline_app.core.temporal import find_dates

THU = dt.date(2024, 1, 11)


def _found(text: str, lang: str, published: dt.date = THU) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in find_dates(text, published, language=lang)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Der Gegenbesuch findet im Herbst in Berlin statt.", ("Herbst", "2024-FA")),
    ("Das Abkommen tritt im Juli in Kraft.", ("Juli", "2024-07")),
    # The separable verb in the past, and "findet" with no particle, say nothing of a plan.
    ("Der Gegenbesuch fand im Herbst in Berlin statt.", ("Herbst", "2023-FA")),
    ("Die Regierung findet im Herbst keine Mehrheit mehr.", ("Herbst", "2023-FA")),
])
def test_a_german_separable_verb_of_a_scheduled_event_points_ahead(text: str, expected: tuple[str, str]) -> None:
    assert _found(text, "de") == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    # The full stop of "1." does not end the sentence: the verb after the date is its cue.
    ("Das Abkommen tritt am 1. Juli in Kraft.", ("1. Juli", "2024-07-01")),
    ("Sie hatten im März ein Abkommen unterzeichnet, das am 1. Juli in Kraft tritt.", ("1. Juli", "2024-07-01")),
    # A date at a sentence's end still ends it: the next sentence's future does not reach back.
    ("Die Minister trafen sich am 4. Dezember. Sie werden im Mai wieder reden.", ("4. Dezember", "2023-12-04")),
])
def test_the_full_stop_of_a_german_ordinal_day_does_not_end_its_sentence(text: str, expected: tuple[str, str]) -> None:
    assert expected in _found(text, "de")


def test_a_german_modal_in_the_subjunctive_past_is_a_past() -> None:
    published = dt.date(2020, 9, 16)
    assert _found("Die Pläne, die ab dem 1. Juli hätten umgesetzt werden sollen, sind ausgesetzt.", "de",
                  published) == [("dem 1. Juli", "2020-07-01")]
    assert _found("Die Pläne sollen ab dem 1. Juli umgesetzt werden.", "de", published) == [("dem 1. Juli", "2021-07-01")]


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("fr", "Les deux parties ont convenu de poursuivre les discussions au troisième trimestre.", ("troisième trimestre", "2024-Q3")),
    ("es", "Ambos gobiernos acordaron reanudar el diálogo en el tercer trimestre.", ("el tercer trimestre", "2024-Q3")),
    ("pt", "Os dois governos acordaram retomar o diálogo no terceiro trimestre.", ("terceiro trimestre", "2024-Q3")),
    # With a noun after it, the date is the agreement's own: the past.
    ("fr", "Les deux parties ont convenu d'une trêve au troisième trimestre.", ("troisième trimestre", "2023-Q3")),
    ("es", "Ambos gobiernos acordaron una tregua en el tercer trimestre.", ("el tercer trimestre", "2023-Q3")),
    ("pt", "Os dois governos acordaram uma trégua no terceiro trimestre.", ("terceiro trimestre", "2023-Q3")),
])
def test_an_agreement_to_act_points_the_date_after_it_ahead(lang: str, text: str, expected: tuple[str, str]) -> None:
    assert _found(text, lang, dt.date(2024, 3, 19)) == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    ("Стороны обсудили подготовку визита, запланированного на ноябрь.", ("ноябрь", "2024-11")),
    ("Стороны обсудили итоги визита в ноябре.", ("ноябре", "2023-11")),
])
def test_a_russian_plan_told_in_the_past_is_the_nearer_date(text: str, expected: tuple[str, str]) -> None:
    assert _found(text, "ru", dt.date(2024, 10, 4)) == [expected]


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("de", "Die Verhandlungen beginnen im zweiten Quartal.", [("zweiten Quartal", "2024-Q2")]),
    ("ru", "Ашхабад проведет заседание комиссии в первом квартале.", [("первом квартале", "2024-Q1")]),
    # With its year the quarter is that year's, whatever the tense.
    ("de", "Die Verhandlungen beginnen im zweiten Quartal 2021.", [("zweiten Quartal 2021", "2021-Q2")]),
    ("ru", "Заседание комиссии пройдет в третьем квартале 2021 года.", [("третьем квартале 2021 года", "2021-Q3")]),
])
def test_a_quarter_without_its_year_is_placed_by_the_tense(lang: str, text: str, expected: list) -> None:
    assert _found(text, lang) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "concordaram em" + infinitive: what was agreed lies ahead of the agreement.
    ("Os ministros concordaram em reabrir a fronteira na segunda-feira.", ("segunda-feira", "2024-01-15")),
    # With a noun after it, or without "em" and a verb, the date is the agreement's own.
    ("Os ministros concordaram na segunda-feira.", ("segunda-feira", "2024-01-08")),
    ("Os ministros concordaram em princípio na segunda-feira.", ("segunda-feira", "2024-01-08")),
])
def test_a_portuguese_agreement_to_act_with_em_points_ahead(text: str, expected: tuple[str, str]) -> None:
    assert _found(text, "pt") == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    # "irá", "será": the future of "ir" and "ser", with one letter before the ending.
    ("O Itamaraty informou que o presidente irá a Buenos Aires em julho.", ("julho", "2024-07")),
    ("O acordo será assinado em julho.", ("julho", "2024-07")),
    # "ia", "era" are past.
    ("O Itamaraty informou que o presidente ia a Buenos Aires em julho.", ("julho", "2023-07")),
    ("O acordo era assinado em julho.", ("julho", "2023-07")),
])
def test_the_portuguese_future_of_ir_and_ser_points_ahead(text: str, expected: tuple[str, str]) -> None:
    assert _found(text, "pt") == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    # "werde", the subjunctive of reported speech, is the future of the report, even after a past verb.
    ("Das Kanzleramt kündigte an, dass der Kanzler den Premierminister Anfang Dezember empfangen werde.",
     ("Anfang Dezember", "2024-12")),
    # The report's own date stays in the past, whatever the "werde" after it.
    ("Die Regierung hatte im Dezember angekündigt, sie werde das Abkommen prüfen.", ("Dezember", "2023-12")),
    ("Der Sprecher sagte, dass der Minister im Dezember nach Paris gereist sei.", ("Dezember", "2023-12")),
])
def test_a_german_reported_future_points_ahead(text: str, expected: tuple[str, str]) -> None:
    assert _found(text, "de", dt.date(2024, 10, 25)) == [expected]


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # What is asked for is ahead of the request: the date told after it points forward ...
    ("es", "Madrid ha pedido a Buenos Aires que convoque la comisión antes del verano.", ("verano", "2025-SU")),
    ("es", "Madrid pidió a Rabat que reabra la aduana en octubre.", ("octubre", "2025-10")),
    ("fr", "Paris a demandé à Alger de reprendre les vols en octobre.", ("octobre", "2025-10")),
    # ... but a date told before the request is the request's own: the past.
    ("es", "En octubre, Madrid pidió a Rabat que reabriera la aduana.", ("octubre", "2024-10")),
    ("fr", "En octobre, Paris a demandé à Alger de reprendre les vols.", ("octobre", "2024-10")),
    # A noun asked for, no act: the sentence's past.
    ("fr", "Paris a demandé à Alger des explications sur les vols d'octobre.", ("octobre", "2024-10")),
])
def test_a_request_that_another_act_points_the_date_after_it_ahead(lang: str, text: str, expected: tuple[str, str]) -> None:
    assert _found(text, lang, dt.date(2025, 2, 7)) == [expected]
