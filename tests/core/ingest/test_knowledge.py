"""The readers' knowledge under resources/ingest/: loaded, validated, and reported as path:line."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from timeline_app import paths
from timeline_app.core.ingest.detect import detect
from timeline_app.core.ingest.kinds import Kind
from timeline_app.core.ingest.knowledge import DUMP_FIELDS, knowledge, load_knowledge
from timeline_app.errors import InputError, RulesError


def test_shipped_files_load_with_every_list_the_readers_use() -> None:
    known = load_knowledge()
    assert set(known.dump_fields) == set(DUMP_FIELDS)
    assert known.dump_fields["title"][:2] == ("title", "headline")
    assert "publishedat" in known.dump_fields["date"] and "seendate" in known.dump_fields["date"]
    assert known.feed_fields["date"][0] == "published"
    assert known.readers[""] == Kind.TEXT.value and known.readers[".ndjson"] == Kind.JSONL.value
    assert known.not_articles[".css"] == "style sheet"
    assert known.zip_documents[".odt"] == "OpenDocument text" and ".docx" not in known.zip_documents
    assert known.readers[".pdf"] == Kind.PDF.value and known.readers[".docx"] == Kind.DOCX.value
    assert known.legacy_documents[".doc"] == "old binary Word document"
    assert known.folder_document("README.md") == known.folder_document("ReadMe") == "the folder's read-me"
    assert known.folder_document("LICENSE-MIT") == known.folder_document("LICENCE.txt") == "a licence"
    assert known.folder_document("Code-of-Conduct.md") == "a code of conduct"
    assert known.folder_document("CHANGELOG.md") and known.folder_document("AUTHORS")
    for article in ("2022-12-28_moscow.txt", "readme_for_editors.txt", "notices.txt", "licensing_talks.html"):
        assert known.folder_document(article) is None, article
    assert known == knowledge()


@pytest.mark.parametrize(
    ("head", "label"),
    [
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 20, "PNG image"),
        (b"{\\rtf1\\ansi hello}", "RTF document"),
        (b"RIFF\x10\x00\x00\x00AVI LIST", "AVI video"),
        (b"RIFF\x10\x00\x00\x00WEBPVP8 ", "WebP image"),
        (b"\x00\x00\x00\x18ftypmp42", "MP4/QuickTime video"),
    ],
)
def test_signatures_written_with_escapes_match_the_real_bytes(head: bytes, label: str) -> None:
    with pytest.raises(InputError, match=f"binary file \\({label}"):
        detect("renamed.txt", head)


def test_riff_container_of_another_kind_is_not_taken_for_one_of_those() -> None:
    assert detect("notes.txt", b"RIFF is a container format, said the note.\n") is Kind.TEXT


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A writable copy of resources/ingest/."""
    return Path(shutil.copytree(paths.INGEST, tmp_path / "ingest"))


def _append(path: Path, line: str) -> int:
    """Append a line to a resource file; its line number."""
    text = path.read_text(encoding="utf-8")
    path.write_text(text + line + "\n", encoding="utf-8")
    return text.count("\n") + 1


@pytest.mark.parametrize(
    ("relative", "line", "reason"),
    [
        ("dump_fields/title.txt", "Head_Line", "key 'Head_Line' must be written as keys are compared: 'headline'"),
        ("dump_fields/date.txt", "seendate", "'seendate' is listed twice (first at "),
        ("dump_fields/url.txt", "url\tlink", "expected 1 tab-separated columns, found 2"),
        ("feed_fields/date.txt", "pub-date", "key 'pub-date' is not a feedparser key"),
        ("signatures/binary.tsv", "0\t\\xZZ\tbroken format", "bytes '\\\\xZZ' are not ASCII text with \\xNN escapes"),
        ("signatures/binary.tsv", "0\tAB\u20acC\teuro format", "bytes 'AB€C' are not ASCII text"),
        ("signatures/binary.tsv", "-1\tABC\tthing", "offset '-1' is not a whole number from 0 to 4095"),
        ("signatures/binary.tsv", "0\tRIFF\tvideo\t8", "a second signature needs an offset and bytes"),
        ("signatures/binary.tsv", "0\tABC\t", "the third column must say what such a file is"),
        ("extensions/reader.tsv", ".doc\tword", "unknown reader 'word' (one of: csv, docx, feed, html,"),
        ("extensions/reader.tsv", ".htm\thtml", ".htm is listed twice"),
        ("extensions/not_article.tsv", "js\tJavaScript file", "'js' is not an extension"),
        ("extensions/zip_document.tsv", ".key\t", "the second column must say what such a file is"),
        ("names/folder_document.tsv", "Read Me\tx", "'Read Me' is not a file name as they are compared"),
        ("names/folder_document.tsv", "readme\tagain", "readme is listed twice"),
        ("names/placeholder_title.tsv", "Untitled*\tx", "'Untitled*' is not a title pattern as titles are compared"),
        ("extensions/legacy_document.tsv", "doc\tWord", "'doc' is not an extension"),
        ("names/folder_document.tsv", "todo\t", "the second column must say what such a file is"),
    ],
)
def test_a_malformed_line_is_named_by_path_and_line(root: Path, relative: str, line: str, reason: str) -> None:
    path = root / relative
    number = _append(path, line)
    with pytest.raises(RulesError) as caught:
        load_knowledge(root)
    assert str(caught.value).startswith(f"{path}:{number}: {reason}")


def test_a_file_of_comments_only_is_an_error_not_an_empty_list(root: Path) -> None:
    path = root / "dump_fields" / "author.txt"
    path.write_text("# Keys that hold the author.\n\n", encoding="utf-8")
    with pytest.raises(RulesError, match=f"^{re.escape(str(path))}:1: the file lists no keys$"):
        load_knowledge(root)


def test_a_missing_file_is_named(root: Path) -> None:
    path = root / "dump_fields" / "source.txt"
    path.unlink()
    with pytest.raises(RulesError, match=f"^{re.escape(str(path))}: cannot read this resource file"):
        load_knowledge(root)


def test_a_file_that_is_not_utf8_is_named_with_its_line(root: Path) -> None:
    path = root / "extensions" / "not_article.tsv"
    path.write_bytes(path.read_bytes() + b".doc\tWord 97 document \xe9crit\n")
    number = path.read_bytes().count(b"\n")
    with pytest.raises(RulesError, match=f"^{re.escape(str(path))}:{number}: not UTF-8 text \\(byte 0xe9\\)"):
        load_knowledge(root)


def test_an_edited_copy_changes_what_is_read(root: Path) -> None:
    _append(root / "dump_fields" / "title.txt", "kopfzeile")
    _append(root / "extensions" / "reader.tsv", ".nws\ttext")
    known = load_knowledge(root)
    assert known.dump_fields["title"][-1] == "kopfzeile"
    assert known.readers[".nws"] == "text"


def _title_examples() -> list[tuple[bool, str]]:
    path = paths.INGEST / "names" / "placeholder_title.tsv"
    found = [re.match(r"^# EXAMPLE: (yes|no) \| (.+)$", line) for line in path.read_text(encoding="utf-8").splitlines()]
    return [(m.group(1) == "yes", m.group(2)) for m in found if m]


@pytest.mark.parametrize(("placeholder", "title"), _title_examples())
def test_placeholder_title_examples(placeholder: bool, title: str) -> None:
    assert (knowledge().placeholder_title(title) is not None) is placeholder
