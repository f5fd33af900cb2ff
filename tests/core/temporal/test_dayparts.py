"""The date engine on parts of days, wire times, named days and months in hand-written news sentences."""

from __future__ import annotations

import datetime as dt

from timeline_app.core.temporal import find_dates

THU = dt.date(2023, 9, 14)  # a Thursday
SAT = dt.date(2023, 9, 16)  # a Saturday


def found(text: str, published: dt.date = THU) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in find_dates(text, published)]


class TestOvernight:
    def test_overnight_is_the_night_before_publication(self) -> None:
        assert found("Russian drones struck Kyiv overnight, the mayor said.") == [("overnight", "2023-09-13TNI")]

    def test_overnight_is_the_night_before_the_day_mentioned(self) -> None:
        # TimeBank: "Friday ... initially by overnight losses" is Thursday night.
        assert found("Shares fell on Tuesday, hit by overnight losses in Asia.") == [
            ("Tuesday", "2023-09-12"),
            ("overnight", "2023-09-11TNI"),
        ]

    def test_overnight_as_the_adjective_of_a_loan_or_a_stay_is_no_time(self) -> None:
        assert found("The central bank raised overnight rates.") == []
        assert found("The envoy made an overnight stay in Cairo.") == []
        assert found("The band was an overnight success.") == []

    def test_overnight_meaning_suddenly_is_no_time(self) -> None:
        assert found("Peace will not come overnight.") == []
        assert found("The town changed almost overnight.") == []

    def test_overnight_before_a_weekday_leaves_the_weekday_alone(self) -> None:
        assert found("Fighting continued overnight into Thursday.") == [("Thursday", "2023-09-14")]


class TestEdgesOfTheDay:
    def test_dawn_and_dusk_with_a_weekday(self) -> None:
        assert found("Gunmen opened fire at dawn on Friday, killing three.") == [("dawn on Friday", "2023-09-08TMO")]
        assert found("Troops will cross the river at dawn on Friday.") == [("dawn on Friday", "2023-09-15TMO")]
        assert found("The rebels attacked Tuesday at dusk.") == [("Tuesday at dusk", "2023-09-12TEV")]
        assert found("The curfew starts at nightfall tomorrow.") == [("nightfall tomorrow", "2023-09-15TNI")]

    def test_a_newspaper_named_dawn_is_no_time(self) -> None:
        assert found("Dawn Friday reported the raid.") == [("Friday", "2023-09-08")]

    def test_midnight_alone_is_the_end_of_the_day(self) -> None:
        assert found("The ceasefire takes effect at midnight.") == [("midnight", "2023-09-14T24:00")]
        assert found("Talks began on Monday and ran past midnight.") == [
            ("Monday", "2023-09-11"),
            ("midnight", "2023-09-11T24:00"),
        ]


class TestWireTimes:
    def test_a_24_hour_time_takes_the_weekday_after_its_zone(self) -> None:
        assert found("The talks will resume at 14:00 GMT on Friday.") == [
            ("14:00", "2023-09-15T14:00"),
            ("Friday", "2023-09-15"),
        ]
        assert found("The quake struck at 0315 GMT Tuesday.") == [("0315", "2023-09-12T03:15"), ("Tuesday", "2023-09-12")]

    def test_four_digits_before_gmt_are_a_time_not_a_year(self) -> None:
        assert found("The strike began at 0400 GMT.") == [("0400", "2023-09-14T04:00")]
        assert found("The raid began at 1915 GMT.") == [("1915", "2023-09-14T19:15")]

    def test_a_time_restated_in_gmt_is_no_mention(self) -> None:
        assert found("The quake struck at 3:15 a.m. Thursday (1915 GMT Wednesday).") == [
            ("3:15 a.m. Thursday", "2023-09-14T03:15")
        ]
        assert found("The blast came at 10:35 a.m. (0735 GMT) Tuesday.") == [
            ("10:35 a.m.", "2023-09-12T10:35"),
            ("Tuesday", "2023-09-12"),
        ]

    def test_a_year_next_to_gmt_without_a_time_stays_a_year(self) -> None:
        assert found("The GMT line was drawn in 1884.") == [("1884", "1884")]
        # No time has minute 95.
        assert found("In 1995 GMT was renamed.") == [("1995", "1995")]


class TestDayWrittenAfterTheMonth:
    def test_month_the_ordinal(self) -> None:
        assert found("The attack took place on December the 7th.") == [("December the 7th", "2022-12-07")]
        assert found("The attack took place on December the 7th, 2021.") == [("December the 7th, 2021", "2021-12-07")]

    def test_month_then_a_numbered_noun_keeps_the_month(self) -> None:
        assert found("In March the 2nd Division withdrew.") == [("March", "2023-03")]
        assert found("In March the second round opened.") == [("March", "2023-03")]


