"""find_dates on weeks of a month, fiscal quarters and halves, seasons and counts of years, with what must not match."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline_app.core.models import Precision
from timeline_app.core.temporal import find_dates

WED = dt.date(2022, 12, 28)  # a Wednesday
JUN = dt.date(2025, 6, 4)


def found(text: str, published: dt.date | None = WED) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in find_dates(text, published)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # The n-th week of a month is the ISO week holding its 4th, 11th, 18th or 25th day.
        ("Talks resumed in the first week of January 2021.", [("the first week of January 2021", "2021-W01")]),
        ("Talks resumed in the second week of January 2021.", [("the second week of January 2021", "2021-W02")]),
        ("Talks resumed in the third week of March, 2021.", [("the third week of March, 2021", "2021-W11")]),
        ("Talks resumed in the fourth week of Oct. 2020.", [("the fourth week of Oct. 2020", "2020-W43")]),
        # June 2021 ends on a Wednesday: its last whole week is June 21-27.
        ("Talks resumed in the last week of June 2021.", [("the last week of June 2021", "2021-W25")]),
        ("Talks resumed in the final week of February 2021.", [("the final week of February 2021", "2021-W08")]),
        # In a leap year February's last four days, Monday 26 to Thursday 29, make its last week.
        ("Talks resumed in the last week of February 2024.", [("the last week of February 2024", "2024-W09")]),
    ],
)
def test_week_of_a_month_with_its_year(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert found(sentence) == expected


def test_week_of_a_month_is_a_week_placed_by_the_tense() -> None:
    ahead = find_dates("Talks will resume in the second week of January.", WED)
    assert [(m.text, m.value, m.granularity) for m in ahead] == [
        ("the second week of January", "2023-W02", Precision.WEEK)
    ]
    assert (ahead[0].start_date, ahead[0].end_date) == (dt.date(2023, 1, 9), dt.date(2023, 1, 15))
    assert found("Talks resumed in the first week of December.") == [("the first week of December", "2022-W48")]
    # March 2022 ends on a Thursday: its last week is the one of March 28-31.
    assert found("Fighting broke out in the last week of March.") == [("the last week of March", "2022-W13")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Talks resumed in the fifth week of June.",  # a month has no fifth week of its own
        "Talks resumed in the second week of the strike.",
        "The second week was quieter.",
    ],
)
def test_what_is_no_week_of_a_month(sentence: str) -> None:
    assert all("week" not in text for text, _ in found(sentence))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Profit rose in the fiscal first quarter.", [("the fiscal first quarter", "2022-Q1")]),
        ("Profit rose in the first fiscal quarter.", [("the first fiscal quarter", "2022-Q1")]),
        ("Sales fell in fiscal 2022's third quarter.", [("fiscal 2022's third quarter", "2022-Q3")]),
        ("Sales fell in the fiscal 2021 fourth quarter.", [("the fiscal 2021 fourth quarter", "2021-Q4")]),
        ("Sales fell in the third quarter of fiscal 2021.", [("the third quarter of fiscal 2021", "2021-Q3")]),
        ("Sales fell in fiscal 2022's second half.", [("fiscal 2022's second half", "2022-H2")]),
        ("Sales fell in the first half of fiscal 2021.", [("the first half of fiscal 2021", "2021-H1")]),
        ("Sales will rise in the fiscal second quarter.", [("the fiscal second quarter", "2023-Q2")]),
    ],
)
def test_fiscal_quarters_and_halves(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert found(sentence) == expected


def test_fiscal_forms_that_are_no_quarter() -> None:
    # A quarter of a year is Q1-Q4: "fiscal 2022's fifth quarter" names no quarter of 2022.
    assert all("-Q5" not in value for _, value in found("Sales fell in fiscal 2022's fifth quarter."))
    # "half of" a year's budget is a share, not the year's half.
    assert found("Fiscal 2022's first half of the budget went to roads.") != [
        ("Fiscal 2022's first half", "2022-H1")
    ]
    assert ("fiscal 2022", "2022") in found("A quarter of fiscal 2022 sales came from Asia.")


def test_a_year_counted_back_from_its_last_day_is_a_span() -> None:
    mentions = find_dates("For the year ended Sept. 30, profit rose; the year ending June 30, 2023, looks weak.", WED)
    assert [(m.text, m.value, m.kind) for m in mentions] == [
        ("the year", "P1Y", "DURATION"),
        ("Sept. 30", "2022-09-30", "DATE"),
        ("the year", "P1Y", "DURATION"),
        ("June 30, 2023", "2023-06-30", "DATE"),
    ]
    # Not "the year end" cut out of "the year ended"; the year's end itself is still a date.
    assert found("Profit will recover by the year end.") == [("the year end", "2022")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Trade grew in the final quarter of last year.", [("the final quarter of last year", "2021-Q4")]),
        ("Trade grew in the last quarter of 2021.", [("the last quarter of 2021", "2021-Q4")]),
        ("Trade will grow in the second half of next year.", [("the second half of next year", "2023-H2")]),
        ("Trade fell in last year's first half.", [("last year's first half", "2021-H1")]),
        ("Emissions will fall by the end of the decade.", [("the end of the decade", "202X")]),
    ],
)
def test_parts_of_a_year_named_from_now(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert found(sentence) == expected


def test_parts_of_a_year_that_are_no_period() -> None:
    # "the last quarter" alone is the latest quarter reported, not the fourth.
    assert found("Profit fell in the last quarter.") == [("the last quarter", "2022-Q3")]
    # A share of a year's budget is no half of the year.
    assert found("Last year's first half of the budget went to roads.") == [("Last year", "2021")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Revenue rose 4% in FY2022.", [("FY2022", "2022")]),
        ("Revenue rose 4% in FY 2022.", [("FY 2022", "2022")]),
        ("Revenue rose 4% in FY22.", [("FY22", "2022")]),
        ("Revenue rose 4% in Q3 FY2023.", [("Q3 FY2023", "2023-Q3")]),
        ("Revenue rose 4% in 2Q 2021.", [("2Q 2021", "2021-Q2")]),
        ("Sales fell in the third quarter of fiscal year 2021.", [("the third quarter of fiscal year 2021", "2021-Q3")]),
    ],
)
def test_fiscal_abbreviations(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert found(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The fy2 model sold well.",  # no year after it
        "The FY5 rocket flew.",
        "Revenue rose in Q5 2021 terms.",  # there is no fifth quarter
        "Revenue rose 6Q in a row.",
    ],
)
def test_what_is_no_fiscal_abbreviation(sentence: str) -> None:
    assert all("Q" not in value and not text.upper().startswith(("FY", "Q")) for text, value in found(sentence))


def test_a_hyphenated_quarter_is_an_adjective_without_the_article() -> None:
    assert found("The firm posted the third-quarter loss.") == [("third-quarter", "2022-Q3")]
    assert found("The firm posted a loss in the third quarter.") == [("the third quarter", "2022-Q3")]
    assert found("The firm posted the fiscal second-quarter loss.") == [("fiscal second-quarter", "2022-Q2")]
    # Three quarters of the voters are no quarter of a year.
    assert all(value[-3:-1] != "-Q" for _, value in found("About three-quarters of the voters agreed."))


class TestQuarterNamedByItsMonths:
    def test_a_quarters_first_and_last_months_name_it(self) -> None:
        found = [(m.text, m.value) for m in find_dates("Sales rose in the April-June quarter.", dt.date(2022, 12, 28))]
        assert found == [("the April-June quarter", "2022-Q2")]

    def test_months_that_bound_no_calendar_quarter_stay_months(self) -> None:
        found = [(m.text, m.value) for m in find_dates("Sales rose in the May-July quarter.", dt.date(2022, 12, 28))]
        assert found == [("May", "2022-05"), ("July", "2022-07")]


def test_half_a_long_unit_is_a_duration_and_half_of_the_year_a_half() -> None:
    assert found("For half a century, the treaty has held.") == [("half a century", "P50Y")]
    assert found("The boom lasted nearly half a decade.") == [("nearly half a decade", "P5Y")]
    assert found("Output will rise in the second half of the year.") == [("the second half of the year", "2022-H2")]


def test_half_of_something_else_is_no_period() -> None:
    assert found("The border opened half a century ago.") == [("half a century ago", "1972")]
    assert found("Fans left during the second half of the match.") == []
    assert found("Half a dozen envoys attended.") == []


def test_a_season_without_the_after_a_preposition_of_time() -> None:
    assert found("The army must withdraw before winter.", dt.date(2025, 9, 3)) == [("winter", "2025-WI")]
    assert found("The hearings were adjourned until spring.", dt.date(2025, 11, 12)) == [("spring", "2026-SP")]


def test_a_season_that_opens_a_compound_or_stands_alone_is_no_date() -> None:
    assert found("The ministry bought seed before winter wheat prices rose.") == []
    assert found("Winter is coming, the general warned.") == []


def test_the_week_before_or_after_a_holiday_is_one_mention() -> None:
    assert found("The talks collapsed in the week before Christmas.", JUN) == [("the week before Christmas", "2024-W51")]
    assert found("Shops reopen the week after Easter.", dt.date(2026, 3, 11)) == [("the week after Easter", "2026-W15")]


def test_two_months_bounding_a_quarter_name_it_and_others_stay_months() -> None:
    assert found("Sales rose 4% in the April-June period.", JUN) == [("the April-June period", "2025-Q2")]
    assert found("Sales rose in the March-May period.", JUN) == [("March", "2025-03"), ("May", "2025-05")]


def test_a_count_of_tens_and_units_joined_by_a_hyphen() -> None:
    assert found("The war ended twenty-five years ago.", JUN) == [("twenty-five years ago", "2000")]
    assert found("The republic was founded seventy years ago.", JUN) == [("seventy years ago", "1955")]
    assert found("The siege lasted forty-four days.", JUN) == [("forty-four days", "P44D")]


def test_a_count_of_people_is_no_date() -> None:
    assert found("Twenty-five people died in the fire.", JUN) == []
