"""find_dates on hand-written sentences: each family of date forms, and what must never be a date."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline_app.core.models import Precision
from timeline_app.core.temporal import find_dates

WED = dt.date(2022, 12, 28)  # a Wednesday
MON = dt.date(2022, 6, 13)  # a Monday


def found(text: str, published: dt.date | None = WED) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in find_dates(text, published)]


def one(text: str, published: dt.date | None = WED):
    mentions = find_dates(text, published)
    assert len(mentions) == 1, [(m.text, m.value) for m in mentions]
    return mentions[0]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The accord was signed on Dec. 28, 2022 in Geneva.", [("Dec. 28, 2022", "2022-12-28")]),
        ("The accord was signed on 28 December 2022.", [("28 December 2022", "2022-12-28")]),
        ("The accord was signed on December 28 in Geneva.", [("December 28", "2022-12-28")]),
        ("The accord was signed Dec. 28 in Geneva.", [("Dec. 28", "2022-12-28")]),
        ("The letter is dated 12/28/2022.", [("12/28/2022", "2022-12-28")]),
        ("The file is dated 2022-12-28.", [("2022-12-28", "2022-12-28")]),
        ("Prices rose in December 2022.", [("December 2022", "2022-12")]),
        ("Prices rose sharply in 2012.", [("2012", "2012")]),
        ("The company reported losses for fiscal 2021.", [("fiscal 2021", "2021")]),
        ("Relations thawed in the 1990s.", [("the 1990s", "199X")]),
        ("The border was drawn in the 20th century.", [("the 20th century", "19XX")]),
        ("Growth slowed in mid-2021.", [("mid-2021", "2021")]),
        ("Talks began in early 2020 and ended in late 2020.", [("early 2020", "2020"), ("late 2020", "2020")]),
        ("The deal was struck in spring 2019.", [("spring 2019", "2019-SP")]),
        ("Exports fell in the first quarter of 2021.", [("the first quarter of 2021", "2021-Q1")]),
        ("In nineteen ninety-six the games were held in Atlanta.", [("nineteen ninety-six", "1996")]),
    ],
)
def test_absolute_forms(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert found(sentence) == expected


def test_granularity_is_kept() -> None:
    october = one("They met in October 2021.")
    assert (october.value, october.granularity) == ("2021-10", Precision.MONTH)
    assert (october.start_date, october.end_date) == (dt.date(2021, 10, 1), dt.date(2021, 10, 31))
    year = one("They met back in 2012.")
    assert (year.value, year.granularity, year.start_date) == ("2012", Precision.YEAR, dt.date(2012, 1, 1))
    week = one("They met last week.")
    assert (week.value, week.granularity) == ("2022-W51", Precision.WEEK)
    assert (week.start_date, week.end_date) == (dt.date(2022, 12, 19), dt.date(2022, 12, 25))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The minister spoke today in Ankara.", [("today", "2022-12-28")]),
        ("The minister spoke yesterday in Ankara.", [("yesterday", "2022-12-27")]),
        ("The minister speaks tomorrow in Ankara.", [("tomorrow", "2022-12-29")]),
        ("The minister speaks tonight in Ankara.", [("tonight", "2022-12-28TNI")]),
        ("The minister spoke last week.", [("last week", "2022-W51")]),
        ("The minister speaks next week.", [("next week", "2023-W01")]),
        ("The minister spoke this month.", [("this month", "2022-12")]),
        ("The minister spoke last month.", [("last month", "2022-11")]),
        ("The minister resigned last year.", [("last year", "2021")]),
        ("The minister will resign next year.", [("next year", "2023")]),
        ("The minister will rest over the weekend.", [("the weekend", "2022-W52-WE")]),
        ("The minister resigned earlier this month.", [("earlier this month", "2022-12")]),
        ("The minister will resign later this year.", [("later this year", "2022")]),
        ("The minister resigned two weeks ago.", [("two weeks ago", "2022-W50")]),
        ("The minister resigned late last year.", [("late last year", "2021")]),
        ("The minister resigned in the third quarter.", [("the third quarter", "2022-Q3")]),
        ("The minister resigned last summer.", [("last summer", "2022-SU")]),
    ],
)
def test_relative_to_publication(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert found(sentence) == expected


def test_decades_and_centuries_ago_are_years() -> None:
    # A point ten years back, as "ten years ago" is, not the decade before this one.
    assert found("The border opened a decade ago.") == [("a decade ago", "2012")]
    assert found("Two decades ago they were foes.") == [("Two decades ago", "2002")]
    assert found("A century ago the empire fell.") == [("A century ago", "1922")]
    assert found("A few decades ago it fell.") == [("A few decades ago", "PAST_REF")]
    assert found("They fought in the last decade.") == [("the last decade", "201X")]


def test_a_day_counted_from_a_named_day() -> None:
    assert found("The envoys met the day before Tuesday's hearing.") == [("the day before Tuesday", "2022-12-26")]
    assert found("They met two days after Dec. 3 in Ankara.") == [("two days after Dec. 3", "2022-12-05")]
    assert found("They will meet the day after Christmas.", dt.date(2022, 12, 1)) == [
        ("the day after Christmas", "2022-12-26")
    ]
    # The counted day is the reference of what follows: the hearing was "the next morning".
    text = "The day before last Tuesday's hearing, he went home. He appeared in court the next morning."
    assert found(text, dt.date(2000, 2, 24)) == [
        ("The day before last Tuesday", "2000-02-21"),
        ("the next morning", "2000-02-22TMO"),
    ]
    # An unknown count places nothing: the duration and the holiday stay apart.
    assert found("A few days before Christmas they met.") == [("A few days", "PXD"), ("Christmas", "2022-12-25")]


def test_relative_mentions_are_flagged() -> None:
    assert one("The minister spoke yesterday.").relative
    assert not one("The minister spoke on 3 March 2021.").relative


def test_mod_and_open_end() -> None:
    late = one("The minister resigned late last year.")
    assert late.mod == "END"
    since = one("No talks have been held since 2011.")
    assert since.open_end and since.text == "2011"


class TestWeekdays:
    def test_same_weekday_as_publication_is_that_day(self) -> None:
        assert found("The ministers met in Moscow on Wednesday.") == [("Wednesday", "2022-12-28")]

    def test_possessive_weekday(self) -> None:
        assert found("During Wednesday's meeting the ministers agreed.") == [("Wednesday", "2022-12-28")]

    def test_past_weekday_goes_back(self) -> None:
        assert found("The ministers met on Monday.") == [("Monday", "2022-12-26")]

    def test_future_tense_goes_forward(self) -> None:
        assert found("The ministers will meet on Friday.") == [("Friday", "2022-12-30")]
        assert found("The ministers will meet on Monday.", MON) == [("Monday", "2022-06-13")]

    def test_said_friday_is_the_day_it_was_said(self) -> None:
        # Published on a Monday: "said Friday" is three days before, even with "will" further on.
        assert found("The envoy said Friday that talks would resume.", MON) == [("Friday", "2022-06-10")]

    def test_last_and_next(self) -> None:
        assert found("The envoy arrived last Wednesday.") == [("last Wednesday", "2022-12-21")]
        assert found("The envoy arrives this coming Friday.") == [("this coming Friday", "2022-12-30")]

    def test_next_weekday_is_in_next_week(self) -> None:
        # Told on a Wednesday, "next Friday" is the Friday of next week; this week's Friday is
        # another reading, so the value is marked APPROX.
        m = one("The envoy arrives next Friday.")
        assert (m.value, m.mod) == ("2023-01-06", "APPROX")
        # Told on a Friday (or later in the week) there is one reading: the first Friday after.
        m = one("The envoy arrives next Friday.", dt.date(2022, 12, 30))
        assert (m.value, m.mod) == ("2023-01-06", "")
        m = one("The envoy arrives next Monday.")
        assert (m.value, m.mod) == ("2023-01-02", "")
        m = one("The envoy arrives next Saturday.", dt.date(2023, 1, 1))  # a Sunday
        assert (m.value, m.mod) == ("2023-01-07", "")

    def test_last_weekday_told_later_in_its_week(self) -> None:
        # Told on a Wednesday, "last Tuesday" is yesterday or the Tuesday before: APPROX.
        m = one("The envoy arrived last Tuesday.")
        assert (m.value, m.mod) == ("2022-12-27", "APPROX")
        # "last Thursday" told on a Wednesday has one reading.
        m = one("The envoy arrived last Thursday.")
        assert (m.value, m.mod) == ("2022-12-22", "")

    def test_fortnight(self) -> None:
        assert found("The envoy left a fortnight ago.") == [("a fortnight ago", "2022-W50")]
        assert found("The envoy returns in a fortnight.") == [("a fortnight", "2023-W02")]
        assert found("The envoy stayed a fortnight.") == [("a fortnight", "P2W")]
        assert found("The fortnightly meeting was cancelled.") == []

    def test_weekday_of_a_counted_week(self) -> None:
        assert found("The envoy arrives on Thursday next week.") == [("Thursday next week", "2023-01-05")]
        assert found("The envoy left on Tuesday of last week.") == [("Tuesday of last week", "2022-12-20")]
        # A weekday and a week told apart are two dates.
        assert found("On Thursday, the envoy said talks would resume next week.") == [
            ("Thursday", "2022-12-22"), ("next week", "2023-W01")]

    def test_nth_weekday_of_a_month(self) -> None:
        assert found("The summit was held on the last Friday of February.") == [
            ("the last Friday of February", "2022-02-25")]
        assert found("The vote will be held on the first Sunday in October.") == [
            ("the first Sunday in October", "2023-10-01")]
        assert found("The vote was held on the second Tuesday of March 2021.") == [
            ("the second Tuesday of March 2021", "2021-03-09")]
        # No fifth Monday in February 2021: no date, rather than a day of March.
        assert found("The vote was held on the fifth Monday of February 2021.") == []
        # A weekday counted within something else is no day of the month named after it.
        assert [t for t, _ in found("The first Monday of the talks in May was calm.")] == ["Monday", "May"]

    def test_a_day_told_after_who_said_it_is_the_sayings(self) -> None:
        assert found("Talks will resume on Friday, the minister said after a call on Tuesday.") == [
            ("Friday", "2022-12-30"), ("Tuesday", "2022-12-27")]
        assert found("The envoy will arrive on Friday, the ministry told reporters in Ankara on Monday.")[1] == (
            "Monday", "2022-12-26")
        # An aside set off by commas opens nothing: the future goes on past it.
        assert found("The minister will travel to Ankara, officials said, and meet Erdogan on Friday.") == [
            ("Friday", "2022-12-30")]

    def test_a_range_of_weekdays_ending_today(self) -> None:
        # Told on a Wednesday: a future stretch ending on "Wednesday" is next week's.
        assert found("The talks will run from Monday to Wednesday.") == [
            ("Monday", "2023-01-02"), ("Wednesday", "2023-01-04")]
        assert found("The talks ran from Monday to Wednesday.") == [
            ("Monday", "2022-12-26"), ("Wednesday", "2022-12-28")]

    def test_time_then_zone_then_day_of_month(self) -> None:
        assert found("The truce began at 11 a.m. local time on Dec. 20.")[0] == ("11 a.m.", "2022-12-20T11:00")
        # A day told in another clause is not the time's.
        assert found("The truce began at 11 a.m. local time, and on Dec. 20 talks resumed.")[0] == (
            "11 a.m.", "2022-12-28T11:00")

    def test_weekday_with_time_of_day(self) -> None:
        assert found("The blast came Monday night.") == [("Monday night", "2022-12-26TNI")]
        assert found("The talks will open at 3 p.m. Friday.") == [("3 p.m. Friday", "2022-12-30T15:00")]

    def test_possessive_weekday_is_a_known_day(self) -> None:
        # Even in a future-tense sentence, "Monday's ruling" is a ruling already given.
        assert found("The court will review Monday's ruling next year.") == [
            ("Monday", "2022-12-26"),
            ("next year", "2023"),
        ]

    def test_scheduled_present_before_a_time_and_weekday(self) -> None:
        assert found("The polls close at 8 p.m. on Sunday.") == [("8 p.m. on Sunday", "2023-01-01T20:00")]
        assert found("The doors were left open at 8 p.m. on Sunday.") == [("8 p.m. on Sunday", "2022-12-25T20:00")]

    def test_possessive_weekday_ahead(self) -> None:
        assert found("Parties are making final pitches ahead of Sunday's runoff.") == [("Sunday", "2023-01-01")]
        assert found("Tensions rose after Sunday's vote.") == [("Sunday", "2022-12-25")]

    def test_clock_without_space(self) -> None:
        assert found("The talks will open at 3pm Friday.") == [("3pm Friday", "2022-12-30T15:00")]

    def test_weekday_fixes_the_year_of_a_dated_day(self) -> None:
        # 25 April 2022 was a Monday; 25 April 2023 a Tuesday.
        assert found("The editorial ran on Monday, April 25.") == [("Monday, April 25", "2022-04-25")]


class TestMonthsAndTense:
    def test_deadline_seen_from_the_past(self) -> None:
        march = dt.date(2024, 3, 13)
        # A hope told in the past: the nearer February, not next year's.
        assert found("Negotiators had hoped to reach a deal by the end of February.", march) == [
            ("the end of February", "2024-02")]
        assert found("Negotiators hope to reach a deal by the end of February.", march) == [
            ("the end of February", "2025-02")]

    def test_going_to_the_polls(self) -> None:
        assert found("Voters go to the polls on Sunday.") == [("Sunday", "2023-01-01")]
        assert found("Voters went to the polls on Sunday.") == [("Sunday", "2022-12-25")]

    def test_bare_month_in_the_past(self) -> None:
        assert found("In November, Turkey launched airstrikes.") == [("November", "2022-11")]

    def test_bare_month_in_future_tense(self) -> None:
        assert found("The talks will resume in June.") == [("June", "2023-06")]
        assert found("The report is due in May.") == [("May", "2023-05")]

    def test_until_and_by_look_forward(self) -> None:
        assert found("The ceasefire holds until March.") == [("March", "2023-03")]
        assert found("Troops must leave by the end of January.") == [("the end of January", "2023-01")]

    def test_day_soon_after_publication_stays_ahead(self) -> None:
        # Only an "-ed" form nearby: a date a few days ahead is not pushed a year back.
        assert found("The offer, extended to Jan. 6, lapsed.") == [("Jan. 6", "2023-01-06")]


class TestAnaphora:
    def test_days_later(self) -> None:
        text = "The talks opened on March 3, 2021. Two days later they collapsed."
        assert found(text)[1] == ("Two days later", "2021-03-05")

    def test_weeks_later_after_a_day_is_a_day(self) -> None:
        text = "The talks opened on March 3, 2021. Two weeks later they collapsed."
        assert found(text)[1] == ("Two weeks later", "2021-03-17")
        # After a month, a week later is all the month can tell: no made-up day.
        text = "The talks opened in March 2021. A week later they collapsed."
        assert found(text)[1] == ("A week later", "2021-03")
        # "the following week" is a week, not a day.
        text = "The talks opened on March 3, 2021. The following week they collapsed."
        assert found(text)[1] == ("The following week", "2021-W10")

    def test_this_time_last_year_is_a_day(self) -> None:
        assert found("At the same time last year, prices fell.") == [("the same time last year", "2021-12-28")]
        # A comma between: "this time" is no date, "last year" a year.
        assert found("This time, last year's mistakes were avoided.") == [("last year", "2021")]

    def test_last_week_of_february_in_a_leap_year(self) -> None:
        assert found("The envoys met in the last week of February.", dt.date(2024, 3, 13)) == [
            ("the last week of February", "2024-W09")]  # Feb. 26-29 are in it
        assert found("The envoys met in the last week of February.", dt.date(2023, 3, 13)) == [
            ("the last week of February", "2023-W08")]

    def test_years_ago_this_week(self) -> None:
        assert found("Ten years ago this week, troops seized the parliament.") == [
            ("Ten years ago this week", "2012-W52")]
        # A comma between: two dates.
        assert found("Ten years ago, this week's winner was born.") == [("Ten years ago", "2012"), ("this week", "2022-W52")]

    def test_mid_year(self) -> None:
        m = one("The deal is expected to close by mid-year.")
        assert (m.value, m.mod) == ("2022", "MID")
        assert found("Students sat their midyear exams.") == []

    def test_a_period_opening_the_sentence_holds_its_days(self) -> None:
        assert found("In 2014, talks began on March 3 and ended on July 17.") == [
            ("2014", "2014"), ("March 3", "2014-03-03"), ("July 17", "2014-07-17")]
        text = "The war began in May 2015. That summer, the town fell on July 17."
        assert found(text)[1:] == [("That summer", "2015-SU"), ("July 17", "2015-07-17")]
        # A period told inside the sentence belongs to something else.
        assert found("Under a plan approved in 2019, the firm bought shares through Sept. 29.") == [
            ("2019", "2019"), ("Sept. 29", "2022-09-29")]
        # Nor does it reach past a semicolon.
        assert found("In 2014, Russia seized Crimea; the vote is on Jan. 15.") == [
            ("2014", "2014"), ("Jan. 15", "2023-01-15")]

    def test_following_month_and_that_day(self) -> None:
        text = "Fighting broke out on 4 May 2015. That day the border closed. The following month it reopened."
        assert found(text)[1:] == [("That day", "2015-05-04"), ("The following month", "2015-06")]

    def test_year_earlier_after_a_quarter(self) -> None:
        text = "Profit fell in the third quarter of 2021 from $2 million a year earlier."
        assert found(text) == [("the third quarter of 2021", "2021-Q3"), ("a year earlier", "2020-Q3")]

    def test_range_gives_both_days(self) -> None:
        assert found("The summit was held on April 24 and 25.") == [("April 24", "2022-04-24"), ("25", "2022-04-25")]
        assert found("Relations were cut in 2009-2010.") == [("2009", "2009"), ("2010", "2010")]
        march = dt.date(2022, 3, 20)
        assert found("The president visited on Feb. 14-16.", march) == [("Feb. 14", "2022-02-14"), ("16", "2022-02-16")]
        assert found("The talks ran from 3 to 5 March.", march) == [("3", "2022-03-03"), ("5 March", "2022-03-05")]
        assert found("The 1957-58 crisis ended.") == [("1957", "1957"), ("58", "1958")]


class TestPresentDurationsSets:
    def test_and_a_half(self) -> None:
        assert found("The war has lasted two and a half years.") == [("two and a half years", "P2.5Y")]
        assert found("Talks went on for a week and a half.") == [("a week and a half", "P1.5W")]
        assert found("He was jailed for a year and half the staff left.") == [("a year", "P1Y")]

    def test_present_ref_is_not_placeable(self) -> None:
        now = one("The border is now closed.")
        assert (now.value, now.granularity, now.placeable) == ("PRESENT_REF", Precision.PRESENT, False)
        assert one("The border is currently closed.").value == "PRESENT_REF"

    def test_current_state_of_a_thing_is_present_ref(self) -> None:
        assert found("Gonzalez would travel with his current wife.") == [("current", "PRESENT_REF")]
        assert found("Kellogg's current share is under 40%.") == [("current", "PRESENT_REF")]
        assert found("Holders may buy at the then current price.") == [("then current", "PAST_REF")]
        assert found("The firm may buy at the then-current price.") == [("then-current", "PAST_REF")]

    @pytest.mark.parametrize(
        "sentence",
        [
            "The country's current account deficit widened.",  # a balance, not a time
            "The current swept the swimmers away.",  # the noun
            "A current of anger ran through the crowd.",
            "Engineers measured current in the cables.",
        ],
    )
    def test_current_that_is_no_time(self, sentence: str) -> None:
        assert found(sentence) == []

    def test_future_before_an_adjective_and_its_noun(self) -> None:
        assert found("The fund helps Kenya meet future medical disasters.") == [("future", "FUTURE_REF")]
        assert found("The future of the talks is unclear.") == []
        assert found("He bought a future bride a ring.") == []

    def test_durations(self) -> None:
        war = one("The war lasted for three years.")
        assert (war.text, war.value, war.kind, war.placeable) == ("three years", "P3Y", "DURATION", False)
        assert one("The talks lasted 12 hours.").value == "PT12H"
        assert one("Turkey has hosted refugees for over a decade.").value == "P10Y"
        assert one("They fought for decades of war.").value == "PXDE"

    def test_sets(self) -> None:
        every = one("The envoys meet every week.")
        assert (every.text, every.value, every.kind) == ("every week", "P1W", "SET")
        assert one("The envoys meet twice a year.").kind == "SET"
        september = one("The assembly meets every September.")
        assert (september.value, september.kind, september.placeable) == ("XXXX-09", "SET", False)


@pytest.mark.parametrize(
    "sentence",
    [
        "But now that it's clear, the envoy will stay.",
        "The rebels may attack the town.",
        "Thousands march on the capital.",
        "We will not give up, he said.",
        "She sat in silence for a moment.",
        "He came second in the vote.",
        "The deal is worth $2,011 million.",
        "Inflation reached 2022 percent in the worst month.",
        "The envoy, 72, said he would stay.",
        "Some 2000 troops were deployed.",
        "About 1998 people attended the rally.",
        "Call 202-555-2010 for details.",
        "The team won 3-2 in Doha.",
        "He lives at 2020 Main Street.",
        "The council adopted Resolution 2019 unanimously.",
        "The stock eased 1/8 to 31 7/8.",
        "Thousands joined the annual March for Life.",
        "The case matters for today's youth.",
        "Czech Foreign Minister Jan Kavan arrived.",
        "Kopp's 1987 Chevrolet Cavalier was found at the airport.",
        "He drove a 2005 Toyota to the border.",
        "The April 6 Youth Movement called for protests.",
        "Christmas trees were sold out in the capital.",
        "Halloween costumes were banned.",
    ],
)
def test_never_dates(sentence: str) -> None:
    assert found(sentence) == []


def test_a_day_or_holiday_before_a_common_noun_is_a_date() -> None:
    assert found("The April 6 vote was delayed.") == [("April 6", "2022-04-06")]
    assert found("The truce held over Christmas.") == [("Christmas", "2022-12-25")]


def test_a_year_after_a_preposition_before_a_maker_is_a_date() -> None:
    assert found("In 1987 Ford cut jobs.") == [("1987", "1987")]
    assert found("Since 1990 Toyota has grown.") == [("1990", "1990")]


@pytest.mark.parametrize(
    "sentence",
    [
        "It happened on February 30, 2022.",
        "The form says 32/13/2022.",
        "The form says 2022-13-45 and 2022-02-30.",
        "In the year 20222 we will see.",
        "It happened on February 30.",
    ],
)
def test_impossible_dates_give_nothing(sentence: str) -> None:
    assert found(sentence) == []


class TestWithoutPublicationDate:
    def test_absolute_dates_still_resolve(self) -> None:
        assert found("Talks were held on 3 March 2021.", None) == [("3 March 2021", "2021-03-03")]

    def test_relative_dates_are_kept_unresolved(self) -> None:
        mentions = find_dates("The envoy arrived yesterday and leaves next week.", None)
        assert [(m.text, m.value, m.granularity, m.start_date) for m in mentions] == [
            ("yesterday", "", Precision.DAY, None),
            ("next week", "", Precision.WEEK, None),
        ]
        assert all(m.relative and not m.placeable for m in mentions)

    def test_anaphora_after_an_absolute_date_resolves(self) -> None:
        assert found("The war began on 4 May 2015. Two days later the border closed.", None)[1] == (
            "Two days later",
            "2015-05-06",
        )


def test_mention_text_matches_offsets() -> None:
    text = "On Dec. 28, 2022 (Wednesday) the envoys met; by next March they will meet again, 3 years on."
    for m in find_dates(text, WED):
        assert text[m.start : m.end] == m.text
