"""Exports: CSV with safe cells, TimelineJS, JSON Lines, Excel; atomic writes."""

import csv
import json
import os
import stat

import openpyxl
import pandas as pd
import pytest

from timeline_app.core.library import columns as col
from timeline_app.core.library import export
from timeline_app.core.library.columns import EVENT_COLUMNS
from timeline_app.errors import ExportError


@pytest.fixture()
def events() -> pd.DataFrame:
    row = {c: "" for c in EVENT_COLUMNS}
    a = dict(row, event_id="e1", event_date="2022-12-28", date_start="2022-12-28", date_end="2022-12-28",
             date_precision="day", open_end=False, date_text="Wednesday", countries="RUS;SYR;TUR",
             event_type="Consult", cameo_code="040", quad_class=1,
             summary='=HYPERLINK("http://example.invalid","click")', evidence="They met.", sources=2,
             source_titles="A | B", publication_date="2022-12-28", article_ids="1;2")
    b = dict(row, event_id="e2", event_date="2021-10", date_start="2021-10-01", date_end="2021-10-31",
             date_precision="month", open_end=False, date_text="October 2021", countries="TUR",
             summary="-met briefly", evidence="Zürich talks", sources=1, quad_class=0,
             source_titles="A", publication_date="2022-12-28", article_ids="1")
    return pd.DataFrame([a, b])


def test_events_csv_neutralises_formulas_and_keeps_dates(tmp_path, events):
    path = tmp_path / "events.csv"
    assert export.write_events_csv(events, path) == 2
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: spreadsheets read it as UTF-8
    rows = list(csv.DictReader(path.open(encoding="utf-8-sig")))
    assert rows[0]["summary"] == "'=HYPERLINK(\"http://example.invalid\",\"click\")"
    assert rows[1]["summary"] == "'-met briefly"
    assert rows[0]["date_start"] == "2022-12-28"
    assert rows[1]["event_date"] == "2021-10"
    assert rows[1]["evidence"] == "Zürich talks"
    assert list(rows[0].keys())[: len(EVENT_COLUMNS)] == list(EVENT_COLUMNS)


def test_csv_without_bom(tmp_path, events):
    path = tmp_path / "events.csv"
    export.write_events_csv(events, path, bom=False)
    assert path.read_bytes().startswith(b"event_id,")


def test_timelinejs_keeps_the_written_precision(tmp_path, events):
    path = tmp_path / "tl.json"
    assert export.write_timelinejs(events, path) == 2
    doc = json.loads(path.read_text(encoding="utf-8"))
    day, month = doc["events"]
    assert day["start_date"]["year"] == 2022 and day["start_date"]["day"] == 28
    assert "end_date" not in day
    assert month["start_date"] == {"year": 2021, "month": 10, "display_date": "October 2021 (2021-10)"}
    assert month["end_date"] == {"year": 2021, "month": 10}
    assert day["group"] == "RUS, SYR, TUR"


def test_timelinejs_headlines_are_capitalised_and_cut_after_a_word(events):
    long = ("the foreign ministers of Greece and Turkey met in Ankara on Thursday for the first round of "
            "exploratory talks on maritime boundaries in almost four years")
    events.loc[0, "summary"] = long
    events.loc[1, "summary"] = "talks resumed"
    first, second = (e["text"]["headline"] for e in export.timelinejs_document(events)["events"])
    assert first == ("The foreign ministers of Greece and Turkey met in Ankara on Thursday for the first round of "
                     "exploratory talks on\u2026")
    assert len(first) <= export.TIMELINEJS_HEADLINE_MAX
    assert second == "Talks resumed"


def test_jsonl_has_lists(tmp_path, events):
    path = tmp_path / "e.jsonl"
    export.write_jsonl(events, path)
    first = json.loads(path.read_text(encoding="utf-8").splitlines()[0])
    assert first["countries"] == ["RUS", "SYR", "TUR"]
    assert first["source_titles"] == ["A", "B"]
    assert first["sources"] == 2


def test_xlsx_round_trip(tmp_path, events):
    path = tmp_path / "e.xlsx"
    export.write_xlsx(events, path)
    back = pd.read_excel(path)
    assert list(back["event_id"]) == ["e1", "e2"]
    assert back.loc[0, "summary"].startswith("'=")


