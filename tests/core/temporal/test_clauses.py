"""The date engine on spans looked back over and on tenses that change within one sentence."""

from __future__ import annotations

import datetime as dt

from timeline_app.core.temporal import find_dates

THU = dt.date(2023, 9, 14)  # a Thursday


def found(text: str, published: dt.date = THU) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in find_dates(text, published)]


class TestSpansLookedBackOver:
    def test_in_n_years_after_a_superlative_is_a_duration(self) -> None:
        assert found("It was the worst drought in 40 years.") == [("40 years", "P40Y")]
        assert found("Inflation hit its highest level in four decades.") == [("four decades", "P40Y")]
        assert found("It was the first such attack in the capital in two years.") == [("two years", "P2Y")]

    def test_in_n_years_after_a_negated_perfect_is_a_duration(self) -> None:
        assert found("The army has not fought in two years.") == [("two years", "P2Y")]
        assert found("The army hasn't fought in two years.") == [("two years", "P2Y")]

    def test_in_n_years_ahead_stays_a_date(self) -> None:
        # A verb between the superlative and "in" tells a plan; a perfect without "not" may too.
        assert found("The first election will be held in two years.") == [("two years", "2025")]
        assert found("The highest court will rule in two weeks.") == [("two weeks", "2023-W39")]
        assert found("The group has promised elections in two years.") == [("two years", "2025")]

    def test_a_date_between_a_superlative_and_in_is_kept(self) -> None:
        assert found("The best team will play on Friday in two weeks.")[0] == ("Friday", "2023-09-15")

    def test_names_between_first_and_in_still_make_a_duration(self) -> None:
        assert found("It will be the first visit by a Japanese leader in 12 years.") == [("12 years", "P12Y")]
        assert found("Modi arrived, the first visit by an Indian prime minister in 45 years.") == [("45 years", "P45Y")]
        assert found("It was the last such summit in 12 years.") == [("12 years", "P12Y")]

    def test_a_month_or_weekday_between_first_and_in_is_kept(self) -> None:
        assert found("The first summit on Monday in 12 years opened.")[0] == ("Monday", "2023-09-11")
        assert ("March", "2023-03") in found("The first talks in March in two years were held.")
        # A verb between them still tells a plan, names or not.
        assert found("The first Japanese leader will visit in 12 years.") == [("12 years", "2035")]


class TestTenseAcrossAnd:
    def test_a_future_after_and_does_not_reach_a_date_told_in_the_past(self) -> None:
        assert found("He told reporters he had met the envoy Tuesday and would meet him again Friday.") == [
            ("Tuesday", "2023-09-12"),
            ("Friday", "2023-09-15"),
        ]
        assert found("The ministry said troops had withdrawn on Monday and would return on Saturday.") == [
            ("Monday", "2023-09-11"),
            ("Saturday", "2023-09-16"),
        ]

    def test_a_future_after_comma_and_does_not_reach_back_whatever_the_subject(self) -> None:
        fri = dt.date(2024, 8, 16)
        text = "The two sides signed the treaty on Thursday, and Prabowo will take office in October."
        assert found(text, fri) == [("Thursday", "2024-08-15"), ("October", "2024-10")]
        text = "The treaty was signed on Thursday, and Prabowo will take office in October."
        assert found(text, fri) == [("Thursday", "2024-08-15"), ("October", "2024-10")]

    def test_a_future_before_comma_and_still_reaches_its_date(self) -> None:
        fri = dt.date(2024, 8, 16)
        text = "The two sides will sign the treaty on Thursday, and Prabowo will take office in October."
        assert found(text, fri) == [("Thursday", "2024-08-22"), ("October", "2024-10")]

    def test_and_between_two_dates_still_shares_the_tense(self) -> None:
        assert found("He said talks on Monday and Tuesday will be held in Oslo.") == [
            ("Monday", "2023-09-18"),
            ("Tuesday", "2023-09-19"),
        ]

    def test_a_plan_after_and_still_reaches_back(self) -> None:
        # The past "planned" is weak; "were planning to" after "and" tells the plan (AQUAINT).
        assert found("Exiles planned a rally on Saturday and were planning to march.", dt.date(2000, 1, 7)) == [
            ("Saturday", "2000-01-08")
        ]


