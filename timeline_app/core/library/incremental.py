"""A library's events kept as articles come and go: only the blocks a change reaches are clustered again.

A new report is compared with the live reports the index finds for it (reportstore.candidates:
those sharing a party whose dates meet its own), and the blocks it links to are clustered again
whole, with it. Taking reports out clusters their blocks again without them. What cannot be
decided from the blocks alone is kept with every report: whether its period is crowded (from the
counts per party and period) and, for a vague report, its best narrow partner. So the events
after any sequence of imports and removals are those a rebuild gives (blocks.py, merge.py).
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

import numpy as np

from timeline_app.core.library import blocks as bl
from timeline_app.core.library import reportstore as rs
from timeline_app.core.library.matching import LINK
from timeline_app.core.library.merge import cluster, own_event, scored_pairs
from timeline_app.core.library.pairs import ReportArrays
from timeline_app.core.library.reportstore import DAY_SQL, Stored

log = logging.getLogger(__name__)


@dataclass
class Gone:
    """What articles taken out of a library leave to do: their reports (already deleted) and the
    events their mentions were in."""

    reports: list[Stored] = field(default_factory=list)
    events: set[str] = field(default_factory=set)


def forget(db: sqlite3.Connection, article_ids: Iterable[int]) -> Gone:
    """Take out the reports of articles whose mentions are about to go (in the caller's transaction)."""
    ids = rs.temp_ids(db, "_gone_articles", [int(i) for i in article_ids])
    stored = rs.load(db, f"article_id IN {ids}")
    events = {e for row in db.execute(f"SELECT DISTINCT machine_event, event_id FROM mentions WHERE article_id IN {ids}")
              for e in row if e}
    db.executemany("DELETE FROM report_parties WHERE report = ?", [(s.id,) for s in stored])
    db.executemany("DELETE FROM reports WHERE id = ?", [(s.id,) for s in stored])
    return Gone(stored, events)


def _crossed(changes: Iterable[dict[tuple[str, str], tuple[int, int]]]) -> set[tuple[str, str]]:
    """The (party, period) counts that went over CROWD or came back under it."""
    first: dict[tuple[str, str], int] = {}
    last: dict[tuple[str, str], int] = {}
    for change in changes:
        for cell, (before, after) in change.items():
            first.setdefault(cell, before)
            last[cell] = after
    return {cell for cell in first if (first[cell] > bl.CROWD) != (last[cell] > bl.CROWD)}


def _better(score: float, key: str, best_score: float, best: str) -> bool:
    """Whether a narrow partner beats the best so far: a higher score, or as high and a smaller key."""
    return score > best_score or (score == best_score and (not best or key < best))


class _Update:
    """One change of a library's reports, worked out in steps (see `update`)."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self.reports: dict[int, Stored] = {}  # every report this update decides anything of, by id
        self.touched: set[str] = set()  # blocks to cluster again
        self.placing: list[int] = []  # live reports to find partners for: new, out of a crowd, orphans
        self.reindex: set[int] = set()  # reports that came or went, or went into or out of a crowd

    def keep(self, stored: Iterable[Stored]) -> None:
        for s in stored:
            self.reports.setdefault(s.id, s)

    def recount(self, cells: set[tuple[str, str]], new: set[int]) -> None:
        """Reports whose crowding a count that crossed CROWD decides: out of their blocks, or placed anew."""
        flipping = [s for s in rs.in_cells(self.db, cells) if s.id not in new]
        counts = rs.counts_of(self.db, [s.report for s in flipping])
        for s in flipping:
            if bl.one_side_cell(s.report, s.kind):
                # In or out of the one-party rule: clustered again, and placed anew when back in it.
                self.keep([s])
                self.touched.add(s.block)
                if not bl.one_side_crowded(s.report, counts, s.kind):
                    self.placing.append(s.id)
                continue
            crowded = bl.crowded(s.report, counts)
            if crowded == s.crowded:
                continue
            self.keep([s])
            self.reports[s.id] = replace(s, crowded=crowded, best="", best_score=0.0)
            self.touched.add(s.block)
            self.reindex.add(s.id)
            if not crowded:
                self.placing.append(s.id)

    def place(self) -> None:
        """Find the partners of the reports being placed; touch the blocks they link to and give vague
        reports their best narrow partner (a new narrow report may beat that of a stored one)."""
        placing = [self.reports[i] for i in dict.fromkeys(self.placing) if self.reports[i].live]
        if not placing:
            return
        counts = rs.counts_of(self.db, [s.report for s in placing])
        found: set[int] = set()
        for s in placing:
            found |= rs.candidates(self.db, s.report, not bl.one_side_crowded(s.report, counts, s.kind))
        known = {s.id for s in placing}
        others = rs.load(self.db, f"id IN {rs.temp_ids(self.db, '_candidates', found - known)}") if found - known else []
        pool = [self.reports.get(s.id, s) for s in placing + others]
        arr = ReportArrays.of([s.report for s in pool], self._one_side_crowded(pool))
        live = np.array([s.live for s in pool], bool)
        among = np.arange(len(pool)) < len(placing)
        a, b, score = scored_pairs(arr, live, among)
        linked = score >= LINK
        best: dict[int, tuple[float, str]] = {}
        for x, y, value in zip(a[linked].tolist(), b[linked].tolist(), score[linked].tolist()):
            for v, n in ((x, y), (y, x)):
                sv, sn = pool[v], pool[n]
                if not among[v] and among[n]:
                    self.touched.add(sv.block)  # a stored report linked to one being placed
                    self.keep([sv])
                if sv.kind == bl.VAGUE and sn.kind in (bl.DAY, bl.SHORT):
                    current = best.get(sv.id, (sv.best_score, sv.best) if not among[v] else (0.0, ""))
                    if _better(value, sn.report.key, *current):
                        best[sv.id] = (value, sn.report.key)
        for rid, (value, key) in best.items():
            s = self.reports.get(rid) or next(p for p in pool if p.id == rid)
            if s.best != key or s.best_score != value:
                self.keep([s])
                self.touched.add(s.block)
                self.reports[rid] = replace(self.reports[rid], best=key, best_score=value)

    def _one_side_crowded(self, stored: Sequence[Stored]) -> np.ndarray:
        """blocks.one_side_crowded of every report, from the library's counts."""
        counts = rs.counts_of(self.db, [s.report for s in stored if bl.one_side_cell(s.report, s.kind)])
        return np.array([bl.one_side_crowded(s.report, counts, s.kind) for s in stored], bool)

    def cluster_again(self) -> set[str]:
        """Cluster the touched blocks (and every report decided on) and store the outcome; returns the
        machine events before and after."""
        db = self.db
        touched = {b for b in self.touched if b}
        stored = rs.load(db, f"block IN {rs.temp_ids(db, '_blocks', touched)}") if touched else []
        for s in stored:
            self.reports.setdefault(s.id, s)
        group = sorted(self.reports.values(), key=lambda s: s.report.key)
        at = {s.report.key: i for i, s in enumerate(group)}
        best = np.array([at.get(s.best, -1) if s.best and s.kind == bl.VAGUE and not s.crowded else -1
                         for s in group], np.int64)
        for s, b in zip(group, best.tolist()):
            if s.best and b < 0 and s.live:
                log.warning("the best partner of report %s is not in its block; it is placed alone", s.report.key)
        crowded = np.array([s.crowded for s in group], bool)
        result = cluster([s.report for s in group], crowded=crowded, best=best,
                         one_side_crowded=self._one_side_crowded(group))
        machine = {s.event for s in group if s.event}
        db.executemany("UPDATE reports SET crowded = ?, best = ?, best_score = ?, block = ?, event = ? WHERE id = ?",
                       [(int(s.crowded), s.best if s.live else "", s.best_score if s.live else 0.0,
                         result.blocks[i], result.events[i], s.id) for i, s in enumerate(group)])
        db.executemany("UPDATE mentions SET machine_event = ?, block = ? WHERE report = ?",
                       [(result.events[i], result.blocks[i], s.id) for i, s in enumerate(group)])
        rs.index(db, [s for s in group if s.id in self.reindex])
        return machine | set(result.events)


def update(db: sqlite3.Connection, added: Sequence[int] = (), gone: Gone | None = None) -> set[str]:
    """Merge the mentions of newly stored articles into the library's events, and cluster again what
    articles taken out (`forget`) leave behind. Returns the machine events that changed (for the
    events table, eventstore.refresh)."""
    gone = gone or Gone()
    work = _Update(db)
    changes = [rs.count(db, [s.report for s in gone.reports if s.kind != bl.NEVER], -1)] if gone.reports else []
    work.touched |= {s.block for s in gone.reports}
    machine: set[str] = set(gone.events)
    new_ids: list[int] = []
    if added:
        where = f"m.article_id IN {rs.temp_ids(db, '_added', [int(a) for a in added])}"
        db.execute(f"UPDATE mentions SET start_day = {DAY_SQL.format('date_start')},"
                   f" end_day = {DAY_SQL.format('date_end')} WHERE id IN (SELECT m.id FROM mentions m WHERE {where})")
        mention_ids, m, reports, report_of = rs.reports_of(db, where)
        changes.append(rs.count(db, [r for r in reports if bl.kind(r) != bl.NEVER], 1))
        counts = rs.counts_of(db, reports)
        kinds = [bl.kind(r) for r in reports]
        crowded = [bl.crowded(r, counts) for r in reports]
        new_ids = rs.insert(db, reports, kinds, crowded)
        db.executemany("UPDATE mentions SET report = ? WHERE id = ?",
                       [(new_ids[r], i) for i, r in zip(mention_ids, report_of) if r >= 0])
        alone = [(own_event(m.key[x]), i) for x, (i, r) in enumerate(zip(mention_ids, report_of)) if r < 0]
        db.executemany("UPDATE mentions SET report = NULL, machine_event = ?, block = '' WHERE id = ?", alone)
        machine |= {e for e, _ in alone}
        fresh = [Stored(i, r, k, c, "", 0.0, "", "") for i, r, k, c in zip(new_ids, reports, kinds, crowded)]
        work.keep(fresh)
        work.reindex |= set(new_ids)
        work.placing += [s.id for s in fresh if s.live]
    work.recount(_crossed(changes), set(new_ids))
    orphans = {s.report.key for s in gone.reports if s.kind in (bl.DAY, bl.SHORT)}
    if orphans:  # vague reports whose best partner went: their best is looked for again
        lost = rs.load(db, rs.BY_BEST.format(rs.temp_ids(db, "_orphans", orphans)))
        work.keep(lost)
        for s in lost:
            work.reports[s.id] = replace(work.reports[s.id], best="", best_score=0.0)
            work.touched.add(s.block)
            work.placing.append(s.id)
    work.place()
    if work.reports or work.touched:
        machine |= work.cluster_again()
    return machine
