"""Direction of relative dates: tense cues, verb forms and anaphora, on hand-written sentences."""

from __future__ import annotations

import datetime as dt

from timeline_app.core.temporal import find_dates

WED = dt.date(2022, 12, 28)  # a Wednesday
MON = dt.date(2022, 6, 13)  # a Monday


def found(text: str, published: dt.date | None = WED) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in find_dates(text, published)]


class TestFutureInThePast:
    def test_due_or_set_to_takes_the_nearest_reading(self) -> None:
        # A future seen from the past: the expiry may be just ahead or just behind.
        assert found("The offer had been set to expire Jan. 3.") == [("Jan. 3", "2023-01-03")]
        assert found("The talks were due to open on Dec. 20.") == [("Dec. 20", "2022-12-20")]
        assert found("It had been due to expire Friday evening.", MON) == [("Friday evening", "2022-06-10TEV")]

    def test_a_day_or_month_takes_the_closer_reading_either_side(self) -> None:
        # Published Dec. 28: next April is 94 days ahead, last April 271 days back.
        assert found("Iraq was given a deadline of April 1.") == [("April 1", "2023-04-01")]
        assert found("Talks were expected to begin in March.") == [("March", "2023-03")]
        assert found("The talks were due to open in October.") == [("October", "2022-10")]

    def test_plain_past_still_goes_back(self) -> None:
        assert found("The ministers had met on Jan. 3.") == [("Jan. 3", "2022-01-03")]

    def test_past_progressive_plan_takes_the_nearest_weekday(self) -> None:
        # Published on a Monday: Saturday is two days back, Wednesday two days ahead.
        assert found("Exiles were planning to march on Saturday.", MON) == [("Saturday", "2022-06-11")]
        assert found("The envoy was to arrive on Wednesday.", MON) == [("Wednesday", "2022-06-15")]


class TestPlansAndDeadlines:
    def test_a_deadline_set_in_a_past_sentence_is_the_nearer_day(self) -> None:
        # Published on a Saturday: the deadline set was the day before, not six days ahead.
        sat = dt.date(2022, 12, 31)
        text = "The agency had ruled that the boy must go back, and set Friday as the deadline."
        assert found(text, sat) == [("Friday", "2022-12-30")]
        assert found("Officials gave no reason for the Jan. 14 deadline.", dt.date(2023, 1, 5)) == [
            ("Jan. 14", "2023-01-14")
        ]

    def test_a_deadline_after_a_plain_ed_past_is_the_nearer_day(self) -> None:
        # Published on a Thursday: "completed" tells the deadline has passed, two days before.
        thu = dt.date(2022, 12, 29)
        text = "Sony completed its offer, with holders tendering 99% of the shares by the Tuesday deadline."
        assert found(text, thu) == [("Tuesday", "2022-12-27")]
        # With no past tense the deadline lies ahead.
        assert found("Holders must tender their shares by the Tuesday deadline.", thu) == [("Tuesday", "2023-01-03")]

    def test_an_infinitive_in_a_past_sentence_is_the_nearer_period(self) -> None:
        oct26 = dt.date(1989, 10, 26)
        text = "Supply problems made it hard for the firm to meet demand well into the summer."
        assert found(text, oct26) == [("the summer", "1989-SU")]
        assert found("The firm hopes to meet demand into the summer.", oct26) == [("the summer", "1990-SU")]

    def test_a_deadline_or_plan_alone_points_ahead(self) -> None:
        assert found("The deadline is Friday.") == [("Friday", "2022-12-30")]
        assert found("The government planned to pay the claims on Friday.") == [("Friday", "2022-12-30")]

    def test_plans_and_planned_as_noun_or_adjective_date_nothing(self) -> None:
        text = "On Friday, when the envoy set aside vacation plans for the hastily planned trip, the ministry lifted a warning."
        assert found(text, MON) == [("Friday", "2022-06-10")]


