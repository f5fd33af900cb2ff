"""Clauses of a sentence: where one dated statement ends and the next begins."""

from __future__ import annotations

import functools
import itertools
import re
from functools import lru_cache

from timeline_app.core.cameo import CameoTable

_COORDINATION = re.compile(r",\s+(?=(?:and|but|or|while)\s)")
_STRONG_BREAK = re.compile(r"\s*;\s*|(?<!\d):(?!\d)\s*|\s+[\u2014\u2013]\s+|\s+--\s+")


def _alternation(words: dict[str, frozenset[str]], category: str) -> str:
    """A regex alternation of the phrases of one category, longest first, any spaces between words."""
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(words[category], key=len, reverse=True))


@lru_cache(maxsize=1)
def clause_patterns() -> tuple[re.Pattern[str], ...]:
    """Regexes built from resources/cameo/clause_words.tsv."""
    words = CameoTable.default().words

    alternation = functools.partial(_alternation, words)

    after_comma = re.compile(r",\s+(?=(?:" + alternation("after_comma") + r")\b)", re.IGNORECASE)
    reporting = re.compile(r"\b(?:" + alternation("reporting") + r")\b(?:\s+[\w\u2019'-]+){0,4}?\s+(?=that\b|[\u201c\"])", re.IGNORECASE)
    # "..., the Swiss foreign ministry said." names the source, not a party to the event.
    attribution = re.compile(r",\s+(?:[\w\u2019'.-]+\s+){1,6}(?:" + alternation("reporting") + r")[\s.\u201d\"]*$", re.IGNORECASE)
    group = re.compile(r"\b(?:" + alternation("group_reference") + r")\b", re.IGNORECASE)
    person = re.compile(r"\b(?:" + alternation("person_reference") + r")\b", re.IGNORECASE)
    return after_comma, reporting, attribution, group, person


@lru_cache(maxsize=1)
def verb_phrase_patterns() -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str], re.Pattern[str]]:
    """"and (then) VERB" before a coordinated verb phrase, a pair pronoun ("the two have"), verb forms, leader titles."""
    table = CameoTable.default()
    words = table.words

    alternation = functools.partial(_alternation, words)

    adverb = alternation("coordination_adverb")
    verbs = frozenset(table.verbs) | words["auxiliary"]
    # Lower case only: "and Saudi Arabia" or "and Putin" join names, not verb phrases.
    coordination = re.compile(r"\s+and\s+(?:(?:" + adverb + r")\s+)?([a-z]+)\b")
    pair = re.compile(r"\b(?:" + alternation("pair_pronoun") + r")\s+([a-z]+)\b", re.IGNORECASE)
    leaders = re.compile(r"\b(?:leader|" + alternation("leader_titles") + r")", re.IGNORECASE)
    return coordination, pair, verbs, leaders


def clause_spans(text: str, start: int, end: int, date_spans: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Clauses of the sentence text[start:end]: cut at ';', ':', dashes, ', which ...', and 'said that'.

    Between two dates of the sentence, ", and" and ", but" also cut: "Russia invaded Ukraine in
    February 2022, and Finland joined NATO in April 2023" holds two events. Elsewhere they do not:
    "the ministers of Syria, Turkey, and Russia" is one list.
    """
    after_comma, reporting, attribution, _group, _person = clause_patterns()
    sentence = text[start:end]
    cuts = {0, len(sentence)}
    dated = sorted(date_spans or [])
    coordination, _pair, verbs, _leaders = verb_phrase_patterns()
    for (_a0, a1), (b0, _b1) in itertools.pairwise(dated):
        between = list(_COORDINATION.finditer(text, a1, b0))
        if between:
            cuts.add(between[-1].start() - start)
            continue
        # "met Macron on Dec. 7 and spoke to Scholz on Monday": each date has its own verb phrase.
        phrases = [m for m in coordination.finditer(text, a1, b0) if m.group(1) in verbs]
        if phrases:
            cuts.add(phrases[-1].start() - start)
    for m in _STRONG_BREAK.finditer(sentence):
        cuts.add(m.start())
        cuts.add(m.end())
    for m in after_comma.finditer(sentence):
        cuts.add(m.start())
    for m in reporting.finditer(sentence):
        cuts.add(m.end())
    tail = attribution.search(sentence)
    if tail:
        cuts.add(tail.start())
    points = sorted(cuts)
    spans = []
    for a, b in itertools.pairwise(points):
        piece = sentence[a:b]
        lead = len(piece) - len(piece.lstrip(" ,;:\u2014\u2013-"))
        trail = len(piece) - len(piece.rstrip(" ,;:\u2014\u2013-"))
        if b - trail > a + lead:
            spans.append((start + a + lead, start + b - trail))
    return spans or [(start, end)]
