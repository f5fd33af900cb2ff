"""A date right after a participle and its agent dates that act: "as tarifas anunciadas pelos Estados Unidos em abril"."""

from __future__ import annotations

import datetime as dt

from tests.core.extract.test_events import date_at
from timeline_app.core.extract.events import extract_event_mentions
from timeline_app.core.models import Precision

DAY = dt.date(2025, 5, 14)


def parties(lang: str, text: str, surface: str, value: str) -> tuple[str, ...]:
    d = date_at(text, surface, value, Precision.MONTH)
    return extract_event_mentions(text, [d], None, DAY, language=lang)[0].countries


def test_the_agent_of_a_participle_right_before_the_date_is_its_party() -> None:
    text = "Lula e Xi Jinping trataram também das tarifas anunciadas pelos Estados Unidos em abril."
    assert parties("pt", text, "abril", "2025-04") == ("USA",)


def test_without_the_agent_right_before_it_the_date_keeps_the_clause_parties() -> None:
    # The agent after the date, or no agent: the sentence's subject and partner.
    after = "Lula e Xi Jinping trataram das tarifas anunciadas em abril pelos Estados Unidos."
    assert {"BRA", "CHN"} <= set(parties("pt", after, "abril", "2025-04"))
    none = "Lula e Xi Jinping trataram das tarifas anunciadas em abril."
    assert set(parties("pt", none, "abril", "2025-04")) == {"BRA", "CHN"}


def test_a_language_without_participle_agent_words_reads_no_date_this_way() -> None:
    text = "Lula y Xi Jinping trataron de los aranceles anunciados por Estados Unidos en abril."
    assert {"BRA", "CHN"} <= set(parties("es", text, "abril", "2025-04"))
