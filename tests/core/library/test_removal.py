"""Taking articles out of a library and putting them back exactly, edits and hand-added events included."""

import datetime as dt

from tests.core.factories import article, mention
from timeline_app.core.library.store import Library

D = dt.date


def _library_with_two_articles(lib: Library) -> tuple[int, int]:
    first = lib.add_article(article(), [mention("2022-12-26", D(2022, 12, 26), D(2022, 12, 26), offset=16)])
    second = lib.add_article(
        article(text="Summit\n\nKenya and Japan signed on 3 May.", title="Summit", path="b.txt"),
        [mention("2022-05-03", D(2022, 5, 3), D(2022, 5, 3), countries=("JPN", "KEN"), offset=30,
                 text="3 May", summary="Kenya and Japan signed")])
    assert first is not None and second is not None
    return first, second


def test_removed_articles_come_back_with_their_ids_mentions_edits_and_attached_events(tmp_path):
    with Library(tmp_path / "lib.sqlite3") as lib:
        first, second = _library_with_two_articles(lib)
        key = str(lib.mentions_frame().loc[lambda m: m["article_id"] == first, "mention_key"].iloc[0])
        lib.add_edit(key, "summary", "Turkey and Syria met", "Ankara and Damascus met")
        manual = lib.add_manual_event(first, "Turkey and Syria met on Monday.", 12, 44, "by hand")
        before_mentions = lib.mentions_frame()
        before_events = lib.events_frame()

        removed = lib.take_out_articles([first])
        assert lib.article_ids() == [second]
        assert "Ankara and Damascus met" not in set(lib.events_frame()["summary"])
        assert removed.article_count() == 1 and len(removed.mentions) == 1

        assert lib.put_back_articles(removed) == {first: first}
        assert lib.article_ids() == [first, second]
        after = lib.mentions_frame()
        assert after.equals(before_mentions)  # same ids, keys and event ids: nothing re-extracted
        assert lib.events_frame().equals(before_events)
        assert "Ankara and Damascus met" in set(lib.events_frame()["summary"])
        attached = after[after["mention_key"] == manual]
        assert list(attached["article_id"]) == [first]


def test_an_article_imported_again_meanwhile_is_kept_as_it_is(tmp_path):
    with Library(tmp_path / "lib.sqlite3") as lib:
        first, _second = _library_with_two_articles(lib)
        removed = lib.take_out_articles([first])
        again = lib.add_article(article(), [])
        assert lib.put_back_articles(removed) == {first: again}
        assert lib.article_count() == 2
        assert lib.mentions_frame()["article_id"].tolist().count(again) == 0  # its own mentions, none here


def test_an_id_taken_meanwhile_gives_the_article_a_new_one(tmp_path):
    with Library(tmp_path / "lib.sqlite3") as lib:
        _first, second = _library_with_two_articles(lib)
        removed = lib.take_out_articles([second])
        other = lib.add_article(article(text="Other\n\nChile and Peru met.", title="Other", path="c.txt"), [])
        assert other == second  # SQLite hands out the free id again
        placed = lib.put_back_articles(removed)
        assert placed[second] not in (second, _first)
        assert lib.article(placed[second]).title == "Summit"
        assert set(lib.mentions_frame()["article_id"]) == {_first, placed[second]}
