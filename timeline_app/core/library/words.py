"""The words reports are compared on: resources/merging word lists, and evidence folded to stems."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from timeline_app.core.tables import read_tsv
from timeline_app.errors import RulesError
from timeline_app.paths import resource

_WORD = re.compile(r"[^\W\d_]+")
STEM = 6  # characters kept of a word: "sanctioned" and "sanctions" share "sancti"


def word_list(name: str) -> frozenset[str]:
    """The words of resources/merging/<name>: one lower-case word a line."""
    words = set()
    for (word,), where in read_tsv(resource("merging") / name, 1):
        if not word.islower() or " " in word:
            raise RulesError(f"{where}: '{word}' must be one lower-case word")
        words.add(word)
    return frozenset(words)


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """The words of resources/merging/stopwords.txt."""
    return word_list("stopwords.txt")


def content_words(*texts: str) -> str:
    """The words of `texts` that can tell events apart: lower case, no stopword, stemmed, sorted."""
    stop = stopwords()
    out = set()
    for text in texts:
        folded = unicodedata.normalize("NFKD", text.lower())
        for word in _WORD.findall(folded):
            if len(word) > 2 and word not in stop:
                out.add(word[:STEM])
    return " ".join(sorted(out))
