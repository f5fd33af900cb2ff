"""Splitting one report (an article's mentions of an event) off the event the machine merged it into."""

import datetime as dt

import pytest

from tests.core.factories import article, mention
from timeline_app.core.library.curation import REPORT_MARK
from timeline_app.core.library.store import Library

D = dt.date
TALKS = "Turkey and Syria held talks in Ankara on the border crossings"


def _report(library: Library, name: str, text: str, summary: str = TALKS, day: D = D(2022, 12, 26)) -> int:
    offset = text.index("Monday")
    return library.add_article(article(text=text, title=name, path=f"{name}.txt"),
                               [mention(day.isoformat(), day, day, offset=offset, summary=summary)])


@pytest.fixture()
def lib(tmp_path):
    library = Library(tmp_path / "lib.sqlite3")
    library.ids = [
        _report(library, "wire", "Talks\n\nTurkey and Syria held talks in Ankara on Monday on the border crossings."),
        _report(library, "paper", "Border talks\n\nOn Monday Turkey and Syria held talks in Ankara on the border."),
        _report(library, "office", "Statement\n\nThe ministers of Turkey and Syria held talks in Ankara on Monday."),
    ]
    yield library
    library.close()


def _events(library: Library) -> dict[str, set[int]]:
    """Each event's id and the articles of its mentions."""
    mentions = library.curated_mentions()
    return {str(e): set(g["article_id"]) for e, g in mentions.groupby("event_id")}


def _key_of(library: Library, article_id: int) -> str:
    mentions = library.curated_mentions()
    return str(mentions.loc[mentions["article_id"] == article_id, "mention_key"].iloc[0])


def test_the_three_reports_are_one_event_before_any_split(lib):
    assert list(_events(lib).values()) == [set(lib.ids)]


def test_a_report_split_off_becomes_its_own_event_and_the_others_stay_together(lib):
    (before,) = _events(lib)
    key = _key_of(lib, lib.ids[1])
    lib.add_edit(key, "group", _key_of(lib, lib.ids[0]), key)
    after = _events(lib)
    assert sorted(map(sorted, after.values())) == [[lib.ids[0], lib.ids[2]], [lib.ids[1]]]
    assert after[before] == {lib.ids[0], lib.ids[2]}  # the rest keeps the event's id
    split_id = next(e for e, a in after.items() if a == {lib.ids[1]})
    assert split_id.startswith(before + REPORT_MARK)
    # The stored events (what the window reads) agree with the edits replayed.
    stored = lib.events_frame()
    assert set(stored["event_id"]) == set(after) and sorted(stored["sources"]) == [1, 2]


def test_merging_the_report_back_gives_the_event_as_it_was(lib):
    (before,) = _events(lib)
    key, anchor = _key_of(lib, lib.ids[1]), _key_of(lib, lib.ids[0])
    lib.add_edits([(key, "group", anchor, key)])
    lib.add_edits([(key, "group", "", anchor)])  # what Undo writes
    assert _events(lib) == {before: set(lib.ids)}
    assert list(lib.events_frame()["event_id"]) == [before]


def test_a_split_leaves_the_same_articles_other_events_where_they_were(tmp_path):
    library = Library(tmp_path / "lib.sqlite3")
    text = "Talks\n\nTurkey and Syria held talks in Ankara on Monday; Greece and Cyprus signed a deal on Friday."
    first = library.add_article(article(text=text, title="wire", path="wire.txt"), [
        mention("2022-12-26", D(2022, 12, 26), D(2022, 12, 26), offset=text.index("Monday"), summary=TALKS),
        mention("2022-12-23", D(2022, 12, 23), D(2022, 12, 23), countries=("CYP", "GRC"),
                offset=text.index("Friday"), text="Friday", summary="Greece and Cyprus signed a deal",
                event_type="Cooperate", cameo="057")])
    second = _report(library, "paper", "Border talks\n\nOn Monday Turkey and Syria held talks in Ankara on the border.")
    events = _events(library)
    deal = next(e for e, a in events.items() if a == {first} and len(events) == 2)
    key = _key_of(library, second)
    library.add_edit(key, "group", "", key)
    after = _events(library)
    assert after[deal] == {first} and sorted(map(sorted, after.values())) == [[first], [first], [second]]
    library.close()


def test_a_report_alone_in_its_event_or_an_event_added_by_hand_splits_into_nothing_new(lib):
    key = _key_of(lib, lib.ids[1])
    lib.add_edit(key, "group", "", key)
    assert len(_events(lib)) == 2
    lib.add_edit(key, "group", "", key)  # split again: it is alone already
    assert len(_events(lib)) == 2
    manual = lib.add_manual_event(None, note="A call")
    lib.add_edit(manual, "date", "", "2022-12-27")
    lib.add_edit(manual, "group", "", manual)
    assert len(_events(lib)) == 3
