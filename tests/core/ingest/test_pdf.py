"""PDF articles: text in reading order without running heads, title and date, and what a PDF without text gets."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pypdf
import pytest

from timeline_app.core.batch.articles import process_article
from timeline_app.core.ingest import Limits, read_bytes, read_path
from timeline_app.core.models import Article, DateSource
from timeline_app.errors import InputError
from tests.fresh import loaded_after
from tests.pdf_bytes import pdf_bytes

HEADER = "MINISTRY OF FOREIGN AFFAIRS OF THE REPUBLIC"
PAGE_1 = [
    HEADER,
    "Joint Statement on the Border Talks",
    "The foreign ministers of France and Germany met in Paris on 3 March 2021 to discuss the diplo-",
    "matic situation in the region, and they agreed that their envoys would meet again before the",
    "end of the month.",
    "Page 1 of 2",
]
PAGE_2 = [
    HEADER,
    "On 12 March 2021 the envoys of France and Germany met in Berlin and signed the protocol that",
    "the ministers had agreed on.",
    "Page 2 of 2",
]


def _article(data: bytes, name: str = "statement.pdf", **kwargs: object) -> Article:
    [item] = list(read_bytes(data, name, **kwargs))  # type: ignore[arg-type]
    assert isinstance(item, Article), item
    return item


def _reason(data: bytes, name: str = "statement.pdf") -> str:
    with pytest.raises(InputError) as caught:
        list(read_bytes(data, name))
    return str(caught.value)


def test_two_pages_read_without_their_running_head_and_foot_and_with_the_broken_word_joined() -> None:
    article = _article(pdf_bytes([PAGE_1, PAGE_2]))
    assert HEADER not in article.text and "Page 1" not in article.text
    assert "the diplomatic situation" in article.text and "diplo-" not in article.text
    assert article.text.split("\n\n") == [
        "Joint Statement on the Border Talks",
        "The foreign ministers of France and Germany met in Paris on 3 March 2021 to discuss the diplomatic "
        "situation in the region, and they agreed that their envoys would meet again before the end of the month.",
        "On 12 March 2021 the envoys of France and Germany met in Berlin and signed the protocol that the "
        "ministers had agreed on.",
    ]
    assert article.fmt == "pdf" and article.title == "Joint Statement on the Border Talks"


def test_the_events_evidence_offsets_point_into_the_extracted_text() -> None:
    article = _article(pdf_bytes([PAGE_1, PAGE_2]), published=dt.date(2021, 3, 15))
    mentions = process_article(article).mentions
    assert mentions
    for mention in mentions:
        assert article.text[mention.evidence_start:mention.evidence_end] == mention.evidence
    assert any("Berlin" in m.evidence and {"FRA", "DEU"} <= set(m.countries) for m in mentions)


def test_the_metadata_title_is_the_title_unless_a_program_wrote_it() -> None:
    page = PAGE_1[1:5]
    assert _article(pdf_bytes([page], {"Title": "Border talks: joint statement"})).title == \
        "Border talks: joint statement"
    for placeholder in ("Microsoft Word - js_0303_final.docx", "Untitled", "statement.pdf"):
        assert _article(pdf_bytes([page], {"Title": placeholder})).title == "Joint Statement on the Border Talks"


def test_the_texts_date_line_wins_over_the_creation_date() -> None:
    page = ["Statement by the Spokesperson", "Published on 3 March 2021", *PAGE_1[2:5]]
    article = _article(pdf_bytes([page], {"CreationDate": "D:20230911093000Z"}))
    assert (article.published, article.published_source) == (dt.date(2021, 3, 3), DateSource.TEXT)


def test_the_creation_date_is_the_date_when_neither_text_nor_name_has_one() -> None:
    data = pdf_bytes([PAGE_1], {"CreationDate": "D:20210305093000+01'00'"})
    article = _article(data)
    assert (article.published, article.published_source) == (dt.date(2021, 3, 5), DateSource.METADATA)
    named = _article(data, "2021-03-04_statement.pdf")
    assert (named.published, named.published_source) == (dt.date(2021, 3, 4), DateSource.FILENAME)
    assert _article(pdf_bytes([PAGE_1])).published is None


def test_a_malformed_creation_date_costs_only_the_date() -> None:
    article = _article(pdf_bytes([PAGE_1], {"CreationDate": "D:2021-junk", "Title": "Border talks"}))
    assert article.published is None and "diplomatic" in article.text


def test_a_pdf_without_a_text_layer_is_named_a_scan() -> None:
    assert _reason(pdf_bytes([[], []])) == (
        "this PDF has no text: it is a scan; run OCR first (for example ocrmypdf) and read its result")


def test_a_pdf_with_text_on_some_pages_only_is_read() -> None:
    assert "protocol" in _article(pdf_bytes([[], PAGE_2])).text


def test_an_encrypted_pdf_is_refused_with_what_to_do_and_one_without_an_open_password_is_read() -> None:
    def encrypted(user_password: str) -> bytes:
        writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(pdf_bytes([PAGE_1]))))
        writer.encrypt(user_password=user_password, owner_password="owner", algorithm="AES-128")
        out = io.BytesIO()
        writer.write(out)
        return out.getvalue()

    assert _reason(encrypted("secret")).startswith("encrypted PDF: it opens only with its password; ")
    assert "diplomatic" in _article(encrypted("")).text


@pytest.mark.parametrize("cut", [40, 200])
def test_a_broken_pdf_is_named_damaged(cut: int) -> None:
    reason = _reason(pdf_bytes([PAGE_1])[:cut] + b"\x00garbage")
    assert reason.startswith("damaged PDF"), reason


def test_a_pdf_whose_text_passes_the_article_limit_is_refused_and_says_where() -> None:
    data = pdf_bytes([PAGE_1, PAGE_2, PAGE_1])
    with pytest.raises(InputError, match=r"^its text has more than the 300 characters an article may have \(reached on page 2 of 3\)"):
        list(read_bytes(data, "long.pdf", limits=Limits(max_text_chars=300)))


def test_a_pdf_larger_than_a_file_may_be_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    path = tmp_path / "huge.pdf"
    path.write_bytes(pdf_bytes([PAGE_1]) + b"%" * 5000)
    assert read_path(path, limits=Limits(max_file_bytes=4000)).skipped[0].reason == "larger than 4,000 bytes"


def test_bytes_before_the_header_are_allowed_and_a_pdf_named_otherwise_is_still_a_pdf() -> None:
    assert _article(b"\r\n" * 10 + pdf_bytes([PAGE_1]), "statement.pdf").fmt == "pdf"
    assert _article(pdf_bytes([PAGE_1]), "statement.bin").fmt == "pdf"


def test_a_text_that_mentions_the_pdf_header_near_its_start_is_text() -> None:
    text = b"Notes on file formats\n\nEvery PDF starts with %PDF-1.7, said the archivist on 3 March 2021.\n"
    assert _article(text, "notes.txt").fmt == "text"


def test_a_pdf_in_a_zip_and_in_a_folder_is_read(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("statements/border.pdf", pdf_bytes([PAGE_1, PAGE_2]))
    (tmp_path / "statements.zip").write_bytes(buffer.getvalue())
    (tmp_path / "berlin.pdf").write_bytes(pdf_bytes([PAGE_2]))
    result = read_path(tmp_path)
    assert sorted(a.source_path for a in result.articles) == [
        str(tmp_path / "berlin.pdf"), f"{tmp_path / 'statements.zip'}!statements/border.pdf"]
    assert result.skipped == []


def test_the_window_and_a_text_article_load_no_pdf_library() -> None:
    # pypdf takes 130 ms to import: a start of the window, or an import without PDFs, must not pay it.
    code = ("import timeline_app.gui.app\nfrom timeline_app.core.ingest import read_bytes\n"
            "list(read_bytes(b'The ministers met in Ankara on 3 March 2021.', 'talks.txt'))")
    assert loaded_after(code, ("pypdf",)) == ("", [])
    assert loaded_after(f"from timeline_app.core.ingest import read_bytes\nlist(read_bytes({pdf_bytes([PAGE_1])!r}, "
                        "'a.pdf'))", ("pypdf",)) == ("", ["pypdf"])


def test_a_pdf_of_more_pages_than_an_article_may_have_is_refused_before_its_text_is_read() -> None:
    with pytest.raises(InputError, match=r"^a PDF of 3 pages, more than the 2 an article may have: split it"):
        list(read_bytes(pdf_bytes([PAGE_1, PAGE_2, PAGE_2]), "book.pdf", limits=Limits(max_pdf_pages=2)))
    assert len(list(read_bytes(pdf_bytes([PAGE_1, PAGE_2]), "two.pdf", limits=Limits(max_pdf_pages=2)))) == 1
