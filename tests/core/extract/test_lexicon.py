"""How a table's name must be written in a text to match it: capitals, a capital initial, any case."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from timeline_app.core.extract.countries import GAZETTEER_DIR
from timeline_app.core.extract.gazetteer import Gazetteer
from timeline_app.core.extract.lexicon import END, SURNAME, Alias, Lexicon, case_rule
from timeline_app.errors import RulesError
from timeline_app.paths import resource


@pytest.mark.parametrize(("token", "rule"), [
    ("US", 2), ("U.S.", 2), ("NATO", 2),  # acronyms: capitals only
    ("Turkey", 1), ("McCain", 1), ("A", 1), ("Türkiye", 1),  # names: a capital initial
    ("turkey", 0), ("al", 0), ("-", 0), ("2021", 0),  # any case
])
def test_case_rule(token: str, rule: int) -> None:
    assert case_rule(token) == rule


def test_an_alias_reads_its_case_rules_from_its_tokens() -> None:
    alias = Alias(("U.S.", "President"), "USA", "name", "United States")
    assert alias.case_matches(["U.S.", "President"])
    assert alias.case_matches(["US", "President"])
    assert not alias.case_matches(["us", "President"])
    assert not alias.case_matches(["U.S.", "president"])


def test_a_person_of_the_persons_table_matches_only_as_a_name() -> None:
    # The persons' aliases work out their case rules when first matched, not when loaded.
    gaz = Gazetteer.default()
    names = [m.text for m in gaz.tag("Zelensky spoke to Scholz on 3 March 2022.")]
    assert names[:2] == ["Zelensky", "Scholz"]
    assert not [m for m in gaz.tag("zelensky spoke to scholz on 3 march 2022.") if m.text in ("zelensky", "scholz")]


def _gazetteer_copy(tmp_path: Path, persons_extra: str) -> Path:
    folder = tmp_path / "gazetteer"
    shutil.copytree(resource(GAZETTEER_DIR), folder)
    with (folder / "persons_extra.tsv").open("a", encoding="utf-8") as f:
        f.write(persons_extra)
    return folder


def test_persons_sharing_a_period_each_get_it_and_accented_names_are_keyed_without_accents(tmp_path: Path) -> None:
    folder = _gazetteer_copy(tmp_path, "Ana Exampleova\tCZE\t2031-01-01\t2032-12-31\tAna Exampleova\n"
                                       "Öskar Testsson\tISL\t2031-01-01\t2032-12-31\tÖskar Testsson\n")
    lexicon = Lexicon(folder)
    period = (dt.date(2031, 1, 1), dt.date(2032, 12, 31))
    assert lexicon.person_ranges["Ana Exampleova"] == [("CZE", *period)]
    assert lexicon.person_ranges["Öskar Testsson"] == [("ISL", *period)]
    node = lexicon.trie["oskar"]["testsson"][END]
    assert [(a.tokens, a.kind, a.name) for a in node] == [(("Öskar", "Testsson"), "person", "Öskar Testsson")]
    assert "öskar" not in lexicon.trie


@pytest.mark.parametrize(("line", "reason"), [
    ("Ana Exampleova\tCZE\t2031-13-01\t\tAna Exampleova\n", "dates must be YYYY-MM-DD"),
    ("Ana Exampleova\tCZE\t2032-01-01\t2031-01-01\tAna Exampleova\n", "the period ends before it starts"),
    ("Ana Exampleova\tXXX\t2031-01-01\t\tAna Exampleova\n", "'XXX' is not a country code"),
    ("?\tCZE\t2031-01-01\t\tAna Exampleova\n", "empty alias"),
])
def test_a_bad_persons_line_is_reported_with_path_and_line(tmp_path: Path, line: str, reason: str) -> None:
    folder = _gazetteer_copy(tmp_path, line)
    lines = (folder / "persons_extra.tsv").read_text(encoding="utf-8").count("\n")
    with pytest.raises(RulesError) as err:
        Lexicon(folder)
    assert f"persons_extra.tsv:{lines}: {reason}" in str(err.value)


def test_no_person_alias_names_two_states_at_once() -> None:
    """Every line of the persons tables parses (Lexicon loads them), and no full name serves two states on one day."""
    lexicon = Lexicon(resource("gazetteer"))
    clashes = []
    stack = [lexicon.trie]
    while stack:
        node = stack.pop()
        for key, child in node.items():
            if key != END:
                stack.append(child)
                continue
            for alias in child:
                if SURNAME in alias.flags:
                    continue  # a surname alone names nobody on a day persons of two states share (test_surnames.py)
                for x in alias.ranges:
                    for y in alias.ranges:
                        if x[0] and y[0] and x[0] < y[0] and x[1] <= y[2] and y[1] <= x[2]:
                            clashes.append((alias.name, x, y))
    assert clashes == []


def test_a_bad_first_surnames_line_is_reported_with_path_and_line(tmp_path: Path) -> None:
    folder = _gazetteer_copy(tmp_path, "")
    with (folder / "first_surnames.tsv").open("a", encoding="utf-8") as f:
        f.write("XXX\tNowhere\n")
    lines = (folder / "first_surnames.tsv").read_text(encoding="utf-8").count("\n")
    with pytest.raises(RulesError) as err:
        Lexicon(folder)
    assert f"first_surnames.tsv:{lines}: 'XXX' is not a country code" in str(err.value)
    (folder / "first_surnames.tsv").write_text("# iso3<TAB>state\nMEX\tMexico\n", encoding="utf-8")
    assert Lexicon(folder).first_surname_states == frozenset({"MEX"})
