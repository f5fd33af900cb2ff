"""The two linked mentions of a range made one date of an event: "7-8 March" is one trip, from the 7th to the 8th."""

from __future__ import annotations

from timeline_app.core.models import DateMention


def join_ranges(text: str, dates: list[DateMention]) -> list[DateMention]:
    """`dates` with each range (a mention whose `range_end` names where its last mention ends)
    replaced by one mention spanning the whole range as written ("7-8 March", "between Monday and
    Wednesday"): its days run from the first day of the first end to the last day of the last one,
    its precision is the coarser of the two ends' ("from March 3 to May" is known to the month), and
    its value is the ISO 8601 interval of the two values ("2024-03-07/2024-03-08")."""
    by_end = {d.end: d for d in dates}
    ends: set[int] = set()  # id() of the mentions that end a range
    out: list[DateMention] = []
    for d in sorted(dates, key=lambda m: (m.start, m.end)):
        if id(d) in ends:
            continue
        last = by_end.get(d.range_end) if d.range_end is not None else None
        if last is not None and last.start >= d.end:
            ends.add(id(last))
            d = _whole(text, d, last)
        out.append(d)
    return out


def _whole(text: str, first: DateMention, last: DateMention) -> DateMention:
    coarser = first.granularity if first.granularity.rank >= last.granularity.rank else last.granularity
    return DateMention(
        start=first.start,
        end=last.end,
        text=text[first.start : last.end],
        value=f"{first.value}/{last.value}",
        granularity=coarser,
        start_date=first.start_date,
        end_date=last.end_date,
        kind=first.kind,
        relative=first.relative or last.relative,
        rule=f"{first.rule}+{last.rule}",
    )


def whole_dates(clauses: list[tuple[int, int]], date_spans: list[tuple[int, int]] | None) -> list[tuple[int, int]]:
    """The clauses of a sentence, without the cuts made inside a date: the dash of "March 3 – 5"
    joins a range's ends, it does not start a new clause."""
    if not date_spans or len(clauses) < 2:
        return clauses
    out = [clauses[0]]
    for a, b in clauses[1:]:
        if any(s < a < e for s, e in date_spans):
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out
