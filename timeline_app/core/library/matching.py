"""Whether two reports tell of one event: their dates, parties, types and words compared, as one score."""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from rapidfuzz import fuzz

from timeline_app.core.extract.cameo import CAMEO_DIR, CameoCode, quad_class, read_codes
from timeline_app.core.library.unacts import is_un_act, same_un_act
from timeline_app.core.library.words import STEM, act_bits, word_list
from timeline_app.core.models import Precision
from timeline_app.core.tables import read_tsv
from timeline_app.errors import RulesError
from timeline_app.paths import resource

log = logging.getLogger(__name__)

# Reports of one event tell it at most this finely apart: a span longer than this (a quarter, a
# year) holds too many events to say which, and only meets a report of the same span.
FINE_SPAN_DAYS = 31
# What a report's date precision leaves open, as a factor on its score: "this week" may be any of
# seven days, "in June" any of thirty.
DATE_FACTOR = ((3, 1.0), (7, 0.9), (FINE_SPAN_DAYS, 0.75))
COARSE_FACTOR = 0.6
# How much each kind of evidence counts; a pair scoring LINK or more is the same event.
PARTY_WEIGHT = 0.4
TEXT_WEIGHT = 0.4
TYPE_WEIGHT = 0.2
LINK = 0.55
DIFFERENT_PARTNER = 0.0  # two pairs of states sharing one state only: different partners, different events
UNTYPED = 0.5  # the type score of a report with no type: it says nothing either way
# Two reports naming one party each, not the same one: a statement often names the other side only,
# its own state being the speaker ("the President received the Prime Minister of Ethiopia" against
# "held discussions with the President of Kenya"). Their parties then say nothing either way: such a
# pair on narrow dates is scored on its words and type alone, times ONE_SIDE, and only with words
# scoring ONE_SIDE_TEXT or more and types that are not cooperation against conflict.
ONE_SIDE = 0.8
ONE_SIDE_TEXT = 0.5
ONE_SIDE_DAYS = DATE_FACTOR[0][0]  # as narrow as a day
# Token-set similarity (0-100) of the evidence words that says nothing either way, and the one that
# says all: unrelated news sentences share a few words, and reports of one event rarely share most.
TEXT_FLOOR, TEXT_CEILING = 30.0, 75.0


class Report(NamedTuple):
    """What one article says of one event: its mentions there taken together (reports.py builds them).

    A named tuple: a library's rebuild makes one for each of its mentions.
    """

    key: str  # the smallest mention key among its mentions: its identity, whatever the order
    article: str
    start: int  # days (core.daycount), first and last
    end: int
    span_value: str  # the date value when coarse ("2011", "2024-Q2"), "" for a fine date
    open_end: bool
    countries: frozenset[str]
    organizations: frozenset[str]
    codes: frozenset[str]  # CAMEO codes of its mentions
    words: str  # evidence and title words, stopwords left out, stemmed, sorted, unique

    @property
    def coarse(self) -> bool:
        return bool(self.span_value)


@lru_cache(maxsize=1)
def aside_stems() -> frozenset[str]:
    """The words of resources/merging/aside_words.txt, as content_words keeps them."""
    return frozenset(word[:STEM] for word in word_list("aside_words.txt"))


def is_aside(words: str) -> bool:
    """Whether a report's words (Report.words) set its event beside another ("on the sidelines of")."""
    return not aside_stems().isdisjoint(words.split())


def two_acts(a: Report, b: Report) -> bool:
    """Whether the words of two reports tell acts of kinds they do not share (resources/merging/
    act_kinds.tsv): a call and a signing of one pair on one day. Reports of one act are told with
    different verbs and types, but name what was done (a treaty, a summons, relief) with the same nouns."""
    mine, theirs = act_bits(a.words), act_bits(b.words)
    return bool(mine and theirs and not mine & theirs)


def one_act(a: Report, b: Report) -> bool:
    """Whether the words of two reports name a kind of act they share (act_kinds.tsv): "recalled its
    ambassador" and "regrets the decision ... to call its ambassador back", "violating Finnish airspace"
    and "protest the airspace violation". Such reports told with verbs of cooperation and of conflict
    ("regrets" 040 against a recall's 161) are one act seen by its two sides: see type_of_one_act."""
    return bool(act_bits(a.words) & act_bits(b.words))


