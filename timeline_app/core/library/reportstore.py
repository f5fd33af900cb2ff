"""The reports a library holds: made from its mentions, found by party and date through an index, counted per period."""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from timeline_app.core.library import blocks as bl
from timeline_app.core.library import columns as col
from timeline_app.core.library.matching import FINE_SPAN_DAYS, ONE_SIDE_DAYS, Report
from timeline_app.core.library.reports import Mentions, make_reports

# Days since 1970-01-01 (core.daycount) of an ISO date, in SQL: NULL for an empty one.
DAY_SQL = "CAST(julianday(nullif({0}, '')) - 2440587.5 AS INTEGER)"
# The columns of the mentions that reports are made of, in the order of _MENTION_NAMES.
_MENTIONS = (
    "SELECT m.id, m.article_id, a.title, m.date_value, m.date_precision, m.date_start, m.date_end, m.open_end,"
    " m.countries, m.organizations, m.cameo_code, m.evidence, m.evidence_start, m.char_start, m.char_end,"
    " a.hash || ':' || m.char_start || ':' || m.char_end FROM mentions m JOIN articles a ON a.id = m.article_id"
)
_MENTION_NAMES = ("id", col.ARTICLE_ID, col.ARTICLE_TITLE, col.DATE_VALUE, col.DATE_PRECISION, col.DATE_START,
                  col.DATE_END, col.OPEN_END, col.COUNTRIES, col.ORGANIZATIONS, col.CAMEO_CODE, col.EVIDENCE,
                  col.EVIDENCE_START, col.CHAR_START, col.CHAR_END, col.MENTION_KEY)
_FIELDS = ("id", "article_id", "key", "start_day", "end_day", "span", "open_end", "countries", "organizations",
           "codes", "words", "kind", "crowd_cell", "crowded", "best", "best_score", "block", "event")
# The reports of a crowd cell, and those whose best partner is among some keys (a temporary table).
# The "!= ''" terms let SQLite use the partial indexes reports_crowd_cell and reports_best: without
# them every report of the library is read.
BY_CELL = "crowd_cell = ? AND crowd_cell != ''"
BY_BEST = "best IN {0} AND best != ''"
_INSERT = f"INSERT INTO reports ({', '.join(_FIELDS)}) VALUES ({', '.join('?' * len(_FIELDS))})"


@dataclass(frozen=True)
class Stored:
    """A report as the library holds it: what was decided of it the last time it was clustered."""

    id: int
    report: Report
    kind: int
    crowded: bool
    best: str  # the key of its best narrow partner (a vague report), '' for none
    best_score: float
    block: str
    event: str

    @property
    def live(self) -> bool:
        """Whether it can be merged with anything: matchable by parties, and not in a crowded period."""
        return self.kind != bl.NEVER and not self.crowded


def rows(db: sqlite3.Connection, sql: str, params: tuple | list = ()) -> list[tuple]:
    """The rows of a query as plain tuples: far cheaper than the library connection's sqlite3.Row
    objects when there are many."""
    cursor = db.cursor()
    cursor.row_factory = None
    return cursor.execute(sql, params).fetchall()


def temp_ids(db: sqlite3.Connection, name: str, values: Iterable[object]) -> str:
    """A temporary table of `values` to join with (SQLite limits the parameters of one IN (...))."""
    db.execute(f"CREATE TEMP TABLE IF NOT EXISTS {name} (v PRIMARY KEY)")
    db.execute(f"DELETE FROM {name}")
    db.executemany(f"INSERT OR IGNORE INTO {name} VALUES (?)", [(v,) for v in values])
    return f"(SELECT v FROM {name})"


def mentions_of(db: sqlite3.Connection, where: str = "", params: tuple = ()) -> tuple[list[int], Mentions]:
    """The ids of the mentions `where` selects (all without it) and their columns that reports are made of."""
    found = rows(db, _MENTIONS + (f" WHERE {where}" if where else ""), params)
    columns = list(zip(*found)) if found else [()] * len(_MENTION_NAMES)
    named = dict(zip(_MENTION_NAMES, columns))
    return list(named.pop("id")), Mentions(named, clean=True)


