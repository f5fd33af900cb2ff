"""Frozen dataclasses and enums shared by every part of the core: articles, mentions, events."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from enum import Enum


class Precision(str, Enum):
    """How finely a date was written. Ordered from finest to coarsest by `rank`."""

    TIME = "time"
    DAY = "day"
    WEEK = "week"
    WEEKEND = "weekend"
    MONTH = "month"
    QUARTER = "quarter"
    SEASON = "season"
    HALF = "half"
    YEAR = "year"
    DECADE = "decade"
    CENTURY = "century"
    PRESENT = "present"  # "now", "currently": never placed on the timeline
    DURATION = "duration"  # "for three years": recognised, not placed
    SET = "set"  # "every week": recognised, not placed
    UNKNOWN = "unknown"  # found, but could not be resolved (no publication date)

    @property
    def rank(self) -> int:
        return _RANKS[self]

    @property
    def placeable(self) -> bool:
        """True for precisions that denote a period that can be drawn on a timeline."""
        return self not in (Precision.PRESENT, Precision.DURATION, Precision.SET, Precision.UNKNOWN)


_RANKS = {p: i for i, p in enumerate(Precision)}


class DateSource(str, Enum):
    """Where an article's publication date came from."""

    USER = "user"
    METADATA = "metadata"
    TEXT = "text"
    FILENAME = "filename"
    NONE = "none"


class IssuerSource(str, Enum):
    """Where an article's issuer (the government or organisation that published a statement) came from."""

    USER = "user"
    URL = "url"
    METADATA = "metadata"  # the feed's or page's name for its source, or a dump's issuer field
    TEXT = "text"  # a header line: "Office of the Spokesperson", "Ministry of Foreign Affairs of Japan"
    NONE = "none"


@dataclass(frozen=True)
class DateMention:
    """One date expression found in a text and, when possible, resolved.

    `start`/`end` are character offsets into the text (end exclusive). `value` is a TIMEX3-style
    value ("2022-12-28", "2022-11", "2022", "2022-W51", "2022-W51-WE", "2022-Q4", "2022-SU", "201X",
    "19XX", "2022-12-28T15:00", "2022-12-28TEV", "PRESENT_REF", "P3Y" ...); it is "" when the
    expression could not be resolved. `start_date`/`end_date` are the first and last day the value
    can denote (None when not placeable). `mod` is a TIMEX3 modifier ("", "START", "MID", "END",
    "APPROX", "BEFORE", "AFTER"), and `open_end` is True for open periods such as "since 2011".
    A mention that starts a range ("7" of "7-8 March", "Monday" of "between Monday and Wednesday")
    has `range_end`: the end offset of the range's last mention, so that text[start:range_end] is
    the whole range; each part keeps its own value, as TimeML annotates them.
    """

    start: int
    end: int
    text: str
    value: str
    granularity: Precision
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    kind: str = "DATE"  # TIMEX3 type: DATE, TIME, DURATION, SET
    mod: str = ""
    open_end: bool = False
    relative: bool = False  # resolved against the publication date or an earlier mention
    rule: str = ""  # name of the rule that found it, for debugging and the reader's tooltip
    range_end: int | None = None

    @property
    def placeable(self) -> bool:
        return self.start_date is not None and self.end_date is not None


class EntityKind(str, Enum):
    COUNTRY = "country"
    ORGANIZATION = "organization"
    PERSON = "person"
    GROUP = "group"  # a closed group of states named by its members: "NATO allies", "the Quad"


class EntityRole(str, Enum):
    """How a mention takes part in the statement around it."""

    ACTOR = "actor"  # a state that acts or is acted upon: "Turkey launched", "talks with Damascus"
    MODIFIER = "modifier"  # "US-backed", "Iranian-made", "Russian-language"
    LOCATION = "location"  # "in northeast Syria", "in Istanbul"


@dataclass(frozen=True)
class EntityMention:
    """A country, organisation or person named in a text.

    `code` is an ISO 3166-1 alpha-3 code for countries (and for persons: the country they serve),
    an organisation's short code (NATO, EU, UN, SDF ...) for organisations, a group's code
    (NATO, QUAD, ARCTIC8 ...) for groups, whose members depend on the date.
    """

    start: int
    end: int
    text: str
    code: str
    kind: EntityKind
    role: EntityRole = EntityRole.ACTOR
    name: str = ""  # canonical name: "Türkiye", "North Atlantic Treaty Organization", "Recep Tayyip Erdogan"


LIST_SEPARATOR = ";"  # "SYR;TUR": the codes of a list cell (the library's columns, a joint statement's issuers)


def list_codes(cell: str) -> tuple[str, ...]:
    """The codes of a list cell: " TUR; ;SYR" -> ("TUR", "SYR"), stripped, empty ones left out."""
    return tuple(code for code in (part.strip() for part in cell.split(LIST_SEPARATOR)) if code)


def issuer_codes(issuer: str) -> tuple[str, ...]:
    """The issuers an article's `issuer` names: ("AUS", "JPN", "USA") for a joint statement, () for news."""
    return list_codes(issuer)


def content_hash(text: str) -> str:
    """Stable identity of an article's text: same text, same hash, whatever file it came from."""
    normalised = " ".join(text.split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Article:
    """One news article, decoded to text with line ends normalised to "\\n"."""

    text: str
    title: str
    published: dt.date | None
    published_source: DateSource = DateSource.NONE
    source_path: str = ""  # file path, "archive.zip!member.txt", "feed.xml#3" or URL it came from
    url: str = ""
    source: str = ""  # outlet name ("Antiwar.com") when known
    byline: str = ""
    fmt: str = "text"  # reader that produced it: text, html, feed, json, jsonl, csv ...
    hash: str = field(default="")
    language: str = ""  # ISO 639-1 code ("fr"), as detected or given; "" when not known
    # An official statement's issuer: ISO alpha-3 of a state or an organisation code (EU, NATO, UN);
    # a joint statement's co-issuers as a list cell ("AUS;JPN;USA", see issuer_codes); "" for news.
    # "we", "the Secretary", "our Embassy" in the text stand for it (for each co-issuer).
    issuer: str = ""
    issuer_source: IssuerSource = IssuerSource.NONE

    def __post_init__(self) -> None:
        if not self.hash:
            object.__setattr__(self, "hash", content_hash(self.text))


@dataclass(frozen=True)
class EventMention:
    """One dated statement in one article: the unit of the mentions CSV."""

    date: DateMention
    countries: tuple[str, ...]  # ISO alpha-3 of the states taking part, sorted
    organizations: tuple[str, ...] = ()
    location_country: str = ""
    event_type: str = ""  # CAMEO root name, e.g. "Consult"
    cameo_code: str = ""  # e.g. "040"
    quad_class: int = 0  # 1-4, 0 when unknown
    summary: str = ""
    evidence: str = ""  # the sentence
    evidence_start: int = 0
    evidence_end: int = 0


@dataclass(frozen=True)
class SkippedInput:
    """An input that could not be read; `reason` is one line a user understands."""

    path: str
    reason: str
