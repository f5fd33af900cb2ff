"""PDF and Word articles through the window: dropped, chosen in File > Open files, in a folder or a zip."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from tests.docx_bytes import docx_bytes, paragraph
from tests.gui.conftest import LOAD_TIMEOUT, drop_files, reloaded
from tests.pdf_bytes import pdf_bytes

HEADER = "EMBASSY OF THE REPUBLIC OF KOREA"
STATEMENT = [
    [HEADER, "Statement on the Seoul Talks", "Published on 14 June 2023",
     "The foreign ministers of South Korea and Japan met in Seoul on 12 June 2023 and agreed to restore the",
     "export arrangements that had lapsed.", "1"],
    [HEADER, "They will meet again in Tokyo in September, the two ministries said in a joint note.", "2"],
]
NOTE = [paragraph("Clipping: Nile talks", "berschrift1"), paragraph("Date: 2 May 2022"),
        paragraph("The ministers of Egypt and Ethiopia met in Cairo on 1 May 2022 to discuss the dam.")]


def _pdf(path: Path) -> Path:
    path.write_bytes(pdf_bytes(STATEMENT, {"Title": "Microsoft Word - seoul.docx"}))
    return path


def _titles(window) -> set[str]:
    return set(window.snapshot.articles["title"])


def test_a_pdf_dropped_on_the_window_is_imported_without_its_running_head(window, qtbot, tmp_path) -> None:
    path = _pdf(tmp_path / "seoul statement.pdf")
    with qtbot.waitSignal(window.import_finished, timeout=LOAD_TIMEOUT) as blocker, reloaded(qtbot, window):
        drop_files(window, [path])
    assert (blocker.args[0].added, blocker.args[0].skipped) == (1, [])
    assert "Statement on the Seoul Talks" in _titles(window)
    evidence = list(window.library.mentions_frame()["evidence"])
    assert any("met in Seoul" in text for text in evidence) and not any(HEADER in text for text in evidence)


def test_open_files_offers_pdf_and_word_and_reads_a_docx(window, qtbot, tmp_path, monkeypatch) -> None:
    path = tmp_path / "nile.docx"
    path.write_bytes(docx_bytes(NOTE))
    filters: list[str] = []

    def choose(*args: object, **kwargs: object) -> tuple[list[str], str]:
        filters.append(str(args[3]))
        return [str(path)], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", choose)
    with qtbot.waitSignal(window.import_finished, timeout=LOAD_TIMEOUT) as blocker, reloaded(qtbot, window):
        window.menus.open_files_action.trigger()
    assert "*.pdf" in filters[0].split(";;")[0] and "*.docx" in filters[0].split(";;")[0]
    assert "*.doc " not in filters[0]
    assert (blocker.args[0].added, blocker.args[0].needs_date) == (1, [])
    assert "Clipping: Nile talks" in _titles(window)


def test_a_folder_with_a_pdf_a_docx_a_zip_of_them_and_an_old_doc(window, qtbot, tmp_path, monkeypatch) -> None:
    folder = tmp_path / "statements"
    folder.mkdir()
    _pdf(folder / "seoul.pdf")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("clippings/nile.docx", docx_bytes(NOTE))
    (folder / "clippings.zip").write_bytes(buffer.getvalue())
    (folder / "letter.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    with qtbot.waitSignal(window.import_finished, timeout=LOAD_TIMEOUT) as blocker, reloaded(qtbot, window):
        window.menus.open_folder_action.trigger()
    report = blocker.args[0]
    assert report.added == 2
    [skipped] = report.skipped
    assert skipped.path.endswith("letter.doc") and "save it as .docx" in skipped.reason
    assert "save it as .docx" in window.messages.last_message.detailedText()
    assert {"Statement on the Seoul Talks", "Clipping: Nile talks"} <= _titles(window)
    window.messages.last_message.accept()
