"""Two acts of one pair on one day: the kinds of act a report's words tell (resources/merging/act_kinds.tsv)."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pytest

from tests.core.library.word_examples import word_list_examples
from timeline_app.core.library import words
from timeline_app.core.library.matching import LINK, Report, score, two_acts
from timeline_app.core.library.pairs import ReportArrays, scores
from timeline_app.core.library.words import act_bits, act_kinds, content_words
from timeline_app.errors import RulesError

_EXAMPLES = word_list_examples("act_kinds.tsv", "apart")


def _told(key: str, sentence: str, countries: str = "GHA TGO", code: str = "040", day: int = 9) -> Report:
    return Report(key, key, day, day, "", False, frozenset(countries.split()), frozenset(), frozenset({code}),
                  content_words(sentence))


@pytest.mark.parametrize("where, text, apart", _EXAMPLES)
def test_example_lines_of_the_act_kinds(where: str, text: str, apart: bool) -> None:
    first, _, second = text.partition(" | ")
    assert second, where
    assert two_acts(_told("a", first), _told("b", second)) is apart, where


def test_there_are_positive_and_negative_act_kind_examples() -> None:
    assert {apart for *_, apart in _EXAMPLES} == {True, False}


def test_a_call_and_a_signing_of_one_pair_on_one_day_are_two_events() -> None:
    # Both cooperation, both naming Ghana and Togo, the same day: types and parties alone join them.
    call = _told("a", "The President of Ghana spoke by telephone with the President of Togo about the "
                      "corridor road.", code="040")
    signing = _told("b", "Ghana and Togo signed an agreement on the corridor road in Lome.", code="057")
    untold = signing._replace(words=content_words("Ghana and Togo on the corridor road in Lome."))
    assert score(call, untold) >= LINK  # what the rule is for: without it, one event
    assert two_acts(call, signing) and score(call, signing) == 0.0
    arr = ReportArrays.of([call, signing, untold])
    assert scores(arr, np.array([0, 0]), np.array([1, 2])).tolist() == pytest.approx(
        [0.0, score(call, untold)])


def test_reports_of_one_act_in_other_words_stay_one_event() -> None:
    # A signing told by a party ("signed") and by a third state ("welcomes the treaty ... this week"),
    # and a reaction that names no kind at all: each shares a kind with the signing or says nothing.
    signing = _told("a", "Ghana and Togo signed the maritime boundary treaty in Accra today.", code="057")
    welcome = _told("b", "Benin welcomes the treaty concluded by Ghana and Togo this week.", code="051")
    regret = _told("c", "Lome regrets nothing and looks to the future with its neighbour.", code="051")
    assert not two_acts(signing, welcome) and score(signing, welcome) >= LINK
    assert act_bits(regret.words) == 0 and not two_acts(signing, regret)
    arr = ReportArrays.of([signing, welcome, regret])
    assert scores(arr, np.array([0, 0]), np.array([1, 2])).tolist() == pytest.approx(
        [score(signing, welcome), score(signing, regret)])


def test_an_analysis_counting_rounds_of_measures_joins_the_sanctions_it_counts() -> None:
    # A long analysis days later names the package by a noun and counts it as a "round"; a round of
    # sanctions is no meeting, so the release's sanctions and the analysis stay one event.
    release = _told("a", "Canada today imposed sanctions on twelve officials of Nicaragua over the jailing of "
                         "opposition figures.", countries="CAN NIC", code="163")
    analysis = _told("b", "Canada's measures against Nicaragua, announced on Wednesday, are the fourth round "
                          "of such measures and the first to name the judges who jailed opposition figures.",
                     countries="CAN NIC", code="010")
    assert not two_acts(release, analysis) and score(release, analysis) >= LINK
    talks = _told("c", "Canada and Nicaragua opened a fourth round of talks on the jailed opposition figures.",
                  countries="CAN NIC", code="010")
    assert two_acts(release, talks) and score(release, talks) == 0.0  # talks still name a meeting


def test_a_word_of_two_senses_joins_both_kinds() -> None:
    # "call" is a phone call or an envoy called back; "handed over" a hostage or a suspect.
    recalled = _told("a", "Ghana recalled its ambassador from Lome.")
    call_back = _told("b", "The decision to call back the ambassador is regretted.")
    phone = _told("c", "The two presidents spoke by phone.")
    assert not two_acts(recalled, call_back) and not two_acts(call_back, phone)
    assert two_acts(recalled, phone)


@pytest.fixture
def kinds_file(tmp_path, monkeypatch) -> Iterator:
    folder = tmp_path / "merging"
    folder.mkdir()
    monkeypatch.setattr(words, "resource", lambda name: tmp_path / name)
    act_kinds.cache_clear()
    yield folder / "act_kinds.tsv"
    act_kinds.cache_clear()


def test_a_kind_listed_twice_or_a_capitalised_word_is_reported_with_its_place(kinds_file) -> None:
    kinds_file.write_text("# header\nsign\tsigned treaty\nsign\tpact\n", encoding="utf-8")
    with pytest.raises(RulesError, match=r"act_kinds.tsv:3: the kind 'sign' is listed twice"):
        act_kinds()
    kinds_file.write_text("sign\tsigned Treaty\n", encoding="utf-8")
    act_kinds.cache_clear()
    with pytest.raises(RulesError, match=r"act_kinds.tsv:1: 'Treaty' must be lower case"):
        act_kinds()
    kinds_file.write_text("sign\tsigned treaty\ncall\tphone\n", encoding="utf-8")
    act_kinds.cache_clear()
    assert act_kinds() == {"signed": 1, "treaty": 1, "phone": 2}