class TestParticiplesBeforeNouns:
    def test_an_ed_form_after_an_article_tells_no_tense(self) -> None:
        # "a still unspecified date" is a noun phrase: the "would" of the clause decides.
        oct26 = dt.date(1989, 10, 26)
        text = "The split would be paid on a still unspecified date in January."
        assert found(text, oct26) == [("January", "1990-01")]
        text = "The new parliament would meet in a hastily converted hall in January."
        assert found(text, oct26) == [("January", "1990-01")]

    def test_an_ed_verb_still_points_back(self) -> None:
        assert found("Prices jumped in January.", dt.date(1989, 10, 26)) == [("January", "1989-01")]


class TestPresentTenseSchedules:
    def test_present_tense_verb_points_ahead(self) -> None:
        assert found("The envoy arrives Monday in Cairo.") == [("Monday", "2023-01-02")]
        assert found("The two leaders meet separately Friday with the mediator.") == [("Friday", "2022-12-30")]
        assert found("The trial opens on Tuesday in The Hague.", MON) == [("Tuesday", "2022-06-14")]

    def test_a_past_tense_in_the_sentence_wins(self) -> None:
        assert found("The envoy left Monday.") == [("Monday", "2022-12-26")]
        assert found("Officials did not meet Monday.") == [("Monday", "2022-12-26")]
        assert found("The court opens Monday after it was closed.") == [("Monday", "2022-12-26")]


class TestSpokenYears:
    def test_month_and_season_of_a_spoken_year(self) -> None:
        assert found("In January nineteen ninety-seven a bomb went off.") == [
            ("January nineteen ninety-seven", "1997-01")
        ]
        assert found("Prices fell in the winter of nineteen ninety-four.") == [
            ("the winter of nineteen ninety-four", "1994-WI")
        ]

    def test_a_month_before_a_count_is_no_spoken_year(self) -> None:
        assert found("In March nineteen people died.") == [("March", "2022-03")]


class TestTitlesAreNoDates:
    def test_programme_and_paper_names(self) -> None:
        assert found('Baker said on ABC\'s "This Week With David Brinkley" that talks went well.') == []
        assert found('Baker, speaking on "This Week," said the talks went well.') == []
        assert found("This is VOA Today.") == []

    def test_a_quoted_sentence_starting_with_a_date_keeps_it(self) -> None:
        assert found('"Today, we won," he said.') == [("Today", "2022-12-28")]
        assert found('"This week was hard," he said.') == [("This week", "2022-W52")]


class TestAnaphoricPartsAndSeasons:
    def test_a_modifier_before_that_unit_belongs_to_it(self) -> None:
        text = "The war began on 4 May 2015. By the end of that month, 30 had died."
        end = find_dates(text, WED)[1]
        assert (end.text, end.value, end.mod) == ("the end of that month", "2015-05", "END")
        assert found("The war began on 4 May 2015. Late that year, talks began.")[1] == ("Late that year", "2015")

    def test_that_evening_is_on_the_last_day_mentioned(self) -> None:
        text = "The war began on 4 May 2015. That evening, talks began."
        assert found(text)[1] == ("That evening", "2015-05-04TEV")
        far = "The war began on 4 May 2015.\n\nTalks stalled.\n\nThat night the rebels left."
        assert found(far) == [("4 May 2015", "2015-05-04")]

    def test_seasons_counted_from_the_last_date(self) -> None:
        assert found("The war began in May 2015. The following spring, talks began.")[1] == (
            "The following spring",
            "2016-SP",
        )
        assert found("The war began in May 2015. That summer, talks began.")[1] == ("That summer", "2015-SU")
        assert found("The war began in May 2015. That fall, talks began.")[1] == ("That fall", "2015-FA")

    def test_spring_and_fall_as_verbs_are_no_seasons(self) -> None:
        assert found("The war began in May 2015. Shares that fall below $5 are delisted.") == [("May 2015", "2015-05")]
        assert found("The war began in May 2015. Doubts that spring up are real.") == [("May 2015", "2015-05")]


