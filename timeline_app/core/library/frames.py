"""Events and mentions as pandas DataFrames: the mentions with their event ids, and one row per event."""

from __future__ import annotations

import functools

import pandas as pd

from timeline_app.core.library import columns as col
from timeline_app.core.library.datemod import certain_first, event_mods
from timeline_app.core.library.merge import assign_event_ids
from timeline_app.core.models import Precision

_PRECISION_RANK = {p.value: p.rank for p in Precision}


@functools.cache
def _empty(columns: tuple[str, ...]) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=object) for c in columns})


# Copies of one frame made once: building an empty frame of 26 columns costs pandas 3-11 ms, and
# the window asked for eight while it started (70-90 ms of its CPU before the first frame); a copy,
# which the caller may change, costs 0.03 ms.
def empty_mentions() -> pd.DataFrame:
    return _empty(col.MENTION_COLUMNS).copy()


def empty_events() -> pd.DataFrame:
    return _empty(col.EVENT_COLUMNS).copy()


def empty_articles() -> pd.DataFrame:
    return _empty(col.ARTICLE_COLUMNS).copy()


def with_event_ids(mentions: pd.DataFrame) -> pd.DataFrame:
    """The mentions frame with its `event_id` column filled in by the event merger."""
    df = mentions.copy()
    df[col.EVENT_ID] = pd.Series(dtype=object) if df.empty else ""
    if not df.empty:
        # Events added by hand are the user's: each is its own event until the user merges it.
        manual = df[col.MENTION_KEY].astype(str).str.startswith("manual:") if col.MENTION_KEY in df else None
        if manual is not None and manual.any():
            df.loc[manual, col.EVENT_ID] = "ev-" + df.loc[manual, col.MENTION_KEY].astype(str).str.replace(":", "-")
            machine = ~manual
        else:
            machine = pd.Series(True, index=df.index)
        if machine.any():
            df.loc[machine, col.EVENT_ID] = assign_event_ids(df[machine]).astype(str).to_numpy()
    for name, default in ((col.VERIFIED, False), (col.HIDDEN, False), (col.ORIGIN, "extracted")):
        if name not in df:
            df[name] = default
    return df.loc[:, list(col.MENTION_COLUMNS)]


# Columns of an event that are the union of its mentions' lists.
_LIST_COLUMNS = (col.COUNTRIES, col.ORGANIZATIONS, col.LANGUAGE, col.ISSUER)


def _merged(multi: pd.DataFrame) -> dict[str, dict[str, object]]:
    """The values of every event of several mentions that come from all of them, in one pass over
    its mentions (most precise first): the union of their states, organisations, languages and
    issuers, their articles and titles, the first publication date, the first location given,
    verified or hidden if one is."""
    lists = [multi[n].tolist() for n in _LIST_COLUMNS]
    names = (col.EVENT_ID, col.ARTICLE_ID, col.ARTICLE_TITLE, col.PUBLICATION_DATE, col.VERIFIED, col.HIDDEN,
             col.LOCATION_COUNTRY)
    parts: dict[str, dict[str, object]] = {}
    for row, (event, article, title, published, verified, hidden, location) in enumerate(
            zip(*(multi[n].tolist() for n in names))):
        p = parts.get(event)
        if p is None:
            p = parts[event] = {"lists": [set() for _ in _LIST_COLUMNS], "articles": set(), "titles": {},
                                "published": [], col.VERIFIED: False, col.HIDDEN: False, col.LOCATION_COUNTRY: ""}
        for found, values in zip(p["lists"], lists):
            if values[row]:
                found.update(values[row].split(col.LIST_SEPARATOR))
        p["articles"].add(article)
        if title != "" and title is not None:
            p["titles"].setdefault(str(title), None)
        if published:
            p["published"].append(published)
        p[col.VERIFIED] = p[col.VERIFIED] or bool(verified)
        p[col.HIDDEN] = p[col.HIDDEN] or bool(hidden)
        if location and not p[col.LOCATION_COUNTRY]:
            p[col.LOCATION_COUNTRY] = location
    return {event: {
        **{name: col.LIST_SEPARATOR.join(sorted(found)) for name, found in zip(_LIST_COLUMNS, p["lists"])},
        col.SOURCES: len(p["articles"]), col.SOURCE_TITLES: col.TITLE_SEPARATOR.join(p["titles"]),
        col.ARTICLE_IDS: col.LIST_SEPARATOR.join(str(a) for a in sorted(p["articles"])),
        col.PUBLICATION_DATE: min(p["published"], default=""),
        col.VERIFIED: p[col.VERIFIED], col.HIDDEN: p[col.HIDDEN], col.LOCATION_COUNTRY: p[col.LOCATION_COUNTRY],
    } for event, p in parts.items()}


