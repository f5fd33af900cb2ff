"""Which reading a date takes: possessive days in a future, promises, time zones, names with date words."""

from __future__ import annotations

import datetime as dt

from timeline_app.core.temporal import find_dates

WED = dt.date(2025, 6, 4)  # a Wednesday
MON = dt.date(2025, 2, 10)  # a Monday


def found(text: str, published: dt.date | None = WED) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in find_dates(text, published)]


class TestPossessiveDay:
    def test_a_future_said_of_the_days_event_is_ahead(self) -> None:
        assert found("Saturday's runoff will decide who governs.") == [("Saturday", "2025-06-07")]
        assert found("Friday's hearing is expected to last hours.") == [("Friday", "2025-06-06")]

    def test_without_a_future_or_beside_a_past_the_day_is_behind(self) -> None:
        assert found("Saturday's runoff decided who governs.") == [("Saturday", "2025-05-31")]
        assert found("Saturday's blast killed nine and will cost millions.") == [("Saturday", "2025-05-31")]
        # "would" is a future told from the past: the vote may well be over.
        assert found("Aides said Friday's hearing would be short.") == [("Friday", "2025-05-30")]

    def test_a_day_whose_noun_nobody_schedules_is_behind_whatever_follows(self) -> None:
        assert found("Sunday's floods will cost the region millions.") == [("Sunday", "2025-06-01")]
        assert found("Saturday's deadly quake will cost billions.") == [("Saturday", "2025-05-31")]
        # A scheduled event stays ahead, even when a happening's word is part of its name.
        assert found("Sunday's flood-relief vote will decide the budget.") == [("Sunday", "2025-06-08")]
        assert found("Saturday's vote on fire safety will decide the rules.") == [("Saturday", "2025-06-07")]

    def test_weather_with_its_forecast_may_be_ahead(self) -> None:
        assert found("Thursday's storm is forecast to bring heavy rain.") == [("Thursday", "2025-06-05")]
        assert found("Friday's hurricane will make landfall near Miami.") == [("Friday", "2025-06-06")]

    def test_weather_without_a_forecast_or_another_happening_with_one_is_behind(self) -> None:
        assert found("Saturday's storm will cost billions.") == [("Saturday", "2025-05-31")]
        assert found("Tuesday's blast is expected to raise security.") == [("Tuesday", "2025-06-03")]

    def test_will_be_says_as_much_of_an_event_done_the_nearer_day(self) -> None:
        # Published on a Wednesday: Monday two days back, Friday two days ahead.
        assert found("Monday's shooting will be investigated.") == [("Monday", "2025-06-02")]
        assert found("Friday's hearing will be short.") == [("Friday", "2025-06-06")]
        # An active verb keeps the day ahead, however far back the other reading is.
        assert found("Monday's hearing will decide the case.") == [("Monday", "2025-06-09")]


class TestPromises:
    def test_a_date_after_what_is_promised_is_ahead(self) -> None:
        assert found("The junta promised to hold a referendum in October.", MON) == [("October", "2025-10")]
        assert found("Rebels vowed to free the hostages in March.", dt.date(2025, 6, 4)) == [("March", "2026-03")]

    def test_a_date_of_the_promise_itself_stays_behind(self) -> None:
        assert found("The junta promised in October to hold a referendum.", MON) == [("October", "2024-10")]
        assert found("In January, the junta promised to hold a referendum.", MON) == [("January", "2025-01")]
        # With a noun the date may be the promise's own: no cue, the past of news.
        assert found("He promised reforms in a speech on Monday.") == [("Monday", "2025-06-02")]

    def test_a_date_after_a_promised_event_noun_is_ahead(self) -> None:
        assert found("The general promised elections in September.", MON) == [("September", "2025-09")]
        assert found("The junta pledged a return to civilian rule in March.") == [("March", "2026-03")]
        assert found("Crowds welcomed the promise of a referendum in May.") == [("May", "2026-05")]

    def test_the_promised_events_complement_may_stand_before_the_date(self) -> None:
        assert found("The rebels pledged a withdrawal of their forces in December.") == [("December", "2025-12")]
        assert found("The rebels pledged a withdrawal of their forces in a speech on Monday.") == [
            ("Monday", "2025-06-02")]

    def test_a_promise_of_another_noun_or_a_date_of_the_speech_stays_behind(self) -> None:
        assert found("Donors pledged aid in March.") == [("March", "2025-03")]
        assert found("He promised elections in his speech on Monday.") == [("Monday", "2025-06-02")]

    def test_forecast_to_points_ahead(self) -> None:
        assert found("Exports are forecast to recover in April.") == [("April", "2026-04")]
        assert found("Exports recovered in April.") == [("April", "2025-04")]


