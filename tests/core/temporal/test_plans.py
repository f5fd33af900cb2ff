"""The date a plan was set for, and the day it was put off to: ahead, or the nearer reading."""

from __future__ import annotations

import datetime as dt

from timeline_app.core.temporal import find_dates

WED = dt.date(2025, 6, 4)  # a Wednesday
FEB = dt.date(2026, 2, 11)  # a Wednesday


def found(text: str, published: dt.date = WED) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in find_dates(text, published)]


class TestPutOff:
    def test_the_weekday_a_put_off_event_was_set_for_is_ahead(self) -> None:
        assert found("The match, planned for Sunday, has been called off.") == [("Sunday", "2025-06-08")]
        assert found("The strike scheduled for Monday was cancelled.") == [("Monday", "2025-06-09")]

    def test_a_plan_told_from_a_past_before_the_past_keeps_the_nearer_day(self) -> None:
        # "had": the putting off is told from a time now gone ("originally" plans stay either side).
        assert found("The match had been scheduled for Sunday but was called off.") == [("Sunday", "2025-06-01")]
        # Without a putting off, a planned weekday in a past sentence is the nearer one.
        assert found("The rally, planned for Monday, went ahead peacefully.") == [("Monday", "2025-06-02")]

    def test_the_day_an_event_is_moved_to_is_ahead(self) -> None:
        assert found("The hearing was pushed back to October.", FEB) == [("October", "2026-10")]
        assert found("The final has been brought forward to Saturday.") == [("Saturday", "2025-06-07")]
        assert found("The board rescheduled Thursday's vote for Monday.") == [
            ("Thursday", "2025-06-05"), ("Monday", "2025-06-09")]

    def test_a_weekday_it_was_moved_from_is_ahead_but_a_month_day_stays_the_nearer(self) -> None:
        assert found("The launch was delayed from Thursday to Saturday.") == [
            ("Thursday", "2025-06-05"), ("Saturday", "2025-06-07")]
        assert found("The court moved the trial from May 28 to June 2.") == [
            ("May 28", "2025-05-28"), ("June 2", "2025-06-02")]

    def test_a_verb_of_moving_that_moves_no_date_leaves_it(self) -> None:
        assert found("Troops moved to the border on Monday.") == [("Monday", "2025-06-02")]
        assert found("The vote on Monday was delayed by a walkout.") == [("Monday", "2025-06-02")]


class TestPlannedFor:
    def test_a_plans_participle_in_a_past_sentence_is_the_nearer_date(self) -> None:
        assert found("The talks, first planned for January, finally opened on Monday.", FEB) == [
            ("January", "2026-01"), ("Monday", "2026-02-09")]

    def test_without_a_past_it_points_forward(self) -> None:
        assert found("The talks, planned for January, will be held in Geneva.", FEB) == [("January", "2027-01")]

    def test_a_first_plan_since_changed_is_the_nearer_date_whatever_the_tense(self) -> None:
        assert found("The talks, first planned for January, will open on Monday.", FEB) == [
            ("January", "2026-01"), ("Monday", "2026-02-16")]
        assert found("The summit, originally scheduled for March, will be held in May instead.", FEB) == [
            ("March", "2026-03"), ("May", "2026-05")]

    def test_expected_on_a_day_that_was_put_off_is_ahead(self) -> None:
        assert found("The ruling, expected on Friday, was postponed until July 2.") == [
            ("Friday", "2025-06-06"), ("July 2", "2025-07-02")]
        # Without a putting off, a day a result was expected on in a past sentence is the nearer.
        assert found("The results, expected on Monday, showed a narrow win.") == [("Monday", "2025-06-02")]

    def test_a_past_participle_of_set_is_no_plan(self) -> None:
        assert found("Shares rose, leaving the index near the record set on March 3.", FEB) == [
            ("March 3", "2025-03-03")]


class TestPeriodStart:
    def test_a_day_of_a_month_a_period_starts_on_is_ahead(self) -> None:
        # July 1 is 205 days back and 160 ahead; the tabling of the budget is past.
        assert found("The budget for the fiscal year beginning July 1 was tabled on Tuesday.", dt.date(2026, 1, 22)) == [
            ("the fiscal year", "2026"), ("July 1", "2026-07-01"), ("Tuesday", "2026-01-20")]
        assert found("The union signed a pay deal effective Sept. 1.") == [("Sept. 1", "2025-09-01")]

    def test_a_weekday_it_starts_on_is_the_nearer_and_a_start_gone_is_back(self) -> None:
        assert found("A curfew starting Friday was announced on Monday.") == [
            ("Friday", "2025-06-06"), ("Monday", "2025-06-02")]
        assert found("The strike, starting Monday, paralysed the ports.") == [("Monday", "2025-06-02")]
        assert found("The pay deal took effect on Sept. 1.") == [("Sept. 1", "2024-09-01")]
