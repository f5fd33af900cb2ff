"""Events and mentions as pandas DataFrames: the mentions with their event ids, and one row per event."""

from __future__ import annotations

import pandas as pd

from timeline_app.core.library.columns import EVENT_COLUMNS, LIST_SEPARATOR, MENTION_COLUMNS, TITLE_SEPARATOR
from timeline_app.core.library.merge import assign_event_ids
from timeline_app.core.models import Precision

_PRECISION_RANK = {p.value: p.rank for p in Precision}


def empty_mentions() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=object) for c in MENTION_COLUMNS})


def empty_events() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=object) for c in EVENT_COLUMNS})


def with_event_ids(mentions: pd.DataFrame) -> pd.DataFrame:
    """The mentions frame with its `event_id` column filled in by the event merger."""
    df = mentions.copy()
    df["event_id"] = pd.Series(dtype=object) if df.empty else ""
    if not df.empty:
        # Events added by hand are the user's: each is its own event until the user merges it.
        manual = df["mention_key"].astype(str).str.startswith("manual:") if "mention_key" in df else None
        if manual is not None and manual.any():
            df.loc[manual, "event_id"] = "ev-" + df.loc[manual, "mention_key"].astype(str).str.replace(":", "-")
            machine = ~manual
        else:
            machine = pd.Series(True, index=df.index)
        if machine.any():
            df.loc[machine, "event_id"] = assign_event_ids(df[machine]).astype(str).to_numpy()
    for col, default in (("verified", False), ("hidden", False), ("origin", "extracted")):
        if col not in df:
            df[col] = default
    return df.loc[:, list(MENTION_COLUMNS)]


def _union(values: pd.Series) -> str:
    codes: set[str] = set()
    for v in values:
        if v:
            codes.update(v.split(LIST_SEPARATOR))
    return LIST_SEPARATOR.join(sorted(codes))


def _unique_join(values: pd.Series, sep: str) -> str:
    seen: dict[str, None] = {}
    for v in values:
        if v != "" and v is not None:
            seen.setdefault(str(v), None)
    return sep.join(seen)


def events_from_mentions(mentions: pd.DataFrame) -> pd.DataFrame:
    """Merge mentions sharing an event_id into one row each (EVENT_COLUMNS).

    The event's date is that of its most precise mention; its countries and organisations are the
    union over its mentions; `sources` counts distinct articles.
    """
    placed = mentions[mentions["date_start"].astype(bool)] if not mentions.empty else mentions
    if placed.empty:
        return empty_events()
    placed = placed.assign(_rank=placed["date_precision"].map(_PRECISION_RANK).fillna(99))
    placed = placed.sort_values(["event_id", "_rank", "article_id", "char_start"], kind="stable")
    rep = placed.drop_duplicates("event_id").set_index("event_id")
    counts = placed.groupby("event_id", sort=False).size()
    multi_ids = counts.index[counts.to_numpy() > 1]

    out = pd.DataFrame(index=rep.index.rename(None))
    out["event_id"] = rep.index
    out["event_date"] = rep["date_value"]
    for col in ("date_start", "date_end", "date_precision", "open_end", "date_text", "countries",
                "organizations", "location_country", "event_type", "cameo_code", "quad_class",
                "summary", "evidence"):
        out[col] = rep[col]
    out["open_end"] = out["open_end"].astype(bool)
    out["sources"] = 1
    out["source_titles"] = rep["article_title"]
    out["publication_date"] = rep["publication_date"]
    out["article_ids"] = rep["article_id"].astype(str)
    out["event_key"] = rep["mention_key"]
    for col in ("verified", "hidden"):
        out[col] = rep[col].astype(bool)
    out["origin"] = rep["origin"]

    if len(multi_ids):
        multi = placed[placed["event_id"].isin(multi_ids)]
        grouped = multi.groupby("event_id", sort=False)
        out.loc[multi_ids, "countries"] = grouped["countries"].agg(_union)
        out.loc[multi_ids, "organizations"] = grouped["organizations"].agg(_union)
        out.loc[multi_ids, "sources"] = grouped["article_id"].nunique()
        out.loc[multi_ids, "source_titles"] = grouped["article_title"].agg(
            lambda s: _unique_join(s, TITLE_SEPARATOR))
        out.loc[multi_ids, "article_ids"] = grouped["article_id"].agg(
            lambda s: LIST_SEPARATOR.join(str(a) for a in sorted(set(s))))
        pubs = grouped["publication_date"].agg(lambda s: min((v for v in s if v), default=""))
        out.loc[multi_ids, "publication_date"] = pubs
        out.loc[multi_ids, "verified"] = grouped["verified"].any()
        out.loc[multi_ids, "hidden"] = grouped["hidden"].any()
        # The first location given by the event's mentions, most precise mention first.
        out.loc[multi_ids, "location_country"] = grouped["location_country"].agg(
            lambda s: next((v for v in s if v), ""))
    out = out.sort_values(["date_start", "event_id"], kind="stable").reset_index(drop=True)
    out["sources"] = out["sources"].astype(int)
    out["quad_class"] = out["quad_class"].astype(int)
    return out.loc[:, list(EVENT_COLUMNS)]
