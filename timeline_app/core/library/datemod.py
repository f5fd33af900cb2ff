"""An event's date modifier (TimeML mod): derived from its mentions' modifiers, and shown with its date."""

from __future__ import annotations

import numpy as np
import pandas as pd

from timeline_app.core.library import columns as col

APPROX = "APPROX"  # the words have two readings ("next Friday" told on a Wednesday): the date is uncertain
CERTAIN = ""
# How a modifier is written before the date it qualifies: "early 2019", "≈ 2024-05-17".
_SHOWN = {APPROX: "≈ ", "START": "early ", "MID": "mid ", "END": "late ", "BEFORE": "before ", "AFTER": "after ",
          "EQUAL_OR_LESS": "by ", "EQUAL_OR_MORE": "from "}
# Why a date carries its modifier, for the tooltips.
_WHY = {APPROX: "uncertain: the words can also be read as another date (“next Friday” told on a Wednesday)",
        "START": "the start of the period", "MID": "the middle of the period", "END": "the end of the period",
        "BEFORE": "some time before the date", "AFTER": "some time after the date",
        "EQUAL_OR_LESS": "on or before the date", "EQUAL_OR_MORE": "on or after the date"}


def clean(values: pd.Series) -> pd.Series:
    """Modifiers as text, "" for a missing one (None, NaN: a frame from elsewhere)."""
    return values.fillna("").astype(str).astype(object)


def certain_first(mentions: pd.DataFrame) -> pd.Series:
    """The sort key that puts an event's certain mentions before its uncertain ones (0, then 1)."""
    if col.DATE_MOD not in mentions:
        return pd.Series(0, index=mentions.index)
    return (clean(mentions[col.DATE_MOD]) == APPROX).astype(int)


def event_mods(placed: pd.DataFrame, rep: pd.DataFrame) -> pd.Series:
    """The modifier of each event (index of `rep`), from its dated mentions `placed` (sorted with a
    certain representative first, as frames.events_from_mentions sorts them).

    The rule: an event's date is that of its representative mention, and a certain mention is
    chosen before an uncertain (APPROX) one, so one certain report of the event wins. An event is
    APPROX only when every dated mention behind it is. Otherwise its modifier is the one shared by
    every certain mention giving the representative's date value ("early 2019" twice stays START);
    when they disagree ("early 2019" and "late 2019") none is kept: the year is what they agree on.
    A user's date edit sets its mentions' modifier to "" (curation.py): the user's own date is certain.
    """
    out = pd.Series(CERTAIN, index=rep.index, dtype=object)
    if col.DATE_MOD not in placed or placed.empty:
        return out
    marked = placed[col.DATE_MOD].notna().to_numpy() & (placed[col.DATE_MOD] != CERTAIN).to_numpy()
    if not marked.any():
        return out
    # Only the events with a modifier somewhere need the rule (a handful of a large library's).
    ids = pd.unique(placed[col.EVENT_ID].to_numpy()[marked])
    some = placed[placed[col.EVENT_ID].isin(ids)]
    mods = clean(some[col.DATE_MOD])
    same_value = some[col.DATE_VALUE].to_numpy() == rep[col.DATE_VALUE].reindex(some[col.EVENT_ID]).to_numpy()
    counted = some.loc[same_value & (mods != APPROX).to_numpy(), [col.EVENT_ID]].assign(_mod=mods)
    kinds = counted.groupby(col.EVENT_ID, sort=False)["_mod"].nunique().reindex(ids).fillna(0).to_numpy()
    rep_mod = clean(rep[col.DATE_MOD].reindex(ids)).to_numpy()
    out.loc[ids] = np.where((rep_mod == APPROX) | (kinds <= 1), rep_mod, CERTAIN)
    return out


def is_uncertain(mods: np.ndarray) -> np.ndarray:
    """True for each APPROX modifier of an array of them."""
    return np.asarray(mods, dtype=object) == APPROX


def shown_date(shown: str, mod: str) -> str:
    """A displayed date with its modifier: "≈ 2024-05-17", "early 2019"; the date alone when it has none."""
    prefix = _SHOWN.get(mod, "")
    return f"{prefix}{shown}" if shown and prefix else shown


def why(mod: str) -> str:
    """What a modifier says of its date, for a tooltip ("" for none)."""
    return _WHY.get(mod, f"modifier {mod}" if mod else "")
