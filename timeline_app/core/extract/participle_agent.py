"""A date right after a participle and its agent dates that participle's act: "as tarifas anunciadas pelos Estados Unidos em abril"."""

from __future__ import annotations

import bisect
import re

from timeline_app.core.models import DateMention, EntityKind, EntityMention
from timeline_app.core.tables import longest_first

_AGENT_REACH = 60  # characters from the agent word to the date: a name of a few words and a preposition


class ParticipleAgent:
    """clause_words participle_agent: the words that introduce the agent of a participle ("pelos"); with the
    language's passive_participle_ending and date_preposition words. A date that follows "<participle> <agent
    word> <names>" with at most a preposition between is the date of that act, done by those names ("as
    tarifas anunciadas pelos Estados Unidos em abril": the United States', not the sentence's subject's). A
    language without participle_agent words reads no date this way."""

    def __init__(self, words: dict[str, frozenset[str]], date_prepositions: frozenset[str]) -> None:
        agents, endings = words.get("participle_agent"), words.get("passive_participle_ending")
        self._pattern = (re.compile(r"(?<!\w)[^\W\d_]+(?:" + longest_first(endings) + r")\s+(?:" + longest_first(agents)
                                    + r")\s+", re.IGNORECASE) if agents and endings else None)
        self._prepositions = date_prepositions

    def states(self, text: str, span: tuple[int, int], d: DateMention, entities: list[EntityMention],
               starts: list[int]) -> frozenset[str]:
        """The states of the agent whose act `d` dates in the clause text[span], else none."""
        if self._pattern is None:
            return frozenset()
        head = max(span[0], d.start - _AGENT_REACH)
        agent = None
        for agent in self._pattern.finditer(text, head, d.start):
            pass
        if agent is None:
            return frozenset()
        named = [e for e in entities[bisect.bisect_left(starts, agent.end()) : bisect.bisect_left(starts, d.start)]
                 if e.code and e.kind in (EntityKind.COUNTRY, EntityKind.PERSON)]
        if not named or named[0].start != agent.end():
            return frozenset()  # "anunciadas pelo governo dos Estados Unidos": not a name right after the agent word
        gap = text[named[-1].end : d.start].strip().lower()
        if gap and gap not in self._prepositions:
            return frozenset()
        return frozenset(e.code for e in named)