class TypeTable:
    """Which CAMEO codes two reports of one event may carry (resources/cameo/compatible.tsv)."""

    _default: TypeTable | None = None

    def __init__(self, codes: dict[str, CameoCode], directory: Path) -> None:
        self.codes = codes
        self.pairs: set[tuple[str, str]] = set()
        self.any: set[str] = set()
        self.apart: set[tuple[str, str]] = set()
        self._known: dict[tuple[str, str, bool], float] = {}
        for (left, right, *mark), where in read_tsv(directory / "compatible.tsv", 2, 3):
            for code in (left, right):
                if code != "*" and code not in codes:
                    raise RulesError(f"{where}: '{code}' is not a CAMEO code of codes.tsv")
            if mark and (mark[0] != "apart" or "*" in (left, right)):
                raise RulesError(f"{where}: the third column may only be 'apart', after two codes")
            if mark:
                self.apart |= {(left, right), (right, left)}
            elif left == "*" or right == "*":
                self.any.add(right if left == "*" else left)
            else:
                self.pairs |= {(left, right), (right, left)}

    @classmethod
    def default(cls) -> TypeTable:
        if cls._default is None:
            # The code table alone (0.3 ms), not the CameoTable with its trigger lexicon: the window,
            # which merges what its import writes but extracts nothing, loaded that (0.1-0.25 s CPU)
            # at a first start's first write, after the samples' worker had done its part.
            directory = resource(CAMEO_DIR)
            cls._default = cls(read_codes(directory), directory)
        return cls._default

    def set_apart(self, a: frozenset[str], b: frozenset[str]) -> bool:
        """Whether the table sets some code of one report apart from some code of the other."""
        return any(self._listed(x, y, self.apart) for x in a for y in b)

    def _reacts(self, code: str) -> bool:
        return code in self.any or code[:3] in self.any or code[:2] in self.any

    def _listed(self, a: str, b: str, pairs: set[tuple[str, str]] | None = None) -> bool:
        pairs = self.pairs if pairs is None else pairs
        return any((x, y) in pairs for x in (a, a[:3], a[:2]) for y in (b, b[:3], b[:2]))

    def compatible(self, a: str, b: str, reactions: bool = True) -> float:
        """1 for one root; 0 for codes the table sets apart; 0.8 for codes the table or their QuadClass
        join (or a reaction and its act); 0.5 for two kinds of cooperation or of conflict; 0 for
        cooperation against conflict.

        Without `reactions`, a reaction is not its act: within one article, "the EU condemned the
        attack on Friday" is the EU's statement beside the attack the article reports.
        """
        known = self._known.get((a, b, reactions))
        if known is None:
            known = self._known[(a, b, reactions)] = self._compatible(a, b, reactions)
        return known

    def _compatible(self, a: str, b: str, reactions: bool) -> float:
        if not a or not b or a[:2] == b[:2]:
            return 1.0
        if self._listed(a, b, self.apart):
            return 0.0
        if (reactions and (self._reacts(a) or self._reacts(b))) or self._listed(a, b):
            return 0.8
        qa, qb = quad_class(self.codes, a), quad_class(self.codes, b)
        if qa == qb:
            return 0.8
        if not qa or not qb or (qa <= 2) == (qb <= 2):
            return 0.5
        return 0.0


def type_score(a: frozenset[str], b: frozenset[str], table: TypeTable, reactions: bool = True) -> float:
    """The best compatibility of any code of one report with any of the other (UNTYPED when one has none)."""
    if not a or not b:
        return UNTYPED
    return max(table.compatible(x, y, reactions) for x in a for y in b)


def type_of_one_act(kinds: float, a: Report, b: Report, table: TypeTable) -> float:
    """The type score of two reports sharing a party once their words are read: cooperation against
    conflict says nothing (UNTYPED) when both name a kind of act they share (one_act), as a reaction's
    verb is typed by its mood, not by the act it names; the table's own "apart" pairs stay apart."""
    if kinds or not one_act(a, b) or table.set_apart(a.codes, b.codes):
        return kinds
    return UNTYPED


def date_factor(a: Report, b: Report) -> float:
    """How far the dates allow one event: 0 when they cannot, less than 1 when they leave room.

    Same day, or a day inside the other's range, week or month; a coarse span (a quarter, a year)
    only meets the same span; an open-ended span ("since 2011") is never one event with anything.
    """
    if a.open_end or b.open_end:
        return 0.0
    if a.coarse or b.coarse:
        return COARSE_FACTOR if a.span_value == b.span_value else 0.0
    if a.start > b.end or b.start > a.end:
        return 0.0
    span = max(a.end - a.start, b.end - b.start) + 1
    return next((f for most, f in DATE_FACTOR if span <= most), 0.0)


def party_score(a: Report, b: Report) -> float:
    """Overlap of the parties, against the shorter list: the states a terse report names against those
    a long one lists (one names the two parties, another every G7 partner). 0 when none is shared.

    The extraction lists a mention's states without their roles, sorted: the shorter list is the
    nearest thing to the main actors, so the overlap is measured on it (the overlap coefficient),
    with a little of Jaccard so that a list naming other states as well counts less.
    """
    mine = a.countries | a.organizations
    theirs = b.countries | b.organizations
    shared = len(mine & theirs)
    if not shared:
        return 0.0
    overlap = shared / min(len(mine), len(theirs))
    jaccard = shared / len(mine | theirs)
    value = 0.8 * overlap + 0.2 * jaccard
    if sides_differ(len(a.countries & b.countries), len(a.countries), len(b.countries)):
        # Each report names as many states the other lacks as it shares: the other side differs.
        # "Canada and the Philippines" against "the Philippines and Vietnam"; a sanctions package on
        # firms in Iran and the UAE against one on firms in Russia and the UAE by the same Treasury.
        value *= DIFFERENT_PARTNER
    return value


