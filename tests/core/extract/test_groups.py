"""Tests of groups of states: members on a date, the phrases that name them, their use in events."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.core.extract.test_events import date_at, extract
from tests.core.extract.test_gazetteer import _examples
from timeline_app.core.extract.gazetteer import Gazetteer
from timeline_app.core.extract.groups import GroupTable
from timeline_app.core.models import EntityKind, Precision
from timeline_app.errors import RulesError
from timeline_app.paths import resource


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.default()


@pytest.mark.parametrize("where, line, expected", _examples(frozenset({"group_members.tsv"})))
def test_example_lines_of_group_members(gaz: Gazetteer, where: str, line: str, expected: str) -> None:
    group, day = line.split()
    got = " ".join(sorted(gaz.groups.members(group, dt.date.fromisoformat(day)))) or "-"
    assert got == expected, where


@pytest.mark.parametrize("where, sentence, expected", _examples(frozenset({"group_names.tsv"})))
def test_example_lines_of_group_names(gaz: Gazetteer, where: str, sentence: str, expected: str) -> None:
    got = ", ".join(f"{m.text}:{m.code or '-'}" for m in gaz.tag(sentence) if m.kind is EntityKind.GROUP) or "-"
    assert got == expected, where


def test_nato_and_the_eu_change_with_the_date(gaz: Gazetteer) -> None:
    nato = gaz.groups.members
    assert "FIN" not in nato("NATO", dt.date(2023, 4, 3)) and "FIN" in nato("NATO", dt.date(2023, 4, 4))
    assert "SWE" not in nato("NATO", dt.date(2024, 3, 6)) and "SWE" in nato("NATO", dt.date(2024, 3, 7))
    assert len(nato("EU", dt.date(2019, 6, 1))) == 28 and len(nato("EU", dt.date(2021, 6, 1))) == 27


def test_a_group_expands_to_its_members_on_the_event_date() -> None:
    text = "NATO allies met in Madrid in June 2022. NATO allies met in Vilnius in July 2023."
    first, second = extract(text, date_at(text, "June 2022", "2022-06", Precision.MONTH),
                            date_at(text, "July 2023", "2023-07", Precision.MONTH), published=dt.date(2023, 8, 1))
    assert len(first.countries) == 30 and "FIN" not in first.countries
    assert len(second.countries) == 31 and "FIN" in second.countries and "SWE" not in second.countries


def test_a_counted_group_phrase_smaller_than_the_group_stands_for_the_states_named_before() -> None:
    text = ("Greece and Turkey held talks in Ankara. On Monday the two NATO allies agreed to set up a hotline.")
    [m] = extract(text, date_at(text, "Monday", "2023-03-13"))
    assert set(m.countries) == {"GRC", "TUR"}
    # Written after the rule, for another group and number.
    text = "Estonia, Latvia and Lithuania share a border with Russia. On Monday the three EU members closed it."
    [m] = extract(text, date_at(text, "Monday", "2023-03-13"))
    assert set(m.countries) == {"EST", "LVA", "LTU"}


def test_a_group_phrase_followed_by_the_states_it_means_is_those_states() -> None:
    text = "NATO members Norway, Denmark and Canada held a joint exercise on Monday."
    [m] = extract(text, date_at(text, "Monday", "2023-03-13"))
    assert set(m.countries) == {"NOR", "DNK", "CAN"}
    # Written after the rule: a comma between them keeps the whole group.
    text = "The G7 leaders, Japan among them, met on Monday."
    [m] = extract(text, date_at(text, "Monday", "2023-03-13"))
    assert len(m.countries) == 7


def test_a_count_as_large_as_the_group_names_every_member() -> None:
    text = "On Monday the 31 NATO allies agreed to raise spending."
    [m] = extract(text, date_at(text, "Monday", "2023-07-10"), published=dt.date(2023, 7, 12))
    assert len(m.countries) == 31


def test_a_count_the_group_had_on_the_event_date_names_its_members_then() -> None:
    # Published when the group has grown: the count is the group's size on the event's date.
    text = "In August 2022 the five BRICS leaders met online."
    [m] = extract(text, date_at(text, "August 2022", "2022-08", Precision.MONTH), published=dt.date(2025, 3, 1))
    assert set(m.countries) == {"BRA", "RUS", "IND", "CHN", "ZAF"}
    text = "Brazil and India disagreed. In August 2022 the two BRICS members met online."
    [m] = extract(text, date_at(text, "August 2022", "2022-08", Precision.MONTH), published=dt.date(2025, 3, 1))
    assert set(m.countries) == {"BRA", "IND"}


def test_an_organisation_acting_as_itself_is_no_group() -> None:
    text = "NATO said on Monday that it would respond."
    [m] = extract(text, date_at(text, "Monday", "2023-03-13"))
    assert m.countries == () and m.organizations == ("NATO",)


def test_open_ended_phrases_give_no_states() -> None:
    text = "Western partners and like-minded partners held exercises on Monday."
    [m] = extract(text, date_at(text, "Monday", "2023-03-13"))
    assert m.countries == ()


def test_a_group_beside_a_named_state_keeps_both() -> None:
    text = "India and the ASEAN member states marked the anniversary on Monday."
    [m] = extract(text, date_at(text, "Monday", "2023-03-13"))
    assert set(m.countries) == {"IND", "BRN", "IDN", "KHM", "LAO", "MMR", "MYS", "PHL", "SGP", "THA", "VNM"}


def test_loader_rejects_a_member_that_is_not_a_country(tmp_path) -> None:
    d = tmp_path / "gazetteer"
    d.mkdir()
    for name in ("group_names.tsv", "member_nouns.txt"):
        (d / name).write_text(resource("gazetteer", name).read_text(encoding="utf-8"), encoding="utf-8")
    (d / "group_members.tsv").write_text("# header\nNATO\tXYZ\t\t\n", encoding="utf-8")
    with pytest.raises(RulesError, match=r"group_members.tsv:2: 'XYZ'"):
        GroupTable(d, frozenset({"USA"}))


def test_a_group_named_as_the_venue_of_a_meeting_is_no_party() -> None:
    text = "Modi met Kishida on the sidelines of the G20 summit on Sunday."
    [m] = extract(text, date_at(text, "Sunday", "2023-09-10"), published=dt.date(2023, 9, 12))
    assert m.countries == ("IND", "JPN")
    text = "Japan will host the G7 summit on Sunday."
    [m] = extract(text, date_at(text, "Sunday", "2023-05-21"), published=dt.date(2023, 5, 12))
    assert m.countries == ("CAN", "DEU", "FRA", "GBR", "ITA", "JPN", "USA")


def test_sco_members_change_with_the_date(gaz: Gazetteer) -> None:
    assert "IRN" not in gaz.groups.members("SCO", dt.date(2023, 7, 3)) and "IRN" in gaz.groups.members("SCO", dt.date(2023, 7, 4))
    assert gaz.groups.members("KOREAS", None) == {"KOR", "PRK"}


@pytest.mark.parametrize("where, line, expected", _examples(frozenset({"org_states.tsv"})))
def test_example_lines_of_org_states(gaz: Gazetteer, where: str, line: str, expected: str) -> None:
    code, day = line.split()
    assert (gaz.state_of_organization(code, dt.date.fromisoformat(day)) or "-") == expected, where


def test_the_taliban_act_for_afghanistan_only_once_in_power() -> None:
    text = "The Taliban met Pakistani envoys in May."
    [before] = extract(text, date_at(text, "May", "2020-05", Precision.MONTH), published=dt.date(2020, 6, 1))
    [after] = extract(text, date_at(text, "May", "2023-05", Precision.MONTH), published=dt.date(2023, 6, 1))
    assert before.countries == ("PAK",) and after.countries == ("AFG", "PAK")
    assert before.organizations == after.organizations == ("TALIBAN",)


def test_a_group_a_state_ranks_among_gives_no_members() -> None:
    text = "Finland joined NATO in 2023, and Estonia, a member since 2004, was among the first Allies to ratify its accession."
    first, second = extract(text, date_at(text, "2023", "2023", Precision.YEAR), date_at(text, "2004", "2004", Precision.YEAR))
    assert second.countries == ("EST",)


def test_a_group_named_among_without_a_rank_keeps_its_members() -> None:
    text = "Talks among the G7 states resumed in Rome in March 2024."
    [m] = extract(text, date_at(text, "March 2024", "2024-03", Precision.MONTH))
    assert m.countries == ("CAN", "DEU", "FRA", "GBR", "ITA", "JPN", "USA")
