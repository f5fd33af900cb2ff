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


@lru_cache(maxsize=1)
def act_kinds() -> dict[str, int]:
    """The words of resources/merging/act_kinds.tsv as the matcher keeps them (stems), each with
    the bits of the kinds of act it tells (bit k: the file's k-th kind)."""
    bits: dict[str, int] = {}
    kinds: set[str] = set()
    for (kind, words), where in read_tsv(resource("merging") / "act_kinds.tsv", 2, 2):
        if kind in kinds:
            raise RulesError(f"{where}: the kind '{kind}' is listed twice")
        if len(kinds) == 63:
            raise RulesError(f"{where}: at most 63 kinds fit a report's bit set")
        for word in words.split():
            if not word.islower():
                raise RulesError(f"{where}: '{word}' must be lower case")
            bits[word[:STEM]] = bits.get(word[:STEM], 0) | 1 << len(kinds)
        kinds.add(kind)
    return bits


def act_bits(words: str) -> int:
    """The kinds of act a report's words (Report.words) tell, as bits (act_kinds); 0 for none."""
    table = act_kinds()
    out = 0
    for word in words.split():
        out |= table.get(word, 0)
    return out

