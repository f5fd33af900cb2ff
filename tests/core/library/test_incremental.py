"""Events kept as articles come and go are those of a rebuild: imports in any order and batch, removals,
re-extraction, and periods that become crowded or quiet on the way."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

import pytest

from tests.core.factories import article, mention
from timeline_app.core.library import blocks
from timeline_app.core.library import reportstore as rs
from timeline_app.core.library.store import Library
from timeline_app.core.models import Article, EventMention, Precision

D = dt.date
# Few states and a few words, so that reports meet often: the same day, week, month and year.
# ("JPN",) and ("KEN",): reports naming one party each, matched without a shared one (matching.one_sided).
PARTIES = [("FRA", "JPN"), ("FRA", "IND"), ("JPN",), ("FRA", "IND", "JPN"), ("BRA", "KEN"), ("KEN",)]
ACTS = [("040", "held talks on a trade agreement"), ("057", "signed a trade agreement"),
        ("190", "exchanged fire at the border"), ("051", "praised the trade talks")]


def _date(rng: random.Random) -> tuple[str, D, D, Precision, bool]:
    day = D(2024, 3, 1) + dt.timedelta(rng.randint(0, 45))
    kind = rng.choice(["day", "day", "day", "week", "month", "year", "since"])
    if kind == "day":
        return day.isoformat(), day, day, Precision.DAY, False
    if kind == "week":
        monday = day - dt.timedelta(day.weekday())
        year, week, _ = monday.isocalendar()
        return f"{year}-W{week:02d}", monday, monday + dt.timedelta(6), Precision.WEEK, False
    if kind == "month":
        last = (day.replace(day=28) + dt.timedelta(4)).replace(day=1) - dt.timedelta(1)
        return f"{day:%Y-%m}", day.replace(day=1), last, Precision.MONTH, False
    return "2024", D(2024, 1, 1), D(2024, 12, 31), Precision.YEAR, kind == "since"


def random_articles(seed: int, n: int) -> list[tuple[Article, list[EventMention]]]:
    rng = random.Random(seed)
    out = []
    for k in range(n):
        mentions = []
        for x in range(rng.randint(1, 4)):
            value, start, end, precision, since = _date(rng)
            parties = rng.choice(PARTIES)
            code, act = rng.choice(ACTS)
            m = mention(value, start, end, precision, countries=parties, offset=100 * x, text="then",
                        summary=f"{' and '.join(parties)} {act}", cameo=code)
            mentions.append(dataclasses.replace(m, date=dataclasses.replace(m.date, open_end=since)))
        out.append((article(text=f"Report {seed}-{k}\n\n" + "x" * 400, title=f"Report {k % 7}", path=f"{k}.txt"),
                    mentions))
    return out


def state(lib: Library) -> tuple[dict, list]:
    """Every mention's machine event, and what is stored of every report: all must agree."""
    m = lib.mentions_frame()
    reports = lib._db.execute(  # noqa: SLF001 - the stored state is what the property is about
        "SELECT key, kind, crowded, best, best_score, block, event FROM reports ORDER BY key").fetchall()
    return dict(zip(m["mention_key"], m["event_id"])), [tuple(r) for r in reports]


@pytest.fixture(autouse=True)
def small_crowd(monkeypatch):
    """A crowd of three: the generated articles fill some periods past it and leave others quiet."""
    monkeypatch.setattr(blocks, "CROWD", 3)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_imports_in_any_order_and_batches_give_the_rebuild(tmp_path, seed):
    items = random_articles(seed, 40)
    one_by_one, batched = Library(tmp_path / "a.sqlite3"), Library(tmp_path / "b.sqlite3")
    order = list(range(len(items)))
    random.Random(seed).shuffle(order)
    for i in order:
        one_by_one.add_articles([items[i]])
    for k in range(0, len(items), 7):
        batched.add_articles(items[k:k + 7])
    expected = state(batched)
    batched.rebuild_events()
    assert state(batched) == expected
    assert state(one_by_one) == expected
    assert len(set(expected[0].values())) < len(expected[0])  # some reports merged
    assert any(r[2] for r in expected[1]) and any(r[1] == blocks.VAGUE and not r[2] for r in expected[1])
    # The events' rows too, but for what names articles by their ids (given in the order of import).
    same = ["event_id", "date_start", "date_end", "date_precision", "countries", "sources"]
    assert one_by_one.events_frame()[same].equals(batched.events_frame()[same])


