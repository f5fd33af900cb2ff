"""One article's mentions of one event taken together as a report: the unit that reports of other articles are matched with."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from functools import lru_cache

import pandas as pd

from timeline_app.core.daycount import MISSING_DAY, date_to_days, parse_iso_days
from timeline_app.core.library import columns as col
from timeline_app.core.library.pairs import NARROW_DAYS
from timeline_app.core.library.matching import FINE_SPAN_DAYS, Report, TypeTable, fine_precision, type_score
from timeline_app.core.library.words import content_words, word_list
from timeline_app.core.temporal.values import describe

# Between the two ends of a range written as two dates: "7-8 March", "23 to 24 October".
_RANGE_JOINER = re.compile(r"\s*(?:-|\u2013|to|through|until)\s*", re.IGNORECASE)
# Two days joined by "and" are one stretch only when they follow each other ("met on 22 and 23 May");
# otherwise a list of days ("met on March 3 and 5"), each its own event ("between 3 and 5 June" is
# read as one range, #23).
_AND_JOINER = re.compile(r"\s*and\s*", re.IGNORECASE)
_RANGE_GAP = 12  # characters: the longest joiner, " through ", with room for more spaces


def _days(values: Sequence[str], starts: Sequence[str], ends: Sequence[str]) -> tuple[list[int], list[int]]:
    """First and last day of every mention; a value given without its days (a frame built by hand)
    is described once per distinct value."""
    first, last = parse_iso_days(starts).tolist(), parse_iso_days(ends).tolist()
    described: dict[str, tuple[int, int]] = {}
    for i, value in enumerate(values):
        if first[i] == MISSING_DAY and value:
            if value not in described:
                d = describe(value)
                described[value] = ((date_to_days(d[1]), date_to_days(d[2])) if d and d[1] and d[2]
                                    else (MISSING_DAY, MISSING_DAY))
            first[i], last[i] = described[value]
    return first, last


_APART_REACH = 3  # words before a date in which an apart word counts
# An apart word opening the date's sentence before a comma ("Separately, the ministry closed the
# crossing this afternoon") sets apart the whole sentence, however far the date stands from it.
_APART_OPENING = re.compile(r"\W*([^\W\d_]+)\s*,")
_WORDS_BEFORE = re.compile(r"[^\W\d_]+")
# A verb's past form in lower case ("arrived", "returned"; not "United"): between two dates of one
# sentence, the verb of another clause ("freed last week, returned on Sunday": two times).
_FINISHED = re.compile(r"[a-z]{3,}ed")


def _opens_apart(sentence: str, apart: frozenset[str]) -> bool:
    """Whether an apart word and a comma open the sentence (_APART_OPENING)."""
    opening = _APART_OPENING.match(sentence)
    return bool(opening) and opening.group(1).lower() in apart


@lru_cache(maxsize=1)
def between_words() -> frozenset[str]:
    """The words of resources/merging/between_words.txt."""
    return word_list("between_words.txt")


@lru_cache(maxsize=1)
def apart_words() -> frozenset[str]:
    """The words of resources/merging/apart_words.txt."""
    return word_list("apart_words.txt")


@lru_cache(maxsize=65536)  # an article's title, and a sentence holding several dates, come again
def _words(text: str) -> frozenset[str]:
    return frozenset(content_words(text).split())


class Mentions:
    """The columns of mention rows that reports are made of, as lists (row i: mention i)."""

    def __init__(self, columns: dict[str, Sequence], clean: bool = False) -> None:
        """`columns` by name (columns.py); `clean`: text columns hold strings only (as the library's do)."""
        n = len(next(iter(columns.values()))) if columns else 0
        self.n = n

        def text(name: str) -> list[str]:
            values = columns.get(name)
            if values is None:
                return [""] * n
            if clean:
                return list(values)
            return ["" if v is None or v != v else str(v) for v in values]

        def ints(name: str) -> list[int]:
            values = columns.get(name)
            return [0] * n if values is None else [int(v) if v == v and v is not None and v != "" else 0
                                                   for v in values]

        self.value = text(col.DATE_VALUE)
        self.precision = text(col.DATE_PRECISION)
        self.start, self.end = _days(self.value, text(col.DATE_START), text(col.DATE_END))
        flags = columns.get(col.OPEN_END)
        self.open_end = [False] * n if flags is None else [
            bool(v) and v == v and str(v).lower() not in ("false", "0") for v in flags]
        sets: dict[str, frozenset[str]] = {}  # a library names the same few lists of states again and again
        self.countries = [sets.get(c) or sets.setdefault(c, frozenset(col.split_list(c))) for c in text(col.COUNTRIES)]
        self.organizations = [sets.get(c) or sets.setdefault(c, frozenset(col.split_list(c)))
                              for c in text(col.ORGANIZATIONS)]
        self.code = text(col.CAMEO_CODE)
        self.article = [str(a) for a in columns[col.ARTICLE_ID]] if clean else text(col.ARTICLE_ID)
        self.title = text(col.ARTICLE_TITLE)
        self.evidence = text(col.EVIDENCE)
        self.evidence_start = ints(col.EVIDENCE_START)
        self.char_start = ints(col.CHAR_START)
        self.char_end = ints(col.CHAR_END)
        countries = text(col.COUNTRIES)
        apart = apart_words()
        self.apart = [bool(apart.intersection(_WORDS_BEFORE.findall(
            e[max(0, c - s - 40) : max(0, c - s)].lower())[-_APART_REACH:])) or _opens_apart(e, apart)
            for e, c, s in zip(self.evidence, self.char_start, self.evidence_start)]
        # A frame without keys (built by hand) is keyed by what its rows say, so equal rows are one key.
        self.key = [k or f"{a}:{s}:{v}:{c}:{t}" for k, a, s, v, c, t in zip(
            text(col.MENTION_KEY), self.article, self.char_start, self.value, countries, self.code)]

    @classmethod
    def of_frame(cls, rows: pd.DataFrame) -> Mentions:
        return cls({name: rows[name].tolist() for name in rows.columns})

    def matchable_all(self) -> list[bool]:
        """For every mention: placed, with a type or parties to match it by (a dateline or an
        unresolved date is not)."""
        return [s != MISSING_DAY and e != MISSING_DAY and bool(v) and bool(c or p or o) for s, e, v, c, p, o in zip(
            self.start, self.end, self.value, self.code, self.countries, self.organizations)]

    def two_times(self, i: int, j: int) -> bool:
        """True when mentions i and j stand in one sentence with a word of between_words.txt between
        them or opening the later one, or a verb's past form between them: two clauses, two times ("on
        Friday after ... reopened it earlier this week"; "demanded on Friday access to a man arrested
        earlier this week": "earlier" says the later-written date lies before the other; "freed last
        week returned on Sunday"; "earlier this week, on Tuesday" is one time)."""
        if (self.evidence_start[i], self.evidence[i]) != (self.evidence_start[j], self.evidence[j]):
            return False
        a, b = sorted((i, j), key=lambda k: self.char_start[k])
        base = self.evidence_start[a]
        end = max(self.char_end[b], self.char_start[b])  # a frame built by hand may give no end
        gap = self.evidence[a][max(0, self.char_end[a] - base) : max(0, self.char_start[b] - base)]
        if any(_FINISHED.fullmatch(word) for word in _WORDS_BEFORE.findall(gap)):
            return True
        between = self.evidence[a][max(0, self.char_end[a] - base) : max(0, end - base)]
        return not between_words().isdisjoint(_WORDS_BEFORE.findall(between.lower()))

    def range_halves(self, i: int, j: int) -> bool:
        """True when mention i ends a sentence's range that mention j closes ("7-8 March")."""
        if self.evidence_start[i] != self.evidence_start[j] or not self.char_end[i] <= self.char_start[j]:
            return False
        a = self.char_end[i] - self.evidence_start[i]
        b = self.char_start[j] - self.evidence_start[j]
        between = self.evidence[i][a:b] if 0 <= a <= b <= len(self.evidence[i]) else "x"
        apart = self.start[j] - self.start[i]
        return (bool(_RANGE_JOINER.fullmatch(between)) and 0 < apart <= FINE_SPAN_DAYS
                or bool(_AND_JOINER.fullmatch(between)) and apart == 1)


def _one_report(m: Mentions, i: int, j: int, table: TypeTable, contained: bool = False) -> bool:
    """Whether two mentions of one article tell of one event (`contained`: j dates the one narrow
    stretch of the article within i's vague date)."""
    if m.open_end[i] or m.open_end[j]:
        return False
    same_date = m.start[i] == m.start[j] and m.end[i] == m.end[j]  # "today" and "at 10 a.m. today" too
    if same_date and (m.apart[i] or m.apart[j]):
        return False  # "Earlier on Monday, ...": another event of that day
    if not (same_date or contained or m.range_halves(i, j) or m.range_halves(j, i)):
        return False
    a, b = m.countries[i], m.countries[j]
    if a and b and not (a <= b or b <= a):
        return False  # "Germany summoned ... on Friday. The Czech ministry also summoned ... on Friday"
    if not (a or b) and not (m.code[i] and m.code[j]):
        return False
    a_codes, b_codes = frozenset({m.code[i]} - {""}), frozenset({m.code[j]} - {""})
    return not (a_codes and b_codes) or type_score(a_codes, b_codes, table, reactions=False) >= 0.8


class _Union:
    """Union-find over 0..n-1; the smaller index is the root."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _joined_groups(m: Mentions, members: list[int], table: TypeTable) -> list[list[int]]:
    """The sets of one article's mentions to unite: each pair of them that is one report.

    Mentions of one date are tried by signature (open end, countries, type): whether two of them are
    one report depends on nothing else, so a run of 2,600 alike mentions ("France met Germany on
    4 March 2021 and ...") costs one comparison, not 3.4 million. A pair of alike signatures unites
    every mention of both, as comparing each mention with each would. Two dates next to each other
    in one sentence are tried as the ends of a range ("7-8 March"); a vague date with the one narrow
    date of the article within it (_vague_inside).
    """
    by_date: dict[tuple[int, int], dict[tuple, list[int]]] = {}
    for i in members:  # the days, whatever the precision: "today" and "at 10 a.m. today" are one date
        by_date.setdefault((m.start[i], m.end[i]), {}).setdefault(
            (m.open_end[i], m.countries[i], m.code[i], m.apart[i]), []).append(i)
    out: list[list[int]] = []
    for kinds in by_date.values():
        groups = list(kinds.values())
        for x, group in enumerate(groups):
            if len(group) > 1 and _one_report(m, group[0], group[1], table):
                out.append(group)
            out.extend(group + other for other in groups[x + 1:] if _one_report(m, group[0], other[0], table))
    out.extend(_vague_inside(m, by_date, table))
    ordered = sorted(members, key=lambda i: (m.evidence_start[i], m.char_start[i]))
    out.extend([i, j] for i, j in zip(ordered, ordered[1:])
               if m.evidence_start[i] == m.evidence_start[j] and m.start[i] != m.start[j] and _near(m, i, j)
               and _one_report(m, i, j, table))
    return out


def _vague_inside(m: Mentions, by_date: dict[tuple[int, int], dict[tuple, list[int]]],
                  table: TypeTable) -> list[list[int]]:
    """The groups of a vague date (a week, a month: more than NARROW_DAYS, at most FINE_SPAN_DAYS) and
    the one narrow date (a day, two or three) of the article within it, by signature as above: "to
    visit Hungary next week" in the headline, "on 12-13 November" in the lead. Two narrow dates
    within it, and which one it means is not known: none. A sentence holding both with a word of
    between_words.txt between them tells two times ("crossed on Friday after the two states reopened
    the border earlier this week"): those stay apart."""
    narrow = sorted(key for key in by_date if key[1] - key[0] < NARROW_DAYS)
    starts = [key[0] for key in narrow]
    out: list[list[int]] = []
    for (start, end), kinds in by_date.items():
        if not NARROW_DAYS < end - start + 1 <= FINE_SPAN_DAYS:
            continue
        within: list[tuple[int, int]] = []
        for key in narrow[bisect.bisect_left(starts, start):]:
            if key[0] > end or len(within) > 1:
                break
            if key[1] <= end:
                within.append(key)
        if len(within) == 1:
            days = [j for other in by_date[within[0]].values() for j in other]
            for group in kinds.values():
                alone = [i for i in group if not any(m.two_times(i, j) for j in days)]
                out.extend(alone + other for other in by_date[within[0]].values()
                           if alone and _one_report(m, alone[0], other[0], table, contained=True))
    return out


def _near(m: Mentions, i: int, j: int) -> bool:
    """Whether two dates of a sentence stand close enough to be the ends of a range ("7-8 March")."""
    gap = m.char_start[j] - m.char_end[i] if m.char_end[i] <= m.char_start[j] else m.char_start[i] - m.char_end[j]
    return 0 <= gap <= _RANGE_GAP


def make_reports(m: Mentions, table: TypeTable | None = None) -> tuple[list[Report], list[int]]:
    """Each article's mentions of one event as one report; the report of every mention (-1: none).

    A report is known by its key, the smallest key of its mentions: nothing depends on the order.
    """
    table = table or TypeTable.default()
    by_article: dict[str, list[int]] = {}
    for i, placed in enumerate(m.matchable_all()):
        if placed:
            by_article.setdefault(m.article[i], []).append(i)
    uf = _Union(m.n)
    joined: list[list[int]] = []  # the mentions of the articles where some are one report
    for members in by_article.values():
        if len(members) > 1:
            united = _joined_groups(m, members, table)
            for group in united:
                for i in group[1:]:
                    uf.union(group[0], i)
            if united:
                joined.append(members)
    report_of = [-1] * m.n
    reports: list[Report] = []
    for members in joined:
        groups: dict[int, list[int]] = {}
        for i in members:
            groups.setdefault(uf.find(i), []).append(i)
        for group in groups.values():
            for i in group:
                report_of[i] = len(reports)
            reports.append(_report(m, m.key[group[0]], group[0]) if len(group) == 1
                           else _merged(m, min(m.key[i] for i in group), group))
    for members in by_article.values():
        for i in members:
            if report_of[i] < 0:
                report_of[i] = len(reports)
                reports.append(_report(m, m.key[i], i))
    _untitle_one_days_events(m, by_article, reports, report_of)
    return reports, report_of


def _untitle_one_days_events(m: Mentions, by_article: dict[str, list[int]], reports: list[Report],
                             report_of: list[int]) -> None:
    """Leave the title out of the words of an article's reports of two events of one day: the reading
    told them apart, and the title may tell of either ("UN council keeps peacekeepers in South Sudan,
    fails to renew arms embargo"), or of the first only (a wire whose first paragraph is its title)."""
    for members in by_article.values():
        mine: dict[int, list[int]] = {}
        for i in members:
            mine.setdefault(report_of[i], []).append(i)
        if len(mine) < 2:
            continue
        days: dict[tuple[int, int], list[int]] = {}
        for r in mine:
            if not reports[r].coarse:
                days.setdefault((reports[r].start, reports[r].end), []).append(r)
        for same_day in days.values():
            for r in same_day if len(same_day) > 1 else ():
                words = frozenset().union(*(_words(e) for e in dict.fromkeys(m.evidence[i] for i in mine[r])))
                reports[r] = reports[r]._replace(words=" ".join(sorted(words)))


def _report(m: Mentions, key: str, i: int) -> Report:
    """The report of one mention (the common case, made quickly: a rebuild makes one a mention)."""
    start, end, code = m.start[i], m.end[i], m.code[i]
    fine = fine_precision(m.precision[i]) and end - start < FINE_SPAN_DAYS
    return Report(key, m.article[i], start, end, "" if fine else f"{m.precision[i]}:{m.value[i]}", m.open_end[i],
                  m.countries[i], m.organizations[i], frozenset((code,)) if code else _NONE,
                  _joined_words(m.title[i], m.evidence[i]))


_NONE: frozenset[str] = frozenset()


@lru_cache(maxsize=4096)
def _joined_words(title: str, evidence: str) -> str:
    return " ".join(sorted(_words(title) | _words(evidence)))


def _merged(m: Mentions, key: str, group: list[int]) -> Report:
    """The report of several mentions of one article."""
    # A vague date joined to the narrow one within it ("next week", "on 12-13 November") is told by
    # the narrow one: the dates are those of the mentions holding no other mention's dates.
    spans = {(m.start[i], m.end[i]) for i in group}  # few, however many mentions
    inner = {(a, b) for a, b in spans if not any(a <= c and d <= b and d - c < b - a for c, d in spans)}
    dated = [i for i in group if (m.start[i], m.end[i]) in inner]
    fine = all(fine_precision(m.precision[i]) for i in dated)
    start, end = min(m.start[i] for i in dated), max(m.end[i] for i in dated)
    if fine and end - start + 1 > FINE_SPAN_DAYS:
        fine = False
    words = _words(m.title[group[0]]).union(*(_words(e) for e in dict.fromkeys(m.evidence[i] for i in group)))
    return Report(
        key=key, article=m.article[group[0]], start=start, end=end,
        span_value="" if fine else f"{m.precision[dated[0]]}:{m.value[dated[0]]}",
        open_end=any(m.open_end[i] for i in group),
        countries=frozenset().union(*(m.countries[i] for i in group)),
        organizations=frozenset().union(*(m.organizations[i] for i in group)),
        codes=frozenset(m.code[i] for i in group if m.code[i]),
        words=" ".join(sorted(words)),
    )
