"""Clauses of a sentence: where one dated statement ends and the next begins."""

from __future__ import annotations

import itertools
import re

from timeline_app.core.extract.cameo import CameoTable
from timeline_app.core.extract.clause_grammar import clause_patterns, verb_phrase_patterns

_LIST_WORDS = frozenset({"and", "the", "of", "or"})


def _names_only(rest: str) -> bool:
    """True when `rest` (what follows a colon to the sentence's end) is a list of names, not a clause."""
    words = rest.replace(",", " ").split()
    return 0 < len(words) <= 40 and all(w[:1].isupper() or w.rstrip(".!") in _LIST_WORDS for w in words)


_STRONG_BREAK = re.compile(r"\s*;\s*|(?<!\d):(?!\d)\s*|\s+[\u2014\u2013]\s+|\s+--\s+")


def _continues_a_list(text: str, at: int, conjunctions: frozenset[str]) -> bool:
    """True when the capitalised words at `at` are followed by a conjunction of `conjunctions`: "the
    leaders of Egypt, Ethiopia and Sudan signed" goes on listing names, it starts no new subject."""
    words = text[at : at + 80].split()[:3]
    first_lower = next((w for w in words if w[:1].islower()), "")
    return first_lower in conjunctions


def _after_a_name(text: str, lo: int, at: int) -> bool:
    """Whether the word before offset `at` (after `lo`) is capitalised: a name the next ones may list on."""
    words = text[lo:at].split()
    return bool(words) and words[-1][:1].isupper()


