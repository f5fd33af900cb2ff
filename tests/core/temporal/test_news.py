"""The date engine on hand-written news sentences: ranges, relative clauses, plans, date modifiers."""

from __future__ import annotations

import datetime as dt

from timeline_app.core.temporal import find_dates

THU = dt.date(2023, 9, 14)  # a Thursday
WED = dt.date(2023, 7, 19)  # a Wednesday


def found(text: str, published: dt.date = THU) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in find_dates(text, published)]


class TestRecentlyBeforeADate:
    def test_most_recently_before_a_date_is_no_date_of_its_own(self) -> None:
        assert found("Rebels attacked the town, most recently on May 17.") == [("May 17", "2023-05-17")]
        assert found("The group met often, most recently last October.") == [("last October", "2022-10")]
        assert found("Troops were deployed as recently as 2019.") == [("2019", "2019")]
        assert found("More recently, in August, the army withdrew.") == [("August", "2023-08")]

    def test_recently_alone_is_still_the_past(self) -> None:
        assert found("More recently it has followed the militias.") == [("More recently", "PAST_REF")]
        # "recently" modifies the verb here, not the date after it.
        assert ("most recently", "PAST_REF") in found("The truce, most recently extended on May 17, holds.")


class TestPresentPassivePlans:
    def test_is_expected_on_a_weekday_looks_forward(self) -> None:
        assert found("The vote is expected on Friday.", WED) == [("Friday", "2023-07-21")]
        assert found("The results are expected on Friday.", WED) == [("Friday", "2023-07-21")]
        assert found("A ruling is widely expected on Monday.", WED) == [("Monday", "2023-07-24")]

    def test_other_scheduling_verbs_look_forward(self) -> None:
        assert found("The vote is slated for Friday.", WED) == [("Friday", "2023-07-21")]
        assert found("Talks are planned on Monday.", WED) == [("Monday", "2023-07-24")]
        assert found("A vote is likely on Friday.", WED) == [("Friday", "2023-07-21")]
        assert found("The vote is set to take place on Friday.", WED) == [("Friday", "2023-07-21")]

    def test_a_participle_as_an_adjective_does_not(self) -> None:
        # A participle as an adjective tells no future: news' past applies.
        assert found("The expected vote took place on Friday.", WED) == [("Friday", "2023-07-14")]

    def test_taking_effect_looks_forward(self) -> None:
        assert found("The sanctions go into effect on Friday.") == [("Friday", "2023-09-15")]
        assert found("The truce ends at midnight on Friday.") == [("midnight on Friday", "2023-09-15T24:00")]
        assert found("The truce ended at midnight on Friday.") == [("midnight on Friday", "2023-09-08T24:00")]

    def test_an_ed_form_right_before_its_date_is_past(self) -> None:
        # The present verb after the comma belongs to another date.
        assert found("The ceasefire, most recently extended on May 17, expires on Monday.")[1:] == [
            ("May 17", "2023-05-17"),
            ("Monday", "2023-09-18"),
        ]
        assert found("The law, passed in May, takes effect Oct. 1.") == [("May", "2023-05"), ("Oct. 1", "2023-10-01")]
        # ... but not after "be", nor the participle of a plan.
        assert found("The offer will be extended on Friday.") == [("Friday", "2023-09-15")]
        assert found("A meeting scheduled Monday will go ahead.") == [("Monday", "2023-09-18")]

    def test_a_postponed_date_lies_after_the_postponing(self) -> None:
        assert found("The vote has been postponed to Friday.") == [("Friday", "2023-09-15")]
        assert found("The hearing was adjourned until Monday.") == [("Monday", "2023-09-18")]


