"""Event ids: reports of one event merge, within and across articles, and distinct events stay apart,
whatever the row order."""

from __future__ import annotations

import re
import time

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline_app.core.library.merge import assign, assign_event_ids
from tests.core.library.word_examples import word_list_examples


def frame(rows: list[dict]) -> pd.DataFrame:
    base = {"date_precision": "day", "event_type": "", "cameo_code": "040", "summary": "", "char_start": 0,
            "evidence": "", "article_title": ""}
    return pd.DataFrame([{**base, **r} for r in rows])


def report(article: str, value: str, countries: str, evidence: str, title: str = "", code: str = "040",
           **more: object) -> dict:
    """One dated mention of an article, its sentence as evidence."""
    return {"article_id": article, "date_value": value, "countries": countries, "evidence": evidence,
            "article_title": title or evidence[:40], "cameo_code": code, **more}


# ---- one article ---------------------------------------------------------------------------------

def test_mentions_of_one_meeting_in_one_article_merge() -> None:
    df = frame([
        report("a", "2022-12-28", "RUS;SYR;TUR", "The ministers held talks in Moscow on Wednesday.", code="046",
               char_start=10),
        report("a", "2022-12-28", "RUS;SYR;TUR", "During Wednesday's meeting they noted progress.", char_start=900),
        report("a", "2022-11", "TUR", "Turkey launched air strikes in November.", code="195", char_start=1200,
               date_precision="month"),
    ])
    ids = assign_event_ids(df)
    assert ids[0] == ids[1]
    assert ids[2] != ids[0]


def test_two_summonses_told_on_one_day_in_one_article_stay_apart() -> None:
    df = frame([
        report("a", "2024-05-03", "DEU;RUS", "Germany summoned Russia's ambassador on Friday.", char_start=10),
        report("a", "2024-05-03", "CZE;RUS", "The Czech ministry also summoned Russia's ambassador on Friday.",
               char_start=300),
    ])
    ids = assign_event_ids(df)
    assert ids[0] != ids[1]


def test_the_two_ends_of_a_range_are_one_event_and_a_day_inside_it_joins_it() -> None:
    sentence = "The President paid a State Visit to Japan from 7-8 March, meeting the Prime Minister."
    start = sentence.index("7-8")
    df = frame([
        report("a", "2024-03-07", "IDN;JPN", sentence, "State visit of Indonesia's President to Japan",
               code="042", char_start=start, char_end=start + 1, evidence_start=0),
        report("a", "2024-03-08", "IDN;JPN", sentence, "State visit of Indonesia's President to Japan",
               code="042", char_start=start + 2, char_end=start + 9, evidence_start=0),
        report("b", "2024-03-07", "IDN;JPN", "Indonesia's president arrived in Tokyo on March 7 for a state "
               "visit and talks with the Prime Minister.", "Indonesian President on state visit to Japan",
               code="046"),
    ])
    ids = assign_event_ids(df)
    assert ids[0] == ids[1] == ids[2]


def test_two_dates_of_one_sentence_that_are_no_range_stay_apart() -> None:
    sentence = "The treaty was signed on 25 October and will enter into force on 1 January."
    df = frame([
        report("a", "2024-10-25", "ECU;PER", sentence, code="057", char_start=25, char_end=35, evidence_start=0),
        report("a", "2024-10-27", "ECU;PER", sentence, code="057", char_start=65, char_end=74, evidence_start=0),
    ])
    ids = assign_event_ids(df)
    assert ids[0] != ids[1]


def test_a_time_of_day_and_its_day_in_one_article_are_one_report() -> None:
    df = frame([
        report("a", "2025-07-28", "KHM;MYS;THA", "Malaysia hosted talks today at which Thailand and Cambodia agreed "
               "to a ceasefire.", code="043", char_start=10),
        report("a", "2025-07-28T23:00", "KHM;MYS;THA", "The ceasefire takes effect at 11 p.m. today.", code="043",
               date_precision="minute", char_start=200),
        report("a", "2025-07-29T06:00", "KHM;MYS;THA", "Observers deploy at 6 a.m. tomorrow.", code="043",
               date_precision="minute", char_start=400),
    ])
    ids = assign_event_ids(df)
    assert ids[0] == ids[1]  # "today" and "at 11 p.m. today": the same day, the same parties
    assert ids[2] != ids[0]  # another day


