"""The evidence two reports are compared on: the EXAMPLE lines of the matching tables, and each score."""

from __future__ import annotations

import re

import numpy as np
import pytest

from tests.fresh import loaded_after
from timeline_app.core.extract.cameo import CameoTable, quad_class
from timeline_app.core.library.matching import (
    LINK, Report, TypeTable, date_factor, is_aside, one_sided, party_score, score,
)
from timeline_app.core.library.words import content_words
from timeline_app.core.library.pairs import ReportArrays, scores
from timeline_app.errors import RulesError
from timeline_app.paths import resource
from tests.core.library.word_examples import word_list_examples

_EXAMPLE = re.compile(r"^# EXAMPLE PAIR: (\S+) (!?~) (\S+)")


def _type_examples() -> list[tuple[str, str, str, bool]]:
    path = resource("cameo") / "compatible.tsv"
    out = []
    for no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        m = _EXAMPLE.match(line)
        if m:
            out.append((f"{path.name}:{no}", m.group(1), m.group(3), m.group(2) == "~"))
    return out


@pytest.mark.parametrize("where, a, b, joined", _type_examples())
def test_example_lines_of_the_compatible_codes(where: str, a: str, b: str, joined: bool) -> None:
    assert (TypeTable.default().compatible(a, b) >= 0.8) is joined, where


def test_the_type_table_reads_the_code_table_alone_with_the_same_quad_classes() -> None:
    # The window merges what its imports write but extracts nothing: the trigger lexicon of the whole
    # CameoTable cost it 0.1-0.25 s CPU at the first write of a first start.
    code = ("from timeline_app.core.library.matching import TypeTable\n"
            "from timeline_app.core.extract.cameo import CameoTable\n"
            "print(TypeTable.default().compatible('042', '190'), CameoTable._default is None)")
    assert loaded_after(code, ()) == ("0.0 True", [])
    cameo, table = CameoTable.default(), TypeTable.default()
    assert table.codes == cameo.codes
    assert [quad_class(table.codes, c) for c in cameo.codes] == [cameo.quad_class(c) for c in cameo.codes]
    assert {quad_class(table.codes, c) for c in cameo.codes} == {1, 2, 3, 4} and quad_class(table.codes, "9") == 0


def test_there_are_positive_and_negative_type_examples() -> None:
    kinds = {joined for *_, joined in _type_examples()}
    assert kinds == {True, False}


def test_example_lines_of_the_stopwords() -> None:
    path = resource("merging") / "stopwords.txt"
    examples = [line[len("# EXAMPLE:"):] for line in path.read_text(encoding="utf-8").splitlines()
                if line.startswith("# EXAMPLE:")]
    assert examples
    for example in examples:
        sentence, _, words = example.partition("=>")
        assert content_words(sentence).split() == sorted(w[:6] for w in words.split()), example


def _report(key: str, start: int, end: int, countries: str = "", span: str = "", open_end: bool = False) -> Report:
    return Report(key, key, start, end, span, open_end, frozenset(countries.split()), frozenset(), frozenset(), "")


def test_dates_meet_on_the_same_day_or_inside_a_period_and_never_for_an_open_span() -> None:
    day, other_day = _report("a", 10, 10), _report("b", 11, 11)
    week = _report("c", 7, 13)
    assert date_factor(day, _report("d", 10, 10)) == 1.0
    assert date_factor(day, other_day) == 0.0
    assert 0 < date_factor(day, week) < 1.0
    since = _report("e", 0, 364, span="year:2011", open_end=True)
    assert date_factor(since, _report("f", 0, 364, span="year:2011", open_end=True)) == 0.0
    assert date_factor(_report("g", 0, 364, span="year:2011"), day) == 0.0


def test_the_shorter_list_of_parties_counts_and_different_partners_do_not_match() -> None:
    pair = _report("a", 1, 1, "CAN PHL")
    listing = _report("b", 1, 1, "AUS CAN CHN JPN PHL USA")
    assert party_score(pair, listing) > 0.8
    assert party_score(pair, _report("c", 1, 1, "PHL VNM")) == 0.0
    assert party_score(pair, _report("d", 1, 1, "BRA")) == 0.0


