"""Dates of publication as written in metadata values, file names and date lines: found, parsed and checked."""

from __future__ import annotations

import datetime as dt
import email.utils
import logging
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import PurePosixPath


log = logging.getLogger(__name__)

# Languages whose month names a date line may use; the names come from dateparser's locale data.
# English comes first so that it wins where abbreviations collide.
_MONTH_LANGUAGES = (
    "en", "fr", "de", "es", "it", "pt", "nl", "sv", "da", "nb", "fi", "pl", "cs", "ro", "tr", "ru", "uk", "ar", "he",
)  # fmt: skip
_MONTH_KEYS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip

_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|\.|º)?"
_MON = r"(?P<mon>[^\W\d_]{3,12})\.?"
_DATE_PATTERNS = (
    # 2022-12-28, 2022/12/28, 2022.12.28 (also the date part of 2022-12-28T10:00:00Z)
    re.compile(r"(?<![\d.])(?P<year>(?:19|20)\d\d)(?P<sep>[-/.])(?P<mon>[01]?\d)(?P=sep)(?P<day>[0-3]?\d)(?![\d/])"),
    # 28 December 2022, 3rd of March, 2020, 28. Dezember 2022, 28 de diciembre de 2022
    re.compile(rf"(?<![\w.]){_DAY}\s*(?:of\s+|de\s+)?{_MON},?\s+(?:de\s+)?{_YEAR}(?!\d)", re.I),
    # December 28, 2022, Dec. 28 2022
    re.compile(rf"(?<!\w){_MON}\s+{_DAY},?\s+{_YEAR}(?!\d)", re.I),
    # 2022年12月28日 (Chinese, Japanese), 2022년 12월 28일 (Korean)
    re.compile(r"(?P<year>(?:19|20)\d\d)\s*[年년]\s*(?P<mon>[01]?\d)\s*[月월]\s*(?P<day>[0-3]?\d)\s*[日일]"),
    # 28.12.2022 (day first), 12/28/2022 (month first: the day is the one over 12, or the second with a slash)
    re.compile(r"(?<![\d.])(?P<a>[0-3]?\d)(?P<sep>[./-])(?P<b>[0-3]?\d)(?P=sep)(?P<year>(?:19|20)\d\d)(?![\d.]\d)"),
    # 28-Dec-2022, 28/Dec/2022:10:00:00 (server logs, Oracle), 2022-Dec-28
    re.compile(rf"(?<![\w.]){_DAY}(?P<sep>[-/]){_MON}(?P=sep){_YEAR}(?!\d)", re.I),
    re.compile(rf"(?<![\w.]){_YEAR}(?P<sep>[-/]){_MON}(?P=sep)(?P<day>[0-3]?\d)(?![\d/])", re.I),
)

_FILENAME_DATE = re.compile(
    r"(?<!\d)(?P<year>(?:19|20)\d\d)(?P<sep>[-_.]?)(?P<mon>0[1-9]|1[0-2])(?P=sep)(?P<day>0[1-9]|[12]\d|3[01])(?!\d)"
)
_PATH_DATE = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)/(?P<mon>0?[1-9]|1[0-2])/(?P<day>0?[1-9]|[12]\d|3[01])(?:/|$)")
# GDELT's 20221228T120000Z and 20221228120000; a time of five digits would be a millisecond time stamp.
_COMPACT = re.compile(r"^(?P<year>(?:19|20)\d\d)(?P<mon>\d\d)(?P<day>\d\d)(?:T?(?P<time>\d{4}(?:\d\d)?)Z?)?$")
# A Unix time stamp as text: "1672228800", "1672228800.5", and .NET JSON's "/Date(1672228800000+0100)/".
_EPOCH_TEXT = re.compile(r"^(?:/?Date\()?(?P<number>\d{9,19}(?:\.\d+)?)(?P<offset>[+-]\d{4})?(?:\)/?)?$")
# Seconds from 1973-03-03 (nine digits) to 2100; smaller numbers in a date field are years, counts or ids.
_EPOCH_SECONDS = (100_000_000, 4_102_444_800)
_EPOCH_UNITS = (1, 1_000, 1_000_000, 1_000_000_000)  # seconds, milli-, micro-, nanoseconds


@lru_cache(maxsize=1)
def _month_table() -> dict[str, int]:
    """Lower-cased month names and abbreviations of _MONTH_LANGUAGES -> month number."""
    # deferred: importing dateparser costs 100-120 ms of every start of the window (-X importtime:
    # gui.dialogs -> date_hints -> pubdate); the first date line read loads it.
    from dateparser.languages import default_loader

    table: dict[str, int] = {}
    for code in _MONTH_LANGUAGES:
        info = default_loader.get_locale(code).info
        for number, key in enumerate(_MONTH_KEYS, start=1):
            for name in info.get(key, []):
                table.setdefault(name.lower().rstrip("."), number)
    return table


def month_number(word: str) -> int | None:
    """1-12 for a month name or abbreviation ("Dec", "December", "décembre"), else None."""
    return _month_table().get(word.lower().rstrip("."))


def make_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _from_match(m: re.Match[str]) -> dt.date | None:
    groups = m.groupdict()
    year = int(groups["year"])
    if "a" in groups and groups.get("a") is not None:
        a, b = int(groups["a"]), int(groups["b"])
        if a > 12:
            return make_date(year, b, a)
        if b > 12:
            return make_date(year, a, b)
        # Ambiguous: a dot or a hyphen is written day-first; a slash is read the American way.
        return make_date(year, b, a) if groups["sep"] in ".-" else make_date(year, a, b)
    mon = groups["mon"]
    month = int(mon) if mon.isdigit() else month_number(mon)
    if month is None:
        return None
    return make_date(year, month, int(groups["day"]))


