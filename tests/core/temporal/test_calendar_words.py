"""find_dates on calendar words news uses for schedules: the new year, a month's last day, week numbers, days in numbers without a year."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline_app.core.temporal import find_dates

WED = dt.date(2022, 12, 28)  # a Wednesday


def found(text: str, published: dt.date | None = WED) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in find_dates(text, published)]


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        # Told in December of what is coming: the coming year.
        ("Tariffs will go up in the new year.", dt.date(2023, 11, 30), "2024"),
        ("The board meets again after the new year.", dt.date(2023, 12, 18), "2024"),
        # More than two months ahead: the future tense decides, not the nearness of New Year's Day.
        ("Energy bills are set to climb in the new year.", dt.date(2026, 9, 21), "2027"),
        # Told after it began: the year under way.
        ("Sales have slumped since the new year.", dt.date(2024, 2, 20), "2024"),
        ("Exports recovered in the new year, the ministry said.", dt.date(2024, 3, 5), "2024"),
    ],
)
def test_the_new_year_is_the_year_its_new_year_begins(sentence: str, published: dt.date, expected: str) -> None:
    assert found(sentence, published) == [("the new year", expected)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Crowds gathered for the new year celebrations in the square.",
        "The president gave his address on the eve of a new year.",
        "Ministers flew home for the new year break.",
    ],
)
def test_the_new_year_as_a_holiday_or_with_a_is_no_year(sentence: str) -> None:
    assert found(sentence) == []


def test_the_last_day_of_a_month_follows_its_length() -> None:
    assert found("Bids close on the last day of the month.", dt.date(2024, 2, 10)) == [
        ("the last day of the month", "2024-02-29")
    ]
    assert found("Bids close on the last day of the month.", dt.date(2023, 2, 10)) == [
        ("the last day of the month", "2023-02-28")
    ]
    assert found("The fund was wound up on the last day of last month.", dt.date(2024, 5, 3)) == [
        ("the last day of last month", "2024-04-30")
    ]
    assert found("The levy applies from the first day of next year.") == [("the first day of next year", "2023-01-01")]


@pytest.mark.parametrize(
    "sentence",
    ["The rebels fled on the last day of the siege.", "She resigned on the first day of her term."],
)
def test_the_last_day_of_an_event_is_no_date(sentence: str) -> None:
    assert found(sentence) == []


def test_a_week_number_is_placed_by_the_tense() -> None:
    assert found("The plant shut down in week 50.", dt.date(2023, 1, 18)) == [("week 50", "2022-W50")]
    assert found("Shipments will resume in week 8.", dt.date(2023, 1, 18)) == [("week 8", "2023-W08")]
    assert found("Repairs were done in calendar week 2, 2021.") == [("calendar week 2, 2021", "2021-W02")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Defence lawyers will call witnesses in week 4 of the trial.",
        "The striker scored twice in Week 12.",
        "Cases rose sharply in week 3 of the outbreak.",
    ],
)
def test_a_week_of_something_or_of_a_league_is_no_calendar_week(sentence: str) -> None:
    assert found(sentence) == []


def test_a_day_in_numbers_without_its_year() -> None:
    assert found("The border reopened on 11/23.") == [("11/23", "2022-11-23")]
    assert found("The order stands until 31/01.") == [("31/01", "2023-01-31")]
    # Both numbers 12 or less: a past sentence takes no day after publication.
    mentions = find_dates("The convoy left on 12/02.", WED)
    assert [(m.text, m.value, m.mod) for m in mentions] == [("12/02", "2022-12-02", "APPROX")]
    assert found("The convoy was stopped on 1/12.", dt.date(2023, 1, 9)) == [("1/12", "2022-12-01")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Security has been tight since 9/11.",
        "The helpline is open 24/7.",
        "Turnout fell by 1/4 in the north.",
        "Investors bought 3/16 of the shares.",
        "The law was passed on 12/3/2021.",
    ],
)
def test_numbers_with_a_slash_that_are_no_day_without_a_year(sentence: str) -> None:
    assert all(value.startswith("2021") for _, value in found(sentence))
    assert "9/11" not in dict(found(sentence)) and "3/16" not in dict(found(sentence))


def test_the_previous_or_following_weekend_counts_from_the_day_told() -> None:
    text = "The march was on Saturday, Dec. 10. The previous weekend, police had cleared the camp."
    assert found(text)[-1] == ("The previous weekend", "2022-W48-WE")
    text = "The march was on Saturday, Dec. 10. The following weekend, police cleared the camp."
    assert found(text)[-1] == ("The following weekend", "2022-W50-WE")
    # Without a day told before, "last weekend" stays the one before publication.
    assert found("Police cleared the camp last weekend.") == [("last weekend", "2022-W51-WE")]


def test_a_season_that_kicks_off_is_ahead_and_one_that_kicked_off_is_past() -> None:
    assert found("The league season kicks off in August.", dt.date(2026, 5, 14)) == [("August", "2026-08")]
    assert found("The league season kicked off in August.", dt.date(2026, 5, 14)) == [("August", "2025-08")]


def test_a_day_of_the_month_alone_before_a_phrase() -> None:
    assert found("The strike ended on the 9th without a deal.") == [("the 9th", "2022-12-09")]
    assert found("Fire broke out on the 9th floor.") == []


def test_a_day_of_the_month_ahead_of_a_later_numbered_one_is_next_months() -> None:
    told = dt.date(2026, 3, 30)
    assert found("The talks began on the 28th and will end on the 3rd.", told) == [
        ("the 28th", "2026-03-28"),
        ("the 3rd", "2026-04-03"),
    ]
    # Told in the past, or numbered after the day before it: the same month.
    assert found("The talks began on the 28th and ended on the 3rd.", dt.date(2026, 4, 10))[-1] == ("the 3rd", "2026-03-03")
    assert found("The talks began on the 3rd and will end on the 28th.", dt.date(2026, 3, 10))[-1] == ("the 28th", "2026-03-28")


def test_reopen_is_ahead_as_a_present_and_the_nearer_day_as_an_infinitive_in_a_past_sentence() -> None:
    told = dt.date(2026, 4, 8)  # a Wednesday
    assert found("The border reopens on Monday.", told) == [("Monday", "2026-04-13")]
    assert found("Schools reopen on Monday.", told) == [("Monday", "2026-04-13")]
    assert found("Police moved to reopen the road on Monday.", told) == [("Monday", "2026-04-06")]


def test_a_present_form_after_did_is_no_schedule() -> None:
    told = dt.date(2023, 9, 13)
    assert found("The talks did not resume until March.", told) == [("March", "2023-03")]
    assert found("The talks resume in March.", told) == [("March", "2024-03")]


def test_freed_is_a_past_and_agreed_to_no_promise() -> None:
    told = dt.date(2024, 3, 13)  # a Wednesday
    assert found("The envoys agreed on Monday to resume talks.", told) == [("Monday", "2024-03-11")]
    assert found("The rebels agreed to a truce on Monday.", told) == [("Monday", "2024-03-11")]
    assert found("Rebels freed two hostages on Monday.", told) == [("Monday", "2024-03-11")]


def test_a_promise_does_not_reach_the_day_of_the_occasion_it_was_made_at() -> None:
    told = dt.date(2024, 3, 13)  # a Wednesday
    assert found("The opposition vowed to hold rallies at a news conference on Monday.", told) == [("Monday", "2024-03-11")]
    assert found("The opposition vowed to hold rallies on Monday.", told) == [("Monday", "2024-03-18")]


def test_a_promise_does_not_reach_a_date_anchored_in_an_earlier_event() -> None:
    told = dt.date(2025, 7, 22)  # a Tuesday
    text = "The presidents met on Monday and vowed to open the border post day and night, two weeks after a phone call on July 7."
    assert dict(found(text, told)) == {"Monday": "2025-07-21", "two weeks": "P2W", "July 7": "2025-07-07"}
    text = "The airlines vowed to restore the flights, which have been halted since June 30."
    assert found(text, told) == [("June 30", "2025-06-30")]
    # Without an anchor the promise still points ahead.
    assert found("The presidents vowed to meet again on July 30.", told) == [("July 30", "2025-07-30")]
    assert found("The presidents vowed to open the post, perhaps on August 5.", told) == [("August 5", "2025-08-05")]


def test_a_unit_before_last_is_two_back() -> None:
    assert found("The rebels attacked the weekend before last.", dt.date(2026, 6, 10)) == [
        ("the weekend before last", "2026-W22-WE")]
    assert found("Prices rose the month before last.", dt.date(2026, 6, 10)) == [("the month before last", "2026-04")]


def test_before_last_and_a_noun_is_no_unit_back() -> None:
    assert found("The week before last election, turnout fell.") == []
    assert found("Turnout fell the month before last year's vote.") == [("last year", "2021")]
