"""find_dates on a short article with the seed's phenomena, and every EXAMPLE line of the rule files."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline_app.core.models import Precision
from timeline_app.core.temporal import check_example, default_rules, find_dates
from timeline_app.core.temporal.resolve import Resolver

WEDNESDAY = dt.date(2022, 12, 28)

ARTICLE = """Finance Chiefs of Chile and Peru Hold First Talks Since 2013

The finance ministers of Chile and Peru met in Lima on Wednesday to discuss a trade corridor.

It is the first meeting of the two finance ministers since 2013, officials said.

Peru recalled its ambassador from Santiago back in 2014 after a dispute over fishing rights.

But now that it's clear the dispute is settled, Lima wants closer ties. The Peruvian minister said earlier this year that he had met his Chilean counterpart in March 2021, the first contact since 2013.

Officials said that during Wednesday's meeting, the two sides agreed to meet again.

In November, Chile lifted tariffs on Peruvian grain.
"""

EXPECTED = [
    ("2013", "2013", Precision.YEAR),
    ("Wednesday", "2022-12-28", Precision.DAY),
    ("2013", "2013", Precision.YEAR),
    ("2014", "2014", Precision.YEAR),
    ("earlier this year", "2022", Precision.YEAR),
    ("March 2021", "2021-03", Precision.MONTH),
    ("2013", "2013", Precision.YEAR),
    ("Wednesday", "2022-12-28", Precision.DAY),
    ("November", "2022-11", Precision.MONTH),
]


def test_seed_like_article_gives_exactly_the_expected_mentions() -> None:
    mentions = find_dates(ARTICLE, WEDNESDAY)
    assert [(m.text, m.value, m.granularity) for m in mentions] == EXPECTED
    for m in mentions:
        assert ARTICLE[m.start : m.end] == m.text
        assert m.placeable


def test_seed_like_article_offsets_and_open_ends() -> None:
    mentions = find_dates(ARTICLE, WEDNESDAY)
    title_year = mentions[0]
    assert ARTICLE.index("2013") == title_year.start
    assert title_year.open_end  # "Since 2013"
    assert (title_year.start_date, title_year.end_date) == (dt.date(2013, 1, 1), dt.date(2013, 12, 31))
    november = mentions[-1]
    assert (november.start_date, november.end_date) == (dt.date(2022, 11, 1), dt.date(2022, 11, 30))
    assert november.relative and not mentions[3].relative


def test_now_that_is_no_date() -> None:
    assert find_dates("But now that it's clear, Lima wants closer ties.", WEDNESDAY) == []


def test_mentions_are_sorted_and_do_not_overlap() -> None:
    mentions = find_dates(ARTICLE * 3, WEDNESDAY)
    for a, b in zip(mentions, mentions[1:]):
        assert a.end <= b.start


@pytest.mark.parametrize("example", default_rules().examples, ids=str)
def test_rule_example(example) -> None:
    assert check_example(example) is None


def test_a_season_then_that_day_resolves_the_season_and_drops_the_day():
    # Raised "unknown unit 'season'" (issue #18, item 5): "that day" needs a day, a season has none.
    found = [(m.text, m.value) for m in find_dates("They met last spring that day in Paris.", dt.date(2022, 3, 3))]
    assert found == [("last spring", "2021-SP")]


def test_a_failure_in_one_expression_leaves_it_unresolved_and_keeps_the_others(monkeypatch, caplog):
    real = Resolver.resolve

    def failing(self, value, tense):
        if value.startswith("DOW"):  # the weekday rules' values: a bug in one rule
            raise RuntimeError("injected failure")
        return real(self, value, tense)

    monkeypatch.setattr(Resolver, "resolve", failing)
    mentions = find_dates("Chile and Peru met on Wednesday and agreed a deal in March 2021.", WEDNESDAY)
    assert [(m.text, m.value, m.placeable) for m in mentions] == [("Wednesday", "", False),
                                                                   ("March 2021", "2021-03", True)]
    assert mentions[0].granularity is Precision.DAY
    assert "Wednesday" in caplog.text and "injected failure" in caplog.text


@pytest.mark.parametrize(("sentence", "found"), [
    ("On 5 March 3000 people marched.", [("5 March", "2022-03-05")]),  # a count after a day: the day kept
    ("On 1 March, 30000 people marched.", [("1 March", "2022-03-01")]),  # a count too long for a year, too
    ("On March 2, 12000 pages were released.", [("March 2", "2022-03-02")]),
    ("On March 2, 12000 in the file.", []),  # a number that is no count: an impossible year, no date
    ("The treaty of 1 January 2023 holds.", [("1 January 2023", "2023-01-01")]),
])
def test_a_date_followed_by_a_number_that_is_no_year_keeps_its_date(sentence, found):
    # The rule that refuses "1 January 99999" (#18, item 15; its EXAMPLE lines) must take no more than that.
    assert [(m.text, m.value) for m in find_dates(sentence, dt.date(2022, 3, 3))] == found


def test_a_day_of_last_month_that_month_does_not_have_gives_no_wrong_day() -> None:
    # Published 5 March 2024: February had 29 days; no 30 February, and no day of another month instead.
    found = [(m.text, m.value) for m in find_dates("The pact was signed on the 30th of last month.", dt.date(2024, 3, 5))]
    assert found == []
    assert [(m.text, m.value) for m in find_dates("The pact was signed on the 29th of last month.", dt.date(2024, 3, 5))
            ] == [("the 29th of last month", "2024-02-29")]


def test_the_first_day_of_a_range_may_carry_its_ordinal_suffix() -> None:
    # "from 8th to 9th October" was read as the 9th alone: a two-day visit told as its last day.
    found = find_dates("The President will visit Berlin from 8th to 9th October.", dt.date(2035, 10, 7))
    assert [(m.text, m.value) for m in found] == [("8th", "2035-10-08"), ("9th October", "2035-10-09")]


def test_an_ordinal_that_starts_no_range_stays_no_date() -> None:
    found = find_dates("The 8th Army moved to 9th October Street.", dt.date(2035, 10, 7))
    assert [(m.text, m.value) for m in found] == [("9th October", "2035-10-09")]
