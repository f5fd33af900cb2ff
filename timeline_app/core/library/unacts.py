"""Reports of one act of a UN body: the organ and what the act is about decide, not voters or verbs."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from timeline_app.core.library.words import content_words
from timeline_app.core.tables import read_tsv
from timeline_app.errors import RulesError
from timeline_app.paths import resource

# Two reports of UN acts neither of which names what the act is about ("the resolution on the
# displaced persons of Georgia") are one act when their words agree this much (matching.text_score).
UN_TEXT = 0.75
_MISSION = "mission"


@dataclass(frozen=True)
class UnWords:
    """resources/merging/un_acts.tsv, as stems."""

    organs: tuple[frozenset[str], ...]  # each organ's words, all of which name it
    missions: frozenset[str]
    kinds: dict[str, str]  # stem -> what an act is about
    triggers: frozenset[str]  # stems one of which a report of a UN act holds: organs' words, missions

    @classmethod
    def read(cls) -> UnWords:
        organs: list[frozenset[str]] = []
        missions: set[str] = set()
        kinds: dict[str, str] = {}
        for (role, words), where in read_tsv(resource("merging") / "un_acts.tsv", 2):
            stems = content_words(words).split()
            if not stems:
                raise RulesError(f"{where}: '{words}' holds no word the matcher keeps (a stopword?)")
            if role == "organ":
                organs.append(frozenset(stems))
            elif role == _MISSION and len(stems) == 1:
                missions.add(stems[0])
                kinds[stems[0]] = _MISSION
            elif role.startswith("kind:") and len(stems) == 1 and role[5:]:
                kinds[stems[0]] = role[5:]
            else:
                raise RulesError(f"{where}: expected 'organ', 'mission' or 'kind:<name>' with one word "
                                 f"(an organ may have several), found '{role}' with '{words}'")
        return cls(tuple(organs), frozenset(missions), kinds, frozenset(missions).union(*organs))


@lru_cache(maxsize=1)
def un_words() -> UnWords:
    return UnWords.read()


@lru_cache(maxsize=4096)
def _read(words: str) -> tuple[frozenset[int], bool, frozenset[str]]:
    """The organs a report's words (Report.words) name, whether they name a mission, and the kinds."""
    table = un_words()
    have = set(words.split())
    organs = frozenset(i for i, organ in enumerate(table.organs) if organ <= have)
    kinds = frozenset(table.kinds[w] for w in have if w in table.kinds)
    return organs, not table.missions.isdisjoint(have), kinds


def is_un_act(words: str) -> bool:
    """Whether a report's words (Report.words) tell of an act of a UN organ or on a UN mission."""
    table = un_words()
    if table.triggers.isdisjoint(words.split()):  # most reports, cheaply: a rebuild asks it of each
        return False
    organs, mission, _ = _read(words)
    return bool(organs) or mission


def same_un_act(a: str, b: str, text: float) -> bool:
    """Whether two reports of UN acts (is_un_act of both words) tell of one act: not two organs, the
    kinds of the act meeting, or, where one names none, their words agreeing (`text`, UN_TEXT)."""
    organs_a, _, kinds_a = _read(a)
    organs_b, _, kinds_b = _read(b)
    if organs_a and organs_b and organs_a.isdisjoint(organs_b):
        return False
    if kinds_a and kinds_b:
        return not kinds_a.isdisjoint(kinds_b)
    return text >= UN_TEXT