class TestTimeZones:
    def test_a_named_zone_keeps_the_days_time(self) -> None:
        assert found("Trading halted at 2 p.m. London time on Monday.") == [
            ("2 p.m.", "2025-06-02T14:00"), ("Monday", "2025-06-02")]

    def test_a_lower_case_phrase_is_no_zone(self) -> None:
        # "in good time" is no zone: the time keeps the story's day, not Monday's.
        assert found("Trading halted at 2 p.m. in good time on Monday.")[0] == ("2 p.m.", "2025-06-04T14:00")


class TestNamesWithDateWords:
    def test_the_same_words_outside_a_name_are_dates(self) -> None:
        assert found("Rioters smashed windows in 2000.") == [("2000", "2000")]
        assert found("Black-clad protesters marched on Sunday.") == [("Sunday", "2025-06-01")]
        assert found("Bloody clashes broke out in September.") == [("September", "2024-09")]


def marked(text: str, published: dt.date = WED) -> list[tuple[str, str, str]]:
    return [(m.text, m.value, m.mod) for m in find_dates(text, published)]


class TestUncertainWithoutTense:
    def test_a_day_without_a_cue_whose_other_reading_is_nearer_is_uncertain(self) -> None:
        # Published on a Wednesday: last Thursday is 6 days back, the next one tomorrow.
        assert marked("Ankara and Athens at the table on Thursday.") == [("Thursday", "2025-05-29", "APPROX")]
        # In June: last September is 9 months back, the next one 3 months ahead.
        assert marked("The September poll is a test for the coalition.") == [("September", "2024-09", "APPROX")]

    def test_a_tense_cue_or_a_nearer_default_is_certain(self) -> None:
        assert marked("Ankara and Athens will sit at the table on Thursday.") == [("Thursday", "2025-06-05", "")]
        assert marked("Ankara and Athens sat at the table on Thursday.") == [("Thursday", "2025-05-29", "")]
        # Monday is two days back, the next one five days ahead: the default is the nearer one.
        assert marked("Ankara and Athens at the table on Monday.") == [("Monday", "2025-06-02", "")]
        assert marked("The March poll is a test for the coalition.") == [("March", "2025-03", "")]
        # A day or month less than two months ahead is placed ahead, the nearer reading.
        assert marked("The July poll is a test for the coalition.") == [("July", "2025-07", "")]


class TestQuarterToldInAFuture:
    MARCH = dt.date(2025, 3, 11)  # 70 days after the fourth quarter ended
    JANUARY = dt.date(2025, 1, 20)  # 20 days after

    def test_the_time_something_will_happen_in_is_the_coming_quarter(self) -> None:
        assert found("Exports will recover in the fourth quarter.", self.MARCH) == [("the fourth quarter", "2025-Q4")]

    def test_results_or_the_reporting_weeks_keep_the_quarter_just_ended(self) -> None:
        assert found("Fourth-quarter earnings will be lower.", self.MARCH) == [("Fourth-quarter", "2024-Q4")]
        assert found("The bank will post a loss in the fourth quarter.", self.JANUARY) == [
            ("the fourth quarter", "2024-Q4")]


class TestFutureToldFromAPastMonth:
    def test_a_month_promised_in_an_earlier_month_is_the_first_after_it(self) -> None:
        text = "In October, the council pledged to hold elections in January."
        assert found(text, dt.date(2025, 3, 5)) == [("October", "2024-10"), ("January", "2025-01")]

    def test_without_a_date_of_saying_the_month_is_ahead_of_publication(self) -> None:
        text = "The council pledged to hold elections in January."
        assert found(text, dt.date(2025, 3, 5)) == [("January", "2026-01")]


class TestUncertainFutureInThePast:
    def test_two_readings_about_as_near_are_uncertain(self) -> None:
        # Published on a Wednesday: last Saturday is 4 days back, the next one 3 days ahead.
        assert marked("The rally had been due to start on Saturday.") == [("Saturday", "2025-06-07", "APPROX")]

    def test_a_much_nearer_reading_is_certain(self) -> None:
        # Tomorrow against six days back.
        assert marked("The rally had been due to start on Thursday.") == [("Thursday", "2025-06-05", "")]
        # Last Monday is 2 days back, the next one 5 days ahead.
        assert marked("The rally had been due to start on Monday.") == [("Monday", "2025-06-02", "")]