def test_a_vague_date_joins_the_one_narrow_date_of_its_article_within_it() -> None:
    title = "Chile's President to Visit Peru Next Week"
    df = frame([
        report("a", "2025-W20", "CHL;PER", title, title, code="042", date_precision="week", char_start=30),
        report("a", "2025-05-14", "CHL;PER", "Chile's president will visit Lima on 14 May, his office said.",
               title, code="042", char_start=200),
        report("b", "2025-05-14", "CHL;PER", "The Chilean president arrived in Lima on Wednesday for a state "
               "visit.", "Chilean president in Lima", code="042"),
    ])
    ids = assign_event_ids(df)
    assert ids[0] == ids[1] == ids[2]  # the headline's week is told by its lead's day, which meets b's


def test_a_vague_date_with_two_narrow_dates_within_it_or_other_parties_stays_apart() -> None:
    title = "Andean Ministers to Meet Next Week"
    df = frame([
        report("a", "2025-W20", "CHL;PER", title, title, code="036", date_precision="week", char_start=30),
        report("a", "2025-05-13", "CHL;PER", "Chile and Peru will hold talks on 13 May.", title, char_start=200),
        report("a", "2025-05-16", "CHL;PER", "They will sign a water accord on 16 May.", title, code="057",
               char_start=400),
        report("c", "2025-05", "CHL;PER", "Chile and Peru will meet in May.", "May talks", date_precision="month",
               char_start=30),
        report("c", "2025-05-14", "BOL;CHL", "Bolivia and Chile sign a gas deal on 14 May.", "May talks",
               code="057", char_start=200),
    ])
    ids = assign_event_ids(df)
    assert len({ids[0], ids[1], ids[2]}) == 3  # which of the two days the week means is not known
    assert ids[3] != ids[4]  # the one day within the month is another pair's


def test_a_vague_date_after_a_clause_word_in_the_sentence_of_the_narrow_one_is_another_time() -> None:
    sentence = ("Trucks crossed the border on Friday after Chile and Peru reopened the Chacalluta crossing "
                "earlier this week.")
    title = "Trucks cross Chacalluta again"
    df = frame([
        report("a", "2025-05-16", "CHL;PER", sentence, title, code="050", char_start=30, evidence_start=0),
        report("a", "2025-W20", "CHL;PER", sentence, title, code="050", date_precision="week", char_start=90,
               evidence_start=0),
        report("b", "2025-05-13", "CHL;PER", "Chile and Peru reopened the Chacalluta crossing this morning after "
               "a week of talks.", "Chacalluta crossing reopened", code="050"),
    ])
    ids = assign_event_ids(df)
    assert ids[1] != ids[0]  # "earlier this week" dates the reopening, not Friday's crossing
    assert ids[1] == ids[2]  # ... so it meets the reopening told on its day


# ---- across articles: what merges ---------------------------------------------------------------

def test_reports_with_other_wording_other_parties_and_a_reaction_merge() -> None:
    df = frame([
        report("a", "2024-03-12", "ARE;HKG;IRN;USA", "Treasury sanctioned eleven individuals and seven entities in "
               "Iran, the UAE and Hong Kong for procuring drone engine parts.", "Treasury sanctions Iran drone "
               "procurement network", code="163"),
        report("b", "2024-03-12", "GBR;IRN;USA", "The United Kingdom welcomes the US sanctions against a network "
               "procuring drone engine parts for Iran.", "UK welcomes US designations of Iran drone network",
               code="051"),
        report("c", "2024-W11", "IRN;USA", "The United States this week sanctioned a network buying drone engine "
               "parts for Iran.", "The week in sanctions", code="163", date_precision="week"),
    ])
    ids = assign_event_ids(df)
    assert ids[0] == ids[1] == ids[2]


def _summit_days(first: str, second: str) -> list[dict]:
    """A two-day summit told as a range in one article (days `first` and `second`), then by one
    paper on its first day and by a wire on its last."""
    sentence = f"Leaders of Brazil, Chile and Peru met in Lima on {first[-2:]}-{second[-2:]} June for a summit on water."
    start = sentence.index(f"{first[-2:]}-")
    return [
        report("a", first, "BRA;CHL;PER", sentence, "Lima water summit", code="043", char_start=start,
               char_end=start + 2, evidence_start=0),
        report("a", second, "BRA;CHL;PER", sentence, "Lima water summit", code="043", char_start=start + 3,
               char_end=start + 12, evidence_start=0),
        report("b", "2024-06-10", "BRA;PER", "The President of Brazil attended the water summit in Lima today.",
               "President at Lima water summit", code="043"),
        report("c", "2024-06-11", "CHL;PER", "Chile and Peru pledged to share river data at a water summit in Lima "
               "that ended on Tuesday.", "Lima water summit ends", code="043"),
    ]