class TestAnaphoricGranularity:
    def test_that_year_and_the_following_year_are_years(self) -> None:
        text = "The talks opened on March 3, 2021. That year the border closed. The following year it reopened."
        assert found(text)[1:] == [("That year", "2021"), ("The following year", "2022")]

    def test_a_counted_year_keeps_the_day_or_quarter(self) -> None:
        text = "The talks opened on March 3, 2021. A year later they collapsed."
        assert found(text)[1] == ("A year later", "2022-03-03")
        text = "Profit fell in the third quarter of 2021. That year sales rose. A year earlier they fell."
        assert found(text)[1:] == [("That year", "2021"), ("A year earlier", "2020-Q3")]

    def test_that_day_needs_a_day(self) -> None:
        text = "The market fell on Oct. 19, 1987. Traders recalled 1987. Trades made that day lost."
        assert found(text)[-1] == ("that day", "1987-10-19")
        assert found("Prices fell in 1987. Trades made that day lost money.") == [("1987", "1987")]

    def test_that_day_is_no_day_outside_the_month_mentioned(self) -> None:
        # The last day mentioned is in February; "that same day" is a day of last October.
        text = "The site closed Thursday. A doctor was shot last October. His name was crossed out that same day."
        assert found(text, dt.date(1999, 2, 6)) == [("Thursday", "1999-02-04"), ("last October", "1998-10")]

    def test_that_same_day(self) -> None:
        text = "The talks opened on March 3, 2021. That same day the envoys left."
        assert found(text)[1] == ("That same day", "2021-03-03")


class TestTimesOfDay:
    def test_a_time_attaches_to_the_last_day_mentioned(self) -> None:
        text = "The doctor was shot on Oct. 23, 2021. Attacks followed in 1994 and 1997. He died at 10 p.m. at home."
        assert found(text)[-1] == ("10 p.m.", "2021-10-23T22:00")

    def test_a_time_after_a_period_told_in_its_own_sentence_takes_no_old_day(self) -> None:
        text = ("Kyiv applied on Feb. 24, 2022.\n\nThe leaders will return to the aid package early next year; "
                "Hungary blocked it overnight.")
        assert [t for t, _v in found(text)] == ["Feb. 24, 2022", "early next year"]
        # With only a day before it, the same sentence takes that day's night before.
        assert found("Kyiv applied on Feb. 24, 2022. Hungary blocked it overnight.")[-1] == ("overnight", "2022-02-23TNI")

    def test_a_time_with_no_day_mentioned_is_on_the_publication_day(self) -> None:
        text = "The suspect was arrested last year. He will appear before a judge at midday."
        assert found(text)[-1] == ("midday", "2022-12-28T12:00")

    def test_a_time_takes_a_day_from_its_paragraph_or_the_one_before(self) -> None:
        text = "The doctor was shot on Oct. 23, 2021.\n\nThe police came at 10 p.m. to the house."
        assert found(text)[-1] == ("10 p.m.", "2021-10-23T22:00")

    def test_a_time_far_from_any_day_is_left_out(self) -> None:
        # Two paragraphs on, the story has moved on: the day of "6 a.m." is not Oct. 23.
        text = (
            "The doctor was shot on Oct. 23, 2021.\n\nThe inquiry has been slow.\n\n"
            "A jogger saw the car at 6 a.m. near the house."
        )
        assert found(text) == [("Oct. 23, 2021", "2021-10-23")]
        # A day named in the time's own sentence still places it.
        assert found(text.replace("at 6 a.m.", "at 6 a.m. Tuesday"))[-1] == ("6 a.m. Tuesday", "2022-12-27T06:00")

    def test_a_weekday_after_a_time_zone_names_the_day_of_the_time(self) -> None:
        assert found("The blast came at 10:35 a.m. (0735 GMT) Tuesday.") == [
            ("10:35 a.m.", "2022-12-27T10:35"),
            ("Tuesday", "2022-12-27"),
        ]
        assert found("The blast came at 9 a.m. local time on Tuesday.")[0] == ("9 a.m.", "2022-12-27T09:00")
        # A parenthesis that is no aside about the time does not reach a weekday far after it.
        assert found("The blast came at 9 a.m. (the police said the bomb was large) on Tuesday.")[0] == (
            "9 a.m.",
            "2022-12-28T09:00",
        )

    def test_high_noon_is_an_idiom(self) -> None:
        assert found("The film High Noon won praise.") == []


