"""Word articles: paragraphs of .docx files, title and date from the core properties or the text, old .doc refused."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest

from timeline_app.core.ingest import Limits, read_bytes
from timeline_app.core.models import Article, DateSource
from timeline_app.errors import InputError
from tests.docx_bytes import docx_bytes, paragraph, table

NOTE = "The envoys of Iran and Oman met in Muscat on 4 May 2022 and agreed to meet again."


def _article(data: bytes, name: str = "notes.docx") -> Article:
    [item] = list(read_bytes(data, name))
    assert isinstance(item, Article), item
    return item


def _reason(data: bytes, name: str = "notes.docx", limits: Limits = Limits()) -> str:
    with pytest.raises(InputError) as caught:
        list(read_bytes(data, name, limits=limits))
    return str(caught.value)


def test_paragraphs_tabs_breaks_and_table_cells_are_read_in_order() -> None:
    data = docx_bytes([paragraph("Clippings"), paragraph(f"{NOTE}\nSecond line\tof it."),
                       table([["When", "What"], ["5 May", "Muscat round"]]), paragraph("")])
    article = _article(data)
    assert article.text == f"Clippings\n\n{NOTE}\nSecond line of it.\n\nWhen\n\nWhat\n\n5 May\n\nMuscat round"
    assert article.fmt == "docx"


def test_deleted_text_field_codes_and_the_fallback_copy_of_a_text_box_are_not_read() -> None:
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    mc = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    document = (
        f"<w:document {w} {mc}><w:body><w:p><w:r><w:t>Kept </w:t></w:r>"
        "<w:del><w:r><w:delText>withdrawn </w:delText></w:r></w:del>"
        "<w:r><w:instrText>PAGE \\* MERGEFORMAT</w:instrText></w:r><w:r><w:t>text.</w:t></w:r>"
        "<mc:AlternateContent><mc:Choice><w:p><w:r><w:t>In a box.</w:t></w:r></w:p></mc:Choice>"
        "<mc:Fallback><w:p><w:r><w:t>In a box.</w:t></w:r></w:p></mc:Fallback></mc:AlternateContent>"
        "</w:p></w:body></w:document>"
    )
    assert _article(docx_bytes([], document_xml=document)).text == "Kept text.\n\nIn a box."


def test_the_title_is_the_core_title_else_the_first_heading_else_the_first_line() -> None:
    body = [paragraph("Notes for the file"), paragraph("Talks in Muscat", "berschrift1"), paragraph(NOTE)]
    assert _article(docx_bytes(body, title="Iran-Oman talks")).title == "Iran-Oman talks"
    assert _article(docx_bytes(body, title="Document1")).title == "Talks in Muscat"
    assert _article(docx_bytes([paragraph("Notes for the file"), paragraph(NOTE)])).title == "Notes for the file"


def test_the_texts_date_line_wins_over_the_creation_time_which_is_the_fallback() -> None:
    dated = docx_bytes([paragraph("Note"), paragraph("Date: 2 May 2022"), paragraph(NOTE)],
                       created="2023-01-09T08:00:00Z")
    article = _article(dated)
    assert (article.published, article.published_source) == (dt.date(2022, 5, 2), DateSource.TEXT)
    undated = _article(docx_bytes([paragraph("Note"), paragraph(NOTE)], created="2022-05-06T08:00:00Z"))
    assert (undated.published, undated.published_source) == (dt.date(2022, 5, 6), DateSource.METADATA)
    assert _article(docx_bytes([paragraph("Note"), paragraph(NOTE)])).published is None


def test_a_docx_with_no_text_a_damaged_one_and_a_zip_that_is_no_word_document_are_named() -> None:
    assert _reason(docx_bytes([paragraph(""), paragraph("  ")])) == "empty Word document: it has no text"
    assert _reason(docx_bytes([paragraph(NOTE)])[:300]).startswith("damaged Word document")
    assert _reason(docx_bytes([], document_xml="<w:document><w:body>")).startswith(
        "damaged Word document: word/document.xml is not well-formed XML")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("notes.txt", NOTE)
    assert _reason(buffer.getvalue()).startswith("not a Word document: it has no word/document.xml")


def test_entities_declared_in_a_part_are_refused_not_expanded() -> None:
    bomb = ('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>'
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>'
            "<w:t>&b;</w:t></w:r></w:p></w:body></w:document>")
    assert _reason(docx_bytes([], document_xml=bomb)).startswith("damaged Word document: word/document.xml")


def test_a_document_part_larger_than_a_file_may_be_is_refused() -> None:
    data = docx_bytes([paragraph(NOTE)] * 50)
    assert "larger than 2,000 bytes" in _reason(data, limits=Limits(max_file_bytes=2000))


def test_a_docx_name_on_something_else_and_an_old_doc_get_a_message_to_act_on() -> None:
    assert _reason(b"Just a note.", "notes.docx").startswith("not a Word document (the file has a .docx name but no ")
    old = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600)
    assert _reason(old, "letter.doc") == ("old binary Word document (.doc): open it in Word or LibreOffice and save "
                                          "it as .docx (or PDF) to read it")


def test_a_doc_file_that_is_really_html_or_text_is_read_by_its_content() -> None:
    html = b"<html><head><title>Talks</title></head><body><h1>Talks</h1><p>" + NOTE.encode() + b"</p></body></html>"
    assert _article(html, "saved_from_word.doc").fmt == "html"
    assert _article(NOTE.encode(), "plain.doc").fmt == "text"
