"""Tests of a statement's passive without its agent: the issuer's own act ("a été convoqué", "fue firmado")."""

from __future__ import annotations

import datetime as dt

from timeline_app.core.extract.events import extract_event_mentions
from timeline_app.core.extract.issuer_words import IssuerPassive
from timeline_app.core.temporal import find_dates

_PUBLISHED = dt.date(2024, 3, 15)  # a Friday


def _parties(lang: str, text: str, issuer: str) -> dict[str, set[str]]:
    dates = find_dates(text, _PUBLISHED, language=lang)
    return {e.date.text: set(e.countries)
            for e in extract_event_mentions(text, dates, None, _PUBLISHED, issuer=issuer, language=lang)}


def test_a_statement_s_passive_without_agent_is_its_issuer_s_act() -> None:
    text = ("Communiqué du ministère des Affaires étrangères du Sénégal\n\n"
            "L'ambassadeur de la Gambie a été convoqué mercredi au ministère.")
    assert _parties("fr", text, "SEN")["mercredi"] == {"GMB", "SEN"}


def test_a_passive_with_its_agent_is_that_agent_s_act() -> None:
    text = ("Communiqué du ministère des Affaires étrangères du Sénégal\n\n"
            "L'ambassadeur du Sénégal a été convoqué mercredi par la Gambie.")
    assert not IssuerPassive({"passive_auxiliary": frozenset({"été"}), "passive_participle_ending": frozenset({"é"}),
                              "passive_agent": frozenset({"par"})}).acts(text, 60, len(text))


def test_a_spanish_statement_s_passive_signature_is_its_issuer_s() -> None:
    text = ("Comunicado de prensa del Ministerio de Relaciones Exteriores del Paraguay\n\n"
            "Fue acordado ayer que la comisión mixta se reunirá en Asunción.")
    assert "PRY" in _parties("es", text, "PRY")["ayer"]


def test_a_quoted_passive_is_not_the_issuer_s() -> None:
    words = {"passive_auxiliary": frozenset({"fue"}), "passive_participle_ending": frozenset({"ado"}),
             "passive_agent": frozenset({"por"})}
    text = 'El embajador dijo: "El acuerdo fue firmado ayer en Lima".'
    assert not IssuerPassive(words).acts(text, 0, len(text))
    assert IssuerPassive(words).acts("El acuerdo fue firmado ayer en Lima.", 0, 36)
