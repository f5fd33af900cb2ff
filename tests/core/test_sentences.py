"""Sentence spans: abbreviations, initials, headlines and lookup by offset."""

from __future__ import annotations

from timeline_app.core.sentences import MAX_SENTENCE, sentence_at, split_sentences


def _texts(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


def test_full_stops_end_sentences() -> None:
    assert _texts("The talks ended. The envoys left.") == ["The talks ended.", "The envoys left."]


def test_abbreviations_and_initials_do_not_end_sentences() -> None:
    text = "Talks resume on Dec. 28 in Geneva. Gen. Smith and George W. Bush met the U.S. envoy there."
    assert _texts(text) == ["Talks resume on Dec. 28 in Geneva.", "Gen. Smith and George W. Bush met the U.S. envoy there."]


def test_a_line_break_ends_a_headline() -> None:
    text = "Ministers Meet Since 2011\n\nThe ministers met on Wednesday."
    assert _texts(text) == ["Ministers Meet Since 2011", "The ministers met on Wednesday."]


def test_lower_case_after_a_stop_continues_the_sentence() -> None:
    assert _texts("He paid approx. ten dollars. Then he left.") == ["He paid approx. ten dollars.", "Then he left."]


def test_sentence_at_finds_the_span_or_none() -> None:
    text = "One. Two three."
    spans = split_sentences(text)
    assert sentence_at(spans, text.index("three")) == (5, 15)
    assert sentence_at(spans, 4) is None  # the space between sentences
    assert sentence_at([], 0) is None


def test_a_run_on_sentence_is_cut_at_spaces_into_pieces_of_at_most_max_sentence() -> None:
    text = "Intro. " + "France met Germany on 4 March 2021 and " * 260 + "done."
    spans = split_sentences(text)
    assert spans[0] == (0, 6)
    assert all(b - a <= MAX_SENTENCE for a, b in spans)
    assert len(spans) > 1 + len(text) // MAX_SENTENCE
    assert text[spans[-1][1] - 5:spans[-1][1]] == "done."
    for (_, end), (start, _) in zip(spans[1:], spans[2:]):  # pieces meet at spaces, no word is split
        assert text[end:start].isspace() and text[start - 1] == " "


def test_a_run_without_spaces_is_cut_at_max_sentence() -> None:
    spans = split_sentences("x" * (2 * MAX_SENTENCE + 5))
    assert spans == [(0, MAX_SENTENCE), (MAX_SENTENCE, 2 * MAX_SENTENCE), (2 * MAX_SENTENCE, 2 * MAX_SENTENCE + 5)]


def test_a_full_stop_inside_a_date_expression_does_not_end_the_sentence() -> None:
    text = "Die Frist endet am 4. April 2016 in Athen. Danach beginnt die Rückführung."
    date = (text.index("4. April"), text.index(" in Athen"))
    assert _texts(text) == ["Die Frist endet am 4.", "April 2016 in Athen.", "Danach beginnt die Rückführung."]
    assert [text[a:b] for a, b in split_sentences(text, [date])] == [
        "Die Frist endet am 4. April 2016 in Athen.", "Danach beginnt die Rückführung."]


def test_a_date_that_ends_at_the_full_stop_still_ends_the_sentence() -> None:
    text = "Die Gespräche begannen 2016. Sie dauern an."
    date = (text.index("2016"), text.index("2016") + 5)  # the span takes in the stop
    assert [text[a:b] for a, b in split_sentences(text, [date])] == ["Die Gespräche begannen 2016.", "Sie dauern an."]


def test_a_full_stop_before_a_letter_of_a_script_without_case_ends_the_sentence() -> None:
    text = "التقى الوزيران في عمّان. كما بحثا الأوضاع في غزة."
    assert _texts(text) == ["التقى الوزيران في عمّان.", "كما بحثا الأوضاع في غزة."]


def test_a_full_stop_before_a_lower_case_letter_of_another_script_does_not() -> None:
    assert _texts("Он сказал т. е. нет.") == ["Он сказал т. е. нет."]
