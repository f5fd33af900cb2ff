"""A FilterSpec as text kept in the library's settings, read back leniently: a bad value never stops an open."""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Collection
from dataclasses import replace

from timeline_app.core.library.filters import MATCH_ALL, MATCH_ANY, FilterSpec

log = logging.getLogger(__name__)

FILTER_SETTING = "window/filters"  # the key in the library's settings table
_FORMAT = 1


def dump_spec(spec: FilterSpec) -> str:
    """The spec as JSON, without show_hidden (a view of the window, not a filter the user set)."""
    data: dict[str, object] = {
        "format": _FORMAT,
        "countries": sorted(spec.countries),
        "match": spec.match,
        "date_from": spec.date_from.isoformat() if spec.date_from else None,
        "date_to": spec.date_to.isoformat() if spec.date_to else None,
        "event_types": sorted(spec.event_types),
        "organizations": sorted(spec.organizations),
        "article_ids": sorted(spec.article_ids),
        "precisions": sorted(spec.precisions),
        "languages": sorted(spec.languages),
        "min_sources": spec.min_sources,
        "text": spec.text,
        "uncertain_only": spec.uncertain_only,
    }
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def load_spec(text: str) -> FilterSpec:
    """The spec stored by dump_spec. A field that cannot be read is left out (logged); text that is
    not such a spec at all gives the empty spec."""
    if not text.strip():
        return FilterSpec()
    try:
        data = json.loads(text)
    except ValueError as e:
        log.warning("the saved filters cannot be read (%s); starting without filters", e)
        return FilterSpec()
    if not isinstance(data, dict):
        log.warning("the saved filters are not a filter (%r); starting without filters", text[:80])
        return FilterSpec()
    fields: dict[str, object] = {}
    for name in ("countries", "event_types", "organizations", "precisions", "languages"):
        values = data.get(name, [])
        if isinstance(values, list) and all(isinstance(v, str) for v in values):
            fields[name] = frozenset(values)
        else:
            log.warning("saved filter %s left out: %r", name, values)
    ids = data.get("article_ids", [])
    if isinstance(ids, list) and all(isinstance(i, int) and not isinstance(i, bool) for i in ids):
        fields["article_ids"] = frozenset(ids)
    else:
        log.warning("saved filter article_ids left out: %r", ids)
    if data.get("match") in (MATCH_ANY, MATCH_ALL):
        fields["match"] = data["match"]
    for name in ("date_from", "date_to"):
        day = _date(data.get(name))
        if day is not None:
            fields[name] = day
    n = data.get("min_sources", 0)
    if isinstance(n, int) and not isinstance(n, bool) and n >= 0:
        fields["min_sources"] = n
    if isinstance(data.get("text"), str):
        fields["text"] = data["text"]
    if isinstance(data.get("uncertain_only"), bool):
        fields["uncertain_only"] = data["uncertain_only"]
    return FilterSpec(**fields)  # type: ignore[arg-type]


def _date(value: object) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        log.warning("saved filter date left out: %r", value)
        return None


def known_only(spec: FilterSpec, countries: Collection[str], event_types: Collection[str],
               organizations: Collection[str], article_ids: Collection[int],
               precisions: Collection[str], languages: Collection[str] | None = None) -> FilterSpec:
    """The spec without values the library no longer has (a country whose events are gone, a
    removed article): a saved filter must not hide everything for a reason the user cannot see."""
    return replace(
        spec,
        countries=spec.countries & frozenset(countries),
        event_types=spec.event_types & frozenset(event_types),
        organizations=spec.organizations & frozenset(organizations),
        article_ids=spec.article_ids & frozenset(article_ids),
        precisions=spec.precisions & frozenset(precisions),
        languages=spec.languages if languages is None else spec.languages & frozenset(languages),
    )