@pytest.mark.parametrize("seed", [4, 5])
def test_removing_articles_equals_never_importing_them(tmp_path, seed):
    items = random_articles(seed, 40)
    lib = Library(tmp_path / "all.sqlite3")
    ids = [lib.add_article(a, m) for a, m in items]
    rng = random.Random(seed)
    gone = sorted(rng.sample(range(len(items)), 16))
    lib.remove_articles([ids[i] for i in gone[:5]])
    for i in gone[5:10]:
        lib.remove_articles([ids[i]])
    removed = lib.take_out_articles([ids[i] for i in gone[10:]])
    rest = Library(tmp_path / "rest.sqlite3")
    rest.add_articles([items[i] for i in range(len(items)) if i not in gone])
    assert state(lib) == state(rest)
    lib.put_back_articles(removed)
    again = Library(tmp_path / "again.sqlite3")
    again.add_articles([items[i] for i in range(len(items)) if i not in gone[:10]])
    assert state(lib) == state(again)


def test_new_mentions_of_an_article_give_the_events_of_a_fresh_import(tmp_path):
    items = random_articles(6, 30)
    other = random_articles(7, 30)
    lib = Library(tmp_path / "lib.sqlite3")
    ids = [lib.add_article(a, m) for a, m in items]
    for i in range(0, 30, 3):  # re-extraction found other dates in every third article
        lib.replace_mentions(ids[i], other[i][1])
    fresh = Library(tmp_path / "fresh.sqlite3")
    fresh.add_articles([(a, other[i][1] if i % 3 == 0 else m) for i, (a, m) in enumerate(items)])
    assert state(lib)[0] == state(fresh)[0]
    assert state(lib)[1] == state(fresh)[1]


def test_a_library_with_reports_passes_the_integrity_check(tmp_path):
    lib = Library(tmp_path / "lib.sqlite3")
    lib.add_articles(random_articles(8, 10))
    assert lib._db.execute("SELECT count(*) FROM report_parties").fetchone()[0] > 0  # noqa: SLF001
    assert [tuple(r) for r in lib._db.execute("PRAGMA integrity_check")] == [("ok",)]  # noqa: SLF001


@pytest.mark.parametrize("where, params", [(rs.BY_CELL, ("W2800",)), (rs.BY_BEST.format("('k1', 'k2')"), ())])
def test_reports_touched_by_a_crowd_or_a_lost_partner_are_found_through_an_index(tmp_path, where, params):
    """An import that makes a period crowded, or a removal that takes a vague report's best partner,
    reads those reports only: never every report of the library."""
    db = Library(tmp_path / "lib.sqlite3")._db  # noqa: SLF001
    plan = " ".join(str(tuple(r)[3]) for r in db.execute(f"EXPLAIN QUERY PLAN SELECT * FROM reports WHERE {where}", params))
    assert "USING INDEX" in plan and "SCAN reports" not in plan


def test_reports_naming_one_party_are_found_by_their_days_through_an_index(tmp_path):
    """A report naming one party finds those naming another on its days (reportstore._one_sided)
    through the index by kind and first day, never by reading every report."""
    lib = Library(tmp_path / "lib.sqlite3")
    lib.add_articles(random_articles(9, 10))
    db = lib._db  # noqa: SLF001
    sql = ("SELECT p.report FROM report_parties p WHERE p.kind = 0 AND p.start_day BETWEEN 19800 AND 19800"
           " AND p.party != 'KEN' AND NOT EXISTS (SELECT 1 FROM report_parties q WHERE q.report = p.report"
           " AND q.party != p.party)")
    plan = " ".join(str(tuple(r)[3]) for r in db.execute("EXPLAIN QUERY PLAN " + sql))
    assert "report_parties_day" in plan and "SCAN p" not in plan


