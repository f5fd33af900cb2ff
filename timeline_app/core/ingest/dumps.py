"""Article dumps from news APIs and scrapers: JSON, JSON Lines, CSV and TSV, fields found by name."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import logging
import re
from collections.abc import Iterator, Mapping

from timeline_app.core.ingest.kinds import Kind
from timeline_app.core.ingest.encoding import decode_bytes
from timeline_app.core.ingest.fields import issuer_code, item_article
from timeline_app.core.ingest.html import html_to_text
from timeline_app.core.ingest.knowledge import dump_fields, norm_key
from timeline_app.core.ingest.limits import DEFAULT_LIMITS, Limits, too_long
from timeline_app.core.ingest.pubdate import first_date, report_date_notes
from timeline_app.core.models import Article, SkippedInput
from timeline_app.errors import InputError

log = logging.getLogger(__name__)

# Which keys hold the title, text, date ... is data: resources/ingest/dump_fields/*.txt.
_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_MAX_BAD_LINES_BEFORE_ANY = 5  # a "JSON Lines" file whose first lines all fail is not JSON Lines
_MAX_CONTAINER_DEPTH = 3


def _flatten(record: Mapping) -> dict[str, object]:
    """Normalised keys; nested objects such as Guardian's "fields" or Elasticsearch's "_source"
    contribute their keys where the record has none of its own."""
    flat: dict[str, object] = {}
    nested: list[Mapping] = []
    nested_keys = dump_fields("nested")
    for key, value in record.items():
        norm = norm_key(key)
        flat.setdefault(norm, value)
        if isinstance(value, Mapping) and norm in nested_keys:
            nested.append(value)
    for inner in nested:
        for key, value in inner.items():
            flat.setdefault(norm_key(key), value)
    return flat


def _as_text(value: object) -> str:
    """A field's value as text: names of objects ({"name": "BBC"}), lists joined, HTML converted."""
    if value is None or isinstance(value, bool):
        return ""
    if isinstance(value, Mapping):
        for key in ("name", "title", "domain", "id"):
            if value.get(key):
                return _as_text(value[key])
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(t for t in (_as_text(v) for v in value) if t)
    text = str(value).strip()
    if _TAG.search(text):
        text = html_to_text(text)
    return text


def _first(flat: Mapping[str, object], names: tuple[str, ...]) -> object:
    for name in names:
        value = flat.get(name)
        if value not in (None, "", [], {}):
            return value
    return None


def record_to_article(
    record: Mapping,
    item_path: str,
    file_path: str,
    published: dt.date | None,
    fmt: str,
    date_notes: list[tuple[str, str]] | None = None,
) -> Article | SkippedInput:
    """One article from one record of a dump, or the reason it is not one; a date field that gives
    no date adds an (item path, note) pair to `date_notes`."""
    flat = _flatten(record)
    title = _as_text(_first(flat, dump_fields("title")))
    body = _as_text(_first(flat, dump_fields("text")))
    if not title and not body:
        return SkippedInput(item_path, "no article text (expected a field such as title, text, body or content)")
    notes: list[str] = []
    meta_date = first_date(((name, flat.get(name)) for name in dump_fields("date")), notes)
    if date_notes is not None and published is None:  # a user-given date makes the fields moot
        date_notes.extend((item_path, note) for note in notes)
    return item_article(
        title,
        body,
        user_date=published,
        meta_date=meta_date,
        file_path=file_path,
        item_path=item_path,
        url=_as_text(_first(flat, dump_fields("url"))),
        source=_as_text(_first(flat, dump_fields("source"))),
        byline=_as_text(_first(flat, dump_fields("author"))),
        fmt=fmt,
        issuer=issuer_code(_as_text(_first(flat, dump_fields("issuer")))),
    )


def _record_or_skip(
    record: Mapping,
    item_path: str,
    file_path: str,
    published: dt.date | None,
    fmt: str,
    date_notes: list[tuple[str, str]],
    limits: Limits,
) -> Article | SkippedInput:
    """record_to_article, with a failure costing that record only; a field longer than an article may
    be is refused before any work on it (a 10 MB field took 82 s and 878 MB)."""
    reason = too_long(max((len(v) for v in record.values() if isinstance(v, str)), default=0), limits)
    if reason:
        return SkippedInput(item_path, reason)
    try:
        return record_to_article(record, item_path, file_path, published, fmt, date_notes)
    except Exception as e:  # noqa: BLE001 - a reader bug on one record must not cost the dump its others
        log.exception("%s: unexpected error while reading the record", item_path)
        return SkippedInput(item_path, f"could not be read because of an unexpected error ({type(e).__name__})")


def _json_error(e: ValueError) -> str:
    """A JSON parser's error as one short line: "Expecting ',' delimiter (column 7)", "Exceeds the limit ..."."""
    if isinstance(e, json.JSONDecodeError):
        return f"{e.msg} (column {e.colno})"
    return str(e).split(";")[0][:120]  # a number past Python's 4,300 digits


def _find_records(document: object, depth: int = 0) -> list | None:
    """The list of article records in a parsed JSON document, or None when there is none."""
    if isinstance(document, list):
        # Elasticsearch hits keep the article under "_source".
        return [d["_source"] if isinstance(d, Mapping) and isinstance(d.get("_source"), Mapping) else d for d in document]
    if not isinstance(document, Mapping) or depth >= _MAX_CONTAINER_DEPTH:
        return None
    flat = {norm_key(k): v for k, v in document.items()}
    for key in dump_fields("container"):
        if key in flat:
            found = _find_records(flat[key], depth + 1)
            if found is not None:
                return found
    if _first(_flatten(document), dump_fields("text")) is not None:
        return [document]  # a single article: it needs a text, a title alone may label anything
    return None


