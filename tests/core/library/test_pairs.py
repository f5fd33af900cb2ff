"""The vectorised scores of pairs.py equal matching.score pair by pair, on random reports."""

from __future__ import annotations

import itertools
import random

import numpy as np
import pytest

from timeline_app.core.library import matching, pairs
from timeline_app.core.library.matching import Report

STATES = ["ARE", "DEU", "FRA", "IRN", "MDA", "RUS", "UKR", "USA"]
CODES = ["", "036", "042", "057", "111", "163", "190"]
WORDS = ["sanction", "treasury", "meeting", "minister", "visit", "agreement", "tanker", "drone"]


def _random_report(rng: random.Random, i: int) -> Report:
    start = rng.randrange(0, 20)
    end = start + rng.choice([0, 0, 0, 1, 6, 29])
    coarse = rng.random() < 0.15
    codes = frozenset(c for c in rng.sample(CODES, rng.randrange(0, 3)) if c)
    return Report(f"k{i}", f"article{rng.randrange(0, 8)}", start, end if not coarse else start + 364,
                  "year:2024" if coarse else "", rng.random() < 0.05,
                  frozenset(rng.sample(STATES, rng.randrange(1, 6))), frozenset(), codes,
                  " ".join(sorted(rng.sample(WORDS, rng.randrange(0, 6)))))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_array_scores_are_the_pairwise_scores(seed: int) -> None:
    rng = random.Random(seed)
    reports = [_random_report(rng, i) for i in range(60)]
    arr = pairs.ReportArrays.of(reports)
    apart = [(i, j) for i, j in itertools.combinations(range(len(reports)), 2)
             if reports[i].article != reports[j].article]  # scores() is asked only about these
    a, b = (np.array(x, np.int64) for x in zip(*apart))
    got = pairs.scores(arr, a, b)
    want = np.array([matching.score(reports[i], reports[j]) for i, j in zip(a, b)])
    assert np.allclose(got, want)
    assert (want > 0).sum() > 20  # the random reports do meet
