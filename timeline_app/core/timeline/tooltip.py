"""The timeline's hover text for an event: its date as written and as resolved, countries, type, sources."""

from __future__ import annotations

import html
import logging
import re

from timeline_app.core.daycount import format_day
from timeline_app.core.library import columns as col
from timeline_app.core.library.datemod import why
from timeline_app.core.timeline.data import TimelineData
from timeline_app.core.timeline.levels import LevelCache

log = logging.getLogger(__name__)


def event_tooltip(d: TimelineData, event: int, country_names: dict[str, str], lc: LevelCache | None = None,
                  occ: int = -1) -> str:
    """Rich text for event `event`; with the level cache `lc` of the frame and the occurrence `occ`
    under the mouse, also the other events its bar stands for."""
    text = d.events.text

    def field(name: str) -> str:
        return str(text[name][event]) if name in text else ""

    start, end = int(d.period_start[event]), int(d.end_written[event]) - 1
    resolved = format_day(start) if start == end else f"{format_day(start)} – {format_day(end)}"
    precision = str(d.precision[event])
    if d.open_end[event]:
        resolved += " (open-ended" + (f", until {format_day(d.end[event] - 1)} at least)"
                                      if d.end[event] > d.end_written[event] else ")")
    names = [f"{country_names.get(c, c)} ({c})" if c in country_names else c for c in d.event_countries(event)]
    n_sources = int(d.events.numbers[col.SOURCES][event])
    rows = []
    written = field(col.DATE_TEXT)
    if written:
        rows.append(("Written", f"“{html.escape(written)}”"))
    rows.append(("Resolved", f"{html.escape(resolved)} <i>({html.escape(precision)})</i>"))
    mod = field(col.DATE_MOD)
    if mod:  # why the date is drawn with a dashed outline ("next Friday" told on a Wednesday), or "early 2019"
        rows.append(("Date", html.escape(why(mod))))
    if names:
        rows.append(("Countries", html.escape(", ".join(names))))
    if field(col.EVENT_TYPE):
        rows.append(("Type", html.escape(field(col.EVENT_TYPE))))
    if n_sources:
        titles = field(col.SOURCE_TITLES)
        text = f"{n_sources} source{'s' if n_sources != 1 else ''}"
        if titles:
            names = [t.strip() for t in re.split(r" \| |;", titles) if t.strip()]
            text += ": " + html.escape("; ".join(names[:3])) + ("…" if len(names) > 3 else "")
        rows.append(("Sources", text))
    table = "".join(f"<tr><td style='color:gray;padding-right:6px'>{k}</td><td>{v}</td></tr>" for k, v in rows)
    summary = html.escape(field(col.SUMMARY))
    extra = ""
    if occ >= 0 and lc is not None:
        # A bar can stand for several events of the same period in this lane: list them.
        group = lc.span_group(occ)
        if len(group) > 1:
            names = [d.summary(e) or str(d.event_ids[e]) for e in d.o_event[group[:6]].tolist()]
            more = f"<br>… and {len(group) - 6} more" if len(group) > 6 else ""
            extra = (f"<hr><b>{len(group)} events</b> in this lane for this period:<br>"
                     + "<br>".join(f"• {html.escape(n[:90])}" for n in names) + more)
    return f"<div style='max-width:420px'><b>{summary or '(no summary)'}</b><table>{table}</table>{extra}</div>"


def cluster_tooltip(lc: LevelCache, cluster: int) -> str:
    """Rich text for cluster `cluster` of a level: how many events, the days they span, and what a click does."""
    cl = lc.clusters
    return (f"<b>{int(cl.count[cluster]):,} events</b><br>{format_day(float(cl.t_start[cluster]))} – "
            f"{format_day(float(cl.t_end[cluster]) - 1)}<br><i>Click to zoom in</i>")


def outside_tooltip(d: TimelineData, side: str, t0: float, t1: float) -> str:
    """Rich text for the arrow at one end of the axis: how many events lie beyond it, how far, and what a click does."""
    before, after = d.outside(t0, t1)
    ext = d.extent()
    if ext is None:
        return ""
    if side == "before":
        text = f"<b>{before:,} event{'s' if before != 1 else ''}</b> before {format_day(t0)}, the earliest on {format_day(ext[0])}"
    else:
        text = f"<b>{after:,} event{'s' if after != 1 else ''}</b> after {format_day(t1)}, the latest on {format_day(ext[1] - 1)}"
    return f"{text}<br><i>Click to show every event</i>"
