"""Clauses of a sentence: where one dated statement ends and the next begins."""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass
from functools import lru_cache

from timeline_app.core.extract.cameo import CameoTable

_COORDINATION = re.compile(r",\s+(?=(?:and|but|or|while)\s)")
# An aside opened by a relative pronoun ends at the comma before the main verb ("Mahama, who took
# office in January, has visited Mali"): that comma is followed by a lower-case word.
_RELATIVE_ASIDE = re.compile(r",\s+(?:who|whom|whose|which)\b[^,;:]*(,)\s+(?=[a-z])")
_LIST_WORDS = frozenset({"and", "the", "of", "or"})


def _names_only(rest: str) -> bool:
    """True when `rest` (what follows a colon to the sentence's end) is a list of names, not a clause."""
    words = rest.replace(",", " ").split()
    return 0 < len(words) <= 40 and all(w[:1].isupper() or w.rstrip(".!") in _LIST_WORDS for w in words)


_NEW_SUBJECT = re.compile(r",\s+(?=(?:the\s+)?[A-Z][\w.'\u2019-]*\s+(?:[A-Z][\w.'\u2019-]*\s+)?[a-z])")
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
    # A quotation opens what was said when it starts with a capital: "separation" in quotes is a word.
    reporting = re.compile(r"\b(?:" + alternation("reporting") + r")\b(?:\s+[\w\u2019'-]+){0,4}?\s+(?=that\b|[\u201c\"](?-i:[A-Z]))", re.IGNORECASE)
    # "..., the Swiss foreign ministry said." names the source, not a party to the event.
    # The verb in lower case: "..., Egypt and the United States." ends with a name, not "states".
    attribution = re.compile(r",\s+(?:[\w\u2019'.-]+\s+){1,6}(?-i:" + alternation("reporting") + r")[\s.\u201d\"]*$", re.IGNORECASE)
    group = re.compile(r"\b(?:" + alternation("group_reference") + r")\b", re.IGNORECASE)
    person = re.compile(r"\b(?:" + alternation("person_reference") + r")\b", re.IGNORECASE)
    return after_comma, reporting, attribution, group, person


@dataclass(frozen=True)
class VerbPhrasePatterns:
    """Patterns for coordinated verb phrases, numbered groups of parties and opening clauses."""

    coordination: re.Pattern[str]  # " and (then) VERB": a coordinated verb phrase
    gapped: re.Pattern[str]  # "and Britain in": a coordinated phrase without its verb ("with Australia in 2022 and Britain in 2023")
    group: re.Pattern[str]  # "the two have", "the three juntas": a number of parties
    verbs: frozenset[str]  # verb forms and auxiliaries
    not_a_group: frozenset[str]
    leaders: re.Pattern[str]  # what "the leaders" refers back to
    pair_subject: re.Pattern[str]  # "Relations broke down": the pair just named
    leading: re.Pattern[str]  # a sentence opening with a subordinate clause
    subordinator: re.Pattern[str]  # "since", "after" ... between two dates: each date its own clause
    reaction: re.Pattern[str]  # "We welcome", "is appalled by": a present reaction to a dated event

    def group_size(self, clause: str) -> int:
        """2, 3 or 4 when `clause` refers to that many parties by number ("both have", "the three juntas"), else 0."""
        for m in self.group.finditer(clause):
            word = m.group(2)
            low = word.lower()
            if low in self.verbs or (word.islower() and low.endswith("s") and low not in self.not_a_group):
                return _SIZES[m.group(1).split()[-1].lower()]
        return 0


_SIZES = {"two": 2, "both": 2, "three": 3, "four": 4}