class TestUntilInThePast:
    def test_until_in_a_sentence_told_in_the_past_is_past(self) -> None:
        assert found("The bridge did not reopen until March.") == [("March", "2023-03")]
        assert found("The ban was in force until March.") == [("March", "2023-03")]

    def test_until_in_the_future_or_a_deadline_given_is_ahead(self) -> None:
        assert found("The bridge will not reopen until March.") == [("March", "2024-03")]
        assert found("The court gave the government until Friday to respond.") == [("Friday", "2023-09-15")]
        assert found("Officials said the ban remains until March.") == [("March", "2024-03")]


class TestFutureToldFromThePast:
    SAT = dt.date(2023, 9, 16)  # a Saturday

    def test_would_counts_from_the_day_it_was_said(self) -> None:
        # Said on Thursday, published on Saturday: "would resign on Friday" was yesterday.
        assert found("The minister said on Thursday that he would resign on Friday.", self.SAT) == [
            ("Thursday", "2023-09-14"),
            ("Friday", "2023-09-15"),
        ]
        assert found("The minister said on Thursday that he would resign on Monday.", self.SAT) == [
            ("Thursday", "2023-09-14"),
            ("Monday", "2023-09-18"),
        ]

    def test_without_a_day_it_was_said_would_is_ahead_of_publication(self) -> None:
        assert found("The minister said he would resign on Friday.", self.SAT) == [("Friday", "2023-09-22")]
        # A day told in another sentence is no day of saying.
        assert found("Talks ended on Thursday. He said he would leave Friday.", self.SAT)[1] == ("Friday", "2023-09-22")

    def test_a_day_said_long_before_leaves_the_weekday_near_publication(self) -> None:
        # News names a weekday only within a week of its date.
        assert found("The minister said on Sept. 1 that he would resign on Friday.") == [
            ("Sept. 1", "2023-09-01"),
            ("Friday", "2023-09-15"),
        ]


class TestReportingAndConditions:
    SAT = dt.date(2023, 9, 16)  # a Saturday

    def test_a_future_after_a_reporting_verb_does_not_reach_the_day_of_saying(self) -> None:
        assert found("On Friday, officials said talks would resume on Monday.", self.SAT) == [
            ("Friday", "2023-09-15"),
            ("Monday", "2023-09-18"),
        ]
        assert found("Officials on Tuesday said talks will resume next week.")[0] == ("Tuesday", "2023-09-12")

    def test_a_reporting_verb_set_off_by_commas_is_an_aside(self) -> None:
        assert found("The meeting on Friday, officials said, will be crucial.") == [("Friday", "2023-09-15")]

    def test_a_present_condition_looks_ahead(self) -> None:
        assert found("If the talks fail on Friday, sanctions could follow.") == [("Friday", "2023-09-15")]
        assert found("Unless the parties agree on Monday, funding will lapse.") == [("Monday", "2023-09-18")]

    def test_a_condition_reaches_only_the_dates_after_it(self) -> None:
        # TimeBank AP900815-0044: Tuesday is the day Bush spoke.
        assert found("Bush told a news conference on Tuesday that the blockade might be extended if needed.") == [
            ("Tuesday", "2023-09-12")
        ]

    def test_a_past_condition_stays_past(self) -> None:
        assert found("If the talks failed on Friday, nobody said so.") == [("Friday", "2023-09-08")]

    def test_a_counterfactual_is_past(self) -> None:
        assert found("Had the vote taken place on Tuesday, the result would have been different.") == [
            ("Tuesday", "2023-09-12")
        ]
        # "would have" with a noun is still a future told from the past.
        assert found("He said he would have the report ready on Friday.") == [("Friday", "2023-09-15")]


