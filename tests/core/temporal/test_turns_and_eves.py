"""find_dates on the turn of a century, the new year after a holiday or as a subject, a winter under way, a following weekday, the eve of a day's event."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline_app.core.temporal import find_dates

WED = dt.date(2022, 12, 28)  # a Wednesday


def found(text: str, published: dt.date | None = WED) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in find_dates(text, published)]


class TestTurnOfTheCentury:
    @pytest.mark.parametrize(
        ("sentence", "published", "expected"),
        [
            ("The railway reached the valley around the turn of the century.", dt.date(2026, 5, 1), "2000"),
            # Told before it: the turn ahead is the nearest.
            ("Few expect peace by the turn of the century.", dt.date(1997, 3, 1), "2000"),
            # Told early in a century: the one just gone.
            ("The railway reached the valley around the turn of the century.", dt.date(1911, 5, 2), "1900"),
        ],
    )
    def test_the_writers_nearest_turn(self, sentence: str, published: dt.date, expected: str) -> None:
        assert found(sentence, published) == [("the turn of the century", expected)]

    def test_the_millennium_turns_on_thousands(self) -> None:
        assert found("Mobile phones were rare at the turn of the millennium.", dt.date(2025, 2, 3)) == [
            ("the turn of the millennium", "2000")]

    def test_a_named_century_or_another_turn_is_not_the_writers(self) -> None:
        assert found("Painters flocked to Paris at the turn of the 19th century.") == [("the 19th century", "18XX")]
        assert found("The turn of the tide came when the army ran out of fuel.") == []


class TestNewYearAfterAHoliday:
    def test_the_new_year_ending_a_stretch_from_a_holiday(self) -> None:
        assert found("Flights are fully booked from Christmas to the new year.", dt.date(2023, 12, 10)) == [
            ("Christmas", "2023-12-25"), ("the new year", "2024")]
        assert found("Courts were shut between Christmas and the new year.", dt.date(2024, 1, 15)) == [
            ("Christmas", "2023-12-25"), ("the new year", "2024")]

    def test_christmas_of_the_stretch_is_the_week_before_that_new_year(self) -> None:
        # Told on Dec. 29 in the future: the Christmas just gone, as the stretch is under way.
        assert found("Ministries will stay shut between Christmas and the new year.", dt.date(2025, 12, 29)) == [
            ("Christmas", "2025-12-25"), ("the new year", "2026")]
        assert found("Courts were shut from Christmas Eve until the new year.", dt.date(2024, 1, 15)) == [
            ("Christmas Eve", "2023-12-24"), ("the new year", "2024")]

    def test_christmas_alone_keeps_its_tense(self) -> None:
        assert found("Shops will open on Christmas Day.", dt.date(2025, 12, 29)) == [("Christmas Day", "2026-12-25")]

    def test_the_holidays_noun_is_no_year(self) -> None:
        assert found("Staff worked through Christmas and the new year holidays.", dt.date(2024, 1, 15)) == [
            ("Christmas", "2023-12-25")]


class TestNewYearAsSubject:
    def test_the_year_a_verb_of_beginning_opens(self) -> None:
        assert found("The new year got off to a violent start in the capital.", dt.date(2026, 1, 5)) == [
            ("The new year", "2026")]
        # Told in December of the year to come: the next one.
        assert found("Analysts warn the new year will bring more defaults.", dt.date(2026, 12, 7)) == [
            ("the new year", "2027")]
        assert found("Bankers want the new year to start with a rate cut.", dt.date(2025, 11, 20)) == [
            ("the new year", "2026")]

    def test_not_the_holiday_nor_a_new_year(self) -> None:
        assert found("The new year holiday began with fireworks.", dt.date(2027, 1, 3)) == []
        assert found("A new year began.", dt.date(2026, 1, 5)) == []
        assert found("The new year's budget brought cuts.", dt.date(2026, 1, 5)) == []


class TestWinterUnderWay:
    def test_this_winter_told_in_january_is_the_one_begun_in_december(self) -> None:
        assert found("Heavy snow closed the passes this winter.", dt.date(2027, 1, 6)) == [("this winter", "2026-WI")]
        assert found("Gas stocks are low this winter.", dt.date(2026, 2, 20)) == [("this winter", "2025-WI")]

    def test_this_winter_told_from_december_on_or_before_it_is_the_years_own(self) -> None:
        assert found("Gas stocks are low this winter.", dt.date(2026, 12, 7)) == [("this winter", "2026-WI")]
        assert found("Gas will be scarce this winter.", dt.date(2026, 10, 10)) == [("this winter", "2026-WI")]
        assert found("The ministers met this summer in Sochi.", dt.date(2027, 1, 6)) == [("this summer", "2027-SU")]


class TestFollowingWeekday:
    def test_the_weekday_after_the_day_told_before(self) -> None:
        text = "Rebels took the town on April 3. The following Sunday, the army retook it."
        assert found(text, dt.date(2024, 5, 20)) == [("April 3", "2024-04-03"), ("The following Sunday", "2024-04-07")]

    def test_following_without_the_is_not_anaphora(self) -> None:
        assert found("Following Sunday's vote, the coalition collapsed.") == [("Sunday", "2022-12-25")]

    def test_a_season_following_a_year_is_after_the_whole_year(self) -> None:
        assert found("The rebellion began in 2015 and lasted until the following spring.") == [
            ("2015", "2015"), ("the following spring", "2016-SP")]

    def test_a_season_following_a_month_counts_from_the_month(self) -> None:
        assert found("The rebellion began in February 2015 and lasted until the following spring.") == [
            ("February 2015", "2015-02"), ("the following spring", "2015-SP")]


class TestEveAndRunUp:
    def test_the_eve_of_a_days_event_takes_the_sentences_future(self) -> None:
        assert found("On the eve of Thursday's summit, the ministers will dine together.") == [("Thursday", "2022-12-29")]

    def test_the_eve_of_a_days_event_takes_the_sentences_past(self) -> None:
        # Told on a Thursday: a coming Sunday's eve has not come yet.
        assert found("Police cleared the square on the eve of Sunday's march.", dt.date(2023, 1, 5)) == [
            ("Sunday", "2023-01-01")]

    def test_without_the_eve_a_possessive_day_keeps_its_past(self) -> None:
        assert found("Thursday's summit changed little, and the ministers will meet again.") == [("Thursday", "2022-12-22")]

    def test_the_run_up_without_in_looks_ahead(self) -> None:
        assert found("The run-up to Sunday's referendum is tense.") == [("Sunday", "2023-01-01")]

    def test_a_run_up_not_before_the_day_is_no_cue(self) -> None:
        assert found("The run-up cost millions, Sunday's count showed.") == [("Sunday", "2022-12-25")]

    def test_a_present_perfect_tells_the_stretch_before_the_event(self) -> None:
        assert found("The run-up to Sunday's referendum has been tense.") == [("Sunday", "2023-01-01")]
        assert found("Ahead of Sunday's vote, the party has raised pensions.") == [("Sunday", "2023-01-01")]

    def test_a_past_perfect_still_leaves_either_side(self) -> None:
        # Told on a Wednesday: last Sunday is nearer than the next.
        assert found("The run-up to Sunday's referendum had been tense.") == [("Sunday", "2022-12-25")]