def test_reports_whose_other_sides_differ_do_not_match() -> None:
    # One issuer's two packages on one day: firms in Iran, the UAE and Hong Kong, then ships of
    # Russia's trade flagged in the Marshall Islands and the UAE. Half of the shorter list shared.
    iran = _report("a", 1, 1, "ARE HKG IRN USA")
    russia = _report("b", 1, 1, "ARE MHL RUS USA")
    assert party_score(iran, russia) == 0.0
    # A case the rule was not written for: Germany's minister meets Ukraine's, and on the same day
    # Moldova's and Romania's; a third report of the first meeting names its Polish host too.
    ukraine = _report("c", 1, 1, "DEU UKR")
    moldova = _report("d", 1, 1, "DEU MDA ROU")
    assert party_score(ukraine, moldova) == 0.0
    assert party_score(ukraine, _report("e", 1, 1, "DEU POL UKR")) > 0.8
    # One report names more of the same side: still one event.
    assert party_score(_report("f", 1, 1, "IRN USA"), _report("g", 1, 1, "ARE HKG IRN USA")) > 0.8


def _with_organizations(key: str, countries: str, organizations: str) -> Report:
    return _report(key, 1, 1, countries)._replace(organizations=frozenset(organizations.split()))


def test_an_organisation_named_beside_the_states_is_not_another_side() -> None:
    # A statement condemning a launch names the UN (whose resolutions it violates); a wire story of
    # the launch names the states around it: the launching state is shared, the UN is no other side.
    statement = _with_organizations("a", "PRK", "UN")
    wire = _report("b", 1, 1, "JPN KOR PRK USA")
    assert party_score(statement, wire) > 0
    # The states still decide: two summons of one envoy by two different states, one report naming
    # the EU too, are two events.
    assert party_score(_with_organizations("c", "CZE RUS", "EU"), _report("d", 1, 1, "DEU RUS")) == 0.0
    assert party_score(_with_organizations("e", "FRA", "EU"), _with_organizations("f", "DEU", "EU")) == 0.0


@pytest.mark.parametrize("where, sentence, aside", word_list_examples("aside_words.txt", "aside"))
def test_example_lines_of_the_aside_words(where: str, sentence: str, aside: bool) -> None:
    assert is_aside(content_words(sentence)) is aside, where


def test_there_are_positive_and_negative_aside_examples() -> None:
    assert {aside for *_, aside in word_list_examples("aside_words.txt", "aside")} == {True, False}


def _typed(key: str, countries: str, code: str, sentence: str) -> Report:
    return _report(key, 1, 1, countries)._replace(codes=frozenset({code}), words=content_words(sentence))


def test_a_meeting_on_the_margins_of_an_event_is_not_that_event() -> None:
    # Spain's minister meets Mexico's on the margins of the EU-Mexico signing, the same day, in the
    # same city: a meeting (046) beside a signing (057), which cooperation alone would join.
    signing = _typed("a", "MEX", "057", "The EU and Mexico signed the Modernised Global Agreement in Brussels.")
    meeting = _typed("b", "ESP MEX", "046", "Albares held a meeting in Brussels with the Foreign Secretary of Mexico "
                     "on the margins of the signing of the EU-Mexico agreement.")
    assert score(signing, meeting) == 0.0
    # Without the words that set it aside, the same two reports would be one event.
    beside = meeting._replace(words=content_words("Albares held a meeting in Brussels with the Foreign Secretary "
                                                  "of Mexico after the signing of the EU-Mexico agreement."))
    assert score(signing, beside) > 0
    # Two reports of the side meeting, one of them not saying so, type one root (04): one event.
    other = _typed("c", "ESP MEX", "040", "Spain's Albares and Mexico's de la Fuente held talks in Brussels.")
    assert score(meeting, other) > 0