class TestYearWrittenOnce:
    def test_the_year_at_the_end_applies_to_every_part(self) -> None:
        assert found("Between March and May 2019, talks stalled.") == [("March", "2019-03"), ("May 2019", "2019-05")]
        assert found("In March and April 2019 the talks stalled.") == [("March", "2019-03"), ("April 2019", "2019-04")]
        assert found("Prices fell in the spring and summer of 2019.") == [
            ("the spring", "2019-SP"),
            ("summer of 2019", "2019-SU"),
        ]
        assert found("The strike lasted from Sept. 3 through Sept. 5, 2019.") == [
            ("Sept. 3", "2019-09-03"),
            ("Sept. 5, 2019", "2019-09-05"),
        ]

    def test_a_day_range_with_the_year_after_it_gives_no_separate_year(self) -> None:
        assert found("From June 1 to 3, 2019, envoys met in Geneva.") == [
            ("June 1", "2019-06-01"),
            ("3, 2019", "2019-06-03"),
        ]
        assert found("Envoys met on March 3 and 4, 2019 in Geneva.") == [
            ("March 3", "2019-03-03"),
            ("4, 2019", "2019-03-04"),
        ]

    def test_a_range_written_day_first_gives_both_days(self) -> None:
        assert found("Talks were held 5-7 September 2019 in Doha.") == [("5", "2019-09-05"), ("7 September 2019", "2019-09-07")]

    def test_a_list_of_three_days_shares_month_and_year(self) -> None:
        assert found("Voting took place on June 1, 2 and 3, 2019.") == [
            ("June 1", "2019-06-01"),
            ("2", "2019-06-02"),
            ("3, 2019", "2019-06-03"),
        ]
        assert found("Voting took place on June 1, 2 and 3.") == [
            ("June 1", "2023-06-01"),
            ("2", "2023-06-02"),
            ("3", "2023-06-03"),
        ]

    def test_a_range_over_new_year_starts_the_year_before(self) -> None:
        assert found("The truce lasted from Dec. 28 to Jan. 3, 2019.") == [
            ("Dec. 28", "2018-12-28"),
            ("Jan. 3, 2019", "2019-01-03"),
        ]

    def test_the_year_written_first_goes_on_to_the_range_end(self) -> None:
        assert found("Talks ran from March 2019 to May.") == [("March 2019", "2019-03"), ("May", "2019-05")]
        assert found("Talks ran from November 2019 to February.") == [
            ("November 2019", "2019-11"),
            ("February", "2020-02"),
        ]

    def test_separate_statements_keep_their_own_years(self) -> None:
        # Not one coordination: March is this year's, as if the other date were not there.
        assert found("In March, talks began; in May 2019 they ended.") == [("March", "2023-03"), ("May 2019", "2019-05")]
        assert found("Talks began in March and ended in May 2019.") == [("March", "2023-03"), ("May 2019", "2019-05")]
        assert found("In March, May 2019 looked far away.")[0] == ("March", "2023-03")
        # Without a year anywhere the parts resolve as before.
        assert found("Talks ran from March 3 to 5.") == [("March 3", "2023-03-03"), ("5", "2023-03-05")]


class TestRelativeClauses:
    def test_a_future_outside_the_clause_does_not_reach_its_date(self) -> None:
        text = "Erdogan said on Wednesday he would speak about the deal, which Moscow quit on Monday."
        assert found(text, WED) == [("Wednesday", "2023-07-19"), ("Monday", "2023-07-17")]

    def test_the_clause_keeps_its_own_future(self) -> None:
        # "was signed" is the main clause's: it does not turn "expires" into a past.
        assert found("The deal, which expires on Monday, was signed in July.") == [
            ("Monday", "2023-09-18"),
            ("July", "2023-07"),
        ]
        text = "The president, who will visit Kyiv on Friday, met the prime minister on Tuesday."
        assert found(text) == [("Friday", "2023-09-15"), ("Tuesday", "2023-09-12")]

    def test_a_clause_without_cues_shares_the_sentence_future(self) -> None:
        assert found("The ministers will sign the accord, which takes effect Jan. 1.") == [("Jan. 1", "2024-01-01")]
        assert found("He will meet Biden, who hosts the summit on Monday.") == [("Monday", "2023-09-18")]
        # ... but not a future told from the past: that Monday is news' past.
        assert found("He said he would meet Biden, who hit back on Monday.") == [("Monday", "2023-09-11")]

    def test_the_clause_tense_does_not_reach_a_date_outside_it(self) -> None:
        text = "The envoy, who has met rebels before, will see them again on Monday."
        assert found(text) == [("Monday", "2023-09-18")]
        assert found("Russia, which quit the deal on Monday, said it would return.") == [("Monday", "2023-09-11")]
        # Nor does a future after the clause reach into it.
        assert found("Russia, which quit the deal on Monday, said it would return next week.")[0] == (
            "Monday",
            "2023-09-11",
        )

    def test_that_opens_no_clause_of_its_own(self) -> None:
        # "that" opens reported speech: the "will" is the date's, and "be signed" is no past.
        assert found("He said that the deal will be signed on Monday.") == [("Monday", "2023-09-18")]
        assert found("The deal was signed on Monday.") == [("Monday", "2023-09-11")]


    def test_an_organisation_called_who_opens_no_clause(self) -> None:
        text = "WHO said on Monday it will ship vaccines, which arrive on Friday."
        assert found(text, WED) == [("Monday", "2023-07-17"), ("Friday", "2023-07-21")]

