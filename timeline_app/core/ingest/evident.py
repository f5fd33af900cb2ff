"""A text's language told without the language model when its commonest words leave no doubt (resources/ingest/languages/)."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from timeline_app import paths
from timeline_app.errors import RulesError

log = logging.getLogger(__name__)

# A text needs this many words, and this share of them in a language's list, to be told by the list.
# Shorter or less certain texts go to the model, so the list never answers where the model would
# hesitate: a headline and a line (120 characters) stay with the model.
MIN_WORDS = 30
MIN_SHARE = 0.10

_WORD = re.compile(r"[^\W\d_]+")
_LIST_WORD = re.compile(r"[^\W\d_A-Z]+")
_CODE = re.compile(r"[a-z]{2}")
_EXAMPLE = re.compile(r"#\s*EXAMPLE:\s*(yes|no)\s*\|\s*(\S.*)$")


@dataclass(frozen=True)
class Example:
    """An EXAMPLE line of a list: `text` is told `code` by the lists alone when `evident`, else not."""

    where: str
    code: str
    evident: bool
    text: str


@dataclass(frozen=True)
class EvidentWords:
    """The listed words of every language that has a list, and the lists' examples."""

    words: dict[str, frozenset[str]]  # ISO 639-1 code -> its words
    examples: tuple[Example, ...]

    def language_of(self, text: str) -> str | None:
        """The language whose words make up at least MIN_SHARE of `text`'s (at least MIN_WORDS)
        words; None when no language, or more than one, does."""
        found = [w.lower() for w in _WORD.findall(text)]
        if len(found) < MIN_WORDS:
            return None
        told = [code for code, words in self.words.items()
                if sum(w in words for w in found) >= MIN_SHARE * len(found)]
        return told[0] if len(told) == 1 else None


def load_evident_words(root: Path | None = None) -> EvidentWords:
    """Every list of `root` (resources/ingest/languages), validated; RulesError names path:line."""
    root = root or paths.INGEST / "languages"
    words: dict[str, frozenset[str]] = {}
    examples: list[Example] = []
    for path in sorted(root.glob("*.txt")):
        if not _CODE.fullmatch(path.stem):
            raise RulesError(f"{path}:0: the file's name must be an ISO 639-1 code (en.txt)")
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as e:
            raise RulesError(f"{path}:0: cannot read this resource file ({e}); reinstall the app's resources.") from e
        listed: set[str] = set()
        for no, line in enumerate(lines, 1):
            text = line.strip()
            if text.startswith("#"):
                m = _EXAMPLE.match(text)
                if re.match(r"#\s*EXAMPLE:", text) and not m:
                    raise RulesError(f"{path}:{no}: expected '# EXAMPLE: yes|no | text'")
                if m:
                    examples.append(Example(f"{path}:{no}", path.stem, m.group(1) == "yes", m.group(2)))
                continue
            if not text:
                continue
            if not _LIST_WORD.fullmatch(text):
                raise RulesError(f"{path}:{no}: expected one word in lower case, letters only, got {text!r}")
            if text in listed:
                raise RulesError(f"{path}:{no}: {text!r} is listed twice")
            listed.add(text)
        if not listed:
            raise RulesError(f"{path}:0: no words listed")
        words[path.stem] = frozenset(listed)
    return EvidentWords(words, tuple(examples))


@lru_cache(maxsize=1)
def evident_words() -> EvidentWords:
    """The application's lists, loaded once per process."""
    return load_evident_words()


def evident_language(text: str) -> str | None:
    """The ISO 639-1 code of `text`'s language when its words leave no doubt, else None (ask the model)."""
    return evident_words().language_of(text)