def test_two_days_of_a_two_day_summit_join_the_range_that_holds_them() -> None:
    ids = assign_event_ids(frame(_summit_days("2024-06-10", "2024-06-11")))
    assert ids[0] == ids[1] == ids[2] == ids[3]


def test_two_days_stay_apart_without_a_range_that_holds_both() -> None:
    ids = assign_event_ids(frame(_summit_days("2024-06-10", "2024-06-11")[2:]))
    assert ids[0] != ids[1]
    ids = assign_event_ids(frame(_summit_days("2024-06-11", "2024-06-12")))  # the range holds the last day only
    assert ids[0] == ids[3] and ids[2] != ids[3]


def test_a_month_joins_a_day_inside_it_and_not_one_outside() -> None:
    df = frame([
        report("a", "2024-06-12", "ETH;KEN", "Kenya and Ethiopia signed a power trade agreement in Addis Ababa "
               "today.", "Kenya and Ethiopia sign power trade agreement", code="057"),
        report("b", "2024-06", "ETH;KEN", "The power trade agreement Kenya and Ethiopia signed in June will make "
               "Ethiopia Kenya's main electricity supplier.", "Power trade agreement", code="057",
               date_precision="month"),
        report("c", "2024-05", "ETH;KEN", "The power trade agreement Kenya and Ethiopia signed in May will make "
               "Ethiopia Kenya's main electricity supplier.", "Power trade agreement", code="057",
               date_precision="month"),
    ])
    ids = assign_event_ids(df)
    assert ids[0] == ids[1]
    assert ids[2] != ids[0]


# ---- across articles: what stays apart ----------------------------------------------------------

def test_two_sanctions_packages_of_one_state_on_one_day_stay_apart() -> None:
    df = frame([
        report("a", "2024-03-12", "ARE;IRN;USA", "Treasury sanctioned firms in Iran and the UAE procuring drone "
               "engine parts.", "Treasury sanctions Iran drone network", code="163"),
        report("b", "2024-03-12", "MHL;RUS;USA", "Treasury designated shipping companies and oil tankers carrying "
               "Russian crude above the price cap.", "Treasury targets Russian oil shadow fleet", code="163"),
        report("c", "2024-03-12", "IRN;USA", "Washington imposed sanctions on suppliers of Iranian drone engines.",
               "US sanctions Iranian drone suppliers", code="163"),
    ])
    ids = assign_event_ids(df)
    assert ids[0] != ids[1]
    assert ids[2] == ids[0] and ids[2] != ids[1]


def test_one_pair_meeting_twice_in_a_month_is_two_events() -> None:
    talks = "Senior US and Chinese diplomats held consultations on trade and security."
    df = frame([
        report("a", "2024-04-02", "CHN;USA", talks, "US-China consultations"),
        report("b", "2024-04-26", "CHN;USA", talks, "US-China consultations"),
        report("c", "2024-04", "CHN;USA", "US and Chinese diplomats held consultations twice in April.",
               "US-China consultations", date_precision="month"),
    ])
    ids = assign_event_ids(df)
    assert ids[0] != ids[1]
    assert ids[2] not in (ids[0], ids[1]) or (ids[0] == ids[2]) != (ids[1] == ids[2])


def test_since_2011_in_ten_articles_is_no_event_of_2011() -> None:
    df = frame([
        report(f"a{i}", "2011", "SYR", f"Syria has been at war since 2011, report {i} said.",
               "Syria since 2011", date_precision="year", open_end=True, code="190")
        for i in range(10)
    ] + [report("b", "2011", "SYR", "The war in Syria began in 2011.", "Syria", date_precision="year",
                code="190")])
    ids = assign_event_ids(df)
    assert ids.nunique() == 11


