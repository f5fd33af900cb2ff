"""Files that go wrong during an import: loops, vanishing files, empty and huge ones, bombs; each skipped with a
reason, nothing already read lost."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from timeline_app.core import pipeline
from timeline_app.core.ingest import Limits, iter_articles, read_bytes, read_path
from timeline_app.core.library.store import Library
from timeline_app.core.models import Article, SkippedInput
from timeline_app.errors import InputError
from tests.docx_bytes import docx_bytes, paragraph

TALKS = "The foreign ministers of Turkey and Syria met in Ankara on 3 March 2021 and agreed to reopen the crossing.\n"


def _reasons(result) -> dict[str, str]:
    return {Path(s.path).name: s.reason for s in result.skipped}


def test_a_symbolic_link_loop_in_a_folder_is_named_and_the_rest_read(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TALKS, encoding="utf-8")
    (tmp_path / "one").symlink_to(tmp_path / "two")
    (tmp_path / "two").symlink_to(tmp_path / "one")
    (tmp_path / "gone").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "up").symlink_to(tmp_path, target_is_directory=True)
    result = read_path(tmp_path)
    assert [Path(a.source_path).name for a in result.articles] == ["a.txt"]
    assert _reasons(result) == {
        "one": "a symbolic link that loops back to itself: nothing to read",
        "two": "a symbolic link that loops back to itself: nothing to read",
        "gone": "a symbolic link to a file that does not exist",
    }


def test_a_file_that_disappears_while_a_folder_is_read_is_skipped_and_the_others_kept(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(TALKS.replace("3 March", f"{len(name) + ord(name[0]) % 20} March"),
                                     encoding="utf-8")
    items = []
    for item in iter_articles([tmp_path]):
        items.append(item)
        if len(items) == 1:
            (tmp_path / "b.txt").unlink()
    assert [type(i).__name__ for i in items] == ["Article", "SkippedInput", "Article"]
    assert items[1] == SkippedInput(str(tmp_path / "b.txt"), "no such file or folder")


def test_a_file_deleted_after_the_folder_was_listed_costs_only_itself_in_an_import(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for day in (3, 4, 5):
        (folder / f"talks_{day}.txt").write_text(TALKS.replace("3 March", f"{day} March"), encoding="utf-8")

    def progress(done: int, total: int, path: str) -> None:
        if done == 0:  # the folder has been listed; nothing is read yet
            (folder / "talks_4.txt").unlink(missing_ok=True)

    report = pipeline.import_inputs([folder], tmp_path / "lib.sqlite3", progress=progress, workers=1)
    assert report.added == 2
    assert [(Path(s.path).name, s.reason) for s in report.skipped] == [("talks_4.txt", "no such file or folder")]
    with Library(tmp_path / "lib.sqlite3") as library:
        assert len(library.articles_frame()) == 2


@pytest.mark.parametrize("name", ["empty.txt", "empty.pdf", "empty.docx", "empty.html"])
def test_a_zero_byte_file_of_any_kind_is_an_empty_file(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_bytes(b"")
    assert _reasons(read_path(tmp_path / name)) == {name: "empty file"}


def test_a_sixty_megabyte_text_file_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:  # sparse: no 60 MB written to disk
        f.truncate(60 * 1024 * 1024)
    assert _reasons(read_path(path)) == {"huge.txt": "larger than 50 MB"}


def test_a_word_document_that_is_a_zip_bomb_is_refused_before_it_is_expanded() -> None:
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document = f"<w:document {w}><w:body>{paragraph(' ' * 20_000_000)}</w:body></w:document>"
    data = docx_bytes([], document_xml=document)
    assert len(data) < 100_000
    with pytest.raises(InputError, match=r"Word document whose word/document.xml is refused: compression ratio .* zip bomb"):
        list(read_bytes(data, "bomb.docx"))


def test_a_zip_bomb_among_good_files_costs_only_itself(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("bomb.txt", b"0" * 30_000_000)
        archive.writestr("talks.txt", TALKS)
    (tmp_path / "mixed.zip").write_bytes(buffer.getvalue())
    (tmp_path / "also.docx").write_bytes(docx_bytes([paragraph(TALKS)]))
    result = read_path(tmp_path, limits=Limits())
    assert sorted(Path(a.source_path).name for a in result.articles) == ["also.docx", "mixed.zip!talks.txt"]
    assert all(isinstance(a, Article) for a in result.articles)
    [skipped] = result.skipped
    assert skipped.path.endswith("mixed.zip!bomb.txt") and "zip bomb" in skipped.reason
