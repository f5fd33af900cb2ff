"""Known office-holders named by surname alone: after an office or honorific, or after their full name."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from timeline_app.core.extract.countries import GAZETTEER_DIR
from timeline_app.core.extract.gazetteer import Gazetteer
from timeline_app.core.extract.language_lexicon import LanguageLexicon
from timeline_app.core.extract.surnames import surname_state, surname_table
from timeline_app.core.models import EntityKind
from timeline_app.paths import resource

D = dt.date(2022, 5, 2)


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.default()


def persons(gaz: Gazetteer, text: str, when: dt.date | None = D) -> list[tuple[str, str]]:
    return [(m.text, m.code) for m in gaz.tag(text, when) if m.kind is EntityKind.PERSON]


def test_a_surname_after_an_office_names_its_state(gaz: Gazetteer) -> None:
    assert persons(gaz, "On Monday the visiting President Santokhi opened a new bridge over the river.") == [("Santokhi", "SUR")]
    assert persons(gaz, "On Monday the visiting president, Santokhi, opened a new bridge over the river.") == []
    assert persons(gaz, "On Monday Santokhi opened a new bridge over the river with the mayor.") == []


def test_a_short_given_name_between_office_and_surname_is_part_of_the_name(gaz: Gazetteer) -> None:
    text = "On Monday the visiting President Ram Santokhi opened a new bridge over the river."
    assert persons(gaz, text) == [("Ram Santokhi", "SUR")]
    # Written surname first ("Han Zheng"): the word is not a surname alone, and names no Korean.
    assert persons(gaz, "Earlier this week they met the visiting Vice President Han Zheng in the old palace.") == []


def test_an_honorific_stands_for_an_office(gaz: Gazetteer) -> None:
    assert persons(gaz, "In a speech at the port, Mr. Dissanayake promised new roads.", dt.date(2025, 1, 6)) == [("Dissanayake", "LKA")]
    assert persons(gaz, "In a speech at the port, Dissanayake promised new roads.", dt.date(2025, 1, 6)) == []


def test_a_surname_shared_by_persons_of_two_states_names_none(gaz: Gazetteer) -> None:
    text = "In the capital, President Kim met Prime Minister Singh and later Mr Khan for a working lunch."
    assert persons(gaz, text, dt.date(2010, 1, 4)) == []


def test_a_surname_that_is_a_common_word_names_nobody(gaz: Gazetteer) -> None:
    assert persons(gaz, "Yesterday, in the chamber, Prime Minister May answered questions on trade.", dt.date(2018, 1, 8)) == []


def test_a_surname_names_nobody_before_the_persons_first_office(gaz: Gazetteer) -> None:
    text = "On Monday the visiting President Santokhi opened a new bridge over the river."
    assert persons(gaz, text, dt.date(2001, 3, 5)) == []


def test_a_surname_after_the_full_name_earlier_in_the_text(gaz: Gazetteer) -> None:
    text = "Chandrikapersad Santokhi arrived in the morning. Santokhi said the talks were useful."
    assert persons(gaz, text)[-1] == ("Santokhi", "SUR")
    assert persons(gaz, "The delegation arrived in the morning. Santokhi said the talks were useful.") == []


def test_in_a_headline_only_a_surname_right_after_the_office(gaz: Gazetteer) -> None:
    assert persons(gaz, "Prime Minister Santokhi Opens Bridge\n\nThe bridge was opened.") == []  # "Santokhi Opens": a name run
    assert persons(gaz, "Talks With President Santokhi\n\nThe talks went on.") == [("Santokhi", "SUR")]
    assert persons(gaz, "Talks With President Ram Santokhi\n\nThe talks went on.") == []


P1 = [("USA", dt.date(2001, 1, 1), dt.date(2005, 1, 1))]
P2 = [("GBR", dt.date(2001, 1, 1), dt.date(2005, 1, 1))]


def test_the_surname_table_keeps_the_periods_of_every_state_a_surname_served() -> None:
    table = surname_table([(("Ann", "Example"), "Ann Example", P1), (("Bob", "Example"), "Bob Example", P1),
                           (("Cy", "Other"), "Cy Other", P1), (("Di", "Other"), "Di Other", P2)], set(), frozenset())
    assert table[("example",)] == (("Example",), "Example", tuple(P1), False)  # two persons of one state: the surname itself
    assert set(table[("other",)][2]) == set(P1 + P2)  # the day decides (surname_state)


def test_the_surname_table_leaves_out_aliases_common_words_and_first_words() -> None:
    rows = [(("Ann", "Paris"), "Ann Paris", P1), (("Bob", "Field"), "Bob Field", P1), (("Cy", "Lee"), "Cy Lee", P1),
            (("Lee", "Wu", "Hong"), "Lee Wu Hong", P2), (("Eve", "Stays"), "Eve Stays", P1), (("Fay", "Jr"), "Fay Jr", P1),
            (("Gil", "Ortuzar", "Velandia"), "Gil Ortuzar Velandia", P1), (("Moon", "Jae", "-", "in"), "Moon Jae-in", P2)]
    table = surname_table(rows, {("paris",)}, frozenset({"field"}))
    # "Lee" begins a British person's name; "Fay Jr" has no surname; "Wu Hong": too short a first word to be a
    # double surname; "Jae-in" is a given name, in lower case after its hyphen.
    assert set(table) == {("stays",), ("hong",), ("velandia",), ("ortuzar", "velandia")}
    assert table[("ortuzar", "velandia")][3] and not table[("velandia",)][3]  # the double surname reads alone


def test_a_surname_names_the_state_whose_persons_hold_office_that_day() -> None:
    early = ("POL", dt.date(2001, 1, 1), dt.date(2004, 12, 31))
    late = ("CZE", dt.date(2004, 1, 1), dt.date(2008, 12, 31))
    assert surname_state("Example", (early, late), dt.date(2002, 6, 1)) == "POL"
    assert surname_state("Example", (early, late), dt.date(2006, 6, 1)) == "CZE"
    assert surname_state("Example", (early, late), dt.date(2004, 6, 1)) is None  # both in office
    assert surname_state("Example", (early, late), dt.date(2010, 6, 1)) is None  # both served before
    assert surname_state("Example", (early, late), None) is None
    assert surname_state("Example", (early,), dt.date(2010, 6, 1)) == "POL"  # a former office-holder


def test_a_given_name_the_table_does_not_hold_is_another_person_of_that_state(gaz: Gazetteer) -> None:
    """Not the table's person: named as written, so the table's dated offices do not drop him as a former official."""
    text = "On Monday the visiting President Ram Santokhi opened a new bridge over the river."
    assert [m.name for m in gaz.tag(text, D) if m.kind is EntityKind.PERSON] == ["Ram Santokhi"]
    text = "On Monday the visiting President Santokhi opened a new bridge over the river."
    assert [m.name for m in gaz.tag(text, D) if m.kind is EntityKind.PERSON] == ["Chan Santokhi"]


def test_a_regnal_number_is_no_surname(gaz: Gazetteer) -> None:
    text = "Historians say that King Louis XIV built the palace at great cost to the treasury."
    assert persons(gaz, text, dt.date(2026, 1, 5)) == []
    assert persons(gaz, "In his homily at the basilica, Pope Leo XIV called for a truce.", dt.date(2026, 1, 5)) == [("Pope Leo XIV", "VAT")]


# Persons nobody is named after, in office from 2031: each shortened form read alone or after an office.
_FICTION = """Tomasz Zgorzelski\tPOL\t2031-01-01\t2032-12-31\tTomasz Zgorzelski
Marta Zgorzelski\tCZE\t2032-01-01\t2034-12-31\tMarta Zgorzelski
Karim Abdelnour el-Qudmani\tEGY\t2031-01-01\t\tKarim Abdelnour el-Qudmani
Rosalind Hartcastle-Winbury\tGBR\t2031-01-01\t\tRosalind Hartcastle-Winbury
Andres Felipe Ortuzar Velandia\tCOL\t2031-01-01\t\tAndres Felipe Ortuzar Velandia
Hector Brisenal Oquendo\tPER\t2031-01-01\t\tHector Brisenal Oquendo
Ines Brisenal Oquendo\tBOL\t2031-01-01\t\tInes Brisenal Oquendo
Juan Carlos Pradomeno\tARG\t2031-01-01\t\tJuan Carlos Pradomeno
Kavitha Thirumalaisamy\tIND\t2031-01-01\t\tKavitha Thirumalaisamy
Rodrigo Anselmo Quebradilla\tARG\t2031-01-01\t\tRodrigo Anselmo Quebradilla
Joao Carlos Vasconcelhos Marandiba\tBRA\t2031-01-01\t\tJoao Carlos Vasconcelhos Marandiba
"""
LATER = dt.date(2031, 6, 1)


@pytest.fixture(scope="module")
def fiction(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    folder = tmp_path_factory.mktemp("surnames") / "gazetteer"
    shutil.copytree(resource(GAZETTEER_DIR), folder)
    with (folder / "persons_extra.tsv").open("a", encoding="utf-8") as f:
        f.write(_FICTION)
    return Gazetteer(folder)


@pytest.mark.parametrize(("text", "when", "expected"), [
    ("On Monday President Zgorzelski opened the new bridge.", dt.date(2031, 6, 1), [("Zgorzelski", "POL")]),
    ("On Monday President Zgorzelski opened the new bridge.", dt.date(2034, 6, 1), [("Zgorzelski", "CZE")]),
    ("On Monday President Zgorzelski opened the new bridge.", dt.date(2032, 6, 1), []),  # both in office
    # A given name neither person has: someone the table does not know, of either state.
    ("On Monday Dr. Anna Zgorzelski opened the new bridge.", dt.date(2031, 6, 1), []),
    ("On Monday Dr. Tomasz Zgorzelski opened the new bridge.", dt.date(2031, 6, 1), [("Tomasz Zgorzelski", "POL")]),
])
def test_a_surname_of_two_states_names_the_one_in_office_that_day(fiction: Gazetteer, text: str, when: dt.date,
                                                                   expected: list[tuple[str, str]]) -> None:
    assert persons(fiction, text, when) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("On Monday President al-Qudmani opened the new bridge.", [("al-Qudmani", "EGY")]),
    ("On Monday President el-Qudmani opened the new bridge.", [("el-Qudmani", "EGY")]),
    ("On Monday President Qudmani opened the new bridge.", [("Qudmani", "EGY")]),
    ("On Monday al-Qudmani opened the new bridge.", []),  # no office before it
])
def test_a_particle_before_a_surname_after_an_office(fiction: Gazetteer, text: str, expected: list[tuple[str, str]]) -> None:
    assert persons(fiction, text, LATER) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("On Monday Hartcastle-Winbury opened the new bridge.", [("Hartcastle-Winbury", "GBR")]),
    ("On Monday Prime Minister Hartcastle opened the new bridge.", [("Hartcastle", "GBR")]),
    ("On Monday Hartcastle opened the new bridge.", []),  # half a surname needs an office
    ("On Monday Ortuzar Velandia opened the new bridge.", [("Ortuzar Velandia", "COL")]),
    ("On Monday Ortúzar Velandia opened the new bridge.", [("Ortúzar Velandia", "COL")]),
    ("On Monday President Velandia opened the new bridge.", [("Velandia", "COL")]),
    ("On Monday Velandia opened the new bridge.", []),
    ("On Monday Brisenal Oquendo opened the new bridge.", []),  # a double surname of persons of two states
    ("On Monday Carlos Pradomeno opened the new bridge.", []),  # "Carlos" begins other persons' names
])
def test_a_double_or_hyphenated_surname_alone_or_half_after_an_office(fiction: Gazetteer, text: str,
                                                                      expected: list[tuple[str, str]]) -> None:
    assert persons(fiction, text, LATER) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("On Monday, K. Thirumalaisamy opened the new bridge.", [("K. Thirumalaisamy", "IND")]),
    ("On Monday Foreign Minister K. Thirumalaisamy opened the new bridge.", [("K. Thirumalaisamy", "IND")]),
    ("On Monday R. Thirumalaisamy opened the new bridge.", []),  # not her initial
    ("They chose plan B. Thirumalaisamy opened the new bridge.", []),
    ("On Monday Ravi K. Thirumalaisamy opened the new bridge.", []),  # a middle initial: another person
    ("On Monday T. Zgorzelski opened the new bridge.", []),  # a surname of two states' persons
    ("On Monday Thirumalaisamy opened the new bridge.", []),
])
def test_an_initial_before_a_surname_names_the_person_it_is_the_initial_of(fiction: Gazetteer, text: str,
                                                                           expected: list[tuple[str, str]]) -> None:
    assert persons(fiction, text, LATER) == expected


def test_a_full_name_written_with_an_initial_matches_across_its_full_stop(gaz: Gazetteer) -> None:
    assert persons(gaz, "In the morning K. Shanmugam met the envoy.", dt.date(2020, 6, 1)) == [("K. Shanmugam", "SGP")]
    assert persons(gaz, "In the morning K Shanmugam met the envoy.", dt.date(2020, 6, 1)) == [("K Shanmugam", "SGP")]
    assert persons(gaz, "In the morning K.\nShanmugam met the envoy.", dt.date(2020, 6, 1)) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("On Monday President Ortuzar opened the new bridge.", [("Ortuzar", "COL")]),  # the father's surname of two
    ("On Monday President Ortúzar's convoy crossed the new bridge.", [("Ortúzar", "COL")]),
    ("On Monday Ortuzar opened the new bridge.", []),  # alone it needs an office
    ("On Monday President Anselmo opened the new bridge.", []),  # of three names, a second given name
    ("On Monday President Quebradilla opened the new bridge.", [("Quebradilla", "ARG")]),
    # Brazil names a person by the last surname: the one before it is the mother's or a given name.
    ("On Monday President Vasconcelhos opened the new bridge.", []),
    ("On Monday President Marandiba's convoy crossed the new bridge.", [("Marandiba", "BRA")]),
    ("On Monday Marandiba's convoy crossed the new bridge.", []),
])
def test_the_first_of_two_surnames_after_an_office(fiction: Gazetteer, text: str, expected: list[tuple[str, str]]) -> None:
    assert persons(fiction, text, LATER) == expected


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("es", "Ayer el presidente Ortuzar inauguró el puente nuevo.", [("Ortuzar", "COL")]),
    ("es", "Ayer la canciller Quebradilla inauguró el puente nuevo.", [("Quebradilla", "ARG")]),
    ("es", "Ayer Ortuzar inauguró el puente nuevo.", []),
    ("pt", "Ontem o presidente Marandiba inaugurou a ponte nova.", [("Marandiba", "BRA")]),
    ("pt", "Ontem o presidente Vasconcelhos inaugurou a ponte nova.", []),
    ("fr", "Hier, le président Ortuzar a inauguré le nouveau pont.", [("Ortuzar", "COL")]),
    ("fr", "Hier, Ortuzar a inauguré le nouveau pont.", []),
    ("de", "Gestern eröffnete Präsident Ortuzar die neue Brücke.", [("Ortuzar", "COL")]),
    ("de", "Gestern eröffnete Ortuzar die neue Brücke.", []),
    # An office of several words read by its last one, an honorific of the language.
    ("fr", "Hier, le ministre des Affaires étrangères Ortuzar a inauguré le nouveau pont.", [("Ortuzar", "COL")]),
    ("fr", "Hier, le chef de l'État Ortuzar a inauguré le nouveau pont.", [("Ortuzar", "COL")]),
    ("fr", "Hier, M. Ortuzar a inauguré le nouveau pont.", [("Ortuzar", "COL")]),
    ("fr", "Hier, la Maison Ortuzar a inauguré le nouveau pont.", []),
    ("es", "Ayer el ministro de Relaciones Exteriores Ortuzar inauguró el puente nuevo.", [("Ortuzar", "COL")]),
    ("es", "Ayer el Sr. Ortuzar inauguró el puente nuevo.", [("Ortuzar", "COL")]),
    ("es", "Ayer la Casa Ortuzar inauguró el puente nuevo.", []),
    ("pt", "Ontem o ministro dos Negócios Estrangeiros Marandiba inaugurou a ponte nova.", [("Marandiba", "BRA")]),
    ("pt", "Ontem a Casa Marandiba inaugurou a ponte nova.", []),
    ("de", "Gestern eröffnete Herr Ortuzar die neue Brücke.", [("Ortuzar", "COL")]),
    ("de", "Gestern eröffnete das Haus Ortuzar die neue Brücke.", []),
])
def test_a_surname_after_an_office_written_in_another_language(fiction: Gazetteer, lang: str, text: str,
                                                               expected: list[tuple[str, str]]) -> None:
    folder = fiction.directory / lang
    assert persons(Gazetteer(folder, LanguageLexicon(fiction.lexicon, folder)), text, LATER) == expected


@pytest.mark.parametrize(("lang", "text", "when", "expected"), [
    ("en", "Yesterday President López met the visiting delegation.", dt.date(2021, 5, 3), [("López", "MEX")]),
    ("es", "Ayer el presidente López recibió a la delegación.", dt.date(2021, 5, 3), [("López", "MEX")]),
    # Before him the persons of the generated table named López served several states: none.
    ("en", "Yesterday President López met the visiting delegation.", dt.date(2012, 5, 3), []),
    ("en", "Yesterday Prime Minister Sánchez met the visiting delegation.", dt.date(2021, 5, 3), [("Sánchez", "ESP")]),
    ("es", "Ayer el presidente Sánchez recibió a la delegación.", dt.date(2021, 5, 3), [("Sánchez", "ESP")]),
    ("en", "Yesterday Prime Minister Sánchez met the visiting delegation.", dt.date(2012, 5, 3), []),
    ("ru", "Вчера министр иностранных дел Лавров встретился с делегацией.", dt.date(2021, 5, 3), [("Лавров", "RUS")]),
    ("ar", "التقى وزير الخارجية لافروف أمس بالوفد.", dt.date(2021, 5, 3), [("لافروف", "RUS")]),
])
def test_office_holders_of_the_tables_by_surname(lang: str, text: str, when: dt.date, expected: list[tuple[str, str]]) -> None:
    assert persons(Gazetteer.for_language(lang), text, when) == expected


def test_a_term_the_generated_table_left_open_gives_way_to_a_known_one() -> None:
    until = dt.date(2016, 1, 1)
    stale = ("CRI", dt.date(2006, 5, 8), until)  # open in the generated table: known to run to its last day only
    known = ("ESP", dt.date(2018, 6, 2), dt.date.max)
    other = ("VEN", dt.date(2011, 2, 1), until)
    assert surname_state("Example", (stale, known), dt.date(2021, 5, 3), until) == "ESP"
    assert surname_state("Example", (stale, other), dt.date(2021, 5, 3), until) is None  # two may still serve
    assert surname_state("Example", (stale,), dt.date(2021, 5, 3), until) == "CRI"
    assert surname_state("Example", (stale, other), dt.date(2012, 5, 3), until) is None  # both then in office
    assert surname_state("Example", (stale, known), dt.date(2012, 5, 3), until) == "CRI"


def test_the_surname_table_reads_a_first_surname_of_the_states_that_use_one() -> None:
    rows = [(("Ana", "Maria", "Quispe", "Mamani"), "Ana Maria Quispe Mamani", P1),
            (("Luis", "Campo", "Rojas", "-", "Vera"), "Luis Campo Rojas-Vera", P1),
            (("Eva", "Field", "Sol"), "Eva Field Sol", P1), (("Ivo", "Tulio", "Sol"), "Ivo Tulio Sol", P1),
            (("Ugo", "Luz", "Mar", "Pinto"), "Ugo Luz Mar Pinto", P2), (("Mar", "Bento"), "Mar Bento", P2)]
    table = surname_table(rows, set(), frozenset({"field"}), frozenset({"USA"}))
    assert ("quispe",) in table and ("campo",) in table  # before a hyphenated second surname too
    assert ("field",) not in table  # a common word
    assert ("tulio",) not in table  # of three names, no known surname: a second given name
    assert ("mar",) not in table  # of a state that names persons by the last surname; and "Mar Bento"'s given name