def sides_differ(shared: int, mine: int, theirs: int) -> bool:
    """Whether two lists of states (counts: shared, each list's length) name different other sides:
    at most half of the shorter list shared, and each names a state the other lacks. States only:
    an organisation named beside them (the UN whose resolutions a launch violates, the EU co-hosting
    a conference) is the frame of the event, not its other side."""
    return 2 * shared <= min(mine, theirs) and mine > shared and theirs > shared


def beside(a: Report, b: Report) -> bool:
    """Whether the report set aside ("on the margins of the summit") names some of the other's parties
    and no more: two of a summit's states meeting beside it, whatever their meeting is typed."""
    side, other = (a, b) if is_aside(a.words) else (b, a)
    mine = side.countries | side.organizations
    return mine < (other.countries | other.organizations)


def one_sided(a: Report, b: Report) -> bool:
    """Whether two reports each name one party, not the same one, on narrow fine dates (ONE_SIDE)."""
    mine, theirs = a.countries | a.organizations, b.countries | b.organizations
    return (len(mine) == 1 and len(theirs) == 1 and mine != theirs and not a.coarse and not b.coarse
            and a.end - a.start < ONE_SIDE_DAYS and b.end - b.start < ONE_SIDE_DAYS)


def one_side_score(factor: float, text: float, kinds: float) -> float:
    """The score of a one-sided pair (one_sided): its words and type alone, times ONE_SIDE."""
    if not kinds or text < ONE_SIDE_TEXT:
        return 0.0
    return factor * ONE_SIDE * (TEXT_WEIGHT * text + TYPE_WEIGHT * kinds) / (TEXT_WEIGHT + TYPE_WEIGHT)


def un_pair(a: Report, b: Report) -> bool:
    """Whether two reports tell of UN acts (unacts.is_un_act) and share a party (often only the UN) or
    name one each: the organ and what the act is about decide (unacts.same_un_act), not the states
    named (voters, abstainers: "the other sides differ") nor each report's verb ("extended the
    mandate" is a demand, "abstained" a yielding)."""
    mine, theirs = a.countries | a.organizations, b.countries | b.organizations
    return is_un_act(a.words) and is_un_act(b.words) and (not mine.isdisjoint(theirs) or one_sided(a, b))


def un_act_score(factor: float, text: float) -> float:
    """The score of two reports of one UN act (un_pair, same_un_act): the organ as the shared party,
    the type saying nothing either way."""
    return factor * (PARTY_WEIGHT + TEXT_WEIGHT * text + TYPE_WEIGHT * UNTYPED)


def text_score(a: Report, b: Report) -> float:
    """Similarity of the evidence sentences and titles (rapidfuzz token-set ratio), 0 to 1."""
    if not a.words or not b.words:
        return 0.0
    ratio = fuzz.token_set_ratio(a.words, b.words)
    return min(1.0, max(0.0, (ratio - TEXT_FLOOR) / (TEXT_CEILING - TEXT_FLOOR)))


def score(a: Report, b: Report, table: TypeTable | None = None) -> float:
    """How strongly two reports of different articles tell of one event: 0 to 1, LINK or more is one."""
    if a.article == b.article:
        return 0.0  # one article's reports were told apart when it was read (merge.py)
    factor = date_factor(a, b)
    if not factor:
        return 0.0
    if un_pair(a, b):
        text = text_score(a, b)
        return un_act_score(factor, text) if same_un_act(a.words, b.words, text) else 0.0
    parties = party_score(a, b)
    if not parties and not one_sided(a, b):
        return 0.0
    table = table or TypeTable.default()
    kinds = type_score(a.codes, b.codes, table)
    if parties:  # a one-sided pair has its type for a guard (one_side_score)
        kinds = type_of_one_act(kinds, a, b, table)
    if not kinds or two_acts(a, b) or (is_aside(a.words) != is_aside(b.words) and (kinds < 1.0 or beside(a, b))):
        # A side meeting and the event it was held beside: one event only if both type one root.
        return 0.0
    if not parties:
        return one_side_score(factor, text_score(a, b), kinds)
    return factor * (PARTY_WEIGHT * parties + TEXT_WEIGHT * text_score(a, b) + TYPE_WEIGHT * kinds)


@lru_cache(maxsize=64)
def fine_precision(precision: str) -> bool:
    """True for the precisions whose dates reports can be matched on (day to month)."""
    try:
        p = Precision(precision)
    except ValueError:
        return False
    return p.placeable and p.rank <= Precision.MONTH.rank
