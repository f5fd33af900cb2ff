"""The guesses offered for an undated article's publication date, and dates the user types."""

import datetime as dt
import os
import zipfile

import pytest

from timeline_app.core.ingest.date_hints import file_date, parse_typed_date, publication_hints
from timeline_app.core.models import Article

TODAY = dt.date(2024, 6, 1)


def test_the_first_date_written_in_the_text_comes_first_with_its_words(tmp_path) -> None:
    path = tmp_path / "nile.txt"
    path.write_text("x", encoding="utf-8")
    stamp = dt.datetime(2023, 1, 4, 12).timestamp()
    os.utime(path, (stamp, stamp))
    article = Article("Talks resumed on 28 December 2022 in Cairo, and again on 2 January 2023.", "Nile", None,
                      source_path=str(path))
    hints = publication_hints(article, TODAY)
    assert [h.day for h in hints] == [dt.date(2022, 12, 28), dt.date(2023, 1, 4)]
    assert "“28 December 2022”" in hints[0].reason
    assert "file" in hints[1].reason


def test_no_guess_after_today_and_each_day_once(tmp_path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("x", encoding="utf-8")
    stamp = dt.datetime(2022, 12, 28, 9).timestamp()
    os.utime(path, (stamp, stamp))
    future = Article("The summit is set for 3 March 2031.", "A", None, source_path=str(path))
    assert [h.day for h in publication_hints(future, TODAY)] == [dt.date(2022, 12, 28)]
    same = Article("Signed on 28 December 2022.", "B", None, source_path=str(path))
    assert [h.day for h in publication_hints(same, TODAY)] == [dt.date(2022, 12, 28)]


def test_nothing_to_suggest_for_a_text_without_dates_from_the_web() -> None:
    article = Article("Ministers met last week.", "C", None, source_path="https://example.org/a", url="https://example.org/a")
    assert publication_hints(article, TODAY) == []


def test_a_zip_member_has_the_date_the_archive_gives_it(tmp_path) -> None:
    archive = tmp_path / "news.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr(zipfile.ZipInfo("in/nile.txt", date_time=(2021, 5, 7, 10, 0, 0)), "text")
    assert file_date(f"{archive}!in/nile.txt") == dt.date(2021, 5, 7)
    assert file_date(f"{archive}!missing.txt") is None
    assert file_date(str(tmp_path / "gone.txt")) is None


@pytest.mark.parametrize(("typed", "day"), [
    ("2022-12-28", dt.date(2022, 12, 28)),
    (" 2022/2/3 ", dt.date(2022, 2, 3)),
    ("28 December 2022", dt.date(2022, 12, 28)),
    ("Dec. 28, 2022", dt.date(2022, 12, 28)),
    ("03/04/2022", None),  # 3 April or 4 March: not guessed
    ("2022-13-01", None),
    ("2022", None),
    ("28 December 2022 or so", None),
    ("", None),
])
def test_a_typed_date(typed: str, day: dt.date | None) -> None:
    assert parse_typed_date(typed) == day
