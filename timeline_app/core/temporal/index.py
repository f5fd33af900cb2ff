"""Which tokens and characters a rule can start with, read from its parsed regular expression.

The engine tries a rule only where such a token starts, so most positions of a text are tried by
no rule at all and the scan stays linear and fast.
"""

from __future__ import annotations

import re
import re._constants as sre_c  # WORKAROUND: no public API gives a pattern's possible first characters
import re._parser as sre_parse


_WORD_LIMIT = 3000
_DIGITS = 5  # runs of digits are keyed by their length up to this ("#5": five or more)


def _is_number_key(t: str) -> bool:
    """True for a state inside a number: "#3", "the #4"."""
    return len(t) >= 2 and t[-2] == "#"


def token_key(token: str) -> str:
    """The index key of a text token: "#" and the length of its leading digits for a number
    ("#4" for "1990s"), else the lower-cased token.

    Rules that start with "the" are indexed under "the " + the key of the next token.
    """
    if token[0].isdigit():
        n = len(token) - len(token.lstrip("0123456789"))
        return f"#{min(n, _DIGITS)}"
    return token.lower()


def parse(pattern: str) -> sre_parse.SubPattern:
    """The parsed form of a case-insensitive pattern, to read both its first characters and words."""
    return sre_parse.parse(pattern, re.IGNORECASE)


def first_words(pattern: str | sre_parse.SubPattern) -> frozenset[str] | None:
    """The keys (see token_key) of the first token of every match of `pattern`; None if unknown."""
    try:
        states = _walk(parse(pattern) if isinstance(pattern, str) else pattern, {("", False)})
    except _Unknown:
        return None
    return frozenset(t.strip() for t, _ in states if t.strip())


class _Unknown(Exception):
    pass


def _walk(sub, states: set[tuple[str, bool]]) -> set[tuple[str, bool]]:
    """Extend (first token so far, token complete) states over a parsed sequence."""
    for op, av in sub:
        if all(done for _, done in states):
            return states
        states = _step(op, av, states)
        if len(states) > _WORD_LIMIT:
            raise _Unknown
    return states


def _add(states: set[tuple[str, bool]], chars: set[str]) -> set[tuple[str, bool]]:
    """States extended by one character. A first token "the" is extended by the token after it
    ("the quarter"): "the" starts too many texts' tokens to index rules under it alone. A number
    is keyed by the length of its run of digits ("#4" for "1990s")."""
    out = set()
    for t, done in states:
        if done:
            out.add((t, done))
            continue
        for c in chars:
            at_start = t == "" or t.endswith(" ")
            if _is_number_key(t):  # inside a number: "#3", "the #4"
                if c.isdigit():
                    out.add((t[:-1] + str(min(int(t[-1]) + 1, _DIGITS)), False))
                else:
                    out.add((t, True))
            elif at_start and c.isspace():
                out.add((t, False) if t else ("", False))
            elif at_start and c.isdigit():
                out.add((t + "#1", False))
            elif c.isalnum() or c == "_":
                out.add((t + c.lower(), False))
            elif at_start:
                out.add((t + c, True))
            elif t == "the" and c.isspace():
                out.add(("the ", False))
            else:
                out.add((t, True))
    return out