class TestMoreForms:
    def test_that_quarter(self) -> None:
        text = "Profit fell in the second quarter of 2021. Results for that quarter included a charge."
        assert found(text)[1] == ("that quarter", "2021-Q2")

    def test_or_so_ago(self) -> None:
        assert found("Then, a week or so ago, the general chose.") == [("a week or so ago", "2022-W51")]

    def test_latest_fiscal_year(self) -> None:
        assert found("Sales reached $6 billion in the latest fiscal year.") == [("the latest fiscal year", "2021")]

    def test_vague_future(self) -> None:
        assert found("The bonds may be sold at a later date.") == [("a later date", "FUTURE_REF")]
        assert found("Islam will one day be the second religion.") == [("one day", "FUTURE_REF")]
        assert found("The firm will sell the unit as soon as possible.") == [("as soon as possible", "FUTURE_REF")]

    def test_one_day_without_a_modal_is_a_duration(self) -> None:
        mentions = find_dates("The strike lasted one day.", WED)
        assert [(m.text, m.kind) for m in mentions] == [("one day", "DURATION")]


class TestReportingPeriods:
    def test_the_same_period_a_year_back(self) -> None:
        text = "Profit rose in the third quarter of 2022. For the quarter a year ago, it earned $2 million."
        assert found(text)[1] == ("the quarter a year ago", "2021-Q3")
        text = "Profit rose in the third quarter of 2022, up from the corresponding period last year."
        assert found(text)[1] == ("the corresponding period last year", "2021-Q3")
        text = "Sales rose in the second quarter of 2022; sales for last year's quarter were low."
        assert found(text)[1] == ("last year's quarter", "2021-Q2")

    def test_a_forecast_period_is_no_reference_for_a_year_ago(self) -> None:
        # Published in Q4 2022: the third quarter of 2023 has no results yet; the year-ago period
        # is that of the last quarter reported, 2022-Q3, a year back.
        text = "Losses will last through the third quarter of 2023. In the year-ago period, it earned $2 million."
        assert found(text)[-1] == ("the year-ago period", "2021-Q3")
        text = "Profit rose in the third quarter of 2022. In the year-ago period, it earned $2 million."
        assert found(text)[-1] == ("the year-ago period", "2021-Q3")
        text = "Profit rose in the second quarter of 2022. In the year-ago period, it earned $2 million."
        assert found(text)[-1] == ("the year-ago period", "2021-Q2")

    def test_a_period_of_time_is_no_reporting_period(self) -> None:
        assert found("The period of calm ended last year.") == [("last year", "2021")]

    def test_the_year_period(self) -> None:
        text = "Profit rose in the third quarter ended Sept. 30, against a loss in the 2021 period."
        assert found(text)[-1] == ("the 2021 period", "2021-Q3")
        assert found("Sales in the 2021 period fell.") == [("the 2021 period", "2021")]


class TestMarchTheNoun:
    def test_march_of_a_name_is_no_month(self) -> None:
        assert found("She led the March of the Combatant Mothers through Havana.") == []
        assert found("Donations to the March of Dimes rose.") == []

    def test_march_of_a_year_is_the_month(self) -> None:
        assert found("Prices rose in March of 2021 and in March of last year.") == [
            ("March of 2021", "2021-03"),
            ("March of last year", "2021-03"),
        ]


class TestWeekends:
    def test_this_last_and_next_weekend(self) -> None:
        # The rules named the unit but the table could not read "weekend": nothing was found.
        assert found("Talks resume this weekend.") == [("this weekend", "2022-W52-WE")]
        assert found("Talks were held last weekend.") == [("last weekend", "2022-W51-WE")]
        assert found("They meet next weekend.") == [("next weekend", "2023-W01-WE")]


