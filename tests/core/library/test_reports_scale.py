"""One article's alike mentions become reports at a cost that does not grow with their square, and the
reports are the ones that comparing every pair would give."""

from __future__ import annotations

import random

import pytest

from timeline_app.core.library import columns as col
from timeline_app.core.library import reports
from timeline_app.core.library.reports import Mentions, make_reports

DATES = [("2021-03-04", "2021-03-04", "2021-03-04"), ("2021-03-05", "2021-03-05", "2021-03-05"),
         ("2021-03", "2021-03-01", "2021-03-31")]
COUNTRIES = ["", "FRA", "DEU", "DEU;FRA", "FRA;ITA"]
CODES = ["", "040", "042", "163"]


def _frame(rows: list[tuple[str, int, int, str, str, bool]]) -> dict[str, list]:
    """Rows of (article, sentence start, char start, date index, countries, code, open end)."""
    frame: dict[str, list] = {name: [] for name in (
        col.ARTICLE_ID, col.EVIDENCE_START, col.CHAR_START, col.CHAR_END, col.DATE_VALUE, col.DATE_START,
        col.DATE_END, col.COUNTRIES, col.CAMEO_CODE, col.OPEN_END, col.EVIDENCE, col.MENTION_KEY)}
    for n, (article, sentence, start, date, countries, code, open_end) in enumerate(rows):
        value, first, last = DATES[date]
        for name, v in ((col.ARTICLE_ID, article), (col.EVIDENCE_START, sentence), (col.CHAR_START, start),
                        (col.CHAR_END, start + 8), (col.DATE_VALUE, value), (col.DATE_START, first),
                        (col.DATE_END, last), (col.COUNTRIES, countries), (col.CAMEO_CODE, code),
                        (col.OPEN_END, open_end), (col.EVIDENCE, "x" * 200), (col.MENTION_KEY, f"k{n:04d}")):
            frame[name].append(v)
    return frame


def _every_pair(m: Mentions) -> list[frozenset[int]]:
    """The oracle: every pair of an article's mentions of one date, and dates next to each other."""
    parent = list(range(m.n))

    def find(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    placed = [i for i, ok in enumerate(m.matchable_all()) if ok]

    def inside(i: int, j: int) -> bool:
        """j's days are the one narrow stretch of the article within i's vague date (a week, a month)."""
        if not reports.NARROW_DAYS < m.end[i] - m.start[i] + 1 <= reports.FINE_SPAN_DAYS:
            return False
        within = {(m.start[k], m.end[k]) for k in placed if m.article[k] == m.article[i]
                  and m.start[i] <= m.start[k] and m.end[k] <= m.end[i] and m.end[k] - m.start[k] < reports.NARROW_DAYS}
        return within == {(m.start[j], m.end[j])}

    for i in placed:
        for j in placed:
            if i < j and m.article[i] == m.article[j]:
                same = (m.start[i], m.end[i]) == (m.start[j], m.end[j])
                near = m.evidence_start[i] == m.evidence_start[j] and reports._near(m, i, j)
                contained = inside(i, j) or inside(j, i)
                if (same or near or contained) and reports._one_report(
                        m, i, j, reports.TypeTable.default(), contained=contained):
                    parent[find(j)] = find(i)
    groups: dict[int, set[int]] = {}
    for i in placed:
        groups.setdefault(find(i), set()).add(i)
    return sorted(map(frozenset, groups.values()), key=min)


def _made(m: Mentions) -> list[frozenset[int]]:
    _, report_of = make_reports(m)
    groups: dict[int, set[int]] = {}
    for i, r in enumerate(report_of):
        if r >= 0:
            groups.setdefault(r, set()).add(i)
    return sorted(map(frozenset, groups.values()), key=min)


@pytest.mark.parametrize("seed", range(12))
def test_reports_are_those_of_comparing_every_pair(seed: int) -> None:
    rng = random.Random(seed)
    rows = []
    for _ in range(60):
        sentence = rng.randrange(0, 2000, 200)
        rows.append((f"a{rng.randrange(3)}", sentence, sentence + rng.randrange(0, 150), rng.randrange(len(DATES)),
                     rng.choice(COUNTRIES), rng.choice(CODES), rng.random() < 0.1))
    m = Mentions(_frame(rows))
    assert _made(m) == _every_pair(m)


def test_a_run_of_alike_mentions_is_compared_once_not_pair_by_pair(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    real = reports._one_report
    monkeypatch.setattr(reports, "_one_report", lambda *a, **k: calls.append(a) or real(*a, **k))
    # "France met Germany on 4 March 2021 and " x 2,000 in one sentence
    m = Mentions(_frame([("a", 0, 40 * n, 0, "DEU;FRA", "040", False) for n in range(2000)]))
    made = _made(m)
    assert made == [frozenset(range(2000))]
    assert len(calls) < 10  # every pair would be 1,999,000 comparisons
