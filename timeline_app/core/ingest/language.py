"""The language of an article: an ISO 639-1 code told by its words or py3langid's model, or the one the user gave."""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from timeline_app.core.ingest.evident import evident_language
from timeline_app.core.models import Article
from timeline_app.errors import LanguageError

if TYPE_CHECKING:
    from collections.abc import Callable

log = logging.getLogger(__name__)

# Enough text to tell the language of any article; more only costs time (the model reads
# character n-grams, so a longer text changes nothing it has not already decided).
_SAMPLE = 3000
_CODE = re.compile(r"^[a-z]{2,3}$")
# py3langid's model tells Nigerian Pidgin from English on a few words of wire English; its dates
# and names are English to the engines.
_SAME_AS = {"pcm": "en"}

_classify: Callable[[str], tuple[str, float]] | None = None


def _classifier() -> Callable[[str], tuple[str, float]]:
    global _classify
    if _classify is None:
        # deferred: importing py3langid and unpickling its model take about 0.3 s and 100 MB
        # (benchmarks/language_id.py); the window starts without it, the first import loads it.
        import py3langid

        _classify = py3langid.classify
    return _classify


def detect_language(text: str) -> str:
    """The ISO 639-1 code of the language `text` is written in ("fr"); "" for a text without letters."""
    sample = text[:_SAMPLE]
    if not any(c.isalpha() for c in sample):
        return ""
    told = evident_language(sample)
    if told is not None:  # the model (0.4 s to load) is loaded for the first text that needs it
        return told
    code = _classifier()(sample)[0]
    return _SAME_AS.get(code, code)


def check_language(code: str) -> str:
    """A language code as the user typed it ("FR", " de "), lower-cased; LanguageError when it is not one."""
    code = code.strip().lower()
    if not _CODE.match(code):
        raise LanguageError(f"{code!r} is not a language code: give an ISO 639-1 code such as fr, es, ar.")
    return code


def with_language(article: Article, language: str | None = None) -> Article:
    """The article with its language: `language` when given (the user's), else the one its source
    declared, else the one its text tells."""
    if language:
        return replace(article, language=language)
    if article.language:
        return article
    return replace(article, language=detect_language(f"{article.title}\n{article.text}"))
