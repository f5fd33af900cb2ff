"""The user's corrections applied over extracted mentions: merges, splits and edited values.

Edits are kept apart from what the machine extracted (store.Library.add_edit), each aimed at an
event through the key of one of its mentions. Applying them is a pure function of the extracted
mentions and the edit history, so re-extraction refreshes machine values and keeps every correction
whose mention is still found.
"""

from __future__ import annotations

import logging

import pandas as pd

from timeline_app.core.extract.cameo import CameoTable
from timeline_app.core.library.columns import LIST_SEPARATOR
from timeline_app.core.temporal.values import describe

log = logging.getLogger(__name__)

# Fields whose edit changes what the event says (they make its origin "edited").
VALUE_FIELDS = ("date", "countries", "organizations", "event_type", "summary")
TRUE = "1"


def normalise_codes(value: str) -> str:
    """"tur; syr,TUR" -> "SYR;TUR": upper-case codes, sorted, no repeats."""
    parts = value.replace(",", LIST_SEPARATOR).split(LIST_SEPARATOR)
    return LIST_SEPARATOR.join(sorted({p.strip().upper() for p in parts if p.strip()}))


def _regroup(df: pd.DataFrame, group_edits: pd.DataFrame) -> pd.Series:
    """Event ids after the merge and split edits, replayed in the order they were made.

    A merge moves the whole current event of its key into the event of its target key; a split
    gives the machine group of its key back its own id.
    """
    machine = dict(zip(df["mention_key"], df["event_id"]))
    current: dict[str, str] = {}

    def now(gid: str) -> str:
        return current.get(gid, gid)

    for edit in group_edits.itertuples():
        src = machine.get(edit.event_key)
        if src is None:
            continue
        if edit.new_value:
            tgt = machine.get(edit.new_value)
            if tgt is None:
                continue
            source_event, target_event = now(src), now(tgt)
            if source_event == target_event:
                continue
            for gid in {g for g in machine.values() if now(g) == source_event}:
                current[gid] = target_event
        else:
            current.pop(src, None)
    if not current:
        return df["event_id"]
    return df["event_id"].map(now)


def _apply_value(df: pd.DataFrame, rows: pd.Series, field: str, value: str) -> None:
    if field == "date":
        described = describe(value) if value else None
        if described is None or described[1] is None:
            log.warning("ignoring an edited date that is not a valid date value: %r", value)
            return
        precision, start, end = described
        df.loc[rows, "date_value"] = value
        df.loc[rows, "date_start"] = start.isoformat()
        df.loc[rows, "date_end"] = end.isoformat()
        df.loc[rows, "date_precision"] = precision.value
        df.loc[rows, "open_end"] = False
    elif field in ("countries", "organizations"):
        df.loc[rows, field] = normalise_codes(value)
    elif field == "event_type":  # the value is a CAMEO code ("04" or "042"), "" to clear it
        table = CameoTable.default()
        if value and value not in table.codes:
            log.warning("ignoring an edited event type that is not a CAMEO code: %r", value)
            return
        df.loc[rows, "event_type"] = table.root_name(value) if value else ""
        df.loc[rows, "cameo_code"] = value
        df.loc[rows, "quad_class"] = table.quad_class(value) if value else 0
    elif field == "summary":
        df.loc[rows, "summary"] = value
    elif field in ("verified", "hidden"):
        df.loc[rows, field] = value == TRUE


def apply_edits(mentions: pd.DataFrame, edits: pd.DataFrame) -> pd.DataFrame:
    """Mentions with merges, splits and edited values applied; deleted events removed.

    `mentions` needs event_id and mention_key (store.Library.mentions_frame); `edits` is
    store.Library.edits_frame(). Adds `verified`, `hidden` and `origin` ("extracted", "manual",
    or "edited: date, countries") to every row.
    """
    df = mentions.copy()
    df["verified"] = False
    df["hidden"] = False
    df["origin"] = ["manual" if str(k).startswith("manual:") else "extracted" for k in df["mention_key"]]
    if edits.empty or df.empty:
        return df
    edits = edits.sort_values("edit_id", kind="stable")
    df["event_id"] = _regroup(df, edits[edits["field"] == "group"])

    key_event = dict(zip(df["mention_key"], df["event_id"]))
    values = edits[~edits["field"].isin(["group", "note"])].copy()
    values["target"] = values["event_key"].map(key_event)
    orphans = int(values["target"].isna().sum())
    if orphans:
        log.info("%d edit(s) aim at mentions that are no longer extracted", orphans)
    values = values.dropna(subset=["target"])
    latest = values.drop_duplicates(["target", "field"], keep="last")
    edited: dict[str, list[str]] = {}
    deleted: set[str] = set()
    for edit in latest.itertuples():
        rows = df["event_id"] == edit.target
        if edit.field == "deleted":
            if edit.new_value == TRUE:
                deleted.add(edit.target)
            continue
        _apply_value(df, rows, edit.field, edit.new_value)
        if edit.field in VALUE_FIELDS:
            edited.setdefault(edit.target, []).append(edit.field)
    for target, fields in edited.items():
        rows = df["event_id"] == target
        manual = df.loc[rows, "origin"].eq("manual").all()
        df.loc[rows, "origin"] = "manual" if manual else "edited: " + ", ".join(
            f for f in VALUE_FIELDS if f in fields)
    if deleted:
        df = df[~df["event_id"].isin(deleted)]
    return df.reset_index(drop=True)
