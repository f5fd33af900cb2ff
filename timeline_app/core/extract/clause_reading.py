"""What the clauses around a date say about its parties, read without the memory of earlier events."""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Sequence

from timeline_app.core.extract.clause_grammar import ClausePatterns, VerbPhrasePatterns
from timeline_app.core.extract.parties import Clause, describe
from timeline_app.core.extract.references import antecedent_state, last_person_state, subject_states
from timeline_app.core.extract.scope import attributive, long_before, reactions
from timeline_app.core.models import DateMention, EntityMention

_ANTECEDENT = 40  # characters before a ", which" in which the noun it stands for is named

Span = tuple[int, int]


class ClauseReader:
    """The parties of one text's clauses: named, less a reaction's, behind a relative pronoun, shared
    with the clause before, or in what a clause reports."""

    def __init__(self, text: str, entities: list[EntityMention], starts: list[int], published: dt.date | None,
                 patterns: ClausePatterns, vp: VerbPhrasePatterns, dated: Sequence[DateMention],
                 unmarked_relative: bool) -> None:
        self.text = text
        self.entities = entities
        self.starts = starts
        self.published = published
        self.patterns = patterns
        self.vp = vp
        self.dated = dated
        self.unmarked_relative = unmarked_relative

    def describe(self, span: Span, d: DateMention) -> Clause:
        return describe(self.text, *span, self.entities, self.starts, d, self.published, self.patterns.place_party,
                        self.patterns.visit_after)

    def after_reaction(self, span: Span, d: DateMention, clause: Clause | None = None) -> frozenset[str]:
        """The parties of a clause, less those of a present reaction to what the date dates: in "The UK
        is appalled by the killing of the Governor on 14 June" the UK's reaction is not dated."""
        clause = clause or self.describe(span, d)
        reaction = next(iter(reactions(self.text, *span, self.vp)), None)
        if reaction is None or (span[0] <= d.start < span[1] and d.start < reaction.end()):
            return clause.actors
        if span[0] <= d.start < span[1]:
            # The last reaction before the date: "expresses the Kingdom's strong condemnation of the
            # strike on Sunday" leaves the Kingdom with the reaction, not with the strike.
            reaction = reactions(self.text, span[0], d.start, self.vp)[-1]
        return self.describe((reaction.end(), span[1]), d).actors

    def relative_states(self, d: DateMention, clauses: list[Span], idx: int, span: Span, named: bool,
                        org_acts: bool) -> tuple[frozenset[str], bool]:
        """The states a clause opened by a relative pronoun, or closing an aside, takes from the clause
        before it, and whether an organisation acts there; `named` says the clause names states itself."""
        text, previous = self.text, clauses[idx - 1]
        clause_text = text[span[0] : span[1]]
        if self.patterns.relative_person.match(clause_text):
            # "Erdogan, who met Putin on Friday": the person before the comma takes part, not the
            # rest of the clause ("The Kremlin's guests included the Turkish president, who had applied").
            near = frozenset()
            if "," in text[previous[1] : span[0]]:  # ", who": the noun right before the comma
                near = self.after_reaction((max(previous[0], previous[1] - _ANTECEDENT), previous[1]), d)
            elif self.unmarked_relative:  # "الحكومة الصومالية التي": the state right before, if one is
                near = antecedent_state(self.entities, self.starts, previous[1], named=True)
            return near or self.after_reaction(previous, d), org_acts
        if self.patterns.relative_thing.match(clause_text):
            # "The EU, which has deployed monitors since February 2023": what "which" stands for acts;
            # "We thank Benin, which announced on Monday": Benin, not the thanks; "the Quad
            # summit, which the United States will host": the summit's states and the host.
            # "Brazil, like Mexico, which modernised its deal in 2018": the state compared right before the comma.
            before = self.describe(previous, d)
            compared = antecedent_state(self.entities, self.starts, previous[1])
            head = self._apposition_head(clauses, idx) if compared else None
            if head is not None:
                # "Ungarn, EU-Mitglied wie Kroatien, das im Juli ...": the apposition's head, not the state compared.
                return self.describe(head, d).actors, org_acts
            states = compared or (
                self.describe((max(previous[0], previous[1] - _ANTECEDENT), previous[1]), d).actors
                if named else self.after_reaction(previous, d, before))
            return states, org_acts or before.org_acts
        if clause_text[:1].islower() and not self.vp.subordinate_clause.match(" " + clause_text):
            # "Angola, which had mediated since 2022, stepped aside in March": the main verb's
            # subject stands before the aside; not in a clause of a subject of its own ("Russia, which
            # brokered it in 2020, has lost ground since Azerbaijan retook the region in September 2023").
            if self.patterns.relative.match(text, previous[0]) and idx >= 2:
                joined = self.vp.coordination.match(" " + clause_text)
                if joined and joined.group(1) in self.vp.verbs:
                    # "X thanked Kenya and Jamaica, whose police have served since 2024, and said ...": the
                    # coordinated verb's subject is the main clause's, not its objects.
                    return self._subject(clauses[idx - 2], d), org_acts
                subject = self.describe(clauses[idx - 2], d)
                return subject.actors, org_acts or subject.org_acts  # "ECOWAS, which ..., will convene its chiefs"
            aside = self.patterns.aside.match(text, previous[0], previous[1])
            if aside:
                return self.describe((previous[0], aside.end(1)), d).actors, org_acts
        return frozenset(), org_acts

    def _apposition_head(self, clauses: list[Span], idx: int) -> Span | None:
        """The clause or words before an apposition that ends the clause before `idx` in a compared state and holds
        a noun before its comparison word ("Ungarn, EU-Mitglied wie Kroatien"; "la Hongrie, membre de l'UE comme la
        Croatie"); None for the comparison alone ("Brazil, like Mexico", "unlike the US") or no apposition."""
        previous = clauses[idx - 1]
        comma = self.text.rfind(",", previous[0], previous[1])
        aside = (comma + 1, previous[1]) if comma >= 0 else previous
        head = (previous[0], comma) if comma >= 0 else clauses[idx - 2] if idx >= 2 else None
        k = bisect.bisect_left(self.starts, aside[1]) - 1
        while k >= 0 and self.entities[k].end > aside[1]:
            k -= 1
        words = self.text[aside[0] : self.entities[k].start].split() if k >= 0 and self.entities[k].start >= aside[0] else []
        if len(words) >= 2 and len(words[-1]) <= 3 and words[-1].islower() and words[-2].islower():
            words.pop()  # an article between the comparison word and the name
        return head if len(words) >= 2 else None

    def shared_subject(self, d: DateMention, clauses: list[Span], idx: int, clause_text: str) -> frozenset[str]:
        """The subject's states when the clause goes on with the clause before it: "He met Macron on
        Dec. 7 and spoke to Scholz on Monday", "signed deals with Australia in 2022 and Britain in 2023",
        "arrived in Apia on Monday, before flying on to Suva the next day"."""
        vp = self.vp
        joined = vp.coordination.match(" " + clause_text)
        participle = vp.participle is not None and vp.participle.match(clause_text) is not None
        if not ((joined and joined.group(1) in vp.verbs) or vp.gapped.match(clause_text) or participle):
            return frozenset()
        return self._subject(clauses[idx - 1], d)

    def _subject(self, span: Span, d: DateMention) -> frozenset[str]:
        return frozenset(subject_states(
            self.text, span, self.vp.verbs, lambda a, b: self.describe((a, b), d).actors,
            self.patterns.person, lambda a, _b: self.last_person_state(a), self.patterns.lower_word,
        ))

    def last_person_state(self, offset: int) -> frozenset[str]:
        return last_person_state(self.text, self.entities, self.starts, offset, self.patterns.subject_break)

    def what_was_said(self, clauses: list[Span], idx: int, span: Span, d: DateMention) -> frozenset[str]:
        """The states of what the clause reports: "Pashinyan said on Thursday that Armenia would hand
        villages back to Azerbaijan" gives Armenia and Azerbaijan to Thursday as well."""
        if idx + 1 >= len(clauses):
            return frozenset()
        said = clauses[idx + 1]
        m = self.patterns.reporting.search(self.text, span[0], said[0] + 8)
        if m is None or not span[1] <= m.end() <= said[0]:
            return frozenset()
        # What was said about its own past ("revealed on Friday that he had met his Turkish counterpart in
        # May 2021") or about a dated noun ("would withdraw from Iran's 2015 deal with six powers") keeps
        # those states to that event; about the days of the saying ("said on Thursday that Belarusian
        # forces had helped migrants overnight") it names the parties.
        if any(said[0] <= x.start < said[1] and (attributive(self.text, x.start) or long_before(x, d)) for x in self.dated):
            return frozenset()
        return self.describe(said, d).actors
