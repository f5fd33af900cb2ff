"""Phase one: find date expressions with the rules and give each an underspecified value."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from timeline_app.core.temporal.functions import FUNCTIONS
from timeline_app.core.temporal.index import token_key
from timeline_app.core.temporal.rules import Rule, RuleSet, normalise_key

log = logging.getLogger(__name__)

_SLOT = re.compile(r"\{([^{}]*)\}")
_CALL = re.compile(r"^([a-z_0-9]+)\(([a-z_0-9, ]*)\)$")


# Where a rule may start: each word, number and punctuation sign.
_TOKEN = re.compile(r"\w+|[^\w\s]")
_RANK = {"DATE": 0, "TIME": 0, "DURATION": 1, "SET": 1}


@dataclass(frozen=True)
class Candidate:
    """A span found by a rule, with its value before resolution ("DCT-1day", "XXXX-11", "2011")."""

    start: int
    end: int
    rule: Rule
    value: str
    mod: str


def find_candidates(text: str, rules: RuleSet) -> list[Candidate]:
    """Leftmost-longest, non-overlapping rule matches with their underspecified values, by start."""
    found: list[tuple[int, int, int, Rule, re.Match[str]]] = []
    by_char, by_word = rules.by_first_char, rules.by_first_word
    proclitics = rules.reading.proclitics
    # Each rule is tried only where a token it can start with starts: one pass, linear in the text.
    get = by_word.get
    the_at = -1  # position of the previous token when it was "the"
    for t in _TOKEN.finditer(text):
        token = t.group()
        key = token_key(token)
        if the_at >= 0:
            tried = get("the " + key)
            if tried:
                _try(text, the_at, tried, found)
        if key == "the":
            the_at = t.start()
            continue
        the_at = -1
        tried = get(key)
        if tried:
            _try(text, t.start(), tried, found)
        # Most tokens start with a character no rule is indexed under: skip the call.
        if by_char and (by_first := by_char.get(text[t.start()])):
            _try(text, t.start(), by_first, found)
        for p in proclitics:  # "بالأمس", "و8 مارس": the date word or day after the fused preposition
            if token.startswith(p) and (len(token) > len(p) + 1 or token[len(p):].isdigit()):
                at = t.start() + len(p)
                _try(text, at, get(token_key(token[len(p):]), ()), found)
                if by_char:
                    _try(text, at, by_char.get(text[at], ()), found)
    # Longest first; at equal length the earlier start, then negative rules (they are there to
    # veto), then dates before durations and sets ("in two weeks"), then the rule listed first.
    found.sort(key=lambda f: (f[0] - f[1], f[0], _RANK[f[3].kind] if not f[3].negative else -1, f[2]))
    taken = bytearray(len(text))  # 1 where a longer match already took the character
    out: list[Candidate] = []
    # A rule's groups decide its value: date-dense texts repeat the same few, filled once each.
    filled: dict[tuple[int, tuple[str | None, ...]], tuple[str | None, str]] = {}
    for start, end, _, rule, m in found:
        if 1 in taken[start:end]:
            continue
        if rule.negative:
            taken[start:end] = b"\x01" * (end - start)
            continue
        key = (rule.order, m.groups())
        if key not in filled:
            mod = fill(rule.mod, m, rule, rules) if rule.mod.startswith("{") else rule.mod
            filled[key] = (fill(rule.value, m, rule, rules), mod or "")
        value, mod = filled[key]
        if value is None:
            continue  # a group the tables cannot read: let a shorter match have the span
        if rule.emit:  # "April 24 and 25": the match is context, the mention is "25"
            start, end = m.span(rule.emit)
            if start < 0 or 1 in taken[start:end]:
                continue
        taken[start:end] = b"\x01" * (end - start)
        out.append(Candidate(start, end, rule, value, mod or ""))
    out.sort(key=lambda c: c.start)
    return out


def _try(text: str, pos: int, tried: tuple[Rule, ...], found: list) -> None:
    for rule in tried:
        m = rule.match(text, pos)
        if m is not None and m.end() > pos:
            found.append((pos, m.end(), rule.order, rule, m))


def fill(template: str, m: re.Match[str], rule: Rule, rules: RuleSet) -> str | None:
    """The template with each {slot} replaced; None when a slot cannot be normalised."""
    failed = False

    def slot(s: re.Match[str]) -> str:
        nonlocal failed
        body = s.group(1)
        call = _CALL.match(body)
        try:
            if call:
                args = [_group_value(a.strip(), m, rule, rules) for a in call.group(2).split(",")]
                result = FUNCTIONS[call.group(1)](*args)
            else:
                result = _group_value(body, m, rule, rules)
        except (KeyError, ValueError, TypeError):
            result = None
        if result is None:
            failed = True
            return ""
        return result

    value = _SLOT.sub(slot, template)
    return None if failed else value


def _group_value(name: str, m: re.Match[str], rule: Rule, rules: RuleSet) -> str | None:
    """The normalised text of a group ("" when the group did not take part in the match)."""
    raw = m.group(name)
    if raw is None:
        return ""
    table = rules.tables.get(rule.groups.get(name, "")) or rules.tables.get(name)
    if table is None:
        return raw.lower()
    key = normalise_key(raw)
    if key in table:
        return table[key]
    if key.isdigit():
        return key
    for base in rules.reading.base_forms(key):  # "марте": the table has "март"
        if base in table:
            return table[base]
    return None