def find_date(text: str) -> tuple[dt.date, int, int] | None:
    """The first full calendar date (day, month and year) written in `text`, with its span."""
    best: tuple[dt.date, int, int] | None = None
    for pattern in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            date = _from_match(m)
            if date is not None:
                if best is None or m.start() < best[1]:
                    best = (date, m.start(), m.end())
                break
    return best


def _from_epoch(number: float, offset_minutes: int = 0) -> dt.date | None:
    """The day of a Unix time stamp in seconds, milliseconds, microseconds or nanoseconds, told apart
    by size (the ranges do not overlap); None outside 1973-2100, where a number is no time stamp."""
    if not -1e30 < number < 1e30:  # also NaN; a bigger int would overflow the division
        return None
    for unit in _EPOCH_UNITS:
        seconds = number / unit
        if _EPOCH_SECONDS[0] <= seconds < _EPOCH_SECONDS[1]:
            zone = dt.timezone(dt.timedelta(minutes=offset_minutes))
            return dt.datetime.fromtimestamp(seconds, tz=dt.timezone.utc).astimezone(zone).date()
    return None


def _compact(text: str) -> dt.date | None:
    m = _COMPACT.match(text)
    return make_date(int(m["year"]), int(m["mon"]), int(m["day"])) if m else None


def date_from_value(value: object) -> dt.date | None:
    """A publication date from a metadata value: ISO 8601, RFC 822, GDELT "20221228T120000Z" or
    20221228, a Unix time stamp (seconds to nanoseconds, number or text), or a written date
    ("Dec. 28, 2022", "28-Dec-2022"). The date is the one written, in the writer's time zone;
    a day that does not exist ("2022-02-30") gives None, never a neighbouring day."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int):
        return _compact(str(value)) or _from_epoch(value)
    if isinstance(value, float):
        return _from_epoch(value)
    if not isinstance(value, str):
        return None
    s = value.strip()
    if not s:
        return None
    if (date := _compact(s)) is not None:
        return date
    if m := _EPOCH_TEXT.match(s):
        offset = m["offset"] or "+0000"
        minutes = (int(offset[1:3]) * 60 + int(offset[3:])) * (-1 if offset[0] == "-" else 1)
        return _from_epoch(float(m["number"]), minutes)
    try:
        return dt.datetime.fromisoformat(s.replace("Z", "+00:00") if s.endswith("Z") else s).date()
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(s).date()
    except (TypeError, ValueError, IndexError):
        pass
    found = find_date(s)
    return found[0] if found else None


def impossible_months(value: object) -> set[tuple[int, int]]:
    """(year, month) of each date written in `value` whose day or month no calendar has
    ("2022-02-30" gives {(2022, 2)}); an ambiguous 31/02/2022 gives both readings."""
    if not isinstance(value, str):
        return set()
    found: set[tuple[int, int]] = set()
    for pattern in _DATE_PATTERNS:
        for m in pattern.finditer(value):
            groups = m.groupdict()
            mon = groups.get("mon")
            if mon is not None and not mon.isdigit() and month_number(mon) is None:
                continue  # a word, not a month: no date was written here
            if _from_match(m) is not None:
                continue
            year = int(groups["year"])
            if mon is None:
                found.update({(year, int(groups["a"])), (year, int(groups["b"]))})
            else:
                found.add((year, int(mon) if mon.isdigit() else month_number(mon) or 0))
    return found


def impossible_date(value: object) -> bool:
    """True when a value writes a day, month and year that no calendar has ("2022-02-30", "31 April 2021")."""
    return bool(impossible_months(value))


def unusable_date_note(name: str, value: object) -> str:
    """Why a metadata field gives no publication date, for a note: "date '2022-02-30' is not a calendar date"."""
    shown = repr(value) if len(repr(value)) <= 60 else repr(value)[:57] + "..."
    why = "is not a calendar date" if impossible_date(value) else "cannot be read as a date"
    return f"{name} {shown} {why}"


def first_date(fields: Iterable[tuple[str, object]], notes: list[str]) -> dt.date | None:
    """The date of the first (name, value) field that gives one; a note for each filled one before it that
    gives none, so that a wrong date is reported rather than silently passed over."""
    for name, value in fields:
        if value is None or value == "" or value == [] or value == {}:
            continue
        date = date_from_value(value)
        if date is not None:
            return date
        notes.append(unusable_date_note(name, value))
    return None


def report_date_notes(path: str, notes: list[tuple[str, str]]) -> None:
    """One warning for the items of a file whose date fields gave no date: (item path, note) pairs."""
    if not notes:
        return
    for item, note in notes:
        log.debug("%s: %s", item, note)
    first_item, first_note = notes[0]
    more = f" and {len(notes) - 1} more" if len(notes) > 1 else ""
    log.warning(
        "%s: unusable publication date in %s (%s)%s; the date is taken from another field, the text or the "
        "file name instead, or left for the user to give",
        path, first_item, first_note, more,
    )


def date_from_name(path: str) -> dt.date | None:
    """A date in a file name ("2022-12-28_moscow.txt", "20221228-x.txt") or in its folders ("2022/12/28/")."""
    posix = path.replace("\\", "/").replace("!", "/")
    name = PurePosixPath(posix).name
    for m in _FILENAME_DATE.finditer(name):
        date = make_date(int(m["year"]), int(m["mon"]), int(m["day"]))
        if date:
            return date
    for m in _PATH_DATE.finditer(posix):
        date = make_date(int(m["year"]), int(m["mon"]), int(m["day"]))
        if date:
            return date
    return None
