"""The state a wire story is filed from, and the unqualified institutions that stand for it ("the junta")."""

from __future__ import annotations

import re

from timeline_app.core.models import EntityKind, EntityMention


def home_state(prefixes: list[tuple[int, int]], entities: list[EntityMention]) -> str:
    """The one state named by the wire prefixes ("BAMAKO (Wire) -"), "" when none or several are
    ("WASHINGTON/LONDON (Wire) -" was filed from two)."""
    codes = {e.code for e in entities if e.kind is EntityKind.COUNTRY and e.code
             and any(a <= e.start < b for a, b in prefixes)}
    return codes.pop() if len(codes) == 1 else ""


class HomeWords:
    """The phrases of clause_words.tsv's home_institution: an institution named without its state ("the
    junta", "the Supreme Court") is, in a story filed from a state, that state's, as a reader takes it.
    Not when a name follows ("the army of Sudan"): that name's."""

    def __init__(self, phrases: frozenset[str]) -> None:
        body = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True))
        self._pattern = re.compile(r"\b(?:" + body + r")\b(?!\s+of\s)", re.IGNORECASE) if body else None

    def names_home(self, text: str, start: int, end: int) -> bool:
        return self._pattern is not None and self._pattern.search(text, start, end) is not None