def _step(op, av, states: set[tuple[str, bool]]) -> set[tuple[str, bool]]:
    if op is sre_c.LITERAL:
        return _add(states, {chr(av)})
    if op is sre_c.IN:
        chars: set[str] = set()
        for o, a in av:
            if o is sre_c.LITERAL:
                chars.add(chr(a))
            elif o is sre_c.RANGE and a[1] - a[0] < 300:
                chars |= {chr(c) for c in range(a[0], a[1] + 1)}
            elif o is sre_c.CATEGORY and a is sre_c.CATEGORY_DIGIT:
                chars |= set("0123456789")
            elif o is sre_c.CATEGORY and a is sre_c.CATEGORY_SPACE:
                chars.add(" ")
            else:
                raise _Unknown
        return _add(states, chars)
    if op is sre_c.SUBPATTERN:
        return _walk(av[3], states)
    if op is sre_c.BRANCH:
        out: set[tuple[str, bool]] = set()
        for branch in av[1]:
            out |= _walk(branch, states)
        return out
    if op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT, getattr(sre_c, "POSSESSIVE_REPEAT", None)):
        low, high, p = av
        for _ in range(min(low, _DIGITS + 1)):
            states = _walk(p, states)
        if low > _DIGITS + 1 and not all(done for _, done in states):
            raise _Unknown
        if high > low:
            acc, cur = set(states), states
            for _ in range(min(high, _DIGITS + 1) - min(low, _DIGITS + 1)):
                cur = _walk(p, cur) - acc  # only states not seen before can grow further
                acc |= cur
            if high > _DIGITS + 1:  # unbounded: a number may be any length, a word is unknown
                pending = [t for t, done in cur if not done]
                if any(not _is_number_key(t) for t in pending):
                    raise _Unknown
                acc |= {(t[:-1] + str(_DIGITS), False) for t in pending}
            states = acc
        return states
    if op in (sre_c.AT, sre_c.ASSERT, sre_c.ASSERT_NOT):
        return states
    raise _Unknown


def can_be_empty(parsed: sre_parse.SubPattern) -> bool:
    """True when a match of the parsed pattern can be empty (its lookarounds aside)."""
    chars, nullable = _first(parsed, True)
    return chars is not None and nullable


def group_names(parsed: sre_parse.SubPattern) -> frozenset[str]:
    """The names of the parsed pattern's groups, as its compiled form's groupindex holds them."""
    return frozenset(parsed.state.groupdict)


def first_chars(pattern: str | sre_parse.SubPattern) -> frozenset[str] | None:
    """The lower-cased characters a match of `pattern` can start with (None: it cannot be said).

    The engine tries a rule only where a token starts with one of them, which keeps the scan linear
    and fast: most positions of a text are tried by no rule at all.
    """
    chars, _ = _first(parse(pattern) if isinstance(pattern, str) else pattern, True)
    return None if chars is None else frozenset(chars)


def _first(sub, fold: bool) -> tuple[set[str] | None, bool]:
    """(first characters, can be empty) of a parsed sequence; `fold`: case-insensitive scope."""
    out: set[str] = set()
    for op, av in sub:
        chars, nullable = _first_item(op, av, fold)
        if chars is None:
            return None, False
        out |= chars
        if not nullable:
            return out, False
    return out, True


def _first_item(op, av, fold: bool) -> tuple[set[str] | None, bool]:
    if op is sre_c.LITERAL:
        c = chr(av)
        return ({c.lower(), c.upper()} if fold else {c}), False
    if op is sre_c.IN:
        chars: set[str] = set()
        for o, a in av:
            if o is sre_c.LITERAL:
                chars |= {chr(a).lower(), chr(a).upper()} if fold else {chr(a)}
            elif o is sre_c.RANGE and a[1] - a[0] < 300:
                span = {chr(c) for c in range(a[0], a[1] + 1)}
                chars |= {x for c in span for x in (c.lower(), c.upper())} if fold else span
            elif o is sre_c.CATEGORY and a is sre_c.CATEGORY_DIGIT:
                chars |= set("0123456789")
            else:
                return None, False
        return chars, False
    if op is sre_c.SUBPATTERN:
        _, add_flags, del_flags, p = av
        inner = (fold or bool(add_flags & re.IGNORECASE)) and not del_flags & re.IGNORECASE
        return _first(p, inner)
    if op is sre_c.BRANCH:
        chars, nullable = set(), False
        for branch in av[1]:
            c, n = _first(branch, fold)
            if c is None:
                return None, False
            chars |= c
            nullable = nullable or n
        return chars, nullable
    if op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT, getattr(sre_c, "POSSESSIVE_REPEAT", None)):
        c, n = _first(av[2], fold)
        return (None, False) if c is None else (c, n or av[0] == 0)
    if op in (sre_c.AT, sre_c.ASSERT, sre_c.ASSERT_NOT):
        return set(), True
    return None, False
