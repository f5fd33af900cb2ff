"""Events and mentions as pandas DataFrames; the column names live here and only here."""

from __future__ import annotations

# One row per dated mention (the mentions CSV, and the store's mentions table as a frame).
MENTION_COLUMNS: tuple[str, ...] = (
    "mention_id",
    "event_id",
    "article_id",
    "source_path",
    "article_title",
    "publication_date",
    "date_text",
    "date_value",
    "date_start",
    "date_end",
    "date_precision",
    "open_end",
    "char_start",
    "char_end",
    "countries",
    "organizations",
    "location_country",
    "event_type",
    "cameo_code",
    "quad_class",
    "summary",
    "evidence",
    "evidence_start",
    "evidence_end",
)

# One row per event: mentions of the same event merged (the events CSV, the table, the timeline).
EVENT_COLUMNS: tuple[str, ...] = (
    "event_id",
    "event_date",
    "date_start",
    "date_end",
    "date_precision",
    "open_end",
    "date_text",
    "countries",
    "organizations",
    "location_country",
    "event_type",
    "cameo_code",
    "quad_class",
    "summary",
    "evidence",
    "sources",
    "source_titles",
    "publication_date",
    "article_ids",
)

LIST_SEPARATOR = ";"
