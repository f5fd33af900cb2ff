"""iter_articles over files and folders: every bad input becomes one SkippedInput, never an exception."""

from __future__ import annotations

import datetime as dt
import inspect
import time
import zipfile
from pathlib import Path

import pytest

import timeline_app.core.ingest as ingest
import timeline_app.core.ingest.text as text_reader
from timeline_app.core.ingest import InputResult, Limits, iter_articles, read_inputs, read_path
from timeline_app.core.ingest.detect import detect
from timeline_app.core.ingest.kinds import Kind
from timeline_app.core.models import Article, SkippedInput
from timeline_app.errors import InputError

STORY = "Envoys meet in Vienna\nPublished: 4 May 2021\n\nThe envoys of Iran and the EU met on Tuesday.\n"


def single_skip(path: Path, **kwargs: object) -> str:
    result = read_path(path, **kwargs)
    assert not result.articles
    assert len(result.skipped) == 1
    assert result.skipped[0].path == str(path)
    return result.skipped[0].reason


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\r\n\t \n", "empty file"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(50), "binary file (PNG image)"),
        ("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF" + bytes(50), "binary file (JPEG image)"),
        ("paper.pdf", b"<html><body>Please log in</body></html>",
         "not a PDF (the file has a .pdf name but no PDF header): it may be damaged or renamed"),
        ("letter.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(50),
         "old binary Word document (.doc): open it in Word or LibreOffice and save it as .docx (or PDF) to read it"),
        ("sheet.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(50), "binary file (Microsoft Office document)"),
        ("anim.gif", b"GIF89a" + bytes(20), "binary file (GIF image)"),
        ("program", b"\x7fELF\x02\x01\x01" + bytes(50), "binary file (ELF executable)"),
        ("data.bin", b"abc\x00\x01\x02def" * 20, "binary file"),
        ("controls.txt", bytes(range(1, 32)) * 20, "binary file"),
        ("page_files/script.js", b"function f() { return 1; }", "not an article: JavaScript file (.js)"),
        ("page_files/style.css", b"body { margin: 0 }", "not an article: style sheet (.css)"),
        ("news.gz", b"\x1f\x8b\x08\x00" + bytes(20), "binary file (gzip archive)"),
    ],
)
def test_bad_files_are_skipped_with_a_one_line_reason(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    path = tmp_path / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(data)
    assert single_skip(path) == reason


def test_file_over_the_size_limit_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with open(path, "wb") as f:  # sparse: 60 MB on paper, nothing on disk
        f.truncate(60 * 1024 * 1024)
    assert single_skip(path) == "larger than 50 MB"
    small = tmp_path / "small.txt"
    small.write_text(STORY * 10, encoding="utf-8")
    assert single_skip(small, limits=Limits(max_file_bytes=100)) == "larger than 100 bytes"


def test_undecodable_file(tmp_path: Path) -> None:
    path = tmp_path / "garbled.txt"
    path.write_bytes(bytes(range(0x80, 0x100)) * 3)
    assert single_skip(path).startswith("undecodable text")


def test_missing_path_and_unsupported_url_scheme(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.txt"
    assert single_skip(missing) == "no such file or folder"
    result = read_inputs(["ftp://example.org/news.txt", "file:///etc/passwd"])
    assert [s.reason for s in result.skipped] == [
        "only http and https URLs can be opened, not ftp: URLs",
        "only http and https URLs can be opened, not file: URLs",
    ]


def test_folder_is_walked_recursively_in_sorted_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "deep").mkdir(parents=True)
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "2.txt").write_text(STORY.replace("Vienna", "Two"), encoding="utf-8")
    (tmp_path / "a" / "deep" / "1.txt").write_text(STORY.replace("Vienna", "One"), encoding="utf-8")
    (tmp_path / "a" / "0.txt").write_text(STORY.replace("Vienna", "Zero"), encoding="utf-8")
    (tmp_path / ".git" / "config.txt").write_text("hidden", encoding="utf-8")
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (tmp_path / "b" / "empty.txt").write_bytes(b"")
    items = list(iter_articles([tmp_path]))
    assert [(type(i).__name__, Path(i.source_path if isinstance(i, Article) else i.path).name) for i in items] == [
        ("Article", "0.txt"),
        ("Article", "1.txt"),
        ("Article", "2.txt"),
        ("SkippedInput", "empty.txt"),
    ]


