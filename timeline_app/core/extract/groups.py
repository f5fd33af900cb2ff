"""Closed groups of states (NATO, the EU, the Quad, the Arctic states ...): their members on a given day."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from timeline_app.core.models import EntityKind, EntityMention
from timeline_app.core.tables import date_period, longest_first, read_tsv
from timeline_app.errors import RulesError

MEMBERS_FILE = "group_members.tsv"
NAMES_FILE = "group_names.tsv"
NOUNS_FILE = "member_nouns.txt"
_HOW = frozenset({"name", "members", "open"})
OPEN = "-"  # the group of an open-ended phrase: states take part, none is named
_MEMBERS_REACH = 600  # how far back "the ten member states" looks for its group: about three sentences


@dataclass(frozen=True)
class GroupName:
    """One way a text names a group's member states: the phrase alone, or before a member noun."""

    phrase: str
    group: str
    members_only: bool  # True: "NATO" + "allies"; False: "the Quad" alone
    cues: frozenset[str]  # words one of which the text must hold ("Allies" counts where NATO is named)


class GroupTable:
    """The member states of every group of resources/gazetteer/group_members.tsv, with their dates."""

    def __init__(self, directory: Path, countries: frozenset[str]) -> None:
        self._members: dict[str, list[tuple[str, dt.date, dt.date]]] = {}
        for (group, iso, start, end), where in read_tsv(directory / MEMBERS_FILE, 4):
            if not re.fullmatch(r"[A-Z0-9_]+", group):
                raise RulesError(f"{where}: group code '{group}' must be capitals, digits and '_'")
            if iso not in countries:
                raise RulesError(f"{where}: '{iso}' is not a country code of countries.tsv")
            self._members.setdefault(group, []).append((iso, *date_period(start, end, where)))
        self.names: list[GroupName] = []
        for cols, where in read_tsv(directory / NAMES_FILE, 3, 4):
            phrase, group, how = cols[:3]
            if (group == OPEN) != (how == "open"):
                raise RulesError(f"{where}: an open-ended phrase has the group '{OPEN}', and only it")
            if group not in self._members and group != OPEN:
                raise RulesError(f"{where}: '{group}' is not a group of {MEMBERS_FILE}")
            if how not in _HOW:
                raise RulesError(f"{where}: how must be one of {sorted(_HOW)}, not '{how}'")
            cues = frozenset(c.strip() for c in (cols[3] if len(cols) > 3 else "").split("|") if c.strip())
            self.names.append(GroupName(phrase, group, how == "members", cues))
        self.nouns = tuple(cols[0] for cols, _where in read_tsv(directory / NOUNS_FILE, 1))
        for noun in self.nouns:
            if noun != noun.lower():
                raise RulesError(f"{directory / NOUNS_FILE}: '{noun}' must be written in lower case")

    def groups(self) -> frozenset[str]:
        return frozenset(self._members)

    def members(self, group: str, when: dt.date | None) -> frozenset[str]:
        """The states that were members of `group` on `when` (all its members ever when None)."""
        return frozenset(iso for iso, start, end in self._members.get(group, ())
                         if when is None or start <= when <= end)

    def sizes(self, group: str) -> frozenset[int]:
        """How many members `group` has had, on each day one joined or left: BRICS had 4, 5, 9 and 10."""
        spans = self._members.get(group, ())
        days = {start for _iso, start, _end in spans} | {end + dt.timedelta(days=1) for _iso, _start, end in spans
                                                          if end < dt.date.max}
        return frozenset(len(self.members(group, day)) for day in days) - {0}

    def phrases(self) -> list[tuple[str, GroupName]]:
        """Every phrase that names a group's members: names alone, and names before each member noun."""
        out = []
        for name in self.names:
            if name.members_only:
                out.extend((f"{name.phrase} {noun}", name) for noun in self.nouns)
            else:
                out.append((name.phrase, name))
        return out


class UnnamedMembers:
    """"the ten member states", "its member countries": the members of the group named last before the
    phrase (clause_words member_phrase after a member_opener, maybe with a number between), when the
    number, if written, is theirs on the event's day ("Timor-Leste applied to join ASEAN in 2011. The
    leaders of the ten member states agreed to admit it in 2022": ASEAN's ten). A group's own name before
    the noun ("the ASEAN member states") is the gazetteer's; a word that is no number ("the other member
    states") names none."""

    def __init__(self, words: dict[str, frozenset[str]], counts: dict[str, int]) -> None:
        openers, phrases = words.get("member_opener", ()), words.get("member_phrase", ())
        self._pattern = re.compile(r"\b(?:" + longest_first(openers) + r")\s+(?:(?P<count>\w+)\s+)?(?:"
                                   + longest_first(phrases) + r")\b", re.IGNORECASE) if openers and phrases else None
        self._counts = counts

    def states(self, text: str, span: tuple[int, int], entities: list[EntityMention], starts: list[int],
               groups: GroupTable, day: dt.date | None) -> frozenset[str]:
        if self._pattern is None:
            return frozenset()
        out: frozenset[str] = frozenset()
        known = groups.groups()
        for m in self._pattern.finditer(text, *span):
            word = (m.group("count") or "").lower()
            count = int(word) if word.isdigit() else self._counts.get(word, 0)
            if word and not count:
                continue
            lo, hi = bisect.bisect_left(starts, m.start() - _MEMBERS_REACH), bisect.bisect_left(starts, m.start())
            named = [e for e in entities[lo:hi] if e.code in known and e.kind in (EntityKind.ORGANIZATION, EntityKind.GROUP)]
            members = groups.members(named[-1].code, day) if named else frozenset()
            if members and (not count or len(members) == count):
                out |= members
        return out
