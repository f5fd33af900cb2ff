"""Which part of a clause types its event: the main verb, not a participle, subordinate or relative clause."""

from __future__ import annotations

import pytest

from timeline_app.core.extract.cameo import CameoTable


def code(clause: str) -> str | None:
    found = CameoTable.default().classify(clause)
    return found.code if found else None


@pytest.mark.parametrize("clause, expected", [
    # A participle qualifying a noun is not what the subject did: the main verb types the clause.
    ("Lithuania condemned a network supplying drones to Russia", "111"),
    ("Britain sanctioned a firm supplying drones to Russia", "163"),
    # A form of "be" makes the -ing verb the clause's own.
    ("Iran is supplying drones to Russia", "0332"),
    ("Iran supplied drones to Russia", "0332"),
])
def test_a_participle_after_a_noun_does_not_type_the_clause(clause: str, expected: str) -> None:
    assert code(clause) == expected


@pytest.mark.parametrize("clause, expected", [
    # ", as ...", ", days after ...": the background of the main clause.
    ("Kenya and Uganda met in Kampala, days after fighting broke out on the border", "040"),
    ("The two presidents spoke by phone, as attacks on shipping continued", "041"),
    # Without a comma before it, "when" opens no trailing clause here: the noun still types it.
    ("Kenya and Uganda met in Kampala when fighting broke out on the border", "190"),
    # A trailing clause still types a main clause that has no trigger of its own.
    ("The ministers stayed in Geneva, as talks resumed", "040"),
])
def test_a_trailing_subordinate_clause_gives_the_background(clause: str, expected: str) -> None:
    assert code(clause) == expected


@pytest.mark.parametrize("clause, expected", [
    ("Britain sanctioned two firms which bought missiles from Iran", "163"),
    ("two firms which bought missiles from Iran", "062"),
])
def test_a_relative_clause_types_only_a_clause_without_a_main_verb(clause: str, expected: str) -> None:
    assert code(clause) == expected


@pytest.mark.parametrize("clause, expected", [
    # "that" with a saying right after its subject opens a relative clause: the main verb types it.
    ("Canada sanctioned two firms that Ottawa says bought weapons for Russia's army", "163"),
    # "that" after a saying opens what was said, which types the clause ...
    ("Iran said that Israel attacked its consulate", "190"),
    # ... and so does a "that" whose clause has no saying in it.
    ("The report that units opened fire on Armenian positions is false", "193"),
])
def test_that_with_a_saying_after_its_subject_opens_a_relative_clause(clause: str, expected: str) -> None:
    assert code(clause) == expected