def _row(report: Report, kind: int, crowded: bool, best: str = "", best_score: float = 0.0, block: str = "",
         event: str = "") -> tuple:
    return (int(report.article), report.key, report.start, report.end, report.span_value, int(report.open_end),
            _cell(report.countries), _cell(report.organizations), _cell(report.codes), report.words, kind,
            bl.crowd_cell(report, kind), int(crowded), best, best_score, block, event)


def _cell(codes: frozenset[str]) -> str:
    return col.LIST_SEPARATOR.join(sorted(codes)) if len(codes) > 1 else next(iter(codes), "")


def _report(row: Sequence) -> Stored:
    (rid, article, key, start, end, span, open_end, countries, organizations, codes, words, kind, _cell,
     crowded, best, best_score, block, event) = row
    report = Report(key=key, article=str(article), start=int(start), end=int(end), span_value=span,
                    open_end=bool(open_end), countries=_codes(countries), organizations=_codes(organizations),
                    codes=_codes(codes), words=words)
    return Stored(int(rid), report, int(kind), bool(crowded), best, float(best_score), block, event)


def _codes(cell: str) -> frozenset[str]:
    return frozenset(cell.split(col.LIST_SEPARATOR)) if cell else frozenset()


def load(db: sqlite3.Connection, where: str, params: tuple = ()) -> list[Stored]:
    """The stored reports `where` selects, by key."""
    return [_report(r) for r in rows(db, f"SELECT {', '.join(_FIELDS)} FROM reports WHERE {where} ORDER BY key",
                                       params)]


def insert(db: sqlite3.Connection, reports: Sequence[Report], kinds: Sequence[int], crowded: Sequence[bool],
           fields: Sequence[tuple[str, float, str, str]] | None = None) -> list[int]:
    """Store reports (their best partner, score, block and event when known); returns their ids."""
    first = int(db.execute("SELECT coalesce(max(id), 0) + 1 FROM reports").fetchone()[0])
    ids = list(range(first, first + len(reports)))
    none = ("", 0.0, "", "")
    db.executemany(_INSERT, [(ids[i], *_row(r, kinds[i], crowded[i], *(fields[i] if fields is not None else none)))
                             for i, r in enumerate(reports)])
    return ids


def index(db: sqlite3.Connection, stored: Iterable[Stored], fresh: bool = False) -> None:
    """Make live reports findable by party (and the others not); `fresh`: none of them is indexed yet."""
    stored = list(stored)
    if not fresh:
        db.executemany("DELETE FROM report_parties WHERE report = ?", [(s.id,) for s in stored])
    db.executemany("INSERT INTO report_parties (party, kind, start_day, end_day, report) VALUES (?, ?, ?, ?, ?)",
                   [(p, s.kind, s.report.start, s.report.end, s.id) for s in stored if s.live
                    for p in bl.parties(s.report)])


def count(db: sqlite3.Connection, reports: Iterable[Report], sign: int) -> dict[tuple[str, str], tuple[int, int]]:
    """Add (sign 1) or take away (-1) reports from the counts per party and period; returns each
    changed count before and after."""
    delta: Counter[tuple[str, str]] = Counter()
    for report in reports:
        for cell in bl.cells(report):
            for party in bl.parties(report):
                delta[(party, cell)] += sign
        day = bl.one_side_cell(report)
        if day:
            delta[(bl.ONE_PARTY, day)] += sign
    out = {}
    for (party, cell), d in sorted(delta.items()):
        after = db.execute("INSERT INTO crowds (party, cell, reports) VALUES (?, ?, ?) ON CONFLICT (party, cell)"
                           " DO UPDATE SET reports = reports + excluded.reports RETURNING reports",
                           (party, cell, d)).fetchone()[0]
        out[(party, cell)] = (int(after) - d, int(after))
    return out


