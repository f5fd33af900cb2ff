"""Events and mentions to CSV, TimelineJS JSON, JSON Lines and Excel, written atomically; the format registry."""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import json
import logging
import os
import stat
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import pandas as pd

from timeline_app.core.extract.summaries import headline
from timeline_app.core.library import columns as col
from timeline_app.core.library.datemod import shown_date
from timeline_app.core.progress import Cancel
from timeline_app.errors import ExportError

log = logging.getLogger(__name__)

# What makes a spreadsheet read a cell as a formula (OWASP: = + - @ tab CR) and the full-width forms
# of the first four, which some spreadsheets take for them.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
TIMELINEJS_HEADLINE_MAX = 120  # characters: a slide's headline stays on two lines
CANCEL_EVERY = 500  # rows written between two looks at Cancel: a few milliseconds of work


class ExportCancelled(Exception):
    """The user cancelled an export while it was written: no file is left (atomic_writer removes it)."""


def _rows_heeding(rows: Iterator, cancel: Cancel | None) -> Iterator:
    """`rows` as they come, raising ExportCancelled between two of them once `cancel()` is true."""
    for i, row in enumerate(rows):
        if cancel is not None and i % CANCEL_EVERY == 0 and cancel():
            raise ExportCancelled
        yield row


def _record_dicts(frame: pd.DataFrame) -> Iterator[dict]:
    """The frame's rows as dicts, made a block at a time: made all at once, they took seconds of a
    100,000-row export before the first row was written, and Cancel was heard only after them."""
    for start in range(0, len(frame), CANCEL_EVERY):
        yield from frame.iloc[start:start + CANCEL_EVERY].to_dict(orient="records")


def neutralise(value: object) -> object:
    """OWASP's defence against CSV injection: a text cell that a spreadsheet would run gets a quote.

    A cell that already starts with quotes before a formula character gets one more, so that
    `restore` can undo the prefix without ambiguity.
    """
    if isinstance(value, str) and value.lstrip("'").startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def restore(value: str) -> str:
    """The inverse of `neutralise`, for reading our own CSV files back."""
    if value.startswith("'") and value[1:].lstrip("'").startswith(_FORMULA_STARTS):
        return value[1:]
    return value


def _safe_frame(df: pd.DataFrame) -> pd.DataFrame:
    """Every text cell neutralised, whatever its column: a library may come from anyone, and codes
    or dates in it are only what its tables hold. Numbers, codes and ISO dates never need a quote."""
    out = df.copy()
    for name in out.columns:
        if out[name].dtype == object or pd.api.types.is_string_dtype(out[name]):
            out[name] = out[name].map(neutralise)
    return out


@contextlib.contextmanager
def atomic_writer(path: str | Path, mode: str = "w", encoding: str | None = "utf-8",
                  newline: str | None = "") -> Iterator[IO]:
    """Write to a temporary file beside `path`, then rename it over `path`: never a half file."""
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    except OSError as e:
        raise ExportError(f"Cannot write {target}: {e.strerror or e}.") from e
    try:
        # mkstemp makes the file readable by its owner only; the export is a file like any other.
        os.chmod(tmp, _file_mode(target))
        kwargs = {} if "b" in mode else {"encoding": encoding, "newline": newline}
        with os.fdopen(fd, mode, **kwargs) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except OSError as e:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise ExportError(f"Cannot write {target}: {e.strerror or e}.") from e
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _file_mode(target: Path) -> int:
    """The permissions `open(target, "w")` would leave: an existing file's own, else 0o666 less the umask."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        return 0o666 & ~_umask()


def _umask() -> int:
    """The process's umask, read without changing it where the system says it (Linux 4.7 and later)."""
    try:
        for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    # WORKAROUND: elsewhere the umask can only be read by setting it; set back at once.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _write_csv(df: pd.DataFrame, columns: tuple[str, ...], path: str | Path, bom: bool,
               cancel: Cancel | None = None) -> int:
    missing = [c for c in columns if c not in df.columns]
    extra = [c for c in df.columns if c not in columns and not c.startswith("_")]
    frame = _safe_frame(df.loc[:, [c for c in columns if c not in missing] + extra])
    with atomic_writer(path, encoding="utf-8-sig" if bom else "utf-8") as fh:
        writer = csv.writer(fh, lineterminator="\r\n" if bom else "\n")
        writer.writerow(frame.columns)
        for row in _rows_heeding(frame.itertuples(index=False, name=None), cancel):
            writer.writerow(["" if v is None else v for v in row])
    log.info("wrote %d rows to %s", len(frame), path)
    return len(frame)


def write_events_csv(events: pd.DataFrame, path: str | Path, bom: bool = True,
                     cancel: Cancel | None = None) -> int:
    """One row per event (columns.EVENT_COLUMNS). BOM by default so spreadsheets read UTF-8."""
    return _write_csv(events, col.EVENT_COLUMNS, path, bom, cancel)