class TestAnniversaries:
    def test_a_weekday_that_marks_an_anniversary_is_ahead(self) -> None:
        assert found("Friday marks the anniversary of the attack.") == [("Friday", "2023-09-15")]
        assert found("Sunday marks the 50th anniversary of the coup.") == [("Sunday", "2023-09-17")]

    def test_marked_is_past(self) -> None:
        assert found("Tuesday marked the anniversary of the attack.") == [("Tuesday", "2023-09-12")]


class TestTwentyFourHourTimesBeforeAWeekday:
    def test_local_time_or_an_unambiguous_hour_takes_the_weekday(self) -> None:
        assert found("The blast hit at 21:00 local time on Tuesday.") == [("21:00", "2023-09-12T21:00"), ("Tuesday", "2023-09-12")]
        assert found("The polls will close at 20:00 on Friday.") == [("20:00", "2023-09-15T20:00"), ("Friday", "2023-09-15")]

    def test_a_twelve_hour_clock_without_zone_is_left_alone(self) -> None:
        # "At 2:30 on Friday" may well be the afternoon: no time rather than a wrong one.
        assert found("The talks begin at 2:30 on Friday.") == [("Friday", "2023-09-15")]

    def test_an_overnight_celebrity_is_no_time(self) -> None:
        assert found("He became an overnight celebrity.") == []


class TestNamedDays:
    def test_another_countrys_independence_day_is_not_july_4(self) -> None:
        assert found("Ukraine marked Independence Day on Aug. 24.") == [("Independence Day on Aug. 24", "2023-08-24")]
        assert found("India's Independence Day parade was held in Delhi.") == []
        assert found("The Ukrainian Independence Day parade was cancelled.") == []

    def test_independence_day_alone_is_american(self) -> None:
        assert found("On Independence Day, the president spoke.") == [("Independence Day", "2023-07-04")]
        assert found("American Independence Day parades were held.") == [("Independence Day", "2023-07-04")]

    def test_the_september_11_attacks_are_of_2001(self) -> None:
        assert found("Families gathered to mark the Sept. 11 attacks.") == [("Sept. 11", "2001-09-11")]

    def test_another_september_11_is_this_years(self) -> None:
        assert found("The Sept. 11 vote was delayed.") == [("Sept. 11", "2023-09-11")]
        assert found("On Sept. 11, attacks resumed.") == [("Sept. 11", "2023-09-11")]


class TestAMonthNamedInItself:
    def test_last_september_told_in_september_is_a_year_back(self) -> None:
        assert found("The deal was struck last September.") == [("last September", "2022-09")]
        assert found("The deal was struck last Sept.") == [("last Sept.", "2022-09")]
        assert found("The deal will be struck next September.") == [("next September", "2024-09")]

    def test_this_september_and_other_months_are_unchanged(self) -> None:
        assert found("The deal was struck this September.") == [("this September", "2023-09")]
        assert found("The deal was struck last August.") == [("last August", "2023-08")]
        assert found("The deal will be struck next October.") == [("next October", "2023-10")]


class TestEarlierInTheDay:
    def test_it_is_the_last_day_told_whatever_coarser_date_came_since(self) -> None:
        text = "The envoy arrived on Tuesday, his first visit since 2019. Earlier in the day, he met the king."
        assert found(text) == [("Tuesday", "2023-09-12"), ("2019", "2019"), ("Earlier in the day", "2023-09-12")]

    def test_after_only_a_coarser_date_the_day_is_unknown(self) -> None:
        assert found("The war began in 2014. Later in the day, talks began.") == [("2014", "2014")]


class TestEndOfTheDay:
    def test_a_deadline_at_the_end_of_the_day_is_the_storys_day(self) -> None:
        assert found("Looters were arrested until the end of the day.") == [("the end of the day", "2023-09-14")]
        assert found("Rebels seized the port on Sept. 2. By the end of the day, they held the town.") == [
            ("Sept. 2", "2023-09-02"), ("the end of the day", "2023-09-02")]

    def test_at_the_end_of_the_day_is_no_date(self) -> None:
        assert found("At the end of the day, the voters will decide.") == []


class TestTimeAndItsDay:
    # Published on Thursday Sept. 14, 2023.
    def test_a_time_zone_and_on_between_leave_the_day_a_mention_of_its_own(self) -> None:
        assert found("The launch is set for 6:15 p.m. EDT on Friday.") == [
            ("6:15 p.m.", "2023-09-15T18:15"), ("Friday", "2023-09-15")]
        # With its year the day is a mention of its own, which the time takes.
        assert found("Updated at 6:40 p.m. ET on Sept. 12, 2023.") == [
            ("6:40 p.m.", "2023-09-12T18:40"), ("Sept. 12, 2023", "2023-09-12")]

    def test_a_time_with_a_zone_or_on_before_its_day_is_one_mention(self) -> None:
        assert found("The ministers met at 3 p.m. EST Wednesday.") == [("3 p.m. EST Wednesday", "2023-09-13T15:00")]
        assert found("The polls close at 8 p.m. on Sunday.") == [("8 p.m. on Sunday", "2023-09-17T20:00")]
