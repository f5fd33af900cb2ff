"""Printed pages to text: running heads and feet, hyphens at line ends, wrapped lines and paragraphs."""

from __future__ import annotations

from timeline_app.core.ingest.pagetext import pages_text, paragraphs, running_lines

FULL = "The delegations of the two states met at the palace on Tuesday and agreed on a"  # a full line
BODY = [  # full lines of the body of three pages
    "The delegations of the two states met at the palace on Tuesday and agreed on a",
    "The observers will report to the council every week from the first of the month",
    "Both sides said the next round would be held in the capital before the summer",
]


def test_a_line_heading_or_footing_most_pages_is_dropped_page_numbers_and_all() -> None:
    pages = [
        ["Ministry of Foreign Affairs", BODY[0], "plan for the border.", "Page 1 of 3"],
        ["Ministry of Foreign Affairs", BODY[1], "second round of talks.", "Page 2 of 3"],
        ["Ministry of Foreign Affairs", BODY[2], "third round.", "Page 3 of 3"],
    ]
    text = pages_text(pages)
    assert "Ministry" not in text and "Page" not in text
    assert all(line in text for line in BODY)


def test_a_line_on_the_top_of_only_half_the_pages_is_kept() -> None:
    long_page = ["Schedule", BODY[2], "the signatories", "said so.", "Ministry of Foreign Affairs", "third round.",
                 "Closing", "remarks", "end."]
    pages = [
        ["Joint Statement", BODY[0], "Ministry of Foreign Affairs", "plan for the border."],
        ["Annex", BODY[1], "Ministry of Foreign Affairs", "second round of talks."],
        long_page,
        long_page[::-1],
    ]
    assert "ministry of foreign affairs" not in running_lines(pages)  # two pages of four: not most
    assert pages_text(pages).count("Ministry of Foreign Affairs") == 4


def test_a_running_line_inside_a_page_body_is_kept() -> None:
    pages = [
        ["Ministry of Foreign Affairs", BODY[0], "plan."],
        ["Ministry of Foreign Affairs", BODY[1], "a", "b", "Ministry of Foreign Affairs", "c", "d", "e"],
    ]
    assert running_lines(pages) == {"ministry of foreign affairs"}
    assert pages_text(pages).count("Ministry of Foreign Affairs") == 1


def test_one_page_has_no_running_lines() -> None:
    assert running_lines([["Ministry of Foreign Affairs", FULL, "Page 1 of 1"]]) == set()


def test_a_word_broken_at_a_line_end_is_joined() -> None:
    lines = ["The ministers met in Paris on 3 March 2021 to discuss the diplo-", "matic situation in the region."]
    assert paragraphs(lines) == ["The ministers met in Paris on 3 March 2021 to discuss the diplomatic situation in "
                                 "the region."]


def test_a_hyphen_before_a_capital_or_a_dash_after_a_space_stays() -> None:
    assert paragraphs([f"{FULL} Franco-", "German treaty."]) == [f"{FULL} Franco-German treaty."]
    assert paragraphs([f"{FULL} talks -", "then a pause."]) == [f"{FULL} talks - then a pause."]


def test_wrapped_lines_are_one_paragraph_and_a_short_sentence_end_closes_it() -> None:
    lines = [FULL, "truce along the whole of the line, which the observers will check each week, and", "on a date.",
             FULL, "second truce."]
    assert paragraphs(lines) == [f"{FULL} truce along the whole of the line, which the observers will check each "
                                 "week, and on a date.", f"{FULL} second truce."]


def test_a_full_line_that_ends_a_sentence_does_not_close_its_paragraph() -> None:
    lines = ["The ministers met at the palace and agreed that the envoys should meet again.",
             "They set no date for it at the time."]
    assert len(paragraphs(lines)) == 1


def test_a_short_heading_a_blank_line_and_a_list_item_start_paragraphs() -> None:
    lines = ["Joint Statement", FULL, "truce.", "", FULL, "- a bullet on its own line that follows a wrapped one",
             "1. a numbered point"]
    assert paragraphs(lines) == ["Joint Statement", f"{FULL} truce.", FULL,
                                 "- a bullet on its own line that follows a wrapped one", "1. a numbered point"]


def test_a_paragraph_runs_on_over_a_page_break() -> None:
    pages = [["Report", BODY[0]], [BODY[1], "end of it."]]
    assert pages_text(pages) == f"Report\n\n{BODY[0]} {BODY[1]} end of it."


def test_pages_that_hold_nothing_but_the_same_line_keep_it() -> None:
    assert pages_text([["Agenda"], ["Agenda"], ["Agenda"]]).split() == ["Agenda"] * 3
