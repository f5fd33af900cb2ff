"""Tests of the speaker's own state in other languages ("son pays", "su país", "sein Land", "بلاده"): the state named before."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.core.extract.test_events import date_at
from timeline_app.core.extract.events import extract_event_mentions
from timeline_app.core.models import Precision

_PUBLISHED = dt.date(2024, 3, 14)


def _parties(lang: str, text: str, when: str) -> set[str]:
    dates = [date_at(text, when, "2024-02", Precision.MONTH)]
    return set(extract_event_mentions(text, dates, None, _PUBLISHED, language=lang)[-1].countries)


@pytest.mark.parametrize(("lang", "text", "when", "parties"), [
    ("fr", "Le ministre des Affaires étrangères de Maurice a rappelé que son pays avait saisi la France en février.",
     "février", {"MUS", "FRA"}),
    ("es", "El portavoz del gobierno boliviano dijo: «No hemos enviado armas», y añadió que su país había demandado a "
     "Chile en febrero.", "febrero", {"BOL", "CHL"}),
    ("pt", "O porta-voz do governo angolano disse: «Não enviámos armas», acrescentando que o seu país tinha acusado a "
     "Zâmbia em fevereiro.", "fevereiro", {"AGO", "ZMB"}),
    ("de", "Der Sprecher der litauischen Regierung sagte: „Wir haben nichts gewusst“, und fügte hinzu, sein Land habe "
     "Polen im Februar um Hilfe gebeten.", "Februar", {"LTU", "POL"}),
    ("ar", "وقال المتحدث باسم الحكومة التشادية: «نحن لم نرسل أي سلاح»، مضيفاً أن بلاده استقبلت منذ فبراير آلاف اللاجئين "
     "من السودان.", "فبراير", {"TCD", "SDN"}),
])
def test_the_speaker_s_own_state_is_the_state_named_before(lang: str, text: str, when: str, parties: set[str]) -> None:
    assert _parties(lang, text, when) >= parties


@pytest.mark.parametrize(("lang", "text", "when", "absent"), [
    # A possessive before a word that is no organ of a state ("son avis", "su opinión") names none.
    ("fr", "Le ministre des Affaires étrangères de Maurice a rappelé que son avis sur la France avait changé en février.",
     "février", {"MUS"}),
    ("es", "El portavoz del gobierno boliviano dijo: «No hemos enviado armas», y añadió que su opinión sobre Chile había "
     "cambiado en febrero.", "febrero", {"BOL"}),
    ("pt", "O porta-voz do governo angolano disse: «Não enviámos armas», acrescentando que a sua opinião sobre a Zâmbia "
     "tinha mudado em fevereiro.", "fevereiro", {"AGO"}),
    ("de", "Der Sprecher der litauischen Regierung sagte: „Wir haben nichts gewusst“, und fügte hinzu, seine Meinung über "
     "Polen habe sich im Februar geändert.", "Februar", {"LTU"}),
])
def test_a_possessive_of_no_organ_of_a_state_adds_none(lang: str, text: str, when: str, absent: set[str]) -> None:
    assert not _parties(lang, text, when) & absent
