"""The words a report is matched on: its sentences and the article's title, unless the title may tell of another event."""

from __future__ import annotations

from tests.core.library.test_merge import frame, report
from timeline_app.core.library.merge import assign_event_ids
from timeline_app.core.library.reports import Mentions, make_reports

TWO_ACTS = "Council keeps peacekeepers in Kanvaria, fails to renew arms embargo"
KEEPS = "The Security Council on Thursday voted to keep its peacekeeping force in Kanvaria for another year."
FAILS = "In a separate vote on Thursday, a draft to renew the arms embargo on Vostria failed."


def _at(sentence: str, where: int, day: str = "Thursday") -> dict:
    """The offsets of a sentence starting at `where` in its article, and of its date."""
    return {"evidence_start": where, "char_start": where + sentence.index(day),
            "char_end": where + sentence.index(day) + len(day)}


def _words(rows: list[dict]) -> list[set[str]]:
    """The words of the report of each row, in the rows' order."""
    reports, report_of = make_reports(Mentions.of_frame(frame(rows)))
    return [set(reports[r].words.split()) for r in report_of]


def test_two_events_of_one_day_in_one_article_are_matched_without_the_title() -> None:
    keeps, fails = _words([
        report("wire", "2026-09-17", "", KEEPS, TWO_ACTS, code="192", organizations="UN", **_at(KEEPS, 10)),
        report("wire", "2026-09-17", "VOS", FAILS, TWO_ACTS, code="163", **_at(FAILS, 200)),
    ])
    assert "embarg" not in keeps and "peacek" in keeps  # "peacekeeping" is its own sentence's
    assert "peacek" not in fails and "embarg" in fails


def test_the_title_joins_the_words_of_an_articles_one_event_and_of_events_of_other_days() -> None:
    [alone] = _words([report("wire", "2026-09-17", "", KEEPS, TWO_ACTS, code="192", organizations="UN")])
    assert {"peacek", "embarg", "kanvar"} <= alone
    keeps, earlier = _words([
        report("wire", "2026-09-17", "", KEEPS, TWO_ACTS, code="192", organizations="UN", **_at(KEEPS, 10)),
        report("wire", "2026-09-10", "VOS", FAILS.replace("Thursday", "10 September"), TWO_ACTS, code="163",
               **_at(FAILS.replace("Thursday", "10 September"), 200, "10 September")),
    ])
    assert "embarg" in keeps and "peacek" in earlier


def test_a_wire_telling_two_council_acts_joins_each_report_to_its_own_act() -> None:
    # The renewal's report carried the title's "arms embargo" and matched the embargo's failure.
    ids = assign_event_ids(frame([
        report("wire", "2026-09-17", "", KEEPS, TWO_ACTS, code="192", organizations="UN", **_at(KEEPS, 10)),
        report("wire", "2026-09-17", "VOS", FAILS, TWO_ACTS, code="163", **_at(FAILS, 200)),
        report("un", "2026-09-17", "", "The Security Council today extended the mandate of the United Nations "
               "mission in Kanvaria for a year.", "Security Council extends mission in Kanvaria", code="100",
               organizations="UN"),
        report("us", "2026-09-17", "USA", "The United States regrets that the Security Council today failed to "
               "renew the arms embargo on Vostria.", "Statement on the vote on Vostria", code="163",
               organizations="UN"),
    ]))
    assert ids[0] == ids[2]
    assert ids[0] != ids[3]
