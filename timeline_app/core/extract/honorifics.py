"""Honorifics that refer back to a person ("سموه", "دولته", "معاليه"): the state of the one last named with that title."""

from __future__ import annotations

import bisect
import re

from timeline_app.core.models import EntityKind, EntityMention, EntityRole

_NEAR = 60  # characters after a title within which the person it titles is named ("سمو الشيخ خالد بن محمد")


class HonorificReference:
    """Arabic agency copy refers back to a person by the honorific of their rank with a fused pronoun: "وكان سموه قد
    وصل", "وكان دولته قد شارك" stand for the person named before with "سمو", "دولة". clause_words honorific_reference
    pairs each such word with its title ("سموه=سمو"; a word may have several); a language without the category refers to nobody this way."""

    def __init__(self, words: dict[str, frozenset[str]]) -> None:
        self._title: dict[str, list[str]] = {}
        for word, title in (w.split("=", 1) for w in words.get("honorific_reference", ()) if "=" in w):
            self._title.setdefault(word, []).append(title)  # "سيادته": after "سيادة" or "السيد"
        self._pattern = (re.compile(r"(?<!\w)(" + "|".join(sorted(map(re.escape, self._title), key=len, reverse=True))
                                    + r")(?!\w)") if self._title else None)

    def states(self, text: str, span: tuple[int, int], entities: list[EntityMention], starts: list[int]) -> frozenset[str]:
        """The states of the persons the honorifics in text[span] refer to: for each, the first person or state
        named within a short reach after the last use of its title as a word of its own before it."""
        if self._pattern is None:
            return frozenset()
        found: set[str] = set()
        for m in self._pattern.finditer(text, *span):
            title = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, self._title[m.group(1)])) + r")(?!\w)")
            last = None
            for last in title.finditer(text, 0, m.start()):
                pass
            if last is None:
                continue
            k = bisect.bisect_left(starts, last.end())
            for e in entities[k : bisect.bisect_left(starts, last.end() + _NEAR)]:
                if e.code and (e.kind is EntityKind.PERSON or (e.kind is EntityKind.COUNTRY and e.role is EntityRole.ACTOR)):
                    found.add(e.code)
                    break
        return frozenset(found)
