"""One event mention written out for its date: the event type, the summary and the evidence sentence."""

from __future__ import annotations

import re

from timeline_app.core.extract.cameo import CameoTable
from timeline_app.core.extract.dated_phrase import DatedPhrase
from timeline_app.core.extract.datelines import after_prefixes
from timeline_app.core.extract.parties import Place
from timeline_app.core.extract.scope import blanked
from timeline_app.core.extract.summaries import relative_clause_start, summary
from timeline_app.core.models import DateMention, EventMention


class MentionWriter:
    """Writes the event mention of a date whose place and parties are known, for one text."""

    def __init__(self, shown: str, table: CameoTable, prefixes: list[tuple[int, int]], relative: re.Pattern[str]) -> None:
        self.shown = shown  # the text as written, for the summaries and the evidence
        self.table = table
        self.prefixes = prefixes
        self.relative = relative
        self.dated_phrase = DatedPhrase(table)

    def _summary_start(self, text: str, place: Place) -> int:
        start = after_prefixes(text, self.prefixes, place.sent[0], place.span[0])
        if place.idx == 0 or not self.relative.match(text, place.span[0]):
            return start
        # "Bolivia broke off relations with Chile, to which it lost its coast in a war in the 19th century":
        # the date is the war's, told of Chile; the break is another event.
        return relative_clause_start(text, start, place.span[0], self.table.words.get("antecedent_opener", frozenset()))

    def mention(self, text: str, d: DateMention, place: Place, countries: set[str]) -> EventMention:
        """The event mention of date `d` in `text` (the text as the clauses were read) with `countries`."""
        sent = place.sent
        blank = " " * (d.end - d.start)
        # The phrase the date modifies first ("the tanker, seized by Iran on 5 November"), then its clause.
        etype = next((found for phrase in self.dated_phrase.spans(text, place.span, d)
                      if (found := self.table.classify(blanked(text, phrase, d, blank)))), None)
        etype = etype or self.table.classify(blanked(text, place.span, d, blank)) or self.table.classify(
            blanked(text, sent, d, blank))
        return EventMention(
            date=d,
            countries=tuple(sorted(countries)),
            organizations=place.clause.organizations,
            location_country=place.clause.location,
            event_type=etype.root_name if etype else "",
            cameo_code=etype.code if etype else "",
            quad_class=etype.quad_class if etype else 0,
            summary=summary(self.shown, self._summary_start(text, place), place.clause_end, d.start, d.end),
            evidence=self.shown[sent[0] : sent[1]],
            evidence_start=sent[0],
            evidence_end=sent[1],
        )
