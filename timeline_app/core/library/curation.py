"""The user's corrections applied over extracted mentions: merges, splits and edited values.

Edits are kept apart from what the machine extracted (store.Library.add_edit), each aimed at an
event through the key of one of its mentions. Applying them is a pure function of the extracted
mentions and the edit history, so re-extraction refreshes machine values and keeps every correction
whose mention is still found.
"""

from __future__ import annotations

import functools
import logging

import pandas as pd

from timeline_app.core.extract.cameo import CameoTable
from timeline_app.core.extract.gazetteer import Gazetteer
from timeline_app.core.library import columns as col
from timeline_app.core.library.datemod import CERTAIN
from timeline_app.core.temporal.values import describe

log = logging.getLogger(__name__)

# What an edit changes: the edits table's `field`. Libraries store these names: never rename one.
EDIT_DATE = "date"  # new value: a TIMEX3 value
EDIT_COUNTRIES = "countries"  # a list cell
EDIT_ORGANIZATIONS = "organizations"  # a list cell
EDIT_EVENT_TYPE = "event_type"  # a CAMEO code ("04" or "042"), "" to clear it
EDIT_SUMMARY = "summary"
EDIT_VERIFIED = "verified"  # TRUE or FALSE
EDIT_HIDDEN = "hidden"  # TRUE or FALSE
EDIT_DELETED = "deleted"  # TRUE or FALSE
EDIT_GROUP = "group"  # merge into the event of the key given, split back out (""), or split its report off (itself)
EDIT_NOTE = "note"
EDIT_FIELDS = (EDIT_DATE, EDIT_COUNTRIES, EDIT_ORGANIZATIONS, EDIT_EVENT_TYPE, EDIT_SUMMARY, EDIT_VERIFIED,
               EDIT_HIDDEN, EDIT_DELETED, EDIT_GROUP, EDIT_NOTE)
# Fields whose edit changes what the event says (they make its origin "edited").
VALUE_FIELDS = (EDIT_DATE, EDIT_COUNTRIES, EDIT_ORGANIZATIONS, EDIT_EVENT_TYPE, EDIT_SUMMARY)
REPORT_MARK = "~"  # in the id of a report split off its event: "<machine event>~<article hash>"
REPORT_HASH = 12  # characters of the article's hash in that id
TRUE = "1"
FALSE = "0"
# The column an edit of a list or a flag sets.
_COLUMN_OF = {EDIT_COUNTRIES: col.COUNTRIES, EDIT_ORGANIZATIONS: col.ORGANIZATIONS,
              EDIT_VERIFIED: col.VERIFIED, EDIT_HIDDEN: col.HIDDEN}


def normalise_codes(value: str) -> str:
    """"tur; syr,TUR" -> "SYR;TUR": upper-case codes, sorted, no repeats."""
    return col.join_list(sorted({code.upper() for code in col.split_list(value.replace(",", col.LIST_SEPARATOR))}))


@functools.lru_cache(maxsize=2)
def known_codes(field: str) -> frozenset[str]:
    """The codes an edit of `field` may hold: ISO alpha-3 (and XKX) for countries, the gazetteer's
    organisation codes for organisations. A library may come from anyone: its edits are data to check."""
    gazetteer = Gazetteer.default()
    return frozenset(gazetteer.countries() if field == EDIT_COUNTRIES else gazetteer.organizations())


def report_of(key: str) -> str:
    """The article part of a mention key ("<hash>:<start>:<end>"): the mentions of one report share it."""
    parts = key.rsplit(":", 2)
    return parts[0] if len(parts) == 3 and not key.startswith("manual:") else ""


