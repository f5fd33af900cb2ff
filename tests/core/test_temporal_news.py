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

    def test_a_postponed_date_lies_after_the_postponing(self) -> None:
        assert found("The vote has been postponed to Friday.") == [("Friday", "2023-09-15")]
        assert found("The hearing was adjourned until Monday.") == [("Monday", "2023-09-18")]
