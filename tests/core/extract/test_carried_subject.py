"""Tests of a subject carried from the sentence before: "Sie traf", "Foi recebido", "Сегодня он" (carried.py)."""

from __future__ import annotations

import datetime as dt

from timeline_app.core.extract.events import extract_event_mentions
from timeline_app.core.temporal import find_dates

_PUBLISHED = dt.date(2024, 3, 15)  # a Friday


def _parties(lang: str, text: str) -> dict[str, set[str]]:
    """The states of each dated event of `text`, by the date's surface."""
    dates = find_dates(text, _PUBLISHED, language=lang)
    return {e.date.text: set(e.countries) for e in extract_event_mentions(text, dates, None, _PUBLISHED, language=lang)}


def test_german_sie_with_a_singular_verb_is_the_subject_of_the_sentence_before() -> None:
    text = ("Außenministerin Annalena Baerbock flog nach Vilnius. "
            "Sie traf dort am Donnerstag ihren litauischen Amtskollegen Gabrielius Landsbergis.")
    assert _parties("de", text)["Donnerstag"] == {"DEU", "LTU"}


def test_german_sie_with_a_plural_verb_carries_no_single_subject() -> None:
    text = ("Außenministerin Annalena Baerbock flog nach Vilnius. "
            "Sie trafen dort am Donnerstag den litauischen Präsidenten Gitanas Nausėda.")
    assert "DEU" not in _parties("de", text)["Donnerstag"]


def test_another_pronoun_than_the_one_before_is_another_person() -> None:
    # "Er" after "Sie ... Amtskollegen": the colleague, not the subject the "Sie" carried.
    text = ("Außenministerin Annalena Baerbock flog nach Vilnius. "
            "Sie traf dort am Donnerstag ihren litauischen Amtskollegen Gabrielius Landsbergis. "
            "Er hatte Polen im Januar um Hilfe gebeten.")
    assert "DEU" not in _parties("de", text)["Januar"]


def test_a_portuguese_sentence_without_its_subject_takes_the_one_before() -> None:
    text = ("O Presidente da República, Filipe Nyusi, chegou a Pretória na quarta-feira. "
            "Foi recebido ontem pelo Presidente Cyril Ramaphosa.")
    assert _parties("pt", text)["ontem"] == {"MOZ", "ZAF"}


def test_a_portuguese_sentence_with_its_own_subject_takes_nothing_before() -> None:
    text = ("O Presidente da República, Filipe Nyusi, chegou a Pretória na quarta-feira. "
            "A delegação sul-africana partiu ontem para Gaborone.")
    assert "MOZ" not in _parties("pt", text)["ontem"]


def test_a_spanish_verb_after_an_object_pronoun_keeps_the_subject_before() -> None:
    text = ("El presidente de Guatemala, Bernardo Arévalo, confirmó el jueves la visita. "
            "Lo había anunciado el lunes en Washington.")
    assert "GTM" in _parties("es", text)["el lunes"]


def test_a_chain_of_the_same_pronoun_reaches_the_subject_named_first() -> None:
    # "Он ... Сегодня он": Putin all along, not Xi Jinping, the last person named.
    text = ("Владимир Путин прилетел в Пекин во вторник. "
            "Он провел переговоры с Си Цзиньпином, а затем отправился в Казахстан. "
            "Сегодня он встретился в Астане с руководством страны.")
    assert "RUS" in _parties("ru", text)["Сегодня"]
    assert "CHN" not in _parties("ru", text)["Сегодня"]


def test_a_reported_clause_with_its_own_subject_takes_not_the_speaker_s_state() -> None:
    text = ("Le ministre français a condamné l'agression de la Russie. "
            "Il a rappelé que l'Union européenne avait adopté le 12 mars des sanctions visant la Russie.")
    assert "FRA" not in _parties("fr", text)["le 12 mars"]
