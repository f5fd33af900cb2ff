"""Datelines of Arab news agencies ("الدوحة في 19 مارس /قنا/", "... م واس"): they date the report, not an act."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.core.extract.test_events import date_at
from timeline_app.core.extract.events import extract_event_mentions

DAY = dt.date(2024, 9, 10)
SENTENCE = "استقبل رئيس الدولة اليوم وزير خارجية الهند."


def mentions(text: str, surface: str) -> list:
    return extract_event_mentions(text, [date_at(text, surface, "2024-09-10")], None, DAY, language="ar")


@pytest.mark.parametrize("line", [
    "أبوظبي في 10 سبتمبر /وام/ ",  # a tag between slashes
    "أبوظبي في 10 سبتمبر / وام / ",  # with blanks inside
    "القاهرة في 10 سبتمبر (أ ش أ) - ",  # in brackets before a dash
    "الرياض ٧ ربيع الأول ١٤٤٦ هـ الموافق 10 سبتمبر 2024 م واس\n",  # a word ending the line, after the Hijri day
])
def test_an_agencys_dateline_is_no_event(line: str) -> None:
    text = "عنوان الخبر\n\n" + line + SENTENCE
    surface = "10 سبتمبر 2024 م" if "2024" in line else "10 سبتمبر"
    assert mentions(text, surface) == []


@pytest.mark.parametrize(("text", "surface"), [
    # A statement's own header has no agency after its day: it dates the statement's issue.
    ("بيان وزارة الخارجية\n\nأبوظبي 10 سبتمبر 2024\n\n" + SENTENCE, "10 سبتمبر 2024"),
    # Brackets inside a sentence and a sentence that ends with its place are no agency's tag.
    ("التقى وزيرا خارجية الإمارات والهند في 10 سبتمبر (أيلول) في أبوظبي.", "10 سبتمبر"),
    ("التقى وزيرا خارجية الإمارات والهند في 10 سبتمبر بأبوظبي.", "10 سبتمبر"),
])
def test_a_header_or_a_sentence_keeps_its_date(text: str, surface: str) -> None:
    [m] = mentions(text, surface)
    assert m.countries
