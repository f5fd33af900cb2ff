"""A statement's header lines, and its words for its own office and acts: where they open it, where a state's name makes them another's."""

from __future__ import annotations

import re

from timeline_app.core.models import EntityKind, EntityMention
from timeline_app.core.tables import longest_first

# Punctuation that ends the office's name: "O Ministro das Relações Exteriores, Mauro Vieira" is the issuer's.
_BREAKS = frozenset(',.;:!?()"«»“”„\n')
_MOST_WORDS = 8  # the words of an office's own name between it and its state ("des Affaires étrangères du")
HEADER_LINES = 6  # a statement's header: its first short lines
_HEADER_WORDS = 14
_SENTENCE_END = re.compile(r"[.!?]['\"\u201d]?$")
_OPENING_REACH = 2000  # characters: a header is never longer
_WORD = re.compile(r"[^\W\d_]+")
_REACH = 2  # words from a passive's auxiliary to its participle ("a été aussitôt convoqué")


def header_lines(text: str) -> list[str]:
    """The short lines at the top of a text that are not sentences: a statement's title block."""
    out = []
    for line in text.split("\n")[: HEADER_LINES + 1]:
        line = line.strip()
        if not line:
            continue
        if len(line.split()) > _HEADER_WORDS or _SENTENCE_END.search(line):
            break
        out.append(line)
    return out[:HEADER_LINES]


def opens_statement(text: str, at: int) -> bool:
    """Whether offset `at` opens the first sentence after the header lines, with nothing before it on its
    line: "The Government has decided today ...", the subject a statement opens with being its issuer."""
    line_start = text.rfind("\n", 0, at) + 1
    if line_start > _OPENING_REACH or text[line_start:at].strip():
        return False
    before = [line for line in text[:line_start].split("\n") if line.strip()]
    return len(before) <= HEADER_LINES and len(header_lines(text[:line_start])) == len(before)


def in_quotation(text: str, at: int) -> bool:
    """True when offset `at` stands inside a quotation opened earlier on its line ("...", “...”, «...», „...“)."""
    before = text[text.rfind("\n", 0, at) + 1 : at]
    if "\u201e" in before:  # German „...“: the English opening mark closes it
        return before.count("\u201e") > before.count("\u201c")
    return (before.count('"') % 2 == 1 or before.count("\u201c") > before.count("\u201d")
            or before.count("\u00ab") > before.count("\u00bb"))


def offices_of_others(text: str, found: list[EntityMention], offices: set[int],
                      links: frozenset[str]) -> list[EntityMention]:
    """`found` without the office words (ids in `offices`) that a state's name or adjective follows with
    only link words or capitalised words between: "le ministère camerounais", "МИД России", "وزارة
    الخارجية السودانية", "la ministre des Affaires étrangères du Mali" are that state's office, which the
    state's own mention already names."""
    dropped: set[tuple[int, int]] = set()
    for k, mention in enumerate(found):
        if id(mention) not in offices:
            continue
        after = next((m for m in found[k + 1 :] if m.start >= mention.end and id(m) not in offices), None)
        if after is None or after.kind is not EntityKind.COUNTRY:
            continue
        between = text[mention.end : after.start]
        words = [w.split("'")[-1].split("\u2019")[-1] for w in between.split()]
        if (not _BREAKS.intersection(between) and len(words) <= _MOST_WORDS
                and all(w.lower() in links or w[:1].isupper() or not w for w in words)):
            dropped.add((mention.start, mention.end))
    return [m for m in found if id(m) not in offices or (m.start, m.end) not in dropped]


class IssuerPassive:
    """The words of a language's clause_words.tsv that tell a passive: an auxiliary of passive_auxiliary ("été",
    "fue", "foi") with a participle ending in passive_participle_ending within two words. With no agent of
    passive_agent after it in the clause ("par", "por", "pelo"), a statement's passive tells its issuer's own act.
    A language without those words (English, and Russian, whose short participles "подписано", "уведомлено" gave
    statements' issuers to sentences about others: ru dev .848 -> .835 recall) has none."""

    def __init__(self, words: dict[str, frozenset[str]]) -> None:
        auxiliaries = words.get("passive_auxiliary")
        self._auxiliary = (re.compile(r"(?<!\w)(?:" + longest_first(auxiliaries) + r")(?!\w)", re.IGNORECASE)
                           if auxiliaries else None)
        self._endings = tuple(words.get("passive_participle_ending", ()))
        self._agents = words.get("passive_agent", frozenset())

    def acts(self, text: str, start: int, end: int) -> bool:
        """Whether text[start:end] tells an act in the passive without naming who did it."""
        at = self._participle(text, start, end)
        if at < 0 or in_quotation(text, at):
            return False
        return not any(w.group().lower() in self._agents for w in _WORD.finditer(text, at, end))

    def _participle(self, text: str, start: int, end: int) -> int:
        """Where the first passive participle of text[start:end] ends, -1 when there is none."""
        if self._auxiliary is None or not self._endings:
            return -1
        for m in self._auxiliary.finditer(text, start, end):
            for k, word in enumerate(_WORD.finditer(text, m.end(), end)):
                if k >= _REACH:
                    break
                if word.group().lower().endswith(self._endings):
                    return word.end()
        return -1
