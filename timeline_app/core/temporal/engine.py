"""find_dates: rule-based extraction, then resolution against the publication date and tense."""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import replace

from timeline_app.core import budget
from timeline_app.core.models import DateMention, Precision
from timeline_app.core.temporal.anchors import day_in_reach, from_report, in_told_week, period_in_sentence
from timeline_app.core.temporal.coordination import order_parts, share_years
from timeline_app.core.temporal.dateline import told_from
from timeline_app.core.temporal.doubt import is_guess
from timeline_app.core.sentences import sentence_at, split_sentences
from timeline_app.core.temporal.extract import Candidate, find_candidates
from timeline_app.core.temporal.pick import AHEAD_IN
from timeline_app.core.temporal.quotes import from_the_saying
from timeline_app.core.temporal.ranges import Joins, link_ranges
from timeline_app.core.temporal.resolve import Resolver
from timeline_app.core.temporal.rules import ENGLISH, RuleSet, default_rules
from timeline_app.core.temporal.tense import FUTURE, PAST, REPORTED_FUTURE, WEAK_PAST, direction, sentence_cues
from timeline_app.core.temporal.values import describe, split_time
from timeline_app.errors import BudgetError

log = logging.getLogger(__name__)

# Date expressions an article may hold (find_dates' `most`). Dense news has one in 120 characters,
# 8,500 in a text of a million, the most an article may have; past this the work on them takes longer
# than an article may (`budget`).
MOST_DATES = 10_000

# Dates without a year, weekdays, a day written in numbers that reads either way ("3/4/2025"), and
# the year of a day without one ("in the new year").
_NEEDS_TENSE = re.compile(r"^(?:SHIFT[+-]\d+day:|YEAROF-)?(?:XXXX|DOW|DOM-\d+$|WE|\d{4}-\d{2}-\d{2}\^)")
# "in six weeks" (rule in_units): ahead, or the span it took in a past clause; TimeML's duration units.
_IN_UNITS = re.compile(r"^IN\+(?P<n>\d+|X)(?P<unit>day|week|weekend|month|quarter|year|decade|century)$")
_SPAN_UNITS = {"day": "D", "week": "W", "weekend": "WE", "month": "M", "quarter": "Q", "year": "Y", "decade": "DE",
               "century": "CE"}
# A time of day on the last day mentioned, or a day beside it ("at 10 p.m.", "overnight").
_REF_DAY_TIME = re.compile(r"^REF[+-]\d+dayT")

_WRITTEN_PRECISION = {
    "day": Precision.DAY,
    "week": Precision.WEEK,
    "weekend": Precision.WEEKEND,
    "month": Precision.MONTH,
    "quarter": Precision.QUARTER,
    "half": Precision.HALF,
    "season": Precision.SEASON,
    "year": Precision.YEAR,
    "decade": Precision.DECADE,
    "century": Precision.CENTURY,
}


def find_dates(
    text: str, published: dt.date | None, rules: RuleSet | None = None, language: str = ENGLISH, *,
    most: int | None = None,
) -> list[DateMention]:
    """Every date expression of `text`, resolved against `published`, sorted by start.

    Absolute dates resolve without a publication date; relative ones are then returned with value ""
    and no days, so that they can be shown as unresolved. `language` (ISO 639-1) picks the rules
    when none are given. BudgetError when the text holds more than `most` expressions, or when the
    article's time (core.budget) runs out.
    """
    rules = rules or default_rules(language)
    folded, positions = rules.reading.fold_text(text)
    mentions = _find(folded, published, rules, most)
    if folded is text:
        return mentions
    # The rules read a folded copy (Arabic without its vowel marks, Eastern Arabic digits as
    # 0-9): offsets and surfaces are given back in the text as written.
    if positions is None:
        return [replace(m, text=text[m.start : m.end]) for m in mentions]
    out = []
    ends: dict[int, int] = {}  # folded end -> end as written, for the ranges' ends
    for m in mentions:
        start, end = positions[m.start], positions[m.end - 1] + 1
        while end < len(text) and rules.reading.fold.get(ord(text[end])) == "":
            end += 1  # the marks that follow the last letter ("هـ", a final vowel) are the word's
        ends[m.end] = end
        out.append(replace(m, start=start, end=end, text=text[start:end]))
    return [replace(m, range_end=ends[m.range_end]) if m.range_end is not None else m for m in out]


