"""The bundled sample corpus reads cleanly, and each sample's date line agrees with its file name."""

from __future__ import annotations

import re

from timeline_app.core.ingest import read_inputs, sample_paths
from timeline_app.core.ingest.pubdate import date_from_name
from timeline_app.core.models import DateSource
from timeline_app.paths import SAMPLES


def test_samples_are_listed_in_the_readme() -> None:
    paths = sample_paths()
    assert 6 <= len(paths) <= 10
    readme = (SAMPLES / "README.md").read_text(encoding="utf-8")
    for path in paths:
        assert path.name in readme


def test_every_sample_reads_with_title_byline_and_a_date_line_matching_its_name() -> None:
    result = read_inputs(sample_paths())
    assert not result.skipped
    years = set()
    for article in result.articles:
        name = article.source_path
        assert article.published_source is DateSource.TEXT, name
        assert article.published == date_from_name(name), name
        assert article.title and article.title == article.text.split("\n", 1)[0], name
        assert article.byline, name
        assert 150 <= len(article.text.split()) <= 350, name
        years.add(article.published.year)
    assert years >= {2019, 2020, 2021, 2022, 2023, 2024}


def test_samples_use_the_date_expressions_the_app_must_handle() -> None:
    corpus = "\n".join(p.read_text(encoding="utf-8") for p in sample_paths())
    for expression in (
        r"on (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)",
        r"last week", r"earlier this year", r"in November", r"back in 2012", r"since 2011",
        r"October 2021", r"two days later", r"next month", r"the 1990s", r"[Nn]ow that", r"currently",
    ):  # fmt: skip
        assert re.search(expression, corpus), expression


def test_publication_date_lines_vary_in_format() -> None:
    second_lines = {p.read_text(encoding="utf-8").split("\n")[1] for p in sample_paths()}
    assert any(re.fullmatch(r"Published: \d{1,2} [A-Z][a-z]+ \d{4}", line) for line in second_lines)
    assert any(re.fullmatch(r"[A-Z][a-z]+ \d{1,2}, \d{4}", line) for line in second_lines)
    assert any(re.fullmatch(r"(Published: )?\d{4}-\d\d-\d\d", line) for line in second_lines)
