"""Plain-text and Markdown articles: decoding, title, byline and publication date."""

from __future__ import annotations

import codecs
import datetime as dt
from pathlib import Path

import pytest

from timeline_app.core.ingest import read_path
from timeline_app.core.ingest.encoding import decode_bytes
from timeline_app.core.ingest.article_top import date_from_text, find_byline
from timeline_app.core.ingest.pubdate import date_from_name, date_from_value
from timeline_app.core.models import Article, DateSource
from timeline_app.errors import InputError

ARTICLE = (
    "Ministers meet in Zürich\n"
    "Published: 3 March 2020\n"
    "By Jane Doe\n"
    "\n"
    "The foreign ministers of Austria and Switzerland met in Zürich on Tuesday.\n"
)


def read_one(path: Path, published: dt.date | None = None) -> Article:
    result = read_path(path, published)
    assert not result.skipped, result.skipped
    assert len(result.articles) == 1
    return result.articles[0]


def test_plain_text_keeps_whole_text_title_byline_and_header_date(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(ARTICLE.replace("\n", "\r\n").encode("utf-8"))
    article = read_one(path)
    assert article.text == ARTICLE  # line ends normalised, nothing dropped: offsets stay valid
    assert article.title == "Ministers meet in Zürich"
    assert article.byline == "Jane Doe"
    assert article.published == dt.date(2020, 3, 3)
    assert article.published_source is DateSource.TEXT
    assert article.fmt == "text"
    assert article.source_path == str(path)


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE)],
)
def test_unicode_encodings_with_and_without_marks(tmp_path: Path, encoding: str, prefix: bytes) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(prefix + ARTICLE.encode(encoding))
    article = read_one(path)
    assert article.text == ARTICLE
    assert not article.text.startswith("\ufeff")


