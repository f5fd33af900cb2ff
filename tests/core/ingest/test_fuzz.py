"""Property-based tests: no input makes a reader fail with anything but a reason a user can read."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline_app.core.ingest import iter_articles, read_bytes
from timeline_app.core.ingest.kinds import Kind
from timeline_app.core.ingest.article_top import date_from_text, find_byline
from timeline_app.core.ingest.pubdate import date_from_value
from timeline_app.core.models import Article, SkippedInput
from timeline_app.errors import InputError
from tests.docx_bytes import docx_bytes, paragraph
from tests.pdf_bytes import pdf_bytes

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

markup = st.lists(
    st.sampled_from(
        ["<html>", "<body>", "<p>", "</p>", "<div>", "</div>", "<rss>", "<item>", "<title>", "</title>", "<![CDATA[",
         "]]>", "&amp;", "&lol;", "<!--", "-->", "<script>", "{", "}", "[", "]", '"', ",", "\n", "\t", "\r",
         "Zürich", "2022-12-28", "Published: 3 March 2020", "By Jane Doe", "\x00", "\ufeff", "PK\x03\x04"]  # fmt: skip
    )
    | st.text(max_size=20),
    max_size=40,
).map("".join)


def check_items(items: list[Article | SkippedInput]) -> None:
    for item in items:
        assert isinstance(item, (Article, SkippedInput))
        if isinstance(item, Article):
            assert item.text.strip()
            assert "\r" not in item.text
        else:
            assert item.reason and "\n" not in item.reason


@FUZZ
@given(data=st.binary(max_size=400) | markup.map(lambda s: s.encode("utf-8", "surrogatepass")), kind=st.sampled_from(list(Kind)))
def test_every_reader_returns_articles_or_raises_input_error(data: bytes, kind: Kind) -> None:
    try:
        items = list(read_bytes(data, f"fuzz.{kind.value}", kind=kind))
    except InputError as e:
        assert str(e)
    else:
        check_items(items)


@FUZZ
@given(data=st.binary(max_size=300), name=st.sampled_from(["a.txt", "a.html", "a.xml", "a.json", "a.jsonl", "a.csv", "a.zip", "a.pdf", "a.docx", "a"]))
def test_iter_articles_never_raises(data: bytes, name: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, name)
        path.write_bytes(data)
        check_items(list(iter_articles([path])))


_DOCUMENTS = {
    "a.pdf": pdf_bytes([["Ministry", "The ministers met in Paris on 3 March 2021 to discuss the diplo-", "matic talks.",
                         "1"], ["Ministry", "They will meet again.", "2"]], {"Title": "Talks", "CreationDate": "D:2021"}),
    "a.docx": docx_bytes([paragraph("Talks", "berschrift1"), paragraph("The ministers met on 3 March 2021.")],
                         title="Talks", created="2021-03-03T00:00:00Z"),
}


@FUZZ
@given(name=st.sampled_from(sorted(_DOCUMENTS)),
       edits=st.lists(st.tuples(st.floats(0, 1), st.integers(0, 40), st.binary(max_size=12)), min_size=1, max_size=6))
def test_a_damaged_pdf_or_word_document_is_read_or_refused_with_a_reason(name: str,
                                                                          edits: list[tuple[float, int, bytes]]) -> None:
    data = bytearray(_DOCUMENTS[name])
    for where, removed, inserted in edits:  # bytes replaced somewhere: a flipped bit, a cut, a splice
        at = int(where * len(data))
        data[at:at + removed] = inserted
    try:
        check_items(list(read_bytes(bytes(data), name)))
    except InputError as e:
        assert str(e)


@FUZZ
@given(records=st.lists(st.dictionaries(st.sampled_from(["title", "text", "date", "url", "source", "x"]), st.text(max_size=30) | st.integers() | st.none()), max_size=5))
def test_json_lines_of_any_records(records: list[dict]) -> None:
    data = "\n".join(json.dumps(r) for r in records).encode()
    try:
        check_items(list(read_bytes(data, "dump.jsonl", kind=Kind.JSONL)))
    except InputError as e:
        assert str(e)


@FUZZ
@given(text=markup)
def test_date_helpers_accept_any_text(text: str) -> None:
    date_from_text(text)
    date_from_value(text)
    find_byline(text)
