"""Relative dates inside a quoted statement count from the day it was said, when the sentence tells it."""

from __future__ import annotations

import datetime as dt

from timeline_app.core.temporal import find_dates

THU = dt.date(2025, 5, 15)  # a Thursday


def found(text: str, published: dt.date = THU) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in find_dates(text, published)]


class TestQuotedStatement:
    def test_yesterday_in_a_quote_is_the_day_before_the_saying(self) -> None:
        assert found('"Yesterday we lost the bridge," the commander said on Tuesday.') == [
            ("Yesterday", "2025-05-12"), ("Tuesday", "2025-05-13")]
        assert found("\u201cToday the guns fell silent,\u201d the envoy wrote on May 2.") == [
            ("Today", "2025-05-02"), ("May 2", "2025-05-02")]

    def test_a_month_or_year_of_saying_anchors_units_no_finer(self) -> None:
        assert found('In March, the mayor said: "The bridge will reopen next month."') == [
            ("March", "2025-03"), ("next month", "2025-04")]
        assert found('Asked in 2021, she replied: "We will finish next year."') == [
            ("2021", "2021"), ("next year", "2022")]
        # A month tells no day: "yesterday" said in March is still counted from publication.
        assert found('In March, the mayor said: "Yesterday was hard."') == [
            ("March", "2025-03"), ("Yesterday", "2025-05-14")]

    def test_without_a_day_of_saying_the_quote_counts_from_publication(self) -> None:
        assert found('"Yesterday we lost the bridge," the commander said.') == [("Yesterday", "2025-05-14")]
        # A date in the attribution with no verb of saying is not the day of saying.
        assert found('"Yesterday was hard," read a banner at the rally held on Tuesday.') == [
            ("Yesterday", "2025-05-14"), ("Tuesday", "2025-05-13")]

    def test_reported_speech_without_quotes_is_left_to_the_tense_rules(self) -> None:
        assert found("The commander said on Tuesday that the bridge had been lost yesterday.") == [
            ("Tuesday", "2025-05-13"), ("yesterday", "2025-05-14")]


class TestQuotedWeekdays:
    # Published on Thursday May 15; the saying, on Monday May 12, is told after each quote.
    def test_a_weekday_in_a_quote_counts_from_the_day_of_saying_on_the_side_its_tense_gives(self) -> None:
        assert found('"We met the envoy on Tuesday," the minister said on Monday.') == [
            ("Tuesday", "2025-05-06"), ("Monday", "2025-05-12")]
        assert found('"We will meet the envoy on Wednesday," the minister said on Monday.') == [
            ("Wednesday", "2025-05-14"), ("Monday", "2025-05-12")]

    def test_single_quotes_are_quotes_and_a_plural_apostrophe_opens_none(self) -> None:
        assert found("'We don't regret what we signed on Tuesday,' the minister said on Monday.") == [
            ("Tuesday", "2025-05-06"), ("Monday", "2025-05-12")]
        assert found("\u2018We met on Tuesday,\u2019 she said on Monday.") == [
            ("Tuesday", "2025-05-06"), ("Monday", "2025-05-12")]
        # Not a quotation: the ministers' talks, then a saying; Tuesday counts from publication.
        assert found("The ministers' talks ended on Tuesday, the envoy said on Monday.") == [
            ("Tuesday", "2025-05-13"), ("Monday", "2025-05-12")]

    def test_a_week_of_saying_in_one_month_anchors_a_month_not_a_day(self) -> None:
        # Said in the week of April 21-27, published May 1: "next month" is May, "yesterday" stays
        # the day before publication (a week tells no day).
        assert found('"Next month we will sign it," the minister said last week.', dt.date(2025, 5, 1)) == [
            ("Next month", "2025-05"), ("last week", "2025-W17")]
        assert found('"Yesterday was hard," the minister said last week.', dt.date(2025, 5, 1)) == [
            ("Yesterday", "2025-04-30"), ("last week", "2025-W17")]