def regroup(df: pd.DataFrame, group_edits: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """Event ids after the merge and split edits, replayed in the order they were made, and each
    row's machine group (the extractor's event, or the report split off it).

    A merge moves the whole current event of its key into the event of its target key; a split
    ("") gives the machine group of its key back its own id. A group edit aimed at its own key
    splits that key's report off: the article's mentions of the key's machine event become a
    group of their own, "<machine event>~<article hash>", and its own event.
    """
    keys = df[col.MENTION_KEY].astype(str)
    machine = dict(zip(keys, df[col.EVENT_ID]))
    origin = dict(machine)
    reports: dict[tuple[str, str], list[str]] | None = None
    current: dict[str, str] = {}

    def now(gid: str) -> str:
        return current.get(gid, gid)

    for edit in group_edits.itertuples():
        src = machine.get(edit.event_key)
        if src is None:
            continue
        if edit.new_value == edit.event_key:
            article = report_of(edit.event_key)
            if not article:
                continue
            if reports is None:  # the mentions of each (machine event, article), made at the first split
                reports = {}
                for k, g in origin.items():
                    reports.setdefault((g, report_of(k)), []).append(k)
            base = origin[edit.event_key]
            group = f"{base}{REPORT_MARK}{article[:REPORT_HASH]}"
            for k in reports.get((base, article), ()):
                machine[k] = group
            current.pop(group, None)
        elif edit.new_value:
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
    groups = df[col.EVENT_ID] if reports is None else keys.map(machine)
    return (groups if not current else groups.map(now)), groups


def _apply_value(df: pd.DataFrame, rows: pd.Series, field: str, value: str) -> bool:
    """Set one edited value on the rows of its event; False when the value is not one to set."""
    if field == EDIT_DATE:
        described = describe(value) if value else None
        if described is None or described[1] is None:
            log.warning("ignoring an edited date that is not a valid date value: %r", value)
            return False
        precision, start, end = described
        df.loc[rows, col.DATE_VALUE] = value
        df.loc[rows, col.DATE_START] = start.isoformat()
        df.loc[rows, col.DATE_END] = end.isoformat()
        df.loc[rows, col.DATE_PRECISION] = precision.value
        df.loc[rows, col.DATE_MOD] = CERTAIN  # the user's own date: no longer one of two readings
        df.loc[rows, col.OPEN_END] = False
    elif field in (EDIT_COUNTRIES, EDIT_ORGANIZATIONS):
        codes = normalise_codes(value)
        if not set(col.split_list(codes)) <= known_codes(field):
            log.warning("ignoring an edit of %s that holds codes the gazetteer does not know: %r", field, value)
            return False
        df.loc[rows, _COLUMN_OF[field]] = codes
    elif field == EDIT_EVENT_TYPE:
        table = CameoTable.default()
        if value and value not in table.codes:
            log.warning("ignoring an edited event type that is not a CAMEO code: %r", value)
            return False
        df.loc[rows, col.EVENT_TYPE] = table.root_name(value) if value else ""
        df.loc[rows, col.CAMEO_CODE] = value
        df.loc[rows, col.QUAD_CLASS] = table.quad_class(value) if value else 0
    elif field == EDIT_SUMMARY:
        df.loc[rows, col.SUMMARY] = value
    elif field in (EDIT_VERIFIED, EDIT_HIDDEN):
        df.loc[rows, _COLUMN_OF[field]] = value == TRUE
    return True


def apply_edits(mentions: pd.DataFrame, edits: pd.DataFrame) -> pd.DataFrame:
    """Mentions with merges, splits and edited values applied; deleted events removed.

    `mentions` needs event_id and mention_key (store.Library.mentions_frame); `edits` is
    store.Library.edits_frame(). Adds `verified`, `hidden` and `origin` ("extracted", "manual",
    or "edited: date, countries") to every row.
    """
    df = mentions.copy()
    df[col.VERIFIED] = False
    df[col.HIDDEN] = False
    df[col.ORIGIN] = ["manual" if str(k).startswith("manual:") else "extracted" for k in df[col.MENTION_KEY]]
    if edits.empty or df.empty:
        return df
    edits = edits.sort_values(col.EDIT_ID, kind="stable")
    df[col.EVENT_ID] = regroup(df, edits[edits[col.FIELD] == EDIT_GROUP])[0]

    key_event = dict(zip(df[col.MENTION_KEY], df[col.EVENT_ID]))
    values = edits[~edits[col.FIELD].isin([EDIT_GROUP, EDIT_NOTE])].copy()
    values["target"] = values[col.EVENT_KEY].map(key_event)
    orphans = int(values["target"].isna().sum())
    if orphans:
        log.info("%d edit(s) aim at mentions that are no longer extracted", orphans)
    values = values.dropna(subset=["target"])
    latest = values.drop_duplicates(["target", col.FIELD], keep="last")
    edited: dict[str, list[str]] = {}
    deleted: set[str] = set()
    for edit in latest.itertuples():
        rows = df[col.EVENT_ID] == edit.target
        if edit.field == EDIT_DELETED:
            if edit.new_value == TRUE:
                deleted.add(edit.target)
            continue
        if _apply_value(df, rows, edit.field, edit.new_value) and edit.field in VALUE_FIELDS:
            edited.setdefault(edit.target, []).append(edit.field)
    for target, fields in edited.items():
        rows = df[col.EVENT_ID] == target
        manual = df.loc[rows, col.ORIGIN].eq("manual").all()
        df.loc[rows, col.ORIGIN] = "manual" if manual else "edited: " + ", ".join(
            f for f in VALUE_FIELDS if f in fields)
    if deleted:
        df = df[~df[col.EVENT_ID].isin(deleted)]
    return df.reset_index(drop=True)