def _find(text: str, published: dt.date | None, rules: RuleSet, most: int | None) -> list[DateMention]:
    candidates = find_candidates(text, rules)
    if not candidates:
        return []
    if most is not None and len(candidates) > most:
        raise BudgetError(f"holds {len(candidates):,} date expressions, more than the {most:,} an article may have: "
                          "split it into smaller articles")
    joins = Joins.of(rules.cues)
    candidates = share_years(text, candidates, joins)
    # A German ordinal day ("am 1. Juli in Kraft tritt") ends with a full stop before a capital: the
    # sentence goes on, and the cues after the date are its own.
    sentences = split_sentences(text, [(c.start, c.end) for c in candidates])
    # A story filed under a dateline a few days before the publication date is told from that day.
    published = told_from(text, candidates, published) or published
    resolver = Resolver(published)
    out: list[tuple[Candidate, DateMention]] = []
    cue_cache: dict[tuple[int, int], list[tuple[int, int, str]]] = {}
    opens = _open_cue_ends(text, rules)
    since = rules.cues.get("past_start")
    told_past: set[int] = set()  # where the dates read in a past tense start
    for cand in candidates:
        budget.check()
        try:
            mention = _resolve(text, cand, sentences, resolver, rules, cue_cache, opens, since, told_past)
        except BudgetError:
            raise
        except Exception:  # noqa: BLE001 - a bug in one rule must not cost the article its other dates
            log.exception("could not resolve %r (rule %s, value %s): left unresolved",
                          text[cand.start:cand.end], cand.rule.name, cand.value)
            mention = _unresolved(text, cand)
        if mention is not None:
            if out and _NO_YEAR.match(cand.value):
                mention = _inside_frame(text, cand.value, mention, out, sentence_at(sentences, cand.start))
                mention = _years_since(text, cand.value, mention, out[-1][1], published, since)
            out.append((cand, mention))
            # An anaphoric date ("a year earlier") does not become the reference of the next one.
            if mention.value and mention.kind in ("DATE", "TIME") and not cand.value.startswith("REF"):
                resolver.remember(mention.value, mention.end)
    # The value each rule wrote, "in two weeks" as counted from today (a span it took is no count).
    written = ["DCT+" + c.value[len("IN+"):] if _IN_UNITS.match(c.value) and m.kind != "DURATION" else c.value
               for c, m in out]
    quoted = from_the_saying(text, [m for _, m in out], written, sentences,
                             rules.cues.get("reporting"), published)
    out = [(c, m) for (c, _), m in zip(out, quoted)]
    return link_ranges(text, order_parts(text, out, published, joins, told_past), joins)


