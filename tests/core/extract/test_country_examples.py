"""The "# EXAMPLE COUNTRIES:" lines of resources/cameo: a sentence, its dated event's states."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from timeline_app.core.extract.events import extract_event_mentions
from timeline_app.core.models import DateMention, Precision
from timeline_app.paths import resource

_MARK = "# EXAMPLE COUNTRIES:"
_DATE = re.compile(r"\[([^=\]]+)=([0-9-]+)\]")


def _examples() -> list[tuple[str, str, str]]:
    out = []
    for path in sorted(resource("cameo").glob("*.tsv")):
        for no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.startswith(_MARK):
                sentence, _, codes = line[len(_MARK) :].rpartition("=>")
                out.append((f"{path.name}:{no}", sentence.strip(), codes.strip()))
    return out


def _date(sentence: str) -> tuple[str, DateMention]:
    """The sentence without its date mark, and the DateMention the mark "[surface=value]" gives."""
    m = _DATE.search(sentence)
    assert m, f"no [surface=value] in {sentence!r}"
    surface, value = m.groups()
    text = sentence[: m.start()] + surface + sentence[m.end() :]
    parts = [int(p) for p in value.split("-")]
    first = dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    precision = (Precision.YEAR, Precision.MONTH, Precision.DAY)[len(parts) - 1]
    return text, DateMention(m.start(), m.start() + len(surface), surface, value, precision, first, first)


@pytest.mark.parametrize("where, sentence, codes", _examples())
def test_example_countries_lines(where: str, sentence: str, codes: str) -> None:
    text, when = _date(sentence)
    [event] = extract_event_mentions(text, [when], None, when.start_date)
    got = ", ".join(event.countries) or "-"
    assert got == codes, where


def test_there_are_example_countries_lines() -> None:
    assert len(_examples()) >= 6
