"""The language of each article: stored (schema 3), in the frames and exports, a filter, editable, detected."""

from __future__ import annotations

import csv
import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from timeline_app.core.ingest import iter_articles, read_path
from timeline_app.core.ingest.language import check_language, detect_language
from timeline_app.core.library import columns as col
from timeline_app.core.library import export
from timeline_app.core.library.filters import FilterSpec, filter_events
from timeline_app.core.library.saved_filter import dump_spec, load_spec
from timeline_app.core.library.schema import SCHEMA_V1, SCHEMA_V2
from timeline_app.core.library.store import Library
from timeline_app.core.pipeline import import_inputs, reextract, set_language
from timeline_app.errors import LanguageError

FRENCH = "Les ministres se sont réunis mercredi à Moscou. La Turquie avait rompu avec la Syrie en 2012.\n"
ENGLISH = "The ministers of Turkey and Syria met on Wednesday in Moscow after talks broke down in 2012.\n"
ARABIC = "اجتمع وزيرا خارجية تركيا وسوريا أمس الثلاثاء في موسكو، بعد قطيعة منذ عام 2012.\n"


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "2023-05-11_fr.txt").write_text("Turquie et Syrie\n\n" + FRENCH, encoding="utf-8")
    (folder / "2023-05-11_en.txt").write_text("Turkey and Syria\n\n" + ENGLISH, encoding="utf-8")
    (folder / "2023-05-10_ar.txt").write_text("تركيا وسوريا\n\n" + ARABIC, encoding="utf-8")
    return folder


def test_the_language_of_a_text_is_told() -> None:
    assert detect_language(FRENCH) == "fr"
    assert detect_language(ENGLISH) == "en"
    assert detect_language(ARABIC) == "ar"
    assert detect_language("2012 - 2013 ...") == ""


def test_a_language_code_is_checked() -> None:
    assert check_language(" FR ") == "fr"
    with pytest.raises(LanguageError, match="ISO 639-1"):
        check_language("french")


def test_a_mixed_folder_imports_in_one_go_each_article_with_its_language(tmp_path: Path) -> None:
    library_path = tmp_path / "lib.sqlite3"
    report = import_inputs([_folder(tmp_path)], library_path, workers=1)
    assert report.added == 3 and not report.skipped
    with Library(library_path) as library:
        articles = library.articles_frame()
        mentions = library.curated_mentions()
        events = library.events_frame()
    assert sorted(articles[col.LANGUAGE]) == ["ar", "en", "fr"]
    by_language = {lang: sorted(mentions[mentions[col.LANGUAGE] == lang][col.DATE_VALUE]) for lang in ("ar", "en", "fr")}
    assert by_language == {"ar": ["2012", "2023-05-09"], "en": ["2012", "2023-05-10"], "fr": ["2012", "2023-05-10"]}
    # The timeline's frame and its filters treat the languages alike.
    french = filter_events(events, FilterSpec(languages=frozenset({"fr"})))
    assert set(french[col.EVENT_DATE]) <= {"2012", "2023-05-10"} and len(french)
    assert all("fr" in col.split_list(v) for v in french[col.LANGUAGE])
    assert filter_events(events, FilterSpec(languages=frozenset({"de"}))).empty


def test_the_language_override_wins_over_detection(tmp_path: Path) -> None:
    library_path = tmp_path / "lib.sqlite3"
    import_inputs([_folder(tmp_path) / "2023-05-11_fr.txt"], library_path, workers=1, language="en")
    with Library(library_path) as library:
        assert list(library.articles_frame()[col.LANGUAGE]) == ["en"]
        # Read with the English rules, "mercredi" is no date.
        assert "mercredi" not in set(library.curated_mentions()[col.DATE_TEXT])


def test_editing_the_language_reads_the_dates_again(tmp_path: Path) -> None:
    library_path = tmp_path / "lib.sqlite3"
    import_inputs([_folder(tmp_path) / "2023-05-11_fr.txt"], library_path, workers=1, language="en")
    with Library(library_path) as library:
        article_id = int(library.articles_frame()[col.ARTICLE_ID].iloc[0])
    set_language(library_path, article_id, "fr")
    with Library(library_path) as library:
        assert library.article(article_id).language == "fr"
        assert "mercredi" in set(library.curated_mentions()[col.DATE_TEXT])
    with pytest.raises(LanguageError):
        set_language(library_path, article_id, "français")


def test_the_export_columns_hold_the_language(tmp_path: Path) -> None:
    library_path = tmp_path / "lib.sqlite3"
    import_inputs([_folder(tmp_path)], library_path, workers=1)
    with Library(library_path) as library:
        export.write_events_csv(library.events_frame(), tmp_path / "events.csv")
        export.write_mentions_csv(library.curated_mentions(), tmp_path / "mentions.csv")
    with open(tmp_path / "mentions.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert {r[col.LANGUAGE] for r in rows} == {"ar", "en", "fr"}
    with open(tmp_path / "events.csv", encoding="utf-8") as f:
        assert all(r[col.LANGUAGE] for r in csv.DictReader(f))


def test_the_language_filter_is_saved_and_read_back() -> None:
    spec = FilterSpec(languages=frozenset({"ar", "fr"}))
    assert load_spec(dump_spec(spec)) == spec
    assert "language ar, fr" in spec.describe()


def test_a_library_of_version_2_gets_the_language_column_and_reextraction_tells_it(tmp_path: Path) -> None:
    path = tmp_path / "v2.sqlite3"
    db = sqlite3.connect(path)
    db.executescript(SCHEMA_V1 + SCHEMA_V2)
    db.execute("PRAGMA user_version = 2")
    db.execute("INSERT INTO articles (hash, title, text, published, added_at) VALUES (?, ?, ?, ?, 'x')",
               ("h", "Turquie", FRENCH, "2023-05-11"))
    db.commit()
    db.close()
    with Library(path) as library:
        assert library.backup_path is not None and library.backup_path.exists()
        assert list(library.articles_frame()[col.LANGUAGE]) == [""]
    reextract(path)
    with Library(path) as library:
        assert list(library.articles_frame()[col.LANGUAGE]) == ["fr"]
        assert {"mercredi", "2012"} <= set(library.curated_mentions()[col.DATE_TEXT])


def test_reading_an_article_gives_its_language(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Turquie et Syrie\n\n" + FRENCH, encoding="utf-8")
    [article] = read_path(path, dt.date(2023, 5, 11)).articles
    assert article.language == "fr"
    [forced] = list(iter_articles([path], dt.date(2023, 5, 11), language="es"))
    assert forced.language == "es"
