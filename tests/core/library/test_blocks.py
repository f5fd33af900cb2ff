"""The one-party rule is bounded: on a day crowded with one-party reports they are not compared across parties."""

from __future__ import annotations

import numpy as np
import pytest

from timeline_app.core.library import blocks as bl
from timeline_app.core.library import pairs
from timeline_app.core.library.matching import Report
from timeline_app.core.library.merge import cluster


def _one_party(i: int, day: int, party: str, words: str = "talks railway corridor minister visit") -> Report:
    return Report(f"k{i:05d}", f"a{i}", day, day, "", False, frozenset({party}), frozenset(), frozenset({"040"}), words)


def _day(n: int, day: int = 20000, first: int = 0) -> list[Report]:
    """n one-party reports of one day, every one naming another state."""
    return [_one_party(first + i, day, f"S{first + i:04d}") for i in range(n)]


def _one_sided_pairs(reports: list[Report]) -> int:
    arr = pairs.ReportArrays.of(reports)
    kinds = np.array([bl.kind(r) for r in reports], np.int64)
    arr.one_side_crowded = bl.one_side_crowding(arr, kinds)[0]
    a, b = pairs.candidate_pairs(arr)
    return int(pairs.one_sided(arr, a, b).sum())


@pytest.mark.parametrize("n", [2, 10, bl.CROWD])
def test_a_quiet_day_compares_every_two_one_party_reports(n: int) -> None:
    assert _one_sided_pairs(_day(n)) == n * (n - 1) // 2


@pytest.mark.parametrize("n", [bl.CROWD + 1, 500, 3000])
def test_a_crowded_day_makes_no_one_party_comparison(n: int) -> None:
    assert _one_sided_pairs(_day(n)) == 0


def test_the_comparisons_of_a_report_stay_under_the_cap_whatever_the_crowd() -> None:
    # Days of 1 to 3,000 one-party reports: at most CROWD partners for any report, so the
    # comparisons grow with the reports, never with the square of a day's.
    reports: list[Report] = []
    for day, n in enumerate([1, 5, bl.CROWD, bl.CROWD + 1, 1000, 3000]):
        reports += _day(n, 20000 + 10 * day, len(reports))
    quiet = 1 + 5 + bl.CROWD
    assert _one_sided_pairs(reports) <= quiet * bl.CROWD
    assert _one_sided_pairs(reports) == 10 + bl.CROWD * (bl.CROWD - 1) // 2


def test_two_statements_naming_each_other_merge_on_a_quiet_day_not_on_a_crowded_one() -> None:
    host = _one_party(0, 20000, "KEN", "held talks railway corridor president kenya nairobi")
    guest = _one_party(1, 20000, "ETH", "received prime minister ethiopia talks railway corridor")
    result = cluster([host, guest])
    assert result.events[0] == result.events[1]
    crowd = [_one_party(10 + i, 20000, f"S{i:03d}", f"notice {i} consular fee") for i in range(bl.CROWD)]
    result = cluster([host, guest, *crowd])
    assert result.events[0] != result.events[1]
    assert ("*", "D20000", bl.CROWD + 2) in result.counts


def test_reports_sharing_their_party_still_merge_on_a_crowded_day() -> None:
    first = _one_party(0, 20000, "KEN", "held talks railway corridor president kenya nairobi")
    second = _one_party(1, 20000, "KEN", "talks railway corridor kenya president nairobi")
    crowd = [_one_party(10 + i, 20000, f"S{i:03d}", f"notice {i} consular fee") for i in range(bl.CROWD)]
    result = cluster([first, second, *crowd])
    assert result.events[0] == result.events[1]