class TestSinceTheDayItIsToldOn:
    def test_since_the_day_of_publication_is_that_day_a_year_back(self) -> None:
        oct7 = dt.date(2024, 10, 7)
        assert found("Israel marked one year since the October 7 attacks.", oct7)[-1] == ("October 7", "2023-10-07")
        assert found("Prices have doubled since March 3.", dt.date(2024, 3, 3)) == [("March 3", "2023-03-03")]

    def test_since_a_month_or_day_still_ahead_this_year_is_last_years(self) -> None:
        dec20 = dt.date(2025, 12, 20)
        assert found("Prices have risen since January.", dec20) == [("January", "2025-01")]
        assert found("Calm has held since the Jan. 5 ceasefire.", dec20) == [("Jan. 5", "2025-01-05")]
        assert found("Prices have risen since January.", dt.date(2025, 1, 20)) == [("January", "2025-01")]

    def test_from_a_month_ahead_is_still_ahead(self) -> None:
        dec20 = dt.date(2025, 12, 20)
        assert found("The new tariffs will apply from January.", dec20) == [("January", "2026-01")]

    def test_a_count_of_years_since_a_day_moves_it_back_by_the_count(self) -> None:
        sep17 = dt.date(2025, 9, 17)
        assert found("It has been two years since the Sept. 17 ceasefire.", sep17) == [
            ("two years", "P2Y"), ("Sept. 17", "2023-09-17")]
        assert found("It has been two years since the Jan. 5 ceasefire.", dt.date(2025, 12, 20))[-1] == (
            "Jan. 5", "2024-01-05")

    def test_a_count_told_in_another_sentence_moves_nothing(self) -> None:
        assert found("Two years passed. Since the Sept. 10 ceasefire, calm held.", dt.date(2025, 9, 17))[-1] == (
            "Sept. 10", "2025-09-10")

    def test_since_another_day_or_on_the_day_without_since_is_this_year(self) -> None:
        assert found("Prices have doubled since March 3.", dt.date(2024, 3, 10)) == [("March 3", "2024-03-03")]
        assert found("The talks resume on March 3.", dt.date(2024, 3, 3)) == [("March 3", "2024-03-03")]


class TestNamesThatHoldADateWord:
    def test_may_as_a_name_is_no_month(self) -> None:
        assert found("Theresa May said the talks would go on.") == []
        assert found("May Lee, a senior analyst, said the risks were rising.") == []

    def test_may_after_a_preposition_or_before_a_day_is_the_month(self) -> None:
        assert found("Early May brought heavy rain.") == [("Early May", "2025-05")]
        assert found("In May Putin said the talks would go on.") == [("May", "2025-05")]
        assert found("The talks opened on Monday May 5 in Geneva.")[-1][1] == "2025-05-05"

    def test_a_programme_named_for_its_target_year_is_no_date(self) -> None:
        assert found("Saudi Arabia's Vision 2030 plan aims to diversify the economy.") == []
        assert found("Their vision for 2030 is a greener economy.") == [("2030", "2030")]

    def test_may_day_is_the_first_of_may_but_a_may_day_is_the_month(self) -> None:
        assert found("Unions marched on May Day.") == [("May Day", "2025-05-01")]
        assert found("It was a warm May day.") == [("May", "2025-05")]


def test_the_rest_of_a_period_is_that_period() -> None:
    assert found("Rates will stay on hold for the rest of the year.") == [("the rest of the year", "2025")]
    assert found("He stayed in exile for the rest of his life.") == []


class TestTheDayOfSaying:
    def test_a_day_before_a_past_verb_of_saying_is_the_day_it_was_said(self) -> None:
        # Published on a Wednesday: the Thursday a day ahead is no reading of a day of saying.
        [m] = find_dates("The minister, speaking on Thursday, said talks would go on.", WED)
        assert (m.value, m.mod) == ("2025-05-29", "")

    def test_a_day_before_an_attribution_that_ends_the_sentence_keeps_its_doubt(self) -> None:
        [m] = find_dates("The vote on Friday is a test for the coalition, analysts said.", WED)
        assert (m.value, m.mod) == ("2025-05-30", "APPROX")

    def test_a_day_before_a_present_or_future_verb_of_saying_keeps_its_doubt(self) -> None:
        [m] = find_dates("The minister, speaking on Thursday, will announce the plan.", WED)
        assert m.value == "2025-06-05"
        [m] = find_dates("Ankara and Athens at the table on Thursday, the paper says.", WED)
        assert m.mod == "APPROX"


