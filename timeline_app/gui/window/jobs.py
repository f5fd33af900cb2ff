"""The window's background jobs as plain functions, and the export formats it offers (no Qt)."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]
Cancel = Callable[[], bool]
Job = Callable[[Progress, Cancel], object]


def set_dates_job(library_path: Path, dates: dict[int, dt.date]) -> Job:
    """Give articles their publication dates; each one's events are resolved again."""

    def job(progress: Progress, cancel: Cancel) -> int:
        from timeline_app.core import pipeline

        done = 0
        for article_id, day in dates.items():
            if cancel():
                break
            pipeline.set_publication_date(library_path, article_id, day)
            done += 1
            progress(done, len(dates), f"article {article_id}")
        return done

    return job


@dataclass(frozen=True)
class ExportFormat:
    key: str
    label: str
    suffix: str
    file_filter: str
    shortcut: str
    rows: str = "events"  # what one row of the file is


EXPORT_FORMATS: tuple[ExportFormat, ...] = (
    ExportFormat("events_csv", "Events as CSV…", ".csv", "CSV (*.csv)", "Ctrl+E"),
    ExportFormat("mentions_csv", "Mentions as CSV…", ".csv", "CSV (*.csv)", "Ctrl+Shift+E", rows="mentions"),
    ExportFormat("timelinejs", "TimelineJS JSON…", ".json", "TimelineJS JSON (*.json)", "Ctrl+Shift+T"),
    ExportFormat("jsonl", "JSON Lines…", ".jsonl", "JSON Lines (*.jsonl)", "Ctrl+Alt+J"),
    ExportFormat("xlsx", "Excel workbook…", ".xlsx", "Excel (*.xlsx)", "Ctrl+Alt+X"),
)


def export_format(key: str) -> ExportFormat:
    return next(f for f in EXPORT_FORMATS if f.key == key)


def write_export(key: str, events: pd.DataFrame, mentions: pd.DataFrame, path: str | Path) -> int:
    """Write `events` (or `mentions`, for the mentions CSV) in the format `key`; rows written."""
    from timeline_app.core.library import export

    writers: dict[str, Callable[[], int | None]] = {
        "events_csv": lambda: export.write_events_csv(events, path),
        "mentions_csv": lambda: export.write_mentions_csv(mentions, path),
        "timelinejs": lambda: export.write_timelinejs(events, path),
        "jsonl": lambda: export.write_jsonl(events, path),
        "xlsx": lambda: export.write_xlsx(events, path),
    }
    rows = writers[key]()
    return int(rows) if rows is not None else 0
