"""Adapter between the shared TimeML scorer and timeline_app.core.temporal.find_dates."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from timeline_app.core.temporal import find_dates  # noqa: E402


def extract(text: str, dct: dt.date) -> list[dict]:
    """The scorer's extractor interface: spans, values, TIMEX3 types and modifiers."""
    return [
        {"start": m.start, "end": m.end, "value": m.value, "type": m.kind, "mod": m.mod}
        for m in find_dates(text, dct)
    ]


def dateparser_search(text: str, dct: dt.date) -> list[dict]:
    """The baseline: dateparser.search_dates with the document date as RELATIVE_BASE."""
    from dateparser.search import search_dates

    base = dt.datetime(dct.year, dct.month, dct.day)
    found = search_dates(text, languages=["en"], settings={"RELATIVE_BASE": base}) or []
    out, pos = [], 0
    for surface, when in found:
        start = text.find(surface, pos)
        if start < 0:
            start = text.find(surface)
            if start < 0:
                continue
        else:
            pos = start + len(surface)
        out.append({"start": start, "end": start + len(surface), "value": when.date().isoformat()})
    return out
