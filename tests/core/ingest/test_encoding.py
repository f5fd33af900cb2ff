"""Text in the encodings people's files come in: UTF-16 without a mark in any script, Cyrillic and Arabic code
pages, and pages whose declared charset is wrong."""

from __future__ import annotations

import pytest

from timeline_app.core.ingest import read_bytes
from timeline_app.core.ingest.encoding import decode_bytes, utf16_without_bom
from timeline_app.core.models import Article
from timeline_app.errors import InputError

RU = ("Министр иностранных дел России встретился в Москве 3 марта 2021 года с министром иностранных дел "
      "Турции. Стороны обсудили ситуацию в Сирии и договорились продолжить консультации.")
AR = ("التقى وزير الخارجية المصري بنظيره الأردني في القاهرة يوم 3 مارس 2021 لبحث الأوضاع في المنطقة، "
      "واتفق الجانبان على مواصلة التشاور والتنسيق.")
FR = ("Le ministre des Affaires étrangères s'est rendu à Berlin le 3 mars 2021 pour des entretiens sur la "
      "sécurité européenne et la coopération.")
EN = "The ministers met in Ankara on 3 March 2021 and agreed to reopen the crossing."


def _text(data: bytes, name: str) -> str:
    [item] = list(read_bytes(data, name))
    assert isinstance(item, Article), item
    return item.text


@pytest.mark.parametrize("text", [RU, AR, EN, "Ελληνικά: ο υπουργός συναντήθηκε με τον πρέσβη στις 3 Μαρτίου 2021."],
                         ids=["ru", "ar", "en", "el"])
@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_mark_is_read_in_any_script(text: str, codec: str) -> None:
    assert _text(text.encode(codec), "statement.txt") == text


def test_binary_data_with_nul_bytes_is_not_taken_for_utf16() -> None:
    assert utf16_without_bom(bytes(range(256)) * 8) is None
    assert utf16_without_bom(b"abc\x00\x01\x02def" * 40) is None
    with pytest.raises(InputError, match="binary file"):
        list(read_bytes(bytes(range(256)) * 8, "data.txt"))


@pytest.mark.parametrize(("text", "codec"), [(RU, "cp1251"), (AR, "cp1256"), (FR, "cp1252")], ids=["ru", "ar", "fr"])
def test_a_legacy_code_page_is_read_without_a_declaration(text: str, codec: str) -> None:
    assert _text(text.encode(codec), "statement.txt") == text


def _page(body: str, charset: str, codec: str) -> bytes:
    return (f'<html><head><meta charset="{charset}"><title>Talks</title></head><body><article><h1>Talks</h1>'
            f"<p>{body}</p><p>{body}</p></article></body></html>").encode(codec)


@pytest.mark.parametrize(("text", "charset"), [(FR, "iso-8859-1"), (RU, "windows-1251"), (AR, "windows-1256")],
                         ids=["fr", "ru", "ar"])
def test_a_utf8_page_that_declares_a_single_byte_charset_is_read_as_utf8(text: str, charset: str) -> None:
    assert text in _text(_page(text, charset, "utf-8"), "page.html")


@pytest.mark.parametrize(("text", "charset", "codec"),
                         [(FR, "iso-8859-1", "cp1252"), (RU, "windows-1251", "cp1251"), (RU, "koi8-r", "koi8-r")],
                         ids=["fr", "ru", "ru-koi8"])
def test_a_page_in_the_single_byte_charset_it_declares_is_read_in_it(text: str, charset: str, codec: str) -> None:
    assert text in _text(_page(text, charset, codec), "page.html")


@pytest.mark.parametrize(("text", "charset", "codec"),
                         [(RU, "utf-8", "cp1251"), (AR, "x-no-such-charset", "cp1256"), (FR, "utf-7", "cp1252")],
                         ids=["ru", "ar", "fr"])
def test_a_page_whose_declared_charset_is_wrong_or_unknown_is_read_by_its_bytes(text: str, charset: str,
                                                                                codec: str) -> None:
    assert text in _text(_page(text, charset, codec), "page.html")


def test_a_declared_charset_still_wins_over_utf8_for_ascii_text() -> None:
    assert decode_bytes(b"plain ascii text", "cp1251") == "plain ascii text"
