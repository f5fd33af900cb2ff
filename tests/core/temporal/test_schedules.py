"""Dates of schedules told in the present or set by a verb: itineraries, "is on Sunday", "set ... for", a headline's "to hold talks"."""

from __future__ import annotations

import datetime as dt

from timeline_app.core.temporal import find_dates

WED = dt.date(2025, 6, 4)  # a Wednesday
FEB = dt.date(2026, 2, 2)  # a Monday


def found(text: str, published: dt.date = WED) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in find_dates(text, published)]


class TestItinerary:
    def test_a_trip_told_in_the_present_is_ahead(self) -> None:
        assert found("The envoy flies to Lima on Thursday and returns home on Monday.") == [
            ("Thursday", "2025-06-05"), ("Monday", "2025-06-09")]
        assert found("The bill goes to a vote on Friday.") == [("Friday", "2025-06-06")]
        assert found("The hearing continues on Monday.") == [("Monday", "2025-06-09")]

    def test_the_same_trip_told_in_the_past_is_back(self) -> None:
        assert found("The envoy flew to Lima on Thursday and returned home on Monday.") == [
            ("Thursday", "2025-05-29"), ("Monday", "2025-06-02")]
        assert found("The bill went to a vote on Friday.") == [("Friday", "2025-05-30")]


class TestPluralNoun:
    def test_a_present_verb_after_a_determiner_or_adjective_is_a_noun(self) -> None:
        assert found("Seoul and Tokyo agreed to restart regular visits by their leaders at talks on Monday.") == [
            ("Monday", "2025-06-02")]
        assert found("The envoy resumed his visits on Monday.") == [("Monday", "2025-06-02")]

    def test_the_same_word_after_its_subject_is_a_verb(self) -> None:
        assert found("The prime minister visits Paris on Monday.") == [("Monday", "2025-06-09")]
        assert found("The two sides agreed to meet on Monday.") == [("Monday", "2025-06-09")]


class TestPresentBe:
    def test_an_event_that_is_on_a_day_is_ahead(self) -> None:
        assert found("The referendum is on Sunday.") == [("Sunday", "2025-06-08")]
        assert found("The talks are on June 20.") == [("June 20", "2025-06-20")]

    def test_a_traveller_who_is_in_a_named_place_on_a_day_is_there_ahead(self) -> None:
        assert found("The envoy is in Nairobi on Friday and lands in Kigali on Sunday.") == [
            ("Friday", "2025-06-06"), ("Sunday", "2025-06-08")]

    def test_a_traveller_who_was_there_is_back(self) -> None:
        assert found("The envoy was in Nairobi on Friday and landed in Kigali on Sunday.") == [
            ("Friday", "2025-05-30"), ("Sunday", "2025-06-01")]

    def test_a_past_be_or_a_possessive_day_is_not(self) -> None:
        assert found("The referendum was on Sunday.") == [("Sunday", "2025-06-01")]
        assert found("The focus is on Sunday's result.") == [("Sunday", "2025-06-01")]


class TestSetFor:
    def test_a_date_an_event_was_set_for_is_the_nearer_reading(self) -> None:
        # Feb. 20 is 100 days ahead of Nov. 12 and 265 back: the nearer is ahead.
        assert found("The judge set sentencing for Feb. 20.", dt.date(2025, 11, 12)) == [
            ("Feb. 20", "2026-02-20")]
        assert found("The court set the hearing for May 30.") == [("May 30", "2025-05-30")]

    def test_the_setting_does_not_reach_a_past_told_before_it(self) -> None:
        assert found("The president dissolved parliament on Friday and called a snap election for March 29.",
                     FEB) == [("Friday", "2026-01-30"), ("March 29", "2026-03-29")]

    def test_a_date_that_does_not_follow_for_is_not_set(self) -> None:
        # "set up a panel for the inquiry": nothing is set for Monday.
        assert found("The minister set up a panel for the inquiry on Monday.") == [("Monday", "2025-06-02")]


class TestConjunct:
    def test_a_clause_after_and_with_its_own_present_is_ahead(self) -> None:
        assert found("The bill had its second reading on Tuesday and goes to committee after Easter.",
                     dt.date(2026, 3, 25)) == [("Tuesday", "2026-03-24"), ("Easter", "2026-04-05")]
        assert found("The envoy had met him on Tuesday and meets him again on Friday.") == [
            ("Tuesday", "2025-06-03"), ("Friday", "2025-06-06")]

    def test_a_clause_after_and_without_a_cue_of_its_own_keeps_the_past(self) -> None:
        assert found("The envoy met him on Tuesday and again on Friday.") == [
            ("Tuesday", "2025-06-03"), ("Friday", "2025-05-30")]
        assert found("The talks had stalled and resumed on Monday.") == [("Monday", "2025-06-02")]


class TestCalendarDays:
    def test_a_visitors_day_and_an_anniversary_told_in_the_present_are_ahead(self) -> None:
        assert found("The delegation spends Tuesday in Riyadh.") == [("Tuesday", "2025-06-10")]
        assert found("On Thursday the minister chairs a meeting of the cabinet.") == [("Thursday", "2025-06-05")]
        assert found("The anniversary of the armistice falls on Sunday.") == [("Sunday", "2025-06-08")]
        assert found("Friday is the anniversary of the massacre.") == [("Friday", "2025-06-06")]

    def test_the_same_told_in_the_past_are_back(self) -> None:
        assert found("The minister chaired a meeting of the cabinet on Thursday.") == [("Thursday", "2025-05-29")]
        assert found("Friday was the anniversary of the massacre.") == [("Friday", "2025-05-30")]



class TestHeadlineInfinitive:
    def test_an_infinitive_of_holding_signing_hosting_is_ahead(self) -> None:
        assert found("Serbia to hold snap elections on Sunday") == [("Sunday", "2025-06-08")]
        assert found("Kenya, Somalia to sign border deal on Friday") == [("Friday", "2025-06-06")]
        assert found("Egypt to host Gaza donors conference on Monday") == [("Monday", "2025-06-09")]

    def test_holding_a_place_is_no_event_ahead(self) -> None:
        assert found("Troops managed to hold the bridge on Saturday.") == [("Saturday", "2025-05-31")]
        assert found("Rebels vowed to hold the town they seized on Sunday.") == [("Sunday", "2025-06-01")]


class TestScheduleHeading:
    WED = dt.date(2026, 7, 1)

    def test_the_days_listed_after_a_schedules_heading_are_ahead(self) -> None:
        assert found("Itinerary: Monday, Ankara; Tuesday, Baghdad.", self.WED) == [
            ("Monday", "2026-07-06"), ("Tuesday", "2026-07-07")]

    def test_a_schedule_named_in_a_sentence_is_no_heading(self) -> None:
        assert found("The agenda of the talks on Monday was published.", self.WED) == [("Monday", "2026-06-29")]
        assert found("The programme for Monday was cancelled.", self.WED) == [("Monday", "2026-06-29")]
