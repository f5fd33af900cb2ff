"""Zip archives: read in memory, folders inside walked, unsafe members and zip bombs refused."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from timeline_app.core.ingest import Limits, read_path

STORY = "Envoys meet in Vienna\nPublished: 4 May 2021\n\nThe envoys of Iran and the EU met on Tuesday.\n"


def make_zip(entries: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_zip_with_nested_folders_is_read_in_sorted_order_without_extracting(tmp_path: Path) -> None:
    data = make_zip(
        {
            "b/2021-05-04_vienna.txt": STORY.encode(),
            "a/deeper/feed.rss": b"<rss><channel><title>F</title><item><title>Item</title><description>Text</description></item></channel></rss>",
            "a/notes.txt": b"Notes\n\nNothing dated.\n",
            "__MACOSX/a/._notes.txt": b"\x00\x05\x16\x07junk",
            "a/.hidden.txt": b"hidden\n",
            "empty/": b"",
        }
    )
    path = tmp_path / "bundle.zip"
    path.write_bytes(data)
    before = sorted(p.name for p in tmp_path.iterdir())
    result = read_path(path)
    assert not result.skipped
    assert [a.source_path for a in result.articles] == [
        f"{path}!a/deeper/feed.rss#1",
        f"{path}!a/notes.txt",
        f"{path}!b/2021-05-04_vienna.txt",
    ]
    assert result.articles[2].text == STORY
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # nothing extracted


def test_member_paths_that_escape_are_refused(tmp_path: Path) -> None:
    data = make_zip({"../evil.txt": STORY.encode(), "/etc/abs.txt": STORY.encode(), "ok.txt": STORY.encode()})
    path = tmp_path / "evil.zip"
    path.write_bytes(data)
    result = read_path(path)
    assert [a.source_path for a in result.articles] == [f"{path}!ok.txt"]
    reasons = {s.path.split("!", 1)[1]: s.reason for s in result.skipped}
    assert "escapes the archive" in reasons["../evil.txt"]
    assert "absolute path" in reasons["/etc/abs.txt"]
    assert not (tmp_path.parent / "evil.txt").exists()


def test_zip_bomb_by_ratio_is_refused(tmp_path: Path) -> None:
    data = make_zip({"bomb.txt": b"A" * (5 * 1024 * 1024), "ok.txt": STORY.encode()})
    path = tmp_path / "bomb.zip"
    path.write_bytes(data)
    result = read_path(path)
    assert [a.source_path for a in result.articles] == [f"{path}!ok.txt"]
    assert "looks like a zip bomb" in result.skipped[0].reason


def test_zip_expanding_past_the_total_limit_is_refused(tmp_path: Path) -> None:
    data = make_zip({f"part{i}.txt": STORY.encode() * 50 for i in range(5)})
    path = tmp_path / "big.zip"
    path.write_bytes(data)
    result = read_path(path, limits=Limits(max_archive_bytes=len(STORY) * 100))
    assert not result.articles
    assert "would expand to" in result.skipped[0].reason


def test_nested_zip_is_read_and_depth_limited(tmp_path: Path) -> None:
    inner = make_zip({"story.txt": STORY.encode()})
    middle = make_zip({"inner.zip": inner})
    path = tmp_path / "outer.zip"
    path.write_bytes(make_zip({"middle.zip": middle}))
    result = read_path(path)
    assert [a.source_path for a in result.articles] == [f"{path}!middle.zip!inner.zip!story.txt"]
    limited = read_path(path, limits=Limits(max_archive_depth=1))
    assert not limited.articles
    assert "nested more than 1 levels deep" in limited.skipped[0].reason


def test_damaged_zip_and_bad_members(tmp_path: Path) -> None:
    path = tmp_path / "cut.zip"
    path.write_bytes(make_zip({"story.txt": STORY.encode()})[:40])
    assert read_path(path).skipped[0].reason.startswith("damaged zip archive")
    path = tmp_path / "mixed.zip"
    path.write_bytes(make_zip({"empty.txt": b"", "image.txt": b"\x89PNG\r\n\x1a\n" + b"\x00" * 20, "ok.txt": STORY.encode()}))
    result = read_path(path)
    assert len(result.articles) == 1
    assert {s.reason for s in result.skipped} == {"empty file", "binary file (PNG image)"}


def test_oversized_member_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "large.zip"
    path.write_bytes(make_zip({"large.txt": (STORY * 200).encode()}, zipfile.ZIP_STORED))
    result = read_path(path, limits=Limits(max_file_bytes=1000))
    assert result.skipped[0].reason == "larger than 1,000 bytes"


def test_office_documents_are_not_read_as_archives(tmp_path: Path) -> None:
    path = tmp_path / "budget.xlsx"
    path.write_bytes(make_zip({"xl/workbook.xml": b"<workbook/>"}))
    assert read_path(path).skipped[0].reason == (
        "Excel workbook (.xlsx): save it as a Word document (.docx), PDF, plain text or HTML to read it")


def test_symbolic_link_members_are_skipped(tmp_path: Path) -> None:
    # The link's target ("/etc/passwd") was stored as the text of an article (#18, item 17).
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        link = zipfile.ZipInfo("passwd.txt")
        link.create_system = 3  # Unix: the high 16 bits of external_attr are st_mode
        link.external_attr = (0o120777 << 16)
        archive.writestr(link, "/etc/passwd")
        archive.writestr("story.txt", STORY)
    path = tmp_path / "links.zip"
    path.write_bytes(buffer.getvalue())
    result = read_path(path)
    assert [a.source_path for a in result.articles] == [f"{path}!story.txt"]
    assert [(s.path, s.reason) for s in result.skipped] == [(f"{path}!passwd.txt", "symbolic link: skipped")]
