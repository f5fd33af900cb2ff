"""Phase one: find date expressions with the rules and give each an underspecified value."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from timeline_app.core.temporal.functions import FUNCTIONS
from timeline_app.core.temporal.rules import Rule, RuleSet, normalise_key

log = logging.getLogger(__name__)

# Characters scanned on each side of a trigger word: longer than any date expression.
_WINDOW = 80
_SLOT = re.compile(r"\{([^{}]*)\}")
_CALL = re.compile(r"^([a-z_0-9]+)\(([a-z_0-9, ]*)\)$")


_RANK = {"DATE": 0, "TIME": 0, "DURATION": 1, "SET": 1}


@dataclass(frozen=True)
class Candidate:
    """A span found by a rule, with its value before resolution ("DCT-1day", "XXXX-11", "2011")."""

    start: int
    end: int
    rule: Rule
    value: str
    mod: str


def _windows(text: str, rules: RuleSet) -> list[tuple[int, int]]:
    """Merged spans of text around trigger words and digits, the only places a date can be."""
    spans: list[tuple[int, int]] = []
    n = len(text)
    for m in rules.trigger.finditer(text):
        a, b = max(0, m.start() - _WINDOW), min(n, m.end() + _WINDOW)
        if spans and a <= spans[-1][1]:
            if b > spans[-1][1]:
                spans[-1] = (spans[-1][0], b)
        else:
            spans.append((a, b))
    # Start and end on whitespace so that no word is cut in two.
    out = []
    for a, b in spans:
        while a > 0 and not text[a - 1].isspace():
            a -= 1
        while b < n and not text[b].isspace():
            b += 1
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(b, out[-1][1]))
        else:
            out.append((a, b))
    return out


def find_candidates(text: str, rules: RuleSet) -> list[Candidate]:
    """Leftmost-longest, non-overlapping rule matches with their underspecified values, by start."""
    found: list[tuple[int, int, int, Rule, re.Match[str]]] = []
    for a, b in _windows(text, rules):
        for rule in rules.rules:
            for m in rule.pattern.finditer(text, a, b):
                if m.end() > m.start():
                    found.append((m.start(), m.end(), rule.order, rule, m))
    # Longest first; at equal length the earlier start, then negative rules (they are there to
    # veto), then dates before durations and sets ("in two weeks"), then the rule listed first.
    found.sort(key=lambda f: (f[0] - f[1], f[0], _RANK[f[3].kind] if not f[3].negative else -1, f[2]))
    taken: list[tuple[int, int]] = []
    out: list[Candidate] = []
    for start, end, _, rule, m in found:
        if any(start < e and s < end for s, e in taken):
            continue
        if rule.negative:
            taken.append((start, end))
            continue
        value = fill(rule.value, m, rule, rules)
        if value is None:
            continue  # a group the tables cannot read: let a shorter match have the span
        mod = fill(rule.mod, m, rule, rules) if rule.mod.startswith("{") else rule.mod
        taken.append((start, end))
        out.append(Candidate(start, end, rule, value, mod or ""))
    out.sort(key=lambda c: c.start)
    return out


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
    table = rules.tables.get(rule.groups.get(name, ""))
    if table is None:
        return raw.lower()
    key = normalise_key(raw)
    if key in table:
        return table[key]
    if key.isdigit():
        return key
    return None