class TestStretches:
    def test_a_weekday_range_is_one_stretch_of_days(self) -> None:
        tue = dt.date(2023, 9, 12)
        # Told on a Tuesday in the past tense: last week's Monday to Wednesday, not a Wednesday
        # before its Monday.
        assert found("Talks took place between Monday and Wednesday.", tue) == [
            ("Monday", "2023-09-04"),
            ("Wednesday", "2023-09-06"),
        ]
        assert found("Talks will take place between Friday and Monday.", tue) == [
            ("Friday", "2023-09-15"),
            ("Monday", "2023-09-18"),
        ]
        assert found("Fighting raged from Monday to Wednesday.") == [("Monday", "2023-09-11"), ("Wednesday", "2023-09-13")]

    def test_a_stretch_told_without_a_past_may_run_through_publication(self) -> None:
        nov14 = dt.date(2025, 11, 14)
        assert found("The season runs from mid-October to late March.", nov14) == [
            ("mid-October", "2025-10"), ("late March", "2026-03")]

    def test_a_stretch_told_in_the_past_ends_before_publication(self) -> None:
        nov14 = dt.date(2025, 11, 14)
        assert found("The season ran from mid-October to late March.", nov14) == [
            ("mid-October", "2024-10"), ("late March", "2025-03")]

    def test_two_days_of_one_month_share_its_year(self) -> None:
        # The "will" nearer to the 6th does not send it a year ahead of the 5th.
        assert found("Ministers met on Sept. 5 and 6 and will meet again on Oct. 3.") == [
            ("Sept. 5", "2023-09-05"),
            ("6", "2023-09-06"),
            ("Oct. 3", "2023-10-03"),
        ]

    def test_weekdays_joined_by_and_keep_their_own_readings(self) -> None:
        # A list, not a stretch: Friday may come before Thursday.
        fri = dt.date(2023, 9, 15)
        assert found("Following are statements made Friday and Thursday by the lawyer.", fri) == [
            ("Friday", "2023-09-15"),
            ("Thursday", "2023-09-14"),
        ]
        # A range from a date to a weekday ends on the last such weekday, not the first after.
        assert found("He bought shares from Sept. 1 to Thursday.", fri)[-1] == ("Thursday", "2023-09-14")

    def test_the_nth_week_of_a_month_counted_from_now(self) -> None:
        assert found("The minister will travel in the first week of next month.") == [
            ("the first week of next month", "2023-W40")
        ]

    def test_a_time_range_shares_the_day_written_after_it(self) -> None:
        assert found("Polls will open from 7 a.m. to 8 p.m. on Sunday.") == [
            ("7 a.m.", "2023-09-17T07:00"),
            ("8 p.m. on Sunday", "2023-09-17T20:00"),
        ]
        # A time in a statement of its own keeps the day of the story.
        assert found("Polls opened at 7 a.m.; on Sunday they closed at 8 p.m.")[0] == ("7 a.m.", "2023-09-14T07:00")




class TestFromADateInAFutureClause:
    AUG = dt.date(2023, 8, 10)

    def test_from_takes_the_future_told_before_it(self) -> None:
        text = "Croatia will join the bloc from January 1, the commission announced."
        assert found(text, self.AUG) == [("January 1", "2024-01-01")]
        text = "Croatia will join the bloc from January 1 after a vote held in June."
        assert found(text, self.AUG) == [("January 1", "2024-01-01"), ("June", "2023-06")]
        text = "The tariff takes effect from Jan. 1, the ministry announced."
        assert found(text, self.AUG) == [("Jan. 1", "2024-01-01")]

    def test_from_without_a_future_in_its_clause_stays_past(self) -> None:
        text = "Croatia joined the bloc from January 1, the commission announced."
        assert found(text, self.AUG) == [("January 1", "2023-01-01")]
        # The future of the clause before ", and" does not reach it.
        text = "Talks will resume, and prices rose from January 1, the ministry announced."
        assert found(text, self.AUG) == [("January 1", "2023-01-01")]


class TestPurposeAfterThePastDate:
    def test_an_infinitive_after_a_past_date_says_what_it_was_for(self) -> None:
        text = "The envoy travelled to Kinshasa on Sunday to meet officials."
        assert found(text) == [("Sunday", "2023-09-10")]  # not the coming Sunday, the 17th

    def test_an_infinitive_before_the_date_still_looks_both_ways(self) -> None:
        # A plan told in the past: the nearer Sunday, here the coming one.
        assert found("The envoy was due to meet officials on Sunday.") == [("Sunday", "2023-09-17")]
