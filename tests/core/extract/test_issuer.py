"""Tests of the issuer of an official statement: found from URL, source or header, and standing for "we"."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.core.extract.test_events import date_at
from tests.core.extract.test_gazetteer import _examples
from timeline_app.core.batch.articles import process_article
from timeline_app.core.extract.events import extract_event_mentions
from timeline_app.core.extract.gazetteer import Gazetteer
from timeline_app.core.extract.issuer import IssuerTable, find_issuer, header_lines
from timeline_app.core.models import Article, IssuerSource


@pytest.fixture(scope="module")
def table() -> IssuerTable:
    return IssuerTable.default()


def article(text: str = "Statement", url: str = "", source: str = "", **kw: object) -> Article:
    return Article(text=text, title=text.split("\n")[0], published=dt.date(2024, 5, 10), url=url, source=source, **kw)


@pytest.mark.parametrize("where, line, expected", _examples(frozenset({"issuers.tsv"})))
def test_example_lines_of_issuers(table: IssuerTable, where: str, line: str, expected: str) -> None:
    url, source, text = (part.strip() for part in line.split("|"))
    got, _source = table.find(article(text.replace("\\n", "\n"), url, source))
    assert (got or "-") == expected, where


@pytest.mark.parametrize("where, line, expected", _examples(frozenset({"issuer_refs.tsv"})))
def test_example_lines_of_issuer_references(where: str, line: str, expected: str) -> None:
    issuer, _, sentence = line.partition(":")
    found = Gazetteer.default().tag(sentence.strip(), None, "" if issuer == "-" else issuer)
    got = ", ".join(f"{m.text}:{m.code}:{m.role.value}" for m in found) or "-"
    assert got == expected, where


def test_the_url_wins_over_the_source_and_the_header(table: IssuerTable) -> None:
    a = article("Press release\nFrom: Foreign, Commonwealth & Development Office\nText.", "https://www.mofa.go.jp/a",
                "Federal Foreign Office")
    assert table.find(a) == ("JPN", IssuerSource.URL)
    assert table.find(article(a.text, "", "Federal Foreign Office")) == ("DEU", IssuerSource.METADATA)
    assert table.find(article(a.text)) == ("GBR", IssuerSource.TEXT)


def test_a_news_site_has_no_issuer(table: IssuerTable) -> None:
    assert table.find(article("Kenya to lead Haiti mission", "https://apnews.com/article/x", "AP News")) == (
        "", IssuerSource.NONE)
    assert table.find(article("x", "https://example.gov.zz/x")) == ("", IssuerSource.NONE)  # no such country


def test_header_lines_stop_at_the_first_sentence() -> None:
    assert header_lines("Title\n\nPress Statement\nOffice of X\n\nThe Secretary spoke today.\nMinistry Y") == [
        "Title", "Press Statement", "Office of X"]


def test_a_user_given_issuer_is_kept_even_when_empty() -> None:
    a = article("Statement", "https://www.state.gov/x", issuer="", issuer_source=IssuerSource.USER)
    assert find_issuer(a) == ("", IssuerSource.USER)
    assert find_issuer(article(url="https://www.state.gov/x")) == ("USA", IssuerSource.URL)


def test_we_and_the_secretary_stand_for_the_issuer_in_events() -> None:
    text = "On Tuesday, the Secretary spoke with President Ruto of Kenya. We also sent aid to Haiti on Monday."
    dates = [date_at(text, "Tuesday", "2024-05-07"), date_at(text, "Monday", "2024-05-06")]
    first, second = extract_event_mentions(text, dates, None, dt.date(2024, 5, 10), "USA")
    assert first.countries == ("KEN", "USA") and second.countries == ("HTI", "USA")
    first, second = extract_event_mentions(text, dates, None, dt.date(2024, 5, 10), "")
    assert first.countries == ("KEN",) and "USA" not in second.countries


def test_we_in_an_organisations_statement_is_the_organisation() -> None:
    text = "We imposed sanctions on Belarus on Monday. Member States agreed on Tuesday."
    dates = [date_at(text, "Monday", "2024-05-06"), date_at(text, "Tuesday", "2024-05-07")]
    first, second = extract_event_mentions(text, dates, None, dt.date(2024, 5, 10), "EU")
    assert first.countries == ("BLR",) and first.organizations == ("EU",)
    assert len(second.countries) == 27


def test_process_article_finds_the_issuer_and_uses_it() -> None:
    done = process_article(article("Readout\n\nWe met Indian officials on Monday.", "https://www.state.gov/readout"))
    assert (done.article.issuer, done.article.issuer_source) == ("USA", IssuerSource.URL)
    assert done.mentions[0].countries == ("IND", "USA")