def _resolve(
    text: str,
    cand: Candidate,
    sentences: list[tuple[int, int]],
    resolver: Resolver,
    rules: RuleSet,
    cue_cache: dict[tuple[int, int], list[tuple[int, int, str]]],
    opens: set[int],
    since: re.Pattern[str] | None,
    told_past: set[int],
) -> DateMention | None:
    kind = cand.rule.kind
    surface = text[cand.start : cand.end]
    common = dict(start=cand.start, end=cand.end, text=surface, kind=kind, mod=cand.mod, rule=cand.rule.name)
    if (span := _IN_UNITS.match(cand.value)) is not None:
        # "in six weeks": six weeks from now, or in a clause told in the past the span it took
        # ("the currency lost half its value in six weeks", "Prices doubled in two years").
        sentence = sentence_at(sentences, cand.start) or (cand.start, cand.end)
        if sentence not in cue_cache:
            cue_cache[sentence] = sentence_cues(text, sentence, rules.cues)
        if direction(text, sentence, cand.start, cand.end, rules.cues, cue_cache[sentence]) in (PAST, WEAK_PAST):
            n, unit = span.group("n"), span.group("unit")
            common["kind"] = "DURATION"
            return DateMention(value=f"P{n}{_SPAN_UNITS[unit]}", granularity=Precision.DURATION, **common)
        cand = replace(cand, value="DCT+" + cand.value[len("IN+"):])
    if kind in ("DURATION", "SET"):
        precision = Precision.DURATION if kind == "DURATION" else Precision.SET
        return DateMention(value=cand.value, granularity=precision, **common)
    if _REF_DAY_TIME.match(cand.value) and (
        not day_in_reach(text, resolver.last_day_end, cand.start)
        or period_in_sentence(resolver, sentence_at(sentences, cand.start))
    ):
        log.debug("dropped %r (%s): no day mentioned near it", surface, cand.rule.name)
        return None
    tense = None
    if _NEEDS_TENSE.match(cand.value):  # only dates the tense decides use it
        sentence = sentence_at(sentences, cand.start) or (cand.start, cand.end)
        if sentence not in cue_cache:
            cue_cache[sentence] = sentence_cues(text, sentence, rules.cues)
        tense = direction(text, sentence, cand.start, cand.end, rules.cues, cue_cache[sentence])
        if tense in (PAST, WEAK_PAST):
            told_past.add(cand.start)
    value = cand.value
    if _NEEDS_TENSE.match(value) and _right_after(text, cand.start, since):
        # "has risen since January", "since the Jan. 5 ceasefire": a period still running started
        # before publication, whatever the tense says ("since January" told in December is no
        # January ahead); a day told on its own date is that day a year back ("one year since the
        # October 7 attacks", said on 7 October).
        same_day = resolver.published is not None and value == f"XXXX-{resolver.published:%m-%d}"
        value, tense = ("DCT<" + value, None) if same_day else (value, PAST)
    if tense == REPORTED_FUTURE:
        tense = FUTURE
        value = from_report(value, resolver, sentence_at(sentences, cand.start))
    else:
        value = in_told_week(text, value, resolver, sentence_at(sentences, cand.start), tense)
    if tense == FUTURE and _PERIOD_NO_YEAR.match(value) and _TIME_IN.search(text, max(0, cand.start - 12), cand.start):
        tense = AHEAD_IN
    result = resolver.resolve(value, tense)
    if result is not None and result[0] and not result[2]:
        result = result[0], result[1], is_guess(resolver, value, tense, result[0])
    if result is None:
        log.debug("dropped %r (%s): cannot resolve %s", surface, cand.rule.name, cand.value)
        return None
    value, relative, doubtful = result
    if doubtful and not common["mod"]:
        common["mod"] = "APPROX"  # two readings of what was written: TimeML's mark of an uncertain value
    if value == "":
        return DateMention(value="", granularity=_written_precision(cand.value), relative=True, **common)
    described = describe(value)
    if described is None:
        return None
    precision, first, last = described
    open_end = cand.rule.open_end or _after_cue(text, cand.start, opens)
    if split_time(value)[1]:
        common["kind"] = "TIME"
    return DateMention(
        value=value,
        granularity=precision,
        start_date=first,
        end_date=last,
        open_end=open_end,
        relative=relative,
        **common,
    )


# A quarter or half without its year, after a preposition of the time something happens in.
_PERIOD_NO_YEAR = re.compile(r"^XXXX-(?:Q[1-4]|H[12])$")
_TIME_IN = re.compile(r"\b(?:in|during)\s+$", re.IGNORECASE)
_NO_YEAR = re.compile(r"^XXXX-(?P<month>\d{2})(?:-(?P<day>\d{2}))?$")
_PERIODS = (Precision.MONTH, Precision.QUARTER, Precision.SEASON, Precision.HALF, Precision.YEAR)
# What may stand before a period that frames its sentence: "In", "Later that", "During the".
_FRAME = re.compile(r"\s*(?:[\"'\u201c]?[A-Za-z]+\s+){0,3}")


def _inside_frame(text: str, written: str, mention: DateMention, out: list[tuple[Candidate, DateMention]],
                  sentence: tuple[int, int] | None) -> DateMention:
    """A day or month without its year in a sentence opened by a longer period that holds such a day
    ("That summer, an airliner was shot down on July 17"; "In 2014, on March 3 and July 17") is in
    that period, whatever the tense says about the publication year. A period told further in may
    belong to something else ("a program approved in 1987 ... had bought shares through Sept. 29")."""
    if sentence is None or not mention.value:
        return mention
    frame = None
    for _, earlier in reversed(out):
        if earlier.start < sentence[0]:
            break
        frame = earlier
    if (frame is None or frame.granularity not in _PERIODS or frame.start_date is None or frame.end_date is None
            or not _FRAME.fullmatch(text, sentence[0], frame.start) or not text.startswith(",", frame.end)
            or ";" in text[frame.end:mention.start]):  # "In 2014, Russia seized Crimea; it will vote on March 17"
        return mention
    m = _NO_YEAR.match(written)
    for year in range(frame.start_date.year, frame.end_date.year + 1):
        value = f"{year:04d}-{m.group('month')}" + (f"-{m.group('day')}" if m.group("day") else "")
        described = describe(value)
        if described is None or described[0].rank >= frame.granularity.rank:
            continue
        if frame.start_date <= described[1] and described[2] <= frame.end_date:
            if value == mention.value:
                return mention
            return replace(mention, value=value, start_date=described[1], end_date=described[2])
    return mention


