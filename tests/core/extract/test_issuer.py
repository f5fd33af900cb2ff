"""Tests of the issuer of an official statement: found from URL, source or header, and standing for "we"."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from tests.core.extract.test_events import date_at
from tests.core.extract.test_gazetteer import _examples
from timeline_app.core.batch.articles import process_article
from timeline_app.core.extract.events import extract_event_mentions
from timeline_app.core.extract.gazetteer import Gazetteer
from timeline_app.core.extract.issuer import IssuerTable, find_issuer, header_lines
from timeline_app.core.library.store import Library
from timeline_app.core.models import Article, IssuerSource, Precision
from timeline_app.core.pipeline import import_inputs
from timeline_app.errors import RulesError
from timeline_app.paths import resource


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


def _language_examples(name: str) -> list[tuple[str, str, str, str]]:
    """The EXAMPLE lines of resources/gazetteer/<lang>/<name>: (language, where, line, expected)."""
    out = []
    for path in sorted(resource("gazetteer").glob(f"*/{name}")):
        for no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.startswith("# EXAMPLE:"):
                text, _, expected = line.removeprefix("# EXAMPLE:").rpartition("=>")
                out.append((path.parent.name, f"{path.parent.name}/{name}:{no}", text.strip(), expected.strip()))
    return out


@pytest.mark.parametrize("lang, where, text, expected", _language_examples("issuers.tsv"))
def test_example_lines_of_the_languages_headings(table: IssuerTable, lang: str, where: str, text: str,
                                                  expected: str) -> None:
    got, _source = table.find(article(text.replace("\\n", "\n"), language=lang))
    assert (got or "-") == expected, where


@pytest.mark.parametrize("lang, where, line, expected", _language_examples("issuer_refs.tsv"))
def test_example_lines_of_the_languages_issuer_words(lang: str, where: str, line: str, expected: str) -> None:
    issuer, _, sentence = line.partition(":")
    found = Gazetteer.for_language(lang).tag(sentence.strip(), None, "" if issuer == "-" else issuer)
    got = ", ".join(f"{m.text}:{m.code}:{m.role.value}" for m in found) or "-"
    assert got == expected, where


def test_every_language_has_headings_and_issuer_words_with_examples() -> None:
    for name in ("issuers.tsv", "issuer_refs.tsv"):
        assert {lang for lang, *_rest in _language_examples(name)} == {"ar", "de", "es", "fr", "pt", "ru"}


def test_a_heading_is_read_only_in_its_own_language(table: IssuerTable) -> None:
    text = "Nota à imprensa nº 12\nVisita do Presidente"
    assert table.find(article(text, language="pt"))[0] == "BRA"
    assert table.find(article(text, language="en"))[0] == ""


def test_a_heading_rule_of_another_kind_is_refused(tmp_path) -> None:
    shutil.copytree(resource("gazetteer"), tmp_path / "g")
    (tmp_path / "g" / "fr" / "issuers.tsv").write_text("name\tMinistère\tFRA\n", encoding="utf-8")
    with pytest.raises(RulesError, match="fr/issuers.tsv:1: kind must be 'heading' or 'joint'"):
        IssuerTable(tmp_path / "g", Gazetteer.default())


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


def test_a_joint_statement_has_all_its_co_issuers_and_the_header_wins_over_the_url(table: IssuerTable) -> None:
    text = "Joint Statement by the Foreign Ministers of Australia, Japan and the United States\n\nWe met today."
    assert table.find(article(text, "https://www.mofa.go.jp/x")) == ("AUS;JPN;USA", IssuerSource.TEXT)
    text = "Trilateral meeting\nThe leaders of Kenya, Tanzania and Uganda issued the following statement today. We met."
    assert table.find(article(text)) == ("KEN;TZA;UGA", IssuerSource.TEXT)


def test_a_statement_by_one_state_quoting_a_joint_declaration_keeps_one_issuer(table: IssuerTable) -> None:
    text = ("Statement on the Joint Declaration of Buenos Aires\n\nThe Government of Chile welcomes the Joint Declaration"
            " of Argentina, Paraguay and Uruguay.")
    assert table.find(article(text, "https://www.minrel.gob.cl/x")) == ("CHL", IssuerSource.URL)
    # A list in a news story's first sentence is no issuer: it does not say a statement follows.
    assert table.find(article("Summit\nThe leaders of France, Germany and Italy met in Rome today.")) == (
        "", IssuerSource.NONE)


def test_we_of_a_joint_statement_stands_for_every_co_issuer() -> None:
    text = "Our navies carried out a joint patrol in January."
    dates = [date_at(text, "January", "2025-01")]
    (patrol,) = extract_event_mentions(text, dates, None, dt.date(2025, 3, 12), "GHA;CIV;TGO")
    assert patrol.countries == ("CIV", "GHA", "TGO")
    (patrol,) = extract_event_mentions(text, dates, None, dt.date(2025, 3, 12), "GHA")
    assert patrol.countries == ("GHA",)
    # "the Minister" of a joint statement is one of the three: which, it does not say.
    assert [m.code for m in Gazetteer.default().tag("The Minister called Benin.", None, "GHA;CIV;TGO")] == ["BEN"]


def test_we_inside_a_quotation_is_the_quoted_speaker_not_the_issuer() -> None:
    text = 'Argentina\'s Foreign Minister said: "We will open our border crossings on 1 January."'
    dates = [date_at(text, "1 January", "2025-01-01")]
    (opening,) = extract_event_mentions(text, dates, None, dt.date(2024, 12, 5), "CHL")
    assert opening.countries == ("ARG",)
    text = "We will open our border crossings on 1 January."
    (opening,) = extract_event_mentions(text, [date_at(text, "1 January", "2025-01-01")], None, dt.date(2024, 12, 5), "CHL")
    assert opening.countries == ("CHL",)


def test_process_article_keeps_a_joint_issuer_as_a_list() -> None:
    text = "Joint Statement of the Prime Ministers of Spain, Ireland and Norway\n\nOur three countries met on Monday."
    done = process_article(article(text, "https://www.lamoncloa.gob.es/x"))
    assert done.article.issuer == "ESP;IRL;NOR"
    assert done.mentions[0].countries == ("ESP", "IRL", "NOR")


def test_a_joint_statement_of_a_pair_written_with_a_dash_dates_its_issue_for_both() -> None:
    text = "Ghana - Togo Joint Statement on border patrols\n\n4 March 2024\n\nOur two Governments met in Lome."
    done = process_article(article(text, "https://mfa.gov.gh/x"))
    assert done.article.issuer == "GHA;TGO"
    assert done.mentions[0].date.text == "4 March 2024" and done.mentions[0].countries == ("GHA", "TGO")
    # A pair named with a dash in the title of a one-state statement is what it speaks of, not its co-issuer.
    text = "Statement on the Ghana-Togo border patrols\n\n4 March 2024\n\nWe welcome the patrols."
    done = process_article(article(text, "https://mfa.gov.gh/x"))
    assert done.article.issuer == "GHA" and done.mentions[0].countries == ("GHA",)


def test_an_import_stores_the_issuer_it_found(tmp_path) -> None:
    path = tmp_path / "joint.txt"
    path.write_text("Joint Statement of the Prime Ministers of Spain, Ireland and Norway\n\nWe met on Monday.\n",
                    encoding="utf-8")
    report = import_inputs([path], tmp_path / "library.sqlite", published=dt.date(2024, 5, 22), workers=1)
    with Library(tmp_path / "library.sqlite") as library:
        stored = library.article(report.added_ids[0])
    assert (stored.issuer, stored.issuer_source) == ("ESP;IRL;NOR", IssuerSource.TEXT)


def test_a_statements_header_date_dates_its_issue_and_a_news_dateline_does_not() -> None:
    text = "Joint Press Statement\n\nBusan, 26 November 2023\n\nWe met."
    dates = [date_at(text, "26 November 2023", "2023-11-26")]
    (issue,) = extract_event_mentions(text, dates, None, dt.date(2023, 11, 26), "JPN;CHN;KOR")
    assert issue.countries == ("CHN", "JPN", "KOR")
    assert extract_event_mentions(text, dates, None, dt.date(2023, 11, 26), "") == []  # news: the report's date
    text = "Press release\n\nPublished: 26 November 2023\n\nWe met."
    dates = [date_at(text, "26 November 2023", "2023-11-26")]
    assert extract_event_mentions(text, dates, None, dt.date(2023, 11, 26), "KOR") == []  # a label of its date


def test_a_statement_in_french_speaks_for_its_issuer_and_a_news_report_does_not() -> None:
    statement = ("Communiqué du ministère des Affaires étrangères\nDakar, le 3 mai 2024\n\n"
                 "Le ministère a reçu hier l'ambassadeur du Mali. Nous avons protesté le 2 mai.")
    news = "Le Mali proteste\n\nDAKAR (AFP) - Le ministère a reçu hier l'ambassadeur du Mali. Nous avons protesté le 2 mai."
    got = process_article(Article(text=statement, title="", published=dt.date(2024, 5, 3), language="fr"))
    assert got.article.issuer == "SEN"
    assert [m.countries for m in got.mentions if m.date.text in ("hier", "le 2 mai")] == [("MLI", "SEN"), ("SEN",)]
    got = process_article(Article(text=news, title="", published=dt.date(2024, 5, 3), language="fr"))
    assert got.article.issuer == ""
    assert all("SEN" not in m.countries for m in got.mentions)


def test_a_place_header_dates_the_issue_of_all_the_issuers_of_a_joint_statement() -> None:
    joint = ("Declaración conjunta de los presidentes de la República de Chile y de la República del Perú\n\n"
             "Lima, 3 de mayo de 2024\n\nLos presidentes se reunieron hoy.")
    got = process_article(Article(text=joint, title="", published=dt.date(2024, 5, 3), language="es"))
    assert got.article.issuer == "CHL;PER"
    assert got.mentions[0].date.text == "3 de mayo de 2024" and got.mentions[0].countries == ("CHL", "PER")
    # No joint opening, no issuer: the header's place alone, as before.
    news = "Chile y Perú firman un acuerdo\n\nLima, 3 de mayo de 2024\n\nLos presidentes se reunieron hoy."
    got = process_article(Article(text=news, title="", published=dt.date(2024, 5, 3), language="es"))
    assert got.article.issuer == "" and got.mentions[0].countries == ("PER",)


def test_a_russian_statement_header_dates_its_issue_and_a_news_dateline_does_not() -> None:
    statement = ("Заявление МИД России в связи с решением Эстонии\n\n24 января 2023 года\n\n"
                 "Сегодня мы вручили ноту временному поверенному в делах Эстонии.")
    got = process_article(Article(text=statement, title="", published=dt.date(2023, 1, 24), language="ru"))
    assert got.article.issuer == "RUS"
    assert [(m.date.text, m.countries) for m in got.mentions] == [
        ("24 января 2023 года", ("RUS",)), ("Сегодня", ("EST", "RUS"))]
    news = "Эстония понизила уровень отношений\n\n24 января 2023 года\n\nСегодня МИД Эстонии вручил ноту."
    got = process_article(Article(text=news, title="", published=dt.date(2023, 1, 24), language="ru"))
    assert got.article.issuer == "" and [m.date.text for m in got.mentions] == ["Сегодня"]


@pytest.mark.parametrize("url, expected", [
    ("https://www.herald.co.zw/news/summit", "ZWE"),
    ("https://nation.mw/national/x", "MWI"),
    ("https://www.bbc.co.uk/news/world", "GBR"),
    ("https://www.reuters.com/world/", ""),
    ("https://news.example.tv/a", ""),  # .tv, .io, .fm: domains that sites anywhere use
    ("https://radio.fm/b", ""),
    ("", ""),
])
def test_the_site_state_is_the_state_of_a_country_code_domain(table: IssuerTable, url: str, expected: str) -> None:
    assert table.site_state(url) == expected


def test_a_generic_flag_is_the_only_third_column_of_tlds(tmp_path) -> None:
    shutil.copytree(resource("gazetteer"), tmp_path / "gazetteer")
    path = tmp_path / "gazetteer" / "tlds.tsv"
    path.write_text(path.read_text(encoding="utf-8") + "zz\tZWE\tgeneral\n", encoding="utf-8")
    with pytest.raises(RulesError, match="tlds.tsv:[0-9]+: the third column may only be 'generic'"):
        IssuerTable(tmp_path / "gazetteer", Gazetteer.default())


def test_a_regional_papers_offices_without_a_state_are_its_sites_state() -> None:
    text = ("President assumes chair\n\nThe President took over the chairmanship from Angola's President on Saturday.\n\n"
            "Cabinet will meet tomorrow to consider the resolutions.")

    def countries(url: str) -> list[tuple[str, ...]]:
        got = process_article(Article(text=text, title="", published=dt.date(2024, 8, 19), url=url))
        return [m.countries for m in got.mentions]

    assert countries("https://www.example-herald.co.zw/news/chair") == [("AGO", "ZWE"), ("ZWE",)]
    # A site of no state's domain, or a generic one: the offices name no state.
    assert countries("https://www.example-wire.com/news/chair") == [("AGO",), ("AGO",)]
    assert countries("https://www.example-news.tv/news/chair") == [("AGO",), ("AGO",)]
    # A dateline says where the story was filed: that state's, not the site's.
    text = text.replace("The President took", "LUANDA (Wire) - The President took")
    assert countries("https://www.example-herald.co.zw/news/chair") == [("AGO",), ("AGO",)]


def test_a_title_before_an_unknown_name_in_a_statement_is_its_issuers_office() -> None:
    def countries(sentence: str) -> tuple[str, ...]:
        text = "Statement\n\n" + sentence
        [m] = extract_event_mentions(text, [date_at(text, "Tuesday", "2024-09-24")], None, dt.date(2024, 9, 27), "FSM")
        return m.countries

    assert countries("President Wesley W. Simina addressed the General Assembly on Tuesday.") == ("FSM",)
    # A known person's title is his state's, not the issuer's.
    assert countries("President Vladimir Putin addressed the General Assembly on Tuesday.") == ("RUS",)
    assert countries("Foreign Minister Sergey Lavrov addressed the General Assembly on Tuesday.") == ("RUS",)


@pytest.mark.parametrize("sentence, surface, value, issuer, expected", [
    ("The three Heads of State met at Arusha yesterday.", "yesterday", "2025-01-23", "KEN;TZA;UGA", {"KEN", "TZA", "UGA"}),
    ("The next summit will be held in Kampala in July.", "July", "2025-07", "KEN;TZA;UGA", {"KEN", "TZA", "UGA"}),
    # One issuer, or a number that is not theirs: not the issuers' own.
    ("The next summit will be held in Kampala in July.", "July", "2025-07", "KEN", set()),
    ("The two Heads of State met at Arusha yesterday.", "yesterday", "2025-01-23", "KEN;TZA;UGA", {"TZA"}),
])
def test_a_joint_statement_speaks_of_its_issuers_own_summit_and_leaders(
        sentence: str, surface: str, value: str, issuer: str, expected: set[str]) -> None:
    text = "Joint Communiqué\n\n" + sentence
    precision = Precision.MONTH if len(value) == 7 else Precision.DAY
    [m] = extract_event_mentions(text, [date_at(text, surface, value, precision)], None, dt.date(2025, 1, 24), issuer)
    assert set(m.countries) == expected
