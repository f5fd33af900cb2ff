"""Tests of the issuer as article metadata: stored, migrated, edited, exported."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

from timeline_app.core import pipeline
from timeline_app.core.batch.articles import process_article
from timeline_app.core.library import columns as col
from timeline_app.core.library.export import read_csv, write_events_csv, write_jsonl, write_mentions_csv
from timeline_app.core.library.schema import SCHEMA_V1, SCHEMA_V2, SCHEMA_V3
from timeline_app.core.library.store import Library
from timeline_app.core.models import Article, IssuerSource

TEXT = "Readout\n\nWe met Indian officials on Monday to discuss trade."


def _statement(url: str = "https://www.state.gov/readout") -> Article:
    return Article(text=TEXT, title="Readout", published=dt.date(2024, 5, 10), url=url)


def _store(path) -> int:
    done = process_article(_statement())
    with Library(path) as library:
        return library.add_article(done.article, done.mentions)


def test_the_issuer_is_stored_with_the_article_and_in_its_mentions(tmp_path) -> None:
    article_id = _store(tmp_path / "lib.sqlite3")
    with Library(tmp_path / "lib.sqlite3") as library:
        article = library.article(article_id)
        assert (article.issuer, article.issuer_source) == ("USA", IssuerSource.URL)
        row = library.articles_frame().iloc[0]
        assert (row[col.ISSUER], row[col.ISSUER_SOURCE]) == ("USA", "url")
        mentions = library.mentions_frame()
        assert list(mentions[col.ISSUER]) == ["USA"]
        assert list(library.events_frame()[col.ISSUER]) == ["USA"]
        assert mentions.iloc[0][col.COUNTRIES] == "IND;USA"


def test_set_issuer_extracts_the_events_again(tmp_path) -> None:
    path = tmp_path / "lib.sqlite3"
    article_id = _store(path)
    pipeline.set_issuer(path, article_id, "")
    with Library(path) as library:
        assert (library.article(article_id).issuer, library.article(article_id).issuer_source) == ("", IssuerSource.USER)
        assert library.mentions_frame().iloc[0][col.COUNTRIES] == "IND"  # "we" names nobody now
    pipeline.set_issuer(path, article_id, "GBR")
    with Library(path) as library:
        assert library.mentions_frame().iloc[0][col.COUNTRIES] == "GBR;IND"
    pipeline.reextract(path)  # a user-given issuer survives re-extraction
    with Library(path) as library:
        assert library.article(article_id).issuer == "GBR"


def _exported_issuers(path, out) -> tuple[list[str], list[str], list[str]]:
    """The issuer cells of the events CSV, the mentions CSV and the first event's JSON line."""
    with Library(path) as library:
        events, mentions = library.events_frame(), library.curated_mentions()
    write_events_csv(events, out / "e.csv")
    write_mentions_csv(mentions, out / "m.csv")
    write_jsonl(events, out / "e.jsonl")
    first = json.loads((out / "e.jsonl").read_text(encoding="utf-8").splitlines()[0])
    return list(read_csv(out / "e.csv")[col.ISSUER]), list(read_csv(out / "m.csv")[col.ISSUER]), first[col.ISSUER]


def test_the_issuer_is_a_column_of_the_csv_and_json_exports(tmp_path) -> None:
    path = tmp_path / "lib.sqlite3"
    _store(path)
    assert _exported_issuers(path, tmp_path) == (["USA"], ["USA"], ["USA"])


def test_a_library_of_version_3_is_migrated_and_its_articles_have_no_issuer(tmp_path) -> None:
    path = tmp_path / "v3.sqlite3"
    db = sqlite3.connect(path)
    db.executescript(SCHEMA_V1 + SCHEMA_V2 + SCHEMA_V3)
    db.execute("PRAGMA user_version = 3")
    db.execute("INSERT INTO articles (hash, title, url, text, added_at) VALUES ('h', 'Old', ?, ?, 'x')",
               ("https://www.state.gov/readout", TEXT))
    db.commit()
    db.close()
    with Library(path) as library:
        assert library.backup_path is not None and library.backup_path.exists()
        assert library.article(1).issuer == "" and library.article(1).issuer_source is IssuerSource.NONE
    pipeline.reextract(path)  # extraction finds it
    with Library(path) as library:
        assert library.article(1).issuer == "USA"


def test_a_joint_issuer_is_stored_and_exported_as_a_list(tmp_path) -> None:
    path = tmp_path / "lib.sqlite3"
    text = "Joint Statement of the Foreign Ministers of Ghana, Togo and Benin\n\nOur navies met on Monday."
    done = process_article(Article(text=text, title="Joint", published=dt.date(2025, 3, 12)))
    with Library(path) as library:
        article_id = library.add_article(done.article, done.mentions)
        assert library.article(article_id).issuer == "GHA;TGO;BEN"
        assert list(library.curated_mentions()[col.COUNTRIES]) == ["BEN;GHA;TGO"]
    events, mentions, first = _exported_issuers(path, tmp_path)
    assert events == mentions == ["GHA;TGO;BEN"] and sorted(first) == ["BEN", "GHA", "TGO"]
