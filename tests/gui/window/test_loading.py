"""Opening a library: read once into columns that every view shares, the window shown at once and filled when ready."""

from __future__ import annotations

from timeline_app.core.library import columns as col


def test_the_views_share_the_columns_read_once(window) -> None:
    snapshot = window.snapshot
    events = snapshot.events
    assert len(events) and window.event_model.total_count == len(events)
    # One parse of the events: the filters, the table and the timeline hold the same arrays.
    assert snapshot.index.events is events and window.timeline._data.events is events
    assert snapshot.index.start_day is events.start_day
    assert window.event_model._sort_keys[col.DATE_START] is events.start_day
    assert snapshot.index.countries is events.codes(col.COUNTRIES) is window.timeline._data._countries
