"""Tests of an interview's first person: "nous", "wir", "мы" in the answers are the interviewee's state."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline_app.core.extract.events import extract_event_mentions
from timeline_app.core.temporal import find_dates

_PUBLISHED = dt.date(2024, 3, 15)  # a Friday


def _parties(lang: str, text: str) -> dict[str, set[str]]:
    """The states of each dated event of `text`, by the date's surface."""
    dates = find_dates(text, _PUBLISHED, language=lang)
    return {e.date.text: set(e.countries) for e in extract_event_mentions(text, dates, None, _PUBLISHED, language=lang)}


_FR = ("Aïssata Tall Sall : « Le dialogue reste ouvert »\n\n"
       "La ministre sénégalaise des Affaires étrangères répond à nos questions.\n\n"
       "Question : La Gambie a fermé sa frontière le 1er mars. Comment réagissez-vous ?\n\n"
       "Mme Ndiaye : Nous avons rappelé notre ambassadeur le 4 mars.\n\n"
       "Question : Irez-vous à Banjul ?\n\n"
       "Mme Ndiaye : Oui. Je rencontrerai mon homologue gambien en avril.\n")
_DE = ("Der Außenminister Litauens im Gespräch mit unserer Zeitung.\n\n"
       "Frage: Wie geht es mit Polen weiter?\n\n"
       "Antwort: Der polnische Präsident war im Februar in Vilnius. Wir treffen uns im Mai in Warschau.\n\n"
       "Frage: Und die Brigade?\n\n"
       "Antwort: Wir erwarten sie im Juni.\n")
_RU = ("Министр иностранных дел Казахстана ответил на вопросы нашего корреспондента.\n\n"
       "— Когда откроется новый пункт пропуска?\n\n"
       "— Мы откроем его в мае.\n\n"
       "— А что с Киргизией?\n\n"
       "— Наш посол вручил ноту в Бишкеке 4 марта.\n")


@pytest.mark.parametrize(("lang", "text", "when", "state"), [
    ("fr", _FR, "le 4 mars", "SEN"),  # "Nous avons rappelé notre ambassadeur": Senegal's act
    ("fr", _FR, "avril", "SEN"),  # "Je rencontrerai mon homologue gambien"
    ("ru", _RU, "мае", "KAZ"),  # a dash opens each question and answer
    ("ru", _RU, "4 марта", "KAZ"),  # "Наш посол вручил ноту в Бишкеке"
])
def test_the_first_person_of_the_answers_is_the_interviewee_s_state(lang: str, text: str, when: str, state: str) -> None:
    assert state in _parties(lang, text)[when]


def test_a_meeting_told_in_the_first_person_alone_takes_the_party_before() -> None:
    # "Wir treffen uns im Mai": Lithuania's minister and Poland, the party of the sentence before.
    assert _parties("de", _DE)["Mai"] == {"LTU", "POL"}


@pytest.mark.parametrize(("lang", "text", "when", "state"), [
    # The same answers in a news text without questions: "nous" is nobody's.
    ("fr", _FR.replace("Question : ", "").replace(" ?", "."), "le 4 mars", "SEN"),
    # A single question is no interview: a headline may ask one.
    ("fr", _FR.replace("Question : Irez-vous à Banjul ?\n\n", ""), "le 4 mars", "SEN"),
    # A lead that names two states does not say whose minister speaks.
    ("fr", _FR.replace("La ministre sénégalaise", "La ministre sénégalaise, de retour du Mali,"), "le 4 mars", "SEN"),
])
def test_no_state_for_the_first_person_outside_an_interview_with_one_interviewee(lang: str, text: str, when: str,
                                                                                  state: str) -> None:
    assert state not in _parties(lang, text)[when]


def test_the_first_person_of_a_question_or_a_quotation_is_not_the_interviewee_s() -> None:
    text = ("La ministre sénégalaise des Affaires étrangères répond à nos questions.\n\n"
            "Question : Nous avons appris que la Gambie a fermé sa frontière le 4 mars. Pourquoi ?\n\n"
            "Aïssata Tall Sall : Le président Barrow m'a dit : « Nous l'avons fermée le 5 mars ».\n\n"
            "Question : Et ensuite ?\n\n"
            "Aïssata Tall Sall : Rien.\n")
    parties = _parties("fr", text)
    assert "SEN" not in parties["le 4 mars"]
    assert "SEN" not in parties["le 5 mars"]