def test_two_of_a_summits_states_meeting_beside_it_are_not_the_summit_whatever_the_type() -> None:
    # Japan and Kazakhstan sign a uranium deal on the margins of a summit of six: both typed as
    # meetings (04), which one root alone would join.
    summit = _typed("a", "JPN KAZ KGZ TJK TKM UZB", "043", "The President chaired the Central Asia plus Japan "
                    "summit in Astana with the Prime Minister of Japan.")
    bilateral = _typed("b", "JPN KAZ", "046", "On the margins of the summit in Astana the Prime Minister of "
                       "Japan and the President of Kazakhstan held a meeting.")
    assert score(summit, bilateral) == 0.0
    # The side meeting told twice, once without the words that set it aside: the same parties, one event.
    again = _typed("c", "JPN KAZ", "043", "The President of Kazakhstan received the Prime Minister of Japan "
                   "in Astana for a meeting.")
    assert score(bilateral, again) >= LINK
    reports = [summit, bilateral, again]
    arr = ReportArrays.of(reports)
    a, b = np.array([0, 1]), np.array([1, 2])
    assert scores(arr, a, b).tolist() == pytest.approx([score(summit, bilateral), score(bilateral, again)])


def test_the_vectorised_scores_keep_a_side_meeting_apart_too() -> None:
    signing = _typed("a", "MEX", "057", "The EU and Mexico signed the Global Agreement in Brussels.")
    meeting = _typed("b", "ESP MEX", "046", "Albares met de la Fuente on the sidelines of the signing in Brussels.")
    talks = _typed("c", "ESP MEX", "040", "Albares met de la Fuente in Brussels for talks.")
    reports = [signing, meeting, talks]
    arr = ReportArrays.of(reports)
    a, b = np.array([0, 1]), np.array([1, 2])
    assert scores(arr, a, b).tolist() == pytest.approx([score(signing, meeting), score(meeting, talks)])
    assert scores(arr, a, b)[0] == 0.0 and scores(arr, a, b)[1] > 0


def _said(key: str, start: int, end: int, party: str, code: str, sentence: str) -> Report:
    return Report(key, key, start, end, "", False, frozenset({party}), frozenset(), frozenset({code}),
                  content_words(sentence))


# One meeting told by each side, each naming only the other: the speaker's own state goes unsaid.
_HOST = ("The President received the Prime Minister of Ethiopia at State House today for talks on the "
         "railway corridor and the joint border commission.")
_GUEST = ("The Prime Minister held talks with the President of Kenya in Nairobi on 10 May on the railway "
          "corridor and the joint border commission.")


def test_two_reports_naming_one_side_each_are_one_event_when_words_and_type_agree() -> None:
    host, guest = _said("a", 5, 5, "ETH", "040", _HOST), _said("b", 5, 5, "KEN", "042", _GUEST)
    assert one_sided(host, guest) and party_score(host, guest) == 0.0
    assert score(host, guest) >= LINK
    arr = ReportArrays.of([host, guest])
    assert np.allclose(scores(arr, np.array([0]), np.array([1])), [score(host, guest)])


def test_one_sided_reports_stay_apart_on_other_words_other_days_a_conflict_or_a_wider_date() -> None:
    host = _said("a", 5, 5, "ETH", "040", _HOST)
    unrelated = _said("b", 5, 5, "KEN", "040", "The Minister of Trade opened the international book fair "
                                               "in Mombasa today with publishers from the region.")
    assert one_sided(host, unrelated) and score(host, unrelated) == 0.0
    assert score(host, _said("c", 6, 6, "KEN", "042", _GUEST)) == 0.0  # the next day
    assert score(host, _said("d", 5, 5, "KEN", "190", _GUEST)) == 0.0  # talks against an attack
    week = _said("e", 3, 9, "KEN", "042", _GUEST)
    assert not one_sided(host, week) and score(host, week) == 0.0
    # Two parties named on one side: the other side is not left unsaid, and none is shared.
    pair = Report("f", "f", 5, 5, "", False, frozenset({"KEN", "UGA"}), frozenset(), frozenset({"042"}),
                  content_words(_GUEST))
    assert not one_sided(host, pair) and score(host, pair) == 0.0


def test_a_third_column_other_than_apart_is_reported_with_its_place(tmp_path) -> None:
    (tmp_path / "compatible.tsv").write_text("14\t16\tapart\n03\t04\tjoined\n", encoding="utf-8")
    table_codes = TypeTable.default().codes
    with pytest.raises(RulesError, match=r"compatible.tsv:2: the third column may only be 'apart'"):
        TypeTable(table_codes, tmp_path)
    (tmp_path / "compatible.tsv").write_text("14\t16\tapart\n", encoding="utf-8")
    assert TypeTable(table_codes, tmp_path).compatible("161", "140") == 0.0