class TestVerbOfTheDatesSubject:
    # Told on a Thursday, Sept. 14: a day in the next two months with only an "-ed" form near stays ahead.
    def test_an_ed_form_right_after_the_date_is_its_subjects_past_tense(self) -> None:
        assert found("Talks in Vienna on October 2 collapsed within the hour.") == [("October 2", "2022-10-02")]

    def test_a_participle_before_the_date_leaves_it_ahead(self) -> None:
        assert found("The offer, extended to October 2, is worth 20 dollars a share.") == [("October 2", "2023-10-02")]

    def test_a_participle_after_the_date_in_a_future_sentence_leaves_it_ahead(self) -> None:
        assert found("A summit on October 2 called by France will draw 40 leaders.") == [("October 2", "2023-10-02")]


class TestWeekdayInAWeekThatFramesTheSentence:
    # Told on Thursday 14 September 2023 (ISO week 37).
    def test_a_weekday_after_next_or_last_week_is_that_weeks(self) -> None:
        assert found("Next week, the envoy flies to Doha on Tuesday and to Riyadh on Thursday.") == [
            ("Next week", "2023-W38"), ("Tuesday", "2023-09-19"), ("Thursday", "2023-09-21")]
        assert found("Last week, inspectors visited the plant on Thursday.") == [
            ("Last week", "2023-W36"), ("Thursday", "2023-09-07")]
        assert found("Programme for next week: Monday, talks; Thursday, the vote.") == [
            ("next week", "2023-W38"), ("Monday", "2023-09-18"), ("Thursday", "2023-09-21")]

    def test_a_week_inside_a_clause_or_against_the_tense_frames_nothing(self) -> None:
        assert found("The strike that began last week ended on Monday.") == [
            ("last week", "2023-W36"), ("Monday", "2023-09-11")]
        assert found("Next week's vote follows talks held on Monday.") == [
            ("Next week", "2023-W38"), ("Monday", "2023-09-11")]


class TestInUnits:
    # Published on Thursday Sept. 14, 2023.
    def test_in_n_units_in_a_past_clause_is_the_span_it_took(self) -> None:
        assert found("Prices doubled in two years.") == [("two years", "P2Y")]
        assert found("The currency lost half its value in six weeks.") == [("six weeks", "P6W")]
        assert found("Rebels advanced 40 km in three days.") == [("three days", "P3D")]

    def test_in_n_units_ahead_or_in_a_future_told_from_the_past_is_a_date(self) -> None:
        assert found("The plant will reopen in two weeks.") == [("two weeks", "2023-W39")]
        assert found("He said he would return in two weeks.") == [("two weeks", "2023-W39")]
        assert found("The envoy returns in three days.") == [("three days", "2023-09-17")]


class TestAsPlanned:
    # Published on Thursday Sept. 14, 2023.
    def test_an_ed_form_after_as_is_no_past_of_the_clause(self) -> None:
        assert found("The vote will take place on Sunday as planned.") == [("Sunday", "2023-09-17")]
        assert found("Talks resume on Monday as agreed, the mediator said.") == [("Monday", "2023-09-18")]
        assert found("The summit opens on Monday, not Tuesday as previously announced.") == [
            ("Monday", "2023-09-18"), ("Tuesday", "2023-09-19")]

    def test_a_past_clause_with_as_planned_stays_past(self) -> None:
        assert found("The vote took place on Sunday as planned.") == [("Sunday", "2023-09-10")]
        assert found("As expected, the bank raised rates on Tuesday.") == [("Tuesday", "2023-09-12")]

    def test_as_planned_before_a_date_tells_the_plans_day(self) -> None:
        # Published on Monday Feb. 25, 1991: the offensive began on the Saturday before.
        assert found("Mr. Bush let the offensive begin as previously planned Saturday night.", dt.date(1991, 2, 25)) == [
            ("Saturday night", "1991-02-23TNI")]
