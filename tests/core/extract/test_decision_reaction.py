"""Tests of a reaction to a decision named by its noun alone ("a qualifié la décision"): the decision's parties too."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.core.extract.test_events import date_at
from timeline_app.core.extract.events import extract_event_mentions
from timeline_app.core.models import Precision

_PUBLISHED = dt.date(2024, 3, 14)


def _parties(lang: str, text: str, first: str, second: str) -> set[str]:
    dates = [date_at(text, first, "2024-03-12"), date_at(text, second, "2024-03-13", Precision.DAY)]
    return set(extract_event_mentions(text, dates, None, _PUBLISHED, language=lang)[-1].countries)


@pytest.mark.parametrize(("lang", "text", "first", "second", "parties"), [
    ("fr", "Le Togo a fermé mardi sa frontière avec le Bénin. Le Ghana a qualifié mercredi la décision d'« inquiétante ».",
     "mardi", "mercredi", {"GHA", "TGO", "BEN"}),
    ("es", "Bolivia expulsó el martes al embajador de Perú. Chile lamentó el miércoles la decisión.",
     "martes", "miércoles", {"CHL", "BOL", "PER"}),
    ("pt", "Angola expulsou na terça-feira o embaixador da Zâmbia. O Malawi criticou na quarta-feira a decisão.",
     "terça-feira", "quarta-feira", {"MWI", "AGO", "ZMB"}),
    ("de", "Polen schloss am Dienstag die Grenze zu Belarus. Litauen kritisierte am Mittwoch die Entscheidung.",
     "Dienstag", "Mittwoch", {"LTU", "POL", "BLR"}),
    ("ru", "Казахстан выслал во вторник посла Киргизии. Узбекистан назвал в среду это решение ошибкой.",
     "вторник", "среду", {"UZB", "KAZ", "KGZ"}),
    ("ar", "أغلقت تونس الثلاثاء حدودها مع ليبيا. وانتقدت الجزائر الأربعاء القرار.",
     "الثلاثاء", "الأربعاء", {"DZA", "TUN", "LBY"}),
])
def test_a_reaction_to_a_decision_takes_the_decision_s_parties(lang: str, text: str, first: str, second: str,
                                                               parties: set[str]) -> None:
    assert _parties(lang, text, first, second) >= parties


@pytest.mark.parametrize(("lang", "text", "first", "second", "absent"), [
    # A welcome is the welcoming state's alone in the sets' gold.
    ("fr", "Le Togo a rouvert mardi sa frontière avec le Bénin. Le Ghana a salué mercredi la décision.",
     "mardi", "mercredi", {"TGO", "BEN"}),
    # The speaker's own decision ("свое решение") names no other state's act.
    ("ru", "Казахстан выслал во вторник посла Киргизии. Премьер Армении назвал в среду свое решение трудным.",
     "вторник", "среду", {"KAZ", "KGZ"}),
    # English has no such words: "called the decision" is the speaker's alone, as its gold has it.
    ("en", "Togo closed its border with Benin on Tuesday. Ghana called the decision worrying on Wednesday.",
     "Tuesday", "Wednesday", {"TGO", "BEN"}),
])
def test_a_welcome_or_one_s_own_decision_takes_no_other_parties(lang: str, text: str, first: str, second: str,
                                                               absent: set[str]) -> None:
    assert not _parties(lang, text, first, second) & absent
