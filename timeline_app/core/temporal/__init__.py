"""The date engine: find date expressions in news text and resolve them against the publication date."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from timeline_app.core.temporal.engine import find_dates
    from timeline_app.core.temporal.rules import ENGLISH, Example, RuleSet, default_rules, languages, load_rules

__all__ = ["ENGLISH", "Example", "RuleSet", "check_example", "default_rules", "find_dates", "languages", "load_rules"]

# The engine and its rules load with the first of these asked for, not with the package: the window
# imports temporal.values (date labels) and would otherwise import the whole engine, 30-60 ms of its
# start (-X importtime), that it needs only for a date typed in Go to date.
_FROM = {"find_dates": "engine", "ENGLISH": "rules", "Example": "rules", "RuleSet": "rules",
         "default_rules": "rules", "languages": "rules", "load_rules": "rules"}


def __getattr__(name: str) -> Any:
    if name not in _FROM:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{_FROM[name]}"), name)
    globals()[name] = value  # looked up once
    return value


def check_example(example: Example, rules: RuleSet | None = None) -> str | None:
    """Run one rule file EXAMPLE; None when it holds, else a sentence saying what went wrong."""
    mentions = __getattr__("find_dates")(example.sentence, example.published, rules)
    if example.surface is None:
        found = [(m.text, m.value) for m in mentions]
        return f"{example}: expected no date, found {found}" if found else None
    for m in mentions:
        if m.text == example.surface:
            if m.value != example.value:
                return f"{example}: {m.text!r} resolved to {m.value!r}, expected {example.value!r} (rule {m.rule})"
            if m.rule != example.rule:
                return f"{example}: {m.text!r} was found by rule {m.rule}, not by {example.rule}"
            return None
    found = [(m.text, m.value, m.rule) for m in mentions]
    return f"{example}: {example.surface!r} not found; found {found}"
