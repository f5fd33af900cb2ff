"""Reports naming one kind of act whose verbs are typed cooperation and conflict (matching.type_of_one_act)."""

from __future__ import annotations

import numpy as np
import pytest

from timeline_app.core.library.matching import LINK, Report, TypeTable, one_act, score, type_score
from timeline_app.core.library.pairs import ReportArrays, scores
from timeline_app.core.library.words import content_words


def _told(key: str, sentence: str, code: str, countries: str = "GHA TGO") -> Report:
    return Report(key, key, 9, 9, "", False, frozenset(countries.split()), frozenset(), frozenset({code}),
                  content_words(sentence))


def _both_ways(a: Report, b: Report) -> float:
    """The pair's score, checked to be the same from matching.score and from the vectorised pairs.scores."""
    vector = scores(ReportArrays.of([a, b]), np.array([0]), np.array([1]))[0]
    assert vector == pytest.approx(score(a, b))
    return vector


def test_a_regret_of_a_recall_that_names_the_recall_is_one_event() -> None:
    # The recall's own report types it 161 (conflict), the other side's regret 040 (cooperation):
    # by types alone, cooperation against conflict, never one event.
    recall = _told("a", "Ghana decided today to recall its ambassador in Lome for consultations.", "161")
    regret = _told("b", "The minister regrets the decision of Accra to call its ambassador back for "
                        "consultations.", "040")
    assert type_score(recall.codes, regret.codes, TypeTable.default()) == 0.0
    assert one_act(recall, regret)
    assert _both_ways(recall, regret) >= LINK


def test_an_airspace_protest_and_the_violation_it_names_are_one_event() -> None:
    violation = _told("a", "A Togolese helicopter violated Ghanaian airspace near Aflao this morning.", "190")
    protest = _told("b", "Ghana's minister will meet Togo's envoy to discuss yesterday's airspace "
                         "violation.", "040")
    assert _both_ways(violation, protest) >= LINK


def test_a_regret_naming_no_kind_of_act_stays_apart_from_the_recall() -> None:
    # Nothing in the regret's words says which act it regrets: the types still decide.
    recall = _told("a", "Ghana decided today to recall its ambassador in Lome for consultations.", "161")
    regret = _told("b", "The minister regrets the decision of Accra and hopes for a relationship of respect.", "040")
    assert not one_act(recall, regret)
    assert _both_ways(recall, regret) == 0.0


def test_a_shared_kind_does_not_join_codes_the_table_sets_apart() -> None:
    # compatible.tsv sets a protest (14) apart from a reduction of relations (16): two acts of one day.
    protest = _told("a", "Protesters gathered outside the embassy after the ambassador was recalled.", "141")
    recall = _told("b", "Ghana recalled its ambassador from Lome.", "161")
    assert one_act(protest, recall)
    assert _both_ways(protest, recall) == 0.0


def test_one_sided_reports_keep_their_types_for_a_guard() -> None:
    # Each names one other state (matching.one_sided): no shared party, so cooperation against
    # conflict still keeps talks and an attack apart, whatever act words they share.
    talks = _told("a", "The President received the Prime Minister for talks on the border.", "040", "ETH")
    attack = _told("b", "The Prime Minister held talks with the President on the border.", "190", "KEN")
    assert one_act(talks, attack)
    assert _both_ways(talks, attack) == 0.0


def test_a_body_deciding_a_suspension_and_a_wire_telling_it_with_the_coup_are_one_event() -> None:
    # The council's decision is typed by its meeting (040), the wire by the coup it names (180): a
    # suspension is a kind of act of its own (act_kinds.tsv), named by both.
    decision = _told("a", "The Council, at its meeting held today on the situation in Togo, decides to suspend "
                          "the Republic of Togo from all activities of the Union.", "040", "AU TGO")
    wire = _told("b", "The African Union suspended Togo on Friday, three days after soldiers seized power "
                      "in Lome.", "180", "AU TGO")
    assert type_score(decision.codes, wire.codes, TypeTable.default()) == 0.0
    assert one_act(decision, wire)
    assert _both_ways(decision, wire) >= LINK


def test_a_coup_told_without_the_suspension_stays_apart_from_the_decision() -> None:
    decision = _told("a", "The Council, at its meeting held today on the situation in Togo, decides to suspend "
                          "the Republic of Togo from all activities of the Union.", "040", "AU TGO")
    coup = _told("b", "Soldiers seized power in Lome on Friday and closed the borders.", "180", "AU TGO")
    assert not one_act(decision, coup)
    assert _both_ways(decision, coup) == 0.0