class TestExpectations:
    def test_expects_points_ahead(self) -> None:
        assert found("The company expects to finish the plant in April.") == [("April", "2023-04")]
        assert found("The vote, expected in March, will be close.") == [("March", "2023-03")]

    def test_an_expectation_told_in_the_past_stays_past(self) -> None:
        assert found("The summit, expected in March, was delayed.") == [("March", "2022-03")]

    def test_a_verb_before_a_weekday(self) -> None:
        assert found("The talks open Friday.") == [("Friday", "2022-12-30")]
        assert found("He wrote an open letter on Friday.") == [("Friday", "2022-12-23")]

    def test_a_weekday_with_its_day_and_month_in_brackets(self) -> None:
        # "on Thursday (14/8)": the numbers in brackets are the day, then the month.
        assert found("They met in Canberra on Thursday (22/12).") == [("Thursday (22/12)", "2022-12-22")]
        # A score is no date: the weekday alone is.
        assert found("The bill passed 14/8 on Thursday.") == [("Thursday", "2022-12-22")]
        assert found("On Thursday (14 votes to 8) the bill passed.") == [("Thursday", "2022-12-22")]

    def test_a_noun_before_a_weekday_is_no_verb(self) -> None:
        # "a separate vote on Thursday" was read as "they vote on Thursday": the next Thursday.
        assert found("In a separate vote on Thursday, the resolution failed.") == [("Thursday", "2022-12-22")]
        assert found("In the vote on Thursday, the resolution failed.") == [("Thursday", "2022-12-22")]
        assert found("The parliament will vote on Thursday.") == [("Thursday", "2022-12-29")]
        assert found("Lawmakers vote Thursday on the budget.") == [("Thursday", "2022-12-29")]


class TestDayOfMonth:
    def test_in_the_month_of_the_last_date(self) -> None:
        assert found("They met on Nov. 15 and again on the 20th.") == [("Nov. 15", "2022-11-15"), ("the 20th", "2022-11-20")]

    def test_around_the_publication_date(self) -> None:
        assert found("The vote is on the 15th.") == [("the 15th", "2022-12-15")]
        jan = dt.date(2023, 1, 10)
        assert found("The vote was held on the 30th.", jan) == [("the 30th", "2022-12-30")]
        assert found("The vote will be held on the 5th.", jan) == [("the 5th", "2023-02-05")]

    def test_an_ordinal_before_a_noun_is_no_day(self) -> None:
        assert found("He lives on the 20th floor.") == []
        assert found("It came on the 20th anniversary of the war.") == []


class TestCaches:
    def test_repeated_values_resolve_alike_in_one_document(self) -> None:
        # Resolution is cached per document for values that depend only on the publication date;
        # anaphoric ones ("a year later") still follow the last date mentioned.
        text = "Talks opened on May 4, 2020. A year later they failed. Talks opened on May 4, 2015. A year later they failed."
        assert [v for _, v in found(text)] == ["2020-05-04", "2021-05-04", "2015-05-04", "2016-05-04"]
        assert found("He resigned last week. She resigned last week.") == [
            ("last week", "2022-W51"),
            ("last week", "2022-W51"),
        ]


class TestPartsOfTheDay:
    def test_in_the_morning_is_on_the_last_day(self) -> None:
        text = "Shares fell on Friday, Dec. 23. Dealers placed orders in the morning."
        assert found(text)[1] == ("the morning", "2022-12-23TMO")

    def test_mid_afternoon(self) -> None:
        assert found("By mid-afternoon, the rebels had withdrawn.") == [("mid-afternoon", "2022-12-28TAF")]
        assert found("At mid-afternoon yesterday, shares were up.") == [("mid-afternoon yesterday", "2022-12-27TAF")]

    def test_later_in_the_day(self) -> None:
        text = "The talks opened on March 3, 2021. Later in the day the envoys left."
        assert found(text)[1] == ("the day", "2021-03-03")

    def test_a_morning_paper_is_no_time(self) -> None:
        assert found("He read it in the morning paper.") == []


class TestWeekOf:
    def test_the_week_of_a_day(self) -> None:
        # 6 March 2023 is a Monday, in ISO week 10; the hearing is ahead.
        assert found("The case will be heard the week of March 6.") == [("the week of March 6", "2023-W10")]
        assert found("The case was heard in the week of March 6, 2021.") == [
            ("the week of March 6, 2021", "2021-W09")
        ]


class TestJustGone:
    def test_a_deadline_a_day_gone_is_not_a_year_ahead(self) -> None:
        jan15 = dt.date(2000, 1, 15)
        assert found("The INS ordered the boy returned by Jan. 14.", jan15) == [("Jan. 14", "2000-01-14")]

    def test_a_deadline_further_back_is_ahead(self) -> None:
        jan15 = dt.date(2000, 1, 15)
        assert found("The boy must be returned by Jan. 5.", jan15) == [("Jan. 5", "2001-01-05")]
        assert found("The boy must be returned by Feb. 5.", jan15) == [("Feb. 5", "2000-02-05")]


