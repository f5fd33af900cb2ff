"""Which words of its sentence a date's event is read from: its clause, a subordinate event, the sentence less its other dates."""

from __future__ import annotations

import re

from timeline_app.core.extract.clause_grammar import VerbPhrasePatterns
from timeline_app.core.models import DateMention
from timeline_app.core.tables import longest_first

# Characters of a clause read for a date: its parties, type and summary. A longer clause is read
# around the date, the words before it most (they say what happened). At most 367 characters were
# read on the evaluation sets. After the date up to _AFTER_MOST: French, Spanish and Portuguese put those
# present between the date and the verb's object ("a signé mercredi, en présence de ..., un accord avec").
CLAUSE_MOST = 400
_AFTER_MOST = 160
_WORD = re.compile(r"[^\W\d_]+")
_STRONG = re.compile(r"[;:\u2014\u2013]|\s--\s")
# A determiner or a possessive right before a date makes it a noun's modifier ("Iran's 2015 deal").
# Days by which an event reported ended before the report for the report to be about its past.
_PAST_DAYS = 14
_DETERMINER = re.compile(r"(?:\b(?:the|its|his|her|their|our|a|this|last|next)|['\u2019]s)\s+$", re.IGNORECASE)

Span = tuple[int, int]


class LifeEvent:
    """A clause that tells a person's life, not a state's act: "Born in Shymkent in 1944", "who retired in June",
    "died in Almaty on Wednesday" (clause_words.tsv: life_event, then one of life_event_after or the date itself). A
    state takes no part in it, so it borrows no state from the sentence or the event before. "Retired general Allen
    said on Monday" is no such clause: a life word before a name is an adjective."""

    def __init__(self, words: dict[str, frozenset[str]]) -> None:
        events = words.get("life_event", frozenset())
        self._after = words.get("life_event_after", frozenset())
        self._events = re.compile(r"(?<!\w)(?:" + longest_first(events) + r")(?!\w)", re.IGNORECASE) if events else None

    def tells(self, text: str, span: Span, d: DateMention) -> bool:
        """True when text[span], the clause of date `d`, has a life word followed by a word of life_event_after or the date."""
        if self._events is None:
            return False
        for m in self._events.finditer(text, *span):
            gap = text[m.end() : span[1]]
            rest = m.end() + len(gap) - len(gap.lstrip())
            if rest == d.start:
                return True
            word = _WORD.match(text, rest)
            if word is not None and word.group().lower() in self._after:
                return True
        return False


class NegatedPeriod:
    """A date that opens a period in which the clause's verb is denied: "had not met since 2019" tells of
    no meeting in 2019 (clause_words.tsv: period_opener, negation; a language without them has none).
    Not a date of a noun: "have not met since the 2019 summit" tells of the summit."""

    def __init__(self, words: dict[str, frozenset[str]]) -> None:
        openers, negations = words.get("period_opener", frozenset()), words.get("negation", frozenset())
        self.opener = re.compile(rf"(?:{phrases_pattern(openers)})\s+$", re.IGNORECASE) if openers else None
        self.negation = re.compile(phrases_pattern(negations), re.IGNORECASE) if negations else None

    def denies(self, text: str, span: Span, d: DateMention) -> bool:
        """Whether date `d` opens such a period in its clause `span`."""
        if self.opener is None or self.negation is None or not span[0] <= d.start <= span[1]:
            return False
        since = self.opener.search(text, max(span[0], d.start - 20), d.start)
        return since is not None and self.negation.search(text, span[0], since.start()) is not None


def phrases_pattern(phrases: frozenset[str]) -> str:
    """A regex alternation of whole-word phrases, longer first; one with an apostrophe ("n't") may end
    a word ("hadn't")."""
    return "|".join(("" if "'" in p or "\u2019" in p else r"(?<!\w)") + r"\s+".join(map(re.escape, p.split())) + r"(?!\w)"
                    for p in sorted(phrases, key=len, reverse=True))


def blanked(text: str, span: Span, d: DateMention, blank: str) -> str:
    """text[span] with the date expression replaced by spaces."""
    a, b = span
    if a <= d.start and d.end <= b:
        return text[a : d.start] + blank + text[d.end : b]
    return text[a:b]


def around(text: str, span: Span, d: DateMention) -> Span:
    """The clause `span` of date `d`, or of a clause longer than CLAUSE_MOST characters the words
    around the date: a run-on clause would otherwise be read whole once for each of its dates."""
    a, b = span
    if b - a <= CLAUSE_MOST:
        return span
    inside = a <= d.start and d.end <= b
    lo, hi = (max(a, d.start - 240), min(b, d.end + _AFTER_MOST)) if inside else (a, a + CLAUSE_MOST)
    if lo > a:  # from the start of a word
        space = text.find(" ", lo, d.start)
        lo = space + 1 if space >= 0 else lo
    if hi < b:  # to the end of one
        space = text.rfind(" ", d.end if inside else lo, hi)
        hi = space if space > lo else hi
    return lo, hi


