"""Events and mentions as pandas DataFrames: the mentions with their event ids, and one row per event."""

from __future__ import annotations

import pandas as pd

from timeline_app.core.library import columns as col
from timeline_app.core.library.merge import assign_event_ids
from timeline_app.core.models import Precision

_PRECISION_RANK = {p.value: p.rank for p in Precision}


def empty_mentions() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=object) for c in col.MENTION_COLUMNS})


def empty_events() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=object) for c in col.EVENT_COLUMNS})


def empty_articles() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=object) for c in col.ARTICLE_COLUMNS})


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


def _union(values: pd.Series) -> str:
    codes: set[str] = set()
    for v in values:
        if v:
            codes.update(v.split(col.LIST_SEPARATOR))
    return col.LIST_SEPARATOR.join(sorted(codes))


def _unique_join(values: pd.Series, sep: str) -> str:
    seen: dict[str, None] = {}
    for v in values:
        if v != "" and v is not None:
            seen.setdefault(str(v), None)
    return sep.join(seen)


def events_from_mentions(mentions: pd.DataFrame) -> pd.DataFrame:
    """Merge mentions sharing an event_id into one row each (col.EVENT_COLUMNS).

    The event's date is that of its most precise mention; its countries and organisations are the
    union over its mentions; `sources` counts distinct articles.
    """
    placed = mentions[mentions[col.DATE_START].astype(bool)] if not mentions.empty else mentions
    if placed.empty:
        return empty_events()
    placed = placed.assign(_rank=placed[col.DATE_PRECISION].map(_PRECISION_RANK).fillna(99))
    placed = placed.sort_values([col.EVENT_ID, "_rank", col.ARTICLE_ID, col.CHAR_START], kind="stable")
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
        grouped = multi.groupby(col.EVENT_ID, sort=False)
        out.loc[multi_ids, col.COUNTRIES] = grouped[col.COUNTRIES].agg(_union)
        out.loc[multi_ids, col.ORGANIZATIONS] = grouped[col.ORGANIZATIONS].agg(_union)
        out.loc[multi_ids, col.LANGUAGE] = grouped[col.LANGUAGE].agg(_union)
        out.loc[multi_ids, col.ISSUER] = grouped[col.ISSUER].agg(_union)
        out.loc[multi_ids, col.SOURCES] = grouped[col.ARTICLE_ID].nunique()
        out.loc[multi_ids, col.SOURCE_TITLES] = grouped[col.ARTICLE_TITLE].agg(
            lambda s: _unique_join(s, col.TITLE_SEPARATOR))
        out.loc[multi_ids, col.ARTICLE_IDS] = grouped[col.ARTICLE_ID].agg(
            lambda s: col.LIST_SEPARATOR.join(str(a) for a in sorted(set(s))))
        pubs = grouped[col.PUBLICATION_DATE].agg(lambda s: min((v for v in s if v), default=""))
        out.loc[multi_ids, col.PUBLICATION_DATE] = pubs
        out.loc[multi_ids, col.VERIFIED] = grouped[col.VERIFIED].any()
        out.loc[multi_ids, col.HIDDEN] = grouped[col.HIDDEN].any()
        # The first location given by the event's mentions, most precise mention first.
        out.loc[multi_ids, col.LOCATION_COUNTRY] = grouped[col.LOCATION_COUNTRY].agg(
            lambda s: next((v for v in s if v), ""))
    out = out.sort_values([col.DATE_START, col.EVENT_ID], kind="stable").reset_index(drop=True)
    out[col.SOURCES] = out[col.SOURCES].astype(int)
    out[col.QUAD_CLASS] = out[col.QUAD_CLASS].astype(int)
    return out.loc[:, list(col.EVENT_COLUMNS)]