def write_mentions_csv(mentions: pd.DataFrame, path: str | Path, bom: bool = True,
                     cancel: Cancel | None = None) -> int:
    """One row per dated mention (columns.MENTION_COLUMNS)."""
    return _write_csv(mentions, col.MENTION_COLUMNS, path, bom, cancel)


def write_relations_csv(relations: pd.DataFrame, path: str | Path, bom: bool = True,
                     cancel: Cancel | None = None) -> int:
    """The Relations chart's numbers (columns.RELATION_COLUMNS), as relations_export makes them."""
    return _write_csv(relations, col.RELATION_COLUMNS, path, bom, cancel)


def read_csv(path: str | Path) -> pd.DataFrame:
    """Read an events or mentions CSV written by this module back into a frame of strings."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.reader(fh))
    except (OSError, UnicodeDecodeError, csv.Error) as e:
        raise ExportError(f"Cannot read {path} as a CSV export: {e}.") from e
    if not rows:
        raise ExportError(f"{path} is empty, not a CSV export.")
    header, body = rows[0], rows[1:]
    frame = pd.DataFrame(body, columns=header, dtype=object)
    for name in frame.columns:
        frame[name] = frame[name].map(restore)
    return frame


def _records(events: pd.DataFrame) -> Iterator[dict]:
    list_columns = {col.COUNTRIES, col.ORGANIZATIONS, col.ARTICLE_IDS, col.ISSUER}
    for rec in _record_dicts(events):
        out = {}
        for k, v in rec.items():
            if k.startswith("_"):
                continue
            if k in list_columns:
                out[k] = col.split_list(v) if isinstance(v, str) else v
            elif k == col.SOURCE_TITLES:
                out[k] = [t for t in str(v).split(col.TITLE_SEPARATOR) if t]
            elif hasattr(v, "item"):
                out[k] = v.item()  # numpy scalar -> Python
            else:
                out[k] = v
        yield out


def write_jsonl(events: pd.DataFrame, path: str | Path, cancel: Cancel | None = None) -> int:
    """One JSON object a line, lists as JSON arrays, for pipelines."""
    n = 0
    with atomic_writer(path, newline="\n") as fh:
        for rec in _rows_heeding(_records(events), cancel):
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
    return n


def _tl_date(iso: str, precision: str) -> dict:
    d = dt.date.fromisoformat(iso)
    out: dict = {"year": d.year}
    if precision in ("year", "decade", "century"):
        return out
    out["month"] = d.month
    if precision in ("month", "quarter", "season", "half"):
        return out
    out["day"] = d.day
    return out


def timelinejs_document(events: pd.DataFrame, title: str = "Diplomatic Timeline",
                        country_names: dict[str, str] | None = None, cancel: Cancel | None = None) -> dict:
    """A TimelineJS 3 document: one slide per placeable event, grouped by its first country."""
    names = country_names or {}
    slides = []
    for rec in _rows_heeding(_record_dicts(events), cancel):
        if not rec.get(col.DATE_START):
            continue
        precision = str(rec.get(col.DATE_PRECISION, "day"))
        start = _tl_date(rec[col.DATE_START], precision)
        mod = str(rec.get(col.DATE_MOD) or "")
        start["display_date"] = (f"{rec.get(col.DATE_TEXT, '')} "
                                 f"({shown_date(str(rec.get(col.EVENT_DATE, '')), mod)})").strip()
        slide: dict = {
            "unique_id": str(rec[col.EVENT_ID]),
            "start_date": start,
            col.DATE_MOD: mod,  # TimelineJS leaves keys it does not know alone; a reader of the file gets it
            "text": {
                "headline": headline(str(rec.get(col.SUMMARY, "")), TIMELINEJS_HEADLINE_MAX),
                "text": str(rec.get(col.EVIDENCE, "")) + (
                    f"<p><small>Sources: {rec.get(col.SOURCE_TITLES, '')}</small></p>"
                    if rec.get(col.SOURCE_TITLES) else ""),
            },
        }
        countries = col.split_list(str(rec.get(col.COUNTRIES, "")))
        if countries:
            slide["group"] = ", ".join(names.get(c, c) for c in countries)
        # A period, or a range of days ("7-8 March", precision day), ends on its last day.
        if rec.get(col.DATE_END) and rec[col.DATE_END] != rec[col.DATE_START]:
            slide["end_date"] = _tl_date(rec[col.DATE_END], precision)
        slides.append(slide)
    return {"title": {"text": {"headline": title, "text": f"{len(slides)} events"}}, "events": slides}


def write_timelinejs(events: pd.DataFrame, path: str | Path,
                     country_names: dict[str, str] | None = None, cancel: Cancel | None = None) -> int:
    doc = timelinejs_document(events, country_names=country_names, cancel=cancel)
    with atomic_writer(path, newline="\n") as fh:
        json.dump(doc, fh, ensure_ascii=False, indent=1)
    return len(doc["events"])


def write_xlsx(events: pd.DataFrame, path: str | Path, cancel: Cancel | None = None) -> int:
    """An Excel workbook with one sheet of events; formula-like text neutralised as in CSV.

    The sheet is streamed a row at a time (openpyxl's write-only mode) so that Cancel is heard while it
    is written: pandas' to_excel wrote it in one call, 108 s for 46,765 events, deaf to Cancel."""
    # deferred: openpyxl takes 0.33 s to import (-X importtime), and the window imports this module at start.
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    frame = _safe_frame(events.loc[:, [c for c in events.columns if not c.startswith("_")]])
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("events")
    header = [WriteOnlyCell(sheet, value=str(name)) for name in frame.columns]
    for cell in header:
        cell.font = Font(bold=True)  # as pandas wrote it
    sheet.append(header)
    try:
        for row in _rows_heeding(frame.itertuples(index=False, name=None), cancel):
            sheet.append([_cell_value(value) for value in row])
    except ExportCancelled:
        # WORKAROUND: openpyxl streams the sheet to a temporary file that only save() or the end of the
        # process removes; a cancelled export must not leave half a sheet behind until the user quits.
        sheet.close()
        sheet._writer.cleanup()
        raise
    with atomic_writer(path, mode="wb") as fh:
        workbook.save(fh)
    return len(frame)


def _cell_value(value: object) -> object:
    """What openpyxl can store: a missing value is an empty cell (NaN would be written as the text 'nan')."""
    if value is None or (not isinstance(value, (str, list, tuple)) and pd.isna(value)):
        return None
    return value


EVENTS = "events"
MENTIONS = "mentions"
RELATIONS = "relations"  # rows of the Relations chart: a period, a dyad and a QuadClass each
RELATIONS_CSV = "relations_csv"
RELATIONS_OPTION = "--relations"


@dataclass(frozen=True)
class ExportFormat:
    """One format the events can be written in, as the Export menu and `main.py export` offer it."""

    key: str
    label: str  # the menu entry
    suffix: str
    file_type: str  # what the save dialog calls such files
    rows: str  # EVENTS, MENTIONS or RELATIONS: what one row of the file is
    write: Callable[..., int]  # (frame of `rows`, path, cancel=) -> rows written; ExportCancelled when cancelled
    option: str  # the option of `main.py export` that names the file
    help: str  # that option's help
    shortcut: str = ""  # the menu entry's key sequence

    @property
    def file_filter(self) -> str:
        """The save dialog's filter: "CSV (*.csv)"."""
        return f"{self.file_type} (*{self.suffix})"


EXPORT_FORMATS: tuple[ExportFormat, ...] = (
    ExportFormat("events_csv", "Events as CSV…", ".csv", "CSV", EVENTS, write_events_csv,
                 "--csv", "events CSV (UTF-8 with BOM)", "Ctrl+E"),
    ExportFormat("mentions_csv", "Mentions as CSV…", ".csv", "CSV", MENTIONS, write_mentions_csv,
                 "--mentions-csv", "mentions CSV (UTF-8 with BOM)", "Ctrl+Shift+E"),
    ExportFormat("timelinejs", "TimelineJS JSON…", ".json", "TimelineJS JSON", EVENTS, write_timelinejs,
                 "--timelinejs", "TimelineJS JSON", "Ctrl+Shift+T"),
    ExportFormat("jsonl", "JSON Lines…", ".jsonl", "JSON Lines", EVENTS, write_jsonl,
                 "--jsonl", "JSON Lines, one event a line", "Ctrl+Alt+J"),
    ExportFormat("xlsx", "Excel workbook…", ".xlsx", "Excel", EVENTS, write_xlsx,
                 "--xlsx", "Excel workbook", "Ctrl+Alt+X"),
    ExportFormat(RELATIONS_CSV, "Relations chart as CSV…", ".csv", "CSV", RELATIONS, write_relations_csv,
                 RELATIONS_OPTION, "the Relations chart's numbers (period, country_a, country_b, quad_class, "
                 "events, score, reports) for the first --country, or the first two as a pair, per --by period",
                 "Ctrl+Shift+R"),
)


def export_format(key: str) -> ExportFormat:
    """The format named `key`; ExportError when there is none."""
    for fmt in EXPORT_FORMATS:
        if fmt.key == key:
            return fmt
    raise ExportError(f"'{key}' is not an export format (one of: {', '.join(f.key for f in EXPORT_FORMATS)}).")


def write_export(key: str, events: pd.DataFrame, mentions: pd.DataFrame, path: str | Path,
                 relations: pd.DataFrame | None = None, cancel: Cancel | None = None) -> int:
    """Write the frame of the rows the format `key` holds (events, mentions, or the Relations chart's
    numbers); rows written. ExportCancelled, and no file, once `cancel()` is true while it writes."""
    fmt = export_format(key)
    if fmt.rows == RELATIONS:
        if relations is None:
            raise ExportError("The Relations chart's numbers need a country: choose one in the Relations panel, "
                              f"or give --country to `main.py export {RELATIONS_OPTION}`.")
        return fmt.write(relations, path, cancel=cancel)
    return fmt.write(mentions if fmt.rows == MENTIONS else events, path, cancel=cancel)