class TestAPastInTheNextClause:
    def test_a_past_after_but_does_not_reach_a_plan_told_before_the_date(self) -> None:
        thu = dt.date(2026, 2, 5)  # Monday back is 3 days, Monday ahead 4: a coin toss, marked
        [m] = find_dates("Ministers were expected to approve the plan on Monday, but the vote was delayed.", thu)
        assert (m.value, m.mod) == ("2026-02-02", "APPROX")

    def test_a_past_in_the_dates_own_clause_still_reaches_it(self) -> None:
        thu = dt.date(2026, 2, 5)
        [m] = find_dates("Ministers were expected to approve the plan but delayed the vote on Monday.", thu)
        assert (m.value, m.mod) == ("2026-02-02", "")


class TestAheadOf:
    def test_a_date_right_after_ahead_of_is_ahead_or_the_nearer_in_a_past_sentence(self) -> None:
        feb28 = dt.date(2024, 2, 28)
        assert found("Candidates campaigned ahead of Super Tuesday.", feb28) == [("Super Tuesday", "2024-03-05")]
        assert found("Shoppers will crowd the malls ahead of Christmas.", dt.date(2024, 12, 10)) == [
            ("Christmas", "2024-12-25")]

    def test_a_date_not_after_ahead_of_keeps_the_sentences_past(self) -> None:
        feb28 = dt.date(2024, 2, 28)
        assert found("Candidates campaigned on Super Tuesday.", feb28) == [("Super Tuesday", "2023-03-07")]
        assert found("Prices rose at Christmas.", dt.date(2024, 12, 10)) == [("Christmas", "2023-12-25")]


class TestOneReadingIsNoGuess:
    def test_a_day_just_gone_that_both_readings_give_is_not_marked(self) -> None:
        [m] = find_dates("Prices rose ahead of Christmas.", dt.date(2024, 12, 28))
        assert (m.value, m.mod) == ("2024-12-25", "")

    def test_two_different_readings_about_as_near_are_still_marked(self) -> None:
        [m] = find_dates("Troops massed ahead of Friday's vote.", dt.date(2024, 12, 10))
        assert (m.value, m.mod) == ("2024-12-13", "APPROX")


class TestNamedDays:
    def test_fixed_and_counted_days_of_the_year(self) -> None:
        assert found("Parades were held on St. Patrick's Day.", dt.date(2025, 3, 20)) == [
            ("St. Patrick's Day", "2025-03-17")]
        assert found("Markets are closed for Presidents Day.", dt.date(2025, 2, 14)) == [("Presidents Day", "2025-02-17")]

    def test_the_words_of_a_named_day_elsewhere_are_no_date(self) -> None:
        assert found("The Veterans Affairs department reopened.") == []
        assert found("Crowds filled Saint Patrick's Cathedral.") == []


class TestPlansOfAPluralSubject:
    def test_hope_or_aim_to_with_a_plural_subject_points_ahead(self) -> None:
        wed = dt.date(2026, 3, 4)
        assert found("Negotiators hope to finalise the text before the summit in June.", wed) == [("June", "2026-06")]
        assert found("The two sides aim to sign a deal in May.", wed) == [("May", "2026-05")]

    def test_a_past_nearer_to_the_date_than_the_hope_keeps_it_behind(self) -> None:
        assert found("They hope to God it ended in June.", dt.date(2026, 3, 4)) == [("June", "2025-06")]


class TestDayInNumbersEitherWay:
    """"3/4/2025" is March 4 in an American text and 3 April in a British one; the app knows neither."""

    told = dt.date(2025, 3, 20)

    def read(self, text: str, published: dt.date | None = told) -> list[tuple[str, str, str]]:
        return [(m.text, m.value, m.mod) for m in find_dates(text, published)]

    def test_the_tense_rules_out_a_reading_on_the_wrong_side_of_publication(self) -> None:
        assert self.read("The accord was signed on 3/4/2025 in Geneva.") == [("3/4/2025", "2025-03-04", "")]
        assert self.read("The accord will be signed on 3/4/2025.") == [("3/4/2025", "2025-04-03", "")]

    def test_both_readings_left_are_marked_uncertain(self) -> None:
        # Told on 6 April both days have gone: the nearer is taken, and shown as a guess.
        assert self.read("The figures were published on 3/4/2025.", dt.date(2025, 4, 6)) == [
            ("3/4/2025", "2025-04-03", "APPROX")]
        assert self.read("It was signed on 3/4/2025.", None) == [("3/4/2025", "2025-03-04", "APPROX")]

    def test_a_day_that_reads_one_way_only_is_no_guess(self) -> None:
        assert self.read("It was signed on 13/03/2025.") == [("13/03/2025", "2025-03-13", "")]
        assert self.read("It was signed on 5/5/2024.") == [("5/5/2024", "2024-05-05", "")]