def _records_to_articles(
    records: list, path: str, published: dt.date | None, fmt: str, notes: list[tuple[str, str]], limits: Limits
) -> Iterator[Article | SkippedInput]:
    for number, record in enumerate(records, start=1):
        item_path = f"{path}#{number}"
        if not isinstance(record, Mapping):
            yield SkippedInput(item_path, f"item {number} is not an object with article fields")
            continue
        yield _record_or_skip(record, item_path, path, published, fmt, notes, limits)


def read_json(
    text: str, path: str, published: dt.date | None, notes: list[tuple[str, str]], limits: Limits = DEFAULT_LIMITS
) -> Iterator[Article | SkippedInput]:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as e:
        raise InputError(f"invalid JSON: {e.msg} (line {e.lineno}, column {e.colno})") from e
    except ValueError as e:
        raise InputError(f"invalid JSON: {_json_error(e)}") from e
    except RecursionError as e:
        raise InputError("invalid JSON: nested too deeply") from e
    records = _find_records(document)
    if records is None:
        raise InputError('no articles in the JSON (expected a list of objects, or an "articles" or "items" list)')
    if not records:
        raise InputError("the JSON holds an empty list of articles")
    yield from _records_to_articles(records, path, published, "json", notes, limits)


def read_jsonl(
    text: str, path: str, published: dt.date | None, notes: list[tuple[str, str]], limits: Limits = DEFAULT_LIMITS
) -> Iterator[Article | SkippedInput]:
    if text.lstrip().startswith("["):  # a JSON array saved under a JSON Lines name
        yield from read_json(text, path, published, notes, limits)
        return
    good = 0
    bad: list[SkippedInput] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        line_path = f"{path}:{number}"
        try:
            record = json.loads(line)
        except ValueError as e:
            skip = SkippedInput(line_path, f"line {number}: invalid JSON: {_json_error(e)}")
        except RecursionError:
            skip = SkippedInput(line_path, f"line {number}: invalid JSON: nested too deeply")
        else:
            if isinstance(record, Mapping):
                good += 1
                item = _record_or_skip(record, line_path, path, published, "jsonl", notes, limits)
                if isinstance(item, SkippedInput):
                    item = SkippedInput(line_path, f"line {number}: {item.reason}")
                yield item
                continue
            skip = SkippedInput(line_path, f"line {number}: not a JSON object")
        if good:
            yield skip
            continue
        bad.append(skip)
        if len(bad) >= _MAX_BAD_LINES_BEFORE_ANY:
            raise InputError(f"not JSON Lines: the first {len(bad)} lines are invalid ({bad[0].reason})")
    if not good and not bad:
        raise InputError("empty file")
    if not good:
        raise InputError(f"not JSON Lines: {bad[0].reason}")
    yield from bad


def read_table(
    text: str,
    path: str,
    published: dt.date | None,
    delimiter: str | None,
    limits: Limits,
    notes: list[tuple[str, str]],
) -> Iterator[Article | SkippedInput]:
    """Rows of a CSV or TSV file with a header row; `delimiter` None means guess from the header."""
    if delimiter is None:
        header_line = text.split("\n", 1)[0]
        counts = {d: header_line.count(d) for d in (",", ";", "\t", "|")}
        delimiter = max(counts, key=lambda d: counts[d]) if max(counts.values()) else ","
    csv.field_size_limit(max(csv.field_size_limit(), limits.max_file_bytes))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    fmt = "tsv" if delimiter == "\t" else "csv"
    try:
        header = next(reader)
    except StopIteration:
        raise InputError("empty file") from None
    except csv.Error as e:
        raise InputError(f"malformed {fmt.upper()} header: {e}") from e
    names = [h.strip().lstrip("\ufeff") for h in header]
    normalised = {norm_key(n) for n in names}
    if not normalised & set(dump_fields("text") + dump_fields("title")):
        raise InputError(
            f"no article column in the {fmt.upper()} header (expected title, text, body or content; found "
            f"{', '.join(names[:8]) or 'nothing'})"
        )
    line = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as e:
            yield SkippedInput(f"{path}:{line}", f"line {line}: malformed {fmt.upper()}: {e}")
            line = reader.line_num + 1
            continue
        row_path = f"{path}:{line}"
        line = reader.line_num + 1
        if not any(cell.strip() for cell in row):
            continue
        record = dict(zip(names, row))
        item = _record_or_skip(record, row_path, path, published, fmt, notes, limits)
        if isinstance(item, SkippedInput):
            item = SkippedInput(row_path, f"line {row_path.rsplit(':', 1)[1]}: {item.reason}")
        yield item


def read_dump(
    data: bytes,
    path: str,
    kind: Kind,
    published: dt.date | None = None,
    *,
    limits: Limits = DEFAULT_LIMITS,
    declared: str | None = None,
) -> Iterator[Article | SkippedInput]:
    """Articles from a JSON, JSON Lines, CSV or TSV dump; date fields that give no date are noted once."""
    text = decode_bytes(data, declared)
    if not text.strip():
        raise InputError("empty file")
    notes: list[tuple[str, str]] = []
    if kind is Kind.JSON:
        yield from read_json(text, path, published, notes, limits)
    elif kind is Kind.JSONL:
        yield from read_jsonl(text, path, published, notes, limits)
    elif kind is Kind.TSV:
        yield from read_table(text, path, published, "\t", limits, notes)
    else:
        yield from read_table(text, path, published, None, limits, notes)
    report_date_notes(path, notes)