def test_failed_write_leaves_the_old_file(tmp_path, events):
    path = tmp_path / "events.csv"
    path.write_text("old", encoding="utf-8")
    bad = events.assign(summary=[object(), "x"])

    class Boom:
        def __str__(self):
            raise RuntimeError("cannot format")

    bad.loc[0, "summary"] = Boom()
    with pytest.raises(RuntimeError):
        export.write_events_csv(bad, path)
    assert path.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["events.csv"]


def test_unwritable_target_is_an_export_error(tmp_path, events):
    target = tmp_path / "file"
    target.write_text("x")
    with pytest.raises(ExportError):
        export.write_events_csv(events, target / "sub" / "events.csv")


def relation_rows() -> pd.DataFrame:
    """Three rows of the Relations chart's numbers, for the formats that write them."""
    return pd.DataFrame([("2023-03", "TUR", "SYR", q, 1, 1.0, 1, "2023-03-02", "2023-03-02", False) for q in (1, 2, 3)],
                        columns=list(col.RELATION_COLUMNS))


def test_every_registered_format_writes_its_rows_to_its_suffix(tmp_path, events):
    mentions = pd.DataFrame([{"mention_id": 7, "event_id": "e1", "date_text": "Wednesday"}])
    relations = relation_rows()
    seen = set()
    for fmt in export.EXPORT_FORMATS:
        path = tmp_path / f"out-{fmt.key}{fmt.suffix}"
        written = export.write_export(fmt.key, events, mentions, path, relations)
        assert path.exists() and path.stat().st_size > 0
        assert written == {export.MENTIONS: 1, export.RELATIONS: 3}.get(fmt.rows, 2), fmt.key
        assert fmt.file_filter == f"{fmt.file_type} (*{fmt.suffix})"
        seen.add((fmt.key, fmt.option))
    assert len({k for k, _ in seen}) == len({o for _, o in seen}) == len(export.EXPORT_FORMATS)
    assert list(csv.DictReader((tmp_path / "out-mentions_csv.csv").open(encoding="utf-8-sig")))[0]["mention_id"] == "7"


def test_the_relations_format_without_its_numbers_says_what_it_needs(tmp_path, events):
    with pytest.raises(ExportError, match="need a country"):
        export.write_export(export.RELATIONS_CSV, events, events.iloc[0:0], tmp_path / "r.csv")


def test_an_unknown_format_is_an_export_error(tmp_path, events):
    with pytest.raises(ExportError, match="'pdf' is not an export format"):
        export.write_export("pdf", events, events, tmp_path / "x.pdf")


FORMULAS = ["=1+1", "+1+1", "-1+1", "@SUM(A1)", "\t=1", "\r=1", "\uff1d1+1", "\uff0b1", "\uff0d1", "\uff20SUM(A1)"]


@pytest.mark.parametrize("column", ["countries", "cameo_code", "event_date", "date_text", "event_key", "origin"])
def test_every_text_cell_is_neutralised_whatever_its_column(tmp_path, events, column):
    # countries and other "plain" columns were written as they came: a library's edits table could
    # put "=cmd|' /C calc'!A0" there (#18, item 11); full-width "＝" was not recognised at all.
    frame = pd.concat([events.iloc[:1]] * len(FORMULAS), ignore_index=True)
    frame[column] = FORMULAS
    export.write_events_csv(frame, tmp_path / "e.csv")
    export.write_mentions_csv(frame.rename(columns={"event_key": "mention_key"}), tmp_path / "m.csv")
    export.write_xlsx(frame, tmp_path / "e.xlsx")
    with (tmp_path / "e.csv").open(encoding="utf-8-sig", newline="") as fh:
        assert [row[column] for row in csv.DictReader(fh)] == ["'" + f for f in FORMULAS]
    name = "mention_key" if column == "event_key" else column
    with (tmp_path / "m.csv").open(encoding="utf-8-sig", newline="") as fh:
        assert [row[name] for row in csv.DictReader(fh)] == ["'" + f for f in FORMULAS]
    sheet = openpyxl.load_workbook(tmp_path / "e.xlsx").active
    index = [c.value for c in sheet[1]].index(column) + 1
    cells = [sheet.cell(row=r, column=index) for r in range(2, len(FORMULAS) + 2)]
    assert [c.data_type for c in cells] == ["s"] * len(FORMULAS)  # text, never a formula ("f")
    assert [c.value for c in cells] == ["'" + f for f in FORMULAS]
    assert list(export.read_csv(tmp_path / "e.csv")[column]) == FORMULAS  # read back as written


