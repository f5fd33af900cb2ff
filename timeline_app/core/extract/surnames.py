"""Known persons named by part of their name: a surname after an office, an initial or a double surname, and on which day it names one state."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Container, Iterable

from timeline_app.core.extract.actors import ContextWords, Doc, token_key

Period = tuple[str, dt.date, dt.date]
# key -> (surface tokens, canonical name, periods, alone): `alone` for a part of a name that reads without
# an office before it (a double or hyphenated surname, "Lopez Obrador", "Persad-Bissessar").
SurnameTable = dict[tuple[str, ...], tuple[tuple[str, ...], str, tuple[Period, ...], bool]]
# Words after a surname that are no part of it ("Ken Griffey Jr", "Pope Leo XIV").
_SUFFIXES = frozenset({"jr", "sr"})
_ROMAN = re.compile(r"[IVXLC]+")
_INITIALS = re.compile(r"(?:[A-Z]\.?)+")  # "K", "K.P." (one token when written without a space)


def surname_table(persons: Iterable[tuple[tuple[str, ...], str, list[Period]]], taken: Container[tuple[str, ...]],
                  blocked: frozenset[str], first_surname_states: frozenset[str] = frozenset()) -> SurnameTable:
    """The parts of known persons' names a text may name them by, none of which is already an alias (`taken`: a
    place, a state, an organisation, a person's own alias) or a common word (`blocked`). `persons`: every
    alias's tokens, canonical name and periods.

    - The last word, read after an office ("President Santokhi"). Its persons may serve several states: on each
      day it names the one state whose persons then hold office (surname_state). A word that begins the name of
      a person of another state is none: "Kim" of "Kim Jong Un", "Han" of "Han Zheng", "Thomas".
    - The first half of a hyphenated surname, after an office too ("Prime Minister Persad").
    - The first of two surnames of a person of `first_surname_states`, where a person is called by the father's
      surname alone, after an office too ("President López" of "Andrés Manuel López Obrador"), unless the word
      begins another person's name: in "Juan Manuel Santos" the middle word is a given name.
    - A double surname ("Lopez Obrador" of "Andres Manuel Lopez Obrador") and a hyphenated one, read alone,
      when every person it ends serves one state and its first word begins nobody's name.
    Several persons: the canonical name is the part itself."""
    Row = tuple[tuple[str, ...], str, list[Period]]
    found: dict[str, list[Row]] = {}  # last words, keyed by the word: most keys are one word
    parts: dict[tuple[str, ...], list[Row]] = {}  # double and hyphenated surnames: they read alone
    # The canonical names and periods of the persons each first word begins: the states are worked out only
    # for the few first words that are also surnames (this runs over 20,000 aliases at every start).
    firsts: dict[str, list[tuple[str, list[Period]]]] = {}
    fathers: list[tuple[str, Row, bool]] = []  # first surnames, read once every given name is known; with two given names
    for tokens, canonical, periods in persons:
        n = len(tokens)
        while n and (not tokens[n - 1].isalpha() or token_key(tokens[n - 1]) in _SUFFIXES or _ROMAN.fullmatch(tokens[n - 1])):
            n -= 1
        words = [w for w in tokens[:n] if w.isalpha()]
        if len(words) < 2:
            continue
        # Surname first ("Kim Jong Un", "Han Zheng") or a given name: the first word may name this person too.
        firsts.setdefault(token_key(words[0]), []).append((canonical, periods))
        last = words[-1]
        if last[:1].isupper():
            found.setdefault(token_key(last), []).append(((last,), canonical, periods))
        father = _first_surname(tokens[:n]) if any(iso in first_surname_states for iso, _a, _b in periods) else None
        if father is not None:
            fathers.append((token_key(father), ((father,), canonical, periods), len(words) > 3))
        if len(words) >= 3 or tokens[n - 2] == "-":
            for part, is_alone in _double_surnames(tokens[:n], words, blocked):
                if not is_alone:  # the first half of a hyphenated surname: one word, as last words are
                    found.setdefault(token_key(part[0]), []).append((part, canonical, periods))
                    continue
                key = tuple(map(token_key, part))
                parts.setdefault(key, []).append((part, canonical, periods))
    surnames = frozenset(found)
    for key, row, two_given in fathers:
        # "Lopez" of the alias "Lopez Obrador" is his own; "Maria" of another's name is a given name.
        if (two_given or key in surnames) and all(c == row[1] for c, _p in firsts.get(key, ())):
            found.setdefault(key, []).append(row)
    table: SurnameTable = {}
    candidates = [((k,), rows) for k, rows in found.items() if k not in blocked and len(k) >= 3]
    candidates += [(k, rows) for k, rows in parts.items() if k[0] not in firsts and k[0] not in blocked and k[-1] not in blocked and len(k[0]) >= 3]
    for key, rows in candidates:
        if key in taken:
            continue
        states = {iso for _s, _c, periods in rows for iso, _a, _b in periods if iso}
        if not states or (len(key) > 1 and len(states) != 1):
            continue
        names = {c for _s, c, _p in rows}
        if key[0] in firsts:
            first_states = {iso for c, periods in firsts[key[0]] if c not in names for iso, _a, _b in periods if iso}
            if first_states and len(states | first_states) != 1:
                continue
        surface = rows[0][0]
        periods = tuple(sorted({p for _s, _c, ps in rows for p in ps}, key=lambda p: (p[1], p[2])))
        table[key] = (surface, names.pop() if len(names) == 1 else " ".join(surface).replace(" - ", "-"), periods, len(key) > 1)
    return table


def _double_surnames(names: tuple[str, ...], words: list[str], blocked: frozenset[str]) -> list[tuple[tuple[str, ...], bool]]:
    """The parts of a double or hyphenated surname a text may name the person by, each with `alone`."""
    last = words[-1]
    if len(names) >= 4 and names[-2] == "-" and names[-3][:1].isupper() and names[-3].isalpha() and last[:1].isupper():
        if token_key(names[-3]) in blocked:
            return []
        return [((names[-3],), False), (names[-3:], True)]  # "Persad", "Persad-Bissessar"
    if len(words) >= 3 and names[-2] == words[-2] and words[-2][:1].isupper() and last[:1].isupper():
        return [((words[-2], last), True)]  # "Lopez Obrador"
    return []


def _first_surname(names: tuple[str, ...]) -> str | None:
    """The father's surname of a name with two, given names first: "Lopez" of "Andres Manuel Lopez Obrador",
    "Sanchez" of "Pedro Sanchez Perez-Castejon"; None when fewer than three names stand in it. Of three names,
    the middle one may be a second given name ("Marco Tulio Sosa"): surname_table asks for a known surname."""
    units: list[str] = []  # the names, a hyphenated surname as one unit, each by its first word
    k = len(names) - 1
    while k >= 0:
        if k >= 2 and names[k - 1] == "-":
            units.append(names[k - 2])
            k -= 3
        else:
            units.append(names[k])
            k -= 1
    units.reverse()
    if len(units) < 3 or not all(u.isalpha() and u[:1].isupper() for u in units[-3:]):
        return None  # "Juan de Dios Ramirez", "Alfonso de Los Heros": no first surname of two
    return units[-2]


def surname_state(alias_name: str, ranges: tuple[Period, ...], when: dt.date | None, until: dt.date = dt.date.max) -> str | None:
    """The state a surname names on `when`: that of the persons then in office when they all serve one (else of
    those who served before it); None when persons of two states share it on that day. A term ending on `until`
    (the generated table's open terms, Lexicon.generated_until) may run on: after that day it counts only when no
    term known to run then does ("Sanchez" of 2021 is Spain's Pedro Sanchez, not a Costa Rican of 2006)."""
    if when is None:
        states = {iso for iso, _a, _b in ranges}
    else:
        states = ({iso for iso, a, b in ranges if a <= when <= b} or {iso for iso, a, b in ranges if b == until and a <= when}
                  or {iso for iso, a, _b in ranges if a <= when})
    return states.pop() if len(states) == 1 else None


def initial_gap(doc: Doc, a: int, b: int) -> bool:
    """True when token a is an initial whose full stop alone stands before token b: "K. Shanmugam"."""
    gap = doc.text[doc.ends[a] : doc.starts[b]]
    return gap in (".", ". ") and bool(_INITIALS.fullmatch(doc.surfaces[a]))


def surname_mention(doc: Doc, i: int, last: int, alias_name: str, ranges: tuple[Period, ...], when: dt.date | None,
                    words: ContextWords, until: dt.date = dt.date.max) -> tuple[int, str, str] | None:
    """(first token, name, state) of a person named at tokens i..last by a part of the name, or None when no office,
    honorific or matching initial stands before it, or when the part names persons of two states on `when`
    (`until`: as for surname_state)."""
    code = surname_state(alias_name, ranges, when, until)
    if code is None:
        return None
    first = titled_start(doc, i, words, last)
    given = [token_key(w)[:1] for w in alias_name.split()[:-1]]
    states = {iso for iso, _a, _b in ranges}
    if first < 0:
        first = _initialled_start(doc, i)
        # "Santokhi" alone: a person of the text's own (learn_names), or nobody. An initial names the table's
        # person only when it is theirs, opens the name ("Frederick A. Mitchell" is someone else) and the
        # surname is one state's.
        if first < 0 or (given and token_key(doc.surfaces[first])[:1] not in given) or len(states) > 1 \
                or (first > 0 and doc.joined(first - 1, first) and doc.surfaces[first - 1][:1].isupper()
                    and doc.keys[first - 1] not in words.titles and doc.keys[first - 1] not in words.of("honorific")):
            return None
        return first, alias_name, code
    name = alias_name
    k = first
    while k < i and doc.keys[k] in words.of("name_particle"):
        k += 1
    if k < i and doc.keys[k] not in map(token_key, alias_name.split()):
        # "Santiago Cafiero" is not the table's "Antonio Cafiero": his state, not that man's dated offices; but a
        # surname of several states' persons ("Majed Al-Ansari") tells nothing of an unknown person's.
        if len(states) > 1:
            return None
        name = doc.text[doc.starts[first] : doc.ends[last]]
    return first, name, code


def _initialled_start(doc: Doc, i: int) -> int:
    """The first initial of "K. Shanmugam", "K. P. Oli" before token i, else -1."""
    k = i
    while k >= 1 and initial_gap(doc, k - 1, k):
        k -= 1
    return k if k < i else -1


def titled_start(doc: Doc, i: int, words: ContextWords, last: int | None = None) -> int:
    """The first token of the name whose surname is tokens i..last when it follows an office or an honorific, maybe
    with one given name or a particle between: "President Santokhi", "President Chan Santokhi", "Mr. Santokhi",
    "President al-Sisi", "le ministre des Affaires étrangères Santokhi" (an office's last word, 'office_end'); in a headline, where every word is capitalised, only right after the office. Not before
    another capitalised word: then it begins a name. -1 when no office or honorific stands before it."""
    honorifics = words.of("honorific")
    particles = words.of("name_particle")
    offices = words.titles | words.of("office_end")
    nxt = (i if last is None else last) + 1
    if nxt < len(doc.keys) and doc.joined(nxt - 1, nxt) and doc.surfaces[nxt][:1].isupper():
        return -1  # "Vice President Han Zheng": the word begins a longer name, written surname first
    k = i - 1
    while k >= 1 and doc.keys[k] in particles and doc.joined(k, k + 1) and not doc.in_headline(doc.starts[i]):
        k -= 1  # "al-Sisi", "Van der Bellen"
    if k >= 1 and doc.joined(k, k + 1) and not doc.in_headline(doc.starts[i]) and doc.surfaces[k][:1].isupper() and doc.surfaces[k][1:2].islower() \
            and doc.keys[k] not in offices and doc.keys[k] not in honorifics:
        k -= 1  # a short given name: "Chan Santokhi"
    if k < 0:
        return -1
    gap = doc.text[doc.ends[k] : doc.starts[k + 1]]
    if doc.keys[k] in honorifics:
        titled = gap.strip() in ("", ".") and "\n" not in gap
    else:
        titled = doc.joined(k, k + 1) and doc.keys[k] in offices
    return k + 1 if titled else -1