class TestEaster:
    def test_easter_and_the_days_around_it(self) -> None:
        may = dt.date(2019, 5, 2)
        assert found("The pope spoke on Easter Sunday.", may) == [("Easter Sunday", "2019-04-21")]
        assert found("Shops were shut on Good Friday.", may) == [("Good Friday", "2019-04-19")]
        assert found("Bombs went off at Easter in 2019.", may)[0] == ("Easter", "2019-04-21")

    def test_easter_week_under_way(self) -> None:
        monday = dt.date(2000, 4, 17)
        assert found("Protesters prayed as Easter week began.", monday) == [("Easter week", "2000-W16")]

    def test_easter_island_and_eggs_are_no_dates(self) -> None:
        assert found("He visited Easter Island and bought Easter eggs.") == []


class TestComparisons:
    def test_unit_to_unit_is_no_period(self) -> None:
        assert found("The quarter-to-quarter comparison was helped by charges.") == []
        assert found("Sales rose 5% year-over-year and day-to-day work went on.") == []

    def test_the_quarter_alone_still_is(self) -> None:
        text = "Profit fell in the third quarter of 2022. The quarter was hard."
        assert found(text)[1] == ("The quarter", "2022-Q3")


class TestNthDayOf:
    def test_nth_day_of_an_event_is_the_day_of_telling(self) -> None:
        assert found("It's the second day of an offensive by the army.") == [("the second day", "2022-12-28")]
        assert found("Today is the eighth day of the strike.") == [("Today", "2022-12-28"), ("the eighth day", "2022-12-28")]

    def test_a_first_day_in_office_is_no_date(self) -> None:
        assert found("He would act on his first day in office.") == []


class TestModifiedDays:
    def test_the_modifier_belongs_to_the_day(self) -> None:
        assert found("Rebels attacked late Tuesday.") == [("late Tuesday", "2022-12-27")]
        assert found("Officials were not available late yesterday.") == [("late yesterday", "2022-12-27")]
        assert found("He will return later Friday.") == [("later Friday", "2022-12-30")]
        late = find_dates("Rebels attacked late Tuesday.", WED)[0]
        assert late.mod == "END"

    def test_a_late_leader_is_no_date(self) -> None:
        assert found("The late president was buried.") == []


class TestThePastWeek:
    def test_the_past_week_is_the_week_holding_most_of_the_last_seven_days(self) -> None:
        friday, monday = dt.date(2022, 12, 30), dt.date(2022, 12, 26)
        assert found("He has been in Bethesda for the last week.", friday) == [("the last week", "2022-W52")]
        assert found("He has been in Bethesda for the past week.", monday) == [("the past week", "2022-W51")]
        # Wednesday: four of the seven days lie in the week before.
        assert found("Prices have risen over the past week.") == [("the past week", "2022-W51")]

    def test_last_week_without_the_is_the_calendar_week_before(self) -> None:
        assert found("Prices rose last week.", dt.date(2022, 12, 30)) == [("last week", "2022-W51")]

    def test_the_last_week_of_something_is_not_the_past_week(self) -> None:
        assert found("Talks resumed in the last week of June 2021.") == [("the last week of June 2021", "2021-W25")]
        assert found("It was the last week before the vote.") == []
        assert found("It was the last year of his term.") == []


class TestPresent:
    def test_this_moment(self) -> None:
        assert found("The king would not travel at this crucial moment.") == [("this crucial moment", "PRESENT_REF")]
        assert found("It is a moment of truth.") == []


class TestWhatWasSaid:
    FRI = dt.date(2024, 5, 10)  # a Friday

    def test_a_future_in_what_an_announcement_said_does_not_move_its_day(self) -> None:
        # Issue #16: the announcement was made on Monday; "will lead" is what it said.
        assert found("We welcome the announcement by Ghana on Tuesday that it will send troops.", self.FRI) == [
            ("Tuesday", "2024-05-07")]
        assert found("Officials cited a pledge on Wednesday that aid would follow.", self.FRI) == [
            ("Wednesday", "2024-05-08")]

    def test_a_relative_that_after_another_noun_keeps_its_future(self) -> None:
        assert found("The vote on Tuesday that will decide the budget is close.", self.FRI) == [
            ("Tuesday", "2024-05-14")]
        assert found("Ghana will send troops on Tuesday.", self.FRI) == [("Tuesday", "2024-05-14")]