def test_a_folder_s_own_readme_licence_and_changelog_are_not_read_as_articles(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "vienna.txt").write_text(STORY, encoding="utf-8")
    for name in ("README.md", "LICENSE", "CHANGELOG.md", "CONTRIBUTING.md", "AUTHORS", "NOTICE", "COPYING"):
        (tmp_path / "in" / name).write_text(f"{name}: notes about the folder, written on Monday.\n", encoding="utf-8")
    archive = tmp_path / "in" / "more.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("news/README.txt", "What this archive holds.")
        zf.writestr("news/geneva.txt", STORY.replace("Vienna", "Geneva"))
    result = read_inputs([tmp_path / "in"])
    assert sorted(a.source_path.removeprefix(str(tmp_path)) for a in result.articles) == [
        "/in/more.zip!news/geneva.txt", "/in/vienna.txt"]
    assert result.skipped == []
    # Opened by name, such a file is read like any other.
    (readme,) = read_inputs([tmp_path / "in" / "README.md"]).articles
    assert readme.text.startswith("README.md: notes")


def test_empty_folder_is_reported(tmp_path: Path) -> None:
    assert single_skip(tmp_path) == "empty folder: no files to read"


def test_same_file_twice_is_read_once(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    result = read_inputs([path, str(path), tmp_path])
    assert len(result.articles) == 1


def test_iter_articles_is_lazy(tmp_path: Path) -> None:
    for i in range(3):
        (tmp_path / f"{i}.txt").write_text(STORY, encoding="utf-8")
    iterator = iter_articles([tmp_path])
    assert inspect.isgenerator(iterator)
    first = next(iterator)
    assert isinstance(first, Article)
    (tmp_path / "2.txt").unlink()  # gone before it was reached: reported, not raised
    rest = list(iterator)
    assert isinstance(rest[0], Article)
    assert isinstance(rest[1], SkippedInput) and rest[1].reason == "no such file or folder"


def test_mixed_folder_with_user_date(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "b.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(10))
    result = read_inputs([tmp_path], dt.date(2020, 5, 5))
    assert isinstance(result, InputResult)
    assert [a.published for a in result.articles] == [dt.date(2020, 5, 5)]
    assert result.summary() == "1 article read, 1 input skipped"


def test_unreadable_file_is_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    path = tmp_path / "secret.txt"
    path.write_text(STORY, encoding="utf-8")
    monkeypatch.setattr(ingest, "open", refuse, raising=False)
    assert single_skip(path) == "cannot be read: Permission denied"


@pytest.mark.parametrize(
    ("name", "head", "kind"),
    [
        ("a.txt", b"Plain text", Kind.TEXT),
        ("a", b"Plain text", Kind.TEXT),
        ("a.md", b"# Heading", Kind.TEXT),
        ("a.txt", b"\xef\xbb\xbf<!DOCTYPE html><html>", Kind.HTML),
        ("a", b"  <html lang='en'><body>", Kind.HTML),
        ("a.xhtml", b"<?xml version='1.0'?><html xmlns='http://www.w3.org/1999/xhtml'>", Kind.HTML),
        ("a.xml", b"<?xml version='1.0'?><rss version='2.0'>", Kind.FEED),
        ("a", b"<feed xmlns='http://www.w3.org/2005/Atom'>", Kind.FEED),
        ("a.rdf", b"<?xml version='1.0'?><rdf:RDF xmlns:rdf='x'>", Kind.FEED),
        ("a.json", b"[{}]", Kind.JSON),
        ("a.jsonl", b'{"a": 1}\n{"a": 2}', Kind.JSONL),
        ("a.log", b'{"a": 1}\n{"a": 2}', Kind.JSONL),
        ("a.csv", b"title,text", Kind.CSV),
        ("a.tsv", b"title\ttext", Kind.TSV),
        ("a.zip", b"PK\x03\x04rest", Kind.ZIP),
        ("a.txt", "Zürich".encode("utf-16"), Kind.TEXT),
    ],
)
def test_detection_by_content_and_extension(name: str, head: bytes, kind: Kind) -> None:
    assert detect(name, head) is kind


def test_detection_refuses_fake_zip() -> None:
    with pytest.raises(InputError, match="no zip header"):
        detect("a.zip", b"just text")


def test_folder_of_every_kind_reads_what_it_can(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(
        "<html><head><meta property='article:published_time' content='2021-06-15'><title>Page</title></head>"
        "<body><article><h1>Page</h1><p>The envoys of Norway and Finland met on Tuesday to discuss fishing rights "
        "in the Barents Sea, officials said after the meeting.</p></article></body></html>",
        encoding="utf-8",
    )
    (tmp_path / "feed.rss").write_text(
        "<rss><channel><title>F</title><item><title>Item</title><pubDate>Thu, 05 Jan 2023 10:00:00 GMT</pubDate>"
        "<description>Text.</description></item></channel></rss>",
        encoding="utf-8",
    )
    (tmp_path / "dump.jsonl").write_text('{"title": "J", "text": "T", "date": "2020-02-02"}\n{broken\n', "utf-8")
    (tmp_path / "latin.txt").write_bytes("Talks in Zürich\nPublished: 4 May 2021\n\nBody.\n".encode("latin-1"))
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blob.dat").write_bytes(bytes(range(256)))
    result = read_path(tmp_path)
    dates = {Path(a.source_path).name: a.published for a in result.articles}
    assert dates == {
        "dump.jsonl:1": dt.date(2020, 2, 2),
        "feed.rss#1": dt.date(2023, 1, 5),
        "latin.txt": dt.date(2021, 5, 4),
        "page.html": dt.date(2021, 6, 15),
    }
    assert {Path(s.path).name: s.reason for s in result.skipped} == {
        "blob.dat": "binary file",
        "dump.jsonl:2": "line 2: invalid JSON: Expecting property name enclosed in double quotes (column 2)",
        "empty.txt": "empty file",
    }


def test_a_reader_bug_skips_that_input_and_the_import_goes_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> Article:
        raise ValueError("bad state\nsecond line")

    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "b.csv").write_text("title,text\nT,Body\n", encoding="utf-8")
    monkeypatch.setattr(text_reader, "read_text", broken)
    result = read_path(tmp_path)
    assert [a.text for a in result.articles] == ["T\n\nBody"]
    assert result.skipped[0].reason == "could not be read because of an unexpected error (ValueError: bad state second line)"


def test_an_article_longer_than_the_text_limit_is_skipped_and_the_rest_is_read(tmp_path: Path) -> None:
    # A CSV with one 10 MB field took 82 s and 878 MB (290,000 mentions from one cell); a 10 MB line
    # was never done (#18, item 4 and the long field).
    limits = Limits(max_text_chars=2_000)
    (tmp_path / "a_long.txt").write_text("Long\n\n" + "The envoys met. " * 200, encoding="utf-8")
    (tmp_path / "b_dump.csv").write_text("title,text\nHuge," + "word " * 500 + "\nSmall,Envoys met.\n", encoding="utf-8")
    (tmp_path / "c_story.txt").write_text(STORY, encoding="utf-8")
    result = read_path(tmp_path, limits=limits)
    assert [a.title for a in result.articles] == ["Small", "Envoys meet in Vienna"]
    assert [(Path(s.path).name, s.reason) for s in result.skipped] == [
        ("a_long.txt", "its text has 3,206 characters, more than the 2,000 an article may have: split it into smaller files"),
        ("b_dump.csv:2", "line 2: its text has 2,500 characters, more than the 2,000 an article may have: split it into "
                         "smaller files"),
    ]


def test_a_ten_megabyte_line_is_refused_in_seconds(tmp_path: Path) -> None:
    path = tmp_path / "line.txt"
    path.write_text("Officials met in Geneva on Tuesday to discuss the plan. " * 190_000, encoding="utf-8")
    start = time.monotonic()
    reason = single_skip(path)
    assert time.monotonic() - start < 10
    assert reason.startswith("its text has 10,640,000 characters, more than the 1,000,000 an article may have")
