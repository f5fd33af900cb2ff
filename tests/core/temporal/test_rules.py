"""The rule loader reports malformed resources as path:line, and the engine stays fast and linear."""

from __future__ import annotations

import datetime as dt
import random
import re
import shutil
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.cpu_time import best_cpu_seconds
from timeline_app.core.temporal import find_dates, load_rules
from timeline_app.core.temporal.index import can_be_empty, first_chars, first_words, group_names, parse
from timeline_app.core.temporal.rules import languages, rules_folder
from timeline_app.errors import RulesError
from timeline_app.paths import TEMPORAL


WED = dt.date(2022, 12, 28)


@pytest.fixture()
def rules_copy(tmp_path: Path) -> Path:
    root = tmp_path / "temporal"
    shutil.copytree(TEMPORAL, root)
    return root


def _append(path: Path, text: str) -> int:
    """Append lines to a file; return the number of the first appended line."""
    before = path.read_text(encoding="utf-8")
    if not before.endswith("\n"):
        before += "\n"
    path.write_text(before + text, encoding="utf-8")
    return before.count("\n") + 1


def test_the_shipped_rules_load_and_every_rule_has_an_example() -> None:
    rules = load_rules()
    assert len(rules.rules) > 80
    assert {e.rule for e in rules.examples} == {r.name for r in rules.rules}


@pytest.mark.parametrize(
    ("lines", "offset", "reason"),
    [
        ("// EXAMPLE: It was 2011. => 2011 = 2011\nbroken_rule :: (%year :: {year}\n", 1, "invalid pattern"),
        ("// EXAMPLE: It was 2011. => 2011 = 2011\nunknown_ref :: %nosuch :: {nosuch}\n", 1, "unknown pattern %nosuch"),
        ("// EXAMPLE: It was 2011. => 2011 = 2011\nbad_slot :: %year :: {month}\n", 1, "names no group"),
        ("// EXAMPLE: It was 2011. => 2011 = 2011\nbad_kind :: %year :: {year} :: kind=EVENT\n", 1, "kind must be"),
        ("no_example :: %year :: {year}\n", 0, "has no '// EXAMPLE:' line"),
        ("// EXAMPLE: It was 2011. => 1999 = 1999\nwrong_surface :: %year :: {year}\n", 0, "not in the example"),
        ("// EXAMPLE: It was 2011. => 2011 = 2011\nonly two fields :: %year\n", 1, "expected 'name :: pattern"),
        ("// EXAMPLE: It was 2011. => 2011 = 2011\ntrailing :: %year\\s :: {year}\n", 1, "ends in a space"),
        ("// EXAMPLE: It was 2011. => 2011 = 2011\nyear :: %year :: {year}\n", 1, "used twice"),
        ("// EXAMPLE: It was 2011. => 2011 = 2011\nmaybe_year :: (?:%year)? :: {year}\n", 1, "matches the empty string"),
        ("// EXAMPLE: It was 2011. => 2011 = 2011\nbad_emit :: %year :: {year} :: emit=day\n", 1, "emit=day names no group"),
    ],
)
def test_bad_rule_lines_are_reported_with_path_and_line(
    rules_copy: Path, lines: str, offset: int, reason: str
) -> None:
    path = rules_copy / "rules" / "zz_extra.txt"
    path.write_text("", encoding="utf-8")
    first = _append(path, lines)
    with pytest.raises(RulesError) as err:
        load_rules(rules_copy)
    assert f"{path}:{first + offset}:" in str(err.value)
    assert reason in str(err.value)


def test_several_examples_above_one_rule_each_become_a_test(rules_copy: Path) -> None:
    path = rules_copy / "rules" / "zz_extra.txt"
    path.write_text(
        "// EXAMPLE: It was AD 2011. => AD 2011 = 2011\n"
        "// EXAMPLE: It was AD 1999. => AD 1999 = 1999\n"
        "anno_domini :: AD %year :: {year}\n",
        encoding="utf-8",
    )
    examples = [e for e in load_rules(rules_copy).examples if e.rule == "anno_domini"]
    assert [(e.line, e.surface, e.value) for e in examples] == [(1, "AD 2011", "2011"), (2, "AD 1999", "1999")]


def test_every_alternative_of_a_rule_matches_whole_words_only(rules_copy: Path) -> None:
    path = rules_copy / "rules" / "zz_extra.txt"
    path.write_text("// EXAMPLE: It was AD 2011. => AD 2011 = 2011\nanno :: AD 2011|2011 CE :: 2011\n", encoding="utf-8")
    rules = load_rules(rules_copy)
    assert [(m.text, m.rule) for m in find_dates("It was AD 2011, or 2011 CE.", WED, rules)] == [
        ("AD 2011", "anno"),
        ("2011 CE", "anno"),
    ]
    # Neither alternative may end or start inside a word: the first one ends in "20115", the
    # second one starts in "32011".
    assert find_dates("It was AD 20115 or 32011 CE.", WED, rules) == []


