"""The words around an exported timeline: a title and a subtitle from the filters, and the source line."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence

from timeline_app.core.daycount import MONTH_NAMES, civil_from_days, days_from_civil, format_year
from timeline_app.core.languagenames import language_name
from timeline_app.core.library.filters import MATCH_ALL, FilterSpec

log = logging.getLogger(__name__)

APP_NAME = "Diplomatic Timeline"
_MAX_NAMED = 3  # countries named in a title; the rest are counted
_DAYS_WORDED = 62  # a span up to two months long is named by its days, up to two years by its months
MONTHS_WORDED = 731


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def _joined(names: list[str], conjunction: str = "and") -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} {conjunction} {names[-1]}"


def _country_names(codes: frozenset[str], names: dict[str, str], order: Sequence[str]) -> list[str]:
    """Names of the countries, in `order` first (the timeline's lanes: commonest first), then by name."""
    rank = {code: i for i, code in enumerate(order)}
    ordered = sorted(codes, key=lambda c: (rank.get(c, len(rank)), names.get(c, c)))
    return [names.get(c, c) for c in ordered]


def year_range(first_day: float | None, last_day: float | None) -> str:
    """'2011–2022', '2022', or '' when there are no dates."""
    if first_day is None or last_day is None:
        return ""
    a, b = civil_from_days(int(first_day))[0], civil_from_days(int(last_day))[0]
    return format_year(a) if a == b else f"{format_year(a)}–{format_year(b)}"


def _month_end(year: int, month: int) -> int:
    return days_from_civil(year + month // 12, month % 12 + 1, 1) - 1


def span_words(first_day: int, last_day: int) -> str:
    """A span of days (last inclusive) at its own precision: '3–9 March 2024', '28 February – 5 March
    2024', 'March–May 2024', '2024', '2011–2022'; whole months and whole years are named as such."""
    (y0, m0, d0), (y1, m1, d1) = civil_from_days(first_day), civil_from_days(max(last_day, first_day))
    n_days = last_day - first_day + 1
    whole_years = (m0, d0, m1, d1) == (1, 1, 12, 31)
    if n_days > MONTHS_WORDED or whole_years:
        return year_range(first_day, last_day)
    if n_days > _DAYS_WORDED or (d0 == 1 and last_day == _month_end(y1, m1)):
        a, b = MONTH_NAMES[m0 - 1], MONTH_NAMES[m1 - 1]
        if y0 != y1:
            return f"{a} {format_year(y0)} – {b} {format_year(y1)}"
        return f"{a} {format_year(y1)}" if m0 == m1 else f"{a}–{b} {format_year(y1)}"
    if y0 != y1:
        return f"{d0} {MONTH_NAMES[m0 - 1]} {format_year(y0)} – {d1} {MONTH_NAMES[m1 - 1]} {format_year(y1)}"
    if m0 != m1:
        return f"{d0} {MONTH_NAMES[m0 - 1]} – {d1} {MONTH_NAMES[m1 - 1]} {format_year(y1)}"
    return f"{d0}{'' if d0 == d1 else f'–{d1}'} {MONTH_NAMES[m1 - 1]} {format_year(y1)}"


def default_title(spec: FilterSpec, country_names: dict[str, str], first_day: float | None,
                  last_day: float | None, order: Sequence[str] = (), span: str | None = None) -> str:
    """'Türkiye and Syria, 2011–2022': the countries filtered on (three named at most) and the years
    the events shown span (`first_day` to `last_day`, days as in core.daycount, last inclusive), or
    `span` when given (the words of a view's span, from span_words)."""
    names = _country_names(spec.countries, country_names, order)
    if not names:
        subject = "Diplomatic events"
    elif len(names) <= _MAX_NAMED:
        subject = _joined(names)
    else:
        subject = f"{', '.join(names[:_MAX_NAMED])} and {len(names) - _MAX_NAMED} more countries"
    when = span if span is not None else year_range(first_day, last_day)
    return f"{subject}, {when}" if when else subject


def default_subtitle(spec: FilterSpec, country_names: dict[str, str], order: Sequence[str] = ()) -> str:
    """The filters in words: 'Events involving both Türkiye and Syria · types: Consult, Fight · …'."""
    names = _country_names(spec.countries, country_names, order)
    if not names:
        parts = ["All events"]
    elif len(names) == 1:
        parts = [f"Events involving {names[0]}"]
    elif spec.match == MATCH_ALL:
        parts = [f"Events involving {'both ' if len(names) == 2 else 'all of '}{_joined(names)}"]
    else:
        parts = [f"Events involving {_joined(names, 'or')}"]
    if spec.date_from or spec.date_to:
        a = spec.date_from.isoformat() if spec.date_from else "the first event"
        b = spec.date_to.isoformat() if spec.date_to else "the last event"
        parts.append(f"from {a} to {b}")
    if spec.event_types:
        parts.append("types: " + ", ".join(sorted(spec.event_types)))
    if spec.organizations:
        parts.append("organisations: " + ", ".join(sorted(spec.organizations)))
    if spec.article_ids:
        parts.append("from " + _plural(len(spec.article_ids), "chosen article"))
    if spec.precisions:
        parts.append("dates precise to the " + _joined(sorted(spec.precisions), "or"))
    if spec.min_sources > 1:
        parts.append(f"reported by {spec.min_sources} sources or more")
    if spec.languages:
        parts.append("reported in " + _joined(sorted(map(language_name, spec.languages)), "or"))
    if spec.uncertain_only:
        parts.append("uncertain dates only")
    if spec.text:
        parts.append(f"matching “{spec.text}”")
    if spec.show_hidden:
        parts.append("hidden events included")
    return " · ".join(parts)


def source_line(n_articles: int | None, n_events: int, on: dt.date) -> str:
    """'9 articles, 64 events; generated by Diplomatic Timeline on 2024-05-01' (articles left out when unknown)."""
    counts = _plural(n_events, "event") if n_articles is None else \
        f"{_plural(n_articles, 'article')}, {_plural(n_events, 'event')}"
    return f"{counts}; generated by {APP_NAME} on {on.isoformat()}"