def test_the_same_date_in_unrelated_articles_stays_apart() -> None:
    df = frame([
        report("a", "2024-06-14", "CAN;PHL", "Canada and the Philippines signed a defence memorandum in Manila.",
               "Canada and the Philippines sign defence pact", code="057"),
        report("b", "2024-06-14", "PHL;VNM", "The Vietnamese and Philippine coast guards signed a memorandum "
               "in Hanoi.", "Philippine and Vietnamese coast guards sign memorandum", code="057"),
        report("c", "2024-06-14", "BRA;ARG", "Brazil and Argentina signed a memorandum on trade.",
               "Brazil and Argentina sign memorandum", code="057"),
    ])
    assert assign_event_ids(df).nunique() == 3


def test_talks_and_a_strike_between_the_same_parties_on_one_day_stay_apart() -> None:
    df = frame([
        report("a", "2024-09-23", "RUS;UKR", "Russian missiles struck Odesa's port, killing two workers.",
               "Russian missiles strike Odesa port", code="190"),
        report("b", "2024-09-23", "RUS;UKR", "Russian and Ukrainian delegations met in Istanbul for talks on "
               "Black Sea shipping.", "Black Sea shipping talks in Istanbul", code="046"),
    ])
    ids = assign_event_ids(df)
    assert ids[0] != ids[1]


def test_unresolved_mentions_stay_apart() -> None:
    df = frame([
        {"article_id": "a", "date_value": "", "countries": "SYR", "char_start": 1},
        {"article_id": "a", "date_value": "", "countries": "SYR", "char_start": 50},
    ])
    ids = assign_event_ids(df)
    assert ids[0] != ids[1]


def test_a_mention_without_type_or_parties_stays_alone() -> None:
    df = frame([
        {"article_id": "a", "date_value": "2023-03-15", "countries": "", "cameo_code": "", "char_start": 5},
        {"article_id": "a", "date_value": "2023-03-15", "countries": "ARM;AZE", "char_start": 90},
        {"article_id": "a", "date_value": "2023-03-15", "countries": "", "char_start": 400},  # typed: "the meeting"
    ])
    ids = assign_event_ids(df).tolist()
    assert ids[0] not in (ids[1], ids[2])
    assert ids[1] == ids[2]


# ---- order, blocks, scale -----------------------------------------------------------------------