def line_at(text: str, offset: int) -> Span:
    """The line of `text` that holds `offset`."""
    a = text.rfind("\n", 0, offset) + 1
    b = text.find("\n", offset)
    return a, len(text) if b < 0 else b


def subordinate_event(text: str, span: Span, d: DateMention, vp: VerbPhrasePatterns) -> Span | None:
    """The subordinate clause of `span` that date `d` stands in, when the date dates its event and not the
    main verb's: "talks were frozen after Hamas attacked Israel on 7 October", "Cairo holds Addis Ababa
    responsible, as Ethiopia began the filling in September". Only a clause with a named subject and
    something after its verb: "since it led the mission in 2003" (it is the main subject), "since a
    campaign against Norway in 1814" (whose campaign: the main subject's) and "blockaded since Russia
    invaded on 24 February" (invaded whom: the main clause says) share the main clause's event."""
    opening = None
    for opening in vp.subordinate_clause.finditer(text, span[0], d.start):
        pass
    if opening is None:
        return None
    after_verb = _WORD.findall(text, opening.end("verb"), d.start)
    if not after_verb or (len(after_verb) == 1 and after_verb[0].lower() in vp.date_prepositions):
        return None
    return opening.end(), span[1]


def reactions(text: str, start: int, end: int, vp: VerbPhrasePatterns) -> list[re.Match[str]]:
    """The undated reactions in text[start:end], in order: present ones ("We welcome") and past ones to an
    event with an actor of its own ("We welcomed the decision of Benin")."""
    found = [m for r in (vp.reaction, vp.past_reaction) for m in r.finditer(text, start, end)]
    return sorted(found, key=lambda m: m.start())


def other_dated(text: str, clauses: list[Span], idx: int, dated: list[Span],
                joined: re.Pattern[str] | None = None) -> list[Span]:
    """The clauses of a sentence set apart from clause `idx` by a semicolon, a colon or a dash, or by a comma and
    a conjunction (`joined`, ", but"), that hold a date of their own: their states are their own events' ("The
    deal was signed in July 2015; the United States withdrew in 2018", "An agreement followed in June 2019, but
    France refused it in August 2019": two dated events, each with its own subject). A clause joined otherwise
    goes on with the same actors ("the efforts France and the US announced yesterday have led since September")."""
    here = clauses[idx]
    first, last = 0, len(clauses)  # the clauses of this date's event: what it says runs on to the next one set apart
    for k, c in enumerate(clauses):
        if k == idx or not any(c[0] <= s < c[1] for s, _e in dated):
            continue
        lo, hi = min(here[1], c[1]), max(here[0], c[0])
        if _STRONG.search(text, lo, hi) or (joined is not None and joined.match(text, lo) is not None):
            if k < idx:
                first = max(first, k + 1)
            else:
                last = min(last, k)
    return clauses[:first] + clauses[last:]


def attributive(text: str, start: int) -> bool:
    """True when the date at `start` modifies a noun ("Iran's 2015 deal", "the 1994 ceasefire"): it dates
    that noun's event, not the clause it stands in."""
    return _DETERMINER.search(text, max(0, start - 12), start) is not None


def long_before(event: DateMention, report: DateMention) -> bool:
    """True when `event` ended more than two weeks before `report` began: what was said recalls its past."""
    if event.end_date is None or report.start_date is None:
        return False
    return (report.start_date - event.end_date).days > _PAST_DAYS


def market_move(text: str, span: Span, d: DateMention, verbs: frozenset[str], nouns: frozenset[str],
                moves: frozenset[str]) -> bool:
    """True when the clause says how a market or a trade figure moved: its subject (the words before its
    first verb) holds a market noun, that verb is a move, and no other verb stands between it and the
    date ("Japanese shares fell on Monday", "The Canadian dollar fell to its lowest since 2003"). A
    demonym or a state there names where the figure is counted, not a state acting. Not "Oil prices
    rose after Iran seized a tanker on Tuesday": the date is the seizure's."""
    if not nouns or not moves:
        return False
    subject = False
    moved = -1
    for m in _WORD.finditer(text, span[0], d.start if span[0] <= d.start < span[1] else span[1]):
        word = m.group()
        if moved >= 0:
            if word in verbs and word.lower() not in moves:
                return False  # another verb, whose event the date may be
        elif word.lower() in nouns:
            subject = True  # before the verb test: "shares" and "exports" are verb forms too
        elif word.lower() in moves:
            if not subject:
                return False
            moved = m.start()
        elif word in verbs and not subject:
            return False  # the first verb is no move: "Iran seized"; but "Shares of Chinese shipping firms fell"
    return moved >= 0


def subject_is_no_state(text: str, span: Span, verbs: frozenset[str], non_state: frozenset[str]) -> bool:
    """True when the words before the clause's first verb name people or things that are no state and
    stand for none ("The group declared", "Researchers warned", "Oil prices rose")."""
    for m in _WORD.finditer(text, *span):
        word = m.group()
        if word in verbs:  # verbs in lower case: "Researchers" opens the subject
            return False
        if word.lower() in non_state:
            return True
    return False
