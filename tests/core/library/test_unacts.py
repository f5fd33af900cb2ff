"""Reports of one UN act matched on the organ and what the act is about: the EXAMPLE lines of
resources/merging/un_acts.tsv, and the scores of such reports, one by one and vectorised."""

from __future__ import annotations

import pytest

from timeline_app.core.library.matching import LINK, Report, score, text_score, un_pair
from timeline_app.core.library.pairs import ReportArrays, candidate_pairs, scores
from timeline_app.core.library.unacts import UnWords, is_un_act, same_un_act
from timeline_app.core.library.words import content_words
from timeline_app.errors import RulesError
from timeline_app.paths import resource


def _examples() -> list[tuple[str, str, str, str]]:
    path = resource("merging") / "un_acts.tsv"
    out = []
    for no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("# EXAMPLE:"):
            pair, _, verdict = line[len("# EXAMPLE:"):].partition("=>")
            a, _, b = pair.partition("|")
            out.append((f"{path.name}:{no}", a.strip(), b.strip(), verdict.strip()))
    return out


def _report(key: str, sentence: str, countries: str = "", organizations: str = "", code: str = "") -> Report:
    return Report(key, key, 10, 10, "", False, frozenset(countries.split()), frozenset(organizations.split()),
                  frozenset({code}) if code else frozenset(), content_words(sentence))


@pytest.mark.parametrize("where, a, b, verdict", _examples())
def test_example_lines_of_the_un_acts(where: str, a: str, b: str, verdict: str) -> None:
    x, y = _report("a", a), _report("b", b)
    if verdict == "not":
        assert not (is_un_act(x.words) and is_un_act(y.words)), where
    else:
        assert is_un_act(x.words) and is_un_act(y.words), where
        assert same_un_act(x.words, y.words, text_score(x, y)) is (verdict == "one"), where


def test_there_are_one_apart_and_not_examples() -> None:
    assert {verdict for *_, verdict in _examples()} == {"one", "apart", "not"}


# The Council's renewal of a mission told by the UN (naming the UN and the abstainers), by an
# abstainer, and by a wire; a failed vote on an arms embargo on the same state the same day.
_RENEWAL = _report("un", "The Security Council today extended the mandate of the United Nations Mission in "
                   "Kanvaria (UNMISS) by 13 votes in favour, with China and the Russian Federation abstaining.",
                   "CHN RUS", "UN", "100")
_ABSTAINER = _report("cn", "China abstained in the vote on the draft resolution extending the mandate of UNMISS "
                     "because the text fails to respect the ownership of the host Government.", "CHN", "", "080")
_WIRE = _report("wire", "The Security Council on Thursday voted to keep its peacekeeping force in Kanvaria for "
                "another year.", "", "UN", "192")
_EMBARGO = _report("us", "The United States regrets that the Security Council today failed to renew the arms "
                   "embargo on Kanvaria.", "USA", "UN", "163")


def test_reports_of_one_council_act_are_one_event_whatever_the_voters_and_verbs() -> None:
    # Without the rule: the abstainer and the UN share no state, and a demand (100) against a
    # yielding (080), or the wire's seizure (192), are conflict against cooperation.
    for a, b in ((_RENEWAL, _ABSTAINER), (_RENEWAL, _WIRE), (_ABSTAINER, _WIRE)):
        assert un_pair(a, b) and score(a, b) >= LINK, (a.key, b.key)


def test_two_council_acts_of_one_day_on_one_state_stay_apart() -> None:
    for other in (_RENEWAL, _WIRE):
        assert un_pair(_EMBARGO, other) and score(_EMBARGO, other) == 0.0
    # The same renewal on the next month's day is another act, and a report of no UN act is scored
    # as any other.
    assert score(_RENEWAL, _WIRE._replace(start=40, end=40)) == 0.0
    talks = _report("t", "China and Russia held talks on the railway corridor.", "CHN RUS", "", "040")
    assert not un_pair(_RENEWAL, talks)


def test_the_vectorised_scores_and_candidates_agree_on_un_acts() -> None:
    reports = [_RENEWAL, _ABSTAINER, _WIRE, _EMBARGO]
    arr = ReportArrays.of(reports)
    a, b = candidate_pairs(arr)
    found = {(reports[i].key, reports[j].key) for i, j in zip(a.tolist(), b.tolist())}
    assert {("un", "wire"), ("un", "cn"), ("un", "us")} <= found | {(y, x) for x, y in found}
    assert scores(arr, a, b).tolist() == pytest.approx([score(reports[i], reports[j]) for i, j in zip(a, b)])


def test_a_malformed_line_of_the_un_acts_is_reported_with_its_place(tmp_path, monkeypatch) -> None:
    (tmp_path / "un_acts.tsv").write_text("organ\tsecurity council\nkind\tembargo\n", encoding="utf-8")
    monkeypatch.setattr("timeline_app.core.library.unacts.resource", lambda name: tmp_path)
    with pytest.raises(RulesError, match=r"un_acts.tsv:2: expected 'organ'"):
        UnWords.read()