def test_numbers_dates_and_codes_are_left_as_they_are(tmp_path, events):
    export.write_events_csv(events, tmp_path / "e.csv")
    with (tmp_path / "e.csv").open(encoding="utf-8-sig", newline="") as fh:
        row = next(csv.DictReader(fh))
    assert (row["countries"], row["date_start"], row["quad_class"], row["cameo_code"]) == (
        "RUS;SYR;TUR", "2022-12-28", "1", "040")


@pytest.mark.parametrize("umask", [0o022, 0o027, 0o077])
def test_an_export_gets_the_permissions_a_new_file_gets(tmp_path, events, umask):
    mentions = pd.DataFrame([{"mention_id": 7, "event_id": "e1", "date_text": "Wednesday"}])
    old = os.umask(umask)
    try:
        (tmp_path / "plain.txt").write_text("a file made as any program makes one", encoding="utf-8")
        paths = [tmp_path / f"out-{fmt.key}{fmt.suffix}" for fmt in export.EXPORT_FORMATS]
        for fmt, path in zip(export.EXPORT_FORMATS, paths):
            export.write_export(fmt.key, events, mentions, path, relation_rows())
    finally:
        os.umask(old)
    plain = stat.S_IMODE((tmp_path / "plain.txt").stat().st_mode)
    assert plain == 0o666 & ~umask
    assert {path.name: stat.S_IMODE(path.stat().st_mode) for path in paths} == {path.name: plain for path in paths}


def test_an_export_over_a_file_keeps_that_files_permissions(tmp_path, events):
    path = tmp_path / "events.csv"
    path.write_text("old", encoding="utf-8")
    path.chmod(0o640)
    export.write_events_csv(events, path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640 and "e1" in path.read_text(encoding="utf-8-sig")


def _cancel_after(checks: int) -> tuple[list[int], object]:
    """A Cancel that turns true at its `checks`-th look, and the count of looks it had."""
    looks = [0]

    def cancel() -> bool:
        looks[0] += 1
        return looks[0] >= checks

    return looks, cancel


@pytest.mark.parametrize("key", ["events_csv", "jsonl", "timelinejs", "xlsx"])
def test_a_writer_stops_at_once_when_cancelled_and_leaves_no_file(events, tmp_path, key) -> None:
    many = pd.concat([events] * (export.CANCEL_EVERY * 4), ignore_index=True)  # 4,000 rows
    looks, cancel = _cancel_after(2)  # cancelled once the first 500 rows are written
    with pytest.raises(export.ExportCancelled):
        export.write_export(key, many, many.iloc[:0], tmp_path / "out", cancel=cancel)
    assert looks[0] == 2 and list(tmp_path.iterdir()) == []  # no file, no temporary file
    # Negative: never cancelled, every row is written, the writer looking at Cancel a few times.
    looks, cancel = _cancel_after(10**9)
    assert export.write_export(key, many, many.iloc[:0], tmp_path / "out", cancel=cancel) == len(many)
    assert 8 <= looks[0] <= 9 and [p.name for p in tmp_path.iterdir()] == ["out"]


def test_a_cancelled_workbook_leaves_no_temporary_sheet(events, tmp_path) -> None:
    """openpyxl streams the sheet to a file of its own in the temporary folder: cancelled, it goes too."""
    from openpyxl.worksheet import _writer

    many = pd.concat([events] * (export.CANCEL_EVERY * 4), ignore_index=True)
    before = list(_writer.ALL_TEMP_FILES)
    with pytest.raises(export.ExportCancelled):
        export.write_xlsx(many, tmp_path / "e.xlsx", cancel=_cancel_after(3)[1])
    assert _writer.ALL_TEMP_FILES == before and not any(os.path.exists(p) for p in _writer.ALL_TEMP_FILES)


def test_a_missing_value_is_an_empty_cell_in_the_workbook(events, tmp_path) -> None:
    export.write_xlsx(events.assign(quad_class=[1, float("nan")]), tmp_path / "e.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "e.xlsx").active
    header = [c.value for c in sheet[1]]
    assert sheet[1][0].font.bold
    assert [sheet.cell(row=r, column=header.index("quad_class") + 1).value for r in (2, 3)] == [1, None]