@lru_cache(maxsize=1)
def verb_phrase_patterns() -> VerbPhrasePatterns:
    """The patterns of VerbPhrasePatterns, built from resources/cameo/clause_words.tsv and verbs.tsv."""
    table = CameoTable.default()
    words = table.words

    alternation = functools.partial(_alternation, words)

    adverb = alternation("coordination_adverb")
    verbs = frozenset(table.verbs) | words["auxiliary"]
    # Lower case only: "and Saudi Arabia" or "and Putin" join names, not verb phrases.
    coordination = re.compile(r"\s+and\s+(?:(?:" + adverb + r")\s+)?([a-z]+)\b")
    gapped = re.compile(r"\s*and\s+(?:the\s+)?(?:[A-Z][\w'.-]*\s+){1,4}(?:in|on|at|by|from)\s+(?:the\s+)?")
    group = re.compile(r"\b(" + alternation("group_number") + r")\s+([A-Za-z]+)\b", re.IGNORECASE)
    leaders = re.compile(r"\b(?:leader|" + alternation("leader_titles") + r")", re.IGNORECASE)
    pair_subject = re.compile(r"(?:" + alternation("pair_subject") + r")\b(?!\s+(?:between|with)\b)", re.IGNORECASE)
    leading = re.compile(r"(?:" + alternation("leading_subordinate") + r")\b[^,]*,\s+(?=(?-i:[a-z]))", re.IGNORECASE)
    # Lower case and mid-sentence: "as" and "once" are too often no subordinator there.
    subordinator = re.compile(r"\s(?=(?:since|after|before|when|until|because)\s)")
    reaction = re.compile(r"\b(?:" + alternation("undated_reaction") + r")\b")
    return VerbPhrasePatterns(
        coordination, gapped, group, verbs, words["not_a_group"], leaders, pair_subject, leading, subordinator, reaction
    )


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
    vp = verb_phrase_patterns()
    for (_a0, a1), (b0, _b1) in itertools.pairwise(dated):
        between = list(_COORDINATION.finditer(text, a1, b0))
        if between:
            cuts.add(between[-1].start() - start)
            continue
        # "met Macron on Dec. 7 and spoke to Scholz on Monday": each date has its own verb phrase;
        # "with Australia in 2022 and Britain in 2023": each date its own partner.
        phrases = [m for m in vp.coordination.finditer(text, a1, b0) if m.group(1) in vp.verbs]
        last_and = text.rfind(" and ", a1, b0)
        # "arrived in Kyiv on Thursday, his first visit since Russia's invasion began in February 2022".
        subordinate = list(vp.subordinator.finditer(text, a1, b0))
        if subordinate:
            cuts.add(subordinate[-1].start() - start)
        elif phrases:
            cuts.add(phrases[-1].start() - start)
        elif last_and >= 0 and vp.gapped.fullmatch(text, last_and, b0):
            cuts.add(last_and - start)
        else:
            # "Mexico's Senate approved it in December, the U.S. Senate approved it in January": a
            # comma before a new capitalised subject between two dates starts the next event.
            subjects = list(_NEW_SUBJECT.finditer(text, a1, b0))
            if subjects:
                cuts.add(subjects[-1].start() - start)
    # "When Mali expelled French troops in 2022, few expected ...": the opening clause is one of its own.
    opening = vp.leading.match(sentence)
    if opening:
        cuts.add(opening.end())
    for m in _STRONG_BREAK.finditer(sentence):
        cuts.add(m.start())
        cuts.add(m.end())
    for m in after_comma.finditer(sentence):
        cuts.add(m.start())
    for m in _RELATIVE_ASIDE.finditer(sentence):
        cuts.add(m.start(1))
    for m in reporting.finditer(sentence):
        cuts.add(m.end())
    tail = attribution.search(sentence)
    if tail:
        cuts.add(tail.start())
    for m in _STRONG_BREAK.finditer(sentence):
        if m.group().strip() == ":" and _names_only(sentence[m.end():]):
            cuts.discard(m.start())  # "to six African countries: Burkina Faso, Zimbabwe and Mali" lists them
            cuts.discard(m.end())
    points = sorted(cuts)
    spans = []
    for a, b in itertools.pairwise(points):
        piece = sentence[a:b]
        lead = len(piece) - len(piece.lstrip(" ,;:\u2014\u2013-"))
        trail = len(piece) - len(piece.rstrip(" ,;:\u2014\u2013-"))
        if b - trail > a + lead:
            spans.append((start + a + lead, start + b - trail))
    return spans or [(start, end)]