def clause_spans(text: str, start: int, end: int, date_spans: list[tuple[int, int]] | None = None,
                 table: CameoTable | None = None) -> list[tuple[int, int]]:
    """Clauses of the sentence text[start:end]: cut at ';', ':', dashes, ', which ...', and 'said that'.

    Between two dates of the sentence, ", and" and ", but" also cut: "Russia invaded Ukraine in
    February 2022, and Finland joined NATO in April 2023" holds two events. Elsewhere they do not:
    "the ministers of Syria, Turkey, and Russia" is one list.
    """
    patterns = clause_patterns(table)
    sentence = text[start:end]
    cuts = {0, len(sentence)}
    dated = sorted(date_spans or [])
    vp = verb_phrase_patterns(table)
    list_words = (table or CameoTable.default()).words.get("list_conjunction", frozenset())
    for (_a0, a1), (b0, _b1) in itertools.pairwise(dated):
        between = list(patterns.coordination.finditer(text, a1, b0))
        if between:
            cuts.add(between[-1].start() - start)
            continue
        # "met Macron on Dec. 7 and spoke to Scholz on Monday": each date has its own verb phrase;
        # "with Australia in 2022 and Britain in 2023": each date its own partner.
        phrases = [m for m in vp.coordination.finditer(text, a1, b0) if m.group(1) in vp.verbs]
        last_and = max((m.start() for m in vp.conjunction.finditer(text, a1, b0)), default=-1)
        # "arrived in Kyiv on Thursday, his first visit since Russia's invasion began in February 2022".
        subordinate = list(vp.subordinator.finditer(text, a1, b0))
        contact = [m for m in patterns.contact.finditer(text, a1, b0) if m.group("verb") in vp.verbs] if patterns.contact else []
        if subordinate:
            cuts.add(subordinate[-1].start() - start)
        elif contact:  # "left ECOWAS in January 2024, a bloc Mauritania left in 2000": the second date's own clause
            cuts.add(contact[-1].start() - start)
        elif phrases:
            cuts.add(phrases[-1].start() - start)
        elif last_and >= 0 and vp.gapped.fullmatch(text, last_and, b0):
            cuts.add(last_and - start)
        else:
            # "Mexico's Senate approved it in December, the U.S. Senate approved it in January": a
            # comma before a new capitalised subject between two dates starts the next event.
            subjects = [m for m in patterns.new_subject.finditer(text, a1, b0)
                        if not _continues_a_list(text, m.end(), list_words)]
            # Without the comma, the first: a later "and" may join the new subject's own list. Not
            # one right after a name: "Thailand and Cambodia agreed" is one subject.
            subjects = subjects or [m for m in patterns.conjoined_subject.finditer(text, a1, b0)
                                    if m.start() == a1 or not _after_a_name(text, a1, m.start())][:1]
            if subjects:
                cuts.add(subjects[-1].start() - start)
    # "has deployed a mission since February 2023, a presence Baku calls one-sided": a description in the
    # present after the last date is no part of its past event (a past verb there may be: "the round Chad attended").
    if dated and patterns.contact:
        for m in patterns.contact.finditer(text, dated[-1][1], end):
            verb = m.group("verb")
            if verb in vp.verbs and verb.endswith("s") and not verb.endswith(("ss", "was")):
                cuts.add(m.start() - start)
    # "Peru closed the summit with a declaration, and Korea will host APEC in 2025": before the first date, a clause of
    # another subject is undated; the date is the later subject's.
    if dated:
        leading = [m for m in patterns.trailing_clause.finditer(text, start, dated[0][0]) if m.group("verb") in vp.verbs
                   and any(w in vp.verbs for w in patterns.lower_word.findall(text, start, m.start()))]  # not a list
        if leading:
            cuts.add(leading[-1].start() - start)
    # "Tsai met McCarthy on April 5, and we have made stern representations": the reaction is not dated.
    if dated:
        trailing = patterns.trailing_clause.search(text, dated[-1][1], end)
        if trailing and trailing.group("verb") in vp.verbs:
            cuts.add(trailing.start() - start)
        else:
            # "will hold talks in Hanoi on May 26 and then travel to Indonesia": the later act is undated. Not
            # in an infinitive after the date: "agreed on Friday to restore ties and reopen embassies".
            # Nor when the date stands before the first verb: "Today, OFAC designated six firms and identified
            # eight tankers" dates both. Only in a language that lists its infinitive markers (English "to").
            markers = (table or CameoTable.default()).words.get("infinitive_marker", frozenset())
            verb_before = any(w in vp.verbs for w in re.findall(r"[^\W\d_]+", text[start : dated[-1][0]]))
            later = next((m for m in vp.coordination.finditer(text, dated[-1][1], end) if markers and verb_before
                          and m.group(1) in vp.verbs and not markers.intersection(text[dated[-1][1] : m.start()].lower().split())),
                         None)
            if later is not None:
                cuts.add(later.start() - start)
    # "When Mali expelled French troops in 2022, few expected ...": the opening clause is one of its own.
    opening = vp.leading.match(sentence)
    if opening:
        cuts.add(opening.end())
    for m in _STRONG_BREAK.finditer(sentence):
        cuts.add(m.start())
        cuts.add(m.end())
    for m in patterns.after_comma.finditer(sentence):
        cuts.add(m.start())
    for m in patterns.relative_aside.finditer(sentence):
        cuts.add(m.start(1))
    for m in patterns.reporting.finditer(sentence):
        cuts.add(m.end())
    # "Kenya said Ethiopia attacked Somalia on Monday": what was said starts at its own subject, as after
    # "said that"; not "said Monday that": the date is the saying's.
    for m in patterns.bare_report.finditer(sentence) if patterns.bare_report else ():
        if m.group("verb") in vp.verbs and not any(start + m.end() <= a < start + m.start("verb") for a, _b in dated):
            cuts.add(m.end())
    # "the Leaders Meeting that Tonga hosted in August": a date after such a clause's start is its subject's act, not the
    # main clause's (the cut after "that": a clause opening in lower case would take the subject before it).
    tail = patterns.attribution.search(sentence)
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


def object_relative_start(text: str, start: int, end: int, d_start: int, table: CameoTable | None = None) -> int:
    """Where the subject of a noun's relative clause opened by "that" starts, when the date at `d_start` stands in
    it (text[start:end] the date's clause): "the Forum meeting that Tonga hosted in August", "the talks that Saudi
    Arabia and the United States convened in Jeddah in May 2023" date the acts of Tonga, of Saudi Arabia and the
    United States, not of the main clause's parties; -1 when there is none. Not "that" after a verb that takes what
    was said or decided ("said on Thursday that", "ruled that"), nor after "between" ("the talks between Armenia
    and Azerbaijan that Almaty hosted": the venue of their talks). The main clause still types the event: the
    noun before "that" names it."""
    patterns, vp = clause_patterns(table), verb_phrase_patterns(table)
    words = (table or CameoTable.default()).words
    blockers = words.get("reporting", frozenset()) | words.get("not_relative_after", frozenset())
    found = -1
    for m in patterns.object_relative.finditer(text, start, end) if patterns.object_relative else ():
        before = text[max(start, m.start() - 60) : m.start()].split()[-4:]
        if (m.end() <= d_start and m.group("verb") in vp.verbs and before and not before[-1][:1].isdigit()
                and not blockers.intersection(w.lower().strip(",") for w in before)):
            found = m.end()
    return found