def _years_since(text: str, written: str, mention: DateMention, before: DateMention, published: dt.date | None,
                 since: re.Pattern[str] | None) -> DateMention:
    """A day without its year told as the start of a count of years ("two years since the Sept. 17
    ceasefire", "marked one year since the October 7 attacks") is that many years before publication:
    of the days so written, the one nearest to the publication date moved back by the count."""
    m, n = _NO_YEAR.match(written), _YEARS.fullmatch(before.value)
    if (m is None or m.group("day") is None or n is None or published is None or before.kind != "DURATION"
            or not _CUE_WORDS.fullmatch(text, before.end, mention.start)  # "since the", "ever since the"
            or not _right_after(text, mention.start, since)):
        return mention
    target = published.toordinal() - round(365.25 * int(n.group(1)))
    days = [d for year in range(published.year - int(n.group(1)) - 1, published.year - int(n.group(1)) + 2)
            if (d := describe(f"{year:04d}-{m.group('month')}-{m.group('day')}")) is not None]
    if not days:
        return mention
    _, first, last = min(days, key=lambda d: abs(d[1].toordinal() - target))
    return replace(mention, value=first.isoformat(), start_date=first, end_date=last)


_YEARS = re.compile(r"P(\d+)Y")
_CUE_WORDS = re.compile(r"\s+[^\W\d_]+(?:\s+[^\W\d_]+){0,2}\s+")


def _unresolved(text: str, cand: Candidate) -> DateMention:
    """The mention of a candidate that could not be resolved: found, shown, without a value."""
    return DateMention(start=cand.start, end=cand.end, text=text[cand.start:cand.end], value="",
                       granularity=_written_precision(cand.value), kind=cand.rule.kind, mod=cand.mod,
                       relative=True, rule=cand.rule.name)


_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)


def _right_after(text: str, start: int, cue: re.Pattern[str] | None) -> bool:
    """Whether `cue` ends right before the date at `start`, whitespace or "the" between ("since the").
    Looked for at each date, not over the whole text: most dates follow no such cue."""
    if cue is None:
        return False
    if (m := _THE_BEFORE.search(text, max(0, start - 8), start)) is not None:
        start = m.start()
    stop = start
    while stop > 0 and text[stop - 1].isspace() and start - stop < 20:
        stop -= 1
    return any(m.end() == stop for m in cue.finditer(text, max(0, stop - 24), stop))


def _open_cue_ends(text: str, rules: RuleSet) -> set[int]:
    """Where a cue such as "since" ends: a date right after one opens a period. One pass a text."""
    cue = rules.cues.get("open_before")
    return set() if cue is None else {m.end() for m in cue.finditer(text)}


def _after_cue(text: str, start: int, ends: set[int]) -> bool:
    i = start
    while i > 0 and text[i - 1].isspace() and start - i < 20:
        i -= 1
    return i in ends


def _written_precision(value: str) -> Precision:
    """The precision an unresolved relative value was written with ("DCT-1week" -> WEEK)."""
    date_part, time = split_time(value)
    if time:
        return Precision.TIME
    for unit, precision in _WRITTEN_PRECISION.items():
        if date_part.endswith(unit):
            return precision
    if date_part.startswith(("DOW", "DOM", "SHIFT")) or date_part.count("-") == 2:
        return Precision.DAY
    if "-Q" in date_part:
        return Precision.QUARTER
    if "-H" in date_part:
        return Precision.HALF
    if date_part[-2:] in ("SP", "SU", "FA", "WI"):
        return Precision.SEASON
    if date_part.count("-") == 1:
        return Precision.MONTH
    return Precision.UNKNOWN
