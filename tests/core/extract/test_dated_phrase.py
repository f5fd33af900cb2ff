"""The type of a dated mention comes from the phrase the date modifies, its clause's main verb only when none does."""

from __future__ import annotations

import pytest

from tests.core.extract.test_events import date_at, extract
from timeline_app.core.extract.cameo import CameoTable
from timeline_app.core.extract.dated_phrase import DatedPhrase
from timeline_app.core.models import Precision


def typed(text: str, surface: str) -> str:
    """The CAMEO code of the one mention of `text`, dated by `surface` (a year, or a day)."""
    year = surface.isdigit()
    (mention,) = extract(text, date_at(text, surface, surface if year else "2023-03-13", Precision.YEAR if year else Precision.DAY))
    return mention.cameo_code


@pytest.mark.parametrize("text, surface, expected", [
    # Claimed by a phrase. A past participle right before the date's phrase: the seizure, not the sanctions.
    ("The EU adopted sanctions on the crew of the tanker, seized by Iran on 5 November.", "5 November", "171"),
    ("The US imposed sanctions on the ship detained by Iranian naval forces on Monday.", "Monday", "173"),
    # An irregular participle (clause_words.tsv: irregular_participle): the strike, not the recall.
    ("Ecuador recalled its ambassador over the convoy, struck by Colombian missiles on Monday.", "Monday", "195"),
    # The relative clause holding the date, with its noun (the war), not "broke off relations".
    ("Bolivia broke off relations with Chile, to which it lost its coast in a war in 1879.", "1879", "190"),
    # The event noun the date is attached to: the war, not the condemnation.
    ("Iran condemned the war of 1879 between Chile and Peru.", "1879", "190"),
    # The verb of the relative clause that holds the date: the signing, not the expulsion.
    ("Ecuador expelled the diplomats of Peru that signed the accord in 1998.", "1998", "057"),
    # A relative clause qualifying an event noun: the noun is the event, the clause says who did it;
    # what follows the date ("firms accused of ...") is about the objects.
    ("Cuba condemned the sanctions that the US imposed on Monday on firms accused of smuggling oil.", "Monday", "163"),
    ("Israel praised the 2015 deal with Iran.", "2015", "057"),  # the date before its noun, after a determiner
    # Left to the main verb. A participle that is an adjective, far from the date: the meeting.
    ("The elected president of Chile met the Argentine president on Monday.", "Monday", "040"),
    # The main verb, with its object between it and the date, is the clause's own: still the sanctions.
    ("The EU imposed sanctions on Iran on 5 November.", "5 November", "163"),
    # A noun before the date but not bound to it: "on Monday" may as well date the condemnation.
    ("Norway condemned the attack on Monday.", "Monday", "111"),
    ("Iran condemned the war and recalled its ambassador from Chile on Monday.", "Monday", "111"),
    # A participle that announces an act dates the act its noun names, not a statement.
    ("Moscow condemned the expulsion of its consul announced by Riga on Monday.", "Monday", "166"),
    # So does one that decides or orders it: the expulsion, or the regret of the closure; not an order (100) or a decision (030).
    ("Moscow condemned the expulsion of its consul ordered by Riga on Monday.", "Monday", "166"),
    ("Minsk regretted the closure of the border decided by Vilnius on Monday.", "Monday", "110"),
    # A finite "decided" is the clause's own verb, and its infinitive the act.
    ("Niger decided on Monday to close its border with Benin.", "Monday", "172"),
    # A finite verb with its object after the date is the clause's own: the ceasefire, not a bare "agreed".
    ("Laos and Vietnam agreed on Monday to an immediate ceasefire.", "Monday", "0356"),
    # After a form of "be" or "have" a participle is the clause's own verb, and the clause types it.
    ("A ceasefire was agreed by Laos and Vietnam on Monday after talks in Hanoi.", "Monday", "0871"),
])
def test_the_phrase_the_date_modifies_types_it(text: str, surface: str, expected: str) -> None:
    assert typed(text, surface) == expected


def test_a_participle_is_read_only_before_the_dates_phrase() -> None:
    phrase = DatedPhrase(CameoTable.default())
    text = "The EU adopted sanctions on the tanker seized by Iran on 5 November."
    d = date_at(text, "5 November", "2022-11-05")
    assert [text[a:b] for a, b in phrase.spans(text, (0, len(text)), d)] == ["seized by Iran on 5 November"]
    text = "Iran seized the tanker of the EU on 5 November."
    d = date_at(text, "5 November", "2022-11-05")
    assert list(phrase.spans(text, (0, len(text)), d)) == []


def test_another_languages_clauses_keep_their_main_verb() -> None:
    phrase = DatedPhrase(CameoTable.for_language("fr"))
    text = "L'UE a adopté des sanctions contre le pétrolier saisi par l'Iran le 5 novembre."
    d = date_at(text, "5 novembre", "2022-11-05")
    assert list(phrase.spans(text, (0, len(text)), d)) == []