def random_frame(n: int, seed: int, articles: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    days = pd.date_range("2000-01-01", periods=3000).strftime("%Y-%m-%d").to_numpy()
    codes = np.array(["TUR", "SYR", "RUS", "USA", "UKR", "CHN", "IRN", "ISR"])
    words = np.array(["talks", "strike", "visit", "sanctions", "border", "treaty", "ceasefire", "embassy"])
    return pd.DataFrame({
        "date_value": rng.choice(days, n), "date_precision": "day",
        "countries": [";".join(sorted(set(rng.choice(codes, rng.integers(0, 4))))) for _ in range(n)],
        "event_type": "", "cameo_code": rng.choice(["040", "046", "190", "195", "111", ""], n), "summary": "",
        "evidence": [" ".join(rng.choice(words, 4)) for _ in range(n)], "article_title": "",
        "article_id": rng.integers(0, articles, n).astype(str), "char_start": rng.integers(0, 5_000, n),
    })


def test_ids_are_stable_and_independent_of_row_order_and_index() -> None:
    df = random_frame(2_000, 7, 300)
    df["row"] = range(len(df))
    ids = assign_event_ids(df)
    shuffled = df.sample(frac=1.0, random_state=3)
    shuffled.index = range(100_000, 100_000 + len(df))
    again = assign_event_ids(shuffled)
    by_row = dict(zip(shuffled["row"], again))
    assert [by_row[r] for r in range(len(df))] == ids.tolist()
    assert ids.nunique() < len(df)  # some rows did merge, so the comparison means something
    assert (assign_event_ids(df) == ids).all()


def test_a_block_clustered_alone_gives_the_events_it_gives_in_the_whole() -> None:
    df = random_frame(3_000, 11, 500)
    whole = assign(df)
    for block in whole.blocks.drop_duplicates().iloc[:200]:
        rows = whole.blocks == block
        alone = assign(df[rows])
        assert (alone.event_ids == whole.event_ids[rows]).all()


_ROW = st.fixed_dictionaries({
    "article_id": st.sampled_from(["a", "b", "c"]),
    "date_value": st.sampled_from(["2022-12-27", "2022-12-28", "2022-12", "2022", ""]),
    "countries": st.sampled_from(["", "TUR", "SYR;TUR", "RUS;SYR;TUR", "USA"]),
    "cameo_code": st.sampled_from(["", "040", "046", "190"]),
    "evidence": st.sampled_from(["", "talks in Ankara", "air strikes on Idlib", "talks on Idlib"]),
    "char_start": st.integers(0, 50),
})


@settings(max_examples=100, deadline=None)
@given(st.lists(_ROW, min_size=1, max_size=25), st.randoms())
def test_event_ids_never_depend_on_row_order(rows: list[dict], rnd) -> None:
    df = frame([{**r, "date_precision": "year" if len(r["date_value"]) == 4 else "month" if len(r["date_value"]) == 7
                 else "day"} for r in rows])
    ids = assign_event_ids(df).tolist()
    order = list(range(len(df)))
    rnd.shuffle(order)
    again = assign_event_ids(df.iloc[order].reset_index(drop=True)).tolist()
    assert [again[order.index(i)] for i in range(len(df))] == ids


def test_hundred_thousand_rows_in_a_few_seconds() -> None:
    rng = np.random.default_rng(0)
    n = 100_000
    days = pd.date_range("2000-01-01", periods=3000).strftime("%Y-%m-%d").to_numpy()
    codes = np.array(["TUR", "SYR", "RUS", "USA", "UKR", "CHN", "IRN", "ISR"])
    df = pd.DataFrame({
        "date_value": rng.choice(days, n),
        "date_precision": "day",
        "countries": [";".join(sorted(set(rng.choice(codes, rng.integers(0, 4))))) for _ in range(n)],
        "event_type": "",
        "cameo_code": rng.choice(["040", "046", "190", "195", "111", ""], n),
        "summary": "",
        "article_id": rng.integers(0, 20_000, n).astype(str),
        "char_start": rng.integers(0, 5_000, n),
    })
    # CPU time: other jobs on the machine stretch the clock (14 s at load 7), not the work.
    t0 = time.process_time()
    ids = assign_event_ids(df)
    assert time.process_time() - t0 < 8.0  # about 2.8 s here
    assert len(ids) == n and ids.str.startswith("ev-").all()


@pytest.mark.parametrize("where, marked, apart", word_list_examples("apart_words.txt", "apart"))
def test_example_lines_of_the_apart_words(where: str, marked: str, apart: bool) -> None:
    # Two mentions of one day with the same states and type in one article: only the words before the
    # second date can set it apart. Each sentence is its own evidence.
    text = marked.replace("[", "").replace("]", "")
    rows = []
    for n, sentence in enumerate(s + "." for s in text.split(". ") if s):
        begin = text.index(sentence.rstrip("."))
        bracketed = marked.split(". ")[n]
        at = begin + bracketed.index("[")
        rows.append(report("a", "2025-01-06", "USA;YEM", sentence, code="190", char_start=at,
                           char_end=at + 6, evidence_start=begin))
    ids = assign_event_ids(frame(rows))
    assert (ids[0] != ids[1]) is apart, where


_EXAMPLE_DATES = {"Friday": ("2025-05-16", "day"), "Sunday": ("2025-05-18", "day"), "Thursday": ("2025-05-15", "day"),
                  "24 May": ("2025-05-24", "day"), "earlier this week": ("2025-W20", "week"),
                  "last week": ("2025-W20", "week"), "this week": ("2025-W20", "week"),
                  "later this month": ("2025-05", "month")}


@pytest.mark.parametrize("where, marked, apart", word_list_examples("between_words.txt", "apart"))
def test_example_lines_of_the_between_words(where: str, marked: str, apart: bool) -> None:
    # A vague date and the one day within it in one sentence, the sentence their evidence.
    text = marked.replace("[", "").replace("]", "")
    rows, taken = [], 0
    for phrase in re.findall(r"\[([^\]]+)\]", marked):
        at = text.index(phrase, taken)
        taken = at + len(phrase)
        value, precision = _EXAMPLE_DATES[phrase]
        rows.append(report("a", value, "CHL;PER", text, "Chile and Peru", code="050", date_precision=precision,
                           char_start=at, char_end=taken, evidence_start=0))
    ids = assign_event_ids(frame(rows))
    assert (ids[0] != ids[1]) is apart, where


def test_there_are_between_examples_both_ways() -> None:
    assert {apart for *_, apart in word_list_examples("between_words.txt", "apart")} == {True, False}


def test_there_are_apart_examples_both_ways() -> None:
    assert {apart for *_, apart in word_list_examples("apart_words.txt", "apart")} == {True, False}
