"""How a table's name must be written in a text to match it: capitals, a capital initial, any case."""

from __future__ import annotations

import pytest

from timeline_app.core.extract.gazetteer import Gazetteer
from timeline_app.core.extract.lexicon import Alias, case_rule


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
