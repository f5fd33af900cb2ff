"""Tests of office words several states share ("Bundesrat", "Bundeskanzler"): the state the statement or the person tells."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from tests.core.extract.test_issuer import _language_examples
from timeline_app.core.extract.gazetteer import Gazetteer
from timeline_app.core.extract.language_lexicon import LanguageLexicon
from timeline_app.errors import RulesError
from timeline_app.paths import resource


def _codes(text: str, issuer: str = "", when: dt.date | None = None) -> list[tuple[str, str]]:
    return [(m.text, m.code) for m in Gazetteer.for_language("de").tag(text, when, issuer)]


@pytest.mark.parametrize("lang, where, line, expected", _language_examples("shared_offices.tsv"))
def test_example_lines_of_the_shared_offices(lang: str, where: str, line: str, expected: str) -> None:
    issuer, _, text = line.partition(":")
    found = Gazetteer.for_language(lang).tag(text.strip().replace("\\n", "\n"), None, "" if issuer == "-" else issuer)
    got = ", ".join(f"{m.text}:{m.code}:{m.role.value}" for m in found) or "-"
    assert got == expected, where


def test_a_swiss_statement_s_federal_council_is_switzerland_s() -> None:
    text = "Medienmitteilung\nBern, 20.09.2024\n\nDer Bundesrat hat heute ein Abkommen mit Montenegro genehmigt."
    assert ("Bundesrat", "CHE") in _codes(text)


def test_a_news_text_s_federal_council_stays_germany_s() -> None:
    text = "Länder einig\n\nDer Bundesrat in Berlin hat am Freitag das Gesetz gebilligt."
    assert ("Bundesrat", "DEU") in _codes(text)


def test_a_header_line_without_a_date_does_not_make_the_text_that_state_s() -> None:
    text = "Die Schweiz und Europa\n\nDie Bundesregierung hat am Freitag das Abkommen gebilligt."
    assert ("Bundesregierung", "DEU") in _codes(text)


def test_an_austrian_chancellor_named_after_his_title_is_austria_s() -> None:
    assert _codes("Bundeskanzler Karl Nehammer besprach den Fall.", when=dt.date(2023, 5, 1)) == [
        ("Karl Nehammer", "AUT")]


def test_a_german_chancellor_named_after_his_title_keeps_both() -> None:
    assert _codes("Bundeskanzler Olaf Scholz besprach den Fall.", when=dt.date(2023, 5, 1)) == [
        ("Bundeskanzler", "DEU"), ("Olaf Scholz", "DEU")]


def test_an_office_the_statement_s_state_does_not_have_stays_the_first_state_s() -> None:
    # Switzerland has no "Bundesregierung": a Swiss statement's one is Germany's.
    assert ("Bundesregierung", "DEU") in _codes("Die Bundesregierung hat reagiert.", issuer="CHE")


def test_a_shared_office_line_of_one_state_is_refused_with_its_line(tmp_path: Path) -> None:
    folder = tmp_path / "de"
    shutil.copytree(resource("gazetteer", "de"), folder)
    (folder / "shared_offices.tsv").write_text("# word\tstates\nBundesrat\tDEU\n", encoding="utf-8")
    with pytest.raises(RulesError, match="two or more") as caught:
        LanguageLexicon(Gazetteer.default().lexicon, folder)
    assert "shared_offices.tsv:2" in str(caught.value)


def test_a_news_text_s_federal_council_is_the_state_of_the_president_it_titled() -> None:
    # "Bundespräsidentin Karin Keller-Sutter" tells whose federal offices the story is about.
    text = ("Bundespräsidentin Karin Keller-Sutter ist ohne Einigung aus Washington zurückgekehrt.\n\n"
            "Der Bundesrat will am Freitag über weitere Schritte beraten.")
    assert ("Bundesrat", "CHE") in _codes(text, when=dt.date(2025, 8, 7))


@pytest.mark.parametrize("text", [
    # A person of the first state titled, or of two of them, leaves the office its first state's.
    "Bundeskanzler Olaf Scholz traf Bundeskanzler Karl Nehammer in Wien.\n\nDer Bundesrat berät am Freitag.",
    # A Swiss person named without the office tells nothing about the offices.
    "Karin Keller-Sutter traf Marco Rubio in Washington.\n\nDer Bundesrat berät am Freitag.",
])
def test_a_news_text_s_federal_council_stays_germany_s_without_one_titled_state(text: str) -> None:
    assert ("Bundesrat", "DEU") in _codes(text, when=dt.date(2023, 8, 7))
