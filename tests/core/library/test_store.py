"""The library database: storing, deduplicating, removing, refusing bad files."""

import datetime as dt
import sqlite3
from dataclasses import replace

import pytest

from tests.core.factories import article, mention
from timeline_app.core.models import DateSource, Precision
from timeline_app.core.batch.articles import process_article
from timeline_app.core.library.schema import SCHEMA_VERSION
from timeline_app.core.library.store import Library
from timeline_app.errors import LibraryError

D = dt.date


def test_article_and_mentions_survive_reopening(tmp_path):
    path = tmp_path / "lib.sqlite3"
    with Library(path) as lib:
        aid = lib.add_article(article(), [mention("2022-12-26", D(2022, 12, 26), D(2022, 12, 26), offset=30)])
        assert aid is not None
    with Library(path) as lib:
        arts = lib.articles_frame()
        assert list(arts["title"]) == ["Talks held"]
        assert arts.loc[0, "event_count"] == 1
        m = lib.mentions_frame()
        assert list(m["date_value"]) == ["2022-12-26"]
        assert list(m["countries"]) == ["SYR;TUR"]
        assert m.loc[0, "char_start"] == 30
        assert lib.article(aid).published == D(2022, 12, 28)


def test_an_articles_dates_are_those_of_its_stored_mentions(tmp_path):
    text = ("Talks held\n\nTurkey and Syria met on Monday and agreed to meet again in March. "
            "The two have met twice since 2011.")
    talks = article(text=text)
    mentions = process_article(talks).mentions
    with Library(tmp_path / "lib.sqlite3") as lib:
        aid = lib.add_article(talks, mentions)
        lib.add_article(article(text="Other\n\nEgypt and Sudan met on Friday.", path="b.txt"),
                        process_article(article(text="Other\n\nEgypt and Sudan met on Friday.")).mentions)
        dates = lib.article_dates(aid)
    # The rule that found a date is not stored; everything else comes back as extracted, in text order.
    assert dates == sorted({replace(m.date, rule="") for m in mentions}, key=lambda d: (d.start, d.end))
    assert [d.text for d in dates] == ["Monday", "March", "2011"]
    assert dates[0].value == "2022-12-26" and dates[0].relative and dates[2].open_end


def test_same_text_or_same_url_is_kept_once(tmp_path):
    with Library(tmp_path / "lib.sqlite3") as lib:
        assert lib.add_article(article(path="a.txt"), []) is not None
        assert lib.add_article(article(path="copy-of-a.txt"), []) is None
        assert lib.add_article(article(text="Other\n\ntext", url="http://x.test/1"), []) is not None
        assert lib.add_article(article(text="Other\n\nchanged text", url="http://x.test/1"), []) is None
        assert lib.article_count() == 2


def test_removing_an_article_removes_its_mentions(tmp_path):
    with Library(tmp_path / "lib.sqlite3") as lib:
        aid = lib.add_article(article(), [mention("2022-12-26", D(2022, 12, 26), D(2022, 12, 26))])
        assert lib.remove_articles([aid]) == 1
        assert lib.mentions_frame().empty
        assert lib.events_frame().empty


def test_replace_mentions_sets_the_publication_date(tmp_path):
    with Library(tmp_path / "lib.sqlite3") as lib:
        aid = lib.add_article(article(published=None), [])
        lib.replace_mentions(aid, [mention("2021", D(2021, 1, 1), D(2021, 12, 31), Precision.YEAR)],
                             D(2021, 5, 5), DateSource.USER)
        a = lib.article(aid)
        assert (a.published, a.published_source) == (D(2021, 5, 5), DateSource.USER)
        assert list(lib.mentions_frame()["date_precision"]) == ["year"]


def test_sql_text_is_stored_as_text(tmp_path):
    title = "'); DROP TABLE articles; --"
    with Library(tmp_path / "lib.sqlite3") as lib:
        lib.add_article(article(text=title + "\n\nbody", title=title), [])
        assert list(lib.articles_frame()["title"]) == [title]


def test_a_file_that_is_not_a_library_is_refused_untouched(tmp_path):
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(b"just some notes, not a database" * 10)
    before = path.read_bytes()
    with pytest.raises(LibraryError, match="not a Diplomatic Timeline library"):
        Library(path)
    assert path.read_bytes() == before


def test_a_library_from_a_newer_version_is_refused(tmp_path):
    path = tmp_path / "new.sqlite3"
    Library(path).close()
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.commit()
    db.close()
    with pytest.raises(LibraryError, match="newer version"):
        Library(path)


def test_a_truncated_library_is_refused(tmp_path):
    path = tmp_path / "lib.sqlite3"
    with Library(path) as lib:
        for i in range(50):
            lib.add_article(article(text=f"Title {i}\n\n" + "word " * 500), [])
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    with pytest.raises(LibraryError):
        with Library(path) as lib:
            lib.articles_frame()


def test_a_library_with_a_trigger_is_refused(tmp_path):
    path = tmp_path / "shared.sqlite3"
    Library(path).close()
    db = sqlite3.connect(path)
    db.execute("CREATE TRIGGER sneaky AFTER INSERT ON articles BEGIN DELETE FROM mentions; END")
    db.commit()
    db.close()
    with pytest.raises(LibraryError, match="trigger sneaky"):
        Library(path)
