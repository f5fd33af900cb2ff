"""`python main.py extract` on PDF and Word files: mentions written, a scan and an old .doc named on stderr."""

from __future__ import annotations

from pathlib import Path

from tests.docx_bytes import docx_bytes, paragraph
from tests.pdf_bytes import pdf_bytes
from tests.test_cli import rows, run

PAGES = [
    ["MINISTRY OF FOREIGN AFFAIRS", "Press release, 14 June 2023",
     "The foreign ministers of South Korea and Japan met in Seoul on 12 June 2023 and agreed to restore the",
     "export arrangements that had lapsed.", "Page 1 of 2"],
    ["MINISTRY OF FOREIGN AFFAIRS", "They will meet again in Tokyo in September, the ministries said.", "Page 2 of 2"],
]


def test_extract_reads_a_pdf_and_a_docx_and_names_what_it_cannot_read(tmp_path: Path) -> None:
    (tmp_path / "seoul.pdf").write_bytes(pdf_bytes(PAGES))
    (tmp_path / "nile.docx").write_bytes(docx_bytes([
        paragraph("Nile talks"), paragraph("Date: 2 May 2022"),
        paragraph("The ministers of Egypt and Ethiopia met in Cairo on 1 May 2022 to discuss the dam.")]))
    (tmp_path / "scan.pdf").write_bytes(pdf_bytes([[]]))
    (tmp_path / "letter.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    (tmp_path / "broken.pdf").write_bytes(pdf_bytes(PAGES)[:300])
    mentions = tmp_path / "m.csv"
    out = run("extract", str(tmp_path / "seoul.pdf"), str(tmp_path / "nile.docx"), str(tmp_path / "scan.pdf"),
              str(tmp_path / "letter.doc"), str(tmp_path / "broken.pdf"), "--mentions-csv", str(mentions),
              "--workers", "1")
    assert out.returncode == 2, out.stderr  # some inputs skipped
    found = {(Path(r["source_path"]).name, r["date_value"]) for r in rows(mentions)}
    assert ("seoul.pdf", "2023-06-12") in found and ("nile.docx", "2022-05-01") in found
    assert "scan.pdf: this PDF has no text: it is a scan; run OCR first" in out.stderr
    assert "letter.doc: old binary Word document (.doc): open it in Word or LibreOffice and save it as .docx" \
        in out.stderr
    assert "broken.pdf: damaged PDF" in out.stderr
    assert "pypdf" not in out.stderr  # its notes on repairing a file are not the user's business
