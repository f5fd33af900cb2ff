"""What a Relations chart shows: its numbers, title, footer and tooltips (no Qt), and the bar a click names."""

from __future__ import annotations

import html
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np

from timeline_app.core.library.periods import period_title
from timeline_app.core.library.relations import QUAD_CLASSES, QUAD_NAMES, UNKNOWN_QUAD, Partners, Series

log = logging.getLogger(__name__)

EVENTS = "events"
REPORTS = "reports"
MEASURES = {EVENTS: "Events", REPORTS: "Reports"}
LOOSE = {"month": "a month", "quarter": "a quarter", "year": "a year"}


@dataclass(frozen=True)
class BarKey:
    """A bar of the time chart (`period`) or of the partners chart (`partner`); one segment of it with `quad`."""

    period: int | None = None
    partner: str = ""
    quad: int | None = None

    def whole(self) -> BarKey:
        return BarKey(self.period, self.partner)


@dataclass(frozen=True, kw_only=True)
class _Chart:
    """What both charts carry: the measure their bars show, their title and footer, the countries' names."""

    measure: str
    title: str
    footer: str
    names: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, kw_only=True)
class TimeFigure(_Chart):
    series: Series

    def values(self) -> np.ndarray:
        """(periods, 5) what the bars show: events or the reports of those events."""
        return self.series.reports if self.measure == REPORTS else self.series.events


@dataclass(frozen=True, kw_only=True)
class PartnersFigure(_Chart):
    partners: Partners

    def values(self) -> np.ndarray:
        return self.partners.reports if self.measure == REPORTS else self.partners.events


def time_figure(s: Series, measure: str, names: Mapping[str, str], undated: int) -> TimeFigure:
    """The chart of `s`, titled with its dyad, resolution and periods; the footer says what it leaves out."""
    title = f"{s.dyad.label(names)}: {measure} per {s.by}"
    if len(s.events):
        first, last = period_title(int(s.periods[0]), s.by), period_title(int(s.periods[-1]), s.by)
        title += f", {first}" + (f" to {last}" if last != first else "")
    footer = _footer(int(s.events.sum()), int(s.reports.sum()), s.too_coarse, LOOSE[s.by], undated)
    return TimeFigure(series=s, measure=measure, title=title, footer=footer, names=dict(names))


def partners_figure(p: Partners, measure: str, names: Mapping[str, str], undated: int,
                    range_text: str) -> PartnersFigure:
    """The partners chart of `p`; `range_text` names the dates counted ("2019-01-01 to 2023-12-31")."""
    title = f"{names.get(p.country, p.country)}: most frequent partners by {MEASURES[measure].lower()}"
    if range_text:
        title += f", {range_text}"
    parts = [f"{p.total:,} events of {names.get(p.country, p.country)}; an event with several partners counts for each"]
    if p.alone:
        parts.append(f"{p.alone:,} name no other country")
    if p.more:
        parts.append(f"{p.more:,} more partners not shown")
    if undated:
        parts.append(f"{undated:,} undated left out")
    return PartnersFigure(partners=p, measure=measure, title=title, footer=" · ".join(parts), names=dict(names))


def _footer(events: int, reports: int, too_coarse: int, loose: str, undated: int) -> str:
    parts = [f"{events:,} events ({reports:,} reports), each counted once in one period"]
    left_out = []
    if too_coarse:
        left_out.append(f"{too_coarse:,} dated more loosely than {loose}")
    if undated:
        left_out.append(f"{undated:,} undated")
    if left_out:
        parts.append("left out: " + ", ".join(left_out))
    parts.append("score: Goldstein weights summed")
    return " · ".join(parts)


def period_tooltip(fig: TimeFigure, row: int) -> str:
    """The numbers of one bar, as a small HTML table."""
    s = fig.series
    title = period_title(int(s.periods[row]), s.by)
    lines = [_row(QUAD_NAMES[q], int(s.events[row, q]), int(s.reports[row, q])) for q in (*QUAD_CLASSES, UNKNOWN_QUAD)
             if q != UNKNOWN_QUAD or s.events[row, q]]
    total = int(s.events[row].sum())
    net = float(s.net[row])
    mean = f", {net / total:+.2f} an event" if total else ""
    return (f"<b>{html.escape(s.dyad.label(fig.names))}, {html.escape(title)}</b>"
            f"<table>{''.join(lines)}{_row('<b>All</b>', total, int(s.reports[row].sum()), escape=False)}</table>"
            f"Net cooperation score {net:+.1f}{mean}<br><i>Click a colour: those events; "
            f"click the period's label: all of them.</i>")


def partner_tooltip(fig: PartnersFigure, row: int) -> str:
    p = fig.partners
    code = p.codes[row]
    pair = f"{fig.names.get(p.country, p.country)} – {fig.names.get(code, code)}"
    lines = [_row(QUAD_NAMES[q], int(p.events[row, q]), int(p.reports[row, q])) for q in (*QUAD_CLASSES, UNKNOWN_QUAD)
             if q != UNKNOWN_QUAD or p.events[row, q]]
    net = float(p.score[row].sum())
    return (f"<b>{html.escape(pair)}</b><table>{''.join(lines)}"
            f"{_row('<b>All</b>', int(p.events[row].sum()), int(p.reports[row].sum()), escape=False)}</table>"
            f"Net cooperation score {net:+.1f}<br><i>Click a colour: those events; click the name: all of them; "
            f"double-click: this pair over time.</i>")


def _row(name: str, events: int, reports: int, escape: bool = True) -> str:
    label = html.escape(name) if escape else name
    return (f"<tr><td>{label}</td><td align='right'>&nbsp;{events:,} events</td>"
            f"<td align='right'>&nbsp;({reports:,} reports)</td></tr>")
