"""Ranges through `python main.py extract` and `export`: "7-8 March", "from 3 to 5 June", "between Monday
and Wednesday", "from March to May 2019", "between 2011 and 2014", "the 2019-2020 season" are one row each
with date_start and date_end; lists, scores, resolutions, moved dates and two events' dates stay apart.

The articles (tests/data/ranges/) were written for these tests; the file names give the publication date
(2024-03-13, a Wednesday) and the language.
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "tests" / "data" / "ranges"

# date_text -> (date_value, date_start, date_end, date_precision)
RANGES_EN = {
    "7-8 March": ("2024-03-07/2024-03-08", "2024-03-07", "2024-03-08", "day"),
    "3 to 5 June": ("2024-06-03/2024-06-05", "2024-06-03", "2024-06-05", "day"),
    "March 3-5, 2019": ("2019-03-03/2019-03-05", "2019-03-03", "2019-03-05", "day"),
    "June 1 to June 3": ("2023-06-01/2023-06-03", "2023-06-01", "2023-06-03", "day"),
    "Monday and Wednesday": ("2024-03-11/2024-03-13", "2024-03-11", "2024-03-13", "day"),
    "March to May 2019": ("2019-03/2019-05", "2019-03-01", "2019-05-31", "month"),
    "2011 and 2014": ("2011/2014", "2011-01-01", "2014-12-31", "year"),
    "2019-2020": ("2019/2020", "2019-01-01", "2020-12-31", "year"),
}
# One range and one list of two days in each other language.
OTHER = {
    "fr": ("3 au 5 juin", ["7", "8 mars"]),
    "es": ("3 al 5 de junio", ["7", "8 de marzo"]),
    "pt": ("3 a 5 de junho", ["7", "8 de março"]),
    "de": ("3. bis 5. Juni", ["7.", "8. März"]),
    "ru": ("3 по 5 июня", ["7", "8 марта"]),
    "ar": ("3 إلى 5 يونيو المقبل", ["7", "8 مارس"]),
}


def _rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> dict:
    """The mentions and events CSVs of one `main.py extract` into a library, and its TimelineJS export."""
    tmp = tmp_path_factory.mktemp("ranges")
    library, mentions, events, timelinejs = tmp / "l.sqlite3", tmp / "m.csv", tmp / "e.csv", tmp / "t.json"
    run = [sys.executable, str(ROOT / "main.py")]
    done = subprocess.run([*run, "extract", str(ARTICLES), "--library", str(library), "--mentions-csv", str(mentions),
                           "--csv", str(events), "--workers", "1", "-q"],
                          capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert done.returncode == 0, done.stderr
    done = subprocess.run([*run, "export", "--library", str(library), "--timelinejs", str(timelinejs)],
                          capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert done.returncode == 0, done.stderr
    return {"mentions": _rows(mentions), "events": _rows(events),
            "timelinejs": json.loads(timelinejs.read_text(encoding="utf-8"))}


def _of(rows: list[dict], name: str) -> list[dict]:
    return [r for r in rows if Path(r["source_path"]).name.endswith(name)]


def test_each_range_is_one_mention_with_its_first_and_last_day(extracted: dict) -> None:
    rows = _of(extracted["mentions"], "_en_ranges.txt")
    got = {r["date_text"]: (r["date_value"], r["date_start"], r["date_end"], r["date_precision"]) for r in rows}
    assert got == RANGES_EN
    text = (ARTICLES / "2024-03-13_en_ranges.txt").read_text(encoding="utf-8")
    for r in rows:  # the Reader highlights the whole range
        assert text[int(r["char_start"]) : int(r["char_end"])] == r["date_text"]


def test_what_is_no_range_stays_apart(extracted: dict) -> None:
    rows = _of(extracted["mentions"], "_en_not_ranges.txt")
    assert [r["date_text"] for r in rows] == ["2011", "March 3", "5", "Friday", "Monday", "Wednesday", "March 3", "March 10"]
    assert not any("/" in r["date_value"] for r in rows)
    assert all(r["date_start"] == r["date_end"] for r in rows if r["date_precision"] == "day")
    from_2011 = rows[0]  # "from 2011" alone: the year, as before
    assert (from_2011["date_value"], from_2011["date_start"], from_2011["date_end"]) == ("2011", "2011-01-01", "2011-12-31")


@pytest.mark.parametrize("lang", sorted(OTHER))
def test_ranges_and_lists_in_other_languages(extracted: dict, lang: str) -> None:
    rows = _of(extracted["mentions"], ".txt")
    rows = [r for r in rows if r["language"] == lang]
    whole, listed = OTHER[lang]
    assert [r["date_text"] for r in rows] == [whole, *listed]
    assert (rows[0]["date_value"], rows[0]["date_start"], rows[0]["date_end"]) == (
        "2024-06-03/2024-06-05", "2024-06-03", "2024-06-05")
    assert [r["date_value"] for r in rows[1:]] == ["2024-03-07", "2024-03-08"]


def test_the_events_csv_and_timelinejs_carry_the_range(extracted: dict) -> None:
    [trip] = [e for e in extracted["events"] if e["date_text"] == "7-8 March"]
    assert (trip["event_date"], trip["date_start"], trip["date_end"]) == ("2024-03-07/2024-03-08", "2024-03-07", "2024-03-08")
    [slide] = [s for s in extracted["timelinejs"]["events"] if s["unique_id"] == trip["event_id"]]
    assert slide["start_date"] == {"year": 2024, "month": 3, "day": 7, "display_date": slide["start_date"]["display_date"]}
    assert slide["end_date"] == {"year": 2024, "month": 3, "day": 8}
    listed = [e for e in extracted["events"] if e["date_text"] in ("March 3", "5") and "JPN" in e["countries"]]
    assert [e["date_start"] for e in listed] == ["2024-03-03", "2024-03-05"]
    assert all(e["date_end"] == e["date_start"] for e in listed)