def test_an_example_left_without_a_rule_is_reported(rules_copy: Path) -> None:
    path = rules_copy / "rules" / "zz_extra.txt"
    path.write_text("// EXAMPLE: It was AD 2011. => AD 2011 = 2011\n", encoding="utf-8")
    with pytest.raises(RulesError, match=r"zz_extra.txt:1: EXAMPLE without a rule below it"):
        load_rules(rules_copy)


def test_bad_table_line_is_reported(rules_copy: Path) -> None:
    path = rules_copy / "normalization" / "month.txt"
    line = _append(path, '"Januar" "01"\n')
    with pytest.raises(RulesError, match=rf"month.txt:{line}: expected a line"):
        load_rules(rules_copy)


def test_conflicting_table_entry_is_reported(rules_copy: Path) -> None:
    path = rules_copy / "normalization" / "month.txt"
    line = _append(path, '"January","02"\n')
    with pytest.raises(RulesError, match=rf"month.txt:{line}: 'January' is already mapped"):
        load_rules(rules_copy)


def test_bad_repattern_regex_is_reported(rules_copy: Path) -> None:
    path = rules_copy / "repattern" / "season.txt"
    line = _append(path, "summ(er\n")
    with pytest.raises(RulesError, match=rf"season.txt:{line}: invalid regular expression"):
        load_rules(rules_copy)


def test_missing_folder_is_reported(rules_copy: Path) -> None:
    shutil.rmtree(rules_copy / "cues")
    with pytest.raises(RulesError, match="cues:0: folder missing"):
        load_rules(rules_copy)


def test_first_words_index_covers_optional_prefixes() -> None:
    words = first_words(r"(?:about\s+)?(?:a|two)\s+days?\s+ago")
    assert words == {"about", "a", "two"}
    assert first_words(r"the\s+(?:third|fourth)\s+quarter") == {"the third", "the fourth"}
    assert first_words(r"[0-9]{4}(?![0-9])") == {"#4"}
    assert first_words(r"[0-9]{1,2}(?:st|nd)?") == {"#1", "#2"}


NEWS_PARAGRAPH = (
    "The defense ministers of Syria, Turkey and Russia met in Moscow on Wednesday, the first such "
    "meeting since 2011, in a sign of thawing relations between Ankara and Damascus. The talks, "
    "which included the Russian minister, focused on the refugee issue and on joint efforts against "
    "extremist groups, the ministry said in a statement. Turkey cut diplomatic relations with "
    "Damascus back in 2012 and backed the armed opposition for years. Ankara has been signalling "
    "that it wants a rapprochement, and its foreign minister revealed that he briefly met his "
    "counterpart in October 2021. Some 2,000 troops remain near the border, officials said, and "
    "another round of talks is expected to take place in the coming weeks, possibly in the capital "
    "of a neighbouring country, according to two people familiar with the preparations.\n"
)


