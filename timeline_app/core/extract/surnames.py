"""Known persons named by surname alone: which surnames name one state's office-holders, and when a text so names one."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Container, Iterable

from timeline_app.core.extract.actors import ContextWords, Doc, token_key

Period = tuple[str, dt.date, dt.date]
# Words after a surname that are no part of it ("Ken Griffey Jr", "Pope Leo XIV").
_SUFFIXES = frozenset({"jr", "sr"})
_ROMAN = re.compile(r"[IVXLC]+")


def surname_table(persons: Iterable[tuple[tuple[str, ...], str, list[Period]]], taken: Container[tuple[str, ...]],
                  blocked: frozenset[str]) -> dict[str, tuple[str, str, tuple[Period, ...]]]:
    """Surname key -> (surface, canonical name, periods) for the surnames every known person of which served
    one state ("Santokhi"); none for one shared by persons of two states ("Kim", "Singh", "Khan"), for a word
    that is already an alias (a place, a state, an organisation, a person's own alias: `taken`) or a
    common word (`blocked`). `persons`: every alias's tokens, canonical name and periods. Several persons of
    one state: the canonical name is the surname itself. A word that begins the name of a person of another
    state is no surname of one state: "Kim" of "Kim Jong Un", "Han" of "Han Zheng", "Thomas"."""
    found: dict[str, list[tuple[str, str, list[Period]]]] = {}
    # The periods of the persons each first word begins, as lists: the states are worked out only for
    # the few first words that are also surnames (this runs over 20,000 aliases at every start).
    firsts: dict[str, list[list[Period]]] = {}
    for tokens, canonical, periods in persons:
        words = [w for w in tokens if w.isalpha()]
        while words and (token_key(words[-1]) in _SUFFIXES or _ROMAN.fullmatch(words[-1])):
            words.pop()
        if len(words) < 2:
            continue
        surface = words[-1]
        key = token_key(surface)
        # Surname first ("Kim Jong Un", "Han Zheng") or a given name: the first word may name this person too.
        firsts.setdefault(token_key(words[0]), []).append(periods)
        if len(key) < 3 or not surface[:1].isupper():
            continue
        found.setdefault(key, []).append((surface, canonical, periods))
    table: dict[str, tuple[str, str, tuple[Period, ...]]] = {}
    for key, persons in found.items():
        if (key,) in taken or key in blocked:
            continue
        states = {iso for _s, _c, periods in persons for iso, _a, _b in periods if iso}
        states.update(iso for periods in firsts.get(key, ()) for iso, _a, _b in periods if iso)
        if len(states) != 1:
            continue
        names = {c for _s, c, _p in persons}
        surface = persons[0][0]
        periods = tuple(sorted({p for _s, _c, ps in persons for p in ps}, key=lambda p: (p[1], p[2])))
        table[key] = (surface, names.pop() if len(names) == 1 else surface, periods)
    return table


def titled_start(doc: Doc, i: int, words: ContextWords) -> int:
    """The first token of the name whose surname is token i when it follows an office or an honorific, maybe with one given name between:
    "President Santokhi", "President Chan Santokhi", "Mr. Santokhi"; in a headline, where every word is
    capitalised, only right after the office. Not before another capitalised word: then it begins a name.
    -1 when no office or honorific stands before it."""
    honorifics = words.of("honorific")
    nxt = i + 1
    if nxt < len(doc.keys) and doc.joined(i, nxt) and doc.surfaces[nxt][:1].isupper():
        return -1  # "Vice President Han Zheng": the word begins a longer name, written surname first
    k = i - 1
    if k >= 1 and doc.joined(k, i) and not doc.in_headline(doc.starts[i]) and doc.surfaces[k][:1].isupper() and doc.surfaces[k][1:2].islower() \
            and doc.keys[k] not in words.titles and doc.keys[k] not in honorifics:
        k -= 1  # a short given name: "Chan Santokhi"
    if k < 0:
        return -1
    gap = doc.text[doc.ends[k] : doc.starts[k + 1]]
    if doc.keys[k] in honorifics:
        titled = gap.strip() in ("", ".") and "\n" not in gap
    else:
        titled = doc.joined(k, k + 1) and doc.keys[k] in words.titles
    return k + 1 if titled else -1