def counts_of(db: sqlite3.Connection, reports: Iterable[Report]) -> dict[tuple[str, str], int]:
    """The counts the crowding of `reports` is judged by (blocks.crowded and blocks.one_side_crowded)."""
    out: dict[tuple[str, str], int] = {}
    for report in reports:
        cell = bl.crowd_cell(report)
        wanted = [(party, cell) for party in bl.parties(report)] if cell else []
        day = bl.one_side_cell(report)
        if day:
            wanted.append((bl.ONE_PARTY, day))
        for key in wanted:
            if key not in out:
                row = db.execute("SELECT reports FROM crowds WHERE party = ? AND cell = ?", key).fetchone()
                out[key] = int(row[0]) if row else 0
    return out


def in_cells(db: sqlite3.Connection, cells: Iterable[tuple[str, str]]) -> list[Stored]:
    """The reports whose crowding one of these (party, period) counts decides: vague and coarse ones
    by their crowd cell, one-party narrow ones (blocks.ONE_PARTY) by their first day."""
    found: dict[int, Stored] = {}
    for party, cell in cells:
        if party == bl.ONE_PARTY:
            narrow = f"id IN (SELECT report FROM report_parties WHERE kind IN ({bl.DAY}, {bl.SHORT}) AND start_day = ?)"
            found.update((s.id, s) for s in load(db, narrow, (int(cell[1:]),)) if bl.one_side_cell(s.report) == cell)
            continue
        for s in load(db, BY_CELL, (cell,)):
            if party in bl.parties(s.report):
                found[s.id] = s
    return list(found.values())


_NEAR = {
    # kind of the partner -> how its first day must lie against the report's days (start, end)
    bl.DAY: "start_day BETWEEN :start AND :end",
    bl.SHORT: f"start_day BETWEEN :start - {bl.NARROW_DAYS - 1} AND :end AND end_day >= :start",
    bl.VAGUE: f"start_day BETWEEN :start - {FINE_SPAN_DAYS - 1} AND :end AND end_day >= :start",
}


def candidates(db: sqlite3.Connection, report: Report, one_side: bool = True) -> set[int]:
    """The ids of the live reports that share a party with `report` and whose dates meet its own
    (and, with `one_side`, those that name one other party on its days)."""
    parties = sorted(bl.parties(report))
    if report.open_end or not parties:
        return set()
    marks = ", ".join("?" * len(parties))
    found: set[int] = set()
    spans = {bl.COARSE: "start_day = :start AND end_day = :end"} if report.coarse else _NEAR
    for kind, near in spans.items():
        sql = (f"SELECT report FROM report_parties WHERE party IN ({marks}) AND kind = {kind} AND "
               + near.replace(":start", str(int(report.start))).replace(":end", str(int(report.end))))
        found.update(r[0] for r in db.execute(sql, parties))
    return found | _one_sided(db, report) if one_side else found


def _one_sided(db: sqlite3.Connection, report: Report) -> set[int]:
    """The ids of the live reports that name one party, not this report's only one, on narrow days
    that meet its own (matching.one_sided): a shared party does not find them."""
    parties = bl.parties(report)
    if len(parties) != 1 or report.coarse or report.end - report.start >= ONE_SIDE_DAYS:
        return set()
    found: set[int] = set()
    for kind in (bl.DAY, bl.SHORT):
        near = _NEAR[kind].replace("start_day", "p.start_day").replace("end_day", "p.end_day")
        sql = (f"SELECT p.report FROM report_parties p WHERE p.kind = {kind} AND "
               + near.replace(":start", str(int(report.start))).replace(":end", str(int(report.end)))
               + " AND p.party != ? AND NOT EXISTS (SELECT 1 FROM report_parties q"
               " WHERE q.report = p.report AND q.party != p.party)")
        found.update(r[0] for r in db.execute(sql, (next(iter(parties)),)))
    return found


def reports_of(db: sqlite3.Connection, where: str = "", params: tuple = ()) -> tuple[list[int], Mentions, list[Report],
                                                                              list[int]]:
    """Mentions `where` selects made into reports: mention ids, their columns, the reports, and the
    report of every mention (-1: none)."""
    ids, m = mentions_of(db, where, params)
    reports, report_of = make_reports(m)
    return ids, m, reports, report_of
