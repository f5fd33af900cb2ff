"""Small builders of articles and mentions for the core tests."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from timeline_app.core.models import Article, DateMention, DateSource, EventMention, Precision
from timeline_app.paths import resource


def article(text: str = "Talks held\n\nTurkey and Syria met on Monday.", title: str = "Talks held",
            published: dt.date | None = dt.date(2022, 12, 28), path: str = "a.txt",
            url: str = "") -> Article:
    return Article(text=text, title=title, published=published,
                   published_source=DateSource.TEXT if published else DateSource.NONE,
                   source_path=path, url=url)


def mention(value: str, start: dt.date, end: dt.date, precision: Precision = Precision.DAY,
            countries: tuple[str, ...] = ("SYR", "TUR"), offset: int = 0, text: str = "Monday",
            summary: str = "Turkey and Syria met", event_type: str = "Consult",
            cameo: str = "040") -> EventMention:
    date = DateMention(start=offset, end=offset + len(text), text=text, value=value,
                       granularity=precision, start_date=start, end_date=end)
    return EventMention(date=date, countries=countries, event_type=event_type, cameo_code=cameo,
                        quad_class=1, summary=summary, evidence=summary + ".",
                        evidence_start=offset, evidence_end=offset + 20)


def resources_with_line(tmp_path: Path, folder: str, name: str, line: str) -> tuple[Path, int]:
    """A copy of resources/<folder> whose file `name` ends with `line`, and that line's number:
    for the tests of a loader's `path:line: reason` errors."""
    target = tmp_path / folder
    shutil.copytree(resource(folder), target)
    table = target / name
    lines = table.read_text(encoding="utf-8").splitlines() + [line]
    table.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target, len(lines)