def events_from_mentions(mentions: pd.DataFrame) -> pd.DataFrame:
    """Merge mentions sharing an event_id into one row each (col.EVENT_COLUMNS).

    The event's date is that of its most precise certain mention (of its most precise one when all
    are uncertain), its modifier as datemod.event_mods derives it; its countries and organisations
    are the union over its mentions; `sources` counts distinct articles.
    """
    placed = mentions[mentions[col.DATE_START].astype(bool)] if not mentions.empty else mentions
    if placed.empty:
        return empty_events()
    placed = placed.assign(_rank=placed[col.DATE_PRECISION].map(_PRECISION_RANK).fillna(99),
                           _approx=certain_first(placed))
    placed = placed.sort_values([col.EVENT_ID, "_approx", "_rank", col.ARTICLE_ID, col.CHAR_START], kind="stable")
    rep = placed.drop_duplicates(col.EVENT_ID).set_index(col.EVENT_ID)
    counts = placed.groupby(col.EVENT_ID, sort=False).size()
    multi_ids = counts.index[counts.to_numpy() > 1]

    out = pd.DataFrame(index=rep.index.rename(None))
    out[col.EVENT_ID] = rep.index
    out[col.EVENT_DATE] = rep[col.DATE_VALUE]
    for name in (col.DATE_START, col.DATE_END, col.DATE_PRECISION, col.OPEN_END, col.DATE_TEXT, col.COUNTRIES,
                col.ORGANIZATIONS, col.LOCATION_COUNTRY, col.EVENT_TYPE, col.CAMEO_CODE, col.QUAD_CLASS,
                col.SUMMARY, col.EVIDENCE):
        out[name] = rep[name]
    out[col.OPEN_END] = out[col.OPEN_END].astype(bool)
    out[col.DATE_MOD] = event_mods(placed, rep)
    out[col.SOURCES] = 1
    out[col.SOURCE_TITLES] = rep[col.ARTICLE_TITLE]
    out[col.PUBLICATION_DATE] = rep[col.PUBLICATION_DATE]
    out[col.LANGUAGE] = rep[col.LANGUAGE]
    out[col.ISSUER] = rep[col.ISSUER].fillna("").astype(str)
    out[col.ARTICLE_IDS] = rep[col.ARTICLE_ID].astype(str)
    out[col.EVENT_KEY] = rep[col.MENTION_KEY]
    for name in (col.VERIFIED, col.HIDDEN):
        out[name] = rep[name].astype(bool)
    out[col.ORIGIN] = rep[col.ORIGIN]

    if len(multi_ids):
        multi = placed[placed[col.EVENT_ID].isin(multi_ids)]
        merged = _merged(multi)
        for name in (*_LIST_COLUMNS, col.SOURCES, col.SOURCE_TITLES, col.ARTICLE_IDS, col.PUBLICATION_DATE,
                     col.VERIFIED, col.HIDDEN, col.LOCATION_COUNTRY):
            out.loc[multi_ids, name] = [merged[e][name] for e in multi_ids]
    out = out.sort_values([col.DATE_START, col.EVENT_ID], kind="stable").reset_index(drop=True)
    out[col.SOURCES] = out[col.SOURCES].astype(int)
    out[col.QUAD_CLASS] = out[col.QUAD_CLASS].astype(int)
    return out.loc[:, list(col.EVENT_COLUMNS)]