def test_utf16_without_mark_is_read(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(ARTICLE.encode("utf-16-le"))
    assert read_one(path).text == ARTICLE


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_ascii_utf16_without_mark_is_read(tmp_path: Path, encoding: str) -> None:
    # Plain ASCII in UTF-16 is valid UTF-8 too (every other byte NUL): it was refused as "full of
    # control characters" (#18, item 12).
    text = ARTICLE.replace("Zürich", "Zurich")
    path = tmp_path / "story.txt"
    path.write_bytes(text.encode(encoding))
    assert read_one(path).text == text


@pytest.mark.parametrize("label", ["utf-7", "UTF7", "unicode-1-1-utf-7", "base64", "rot13", "hex"])
def test_a_declared_utf7_or_a_codec_that_is_no_text_encoding_is_ignored(label: str) -> None:
    # "+AGEAYgBj-" is "abc" in UTF-7: honouring a page's utf-7 hides its text (#18, item 14);
    # base64 or rot13 raised LookupError out of the reader.
    data = b"Talks in Geneva +AGEAYgBj- ended on Tuesday.\n"
    assert decode_bytes(data, declared=label) == data.decode("ascii")


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
def test_legacy_western_encoding_keeps_zurich(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(ARTICLE.replace("Published", "Publiée le").encode(encoding, errors="strict"))
    article = read_one(path)
    assert "Zürich" in article.text
    assert article.title == "Ministers meet in Zürich"


def test_cp1252_quotes_and_dashes_survive() -> None:
    text = "The minister said \u201cwe agree\u201d \u2013 after talks in Genève.\n"
    assert decode_bytes(text.encode("cp1252")) == text


def test_cyrillic_legacy_encoding_is_detected() -> None:
    text = "Министры иностранных дел России и Турции встретились в Москве в среду.\n" * 3
    assert decode_bytes(text.encode("cp1251")) == text


def test_undecodable_bytes_are_refused() -> None:
    with pytest.raises(InputError, match="undecodable"):
        decode_bytes(bytes(range(0x80, 0x100)) * 3)


def test_markdown_heading_becomes_title(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text("\n\n## Summit in *Vienna* ends ##\n\nDate: 2021-10-05\n\nText of the note.\n", encoding="utf-8")
    article = read_one(path)
    assert article.title == "Summit in *Vienna* ends"
    assert article.published == dt.date(2021, 10, 5)
    assert article.fmt == "markdown"
    assert article.text.startswith("\n\n## Summit")


def test_markdown_front_matter_gives_title_date_and_author(tmp_path: Path) -> None:
    path = tmp_path / "post.md"
    path.write_text(
        "---\ntitle: \"Envoys return\"\ndate: 2019-07-14\nauthor: Sam Lee\n---\n# Heading\n\nBody.\n", encoding="utf-8"
    )
    article = read_one(path)
    assert (article.title, article.published, article.byline) == ("Envoys return", dt.date(2019, 7, 14), "Sam Lee")
    assert article.published_source is DateSource.METADATA


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Published: 3 March 2020", dt.date(2020, 3, 3)),
        ("Date: 2022-12-28", dt.date(2022, 12, 28)),
        ("December 28, 2022", dt.date(2022, 12, 28)),
        ("2022-12-28", dt.date(2022, 12, 28)),
        ("Dec. 28, 2022", dt.date(2022, 12, 28)),
        ("Wednesday, December 28, 2022 10:15 AM EST", dt.date(2022, 12, 28)),
        ("By Jane Doe | 28 December 2022", dt.date(2022, 12, 28)),
        ("Posted on 28.12.2022", dt.date(2022, 12, 28)),
        ("Publié le 28 décembre 2022", dt.date(2022, 12, 28)),
        ("Published on Tuesday, 3 March 2020 at 10:00 GMT | Updated 4 March 2020", dt.date(2020, 3, 3)),
        ("28. Dezember 2022", dt.date(2022, 12, 28)),
        ("28 декабря 2022 г.", dt.date(2022, 12, 28)),
        ("发布时间：2022年12月28日 10:15", dt.date(2022, 12, 28)),
    ],
)
def test_date_line_near_the_top(line: str, expected: dt.date) -> None:
    assert date_from_text(f"Headline of the story\n{line}\n\nFirst paragraph.") == expected


@pytest.mark.parametrize(
    "text",
    [
        "Headline\n\nOn 12 March 2020, ministers met in Geneva.\n",
        "Headline\nCeasefire agreed on 3 March 2023\n",
        "Ceasefire agreed on 3 March 2023\n\nBody text without any date.",  # the title is not a date line
        "Headline\n\nTalks began in 2011 and ended in March.\n",
        "Headline\nThe memo was dated 3 March 2020 by the ministry.\n",
        "Headline\nReleased on 5 May 2021, the prisoners flew home.\n",
    ],
)
def test_event_dates_in_sentences_are_not_publication_dates(text: str) -> None:
    assert date_from_text(text) is None


def test_date_line_after_the_body_started_is_ignored() -> None:
    body = " ".join(["word"] * 40)
    assert date_from_text(f"Headline\n{body}\n{body}\nDecember 28, 2022\n") is None


def test_published_line_wins_over_updated_line() -> None:
    assert date_from_text("Headline\nUpdated: 2023-01-02\nPosted on 2022-12-30\n") == dt.date(2022, 12, 30)
    assert date_from_text("Headline\nLast updated 2 January 2023\n") == dt.date(2023, 1, 2)


def test_wire_dateline_opening_the_first_paragraph() -> None:
    text = "Headline\nMOSCOW, Dec. 28, 2022 (Reuters) - The defence ministers of three states met " + "word " * 30
    assert date_from_text(text) == dt.date(2022, 12, 28)


HEBREW_BODY = "שרי החוץ של שלוש המדינות נפגשו היום כדי לדון בהסכם החדש " * 4


@pytest.mark.parametrize(
    ("dateline", "expected"),
    [
        ("ירושלים, 12 במרץ 2023 (רויטרס) – ", dt.date(2023, 3, 12)),  # Hebrew month with its prefix ב
        ("תל אביב, 3 בדצמבר 2022 - ", dt.date(2022, 12, 3)),  # a place of two words
        ("ירושלים, 12.03.2023 – ", dt.date(2023, 3, 12)),
        ("القاهرة، 12 مارس 2023 (رويترز) - ", dt.date(2023, 3, 12)),  # the Arabic comma
        ("ביום ראשון, 12 במרץ 2023, ", None),  # "On Sunday, 12 March 2023, ...": a sentence, no agency dash
        ("ירושלים, אתמול, 12 במרץ 2023 – ", None),  # the date does not follow the place
    ],
)
def test_a_hebrew_or_arabic_dateline_dates_the_article(dateline: str, expected: dt.date | None) -> None:
    assert date_from_text("כותרת\n" + dateline + HEBREW_BODY) == expected


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("القاهرة، 12 مارس 2023 (رويترز) - اتفق الوزيران يوم الأحد على لجنة مشتركة.", dt.date(2023, 3, 12)),
        ("MOSCOW, Dec. 28, 2022 (Reuters) - Russia and Belarus signed a pact.", dt.date(2022, 12, 28)),
        # No agency's dash after the date: a short sentence, not a dateline.
        ("ביום ראשון, 12 במרץ 2023, נפגשו שרי החוץ של מצרים וסודן בקהיר.", None),
        ("In Cairo, 12 March 2023 was a day of talks between Egypt and Sudan.", None),
    ],
)
def test_a_short_first_paragraph_opened_by_a_dateline_dates_the_article(paragraph: str, expected: dt.date | None) -> None:
    # Under 25 words the paragraph was read only as a date line, whose other words must be few.
    assert date_from_text("Title\n\n" + paragraph + "\n\nA second paragraph.") == expected