class TestPossibility:
    JUN = dt.date(2025, 6, 12)

    def test_could_or_might_with_a_verb_points_ahead_even_after_a_past_verb(self) -> None:
        assert found("The trio warned that they could trigger sanctions before October.", self.JUN) == [
            ("October", "2025-10")]
        assert found("Officials said the talks might resume in September.", self.JUN) == [("September", "2025-09")]

    def test_what_could_not_or_could_have_been_done_stays_in_the_past(self) -> None:
        assert found("The two sides could not agree in March.", self.JUN) == [("March", "2025-03")]
        assert found("Officials said the deal could have been signed in October.", self.JUN) == [
            ("October", "2024-10")]
        assert found("Nobody could be reached on Wednesday.", self.JUN) == [("Wednesday", "2025-06-11")]


class TestReducedRelativeClause:
    WED = dt.date(2024, 11, 20)  # the weekend before: 16-17 November, week 46

    def test_a_participle_after_a_comma_keeps_its_own_past(self) -> None:
        assert found("The deal, agreed in principle at the weekend, will be signed soon.", self.WED)[0] == (
            "the weekend", "2024-W46-WE")
        assert found("The pact, quietly renewed on Monday, will run until 2030.", self.WED)[0] == (
            "Monday", "2024-11-18")

    def test_the_future_outside_the_aside_still_reaches_its_own_dates(self) -> None:
        assert found("Russia, angered by the sanctions, will retaliate on Monday.", self.WED) == [
            ("Monday", "2024-11-25")]
        assert found("Leaders will meet at the weekend.", self.WED) == [("the weekend", "2024-W47-WE")]


def test_a_pluperfect_before_by_keeps_the_date_in_the_past() -> None:
    assert found("The rebels said they had seized the airport by Tuesday.") == [("Tuesday", "2022-12-27")]


def test_by_with_a_plan_or_an_obligation_looks_ahead() -> None:
    assert found("The rebels must seize the airport by Tuesday.") == [("Tuesday", "2023-01-03")]
    assert found("The rebels seized the port and will hold it by Tuesday.") == [("Tuesday", "2023-01-03")]


class TestIrregularReducedRelative:
    THU = dt.date(2025, 11, 6)

    def test_an_irregular_participle_after_a_comma_keeps_its_own_past(self) -> None:
        assert found("Talks, last held in Muscat in April, are due to resume in Rome on Nov. 15.", self.THU) == [
            ("April", "2025-04"), ("Nov. 15", "2025-11-15")]
        assert found("The cup, won by Ghana in March, will be contested again soon.", self.THU)[0] == (
            "March", "2025-03")

    def test_a_participle_that_is_also_a_present_counts_before_a_preposition(self) -> None:
        assert found("The port, hit by strikes in January, will reopen in April.", self.THU) == [
            ("January", "2025-01"), ("April", "2026-04")]

    def test_the_clause_it_hangs_on_keeps_its_future(self) -> None:
        assert found("The summit, held in Rome, will resume in April.", self.THU) == [("April", "2026-04")]


class TestSinceClause:
    THU = dt.date(2025, 11, 6)

    def test_a_since_clause_with_its_own_verb_keeps_its_past_to_itself(self) -> None:
        assert found("Voters go to the polls on Sunday for the first time since the constitution was rewritten in 2022.",
                     self.THU) == [("Sunday", "2025-11-09"), ("2022", "2022")]
        assert found("The leaders meet on Monday, their first talks since the war began in March.", self.THU) == [
            ("Monday", "2025-11-10"), ("March", "2025-03")]

    def test_since_before_a_date_or_a_noun_alone_opens_no_clause(self) -> None:
        assert found("The leaders have not met since March.", self.THU) == [("March", "2025-03")]
        assert found("Talks were held on Monday for the first time since the war.", self.THU) == [("Monday", "2025-11-03")]
