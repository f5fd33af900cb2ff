"""The tokens of one text being tagged and the word lists read with them: Doc, ContextWords, token_key."""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property


def token_key(surface: str) -> str:
    """Case- and accent-free key of one token: "Türkiye" and "TURKIYE" share "turkiye"."""
    if surface.isascii():
        return surface.lower()
    if surface in "\u2019\u2010\u2011":
        return "'" if surface == "\u2019" else "-"
    plain = unicodedata.normalize("NFKD", surface).encode("ascii", "ignore").decode().lower()
    # A word of another script keeps its letters: "премьер-министр" is not "-".
    return plain if any(c.isalnum() for c in plain) else surface


@dataclass(frozen=True)
class ContextWords:
    """The word lists of resources/gazetteer/context_words.tsv and role_words.txt."""

    categories: dict[str, frozenset[str]]
    role_words: frozenset[str]

    def of(self, category: str) -> frozenset[str]:
        return self.categories.get(category, frozenset())

    @cached_property
    def counts(self) -> dict[str, int]:
        """The 'count' category's number words and their counts ("two=2" -> {"two": 2})."""
        pairs = (w.partition("=") for w in self.of("count"))
        return {word: int(n) for word, _, n in pairs if n.isdigit()}

    @cached_property
    def titles(self) -> frozenset[str]:
        """Words of an office: the role words and the 'title' category ("minister", "envoy")."""
        return self.role_words | self.of("title")


def is_headline(text: str, offset: int) -> bool:
    """True when the line around `offset` has most of its words capitalised, as a title does."""
    a = text.rfind("\n", 0, offset) + 1
    b = text.find("\n", offset)
    words = re.findall(r"[^\W\d_]{3,}", text[a : len(text) if b < 0 else b])
    return len(words) >= 3 and sum(w[0].isupper() for w in words) > 0.7 * len(words)


class Doc:
    """The tokens of one text being tagged, with the facts gathered about it along the way."""

    __slots__ = ("text", "starts", "ends", "surfaces", "keys", "issuer", "person_names", "org_officials", "matched_end",
                 "last_location_end", "_cue_counts", "_index", "_line_starts", "_headlines")

    def __init__(self, text: str, starts: list[int], ends: list[int], surfaces: list[str], keys: list[str],
                 issuer: str = "") -> None:
        self.text, self.starts, self.ends, self.surfaces, self.keys = text, starts, ends, surfaces, keys
        self.issuer = issuer  # the state or organisation that issued the text ("" for news)
        self.person_names: set[str] = set()
        self.org_officials: set[str] = set()  # persons this text presents as an organisation's officer
        self.matched_end = -1  # end of the last name found: a name before a name is no first name
        self.last_location_end = -1  # end of the last name found, when it was a location
        self._cue_counts: dict[frozenset[str], list[int]] = {}
        self._index: dict[str, list[int]] | None = None
        self._line_starts: list[int] | None = None
        self._headlines: dict[int, bool] = {}  # line start -> is_headline, found once per line

    def in_headline(self, offset: int) -> bool:
        """is_headline for the line holding `offset`, cached: a one-line text of megabytes is scanned once."""
        if self._line_starts is None:
            self._line_starts = [0] + [m.end() for m in re.finditer("\n", self.text)]
        line = self._line_starts[bisect.bisect_right(self._line_starts, offset) - 1]
        found = self._headlines.get(line)
        if found is None:
            found = self._headlines[line] = is_headline(self.text, offset)
        return found

    def cue_positions(self, cues: frozenset[str]) -> list[int]:
        """Sorted token positions of the cue words, found once per text through a token index."""
        if cues not in self._cue_counts:
            if self._index is None:
                self._index = {}
                for pos, k in enumerate(self.keys):
                    self._index.setdefault(k, []).append(pos)
            hits: list[int] = []
            for cue in cues:
                found = self._index.get(token_key(cue), [])
                if cue.islower():  # a lower-case cue matches in any case
                    hits.extend(found)
                else:  # a capitalised cue matches exactly
                    hits.extend(p for p in found if self.surfaces[p] == cue)
            self._cue_counts[cues] = sorted(set(hits))
        return self._cue_counts[cues]

    def joined(self, a: int, b: int) -> bool:
        """True when tokens a and b (a < b, adjacent) are separated only by blanks on one line."""
        gap = self.text[self.ends[a] : self.starts[b]]
        return not gap or (gap.isspace() and "\n" not in gap)

    def index_at(self, offset: int) -> int:
        return bisect.bisect_left(self.starts, max(0, offset))