def _tenfold_cost(paragraph: str, chars: int, large_runs: int) -> tuple[float, int]:
    """The CPU time of a text of `chars` made of paragraph, after checking that it is at most twenty times
    that of a tenth of it, and the mentions found in it."""
    # Linear in the text's length: ten times the text takes about ten times as long. The ratio, not an
    # absolute time, is what is checked tightly, because a run's CPU time swings with what else the
    # machine's shared cores are doing (a loaded CI runner makes every run slower, not the ratio larger);
    # a text whose cost grew with the square of its length would take about a hundred times as long.
    small = paragraph * (chars // 10 // len(paragraph) + 1)
    large = paragraph * (chars // len(paragraph) + 1)
    small_seconds, _ = best_cpu_seconds(lambda: find_dates(small, dt.date(2022, 12, 28)), runs=3)
    large_seconds, found = best_cpu_seconds(lambda: find_dates(large, dt.date(2022, 12, 28)), runs=large_runs)
    assert large_seconds < 20 * small_seconds, f"{chars // 10:,} chars took {small_seconds:.2f} s, {chars:,} {large_seconds:.2f} s"
    return large_seconds, found


def test_a_one_megabyte_article_is_fast() -> None:
    find_dates("warm-up on Friday", dt.date(2022, 12, 28))
    seconds, found = _tenfold_cost(NEWS_PARAGRAPH, 1_000_000, large_runs=2)
    assert found > 5_000
    # About 0.8 s of CPU on an idle 2-core machine; the absolute bounds only catch a gross slowdown.
    assert seconds < 3.0, f"1 MB took {seconds:.2f} s of CPU"


def test_a_text_dense_with_dates_stays_fast() -> None:
    paragraph = (
        "The ministers met in Moscow on Wednesday, the first meeting since 2011. Turkey cut ties in "
        "2012; in October 2021 the ministers met briefly, and talks resume next month or by March 15. "
    )
    seconds, found = _tenfold_cost(paragraph, 300_000, large_runs=1)
    assert found > 7_000
    assert seconds < 4.5, f"300 kB dense with dates took {seconds:.2f} s of CPU"


def test_pathological_text_is_linear() -> None:
    random.seed(7)
    parts = ["12", "2022", "Dec.", "December", "May", "-", "/", ",", "1990s", "the", "2011-12", "31", " ", "."]

    def noise(n: int) -> str:
        return "".join(random.choice(parts) + random.choice(["", " "]) for _ in range(n))

    small, large = noise(10_000), noise(40_000)
    find_dates(small, dt.date(2022, 12, 28))
    t0 = time.process_time()
    find_dates(small, dt.date(2022, 12, 28))
    t_small = time.process_time() - t0
    t0 = time.process_time()
    find_dates(large, dt.date(2022, 12, 28))
    t_large = time.process_time() - t0
    # Four times the text may take about four times as long, never sixteen.
    assert t_large < 8 * max(t_small, 0.01)


_WORDS = [
    "on", "in", "the", "last", "next", "since", "until", "by", "early", "late", "mid-", "week", "weeks",
    "month", "year", "years", "ago", "later", "earlier", "Monday", "Friday's", "May", "may", "March",
    "Dec.", "December", "Q3", "quarter", "third", "1990s", "2022", "1957-58", "12/28/2022", "31", "30",
    "February", "2022-02-30", "32/13/2022", "20222", "$2,011", "40%", "3-2", "p.m.", "3", "noon",
    "tonight", "now", "that", "will", "said", "had", "been", ",", ".", "'s", "\n", "every", "twice",
    "a", "two", "days", "later", "that", "day", "following", "Christmas", "Thanksgiving", "fiscal",
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from(_WORDS), max_size=40),
    st.one_of(st.none(), st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))),
)
def test_any_text_gives_consistent_mentions(words: list[str], published: dt.date | None) -> None:
    text = " ".join(words)
    mentions = find_dates(text, published)
    for a, b in zip(mentions, mentions[1:]):
        assert a.end <= b.start
    for m in mentions:
        assert text[m.start : m.end] == m.text
        if m.placeable:
            assert m.start_date <= m.end_date
        if published is None and m.relative:
            assert m.value == "" or m.value.startswith(("P", "XXXX")) or m.value[:1].isdigit()


def test_the_indexes_read_a_parsed_pattern_as_they_read_its_text() -> None:
    # load_rules parses each pattern once for both indexes: the parsed form must give what the text gives.
    for pattern in (r"(?:about\s+)?(?:a|two)\s+days?\s+ago", r"[0-9]{4}(?![0-9])", r"(?:the\s+)?Q[1-4]", r".+ago"):
        assert first_words(parse(pattern)) == first_words(pattern)
        assert first_chars(parse(pattern)) == first_chars(pattern)
    assert first_chars(parse(r".+ago")) is None
    assert first_words(parse(r"[0-9]{4}")) == {"#4"}


@pytest.mark.parametrize("lang", languages())
def test_every_shipped_rule_compiles_as_the_loader_checked_it(lang: str) -> None:
    # The loader parses each pattern and leaves compiling to its first try (Rule.pattern): every
    # shipped pattern must compile, match no empty string, and have the groups the loader checked.
    rules = load_rules(rules_folder(lang))
    for rule in rules.rules:
        compiled = rule.pattern
        assert compiled.flags & re.IGNORECASE, rule.name
        assert compiled.match("") is None, rule.name
        assert set(compiled.groupindex) == group_names(parse(rule.source)), rule.name


def test_a_rule_is_compiled_when_first_tried_and_only_then() -> None:
    rules = load_rules()
    assert not any(r.compiled is not None for r in rules.rules)
    found = find_dates("The talks ended on 3 March 2021.", WED, rules)
    assert [(m.text, m.value) for m in found] == [("3 March 2021", "2021-03-03")]
    compiled = {r.name for r in rules.rules if r.compiled is not None}
    assert compiled and len(compiled) < len(rules.rules) // 2
    # A rule that can start with none of the text's words is never tried, so never compiled.
    keys = {"the", "talks", "ended", "on", "#1", "march", "#4", ".", "the talks"}
    untried = [r for r in rules.rules if r.words is not None and not r.words & keys]
    assert len(untried) > 20
    assert not any(r.compiled is not None for r in untried)


def test_can_be_empty_and_group_names_read_the_parsed_pattern() -> None:
    assert can_be_empty(parse(r"(?:a|bc)?")) and can_be_empty(parse(r"(?<!\w)x*(?!\w)"))
    assert not can_be_empty(parse(r"(?:a|bc)?d")) and not can_be_empty(parse(r"(?<!\w)x+"))
    assert group_names(parse(r"(?P<day>\d+) (?P<month>[a-z]+)")) == {"day", "month"}
    assert group_names(parse(r"(\d+)")) == frozenset()