def test_a_hebrew_file_with_a_dateline_is_dated_by_it(tmp_path: Path) -> None:
    path = tmp_path / "hebrew.txt"
    path.write_text("שיחות בירושלים\n\nירושלים, 5 בינואר 2024 (רויטרס) – " + HEBREW_BODY, encoding="utf-8")
    article = read_one(path)
    assert article.published == dt.date(2024, 1, 5)
    assert article.published_source == DateSource.TEXT


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("2022-12-28_moscow.txt", dt.date(2022, 12, 28)),
        ("20221228-x.txt", dt.date(2022, 12, 28)),
        ("antiwar_2022_12_28_talks.html", dt.date(2022, 12, 28)),
        ("archive.zip!news/2021/06/15/story.html", dt.date(2021, 6, 15)),
        ("report-20221399.txt", None),
        ("12345678901234.txt", None),
        ("notes.txt", None),
    ],
)
def test_date_from_file_name(name: str, expected: dt.date | None) -> None:
    assert date_from_name(name) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("20221228T120000Z", dt.date(2022, 12, 28)),  # GDELT seendate
        ("2022-12-28T23:30:00-05:00", dt.date(2022, 12, 28)),  # the date as written, not UTC
        ("Wed, 28 Dec 2022 23:30:00 -0500", dt.date(2022, 12, 28)),
        (1672185600, dt.date(2022, 12, 28)),
        ("1672185600000", dt.date(2022, 12, 28)),
        ("Dec. 28, 2022", dt.date(2022, 12, 28)),
        ("yesterday", None),
        ("", None),
        (None, None),
    ],
)
def test_date_from_metadata_value(value: object, expected: dt.date | None) -> None:
    assert date_from_value(value) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("By Jane Doe", "Jane Doe"),
        ("By Jane Doe | Dec. 28, 2022", "Jane Doe"),
        ("Author: Ali Kaya", "Ali Kaya"),
        ("By the end of the year, ministers will meet again", ""),
    ],
)
def test_byline(line: str, expected: str) -> None:
    assert find_byline(f"Headline\n{line}\n\nBody.") == expected


def test_file_name_date_when_text_has_none(tmp_path: Path) -> None:
    path = tmp_path / "2022-12-28_moscow.txt"
    path.write_text("Talks in Moscow\n\nThe ministers met on Wednesday.\n", encoding="utf-8")
    article = read_one(path)
    assert (article.published, article.published_source) == (dt.date(2022, 12, 28), DateSource.FILENAME)


def test_text_date_wins_over_file_name(tmp_path: Path) -> None:
    path = tmp_path / "2022-12-28_moscow.txt"
    path.write_text("Talks in Moscow\nDecember 27, 2022\n\nBody.\n", encoding="utf-8")
    assert read_one(path).published == dt.date(2022, 12, 27)


def test_user_date_overrides_everything(tmp_path: Path) -> None:
    path = tmp_path / "2022-12-28_moscow.txt"
    path.write_text("Talks in Moscow\nPublished: 3 March 2020\n\nBody.\n", encoding="utf-8")
    article = read_one(path, published=dt.date(2001, 9, 9))
    assert (article.published, article.published_source) == (dt.date(2001, 9, 9), DateSource.USER)


def test_no_date_anywhere_gives_none_never_today(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("Talks in Moscow\n\nThe ministers met on Wednesday, officials said today.\n", encoding="utf-8")
    article = read_one(path)
    assert article.published is None
    assert article.published_source is DateSource.NONE


def test_text_without_newlines_gets_a_bounded_title(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("word " * 500, encoding="utf-8")
    article = read_one(path)
    assert len(article.title) <= 201
    assert article.title.endswith("\u2026")