def one_party_articles(seed: int, n: int) -> list[tuple[Article, list[EventMention]]]:
    """Articles whose reports name one party each on a few days: past a crowd of three one-party
    reports a day, and back under it as articles go."""
    rng = random.Random(seed)
    out = []
    for k in range(n):
        day = D(2024, 3, 1) + dt.timedelta(rng.choice([0, 0, 0, 0, 1, 1, 1, 2, 3]))
        party = rng.choice(["JPN", "KEN", "ETH", "FRA"])
        code, act = rng.choice(ACTS)
        end = day + dt.timedelta(rng.choice([0, 0, 1]))  # some two-day ranges: partners on the next day
        m = mention(f"{day}/{end}" if end > day else day.isoformat(), day, end, Precision.DAY, countries=(party,),
                    text="then", summary=f"The minister {act}", cameo=code)
        out.append((article(text=f"Notice {seed}-{k}\n\n" + "x" * 400, title="Notice", path=f"{k}.txt"), [m]))
    return out


@pytest.mark.parametrize("seed", [11, 12])
def test_days_crowded_with_one_party_reports_give_the_rebuild_as_articles_come_and_go(tmp_path, seed):
    items = one_party_articles(seed, 24)
    lib = Library(tmp_path / "lib.sqlite3")
    order = list(range(len(items)))
    random.Random(seed).shuffle(order)
    ids = {i: lib.add_article(*items[i]) for i in order}
    rebuilt = Library(tmp_path / "rebuilt.sqlite3")
    rebuilt.add_articles(items)
    rebuilt.rebuild_events()
    assert state(lib) == state(rebuilt)
    days = lib._db.execute("SELECT max(reports), min(reports) FROM crowds WHERE party = '*'").fetchone()  # noqa: SLF001
    assert days[0] > blocks.CROWD >= days[1]  # crowded days and quiet ones
    gone = order[:16]  # every day comes back under the crowd
    lib.remove_articles([ids[i] for i in gone])
    rest = Library(tmp_path / "rest.sqlite3")
    rest.add_articles([items[i] for i in order[16:]])
    assert state(lib) == state(rest)
    assert len(set(state(rest)[0].values())) < len(state(rest)[0])  # one-party reports merged again


def test_a_day_back_under_the_crowd_finds_its_one_party_partners_on_the_day_before(tmp_path):
    # A two-day notice from the day before meets the crowded day's notices: once that day is quiet
    # again, they are one event with it, as in a library that never held the others.
    day = D(2024, 3, 5)
    before = day - dt.timedelta(1)

    def notice(k: int, party: str, start: D, end: D, summary: str) -> tuple[Article, list[EventMention]]:
        m = mention(f"{start}/{end}" if end > start else start.isoformat(), start, end, Precision.DAY,
                    countries=(party,), text="then", summary=summary, cameo="040")
        return article(text=f"Notice {k}\n\n" + "x" * 400, title="Notice", path=f"{k}.txt"), [m]

    talks = "The minister held talks on the railway corridor"
    items = [notice(0, "KEN", before, day, talks), notice(1, "ETH", day, day, talks)]
    crowd = [notice(2 + k, party, day, day, f"The consul raised fee {k}") for k, party in
             enumerate(["FRA", "JPN", "IND", "BRA"])]
    lib = Library(tmp_path / "lib.sqlite3")
    ids = [lib.add_article(*item) for item in crowd + items]
    assert len(set(state(lib)[0].values())) == len(crowd) + 2  # a crowded day: the notices apart
    lib.remove_articles(ids[:len(crowd)])
    fresh = Library(tmp_path / "fresh.sqlite3")
    fresh.add_articles(items)
    assert state(lib) == state(fresh)
    assert len(set(state(fresh)[0].values())) == 1
