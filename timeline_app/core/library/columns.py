"""The column names of the frames the library hands out, and how a cell holds a list: named here only."""

from __future__ import annotations

from collections.abc import Iterable

from timeline_app.core.models import LIST_SEPARATOR, list_codes  # "SYR;TUR": the codes of a list cell, sorted

# ---- the mentions and events frames (the CSV exports use the same names) ----------------------

MENTION_ID = "mention_id"
EVENT_ID = "event_id"
ARTICLE_ID = "article_id"
SOURCE_PATH = "source_path"
ARTICLE_TITLE = "article_title"
PUBLICATION_DATE = "publication_date"
LANGUAGE = "language"  # ISO 639-1 code of the article ("fr"); for an event, a list cell of its articles' languages
ISSUER = "issuer"  # an official statement's issuer (ISO alpha-3 or organisation code); events: a list cell
DATE_TEXT = "date_text"  # the date as written: "last Wednesday"
DATE_VALUE = "date_value"  # its TIMEX3 value: "2023-03-15", "2023-W11", "2023"
DATE_START = "date_start"  # ISO first day of the value ("" when it is not placeable)
DATE_END = "date_end"  # ISO last day
DATE_PRECISION = "date_precision"  # a models.Precision value: "day", "month" ...
DATE_MOD = "date_mod"  # TimeML mod: "" (none), "APPROX" (uncertain: two readings), "START" ("early 2019") ...
OPEN_END = "open_end"
CHAR_START = "char_start"
CHAR_END = "char_end"
COUNTRIES = "countries"  # a list cell: ISO alpha-3 codes
ORGANIZATIONS = "organizations"  # a list cell: organisation codes
LOCATION_COUNTRY = "location_country"
EVENT_TYPE = "event_type"  # CAMEO root name: "Consult"
CAMEO_CODE = "cameo_code"
QUAD_CLASS = "quad_class"
SUMMARY = "summary"
EVIDENCE = "evidence"  # the sentence
EVIDENCE_START = "evidence_start"
EVIDENCE_END = "evidence_end"
MENTION_KEY = "mention_key"  # "<article hash>:<start>:<end>" or "manual:<id>": what the user's edits aim at
VERIFIED = "verified"
HIDDEN = "hidden"
ORIGIN = "origin"  # "extracted", "manual" or "edited: date, countries"
EVENT_DATE = "event_date"  # the event's TIMEX3 value, that of its most precise mention
SOURCES = "sources"  # how many articles report the event
SOURCE_TITLES = "source_titles"  # their titles, joined by TITLE_SEPARATOR
ARTICLE_IDS = "article_ids"  # a list cell: their ids
EVENT_KEY = "event_key"  # mention_key of the event's representative mention

# One row per dated mention (the mentions CSV, and the store's mentions table as a frame).
MENTION_COLUMNS: tuple[str, ...] = (
    MENTION_ID, EVENT_ID, ARTICLE_ID, SOURCE_PATH, ARTICLE_TITLE, PUBLICATION_DATE, LANGUAGE, ISSUER, DATE_TEXT, DATE_VALUE,
    DATE_START, DATE_END, DATE_PRECISION, DATE_MOD, OPEN_END, CHAR_START, CHAR_END, COUNTRIES, ORGANIZATIONS,
    LOCATION_COUNTRY, EVENT_TYPE, CAMEO_CODE, QUAD_CLASS, SUMMARY, EVIDENCE, EVIDENCE_START, EVIDENCE_END,
    MENTION_KEY, VERIFIED, HIDDEN, ORIGIN,
)

MENTION_COUNT = "mentions"  # of the events table, not of the frames: how many mentions an event has

# One row per event: mentions of the same event merged (the events CSV, the table, the timeline).
EVENT_COLUMNS: tuple[str, ...] = (
    EVENT_ID, EVENT_DATE, DATE_START, DATE_END, DATE_PRECISION, DATE_MOD, OPEN_END, DATE_TEXT, COUNTRIES,
    ORGANIZATIONS, LOCATION_COUNTRY, EVENT_TYPE, CAMEO_CODE, QUAD_CLASS, SUMMARY, EVIDENCE, SOURCES,
    SOURCE_TITLES, PUBLICATION_DATE, LANGUAGE, ISSUER, ARTICLE_IDS, EVENT_KEY, VERIFIED, HIDDEN, ORIGIN,
)

# ---- the articles frame (Library.articles_frame) -----------------------------------------------

TITLE = "title"
SOURCE = "source"  # the outlet
URL = "url"
BYLINE = "byline"
FMT = "fmt"  # the reader that produced the article
PUBLISHED = "published"
PUBLISHED_SOURCE = "published_source"  # a models.DateSource value
ISSUER_SOURCE = "issuer_source"  # a models.IssuerSource value
ADDED_AT = "added_at"
EVENT_COUNT = "event_count"  # the article's events shown (not hidden), each once
HIDDEN_EVENT_COUNT = "hidden_event_count"  # and those the user hid (the snapshot's articles only)

ARTICLE_COLUMNS: tuple[str, ...] = (
    ARTICLE_ID, TITLE, SOURCE, SOURCE_PATH, URL, BYLINE, FMT, PUBLISHED, PUBLISHED_SOURCE, ISSUER, ISSUER_SOURCE,
    ADDED_AT, EVENT_COUNT, LANGUAGE,
)

# ---- the edit history (Library.edits_frame) ---------------------------------------------------

EDIT_ID = "edit_id"
CREATED_AT = "created_at"
FIELD = "field"  # one of curation.EDIT_FIELDS
OLD_VALUE = "old_value"
NEW_VALUE = "new_value"

EDIT_COLUMNS: tuple[str, ...] = (EDIT_ID, CREATED_AT, EVENT_KEY, FIELD, OLD_VALUE, NEW_VALUE)

# ---- the Relations chart's numbers (core/library/relations_export.py) ------------------------------

PERIOD = "period"  # 2023-03, 2023-Q1, 2023; or the range a partners chart counted: 2019-01-01/2023-12-31
COUNTRY_A = "country_a"
COUNTRY_B = "country_b"  # "" for every event of country_a
EVENTS = "events"  # each event once
SCORE = "score"  # their Goldstein weights summed
REPORTS = "reports"  # the articles that reported them
FIRST_DATE = "first_date"  # the first day of those events ("" for none)
LAST_DATE = "last_date"  # the last day of those events
ANY_UNCERTAIN = "any_uncertain"  # whether any of them has an uncertain date (date_mod APPROX)

# What event-data users chart by hand (a dyad's events per period and QuadClass with a Goldstein sum);
# the reports, a second measure, then when those events happened, after the columns of earlier versions.
RELATION_COLUMNS: tuple[str, ...] = (PERIOD, COUNTRY_A, COUNTRY_B, QUAD_CLASS, EVENTS, SCORE, REPORTS, FIRST_DATE,
                                     LAST_DATE, ANY_UNCERTAIN)

# ---- list cells ----------------------------------------------------------------------------------

TITLE_SEPARATOR = " | "  # the titles of SOURCE_TITLES


def split_list(value: object) -> list[str]:
    """The codes of a list cell: "TUR;SYR" -> ["TUR", "SYR"]. A cell with no code ("", None, NaN) gives [].

    Codes are stripped of spaces and empty ones left out, so " TUR; ;SYR" is the same two codes.
    """
    return list(list_codes(value)) if isinstance(value, str) else []


def join_list(codes: Iterable[str]) -> str:
    """A list cell of the given codes, in the order given."""
    return LIST_SEPARATOR.join(codes)
